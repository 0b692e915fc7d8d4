/* Point layers (samenkaart/points.h) on the RIVM 2020 initiatives (data/rivm2020): reading
** from CSV (RD metres and lon/lat degrees) and GeoPackage, validation of every value with
** FILE:LINE messages, the municipalities covered and holding each point, and --where
** selection.  Expected values are worked out from the CSV itself, not from the library. */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
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
static sk__scale *test_scale;   /* samenwerking, when the default style declares none */
static char *initiatives;       /* the shipped CSV */
static char *tmp;

static const char *const levels[] = {
    "onbekend", "geen van beide betrokken", "alleen gemeente of zorgverzekeraar betrokken",
    "gemeente en zorgverzekeraar apart betrokken", "gemeente en zorgverzekeraar in gesprek",
    "informele afspraken", "formele afspraken",
};

/* The default style's scale of samenwerking, or one made here with the contract's levels
** (data/rivm2020/README.md) while the style declares none. */
static void
setup_style(void)
{
    sk_ctx *ctx = sk_ctx_new();
    g_assert_cmpint(sk_style_load(ctx, NULL, &style), ==, SK_OK);
    sk_ctx_free(ctx);
    if (sk__style_scale(style, "samenwerking") != NULL)
        return;
    test_scale = g_new0(sk__scale, 1);
    test_scale->column = g_strdup("samenwerking");
    test_scale->ordinal = 1;
    test_scale->count = G_N_ELEMENTS(levels);
    test_scale->levels = g_new0(char *, test_scale->count + 1);
    for (size_t i = 0; i < test_scale->count; i++)
        test_scale->levels[i] = g_strdup(levels[i]);
    if (style->scales == NULL)
        style->scales = g_ptr_array_new();
    g_ptr_array_add(style->scales, test_scale);
}

static void
teardown_style(void)
{
    if (test_scale != NULL) {
        g_ptr_array_remove(style->scales, test_scale);
        if (style->scales->len == 0) {
            g_ptr_array_free(style->scales, TRUE);
            style->scales = NULL;
        }
        g_strfreev(test_scale->levels);
        g_free(test_scale->column);
        g_free(test_scale);
    }
    sk_style_free(style);
}

static void
collect_warning(void *user, const char *message)
{
    g_ptr_array_add(user, g_strdup(message));
}

/* Load path (layer NULL) or fail the test; warnings into *warnings when given. */
static sk_points *
load(const char *path, const char *x_field, const char *y_field, GPtrArray *warnings)
{
    sk_ctx *ctx = sk_ctx_new();
    if (warnings != NULL)
        sk_ctx_set_warning_handler(ctx, collect_warning, warnings);
    sk_points_options o;
    sk_points_options_init(&o);
    o.path = path;
    o.x_field = x_field;
    o.y_field = y_field;
    sk_points *p = NULL;
    if (sk_points_load(ctx, geo, style, &o, &p) != SK_OK)
        g_error("%s", sk_ctx_errmsg(ctx));
    sk_ctx_free(ctx);
    return p;
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
    int rc = g_test_run();
    tmp_dir_remove(tmp);
    teardown_style();
    sk_geography_free(geo);
    g_free(initiatives);
    return rc;
}
