/* Where a name may go: boxes against municipalities, water, other names and leader lines
** (names_internal.h). */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "../geography_internal.h"
#include "../topology.h"
#include "names_internal.h"

static const sk__area *
area_of(const sk__names *n, size_t m)
{
    size_t count;
    return &sk__geography_municipalities(n->map->geo, &count)[m];
}

/* Whether map point (x, y) lies inside municipality m (even-odd over its rings). */
static int
inside(const sk_geography *geo, const sk__area *m, double x, double y)
{
    const sk__ring *rings = sk__geography_rings(geo);
    const double *pts = sk__geography_points(geo);
    int in = 0;
    for (size_t r = m->first_ring; r < m->first_ring + m->ring_count; r++) {
        const double *p = pts + 2 * rings[r].start;
        size_t n = rings[r].count;
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                in = !in;
        }
    }
    return in;
}

/* A page box, grown by grow points, in the map's CRS: minx, miny, maxx, maxy. */
static void
box_to_map(const sk__layout *l, const sk__box *b, double grow, double m[4])
{
    m[0] = l->extent_minx + (b->x - grow - l->origin_x) / l->scale;
    m[1] = l->extent_maxy - (b->y + b->h + grow - l->origin_y) / l->scale;
    m[2] = l->extent_minx + (b->x + b->w + grow - l->origin_x) / l->scale;
    m[3] = l->extent_maxy - (b->y - grow - l->origin_y) / l->scale;
}

/* Whether segment (x0,y0)-(x1,y1) meets the rectangle [minx,maxx] x [miny,maxy]
** (Liang-Barsky clipping: some part of the segment survives). */
static int
segment_meets(double x0, double y0, double x1, double y1, const double r[4])
{
    /* Most borders are nowhere near the box. */
    if ((x0 < r[0] && x1 < r[0]) || (x0 > r[2] && x1 > r[2]) || (y0 < r[1] && y1 < r[1]) ||
        (y0 > r[3] && y1 > r[3]))
        return 0;
    double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0 - r[0], r[2] - x0, y0 - r[1], r[3] - y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = fmax(t0, t);
        else
            t1 = fmin(t1, t);
        if (t0 > t1)
            return 0;
    }
    return 1;
}

/* Whether a border of municipality a crosses the map rectangle r. */
static int
border_meets(const sk_geography *geo, const sk__area *a, const double r[4])
{
    if (a->bbox[0] > r[2] || a->bbox[2] < r[0] || a->bbox[1] > r[3] || a->bbox[3] < r[1])
        return 0;
    const sk__ring *rings = sk__geography_rings(geo);
    const double *pts = sk__geography_points(geo);
    for (size_t k = a->first_ring; k < a->first_ring + a->ring_count; k++) {
        const double *p = pts + 2 * rings[k].start;
        for (size_t i = 0, j = rings[k].count - 1; i < rings[k].count; j = i++)
            if (segment_meets(p[2 * j], p[2 * j + 1], p[2 * i], p[2 * i + 1], r))
                return 1;
    }
    return 0;
}

/* The box is wholly inside: its centre inside, and no border of the municipality crossing it
** (then the box, being connected, is wholly inside).  Exact on the full-resolution boundary,
** with a metre to spare. */
int
sk__names_box_inside(const sk__names *n, size_t m, const sk__box *b)
{
    const sk__area *a = area_of(n, m);
    double r[4];
    box_to_map(n->l, b, 0, r);
    r[0] -= 1;
    r[1] -= 1;
    r[2] += 1;
    r[3] += 1;
    return inside(n->map->geo, a, (r[0] + r[2]) / 2, (r[1] + r[3]) / 2) &&
           !border_meets(n->map->geo, a, r);
}

/* The box touches the shape: a border crosses it, or the box lies inside. */
int
sk__names_box_meets(const sk__names *n, size_t m, const sk__box *b, double grow)
{
    const sk__area *a = area_of(n, m);
    double r[4];
    box_to_map(n->l, b, grow, r);
    return border_meets(n->map->geo, a, r) ||
           inside(n->map->geo, a, (r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
}

int
sk__names_box_in_water(const sk__names *n, const sk__box *b)
{
    size_t count;
    const sk__area *areas = sk__geography_municipalities(n->map->geo, &count);
    double r[4];
    box_to_map(n->l, b, 0, r);
    for (size_t m = 0; m < count; m++) {
        const double *e = areas[m].bbox;
        if (e[0] > r[2] || e[2] < r[0] || e[1] > r[3] || e[3] < r[1])
            continue;
        if (sk__names_box_meets(n, m, b, 0))
            return 0;
    }
    return 1;
}

static int
overlaps(const sk__box *a, const sk__box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

int
sk__names_clear(const sk__names *n, const sk__box *b)
{
    const sk__box *frame = &n->l->map_frame;
    if (b->x < frame->x || b->y < frame->y || b->x + b->w > frame->x + frame->w ||
        b->y + b->h > frame->y + frame->h)
        return 0;
    /* Nor on the white plate under the scale bar. */
    if (n->l->scale_plate.w > 0 && overlaps(b, &n->l->scale_plate))
        return 0;
    double r[4] = {b->x, b->y, b->x + b->w, b->y + b->h};
    for (guint q = 0; q < n->placed->len; q++) {
        const sk__placed_label *pl = &g_array_index(n->placed, sk__placed_label, q);
        if (overlaps(b, &pl->box) ||
            (pl->leader && segment_meets(pl->line[0], pl->line[1], pl->line[2], pl->line[3], r)))
            return 0;
    }
    size_t count;
    sk__geography_municipalities(n->map->geo, &count);
    for (size_t m = 0; m < count; m++) {
        double x, y;
        if (!n->waiting[m])
            continue;
        sk__names_pole(n, m, &x, &y);
        if (x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3])
            return 0;
    }
    return 1;
}

/* Whether segments a and b cross or touch (orientations; collinear overlaps count). */
static int
segments_cross(const double a[4], const double b[4])
{
    double d1 = (b[2] - b[0]) * (a[1] - b[1]) - (b[3] - b[1]) * (a[0] - b[0]);
    double d2 = (b[2] - b[0]) * (a[3] - b[1]) - (b[3] - b[1]) * (a[2] - b[0]);
    double d3 = (a[2] - a[0]) * (b[1] - a[1]) - (a[3] - a[1]) * (b[0] - a[0]);
    double d4 = (a[2] - a[0]) * (b[3] - a[1]) - (a[3] - a[1]) * (b[2] - a[0]);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return 1;
    if (d1 == 0 && d2 == 0 && d3 == 0 && d4 == 0)
        return fmax(a[0], a[2]) >= fmin(b[0], b[2]) && fmax(b[0], b[2]) >= fmin(a[0], a[2]) &&
               fmax(a[1], a[3]) >= fmin(b[1], b[3]) && fmax(b[1], b[3]) >= fmin(a[1], a[3]);
    return 0;
}

int
sk__names_line_clear(const sk__names *n, const double s[4])
{
    const sk__box *plate = &n->l->scale_plate;
    double pr[4] = {plate->x, plate->y, plate->x + plate->w, plate->y + plate->h};
    if (plate->w > 0 && segment_meets(s[0], s[1], s[2], s[3], pr))
        return 0;
    for (guint q = 0; q < n->placed->len; q++) {
        const sk__placed_label *pl = &g_array_index(n->placed, sk__placed_label, q);
        double r[4] = {pl->box.x, pl->box.y, pl->box.x + pl->box.w, pl->box.y + pl->box.h};
        if (segment_meets(s[0], s[1], s[2], s[3], r) ||
            (pl->leader && segments_cross(s, pl->line)))
            return 0;
    }
    return 1;
}
