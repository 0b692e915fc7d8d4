/* Map specs: sk_map_spec_check refuses what a kind does not take, sk_map_build makes the maps
** the command line makes, and the command line checks its spec before loading data.  Also
** the range of atlas --jobs. */
#include <string.h>
#include "support.h"
#include "samenkaart/spec.h"

static char *out_dir;

/* Check spec; expect SK_EUSAGE with a message containing expected. */
static void
assert_refused(const sk_map_spec *spec, const char *expected)
{
    sk_ctx *ctx = sk_ctx_new();
    g_assert_cmpint(sk_map_spec_check(ctx, spec), ==, SK_EUSAGE);
    if (strstr(sk_ctx_errmsg(ctx), expected) == NULL)
        g_error("expected '%s' in: %s", expected, sk_ctx_errmsg(ctx));
    sk_ctx_free(ctx);
}

static void
test_check(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map_spec spec;
    sk_map_spec_init(&spec);
    g_assert_cmpint(spec.kind, ==, SK_MAP_TOTAL);
    g_assert_cmpint(spec.show_counts, ==, -1);
    g_assert_cmpint(spec.page, ==, SK_PAGE_FROM_STYLE);
    g_assert_cmpint(sk_map_spec_check(ctx, &spec), ==, SK_OK);

    /* A table field on a combination map is refused, naming the field. */
    spec.kind = SK_MAP_COMBINATION;
    spec.show = SK_FORM;
    spec.table_key = "gm_code";
    assert_refused(&spec, "table_key");
    spec.table_key = NULL;
    g_assert_cmpint(sk_map_spec_check(ctx, &spec), ==, SK_OK);

    /* Breaks on a total map, an insurer on a count map. */
    sk_map_spec_init(&spec);
    spec.breaks = "1,3,10";
    assert_refused(&spec, "breaks");
    spec.kind = SK_MAP_COUNT;
    g_assert_cmpint(sk_map_spec_check(ctx, &spec), ==, SK_OK);
    spec.insurer = "Menzis";
    assert_refused(&spec, "insurer");

    /* What a kind cannot do without. */
    sk_map_spec_init(&spec);
    spec.kind = SK_MAP_TABLE;
    assert_refused(&spec, "table");
    spec.kind = SK_MAP_HIGHLIGHT;
    assert_refused(&spec, "highlight");

    /* Bad values, with the nearest valid one. */
    sk_map_spec_init(&spec);
    const char *where[] = {"inhoudelijk=preventei", NULL};
    spec.where = where;
    assert_refused(&spec, "preventie");
    sk_map_spec_init(&spec);
    spec.core_of = "Menzsi";
    assert_refused(&spec, "Menzis");
    sk_map_spec_init(&spec);
    spec.kind = SK_MAP_COUNT;
    spec.breaks = "many";
    assert_refused(&spec, "many");
    /* The count classifier's limit, before any data is needed. */
    spec.breaks = NULL;
    spec.classes = 13;
    assert_refused(&spec, "classes: a count map has 2 to 7 classes (the first is 0), not 13");
    spec.classes = 7;
    g_assert_cmpint(sk_map_spec_check(ctx, &spec), ==, SK_OK);
    sk_ctx_free(ctx);
}

/* The demo map built through sk_map_build has the classes the command line gives it. */
static void
test_build_as_cli(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_geography *geo = load_geography();
    sk_projects *projects = load_projects(geo, "projecten_2017.csv");
    sk_style *style = NULL;
    g_assert_cmpint(sk_style_load(ctx, NULL, &style), ==, SK_OK);

    sk_map_spec spec;
    sk_map_spec_init(&spec);
    const char *where[] = {"inhoudelijk=jeugd", NULL};
    spec.kind = SK_MAP_COMBINATION;
    spec.where = where;
    spec.show = SK_FORM;
    sk_map_data data = {.geo = geo, .projects = projects};
    sk_map *map = NULL;
    g_assert_cmpint(sk_map_build(ctx, &data, style, &spec, &map), ==, SK_OK);
    char *lib = g_build_filename(out_dir, "lib.csv", NULL);
    g_assert_cmpint(sk_map_write_classes_csv(ctx, map, lib), ==, SK_OK);

    char *png = g_build_filename(out_dir, "cli.png", NULL);
    char *cli = g_build_filename(out_dir, "cli.csv", NULL);
    g_assert_cmpint(run_cli(NULL, "render", "--where", "inhoudelijk=jeugd", "--show",
                            "samenwerkingsvorm", "--output", png, "--classes-csv", cli, NULL),
                    ==, 0);
    assert_same_file(lib, cli);

    /* A spec that needs data the caller did not give fails, and says what is missing. */
    sk_map *none = NULL;
    spec.core_of = "Menzis";
    g_assert_cmpint(sk_map_build(ctx, &data, style, &spec, &none), ==, SK_EUSAGE);
    g_assert_nonnull(strstr(sk_ctx_errmsg(ctx), "core_of"));
    g_assert_null(none);

    sk_map_free(map);
    sk_style_free(style);
    sk_projects_free(projects);
    sk_geography_free(geo);
    g_free(lib);
    g_free(png);
    g_free(cli);
    sk_ctx_free(ctx);
}

/* A typo in --where is reported before any data is read: here the boundaries do not exist. */
static void
test_cli_checks_first(void)
{
    char *png = g_build_filename(out_dir, "never.png", NULL);
    assert_cli_error("did you mean", "render", "--where", "inhoudelijk=preventei",
                     "--municipalities", "/nonexistent/gemeenten.shp", "--output", png, NULL);
    assert_cli_error("did you mean", "compare", "--map", "inhoudelijk=preventie", "--map",
                     "inhoudelijk=ggzz", "--municipalities", "/nonexistent/gemeenten.shp",
                     "--output", png, NULL);
    g_assert_false(file_exists(png));
    g_free(png);
}

/* atlas --jobs takes 1 to 64 threads; anything else is a usage error (exit 2). */
static void
test_jobs_range(void)
{
    char *atlas = g_build_filename(g_getenv("SAMENKAART_STYLES"), "aef-2017", "atlas.ini",
                                   NULL);
    const char *bad[] = {"0", "65", "-1", "many"};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++)
        assert_cli_error("--jobs: expected 1 to 64 threads", "atlas", "--jobs", bad[i],
                         "--list", atlas, NULL);
    g_assert_cmpint(run_cli(NULL, "atlas", "--jobs", "64", "--list", atlas, NULL), ==, 0);
    g_assert_cmpint(run_cli(NULL, "atlas", "-j", "1", "--list", atlas, NULL), ==, 0);
    g_free(atlas);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    out_dir = tmp_dir_new();
    g_test_add_func("/spec/check", test_check);
    g_test_add_func("/spec/build-as-cli", test_build_as_cli);
    g_test_add_func("/spec/cli-checks-first", test_cli_checks_first);
    g_test_add_func("/spec/jobs-range", test_jobs_range);
    int rc = g_test_run();
    tmp_dir_remove(out_dir);
    return rc;
}
