/* Placing municipality names on zoomed maps (names.h). */
#include <math.h>
#include <string.h>
#include "../geography_internal.h"
#include "names.h"

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

/* A page box in the map's CRS: minx, miny, maxx, maxy. */
static void
box_to_map(const sk__layout *l, const sk__box *b, double m[4])
{
    m[0] = l->extent_minx + (b->x - l->origin_x) / l->scale;
    m[1] = l->extent_maxy - (b->y + b->h - l->origin_y) / l->scale;
    m[2] = l->extent_minx + (b->x + b->w - l->origin_x) / l->scale;
    m[3] = l->extent_maxy - (b->y - l->origin_y) / l->scale;
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

/* Whether the whole page box lies inside municipality m: its centre inside, and no border of
** the municipality crossing it (then the box, being connected, is wholly inside).  Exact on
** the full-resolution boundary, with a metre to spare. */
static int
box_inside(const sk_geography *geo, const sk__area *m, const sk__layout *l, const sk__box *b)
{
    double r[4];
    box_to_map(l, b, r);
    r[0] -= 1;
    r[1] -= 1;
    r[2] += 1;
    r[3] += 1;
    if (!inside(geo, m, (r[0] + r[2]) / 2, (r[1] + r[3]) / 2))
        return 0;
    const sk__ring *rings = sk__geography_rings(geo);
    const double *pts = sk__geography_points(geo);
    for (size_t k = m->first_ring; k < m->first_ring + m->ring_count; k++) {
        const double *p = pts + 2 * rings[k].start;
        for (size_t i = 0, j = rings[k].count - 1; i < rings[k].count; j = i++)
            if (segment_meets(p[2 * j], p[2 * j + 1], p[2 * i], p[2 * i + 1], r))
                return 0;
    }
    return 1;
}

static int
overlaps(const sk__box *a, const sk__box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* The name on two lines, broken at the space or hyphen nearest its middle; NULL when it
** has none. */
static char *
two_lines(const char *name)
{
    size_t len = strlen(name), best = 0;
    double best_d = INFINITY;
    for (size_t i = 1; i + 1 < len; i++) {
        if (name[i] != ' ' && name[i] != '-')
            continue;
        double d = fabs((double)i - (double)len / 2);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    if (best == 0)
        return NULL;
    /* A hyphen stays at the end of the first line; a space becomes the break. */
    return name[best] == '-' ? g_strdup_printf("%.*s\n%s", (int)best + 1, name, name + best + 1)
                             : g_strdup_printf("%.*s\n%s", (int)best, name, name + best + 1);
}

typedef struct candidate_order {
    size_t municipality;
    long population;
} candidate_order;

static int
by_population(const void *a, const void *b)
{
    const candidate_order *x = a, *y = b;
    if (x->population != y->population)
        return x->population > y->population ? -1 : 1;
    return (x->municipality > y->municipality) - (x->municipality < y->municipality);
}

/* Where a name may go, relative to its municipality's pole (in box widths and heights),
** nearest first. */
typedef struct shift {
    double dx, dy;
} shift;

static int
by_distance(const void *a, const void *b)
{
    const shift *x = a, *y = b;
    double dx = x->dx * x->dx + x->dy * x->dy, dy = y->dx * y->dx + y->dy * y->dy;
    if (dx != dy)
        return dx < dy ? -1 : 1;
    if (x->dy != y->dy)
        return x->dy < y->dy ? -1 : 1;
    return (x->dx > y->dx) - (x->dx < y->dx);
}


GArray *
sk__place_names(const sk_map *map, const sk__layout *l)
{
    shift shifts[7 * 5];
    size_t nshifts = 0;
    for (int j = -2; j <= 2; j++)
        for (int i = -3; i <= 3; i++)
            shifts[nshifts++] = (shift){i / 3.0, j / 2.0};
    qsort(shifts, nshifts, sizeof *shifts, by_distance);
    GArray *placed = g_array_new(FALSE, TRUE, sizeof(sk__placed_label));
    if (map->zoom == NULL || map->style->name_size <= 0)
        return placed;
    const sk_style *s = map->style;
    size_t nmun;
    const sk__area *areas = sk__geography_municipalities(map->geo, &nmun);
    candidate_order *order = g_new(candidate_order, nmun + 1);
    size_t n = 0;
    for (size_t m = 0; m < nmun; m++)
        if (map->zoom[m])
            order[n++] = (candidate_order){m, areas[m].population};
    qsort(order, n, sizeof *order, by_population);
    const sk__box *frame = &l->map_frame;
    const double sizes[] = {1.0, 0.85, 0.72};
    for (size_t i = 0; i < n; i++) {
        const sk__area *a = &areas[order[i].municipality];
        /* Start where the municipality is widest inside: its pole of inaccessibility. */
        double px = map->poles[2 * order[i].municipality];
        double py = map->poles[2 * order[i].municipality + 1];
        double ax = l->origin_x + (px - l->extent_minx) * l->scale;
        double ay = l->origin_y + (l->extent_maxy - py) * l->scale;
        char *variants[2] = {g_strdup(a->name), two_lines(a->name)};
        int done = 0;
        for (size_t k = 0; k < G_N_ELEMENTS(sizes) && !done; k++) {
            double size = fmax(s->name_size * sizes[k], s->name_min_size);
            if (k > 0 && size == fmax(s->name_size * sizes[k - 1], s->name_min_size))
                continue;
            for (int v = 0; v < 2 && !done && variants[v] != NULL; v++) {
                PangoLayout *t = sk__text_layout(s, size, 0, variants[v], -1);
                pango_layout_set_alignment(t, PANGO_ALIGN_CENTER);
                int tw, th;
                pango_layout_get_size(t, &tw, &th);
                g_object_unref(t);
                double halo = size * 0.15;
                double w = (double)tw / PANGO_SCALE + 2 * halo;
                double h = (double)th / PANGO_SCALE + 2 * halo;
                /* Centred on the pole first, then shifted ever further from it, up to a
                ** box width sideways and a box height up or down. */
                for (size_t c = 0; c < G_N_ELEMENTS(shifts) && !done; c++) {
                    sk__box b = {ax - w / 2 + shifts[c].dx * w, ay - h / 2 + shifts[c].dy * h,
                                 w, h};
                    if (b.x < frame->x || b.y < frame->y || b.x + b.w > frame->x + frame->w ||
                        b.y + b.h > frame->y + frame->h)
                        continue;
                    int clear = 1;
                    for (guint q = 0; q < placed->len && clear; q++)
                        clear = !overlaps(&b, &g_array_index(placed, sk__placed_label, q).box);
                    if (!clear || !box_inside(map->geo, a, l, &b))
                        continue;
                    sk__placed_label pl = {order[i].municipality, g_strdup(variants[v]), size,
                                           b};
                    g_array_append_val(placed, pl);
                    done = 1;
                }
            }
        }
        g_free(variants[0]);
        g_free(variants[1]);
    }
    g_free(order);
    return placed;
}

void
sk__placed_labels_free(GArray *labels)
{
    if (labels == NULL)
        return;
    for (guint i = 0; i < labels->len; i++)
        g_free(g_array_index(labels, sk__placed_label, i).text);
    g_array_free(labels, TRUE);
}
