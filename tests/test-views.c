/* The reviewers' views (stats, diff, compare) end to end on the real 2017 data.  Expected
** numbers are worked out here from the CSV files themselves (read through OGR, with the
** database contract of data/nl2017/README.md), not through the library. */
#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <gdal.h>
#include <ogr_api.h>
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
    assert_cli_error("--format: unknown value 'xlsx' (expected csv or md)",
                     "stats", "--format", "xlsx", "--output", md, NULL);
    assert_cli_error("jeugd", "stats", "--where", "inhoudelijk=jeugdd", "--output", md, NULL);
    g_assert_false(file_exists(md));
    g_free(md);
    g_free(csv);
    ref_free(m);
}

/* ---- diff ------------------------------------------------------------------------- */

static int
ref_sorted_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The project's values of a column as a sorted, ';'-joined set (order in the cell does not
** matter). */
static char *
ref_set(const ref_project *p, const char *column)
{
    GPtrArray *values = g_ptr_array_new_with_free_func(g_free);
    split_into(g_hash_table_lookup(p->row, column), values);
    g_ptr_array_sort(values, ref_sorted_cmp);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < values->len; i++)
        g_string_append_printf(s, "%s%s", i ? ";" : "", (char *)g_ptr_array_index(values, i));
    g_ptr_array_unref(values);
    return g_string_free(s, FALSE);
}

static const ref_project *
ref_find(const ref_model *m, const char *id)
{
    for (guint i = 0; i < m->projects->len; i++)
        if (strcmp(g_array_index(m->projects, ref_project, i).id, id) == 0)
            return &g_array_index(m->projects, ref_project, i);
    return NULL;
}

static int
ref_same_touches(const ref_project *a, const ref_project *b)
{
    if (g_hash_table_size(a->touches) != g_hash_table_size(b->touches))
        return 0;
    GHashTableIter it;
    gpointer code;
    g_hash_table_iter_init(&it, a->touches);
    while (g_hash_table_iter_next(&it, &code, NULL))
        if (!g_hash_table_contains(b->touches, code))
            return 0;
    return 1;
}

static void
test_diff(void)
{
    ref_model *before = ref_load("projecten_2017.csv"), *after = ref_load("projecten_2018.csv");
    char *b = data_path("projecten_2017.csv"), *a = data_path("projecten_2018.csv");
    char *png = g_build_filename(out_dir, "diff.png", NULL);
    char *classes = g_build_filename(out_dir, "diff-classes.csv", NULL);
    char *changes = g_build_filename(out_dir, "diff-changes.csv", NULL);
    char *err = NULL;
    g_assert_cmpint(run_cli(&err, "diff", "--before", b, "--after", a, "--output", png,
                            "--classes-csv", classes, "--changes-csv", changes, NULL), ==, 0);
    g_free(err);

    /* The expected list: "id|change|field" worked out from the two files. */
    GPtrArray *want = g_ptr_array_new_with_free_func(g_free);
    GHashTable *changed_ids = g_hash_table_new(g_str_hash, g_str_equal);
    const char *columns[] = {"zorgverzekeraars", "inhoudelijk", "instrumenteel",
                             "samenwerkingsvorm", "geografisch", "wmo_regios"};
    for (guint i = 0; i < before->projects->len; i++) {
        const ref_project *p = &g_array_index(before->projects, ref_project, i);
        const ref_project *q = ref_find(after, p->id);
        if (q == NULL) {
            g_ptr_array_add(want, g_strdup_printf("%s|ended|", p->id));
            g_hash_table_add(changed_ids, p->id);
            continue;
        }
        for (size_t c = 0; c < G_N_ELEMENTS(columns); c++) {
            char *x = ref_set(p, columns[c]), *y = ref_set(q, columns[c]);
            if (strcmp(x, y) != 0) {
                g_ptr_array_add(want, g_strdup_printf("%s|changed|%s", p->id, columns[c]));
                g_hash_table_add(changed_ids, p->id);
            }
            g_free(x);
            g_free(y);
        }
        if (!ref_same_touches(p, q)) {
            g_ptr_array_add(want, g_strdup_printf("%s|changed|gemeenten", p->id));
            g_hash_table_add(changed_ids, p->id);
        }
    }
    for (guint i = 0; i < after->projects->len; i++) {
        const ref_project *q = &g_array_index(after->projects, ref_project, i);
        if (ref_find(before, q->id) == NULL) {
            g_ptr_array_add(want, g_strdup_printf("%s|new|", q->id));
            g_hash_table_add(changed_ids, q->id);
        }
    }
    /* The data has all three kinds of change. */
    g_assert_cmpuint(want->len, >, 100);

    GPtrArray *rows = read_csv_rows(changes);
    GPtrArray *got = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *r = g_ptr_array_index(rows, i);
        const char *id = g_hash_table_lookup(r, "id"), *change = g_hash_table_lookup(r, "change");
        const char *field = g_hash_table_lookup(r, "field");
        g_ptr_array_add(got, g_strdup_printf("%s|%s|%s", id, change, field));
        /* Values before and after are the labels as the files give them. */
        if (strcmp(change, "changed") == 0 && strcmp(field, "samenwerkingsvorm") == 0) {
            char *x = ref_set(ref_find(before, id), field), *y = ref_set(ref_find(after, id), field);
            g_assert_cmpstr(g_hash_table_lookup(r, "before"), ==, x);
            g_assert_cmpstr(g_hash_table_lookup(r, "after"), ==, y);
            g_free(x);
            g_free(y);
        }
    }
    g_ptr_array_sort(want, ref_sorted_cmp);
    g_ptr_array_sort(got, ref_sorted_cmp);
    g_assert_cmpuint(got->len, ==, want->len);
    for (guint i = 0; i < want->len; i++)
        g_assert_cmpstr(g_ptr_array_index(got, i), ==, g_ptr_array_index(want, i));
    g_ptr_array_unref(rows);
    g_ptr_array_unref(got);
    g_ptr_array_unref(want);

    /* Per municipality: projects before and after, and whether a changed one touches it. */
    sk_geography *geo = load_geography();
    GHashTable *got_classes = read_classes(classes);
    size_t counted[4] = {0}, checked = 0;
    for (guint i = 0; i < before->membership->len; i++) {
        const char *code = g_hash_table_lookup(g_ptr_array_index(before->membership, i),
                                               "gm_code");
        int in_before = 0, in_after = 0, touched = 0;
        for (int side = 0; side < 2; side++) {
            const ref_model *m = side == 0 ? before : after;
            for (guint k = 0; k < m->projects->len; k++) {
                const ref_project *p = &g_array_index(m->projects, ref_project, k);
                if (!g_hash_table_contains(p->touches, code))
                    continue;
                *(side == 0 ? &in_before : &in_after) = 1;
                touched |= g_hash_table_contains(changed_ids, p->id);
            }
        }
        const char *want_class = !in_before && !in_after ? ""
                                 : !in_before            ? "nieuwe samenwerking"
                                 : !in_after             ? "samenwerking beëindigd"
                                 : touched               ? "samenwerking gewijzigd"
                                                         : "ongewijzigd";
        char *line = g_hash_table_lookup(got_classes, code);
        g_assert_nonnull(line);
        char **f = g_strsplit(line, "|", -1);
        g_assert_cmpstr(f[0], ==, want_class);
        counted[!in_before && !in_after ? 0 : touched ? 1 : 2]++;
        /* The map shows it: the class's colour (the style's) at an interior point of the
        ** large municipalities (small ones are mostly border at 150 dpi). */
        const char *large[] = {"GM0114", "GM0200", "GM0228", "GM0171", "GM0303", "GM0050",
                               "GM1900", "GM1883", "GM0160", "GM0796", "GM0855", "GM0758"};
        for (size_t k = 0; k < G_N_ELEMENTS(large); k++) {
            if (strcmp(large[k], code) != 0)
                continue;
            int index = sk_geography_find_municipality(geo, code);
            double x, y;
            sk_geography_municipality_interior_point(geo, (size_t)index, &x, &y);
            uint32_t color = !in_before && !in_after ? 0xffffff : touched ? 0xfdae61 : 0xc8c8c8;
            g_assert_cmphex(pixel_at(png, x, y), ==, color);
            checked++;
        }
        g_strfreev(f);
    }
    g_assert_cmpuint(checked, ==, 12);
    g_assert_cmpuint(counted[1], >, 0);
    g_assert_cmpuint(counted[2], >, 0);
    g_hash_table_unref(got_classes);

    /* Narrowed to implementatie, projects that moved there are new to the map. */
    g_assert_cmpint(run_cli(NULL, "diff", "--before", b, "--after", a, "--where",
                            "samenwerkingsvorm=implementatie", "--changes-csv", changes, NULL),
                    ==, 0);
    rows = read_csv_rows(changes);
    size_t moved = 0;
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *r = g_ptr_array_index(rows, i);
        const ref_project *p = ref_find(before, g_hash_table_lookup(r, "id"));
        if (strcmp(g_hash_table_lookup(r, "change"), "new") == 0 && p != NULL) {
            g_assert_false(ref_has(p, "samenwerkingsvorm", "implementatie"));
            moved++;
        }
    }
    g_assert_cmpuint(moved, >, 0);
    g_ptr_array_unref(rows);

    /* Bad input: the error names the file, nothing is written. */
    g_unlink(changes);
    char *bad = g_build_filename(out_dir, "bad.csv", NULL);
    g_assert_true(g_file_set_contents(bad,
        "id,titel,zorgverzekeraars,gemeenten,wmo_regios,inhoudelijk,instrumenteel,"
        "samenwerkingsvorm,geografisch,partners,bron\n"
        "X1,t,CZ,Tilburg,,ouderen,beleid,implementeren!,gemeente,,\n", -1, NULL));
    assert_cli_error("bad.csv:2: column 'samenwerkingsvorm': unknown value",
                     "diff", "--before", b, "--after", bad, "--changes-csv", changes, NULL);
    g_assert_false(file_exists(changes));
    assert_cli_error("--before FILE and --after FILE are required",
                     "diff", "--before", b, "--changes-csv", changes, NULL);
    g_free(bad);
    g_hash_table_unref(changed_ids);
    g_free(png);
    g_free(classes);
    g_free(changes);
    g_free(a);
    g_free(b);
    ref_free(before);
    ref_free(after);
    sk_geography_free(geo);
}

/* ---- compare ---------------------------------------------------------------------- */

/* Every insurer's figures worked out from the files: kernwerkgebieden (zorgkantoorregio ->
** insurer), the membership table (municipality -> zorgkantoorregio) and the projects. */
static char *
ref_figures(const ref_model *m, const char *insurer)
{
    char *path = data_path("kernwerkgebieden_2017.csv");
    GPtrArray *core_rows = read_csv_rows(path);
    g_free(path);
    GHashTable *core_regions = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < core_rows->len; i++) {
        GHashTable *r = g_ptr_array_index(core_rows, i);
        if (g_ascii_strcasecmp(g_hash_table_lookup(r, "verzekeraar"), insurer) == 0)
            g_hash_table_add(core_regions, g_hash_table_lookup(r, "zk_code"));
    }
    GHashTable *core = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < m->membership->len; i++) {
        GHashTable *r = g_ptr_array_index(m->membership, i);
        if (g_hash_table_contains(core_regions, g_hash_table_lookup(r, "zk_code")))
            g_hash_table_add(core, g_hash_table_lookup(r, "gm_code"));
    }
    char *lower = g_utf8_strdown(insurer, -1);
    size_t projects = 0;
    GHashTable *touched = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < m->projects->len; i++) {
        const ref_project *p = &g_array_index(m->projects, ref_project, i);
        if (!ref_has(p, "zorgverzekeraars", lower))
            continue;
        projects++;
        GHashTableIter it;
        gpointer code;
        g_hash_table_iter_init(&it, p->touches);
        while (g_hash_table_iter_next(&it, &code, NULL))
            g_hash_table_add(touched, code);
    }
    size_t inside = 0, without = 0;
    GHashTableIter it;
    gpointer code;
    g_hash_table_iter_init(&it, touched);
    while (g_hash_table_iter_next(&it, &code, NULL))
        inside += g_hash_table_contains(core, code);
    g_hash_table_iter_init(&it, core);
    while (g_hash_table_iter_next(&it, &code, NULL))
        without += !g_hash_table_contains(touched, code);
    char *row = g_strdup_printf("%s,%zu,%u,%zu,%u,%zu", insurer, projects,
                                g_hash_table_size(touched), inside, g_hash_table_size(core),
                                without);
    g_free(lower);
    g_hash_table_unref(touched);
    g_hash_table_unref(core);
    g_hash_table_unref(core_regions);
    g_ptr_array_unref(core_rows);
    return row;
}

static void
test_compare_insurers(void)
{
    ref_model *m = ref_load("projecten_2017.csv");
    char *png = g_build_filename(out_dir, "menzis.png", NULL);
    char *csv = g_build_filename(out_dir, "menzis.csv", NULL);
    char *classes = g_build_filename(out_dir, "menzis-classes.csv", NULL);
    char *err = NULL;
    g_assert_cmpint(run_cli(&err, "compare", "--insurer", "menzis", "--output", png,
                            "--table-csv", csv, "--classes-csv", classes, NULL), ==, 0);
    g_free(err);
    char *text = NULL;
    g_assert_true(g_file_get_contents(csv, &text, NULL, NULL));
    char *want = ref_figures(m, "Menzis");
    char *expected = g_strdup_printf("insurer,projects,municipalities,inside_core,"
                                     "core_municipalities,core_without_projects\n%s\n", want);
    g_assert_cmpstr(text, ==, expected);
    g_free(expected);
    g_free(want);
    g_free(text);

    /* The map: Menzis's municipalities filled, the others white; a world file for it. */
    GHashTable *got = read_classes(classes);
    sk_geography *geo = load_geography();
    for (guint i = 0; i < m->membership->len; i++) {
        const char *code = g_hash_table_lookup(g_ptr_array_index(m->membership, i), "gm_code");
        int with = 0;
        for (guint k = 0; k < m->projects->len && !with; k++) {
            const ref_project *p = &g_array_index(m->projects, ref_project, k);
            with = ref_has(p, "zorgverzekeraars", "menzis") &&
                   g_hash_table_contains(p->touches, code);
        }
        char **f = g_strsplit(g_hash_table_lookup(got, code), "|", -1);
        g_assert_cmpstr(f[0], ==, with ? "Gemeente met ten minste één project van Menzis" : "");
        g_strfreev(f);
    }
    /* Enschede (in the core area, with projects) in Menzis's colour (issue 12: an insurer's
    ** class is its own colour); Middelburg white. */
    double x, y;
    sk_geography_municipality_interior_point(geo, (size_t)sk_geography_find_municipality(geo, "Enschede"), &x, &y);
    g_assert_cmphex(pixel_at(png, x, y), ==, 0xc1a9ce);
    sk_geography_municipality_interior_point(geo, (size_t)sk_geography_find_municipality(geo, "Middelburg"), &x, &y);
    g_assert_cmphex(pixel_at(png, x, y), ==, 0xffffff);
    g_hash_table_unref(got);

    /* All insurers: one row each, in the vocabulary's order, every one as worked out. */
    char *page = g_build_filename(out_dir, "insurers.png", NULL);
    g_assert_cmpint(run_cli(NULL, "compare", "--insurer", "all", "--output", page,
                            "--table-csv", csv, NULL), ==, 0);
    g_assert_true(file_exists(page));
    GPtrArray *rows = read_csv_rows(csv);
    const char *names[] = {"Zilveren Kruis", "VGZ", "CZ", "Menzis", "DSW", "De Friesland",
                           "Zorg en Zekerheid", "Eno", "ONVZ"};
    g_assert_cmpuint(rows->len, ==, G_N_ELEMENTS(names));
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *r = g_ptr_array_index(rows, i);
        char *line = g_strdup_printf("%s,%s,%s,%s,%s,%s",
                                     (char *)g_hash_table_lookup(r, "insurer"),
                                     (char *)g_hash_table_lookup(r, "projects"),
                                     (char *)g_hash_table_lookup(r, "municipalities"),
                                     (char *)g_hash_table_lookup(r, "inside_core"),
                                     (char *)g_hash_table_lookup(r, "core_municipalities"),
                                     (char *)g_hash_table_lookup(r, "core_without_projects"));
        want = ref_figures(m, names[i]);
        g_assert_cmpstr(line, ==, want);
        g_free(want);
        g_free(line);
    }
    g_ptr_array_unref(rows);

    /* An unknown insurer: the nearest name, exit status 2, nothing written. */
    g_unlink(csv);
    assert_cli_error("unknown zorgverzekeraar 'Menziz' (did you mean 'Menzis'?)",
                     "compare", "--insurer", "Menziz", "--table-csv", csv, NULL);
    g_assert_false(file_exists(csv));
    g_free(page);
    g_free(png);
    g_free(csv);
    g_free(classes);
    ref_free(m);
    sk_geography_free(geo);
}

/* Two maps side by side share one legend: the union of their classes, each in the colour
** both maps give it. */
static void
test_side_by_side(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_geography *geo = load_geography();
    sk_projects *projects = NULL;
    sk_projects_options po;
    sk_projects_options_init(&po);
    char *path = data_path("projecten_2017.csv");
    po.path = path;
    g_assert_cmpint(sk_projects_load(ctx, geo, &po, &projects), ==, SK_OK);
    sk_style *style = NULL;
    g_assert_cmpint(sk_style_load(ctx, NULL, &style), ==, SK_OK);
    const char *themes[] = {"inhoudelijk=preventie", "inhoudelijk=ggz"};
    sk_map *maps[2];
    for (int i = 0; i < 2; i++) {
        sk_filter *f = sk_filter_new();
        g_assert_cmpint(sk_filter_add(ctx, f, themes[i]), ==, SK_OK);
        sk_classification *c = NULL;
        g_assert_cmpint(sk_classify(ctx, projects, f, SK_FORM, &c), ==, SK_OK);
        g_assert_cmpint(sk_map_new(ctx, geo, projects, style, f, c, NULL, &maps[i]), ==, SK_OK);
        sk_filter_free(f);
    }
    /* What each map's legend says, before the page takes the maps over. */
    GHashTable *colors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (int i = 0; i < 2; i++)
        for (size_t k = 0; k < sk_map_legend_count(maps[i]); k++)
            g_hash_table_insert(colors, g_strdup(sk_map_legend_text(maps[i], k)),
                                GUINT_TO_POINTER(sk_map_legend_color(maps[i], k)));
    sk_panels *page = NULL;
    const char *titles[] = {"Preventie", "GGZ"};
    g_assert_cmpint(sk_panels_new(ctx, maps, 2, titles, NULL, &page), ==, SK_OK);
    /* One entry per colour: the maps' white ("geen project (preventie)", "… (GGZ)") is one,
    ** said for every map (issue 12). */
    size_t n = sk_panels_legend_count(page);
    g_assert_cmpuint(n, ==, g_hash_table_size(colors) - 1);
    g_assert_cmpstr(sk_panels_legend_text(page, n - 1), ==, "geen project (zie de kaart)");
    g_assert_cmphex(sk_panels_legend_color(page, n - 1), ==, 0xffffff);
    for (size_t k = 0; k + 1 < n; k++) {
        const char *t = sk_panels_legend_text(page, k);
        g_assert_true(g_hash_table_contains(colors, t));
        g_assert_cmphex(sk_panels_legend_color(page, k), ==,
                        GPOINTER_TO_UINT(g_hash_table_lookup(colors, t)));
    }
    char *png = g_build_filename(out_dir, "side.png", NULL);
    g_assert_cmpint(sk_panels_render(ctx, page, NULL, png), ==, SK_OK);
    g_assert_true(file_exists(png));

    /* The CLI's --map does the same. */
    char *cli = g_build_filename(out_dir, "side-cli.png", NULL);
    g_assert_cmpint(run_cli(NULL, "compare", "--map", "inhoudelijk=preventie", "--map",
                            "inhoudelijk=ggz", "--show", "samenwerkingsvorm", "--output", cli,
                            NULL), ==, 0);
    g_assert_true(file_exists(cli));
    assert_cli_error("2 to 6 maps side by side",
                     "compare", "--map", "inhoudelijk=preventie", "--output", cli, NULL);
    g_free(cli);
    g_free(png);
    g_hash_table_unref(colors);
    sk_panels_free(page);
    sk_style_free(style);
    sk_projects_free(projects);
    g_free(path);
    sk_ctx_free(ctx);
    sk_geography_free(geo);
}

/* ---- kernwerkgebied overlay -------------------------------------------------------- */

static size_t
count_color(const char *png, uint32_t color)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(png);
    g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *data = cairo_image_surface_get_data(s);
    size_t n = 0;
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * stride);
        for (int x = 0; x < w; x++)
            n += (row[x] & 0xffffff) == color;
    }
    cairo_surface_destroy(s);
    return n;
}

/* Any map can carry an insurer's kernwerkgebied: the style's outline colour appears, and only
** then; the classes stay what they were. */
static void
test_core_overlay(void)
{
    char *plain = g_build_filename(out_dir, "plain.png", NULL);
    char *core = g_build_filename(out_dir, "core.png", NULL);
    char *a = g_build_filename(out_dir, "plain.csv", NULL), *b = g_build_filename(out_dir, "core.csv", NULL);
    g_assert_cmpint(run_cli(NULL, "render", "--where", "inhoudelijk=ouderen", "--output", plain,
                            "--classes-csv", a, NULL), ==, 0);
    g_assert_cmpint(run_cli(NULL, "render", "--where", "inhoudelijk=ouderen", "--core-of", "CZ",
                            "--output", core, "--classes-csv", b, NULL), ==, 0);
    g_assert_cmpuint(count_color(plain, 0xb2182b), ==, 0);
    /* CZ's area (Zeeland, West-Brabant, Limburg …) is a long outline: thousands of pixels. */
    g_assert_cmpuint(count_color(core, 0xb2182b), >, 2000);
    assert_same_file(a, b);
    assert_cli_error("unknown zorgverzekeraar 'Achmeaa' (did you mean 'Zilveren Kruis'?)",
                     "render", "--core-of", "Achmeaa", "--output", core, NULL);
    g_free(plain);
    g_free(core);
    g_free(a);
    g_free(b);
}

/* ---- zoom ---------------------------------------------------------------------------- */

/* A zoomed map names its municipalities: every name box inside its municipality (checked
** with GEOS through OGR on the source boundaries), or, for a name placed beside it, its
** leader line ending inside it; inside the map, clear of every other. */
static void
test_zoom(void)
{
    char *png = g_build_filename(out_dir, "zoom.png", NULL);
    char *labels = g_build_filename(out_dir, "zoom-labels.csv", NULL);
    char *classes = g_build_filename(out_dir, "zoom-classes.csv", NULL);
    char *err = NULL;
    g_assert_cmpint(run_cli(&err, "render", "--where", "inhoudelijk=ouderen", "--show",
                            "samenwerkingsvorm", "--zoom-province", "gelderland", "--output",
                            png, "--labels-csv", labels, "--classes-csv", classes, NULL), ==, 0);
    g_free(err);
    GPtrArray *rows = read_csv_rows(labels);
    /* Gelderland has 51 municipalities; half of the names fit at A4 at the sizes of their
    ** population rank (the less populous are left out rather than shrunk). */
    g_assert_cmpuint(rows->len, >=, 25);
    GDALAllRegister();
    char *shp = data_path("gemeenten_2017.shp");
    GDALDatasetH ds = GDALOpenEx(shp, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(ds);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    sk_geography *geo = load_geography();
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *r = g_ptr_array_index(rows, i);
        const char *code = g_hash_table_lookup(r, "gm_code");
        int m = sk_geography_find_municipality(geo, code);
        g_assert_cmpint(m, >=, 0);
        g_assert_cmpstr(sk_geography_municipality_province(geo, (size_t)m), ==, "Gelderland");
        double box[4], page[4];
        const char *mk[] = {"map_x0", "map_y0", "map_x1", "map_y1"};
        const char *pk[] = {"x0", "y0", "x1", "y1"};
        for (int k = 0; k < 4; k++) {
            box[k] = g_ascii_strtod(g_hash_table_lookup(r, mk[k]), NULL);
            page[k] = g_ascii_strtod(g_hash_table_lookup(r, pk[k]), NULL);
        }
        /* Clear of every later name. */
        for (guint q = i + 1; q < rows->len; q++) {
            GHashTable *o = g_ptr_array_index(rows, q);
            double other[4];
            for (int k = 0; k < 4; k++)
                other[k] = g_ascii_strtod(g_hash_table_lookup(o, pk[k]), NULL);
            int apart = page[2] <= other[0] || other[2] <= page[0] || page[3] <= other[1] ||
                        other[3] <= page[1];
            if (!apart)
                g_error("names of %s and %s overlap", code,
                        (char *)g_hash_table_lookup(o, "gm_code"));
        }
        /* Inside its municipality. */
        char *where = g_strdup_printf("gm_code = '%s'", code);
        OGR_L_SetAttributeFilter(layer, where);
        g_free(where);
        OGRFeatureH f = OGR_L_GetNextFeature(layer);
        g_assert_nonnull(f);
        /* Beside it: the leader line's inner end inside it. */
        const char *leader = g_hash_table_lookup(r, "leader_map_x1");
        char *wkt = leader != NULL && leader[0] != '\0'
                        ? g_strdup_printf("POINT (%s %s)", leader,
                                          (char *)g_hash_table_lookup(r, "leader_map_y1"))
                        : g_strdup_printf("POLYGON ((%.2f %.2f, %.2f %.2f, %.2f %.2f, %.2f %.2f, "
                                          "%.2f %.2f))", box[0], box[1], box[2], box[1], box[2],
                                          box[3], box[0], box[3], box[0], box[1]);
        OGRGeometryH g = NULL;
        char *w = wkt;
        g_assert_cmpint(OGR_G_CreateFromWkt(&w, NULL, &g), ==, OGRERR_NONE);
        if (!OGR_G_Within(g, OGR_F_GetGeometryRef(f)))
            g_error("the name of %s leaves its municipality", code);
        OGR_G_DestroyGeometry(g);
        OGR_F_Destroy(f);
        g_free(wkt);
    }
    GDALClose(ds);
    g_free(shp);
    g_ptr_array_unref(rows);

    /* The map shows the zoomed area through its world file: Apeldoorn's class colour at its
    ** interior point; and a locator with the extent marked (its colour only on zoomed maps). */
    GHashTable *got = read_classes(classes);
    char **f = g_strsplit(g_hash_table_lookup(got, "GM0200"), "|", -1);
    double x, y;
    sk_geography_municipality_interior_point(geo, (size_t)sk_geography_find_municipality(geo, "Apeldoorn"), &x, &y);
    uint32_t want = (uint32_t)strtoul(f[1] + 1, NULL, 16);
    g_assert_cmphex(pixel_at(png, x, y), ==, want);
    g_strfreev(f);
    g_hash_table_unref(got);
    g_assert_cmpuint(count_color(png, 0xb2182b), >, 100);

    /* Unknown names: the nearest, exit status 2, no output. */
    g_unlink(png);
    assert_cli_error("unknown region 'Midden-Hollandd' (did you mean 'Midden-Holland'?)",
                     "render", "--zoom-regions", "Midden-Hollandd", "--output", png, NULL);
    assert_cli_error("unknown province 'Gelderlnd' (did you mean 'Gelderland'?)",
                     "render", "--zoom-province", "Gelderlnd", "--output", png, NULL);
    g_assert_false(file_exists(png));
    g_free(png);
    g_free(labels);
    g_free(classes);
    sk_geography_free(geo);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    out_dir = tmp_dir_new();
    g_test_add_func("/views/stats", test_stats);
    g_test_add_func("/views/diff", test_diff);
    g_test_add_func("/views/compare-insurers", test_compare_insurers);
    g_test_add_func("/views/side-by-side", test_side_by_side);
    g_test_add_func("/views/core-overlay", test_core_overlay);
    g_test_add_func("/views/zoom", test_zoom);
    int rc = g_test_run();
    tmp_dir_remove(out_dir);
    return rc;
}
