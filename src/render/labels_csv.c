/* The names a zoomed map places, as a CSV (sk_map_write_labels_csv): read from the map's
** page plan, so the CSV shows what the page shows. */
#include "../layout_internal.h"
#include "../text.h"
#include "render.h"

/* The leader line of municipality id, or NULL when its name has none. */
static const sk__plan_line *
leader_of(const sk__plan *p, long id)
{
    const sk__plan_line *found = NULL;
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->kind == SK__ITEM_LINE && it->role == SK__ROLE_NAME_LEADER && it->id == id)
            found = &it->u.line;
    }
    return found;
}

/* One name's row: its box on the page and in the map CRS, then its leader line (page and
** map CRS) or empty cells. */
static void
name_row(GString *s, const sk__plan *p, const sk__plan_item *it)
{
    const sk__transform *at = &p->maps[0].at;
    const sk__box *b = &it->u.text.box;
    double v[17] = {it->u.text.size, b->x, b->y, b->x + b->w, b->y + b->h};
    sk__to_map(at, b->x, b->y + b->h, &v[5], &v[6]);
    sk__to_map(at, b->x + b->w, b->y, &v[7], &v[8]);
    const sk__plan_line *line = leader_of(p, it->id);
    if (line != NULL) {
        v[9] = line->x0;
        v[10] = line->y0;
        v[11] = line->x1;
        v[12] = line->y1;
        sk__to_map(at, line->x0, line->y0, &v[13], &v[14]);
        sk__to_map(at, line->x1, line->y1, &v[15], &v[16]);
    }
    char num[G_N_ELEMENTS(v)][G_ASCII_DTOSTR_BUF_SIZE];
    const char *cells[2 + G_N_ELEMENTS(v)] = {
        sk_geography_municipality_code(p->geo, (size_t)it->id),
        sk_geography_municipality_name(p->geo, (size_t)it->id)};
    for (size_t k = 0; k < G_N_ELEMENTS(v); k++) {
        /* Page points to a thousandth, map units to a hundredth. */
        int page = k < 5 || (k >= 9 && k < 13);
        cells[2 + k] = k >= 9 && line == NULL
                           ? ""
                           : g_ascii_formatd(num[k], sizeof num[k], page ? "%.3f" : "%.2f", v[k]);
    }
    sk__csv_row(s, cells, G_N_ELEMENTS(cells));
}

sk_status
sk_map_write_labels_csv(sk_ctx *ctx, const sk_map *map, const char *path)
{
    sk__plan *p;
    sk_status st = sk__plan_map_page(ctx, map, &p);
    if (st != SK_OK)
        return st;
    GString *s = g_string_new("gm_code,gm_naam,size_pt,x0,y0,x1,y1,map_x0,map_y0,map_x1,map_y1,"
                              "leader_x0,leader_y0,leader_x1,leader_y1,leader_map_x0,"
                              "leader_map_y0,leader_map_x1,leader_map_y1\n");
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->kind == SK__ITEM_TEXT && it->role == SK__ROLE_NAME)
            name_row(s, p, it);
    }
    sk__plan_free(p);
    st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}
