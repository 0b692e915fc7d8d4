/* The legend as the page plan draws it: a class's count apart from its text, a white swatch
** that reads, and no line break inside a term such as "18-/18+". */
#include <string.h>
#include "samenkaart/samenkaart.h"
#include "src/layout.h"
#include "demo.h"
#include "support.h"

/* The plan item of kind and role with id, or NULL. */
static const sk__plan_item *
find_item(const sk__plan *p, sk__item_kind kind, sk__role role, long id)
{
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->kind == kind && it->role == role && it->id == id)
            return it;
    }
    return NULL;
}

static size_t
count_role(const sk__plan *p, sk__role role)
{
    size_t n = 0;
    for (guint i = 0; i < p->items->len; i++)
        n += g_array_index(p->items, sk__plan_item, i).role == role;
    return n;
}

/* The widest line of t as the Cairo backend lays it out, in points. */
static double
text_width(const sk__plan_text *t)
{
    PangoContext *pc = sk__measure_context();
    PangoLayout *l = sk__measure_text(pc, t->family, t->size, t->bold, t->text, t->width,
                                      t->markup);
    if (t->keep_terms)
        sk__keep_terms(l, t->text);
    PangoRectangle logical;
    pango_layout_get_extents(l, NULL, &logical);
    g_object_unref(l);
    g_object_unref(pc);
    return (double)(logical.x + logical.width) / PANGO_SCALE;
}

/* A page of the demo map showing legend (sk__legend_entry) under style (the map's too, as
** the plan draws the furniture in the first map's style), with one panel titled
** panel_title (NULL: none).  sk__plan_free it. */
static sk__plan *
legend_page(sk_ctx *ctx, const sk_style *style, GArray *legend, const char *panel_title)
{
    sk_map *map = demo_map(ctx, NULL);
    map->style = style;
    const char *titles[1] = {panel_title};
    sk__page_spec spec = {.style = style, .geo = demo_geography(),
                          .page = SK_PAGE_A4_LANDSCAPE, .title = "Legenda",
                          .legend = legend, .panel_count = 1,
                          .panel_titles = panel_title != NULL ? titles : NULL};
    sk__plan *p = NULL;
    sk_map *maps[1] = {map};
    g_assert_cmpint(sk__plan_panels_page(ctx, &spec, maps, &p), ==, SK_OK);
    sk_map_free(map);
    return p;
}

static void
add_entry(GArray *legend, const char *text, const char *count, sk__color color)
{
    sk__legend_entry e = {.label = g_strdup(text), .text = g_strdup(text),
                          .count = g_strdup(count), .color = color};
    g_array_append_val(legend, e);
}

/* Every entry with a count has it as a run of its own in the muted colour at the legend
** size, on the first line of its text, ending at the column's right edge (the swatch's left
** plus the legend width), and the class text wraps before it starts. */
static void
test_counts(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map *map = demo_map(ctx, NULL);
    const sk_style *s = map->style;
    sk__plan *plain = NULL;
    g_assert_cmpint(sk__plan_map_page(ctx, map, &plain), ==, SK_OK);
    g_assert_cmpuint(count_role(plain, SK__ROLE_LEGEND_COUNT), ==, 0);
    GArray *legend = map->legend;
    g_assert_cmpuint(legend->len, >=, 2);
    for (guint i = 0; i < legend->len; i++)
        g_array_index(legend, sk__legend_entry, i).count =
            g_strdup_printf("%u gemeenten", 184 - 37 * i);
    sk__plan *p = NULL;
    g_assert_cmpint(sk__plan_map_page(ctx, map, &p), ==, SK_OK);
    g_assert_cmpuint(count_role(p, SK__ROLE_LEGEND_COUNT), ==, legend->len);
    for (guint i = 0; i < legend->len; i++) {
        const sk__plan_item *sw = find_item(p, SK__ITEM_RECT, SK__ROLE_LEGEND, i);
        const sk__plan_item *ti = find_item(p, SK__ITEM_TEXT, SK__ROLE_LEGEND, i);
        const sk__plan_item *ci = find_item(p, SK__ITEM_TEXT, SK__ROLE_LEGEND_COUNT, i);
        g_assert_nonnull(sw);
        g_assert_nonnull(ti);
        g_assert_nonnull(ci);
        const sk__plan_text *t = &ti->u.text, *c = &ci->u.text;
        char *want = g_strdup_printf("%u gemeenten", 184 - 37 * i);
        g_assert_cmpstr(c->text, ==, want);
        g_free(want);
        /* The class text no longer carries the count. */
        g_assert_cmpstr(t->text, ==, g_array_index(legend, sk__legend_entry, i).text);
        g_assert_cmphex(c->color, ==, s->muted_text_color);
        g_assert_cmphex(t->color, ==, s->text_color);
        g_assert_cmpfloat(c->size, ==, t->size);
        g_assert_cmpfloat(c->width, <, 0);   /* one line */
        g_assert_cmpfloat_with_epsilon(c->y, t->y, 1e-9);
        double right = sw->u.rect.box.x + s->legend_width;
        g_assert_cmpfloat_with_epsilon(c->x + text_width(c), right, 0.01);
        /* Right of the class text: its wrap width and every line it draws end before. */
        g_assert_cmpfloat(t->x + t->width, <, c->x);
        g_assert_cmpfloat(t->x + text_width(t), <, c->x);
        g_assert_cmpfloat(t->x, >, sw->u.rect.box.x + sw->u.rect.box.w);
    }
    sk__plan_free(p);
    sk__plan_free(plain);
    sk_map_free(map);
    sk_ctx_free(ctx);
}

/* Whether a line of the text laid out at width (points) starts inside its bytes [from, to),
** with the terms kept or not. */
static int
breaks_inside(const sk_style *s, double size, const char *text, double width, int keep,
              int from, int to)
{
    PangoContext *pc = sk__measure_context();
    PangoLayout *l = sk__measure_text(pc, s->font_family, size, 0, text, width, 0);
    if (keep)
        sk__keep_terms(l, text);
    int inside = 0;
    for (GSList *ln = pango_layout_get_lines_readonly(l); ln != NULL; ln = ln->next) {
        int start = ((PangoLayoutLine *)ln->data)->start_index;
        inside |= start > from && start < to;
    }
    g_object_unref(l);
    g_object_unref(pc);
    return inside;
}

/* "Jeugd 18-/18+" in a legend column so narrow that Pango alone breaks inside "18-/18+"
** keeps the term on one line (it moves whole to the next), and the text its plain
** characters; panel titles keep their terms too. */
static void
test_terms(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map *map = demo_map(ctx, NULL);
    sk_style narrow = *map->style;
    const char *text = "Jeugd 18-/18+";
    int from = 6, to = 13;   /* the bytes of "18-/18+" */
    double size = narrow.legend_size, width = 0;
    for (double w = 80; w > 10 && width == 0; w -= 0.25)
        if (breaks_inside(&narrow, size, text, w, 0, from, to))
            width = w;
    g_assert_cmpfloat(width, >, 0);   /* Pango would break there */
    g_assert_false(breaks_inside(&narrow, size, text, width, 1, from, to));
    narrow.legend_width = width + narrow.swatch_width + 2 * (72.0 / 25.4);
    GArray *legend = g_array_new(FALSE, TRUE, sizeof(sk__legend_entry));
    add_entry(legend, text, NULL, 0xa6d854);
    sk__plan *p = legend_page(ctx, &narrow, legend, "Jeugd 18-/18+ en preventie/GGZ");
    const sk__plan_text *t = &find_item(p, SK__ITEM_TEXT, SK__ROLE_LEGEND, 0)->u.text;
    g_assert_cmpstr(t->text, ==, text);
    g_assert_true(t->keep_terms);
    g_assert_cmpfloat(t->size, ==, size);
    g_assert_cmpfloat_with_epsilon(t->width, width, 1e-6);
    /* As the backend lays it out: two lines, the second the whole term. */
    PangoContext *pc = sk__measure_context();
    PangoLayout *l = sk__measure_text(pc, t->family, t->size, t->bold, t->text, t->width, 0);
    sk__keep_terms(l, t->text);
    g_assert_cmpint(pango_layout_get_line_count(l), ==, 2);
    g_assert_cmpint(pango_layout_get_line_readonly(l, 1)->start_index, ==, from);
    g_object_unref(l);
    g_object_unref(pc);
    const sk__plan_item *title = find_item(p, SK__ITEM_TEXT, SK__ROLE_PANEL_TITLE, 0);
    g_assert_nonnull(title);
    g_assert_true(title->u.text.keep_terms);
    g_assert_cmpstr(title->u.text.text, ==, "Jeugd 18-/18+ en preventie/GGZ");
    sk__plan_free(p);
    sk__legend_free(legend);
    sk_map_free(map);
    sk_ctx_free(ctx);
}

/* The swatch of entry i of p: its outline colour and width. */
static const sk__plan_rect *
swatch(const sk__plan *p, long i)
{
    const sk__plan_item *it = find_item(p, SK__ITEM_RECT, SK__ROLE_LEGEND, i);
    g_assert_nonnull(it);
    g_assert_true(it->u.rect.filled);
    return &it->u.rect;
}

/* "geen project" (white) has an outline in the municipal border's colour, at least as wide
** as the border; in a style whose borders are white too, in the muted text colour, while a
** coloured swatch keeps the border colour. */
static void
test_white(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map *map = demo_map(ctx, NULL);
    sk_style s = *map->style;
    GArray *legend = g_array_new(FALSE, TRUE, sizeof(sk__legend_entry));
    add_entry(legend, "ontwikkelproject", "12 gemeenten", 0x1b9e77);
    add_entry(legend, "geen project", "210 gemeenten", 0xffffff);
    add_entry(legend, "bijna wit", NULL, 0xf4f2f0);
    sk__plan *p = legend_page(ctx, &s, legend, NULL);
    for (long i = 0; i < 3; i++) {
        const sk__plan_rect *r = swatch(p, i);
        g_assert_true(r->stroked);
        g_assert_cmphex(r->stroke, ==, 0xa6a6a6);   /* styles/aef.ini's municipal border */
        g_assert_cmpfloat(r->width, >=, s.municipality_border_width);
        g_assert_cmpfloat(r->width, ==, 0.5);
    }
    g_assert_cmphex(swatch(p, 1)->fill, ==, 0xffffff);
    sk__plan_free(p);
    s.municipality_border = 0xffffff;
    p = legend_page(ctx, &s, legend, NULL);
    g_assert_cmphex(swatch(p, 0)->stroke, ==, 0xffffff);
    g_assert_cmphex(swatch(p, 1)->stroke, ==, s.muted_text_color);
    g_assert_cmphex(swatch(p, 2)->stroke, ==, s.muted_text_color);
    g_assert_cmphex(s.muted_text_color, ==, 0x666666);
    sk__plan_free(p);
    sk__legend_free(legend);
    sk_map_free(map);
    sk_ctx_free(ctx);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    demo_load();
    g_test_add_func("/legend/counts", test_counts);
    g_test_add_func("/legend/terms", test_terms);
    g_test_add_func("/legend/white", test_white);
    int rc = g_test_run();
    demo_free();
    return rc;
}
