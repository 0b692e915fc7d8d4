/* The library's own ranges and page sizes (issue 13): an API user meets the same rules as
** the command line (render.h) — a dpi outside SK_DPI_MIN..SK_DPI_MAX for a map or an atlas
** is SK_EUSAGE before anything is written, and sk_page_size_parse takes exactly the names of
** SK_PAGE_SIZE_NAMES. */
#include <math.h>
#include <string.h>
#include "support.h"
#include "samenkaart/atlas.h"
#include "samenkaart/spec.h"

static void
assert_message(sk_ctx *ctx, const char *expected)
{
    if (strstr(sk_ctx_errmsg(ctx), expected) == NULL)
        g_error("expected '%s' in: %s", expected, sk_ctx_errmsg(ctx));
}

static void
test_page_sizes(void)
{
    static const struct { const char *name; sk_page_size size; } good[] = {
        {"a4", SK_PAGE_A4_LANDSCAPE}, {"a4-landscape", SK_PAGE_A4_LANDSCAPE},
        {"slide", SK_PAGE_SLIDE_16_9}, {"slide-16x9", SK_PAGE_SLIDE_16_9}};
    for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
        sk_ctx *ctx = sk_ctx_new();
        sk_page_size size = SK_PAGE_FROM_STYLE;
        g_assert_cmpint(sk_page_size_parse(ctx, good[i].name, &size), ==, SK_OK);
        g_assert_cmpint(size, ==, good[i].size);
        sk_ctx_free(ctx);
    }
    const char *bad[] = {"letter", "A4", "", "a4 ", "slide-4x3"};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        sk_ctx *ctx = sk_ctx_new();
        sk_page_size size = SK_PAGE_FROM_STYLE;
        g_assert_cmpint(sk_page_size_parse(ctx, bad[i], &size), ==, SK_EUSAGE);
        g_assert_cmpint(size, ==, SK_PAGE_FROM_STYLE);
        char *expected = g_strdup_printf("page size '%s' unknown: expected a4, a4-landscape, "
                                         "slide or slide-16x9", bad[i]);
        assert_message(ctx, expected);
        g_free(expected);
        sk_ctx_free(ctx);
    }
}

/* sk_map_render: the dpi's range is checked for every format of a single map, before
** anything is written; its bounds are taken. */
static void
test_render_dpi(void)
{
    sk_geography *geo = load_geography();
    sk_ctx *ctx = sk_ctx_new();
    sk_style *style = NULL;
    g_assert_cmpint(sk_style_load(ctx, NULL, &style), ==, SK_OK);
    sk_map_spec spec;
    sk_map_spec_init(&spec);
    spec.kind = SK_MAP_REGIONS;
    sk_map_data data = {.geo = geo};
    sk_map *map = NULL;
    g_assert_cmpint(sk_map_build(ctx, &data, style, &spec, &map), ==, SK_OK);
    char *dir = tmp_dir_new();
    char *png = g_build_filename(dir, "map.png", NULL);
    char *svg = g_build_filename(dir, "map.svg", NULL);
    const double bad[] = {0, -5, NAN, INFINITY, 1e9, 29, 29.99, 1201};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        sk_render_options ro;
        sk_render_options_init(&ro);
        ro.dpi = bad[i];
        sk_ctx *c = sk_ctx_new();
        g_assert_cmpint(sk_map_render(c, map, &ro, png), ==, SK_EUSAGE);
        assert_message(c, "dpi: expected 30 to 1200 dots per inch, not ");
        g_assert_false(file_exists(png));
        sk_ctx_free(c);
    }
    const double bounds[] = {SK_DPI_MIN, SK_DPI_MAX};
    for (size_t i = 0; i < G_N_ELEMENTS(bounds); i++) {
        sk_render_options ro;
        sk_render_options_init(&ro);
        ro.dpi = bounds[i];
        g_assert_cmpint(sk_map_render(ctx, map, &ro, svg), ==, SK_OK);
        g_assert_true(file_exists(svg));
    }
    g_assert_cmpint(SK_DPI_MIN, ==, 30);
    g_assert_cmpint(SK_DPI_MAX, ==, 1200);
    sk_map_free(map);
    sk_style_free(style);
    sk_geography_free(geo);
    sk_ctx_free(ctx);
    g_free(png);
    g_free(svg);
    tmp_dir_remove(dir);
}

/* sk_atlas_render: a dpi or jobs out of range is SK_EUSAGE before the folder is made. */
static void
test_atlas_options(void)
{
    char *dir = tmp_dir_new();
    char *file = g_build_filename(dir, "a.ini", NULL);
    char *out = g_build_filename(dir, "out", NULL);
    g_assert_true(g_file_set_contents(file, "[atlas]\ntitle = T\n\n[map a]\ntitle = A\n", -1,
                                      NULL));
    sk_ctx *ctx = sk_ctx_new();
    sk_atlas *atlas = NULL;
    g_assert_cmpint(sk_atlas_load(ctx, file, g_getenv("SAMENKAART_DATA"), &atlas), ==, SK_OK);
    const struct { double dpi; int jobs; const char *expected; } bad[] = {
        {0, 1, "dpi: expected 30 to 1200 dots per inch, not 0"},
        {NAN, 1, "dpi: expected 30 to 1200 dots per inch, not nan"},
        {20, 1, "dpi: expected 30 to 1200 dots per inch, not 20"},
        {1201, 1, "dpi: expected 30 to 1200 dots per inch, not 1201"},
        {150, 65, "jobs: expected 1 to 64 threads, not 65"}};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        sk_atlas_options ao;
        sk_atlas_options_init(&ao);
        ao.output_dir = out;
        ao.dpi = bad[i].dpi;
        ao.jobs = bad[i].jobs;
        sk_ctx *c = sk_ctx_new();
        g_assert_cmpint(sk_atlas_render(c, atlas, &ao), ==, SK_EUSAGE);
        assert_message(c, bad[i].expected);
        g_assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
        sk_ctx_free(c);
    }
    sk_atlas_free(atlas);
    sk_ctx_free(ctx);
    g_free(file);
    g_free(out);
    tmp_dir_remove(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/usage/page-sizes", test_page_sizes);
    g_test_add_func("/usage/render-dpi", test_render_dpi);
    g_test_add_func("/usage/atlas-options", test_atlas_options);
    return g_test_run();
}
