/* Simplification keeps shared borders identical on both sides. */
#include <math.h>
#include <stdint.h>
#include <glib.h>
#include "src/topology.h"

/* Two unit squares side by side sharing a wiggly border x = 1 (5 vertices between the
** corners), the left one traversed clockwise, the right one counter-clockwise. */
static void
test_shared_border(void)
{
    const double wiggle[] = {0.0, 0.2, 0.01, 0.4, 0.05, 0.6, -0.02, 0.8, 0.001, 1.0};
    GArray *pts = g_array_new(FALSE, FALSE, sizeof(double));
    sk__ring rings[2];
#define PUT(x, y) do { double v_[2] = {(x), (y)}; g_array_append_vals(pts, v_, 2); } while (0)
    /* left square: (0,0) (0,1) (1,1) border down to (1,0), back to (0,0) */
    rings[0].start = 0;
    PUT(0, 0); PUT(0, 1); PUT(1, 1);
    for (int k = 3; k >= 0; k--)
        PUT(1 + wiggle[2 * k + 2], wiggle[2 * k + 1]);
    PUT(1, 0); PUT(0, 0);
    rings[0].count = pts->len / 2;
    /* right square: (1,0) border up to (1,1), (2,1) (2,0) (1,0) */
    rings[1].start = pts->len / 2;
    PUT(1, 0);
    for (int k = 0; k < 4; k++)
        PUT(1 + wiggle[2 * k + 2], wiggle[2 * k + 1]);
    PUT(1, 1); PUT(2, 1); PUT(2, 0); PUT(1, 0);
    rings[1].count = pts->len / 2 - rings[1].start;
#undef PUT
    const double *p = (const double *)(void *)pts->data;
    sk__topology topo;
    sk_ctx *ctx = sk_ctx_new();
    g_assert_cmpint(sk__topology_build(ctx, p, pts->len / 2, rings, 2, 2, &topo), ==, SK_OK);
    sk_ctx_free(ctx);
    const double *imp = topo.importance;
    /* Every border vertex has the same importance in both rings. */
    int matched = 0;
    for (size_t a = rings[0].start; a < rings[0].start + rings[0].count; a++)
        for (size_t b = rings[1].start; b < rings[1].start + rings[1].count; b++)
            if (p[2 * a] == p[2 * b] && p[2 * a + 1] == p[2 * b + 1]) {
                g_assert_cmpfloat(imp[a], ==, imp[b]);
                matched++;
            }
    g_assert_cmpint(matched, >=, 6);
    /* The corners where the border meets the outline are junctions: always kept. */
    g_assert_true(isinf(imp[rings[0].start + 2]));     /* (1,1) in the left ring */
    /* Interior border vertices are droppable at a coarse tolerance ... */
    size_t kept = 0;
    for (size_t k = rings[1].start; k < rings[1].start + rings[1].count; k++)
        kept += imp[k] >= 0.1;
    g_assert_cmpint(kept, <, rings[1].count);
    /* ... and all kept at a tolerance finer than the smallest wiggle. */
    for (size_t k = rings[1].start; k < rings[1].start + rings[1].count; k++)
        g_assert_cmpfloat(imp[k], >, 0.0005);
    /* Borders once each: the left outline, the shared border, the right outline. */
    g_assert_cmpuint(topo.arc_count, ==, 3);
    g_assert_cmpuint(topo.first_split_arc, ==, 3);
    size_t points_in_arcs = 0;
    for (size_t a = 0; a < topo.arc_count; a++)
        points_in_arcs += topo.arcs[a].count;
    /* 4 + 6 + 4 points: every arc carries both of its end points. */
    g_assert_cmpuint(points_in_arcs, ==, 14);
    /* The shared border knows both its rings; the outlines have none on their other side. */
    size_t shared = 0;
    for (size_t a = 0; a < topo.arc_count; a++) {
        if (topo.arcs[a].twin == SIZE_MAX)
            continue;
        shared++;
        g_assert_cmpuint(topo.arcs[a].ring + topo.arcs[a].twin, ==, 1);
    }
    g_assert_cmpuint(shared, ==, 1);
    sk__topology_clear(&topo);
    g_array_free(pts, TRUE);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/topology/shared-border", test_shared_border);
    return g_test_run();
}
