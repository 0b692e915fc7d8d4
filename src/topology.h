/* Topology-preserving simplification, prepared once per geography.
**
** Borders between neighbours are stored twice (once in each ring) with identical vertices.
** A vertex where the neighbourhood changes is a junction; the stretch of a ring between two
** junctions is an arc.  Every vertex gets an importance: the Douglas-Peucker tolerance (in map
** units) below which it must be kept, computed on each arc in one canonical direction.  A
** shared arc therefore gets the same importances in both rings, and keeping the vertices with
** importance >= t simplifies every map to tolerance t without gaps or overlaps between
** neighbours, at the cost of one comparison per vertex per page. */
#ifndef SK_TOPOLOGY_H
#define SK_TOPOLOGY_H

#include <stddef.h>
#include "geography_internal.h"

/* Compute importances for all rings.  points holds x,y pairs; returns a new array of one
** value per point (g_free it), junctions and ring ends are +INFINITY. */
double *sk__topology_importance(const double *points, size_t npoints, const sk__ring *rings,
                                size_t nrings);

#endif
