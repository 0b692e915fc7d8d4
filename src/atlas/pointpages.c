/* Point maps in an atlas: reading a page's point keys, the values a family over a point
** column runs over, and the layers loaded once and checked against their pages. */
#include <string.h>
#include "pointpages.h"
#include "../ogr.h"
#include "../style_internal.h"

static const char *const point_kinds[] = {"points", "point-count", NULL};
static const char *const count_methods[] = {"gemeenten", "locatie", NULL};

/* A value of key among valid (any case), or a problem with the nearest; returns its index or
** -1 (also when absent). */
static int
read_choice(sk__keyfile *k, const char *group, const char *key, const char *const *valid,
            const char *what)
{
    char *v = sk__keyfile_get(k, group, key);
    int out = -1;
    for (int i = 0; v != NULL && valid[i] != NULL; i++)
        if (g_ascii_strcasecmp(v, valid[i]) == 0)
            out = i;
    if (v != NULL && out < 0)
        sk__keyfile_problem(k, group, key, "unknown %s '%s' (did you mean '%s'?)", what, v,
                            sk__keyfile_nearest(v, valid));
    g_free(v);
    return out;
}

/* The index + 1 of the layer in a->point_files, added when new. */
static int
point_file_index(sk_atlas *a, sk__keyfile *k, const char *group, char *path)
{
    char *layer = sk__keyfile_get(k, group, "points_layer");
    char *x = sk__keyfile_get(k, group, "x_field"), *y = sk__keyfile_get(k, group, "y_field");
    for (guint i = 0; i < a->point_files->len; i++) {
        point_file *f = &g_array_index(a->point_files, point_file, i);
        if (strcmp(f->path, path) == 0 && g_strcmp0(f->layer, layer) == 0 &&
            g_strcmp0(f->x_field, x) == 0 && g_strcmp0(f->y_field, y) == 0) {
            g_free(path);
            g_free(layer);
            g_free(x);
            g_free(y);
            return (int)i + 1;
        }
    }
    point_file f = {.path = path, .layer = layer, .x_field = x, .y_field = y,
                    .group = g_strdup(group), .line = sk__keyfile_line(k, group, "points")};
    g_array_append_val(a->point_files, f);
    return (int)a->point_files->len;
}

/* A page without points = FILE takes none of the point keys. */
static void
check_no_point_keys(sk__keyfile *k, const char *group)
{
    static const char *const keys[] = {SK__ATLAS_POINT_KEYS, NULL};
    for (size_t i = 1; keys[i] != NULL; i++)
        if (g_key_file_has_key(sk__keyfile_gkf(k), group, keys[i], NULL))
            sk__keyfile_problem(k, group, keys[i], "only on a point map: give points = FILE "
                                "(the point layer, relative to the atlas file)");
}

/* Fields of one kind only: by, size_by and covered draw points; count and breaks count them
** per municipality. */
static void
check_kind_keys(sk__keyfile *k, const char *group, const page *pg)
{
    static const char *const of_points[] = {"by", "size_by", "covered", NULL};
    static const char *const of_count[] = {"count", "breaks", NULL};
    const char *const *wrong = pg->point_kind == SK_MAP_POINTS ? of_count : of_points;
    for (size_t i = 0; wrong[i] != NULL; i++)
        if (g_key_file_has_key(sk__keyfile_gkf(k), group, wrong[i], NULL))
            sk__keyfile_problem(k, group, wrong[i], "not on a map of kind %s (%s)",
                                point_kinds[pg->point_kind == SK_MAP_POINTS ? 0 : 1],
                                pg->point_kind == SK_MAP_POINTS
                                    ? "count and breaks make a point-count map"
                                    : "by, size_by and covered draw the points of a "
                                      "points map");
}

void
sk__atlas_read_points(sk__keyfile *k, sk_atlas *a, const char *group, page *pg)
{
    char *file = sk__keyfile_get(k, group, "points");
    if (file == NULL || file[0] == '\0') {
        if (file != NULL)
            sk__keyfile_problem(k, group, "points", "empty: name the point layer's file");
        g_free(file);
        check_no_point_keys(k, group);
        return;
    }
    pg->points_file = point_file_index(a, k, group, sk__atlas_resolve(a, file));
    g_free(file);
    pg->group = g_strdup(group);
    int kind = read_choice(k, group, "kind", point_kinds, "kind");
    int method = read_choice(k, group, "count", count_methods, "count method");
    int counts = kind == 1 || (kind < 0 && g_key_file_has_key(sk__keyfile_gkf(k), group,
                                                              "count", NULL));
    pg->point_kind = counts ? SK_MAP_POINT_COUNT : SK_MAP_POINTS;
    pg->count_method = method >= 0 ? g_strdup(count_methods[method]) : NULL;
    pg->by = sk__keyfile_get(k, group, "by");
    pg->size_by = sk__keyfile_get(k, group, "size_by");
    pg->by_line = sk__keyfile_line(k, group, "by");
    pg->size_by_line = sk__keyfile_line(k, group, "size_by");
    pg->where_line = sk__keyfile_line(k, group, "where");
    sk__keyfile_get_bool(k, group, "covered", &pg->covered);
    pg->breaks = sk__keyfile_get(k, group, "breaks");
    if (pg->breaks != NULL) {
        sk_ctx *probe = sk_ctx_new();
        sk_breaks m;
        unsigned bounds[16];
        size_t nbreaks;
        if (sk_breaks_parse(probe, pg->breaks, &m, bounds, G_N_ELEMENTS(bounds), &nbreaks) !=
            SK_OK)
            sk__keyfile_problem(k, group, "breaks", "%s", sk_ctx_errmsg(probe));
        sk_ctx_free(probe);
    }
    check_kind_keys(k, group, pg);
}

/* ---- families over a column's values --------------------------------------------------- */

typedef struct value_count {
    const char *value;
    size_t count;
    int level;            /* its level in the column's scale, or -1 */
} value_count;

static int
by_scale_then_count(gconstpointer pa, gconstpointer pb)
{
    const value_count *a = pa, *b = pb;
    if (a->level != b->level)
        return a->level < b->level ? -1 : 1;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->value, b->value);
}

/* Every value of column (items of ';'-lists), with how many rows hold it. */
static GArray *
column_values(const sk__ogr_data *t, size_t column, const sk__scale *scale)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    GArray *values = g_array_new(FALSE, FALSE, sizeof(value_count));
    for (size_t r = 0; r < t->rows; r++) {
        char **items = g_strsplit(sk__ogr_cell(t, r, column), ";", -1);
        for (size_t i = 0; items[i] != NULL; i++) {
            char *v = g_strstrip(items[i]);
            if (v[0] == '\0')
                continue;
            gpointer at = g_hash_table_lookup(seen, v);
            if (at == NULL) {
                value_count c = {.value = g_strdup(v),
                                 .level = scale != NULL ? sk__scale_level(scale, v) : -1};
                g_array_append_val(values, c);
                at = GUINT_TO_POINTER(values->len);
                g_hash_table_insert(seen, (gpointer)c.value, at);
            }
            g_array_index(values, value_count, GPOINTER_TO_UINT(at) - 1).count++;
        }
        g_strfreev(items);
    }
    g_hash_table_destroy(seen);
    g_array_sort(values, by_scale_then_count);
    return values;
}

/* The values the family's labels key picks, in its order (indices into values). */
static void
pick_values(sk__keyfile *k, const char *group, char **chosen, char **values, size_t *order,
            size_t *n)
{
    *n = 0;
    for (size_t i = 0; chosen[i] != NULL; i++) {
        const char *v = g_strstrip(chosen[i]);
        size_t at = 0;
        while (values[at] != NULL && strcmp(values[at], v) != 0)
            at++;
        if (values[at] != NULL)
            order[(*n)++] = at;
        else
            sk__keyfile_problem(k, group, "labels", "no point has the value '%s' (did you "
                                "mean '%s'?)", v,
                                sk__keyfile_nearest(v, (const char *const *)values));
    }
    if (chosen[0] == NULL)
        sk__keyfile_problem(k, group, "labels", "empty: name values of the column, or leave "
                            "labels out for all of them");
}

/* The column's values, ordered; NULL (a problem reported) when the file cannot be read or
** has no such column. */
static char **
read_values(sk__keyfile *k, const sk_atlas *a, const char *group, const point_file *f,
            const char *column)
{
    sk_ctx *probe = sk_ctx_new();
    sk_style *style = NULL;
    sk__ogr_data t;
    sk__ogr_data_init(&t);
    char **out = NULL;
    if (sk_style_load(probe, a->style, &style) != SK_OK ||
        sk__read_table(probe, f->path, f->layer, "point layer", NULL, &t) != SK_OK) {
        sk__keyfile_problem(k, group, "for", "the values of a point column need the layer "
                            "and the style: %s", sk_ctx_errmsg(probe));
    } else if (sk__ogr_column_optional(&t, column) < 0) {
        const char **names = g_new0(const char *, t.columns->len + 1);
        for (guint c = 0; c < t.columns->len; c++)
            names[c] = g_ptr_array_index(t.columns, c);
        sk__keyfile_problem(k, group, "for", "no column '%s' in %s (did you mean '%s'?)",
                            column, f->path, sk__keyfile_nearest(column, names));
        g_free(names);
    } else {
        GArray *values = column_values(&t, (size_t)sk__ogr_column_optional(&t, column),
                                       sk__style_scale(style, column));
        out = g_new0(char *, values->len + 1);
        for (guint i = 0; i < values->len; i++)
            out[i] = (char *)g_array_index(values, value_count, i).value;
        g_array_free(values, TRUE);
    }
    sk__ogr_data_clear(&t);
    sk_style_free(style);
    sk_ctx_free(probe);
    return out;
}

sk__label_def *
sk__atlas_point_labels(sk__keyfile *k, const sk_atlas *a, const char *group, int points_file,
                       const char *column, size_t **order, size_t *n, char ***strings)
{
    *n = 0;
    const point_file *f = &g_array_index(a->point_files, point_file, points_file - 1);
    char **values = read_values(k, a, group, f, column);
    if (values == NULL)
        values = g_new0(char *, 1);
    size_t count = g_strv_length(values);
    sk__label_def *defs = g_new0(sk__label_def, count + 1);
    for (size_t i = 0; i < count; i++)
        defs[i] = (sk__label_def){.key = values[i], .display = values[i]};
    *order = g_new0(size_t, count + 1);
    char **chosen = g_key_file_get_string_list(sk__keyfile_gkf(k), group, "labels", NULL,
                                               NULL);
    if (chosen != NULL)
        pick_values(k, group, chosen, values, *order, n);
    else
        for (; *n < count; (*n)++)
            (*order)[*n] = *n;
    g_strfreev(chosen);
    *strings = values;
    return defs;
}

/* ---- loading and checking ------------------------------------------------------------ */

int
sk__atlas_needs_projects(const sk_atlas *a)
{
    for (guint i = 0; i < a->pages->len; i++) {
        const page *pg = SK__ATLAS_PAGE(a, i);
        if (pg->kind == PAGE_MAP && pg->points_file == 0)
            return 1;
        for (guint k = 0; pg->kind == PAGE_PANELS && k < pg->panels->len; k++)
            if (g_array_index(pg->panels, page, k).points_file == 0)
                return 1;
    }
    return 0;
}

/* A problem of a page's key, once (the panels of a family share their keys). */
static void
problem(sk__diagnostics *d, GHashTable *seen, const sk_atlas *a, const page *pg, int line,
        const char *key, char *message)
{
    char *text = g_strdup_printf("%s:%d: [%s] %s: %s", a->path, line > 0 ? line : pg->line,
                                 pg->group, key, message);
    g_free(message);
    if (g_hash_table_add(seen, text))
        sk__diagnostics_add(d, "%s", text);
}

/* by and size_by name columns of the layer; where selects by its columns. */
static void
check_page(sk__diagnostics *d, GHashTable *seen, const sk_atlas *a, const page *pg,
           sk_points *const *points)
{
    const sk_points *layer = points[pg->points_file - 1];
    size_t ncol = sk_points_column_count(layer);
    const char **names = g_new0(const char *, ncol + 1);
    for (size_t c = 0; c < ncol; c++)
        names[c] = sk_points_column_name(layer, c);
    const char *columns[] = {pg->by, pg->size_by};
    const int lines[] = {pg->by_line, pg->size_by_line};
    const char *keys[] = {"by", "size_by"};
    for (size_t i = 0; i < 2; i++)
        if (columns[i] != NULL && sk_points_column_find(layer, columns[i]) < 0)
            problem(d, seen, a, pg, lines[i], keys[i],
                    g_strdup_printf("unknown column '%s' of %s (did you mean '%s'?)",
                                    columns[i], sk_points_source(layer),
                                    sk__keyfile_nearest(columns[i], names)));
    g_free(names);
    if (pg->where == NULL)
        return;
    sk_ctx *probe = sk_ctx_new();
    unsigned char *keep = g_new0(unsigned char, sk_points_count(layer) + 1);
    if (sk_points_select(probe, layer, (const char *const *)pg->where, keep) != SK_OK)
        problem(d, seen, a, pg, pg->where_line, "where", g_strdup(sk_ctx_errmsg(probe)));
    g_free(keep);
    sk_ctx_free(probe);
}

sk_status
sk__atlas_load_points(sk_ctx *ctx, const sk_atlas *a, const sk_geography *geo,
                      const sk_style *style, sk_points ***out)
{
    *out = g_new0(sk_points *, a->point_files->len + 1);
    sk_status st = SK_OK;
    for (guint i = 0; i < a->point_files->len && st == SK_OK; i++) {
        const point_file *f = &g_array_index(a->point_files, point_file, i);
        sk_points_options po;
        sk_points_options_init(&po);
        po.path = f->path;
        po.layer = f->layer;
        po.x_field = f->x_field;
        po.y_field = f->y_field;
        st = sk_points_load(ctx, geo, style, &po, &(*out)[i]);
    }
    if (st != SK_OK)
        return st;
    sk__diagnostics d;
    sk__diagnostics_init(&d);
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < a->pages->len; i++) {
        const page *pg = SK__ATLAS_PAGE(a, i);
        if (pg->kind == PAGE_MAP && pg->points_file > 0)
            check_page(&d, seen, a, pg, *out);
        for (guint k = 0; pg->kind == PAGE_PANELS && k < pg->panels->len; k++) {
            const page *panel = &g_array_index(pg->panels, page, k);
            if (panel->points_file > 0)
                check_page(&d, seen, a, panel, *out);
        }
    }
    g_hash_table_destroy(seen);
    return sk__diagnostics_finish(&d, ctx);
}

void
sk__atlas_points_free(const sk_atlas *a, sk_points **points)
{
    for (guint i = 0; points != NULL && i < a->point_files->len; i++)
        sk_points_free(points[i]);
    g_free(points);
}
