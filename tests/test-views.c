/* The reviewers' views (stats, diff, compare) end to end on the real 2017 data.  Expected
** numbers are worked out here from the CSV files themselves (read through OGR, with the
** database contract of ../shared/data/nl2017/README.md), not through the library. */
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include "support.h"

static char *out_dir;

/* ---- a reference model of the data ------------------------------------------------- */

typedef struct ref_project {
    char *id;
    GHashTable *row;          /* column -> value, borrowed from the rows */
    GHashTable *touches;      /* gm_code set */
} ref_project;

typedef struct ref_model {
    GPtrArray *membership;    /* rows of gemeenten_regios_2017.csv */
    GPtrArray *rows;          /* rows of the project database */
    GHashTable *code_of;      /* lower-case name or code -> gm_code */
    GHashTable *region;       /* lower-case wmo_code or wmo_naam -> GPtrArray of gm_code */
    GHashTable *inhabitants;  /* gm_code -> inwoners (as pointer) */
    GArray *projects;         /* ref_project */
} ref_model;

static void
split_into(const char *list, GPtrArray *out)
{
    char **parts = g_strsplit(list, ";", -1);
    for (size_t i = 0; parts[i] != NULL; i++) {
        char *v = g_strstrip(parts[i]);
        if (*v)
            g_ptr_array_add(out, g_utf8_strdown(v, -1));
    }
    g_strfreev(parts);
}

static ref_model *
ref_load(const char *projects_file)
{
    ref_model *m = g_new0(ref_model, 1);
    char *mem = data_path("gemeenten_regios_2017.csv"), *pr = data_path(projects_file);
    m->membership = read_csv_rows(mem);
    m->rows = read_csv_rows(pr);
    g_free(mem);
    g_free(pr);
    m->code_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    m->region = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_ptr_array_unref);
    m->inhabitants = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < m->membership->len; i++) {
        GHashTable *r = g_ptr_array_index(m->membership, i);
        char *code = g_hash_table_lookup(r, "gm_code");
        g_hash_table_insert(m->code_of, g_utf8_strdown(code, -1), code);
        g_hash_table_insert(m->code_of, g_utf8_strdown(g_hash_table_lookup(r, "gm_naam"), -1),
                            code);
        g_hash_table_insert(m->inhabitants, code,
                            GSIZE_TO_POINTER(atol(g_hash_table_lookup(r, "inwoners"))));
        const char *keys[] = {"wmo_code", "wmo_naam"};
        for (size_t k = 0; k < 2; k++) {
            char *key = g_utf8_strdown(g_hash_table_lookup(r, keys[k]), -1);
            GPtrArray *members = g_hash_table_lookup(m->region, key);
            if (members == NULL) {
                members = g_ptr_array_new();
                g_hash_table_insert(m->region, g_strdup(key), members);
            }
            g_ptr_array_add(members, code);
            g_free(key);
        }
    }
    m->projects = g_array_new(FALSE, TRUE, sizeof(ref_project));
    for (guint i = 0; i < m->rows->len; i++) {
        ref_project p = {.row = g_ptr_array_index(m->rows, i)};
        p.id = g_hash_table_lookup(p.row, "id");
        p.touches = g_hash_table_new(g_str_hash, g_str_equal);
        GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
        split_into(g_hash_table_lookup(p.row, "gemeenten"), names);
        for (guint k = 0; k < names->len; k++) {
            char *code = g_hash_table_lookup(m->code_of, g_ptr_array_index(names, k));
            g_assert_nonnull(code);
            g_hash_table_add(p.touches, code);
        }
        g_ptr_array_set_size(names, 0);
        split_into(g_hash_table_lookup(p.row, "wmo_regios"), names);
        for (guint k = 0; k < names->len; k++) {
            GPtrArray *members = g_hash_table_lookup(m->region, g_ptr_array_index(names, k));
            g_assert_nonnull(members);
            for (guint j = 0; j < members->len; j++)
                g_hash_table_add(p.touches, g_ptr_array_index(members, j));
        }
        g_ptr_array_unref(names);
        g_array_append_val(m->projects, p);
    }
    return m;
}

static void
ref_free(ref_model *m)
{
    for (guint i = 0; i < m->projects->len; i++)
        g_hash_table_unref(g_array_index(m->projects, ref_project, i).touches);
    g_array_free(m->projects, TRUE);
    g_hash_table_unref(m->code_of);
    g_hash_table_unref(m->region);
    g_hash_table_unref(m->inhabitants);
    g_ptr_array_unref(m->rows);
    g_ptr_array_unref(m->membership);
    g_free(m);
}

/* Whether the project's column holds value (';'-separated lists; "anders" matches any
** "anders: …"). */
static int
ref_has(const ref_project *p, const char *column, const char *value)
{
    GPtrArray *values = g_ptr_array_new_with_free_func(g_free);
    split_into(g_hash_table_lookup(p->row, column), values);
    int found = 0;
    for (guint i = 0; i < values->len && !found; i++) {
        const char *v = g_ptr_array_index(values, i);
        found = strcmp(v, value) == 0 ||
                (strcmp(value, "anders") == 0 && g_str_has_prefix(v, "anders"));
    }
    g_ptr_array_unref(values);
    return found;
}

/* The row of a stats CSV: "dimension|label" -> "projects|municipalities". */
static GHashTable *
read_stats(const char *csv)
{
    char *text = NULL;
    g_assert_true(g_file_get_contents(csv, &text, NULL, NULL));
    g_assert_true(g_str_has_prefix(text, "dimension,label,projects,municipalities\n"));
    g_free(text);
    GPtrArray *rows = read_csv_rows(csv);
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *r = g_ptr_array_index(rows, i);
        g_hash_table_insert(t,
                            g_strdup_printf("%s|%s", (char *)g_hash_table_lookup(r, "dimension"),
                                            (char *)g_hash_table_lookup(r, "label")),
                            g_strdup_printf("%s|%s", (char *)g_hash_table_lookup(r, "projects"),
                                            (char *)g_hash_table_lookup(r, "municipalities")));
    }
    g_ptr_array_unref(rows);
    return t;
}

/* ---- stats ------------------------------------------------------------------------- */

static int
size_class(long inhabitants)
{
    return inhabitants < 20000 ? 0 : inhabitants < 100000 ? 1 : 2;
}

static void
test_stats(void)
{
    ref_model *m = ref_load("projecten_2017.csv");
    char *csv = g_build_filename(out_dir, "stats.csv", NULL);
    char *err = NULL;
    g_assert_cmpint(run_cli(&err, "stats", "--output", csv, NULL), ==, 0);
    g_free(err);
    GHashTable *stats = read_stats(csv);
    /* Six themes, five instruments, four forms, three levels, the insurers, three size
    ** classes: every label has a row, also with no projects. */
    g_assert_cmpuint(g_hash_table_size(stats), >=, 6 + 5 + 4 + 3 + 9 + 3);

    struct {
        const char *dimension, *column, *label;
    } checks[] = {
        {"inhoudelijk", "inhoudelijk", "preventie"}, {"inhoudelijk", "inhoudelijk", "ggz"},
        {"inhoudelijk", "inhoudelijk", "ouderen"},   {"inhoudelijk", "inhoudelijk", "esw"},
        {"inhoudelijk", "inhoudelijk", "jeugd"},     {"inhoudelijk", "inhoudelijk", "anders"},
        {"instrumenteel", "instrumenteel", "czm"},   {"instrumenteel", "instrumenteel", "beleid"},
        {"samenwerkingsvorm", "samenwerkingsvorm", "implementatie"},
        {"geografisch", "geografisch", "bovenregionaal"},
        {"zorgverzekeraar", "zorgverzekeraars", "menzis"},
        {"zorgverzekeraar", "zorgverzekeraars", "cz"},
    };
    size_t fewest = SIZE_MAX;
    const char *fewest_theme = NULL;
    for (size_t c = 0; c < G_N_ELEMENTS(checks); c++) {
        size_t projects = 0;
        GHashTable *municipalities = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = 0; i < m->projects->len; i++) {
            const ref_project *p = &g_array_index(m->projects, ref_project, i);
            if (!ref_has(p, checks[c].column, checks[c].label))
                continue;
            projects++;
            GHashTableIter it;
            gpointer code;
            g_hash_table_iter_init(&it, p->touches);
            while (g_hash_table_iter_next(&it, &code, NULL))
                g_hash_table_add(municipalities, code);
        }
        /* Insurers are listed by name. */
        char *label = strcmp(checks[c].label, "menzis") == 0 ? g_strdup("Menzis")
                      : strcmp(checks[c].label, "cz") == 0   ? g_strdup("CZ")
                                                             : g_strdup(checks[c].label);
        char *key = g_strdup_printf("%s|%s", checks[c].dimension, label);
        char *want = g_strdup_printf("%zu|%u", projects, g_hash_table_size(municipalities));
        g_assert_cmpstr(g_hash_table_lookup(stats, key), ==, want);
        if (strcmp(checks[c].dimension, "inhoudelijk") == 0 && projects < fewest) {
            fewest = projects;
            fewest_theme = checks[c].label;
        }
        g_free(label);
        g_free(key);
        g_free(want);
        g_hash_table_unref(municipalities);
    }
    /* The report's statement holds in this data. */
    g_assert_cmpstr(fewest_theme, ==, "jeugd");

    /* Size classes: projects touching a municipality of the class, and the class's
    ** municipalities with a project. */
    const char *labels[] = {"<20000", "20000-100000", ">=100000"};
    for (int c = 0; c < 3; c++) {
        size_t projects = 0;
        GHashTable *municipalities = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = 0; i < m->projects->len; i++) {
            const ref_project *p = &g_array_index(m->projects, ref_project, i);
            int in = 0;
            GHashTableIter it;
            gpointer code;
            g_hash_table_iter_init(&it, p->touches);
            while (g_hash_table_iter_next(&it, &code, NULL)) {
                long n = (long)GPOINTER_TO_SIZE(g_hash_table_lookup(m->inhabitants, code));
                if (size_class(n) == c) {
                    in = 1;
                    g_hash_table_add(municipalities, code);
                }
            }
            projects += in;
        }
        char *key = g_strdup_printf("grootteklasse|%s", labels[c]);
        char *want = g_strdup_printf("%zu|%u", projects, g_hash_table_size(municipalities));
        g_assert_cmpstr(g_hash_table_lookup(stats, key), ==, want);
        g_free(key);
        g_free(want);
        g_hash_table_unref(municipalities);
    }
    g_hash_table_unref(stats);

    /* A filter applies to every table: without the minima contracts there are none. */
    g_assert_cmpint(run_cli(NULL, "stats", "--where", "instrumenteel!=czm", "--output", csv,
                            NULL), ==, 0);
    stats = read_stats(csv);
    g_assert_cmpstr(g_hash_table_lookup(stats, "instrumenteel|czm"), ==, "0|0");
    g_hash_table_unref(stats);

    /* Markdown: a table per dimension with the report's names. */
    char *md = g_build_filename(out_dir, "stats.md", NULL);
    g_assert_cmpint(run_cli(NULL, "stats", "--format", "md", "--output", md, NULL), ==, 0);
    char *text = NULL;
    g_assert_true(g_file_get_contents(md, &text, NULL, NULL));
    g_assert_nonnull(strstr(text, "## inhoudelijk\n\n| label | projecten |"));
    g_assert_nonnull(strstr(text, "| Jeugd 18-/18+ | "));
    g_assert_nonnull(strstr(text, "## grootteklasse\n"));
    g_free(text);

    /* Bad arguments: exit status 2, the nearest valid value, no output. */
    g_unlink(md);
    g_assert_cmpint(run_cli(&err, "stats", "--format", "xlsx", "--output", md, NULL), ==, 2);
    g_assert_nonnull(strstr(err, "--format: unknown value 'xlsx' (expected csv or md)"));
    g_free(err);
    g_assert_cmpint(run_cli(&err, "stats", "--where", "inhoudelijk=jeugdd", "--output", md,
                            NULL), ==, 2);
    g_assert_nonnull(strstr(err, "jeugd"));
    g_free(err);
    g_assert_false(file_exists(md));
    g_free(md);
    g_free(csv);
    ref_free(m);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    out_dir = tmp_dir_new();
    g_test_add_func("/views/stats", test_stats);
    int rc = g_test_run();
    tmp_dir_remove(out_dir);
    return rc;
}
