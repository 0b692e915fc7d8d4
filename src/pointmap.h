/* The point layer of a point map (map_internal.h's sk__point_layer), made from the spec's
** point layer, the column it colours by (a scale of the style, or categories) and the one it
** sizes by. */
#ifndef SK_POINTMAP_H
#define SK_POINTMAP_H

#include "map_internal.h"
#include "samenkaart/spec.h"

/* The layer spec s describes over data->points; *out owns it (sk__point_layer_free).  SK_EUSAGE
** for a column the layer lacks (with the nearest), a size column without sizes in the style,
** a where clause selecting by an unknown column or value; SK_EINPUT for more categories than
** the style has colours for or a reader can match. */
sk_status sk__point_layer_build(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                                const sk_map_spec *s, sk__point_layer **out);

/* A zoomed map's layer: only the points inside extent (map CRS: minx, miny, maxx, maxy),
** its classes those that keep points, their counts the points in view. */
void sk__point_layer_restrict(sk__point_layer *layer, const sk_style *style,
                              const double *extent);

/* The title of a point map the spec gives none: by the legend title of the column coloured
** by, with the selection; g_free it. */
char *sk__point_map_title(const sk_style *style, const sk_map_spec *s,
                          const sk__point_layer *layer);

#endif
