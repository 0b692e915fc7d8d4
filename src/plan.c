/* The page plan's storage (plan.h). */
#include "plan.h"

sk__plan *
sk__plan_new(double page_w, double page_h, sk__color background, const sk_geography *geo,
             const char *title)
{
    sk__plan *p = g_new0(sk__plan, 1);
    p->page_w = page_w;
    p->page_h = page_h;
    p->background = background;
    p->geo = geo;
    p->title = g_strdup(title);
    p->items = g_array_new(FALSE, TRUE, sizeof(sk__plan_item));
    return p;
}

void
sk__plan_free(sk__plan *p)
{
    if (p == NULL)
        return;
    for (size_t m = 0; m < p->map_count; m++) {
        GArray *paths = p->maps[m].paths;
        for (guint i = 0; paths != NULL && i < paths->len; i++)
            g_free(g_array_index(paths, sk__plan_path, i).ids);
        if (paths != NULL)
            g_array_free(paths, TRUE);
    }
    g_free(p->maps);
    for (guint i = 0; i < p->items->len; i++) {
        sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->kind == SK__ITEM_TEXT)
            g_free(it->u.text.text);
    }
    g_array_free(p->items, TRUE);
    g_free(p->title);
    g_free(p);
}

sk__plan_item *
sk__plan_add(sk__plan *p, const sk__plan_item *item)
{
    g_array_append_vals(p->items, item, 1);
    return &g_array_index(p->items, sk__plan_item, p->items->len - 1);
}

void
sk__plan_add_path(sk__plan *p, size_t k, const sk__plan_path *path)
{
    if (p->maps[k].paths == NULL)
        p->maps[k].paths = g_array_new(FALSE, TRUE, sizeof(sk__plan_path));
    g_array_append_vals(p->maps[k].paths, path, 1);
}
