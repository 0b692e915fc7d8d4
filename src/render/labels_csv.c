/* The names a zoomed map places, as a CSV (sk_map_write_labels_csv): read from the map's
** page plan, so the CSV shows what the page shows. */
#include "../layout_internal.h"
#include "../text.h"
#include "render.h"

sk_status
sk_map_write_labels_csv(sk_ctx *ctx, const sk_map *map, const char *path)
{
    sk__plan *p;
    sk_status st = sk__plan_map_page(ctx, map, &p);
    if (st != SK_OK)
        return st;
    const sk__transform *at = &p->maps[0].at;
    GString *s = g_string_new("gm_code,gm_naam,size_pt,x0,y0,x1,y1,map_x0,map_y0,map_x1,map_y1\n");
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->kind != SK__ITEM_TEXT || it->role != SK__ROLE_NAME)
            continue;
        const sk__box *b = &it->u.text.box;
        /* The box in the map's CRS (y up). */
        double m[4] = {at->minx + (b->x - at->origin_x) / at->scale,
                       at->maxy - (b->y + b->h - at->origin_y) / at->scale,
                       at->minx + (b->x + b->w - at->origin_x) / at->scale,
                       at->maxy - (b->y - at->origin_y) / at->scale};
        double v[] = {it->u.text.size, b->x, b->y, b->x + b->w, b->y + b->h, m[0], m[1], m[2],
                      m[3]};
        char num[G_N_ELEMENTS(v)][G_ASCII_DTOSTR_BUF_SIZE];
        const char *cells[2 + G_N_ELEMENTS(v)] = {
            sk_geography_municipality_code(p->geo, (size_t)it->id),
            sk_geography_municipality_name(p->geo, (size_t)it->id)};
        for (size_t k = 0; k < G_N_ELEMENTS(v); k++)
            cells[2 + k] = g_ascii_formatd(num[k], sizeof num[k], k < 5 ? "%.3f" : "%.2f", v[k]);
        sk__csv_row(s, cells, G_N_ELEMENTS(cells));
    }
    sk__plan_free(p);
    st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}
