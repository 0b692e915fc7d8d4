/* Style files are read as strictly as atlas files: every unknown group or key, wrong type, bad
** value or font family that is not installed is an error FILE:LINE: [group] key: … with the
** nearest valid name, all of them in one run, and the command exits 2.  The shipped styles
** load. */
#include <string.h>
#include "samenkaart/samenkaart.h"
#include "support.h"

/* Render a map with content as its style file: exit status 2, every line of expected (each
** prefixed with "FILE:") on stderr, and no map written. */
static void
assert_style_errors(const char *content, const char *const *expected)
{
    const char *args[] = {"render", "--style", "{file}", "--output", "{out}", NULL};
    assert_file_errors("style.ini", content, expected, args);
}

static void
test_unknown_key(void)
{
    const char *expected[] = {"3: [page] margn_mm: unknown key (did you mean 'margin_mm'?)",
                              NULL};
    assert_style_errors("[page]\nsize = a4-landscape\nmargn_mm = 10\n", expected);
    /* Legend texts are keys too: principle.label. */
    const char *labels[] = {"2: [labels] inhoudelijk.jeugt: unknown key (did you mean "
                            "'inhoudelijk.jeugd'?)", NULL};
    assert_style_errors("[labels]\ninhoudelijk.jeugt = Jeugd\n", labels);
}

static void
test_unknown_group(void)
{
    const char *expected[] = {"4: [lgend]: unknown group (did you mean 'legend'?)", NULL};
    assert_style_errors("[page]\nmargin_mm = 10\n\n[lgend]\nwidth_mm = 60\n", expected);
    const char *colors[] = {"1: [colors.samenwerkingsvrom]: unknown group (did you mean "
                            "'colors.samenwerkingsvorm'?)", NULL};
    assert_style_errors("[colors.samenwerkingsvrom]\nimplementatie = #ff0000\n", colors);
}

static void
test_wrong_type(void)
{
    const char *expected[] = {"2: [fonts] title_pt: 'groot' is not a number from 4 to 72",
                              "4: [legend] show_counts: '3' is not true or false", NULL};
    assert_style_errors("[fonts]\ntitle_pt = groot\n[legend]\nshow_counts = 3\n", expected);
}

static void
test_bad_colour(void)
{
    const char *expected[] = {"2: [map] region_border: 'zwart' is not a colour (expected "
                              "#rrggbb, e.g. #1f78b4)",
                              "5: [colors.inhoudelijk] jeugd: '#12345' is not a colour", NULL};
    assert_style_errors("[map]\nregion_border = zwart\n\n[colors.inhoudelijk]\njeugd = #12345\n",
                        expected);
}

static void
test_unknown_font_family(void)
{
    const char *expected[] = {"3: [fonts] family: unknown font family 'DejaVu Snas' (did you "
                              "mean 'DejaVu Sans'?)", NULL};
    assert_style_errors("[fonts]\n# a typo\nfamily = DejaVu Snas\n", expected);
}

/* Counts are whole numbers; names are sized by rank, so the sizes must fall with it. */
static void
test_counts_and_name_sizes(void)
{
    const char *expected[] = {"2: [fonts] name_pt: names are sized by rank: name_pt (5) >= "
                              "name_medium_pt (7.5) >= name_min_pt (9) is needed",
                              "5: [names] always: '2.5' is not a whole number from 0 to 100",
                              "7: [page] caption_lines: '1e1' is not a whole number", NULL};
    assert_style_errors("[fonts]\nname_pt = 5\nname_min_pt = 9\n[names]\nalways = 2.5\n"
                        "[page]\ncaption_lines = 1e1\n", expected);
}

/* Every problem of the file in one run, in the files they are in. */
static void
test_all_errors_in_one_run(void)
{
    const char *expected[] = {"2: [page] background: 'wit' is not a colour",
                              "5: [fonts] family: unknown font family 'Helvetika'",
                              "6: [fonts] legend_pt: '100' is not a number from 7 to 72",
                              "8: [text] source: 'Bron' must contain 1 %s",
                              "3: [page] margn_mm: unknown key (did you mean 'margin_mm'?)",
                              "9: [text] titel: unknown key",
                              "10: [palete]: unknown group (did you mean 'palette'?)", NULL};
    assert_style_errors("[page]\nbackground = wit\nmargn_mm = 5\n[fonts]\nfamily = Helvetika\n"
                        "legend_pt = 100\n[text]\nsource = Bron\ntitel = Kaart\n[palete]\n"
                        "total = #000000\n",
                        expected);
}

/* A key in the wrong group says where it belongs; a key far from every key of its group lists
** them instead of guessing; a repeated key or group (GKeyFile would keep the last value or
** merge the groups, silently) is an error at the repetition. */
static void
test_misplaced_far_and_repeated_keys(void)
{
    const char *misplaced[] = {"2: [page] title_pt: unknown key in [page] (it belongs in "
                               "[fonts])", NULL};
    assert_style_errors("[page]\ntitle_pt = 9\n", misplaced);
    const char *far[] = {"2: [page] foo_bar_baz: unknown key (the keys of [page]: size, "
                         "margin_mm", NULL};
    assert_style_errors("[page]\nfoo_bar_baz = 1\n", far);
    const char *repeated[] = {"3: [page] margin_mm: repeats the key at line 2; give it once",
                              "4: [page] repeats the group at line 1; give each group once",
                              NULL};
    assert_style_errors("[page]\nmargin_mm = 5\nmargin_mm = 6\n[page]\nsize = a4-landscape\n",
                        repeated);
}

/* Values that cannot be read are errors, never the default in their place; so are lines that
** are not INI, with their number. */
static void
test_unreadable_values_and_lines(void)
{
    const char *utf8[] = {"2: [page] margin_mm: cannot be read: ", NULL};
    assert_style_errors("[page]\nmargin_mm = 5\xff\n", utf8);
    const char *escape[] = {"2: [text] note_title: cannot be read: ", NULL};
    assert_style_errors("[text]\nnote_title = Let op\\q\n", escape);
    const char *empty[] = {"2: [fonts] family: no font family given",
                           "4: [palette] regions: no colour given", NULL};
    assert_style_errors("[fonts]\nfamily =\n[palette]\nregions =\n", empty);
    const char *line[] = {"3: 'margin_mm 5' is not a [group], a key = value line or a # "
                          "comment", NULL};
    assert_style_errors("[page]\n# margins\nmargin_mm 5\n", line);
    const char *before[] = {"1: 'margin_mm = 5' comes before the first [group]", NULL};
    assert_style_errors("margin_mm = 5\n[page]\n", before);
}

/* A UTF-8 file with a byte order mark (as Windows editors write it) is read. */
static void
test_byte_order_mark(void)
{
    char *dir = tmp_dir_new();
    char *file = g_build_filename(dir, "bom.ini", NULL);
    g_assert_true(g_file_set_contents(file, "\xef\xbb\xbf[fonts]\nlegend_pt = 9\n", -1, NULL));
    sk_ctx *ctx = sk_ctx_new();
    sk_style *style = NULL;
    g_assert_cmpint(sk_style_load(ctx, file, &style), ==, SK_OK);
    sk_style_free(style);
    sk_ctx_free(ctx);
    g_free(file);
    tmp_dir_remove(dir);
}

/* The shipped styles load: the default, the same file named, and the AEF atlas's style. */
static void
test_shipped_styles_load(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_style *style = NULL;
    g_assert_cmpint(sk_style_load(ctx, NULL, &style), ==, SK_OK);
    sk_style_free(style);
    char *aef = g_build_filename(g_getenv("SAMENKAART_STYLES"), "aef.ini", NULL);
    style = NULL;
    g_assert_cmpint(sk_style_load(ctx, aef, &style), ==, SK_OK);
    sk_style_free(style);
    g_free(aef);
    /* A style file that changes a few keys, as the tests' own styles do. */
    char *dir = tmp_dir_new();
    char *file = g_build_filename(dir, "own.ini", NULL);
    g_assert_true(g_file_set_contents(file, "[fonts]\nlegend_pt = 40\nfamily = DejaVu Sans, "
                                      "sans-serif\n\n[colors.inhoudelijk]\njeugd = #123456\n",
                                      -1, NULL));
    style = NULL;
    g_assert_cmpint(sk_style_load(ctx, file, &style), ==, SK_OK);
    sk_style_free(style);
    g_free(file);
    tmp_dir_remove(dir);
    sk_ctx_free(ctx);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/style/unknown-key", test_unknown_key);
    g_test_add_func("/style/counts-and-name-sizes", test_counts_and_name_sizes);
    g_test_add_func("/style/unknown-group", test_unknown_group);
    g_test_add_func("/style/wrong-type", test_wrong_type);
    g_test_add_func("/style/bad-colour", test_bad_colour);
    g_test_add_func("/style/unknown-font-family", test_unknown_font_family);
    g_test_add_func("/style/all-errors-in-one-run", test_all_errors_in_one_run);
    g_test_add_func("/style/misplaced-far-and-repeated-keys",
                    test_misplaced_far_and_repeated_keys);
    g_test_add_func("/style/unreadable-values-and-lines", test_unreadable_values_and_lines);
    g_test_add_func("/style/byte-order-mark", test_byte_order_mark);
    g_test_add_func("/style/shipped-styles-load", test_shipped_styles_load);
    return g_test_run();
}
