/* Text pages -> page plans (layout.h): a document's contents pages (entries linking to their
** pages) and section pages, measured like every other text run. */
#include <math.h>
#include "../internal.h"
#include "measure.h"

/* A text run of one style's family at (x, y), wrapped at width (< 0: one line); returns the
** run as added (its box measured). */
static sk__box
add_run(sk__plan *p, PangoContext *pc, const sk_style *s, double size, int bold,
        const char *text, double x, double y, double width, sk__color color, sk__role role,
        long id)
{
    PangoLayout *l = sk__measure_text(pc, s->font_family, size, bold, text, width, 0);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    sk__plan_item it = {.kind = SK__ITEM_TEXT, .role = role, .id = id};
    sk__box box = {x, y, (double)w / PANGO_SCALE, (double)h / PANGO_SCALE};
    it.u.text = (sk__plan_text){g_strdup(text), 0, s->font_family, size, bold, width, 0, color,
                                0, 0, x, y, box, 0};
    sk__plan_add(p, &it);
    return box;
}

sk__plan *
sk__plan_section_page(const sk_style *s, double w, double h, const char *title)
{
    sk__plan *p = sk__plan_new(w, h, s->background, NULL, NULL);
    PangoContext *pc = sk__measure_context();
    add_run(p, pc, s, s->title_size * 1.8, 1, title, s->margin, h * 0.4, w - 2 * s->margin,
            s->text_color, SK__ROLE_TITLE, 0);
    g_object_unref(pc);
    return p;
}

/* One entry at (x, y) in a column col_w wide: a link holding its title (bold for a section,
** else indented) and its page number, flush right. */
static void
add_entry(sk__plan *p, PangoContext *pc, const sk_style *s, const sk__contents_entry *e,
          double x, double y, double col_w)
{
    sk__plan_item link = {.kind = SK__ITEM_LINK, .role = SK__ROLE_CONTENTS_ENTRY,
                          .id = (long)e->page};
    link.u.link = (sk__plan_link){(long)e->page, 2, {0, 0, 0, 0}};
    sk__plan_add(p, &link);
    guint at = p->items->len - 1;
    double indent = e->section ? 0 : 8;
    sk__box t = add_run(p, pc, s, s->legend_size, e->section, e->title, x + indent, y,
                        col_w - indent - 24, s->text_color, SK__ROLE_CONTENTS_ENTRY,
                        (long)e->page);
    char *num = g_strdup_printf("%zu", e->page);
    PangoLayout *nl = sk__measure_text(pc, s->font_family, s->legend_size, 0, num, -1, 0);
    int nw, nh;
    pango_layout_get_size(nl, &nw, &nh);
    g_object_unref(nl);
    sk__box n = add_run(p, pc, s, s->legend_size, 0, num, x + col_w - (double)nw / PANGO_SCALE,
                        y, -1, s->muted_text_color, SK__ROLE_CONTENTS_PAGE, (long)e->page);
    g_free(num);
    double x1 = MAX(t.x + t.w, n.x + n.w), y1 = MAX(t.y + t.h, n.y + n.h);
    sk__box *box = &g_array_index(p->items, sk__plan_item, at).u.link.box;
    *box = (sk__box){MIN(t.x, n.x), MIN(t.y, n.y), 0, 0};
    box->w = x1 - box->x;
    box->h = y1 - box->y;
}

sk__plan *
sk__plan_contents_page(const sk_style *s, double w, double h, const char *title,
                       const char *subtitle, const sk__contents_entry *entries, size_t count,
                       size_t rows)
{
    sk__plan *p = sk__plan_new(w, h, s->background, NULL, NULL);
    PangoContext *pc = sk__measure_context();
    double m = s->margin, y = m;
    if (title != NULL) {
        y += add_run(p, pc, s, s->title_size * 1.4, 1, title, m, y, w - 2 * m, s->text_color,
                     SK__ROLE_TITLE, 0).h;
        if (subtitle != NULL)
            y += 2 + add_run(p, pc, s, s->caption_size * 1.2, 0, subtitle, m, y + 2, w - 2 * m,
                             s->text_color, SK__ROLE_SUBTITLE, 0).h;
        y += 6 * 72 / 25.4;
    }
    /* Two columns of rows entries; an entry that would run past the bottom margin is left
    ** out. */
    double col_w = (w - 2 * m - 10) / 2, line = s->legend_size * 1.55;
    for (size_t e = 0; e < count && rows > 0; e++) {
        double x = m + (double)(e / rows) * (col_w + 10), ly = y + (double)(e % rows) * line;
        if (ly + line > h - m)
            continue;
        add_entry(p, pc, s, &entries[e], x, ly, col_w);
    }
    g_object_unref(pc);
    return p;
}

/* The height of text at size in a column width wide (0 for NULL). */
static double
measured_height(PangoContext *pc, const sk_style *s, double size, int bold, const char *text,
                double width, PangoLayout **layout)
{
    *layout = text != NULL ? sk__measure_text(pc, s->font_family, size, bold, text, width, 0)
                           : NULL;
    return *layout != NULL ? sk__text_height(*layout) : 0;
}

sk_status
sk__contents_page_check(sk_ctx *ctx, const sk_style *s, double w, double h, const char *title,
                        const char *subtitle, size_t rows)
{
    PangoContext *pc = sk__measure_context();
    PangoLayout *tl, *sl;
    double m = s->margin, th = measured_height(pc, s, s->title_size * 1.4, 1, title, w - 2 * m,
                                               &tl);
    double sh = measured_height(pc, s, s->caption_size * 1.2, 0, subtitle, w - 2 * m, &sl);
    double room = h - 2 * m - th - (sl != NULL ? sh + 2 : 0) - 6 * SK__MM;
    double need = (double)rows * s->legend_size * 1.55;
    sk_status st = SK_OK;
    if (room < need && tl != NULL) {
        /* The taller of the two is the one to shorten. */
        int sub = sl != NULL && sh > th;
        const char *what = sub ? "subtitle" : "title", *text = sub ? subtitle : title;
        PangoLayout *l = sub ? sl : tl;
        st = sk__error(ctx, SK_EINPUT, "%s: its %ld characters take %.0f mm of the contents "
                       "page, which leaves %.0f mm for its %zu rows of entries (%.0f mm "
                       "needed); shorten the %s to about %ld characters", what,
                       (long)g_utf8_strlen(text, -1), sk__text_height(l) / SK__MM,
                       fmax(room, 0) / SK__MM, rows, need / SK__MM, what,
                       sk__chars_fitting(l, text, sk__text_height(l) - (need - room)));
    }
    if (tl != NULL)
        g_object_unref(tl);
    if (sl != NULL)
        g_object_unref(sl);
    g_object_unref(pc);
    return st;
}

sk_status
sk__section_page_check(sk_ctx *ctx, const sk_style *s, double w, double h, const char *title)
{
    PangoContext *pc = sk__measure_context();
    PangoLayout *l;
    /* The title starts at 40 % of the height (sk__plan_section_page). */
    double th = measured_height(pc, s, s->title_size * 1.8, 1, title, w - 2 * s->margin, &l);
    double room = h * 0.6 - s->margin;
    sk_status st = SK_OK;
    if (l != NULL && th > room)
        st = sk__error(ctx, SK_EINPUT, "title: its %ld characters take %.0f mm of the section "
                       "page, %.0f mm is available; shorten the title to about %ld characters",
                       (long)g_utf8_strlen(title, -1), th / SK__MM, room / SK__MM,
                       sk__chars_fitting(l, title, room));
    if (l != NULL)
        g_object_unref(l);
    g_object_unref(pc);
    return st;
}
