/* A point map on the page (points.c): its symbols over the map, moved apart where they would
** hide each other; the light outline of the areas the points cover; its legend's entries. */
#ifndef SK_LAYOUT_POINTS_H
#define SK_LAYOUT_POINTS_H

#include "../layout.h"

/* The circles of map's points (map->points) as items of p: each point whose position lies in
** map k's frame, in the layer's drawing order, at its drawn centre (moved apart from points
** it would hide, sk__points_displace).  Nothing for an area map. */
void sk__plan_points(sk__plan *p, size_t k, const sk_map *map);

/* The outline of the municipalities the points cover (map->points->covered), as a path of
** map k under the points; line widths times f.  Nothing when the layer has none or the
** style's width is 0. */
void sk__plan_covered(sk__plan *p, size_t k, const sk_map *map, double f);

/* Move apart, in place, the centres (x[i], y[i], page points) of circles of diameter d[i]
** (i < n, in drawing order) with outlines outline wide, where one would cover another's
** centre: a point not yet moved gathers the later ones near it into a cluster, whose members
** go round their centroid in drawing order, spacing apart (at least so far that none covers
** another's centre): on a ring up to six, else on a sunflower spiral.  Deterministic; about
** linear in n (a grid of cells finds the neighbours). */
void sk__points_displace(double *x, double *y, const double *d, size_t n, double spacing,
                         double outline);

/* The legend entries (sk__legend_entry, free with sk__legend_free) of a point layer: its
** classes in legend order with their counts, then, when it sizes its points, the heading of
** sizes and one entry per size. */
GArray *sk__points_legend(const sk__point_layer *layer);

/* What legend entry i of a point layer's legend (sk__points_legend) shows beside its text:
** sets it->symbol, ->diameter, ->color, ->outline, ->line_width; returns whether its text is a
** heading (bold). */
int sk__points_legend_symbol(const sk__point_layer *layer, const sk_style *s, size_t i,
                             sk__legend_item *it);

/* The width of the symbol column of a point layer's legend: the swatch's, or the largest
** circle's. */
double sk__points_symbol_width(const sk__point_layer *layer, const sk_style *s);

#endif
