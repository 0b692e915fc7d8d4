/* Scales of point columns and [points] (issue 15): the default style's samenwerking scale has
** the 7 levels of the RIVM 2020 data (data/rivm2020/README.md) in order, onbekend off the
** map, a ramp that gets darker with every level and keeps every two drawn levels apart for
** every reader; bereik sizes grow with the reach; a user's style adds and changes scales; bad
** [scale] values and unknown [points] keys are FILE:LINE errors with suggestions, all in one
** run; samenkaart style check names the pair of a ramp out of order. */
#include <string.h>
#include <glib/gstdio.h>
#include "samenkaart/samenkaart.h"
#include "src/colour.h"
#include "src/scales.h"
#include "src/style_internal.h"
#include "support.h"

/* The levels of samenwerking in data/rivm2020/README.md, lowest first, and their counts. */
static const char *const samenwerking[] = {
    "onbekend", "geen van beide betrokken", "alleen gemeente of zorgverzekeraar betrokken",
    "gemeente en zorgverzekeraar apart betrokken", "gemeente en zorgverzekeraar in gesprek",
    "informele afspraken", "formele afspraken"};
static const unsigned samenwerking_count[] = {2, 4, 29, 20, 12, 13, 36};

static sk_style *
load_default(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_style *style = NULL;
    g_assert_cmpint(sk_style_load(ctx, NULL, &style), ==, SK_OK);
    sk_ctx_free(ctx);
    return style;
}

/* Load content as the user's style from a file called style.ini: the status, the error text
** in *msg (g_free) and the file's path in *path (g_free). */
static sk_status
load_user(const char *content, sk_style **out, char **msg, char **path)
{
    char *dir = tmp_dir_new();
    *path = g_build_filename(dir, "style.ini", NULL);
    g_assert_true(g_file_set_contents(*path, content, -1, NULL));
    sk_ctx *ctx = sk_ctx_new();
    sk_status st = sk_style_load(ctx, *path, out);
    *msg = g_strdup(st == SK_OK ? "" : sk_ctx_errmsg(ctx));
    sk_ctx_free(ctx);
    tmp_dir_remove(dir);
    return st;
}

/* Every pair of the scale's drawn levels meets the colour rules, and each is apart from
** white; an ordinal scale's drawn levels get darker (L*) level by level. */
static void
assert_scale_colours(const sk__scale *s)
{
    g_assert_nonnull(s->colors);
    double last = 101;
    for (size_t a = 0; a < s->count; a++) {
        if (s->off_map[a])
            continue;
        double l = sk__color_lab(s->colors[a], SK__VISION_NORMAL).L;
        if (s->ordinal)
            g_assert_cmpfloat(l, <, last);
        last = l;
        g_assert_cmpfloat(sk__color_distance(s->colors[a], 0xffffff, SK__VISION_NORMAL), >=,
                          SK__MIN_DE_WHITE);
        for (size_t b = a + 1; b < s->count; b++) {
            if (s->off_map[b])
                continue;
            sk__color_pair p;
            sk__color_compare(s->colors[a], s->colors[b], &p);
            g_assert_cmpfloat(p.de[SK__VISION_NORMAL], >=, SK__MIN_DE_NORMAL);
            g_assert_cmpfloat(p.de[SK__VISION_DEUTAN], >=, SK__MIN_DE_CVD);
            g_assert_cmpfloat(p.de[SK__VISION_PROTAN], >=, SK__MIN_DE_CVD);
        }
    }
}

static void
test_default_samenwerking(void)
{
    sk_style *style = load_default();
    const sk__scale *s = sk__style_scale(style, "samenwerking");
    g_assert_nonnull(s);
    g_assert_cmpuint(s->count, ==, G_N_ELEMENTS(samenwerking));
    g_assert_true(s->ordinal);
    for (size_t i = 0; i < s->count; i++) {
        g_assert_cmpstr(s->levels[i], ==, samenwerking[i]);
        g_assert_cmpstr(s->legend[i], ==, samenwerking[i]);
        g_assert_cmpint(s->off_map[i], ==, i == 0);   /* onbekend only */
    }
    g_assert_cmpstr(s->title, ==, "Mate van samenwerking");
    g_assert_null(s->sizes);
    assert_scale_colours(s);
    /* onbekend: a neutral grey (a* and b* near 0). */
    sk__lab grey = sk__color_lab(s->colors[0], SK__VISION_NORMAL);
    g_assert_cmpfloat(grey.a * grey.a + grey.b * grey.b, <, 4);
    /* Every level gets the dark outline: on the white base map a light one would vanish and
    ** make the darkest symbols look smaller than the light ones. */
    const sk__points_style *p = sk__style_points(style);
    for (size_t k = 1; k < s->count; k++)
        g_assert_cmpfloat(sk__color_lab(s->colors[k], SK__VISION_NORMAL).L, >=,
                          p->outline_switch);
    g_assert_cmpfloat(sk__color_lab(p->outline_dark, SK__VISION_NORMAL).L, <, 30);
    g_assert_cmpfloat(sk__color_lab(p->outline_light, SK__VISION_NORMAL).L, >, 90);
    sk_style_free(style);
}

/* Every value of the data's samenwerking column is a level of the scale, as often as the
** README says. */
static void
test_scale_fits_data(void)
{
    sk_style *style = load_default();
    const sk__scale *s = sk__style_scale(style, "samenwerking");
    char *csv = data_path("../rivm2020/initiatieven_2020.csv");
    GPtrArray *rows = read_csv_rows(csv);
    unsigned counts[G_N_ELEMENTS(samenwerking)] = {0};
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *row = g_ptr_array_index(rows, i);
        int l = sk__scale_level(s, g_hash_table_lookup(row, "samenwerking"));
        g_assert_cmpint(l, >=, 0);
        counts[l]++;
        const char *reach = g_hash_table_lookup(row, "bereik");
        g_assert_cmpint(sk__scale_level(sk__style_scale(style, "bereik"), reach), >=, 0);
        const char *coalition = g_hash_table_lookup(row, "preventiecoalitie");
        g_assert_cmpint(sk__scale_level(sk__style_scale(style, "preventiecoalitie"),
                                        coalition), >=, 0);
    }
    g_assert_cmpuint(rows->len, ==, 116);
    for (size_t l = 0; l < G_N_ELEMENTS(samenwerking); l++)
        g_assert_cmpuint(counts[l], ==, samenwerking_count[l]);
    g_ptr_array_unref(rows);
    g_free(csv);
    sk_style_free(style);
}

static void
test_default_bereik_and_coalition(void)
{
    sk_style *style = load_default();
    const sk__scale *s = sk__style_scale(style, "Bereik");   /* any case */
    g_assert_nonnull(s);
    static const char *const reach[] = {"wijk", "gemeente", "meerdere gemeenten", "regio",
                                        "provincie"};
    g_assert_cmpuint(s->count, ==, G_N_ELEMENTS(reach));
    g_assert_nonnull(s->sizes);
    for (size_t i = 0; i < s->count; i++) {
        g_assert_cmpstr(s->levels[i], ==, reach[i]);
        g_assert_false(s->off_map[i]);
        if (i > 0)
            g_assert_cmpfloat(s->sizes[i], >, s->sizes[i - 1]);
    }
    assert_scale_colours(s);
    const sk__scale *c = sk__style_scale(style, "preventiecoalitie");
    g_assert_nonnull(c);
    g_assert_false(c->ordinal);
    g_assert_cmpuint(c->count, ==, 2);
    g_assert_cmpstr(c->levels[0], ==, "nee");
    g_assert_cmpstr(c->levels[1], ==, "ja");
    assert_scale_colours(c);
    g_assert_null(sk__style_scale(style, "interventies"));
    g_assert_cmpuint(sk__style_scale_count(style), ==, 3);
    sk_style_free(style);
}

/* [points]: the categorical colours keep every rule, the texts fill in as documented. */
static void
test_points_group(void)
{
    sk_style *style = load_default();
    const sk__points_style *p = sk__style_points(style);
    g_assert_cmpfloat(p->symbol_size, >=, 4);
    g_assert_cmpfloat(p->outline_width, >, 0);
    g_assert_cmpuint(p->categorical->len, >=, 5);
    for (guint a = 0; a < p->categorical->len; a++)
        for (guint b = a + 1; b < p->categorical->len; b++) {
            sk__color_pair pair;
            sk__color_compare(g_array_index(p->categorical, sk__color, a),
                              g_array_index(p->categorical, sk__color, b), &pair);
            g_assert_true(sk__color_pair_ok(&pair));
        }
    char *count = sk__style_format(p->count_format, "36", p->unit_many);
    g_assert_cmpstr(count, ==, "36 initiatieven");
    char *off = sk__style_format(p->off_map_format, count, NULL);
    g_assert_cmpstr(off, ==, "36 initiatieven; niet op de kaart");
    char *source = sk__style_format(p->source_format, "initiatieven_2020.csv", NULL);
    g_assert_true(g_str_has_prefix(source, "Bron: CBS, Kadaster"));
    g_assert_true(g_str_has_suffix(source, "; punten: initiatieven_2020.csv"));
    g_free(count);
    g_free(off);
    g_free(source);
    sk_style_free(style);
}

static void
test_scale_level(void)
{
    sk_style *style = load_default();
    const sk__scale *s = sk__style_scale(style, "samenwerking");
    g_assert_cmpint(sk__scale_level(s, "formele afspraken"), ==, 6);
    g_assert_cmpint(sk__scale_level(s, "Formele Afspraken"), ==, 6);
    g_assert_cmpint(sk__scale_level(s, "onbekend"), ==, 0);
    g_assert_cmpint(sk__scale_level(s, "formele afspraak"), ==, -1);
    g_assert_cmpint(sk__scale_level(s, ""), ==, -1);
    sk_style_free(style);
    /* An exact match before one in another case. */
    char *levels[] = {"a", "A", NULL};
    sk__scale two = {.column = "x", .levels = levels, .count = 2};
    g_assert_cmpint(sk__scale_level(&two, "A"), ==, 1);
    g_assert_cmpint(sk__scale_level(&two, "a"), ==, 0);
}

/* A user's style changes a default scale key by key, replaces one with its own levels (whose
** colours and sizes are then its own) and adds a new one. */
static void
test_user_scales(void)
{
    sk_style *style = NULL;
    char *msg, *path;
    sk_status st = load_user("[scale samenwerking]\ntitle = Samenwerking gemeente en "
                             "zorgverzekeraar\n\n[scale bereik]\nlevels = lokaal; regionaal\n"
                             "colors = #9ecae1, #08519c\n\n[scale interventies]\nlevels = GLI; "
                             "valpreventie; welzijn op recept\nordinal = false\ncolors = "
                             "#e69f00, #56b4e9, #009e73\nlegend = leefstijl; vallen; "
                             "welzijn\n", &style, &msg, &path);
    g_assert_cmpstr(msg, ==, "");
    g_assert_cmpint(st, ==, SK_OK);
    const sk__scale *s = sk__style_scale(style, "samenwerking");
    g_assert_cmpstr(s->title, ==, "Samenwerking gemeente en zorgverzekeraar");
    g_assert_cmpuint(s->count, ==, 7);
    g_assert_true(s->off_map[0]);
    const sk__scale *b = sk__style_scale(style, "bereik");
    g_assert_cmpuint(b->count, ==, 2);
    g_assert_cmpstr(b->levels[1], ==, "regionaal");
    g_assert_null(b->sizes);                 /* the default's 5 sizes are not its own */
    g_assert_cmpuint(b->colors[1], ==, 0x08519c);
    g_assert_cmpstr(b->title, ==, "Bereik");  /* level-free keys still come from beneath */
    const sk__scale *i = sk__style_scale(style, "interventies");
    g_assert_nonnull(i);
    g_assert_false(i->ordinal);
    g_assert_cmpstr(i->legend[2], ==, "welzijn");
    g_assert_cmpstr(i->title, ==, "interventies");
    g_assert_cmpuint(sk__style_scale_count(style), ==, 4);
    g_assert_true(sk__style_scale_at(style, 3) == i);   /* the user's new scale last */
    sk_style_free(style);
    g_free(msg);
    g_free(path);
}

/* Assert msg holds "path:" followed by each of expected. */
static void
assert_errors(const char *msg, const char *path, const char *const *expected)
{
    for (size_t i = 0; expected[i] != NULL; i++) {
        char *line = g_strconcat(path, ":", expected[i], NULL);
        if (strstr(msg, line) == NULL)
            g_error("without '%s' in:\n%s", line, msg);
        g_free(line);
    }
}

static void
test_bad_scales(void)
{
    sk_style *style = NULL;
    char *msg, *path;
    sk_status st = load_user(
        "[scale samenwerking]\n"                           /* 1 */
        "off_map = onbekent\n"                             /* 2 */
        "colors = #ff0000, #00ff00\n"                      /* 3 */
        "legnd = x\n"                                      /* 4 */
        "\n"
        "[scale bereik]\n"                                 /* 6 */
        "sizes = 4, 3, 7, groot, 11\n"                     /* 7 */
        "ordinal = misschien\n"                            /* 8 */
        "\n"
        "[scale nieuw]\n"                                  /* 10 */
        "levels = a; b; A\n"                               /* 11 */
        "colors = #zz0000, #000000, #ffffff\n"             /* 12 */
        "legend = een\n"                                   /* 13 */
        "\n"
        "[scale leeg]\n"                                   /* 15 */
        "title = niets\n"                                  /* 16 */
        "\n"
        "[points]\n"                                       /* 18 */
        "unit_on = initiatief\n"                           /* 19 */
        "symbol_pt = groot\n"                              /* 20 */
        "count = %s initiatieven\n",                       /* 21 */
        &style, &msg, &path);
    g_assert_cmpint(st, ==, SK_EINPUT);
    g_assert_null(style);
    const char *expected[] = {
        "2: [scale samenwerking] off_map: unknown level 'onbekent' (did you mean 'onbekend'?)",
        "3: [scale samenwerking] colors: 2 colours for 7 levels (one per level",
        "4: [scale samenwerking] legnd: unknown key (did you mean 'legend'?)",
        "7: [scale bereik] sizes: 'groot' is not a number from 0.5 to 50",
        "8: [scale bereik] ordinal: 'misschien' is not true or false",
        "11: [scale nieuw] levels: level 'A' given twice",
        "12: [scale nieuw] colors: '#zz0000' is not a colour",
        "13: [scale nieuw] legend: 1 texts for 3 levels",
        "15: [scale leeg]: missing 'levels'",
        "19: [points] unit_on: unknown key (did you mean 'unit_one'?)",
        "20: [points] symbol_pt: 'groot' is not a number",
        "21: [points] count: '%s initiatieven' must contain 2 %s",
        NULL};
    assert_errors(msg, path, expected);
    g_free(msg);
    g_free(path);
    /* Sizes of an ordinal scale grow with the level. */
    st = load_user("[scale bereik]\nsizes = 4, 3, 7, 9, 11\n", &style, &msg, &path);
    g_assert_cmpint(st, ==, SK_EINPUT);
    const char *shrink[] = {"2: [scale bereik] sizes: 'gemeente' (3) is smaller than 'wijk' "
                            "(4) below it", NULL};
    assert_errors(msg, path, shrink);
    g_free(msg);
    g_free(path);
    /* A misspelt scale group is an unknown group, with the nearest. */
    st = load_user("[scael samenwerking]\ntitle = x\n", &style, &msg, &path);
    g_assert_cmpint(st, ==, SK_EINPUT);
    const char *group[] = {"1: [scael samenwerking]: unknown group (did you mean 'scale "
                           "samenwerking'?)", NULL};
    assert_errors(msg, path, group);
    g_free(msg);
    g_free(path);
}

/* samenkaart style check over the scales: the default passes; a ramp out of order and two
** levels alike are named. */
static void
test_style_check(void)
{
    sk_style *style = load_default();
    sk_ctx *ctx = sk_ctx_new();
    char *report = NULL;
    g_assert_cmpint(sk_style_check(ctx, style, &report), ==, SK_OK);
    g_assert_nonnull(strstr(report, "[scale samenwerking] 6 colours: ok"));
    g_assert_nonnull(strstr(report, "[scale bereik] 5 colours: ok"));
    g_assert_nonnull(strstr(report, "[scale preventiecoalitie] 2 colours: ok"));
    g_assert_nonnull(strstr(report, "[points] categorical 7 colours: ok"));
    g_free(report);
    sk_style_free(style);

    char *msg, *path;
    /* informele and formele afspraken swapped: the ramp gets lighter at the top. */
    g_assert_cmpint(load_user("[scale samenwerking]\ncolors = #bdbdbd, #c7e9b4, #7fcdbb, "
                              "#41b6c4, #1d91c0, #0c2c84, #225ea8\n", &style, &msg, &path),
                    ==, SK_OK);
    g_assert_cmpint(sk_style_check(ctx, style, &report), ==, SK_EINPUT);
    g_assert_nonnull(strstr(sk_ctx_errmsg(ctx), "[scale samenwerking] 'formele afspraken' "
                            "(#225ea8) is not darker than 'informele afspraken' (#0c2c84)"));
    g_assert_nonnull(strstr(report, "[scale samenwerking] 6 colours: TOO ALIKE"));
    g_free(report);
    sk_style_free(style);
    g_free(msg);
    g_free(path);
    /* Two categories one step apart (a fresh context: it keeps its first error). */
    sk_ctx_free(ctx);
    ctx = sk_ctx_new();
    g_assert_cmpint(load_user("[scale preventiecoalitie]\ncolors = #e6550d, #e6550e\n", &style,
                              &msg, &path), ==, SK_OK);
    g_assert_cmpint(sk_style_check(ctx, style, &report), ==, SK_EINPUT);
    g_assert_nonnull(strstr(sk_ctx_errmsg(ctx), "[scale preventiecoalitie] 'nee' (#e6550d) "
                            "and 'ja' (#e6550e) are too alike"));
    g_free(report);
    sk_style_free(style);
    g_free(msg);
    g_free(path);
    sk_ctx_free(ctx);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/scales/default-samenwerking", test_default_samenwerking);
    g_test_add_func("/scales/fits-data", test_scale_fits_data);
    g_test_add_func("/scales/default-bereik-coalition", test_default_bereik_and_coalition);
    g_test_add_func("/scales/points-group", test_points_group);
    g_test_add_func("/scales/level", test_scale_level);
    g_test_add_func("/scales/user", test_user_scales);
    g_test_add_func("/scales/bad", test_bad_scales);
    g_test_add_func("/scales/style-check", test_style_check);
    return g_test_run();
}
