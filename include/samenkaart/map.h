/*
** Map model: a classification with colours, legend and titles from a style.  A map model
** is immutable once made; most callers make one from a description with sk_map_build
** (spec.h), which classifies and calls sk_map_new.  Laying it out on a page and rendering
** it (PNG plus world file, PDF, SVG) is samenkaart/render.h, included at the end of this
** header.
*/
/* samenkaart.h first, outside the guard: it includes every module header in an order in
** which each finds the types it uses, whichever header the caller includes first. */
#include "samenkaart/samenkaart.h"
#ifndef SAMENKAART_MAP_H
#define SAMENKAART_MAP_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sk_page_size {
    SK_PAGE_A4_LANDSCAPE = 0,
    SK_PAGE_SLIDE_16_9,
    SK_PAGE_FROM_STYLE        /* whatever the style's [page] size says */
} sk_page_size;

/* How sk_map_new dresses a classification.  Strings are copied by sk_map_new. */
typedef struct sk_map_options {
    const char *title;     /* NULL: made from the filter and principle */
    const char *caption;   /* optional text under the title */
    const char *source;    /* NULL: the style's source line with the data's file name */
    const char *source_file; /* a table the map shows, named in the style's source_table
                             ** line; NULL: the project database, in its source line */
    const char *region_label;/* legend text of the region border; NULL: the style's */
    int outline_regions;   /* outline the regions a matching project names as a whole */
    const char *text;      /* a text panel beside the map ("Analyse / Duiding"; markup) */
    int show_counts;       /* -1: as the style says; 0/1: legend entries with "(n=…)" */
    sk_page_size page;
    const char *note;      /* a "Let op!" box on the page (Pango markup: <b>…</b>) */
    /* Highlight maps: the highlight filter, for the legend texts "X: Y" / "X: overig"
    ** (borrowed for the duration of sk_map_new). */
    const sk_filter *highlight;
    /* Maps of changes (diff.h): the earlier database, named in the source line with the
    ** later one (the map's projects); borrowed for the duration of sk_map_new. */
    const sk_projects *before;
    /* An area drawn as an outline over the map, e.g. an insurer's kernwerkgebied: per
    ** municipality of geo, nonzero inside (copied; NULL: none), and its legend text. */
    const unsigned char *area;
    const char *area_label;
    /* Zoom: per municipality of geo, nonzero for those the map frames (copied; NULL: the
    ** whole geography).  A zoomed map names its municipalities where the names fit and shows
    ** where it lies on a small map of the whole (see sk_geography_select). */
    const unsigned char *zoom;
    /* Draw a map whose classes are too alike (docs/maps.md) with a warning instead of
    ** refusing it. */
    int allow_similar_colours;
    /* The legend text of white (municipalities in no class); NULL: the kind's ("geen
    ** project", "niet in de tabel" …). */
    const char *white_label;
    /* A zoomed map's area as its title names it ("Gelderland", "kernwerkgebied Menzis"):
    ** appended to the title with the style's [names] title format, and outlined; NULL: the
    ** title as it is (sk_map_build sets it unless the given title names the area). */
    const char *zoom_label;
    /* Maps of changes: what the earlier and the later database are called (e.g. "2017",
    ** "2018") in the title and the source line; NULL: the title without them, the source
    ** line with the files' names (see sk_map_spec). */
    const char *before_label, *after_label;
    /* A zoomed map's legend entry for its area's band ("Gelderland"); NULL: none. */
    const char *zoom_legend;
} sk_map_options;

/* Set *options to the defaults: every text and array NULL (the style's), show_counts -1,
** page SK_PAGE_FROM_STYLE.  Cannot fail. */
SK_API void sk_map_options_init(sk_map_options *options);

/* Build a map model from a classification made by the caller (sk_map_build makes both from
** a spec).  filter (may be NULL) is what the classification counted, for the title; options
** NULL: the defaults.  geo, projects (NULL for table and regions maps) and style must outlive
** the map; classification is taken over by the map (freed with it, also on failure).  On
** success *out owns a new map (sk_map_free); on failure *out is NULL and ctx has the message:
** SK_EINPUT when the style cannot give every class a distinct colour, SK_EUSAGE when a zoom
** selects no municipality. */
SK_API sk_status sk_map_new(sk_ctx *ctx, const sk_geography *geo, const sk_projects *projects,
                            const sk_style *style, const sk_filter *filter,
                            sk_classification *classification, const sk_map_options *options,
                            sk_map **out);
/* Free a map and the classification it owns.  sk_map_free(NULL) does nothing. */
SK_API void sk_map_free(sk_map *map);

/* The title in use; owned by map. */
SK_API const char *sk_map_title(const sk_map *map);
/* Legend entries: the classes in the style's legend order ([legend-order], else canonical
** order), then white when some municipality is in no class.  Their number, the text of entry
** k (owned by map; NULL when k is out of range) and its colour as 0xRRGGBB (0 out of range). */
SK_API size_t sk_map_legend_count(const sk_map *map);
SK_API const char *sk_map_legend_text(const sk_map *map, size_t k);
SK_API uint32_t sk_map_legend_color(const sk_map *map, size_t k);
/* Fill colour of municipality i of the map's geography (0xRRGGBB), no-data colour
** included; i must be in range. */
SK_API uint32_t sk_map_municipality_color(const sk_map *map, size_t i);
/* The classification the map shows; owned by map. */
SK_API const sk_classification *sk_map_classification(const sk_map *map);
/* Labels placed on the map (the region numbers of an overview): their number, and label i's
** text (owned by map; NULL when i is out of range) with its point in the map CRS in *x, *y. */
SK_API size_t sk_map_label_count(const sk_map *map);
SK_API const char *sk_map_label(const sk_map *map, size_t i, double *x, double *y);

/* Write the data behind the map, one row per municipality:
** gm_code,gm_naam,class,color,projects (atomically, like sk_map_render).  SK_EIO when the
** file cannot be written. */
SK_API sk_status sk_map_write_classes_csv(sk_ctx *ctx, const sk_map *map, const char *path);

#ifdef __cplusplus
}
#endif

#include "samenkaart/render.h"

#endif
