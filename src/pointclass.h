/* Classifications of point maps (the kinds SK_MAP_POINTS and SK_MAP_POINT_COUNT): which points
** a spec selects, points per municipality, and the texts of a count map of points.  Pure:
** reads the point layer and the style, used by the table of map kinds. */
#ifndef SK_POINTCLASS_H
#define SK_POINTCLASS_H

#include "samenkaart/points.h"
#include "samenkaart/spec.h"
#include "style_internal.h"

/* The points spec->where selects (one byte per point; g_free it), or NULL with the error on
** ctx ("where: …"). */
unsigned char *sk__points_selected(sk_ctx *ctx, const sk_points *points, const sk_map_spec *spec);

/* Points per municipality of geo (counts, one per municipality, zeroed by the caller): each
** selected point counted in every municipality it covers (method "gemeenten") or in the one
** holding it ("locatie").  SK_EUSAGE for another method or, for "gemeenten", a layer without
** the column. */
sk_status sk__points_per_municipality(sk_ctx *ctx, const sk_points *points,
                                      const unsigned char *keep, const char *method,
                                      size_t nmun, unsigned *counts);

/* How a count map is classed (sk_classify_count's method, classes and breaks). */
typedef struct sk__count_classes {
    sk_breaks method;
    size_t classes;
    unsigned breaks[16];
    size_t nbreaks;
} sk__count_classes;

/* The count classes of a count map of points: a count classification (like sk_classify_count)
** of the counts, classed by cc. */
sk_status sk__classify_point_count(sk_ctx *ctx, const sk_map_spec *spec, const sk_map_data *data,
                                   const sk__count_classes *cc, sk_classification **out);
/* A point map's classification: every municipality in no class (the base map). */
sk_status sk__classify_points(sk_ctx *ctx, const sk_map_spec *spec, const sk_map_data *data,
                              sk_classification **out);

/* A count with its unit ("36 initiatieven", "1 initiatief"); g_free it. */
char *sk__points_count_text(const sk_style *style, size_t n);
/* The legend texts of a count map of points' classes ("0 initiatieven", "1–2 initiatieven",
** "10 of meer"). */
void sk__point_count_texts(const sk_style *style, const sk_classification *c, char **texts);

#endif
