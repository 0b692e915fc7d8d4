/* Text measurement for layout (measure.h) and page sizes. */
#include <math.h>
#include <string.h>
#include "../internal.h"
#include "measure.h"

void
sk__page_size(sk_page_size page, double *w, double *h)
{
    if (page == SK_PAGE_SLIDE_16_9) {
        *w = 960;     /* 13.333 x 7.5 inch, the PowerPoint widescreen slide */
        *h = 540;
    } else {
        *w = 297 * SK__MM;
        *h = 210 * SK__MM;
    }
}

sk_status
sk_page_size_parse(sk_ctx *ctx, const char *text, sk_page_size *size)
{
    /* One list for styles, atlas files and the command line: the short names users type and
    ** the long ones styles have always spelled out. */
    static const struct { const char *name; sk_page_size size; } names[] = {
        {"a4", SK_PAGE_A4_LANDSCAPE}, {"a4-landscape", SK_PAGE_A4_LANDSCAPE},
        {"slide", SK_PAGE_SLIDE_16_9}, {"slide-16x9", SK_PAGE_SLIDE_16_9}};
    for (size_t i = 0; text != NULL && i < G_N_ELEMENTS(names); i++)
        if (strcmp(text, names[i].name) == 0) {
            *size = names[i].size;
            return SK_OK;
        }
    return sk__error(ctx, SK_EUSAGE, "page size '%s' unknown: expected %s",
                     text != NULL ? text : "", SK_PAGE_SIZE_NAMES);
}

/* No hinting, no rounding, so PNG, PDF and SVG share one layout and PNGs are byte-identical
** run after run. */
PangoContext *
sk__measure_context(void)
{
    PangoFontMap *fm = pango_cairo_font_map_get_default();   /* per thread */
    PangoContext *pc = pango_font_map_create_context(fm);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(pc, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(pc, 72);
    pango_context_set_round_glyph_positions(pc, FALSE);
    return pc;
}

PangoLayout *
sk__measure_text(PangoContext *pc, const char *family, double size, int bold, const char *text,
                 double width, int markup)
{
    PangoLayout *l = pango_layout_new(pc);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, family);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, width < 0 ? -1 : (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    /* Markup goes in after the plain (empty) text, as the layout has always done it. */
    pango_layout_set_text(l, markup ? "" : text, -1);
    if (markup)
        pango_layout_set_markup(l, text, -1);
    return l;
}

void
sk__text_set(sk__text *t, PangoContext *pc, const char *family, double size, int bold,
             const char *text, double width, int markup)
{
    sk__text_clear(t);
    t->layout = sk__measure_text(pc, family, size, bold, text, width, markup);
    t->text = g_strdup(text);
    t->markup = markup;
    t->bold = bold;
    t->size = size;
    t->width = width;
    t->keep_terms = 0;
}

void
sk__text_keep_terms(sk__text *t)
{
    t->keep_terms = 1;
    sk__keep_terms(t->layout, t->text);
}

void
sk__keep_terms(PangoLayout *l, const char *text)
{
    PangoAttrList *attrs = pango_attr_list_new();
    int any = 0;
    const char *p = text;
    while (*p != '\0') {
        if (g_unichar_isspace(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            continue;
        }
        const char *end = p;
        int term = 0;
        for (; *end != '\0' && !g_unichar_isspace(g_utf8_get_char(end));
             end = g_utf8_next_char(end))
            term |= *end == '-' || *end == '/';
        if (term) {
            PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
            a->start_index = (guint)(p - text);
            a->end_index = (guint)(end - text);
            pango_attr_list_insert(attrs, a);
            any = 1;
        }
        p = end;
    }
    if (any)   /* a text without terms is laid out exactly as before */
        pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
}

void
sk__text_clear(sk__text *t)
{
    if (t->layout != NULL)
        g_object_unref(t->layout);
    t->layout = NULL;
    g_free(t->text);
    t->text = NULL;
}

double
sk__text_height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

PangoLayout *
sk__text_layout(const sk_style *style, double size, int bold, const char *text, double width)
{
    PangoContext *pc = sk__measure_context();
    PangoLayout *l = sk__measure_text(pc, style->font_family, size, bold, text, width, 0);
    g_object_unref(pc);
    return l;
}

long
sk__chars_fitting(PangoLayout *layout, const char *text, double room)
{
    int lines = MAX(pango_layout_get_line_count(layout), 1);
    double line_h = sk__text_height(layout) / lines;
    long per_line = MAX(g_utf8_strlen(text, -1) / lines, 1);
    return per_line * (room > line_h ? (long)floor(room / line_h) : 1);
}
