/* Classification on the real 2017 data, against values worked out by hand from
** projecten_2017.csv and gemeenten_regios_2017.csv (project ids in the comments). */
#include <string.h>
#include <glib.h>
#include "support.h"

typedef struct fixture {
    sk_ctx *ctx;
    sk_geography *geo;
    sk_projects *projects;
} fixture;

static fixture fx;

static sk_classification *
classify(const char *where, int show)
{
    sk_filter *f = sk_filter_new();
    if (where != NULL)
        g_assert_cmpint(sk_filter_add(fx.ctx, f, where), ==, SK_OK);
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify(fx.ctx, fx.projects, f, show, &c), ==, SK_OK);
    sk_filter_free(f);
    return c;
}

/* The class of a named municipality as "label+label" keys, "" for none. */
static char *
class_of(const sk_classification *c, const char *name)
{
    int m = sk_geography_find_municipality(fx.geo, name);
    g_assert_cmpint(m, >=, 0);
    int k = sk_classification_class_of(c, (size_t)m);
    GString *s = g_string_new(NULL);
    if (k >= 0) {
        sk_labelset set = sk_classification_class_labels(c, (size_t)k);
        int show = sk_classification_show(c);
        for (size_t l = 0; set != 0; l++, set >>= 1)
            if (set & 1)
                g_string_append_printf(s, "%s%s", s->len ? "+" : "",
                                       show < 0 ? "total"
                                                : sk_principle_label_key((sk_principle)show, l));
    }
    return g_string_free(s, FALSE);
}

static unsigned
projects_of(const sk_classification *c, const char *name)
{
    int m = sk_geography_find_municipality(fx.geo, name);
    g_assert_cmpint(m, >=, 0);
    return sk_classification_projects_of(c, (size_t)m);
}

#define ASSERT_CLASS(c, name, expected)                                                      \
    do {                                                                                     \
        char *got_ = class_of((c), (name));                                                  \
        g_assert_cmpstr(got_, ==, (expected));                                               \
        g_free(got_);                                                                        \
    } while (0)

static void
test_jeugd_by_form(void)
{
    sk_classification *c = classify("inhoudelijk=jeugd", SK_FORM);
    /* P0001 Methodiek jeugd 18-/18+ Groningen (Menzis), ontwikkelproject. */
    ASSERT_CLASS(c, "Groningen", "ontwikkelproject");
    g_assert_cmpuint(projects_of(c, "Groningen"), ==, 1);
    /* P0002 Methodiek jeugd 18-/18+ Oldambt, ontwikkelproject. */
    ASSERT_CLASS(c, "Oldambt", "ontwikkelproject");
    /* P0005 implementatie + P0044 samenwerkingsafspraken, both naming Enschede. */
    ASSERT_CLASS(c, "Enschede", "implementatie+samenwerkingsafspraken");
    g_assert_cmpuint(projects_of(c, "Enschede"), ==, 2);
    /* P0089 names Súdwest-Fryslân; P0328 the region Friesland it belongs to. */
    ASSERT_CLASS(c, "Sudwest-Fryslan", "ontwikkelproject+samenwerkingsafspraken");
    /* P0239 via the region Amsterdam-Amstelland. */
    ASSERT_CLASS(c, "Amsterdam", "doorontwikkelen");
    /* P0081 implementatie via the region Utrecht Stad, P0087 ontwikkelproject by name. */
    ASSERT_CLASS(c, "Utrecht", "ontwikkelproject+implementatie");
    g_assert_cmpuint(projects_of(c, "Utrecht"), ==, 2);
    /* No jeugd project touches Maastricht. */
    ASSERT_CLASS(c, "Maastricht", "");
    g_assert_cmpuint(projects_of(c, "Maastricht"), ==, 0);

    /* The legend: exactly the combinations present, in canonical order, with sizes. */
    const char *expected[] = {"ontwikkelproject+doorontwikkelen", "ontwikkelproject+implementatie",
                              "ontwikkelproject+samenwerkingsafspraken", "ontwikkelproject",
                              "doorontwikkelen", "implementatie+samenwerkingsafspraken",
                              "implementatie", "samenwerkingsafspraken"};
    const size_t sizes[] = {1, 6, 1, 59, 66, 1, 15, 30};
    g_assert_cmpuint(sk_classification_class_count(c), ==, G_N_ELEMENTS(expected));
    for (size_t k = 0; k < G_N_ELEMENTS(expected); k++) {
        sk_labelset set = sk_classification_class_labels(c, k);
        GString *s = g_string_new(NULL);
        for (size_t l = 0; set != 0; l++, set >>= 1)
            if (set & 1)
                g_string_append_printf(s, "%s%s", s->len ? "+" : "",
                                       sk_principle_label_key(SK_FORM, l));
        g_assert_cmpstr(s->str, ==, expected[k]);
        g_assert_cmpuint(sk_classification_class_size(c, k), ==, sizes[k]);
        g_string_free(s, TRUE);
    }
    g_assert_cmpuint(sk_classification_matching_projects(c), ==, 27);
    sk_classification_free(c);
}

static void
test_total_preventie(void)
{
    sk_classification *c = classify("inhoudelijk=preventie", -1);
    g_assert_cmpuint(sk_classification_class_count(c), ==, 1);
    g_assert_cmpuint(sk_classification_class_size(c, 0), ==, 212);
    g_assert_cmpuint(sk_classification_matching_projects(c), ==, 74);
    g_assert_cmpuint(projects_of(c, "Maastricht"), ==, 7);
    g_assert_cmpuint(projects_of(c, "Amsterdam"), ==, 5);
    ASSERT_CLASS(c, "Utrecht", "");
    sk_classification_free(c);

    /* Every project: 380 of the 388 municipalities take part in at least one. */
    c = classify(NULL, -1);
    g_assert_cmpuint(sk_classification_class_size(c, 0), ==, 380);
    sk_classification_free(c);
}

static void
test_levels_for_ouderen(void)
{
    sk_classification *c = classify("inhoudelijk=ouderen", SK_LEVEL);
    /* Canonical order: gemeente+regionaal+bovenregionaal, gemeente+regionaal,
    ** gemeente+bovenregionaal, gemeente, regionaal+bovenregionaal, regionaal, bovenregionaal. */
    const size_t canonical[] = {18, 14, 16, 7, 70, 83, 101};
    g_assert_cmpuint(sk_classification_class_count(c), ==, G_N_ELEMENTS(canonical));
    for (size_t k = 0; k < G_N_ELEMENTS(canonical); k++)
        g_assert_cmpuint(sk_classification_class_size(c, k), ==, canonical[k]);
    sk_classification_free(c);
}

static void
test_filters(void)
{
    /* AND across clauses, OR within one; display names work as values. */
    sk_classification *a = classify("samenwerkingsvorm=Implementatie", -1);
    sk_filter *f = sk_filter_new();
    g_assert_cmpint(sk_filter_add(fx.ctx, f, "samenwerkingsvorm=implementeren"), ==, SK_OK);
    g_assert_cmpint(sk_filter_add(fx.ctx, f, "inhoudelijk=ouderen,ggz"), ==, SK_OK);
    sk_classification *b = NULL;
    g_assert_cmpint(sk_classify(fx.ctx, fx.projects, f, -1, &b), ==, SK_OK);
    g_assert_cmpuint(sk_classification_matching_projects(a), ==, 86);
    g_assert_cmpuint(sk_classification_matching_projects(b), <,
                     sk_classification_matching_projects(a));
    g_assert_cmpuint(sk_classification_matching_projects(b), >, 0);
    sk_classification_free(a);
    sk_classification_free(b);
    sk_filter_free(f);

    sk_classification *m = classify("inhoudelijk=anders: minima", -1);
    g_assert_cmpuint(sk_classification_matching_projects(m), ==, 18);
    sk_classification_free(m);
    sk_classification *any = classify("inhoudelijk=anders", -1);
    g_assert_cmpuint(sk_classification_matching_projects(any), ==, 18 + 40 + 13);
    sk_classification_free(any);
}

static void
test_lookup(void)
{
    g_assert_cmpint(sk_geography_municipality_count(fx.geo), ==, 388);
    g_assert_cmpint(sk_geography_region_count(fx.geo), ==, 43);
    int h = sk_geography_find_municipality(fx.geo, "Den Haag");
    g_assert_cmpint(h, >=, 0);
    g_assert_cmpstr(sk_geography_municipality_name(fx.geo, (size_t)h), ==, "'s-Gravenhage");
    g_assert_cmpint(sk_geography_find_municipality(fx.geo, "gm0518"), ==, h);
    g_assert_cmpint(sk_geography_find_municipality(fx.geo, "SUDWEST-FRYSLAN"), ==,
                    sk_geography_find_municipality(fx.geo, "Súdwest-Fryslân"));
    g_assert_cmpint(sk_geography_find_region(fx.geo, "WR18"), >=, 0);
    g_assert_cmpint(sk_geography_find_municipality(fx.geo, "Atlantis"), ==, -1);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    fx.ctx = sk_ctx_new();
    fx.geo = load_geography();
    sk_projects_options po;
    sk_projects_options_init(&po);
    char *path = data_path("projecten_2017.csv");
    po.path = path;
    if (sk_projects_load(fx.ctx, fx.geo, &po, &fx.projects) != SK_OK)
        g_error("%s", sk_ctx_errmsg(fx.ctx));
    g_test_add_func("/classify/jeugd-by-form", test_jeugd_by_form);
    g_test_add_func("/classify/total-preventie", test_total_preventie);
    g_test_add_func("/classify/levels-for-ouderen", test_levels_for_ouderen);
    g_test_add_func("/classify/filters", test_filters);
    g_test_add_func("/classify/lookup", test_lookup);
    int rc = g_test_run();
    sk_projects_free(fx.projects);
    sk_geography_free(fx.geo);
    sk_ctx_free(fx.ctx);
    g_free(path);
    return rc;
}
