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

/* An arc: count points of ring `ring` from its `offset`-th point on, wrapping around the
** ring (a ring's closing point is not counted); both ends included.  twin is the ring on
** the arc's other side (SIZE_MAX on the outline of the whole set). */
typedef struct sk__arc {
    size_t ring, offset, count, twin;
} sk__arc;

typedef struct sk__topology {
    double *importance;      /* per point; junctions and ring ends are +INFINITY */
    sk__arc *arcs;           /* every border once: arcs shared by two rings appear once */
    size_t arc_count;
    size_t first_split_arc;  /* arcs [0, this) come from rings before ring_split, the rest
                             ** from rings after it (each group deduplicated on its own) */
} sk__topology;

/* Analyse all rings (points holds x,y pairs) on two threads.  ring_split divides the rings
** into two groups whose arcs are listed separately (municipalities, regions).  Free with
** sk__topology_clear.  Fails (SK_ERUNTIME on ctx, *out empty) only when the second thread
** cannot be started. */
sk_status sk__topology_build(sk_ctx *ctx, const double *points, size_t npoints,
                             const sk__ring *rings, size_t nrings, size_t ring_split,
                             sk__topology *out);
void sk__topology_clear(sk__topology *topology);

#endif
