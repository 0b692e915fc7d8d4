/* Labels, aliases, filters and the canonical legend order. */
#include <glib.h>
#include "samenkaart/samenkaart.h"
#include "src/text.h"
#include "src/vocabulary.h"

static void
test_normalize(void)
{
    char *a = sk__normalize("  Súdwest-Fryslân ");
    g_assert_cmpstr(a, ==, "sudwest-fryslan");
    g_free(a);
    char *b = sk__normalize("Effectief   Samenwerken\tin de Wijk");
    g_assert_cmpstr(b, ==, "effectief samenwerken in de wijk");
    g_free(b);
}

static void
test_labels_and_aliases(void)
{
    g_assert_cmpint(sk__label_parse(SK_THEME, "Effectief Samenwerken in de Wijk", NULL), ==, 3);
    g_assert_cmpint(sk__label_parse(SK_THEME, "ESW", NULL), ==, 3);
    g_assert_cmpint(sk__label_parse(SK_THEME, "Jeugd 18-/18+", NULL), ==, 4);
    g_assert_cmpint(sk__label_parse(SK_FORM, "Implementatie", NULL), ==, 2);
    g_assert_cmpint(sk__label_parse(SK_FORM, "implementeren", NULL), ==, 2);
    g_assert_cmpint(sk__label_parse(SK_INSTRUMENT, "werkwijze (primair proces)", NULL), ==, 0);
    g_assert_cmpint(sk__label_parse(SK_LEVEL, "Bovenregionaal", NULL), ==, 2);
    g_assert_cmpint(sk__label_parse(SK_INSURER, "zilveren kruis", NULL), ==, 0);
    g_assert_cmpint(sk__label_parse(SK_FORM, "implementatiee", NULL), ==, -1);
    char *detail = NULL;
    g_assert_cmpint(sk__label_parse(SK_THEME, "anders: Minima", &detail), ==, 5);
    g_assert_cmpstr(detail, ==, "minima");
    g_free(detail);
    /* Only "anders" takes a detail. */
    g_assert_cmpint(sk__label_parse(SK_THEME, "ggz: acuut", &detail), ==, -1);
    g_assert_null(detail);
}

static void
test_suggestions(void)
{
    g_assert_cmpstr(sk__label_suggest(SK_THEME, "preventi"), ==, "preventie");
    g_assert_cmpstr(sk__label_suggest(SK_FORM, "ontwikkel"), ==, "ontwikkelproject");
    g_assert_cmpstr(sk__label_suggest(SK_LEVEL, "regionale"), ==, "regionaal");
}

/* O, D, I, S = the four forms in canonical order. */
enum { O = 1, D = 2, I = 4, S = 8 };

static void
test_canonical_order(void)
{
    /* Labels in principle order; within a shared prefix, larger combinations first. */
    const sk_labelset expected[] = {O | D | I | S, O | D | I, O | D | S, O | D, O | I | S, O | I,
                                    O | S, O, D | I | S, D | I, D | S, D, I | S, I, S};
    for (size_t a = 0; a < G_N_ELEMENTS(expected); a++) {
        for (size_t b = 0; b < G_N_ELEMENTS(expected); b++) {
            int c = sk_labelset_compare(expected[a], expected[b]);
            if (a < b)
                g_assert_cmpint(c, <, 0);
            else if (a > b)
                g_assert_cmpint(c, >, 0);
            else
                g_assert_cmpint(c, ==, 0);
        }
    }
}

static void
test_filter_errors(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_filter *f = sk_filter_new();
    g_assert_cmpint(sk_filter_add(ctx, f, "inhoudelijk=preventie,ggz"), ==, SK_OK);
    g_assert_cmpint(sk_filter_add(ctx, f, "vorm=Implementatie"), ==, SK_OK);
    g_assert_cmpint(sk_filter_clause_count(f), ==, 2);
    g_assert_cmpint(sk_filter_add(ctx, f, "inhoudelijk=preventi"), ==, SK_EUSAGE);
    g_assert_cmpstr(sk_ctx_errmsg(ctx), ==,
                    "filter 'inhoudelijk=preventi': unknown inhoudelijk 'preventi' (did you "
                    "mean 'preventie'?)");
    sk_ctx_clear_error(ctx);
    g_assert_cmpint(sk_filter_add(ctx, f, "samenwerkingsvrm=implementatie"), ==, SK_EUSAGE);
    g_assert_cmpstr(sk_ctx_errmsg(ctx), ==,
                    "unknown ordering principle 'samenwerkingsvrm' (did you mean "
                    "'samenwerkingsvorm'?)");
    sk_ctx_clear_error(ctx);
    g_assert_cmpint(sk_filter_add(ctx, f, "preventie"), ==, SK_EUSAGE);
    g_assert_cmpint(sk_filter_clause_count(f), ==, 2);
    sk_filter_free(f);
    sk_filter_free(NULL);
    sk_ctx_free(ctx);
    sk_ctx_free(NULL);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vocabulary/normalize", test_normalize);
    g_test_add_func("/vocabulary/labels-and-aliases", test_labels_and_aliases);
    g_test_add_func("/vocabulary/suggestions", test_suggestions);
    g_test_add_func("/vocabulary/canonical-order", test_canonical_order);
    g_test_add_func("/vocabulary/filter-errors", test_filter_errors);
    return g_test_run();
}
