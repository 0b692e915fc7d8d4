/* The report's content (issue 14): projects selected by id and by title (CLI and atlas files),
** atlas families over projects, and the shipped AEF atlas — its strategy pages, instrument ×
** geografisch maps and bovenregionaal projects one by one, no two pages with one map, no
** file names in its texts.  Expected municipalities are worked out here from
** projecten_2017.csv and gemeenten_regios_2017.csv, independently of the library. */
#include <math.h>
#include <string.h>
#include "support.h"

static GPtrArray *projects;        /* the rows of projecten_2017.csv */
static GHashTable *codes;          /* gm_naam and gm_code -> gm_code */
static GHashTable *members;        /* wmo_naam and wmo_code -> GPtrArray of gm_code */
static char *atlas_out;            /* the shipped atlas, rendered once */
static int atlas_status;           /* the exit status of that run */

static void
load_tables(void)
{
    char *path = data_path("projecten_2017.csv");
    projects = read_csv_rows(path);
    g_free(path);
    path = data_path("gemeenten_regios_2017.csv");
    GPtrArray *rows = read_csv_rows(path);
    g_free(path);
    codes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    members = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify)g_ptr_array_unref);
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *r = g_ptr_array_index(rows, i);
        const char *code = g_hash_table_lookup(r, "gm_code");
        g_hash_table_insert(codes, g_strdup(g_hash_table_lookup(r, "gm_naam")), g_strdup(code));
        g_hash_table_insert(codes, g_strdup(code), g_strdup(code));
        const char *keys[] = {g_hash_table_lookup(r, "wmo_naam"), g_hash_table_lookup(r, "wmo_code")};
        for (size_t k = 0; k < 2; k++) {
            GPtrArray *m = g_hash_table_lookup(members, keys[k]);
            if (m == NULL) {
                m = g_ptr_array_new_with_free_func(g_free);
                g_hash_table_insert(members, g_strdup(keys[k]), m);
            }
            g_ptr_array_add(m, g_strdup(code));
        }
    }
    g_ptr_array_unref(rows);
}

typedef int (*row_test)(GHashTable *row, const void *data);

/* The municipalities (a set of gm_code) that the projects passing keep touch: their
** gemeenten and every member of their wmo_regios. */
static GHashTable *
touched_by(row_test keep, const void *data)
{
    GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < projects->len; i++) {
        GHashTable *row = g_ptr_array_index(projects, i);
        if (!keep(row, data))
            continue;
        char **names = g_strsplit(g_hash_table_lookup(row, "gemeenten"), ";", -1);
        for (size_t k = 0; names[k] != NULL; k++) {
            const char *name = g_strstrip(names[k]);
            if (name[0] == '\0')
                continue;
            const char *code = g_hash_table_lookup(codes, name);
            g_assert_nonnull(code);
            g_hash_table_add(set, g_strdup(code));
        }
        g_strfreev(names);
        char **regions = g_strsplit(g_hash_table_lookup(row, "wmo_regios"), ";", -1);
        for (size_t k = 0; regions[k] != NULL; k++) {
            const char *name = g_strstrip(regions[k]);
            if (name[0] == '\0')
                continue;
            GPtrArray *m = g_hash_table_lookup(members, name);
            g_assert_nonnull(m);
            for (guint j = 0; j < m->len; j++)
                g_hash_table_add(set, g_strdup(g_ptr_array_index(m, j)));
        }
        g_strfreev(regions);
    }
    return set;
}

/* data: a NULL-terminated list of ids, compared ignoring case. */
static int
id_in(GHashTable *row, const void *data)
{
    for (const char *const *id = data; *id != NULL; id++)
        if (g_ascii_strcasecmp(g_hash_table_lookup(row, "id"), *id) == 0)
            return 1;
    return 0;
}

/* data: a lower-case part of the title. */
static int
title_has(GHashTable *row, const void *data)
{
    char *title = g_utf8_strdown(g_hash_table_lookup(row, "titel"), -1);
    int has = strstr(title, data) != NULL;
    g_free(title);
    return has;
}

/* data: "column=value": value is one of the ';'-separated values of the column. */
static int
column_has(GHashTable *row, const void *data)
{
    char **kv = g_strsplit(data, "=", 2);
    char **values = g_strsplit(g_hash_table_lookup(row, kv[0]), ";", -1);
    int has = 0;
    for (size_t i = 0; values[i] != NULL; i++)
        has |= strcmp(g_strstrip(values[i]), kv[1]) == 0;
    g_strfreev(values);
    g_strfreev(kv);
    return has;
}

/* The municipalities with a class in a classes CSV (of one panel, when panel is not NULL). */
static GHashTable *
classed(const char *csv, const char *panel)
{
    GPtrArray *rows = read_csv_rows(csv);
    GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *row = g_ptr_array_index(rows, i);
        const char *class = g_hash_table_lookup(row, "class");
        if (panel != NULL && g_strcmp0(g_hash_table_lookup(row, "panel"), panel) != 0)
            continue;
        if (class != NULL && class[0] != '\0')
            g_hash_table_add(set, g_strdup(g_hash_table_lookup(row, "gm_code")));
    }
    g_ptr_array_unref(rows);
    return set;
}

static void
assert_same_set(GHashTable *got, GHashTable *want)
{
    g_assert_cmpuint(g_hash_table_size(want), >, 0);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, want);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (!g_hash_table_contains(got, key))
            g_error("%s is touched by the projects but has no class", (char *)key);
    g_hash_table_iter_init(&it, got);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (!g_hash_table_contains(want, key))
            g_error("%s has a class but no selected project touches it", (char *)key);
}

/* The classed municipalities of a classes CSV (of one panel) are exactly those the projects
** passing keep touch. */
static void
assert_classes_are(const char *csv, const char *panel, row_test keep, const void *data)
{
    GHashTable *want = touched_by(keep, data), *got = classed(csv, panel);
    assert_same_set(got, want);
    g_hash_table_destroy(want);
    g_hash_table_destroy(got);
}

/* The class, colour and count of one municipality in a classes CSV: "class|color|projects". */
static char *
class_of(const char *csv, const char *code)
{
    GHashTable *c = read_classes(csv);
    char *v = g_strdup(g_hash_table_lookup(c, code));
    g_hash_table_destroy(c);
    g_assert_nonnull(v);
    return v;
}

/* ---- --where id=… and titel~… on the command line ---------------------------------- */

static void
test_where_ids(void)
{
    char *dir = tmp_dir_new();
    char *png = g_build_filename(dir, "a.png", NULL), *csv = g_build_filename(dir, "a.csv", NULL);
    /* Ids in any case. */
    g_assert_cmpint(run_cli(NULL, "render", "--quiet", "--where", "id=p0009,P0010", "--output",
                            png, "--classes-csv", csv, NULL), ==, 0);
    static const char *const ids[] = {"P0009", "P0010", NULL};
    assert_classes_are(csv, NULL, id_in, ids);
    /* Arnhem (GM0202) is in both: by name in P0009, through Regio Arnhem in both. */
    char *arnhem = class_of(csv, "GM0202");
    g_assert_true(g_str_has_suffix(arnhem, "|2"));
    g_free(arnhem);

    /* One clause with a label clause: only the projects passing both. */
    g_assert_cmpint(run_cli(NULL, "render", "--quiet", "--where", "id=P0009,P0010,P0011",
                            "--where", "zorgverzekeraar=Zilveren Kruis", "--output", png,
                            "--classes-csv", csv, NULL), ==, 0);
    static const char *const epa[] = {"P0011", NULL};
    assert_classes_are(csv, NULL, id_in, epa);
    GHashTable *got = classed(csv, NULL);
    g_assert_cmpuint(g_hash_table_size(got), ==, 10);
    g_hash_table_destroy(got);
    g_free(png);
    g_free(csv);
    tmp_dir_remove(dir);
}

static void
test_where_title(void)
{
    char *dir = tmp_dir_new();
    char *png = g_build_filename(dir, "a.png", NULL), *csv = g_build_filename(dir, "a.csv", NULL);
    /* Any case: the three leertuinen of VGZ (Drechtsteden, Noord Limburg). */
    g_assert_cmpint(run_cli(NULL, "render", "--quiet", "--where", "titel~LEERTUIN", "--show",
                            "inhoudelijk", "--output", png, "--classes-csv", csv, NULL), ==, 0);
    assert_classes_are(csv, NULL, title_has, "leertuin");
    /* A title holding a comma and a quote: the whole rest of the clause is the text. */
    g_assert_cmpint(run_cli(NULL, "render", "--quiet", "--where",
                            "titel~Menzis, gemeenten en regio's", "--output", png,
                            "--classes-csv", csv, NULL), ==, 0);
    static const char *const agenda[] = {"P0009", NULL};
    assert_classes_are(csv, NULL, id_in, agenda);
    g_free(png);
    g_free(csv);
    tmp_dir_remove(dir);
}

/* A bad clause: exit 2, the message, and no file. */
static void
assert_render_error(const char *clause, const char *expected)
{
    char *dir = tmp_dir_new();
    char *png = g_build_filename(dir, "a.png", NULL), *csv = g_build_filename(dir, "a.csv", NULL);
    assert_cli_error(expected, "render", "--where", clause, "--output", png, "--classes-csv",
                     csv, NULL);
    g_assert_false(file_exists(png));
    g_assert_false(file_exists(csv));
    g_free(png);
    g_free(csv);
    tmp_dir_remove(dir);
}

static void
test_where_errors(void)
{
    assert_render_error("id=P0009,P9999", "filter 'id=P0009,P9999': unknown project id "
                        "'P9999' (did you mean 'P0099'");
    assert_render_error("id=P00099", "unknown project id 'P00099' (did you mean 'P0009' or "
                        "'P0099'?)");
    assert_render_error("titel~xyzzy", "filter 'titel~xyzzy': no project title contains "
                        "'xyzzy'");
    assert_render_error("titel=EPA taskforce", "filter 'titel=EPA taskforce': a title is "
                        "matched by a part of it: titel~TEXT");
    assert_render_error("tittel~EPA", "unknown field 'tittel' (did you mean 'titel'?)");
    assert_render_error("id~P00", "ids are matched whole: id=ID");
    assert_render_error("inhoudelijk~jeugd", "'~' matches a part of a title (titel~TEXT)");
    assert_render_error("id=", "no project id given");
}

/* stats, diff and compare check the ids and titles of --where too: a map of nothing would
** look like an answer.  A diff accepts the ids of either database (P0027 ended in 2018, P0422 began). */
static void
test_where_elsewhere(void)
{
    const char *unknown = "unknown project id 'P9999' (did you mean 'P0099'";
    char *dir = tmp_dir_new();
    char *png = g_build_filename(dir, "a.png", NULL);
    char *before = g_build_filename(g_getenv("SAMENKAART_DATA"), "projecten_2017.csv", NULL);
    char *after = g_build_filename(g_getenv("SAMENKAART_DATA"), "projecten_2018.csv", NULL);
    assert_cli_error(unknown, "stats", "--where", "id=P9999", NULL);
    assert_cli_error(unknown, "compare", "--insurer", "Menzis", "--where", "id=P9999",
                     "--output", png, NULL);
    g_assert_false(file_exists(png));
    assert_cli_error(unknown, "diff", "--before", before, "--after", after, "--where",
                     "id=P9999", "--output", png, NULL);
    g_assert_false(file_exists(png));
    assert_cli_error("no project title contains 'xyzzy'", "stats", "--where", "titel~xyzzy",
                     NULL);
    g_assert_cmpint(run_cli(NULL, "diff", "--quiet", "--before", before, "--after", after,
                            "--where", "id=P0027,P0422", "--output", png, NULL), ==, 0);
    g_assert_true(file_exists(png));
    g_free(before);
    g_free(after);
    g_free(png);
    tmp_dir_remove(dir);
}

/* The library's side: sk_filter_check and the titles. */
static void
test_filter_check(void)
{
    sk_geography *geo = load_geography();
    sk_projects *db = load_projects(geo, "projecten_2017.csv");
    sk_ctx *ctx = sk_ctx_new();
    g_assert_cmpstr(sk_projects_title(db, 10), ==, "EPA taskforce");
    sk_filter *f = sk_filter_new();
    g_assert_cmpint(sk_filter_add(ctx, f, "id=p0011"), ==, SK_OK);
    g_assert_cmpint(sk_filter_add(ctx, f, "titel~taskforce"), ==, SK_OK);
    g_assert_cmpint(sk_filter_check(ctx, f, db), ==, SK_OK);
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify(ctx, db, f, -1, &c), ==, SK_OK);
    g_assert_cmpuint(sk_classification_matching_projects(c), ==, 1);
    sk_classification_free(c);
    /* Negated: every project but the EPA taskforce. */
    sk_filter *others = sk_filter_new();
    g_assert_cmpint(sk_filter_add(ctx, others, "titel!~EPA"), ==, SK_OK);
    g_assert_cmpint(sk_classify(ctx, db, others, -1, &c), ==, SK_OK);
    g_assert_cmpuint(sk_classification_matching_projects(c), ==, projects->len - 1);
    sk_classification_free(c);
    /* An unknown id: sk_classify refuses the filter. */
    g_assert_cmpint(sk_filter_add(ctx, f, "id=P9999"), ==, SK_OK);
    g_assert_cmpint(sk_filter_check(ctx, f, db), ==, SK_EUSAGE);
    g_assert_nonnull(strstr(sk_ctx_errmsg(ctx), "unknown project id 'P9999'"));
    sk_ctx_clear_error(ctx);
    g_assert_cmpint(sk_classify(ctx, db, f, -1, &c), ==, SK_EUSAGE);
    g_assert_null(c);
    sk_filter_free(others);
    sk_filter_free(f);
    sk_ctx_free(ctx);
    sk_projects_free(db);
    sk_geography_free(geo);
}

/* ---- atlas files ----------------------------------------------------------------------- */

static char *
atlas_head(void)
{
    return g_strdup_printf("[atlas]\ntitle = T\nstyle = %s/aef.ini\npage = a4\n\n",
                           g_getenv("SAMENKAART_STYLES"));
}

/* Write an atlas file of head + body into dir; g_free the path. */
static char *
write_atlas(const char *dir, const char *body)
{
    char *head = atlas_head(), *text = g_strconcat(head, body, NULL);
    char *file = g_build_filename(dir, "atlas.ini", NULL);
    g_assert_true(g_file_set_contents(file, text, -1, NULL));
    g_free(head);
    g_free(text);
    return file;
}

/* The atlas's pages as --list prints them: "NNN-id\tmaps\ttitle" lines. */
static char **
list_atlas(const char *file)
{
    char *out = NULL;
    char *argv[] = {(char *)g_getenv("SK_CLI"), "atlas", "--list", (char *)file, NULL};
    int status = 0;
    g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &status, NULL));
    g_assert_true(g_spawn_check_wait_status(status, NULL));
    g_strchomp(out);
    char **lines = g_strsplit(out, "\n", -1);
    g_free(out);
    return lines;
}

/* The file of the page whose id is id (NNN-id.ext) in dir; g_free it. */
static char *
page_path(const char *dir, const char *id, const char *ext)
{
    char *suffix = g_strdup_printf("-%s.%s", id, ext);
    char *names = dir_names(dir, "", suffix);
    g_assert_cmpuint(strlen(names), >, 0);
    g_assert_null(strchr(names, ' '));
    char *path = g_build_filename(dir, names, NULL);
    g_free(names);
    g_free(suffix);
    return path;
}

static void
test_atlas_where(void)
{
    char *dir = tmp_dir_new();
    char *file = write_atlas(dir, "[map epa]\ntitle = EPA\nwhere = id=P0011\n\n"
                                  "[map leertuinen]\ntitle = L\nwhere = titel~Leertuin\n"
                                  "show = inhoudelijk\n");
    char *out = g_build_filename(dir, "out", NULL);
    g_assert_cmpint(run_cli(NULL, "atlas", "--quiet", "--dpi", "40", file, "--output", out,
                            NULL), ==, 0);
    static const char *const epa[] = {"P0011", NULL};
    char *csv = page_path(out, "epa", "csv");
    assert_classes_are(csv, NULL, id_in, epa);
    g_free(csv);
    csv = page_path(out, "leertuinen", "csv");
    assert_classes_are(csv, NULL, title_has, "leertuin");
    g_free(csv);
    g_free(out);
    g_free(file);
    tmp_dir_remove(dir);

    /* An unknown id stops the atlas before it writes anything, naming the page. */
    char *head = atlas_head();
    char *body = g_strconcat(head, "[map a]\ntitle = A\nwhere = id=P9999\n", NULL);
    const char *expected[] = {"6: page 'a': filter 'id=P9999': unknown project id 'P9999' "
                              "(did you mean", NULL};
    const char *args[] = {"atlas", "--quiet", "{file}", "--output", "{out}", NULL};
    assert_file_errors("bad.ini", body, expected, args);
    g_free(body);
    g_free(head);
}

/* A family over projects: a map per bovenregionaal project, spread evenly over the pages,
** each panel exactly the municipalities of its project. */
static void
test_project_family(void)
{
    char *dir = tmp_dir_new();
    char *file = write_atlas(dir, "[family bov]\nfor = project\n"
                                  "where = geografisch=bovenregionaal\nper_page = 6\n"
                                  "outline_regions = true\nshow = zorgverzekeraar\n"
                                  "title = Bovenregionaal ({page} van {pages})\n"
                                  "panel_title = {label}\n\n"
                                  "[family cz]\nfor = project\nlabels = P0030; p0029\n"
                                  "title = {key}: {label}\n");
    size_t n = 0;
    for (guint i = 0; i < projects->len; i++)
        n += column_has(g_ptr_array_index(projects, i), "geografisch=bovenregionaal");
    g_assert_cmpuint(n, >=, 7);
    char **lines = list_atlas(file);
    size_t pages = (n + 5) / 6, panels = 0, min = 6, max = 0, k = 0;
    for (size_t i = 0; lines[i] != NULL; i++) {
        char **f = g_strsplit(lines[i], "\t", 3);
        if (strstr(f[0], "-bov-") != NULL) {
            size_t on = (size_t)g_ascii_strtoull(f[1], NULL, 10);
            panels += on;
            min = MIN(min, on);
            max = MAX(max, on);
            char *title = g_strdup_printf("Bovenregionaal (%zu van %zu)", ++k, pages);
            g_assert_cmpstr(f[2], ==, title);
            g_free(title);
        }
        g_strfreev(f);
    }
    g_assert_cmpuint(k, ==, pages);
    g_assert_cmpuint(panels, ==, n);
    g_assert_cmpuint(max - min, <=, 1);
    /* labels: the projects picked, in that order, a page each; {key} the id. */
    char *list = g_strjoinv("\n", lines);
    g_assert_nonnull(strstr(list, "-cz-p0030\t1\tP0030: Convenant Zuid-Limburg\n"));
    g_assert_nonnull(strstr(list, "-cz-p0029\t1\tP0029: Convenant Zeeland"));
    g_assert_true(strstr(list, "-cz-p0030") < strstr(list, "-cz-p0029"));
    g_free(list);
    g_strfreev(lines);

    /* Convenant Zeeland and Convenant Zuid-Limburg: two panels, two regions, no shared
    ** municipality. */
    char *out = g_build_filename(dir, "out", NULL);
    g_assert_cmpint(run_cli(NULL, "atlas", "--quiet", "--dpi", "40", file, "--output", out,
                            NULL), ==, 0);
    const char *convenants[][2] = {{"P0029", "Convenant Zeeland"},
                                   {"P0030", "Convenant Zuid-Limburg"}};
    GHashTable *sets[2];
    for (size_t c = 0; c < 2; c++) {
        const char *one[] = {convenants[c][0], NULL};
        GHashTable *want = touched_by(id_in, one);
        sets[c] = NULL;
        for (size_t p = 1; p <= pages && sets[c] == NULL; p++) {
            char *id = g_strdup_printf("bov-%zu", p), *csv = page_path(out, id, "csv");
            GHashTable *got = classed(csv, convenants[c][1]);
            if (g_hash_table_size(got) > 0)
                sets[c] = got;
            else
                g_hash_table_destroy(got);
            g_free(csv);
            g_free(id);
        }
        g_assert_nonnull(sets[c]);
        assert_same_set(sets[c], want);
        g_hash_table_destroy(want);
    }
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, sets[0]);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_assert_false(g_hash_table_contains(sets[1], key));
    g_hash_table_destroy(sets[0]);
    g_hash_table_destroy(sets[1]);
    g_free(out);
    g_free(file);
    tmp_dir_remove(dir);
}

static void
test_project_family_errors(void)
{
    char *head = atlas_head();
    char *body = g_strconcat(head,
                             "[family a]\nfor = project\nlabels = P0029; P9029\ntitle = {label}\n\n"
                             "[family b]\nfor = project\nwhere = titel~xyzzy\ntitle = {label}\n\n"
                             "[family c]\nfor = project\nwhere = geografisch=bovenregionaal; "
                             "inhoudelijk=jeugd; zorgverzekeraar=CZ\ntitle = {label}\n\n"
                             "[family d]\nfor = project\nper_page = 2\ntitle = {highlight}\n",
                             NULL);
    const char *expected[] = {
        "8: [family a] labels: unknown project id 'P9029' (did you mean 'P0029'",
        "13: [family b] where: filter 'titel~xyzzy': no project title contains 'xyzzy'",
        "18: [family c] where: no project passes it",
        "24: [family d] title: '{highlight}' stands for the highlighted label of one map",
        NULL};
    const char *args[] = {"atlas", "--quiet", "{file}", "--output", "{out}", NULL};
    assert_file_errors("bad.ini", body, expected, args);
    g_free(body);
    g_free(head);
}

/* ---- the shipped atlas ------------------------------------------------------------------ */

/* The pixel size of a page's world file, or 0 without one. */
static double
pixel_size(const char *csv)
{
    char *pgw = g_strdup(csv), *text = NULL;
    strcpy(pgw + strlen(pgw) - 3, "pgw");
    double size = 0;
    if (g_file_get_contents(pgw, &text, NULL, NULL))
        size = g_ascii_strtod(text, NULL);
    g_free(text);
    g_free(pgw);
    return size;
}

/* No two pages show one map: the same classes for every municipality on the same frame
** (a zoomed page, at a larger scale, shows a different map of the same classes). */
static void
test_no_page_twice(void)
{
    g_assert_cmpint(atlas_status, ==, 0);
    char *names = dir_names(atlas_out, "", ".csv");
    char **csvs = g_strsplit(names, " ", -1);
    size_t n = g_strv_length(csvs);
    g_assert_cmpuint(n, >=, 70);
    char **texts = g_new0(char *, n + 1);
    double *sizes = g_new0(double, n + 1);
    for (size_t i = 0; i < n; i++) {
        char *path = g_build_filename(atlas_out, csvs[i], NULL);
        g_assert_true(g_file_get_contents(path, &texts[i], NULL, NULL));
        sizes[i] = pixel_size(path);
        g_free(path);
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            int same_frame = sizes[i] == 0 || sizes[j] == 0 ||
                             fabs(sizes[i] / sizes[j] - 1) < 0.1;
            if (strcmp(texts[i], texts[j]) == 0 && same_frame)
                g_error("%s and %s are the same map", csvs[i], csvs[j]);
        }
    g_strfreev(texts);
    g_free(sizes);
    g_strfreev(csvs);
    g_free(names);
}

/* No title, caption, note or text of the atlas names a data file. */
static void
test_no_file_names(void)
{
    char *file = g_build_filename(g_getenv("SAMENKAART_STYLES"), "aef-2017", "atlas.ini", NULL);
    char *text = NULL;
    g_assert_true(g_file_get_contents(file, &text, NULL, NULL));
    GRegex *texts = g_regex_new("^\\s*(title|subtitle|caption|note|text|panel_title)\\s*=.*$",
                                G_REGEX_MULTILINE, 0, NULL);
    GRegex *data = g_regex_new("[\\w-]+\\.(csv|shp|gpkg|xlsx|xls|ods|geojson|sqlite|dbf)\\b",
                               G_REGEX_CASELESS, 0, NULL);
    GMatchInfo *m = NULL;
    size_t lines = 0;
    g_regex_match(texts, text, 0, &m);
    while (g_match_info_matches(m)) {
        char *line = g_match_info_fetch(m, 0);
        if (g_regex_match(data, line, 0, NULL))
            g_error("%s: a text names a data file: %s", file, line);
        g_free(line);
        lines++;
        g_match_info_next(m, NULL);
    }
    g_match_info_free(m);
    g_assert_cmpuint(lines, >=, 40);
    /* Nor any page title as the atlas makes it. */
    char **pages = list_atlas(file);
    for (size_t i = 0; pages[i] != NULL; i++)
        g_assert_false(g_regex_match(data, pages[i], 0, NULL));
    g_strfreev(pages);
    g_regex_unref(texts);
    g_regex_unref(data);
    g_free(text);
    g_free(file);
}

/* VII: the strategies of Menzis, Zilveren Kruis and VGZ, each exactly its projects. */
static void
test_strategy_pages(void)
{
    g_assert_cmpint(atlas_status, ==, 0);
    static const char *const agenda[] = {"P0009", NULL};
    static const char *const jeugd[] = {"P0001", "P0002", "P0003", "P0004", "P0005", NULL};
    static const char *const zk[] = {"P0011", "P0012", NULL};
    struct { const char *page; row_test keep; const void *data; } pages[] = {
        {"strategie-menzis", id_in, agenda},
        {"strategie-menzis-jeugd", id_in, jeugd},
        {"strategie-zilveren-kruis", id_in, zk},
        {"strategie-vgz", title_has, "leertuin"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(pages); i++) {
        char *csv = page_path(atlas_out, pages[i].page, "csv");
        assert_classes_are(csv, NULL, pages[i].keep, pages[i].data);
        g_free(csv);
    }
    /* The werkagenda's jeugd 18-/18+ cycle: developed in Groningen, introduced in Enschede. */
    char *csv = page_path(atlas_out, "strategie-menzis-jeugd", "csv");
    char *groningen = class_of(csv, "GM0014"), *enschede = class_of(csv, "GM0153");
    g_assert_true(g_str_has_prefix(groningen, "ontwikkelproject|"));
    g_assert_true(g_str_has_prefix(enschede, "implementeren|"));
    g_free(groningen);
    g_free(enschede);
    g_free(csv);
    /* The EPA taskforce is GGZ: Zwolle (GM0193) in it and in the grensvlakken (ouderen). */
    csv = page_path(atlas_out, "strategie-zilveren-kruis", "csv");
    char *zwolle = class_of(csv, "GM0193");
    g_assert_true(g_str_has_prefix(zwolle, "GGZ + ouderen|"));
    g_free(zwolle);
    g_free(csv);
}

/* IV: werkwijze, beleid and inkoop by geographic level, as in the report. */
static void
test_instrument_by_level(void)
{
    g_assert_cmpint(atlas_status, ==, 0);
    const char *instruments[] = {"werkwijze", "beleid", "inkoop"};
    for (size_t i = 0; i < G_N_ELEMENTS(instruments); i++) {
        char *id = g_strdup_printf("instrument-geografisch-%s", instruments[i]);
        char *csv = page_path(atlas_out, id, "csv");
        char *clause = g_strdup_printf("instrumenteel=%s", instruments[i]);
        assert_classes_are(csv, NULL, column_has, clause);
        GHashTable *c = read_classes(csv);
        GHashTableIter it;
        gpointer value;
        g_hash_table_iter_init(&it, c);
        while (g_hash_table_iter_next(&it, NULL, &value)) {
            /* Each class a combination of the levels. */
            char **parts = g_strsplit(value, "|", 2), **levels = g_strsplit(parts[0], " + ", -1);
            for (size_t l = 0; parts[0][0] != '\0' && levels[l] != NULL; l++)
                g_assert_true(strcmp(levels[l], "bovenregionaal") == 0 ||
                              strcmp(levels[l], "regionaal") == 0 ||
                              strcmp(levels[l], "gemeenten") == 0);
            g_strfreev(levels);
            g_strfreev(parts);
        }
        g_hash_table_destroy(c);
        g_free(clause);
        g_free(csv);
        g_free(id);
    }
}

/* VI: every bovenregionaal project on a panel of its own, Zeeland and Zuid-Limburg apart. */
static void
test_bovenregionaal_apart(void)
{
    g_assert_cmpint(atlas_status, ==, 0);
    char *names = dir_names(atlas_out, "", ".csv");
    char **csvs = g_strsplit(names, " ", -1);
    GHashTable *titles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t i = 0; csvs[i] != NULL; i++) {
        if (strstr(csvs[i], "-bovenregionaal-project-") == NULL)
            continue;
        char *path = g_build_filename(atlas_out, csvs[i], NULL);
        GPtrArray *rows = read_csv_rows(path);
        for (guint r = 0; r < rows->len; r++)
            g_hash_table_add(titles,
                             g_strdup(g_hash_table_lookup(g_ptr_array_index(rows, r), "panel")));
        g_ptr_array_unref(rows);
        g_free(path);
    }
    size_t n = 0;
    for (guint i = 0; i < projects->len; i++) {
        GHashTable *row = g_ptr_array_index(projects, i);
        if (!column_has(row, "geografisch=bovenregionaal"))
            continue;
        n++;
        g_assert_true(g_hash_table_contains(titles, g_hash_table_lookup(row, "titel")));
    }
    g_assert_cmpuint(g_hash_table_size(titles), ==, n);
    g_hash_table_destroy(titles);
    g_strfreev(csvs);
    g_free(names);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    load_tables();
    char *atlas = g_build_filename(g_getenv("SAMENKAART_STYLES"), "aef-2017", "atlas.ini", NULL);
    atlas_out = tmp_dir_new();
    /* Checked by each test of the shipped atlas, so that the others run whatever it says. */
    atlas_status = run_cli(NULL, "atlas", "--quiet", "--dpi", "40", atlas, "--output",
                           atlas_out, NULL);
    g_test_add_func("/report/where-ids", test_where_ids);
    g_test_add_func("/report/where-title", test_where_title);
    g_test_add_func("/report/where-errors", test_where_errors);
    g_test_add_func("/report/where-elsewhere", test_where_elsewhere);
    g_test_add_func("/report/filter-check", test_filter_check);
    g_test_add_func("/report/atlas-where", test_atlas_where);
    g_test_add_func("/report/project-family", test_project_family);
    g_test_add_func("/report/project-family-errors", test_project_family_errors);
    g_test_add_func("/report/no-page-twice", test_no_page_twice);
    g_test_add_func("/report/no-file-names", test_no_file_names);
    g_test_add_func("/report/strategy-pages", test_strategy_pages);
    g_test_add_func("/report/instrument-by-level", test_instrument_by_level);
    g_test_add_func("/report/bovenregionaal-apart", test_bovenregionaal_apart);
    int rc = g_test_run();
    tmp_dir_remove(atlas_out);
    g_free(atlas);
    g_ptr_array_unref(projects);
    g_hash_table_destroy(codes);
    g_hash_table_destroy(members);
    return rc;
}
