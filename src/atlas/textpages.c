/* Drawing the atlas's text pages (contents and sections) with Cairo and Pango. */
#include "textpages.h"
#include <pango/pangocairo.h>
#include "../layout.h"

static void
set_color(cairo_t *cr, sk__color c)
{
    cairo_set_source_rgb(cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
                         (c & 0xff) / 255.0);
}

static double
show_text(cairo_t *cr, const sk_style *s, double size, int bold, const char *text, double x,
          double y, double width, sk__color color)
{
    PangoLayout *l = sk__text_layout(s, size, bold, text, width);
    set_color(cr, color);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

void
sk__atlas_draw_section(cairo_t *cr, const sk_style *s, const page *pg, double w, double h)
{
    set_color(cr, s->background);
    cairo_paint(cr);
    show_text(cr, s, s->title_size * 1.8, 1, pg->title, s->margin, h * 0.4,
              w - 2 * s->margin, s->text_color);
}

/* One contents entry at (x, y) in a column col_w wide: title (bold for a section) and page
** number. */
static void
draw_entry(cairo_t *cr, const sk_style *s, const page *pg, size_t i, double x, double y,
           double col_w, int links)
{
    char *num = g_strdup_printf("%zu", i + 1);
    char *attr = g_strdup_printf("page=%zu", i + 1);
    if (links)
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
    int section = pg->kind == PAGE_SECTION;
    double indent = section ? 0 : 8;
    show_text(cr, s, s->legend_size, section, pg->title, x + indent, y, col_w - indent - 24,
              s->text_color);
    PangoLayout *nl = sk__text_layout(s, s->legend_size, 0, num, -1);
    int nw, nh;
    pango_layout_get_size(nl, &nw, &nh);
    set_color(cr, s->muted_text_color);
    cairo_move_to(cr, x + col_w - (double)nw / PANGO_SCALE, y);
    pango_cairo_show_layout(cr, nl);
    g_object_unref(nl);
    if (links)
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    g_free(attr);
    g_free(num);
}

void
sk__atlas_draw_contents(cairo_t *cr, const sk_style *s, const sk_atlas *a, size_t k, double w,
                        double h, int links)
{
    set_color(cr, s->background);
    cairo_paint(cr);
    double m = s->margin, y = m;
    if (k == 0) {
        y += show_text(cr, s, s->title_size * 1.4, 1, a->title, m, y, w - 2 * m,
                       s->text_color);
        if (a->subtitle != NULL)
            y += 2 + show_text(cr, s, s->caption_size * 1.2, 0, a->subtitle, m, y + 2,
                               w - 2 * m, s->text_color);
        y += 6 * 72 / 25.4;
    }
    double col_w = (w - 2 * m - 10) / 2, line = s->legend_size * 1.55;
    size_t rows = SK__ATLAS_CONTENTS_ROWS, per_page = SK__ATLAS_CONTENTS_PER_PAGE;
    size_t first = k * per_page, entries = a->pages->len - a->contents_pages;
    double top = y;
    for (size_t e = first; e < entries && e < first + per_page; e++) {
        size_t i = e + a->contents_pages;
        size_t col = (e - first) / rows;
        double x = m + col * (col_w + 10), ly = top + ((e - first) % rows) * line;
        if (ly + line > h - m)
            continue;
        draw_entry(cr, s, SK__ATLAS_PAGE(a, i), i, x, ly, col_w, links);
    }
}
