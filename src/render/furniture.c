/* Cairo backend: the plan's items around and over the maps (plan.h). */
#include <math.h>
#include <pango/pangocairo.h>
#include "../layout.h"
#include "render.h"

/* A text run, laid out again exactly as layout measured it; on a halo: the glyphs' outline
** stroked wide under their fill. */
static void
draw_text(cairo_t *cr, PangoContext *pc, const sk__plan_text *t)
{
    PangoLayout *l = sk__measure_text(pc, t->family, t->size, t->bold, t->text, t->width,
                                      t->markup);
    if (t->keep_terms)
        sk__keep_terms(l, t->text);
    if (t->centred)
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    if (t->halo_width > 0) {
        cairo_new_path(cr);
        cairo_move_to(cr, t->x, t->y);
        pango_cairo_layout_path(cr, l);
        sk__set_color(cr, t->halo);
        cairo_set_line_width(cr, t->halo_width);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke_preserve(cr);
        sk__set_color(cr, t->color);
        cairo_fill(cr);
    } else {
        sk__set_color(cr, t->color);
        cairo_move_to(cr, t->x, t->y);
        pango_cairo_show_layout(cr, l);
    }
    g_object_unref(l);
}

static void
draw_rect(cairo_t *cr, const sk__plan_rect *r)
{
    cairo_rectangle(cr, r->box.x, r->box.y, r->box.w, r->box.h);
    if (r->filled) {
        sk__set_color(cr, r->fill);
        if (r->stroked)
            cairo_fill_preserve(cr);
        else
            cairo_fill(cr);
    }
    if (r->stroked) {
        sk__set_color(cr, r->stroke);
        cairo_set_line_width(cr, r->width);
        cairo_stroke(cr);
    }
}

static void
draw_line(cairo_t *cr, const sk__plan_line *l)
{
    cairo_move_to(cr, l->x0, l->y0);
    cairo_line_to(cr, l->x1, l->y1);
    sk__set_color(cr, l->color);
    cairo_set_line_width(cr, l->width);
    cairo_stroke(cr);
}

/* A point's symbol: the outline as a disc of its outer edge, then the fill inside it.  Two
** fills draw the same ring as a fill and a stroke, and filling is much cheaper than Cairo's
** stroker (11,600 symbols on one map). */
static void
draw_circle(cairo_t *cr, const sk__plan_circle *c)
{
    double inner = c->width > 0 ? fmax(c->r - c->width / 2, 0) : c->r;
    if (c->width > 0) {
        cairo_new_path(cr);
        cairo_arc(cr, c->x, c->y, c->r + c->width / 2, 0, 2 * G_PI);
        sk__set_color(cr, c->stroke);
        cairo_fill(cr);
    }
    cairo_new_path(cr);
    cairo_arc(cr, c->x, c->y, inner, 0, 2 * G_PI);
    sk__set_color(cr, c->fill);
    cairo_fill(cr);
}

/* A circle; a point's symbol on a zoomed map cut at the frame of its map, as the map is. */
static void
draw_symbol(cairo_t *cr, const sk__plan *p, const sk__plan_item *it)
{
    const sk__plan_circle *c = &it->u.circle;
    const sk__plan_map *own = it->role == SK__ROLE_POINT && c->map < p->map_count
                                  ? &p->maps[c->map]
                                  : NULL;
    if (own == NULL || !own->clip) {
        draw_circle(cr, c);
        return;
    }
    cairo_save(cr);
    cairo_rectangle(cr, own->frame.x, own->frame.y, own->frame.w, own->frame.h);
    cairo_clip(cr);
    draw_circle(cr, c);
    cairo_restore(cr);
}

/* Item i of p: a link begins a PDF link tag (other surfaces have no links) around the
** items it holds; returns the index of the last of them, or i. */
static guint
begin_link(cairo_t *cr, const sk__plan *p, guint i)
{
    const sk__plan_link *l = &g_array_index(p->items, sk__plan_item, i).u.link;
    if (cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_PDF ||
        l->count == 0)
        return i;
    /* The document's named destination of that page (render/document.c): a link that works
    ** in every viewer, also to a page after this one. */
    char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], w[G_ASCII_DTOSTR_BUF_SIZE],
        h[G_ASCII_DTOSTR_BUF_SIZE];
    /* The whole entry is the link (its leaders too), not only the ink of its letters. */
    char *attr = g_strdup_printf("dest='" SK__DOCUMENT_DEST "' rect=[%s %s %s %s]",
                                 (size_t)l->page, g_ascii_formatd(x, sizeof x, "%.2f", l->box.x),
                                 g_ascii_formatd(y, sizeof y, "%.2f", l->box.y),
                                 g_ascii_formatd(w, sizeof w, "%.2f", l->box.w),
                                 g_ascii_formatd(h, sizeof h, "%.2f", l->box.h));
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
    g_free(attr);
    return i + (guint)MIN(l->count, (size_t)(p->items->len - 1 - i));
}

void
sk__load_fonts(PangoFontMap *fonts, sk__plan *const *plans, size_t count)
{
    PangoFontMap *mine = g_object_ref(pango_cairo_font_map_get_default());
    pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(fonts));
    PangoContext *pc = sk__measure_context();
    for (size_t i = 0; i < count; i++) {
        for (guint k = 0; plans[i] != NULL && k < plans[i]->items->len; k++) {
            const sk__plan_item *it = &g_array_index(plans[i]->items, sk__plan_item, k);
            if (it->kind != SK__ITEM_TEXT)
                continue;
            const sk__plan_text *t = &it->u.text;
            PangoLayout *l = sk__measure_text(pc, t->family, t->size, t->bold, t->text,
                                              t->width, t->markup);
            int w, h;
            pango_layout_get_size(l, &w, &h);   /* lays it out: loads its fonts */
            g_object_unref(l);
        }
    }
    g_object_unref(pc);
    pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(mine));
    g_object_unref(mine);
}

void
sk__draw_furniture(cairo_t *cr, const sk__plan *p)
{
    sk__draw_items(cr, p, 0, p->items->len);
}

/* Fewer symbols than this are drawn faster than two threads start. */
#define SYMBOL_RUN_MIN 256

int
sk__symbol_run(const sk__plan *p, guint *from, guint *to)
{
    *from = *to = 0;
    for (guint i = 0; i < p->items->len;) {
        guint j = i;
        while (j < p->items->len &&
               g_array_index(p->items, sk__plan_item, j).kind == SK__ITEM_CIRCLE &&
               g_array_index(p->items, sk__plan_item, j).role == SK__ROLE_POINT)
            j++;
        if (j - i > *to - *from) {
            *from = i;
            *to = j;
        }
        i = j > i ? j : i + 1;
    }
    return *to - *from >= SYMBOL_RUN_MIN;
}

void
sk__draw_items(cairo_t *cr, const sk__plan *p, guint from, guint to)
{
    PangoContext *pc = sk__measure_context();
    guint link_end = 0;
    int in_link = 0;
    for (guint i = from; i < to; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        switch (it->kind) {
        case SK__ITEM_TEXT:
            draw_text(cr, pc, &it->u.text);
            break;
        case SK__ITEM_RECT:
            draw_rect(cr, &it->u.rect);
            break;
        case SK__ITEM_LINE:
            draw_line(cr, &it->u.line);
            break;
        case SK__ITEM_INSET:
            sk__draw_inset(cr, p->geo, &it->u.inset);
            break;
        case SK__ITEM_CIRCLE:
            draw_symbol(cr, p, it);
            break;
        case SK__ITEM_LINK:
            if (!in_link && (link_end = begin_link(cr, p, i)) > i) {
                in_link = 1;
                continue;
            }
            break;
        }
        if (in_link && i == link_end) {
            cairo_tag_end(cr, CAIRO_TAG_LINK);
            in_link = 0;
        }
    }
    if (in_link)
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    g_object_unref(pc);
}
