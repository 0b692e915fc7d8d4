/* Layout: a map model + style + page size become positioned boxes, with text measured by
** Pango, and from them the page plan (plan.h) that render draws.  This header is layout's
** Pango side (its own files, panels, and the Cairo backend, which draws text with the same
** set-up); what the rest of the library needs is in layout_internal.h, without Pango.  All lengths are in points
** (1/72 inch) with the origin at the page's top left.  The layout reports overflow (a legend
** that does not fit) instead of clipping it.  Implemented in src/layout/. */
#ifndef SK_LAYOUT_H
#define SK_LAYOUT_H

#include <pango/pangocairo.h>
#include "layout_internal.h"

/* A text run as measured: the Pango layout and what it was made of (for the plan). */
typedef struct sk__text {
    PangoLayout *layout;   /* owned; NULL when there is no text */
    double x, y;
    char *text;            /* owned: the text (markup when markup) */
    int markup, bold;
    double size, width;    /* points; width < 0: one line */
    int keep_terms;        /* no line break inside a term such as "18-/18+" (sk__keep_terms) */
} sk__text;

/* What a legend entry shows beside its text. */
typedef enum sk__symbol {
    SK__SYMBOL_SWATCH,     /* a colour swatch, or a line (is_line) */
    SK__SYMBOL_CIRCLE,     /* a point map's symbol: a circle diameter across, centred in the
                           ** swatch's box, outlined in outline line_width wide */
    SK__SYMBOL_NONE        /* nothing (a level off the map, the heading of sizes) */
} sk__symbol;

typedef struct sk__legend_item {
    sk__box swatch;        /* colour swatch, or the line symbol's box */
    int is_line;           /* a line symbol (region border, outline) */
    double line_width;
    sk__color color;
    sk__symbol symbol;
    double diameter;       /* SK__SYMBOL_CIRCLE: its diameter, points */
    sk__color outline;     /* SK__SYMBOL_CIRCLE: its outline's colour */
    sk__text text;
    sk__text count;        /* the class's size with unit, right-aligned on the first line;
                           ** layout NULL: none */
} sk__legend_item;

/* One map on a page: where its extent's top-left corner goes and its title (several maps on
** one page: small multiples). */
typedef struct sk__panel {
    sk__box frame;
    double origin_x, origin_y;
    sk__text title;
} sk__panel;

typedef struct sk__layout {
    double page_w, page_h;
    sk__text title, caption, source, legend_title;
    sk__box map_frame;
    /* Map CRS -> page: px = origin_x + (x - extent_minx) * scale, py = origin_y -
    ** (y - extent_maxy) * scale. */
    double scale, origin_x, origin_y, extent_minx, extent_maxy;
    sk__legend_item *legend;
    size_t legend_count;
    sk__box scale_bar;     /* the bar itself */
    int scale_segments;
    double scale_length_m;
    sk__text scale_labels[4];   /* 0, half, full, "km" */
    sk__box note_box;           /* the "Let op!" box (w = 0: none) */
    sk__panel *panels;          /* every map on the page; origin_x/y above are panel 0's */
    size_t panel_count;
    sk__text note_title, note;
    sk__text text_panel;        /* text beside the map (w = 0: none) */
    sk__box inset;              /* the locator map (w = 0: none) */
    double extent[4];           /* what the map frame shows (map CRS) */
    sk__box scale_plate;        /* under the scale bar on a zoomed map (w = 0: none) */
    double line_scale;          /* line widths of the maps: 1, less on small multiples */
} sk__layout;

sk_status sk__layout_page(sk_ctx *ctx, const sk__page_spec *spec, sk__layout *out);

/* Lay out map on its page (boxes only: names are placed by sk__plan_map_page).  On failure
** (legend overflow) ctx has the message and *out is untouched.  Free with
** sk__layout_clear. */
sk_status sk__layout_map(sk_ctx *ctx, const sk_map *map, sk__layout *out);
void sk__layout_clear(sk__layout *layout);

/* Text in the style's font family: size in points, width in points (< 0: one line).  The
** same hinting-free measurement as map pages.  Caller unrefs. */
PangoLayout *sk__text_layout(const sk_style *style, double size, int bold, const char *text,
                             double width);

/* A Pango context that measures the same at every resolution (unhinted, 72 dpi): layout
** measures text runs with it and the Cairo backend draws them with it.  Caller unrefs. */
PangoContext *sk__measure_context(void);
/* A layout of a text run (plan.h) in family; markup: text is Pango markup (already
** checked).  Caller unrefs. */
PangoLayout *sk__measure_text(PangoContext *pc, const char *family, double size, int bold,
                              const char *text, double width, int markup);
/* No line break in l (laid out from the plain text) inside a term: a run without white
** space holding '-' or '/' ("18-/18+", "Zorg/Welzijn") breaks only at its spaces, and the
** text keeps its plain characters. */
void sk__keep_terms(PangoLayout *l, const char *text);

#endif
