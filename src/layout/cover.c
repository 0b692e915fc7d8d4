/* The cover of a document (page 1: title, subtitle, a status mark such as "Werkdocument",
** organisation, date and version) and the page number at the foot of every other page. */
#include <math.h>
#include "../internal.h"
#include "textpage.h"

/* The cover's title starts at 30 % of the page's height. */
#define COVER_TITLE_AT 0.3

/* The lines at the cover's foot (organisation, date, version; NULL ones left out). */
static size_t
cover_lines(const sk__cover *c, const char *lines[3])
{
    size_t n = 0;
    const char *all[] = {c->organisation, c->date, c->version};
    for (size_t i = 0; i < 3; i++)
        if (all[i] != NULL)
            lines[n++] = all[i];
    return n;
}

/* The top of the foot block: its lines end at the bottom margin. */
static double
cover_foot_top(PangoContext *pc, const sk_style *s, double w, double h, const sk__cover *c)
{
    const char *lines[3];
    size_t n = cover_lines(c, lines);
    double y = h - s->margin;
    for (size_t i = 0; i < n; i++) {
        PangoLayout *l;
        y -= sk__textpage_height(pc, s, s->cover_text_size, i == 0, 0, lines[i],
                                 w - 2 * s->margin, &l) + 1;
        g_object_unref(l);
    }
    return y;
}

sk__plan *
sk__plan_cover_page(const sk_style *s, double w, double h, const sk__cover *c)
{
    sk__plan *p = sk__plan_new(w, h, s->background, NULL, NULL);
    PangoContext *pc = sk__measure_context();
    double m = s->margin, inner = w - 2 * m;
    if (c->status != NULL) {
        /* The mark in a frame at the top, as a stamp: the reader sees at once that this
        ** is not a final report. */
        double pad = 1.5 * SK__MM;
        PangoLayout *l;
        double th = sk__textpage_height(pc, s, s->status_size, 1, 0, c->status, inner - 2 * pad,
                                        &l);
        int tw;
        pango_layout_get_size(l, &tw, NULL);
        g_object_unref(l);
        sk__plan_item frame = {.kind = SK__ITEM_RECT, .role = SK__ROLE_STATUS, .id = 1};
        frame.u.rect = (sk__plan_rect){{m, m, (double)tw / PANGO_SCALE + 2 * pad, th + 2 * pad},
                                       0, 1, s->background, s->status_color, 1.2};
        sk__plan_add(p, &frame);
        sk__textpage_run(p, pc, s, s->status_size, 1, 0, c->status, m + pad, m + pad,
                         inner - 2 * pad, s->status_color, SK__ROLE_STATUS, 0);
    }
    double y = h * COVER_TITLE_AT;
    y += sk__textpage_run(p, pc, s, s->cover_title_size, 1, 0, c->title, m, y, inner,
                          s->text_color, SK__ROLE_TITLE, 0).h;
    if (c->subtitle != NULL)
        sk__textpage_run(p, pc, s, s->cover_subtitle_size, 0, 0, c->subtitle, m, y + 4 * SK__MM,
                         inner, s->text_color, SK__ROLE_SUBTITLE, 0);
    const char *lines[3];
    size_t n = cover_lines(c, lines);
    y = cover_foot_top(pc, s, w, h, c);
    if (n > 0) {
        sk__plan_item rule = {.kind = SK__ITEM_LINE, .role = SK__ROLE_COVER_TEXT, .id = 3};
        rule.u.line = (sk__plan_line){m, y - 3 * SK__MM, w - m, y - 3 * SK__MM,
                                      s->muted_text_color, 0.6};
        sk__plan_add(p, &rule);
    }
    for (size_t i = 0; i < n; i++)
        y += 1 + sk__textpage_run(p, pc, s, s->cover_text_size, i == 0, 0, lines[i], m, y,
                                  inner, i == 0 ? s->text_color : s->muted_text_color,
                                  SK__ROLE_COVER_TEXT, (long)i).h;
    g_object_unref(pc);
    return p;
}

/* The status mark's frame must end above the title (its padding and a gap as between
** title and subtitle). */
static sk_status
check_status(sk_ctx *ctx, PangoContext *pc, const sk_style *s, double w, double h,
             const sk__cover *c)
{
    if (c->status == NULL)
        return SK_OK;
    double pad = 1.5 * SK__MM;
    PangoLayout *l;
    double th = sk__textpage_height(pc, s, s->status_size, 1, 0, c->status,
                                    w - 2 * s->margin - 2 * pad, &l);
    double room = h * COVER_TITLE_AT - 4 * SK__MM - s->margin - 2 * pad;
    sk_status st = SK_OK;
    if (th > room)
        st = sk__error(ctx, SK_EINPUT, "status: its %ld characters take %.0f mm at the top of "
                       "the cover page, which has %.0f mm above the title; shorten the status "
                       "to about %ld characters", (long)g_utf8_strlen(c->status, -1),
                       th / SK__MM, fmax(room, 0) / SK__MM,
                       sk__chars_fitting(l, c->status, fmax(room, 0)));
    g_object_unref(l);
    return st;
}

/* When the foot block (organisation, date, version) is taller than the title and subtitle,
** it is the one to shorten: its tallest line, named.  need: the title's and subtitle's
** height; room: what is left for them. */
static sk_status
check_foot(sk_ctx *ctx, PangoContext *pc, const sk_style *s, double w, const sk__cover *c,
           double need, double room, double foot)
{
    static const char *const names[] = {"organisation", "date", "version"};
    const char *all[] = {c->organisation, c->date, c->version};
    size_t tallest = 0;
    double best = -1;
    PangoLayout *keep = NULL;
    for (size_t i = 0; i < 3; i++) {
        if (all[i] == NULL)
            continue;
        PangoLayout *l;
        double lh = sk__textpage_height(pc, s, s->cover_text_size, i == 0, 0, all[i],
                                        w - 2 * s->margin, &l);
        if (lh > best) {
            best = lh;
            tallest = i;
            if (keep != NULL)
                g_object_unref(keep);
            keep = l;
        } else {
            g_object_unref(l);
        }
    }
    const char *text = all[tallest];
    double fits = fmax(best - (need - room), 0);
    sk_status st = sk__error(ctx, SK_EINPUT, "%s: its %ld characters take %.0f mm of the "
                             "organisation, date and version block at the foot of the cover "
                             "page (%.0f mm), which leaves %.0f mm for the title and subtitle "
                             "(%.0f mm needed); shorten the %s to about %ld characters",
                             names[tallest], (long)g_utf8_strlen(text, -1), best / SK__MM,
                             foot / SK__MM, fmax(room, 0) / SK__MM, need / SK__MM,
                             names[tallest], sk__chars_fitting(keep, text, fits));
    g_object_unref(keep);
    return st;
}

sk_status
sk__cover_page_check(sk_ctx *ctx, const sk_style *s, double w, double h, const sk__cover *c)
{
    PangoContext *pc = sk__measure_context();
    double inner = w - 2 * s->margin;
    sk_status st = check_status(ctx, pc, s, w, h, c);
    PangoLayout *tl, *sl;
    double th = sk__textpage_height(pc, s, s->cover_title_size, 1, 0, c->title, inner, &tl);
    double sh = sk__textpage_height(pc, s, s->cover_subtitle_size, 0, 0, c->subtitle, inner,
                                    &sl);
    double foot_top = cover_foot_top(pc, s, w, h, c);
    double room = foot_top - 6 * SK__MM - h * COVER_TITLE_AT;
    double need = th + (sl != NULL ? sh + 4 * SK__MM : 0);
    double foot = h - s->margin - foot_top;
    if (st == SK_OK && need > room && foot > need) {
        st = check_foot(ctx, pc, s, w, c, need, room, foot);
    } else if (st == SK_OK && need > room) {
        /* The taller of the two is the one to shorten. */
        int sub = sl != NULL && sh > th;
        const char *what = sub ? "subtitle" : "title", *text = sub ? c->subtitle : c->title;
        PangoLayout *l = sub ? sl : tl;
        double mine = sk__text_height(l);
        st = sk__error(ctx, SK_EINPUT, "%s: its %ld characters take %.0f mm of the cover page, "
                       "which leaves %.0f mm for the title and subtitle above the organisation "
                       "and date (%.0f mm needed); shorten the %s to about %ld characters",
                       what, (long)g_utf8_strlen(text, -1), mine / SK__MM,
                       fmax(room, 0) / SK__MM, need / SK__MM, what,
                       sk__chars_fitting(l, text, fmax(mine - (need - room), 0)));
    }
    g_object_unref(tl);
    if (sl != NULL)
        g_object_unref(sl);
    g_object_unref(pc);
    return st;
}

/* ---- the page number -------------------------------------------------------------- */

/* The foot line's baseline: that of the source line's last line when the page has one (a
** map page), else where a one-line source line would have it, ending at the bottom margin.
** *source: the source line's run, or NULL. */
static double
foot_baseline(PangoContext *pc, const sk__plan *p, const sk_style *s,
              const sk__plan_text **source)
{
    *source = NULL;
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->kind == SK__ITEM_TEXT && it->role == SK__ROLE_SOURCE)
            *source = &it->u.text;
    }
    const sk__plan_text *t = *source;
    PangoLayout *l = t != NULL ? sk__measure_text(pc, t->family, t->size, t->bold, t->text,
                                                  t->width, t->markup)
                               : sk__measure_text(pc, s->font_family, s->source_size, 0, "0",
                                                  -1, 0);
    double top = t != NULL ? t->y : p->page_h - s->margin - sk__text_height(l);
    double b = top + sk__last_baseline(l);
    g_object_unref(l);
    return b;
}

double
sk__page_foot_top(const sk_style *s, double h)
{
    PangoContext *pc = sk__measure_context();
    PangoLayout *src = sk__measure_text(pc, s->font_family, s->source_size, 0, "0", -1, 0);
    PangoLayout *num = sk__measure_text(pc, s->font_family, s->page_number_size, 0, "0", -1, 0);
    double baseline = h - s->margin - sk__text_height(src) + sk__last_baseline(src);
    double top = fmin(h - s->margin - sk__text_height(src),
                      baseline - sk__last_baseline(num));
    g_object_unref(src);
    g_object_unref(num);
    g_object_unref(pc);
    return top;
}

/* The right end of the last line of a source run. */
static double
source_end(PangoContext *pc, const sk__plan_text *t)
{
    PangoLayout *l = sk__measure_text(pc, t->family, t->size, t->bold, t->text, t->width,
                                      t->markup);
    double end = t->x + sk__last_line_end(l);
    g_object_unref(l);
    return end;
}

sk_status
sk__plan_add_page_number(sk_ctx *ctx, sk__plan *p, const sk_style *s, size_t number)
{
    PangoContext *pc = sk__measure_context();
    const sk__plan_text *source;
    double baseline = foot_baseline(pc, p, s, &source);
    char *text = g_strdup_printf("%zu", number);
    PangoLayout *l = sk__measure_text(pc, s->font_family, s->page_number_size, 0, text, -1, 0);
    int w;
    pango_layout_get_size(l, &w, NULL);
    double x = p->page_w - s->margin - (double)w / PANGO_SCALE;
    double y = baseline - sk__last_baseline(l);
    g_object_unref(l);
    sk_status st = SK_OK;
    /* The number must not print over the source line. */
    if (source != NULL && source_end(pc, source) > x - 2 * SK__MM)
        st = sk__error(ctx, SK_EINPUT, "source: its last line runs into the page number at "
                       "the foot of the page; shorten the source");
    if (st == SK_OK)
        sk__textpage_run(p, pc, s, s->page_number_size, 0, 0, text, x, y, -1, s->text_color,
                         SK__ROLE_PAGE_NUMBER, (long)number);
    g_free(text);
    g_object_unref(pc);
    return st;
}
