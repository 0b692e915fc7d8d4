/* The pole of inaccessibility: the point inside a polygon farthest from its outline, where a
** label sits best (Mapbox's polylabel: a quadtree search of cells ordered by the best
** distance they could still hold). */
#ifndef SK_POLYLABEL_H
#define SK_POLYLABEL_H

#include <stddef.h>
#include "geography_internal.h"

/* The pole of the rings [first, first + count) of geo (even-odd inside), to within precision
** map units.  Writes x, y and returns the distance to the outline. */
double sk__polylabel(const sk_geography *geo, size_t first, size_t count, double precision,
                     double *x, double *y);

#endif
