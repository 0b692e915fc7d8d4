/* The data behind a map as a CSV (sk_map_write_classes_csv): one row per municipality, or
** for a point map one row per point with the position its symbol is drawn at, which only the
** page plan knows (coincident points are moved apart on the page). */
#include <stdlib.h>
#include "../layout_internal.h"
#include "../map_internal.h"
#include "../text.h"
#include "render.h"

/* A point's row: where it is drawn (map CRS), or where it lies when it is not. */
typedef struct point_row {
    const sk__map_point *pt;
    size_t order;          /* its place among the rows before sorting (a tie-break) */
    int drawn;
    double x, y;
} point_row;

static int
compare_rows(const void *a, const void *b)
{
    const point_row *x = a, *y = b;
    if (x->pt->row != y->pt->row)
        return x->pt->row < y->pt->row ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

/* The rows of the layer's points, drawn or not (off the map, or off a zoomed map's frame),
** in file order; the drawn ones where the page plan p puts their symbols. */
static point_row *
point_rows(const sk__point_layer *pl, const sk__plan *p, size_t k, size_t *count)
{
    size_t n = pl->count + pl->off_count;
    point_row *rows = g_new0(point_row, n > 0 ? n : 1);
    for (size_t i = 0; i < n; i++) {
        const sk__map_point *pt = i < pl->count ? &pl->points[i] : &pl->off[i - pl->count];
        rows[i] = (point_row){pt, i, 0, pt->x, pt->y};
    }
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->kind != SK__ITEM_CIRCLE || it->role != SK__ROLE_POINT || it->id < 0 ||
            (size_t)it->id >= pl->count || it->u.circle.map != k)
            continue;
        point_row *r = &rows[it->id];
        r->drawn = 1;
        sk__to_map(&p->maps[k].at, it->u.circle.x, it->u.circle.y, &r->x, &r->y);
    }
    qsort(rows, n, sizeof *rows, compare_rows);
    *count = n;
    return rows;
}

/* The rows of plan map k's points (map's layer): id,naam,class,color,x,y,drawn and the
** panel, unless it is NULL. */
static void
points_rows(GString *s, const sk_map *map, const sk__plan *p, size_t k, const char *panel)
{
    const sk__point_layer *pl = map->points;
    size_t n;
    point_row *rows = point_rows(pl, p, k, &n);
    for (size_t i = 0; i < n; i++) {
        const sk__point_class *c = &pl->classes[rows[i].pt->klass];
        char color[8], x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
        g_snprintf(color, sizeof color, "#%06x", c->fill);
        const char *cells[] = {rows[i].pt->id != NULL ? rows[i].pt->id : "",
                               rows[i].pt->name != NULL ? rows[i].pt->name : "",
                               c->value, color,
                               g_ascii_formatd(x, sizeof x, "%.2f", rows[i].x),
                               g_ascii_formatd(y, sizeof y, "%.2f", rows[i].y),
                               rows[i].drawn ? "1" : "0", panel};
        sk__csv_row(s, cells, G_N_ELEMENTS(cells) - (panel == NULL));
    }
    g_free(rows);
}

/* id,naam,class,color,x,y,drawn: one row per selected point of the point map. */
static sk_status
write_points_csv(sk_ctx *ctx, const sk_map *map, const char *path)
{
    sk__plan *p;
    if (sk__plan_map_page(ctx, map, &p) != SK_OK)
        return sk_ctx_status(ctx);
    GString *s = g_string_new("id,naam,class,color,x,y,drawn\n");
    points_rows(s, map, p, 0, NULL);
    sk__plan_free(p);
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}

sk_status
sk__write_panels_points_csv(sk_ctx *ctx, const sk__page_spec *spec, sk_map *const *maps,
                            const char *path)
{
    sk__plan *p;
    if (sk__plan_panels_page(ctx, spec, maps, &p) != SK_OK)
        return sk_ctx_status(ctx);
    GString *s = g_string_new("id,naam,class,color,x,y,drawn,panel\n");
    for (size_t k = 0; k < spec->panel_count; k++) {
        char number[24];
        g_snprintf(number, sizeof number, "%zu", k + 1);
        const char *title = spec->panel_titles != NULL ? spec->panel_titles[k] : NULL;
        points_rows(s, maps[k], p, k, title != NULL && *title ? title : number);
    }
    sk__plan_free(p);
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}

sk_status
sk_map_write_classes_csv(sk_ctx *ctx, const sk_map *map, const char *path)
{
    if (map->points != NULL)
        return write_points_csv(ctx, map, path);
    GString *s = g_string_new("gm_code,gm_naam,class,color,");
    /* A count map of points counts them, not projects. */
    g_string_append(s, sk_classification_kind(map->classification) == SK_MAP_POINT_COUNT
                           ? "initiatives"
                           : "projects");
    g_string_append_c(s, '\n');
    sk__map_classes_rows(s, map, NULL);
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}
