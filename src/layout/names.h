/* Municipality names on a zoomed map: placed where they fit inside their municipality and
** clear of each other, smaller or on two lines when needed, left out rather than colliding. */
#ifndef SK_LAYOUT_NAMES_H
#define SK_LAYOUT_NAMES_H

#include <glib.h>
#include "../layout.h"

typedef struct sk__placed_label {
    size_t municipality;
    char *text;           /* the name, possibly with a line break */
    double size;          /* font size, points */
    sk__box box;          /* the text's box on the page (points), halo included */
} sk__placed_label;

/* Place the names of the municipalities of map->zoom on the laid-out page l, most populous
** first.  Returns an array of sk__placed_label (free with sk__placed_labels_free); every
** box lies inside its municipality and the map frame and overlaps no other. */
GArray *sk__place_names(const sk_map *map, const sk__layout *l);
void sk__placed_labels_free(GArray *labels);

#endif
