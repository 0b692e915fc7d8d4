/* Municipality names on a zoomed map, ranked by population: the most populous of the area
** always named (inside their municipality when the name fits, else beside it with a leader
** line; islands in the water beside them), sized by rank, never overlapping each other or a
** leader line; the rest where they fit inside, else left out.  And the zoomed area's
** outline. */
#ifndef SK_LAYOUT_NAMES_H
#define SK_LAYOUT_NAMES_H

#include <glib.h>
#include "../layout.h"
#include "../plan.h"

typedef struct sk__placed_label {
    size_t municipality;
    char *text;           /* the name, possibly with a line break */
    double size;          /* font size, points */
    sk__box box;          /* the text's box on the page (points), halo included */
    int leader;           /* placed outside: a line from the box to the municipality */
    double line[4];       /* its ends on the page: x0, y0 at the box, x1, y1 inside */
} sk__placed_label;

/* Place the names of the municipalities of map->zoom on the laid-out page l.  Returns an
** array of sk__placed_label (free with sk__placed_labels_free) in drawing order; every box
** lies inside the map frame and overlaps no other box or leader line. */
GArray *sk__place_names(const sk_map *map, const sk__layout *l);
void sk__placed_labels_free(GArray *labels);

/* The page plan's part (build.c): the names of a zoomed map with their leader lines, as
** items of p; and the outline of the zoomed area, as a path of map k. */
void sk__plan_names(sk__plan *p, const sk_map *map, const sk__layout *l);
void sk__plan_zoom_outline(sk__plan *p, size_t k, const sk_map *map);

#endif
