/* Layout: a map model + style + page size become positioned boxes, with text measured by
** Pango, and from them the page plan (plan.h) that render draws.  All lengths are in points
** (1/72 inch) with the origin at the page's top left.  The layout reports overflow (a legend
** that does not fit) instead of clipping it.  Implemented in src/layout/. */
#ifndef SK_LAYOUT_H
#define SK_LAYOUT_H

#include <pango/pangocairo.h>
#include "samenkaart/samenkaart.h"
#include "map_internal.h"
#include "plan.h"

/* A text run as measured: the Pango layout and what it was made of (for the plan). */
typedef struct sk__text {
    PangoLayout *layout;   /* owned; NULL when there is no text */
    double x, y;
    char *text;            /* owned: the text (markup when markup) */
    int markup, bold;
    double size, width;    /* points; width < 0: one line */
} sk__text;

typedef struct sk__legend_item {
    sk__box swatch;        /* colour swatch, or the line symbol's box */
    int is_line;           /* a line symbol (region border, outline) */
    double line_width;
    sk__color color;
    sk__text text;
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
} sk__layout;

/* What a page shows: texts, one legend, and panel_count maps of one geography at one scale. */
typedef struct sk__page_spec {
    const sk_style *style;
    const sk_geography *geo;
    sk_page_size page;
    const char *title, *caption, *source, *note, *legend_title;
    const GArray *legend;               /* sk__legend_entry */
    size_t panel_count;
    const char *const *panel_titles;    /* NULL: no panel titles */
    const char *region_label;           /* legend text of the region border; NULL: style's */
    int outline;                        /* the regions taking part are outlined */
    const char *text;                   /* a text panel beside the map (markup), or NULL */
    const char *area_label;             /* an outlined area's legend text; NULL: none */
    const double *extent;               /* what the maps show; NULL: the whole geography */
    int inset;                          /* a small map of the whole locates the extent */
} sk__page_spec;

sk_status sk__layout_page(sk_ctx *ctx, const sk__page_spec *spec, sk__layout *out);

/* Lay out map on its page (boxes only: names are placed by sk__plan_map_page).  On failure
** (legend overflow) ctx has the message and *out is untouched.  Free with
** sk__layout_clear. */
sk_status sk__layout_map(sk_ctx *ctx, const sk_map *map, sk__layout *out);
void sk__layout_clear(sk__layout *layout);

/* The page plan of map: its layout, the map's fills, borders and outlines, and, on a zoomed
** map, the municipality names placed where they fit.  On failure ctx has the message and
** *out is NULL.  *out owned by the caller (sk__plan_free). */
sk_status sk__plan_map_page(sk_ctx *ctx, const sk_map *map, sk__plan **out);
/* The plan of a page of spec->panel_count maps (maps[0..n)) at one scale. */
sk_status sk__plan_panels_page(sk_ctx *ctx, const sk__page_spec *spec, sk_map *const *maps,
                               sk__plan **out);

/* A contents entry: the title of the page it names, whether that page opens a section
** (its entry bold, the others indented under it), and its page number (1-based). */
typedef struct sk__contents_entry {
    const char *title;
    int section;
    size_t page;
} sk__contents_entry;

/* The plan of a contents page w x h points: title and subtitle (NULL: none; a document's
** first contents page has them), then entries[0..count) in two columns of rows entries,
** each a link to its page; entries that would run past the bottom margin are left out.
** Owned by the caller (sk__plan_free); it borrows the style's font family. */
sk__plan *sk__plan_contents_page(const sk_style *style, double w, double h, const char *title,
                                 const char *subtitle, const sk__contents_entry *entries,
                                 size_t count, size_t rows);
/* The plan of a section page w x h points: its title, large, on the style's background. */
sk__plan *sk__plan_section_page(const sk_style *style, double w, double h, const char *title);

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

/* Page size in points. */
void sk__page_size(sk_page_size page, double *w, double *h);

#endif
