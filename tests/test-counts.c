/* Count maps with a "0" class and 2 to 7 classes, and the one-label panels of small
** multiples (sk__classification_keep_label), on the real 2017 data.  Expected values were
** worked out apart from the program, from projecten_2017.csv, gemeenten_regios_2017.csv and
** gemeentepolissen_2017.csv (a project touches its gemeenten and every member of its
** wmo_regios; each municipality counted once per project). */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"
#include "samenkaart/spec.h"
#include "src/classify_internal.h"
#include "support.h"

static sk_ctx *ctx;
static sk_geography *geo;
static sk_projects *projects;

static int
municipality(const char *name)
{
    int m = sk_geography_find_municipality(geo, name);
    g_assert_cmpint(m, >=, 0);
    return m;
}

static sk_classification *
count_map(sk_projects *p, const char *where, sk_breaks method, size_t classes,
          const unsigned *breaks, size_t nbreaks)
{
    sk_filter *f = sk_filter_new();
    if (where != NULL)
        g_assert_cmpint(sk_filter_add(ctx, f, where), ==, SK_OK);
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify_count(ctx, p, f, method, classes, breaks, nbreaks, &c), ==,
                    SK_OK);
    sk_filter_free(f);
    return c;
}

/* The classes' ranges and sizes, exactly. */
static void
assert_ranges(const sk_classification *c, size_t n, const unsigned *lower,
              const unsigned *upper, const size_t *sizes)
{
    g_assert_cmpint(sk_classification_kind(c), ==, SK_MAP_COUNT);
    g_assert_cmpuint(sk_classification_class_count(c), ==, n);
    size_t total = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned lo, hi;
        sk_classification_class_range(c, k, &lo, &hi);
        g_assert_cmpuint(lo, ==, lower[k]);
        g_assert_cmpuint(hi, ==, upper[k]);
        g_assert_cmpuint(sk_classification_class_size(c, k), ==, sizes[k]);
        total += sizes[k];
    }
    /* No municipality is without a class on a count map. */
    g_assert_cmpuint(total, ==, sk_geography_municipality_count(geo));
    for (size_t m = 0; m < sk_geography_municipality_count(geo); m++)
        g_assert_cmpint(sk_classification_class_of(c, m), >=, 0);
}

static void
test_zero_class(void)
{
    /* All 421 projects: 8 municipalities have none (Oud-Beijerland, Korendijk, Cromstrijen,
    ** Strijen, Nederweert, Leudal, Roerdalen, Echt-Susteren); counts 1..23 elsewhere. */
    sk_classification *c = count_map(projects, NULL, SK_BREAKS_NATURAL, 5, NULL, 0);
    const unsigned lo5[] = {0, 1, 6, 10, 15}, hi5[] = {0, 5, 9, 14, 23};
    const size_t n5[] = {8, 103, 174, 97, 6};
    assert_ranges(c, 5, lo5, hi5, n5);
    g_assert_cmpint(sk_classification_class_of(c, (size_t)municipality("Nederweert")), ==, 0);
    g_assert_cmpuint(sk_classification_projects_of(c, (size_t)municipality("Nederweert")), ==,
                     0);
    g_assert_cmpint(sk_classification_class_of(c, (size_t)municipality("Maastricht")), ==, 3);
    sk_classification_free(c);

    /* Manual breaks 1,3,10: 0, 1, 2-3, 4-10, 11 or more.  Roermond has 1 project, Blaricum 2. */
    const unsigned breaks[] = {1, 3, 10};
    c = count_map(projects, NULL, SK_BREAKS_MANUAL, 0, breaks, 3);
    const unsigned lom[] = {0, 1, 2, 4, 11}, him[] = {0, 1, 3, 10, UINT_MAX};
    const size_t nm[] = {8, 3, 33, 263, 81};
    assert_ranges(c, 5, lom, him, nm);
    g_assert_cmpint(sk_classification_class_of(c, (size_t)municipality("Roermond")), ==, 1);
    g_assert_cmpint(sk_classification_class_of(c, (size_t)municipality("Blaricum")), ==, 2);
    sk_classification_free(c);

    /* Two classes: 0 and the rest. */
    c = count_map(projects, NULL, SK_BREAKS_QUANTILE, 2, NULL, 0);
    const unsigned lo2[] = {0, 1}, hi2[] = {0, 23};
    const size_t n2[] = {8, 380};
    assert_ranges(c, 2, lo2, hi2, n2);
    sk_classification_free(c);

    /* Seven: 0 and Jenks' optimal six over the 380 (exhaustive search): 4, 7, 9, 11, 14, 23. */
    c = count_map(projects, NULL, SK_BREAKS_NATURAL, 7, NULL, 0);
    const unsigned lo7[] = {0, 1, 5, 8, 10, 12, 15}, hi7[] = {0, 4, 7, 9, 11, 14, 23};
    const size_t n7[] = {8, 76, 106, 95, 62, 35, 6};
    assert_ranges(c, 7, lo7, hi7, n7);
    sk_classification_free(c);

    /* No project matches: every municipality is in the class 0. */
    c = count_map(projects, "zorgverzekeraar=Caresq", SK_BREAKS_NATURAL, 5, NULL, 0);
    const unsigned zero[] = {0};
    const size_t all[] = {388};
    assert_ranges(c, 1, zero, zero, all);
    sk_classification_free(c);
}

/* A database in which every municipality has a project (one naming all 43 regions), and
** Amsterdam a second one: no class 0, every class for the counts of 1 or more. */
static void
test_no_zero_class(void)
{
    char *dir = tmp_dir_new();
    char *path = g_build_filename(dir, "p.csv", NULL);
    GString *csv = g_string_new("id,titel,zorgverzekeraars,gemeenten,wmo_regios,inhoudelijk,"
                                "instrumenteel,samenwerkingsvorm,geografisch,partners,bron\n"
                                "P1,Alle regio's,CZ,,");
    for (int r = 1; r <= 43; r++)
        g_string_append_printf(csv, "%sWR%02d", r > 1 ? ";" : "", r);
    g_string_append(csv, ",ggz,beleid,ontwikkelproject,bovenregionaal,,test\n"
                         "P2,Amsterdam,VGZ,Amsterdam,,ggz,beleid,implementatie,gemeente,,test\n");
    g_assert_true(g_file_set_contents(path, csv->str, -1, NULL));
    g_string_free(csv, TRUE);
    sk_projects_options po;
    sk_projects_options_init(&po);
    po.path = path;
    sk_projects *everywhere = NULL;
    if (sk_projects_load(ctx, geo, &po, &everywhere) != SK_OK)
        g_error("%s", sk_ctx_errmsg(ctx));

    const unsigned lo[] = {1, 2}, hi[] = {1, 2};
    const size_t n[] = {387, 1};
    sk_classification *c = count_map(everywhere, NULL, SK_BREAKS_NATURAL, 2, NULL, 0);
    assert_ranges(c, 2, lo, hi, n);
    g_assert_cmpint(sk_classification_class_of(c, (size_t)municipality("Amsterdam")), ==, 1);
    sk_classification_free(c);
    const unsigned one[] = {1};
    c = count_map(everywhere, NULL, SK_BREAKS_MANUAL, 0, one, 1);
    const unsigned him[] = {1, UINT_MAX};
    assert_ranges(c, 2, lo, him, n);
    sk_classification_free(c);

    sk_projects_free(everywhere);
    g_free(path);
    tmp_dir_remove(dir);
}

static void
assert_usage(sk_status st, const char *a, const char *b)
{
    g_assert_cmpint(st, ==, SK_EUSAGE);
    const char *msg = sk_ctx_errmsg(ctx);
    if (strstr(msg, a) == NULL || (b != NULL && strstr(msg, b) == NULL))
        g_error("expected '%s' and '%s' in: %s", a, b ? b : "", msg);
    sk_ctx_clear_error(ctx);
}

static void
test_limits(void)
{
    sk_classification *c = NULL;
    assert_usage(sk_classify_count(ctx, projects, NULL, SK_BREAKS_NATURAL, 1, NULL, 0, &c),
                 "classes: a count map has 2 to 7 classes (the first is 0), not 1", NULL);
    assert_usage(sk_classify_count(ctx, projects, NULL, SK_BREAKS_QUANTILE, 8, NULL, 0, &c),
                 "classes: a count map has 2 to 7 classes (the first is 0), not 8", NULL);
    g_assert_null(c);
    /* Six breaks would make eight classes with the 0. */
    const unsigned six[] = {1, 2, 3, 4, 5, 6};
    assert_usage(sk_classify_count(ctx, projects, NULL, SK_BREAKS_MANUAL, 0, six, 6, &c),
                 "'1,2,3,4,5,6'", "at most 7 classes");
    sk_breaks method;
    unsigned breaks[16];
    size_t n;
    assert_usage(sk_breaks_parse(ctx, "1,2,3,4,5,6", &method, breaks, 16, &n), "'1,2,3,4,5,6'",
                 "give at most 5 breaks");
    /* Written out, a repeated or falling break is refused; given to the API as an array,
    ** five distinct breaks (repeats do not count) make seven classes. */
    assert_usage(sk_breaks_parse(ctx, "1,1,2,3,4,5,5", &method, breaks, 16, &n),
                 "'1,1,2,3,4,5,5'", "each break must be above the one before it (1 after 1)");
    assert_usage(sk_breaks_parse(ctx, "5,4", &method, breaks, 16, &n), "'5,4'", "(4 after 5)");
    const unsigned repeated[] = {1, 1, 2, 3, 4, 5, 5};
    c = count_map(projects, NULL, SK_BREAKS_MANUAL, 0, repeated, G_N_ELEMENTS(repeated));
    g_assert_cmpuint(sk_classification_class_count(c), ==, 7);
    sk_classification_free(c);

    /* The map spec refuses the same before any data is read; 0 there means the default. */
    sk_map_spec spec;
    sk_map_spec_init(&spec);
    spec.kind = SK_MAP_COUNT;
    spec.classes = 1;
    assert_usage(sk_map_spec_check(ctx, &spec), "2 to 7 classes (the first is 0), not 1", NULL);
    spec.classes = 8;
    assert_usage(sk_map_spec_check(ctx, &spec), "2 to 7 classes (the first is 0), not 8", NULL);
    spec.classes = 2;
    g_assert_cmpint(sk_map_spec_check(ctx, &spec), ==, SK_OK);
    spec.classes = 0;
    spec.breaks = "2,4,6,8,10,12";
    assert_usage(sk_map_spec_check(ctx, &spec), "'2,4,6,8,10,12'", "at most 7 classes");
}

/* The command line and the atlas refuse the same, naming the option or FILE:LINE. */
static void
test_limits_cli(void)
{
    char *dir = tmp_dir_new();
    char *png = g_build_filename(dir, "m.png", NULL);
    assert_cli_error("classes: a count map has 2 to 7 classes (the first is 0), not 8", "render",
                     "--count", "natural", "--classes", "8", "--output", png, NULL);
    assert_cli_error("count classes '1,2,3,4,5,6': 6 breaks make 8 classes", "render", "--count",
                     "1,2,3,4,5,6", "--output", png, NULL);
    /* Breaks out of order or given twice: a slip, refused (they used to be sorted). */
    assert_cli_error("count classes '10,3,1': each break must be above the one before it (3 "
                     "after 10); give them rising, like 1,3,10", "render", "--count", "10,3,1",
                     "--output", png, NULL);
    assert_cli_error("count classes '1, 3, 3': each break must be above the one before it (3 "
                     "after 3)", "render", "--count", "1, 3, 3", "--output", png, NULL);
    g_assert_false(file_exists(png));
    const char *expected[] = {
        "7: [map a] classes: expected a number of classes from 2 to 7 (the first is 0)",
        "11: [map b] count: count classes '1,2,3,4,5,6': 6 breaks make 8 classes", NULL};
    const char *args[] = {"atlas", "--quiet", "{file}", "--output", "{out}", NULL};
    assert_file_errors("bad.ini", "[atlas]\ntitle = T\n\n[map a]\ntitle = A\ncount = natural\n"
                       "classes = 8\n\n[map b]\ntitle = B\ncount = 1,2,3,4,5,6\n", expected, args);
    g_free(png);
    tmp_dir_remove(dir);
}

/* ---- one label per panel ------------------------------------------------------------- */

/* keep holds exactly the municipalities of total's one class, with c's project counts. */
static void
assert_same_municipalities(const sk_classification *keep, const sk_classification *c,
                           const sk_classification *total)
{
    for (size_t m = 0; m < sk_geography_municipality_count(geo); m++) {
        g_assert_cmpint(sk_classification_class_of(keep, m), ==,
                        sk_classification_class_of(total, m));
        g_assert_cmpuint(sk_classification_projects_of(keep, m), ==,
                         sk_classification_projects_of(c, m));
    }
}

static void
test_keep_label_themes(void)
{
    /* Municipalities touched by a project of each theme (worked out from the CSV). */
    const size_t touched[] = {212, 282, 309, 342, 179, 274};
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify(ctx, projects, NULL, SK_THEME, &c), ==, SK_OK);
    g_assert_cmpuint(sk_principle_label_count(SK_THEME), ==, G_N_ELEMENTS(touched));
    for (size_t l = 0; l < G_N_ELEMENTS(touched); l++) {
        sk_classification *keep = sk__classification_keep_label(c, l);
        g_assert_cmpint(sk_classification_kind(keep), ==, SK_MAP_COMBINATION);
        g_assert_cmpint(sk_classification_show(keep), ==, SK_THEME);
        g_assert_cmpuint(sk_classification_class_count(keep), ==, 1);
        g_assert_cmpuint(sk_classification_class_labels(keep, 0), ==, 1u << l);
        g_assert_cmpuint(sk_classification_class_size(keep, 0), ==, touched[l]);
        g_assert_cmpuint(sk_classification_matching_projects(keep), ==, 421);
        /* The same municipalities as a total map of the projects with that theme. */
        char *where = g_strdup_printf("inhoudelijk=%s", sk_principle_label_key(SK_THEME, l));
        sk_filter *f = sk_filter_new();
        g_assert_cmpint(sk_filter_add(ctx, f, where), ==, SK_OK);
        sk_classification *total = NULL;
        g_assert_cmpint(sk_classify(ctx, projects, f, -1, &total), ==, SK_OK);
        g_assert_cmpuint(sk_classification_class_size(total, 0), ==, touched[l]);
        assert_same_municipalities(keep, c, total);
        sk_classification_free(total);
        sk_filter_free(f);
        g_free(where);
        sk_classification_free(keep);
    }
    /* A label beyond the principle's: no class, nobody in it. */
    sk_classification *none = sk__classification_keep_label(c, 40);
    g_assert_cmpuint(sk_classification_class_count(none), ==, 0);
    g_assert_cmpint(sk_classification_class_of(none, (size_t)municipality("Amsterdam")), ==, -1);
    sk_classification_free(none);
    sk_classification_free(c);
}

static void
test_keep_label_regions(void)
{
    /* Menzis' bovenregionaal projects name Twente and four other regions, not Drenthe; the
    ** implementatie panel keeps the regions named. */
    sk_filter *f = sk_filter_new();
    g_assert_cmpint(sk_filter_add(ctx, f, "geografisch=bovenregionaal"), ==, SK_OK);
    g_assert_cmpint(sk_filter_add(ctx, f, "zorgverzekeraar=Menzis"), ==, SK_OK);
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify(ctx, projects, f, SK_FORM, &c), ==, SK_OK);
    sk_classification *keep = sk__classification_keep_label(c, 2);
    g_assert_true(sk_classification_region_named(
        keep, (size_t)sk_geography_find_region(geo, "Twente")));
    g_assert_false(sk_classification_region_named(
        keep, (size_t)sk_geography_find_region(geo, "Drenthe")));
    g_assert_cmpuint(sk_classification_matching_projects(keep), ==,
                     sk_classification_matching_projects(c));
    sk_classification_free(keep);
    sk_classification_free(c);
    sk_filter_free(f);
}

static void
test_keep_label_table(void)
{
    /* Minima contracts: 65 municipalities with Menzis, 127 with VGZ, none with Caresq; the
    ** 18 listed without a contract are in no panel. */
    char *path = data_path("gemeentepolissen_2017.csv");
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify_table(ctx, geo, path, NULL, "gm_code", "verzekeraars", SK_INSURER, 0,
                                      &c), ==, SK_OK);
    const char *names[] = {"Menzis", "VGZ", "Caresq"};
    const size_t sizes[] = {65, 127, 0};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        size_t label;
        g_assert_cmpint(sk_label_find(ctx, SK_INSURER, names[i], &label), ==, SK_OK);
        sk_classification *keep = sk__classification_keep_label(c, label);
        g_assert_cmpint(sk_classification_kind(keep), ==, sk_classification_kind(c));
        g_assert_cmpint(sk_classification_show(keep), ==, SK_INSURER);
        g_assert_cmpuint(sk_classification_class_count(keep), ==, sizes[i] > 0);
        g_assert_cmpuint(sk_classification_class_size(keep, 0), ==, sizes[i]);
        if (sizes[i] > 0)
            g_assert_cmpuint(sk_classification_class_labels(keep, 0), ==, 1u << label);
        sk_classification_free(keep);
    }
    /* Appingedam: Menzis only (gemeentepolissen_2017.csv). */
    size_t menzis;
    g_assert_cmpint(sk_label_find(ctx, SK_INSURER, "Menzis", &menzis), ==, SK_OK);
    sk_classification *keep = sk__classification_keep_label(c, menzis);
    g_assert_cmpint(sk_classification_class_of(keep, (size_t)municipality("Appingedam")), ==, 0);
    sk_classification_free(keep);
    sk_classification_free(c);
    g_free(path);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    use_backend_beside_cli();
    ctx = sk_ctx_new();
    geo = load_geography();
    projects = load_projects(geo, "projecten_2017.csv");
    g_test_add_func("/counts/zero-class", test_zero_class);
    g_test_add_func("/counts/no-zero-class", test_no_zero_class);
    g_test_add_func("/counts/limits", test_limits);
    g_test_add_func("/counts/limits-cli", test_limits_cli);
    g_test_add_func("/counts/keep-label-themes", test_keep_label_themes);
    g_test_add_func("/counts/keep-label-regions", test_keep_label_regions);
    g_test_add_func("/counts/keep-label-table", test_keep_label_table);
    int rc = g_test_run();
    sk_projects_free(projects);
    sk_geography_free(geo);
    sk_ctx_free(ctx);
    return rc;
}
