#include <math.h>
#include <glib.h>
#include "polylabel.h"

typedef struct cell {
    double x, y, h;     /* centre, half size */
    double d;           /* signed distance from the centre to the outline (> 0 inside) */
    double max;         /* the best distance any point of the cell can have */
} cell;

typedef struct shape {
    const double *pts;
    const sk__ring *rings;
    size_t first, count;
} shape;

static double
segment_distance_sq(double px, double py, const double *a, const double *b)
{
    double x = a[0], y = a[1], dx = b[0] - x, dy = b[1] - y;
    if (dx != 0 || dy != 0) {
        double t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
        if (t > 1) {
            x = b[0];
            y = b[1];
        } else if (t > 0) {
            x += dx * t;
            y += dy * t;
        }
    }
    dx = px - x;
    dy = py - y;
    return dx * dx + dy * dy;
}

/* Signed distance from (x, y) to the rings: positive inside (even-odd), negative outside. */
static double
signed_distance(const shape *s, double x, double y)
{
    int inside = 0;
    double best = INFINITY;
    for (size_t r = s->first; r < s->first + s->count; r++) {
        const double *p = s->pts + 2 * s->rings[r].start;
        size_t n = s->rings[r].count;
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            const double *a = p + 2 * i, *b = p + 2 * j;
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0])
                inside = !inside;
            best = fmin(best, segment_distance_sq(x, y, a, b));
        }
    }
    return (inside ? 1 : -1) * sqrt(best);
}

static cell
make_cell(const shape *s, double x, double y, double h)
{
    cell c = {x, y, h, signed_distance(s, x, y), 0};
    c.max = c.d + h * G_SQRT2;
    return c;
}

static gint
by_max(gconstpointer a, gconstpointer b, gpointer unused)
{
    (void)unused;
    double x = ((const cell *)a)->max, y = ((const cell *)b)->max;
    return (x < y) - (x > y);   /* largest first */
}

double
sk__polylabel(const sk_geography *geo, size_t first, size_t count, double precision,
              double *px, double *py)
{
    shape s = {sk__geography_points(geo), sk__geography_rings(geo), first, count};
    double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
    for (size_t r = first; r < first + count; r++)
        for (size_t k = 0; k < s.rings[r].count; k++) {
            const double *p = s.pts + 2 * (s.rings[r].start + k);
            minx = fmin(minx, p[0]);
            miny = fmin(miny, p[1]);
            maxx = fmax(maxx, p[0]);
            maxy = fmax(maxy, p[1]);
        }
    double w = maxx - minx, h = maxy - miny, size = fmin(w, h);
    cell best = make_cell(&s, minx + w / 2, miny + h / 2, 0);
    if (!(size > 0)) {
        *px = best.x;
        *py = best.y;
        return 0;
    }
    GQueue queue = G_QUEUE_INIT;
    double half = size / 2;
    for (double x = minx; x < maxx; x += size)
        for (double y = miny; y < maxy; y += size) {
            cell *c = g_new(cell, 1);
            *c = make_cell(&s, x + half, y + half, half);
            g_queue_insert_sorted(&queue, c, by_max, NULL);
        }
    /* Start from the best of the centre and the cells; split cells that could beat it. */
    cell *c;
    while ((c = g_queue_pop_head(&queue)) != NULL) {
        if (c->d > best.d)
            best = *c;
        if (c->max - best.d > precision) {
            double q = c->h / 2;
            for (int i = 0; i < 4; i++) {
                cell *sub = g_new(cell, 1);
                *sub = make_cell(&s, c->x + (i % 2 ? q : -q), c->y + (i / 2 ? q : -q), q);
                if (sub->max - best.d > precision)
                    g_queue_insert_sorted(&queue, sub, by_max, NULL);
                else
                    g_free(sub);
            }
        }
        g_free(c);
    }
    *px = best.x;
    *py = best.y;
    return best.d;
}
