/* No guessing of coordinates: boundaries without a coordinate system are read as degrees or
** as RD New by the range of their coordinates (and said), boundaries that do not lie in the
** Netherlands are refused with their extent, and a source of several layers is read only
** with the layer chosen.  Every fixture is made here with GDAL from the nl2017 data. */
#include <string.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <glib/gstdio.h>
#include "support.h"

static sk_geography *geo;

/* ogr2ogr src dst args… (to an existing GeoPackage when args hold -update). */
static void
translate(const char *src_path, const char *dst_path, char **args)
{
    GDALAllRegister();
    GDALDatasetH src = GDALOpenEx(src_path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(src);
    GDALVectorTranslateOptions *o = GDALVectorTranslateOptionsNew(args, NULL);
    g_assert_nonnull(o);
    int err = 0;
    GDALDatasetH dst = GDALVectorTranslate(dst_path, NULL, 1, &src, o, &err);
    g_assert_nonnull(dst);
    GDALClose(dst);
    GDALVectorTranslateOptionsFree(o);
    GDALClose(src);
}

/* from (NULL: the municipalities of nl2017) through args, as dir/name.shp; without its .prj
** when asked. */
static char *
municipalities_copy(const char *from, const char *dir, const char *name, char **args,
                    int drop_prj)
{
    char *src = from != NULL ? g_strdup(from) : data_path("gemeenten_2017.shp");
    char *shp = g_strdup_printf("%s/%s.shp", dir, name);
    translate(src, shp, args);
    if (drop_prj) {
        char *prj = g_strdup_printf("%s/%s.prj", dir, name);
        g_assert_cmpint(g_unlink(prj), ==, 0);
        g_free(prj);
    }
    g_free(src);
    return shp;
}

/* The extent of the only layer of path as "x A…B, y C…D" with decimals digits. */
static char *
extent_of(const char *path, int decimals)
{
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(ds);
    OGREnvelope e;
    g_assert_cmpint(OGR_L_GetExtent(GDALDatasetGetLayer(ds, 0), &e, TRUE), ==, OGRERR_NONE);
    GDALClose(ds);
    return g_strdup_printf("x %.*f…%.*f, y %.*f…%.*f", decimals, e.MinX, decimals, e.MaxX,
                           decimals, e.MinY, decimals, e.MaxY);
}

/* Render the jeugd map of the municipalities m (regions dissolved from the membership table)
** plus extra options into dir/name.png with its classes CSV; fails unless the exit status is
** 0.  Returns stderr. */
static char *
render(const char *dir, const char *name, const char *const *extra)
{
    char *png = g_strdup_printf("%s/%s.png", dir, name);
    char *csv = g_strdup_printf("%s/%s.csv", dir, name);
    GPtrArray *argv = g_ptr_array_new();
    const char *base[] = {g_getenv("SK_CLI"), "render", "--no-cache", "--where",
                          "inhoudelijk=jeugd", "--show", "samenwerkingsvorm", "--output", png,
                          "--classes-csv", csv};
    for (size_t i = 0; i < G_N_ELEMENTS(base); i++)
        g_ptr_array_add(argv, (char *)base[i]);
    for (size_t i = 0; extra != NULL && extra[i] != NULL; i++)
        g_ptr_array_add(argv, (char *)extra[i]);
    g_ptr_array_add(argv, NULL);
    char *err = NULL;
    int status = 0;
    g_assert_true(g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, NULL));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        g_error("%s: exit status %d:\n%s", name, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                err);
    g_ptr_array_free(argv, TRUE);
    g_free(png);
    g_free(csv);
    return err;
}

/* The map dir/name.png shows what the reference map of the real data shows: the same classes,
** and at the interior point of each of a few municipalities (RD New, through the world file)
** the same colour. */
static void
assert_like_reference(const char *dir, const char *name)
{
    char *err = render(dir, "reference", NULL);
    g_free(err);
    char *ref_csv = g_strdup_printf("%s/reference.csv", dir);
    char *csv = g_strdup_printf("%s/%s.csv", dir, name);
    assert_same_file(ref_csv, csv);
    char *ref_png = g_strdup_printf("%s/reference.png", dir);
    char *png = g_strdup_printf("%s/%s.png", dir, name);
    const char *places[] = {"Groningen", "Enschede", "Amsterdam", "Maastricht", "Vlissingen"};
    for (size_t i = 0; i < G_N_ELEMENTS(places); i++) {
        int m = sk_geography_find_municipality(geo, places[i]);
        g_assert_cmpint(m, >=, 0);
        double x, y;
        sk_geography_municipality_interior_point(geo, (size_t)m, &x, &y);
        g_assert_cmphex(pixel_at(png, x, y), ==, pixel_at(ref_png, x, y));
    }
    g_free(ref_csv);
    g_free(csv);
    g_free(ref_png);
    g_free(png);
}

/* The CLI refuses (exit status 2) with every one of expected on stderr and writes nothing. */
static void
assert_refused(const char *dir, const char *const *expected, const char *const *args)
{
    char *png = g_strdup_printf("%s/refused.png", dir);
    GPtrArray *argv = g_ptr_array_new();
    const char *base[] = {g_getenv("SK_CLI"), "render", "--no-cache", "--output", png};
    for (size_t i = 0; i < G_N_ELEMENTS(base); i++)
        g_ptr_array_add(argv, (char *)base[i]);
    for (size_t i = 0; args[i] != NULL; i++)
        g_ptr_array_add(argv, (char *)args[i]);
    g_ptr_array_add(argv, NULL);
    char *err = NULL;
    int status = 0;
    g_assert_true(g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, NULL));
    int ok = WIFEXITED(status) && WEXITSTATUS(status) == 2;
    for (size_t i = 0; expected[i] != NULL; i++)
        ok = ok && strstr(err, expected[i]) != NULL;
    if (!ok) {
        GString *want = g_string_new(NULL);
        for (size_t i = 0; expected[i] != NULL; i++)
            g_string_append_printf(want, "%s\n", expected[i]);
        g_error("expected exit status 2 and on stderr:\n%sgot status %d and:\n%s", want->str,
                WIFEXITED(status) ? WEXITSTATUS(status) : -1, err);
    }
    g_assert_false(file_exists(png));
    g_ptr_array_free(argv, TRUE);
    g_free(err);
    g_free(png);
}

/* ---- no coordinate system ----------------------------------------------------------- */

/* Boundaries through args without their .prj: drawn as the real map, with the warning that
** says what is assumed (before and after the range of the coordinates) and what to do. */
static void
assert_read_without_prj(const char *name, char **args, int decimals, const char *before,
                        const char *after)
{
    char *dir = tmp_dir_new(), *membership = data_path("gemeenten_regios_2017.csv");
    char *shp = municipalities_copy(NULL, dir, name, args, 1);
    const char *extra[] = {"--municipalities", shp, "--membership", membership, NULL};
    char *err = render(dir, name, extra);
    char *range = extent_of(shp, decimals);
    char *want = g_strdup_printf("samenkaart: warning: %s: no coordinate reference system "
                                 "(.prj missing?); %s(%s)%s; if they are in another system, "
                                 "give the file its own: ogr2ogr -a_srs EPSG:CODE fixed.shp %s "
                                 "(or add its .prj)\n", shp, before, range, after, shp);
    g_assert_cmpstr(err, ==, want);
    assert_like_reference(dir, name);
    g_free(want);
    g_free(range);
    g_free(err);
    g_free(shp);
    g_free(membership);
    tmp_dir_remove(dir);
}

/* Longitude/latitude without a .prj: read as degrees, said, and the map is the real one (it
** was drawn as RD metres: a map a few metres wide). */
static void
test_degrees_without_prj(void)
{
    char *args[] = {"-f", "ESRI Shapefile", "-t_srs", "EPSG:4326", NULL};
    assert_read_without_prj("lonlat", args, 4, "its coordinates ",
                            " lie in the range of degrees, so they are read as "
                            "longitude/latitude (EPSG:4326, WGS 84)");
}

/* RD New without a .prj: still read as RD New, and the warning says what was assumed of
** which coordinates and how to give the file its system. */
static void
test_rd_without_prj(void)
{
    char *args[] = {"-f", "ESRI Shapefile", NULL};
    assert_read_without_prj("rd", args, 0,
                            "assuming EPSG:28992 (Amersfoort / RD New, metres) for its "
                            "coordinates ", "");
}

/* ---- not in the Netherlands --------------------------------------------------------- */

static const char *const causes =
    "which does not overlap the Netherlands (x -7000…300000, y 289000…629000 in EPSG:28992); "
    "probably its coordinate system is wrong (a wrong or missing .prj), x and y are swapped, "
    "or the boundaries are of another country";

/* A layer 10,000 km east of the Netherlands, and one with x and y swapped (in RD New with
** its .prj; in degrees without): refused with the extent, nothing drawn. */
static void
test_outside_netherlands(void)
{
    char *dir = tmp_dir_new(), *membership = data_path("gemeenten_regios_2017.csv");
    char *far_args[] = {"-f", "ESRI Shapefile", "-ct", "+proj=affine +xoff=10000000", NULL};
    char *swap_args[] = {"-f", "ESRI Shapefile", "-ct", "+proj=axisswap +order=2,1", NULL};
    char *wgs84_args[] = {"-f", "ESRI Shapefile", "-t_srs", "EPSG:4326", NULL};
    char *wgs84 = municipalities_copy(NULL, dir, "wgs84", wgs84_args, 0);
    struct {
        const char *from, *name;
        char **args;
        int drop_prj, decimals;
        const char *srs;
    } cases[] = {
        {NULL, "far", far_args, 0, 0, "EPSG:28992 (RD New), "},
        {NULL, "swapped", swap_args, 0, 0, "EPSG:28992 (RD New), "},
        /* Latitude first, as some tools write degrees: read as longitude, it is off Africa. */
        {wgs84, "latlon", swap_args, 1, 4, "EPSG:4326, or x "},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *shp = municipalities_copy(cases[i].from, dir, cases[i].name, cases[i].args,
                                        cases[i].drop_prj);
        char *range = extent_of(shp, cases[i].decimals);
        char *msg = g_strdup_printf("%s: the municipality layer does not lie in the "
                                    "Netherlands: its extent is %s in %s", shp, range,
                                    cases[i].srs);
        const char *expected[] = {msg, causes, "samenkaart: bad input; no output written",
                                  NULL};
        const char *args[] = {"--municipalities", shp, "--membership", membership, NULL};
        assert_refused(dir, expected, args);
        g_free(msg);
        g_free(range);
        g_free(shp);
    }
    g_free(wgs84);
    g_free(membership);
    tmp_dir_remove(dir);
}

/* ---- several layers ----------------------------------------------------------------- */

/* One GeoPackage with the municipalities, the Wmo-regions, the zorgkantoorregio's and the
** membership table. */
static char *
geopackage(const char *dir)
{
    char *gpkg = g_build_filename(dir, "nl.gpkg", NULL);
    const char *sources[][2] = {{"gemeenten_2017.shp", "gemeenten"},
                                {"wmo_regios_2017.shp", "wmo"},
                                {"zorgkantoorregios_2017.shp", "zk"},
                                {"gemeenten_regios_2017.csv", "lidmaatschap"}};
    for (size_t i = 0; i < G_N_ELEMENTS(sources); i++) {
        char *from = data_path(sources[i][0]);
        char *first[] = {"-f", "GPKG", "-nlt", "PROMOTE_TO_MULTI", "-nln",
                         (char *)sources[i][1], NULL};
        char *more[] = {"-update", "-nlt", "PROMOTE_TO_MULTI", "-nln", (char *)sources[i][1],
                        NULL};
        translate(from, gpkg, i == 0 ? first : more);
        g_free(from);
    }
    return gpkg;
}

/* An atlas file names the layers with municipality_layer, region_layer and membership_layer:
** its map is the reference map; without region_layer it is refused as the command line is. */
static void
atlas_with_layers(const char *dir, const char *gpkg, const char *refusal)
{
    char *ini = g_build_filename(dir, "atlas.ini", NULL);
    char *out = g_build_filename(dir, "atlas", NULL);
    for (int chosen = 1; chosen >= 0; chosen--) {
        char *text = g_strdup_printf(
            "[atlas]\ntitle = Lagen\nmunicipalities = %s\nmunicipality_layer = gemeenten\n"
            "regions = %s\n%smembership = %s\nmembership_layer = lidmaatschap\n\n"
            "[map jeugd]\ntitle = Jeugd\nwhere = inhoudelijk=jeugd\nshow = samenwerkingsvorm\n",
            gpkg, gpkg, chosen ? "region_layer = wmo\n" : "", gpkg);
        g_assert_true(g_file_set_contents(ini, text, -1, NULL));
        g_free(text);
        char *err = NULL;
        int rc = run_cli(&err, "atlas", "--no-cache", ini, "--output", out, NULL);
        if (chosen) {
            g_assert_cmpint(rc, ==, 0);
            /* Found by name: the number before it follows the cover and contents pages. */
            char *name = dir_names(out, "", "-jeugd.csv");
            g_assert_cmpstr(name, !=, "");
            char *csv = g_build_filename(out, name, NULL);
            g_free(name);
            char *ref = g_build_filename(dir, "reference.csv", NULL);
            assert_same_file(ref, csv);
            g_free(csv);
            g_free(ref);
            tmp_dir_remove(g_strdup(out));
        } else {
            g_assert_cmpint(rc, ==, 2);
            g_assert_nonnull(strstr(err, refusal));
            g_assert_false(file_exists(out));
        }
        g_free(err);
    }
    g_free(ini);
    g_free(out);
}

static void
test_several_layers(void)
{
    char *dir = tmp_dir_new(), *gpkg = geopackage(dir);
    const char *layers = "has 4 layers ('gemeenten', 'wmo', 'zk', 'lidmaatschap'), 3 of them "
                         "with polygons; ";
    char *mun = g_strdup_printf("%s %schoose the municipality layer with --municipality-layer "
                                "NAME, or municipality_layer in an atlas file", gpkg, layers);
    char *reg = g_strdup_printf("%s %schoose the region layer with --region-layer NAME "
                                "(--core-regions-layer NAME for --core-regions), or region_layer in an "
                                "atlas file", gpkg, layers);
    /* Neither layer chosen: both said in one run. */
    const char *both[] = {mun, reg, NULL};
    const char *a1[] = {"--municipalities", gpkg, "--regions", gpkg, "--membership", gpkg,
                        "--membership-layer", "lidmaatschap", NULL};
    assert_refused(dir, both, a1);
    const char *one[] = {reg, NULL};
    const char *a2[] = {"--municipalities", gpkg, "--municipality-layer", "gemeenten",
                        "--regions", gpkg, "--membership", gpkg, "--membership-layer",
                        "lidmaatschap", NULL};
    assert_refused(dir, one, a2);
    /* A layer that is not there is named with the ones that are. */
    char *none = g_strdup_printf("%s: no layer or sheet 'wmo_regios' (it has 'gemeenten', "
                                 "'wmo', 'zk', 'lidmaatschap')", gpkg);
    const char *missing[] = {none, NULL};
    const char *a3[] = {"--municipalities", gpkg, "--municipality-layer", "gemeenten",
                        "--regions", gpkg, "--region-layer", "wmo_regios", "--membership", gpkg,
                        "--membership-layer", "lidmaatschap", NULL};
    assert_refused(dir, missing, a3);

    /* Chosen: the real map. */
    const char *chosen[] = {"--municipalities", gpkg, "--municipality-layer", "gemeenten",
                            "--regions", gpkg, "--region-layer", "wmo", "--membership", gpkg,
                            "--membership-layer", "lidmaatschap", NULL};
    char *err = render(dir, "chosen", chosen);
    g_assert_cmpstr(err, ==, "");
    g_free(err);
    assert_like_reference(dir, "chosen");
    atlas_with_layers(dir, gpkg, reg);
    g_free(none);
    g_free(mun);
    g_free(reg);
    g_free(gpkg);
    tmp_dir_remove(dir);
}

/* A source with one polygon layer besides tables: that layer, without being named. */
static void
test_one_polygon_layer(void)
{
    char *dir = tmp_dir_new();
    char *gpkg = g_build_filename(dir, "gemeenten.gpkg", NULL);
    char *shp = data_path("gemeenten_2017.shp"), *csv = data_path("gemeenten_regios_2017.csv");
    char *first[] = {"-f", "GPKG", "-nlt", "PROMOTE_TO_MULTI", "-nln", "gemeenten", NULL};
    char *table[] = {"-update", "-nln", "lidmaatschap", NULL};
    translate(shp, gpkg, first);
    translate(csv, gpkg, table);
    const char *extra[] = {"--municipalities", gpkg, "--membership", gpkg,
                           "--membership-layer", "lidmaatschap", NULL};
    char *err = render(dir, "one", extra);
    g_assert_cmpstr(err, ==, "");
    g_free(err);
    assert_like_reference(dir, "one");
    g_free(shp);
    g_free(csv);
    g_free(gpkg);
    tmp_dir_remove(dir);
}

/* compare reads the zorgkantoorregio's from a layer chosen with --core-regions-layer, the
** kernwerkgebieden from --core-layer; render a table map from --table-layer. */
static void
test_core_regions_layer(void)
{
    char *dir = tmp_dir_new(), *gpkg = geopackage(dir);
    char *a = g_build_filename(dir, "a.csv", NULL), *b = g_build_filename(dir, "b.csv", NULL);
    g_assert_cmpint(run_cli(NULL, "compare", "--no-cache", "--insurer", "menzis",
                            "--table-csv", a, NULL), ==, 0);
    char *err = NULL;
    g_assert_cmpint(run_cli(&err, "compare", "--no-cache", "--insurer", "menzis",
                            "--core-regions", gpkg, "--core-regions-layer", "zk",
                            "--table-csv", b, NULL), ==, 0);
    g_assert_cmpstr(err, ==, "");
    assert_same_file(a, b);
    g_free(err);
    /* The kernwerkgebieden and the minima contracts as layers of the same GeoPackage. */
    char *core = data_path("kernwerkgebieden_2017.csv");
    char *minima = data_path("gemeentepolissen_2017.csv");
    char *kern[] = {"-update", "-nln", "kern", NULL}, *polissen[] = {"-update", "-nln",
                                                                     "polissen", NULL};
    translate(core, gpkg, kern);
    translate(minima, gpkg, polissen);
    g_assert_cmpint(run_cli(&err, "compare", "--no-cache", "--insurer", "menzis",
                            "--core-regions", gpkg, "--core-regions-layer", "zk", "--core",
                            gpkg, "--core-layer", "kern", "--table-csv", b, NULL), ==, 0);
    g_assert_cmpstr(err, ==, "");
    assert_same_file(a, b);
    g_free(err);
    char *png = g_build_filename(dir, "t.png", NULL);
    g_assert_cmpint(run_cli(NULL, "render", "--no-cache", "--table", minima, "--output", png,
                            "--classes-csv", a, NULL), ==, 0);
    g_assert_cmpint(run_cli(&err, "render", "--no-cache", "--table", gpkg, "--table-layer",
                            "polissen", "--output", png, "--classes-csv", b, NULL), ==, 0);
    g_assert_cmpstr(err, ==, "");
    assert_same_file(a, b);
    g_free(err);
    /* A table source of several layers without one named: which, and how to name it. */
    g_assert_cmpint(g_unlink(png), ==, 0);
    g_assert_cmpint(run_cli(&err, "render", "--no-cache", "--table", gpkg, "--output", png,
                            NULL), ==, 2);
    char *want = g_strdup_printf("%s has 6 layers ('gemeenten', 'wmo', 'zk', 'lidmaatschap', "
                                 "'kern', 'polissen'); name the one with the table: "
                                 "--table-layer NAME (--core-layer NAME for --core)", gpkg);
    g_assert_nonnull(strstr(err, want));
    g_assert_false(file_exists(png));
    g_free(want);
    g_free(err);
    g_free(png);
    g_free(core);
    g_free(minima);
    g_free(a);
    g_free(b);
    g_free(gpkg);
    tmp_dir_remove(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    geo = load_geography();
    g_test_add_func("/crs/degrees-without-prj", test_degrees_without_prj);
    g_test_add_func("/crs/rd-without-prj", test_rd_without_prj);
    g_test_add_func("/crs/outside-netherlands", test_outside_netherlands);
    g_test_add_func("/crs/several-layers", test_several_layers);
    g_test_add_func("/crs/one-polygon-layer", test_one_polygon_layer);
    g_test_add_func("/crs/core-and-table-layers", test_core_regions_layer);
    return g_test_run();
}
