/* Which municipalities are islands (geography_internal.h): a property of the boundaries,
** worked out from their shared borders. */
#include <math.h>
#include <stdint.h>
#include "model.h"

/* The length of arc a (map units). */
static double
arc_length(const sk_geography *geo, const sk__arc *a)
{
    const sk__ring *ring = &sk__geography_rings(geo)[a->ring];
    const double *pts = sk__geography_points(geo) + 2 * ring->start;
    size_t n = ring->count - 1;   /* the closing point repeats the first */
    double len = 0;
    for (size_t i = 0; i + 1 < a->count && n > 0; i++) {
        const double *p = pts + 2 * ((a->offset + i) % n), *q = pts + 2 * ((a->offset + i + 1) % n);
        len += hypot(q[0] - p[0], q[1] - p[1]);
    }
    return len;
}

/* An island: at most this share of its outline borders on other municipalities.  The data
** joins some islands to their neighbours over a few hundred metres of sandbank or jetty
** (Terschelling and Vlieland, Schiermonnikoog and the mainland). */
#define ISLAND_SHARED 0.03

guint8 *
sk__geography_islands(const sk_geography *geo)
{
    size_t count, narcs;
    sk__geography_municipalities(geo, &count);
    const sk__arc *arcs = sk__geography_arcs(geo, 0, &narcs);
    const int *owner = sk__geography_ring_owners(geo);
    double *outline = g_new0(double, count + 1), *shared = g_new0(double, count + 1);
    for (size_t a = 0; a < narcs; a++) {
        int o1 = owner[arcs[a].ring];
        int o2 = arcs[a].twin == SIZE_MAX ? -1 : owner[arcs[a].twin];
        double len = arc_length(geo, &arcs[a]);
        /* Two rings of one municipality touching each other do not join it to land. */
        for (int side = 0; side < 2; side++) {
            int o = side == 0 ? o1 : o2, other = side == 0 ? o2 : o1;
            if (o < 0)
                continue;
            outline[o] += len;
            if (other >= 0 && other != o)
                shared[o] += len;
        }
    }
    guint8 *island = g_new0(guint8, count + 1);
    for (size_t m = 0; m < count; m++)
        island[m] = outline[m] > 0 && shared[m] <= ISLAND_SHARED * outline[m];
    g_free(outline);
    g_free(shared);
    return island;
}
