/* The page plan: what one page shows, as a backend-neutral display list.  Layout makes it
** (layout_internal.h: sk__plan_map_page, sk__plan_panels_page, sk__plan_contents_page,
** sk__plan_section_page); render reads nothing else (the Cairo backend for PNG, PDF and
** SVG, and the multi-page PDF; later an SVG/HTML writer with real <text> and one element per
** municipality, and a slide writer).
**
** A plan is
**   - the page: size in points (origin top left, y down) and background colour;
**   - maps (sk__plan_map), drawn first, in order: each a frame on the page, the transform
**     from the map CRS to the page, and its paths (sk__plan_path), in drawing order: one
**     fill per colour naming the municipalities it covers, the municipal and regional
**     borders, the outline of the regions taking part, an outlined area.  Paths name
**     features of plan->geo by index (municipality or region), never coordinates: a
**     backend resolves them to the geography's shared borders (arcs), so each border is
**     drawn once and neighbours of one colour are filled as one region;
**   - items (sk__plan_item), drawn over the maps, in order: text runs (text, font family,
**     size, weight, colour, position, halo), boxes, lines and the inset (locator map).
**     Each has a role (title, legend entry k, name of municipality m, …) and an id, so a
**     writer can give it an element of its own or leave it out.
**
** Text runs are positioned, not shaped: a backend lays the text out with the same font
** description and wrap width (layout measured it with unhinted metrics at 72 dpi, see
** sk__text_layout), so every backend puts the same lines at the same place.
**
** A plan is immutable once made and holds no backend state, so one plan may be drawn by
** several threads at once (an atlas page as PNG and PDF).  It borrows the geography and the
** style's font family; free with sk__plan_free. */
#ifndef SK_PLAN_H
#define SK_PLAN_H

#include <glib.h>
#include "samenkaart/samenkaart.h"
#include "style_internal.h"

typedef struct sk__box {
    double x, y, w, h;
} sk__box;

/* Map CRS -> page: px = origin_x + (x - minx) * scale, py = origin_y + (maxy - y) * scale. */
typedef struct sk__transform {
    double origin_x, origin_y, scale, minx, maxy;
} sk__transform;

typedef enum sk__path_kind {
    SK__PATH_FILL,               /* the municipalities ids, filled with color as one region */
    SK__PATH_MUNICIPAL_BORDERS,  /* every municipal border, once */
    SK__PATH_REGION_BORDERS,     /* every region border, once */
    SK__PATH_OUTLINE,            /* the borders of the regions ids (either side) */
    SK__PATH_AREA,               /* the outline of the municipalities ids (one side only) */
    SK__PATH_FILL_BORDERS,       /* the municipal borders with both sides among ids */
    SK__PATH_BAND                /* a band width wide inside the outline of the municipalities
                                 ** ids, at opacity, over the fills and under every border */
} sk__path_kind;

typedef struct sk__plan_path {
    sk__path_kind kind;
    sk__color color;
    double width;                /* line width, points (fills: see speck) */
    double speck;                /* shapes smaller than this on the page are left out */
    sk__color casing;            /* SK__PATH_AREA, _REGION_BORDERS: a wider line under it … */
    double casing_width;         /* … this wide (0: none) */
    size_t *ids;                 /* owned; municipality or region indices of plan->geo */
    size_t count;
    double opacity;              /* SK__PATH_BAND: 0 (none) to 1 (opaque) */
} sk__plan_path;

typedef struct sk__plan_map {
    sk__box frame;               /* where the map's extent lies on the page */
    sk__transform at;
    double extent[4];            /* what the frame shows, map CRS: minx, miny, maxx, maxy */
    int clip;                    /* a zoomed map: cut at the frame, which gets a neat line */
    sk__color neat_color;
    double neat_width;
    GArray *paths;               /* sk__plan_path, drawing order */
} sk__plan_map;

typedef enum sk__role {
    SK__ROLE_TITLE,
    SK__ROLE_CAPTION,
    SK__ROLE_SOURCE,
    SK__ROLE_LEGEND_TITLE,
    SK__ROLE_LEGEND,             /* id: entry (classes, then the line symbols) */
    SK__ROLE_SCALE_BAR,          /* id: segment, or 100 + label */
    SK__ROLE_PANEL_TITLE,        /* id: map */
    SK__ROLE_REGION_NUMBER,      /* id: label of the map */
    SK__ROLE_NAME,               /* id: municipality */
    SK__ROLE_INSET,
    SK__ROLE_TEXT_PANEL,
    SK__ROLE_NOTE,               /* id: 0 box, 1 title, 2 text */
    SK__ROLE_SUBTITLE,           /* a contents page's, under its title */
    SK__ROLE_CONTENTS_ENTRY,     /* id: the page it names (1-based): link, title */
    SK__ROLE_CONTENTS_PAGE,      /* id: the same page, its number */
    SK__ROLE_LEGEND_COUNT,       /* id: legend entry; its count ("184 gemeenten") */
    SK__ROLE_NAME_LEADER,        /* id: municipality; the line from its name placed outside
                                 ** (x0, y0 at the name) into it (x1, y1), and its casing */
    SK__ROLE_PAGE_NUMBER,        /* the page's number at its foot */
    SK__ROLE_STATUS,             /* the cover's status mark ("Werkdocument"): 0 text, 1 frame */
    SK__ROLE_COVER_TEXT,         /* id: 0 organisation, 1 date, 2 version */
    SK__ROLE_SECTION_TEXT,       /* a section page's text under its title */
    SK__ROLE_CONTENTS_LEADER,    /* id: the page an entry names; its dots */
    SK__ROLE_POINT,              /* id: point of the map's point layer (sk__point_layer
                                 ** points[id]); a circle */
    SK__ROLE_LEGEND_SYMBOL       /* id: legend entry; its circle (a point map's class, or
                                 ** 1000 + k: size entry k) */
} sk__role;

typedef enum sk__item_kind {
    SK__ITEM_TEXT,
    SK__ITEM_RECT,
    SK__ITEM_LINE,
    SK__ITEM_INSET,
    SK__ITEM_LINK,
    SK__ITEM_CIRCLE
} sk__item_kind;

/* A text run: its layout box's top-left corner at (x, y). */
typedef struct sk__plan_text {
    char *text;                  /* owned; Pango markup when markup */
    int markup;
    const char *family;          /* borrowed from the style */
    double size;                 /* points */
    int bold;
    double width;                /* wrap width, points; < 0: one line */
    int centred;                 /* lines centred on each other */
    sk__color color;
    sk__color halo;              /* drawn under the text as a line this wide … */
    double halo_width;           /* … (0: no halo) */
    double x, y;
    sk__box box;                 /* what the text covers, halo included */
    int keep_terms;              /* laid out with sk__keep_terms (no break inside a term) */
} sk__plan_text;

/* A rectangle, filled and then stroked (each optional). */
typedef struct sk__plan_rect {
    sk__box box;
    int filled, stroked;
    sk__color fill, stroke;
    double width;
} sk__plan_rect;

typedef struct sk__plan_line {
    double x0, y0, x1, y1;
    sk__color color;
    double width;
} sk__plan_line;

/* A small map of the whole geography (land, region borders) with extent marked on it. */
typedef struct sk__plan_inset {
    sk__box box;
    double whole[4], extent[4];
    sk__color land, border, mark;
} sk__plan_inset;

/* A link to page (1-based) of the document: the count items after it are what links there;
** box is what they cover. */
typedef struct sk__plan_link {
    long page;
    size_t count;
    sk__box box;
} sk__plan_link;

/* A circle (a point's symbol): filled, then its outline stroked. */
typedef struct sk__plan_circle {
    double x, y;                 /* centre, page points */
    double r;                    /* radius, points */
    sk__color fill, stroke;
    double width;                /* outline width, points (0: none) */
    size_t map;                  /* a point's: the plan map it belongs to */
} sk__plan_circle;

typedef struct sk__plan_item {
    sk__item_kind kind;
    sk__role role;
    long id;
    union {
        sk__plan_text text;
        sk__plan_rect rect;
        sk__plan_line line;
        sk__plan_inset inset;
        sk__plan_link link;
        sk__plan_circle circle;
    } u;
} sk__plan_item;

typedef struct sk__plan {
    double page_w, page_h;
    sk__color background;
    char *title;                 /* owned; the document's title (PDF metadata), or NULL */
    const sk_geography *geo;     /* what the paths' ids refer to */
    sk__plan_map *maps;          /* owned */
    size_t map_count;
    GArray *items;               /* sk__plan_item, drawing order */
} sk__plan;

/* An empty plan of a page; free with sk__plan_free (NULL: no-op). */
sk__plan *sk__plan_new(double page_w, double page_h, sk__color background,
                       const sk_geography *geo, const char *title);
void sk__plan_free(sk__plan *plan);

/* Add an item (copied; a text run's text is taken over).  Returns the copy in the plan. */
sk__plan_item *sk__plan_add(sk__plan *plan, const sk__plan_item *item);
/* Add a path to map k (ids taken over). */
void sk__plan_add_path(sk__plan *plan, size_t k, const sk__plan_path *path);

#endif
