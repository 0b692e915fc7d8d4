#include <cairo.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gdal.h>
#include <ogr_api.h>
#include "support.h"

char *
data_path(const char *name)
{
    const char *dir = g_getenv("SK_TEST_DATA");
    g_assert_nonnull(dir);
    return g_build_filename(dir, name, NULL);
}

char *
tmp_dir_new(void)
{
    GError *err = NULL;
    char *dir = g_dir_make_tmp("samenkaart-test-XXXXXX", &err);
    g_assert_no_error(err);
    return dir;
}

/* Remove dir and everything in it (tests make at most a cache directory inside). */
static void
remove_tree(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        char *p = g_build_filename(dir, name, NULL);
        if (g_file_test(p, G_FILE_TEST_IS_DIR) && !g_file_test(p, G_FILE_TEST_IS_SYMLINK))
            remove_tree(p);
        else
            g_unlink(p);
        g_free(p);
    }
    if (d != NULL)
        g_dir_close(d);
    g_rmdir(dir);
}

void
tmp_dir_remove(char *dir)
{
    remove_tree(dir);
    g_free(dir);
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *
dir_names(const char *dir, const char *prefix, const char *suffix)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *n;
    while (d != NULL && (n = g_dir_read_name(d)) != NULL)
        if (g_str_has_prefix(n, prefix) && g_str_has_suffix(n, suffix))
            g_ptr_array_add(names, g_strdup(n));
    if (d != NULL)
        g_dir_close(d);
    g_ptr_array_sort(names, compare_names);
    g_ptr_array_add(names, NULL);
    char *s = g_strjoinv(" ", (char **)names->pdata);
    g_ptr_array_unref(names);
    return s;
}

/* Run the CLI with args (NULL-terminated, without the program). */
static int
run_cli_argv(char **err, const char *const *args)
{
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, (char *)g_getenv("SK_CLI"));
    for (size_t i = 0; args[i] != NULL; i++)
        g_ptr_array_add(argv, (char *)args[i]);
    g_ptr_array_add(argv, NULL);
    char *out = NULL, *errtext = NULL;
    int status = 0;
    GError *e = NULL;
    gboolean ok = g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &errtext, &status, &e);
    g_assert_no_error(e);
    g_assert_true(ok);
    g_ptr_array_free(argv, TRUE);
    g_free(out);
    if (err != NULL)
        *err = errtext;
    else
        g_free(errtext);
    g_assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static int
run_cli_va(char **err, va_list ap)
{
    GPtrArray *args = g_ptr_array_new();
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL)
        g_ptr_array_add(args, (char *)a);
    g_ptr_array_add(args, NULL);
    int status = run_cli_argv(err, (const char *const *)args->pdata);
    g_ptr_array_free(args, TRUE);
    return status;
}

void
assert_file_errors(const char *name, const char *content, const char *const *expected,
                   const char *const *args)
{
    char *dir = tmp_dir_new();
    char *file = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(file, content, -1, NULL));
    /* "{out.png}": an output whose format is known, so that only the input can be wrong. */
    int png = g_strv_contains(args, "{out.png}");
    char *out = g_build_filename(dir, png ? "out.png" : "out", NULL), *err = NULL;
    GPtrArray *argv = g_ptr_array_new();
    for (size_t i = 0; args[i] != NULL; i++)
        g_ptr_array_add(argv, strcmp(args[i], "{file}") == 0 ? file
                              : strcmp(args[i], "{out}") == 0 || strcmp(args[i], "{out.png}") == 0
                                  ? out
                                  : (char *)args[i]);
    g_ptr_array_add(argv, NULL);
    g_assert_cmpint(run_cli_argv(&err, (const char *const *)argv->pdata), ==, 2);
    g_ptr_array_free(argv, TRUE);
    for (size_t i = 0; expected[i] != NULL; i++) {
        char *line = g_strdup_printf("%s:%s", file, expected[i]);
        if (strstr(err, line) == NULL)
            g_error("expected on stderr:\n%s\ngot:\n%s", line, err);
        g_free(line);
    }
    g_assert_false(file_exists(out));
    g_free(err);
    g_free(out);
    g_free(file);
    tmp_dir_remove(dir);
}

int
run_cli(char **err, ...)
{
    va_list ap;
    va_start(ap, err);
    int rc = run_cli_va(err, ap);
    va_end(ap);
    return rc;
}

void
assert_cli_error(const char *expected, ...)
{
    va_list ap;
    va_start(ap, expected);
    char *err = NULL;
    int rc = run_cli_va(&err, ap);
    va_end(ap);
    if (rc != 2 || strstr(err, expected) == NULL)
        g_error("expected exit status 2 and on stderr:\n%s\ngot status %d and:\n%s", expected,
                rc, err);
    g_free(err);
}

uint32_t
pixel_at(const char *png, double x, double y)
{
    char *wf = g_strdup(png);
    strcpy(wf + strlen(wf) - 3, "pgw");
    char *text = NULL;
    g_assert_true(g_file_get_contents(wf, &text, NULL, NULL));
    double a, d, b, e, c, f;
    g_assert_cmpint(sscanf(text, "%lf %lf %lf %lf %lf %lf", &a, &d, &b, &e, &c, &f), ==, 6);
    g_free(text);
    g_free(wf);
    g_assert_cmpfloat(d, ==, 0);
    g_assert_cmpfloat(b, ==, 0);
    cairo_surface_t *s = cairo_image_surface_create_from_png(png);
    g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
    long col = lround((x - c) / a), row = lround((y - f) / e);
    g_assert_cmpint(col, >=, 0);
    g_assert_cmpint(row, >=, 0);
    g_assert_cmpint(col, <, cairo_image_surface_get_width(s));
    g_assert_cmpint(row, <, cairo_image_surface_get_height(s));
    const unsigned char *px = cairo_image_surface_get_data(s);
    uint32_t v;
    memcpy(&v, px + row * cairo_image_surface_get_stride(s) + col * 4, 4);
    cairo_surface_destroy(s);
    return v & 0xffffff;
}

GHashTable *
read_classes(const char *csv)
{
    /* Read through OGR like any CSV: names such as "Nuenen, Gerwen en Nederwetten" are
    ** quoted. */
    char *text = NULL;
    g_assert_true(g_file_get_contents(csv, &text, NULL, NULL));
    g_assert_true(g_str_has_prefix(text, "gm_code,gm_naam,class,color,projects\n"));
    g_free(text);
    GDALAllRegister();
    const char *drivers[] = {"CSV", NULL};
    GDALDatasetH ds = GDALOpenEx(csv, GDAL_OF_VECTOR, drivers, NULL, NULL);
    g_assert_nonnull(ds);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    OGRFeatureH f;
    while ((f = OGR_L_GetNextFeature(layer)) != NULL) {
        g_hash_table_insert(t, g_strdup(OGR_F_GetFieldAsString(f, 0)),
                            g_strdup_printf("%s|%s|%s", OGR_F_GetFieldAsString(f, 2),
                                            OGR_F_GetFieldAsString(f, 3),
                                            OGR_F_GetFieldAsString(f, 4)));
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return t;
}

GPtrArray *
read_csv_rows(const char *csv)
{
    GDALAllRegister();
    const char *drivers[] = {"CSV", NULL};
    GDALDatasetH ds = GDALOpenEx(csv, GDAL_OF_VECTOR, drivers, NULL, NULL);
    g_assert_nonnull(ds);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref);
    OGRFeatureH f;
    while ((f = OGR_L_GetNextFeature(layer)) != NULL) {
        GHashTable *row = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); i++)
            g_hash_table_insert(row, g_strdup(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))),
                                g_strdup(OGR_F_GetFieldAsString(f, i)));
        g_ptr_array_add(rows, row);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return rows;
}

void
use_backend_beside_cli(void)
{
    char *dir = g_path_get_dirname(g_getenv("SK_CLI"));
    char *backend = g_build_filename(dir, "libsamenkaart-ogr.so", NULL);
    g_setenv("SAMENKAART_BACKEND", backend, FALSE);
    g_free(backend);
    g_free(dir);
}

sk_geography *
load_geography(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_geography_options o;
    sk_geography_options_init(&o);
    char *m = data_path("gemeenten_2017.shp"), *r = data_path("wmo_regios_2017.shp");
    char *t = data_path("gemeenten_regios_2017.csv");
    o.municipalities = m;
    o.regions = r;
    o.membership = t;
    sk_geography *geo = NULL;
    if (sk_geography_load(ctx, &o, &geo) != SK_OK)
        g_error("%s", sk_ctx_errmsg(ctx));
    g_free(m);
    g_free(r);
    g_free(t);
    sk_ctx_free(ctx);
    return geo;
}

sk_projects *
load_projects(sk_geography *geo, const char *name)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_projects_options po;
    sk_projects_options_init(&po);
    char *path = data_path(name);
    po.path = path;
    sk_projects *projects = NULL;
    if (sk_projects_load(ctx, geo, &po, &projects) != SK_OK)
        g_error("%s", sk_ctx_errmsg(ctx));
    g_free(path);
    sk_ctx_free(ctx);
    return projects;
}

int
file_exists(const char *path)
{
    return g_file_test(path, G_FILE_TEST_EXISTS);
}

void
assert_same_file(const char *a_path, const char *b_path)
{
    char *a = NULL, *b = NULL;
    gsize la, lb;
    g_assert_true(g_file_get_contents(a_path, &a, &la, NULL));
    g_assert_true(g_file_get_contents(b_path, &b, &lb, NULL));
    g_assert_cmpmem(a, la, b, lb);
    g_free(a);
    g_free(b);
}
