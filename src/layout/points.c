/* A point map on the page (points.h): circles over the map, coincident ones moved apart; the
** covered areas' outline; the legend's symbols. */
#include <math.h>
#include <string.h>
#include "points.h"

/* The golden angle: a sunflower spiral's turn from one point to the next. */
#define GOLDEN_ANGLE 2.399963229728653
/* A sunflower spiral of radius c sqrt(k + 1/2) puts no two points closer than 1.546 c. */
#define SPIRAL_SPREAD 1.546

/* The distance under which of two circles of diameters a and b the one drawn later covers
** the other's centre (with its outline w wide, and a tenth of the diameter to spare for
** antialiasing): the earlier would show no colour of its own where it lies, or be hidden
** entirely. */
static double
near_distance(double a, double b, double w)
{
    return 0.6 * fmax(a, b) + w / 2;
}

/* Which points lie near which: a grid of cells as large as the largest near distance.  The
** cells are hashed into buckets (at least twice as many as points), each bucket listing its
** points in drawing order; a bucket may hold other cells too, told apart by each point's
** cell.  (Rebuilt every round of displacement: flat arrays, no allocation per cell.) */
typedef struct near_grid {
    const double *x, *y, *d;
    size_t n;
    double w, cell;
    gint64 *cx, *cy;   /* per point: its cell */
    size_t *next;      /* per point: the next point of its bucket, or n */
    size_t *head;      /* per bucket: its first point, or n */
    size_t mask;       /* buckets - 1 (a power of two) */
} near_grid;

static size_t
bucket(const near_grid *g, gint64 cx, gint64 cy)
{
    guint64 h = (guint64)cx * 0x9e3779b97f4a7c15u + (guint64)cy * 0xc2b2ae3d27d4eb4fu;
    return (size_t)(h ^ h >> 29) & g->mask;
}

static void
grid_init(near_grid *g, const double *x, const double *y, const double *d, size_t n, double w)
{
    double dmax = 0;
    for (size_t i = 0; i < n; i++)
        dmax = fmax(dmax, d[i]);
    *g = (near_grid){.x = x, .y = y, .d = d, .n = n, .w = w,
                     .cell = fmax(near_distance(dmax, dmax, w), 1e-6)};
    size_t buckets = 16;
    while (buckets < 2 * n)
        buckets *= 2;
    g->mask = buckets - 1;
    g->cx = g_new(gint64, n);
    g->cy = g_new(gint64, n);
    g->next = g_new(size_t, n);
    g->head = g_new(size_t, buckets);
    for (size_t b = 0; b < buckets; b++)
        g->head[b] = n;
    for (size_t i = n; i-- > 0;) {
        g->cx[i] = (gint64)floor(x[i] / g->cell);
        g->cy[i] = (gint64)floor(y[i] / g->cell);
        size_t b = bucket(g, g->cx[i], g->cy[i]);
        g->next[i] = g->head[b];
        g->head[b] = i;
    }
}

static void
grid_clear(near_grid *g)
{
    g_free(g->head);
    g_free(g->next);
    g_free(g->cy);
    g_free(g->cx);
}

/* The points j near point i (only the later ones, j > i, when later), in drawing order
** within each cell, into out (cleared first). */
static void
grid_near(const near_grid *g, size_t i, int later, GArray *out)
{
    g_array_set_size(out, 0);
    gint64 cx = (gint64)floor(g->x[i] / g->cell), cy = (gint64)floor(g->y[i] / g->cell);
    for (gint64 dx = -1; dx <= 1; dx++)
        for (gint64 dy = -1; dy <= 1; dy++) {
            for (size_t j = g->head[bucket(g, cx + dx, cy + dy)]; j < g->n; j = g->next[j]) {
                if (g->cx[j] != cx + dx || g->cy[j] != cy + dy)
                    continue;
                double near = near_distance(g->d[i], g->d[j], g->w);
                double ex = g->x[i] - g->x[j], ey = g->y[i] - g->y[j];
                if ((later ? j > i : j != i) && ex * ex + ey * ey < near * near)
                    g_array_append_val(out, j);
            }
        }
}

/* seed[i]: the first point (in drawing order) of i's cluster: a point not yet in one starts
** a cluster with the later points not yet in one whose centres lie near it.  Clusters so
** stay as small as one symbol, however dense the points (no chains across a city). */
static void
find_clusters(const double *x, const double *y, const double *d, size_t n, double w,
              size_t *seed)
{
    near_grid g;
    grid_init(&g, x, y, d, n, w);
    guint8 *taken = g_new0(guint8, n);
    GArray *near = g_array_new(FALSE, FALSE, sizeof(size_t));
    for (size_t i = 0; i < n; i++)
        seed[i] = i;
    for (size_t i = 0; i < n; i++) {
        if (taken[i])
            continue;
        grid_near(&g, i, 1, near);
        for (guint k = 0; k < near->len; k++) {
            size_t j = g_array_index(near, size_t, k);
            if (!taken[j]) {
                taken[j] = 1;
                seed[j] = i;
            }
        }
    }
    g_array_free(near, TRUE);
    g_free(taken);
    grid_clear(&g);
}

/* The cluster (its first point) that i is in, with the path halved on the way. */
static size_t
cluster_of(size_t *seed, size_t i)
{
    while (seed[i] != i) {
        seed[i] = seed[seed[i]];
        i = seed[i];
    }
    return i;
}

/* A cluster is joined with others up to this many points, and its points beyond SPREAD_MAX
** stay at the edge of its spiral: in very dense data a point is moved a few symbols at most,
** never across a city (the map then shows the crowd, and --count the numbers). */
#define CLUSTER_MAX 24
#define SPREAD_MAX 40

/* After spreading, clusters that still cover a centre of another are joined (the earlier
** first point leads) and marked to be spread again (dirty, per first point).  Only points
** moved in the last round (moved) can collide anew.  Returns how many joins were made. */
static size_t
join_colliding(const double *x, const double *y, const double *d, size_t n, double w,
               size_t *seed, const guint8 *moved, guint8 *dirty)
{
    size_t *members = g_new0(size_t, n);
    for (size_t i = 0; i < n; i++)
        members[cluster_of(seed, i)]++;
    near_grid g;
    grid_init(&g, x, y, d, n, w);
    GArray *near = g_array_new(FALSE, FALSE, sizeof(size_t));
    size_t joins = 0;
    for (size_t i = 0; i < n; i++) {
        if (!moved[i])
            continue;
        grid_near(&g, i, 0, near);
        for (guint k = 0; k < near->len; k++) {
            size_t a = cluster_of(seed, i), b = cluster_of(seed, g_array_index(near, size_t, k));
            if (a != b && members[a] + members[b] <= CLUSTER_MAX) {
                seed[MAX(a, b)] = MIN(a, b);
                members[MIN(a, b)] += members[MAX(a, b)];
                dirty[MIN(a, b)] = 1;
                joins++;
            }
        }
    }
    g_array_free(near, TRUE);
    grid_clear(&g);
    g_free(members);
    return joins;
}

/* The members (in drawing order) of one cluster round their centroid, gap apart: at least
** spacing, and so far that no member's centre lies under another's circle: a ring from the
** top clockwise, or a sunflower spiral from the centre outwards. */
static void
spread(double *x, double *y, const double *d, const size_t *members, size_t m, double spacing,
       double w)
{
    double cx = 0, cy = 0, dmax = 0;
    for (size_t k = 0; k < m; k++) {
        cx += x[members[k]];
        cy += y[members[k]];
        dmax = fmax(dmax, d[members[k]]);
    }
    cx /= (double)m;
    cy /= (double)m;
    /* A radius and its outline, and a tenth of the diameter to spare for antialiasing. */
    double gap = fmax(spacing, 0.6 * dmax + w);
    for (size_t k = 0; k < m; k++) {
        double r, a;
        if (m <= 6) {
            r = gap / (2 * sin(G_PI / (double)m));
            a = -G_PI / 2 + 2 * G_PI * (double)k / (double)m;
        } else {
            r = gap / SPIRAL_SPREAD * sqrt((double)MIN(k, SPREAD_MAX) + 0.5);
            a = -G_PI / 2 + GOLDEN_ANGLE * (double)k;
        }
        x[members[k]] = cx + r * cos(a);
        y[members[k]] = cy + r * sin(a);
    }
}

/* Spread the clusters of seed marked dirty (per first point; members in drawing order) from
** the positions x0, y0 into x, y, marking their points moved. */
static void
spread_clusters(const double *x0, const double *y0, double *x, double *y, const double *d,
                size_t n, size_t *seed, const guint8 *dirty, guint8 *moved, double spacing,
                double outline)
{
    /* The members of each cluster together, each in drawing order (a counting sort). */
    size_t *start = g_new0(size_t, n + 1), *members = g_new(size_t, n);
    for (size_t i = 0; i < n; i++)
        start[cluster_of(seed, i) + 1]++;
    for (size_t r = 0; r < n; r++)
        start[r + 1] += start[r];
    size_t *fill = g_memdup2(start, n * sizeof *start);
    for (size_t i = 0; i < n; i++)
        members[fill[cluster_of(seed, i)]++] = i;
    memset(moved, 0, n);
    for (size_t r = 0; r < n; r++) {
        size_t m = start[r + 1] - start[r];
        if (m < 2 || !dirty[r])
            continue;
        for (size_t k = 0; k < m; k++) {
            size_t i = members[start[r] + k];
            x[i] = x0[i];
            y[i] = y0[i];
            moved[i] = 1;
        }
        spread(x, y, d, members + start[r], m, spacing, outline);
    }
    g_free(fill);
    g_free(members);
    g_free(start);
}

/* Spreading a cluster can put its points on a neighbour: the clusters that then collide are
** joined and spread again from the data's positions, until no centre is covered (a bounded
** number of rounds, each over the clusters that changed; the last may leave a rare
** overlap). */
#define DISPLACE_ROUNDS 12

void
sk__points_displace(double *x, double *y, const double *d, size_t n, double spacing,
                    double outline)
{
    if (n < 2)
        return;
    size_t *seed = g_new(size_t, n);
    guint8 *dirty = g_malloc(n), *moved = g_malloc(n);
    memset(dirty, 1, n);
    double *x0 = g_memdup2(x, n * sizeof *x), *y0 = g_memdup2(y, n * sizeof *y);
    find_clusters(x0, y0, d, n, outline, seed);
    for (int round = 0; round < DISPLACE_ROUNDS; round++) {
        spread_clusters(x0, y0, x, y, d, n, seed, dirty, moved, spacing, outline);
        memset(dirty, 0, n);
        if (join_colliding(x, y, d, n, outline, seed, moved, dirty) == 0)
            break;
        if (round == DISPLACE_ROUNDS - 1)
            spread_clusters(x0, y0, x, y, d, n, seed, dirty, moved, spacing, outline);
    }
    g_free(x0);
    g_free(y0);
    g_free(moved);
    g_free(dirty);
    g_free(seed);
}

void
sk__plan_points(sk__plan *p, size_t k, const sk_map *map)
{
    const sk__point_layer *pl = map->points;
    if (pl == NULL || pl->count == 0)
        return;
    const sk__plan_map *pm = &p->maps[k];
    const sk__transform *at = &pm->at;
    const sk__box *f = &pm->frame;
    size_t *ids = g_new(size_t, pl->count), n = 0;
    double *x = g_new(double, pl->count), *y = g_new(double, pl->count);
    double *d = g_new(double, pl->count);
    for (size_t i = 0; i < pl->count; i++) {
        const sk__map_point *pt = &pl->points[i];
        double px = at->origin_x + (pt->x - at->minx) * at->scale;
        double py = at->origin_y + (at->maxy - pt->y) * at->scale;
        if (px < f->x || px > f->x + f->w || py < f->y || py > f->y + f->h)
            continue;   /* off a zoomed map's frame */
        ids[n] = i;
        x[n] = px;
        y[n] = py;
        d[n++] = pt->diameter;
    }
    const sk__points_style *ps = sk__style_points(map->style);
    sk__points_displace(x, y, d, n, ps->displace, ps->outline_width);
    for (size_t j = 0; j < n; j++) {
        const sk__point_class *c = &pl->classes[pl->points[ids[j]].klass];
        sk__plan_item it = {.kind = SK__ITEM_CIRCLE, .role = SK__ROLE_POINT, .id = (long)ids[j]};
        it.u.circle = (sk__plan_circle){x[j], y[j], d[j] / 2, c->fill, c->outline,
                                        ps->outline_width, k};
        sk__plan_add(p, &it);
    }
    g_free(d);
    g_free(y);
    g_free(x);
    g_free(ids);
}

void
sk__plan_covered(sk__plan *p, size_t k, const sk_map *map, double f)
{
    const sk__point_layer *pl = map->points;
    const sk__points_style *ps = sk__style_points(map->style);
    if (pl == NULL || pl->covered == NULL || !(ps->covered_width > 0))
        return;
    size_t nmun = sk_geography_municipality_count(map->geo);
    sk__plan_path path = {.kind = SK__PATH_AREA, .color = ps->covered_color,
                          .width = ps->covered_width * f, .speck = ps->covered_width * f};
    path.ids = g_new(size_t, nmun > 0 ? nmun : 1);
    for (size_t m = 0; m < nmun; m++)
        if (pl->covered[m])
            path.ids[path.count++] = m;
    sk__plan_add_path(p, k, &path);
}

static void
add_entry(GArray *legend, const char *text, const char *count, sk__color color)
{
    sk__legend_entry e = {.label = g_strdup(text), .text = g_strdup(text),
                          .count = g_strdup(count), .color = color};
    g_array_append_val(legend, e);
}

GArray *
sk__points_legend(const sk__point_layer *pl)
{
    GArray *legend = g_array_new(FALSE, TRUE, sizeof(sk__legend_entry));
    for (size_t k = 0; k < pl->class_count; k++) {
        const sk__point_class *c = &pl->classes[k];
        add_entry(legend, c->text != NULL ? c->text : c->value, c->count, c->fill);
    }
    if (pl->size_count > 0) {
        add_entry(legend, pl->size_title != NULL ? pl->size_title : "", NULL, 0);
        for (size_t k = 0; k < pl->size_count; k++)
            add_entry(legend, pl->sizes[k].text, NULL, 0);
    }
    return legend;
}

/* The diameter of a class's symbol in the legend: the style's symbol size. */
static double
class_diameter(const sk_style *s)
{
    const sk__points_style *ps = sk__style_points(s);
    return ps->symbol_size > 0 ? ps->symbol_size : s->swatch_height;
}

int
sk__points_legend_symbol(const sk__point_layer *pl, const sk_style *s, size_t i,
                         sk__legend_item *it)
{
    const sk__points_style *ps = sk__style_points(s);
    it->is_line = 0;
    it->line_width = ps->outline_width;
    it->symbol = SK__SYMBOL_NONE;
    it->diameter = 0;
    if (i < pl->class_count) {
        const sk__point_class *c = &pl->classes[i];
        if (!c->off_map) {
            it->symbol = SK__SYMBOL_CIRCLE;
            it->diameter = class_diameter(s);
        }
        it->color = c->fill;
        it->outline = c->outline;
        return 0;
    }
    if (i == pl->class_count)
        return 1;   /* the heading of sizes */
    /* A size: an open circle, as it stands for every class. */
    it->symbol = SK__SYMBOL_CIRCLE;
    it->diameter = pl->sizes[i - pl->class_count - 1].diameter;
    it->color = s->background;
    it->outline = ps->outline_dark;
    return 0;
}

double
sk__points_symbol_width(const sk__point_layer *pl, const sk_style *s)
{
    double w = fmax(s->swatch_width, class_diameter(s));
    for (size_t k = 0; k < pl->size_count; k++)
        w = fmax(w, pl->sizes[k].diameter);
    return w;
}
