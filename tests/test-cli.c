/* End-to-end tests of the samenkaart command on the real 2017 data: classes, pixel colours
** at interior points through the world file, determinism, reprojection, input variants and
** bad input (message, exit status 2, no output). */
#include <string.h>
#include <cairo.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <glib/gstdio.h>
#include "support.h"

static sk_geography *geo;

static void assert_bad_input(const char *dir, const char *expected, const char *a1,
                             const char *a2, const char *a3, const char *a4);
static char *write_fixture(const char *dir, const char *name, const char *content);

/* The colours of the default style (styles/aef.ini) that these maps must use. */
#define ONTWIKKELPROJECT 0xdf9040u
#define DOORONTWIKKELEN 0xffe577u
#define IMPLEMENTATIE_SAMENWERKINGSAFSPRAKEN 0x2d6286u
#define ONTWIKKELPROJECT_SAMENWERKINGSAFSPRAKEN 0xc98bb9u
#define ONTWIKKELPROJECT_IMPLEMENTATIE 0xbacc5bu
#define TOTAL 0x3c8dbcu
#define WHITE 0xffffffu

static uint32_t
pixel_of(const char *png, const char *municipality)
{
    int m = sk_geography_find_municipality(geo, municipality);
    g_assert_cmpint(m, >=, 0);
    double x, y;
    sk_geography_municipality_interior_point(geo, (size_t)m, &x, &y);
    return pixel_at(png, x, y);
}

static void
assert_class(GHashTable *classes, const char *code, const char *expected)
{
    g_assert_cmpstr(g_hash_table_lookup(classes, code), ==, expected);
}

static char *
render_jeugd(const char *dir, const char *name, const char *extra1, const char *extra2,
             const char *extra3, const char *extra4)
{
    char *png = g_build_filename(dir, name, NULL);
    char *csv = g_strconcat(png, ".csv", NULL);
    char *err = NULL;
    int rc = run_cli(&err, "render", "--where", "inhoudelijk=jeugd", "--show",
                     "samenwerkingsvorm", "--output", png, "--classes-csv", csv, extra1,
                     extra2, extra3, extra4, NULL);
    if (rc != 0)
        g_printerr("%s", err);
    g_assert_cmpint(rc, ==, 0);
    g_free(err);
    g_free(csv);
    return png;
}

static void
check_jeugd_classes(const char *csv)
{
    GHashTable *c = read_classes(csv);
    g_assert_cmpuint(g_hash_table_size(c), ==, 388);
    assert_class(c, "GM0014", "ontwikkelproject|#df9040|1");            /* Groningen */
    assert_class(c, "GM1895", "ontwikkelproject|#df9040|1");            /* Oldambt */
    assert_class(c, "GM0153", "implementeren + samenwerkingsafspraken|#2d6286|2"); /* Enschede */
    assert_class(c, "GM1900", "ontwikkelproject + samenwerkingsafspraken|#c98bb9|2");
    assert_class(c, "GM0363", "doorontwikkelen|#ffe577|1");             /* Amsterdam */
    assert_class(c, "GM0344", "ontwikkelproject + implementeren|#bacc5b|2"); /* Utrecht */
    assert_class(c, "GM0935", "|#ffffff|0");                            /* Maastricht */
    /* Names with commas survive the CSV. */
    assert_class(c, "GM0820", "doorontwikkelen|#ffe577|1");  /* Nuenen, Gerwen en Nederwetten */
    g_hash_table_destroy(c);
}

static void
test_render_png(void)
{
    char *dir = tmp_dir_new();
    char *png = render_jeugd(dir, "jeugd.png", NULL, NULL, NULL, NULL);
    char *csv = g_strconcat(png, ".csv", NULL);
    check_jeugd_classes(csv);
    g_assert_cmphex(pixel_of(png, "Groningen"), ==, ONTWIKKELPROJECT);
    g_assert_cmphex(pixel_of(png, "Oldambt"), ==, ONTWIKKELPROJECT);
    g_assert_cmphex(pixel_of(png, "Enschede"), ==, IMPLEMENTATIE_SAMENWERKINGSAFSPRAKEN);
    g_assert_cmphex(pixel_of(png, "Súdwest-Fryslân"), ==,
                    ONTWIKKELPROJECT_SAMENWERKINGSAFSPRAKEN);
    g_assert_cmphex(pixel_of(png, "Amsterdam"), ==, DOORONTWIKKELEN);
    g_assert_cmphex(pixel_of(png, "Utrecht"), ==, ONTWIKKELPROJECT_IMPLEMENTATIE);
    g_assert_cmphex(pixel_of(png, "Maastricht"), ==, WHITE);

    /* Same input, byte-identical PNG. */
    char *again = render_jeugd(dir, "again.png", NULL, NULL, NULL, NULL);
    assert_same_file(png, again);
    g_free(again);
    g_free(csv);
    g_free(png);
    tmp_dir_remove(dir);
}

static void
test_total_map_and_dpi(void)
{
    char *dir = tmp_dir_new();
    char *png = g_build_filename(dir, "preventie.png", NULL);
    g_assert_cmpint(run_cli(NULL, "render", "--where", "inhoudelijk=preventie", "--dpi", "96",
                            "--output", png, NULL), ==, 0);
    g_assert_cmphex(pixel_of(png, "Maastricht"), ==, TOTAL);
    g_assert_cmphex(pixel_of(png, "Groningen"), ==, TOTAL);
    g_assert_cmphex(pixel_of(png, "Utrecht"), ==, WHITE);
    cairo_surface_t *s = cairo_image_surface_create_from_png(png);
    /* A4 landscape at 96 dpi. */
    g_assert_cmpint(cairo_image_surface_get_width(s), ==, 1123);
    g_assert_cmpint(cairo_image_surface_get_height(s), ==, 794);
    cairo_surface_destroy(s);
    g_free(png);
    tmp_dir_remove(dir);
}

static void
test_pdf_and_svg(void)
{
    char *dir = tmp_dir_new();
    char *pdf = g_build_filename(dir, "map.pdf", NULL), *svg = g_build_filename(dir, "map.svg", NULL);
    g_assert_cmpint(run_cli(NULL, "render", "--where", "inhoudelijk=ggz", "--show",
                            "instrumenteel", "--output", pdf, NULL), ==, 0);
    g_assert_cmpint(run_cli(NULL, "render", "--where", "inhoudelijk=ggz", "--page", "slide",
                            "--output", svg, NULL), ==, 0);
    char *text = NULL;
    gsize len;
    g_assert_true(g_file_get_contents(pdf, &text, &len, NULL));
    g_assert_true(g_str_has_prefix(text, "%PDF-"));
    /* A complete file: the trailer is there. */
    g_assert_cmpuint(len, >, 1000);
    g_assert_nonnull(g_strrstr_len(text + len - 32, 32, "%%EOF"));
    g_free(text);
    g_assert_true(g_file_get_contents(svg, &text, &len, NULL));
    g_assert_nonnull(strstr(text, "<svg"));
    g_assert_nonnull(strstr(text, "width=\"960pt\""));
    g_free(text);
    /* World files only for PNGs. */
    char *pgw = g_build_filename(dir, "map.pgw", NULL);
    g_assert_false(file_exists(pgw));
    g_free(pgw);
    g_free(pdf);
    g_free(svg);
    tmp_dir_remove(dir);
}

static void
test_highlight_and_count_maps(void)
{
    char *dir = tmp_dir_new();
    char *png = g_build_filename(dir, "hl.png", NULL), *csv = g_build_filename(dir, "hl.csv", NULL);
    g_assert_cmpint(run_cli(NULL, "render", "--where", "samenwerkingsvorm=implementatie",
                            "--highlight", "inhoudelijk=ouderen", "--note",
                            "Regionale projecten tellen mee voor <b>alle</b> gemeenten.",
                            "--output", png, "--classes-csv", csv, NULL), ==, 0);
    GHashTable *c = read_classes(csv);
    /* Groningen has an ouderen project among its implementatie projects; Eindhoven only
    ** P0349, which is not about ouderen. */
    g_assert_true(g_str_has_prefix(g_hash_table_lookup(c, "GM0014"),
                                   "implementeren: ouderen|#c54831|"));
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0772"), ==, "implementeren: overig|#fdcc8a|1");
    g_hash_table_destroy(c);
    g_assert_cmphex(pixel_of(png, "Groningen"), ==, 0xc54831);
    g_assert_cmphex(pixel_of(png, "Eindhoven"), ==, 0xfdcc8a);

    g_assert_cmpint(run_cli(NULL, "render", "--count", "natural", "--classes", "5", "--output",
                            png, "--classes-csv", csv, NULL), ==, 0);
    c = read_classes(csv);
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0363"), ==, "15–23 projecten|#541043|23");  /* Amsterdam */
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0935"), ==, "10–14 projecten|#bd2d2c|13");  /* Maastricht */
    g_hash_table_destroy(c);
    g_assert_cmphex(pixel_of(png, "Amsterdam"), ==, 0x541043);
    g_free(csv);

    assert_bad_input(dir, "note: ", "--note", "<b>niet gesloten", NULL, NULL);
    assert_bad_input(dir, "text: ", "--text", "<i>Analyse", NULL, NULL);
    /* A text panel takes a column beside the map: Groningen is still drawn in its colour. */
    g_assert_cmpint(run_cli(NULL, "render", "--page", "slide", "--where", "inhoudelijk=jeugd",
                            "--show", "samenwerkingsvorm", "--text",
                            "<b>Analyse</b>\n• Jeugd heeft de minste projecten.", "--output", png,
                            NULL), ==, 0);
    g_assert_cmphex(pixel_of(png, "Groningen"), ==, ONTWIKKELPROJECT);
    assert_bad_input(dir,
                     "--show, --highlight, --count, --table and --regions-overview are "
                     "different maps", "--show",
                     "geografisch", "--count", "quantile");
    assert_bad_input(dir, "count classes '0,x': expected quantile, natural or up to",
                     "--count", "0,x", NULL, NULL);
    g_free(png);
    tmp_dir_remove(dir);
}

static void
test_table_maps(void)
{
    char *dir = tmp_dir_new();
    char *polissen = data_path("gemeentepolissen_2017.csv");
    char *png = g_build_filename(dir, "minima.png", NULL), *csv = g_build_filename(dir, "m.csv", NULL);
    /* 39 combinations are too many for one map (issue 12): grouped from two insurers on. */
    g_assert_cmpint(run_cli(NULL, "render", "--table", polissen, "--title",
                            "Collectieve zorg minima – gemeentepolissen", "--group-from", "2",
                            "--output", png, "--classes-csv", csv, NULL), ==, 0);
    GHashTable *c = read_classes(csv);
    /* gemeentepolissen_2017.csv: Groningen Menzis; Amsterdam Zilveren Kruis;CZ; Maastricht
    ** CZ;Eno; 18 municipalities without a contract. */
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0014"), ==, "Menzis|#c1a9ce|0");
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0363"), ==, "2 of meer zorgverzekeraars|#4d4d4d|0");
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0935"), ==, "2 of meer zorgverzekeraars|#4d4d4d|0");
    GHashTableIter it;
    gpointer value;
    size_t none = 0;
    g_hash_table_iter_init(&it, c);
    while (g_hash_table_iter_next(&it, NULL, &value))
        none += g_str_has_prefix(value, "geen contract|#c8c8c8|");
    g_assert_cmpuint(none, ==, 18);
    g_hash_table_destroy(c);
    g_assert_cmphex(pixel_of(png, "Groningen"), ==, 0xc1a9ce);

    /* Kernwerkgebieden: zorgkantoorregio's as the regions, their dominant insurer per
    ** municipality (Groningen in ZK09 Menzis, Amsterdam in ZK02 Zilveren Kruis). */
    char *m = data_path("gemeenten_2017.shp"), *zk = data_path("zorgkantoorregios_2017.shp");
    char *t = data_path("gemeenten_regios_2017.csv"), *kern = data_path("kernwerkgebieden_2017.csv");
    char *err = NULL;
    int rc = run_cli(&err, "render", "--municipalities", m, "--regions", zk,
                     "--region-code-field", "zk_code", "--region-name-field", "zk_naam",
                     "--membership", t, "--membership-region-code-field", "zk_code",
                     "--membership-region-name-field", "zk_naam", "--table", kern,
                     "--table-column", "verzekeraar", "--by-region", "--output", png,
                     "--classes-csv", csv, NULL);
    if (rc != 0)
        g_printerr("%s", err);
    g_assert_cmpint(rc, ==, 0);
    g_free(err);
    c = read_classes(csv);
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0014"), ==, "Menzis|#c1a9ce|0");
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0363"), ==, "Zilveren Kruis|#266290|0");
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0935"), ==, "CZ|#c7711b|0");
    g_hash_table_destroy(c);
    g_assert_cmphex(pixel_of(png, "Amsterdam"), ==, 0x266290);

    /* Bad values in a table: every one reported, nothing written. */
    char *bad = write_fixture(dir, "bad.csv", "gm_code,verzekeraars\nGM0014,Menziss\n"
                                             "GM9999,CZ\n");
    char *expected = g_strdup_printf("%s:2: column 'verzekeraars': unknown value 'Menziss' (did "
                                     "you mean 'Menzis'?)\n%s:3: column 'gm_code': unknown value "
                                     "'GM9999'", bad, bad);
    assert_bad_input(dir, expected, "--table", bad, NULL, NULL);
    g_free(expected);
    g_free(bad);
    g_free(m);
    g_free(zk);
    g_free(t);
    g_free(kern);
    g_free(polissen);
    g_free(png);
    g_free(csv);
    tmp_dir_remove(dir);
}

static void
translate(const char *src_path, const char *dst_path, char **args)
{
    GDALAllRegister();
    GDALDatasetH src = GDALOpenEx(src_path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(src);
    GDALVectorTranslateOptions *o = GDALVectorTranslateOptionsNew(args, NULL);
    int err = 0;
    GDALDatasetH dst = GDALVectorTranslate(dst_path, NULL, 1, &src, o, &err);
    g_assert_nonnull(dst);
    GDALClose(dst);
    GDALVectorTranslateOptionsFree(o);
    GDALClose(src);
}


static void
test_reprojection_from_wgs84(void)
{
    char *dir = tmp_dir_new();
    char *m = data_path("gemeenten_2017.shp"), *r = data_path("wmo_regios_2017.shp");
    char *wm = g_build_filename(dir, "gemeenten_wgs84.shp", NULL);
    char *wr = g_build_filename(dir, "regios_wgs84.shp", NULL);
    char *args[] = {"-f", "ESRI Shapefile", "-t_srs", "EPSG:4326", NULL};
    translate(m, wm, args);
    translate(r, wr, args);
    char *png = render_jeugd(dir, "wgs84.png", "--municipalities", wm, "--regions", wr);
    char *csv = g_strconcat(png, ".csv", NULL);
    check_jeugd_classes(csv);
    g_assert_cmphex(pixel_of(png, "Groningen"), ==, ONTWIKKELPROJECT);
    g_assert_cmphex(pixel_of(png, "Enschede"), ==, IMPLEMENTATIE_SAMENWERKINGSAFSPRAKEN);
    g_assert_cmphex(pixel_of(png, "Maastricht"), ==, WHITE);
    g_free(csv);
    g_free(png);
    g_free(m);
    g_free(r);
    g_free(wm);
    g_free(wr);
    tmp_dir_remove(dir);
}

static void
test_semicolon_bom_crlf(void)
{
    char *dir = tmp_dir_new();
    char *src = data_path("projecten_2017.csv");
    char *dst = g_build_filename(dir, "projecten_excel.csv", NULL);
    char *args[] = {"-f", "CSV", "-lco", "SEPARATOR=SEMICOLON", "-lco", "LINEFORMAT=CRLF",
                    "-lco", "WRITE_BOM=YES", NULL};
    translate(src, dst, args);
    char *text = NULL;
    g_assert_true(g_file_get_contents(dst, &text, NULL, NULL));
    g_assert_true(g_str_has_prefix(text, "\xEF\xBB\xBF" "id;titel;"));
    g_assert_nonnull(strstr(text, "\r\n"));
    g_free(text);
    char *reference = render_jeugd(dir, "reference.png", NULL, NULL, NULL, NULL);
    char *excel = render_jeugd(dir, "excel.png", "--projects", dst, NULL, NULL);
    char *rc = g_strconcat(reference, ".csv", NULL), *ec = g_strconcat(excel, ".csv", NULL);
    assert_same_file(rc, ec);
    g_free(rc);
    g_free(ec);
    g_free(reference);
    g_free(excel);
    g_free(src);
    g_free(dst);
    tmp_dir_remove(dir);
}

static void
test_regions_dissolved_from_membership(void)
{
    char *dir = tmp_dir_new();
    char *m = data_path("gemeenten_2017.shp"), *t = data_path("gemeenten_regios_2017.csv");
    char *reference = render_jeugd(dir, "reference.png", NULL, NULL, NULL, NULL);
    char *dissolved = render_jeugd(dir, "dissolved.png", "--municipalities", m,
                                   "--membership", t);
    char *rc = g_strconcat(reference, ".csv", NULL), *dc = g_strconcat(dissolved, ".csv", NULL);
    assert_same_file(rc, dc);
    g_assert_cmphex(pixel_of(dissolved, "Groningen"), ==, ONTWIKKELPROJECT);
    g_free(rc);
    g_free(dc);
    g_free(reference);
    g_free(dissolved);
    g_free(m);
    g_free(t);
    tmp_dir_remove(dir);
}

/* The one cache entry of kind ("geography", "table": a table as read) in dir. */
static char *
find_cache_entry(const char *dir, const char *kind)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    const char *name;
    char *found = NULL;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_prefix(name, kind) && g_str_has_suffix(name, ".skc")) {
            g_assert_null(found);
            found = g_build_filename(dir, name, NULL);
        }
    g_dir_close(d);
    g_assert_nonnull(found);
    return found;
}

static void
test_geometry_cache(void)
{
    char *dir = tmp_dir_new(), *cache = g_build_filename(dir, "cache", NULL);
    char *reference = render_jeugd(dir, "reference.png", "--no-cache", NULL, NULL, NULL);
    char *cold = render_jeugd(dir, "cold.png", "--cache-dir", cache, NULL, NULL);
    char *entry = find_cache_entry(cache, "geography-");
    char *table_entry = find_cache_entry(cache, "table-");
    char *warm = render_jeugd(dir, "warm.png", "--cache-dir", cache, NULL, NULL);
    /* The cache makes runs faster, never different. */
    assert_same_file(reference, cold);
    assert_same_file(reference, warm);
    char *rc = g_strconcat(reference, ".csv", NULL), *wc = g_strconcat(warm, ".csv", NULL);
    assert_same_file(rc, wc);

    /* Damaged entries are ignored and replaced. */
    const char *entries[] = {entry, table_entry};
    for (size_t i = 0; i < G_N_ELEMENTS(entries); i++) {
        char *bytes = NULL;
        gsize len;
        g_assert_true(g_file_get_contents(entries[i], &bytes, &len, NULL));
        bytes[len / 2] ^= 0x5a;
        g_assert_true(g_file_set_contents(entries[i], bytes, (gssize)len, NULL));
        g_free(bytes);
    }
    char *damaged = render_jeugd(dir, "damaged.png", "--cache-dir", cache, NULL, NULL);
    assert_same_file(reference, damaged);

    /* A changed input is a different entry: rename Appingedam (no project names it; it takes
    ** part through its region) in a copy of the boundaries. */
    char *m = data_path("gemeenten_2017.shp"), *t = data_path("gemeenten_regios_2017.csv");
    char *copy = g_build_filename(dir, "gemeenten.shp", NULL);
    char *args[] = {"-f", "ESRI Shapefile", NULL};
    translate(m, copy, args);
    /* Through the environment, as users set it, leaving the arguments for the data. */
    char *saved = g_strdup(g_getenv("SAMENKAART_CACHE"));
    g_setenv("SAMENKAART_CACHE", cache, TRUE);
    char *first = render_jeugd(dir, "copy1.png", "--municipalities", copy, "--membership", t);
    GDALDatasetH ds = GDALOpenEx(copy, GDAL_OF_VECTOR | GDAL_OF_UPDATE, NULL, NULL, NULL);
    g_assert_nonnull(ds);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGR_L_SetAttributeFilter(layer, "gm_code = 'GM0003'");
    OGRFeatureH f = OGR_L_GetNextFeature(layer);
    g_assert_nonnull(f);
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, "gm_naam"), "Appingedam (Dam)");
    g_assert_cmpint(OGR_L_SetFeature(layer, f), ==, OGRERR_NONE);
    OGR_F_Destroy(f);
    GDALClose(ds);
    char *second = render_jeugd(dir, "copy2.png", "--municipalities", copy, "--membership", t);
    g_setenv("SAMENKAART_CACHE", saved, TRUE);
    g_free(saved);
    char *c1 = g_strconcat(first, ".csv", NULL), *c2 = g_strconcat(second, ".csv", NULL);
    char *text = NULL;
    g_assert_true(g_file_get_contents(c1, &text, NULL, NULL));
    g_assert_nonnull(strstr(text, "\nGM0003,Appingedam,"));
    g_free(text);
    g_assert_true(g_file_get_contents(c2, &text, NULL, NULL));
    g_assert_nonnull(strstr(text, "\nGM0003,Appingedam (Dam),"));
    g_assert_null(strstr(text, "\nGM0003,Appingedam,"));
    g_free(text);

    g_free(c1);
    g_free(c2);
    g_free(first);
    g_free(second);
    g_free(copy);
    g_free(m);
    g_free(t);
    g_free(damaged);
    g_free(rc);
    g_free(wc);
    g_free(entry);
    g_free(table_entry);
    g_free(reference);
    g_free(cold);
    g_free(warm);
    g_free(cache);
    tmp_dir_remove(dir);
}

static void
test_invalid_geometry_repaired(void)
{
    char *dir = tmp_dir_new(), *cache = g_build_filename(dir, "cache", NULL);
    char *m = data_path("gemeenten_2017.shp"), *t = data_path("gemeenten_regios_2017.csv");
    char *copy = g_build_filename(dir, "gemeenten.shp", NULL);
    char *args[] = {"-f", "ESRI Shapefile", NULL};
    translate(m, copy, args);
    /* Appingedam becomes a bow-tie over its bounding box: self-intersecting, invalid. */
    GDALDatasetH ds = GDALOpenEx(copy, GDAL_OF_VECTOR | GDAL_OF_UPDATE, NULL, NULL, NULL);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGR_L_SetAttributeFilter(layer, "gm_code = 'GM0003'");
    OGRFeatureH f = OGR_L_GetNextFeature(layer);
    g_assert_nonnull(f);
    long long fid = (long long)OGR_F_GetFID(f);
    OGREnvelope e;
    OGR_G_GetEnvelope(OGR_F_GetGeometryRef(f), &e);
    char *wkt = g_strdup_printf("POLYGON ((%f %f,%f %f,%f %f,%f %f,%f %f))", e.MinX, e.MinY,
                                e.MaxX, e.MaxY, e.MaxX, e.MinY, e.MinX, e.MaxY, e.MinX, e.MinY);
    OGRGeometryH bowtie = NULL;
    char *cursor = wkt;
    g_assert_cmpint(OGR_G_CreateFromWkt(&cursor, NULL, &bowtie), ==, OGRERR_NONE);
    g_assert_false(OGR_G_IsValid(bowtie));
    OGR_F_SetGeometryDirectly(f, bowtie);
    g_assert_cmpint(OGR_L_SetFeature(layer, f), ==, OGRERR_NONE);
    OGR_F_Destroy(f);
    GDALClose(ds);
    g_free(wkt);

    char *expected = g_strdup_printf("samenkaart: warning: %s: feature %lld: municipality "
                                     "layer 'GM0003': invalid geometry repaired\n", copy, fid);
    char *png = g_build_filename(dir, "repaired.png", NULL);
    /* Once read from the file, once from the cache: the warning both times, once each. */
    for (int run = 0; run < 2; run++) {
        char *err = NULL;
        int rc = run_cli(&err, "render", "--municipalities", copy, "--membership", t,
                         "--cache-dir", cache, "--output", png, NULL);
        g_assert_cmpint(rc, ==, 0);
        g_assert_cmpstr(err, ==, expected);
        g_free(err);
    }
    g_free(expected);
    g_free(png);
    g_free(copy);
    g_free(m);
    g_free(t);
    g_free(cache);
    tmp_dir_remove(dir);
}

static void
test_cache_and_backend_failures(void)
{
    char *dir = tmp_dir_new();
    /* A cache that cannot be written is no reason to fail: the map is made without it. */
    char *blocker = g_build_filename(dir, "not-a-directory", NULL);
    g_assert_true(g_file_set_contents(blocker, "", 0, NULL));
    char *reference = render_jeugd(dir, "reference.png", "--no-cache", NULL, NULL, NULL);
    char *png = render_jeugd(dir, "uncached.png", "--cache-dir", blocker, NULL, NULL);
    assert_same_file(reference, png);

    /* Without the reader back-end nothing can be read: a runtime failure, exit 1. */
    char *saved = g_strdup(g_getenv("SAMENKAART_BACKEND"));
    g_setenv("SAMENKAART_BACKEND", "/nonexistent/libsamenkaart-ogr.so", TRUE);
    char *out = g_build_filename(dir, "none.png", NULL), *err = NULL;
    int rc = run_cli(&err, "render", "--no-cache", "--output", out, NULL);
    if (saved != NULL)
        g_setenv("SAMENKAART_BACKEND", saved, TRUE);
    else
        g_unsetenv("SAMENKAART_BACKEND");
    g_assert_cmpint(rc, ==, 1);
    g_assert_nonnull(strstr(err, "cannot load the reader back-end /nonexistent/"));
    g_assert_false(file_exists(out));
    g_free(err);
    g_free(out);
    g_free(saved);
    g_free(blocker);
    g_free(reference);
    g_free(png);
    tmp_dir_remove(dir);
}


static void
test_project_table_cache(void)
{
    char *dir = tmp_dir_new();
    char *src = data_path("projecten_2017.csv"), *copy = g_build_filename(dir, "db.csv", NULL);
    char *text = NULL;
    g_assert_true(g_file_get_contents(src, &text, NULL, NULL));
    g_assert_true(g_file_set_contents(copy, text, -1, NULL));
    char *png = render_jeugd(dir, "first.png", "--projects", copy, NULL, NULL);
    char *again = render_jeugd(dir, "again.png", "--projects", copy, NULL, NULL);
    assert_same_file(png, again);
    /* An edited database is read again: the bad row must be found. */
    char *edited = g_strconcat(text, "X9,Nieuw,Menzis,Groningn,,jeugd,werkwijze,"
                               "ontwikkelproject,gemeente,,test\n", NULL);
    g_assert_true(g_file_set_contents(copy, edited, -1, NULL));
    char *expected = g_strdup_printf("%s:423: column 'gemeenten': unknown value 'Groningn'",
                                     copy);
    assert_bad_input(dir, expected, "--projects", copy, NULL, NULL);
    g_free(expected);
    g_free(edited);
    g_free(text);
    g_free(png);
    g_free(again);
    g_free(src);
    g_free(copy);
    tmp_dir_remove(dir);
}

/* Run a render that must fail with bad input: exit 2, the expected text on stderr, and no
** output file at all. */
static void
assert_bad_input(const char *dir, const char *expected, const char *a1, const char *a2,
                 const char *a3, const char *a4)
{
    char *png = g_build_filename(dir, "out.png", NULL);
    char *pgw = g_build_filename(dir, "out.pgw", NULL);
    char *csv = g_build_filename(dir, "out.csv", NULL);
    char *err = NULL;
    int rc = run_cli(&err, "render", "--output", png, "--classes-csv", csv, a1, a2, a3, a4,
                     NULL);
    g_assert_cmpint(rc, ==, 2);
    if (strstr(err, expected) == NULL)
        g_error("expected on stderr:\n%s\ngot:\n%s", expected, err);
    g_assert_false(file_exists(png));
    g_assert_false(file_exists(pgw));
    g_assert_false(file_exists(csv));
    /* No temporary files left behind either. */
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        g_assert_false(g_str_has_prefix(name, ".out."));
    g_dir_close(d);
    g_free(err);
    g_free(png);
    g_free(pgw);
    g_free(csv);
}

static char *
write_fixture(const char *dir, const char *name, const char *content)
{
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, content, -1, NULL));
    return path;
}

static void
test_bad_values_all_reported(void)
{
    char *dir = tmp_dir_new();
    char *db = write_fixture(dir, "bad.csv",
        "id,titel,zorgverzekeraars,gemeenten,wmo_regios,inhoudelijk,instrumenteel,"
        "samenwerkingsvorm,geografisch,partners,bron\n"
        "X1,Goed,Menzis,Groningen,,jeugd,werkwijze,ontwikkelproject,gemeente,,test\n"
        "X2,Label,Menzis,Groningen,,preventi,werkwijze,ontwikkelproject,gemeente,,test\n"
        "X3,Gemeente,CZ,Groningn,,ggz,beleid,implementatie,gemeente,,test\n"
        "X4,Regio,VGZ,,Twentee,ouderen,inkoop,implementeren,regionaal,,test\n"
        "X1,Dubbel,Menzis;Zilveren Krius,Den Haag,,esw,werkwijze,samenwerkingsafspraken,"
        "gemeente,,test\n");
    const char *lines =
        "@:3: column 'inhoudelijk': unknown value 'preventi' (did you mean 'preventie'?)\n"
        "@:4: column 'gemeenten': unknown value 'Groningn' (did you mean 'Groningen'?)\n"
        "@:5: column 'wmo_regios': unknown value 'Twentee' (did you mean 'Twente'?)\n"
        "@:6: column 'id': duplicate value 'X1' (first at @:2)\n"
        "@:6: column 'zorgverzekeraars': unknown value 'Zilveren Krius' (did you mean "
        "'Zilveren Kruis'?)\n";
    char **parts = g_strsplit(lines, "@", -1);
    char *expected = g_strjoinv(db, parts);
    g_strfreev(parts);
    assert_bad_input(dir, expected, "--projects", db, NULL, NULL);
    g_free(expected);
    g_free(db);
    tmp_dir_remove(dir);
}

static void
test_missing_and_broken_files(void)
{
    char *dir = tmp_dir_new();
    char *missing = g_build_filename(dir, "nope.csv", NULL);
    char *msg = g_strdup_printf("%s: cannot open project database: No such file or directory",
                                missing);
    assert_bad_input(dir, msg, "--projects", missing, NULL, NULL);
    g_free(msg);
    char *missing_shp = g_build_filename(dir, "nope.shp", NULL);
    msg = g_strdup_printf("%s: cannot open municipality layer", missing_shp);
    assert_bad_input(dir, msg, "--municipalities", missing_shp, "--membership",
                     "/dev/null");
    g_free(msg);

    char *columns = write_fixture(dir, "columns.csv", "id,titel,gemeenten\nX1,a,Groningen\n");
    msg = g_strdup_printf("%s: no column 'zorgverzekeraars' (did you mean", columns);
    assert_bad_input(dir, msg, "--projects", columns, NULL, NULL);
    g_free(msg);

    char *points = write_fixture(dir, "points.csv",
                                 "WKT,gm_code,gm_naam\n\"POINT (1 2)\",GM0001,Puntdorp\n");
    char *t = data_path("gemeenten_regios_2017.csv");
    msg = g_strdup_printf("%s:2: municipality layer 'GM0001' is a POINT, not a polygon",
                          points);
    assert_bad_input(dir, msg, "--municipalities", points, "--membership", t);
    g_free(msg);

    char *empty = write_fixture(dir, "empty.csv", "WKT,gm_code,gm_naam\n");
    msg = g_strdup_printf("%s: municipality layer is empty (no features)", empty);
    assert_bad_input(dir, msg, "--municipalities", empty, "--membership", t);
    g_free(msg);

    g_free(t);
    g_free(empty);
    g_free(points);
    g_free(columns);
    g_free(missing);
    g_free(missing_shp);
    tmp_dir_remove(dir);
}

static void
test_bad_arguments(void)
{
    char *dir = tmp_dir_new();
    assert_bad_input(dir, "unknown inhoudelijk 'preventi' (did you mean 'preventie'?)",
                     "--where", "inhoudelijk=preventi", NULL, NULL);
    assert_bad_input(dir, "unknown ordering principle 'vorm2' (did you mean",
                     "--show", "vorm2", NULL, NULL);
    char *err = NULL;
    g_assert_cmpint(run_cli(&err, "render", NULL), ==, 2);
    g_assert_nonnull(strstr(err, "--output FILE is required"));
    g_free(err);
    g_assert_cmpint(run_cli(NULL, "--version", NULL), ==, 0);
    g_assert_cmpint(run_cli(NULL, "--help", NULL), ==, 0);
    g_assert_cmpint(run_cli(NULL, "render", "--help", NULL), ==, 0);
    /* Every command's help, by any of its names, is printed by the CLI itself (GOption's
    ** would exit() from inside the parser: found by fuzz-cli). */
    const char *commands[] = {"render", "atlas", "stats", "diff", "compare"};
    const char *flags[] = {"--help", "-h", "-?", "--help-all"};
    for (size_t c = 0; c < G_N_ELEMENTS(commands); c++)
        for (size_t f = 0; f < G_N_ELEMENTS(flags); f++)
            g_assert_cmpint(run_cli(NULL, commands[c], flags[f], NULL), ==, 0);
    g_assert_cmpint(run_cli(NULL, "rendr", NULL), ==, 2);
    tmp_dir_remove(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    geo = load_geography();
    g_test_add_func("/cli/render-png", test_render_png);
    g_test_add_func("/cli/total-map-and-dpi", test_total_map_and_dpi);
    g_test_add_func("/cli/pdf-and-svg", test_pdf_and_svg);
    g_test_add_func("/cli/highlight-and-count-maps", test_highlight_and_count_maps);
    g_test_add_func("/cli/table-maps", test_table_maps);
    g_test_add_func("/cli/reprojection-from-wgs84", test_reprojection_from_wgs84);
    g_test_add_func("/cli/semicolon-bom-crlf", test_semicolon_bom_crlf);
    g_test_add_func("/cli/regions-dissolved-from-membership",
                    test_regions_dissolved_from_membership);
    g_test_add_func("/cli/geometry-cache", test_geometry_cache);
    g_test_add_func("/cli/project-table-cache", test_project_table_cache);
    g_test_add_func("/cli/invalid-geometry-repaired", test_invalid_geometry_repaired);
    g_test_add_func("/cli/cache-and-backend-failures", test_cache_and_backend_failures);
    g_test_add_func("/cli/bad-values-all-reported", test_bad_values_all_reported);
    g_test_add_func("/cli/missing-and-broken-files", test_missing_and_broken_files);
    g_test_add_func("/cli/bad-arguments", test_bad_arguments);
    int rc = g_test_run();
    sk_geography_free(geo);
    return rc;
}
