/* What the library needs from layout (src/layout/) without Pango: the description of a page
** of maps, the page plans (plan.h) of map pages, pages of several maps and text pages, and
** page sizes.  All lengths in points, origin at the page's top left.  Layout's boxes and
** text measurement are in layout.h. */
#ifndef SK_LAYOUT_INTERNAL_H
#define SK_LAYOUT_INTERNAL_H

#include "samenkaart/samenkaart.h"
#include "map_internal.h"
#include "plan.h"

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
    const char *zoom_label;             /* the zoomed area's band's legend text; NULL: none */
    const sk__point_layer *points;      /* a point map's: its classes and sizes are the
                                        ** legend (legend and legend_title unused unless it
                                        ** has no title); NULL: an area map */
} sk__page_spec;

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
/* The plan of a section page w x h points: its title, large, on the style's background, and
** text (Pango markup; NULL: none) under it. */
sk__plan *sk__plan_section_page(const sk_style *style, double w, double h, const char *title,
                                const char *text);
/* Whether a section page's title fits below where it starts, and its text (NULL: none) is
** markup that fits under it: SK_EINPUT naming the text, the room and about how many
** characters fit otherwise (no title or text is silently cut off). */
sk_status sk__section_page_check(sk_ctx *ctx, const sk_style *style, double w, double h,
                                 const char *title, const char *text);
/* Whether the entries of a contents page (as for sk__plan_contents_page) end above the page
** number at its foot: a title that wraps pushes the entries under it down.  SK_EINPUT
** naming the entry that runs past and the room otherwise. */
sk_status sk__contents_entries_check(sk_ctx *ctx, const sk_style *style, double w, double h,
                                     const char *title, const char *subtitle,
                                     const sk__contents_entry *entries, size_t count,
                                     size_t rows);

/* The texts of a document's cover (NULL: none; title required). */
typedef struct sk__cover {
    const char *title, *subtitle, *status, *organisation, *date, *version;
} sk__cover;
/* The plan of a cover page w x h points: the status mark framed at the top, title and
** subtitle from 30 % of the height, organisation, date and version at the foot. */
sk__plan *sk__plan_cover_page(const sk_style *style, double w, double h, const sk__cover *c);
/* Whether title and subtitle fit above the cover's foot: SK_EINPUT naming the longer, its
** room and about how many characters fit otherwise. */
sk_status sk__cover_page_check(sk_ctx *ctx, const sk_style *style, double w, double h,
                               const sk__cover *c);
/* Add the page number at the foot of plan: flush with the right margin, on the baseline of
** the source line's last line (a map page) or where a one-line source line would have it.
** SK_EINPUT when the source line runs into it. */
sk_status sk__plan_add_page_number(sk_ctx *ctx, sk__plan *plan, const sk_style *style,
                                   size_t number);
/* The top of the page number on a page h points high: text pages end above it. */
double sk__page_foot_top(const sk_style *style, double h);

/* Page size in points. */
void sk__page_size(sk_page_size page, double *w, double *h);

#endif
