/* Validation of a point layer (model.h): every problem of the file, one line each, as the
** project database's are reported. */
#include <math.h>
#include <string.h>
#include "model.h"
#include "../geography_internal.h"
#include "../style_internal.h"
#include "../text.h"

/* The map's extent with a margin: an initiative on the coast or the border is on the map. */
#define MARGIN 10000.0

/* "'a', 'b' or 'c'": the levels nearest to value. */
static char *
nearest_level(const sk__scale *s, const char *value)
{
    sk__nearest near;
    sk__nearest_init(&near, value);
    for (size_t l = 0; l < s->count; l++)
        sk__nearest_offer(&near, s->levels[l], s->levels[l]);
    char *quoted = sk__nearest_quoted(&near);
    sk__nearest_clear(&near);
    return quoted;
}

static void
check_scale(sk_points *p, size_t c, const sk__scale *s, sk__diagnostics *d)
{
    const char *column = g_ptr_array_index(p->table.columns, (guint)c);
    p->levels[c] = g_new0(char *, s->count + 1);
    for (size_t l = 0; l < s->count; l++)
        p->levels[c][l] = g_strdup(s->levels[l]);
    for (size_t r = 0; r < p->table.rows; r++) {
        const char *where = g_ptr_array_index(p->table.where, (guint)r);
        const char *v = sk__ogr_cell(&p->table, r, c);
        if (v[0] == '\0') {
            char *all = g_strjoinv(", ", p->levels[c]);
            sk__diagnostics_add(d, "%s: column '%s': empty value (expected one of: %s)", where,
                                column, all);
            g_free(all);
        } else if (sk__scale_level(s, v) < 0) {
            char *near = nearest_level(s, v);
            sk__diagnostics_add(d, "%s: column '%s': unknown value '%s' (did you mean %s?)",
                                where, column, v, near);
            g_free(near);
        }
    }
}

void
sk__points_check_scales(sk_points *p, const sk_style *style, sk__diagnostics *d)
{
    size_t ncol = p->table.columns->len;
    p->levels = g_new0(char **, ncol + 1);
    for (size_t i = 0; style != NULL && i < sk__style_scale_count(style); i++) {
        const sk__scale *s = sk__style_scale_at(style, i);
        int c = sk__ogr_column_optional(&p->table, s->column);
        if (c >= 0 && p->levels[c] == NULL)
            check_scale(p, (size_t)c, s, d);
    }
}

/* One item of "gemeenten": its municipality, or -1 with a message. */
static int
place(const sk_points *p, const char *where, const char *v, sk__diagnostics *d)
{
    int k = sk__geography_lookup_municipality(p->geo, v);
    if (k < 0)
        sk__geography_report_place(p->geo, 0, k, where, "gemeenten", v, d);
    return k;
}

/* The items of one "gemeenten" cell: an empty item (or cell: every initiative covers at
** least one municipality) is an error, a municipality named twice too (counted once). */
static void
check_place_list(sk_points *p, size_t r, const char *cell, sk__diagnostics *d)
{
    const char *where = g_ptr_array_index(p->table.where, (guint)r);
    char **items = g_strsplit(cell, ";", -1);
    int empty = 0;
    p->cov_first[r] = p->covered->len;
    for (size_t i = 0; items[i] != NULL; i++) {
        g_strstrip(items[i]);
        if (items[i][0] == '\0') {
            empty = 1;
            continue;
        }
        int k = place(p, where, items[i], d);
        int seen = 0;
        for (size_t j = p->cov_first[r]; k >= 0 && j < p->covered->len && !seen; j++)
            seen = g_array_index(p->covered, size_t, j) == (size_t)k;
        size_t m = (size_t)k;
        if (seen)
            sk__diagnostics_add(d, "%s: column 'gemeenten': '%s' is named twice", where,
                                items[i]);
        else if (k >= 0)
            g_array_append_val(p->covered, m);
    }
    if (cell[0] == '\0')
        sk__diagnostics_add(d, "%s: column 'gemeenten': empty item (the municipalities the "
                            "initiative covers, at least one, separated by ';')", where);
    else if (empty)
        sk__diagnostics_add(d, "%s: column 'gemeenten': empty item in '%s' (municipalities are "
                            "separated by one ';', with none before the first or after the "
                            "last)", where, cell);
    p->cov_count[r] = p->covered->len - p->cov_first[r];
    g_strfreev(items);
}

void
sk__points_check_places(sk_points *p, sk__diagnostics *d)
{
    size_t n = p->table.rows;
    int c = sk__ogr_column_optional(&p->table, "gemeenten");
    p->covered = g_array_new(FALSE, FALSE, sizeof(size_t));
    p->cov_first = g_new0(size_t, n + 1);
    p->cov_count = g_new0(size_t, n + 1);
    for (size_t r = 0; c >= 0 && r < n; r++)
        check_place_list(p, r, sk__ogr_cell(&p->table, r, (size_t)c), d);
}

void
sk__points_check_ids(sk_points *p, sk__diagnostics *d)
{
    int c = sk__ogr_column_optional(&p->table, "id");
    p->ids = g_ptr_array_new_with_free_func(g_free);
    /* value -> first row + 1 */
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t r = 0; r < p->table.rows; r++) {
        const char *where = g_ptr_array_index(p->table.where, (guint)r);
        const char *id = c >= 0 ? sk__ogr_cell(&p->table, r, (size_t)c) : NULL;
        g_ptr_array_add(p->ids, id != NULL ? g_strdup(id) : g_strdup_printf("%zu", r + 1));
        if (id != NULL && id[0] == '\0') {
            sk__diagnostics_add(d, "%s: column 'id': empty value (every point needs a unique "
                                "id)", where);
            continue;
        }
        size_t first = GPOINTER_TO_SIZE(g_hash_table_lookup(seen, p->ids->pdata[r]));
        if (first > 0)
            sk__diagnostics_add(d, "%s: column 'id': duplicate value '%s' (first at %s)", where,
                                id, (const char *)g_ptr_array_index(p->table.where,
                                                                    (guint)(first - 1)));
        else
            g_hash_table_insert(seen, p->ids->pdata[r], GSIZE_TO_POINTER(r + 1));
    }
    g_hash_table_destroy(seen);
}

static int
inside(const double e[4], double x, double y)
{
    return x >= e[0] - MARGIN && x <= e[2] + MARGIN && y >= e[1] - MARGIN &&
           y <= e[3] + MARGIN;
}

void
sk__points_check_extent(const sk_points *p, const double *shown, const double *swapped,
                        const char *const names[2], sk__diagnostics *d)
{
    double e[4];
    sk_geography_extent(p->geo, e);
    for (size_t r = 0; r < p->table.rows; r++) {
        const double *xy = p->xy + 2 * r;
        /* NaN: not a number, reported where it was read. */
        if (isnan(shown[2 * r]) || isnan(shown[2 * r + 1]) || inside(e, xy[0], xy[1]))
            continue;
        int swap = inside(e, swapped[2 * r], swapped[2 * r + 1]);
        /* Read as metres (not reprojected) but in the range of degrees: one row in lon/lat
        ** among RD rows (a file all in degrees is read as degrees). */
        int degrees = xy[0] == shown[2 * r] && xy[1] == shown[2 * r + 1] &&
                      fabs(shown[2 * r]) <= 180 && fabs(shown[2 * r + 1]) <= 90;
        sk__diagnostics_add(d, "%s: (%s, %s) = (%.10g, %.10g) lies outside the map (x "
                            "%.0f…%.0f, y %.0f…%.0f in EPSG:%d, with a margin of %.0f km)%s%s",
                            (const char *)g_ptr_array_index(p->table.where, (guint)r),
                            names[0], names[1], shown[2 * r], shown[2 * r + 1], e[0] - MARGIN,
                            e[2] + MARGIN, e[1] - MARGIN, e[3] + MARGIN,
                            sk_geography_epsg(p->geo), MARGIN / 1000,
                            swap ? "; with x and y swapped it lies inside: are the two "
                                   "values in each other's column?" : "",
                            degrees ? " (looks like longitude/latitude; the other rows are "
                                      "RD metres)" : "");
    }
}

void
sk__points_check_columns(const sk_points *p, sk__diagnostics *d)
{
    const GPtrArray *cols = p->table.columns;
    for (guint i = 0; i < cols->len; i++) {
        int twice = 0;
        for (guint k = 0; k < i && !twice; k++)
            twice = g_ascii_strcasecmp(cols->pdata[k], cols->pdata[i]) == 0;
        for (guint k = i + 1; k < cols->len && !twice; k++)
            if (g_ascii_strcasecmp(cols->pdata[k], cols->pdata[i]) == 0) {
                sk__diagnostics_add(d, "%s:1: column '%s' given twice (columns %u and %u); "
                                    "rename or remove one", p->source,
                                    (const char *)cols->pdata[i], i + 1, k + 1);
                twice = 1;
            }
    }
}
