/* The legend of a map page: entries measured by Pango, laid out in columns (legend.h). */
#include <math.h>
#include "../internal.h"
#include "legend.h"
#include "points.h"

#define MM SK__MM

/* The band of a zoomed area as it looks on the page's colour: its colour at its opacity. */
static sk__color
band_on_page(const sk_style *s)
{
    sk__color c = 0;
    for (int shift = 0; shift < 24; shift += 8) {
        double v = (double)(s->names.outline >> shift & 0xff);
        double page = (double)(s->background >> shift & 0xff);
        c |= (sk__color)lround(page + (v - page) * s->names.outline_opacity) << shift;
    }
    return c;
}

/* Legend entry i's text: a class's, or after the classes the outline of the regions taking
** part (if drawn), the outlined area (if any), the zoomed area's band (if any), then the
** region border; its colour too. */
const char *
sk__legend_entry_text(const sk__page_spec *spec, const sk_style *s, size_t i,
                      sk__legend_item *it)
{
    int is_line = i >= spec->legend->len;
    size_t line = i - spec->legend->len;
    it->symbol = SK__SYMBOL_SWATCH;
    if (!is_line && spec->points != NULL)
        sk__points_legend_symbol(spec->points, s, i, it);
    int is_outline = is_line && spec->outline && line == 0;
    int is_area = is_line && spec->area_label != NULL && line == (spec->outline ? 1u : 0u);
    size_t zoom_line = (spec->outline ? 1u : 0u) + (spec->area_label != NULL ? 1u : 0u);
    if (is_line && spec->zoom_label != NULL && line == zoom_line) {
        it->is_line = 1;
        it->line_width = s->names.outline_width;
        it->color = band_on_page(s);
        return spec->zoom_label;
    }
    if (!is_line && spec->points != NULL)
        return g_array_index(spec->legend, sk__legend_entry, i).text;
    it->is_line = is_line;
    /* On a point map the outlined area is the points' covered area. */
    const sk__points_style *ps = sk__style_points(s);
    int covered = is_area && spec->points != NULL && spec->points->covered != NULL;
    it->line_width = is_outline ? s->outline_width
                     : covered  ? ps->covered_width
                     : is_area  ? s->area_width
                                : s->region_border_width;
    it->color = is_outline ? s->outline_color
                : covered  ? ps->covered_color
                : is_area  ? s->area_color
                : is_line  ? s->region_border
                           : g_array_index(spec->legend, sk__legend_entry, i).color;
    return is_outline ? s->outline_label
           : is_area  ? spec->area_label
           : is_line  ? (spec->region_label != NULL ? spec->region_label
                                                    : s->region_border_label)
                      : g_array_index(spec->legend, sk__legend_entry, i).text;
}

/* Measure legend entry i at font size size in a text column tw wide: its count (if any) on
** one line at the column's right, the text wrapping in what the count leaves, never inside
** a term. */
void
sk__legend_entry_measure(PangoContext *pc, const sk__page_spec *spec, const sk_style *s,
                         size_t i, double size, double tw, sk__legend_item *it)
{
    const char *text = sk__legend_entry_text(spec, s, i, it);
    const char *count = i < spec->legend->len
                            ? g_array_index(spec->legend, sk__legend_entry, i).count
                            : NULL;
    double cw = 0;
    if (count != NULL && count[0] != '\0') {
        sk__text_set(&it->count, pc, s->font_family, size, 0, count, -1, 0);
        int w, h;
        pango_layout_get_size(it->count.layout, &w, &h);
        cw = (double)w / PANGO_SCALE + size * 0.6;   /* the count and a gap before it */
    }
    /* A point map's heading of sizes is bold, as a title over its entries. */
    int bold = spec->points != NULL && i < spec->legend->len &&
               sk__points_legend_symbol(spec->points, s, i, &(sk__legend_item){0});
    sk__text_set(&it->text, pc, s->font_family, size, bold, text, tw - cw, 0);
    sk__text_keep_terms(&it->text);
}

/* The width of the legend's symbol column: a swatch's, or a point map's widest circle. */
static double
symbol_width(const sk__page_spec *spec, const sk_style *s)
{
    return spec->points != NULL ? sk__points_symbol_width(spec->points, s) : s->swatch_width;
}

static double
first_line_height(const sk__legend_item *it)
{
    PangoLayoutIter *iter = pango_layout_get_iter(it->text.layout);
    int y0, y1;
    pango_layout_iter_get_line_yrange(iter, &y0, &y1);
    pango_layout_iter_free(iter);
    return (double)(y1 - y0) / PANGO_SCALE;
}

/* The height of an entry's symbol: a swatch's, or a circle's when that is larger. */
static double
symbol_height(const sk__legend_item *it, double sh)
{
    return it->symbol == SK__SYMBOL_CIRCLE ? fmax(sh, it->diameter) : sh;
}

/* How far an entry's text starts below its top: in a point map's legend so far that its
** first line is centred on the circle (or where one would be); beside a swatch 0. */
static double
text_offset(const sk__legend_item *it, double sh)
{
    if (it->symbol == SK__SYMBOL_SWATCH)
        return 0;
    return fmax(0, (symbol_height(it, sh) - first_line_height(it)) / 2);
}

/* Lay the legend out at the style's legend size in `columns` columns of width w, `col_gap`
** apart, relative to (0, 0): the title across the top, then the entries, split where the
** columns come out most even.  Returns the height. */
double
sk__legend_layout(PangoContext *pc, const sk__page_spec *spec, const sk_style *s, double w,
                  int columns, double col_gap, sk__layout *l)
{
    for (size_t k = 0; k < l->legend_count; k++) {
        sk__text_clear(&l->legend[k].text);
        sk__text_clear(&l->legend[k].count);
    }
    sk__text_clear(&l->legend_title);
    double y0 = 0;
    if (spec->legend_title != NULL) {
        sk__text_set(&l->legend_title, pc, s->font_family, s->legend_title_size, 1,
                     spec->legend_title, w, 0);
        l->legend_title.x = 0;
        l->legend_title.y = 0;
        y0 = sk__text_height(l->legend_title.layout) + s->legend_spacing * 1.5;
    }
    double sw = symbol_width(spec, s), sh = s->swatch_height, gap = 2 * MM;
    double *heights = g_new(double, l->legend_count), total = 0;
    for (size_t i = 0; i < l->legend_count; i++) {
        sk__legend_item *it = &l->legend[i];
        sk__legend_entry_measure(pc, spec, s, i, s->legend_size, w - sw - gap, it);
        double th = sk__text_height(it->text.layout);
        if (it->count.layout != NULL)
            th = fmax(th, sk__text_height(it->count.layout));
        heights[i] = fmax(th + text_offset(it, sh), symbol_height(it, sh)) +
                     s->legend_spacing;
        total += heights[i];
    }
    double target = total / columns, col_h = 0, tallest = 0;
    int col = 0;
    for (size_t i = 0; i < l->legend_count; i++) {
        if (col_h > 0 && col + 1 < columns && col_h + heights[i] / 2 > target) {
            col++;
            col_h = 0;
        }
        sk__legend_item *it = &l->legend[i];
        double x = col * (w + col_gap), y = y0 + col_h;
        /* The first line of text is centred on the swatch. */
        double first_line = first_line_height(it), h = symbol_height(it, sh);
        it->swatch = (sk__box){x, fmax(y, y + (first_line - h) / 2), sw, h};
        it->text.x = x + sw + gap;
        it->text.y = y + text_offset(it, sh);
        if (it->count.layout != NULL) {   /* right-aligned at the column's edge */
            int cw, ch;
            pango_layout_get_size(it->count.layout, &cw, &ch);
            it->count.x = x + w - (double)cw / PANGO_SCALE;
            it->count.y = it->text.y;
        }
        col_h += heights[i];
        tallest = fmax(tallest, col_h);
    }
    g_free(heights);
    return y0 + tallest - s->legend_spacing;
}

void
sk__legend_move(sk__layout *l, double dx, double dy)
{
    l->legend_title.x += dx;
    l->legend_title.y += dy;
    for (size_t i = 0; i < l->legend_count; i++) {
        l->legend[i].swatch.x += dx;
        l->legend[i].swatch.y += dy;
        l->legend[i].text.x += dx;
        l->legend[i].text.y += dy;
        l->legend[i].count.x += dx;
        l->legend[i].count.y += dy;
    }
}

/* The widest the legend's lines are, unwrapped (title, swatch and text, count), at most the
** style's column width: a page of small multiples gives the maps what the legend leaves. */
double
sk__legend_natural_width(PangoContext *pc, const sk__page_spec *spec, const sk_style *s,
                         sk__layout *l)
{
    double widest = 0;
    if (spec->legend_title != NULL) {
        PangoLayout *t = sk__measure_text(pc, s->font_family, s->legend_title_size, 1,
                                          spec->legend_title, -1, 0);
        int w, h;
        pango_layout_get_size(t, &w, &h);
        widest = (double)w / PANGO_SCALE;
        g_object_unref(t);
    }
    double sw = symbol_width(spec, s);
    for (size_t i = 0; i < l->legend_count; i++) {
        sk__legend_item *it = &l->legend[i];
        sk__legend_entry_measure(pc, spec, s, i, s->legend_size, -1, it);   /* one line */
        int w, h, cw = 0;
        pango_layout_get_size(it->text.layout, &w, &h);
        if (it->count.layout != NULL)
            pango_layout_get_size(it->count.layout, &cw, &h);
        double line = sw + 2 * MM + (double)w / PANGO_SCALE +
                      (cw > 0 ? (double)cw / PANGO_SCALE + s->legend_size * 1.2 : 0);
        widest = fmax(widest, line);
    }
    return fmin(ceil(widest) + 1, s->legend_width);
}

