/* Text pages -> page plans (layout.h): a document's contents pages (entries linking to their
** pages, with leaders to their page numbers) and section pages (a title and an optional
** text), measured like every other text run. */
#include <math.h>
#include <string.h>
#include "../internal.h"
#include "textpage.h"

sk__box
sk__textpage_run(sk__plan *p, PangoContext *pc, const sk_style *s, double size, int bold,
                 int markup, const char *text, double x, double y, double width,
                 sk__color color, sk__role role, long id)
{
    PangoLayout *l = sk__measure_text(pc, s->font_family, size, bold, text, width, markup);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    sk__plan_item it = {.kind = SK__ITEM_TEXT, .role = role, .id = id};
    sk__box box = {x, y, (double)w / PANGO_SCALE, (double)h / PANGO_SCALE};
    it.u.text = (sk__plan_text){g_strdup(text), markup, s->font_family, size, bold, width, 0,
                                color, 0, 0, x, y, box, 0};
    sk__plan_add(p, &it);
    return box;
}

double
sk__textpage_height(PangoContext *pc, const sk_style *s, double size, int bold, int markup,
                    const char *text, double width, PangoLayout **layout)
{
    *layout = text != NULL ? sk__measure_text(pc, s->font_family, size, bold, text, width,
                                              markup)
                           : NULL;
    return *layout != NULL ? sk__text_height(*layout) : 0;
}

double
sk__last_baseline(PangoLayout *l)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    while (pango_layout_iter_next_line(it))
        ;
    double b = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
    pango_layout_iter_free(it);
    return b;
}

double
sk__last_line_end(PangoLayout *l)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    while (pango_layout_iter_next_line(it))
        ;
    PangoRectangle r;
    pango_layout_iter_get_line_extents(it, NULL, &r);
    pango_layout_iter_free(it);
    return (double)(r.x + r.width) / PANGO_SCALE;
}

sk_status
sk__textpage_markup(sk_ctx *ctx, const char *what, const char *text)
{
    GError *err = NULL;
    if (text == NULL || pango_parse_markup(text, -1, 0, NULL, NULL, NULL, &err))
        return SK_OK;
    sk_status st = sk__error(ctx, SK_EINPUT, "%s: %s (use Pango markup, e.g. <b>bold</b>, and "
                             "&amp; for &)", what, err->message);
    g_error_free(err);
    return st;
}

/* ---- section pages ---------------------------------------------------------------- */

/* The title starts at 40 % of the height, or higher up when a text follows it. */
static double
section_title_y(double h, const char *text)
{
    return h * (text != NULL ? 0.22 : 0.4);
}

/* Where the section's text starts below a title th high. */
static double
section_text_y(double h, const char *text, double th)
{
    return section_title_y(h, text) + th + 6 * SK__MM;
}

static double
section_text_width(const sk_style *s, double w)
{
    return fmin(w - 2 * s->margin, s->section_text_width);
}

/* A section's text, a run per paragraph (a line of the text): a paragraph that opens with a
** bullet ("• ") hangs its lines under the bullet's text; paragraphs half a line apart.  Added
** to p when p is not NULL; returns the height it takes.  *fitting: about how many characters
** fit in room (for messages), when not NULL. */
static double
section_text(sk__plan *p, PangoContext *pc, const sk_style *s, const char *text, double x,
             double y, double width, double room, long *fitting)
{
    static const char bullet[] = "\u2022 ";
    char **paras = g_strsplit(text, "\n", -1);
    double top = y, gap = s->section_text_size * 0.5;
    PangoLayout *one = sk__measure_text(pc, s->font_family, s->section_text_size, 0, bullet,
                                        -1, 0);
    int bw;
    pango_layout_get_size(one, &bw, NULL);
    double hang = (double)bw / PANGO_SCALE;
    long chars = 0;
    for (size_t i = 0; paras[i] != NULL; i++) {
        const char *para = paras[i];
        int bulleted = g_str_has_prefix(para, bullet);
        const char *body = bulleted ? para + strlen(bullet) : para;
        double bx = x + (bulleted ? hang : 0), bwidth = width - (bulleted ? hang : 0);
        PangoLayout *l;
        double h = sk__textpage_height(pc, s, s->section_text_size, 0, 1, body, bwidth, &l);
        if (fitting != NULL && y + h <= top + room)
            chars += g_utf8_strlen(para, -1);
        else if (fitting != NULL && y < top + room)
            chars += sk__chars_fitting(l, body, top + room - y);
        g_object_unref(l);
        if (p != NULL && bulleted)
            sk__textpage_run(p, pc, s, s->section_text_size, 0, 0, "\u2022", x, y, -1,
                             s->text_color, SK__ROLE_SECTION_TEXT, (long)i);
        if (p != NULL)
            sk__textpage_run(p, pc, s, s->section_text_size, 0, 1, body, bx, y, bwidth,
                             s->text_color, SK__ROLE_SECTION_TEXT, (long)i);
        y += h + (paras[i + 1] != NULL ? gap : 0);
    }
    g_object_unref(one);
    g_strfreev(paras);
    if (fitting != NULL)
        *fitting = chars;
    return y - top;
}

sk__plan *
sk__plan_section_page(const sk_style *s, double w, double h, const char *title,
                      const char *text)
{
    sk__plan *p = sk__plan_new(w, h, s->background, NULL, NULL);
    PangoContext *pc = sk__measure_context();
    sk__box t = sk__textpage_run(p, pc, s, s->title_size * 1.8, 1, 0, title, s->margin,
                                 section_title_y(h, text), w - 2 * s->margin, s->text_color,
                                 SK__ROLE_TITLE, 0);
    if (text != NULL)
        section_text(p, pc, s, text, s->margin, section_text_y(h, text, t.h),
                     section_text_width(s, w), 0, NULL);
    g_object_unref(pc);
    return p;
}

/* The section's text: markup (paragraph by paragraph, as it is drawn), and room for it
** between the title and the page number. */
static sk_status
section_text_check(sk_ctx *ctx, PangoContext *pc, const sk_style *s, double w, double h,
                   double th, const char *text)
{
    char **paras = g_strsplit(text, "\n", -1);
    sk_status st = SK_OK;
    for (size_t i = 0; paras[i] != NULL && st == SK_OK; i++)
        st = sk__textpage_markup(ctx, "text", paras[i]);
    g_strfreev(paras);
    if (st != SK_OK)
        return st;
    double room = sk__page_foot_top(s, h) - 2 * SK__MM - section_text_y(h, text, th);
    long fitting;
    double need = section_text(NULL, pc, s, text, 0, 0, section_text_width(s, w), fmax(room, 0),
                               &fitting);
    if (need > room)
        st = sk__error(ctx, SK_EINPUT, "text: its %ld characters take %.0f mm of the section "
                       "page, %.0f mm is available below the title; shorten the text to about "
                       "%ld characters", (long)g_utf8_strlen(text, -1), need / SK__MM,
                       fmax(room, 0) / SK__MM, fitting);
    return st;
}

sk_status
sk__section_page_check(sk_ctx *ctx, const sk_style *s, double w, double h, const char *title,
                       const char *text)
{
    PangoContext *pc = sk__measure_context();
    PangoLayout *l;
    double th = sk__textpage_height(pc, s, s->title_size * 1.8, 1, 0, title,
                                    w - 2 * s->margin, &l);
    double room = h - s->margin - section_title_y(h, text);
    sk_status st = SK_OK;
    if (l != NULL && th > room)
        st = sk__error(ctx, SK_EINPUT, "title: its %ld characters take %.0f mm of the section "
                       "page, %.0f mm is available; shorten the title to about %ld characters",
                       (long)g_utf8_strlen(title, -1), th / SK__MM, room / SK__MM,
                       sk__chars_fitting(l, title, room));
    if (st == SK_OK && text != NULL)
        st = section_text_check(ctx, pc, s, w, h, th, text);
    if (l != NULL)
        g_object_unref(l);
    g_object_unref(pc);
    return st;
}

/* ---- contents pages --------------------------------------------------------------- */

/* How a column of entries is set: its width, the pitch of one-line entries, the wrap width
** of a title (indent aside) and where the leaders end (the widest number's room). */
typedef struct contents_geometry {
    double col_w, line, title_w, leader_end, pitch;
    char *dots;           /* a run of leader dots long enough for any column (owned) */
} contents_geometry;

static void
contents_geometry_init(contents_geometry *g, PangoContext *pc, const sk_style *s, double w)
{
    g->col_w = (w - 2 * s->margin - 10) / 2;
    g->line = s->legend_size * 1.55;
    g->title_w = g->col_w - 24;
    PangoLayout *l = sk__measure_text(pc, s->font_family, s->legend_size, 0, "000", -1, 0);
    int nw;
    pango_layout_get_size(l, &nw, NULL);
    g_object_unref(l);
    g->leader_end = g->col_w - (double)nw / PANGO_SCALE - 3;
    /* Dots on a grid counted back from leader_end, so that they line up in the column. */
    l = sk__measure_text(pc, s->font_family, s->legend_size, 0, ". . . . . . . . . . ", -1, 0);
    pango_layout_get_size(l, &nw, NULL);
    g_object_unref(l);
    g->pitch = (double)nw / PANGO_SCALE / 10;
    size_t n = (size_t)(g->col_w / g->pitch) + 1;
    g->dots = g_malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(g->dots + 2 * i, ". ", 2);
    g->dots[2 * n] = '\0';
}

/* The title of an entry laid out (caller unrefs) and the height its entry takes. */
static PangoLayout *
entry_layout(PangoContext *pc, const sk_style *s, const contents_geometry *g,
             const sk__contents_entry *e, double *advance)
{
    double indent = e->section ? 0 : 8;
    PangoLayout *l = sk__measure_text(pc, s->font_family, s->legend_size, e->section, e->title,
                                      g->title_w - indent, 0);
    int lines = pango_layout_get_line_count(l);
    PangoLayout *one = sk__measure_text(pc, s->font_family, s->legend_size, 0, "Ag", -1, 0);
    /* A wrapped title takes its lines, and the spacing of one line after it. */
    *advance = sk__text_height(l) - sk__text_height(one) * (lines > 0) + g->line;
    g_object_unref(one);
    return l;
}

/* One entry at (x, y): a link holding its title (bold for a section, else indented), its
** page number flush right on the title's last baseline, and dot leaders between them.
** Returns the height it takes. */
static double
add_entry(sk__plan *p, PangoContext *pc, const sk_style *s, const contents_geometry *g,
          const sk__contents_entry *e, double x, double y)
{
    sk__plan_item link = {.kind = SK__ITEM_LINK, .role = SK__ROLE_CONTENTS_ENTRY,
                          .id = (long)e->page};
    link.u.link = (sk__plan_link){(long)e->page, 3, {0, 0, 0, 0}};
    sk__plan_add(p, &link);
    guint at = p->items->len - 1;
    double indent = e->section ? 0 : 8, advance;
    PangoLayout *tl = entry_layout(pc, s, g, e, &advance);
    double baseline = y + sk__last_baseline(tl);
    double title_end = x + indent + sk__last_line_end(tl);
    g_object_unref(tl);
    sk__box t = sk__textpage_run(p, pc, s, s->legend_size, e->section, 0, e->title, x + indent,
                                 y, g->title_w - indent, s->text_color,
                                 SK__ROLE_CONTENTS_ENTRY, (long)e->page);
    char *num = g_strdup_printf("%zu", e->page);
    PangoLayout *nl = sk__measure_text(pc, s->font_family, s->legend_size, 0, num, -1, 0);
    int nw;
    pango_layout_get_size(nl, &nw, NULL);
    double ny = baseline - (double)pango_layout_get_baseline(nl) / PANGO_SCALE;
    g_object_unref(nl);
    sk__box n = sk__textpage_run(p, pc, s, s->legend_size, 0, 0, num,
                                 x + g->col_w - (double)nw / PANGO_SCALE, ny, -1,
                                 s->muted_text_color, SK__ROLE_CONTENTS_PAGE, (long)e->page);
    g_free(num);
    /* The dots on the grid that fit between the title's end and the numbers' room. */
    long dots = (long)floor((x + g->leader_end - (title_end + 3)) / g->pitch);
    dots = MAX(dots, 0);
    char *leader = g_strndup(g->dots, (gsize)(2 * dots));
    sk__textpage_run(p, pc, s, s->legend_size, 0, 0, leader,
                     x + g->leader_end - (double)dots * g->pitch, ny, -1, s->leader_color,
                     SK__ROLE_CONTENTS_LEADER, (long)e->page);
    g_free(leader);
    double x1 = MAX(t.x + t.w, n.x + n.w), y1 = MAX(t.y + t.h, n.y + n.h);
    sk__box *box = &g_array_index(p->items, sk__plan_item, at).u.link.box;
    *box = (sk__box){MIN(t.x, n.x), MIN(t.y, n.y), 0, 0};
    box->w = x1 - box->x;
    box->h = y1 - box->y;
    return advance;
}

/* Where the entries start: below the heading, if any. */
static double
entries_top(sk__plan *p, PangoContext *pc, const sk_style *s, double w, const char *title,
            const char *subtitle)
{
    double m = s->margin, y = m;
    if (title == NULL)
        return y;
    PangoLayout *l;
    if (p != NULL)
        y += sk__textpage_run(p, pc, s, s->title_size * 1.4, 1, 0, title, m, y, w - 2 * m,
                              s->text_color, SK__ROLE_TITLE, 0).h;
    else
        y += sk__textpage_height(pc, s, s->title_size * 1.4, 1, 0, title, w - 2 * m, &l);
    if (p == NULL)
        g_object_unref(l);
    if (subtitle != NULL && p != NULL) {
        y += 2 + sk__textpage_run(p, pc, s, s->caption_size * 1.2, 0, 0, subtitle, m, y + 2,
                                  w - 2 * m, s->text_color, SK__ROLE_SUBTITLE, 0).h;
    } else if (subtitle != NULL) {
        y += 2 + sk__textpage_height(pc, s, s->caption_size * 1.2, 0, 0, subtitle, w - 2 * m,
                                     &l);
        g_object_unref(l);
    }
    return y + 6 * SK__MM;
}

sk__plan *
sk__plan_contents_page(const sk_style *s, double w, double h, const char *title,
                       const char *subtitle, const sk__contents_entry *entries, size_t count,
                       size_t rows)
{
    sk__plan *p = sk__plan_new(w, h, s->background, NULL, NULL);
    PangoContext *pc = sk__measure_context();
    contents_geometry g;
    contents_geometry_init(&g, pc, s, w);
    double top = entries_top(p, pc, s, w, title, subtitle), y = top;
    /* Two columns of rows entries, each entry below the last (a wrapped title pushes the
    ** next one down); an entry that would run past the bottom margin is left out
    ** (sk__contents_entries_check refuses such a page). */
    for (size_t e = 0; e < count && rows > 0; e++) {
        double x = s->margin + (double)(e / rows) * (g.col_w + 10);
        if (e % rows == 0)
            y = top;
        double advance;
        g_object_unref(entry_layout(pc, s, &g, &entries[e], &advance));
        if (y + advance > h - s->margin) {
            y += advance;
            continue;
        }
        y += add_entry(p, pc, s, &g, &entries[e], x, y);
    }
    g_free(g.dots);
    g_object_unref(pc);
    return p;
}

sk_status
sk__contents_entries_check(sk_ctx *ctx, const sk_style *s, double w, double h,
                           const char *title, const char *subtitle,
                           const sk__contents_entry *entries, size_t count, size_t rows)
{
    PangoContext *pc = sk__measure_context();
    contents_geometry g;
    contents_geometry_init(&g, pc, s, w);
    double top = entries_top(NULL, pc, s, w, title, subtitle);
    double bottom = sk__page_foot_top(s, h) - 2 * SK__MM;
    sk_status st = SK_OK;
    double y = top;
    for (size_t e = 0; e < count && rows > 0 && st == SK_OK; e++) {
        if (e % rows == 0)
            y = top;
        double advance;
        g_object_unref(entry_layout(pc, s, &g, &entries[e], &advance));
        y += advance;
        if (y > bottom + 1e-6) {
            /* The title as far as a message can show it. */
            long len = g_utf8_strlen(entries[e].title, -1);
            char *shown = g_utf8_substring(entries[e].title, 0, MIN(len, 40));
            st = sk__error(ctx, SK_EINPUT, "contents: the entries down to '%s%s' (page %zu) "
                           "take %.0f mm of a column, %.0f mm is available above the page "
                           "number; shorten the titles that wrap onto a second line", shown,
                           len > 40 ? "…" : "", entries[e].page, (y - top) / SK__MM,
                           fmax(bottom - top, 0) / SK__MM);
            g_free(shown);
        }
    }
    g_free(g.dots);
    g_object_unref(pc);
    return st;
}
