/* The page plan (src/plan.h) layout makes and render draws: what it says about a map page,
** read the way a later SVG/HTML writer would, without Cairo. */
#include <string.h>
#include "samenkaart/samenkaart.h"
#include "src/layout.h"
#include "demo.h"
#include "support.h"


static size_t
count_paths(const sk__plan_map *pm, sk__path_kind kind)
{
    size_t n = 0;
    for (guint i = 0; i < pm->paths->len; i++)
        n += g_array_index(pm->paths, sk__plan_path, i).kind == kind;
    return n;
}

/* Every municipality not in the page's colour is in exactly one fill, of its own colour; the
** borders are one path each. */
static void
test_fills(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map *map = demo_map(ctx, NULL);
    sk__plan *p = NULL;
    g_assert_cmpint(sk__plan_map_page(ctx, map, &p), ==, SK_OK);
    g_assert_cmpuint(p->map_count, ==, 1);
    const sk__plan_map *pm = &p->maps[0];
    size_t n = sk_geography_municipality_count(demo_geography());
    guint8 *seen = g_new0(guint8, n);
    for (guint i = 0; i < pm->paths->len; i++) {
        const sk__plan_path *path = &g_array_index(pm->paths, sk__plan_path, i);
        if (path->kind != SK__PATH_FILL)
            continue;
        g_assert_cmpuint(path->count, >, 0);
        for (size_t k = 0; k < path->count; k++) {
            g_assert_cmpuint(path->ids[k], <, n);
            g_assert_false(seen[path->ids[k]]);
            seen[path->ids[k]] = 1;
            g_assert_cmphex(sk_map_municipality_color(map, path->ids[k]), ==, path->color);
        }
    }
    for (size_t m = 0; m < n; m++)
        g_assert_true(seen[m] || sk_map_municipality_color(map, m) == p->background);
    g_assert_cmpuint(count_paths(pm, SK__PATH_MUNICIPAL_BORDERS), ==, 1);
    g_assert_cmpuint(count_paths(pm, SK__PATH_REGION_BORDERS), ==, 1);
    g_assert_cmpuint(count_paths(pm, SK__PATH_OUTLINE) + count_paths(pm, SK__PATH_AREA), ==, 0);
    /* The title is a text run saying the map's title. */
    const sk__plan_item *title = &g_array_index(p->items, sk__plan_item, 0);
    g_assert_cmpint(title->kind, ==, SK__ITEM_TEXT);
    g_assert_cmpint(title->role, ==, SK__ROLE_TITLE);
    g_assert_cmpstr(title->u.text.text, ==, sk_map_title(map));
    g_free(seen);
    sk__plan_free(p);
    sk_map_free(map);
    sk_ctx_free(ctx);
}

static int
overlaps(const sk__box *a, const sk__box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* A zoomed map's names: runs naming framed municipalities inside the frame, clear of each
** other, and the same every time the page is laid out (no state kept between layouts). */
static void
test_names(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map *map = demo_map(ctx, "Midden-Holland");
    sk__plan *p = NULL, *again = NULL;
    g_assert_cmpint(sk__plan_map_page(ctx, map, &p), ==, SK_OK);
    g_assert_cmpint(sk__plan_map_page(ctx, map, &again), ==, SK_OK);
    g_assert_true(p->maps[0].clip);
    const sk__box *frame = &p->maps[0].frame;
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->role == SK__ROLE_NAME)
            g_ptr_array_add(names, (gpointer)it);
    }
    g_assert_cmpuint(names->len, >, 0);
    g_assert_cmpuint(p->items->len, ==, again->items->len);
    for (guint i = 0; i < names->len; i++) {
        const sk__plan_item *it = g_ptr_array_index(names, i);
        const sk__plan_text *t = &it->u.text;
        /* On two lines the break is a space, or follows a hyphen. */
        GString *flat = g_string_new(NULL);
        for (const char *c = t->text; *c; c++)
            if (*c != '\n')
                g_string_append_c(flat, *c);
            else if (c == t->text || c[-1] != '-')
                g_string_append_c(flat, ' ');
        g_assert_cmpstr(flat->str, ==,
                        sk_geography_municipality_name(demo_geography(), (size_t)it->id));
        g_string_free(flat, TRUE);
        g_assert_cmpfloat(t->halo_width, >, 0);
        g_assert_true(t->box.x >= frame->x && t->box.y >= frame->y &&
                      t->box.x + t->box.w <= frame->x + frame->w &&
                      t->box.y + t->box.h <= frame->y + frame->h);
        for (guint k = 0; k < i; k++)
            g_assert_false(overlaps(&t->box, &((const sk__plan_item *)g_ptr_array_index(
                                                   names, k))->u.text.box));
        const sk__plan_item *same = &g_array_index(again->items, sk__plan_item,
                                                   (guint)(it - (const sk__plan_item *)(void *)
                                                                    p->items->data));
        g_assert_cmpint(same->id, ==, it->id);
        g_assert_cmpstr(same->u.text.text, ==, t->text);
        g_assert_true(memcmp(&same->u.text.box, &t->box, sizeof t->box) == 0);
    }
    g_ptr_array_unref(names);
    sk__plan_free(again);
    sk__plan_free(p);
    sk_map_free(map);
    sk_ctx_free(ctx);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    use_backend_beside_cli();
    demo_load();
    g_test_add_func("/plan/fills", test_fills);
    g_test_add_func("/plan/names", test_names);
    int rc = g_test_run();
    demo_free();
    return rc;
}
