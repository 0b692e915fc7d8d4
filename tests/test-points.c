/* Point layers (samenkaart/points.h) on the RIVM 2020 initiatives (data/rivm2020): reading
** from CSV (RD metres and lon/lat degrees) and GeoPackage, validation of every value with
** FILE:LINE messages, the municipalities covered and holding each point, and --where
** selection.  Expected values are worked out from the CSV itself, not from the library. */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include "samenkaart/samenkaart.h"
#include "samenkaart/points.h"
#include "samenkaart/style.h"
#include "src/style_internal.h"
#include "support.h"

static sk_geography *geo;
static sk_style *style;
static char *initiatives;       /* the shipped CSV */
static char *tmp;

static const char *const levels[] = {
    "onbekend", "geen van beide betrokken", "alleen gemeente of zorgverzekeraar betrokken",
    "gemeente en zorgverzekeraar apart betrokken", "gemeente en zorgverzekeraar in gesprek",
    "informele afspraken", "formele afspraken",
};

/* The default style: it declares the scales of samenwerking, bereik and preventiecoalitie
** with the contract's levels (data/rivm2020/README.md). */
static void
setup_style(void)
{
    sk_ctx *ctx = sk_ctx_new();
    g_assert_cmpint(sk_style_load(ctx, NULL, &style), ==, SK_OK);
    sk_ctx_free(ctx);
    const sk__scale *s = sk__style_scale(style, "samenwerking");
    g_assert_nonnull(s);
    g_assert_cmpuint(s->count, ==, G_N_ELEMENTS(levels));
    for (size_t i = 0; i < s->count; i++)
        g_assert_cmpstr(s->levels[i], ==, levels[i]);
    g_assert_nonnull(sk__style_scale(style, "bereik"));
}

static void
collect_warning(void *user, const char *message)
{
    g_ptr_array_add(user, g_strdup(message));
}

/* Load path (layer NULL): its status, the layer in *out and the message in *msg (g_free
** it); warnings into warnings when given. */
static sk_status
try_load(const char *path, const char *x_field, const char *y_field, GPtrArray *warnings,
         sk_points **out, char **msg)
{
    sk_ctx *ctx = sk_ctx_new();
    if (warnings != NULL)
        sk_ctx_set_warning_handler(ctx, collect_warning, warnings);
    sk_points_options o;
    sk_points_options_init(&o);
    o.path = path;
    o.x_field = x_field;
    o.y_field = y_field;
    sk_status st = sk_points_load(ctx, geo, style, &o, out);
    *msg = g_strdup(sk_ctx_errmsg(ctx));
    sk_ctx_free(ctx);
    return st;
}

/* Load path or fail the test. */
static sk_points *
load(const char *path, const char *x_field, const char *y_field, GPtrArray *warnings)
{
    sk_points *p = NULL;
    char *msg = NULL;
    if (try_load(path, x_field, y_field, warnings, &p, &msg) != SK_OK)
        g_error("%s", msg);
    g_free(msg);
    return p;
}

/* Load path, which must fail with SK_EINPUT and no layer: its message (g_free it). */
static char *
load_error(const char *path, const char *x_field, const char *y_field)
{
    sk_points *p = NULL;
    char *msg = NULL;
    g_assert_cmpint(try_load(path, x_field, y_field, NULL, &p, &msg), ==, SK_EINPUT);
    g_assert_null(p);
    return msg;
}

/* Load path, which must fail with exactly the message want (g_strdup_printf'd; freed). */
static void
assert_load_error(const char *path, const char *x_field, const char *y_field, char *want)
{
    char *msg = load_error(path, x_field, y_field);
    g_assert_cmpstr(msg, ==, want);
    g_free(want);
    g_free(msg);
}

/* The shipped CSV as rows of cells (header first), split by hand: no quoted fields. */
static char ***
csv_rows(size_t *n)
{
    char *text = NULL;
    g_assert_true(g_file_get_contents(initiatives, &text, NULL, NULL));
    char **lines = g_strsplit(g_strchomp(text), "\n", -1);
    *n = g_strv_length(lines);
    char ***rows = g_new0(char **, *n + 1);
    for (size_t i = 0; i < *n; i++) {
        g_assert_null(strchr(lines[i], '"'));
        rows[i] = g_strsplit(lines[i], ",", -1);
    }
    g_strfreev(lines);
    g_free(text);
    return rows;
}

static void
free_rows(char ***rows)
{
    for (size_t i = 0; rows[i] != NULL; i++)
        g_strfreev(rows[i]);
    g_free(rows);
}

static int
column_of(char **header, const char *name)
{
    for (int c = 0; header[c] != NULL; c++)
        if (strcmp(header[c], name) == 0)
            return c;
    g_error("no column %s", name);
}

/* The municipality of the shapefile that holds (x, y), by OGR's spatial filter; NULL for
** none.  g_free it. */
static char *
municipality_at(double x, double y)
{
    static GDALDatasetH ds;
    if (ds == NULL) {
        GDALAllRegister();
        char *shp = data_path("gemeenten_2017.shp");
        ds = GDALOpenEx(shp, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
        g_assert_nonnull(ds);
        g_free(shp);
    }
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
    OGR_G_SetPoint_2D(pt, 0, x, y);
    OGR_L_SetSpatialFilter(layer, pt);
    OGR_L_ResetReading(layer);
    char *name = NULL;
    OGRFeatureH f;
    while ((f = OGR_L_GetNextFeature(layer)) != NULL) {
        g_assert_null(name);
        name = g_strdup(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "gm_naam")));
        OGR_F_Destroy(f);
    }
    OGR_L_SetSpatialFilter(layer, NULL);
    OGR_G_DestroyGeometry(pt);
    return name;
}

static void
test_shipped(void)
{
    GPtrArray *warnings = g_ptr_array_new_with_free_func(g_free);
    sk_points *p = load(initiatives, NULL, NULL, warnings);
    g_assert_cmpuint(sk_points_count(p), ==, 116);
    g_assert_cmpstr(sk_points_source(p), ==, initiatives);
    g_assert_cmpstr(sk_points_id(p, 0), ==, "NI001");
    g_assert_cmpstr(sk_points_name(p, 0), ==, "Gezonde Buurt regio Echt-Susteren");
    char *where = g_strdup_printf("%s:2", initiatives);
    g_assert_cmpstr(sk_points_where(p, 0), ==, where);
    g_free(where);
    double x, y;
    sk_points_position(p, 0, &x, &y);
    g_assert_cmpfloat(x, ==, 192375);
    g_assert_cmpfloat(y, ==, 342401);
    const char *covered[] = {"Maasgouw", "Roerdalen", "Echt-Susteren", "Sittard-Geleen",
                             "Roermond"};
    const size_t *m;
    g_assert_cmpuint(sk_points_covered(p, 0, &m), ==, G_N_ELEMENTS(covered));
    for (size_t i = 0; i < G_N_ELEMENTS(covered); i++)
        g_assert_cmpstr(sk_geography_municipality_name(geo, m[i]), ==, covered[i]);
    int c = sk_points_column_find(p, "SAMENWERKING");
    g_assert_cmpint(c, >=, 0);
    g_assert_cmpstr(sk_points_column_name(p, (size_t)c), ==, "samenwerking");
    g_assert_cmpstr(sk_points_value(p, 0, (size_t)c), ==, "geen van beide betrokken");
    g_assert_null(sk_points_column_name(p, sk_points_column_count(p)));
    g_assert_cmpint(sk_points_column_find(p, "nope"), ==, -1);

    /* Every row against the file read by hand: position, id, municipalities covered (the
    ** first as named); the municipality holding it as OGR finds it on the shapefile. */
    size_t n;
    char ***rows = csv_rows(&n);
    g_assert_cmpuint(n, ==, 117);
    int cx = column_of(rows[0], "x"), cy = column_of(rows[0], "y");
    int cg = column_of(rows[0], "gemeenten"), ci = column_of(rows[0], "id");
    size_t located = 0;
    for (size_t i = 0; i < 116; i++) {
        char **row = rows[i + 1];
        sk_points_position(p, i, &x, &y);
        g_assert_cmpfloat(x, ==, g_ascii_strtod(row[cx], NULL));
        g_assert_cmpfloat(y, ==, g_ascii_strtod(row[cy], NULL));
        g_assert_cmpstr(sk_points_id(p, i), ==, row[ci]);
        char **names = g_strsplit(row[cg], ";", -1);
        g_assert_cmpuint(sk_points_covered(p, i, &m), ==, g_strv_length(names));
        g_assert_cmpstr(sk_geography_municipality_name(geo, m[0]), ==, names[0]);
        g_strfreev(names);
        char *holder = municipality_at(x, y);
        long k = sk_points_municipality(p, i);
        g_assert_cmpstr(k >= 0 ? sk_geography_municipality_name(geo, (size_t)k) : "", ==,
                        holder != NULL ? holder : "");
        located += k >= 0;
        g_free(holder);
    }
    /* A point in no municipality is a warning naming it, not an error. */
    g_assert_cmpuint(located + warnings->len, ==, 116);
    g_assert_cmpint(sk_points_municipality(p, 0), ==,
                    sk_geography_find_municipality(geo, "Echt-Susteren"));
    free_rows(rows);
    sk_points_free(p);
    g_ptr_array_unref(warnings);
}

/* ---- lon/lat and GeoPackage --------------------------------------------------------- */

/* n positions of RD (x, y pairs) in EPSG:4326 (lon, lat), by GDAL. */
static void
to_degrees(double *xy, size_t n)
{
    OGRSpatialReferenceH rd = OSRNewSpatialReference(NULL), wgs = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(rd, 28992);
    OSRImportFromEPSG(wgs, 4326);
    OSRSetAxisMappingStrategy(rd, OAMS_TRADITIONAL_GIS_ORDER);
    OSRSetAxisMappingStrategy(wgs, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(rd, wgs);
    g_assert_nonnull(ct);
    for (size_t i = 0; i < n; i++)
        g_assert_true(OCTTransform(ct, 1, &xy[2 * i], &xy[2 * i + 1], NULL));
    OCTDestroyCoordinateTransformation(ct);
    OSRDestroySpatialReference(rd);
    OSRDestroySpatialReference(wgs);
}

enum { SOME = 12 };

/* The first SOME rows of the shipped file: ids, RD positions and the same in degrees. */
static void
first_rows(char *ids[SOME], double rd[2 * SOME], double deg[2 * SOME])
{
    size_t n;
    char ***rows = csv_rows(&n);
    int cx = column_of(rows[0], "x"), cy = column_of(rows[0], "y");
    for (size_t i = 0; i < SOME; i++) {
        ids[i] = g_strdup(rows[i + 1][column_of(rows[0], "id")]);
        rd[2 * i] = g_ascii_strtod(rows[i + 1][cx], NULL);
        rd[2 * i + 1] = g_ascii_strtod(rows[i + 1][cy], NULL);
    }
    free_rows(rows);
    memcpy(deg, rd, 2 * SOME * sizeof *deg);
    to_degrees(deg, SOME);
}

static void
assert_positions(const sk_points *p, char *ids[SOME], const double rd[2 * SOME])
{
    g_assert_cmpuint(sk_points_count(p), ==, SOME);
    for (size_t i = 0; i < SOME; i++) {
        double x, y;
        sk_points_position(p, i, &x, &y);
        g_assert_cmpstr(sk_points_id(p, i), ==, ids[i]);
        g_assert_cmpfloat(hypot(x - rd[2 * i], y - rd[2 * i + 1]), <, 1.0);
    }
}

/* A CSV of lon/lat (named lon/lat, or other names given as fields) is read as degrees. */
static void
test_lonlat(void)
{
    char *ids[SOME];
    double rd[2 * SOME], deg[2 * SOME];
    first_rows(ids, rd, deg);
    const char *headers[][2] = {{"lon", "lat"}, {"longitude", "latitude"}, {"oost", "noord"}};
    for (size_t h = 0; h < G_N_ELEMENTS(headers); h++) {
        GString *csv = g_string_new(NULL);
        g_string_append_printf(csv, "id,%s,%s,samenwerking\n", headers[h][0], headers[h][1]);
        for (size_t i = 0; i < SOME; i++) {
            char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];
            g_ascii_formatd(lon, sizeof lon, "%.8f", deg[2 * i]);
            g_ascii_formatd(lat, sizeof lat, "%.8f", deg[2 * i + 1]);
            g_string_append_printf(csv, "%s,%s,%s,informele afspraken\n", ids[i], lon, lat);
        }
        char *path = g_build_filename(tmp, "lonlat.csv", NULL);
        g_assert_true(g_file_set_contents(path, csv->str, -1, NULL));
        sk_points *p = h < 2 ? load(path, NULL, NULL, NULL)
                             : load(path, headers[h][0], headers[h][1], NULL);
        assert_positions(p, ids, rd);
        sk_points_free(p);
        g_string_free(csv, TRUE);
        g_free(path);
    }
    for (size_t i = 0; i < SOME; i++)
        g_free(ids[i]);
}

/* A GeoPackage of points in epsg at path; bad: the third feature a line, the fourth without
** geometry. */
static void
write_gpkg(const char *path, int epsg, char *ids[SOME], const double *xy, int bad)
{
    GDALAllRegister();
    /* GDAL warns that a line in a point layer is not conformant: that is the point. */
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path, 0, 0, 0, GDT_Unknown,
                                 NULL);
    g_assert_nonnull(ds);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(srs, epsg);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "initiatieven", srs, wkbPoint, NULL);
    const char *fields[] = {"id", "samenwerking"};
    for (size_t k = 0; k < G_N_ELEMENTS(fields); k++) {
        OGRFieldDefnH fd = OGR_Fld_Create(fields[k], OFTString);
        OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
    }
    for (size_t i = 0; i < SOME; i++) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, ids[i]);
        OGR_F_SetFieldString(f, 1, "formele afspraken");
        OGRGeometryH g = OGR_G_CreateGeometry(bad && i == 2 ? wkbLineString : wkbPoint);
        OGR_G_SetPoint_2D(g, 0, xy[2 * i], xy[2 * i + 1]);
        if (bad && i == 2)
            OGR_G_SetPoint_2D(g, 1, xy[2 * i] + 1, xy[2 * i + 1]);
        if (!(bad && i == 3))
            OGR_F_SetGeometryDirectly(f, g);
        else
            OGR_G_DestroyGeometry(g);
        g_assert_cmpint(OGR_L_CreateFeature(layer, f), ==, OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    OSRDestroySpatialReference(srs);
    GDALClose(ds);
    CPLPopErrorHandler();
}

static void
test_gpkg(void)
{
    char *ids[SOME];
    double rd[2 * SOME], deg[2 * SOME];
    first_rows(ids, rd, deg);
    char *path = g_build_filename(tmp, "punten.gpkg", NULL);
    for (int epsg = 0; epsg < 2; epsg++) {
        g_remove(path);
        write_gpkg(path, epsg ? 4326 : 28992, ids, epsg ? deg : rd, 0);
        sk_points *p = load(path, NULL, NULL, NULL);
        assert_positions(p, ids, rd);
        g_assert_cmpstr(sk_points_value(p, 0, (size_t)sk_points_column_find(p, "samenwerking")),
                        ==, "formele afspraken");
        g_assert_cmpstr(sk_points_name(p, 0), ==, "");
        sk_points_free(p);
    }
    /* A line and a feature without geometry: errors at those features, in one run. */
    g_remove(path);
    write_gpkg(path, 28992, ids, rd, 1);
    assert_load_error(path, NULL, NULL,
                      g_strdup_printf("%s: feature 3: the point layer is a LINESTRING, not a "
                                      "point\n%s: feature 4: the point layer has no geometry "
                                      "(a point is needed)", path, path));
    g_free(path);
    for (size_t i = 0; i < SOME; i++)
        g_free(ids[i]);
}

/* --x-field with a layer of points: a usage error; a layer without features: "no rows"
** (its point data is empty, which once reached memcpy as NULL). */
static void
test_gpkg_edges(void)
{
    char *ids[SOME];
    double rd[2 * SOME], deg[2 * SOME];
    first_rows(ids, rd, deg);
    char *path = g_build_filename(tmp, "velden.gpkg", NULL);
    g_remove(path);
    write_gpkg(path, 28992, ids, rd, 0);
    sk_points *p = NULL;
    char *msg = NULL;
    g_assert_cmpint(try_load(path, "x", "y", NULL, &p, &msg), ==, SK_EUSAGE);
    g_assert_null(p);
    char *want = g_strdup_printf("%s: the layer has point geometry; --x-field and --y-field "
                                 "are for tables with coordinate columns (CSV, XLSX, ODS): "
                                 "leave them out", path);
    g_assert_cmpstr(msg, ==, want);
    g_free(want);
    g_free(msg);
    g_free(path);

    path = g_build_filename(tmp, "leeg.gpkg", NULL);
    g_remove(path);
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path, 0, 0, 0, GDT_Unknown,
                                 NULL);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(srs, 28992);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "initiatieven", srs, wkbPoint, NULL);
    OGRFieldDefnH fd = OGR_Fld_Create("id", OFTString);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
    OSRDestroySpatialReference(srs);
    GDALClose(ds);
    assert_load_error(path, NULL, NULL,
                      g_strdup_printf("%s: the point layer has no rows", path));
    g_free(path);

    /* A polygon layer: one message for the layer. */
    char *shp = data_path("gemeenten_2017.shp");
    assert_load_error(shp, NULL, NULL,
                      g_strdup_printf("%s: layer 'gemeenten_2017' has Polygon geometry; the "
                                      "point layer needs points (one per feature)", shp));
    g_free(shp);

    /* A layer of unknown type, 25 features without geometry: 20 lines, then a count. */
    path = g_build_filename(tmp, "zonder.gpkg", NULL);
    g_remove(path);
    ds = GDALCreate(GDALGetDriverByName("GPKG"), path, 0, 0, 0, GDT_Unknown, NULL);
    layer = GDALDatasetCreateLayer(ds, "initiatieven", NULL, wkbUnknown, NULL);
    for (int i = 0; i < 25; i++) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        g_assert_cmpint(OGR_L_CreateFeature(layer, f), ==, OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    msg = load_error(path, NULL, NULL);
    char **lines = g_strsplit(msg, "\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, 21);
    want = g_strdup_printf("%s: … and 5 more features without a point", path);
    g_assert_cmpstr(lines[20], ==, want);
    g_assert_nonnull(strstr(lines[19], "has no geometry"));
    g_strfreev(lines);
    g_free(want);
    g_free(msg);
    g_free(path);
    for (size_t i = 0; i < SOME; i++)
        g_free(ids[i]);
}

/* ---- bad values --------------------------------------------------------------------- */

/* Write content as name in tmp and load it: SK_EINPUT and exactly the lines expected, each
** "FILE:" + the line, in any order. */
static void
assert_errors(const char *name, const char *content, const char *const *expected, size_t n)
{
    char *path = g_build_filename(tmp, name, NULL);
    g_assert_true(g_file_set_contents(path, content, -1, NULL));
    char *msg = load_error(path, NULL, NULL);
    char **lines = g_strsplit(msg, "\n", -1);
    for (size_t i = 0; i < n; i++) {
        char *want = g_strdup_printf("%s:%s", path, expected[i]);
        gboolean found = g_strv_contains((const char *const *)lines, want);
        if (!found)
            g_test_message("missing: %s\nin: %s", want, msg);
        g_assert_true(found);
        g_free(want);
    }
    g_assert_cmpuint(g_strv_length(lines), ==, n);
    /* In the order of the file's lines, as a reader fixes them; the counts of problems not
    ** shown ("… and 5 more") after them. */
    guint64 before = 0;
    for (size_t i = 0; lines[i] != NULL && !g_str_has_prefix(lines[i] + strlen(path), ": … and");
         i++) {
        const char *at = lines[i] + strlen(path);
        guint64 line = *at == ':' && g_ascii_isdigit(at[1]) ? g_ascii_strtoull(at + 1, NULL, 10)
                                                             : 0;
        g_assert_cmpuint(line, >=, before);
        before = line;
    }
    g_strfreev(lines);
    g_free(msg);
    g_free(path);
}

static void
test_bad_values(void)
{
    double e[4];
    sk_geography_extent(geo, e);
    char *box = g_strdup_printf("x %.0f…%.0f, y %.0f…%.0f in EPSG:28992, with a margin of 10 "
                                "km", e[0] - 10000, e[2] + 10000, e[1] - 10000, e[3] + 10000);
    const char *content =
        "id,naam,x,y,gemeenten,samenwerking,bereik,preventiecoalitie\n"
        "A1,goed,192375,342401,Maasgouw;Roermond,formele afspraken,wijk,ja\n"
        "A2,geen getal,abc,342401,Maasgouw,formele afspraken,wijk,ja\n"
        "A3,buiten,500000,342401,Maasgouw,formele afspraken,wijk,ja\n"
        "A4,verwisseld,342401,192375,Maasgouw,formele afspraken,wijk,ja\n"
        "A5,gemeente,192375,342401,Roermond;Maasgoww,formele afspraken,wijk,ja\n"
        "A6,niveau,192375,342401,Maasgouw,formele afsprakn,wijk,ja\n"
        "A1,dubbel,192375,,Maasgouw,,wijk,ja\n"
        "A7,bereik en coalitie,192375,342401,Maasgouw,informele afspraken,gemeentee,jaa\n";
    char *outside = g_strdup_printf("4: (x, y) = (500000, 342401) lies outside the map (%s)",
                                    box);
    char *swapped = g_strdup_printf("5: (x, y) = (342401, 192375) lies outside the map (%s); "
                                    "with x and y swapped it lies inside: are the two values "
                                    "in each other's column?", box);
    char *dup = g_strdup_printf("8: column 'id': duplicate value 'A1' (first at %s/bad.csv:2)",
                                tmp);
    GString *joined = g_string_new(NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(levels); i++)
        g_string_append_printf(joined, "%s%s", i ? ", " : "", levels[i]);
    char *all = g_string_free(joined, FALSE);
    char *empty = g_strdup_printf("8: column 'samenwerking': empty value (expected one of: %s)",
                                  all);
    const char *expected[] = {
        "3: column 'x': 'abc' is not a number",
        outside,
        swapped,
        "6: column 'gemeenten': unknown value 'Maasgoww' (did you mean 'Maasgouw'?)",
        "7: column 'samenwerking': unknown value 'formele afsprakn' (did you mean 'formele "
        "afspraken'?)",
        "8: column 'y': empty value (a number is needed)",
        dup,
        empty,
        "9: column 'bereik': unknown value 'gemeentee' (did you mean 'gemeente'?)",
        "9: column 'preventiecoalitie': unknown value 'jaa' (did you mean 'ja'?)",
    };
    assert_errors("bad.csv", content, expected, G_N_ELEMENTS(expected));

    /* Degrees with latitude and longitude swapped in one row. */
    const char *degrees =
        "id,lon,lat\n"
        "B1,5.9,51.0\n"
        "B2,51.0,5.9\n";
    const char *expected_degrees[] = {
        "3: (lon, lat) = (51, 5.9) lies outside the map (",
    };
    char *path = g_build_filename(tmp, "deg.csv", NULL);
    g_assert_true(g_file_set_contents(path, degrees, -1, NULL));
    char *msg = load_error(path, NULL, NULL);
    char *start = g_strdup_printf("%s:%s", path, expected_degrees[0]);
    g_assert_true(g_str_has_prefix(msg, start));
    g_assert_true(g_str_has_suffix(msg, "with x and y swapped it lies inside: are the two "
                                   "values in each other's column?"));
    g_assert_null(strchr(msg, '\n'));
    g_free(start);
    g_free(msg);
    g_free(path);

    /* No coordinate columns, and named ones that are missing. */
    path = g_build_filename(tmp, "none.csv", NULL);
    g_assert_true(g_file_set_contents(path, "id,oost,noord\nC1,1,2\n", -1, NULL));
    assert_load_error(path, NULL, NULL,
                      g_strdup_printf("%s: no coordinate columns: expected 'x' and 'y' "
                                      "(metres, EPSG:28992) or 'lon' and 'lat' (degrees), or "
                                      "name them with --x-field and --y-field", path));
    assert_load_error(path, "oostt", "noord",
                      g_strdup_printf("%s: no column 'oostt' (did you mean 'oost'?)", path));
    g_free(path);

    /* A misspelt word of a level: that level, not the nearest whole text ('onbekend'). */
    const char *expected_words[] = {
        "2: column 'samenwerking': unknown value 'formeel' (did you mean 'formele "
        "afspraken'?)",
        "3: column 'samenwerking': unknown value 'informeel' (did you mean 'informele "
        "afspraken'?)",
    };
    assert_errors("woorden.csv", "id,x,y,samenwerking\nW1,192375,342401,formeel\n"
                  "W2,192375,342401,informeel\n", expected_words,
                  G_N_ELEMENTS(expected_words));

    /* Empty items of 'gemeenten' and a municipality named twice (by name and by code). */
    const char *sep = " (municipalities are separated by one ';', with none before the "
                      "first or after the last)";
    char *gm[3];
    for (int i = 0; i < 3; i++)
        gm[i] = g_strdup_printf("%d: column 'gemeenten': empty item in '%s'%s", i + 2,
                                (const char *[]){"Maasgouw;;Roermond", "Maasgouw;", ";"}[i],
                                sep);
    const char *expected_places[] = {
        gm[0], gm[1], gm[2],
        "5: column 'gemeenten': empty item (the municipalities the initiative covers, at "
        "least one, separated by ';')",
        "6: column 'gemeenten': 'roermond' is named twice",
    };
    assert_errors("gemeenten.csv", "id,x,y,gemeenten\nG1,192375,342401,Maasgouw;;Roermond\n"
                  "G2,192375,342401,Maasgouw;\nG3,192375,342401,;\nG4,192375,342401, \n"
                  "G5,192375,342401,Roermond;Maasgouw;roermond\n"
                  "G6,192375,342401,Roermond\n", expected_places,
                  G_N_ELEMENTS(expected_places));
    for (int i = 0; i < 3; i++)
        g_free(gm[i]);

    /* A decimal comma, numbers out of range, one row in degrees among RD metres. */
    char *lonlat = g_strdup_printf("6: (x, y) = (5.9, 51) lies outside the map (%s) (looks "
                                   "like longitude/latitude; the other rows are RD metres)",
                                   box);
    const char *expected_numbers[] = {
        "2: column 'x': '192375,5' is not a number (use '.' before decimals)",
        "3: column 'x': '1e999' is out of range (a finite number is needed)",
        "4: column 'y': 'inf' is out of range (a finite number is needed)",
        "5: column 'x': 'nan' is out of range (a finite number is needed)",
        lonlat,
    };
    assert_errors("getallen.csv", "id,x,y\nN1,\"192375,5\",342401\nN2,1e999,342401\n"
                  "N3,192375,inf\nN4,nan,342401\nN5,5.9,51.0\nN6,192375,342401\n",
                  expected_numbers, G_N_ELEMENTS(expected_numbers));
    g_free(lonlat);

    /* A column named twice in the header (case ignored). */
    const char *expected_header[] = {
        "1: column 'x' given twice (columns 2 and 4); rename or remove one",
    };
    assert_errors("kop.csv", "id,x,y,X\nK1,192375,342401,1\n", expected_header,
                  G_N_ELEMENTS(expected_header));

    /* 25 rows with an unknown level and 22 without a number: 20 of each, then a count. */
    GString *many = g_string_new("id,x,y,samenwerking\n");
    GPtrArray *want_many = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; i < 47; i++) {
        g_string_append_printf(many, "M%d,%s,342401,%s\n", i, i < 25 ? "192375" : "abc",
                               i < 25 ? "formeel" : "formele afspraken");
        if (i < 20)
            g_ptr_array_add(want_many, g_strdup_printf("%d: column 'samenwerking': unknown "
                                                       "value 'formeel' (did you mean "
                                                       "'formele afspraken'?)", i + 2));
        else if (i >= 25 && i < 45)
            g_ptr_array_add(want_many, g_strdup_printf("%d: column 'x': 'abc' is not a "
                                                       "number", i + 2));
    }
    g_ptr_array_add(want_many, g_strdup(" … and 5 more problems of the same kind (column "
                                        "'samenwerking': unknown value)"));
    g_ptr_array_add(want_many, g_strdup(" … and 2 more problems of the same kind (column "
                                        "'x': is not a number)"));
    assert_errors("veel.csv", many->str, (const char *const *)want_many->pdata,
                  want_many->len);
    g_ptr_array_free(want_many, TRUE);
    g_string_free(many, TRUE);

    g_free(outside);
    g_free(swapped);
    g_free(dup);
    g_free(all);
    g_free(empty);
    g_free(box);
}

/* ---- selection ---------------------------------------------------------------------- */

/* How many rows of the shipped file have value in column (the cell, or one ';'-item). */
static size_t
count_rows(const char *column, const char *value)
{
    size_t n, count = 0;
    char ***rows = csv_rows(&n);
    int c = column_of(rows[0], column);
    for (size_t i = 1; i < n; i++) {
        char **items = g_strsplit(rows[i][c], ";", -1);
        count += g_strv_contains((const char *const *)items, value);
        g_strfreev(items);
    }
    free_rows(rows);
    return count;
}

/* How many rows of the shipped file have exactly value in column. */
static size_t
count_cells(const char *column, const char *value)
{
    size_t n, count = 0;
    char ***rows = csv_rows(&n);
    int c = column_of(rows[0], column);
    for (size_t i = 1; i < n; i++)
        count += strcmp(rows[i][c], value) == 0;
    free_rows(rows);
    return count;
}

/* The number of points kept by the clauses (NULL-terminated), or fail the test. */
static size_t
selected(const sk_points *p, const char *const *where)
{
    sk_ctx *ctx = sk_ctx_new();
    unsigned char *keep = g_malloc(sk_points_count(p));
    if (sk_points_select(ctx, p, where, keep) != SK_OK)
        g_error("%s", sk_ctx_errmsg(ctx));
    size_t n = 0;
    for (size_t i = 0; i < sk_points_count(p); i++)
        n += keep[i];
    g_free(keep);
    sk_ctx_free(ctx);
    return n;
}

static void
assert_select_error(const sk_points *p, const char *clause, const char *expected)
{
    sk_ctx *ctx = sk_ctx_new();
    unsigned char *keep = g_malloc(sk_points_count(p));
    const char *where[] = {clause, NULL};
    g_assert_cmpint(sk_points_select(ctx, p, where, keep), ==, SK_EUSAGE);
    g_assert_cmpstr(sk_ctx_errmsg(ctx), ==, expected);
    g_free(keep);
    sk_ctx_free(ctx);
}

static void
test_select(void)
{
    sk_points *p = load(initiatives, NULL, NULL, NULL);
    g_assert_cmpuint(selected(p, NULL), ==, 116);
    const char *coalition[] = {"preventiecoalitie=ja", NULL};
    g_assert_cmpuint(selected(p, coalition), ==, 12);
    g_assert_cmpuint(count_rows("preventiecoalitie", "ja"), ==, 12);
    const char *not_coalition[] = {"preventiecoalitie!=ja", NULL};
    g_assert_cmpuint(selected(p, not_coalition), ==, 104);
    size_t gli = count_rows("interventies", "GLI");
    /* A list item, not the whole cell: more rows than those holding "GLI" alone. */
    g_assert_cmpuint(gli, >, 0);
    g_assert_cmpuint(gli, >, count_cells("interventies", "GLI"));
    const char *by_gli[] = {"interventies=GLI", NULL};
    g_assert_cmpuint(selected(p, by_gli), ==, gli);
    size_t fall = count_rows("interventies", "valpreventie");
    size_t both = 0, n;
    char ***rows = csv_rows(&n);
    int c = column_of(rows[0], "interventies");
    for (size_t i = 1; i < n; i++) {
        char **items = g_strsplit(rows[i][c], ";", -1);
        both += g_strv_contains((const char *const *)items, "GLI") &&
                g_strv_contains((const char *const *)items, "valpreventie");
        g_strfreev(items);
    }
    free_rows(rows);
    const char *either[] = {"interventies=GLI,valpreventie", NULL};
    g_assert_cmpuint(selected(p, either), ==, gli + fall - both);
    const char *formal[] = {"samenwerking=formele afspraken", NULL};
    g_assert_cmpuint(selected(p, formal), ==, 36);
    const char *formal_coalition[] = {"samenwerking=formele afspraken", "preventiecoalitie=ja",
                                      NULL};
    g_assert_cmpuint(selected(p, formal_coalition), ==, 12);
    const char *unknown[] = {"samenwerking=onbekend", NULL};
    g_assert_cmpuint(selected(p, unknown), ==, 2);

    assert_select_error(p, "interventie=GLI",
                        "'interventie=GLI': no column 'interventie' (did you mean "
                        "'interventies'?)");
    assert_select_error(p, "interventies=GLII",
                        "'interventies=GLII': no point has 'GLII' in column 'interventies' "
                        "(did you mean 'GLI'?)");
    assert_select_error(p, "samenwerking=formele afspraak",
                        "'samenwerking=formele afspraak': no point has 'formele afspraak' in "
                        "column 'samenwerking' (did you mean 'formele afspraken'?)");
    assert_select_error(p, "samenwerking",
                        "'samenwerking': expected column=value[,value…] or "
                        "column!=value[,value…]");
    sk_points_free(p);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    use_backend_beside_cli();
    geo = load_geography();
    setup_style();
    char *dir = data_path(".");
    initiatives = g_build_filename(dir, "..", "rivm2020", "initiatieven_2020.csv", NULL);
    g_free(dir);
    tmp = tmp_dir_new();
    g_test_add_func("/points/shipped", test_shipped);
    g_test_add_func("/points/lonlat", test_lonlat);
    g_test_add_func("/points/gpkg", test_gpkg);
    g_test_add_func("/points/gpkg-edges", test_gpkg_edges);
    g_test_add_func("/points/bad-values", test_bad_values);
    g_test_add_func("/points/select", test_select);
    int rc = g_test_run();
    tmp_dir_remove(tmp);
    sk_style_free(style);
    sk_geography_free(geo);
    g_free(initiatives);
    return rc;
}
