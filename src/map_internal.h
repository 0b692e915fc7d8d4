/* The map model as layout and render see it. */
#ifndef SK_MAP_INTERNAL_H
#define SK_MAP_INTERNAL_H

#include "samenkaart/map.h"
#include "samenkaart/points.h"
#include "style_internal.h"

typedef struct sk__legend_entry {
    char *label;     /* the class: its labels joined by " + " */
    char *text;      /* as the legend shows it (the class text) */
    char *count;     /* its size with unit ("184 gemeenten"), shown apart from the text;
                     ** NULL: none */
    sk__color color;
    sk_labelset labels;   /* the class's label set (its place in canonical order) */
    guint order;          /* while the legend is sorted: its class */
    int white;            /* the entry of white (no project, not in the table …) */
} sk__legend_entry;

/* A label on the map: text centred on a point in the map CRS. */
typedef struct sk__map_label {
    double x, y;
    char *text;
} sk__map_label;

/* A point layer's class: a level of a scale, or a value of a column without one. */
typedef struct sk__point_class {
    char *value;          /* the data value (the classes CSV's class) */
    char *text;           /* its legend text */
    char *count;          /* its count with unit ("36 initiatieven"; off the map: "2
                          ** initiatieven; niet op de kaart") */
    size_t size;          /* points of the class (selected ones) */
    sk__color fill, outline;
    int off_map;          /* counted, not drawn */
    int rank;             /* drawing order: higher ranks drawn later (the highest level last) */
} sk__point_class;

/* A point as the map shows it. */
typedef struct sk__map_point {
    double x, y;          /* its position in the map CRS, as in the data */
    int klass;            /* its class in the layer */
    double diameter;      /* its circle's diameter on the page, points */
    size_t row;           /* its index in the sk_points it came from */
    const char *id, *name;   /* its id and name (sk_points_id, _name; borrowed from the
                             ** source): the classes CSV's */
} sk__map_point;

/* An entry of the legend of symbol sizes (--size-by). */
typedef struct sk__size_entry {
    char *text;
    double diameter;
} sk__size_entry;

/* The points of a point map: the ones drawn in drawing order (larger symbols first, then by
** class rank, then file order: coincident points of the highest level end on top), the classes in legend order
** (the highest level first, the levels off the map last). */
typedef struct sk__point_layer {
    const sk_points *source;
    sk__map_point *points;     /* drawn points only (off-map classes and unselected left out) */
    size_t count;
    sk__point_class *classes;
    size_t class_count;
    char *legend_title;
    sk__size_entry *sizes;     /* legend of sizes, or NULL */
    size_t size_count;
    char *size_title;
    guint8 *covered;           /* per municipality: inside some point's covered area
                               ** (outlined), or NULL */
    int ordinal;               /* classes are a scale's levels (legend: highest first) */
    sk__map_point *off;        /* the selected points not drawn (their class is off the
                               ** map), file order: the classes CSV's rows with drawn = 0 */
    size_t off_count;
} sk__point_layer;

/* The legend order of point classes (g_array_sort_with_data; ordinal: GINT_TO_POINTER of
** whether they are a scale's levels): the levels off the map last, levels highest first,
** categories in value order (their rank is their place among the column's sorted values, the
** same on every map of a layer). */
gint sk__point_class_compare(gconstpointer a, gconstpointer b, gpointer ordinal);

/* The legend of a page of point maps: every class of the maps' layers (by value, in legend
** order) and every size, without counts (a panel's count is its own, in its title).  Only
** classes and sizes are set; free with sk__point_layer_free. */
sk__point_layer *sk__point_layer_union(sk_map *const *maps, size_t n);

/* Free a point layer and everything it owns (not its source); NULL is a no-op. */
void sk__point_layer_free(sk__point_layer *layer);

struct sk_map {
    const sk_geography *geo;
    const sk_projects *projects;
    const sk_style *style;
    sk_classification *classification;
    char *title, *caption, *source, *legend_title, *note, *region_label, *text;
    sk_page_size page;
    GArray *legend;            /* sk__legend_entry in the style's legend order: one per
                               ** class, then white if some municipality is white */
    guint *entry_of;           /* class k's entry in legend */
    GArray *shown;             /* zoomed maps: the entries of the classes in view (copies) */
    sk__color *fill;           /* per municipality */
    GArray *labels;            /* sk__map_label, or NULL */
    guint8 *outline;           /* per region: outlined as taking part, or NULL */
    guint8 *area;              /* per municipality: inside the outlined area, or NULL */
    char *area_label;
    guint8 *zoom;              /* per municipality: framed by a zoomed map, or NULL */
    double *poles;             /* zoomed maps: per framed municipality m its pole of
                               ** inaccessibility (x, y at 2m, 2m + 1; map CRS), or NULL */
    guint8 *islands;           /* zoomed maps: per municipality whether it is an island */
    double extent[4];          /* what the map frame shows (map CRS) */
    int allow_similar;         /* classes too alike are a warning, not an error */
    int zoom_band;             /* the zoomed area gets a band (not the outlined area itself) */
    char *zoom_legend;         /* the legend text of the zoomed area's band, or NULL */
    sk__point_layer *points;   /* a point map's points over the base map, or NULL */
};

/* Mark in in_view[k] (zeroed, one per class) the classes of c that a map zoomed to zoom
** (per municipality of geo; NULL: the whole map) shows. */
void sk__map_classes_in_view(const sk_geography *geo, const unsigned char *zoom,
                             const sk_classification *c, guint8 *in_view);

/* Free a legend (sk__legend_entry with their strings); NULL is a no-op. */
void sk__legend_free(GArray *legend);

/* The classes CSV's rows of map (sk_map_write_classes_csv), with panel as a last cell unless
** it is NULL (pages of several maps: sk_panels_write_classes_csv). */
void sk__map_classes_rows(GString *s, const sk_map *map, const char *panel);

#endif
