/* Classification on the real 2017 data, against values worked out by hand from
** projecten_2017.csv and gemeenten_regios_2017.csv (project ids in the comments). */
#include <limits.h>
#include <string.h>
#include <glib.h>
#include <gdal.h>
#include <ogr_api.h>
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

    /* Shown labels are limited to the selected ones: beleid projects that also carry inkoop
    ** (e.g. the inkoopmodule sociale infrastructuur) still show as beleid only. */
    sk_classification *sel = classify("instrumenteel=beleid", SK_INSTRUMENT);
    g_assert_cmpuint(sk_classification_class_count(sel), ==, 1);
    g_assert_cmpuint(sk_classification_class_labels(sel, 0), ==, 1u << 1);
    sk_classification_free(sel);

    sk_classification *m = classify("inhoudelijk=anders: minima", -1);
    g_assert_cmpuint(sk_classification_matching_projects(m), ==, 18);
    sk_classification_free(m);
    sk_classification *any = classify("inhoudelijk=anders", -1);
    g_assert_cmpuint(sk_classification_matching_projects(any), ==, 18 + 40 + 13);
    sk_classification_free(any);
}

static void
test_highlight(void)
{
    /* implementatie projects, ouderen highlighted (worked out from projecten_2017.csv). */
    sk_filter *f = sk_filter_new(), *h = sk_filter_new();
    g_assert_cmpint(sk_filter_add(fx.ctx, f, "samenwerkingsvorm=implementatie"), ==, SK_OK);
    g_assert_cmpint(sk_filter_add(fx.ctx, h, "inhoudelijk=ouderen"), ==, SK_OK);
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify_highlight(fx.ctx, fx.projects, f, h, &c), ==, SK_OK);
    g_assert_cmpint(sk_classification_kind(c), ==, SK_MAP_HIGHLIGHT);
    g_assert_cmpuint(sk_classification_class_count(c), ==, 2);
    g_assert_cmpuint(sk_classification_class_labels(c, 0), ==, 1);   /* "X: Y" first */
    g_assert_cmpuint(sk_classification_class_size(c, 0), ==, 123);
    g_assert_cmpuint(sk_classification_class_size(c, 1), ==, 195);
    const char *highlighted[] = {"Groningen", "Breda", "Arnhem"};
    const char *other[] = {"Eindhoven", "Nijmegen", "Zwolle"};   /* P0349; P0025…; P0013… */
    for (size_t i = 0; i < 3; i++) {
        g_assert_cmpint(sk_classification_class_of(c, (size_t)sk_geography_find_municipality(
                                                          fx.geo, highlighted[i])), ==, 0);
        g_assert_cmpint(sk_classification_class_of(c, (size_t)sk_geography_find_municipality(
                                                          fx.geo, other[i])), ==, 1);
    }
    sk_classification_free(c);
    sk_filter_free(f);
    sk_filter_free(h);
}

static void
test_count_classes(void)
{
    /* Projects per municipality over all 421 projects: 380 municipalities take part,
    ** counts 1..23, 8 have none: the class "0" is one of the five; Jenks' optimal four
    ** classes over the 380 end at 5, 9, 14, 23 (checked by an exhaustive search over all
    ** break sets). */
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify_count(fx.ctx, fx.projects, NULL, SK_BREAKS_NATURAL, 5, NULL, 0,
                                      &c), ==, SK_OK);
    const unsigned upper[] = {0, 5, 9, 14, 23}, lower[] = {0, 1, 6, 10, 15};
    const size_t sizes[] = {8, 103, 174, 97, 6};
    g_assert_cmpuint(sk_classification_class_count(c), ==, 5);
    for (size_t k = 0; k < 5; k++) {
        unsigned lo, hi;
        sk_classification_class_range(c, k, &lo, &hi);
        g_assert_cmpuint(lo, ==, lower[k]);
        g_assert_cmpuint(hi, ==, upper[k]);
        g_assert_cmpuint(sk_classification_class_size(c, k), ==, sizes[k]);
    }
    g_assert_cmpuint(projects_of(c, "Amsterdam"), ==, 23);
    g_assert_cmpint(sk_classification_class_of(c, (size_t)sk_geography_find_municipality(
                                                      fx.geo, "Amsterdam")), ==, 4);
    sk_classification_free(c);

    /* The class "0", then terciles of the 380 counts: 6, 9, 23. */
    g_assert_cmpint(sk_classify_count(fx.ctx, fx.projects, NULL, SK_BREAKS_QUANTILE, 4, NULL,
                                      0, &c), ==, SK_OK);
    const unsigned q[] = {0, 6, 9, 23};
    for (size_t k = 0; k < 4; k++) {
        unsigned lo, hi;
        sk_classification_class_range(c, k, &lo, &hi);
        g_assert_cmpuint(hi, ==, q[k]);
    }
    sk_classification_free(c);

    /* Manual breaks: 0, 1-2, 3-9, 10 or more (open). */
    sk_breaks method;
    unsigned breaks[4];
    size_t n;
    g_assert_cmpint(sk_breaks_parse(fx.ctx, "2, 9", &method, breaks, 4, &n), ==, SK_OK);
    g_assert_cmpint(method, ==, SK_BREAKS_MANUAL);
    g_assert_cmpint(sk_classify_count(fx.ctx, fx.projects, NULL, method, 0, breaks, n, &c), ==,
                    SK_OK);
    g_assert_cmpuint(sk_classification_class_count(c), ==, 4);
    unsigned lo, hi;
    sk_classification_class_range(c, 3, &lo, &hi);
    g_assert_cmpuint(lo, ==, 10);
    g_assert_cmpuint(hi, ==, UINT_MAX);
    /* 1 and 2 occur 3 + 1 times. */
    g_assert_cmpuint(sk_classification_class_size(c, 1), ==, 4);
    sk_classification_free(c);
    g_assert_cmpint(sk_breaks_parse(fx.ctx, "quantile", &method, breaks, 4, &n), ==, SK_OK);
    g_assert_cmpint(method, ==, SK_BREAKS_QUANTILE);
    g_assert_cmpint(sk_breaks_parse(fx.ctx, "1,x", &method, breaks, 4, &n), ==, SK_EUSAGE);
    sk_ctx_clear_error(fx.ctx);
    /* Written out of order: refused, not sorted. */
    g_assert_cmpint(sk_breaks_parse(fx.ctx, "9, 2", &method, breaks, 4, &n), ==, SK_EUSAGE);
    sk_ctx_clear_error(fx.ctx);
}

static void
test_negative_filter(void)
{
    /* 25 projects carry the instrument czm; 396 do not. */
    sk_classification *c = classify("instrumenteel!=czm", -1);
    g_assert_cmpuint(sk_classification_matching_projects(c), ==, 396);
    sk_classification_free(c);
    c = classify("instrumenteel=czm", -1);
    g_assert_cmpuint(sk_classification_matching_projects(c), ==, 25);
    sk_classification_free(c);
}

static void
test_regions_taking_part(void)
{
    /* Menzis' bovenregionaal projects P0009 and P0010 name Twente, Regio Arnhem, Groningen,
    ** FoodValley and Achterhoek as whole regions; none names Drenthe. */
    sk_filter *f = sk_filter_new();
    g_assert_cmpint(sk_filter_add(fx.ctx, f, "geografisch=bovenregionaal"), ==, SK_OK);
    g_assert_cmpint(sk_filter_add(fx.ctx, f, "zorgverzekeraar=Menzis"), ==, SK_OK);
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify(fx.ctx, fx.projects, f, -1, &c), ==, SK_OK);
    const char *named[] = {"Twente", "Regio Arnhem", "Groningen", "FoodValley", "Achterhoek"};
    for (size_t i = 0; i < G_N_ELEMENTS(named); i++)
        g_assert_true(sk_classification_region_named(
            c, (size_t)sk_geography_find_region(fx.geo, named[i])));
    g_assert_false(sk_classification_region_named(
        c, (size_t)sk_geography_find_region(fx.geo, "Drenthe")));
    sk_classification_free(c);
    sk_filter_free(f);
}

static void
test_regions_overview(void)
{
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify_regions(fx.ctx, fx.geo, &c), ==, SK_OK);
    g_assert_cmpuint(sk_classification_class_count(c), ==, 43);
    int gron = sk_geography_find_region(fx.geo, "Groningen");
    g_assert_cmpint(sk_classification_class_of(c, (size_t)sk_geography_find_municipality(
                                                      fx.geo, "Oldambt")), ==, gron);
    /* Neighbours never share a colour: Groningen borders Drenthe and Friesland. */
    int dre = sk_geography_find_region(fx.geo, "Drenthe"), fri = sk_geography_find_region(fx.geo, "Friesland");
    g_assert_cmpuint(sk_classification_class_palette(c, (size_t)gron), !=,
                     sk_classification_class_palette(c, (size_t)dre));
    g_assert_cmpuint(sk_classification_class_palette(c, (size_t)gron), !=,
                     sk_classification_class_palette(c, (size_t)fri));
    g_assert_cmpuint(sk_classification_class_palette(c, (size_t)dre), !=,
                     sk_classification_class_palette(c, (size_t)fri));

    /* Every number lies inside its own region (tested with OGR on the region layer). */
    sk_style *style = NULL;
    g_assert_cmpint(sk_style_load(fx.ctx, NULL, &style), ==, SK_OK);
    sk_map *map = NULL;
    g_assert_cmpint(sk_map_new(fx.ctx, fx.geo, NULL, style, NULL, c, NULL, &map), ==, SK_OK);
    g_assert_cmpuint(sk_map_label_count(map), ==, 43);
    char *path = data_path("wmo_regios_2017.shp");
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR, NULL, NULL, NULL);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    for (size_t i = 0; i < 43; i++) {
        double x, y;
        const char *text = sk_map_label(map, i, &x, &y);
        char *expected = g_strdup_printf("%zu", i + 1);
        g_assert_cmpstr(text, ==, expected);
        g_free(expected);
        OGR_L_SetAttributeFilter(layer, NULL);
        char *filter = g_strdup_printf("wmo_code = '%s'", sk_geography_region_code(fx.geo, i));
        OGR_L_SetAttributeFilter(layer, filter);
        g_free(filter);
        OGRFeatureH f = OGR_L_GetNextFeature(layer);
        g_assert_nonnull(f);
        OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(pt, 0, x, y);
        g_assert_true(OGR_G_Contains(OGR_F_GetGeometryRef(f), pt));
        OGR_G_DestroyGeometry(pt);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    g_free(path);
    sk_map_free(map);
    sk_style_free(style);
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
    g_test_add_func("/classify/highlight", test_highlight);
    g_test_add_func("/classify/count-classes", test_count_classes);
    g_test_add_func("/classify/negative-filter", test_negative_filter);
    g_test_add_func("/classify/regions-taking-part", test_regions_taking_part);
    g_test_add_func("/classify/regions-overview", test_regions_overview);
    g_test_add_func("/classify/lookup", test_lookup);
    int rc = g_test_run();
    sk_projects_free(fx.projects);
    sk_geography_free(fx.geo);
    sk_ctx_free(fx.ctx);
    g_free(path);
    return rc;
}
