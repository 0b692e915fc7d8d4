/* Key figures on the pages of compare and diff (issue 14): what the page prints beside the
** map, read back from the PDF (pdftotext -raw, poppler-utils as setup.sh installs), equals
** the figures worked out here from the CSV files of data/nl2017 (not through the library);
** diff --years names both years in the title; bad --years is exit 2 and writes nothing. */
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include "samenkaart/samenkaart.h"
#include "samenkaart/spec.h"
#include "src/figures.h"
#include "support.h"

static char *out_dir;

/* ---- the page's text ---------------------------------------------------------------- */

/* The PDF's text in drawing order, every run of white space (no-break and em spaces too) one
** space. */
static char *
page_text(const char *pdf)
{
    const char *argv[] = {"pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL};
    char *out = NULL;
    int status = 0;
    GError *error = NULL;
    if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &out, NULL, &status, &error))
        g_error("pdftotext (poppler-utils) is needed to read the page: %s", error->message);
    g_assert_cmpint(status, ==, 0);
    GString *s = g_string_new(NULL);
    int space = 0;
    for (const char *p = out; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == 0x00a0 || c == 0x2003) {
            space = s->len > 0;
            continue;
        }
        if (space)
            g_string_append_c(s, ' ');
        space = 0;
        g_string_append_unichar(s, c);
    }
    g_free(out);
    return g_string_free(s, FALSE);
}

static void
assert_printed(const char *text, const char *expected)
{
    if (strstr(text, expected) == NULL)
        g_error("the page does not say:\n  %s\nit says:\n  %s", expected, text);
}

/* ---- the data, worked out from the files -------------------------------------------- */

typedef struct places {
    GPtrArray *membership;   /* rows of gemeenten_regios_2017.csv */
    GHashTable *by_name;     /* lower-case gm_naam or gm_code -> gm_code */
    GHashTable *in_region;   /* lower-case wmo_code or wmo_naam -> GPtrArray of gm_code */
} places;

static places *
places_load(void)
{
    places *pl = g_new0(places, 1);
    char *path = data_path("gemeenten_regios_2017.csv");
    pl->membership = read_csv_rows(path);
    g_free(path);
    pl->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    pl->in_region = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)g_ptr_array_unref);
    for (guint i = 0; i < pl->membership->len; i++) {
        GHashTable *row = g_ptr_array_index(pl->membership, i);
        char *code = g_hash_table_lookup(row, "gm_code");
        g_hash_table_insert(pl->by_name, g_utf8_strdown(code, -1), code);
        g_hash_table_insert(pl->by_name, g_utf8_strdown(g_hash_table_lookup(row, "gm_naam"), -1),
                            code);
        for (int k = 0; k < 2; k++) {
            char *region = g_utf8_strdown(g_hash_table_lookup(row, k ? "wmo_naam" : "wmo_code"),
                                          -1);
            GPtrArray *codes = g_hash_table_lookup(pl->in_region, region);
            if (codes == NULL)
                g_hash_table_insert(pl->in_region, g_strdup(region), codes = g_ptr_array_new());
            g_ptr_array_add(codes, code);
            g_free(region);
        }
    }
    return pl;
}

static void
places_free(places *pl)
{
    g_hash_table_unref(pl->by_name);
    g_hash_table_unref(pl->in_region);
    g_ptr_array_unref(pl->membership);
    g_free(pl);
}

static int
by_text(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ';'-separated values of a cell, trimmed and in lower case, sorted, joined by '|'. */
static char *
cell_set(GHashTable *row, const char *column)
{
    char **values = g_strsplit(g_hash_table_lookup(row, column), ";", -1);
    GPtrArray *kept = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; values[i] != NULL; i++)
        if (*g_strstrip(values[i]))
            g_ptr_array_add(kept, g_utf8_strdown(values[i], -1));
    g_strfreev(values);
    g_ptr_array_sort(kept, by_text);
    g_ptr_array_add(kept, NULL);
    char *joined = g_strjoinv("|", (char **)kept->pdata);
    g_ptr_array_unref(kept);
    return joined;
}

/* The gm_codes a project touches: the municipalities named and the members of the regions
** named. */
static GHashTable *
touched_by(const places *pl, GHashTable *row)
{
    GHashTable *codes = g_hash_table_new(g_str_hash, g_str_equal);
    const char *columns[] = {"gemeenten", "wmo_regios"};
    for (int c = 0; c < 2; c++) {
        char *set = cell_set(row, columns[c]);
        char **names = g_strsplit(set, "|", -1);
        for (size_t i = 0; *set && names[i] != NULL; i++) {
            if (c == 0) {
                char *code = g_hash_table_lookup(pl->by_name, names[i]);
                g_assert_nonnull(code);
                g_hash_table_add(codes, code);
                continue;
            }
            GPtrArray *members = g_hash_table_lookup(pl->in_region, names[i]);
            g_assert_nonnull(members);
            for (guint k = 0; k < members->len; k++)
                g_hash_table_add(codes, g_ptr_array_index(members, k));
        }
        g_strfreev(names);
        g_free(set);
    }
    return codes;
}

/* Mark the project's municipalities in set (as present). */
static void
mark_codes(const places *pl, GHashTable *row, GHashTable *set)
{
    GHashTable *codes = touched_by(pl, row);
    GHashTableIter it;
    gpointer code;
    g_hash_table_iter_init(&it, codes);
    while (g_hash_table_iter_next(&it, &code, NULL))
        g_hash_table_add(set, code);
    g_hash_table_unref(codes);
}

/* A share as the page prints it: whole percents, rounded half up, never 0 % for some nor
** 100 % for not all (docs/views.md). */
static char *
share(size_t part, size_t whole)
{
    size_t p = (200 * part + whole) / (2 * whole);
    p = part > 0 && p == 0 ? 1 : part < whole && p == 100 ? 99 : p;
    return g_strdup_printf("%zu %%", p);
}

/* An insurer's figures as the page prints them, from the projects (rows), the membership
** (zk_code of each municipality) and the kernwerkgebieden (zk_code -> verzekeraar).  one:
** the text beside one insurer's map, else its lines on a page of several. */
static char *
insurer_text(const places *pl, GPtrArray *projects, GPtrArray *core_rows, const char *insurer,
             int one)
{
    GHashTable *core_regions = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < core_rows->len; i++) {
        GHashTable *row = g_ptr_array_index(core_rows, i);
        if (strcmp(g_hash_table_lookup(row, "verzekeraar"), insurer) == 0)
            g_hash_table_add(core_regions, g_hash_table_lookup(row, "zk_code"));
    }
    char *key = g_utf8_strdown(insurer, -1);
    size_t count = 0, inside = 0, core = 0, without = 0;
    GHashTable *reached = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < projects->len; i++) {
        GHashTable *row = g_ptr_array_index(projects, i);
        char *insurers = cell_set(row, "zorgverzekeraars");
        char **names = g_strsplit(insurers, "|", -1);
        if (g_strv_contains((const char *const *)names, key)) {
            count++;
            mark_codes(pl, row, reached);
        }
        g_strfreev(names);
        g_free(insurers);
    }
    for (guint i = 0; i < pl->membership->len; i++) {
        GHashTable *row = g_ptr_array_index(pl->membership, i);
        int in_core = g_hash_table_contains(core_regions, g_hash_table_lookup(row, "zk_code"));
        int with = g_hash_table_contains(reached, g_hash_table_lookup(row, "gm_code"));
        core += in_core;
        inside += in_core && with;
        without += in_core && !with;
    }
    size_t reached_n = g_hash_table_size(reached);
    char *pct = share(inside, reached_n), *text;
    if (one)
        text = g_strdup_printf("Kerncijfers %s van de gemeenten met een project van %s ligt in "
                               "zijn kernwerkgebied. Projecten: %zu Gemeenten met een project: "
                               "%zu waarvan in het kernwerkgebied: %zu (%s) Gemeenten in het "
                               "kernwerkgebied: %zu waarvan zonder project: %zu", pct, insurer,
                               count, reached_n, inside, pct, core, without);
    else if (core > 0)
        text = g_strdup_printf("%s Projecten: %zu · gemeenten: %zu In kernwerkgebied: %zu (%s)",
                               insurer, count, reached_n, inside, pct);
    else
        text = g_strdup_printf("%s Projecten: %zu · gemeenten: %zu Geen kernwerkgebied",
                               insurer, count, reached_n);
    g_free(pct);
    g_free(key);
    g_hash_table_unref(reached);
    g_hash_table_unref(core_regions);
    return text;
}

/* ---- compare ------------------------------------------------------------------------ */

static void
test_compare(void)
{
    places *pl = places_load();
    char *path = data_path("projecten_2017.csv");
    GPtrArray *projects = read_csv_rows(path);
    g_free(path);
    path = data_path("kernwerkgebieden_2017.csv");
    GPtrArray *core_rows = read_csv_rows(path);
    g_free(path);

    /* One insurer: the report's 72 % of Menzis, and every figure of --table-csv. */
    char *pdf = g_build_filename(out_dir, "menzis.pdf", NULL);
    g_assert_cmpint(run_cli(NULL, "compare", "--no-cache", "--insurer", "Menzis", "--output",
                            pdf, NULL), ==, 0);
    char *text = page_text(pdf);
    char *want = insurer_text(pl, projects, core_rows, "Menzis", 1);
    g_assert_nonnull(strstr(want, "Kerncijfers 72 % van de gemeenten met een project van Menzis"));
    assert_printed(text, want);
    g_free(want);
    g_free(text);

    /* --no-figures: the map alone. */
    g_assert_cmpint(run_cli(NULL, "compare", "--no-cache", "--insurer", "Menzis", "--no-figures",
                            "--output", pdf, NULL), ==, 0);
    text = page_text(pdf);
    g_assert_null(strstr(text, "Kerncijfers"));
    g_free(text);

    /* Every insurer: one block each, in the vocabulary's order, beside the panels. */
    g_assert_cmpint(run_cli(NULL, "compare", "--no-cache", "--insurer", "all", "--output", pdf,
                            NULL), ==, 0);
    text = page_text(pdf);
    const char *names[] = {"Zilveren Kruis", "VGZ", "CZ", "Menzis", "DSW", "De Friesland",
                           "Zorg en Zekerheid", "Eno", "ONVZ"};
    GString *all = g_string_new("Kerncijfers");
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        want = insurer_text(pl, projects, core_rows, names[i], 0);
        g_string_append_printf(all, " %s", want);
        g_free(want);
    }
    assert_printed(text, all->str);
    g_string_free(all, TRUE);
    g_free(text);

    /* Maps side by side have no insurer figures to leave off. */
    assert_cli_error("--no-figures: the figures of insurers", "compare", "--map",
                     "inhoudelijk=preventie", "--map", "inhoudelijk=ggz", "--no-figures",
                     "--output", pdf, NULL);
    g_free(pdf);
    g_ptr_array_unref(core_rows);
    g_ptr_array_unref(projects);
    places_free(pl);
}

/* ---- diff --------------------------------------------------------------------------- */

/* The diff's figures worked out from the two files, matched by id. */
typedef struct changes {
    size_t before, after, news, ended, changed, unchanged, labels, insurers, places_;
    size_t municipalities[5];   /* new, ended, changed, unchanged, neither */
} changes;

static GHashTable *
by_id(GPtrArray *rows)
{
    GHashTable *t = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *row = g_ptr_array_index(rows, i);
        g_hash_table_insert(t, g_hash_table_lookup(row, "id"), row);
    }
    return t;
}

static int
same_cells(GHashTable *a, GHashTable *b, const char *column)
{
    char *x = cell_set(a, column), *y = cell_set(b, column);
    int same = strcmp(x, y) == 0;
    g_free(x);
    g_free(y);
    return same;
}

static int
same_codes(GHashTable *a, GHashTable *b)
{
    int same = g_hash_table_size(a) == g_hash_table_size(b);
    GHashTableIter it;
    gpointer code;
    g_hash_table_iter_init(&it, a);
    while (same && g_hash_table_iter_next(&it, &code, NULL))
        same = g_hash_table_contains(b, code);
    return same;
}

/* Whether a project in both files changed, counting what changed. */
static int
project_changed(const places *pl, GHashTable *p, GHashTable *q, changes *c)
{
    const char *label_columns[] = {"inhoudelijk", "instrumenteel", "samenwerkingsvorm",
                                   "geografisch"};
    int labels = 0;
    for (size_t k = 0; k < G_N_ELEMENTS(label_columns); k++)
        labels |= !same_cells(p, q, label_columns[k]);
    int insurers = !same_cells(p, q, "zorgverzekeraars");
    GHashTable *x = touched_by(pl, p), *y = touched_by(pl, q);
    int moved = !same_cells(p, q, "wmo_regios") || !same_codes(x, y);
    g_hash_table_unref(x);
    g_hash_table_unref(y);
    c->labels += labels;
    c->insurers += insurers;
    c->places_ += moved;
    return labels || insurers || moved;
}

static changes
work_out_changes(const places *pl, GPtrArray *rows_before, GPtrArray *rows_after)
{
    changes c = {.before = rows_before->len, .after = rows_after->len};
    GHashTable *b = by_id(rows_before), *a = by_id(rows_after);
    GHashTable *in_before = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *in_after = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *by_change = g_hash_table_new(g_str_hash, g_str_equal);
    for (int side = 0; side < 2; side++) {
        GPtrArray *rows = side == 0 ? rows_before : rows_after;
        GHashTable *other = side == 0 ? a : b;
        for (guint i = 0; i < rows->len; i++) {
            GHashTable *row = g_ptr_array_index(rows, i);
            GHashTable *twin = g_hash_table_lookup(other, g_hash_table_lookup(row, "id"));
            mark_codes(pl, row, side == 0 ? in_before : in_after);
            int changed = 1;
            if (twin == NULL && side == 0)
                c.ended++;
            else if (twin == NULL)
                c.news++;
            else {
                /* What changed counted once, from the earlier side. */
                changes scratch = {0};
                changed = project_changed(pl, row, twin, side == 0 ? &c : &scratch);
                c.changed += side == 0 && changed;
            }
            if (changed)
                mark_codes(pl, row, by_change);
        }
    }
    c.unchanged = c.after - c.news - c.changed;
    for (guint i = 0; i < pl->membership->len; i++) {
        const char *code = g_hash_table_lookup(g_ptr_array_index(pl->membership, i), "gm_code");
        int x = g_hash_table_contains(in_before, code), y = g_hash_table_contains(in_after, code);
        c.municipalities[!x && !y                              ? 4
                         : !x                                  ? 0
                         : !y                                  ? 1
                         : g_hash_table_contains(by_change, code) ? 2
                                                               : 3]++;
    }
    g_hash_table_unref(in_before);
    g_hash_table_unref(in_after);
    g_hash_table_unref(by_change);
    g_hash_table_unref(a);
    g_hash_table_unref(b);
    return c;
}

static char *
changes_text(const changes *c, const char *before, const char *after)
{
    return g_strdup_printf(
        "Kerncijfers Projecten in %s: %zu Projecten in %s: %zu Nieuwe projecten: %zu "
        "Beëindigde projecten: %zu Gewijzigde projecten: %zu waarvan met andere labels: %zu "
        "waarvan met andere zorgverzekeraars: %zu waarvan met andere gemeenten of regio's: %zu "
        "Ongewijzigde projecten: %zu Gemeenten nieuwe samenwerking: %zu samenwerking "
        "beëindigd: %zu samenwerking gewijzigd: %zu ongewijzigd: %zu geen project in beide "
        "jaren: %zu", before, c->before, after, c->after, c->news, c->ended, c->changed,
        c->labels, c->insurers, c->places_, c->unchanged, c->municipalities[0],
        c->municipalities[1], c->municipalities[2], c->municipalities[3], c->municipalities[4]);
}

static void
test_diff(void)
{
    places *pl = places_load();
    char *b = data_path("projecten_2017.csv"), *a = data_path("projecten_2018.csv");
    GPtrArray *rows_before = read_csv_rows(b), *rows_after = read_csv_rows(a);
    changes c = work_out_changes(pl, rows_before, rows_after);
    /* The data has projects new, ended and changed. */
    g_assert_cmpuint(c.news, >, 0);
    g_assert_cmpuint(c.ended, >, 0);
    g_assert_cmpuint(c.changed, >, 0);

    char *pdf = g_build_filename(out_dir, "diff.pdf", NULL);
    g_assert_cmpint(run_cli(NULL, "diff", "--no-cache", "--before", b, "--after", a, "--years",
                            "2017,2018", "--output", pdf, NULL), ==, 0);
    char *text = page_text(pdf);
    assert_printed(text, "Veranderingen in de samenwerking tussen 2017 en 2018 – Alle projecten");
    assert_printed(text, "Bron: CBS, Kadaster; projectdatabases 2017 en 2018");
    char *want = changes_text(&c, "2017", "2018");
    assert_printed(text, want);
    g_free(want);
    g_free(text);

    /* Without years: the databases are the earlier and the later one, never a file's name in
    ** the title. */
    g_assert_cmpint(run_cli(NULL, "diff", "--no-cache", "--before", b, "--after", a, "--output",
                            pdf, NULL), ==, 0);
    text = page_text(pdf);
    assert_printed(text, "Veranderingen in de samenwerking – Alle projecten");
    want = changes_text(&c, "de eerdere momentopname", "de latere momentopname");
    assert_printed(text, want);
    g_free(want);
    g_free(text);

    /* Bad years: exit 2 with the reason, nothing written. */
    g_unlink(pdf);
    const char *bad[][2] = {
        {"2017", "give two years, the earlier first"},
        {"2017,2018,2019", "give two years, the earlier first"},
        {"2017,18", "'18' is not a year (four digits"},
        {"zeventien,2018", "'zeventien' is not a year"},
        {"2018,2017", "the year of --before comes first and is the earlier (did you mean "
                      "--years 2017,2018?)"},
        {"2017,2017", "give two different years"}};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        char *message = g_strdup_printf("--years '%s': %s", bad[i][0], bad[i][1]);
        assert_cli_error(message, "diff", "--no-cache", "--before", b, "--after", a, "--years",
                         bad[i][0], "--output", pdf, NULL);
        g_assert_false(file_exists(pdf));
        g_free(message);
    }

    /* Same input, same page. */
    char *png1 = g_build_filename(out_dir, "d1.png", NULL);
    char *png2 = g_build_filename(out_dir, "d2.png", NULL);
    for (int i = 0; i < 2; i++)
        g_assert_cmpint(run_cli(NULL, "diff", "--no-cache", "--before", b, "--after", a,
                                "--years", "2017,2018", "--dpi", "40", "--output",
                                i ? png2 : png1, NULL), ==, 0);
    assert_same_file(png1, png2);
    g_free(png1);
    g_free(png2);
    g_free(pdf);
    g_ptr_array_unref(rows_before);
    g_ptr_array_unref(rows_after);
    g_free(a);
    g_free(b);
    places_free(pl);
}

/* ---- the library -------------------------------------------------------------------- */

/* Numbers as Dutch text writes them; shares that never round to all or nothing. */
static void
test_numbers(void)
{
    const struct { size_t n; const char *text; } numbers[] = {
        {0, "0"}, {7, "7"}, {999, "999"}, {1000, "1.000"}, {1234, "1.234"},
        {1234567, "1.234.567"}};
    for (size_t i = 0; i < G_N_ELEMENTS(numbers); i++) {
        char *t = sk__figures_number(numbers[i].n);
        g_assert_cmpstr(t, ==, numbers[i].text);
        g_free(t);
    }
    const struct { size_t part, whole; const char *text; } shares[] = {
        {60, 83, "72\u00a0%"}, {1, 2, "50\u00a0%"}, {1, 8, "13\u00a0%"}, {0, 5, "0\u00a0%"},
        {1, 1000, "1\u00a0%"}, {999, 1000, "99\u00a0%"}, {5, 5, "100\u00a0%"}, {0, 0, "–"}};
    for (size_t i = 0; i < G_N_ELEMENTS(shares); i++) {
        char *t = sk__figures_percent(shares[i].part, shares[i].whole);
        g_assert_cmpstr(t, ==, shares[i].text);
        g_free(t);
    }
}

/* A spec's check: its status, and the message holds expected (NULL: none). */
static void
assert_check(const sk_map_spec *spec, sk_status want, const char *expected)
{
    sk_ctx *ctx = sk_ctx_new();
    g_assert_cmpint(sk_map_spec_check(ctx, spec), ==, want);
    if (expected != NULL)
        g_assert_nonnull(strstr(sk_ctx_errmsg(ctx), expected));
    sk_ctx_free(ctx);
}

/* before_label and after_label: both or neither, not empty, only on a map of changes. */
static void
test_spec(void)
{
    sk_map_spec spec;
    sk_map_spec_init(&spec);
    spec.kind = SK_MAP_CHANGES;
    spec.before_label = "2017";
    assert_check(&spec, SK_EUSAGE, "give both");
    spec.after_label = "";
    assert_check(&spec, SK_EUSAGE, "not empty");
    spec.after_label = "2018";
    assert_check(&spec, SK_OK, NULL);
    spec.kind = SK_MAP_TOTAL;
    assert_check(&spec, SK_EUSAGE, "a total map takes no before_label");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    out_dir = tmp_dir_new();
    g_test_add_func("/figures/compare", test_compare);
    g_test_add_func("/figures/diff", test_diff);
    g_test_add_func("/figures/numbers", test_numbers);
    g_test_add_func("/figures/spec", test_spec);
    int rc = g_test_run();
    tmp_dir_remove(out_dir);
    return rc;
}
