/* Cairo backend: the maps' paths (plan.h: fills, borders, outlines) resolved to the
** geography's arcs.  Geometry is drawn from the shared read-only geography; the page's
** transformed, simplified copy lives in a per-page arena freed in one go. */
#include <math.h>
#include <string.h>
#include "../arena.h"
#include "../geography_internal.h"
#include "../topology.h"
#include "render.h"

/* Whether an arc is a speck: smaller on the page than the line that draws it (min_pt), so
** that drawn it would be a blob of line cap, not a shape.  Region data digitised apart from
** the municipalities has such arcs by the hundred (slivers between regions, an islet in a
** river: at 1:1,500,000 a 2-hectare islet is 0.3 pt across, a region border 1.5 pt wide).
** Like mapshaper's sliver filter and MapServer's minimum feature size, they are left out.
** With whole_ring only an island on its own counts (one arc, the whole ring, nothing on its
** other side): fills must stay closed, and butt-capped lines would show the gap a left-out
** piece of a longer border leaves; round caps cover it. */
static int
speck(const sk_geography *geo, const sk__transform *l, const sk__arc *arc, double min_pt,
      int whole_ring)
{
    const sk__ring *ring = &sk__geography_rings(geo)[arc->ring];
    if (whole_ring && (arc->twin != SIZE_MAX || arc->count < ring->count))
        return 0;
    const double *pts = sk__geography_points(geo);
    size_t n = ring->count - 1, k = ring->start + arc->offset % n;
    double minx = pts[2 * k], maxx = minx, miny = pts[2 * k + 1], maxy = miny;
    double min = min_pt / l->scale;
    for (size_t i = 1; i < arc->count; i++) {
        k = ring->start + (arc->offset + i) % n;
        minx = fmin(minx, pts[2 * k]);
        maxx = fmax(maxx, pts[2 * k]);
        miny = fmin(miny, pts[2 * k + 1]);
        maxy = fmax(maxy, pts[2 * k + 1]);
        if (maxx - minx >= min || maxy - miny >= min)
            return 0;
    }
    return 1;
}

/* Add one arc to the path, simplified to tolerance (map units) and snapped to grid_pt. */
static void
path_arc(cairo_t *cr, const sk_geography *geo, const sk__transform *l, const sk__arc *arc,
         double tolerance, double grid_pt)
{
    const sk__ring *ring = &sk__geography_rings(geo)[arc->ring];
    const double *pts = sk__geography_points(geo), *importance = sk__geography_importance(geo);
    size_t n = ring->count - 1;
    for (size_t i = 0; i < arc->count; i++) {
        size_t k = ring->start + (arc->offset + i) % n;
        if (importance[k] < tolerance)
            continue;
        double x, y;
        sk__to_page(l, grid_pt, pts + 2 * k, &x, &y);
        if (i == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
}

/* Which arcs path_arcs adds: all, or those along a set of municipalities or regions (mask,
** indexed like the arcs' layer) with a member on either side, or on one side only. */
typedef enum arc_choice { ALL_ARCS, MASK_EITHER_SIDE, MASK_ONE_SIDE, MASK_BOTH_SIDES } arc_choice;

/* Add the borders (arcs) of the municipalities (regions = 0) or regions to the path,
** simplified to the output resolution: vertices less important than tolerance_pt are dropped
** (topology.h: shared borders lose the same ones on both sides), the rest snap to a grid of
** half that.  Each shared border is stroked once instead of once per neighbour.  Specks
** smaller than line_width_pt are left out (whole islands only when whole_ring). */
static void
path_arcs(cairo_t *cr, const sk_geography *geo, const sk__transform *l, int regions,
          double tolerance_pt, double line_width_pt, int whole_ring, arc_choice choice,
          const guint8 *mask)
{
    size_t count;
    const sk__arc *arcs = sk__geography_arcs(geo, regions, &count);
    const int *owner = sk__geography_ring_owners(geo);
    double tolerance = tolerance_pt / l->scale, grid_pt = tolerance_pt / 2;
    for (size_t a = 0; a < count; a++) {
        if (choice != ALL_ARCS) {
            /* Ring owners: municipality m >= 0, region r as -2 - r. */
            int i1 = regions ? -2 - owner[arcs[a].ring] : owner[arcs[a].ring];
            int i2 = arcs[a].twin == SIZE_MAX ? -1
                     : regions                ? -2 - owner[arcs[a].twin]
                                              : owner[arcs[a].twin];
            int in1 = i1 >= 0 && mask[i1], in2 = i2 >= 0 && mask[i2];
            if (choice == MASK_EITHER_SIDE  ? !(in1 || in2)
                : choice == MASK_BOTH_SIDES ? !(in1 && in2)
                                            : in1 == in2)
                continue;
        }
        if (speck(geo, l, &arcs[a], line_width_pt, whole_ring))
            continue;
        path_arc(cr, geo, l, &arcs[a], tolerance, grid_pt);
    }
}

/* Stroke the path with round joins and caps: outlines that must read as one line. */
static void
stroke_round(cairo_t *cr, sk__color color, double width)
{
    sk__set_color(cr, color);
    cairo_set_line_width(cr, width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke_preserve(cr);
}

/* An arc on the page, simplified like the borders: its points into buf (room for count). */
static size_t
project_arc(const sk_geography *geo, const sk__transform *l, const sk__arc *arc, double tolerance,
            double grid_pt, double *buf)
{
    const sk__ring *ring = &sk__geography_rings(geo)[arc->ring];
    const double *pts = sk__geography_points(geo), *importance = sk__geography_importance(geo);
    size_t n = ring->count - 1, m = 0;
    for (size_t i = 0; i < arc->count; i++) {
        size_t k = ring->start + (arc->offset + i) % n;
        if (importance[k] < tolerance)
            continue;
        sk__to_page(l, grid_pt, pts + 2 * k, &buf[2 * m], &buf[2 * m + 1]);
        m++;
    }
    return m;
}

typedef struct arc_end {
    double x, y;
} arc_end;

static guint
arc_end_hash(gconstpointer p)
{
    const arc_end *e = p;
    gint64 x = (gint64)llround(e->x * 64), y = (gint64)llround(e->y * 64);
    return (guint)(x * 73856093) ^ (guint)(y * 19349663);
}

static gboolean
arc_end_equal(gconstpointer a, gconstpointer b)
{
    const arc_end *x = a, *y = b;
    return x->x == y->x && x->y == y->y;
}

/* The arcs of a fill's outline on the page (those with the fill on one side only):
** (*points)[k] with (*lengths)[k] points, k < *n, in the arena.  Out of memory: SIZE_MAX. */
static size_t
outline_arcs(const sk_geography *geo, const sk__transform *l, double tolerance_pt,
             const sk__plan_path *fill, sk__arena *arena, double ***points, size_t **lengths)
{
    size_t count;
    const sk__arc *arcs = sk__geography_arcs(geo, 0, &count);
    const int *owner = sk__geography_ring_owners(geo);
    double tolerance = tolerance_pt / l->scale, grid_pt = tolerance_pt / 2;
    size_t nmun, n = 0;
    sk__geography_municipalities(geo, &nmun);
    guint8 *in_fill = sk__arena_alloc(arena, nmun + 1);
    *points = sk__arena_alloc(arena, (count + 1) * sizeof **points);
    *lengths = sk__arena_alloc(arena, (count + 1) * sizeof **lengths);
    if (in_fill == NULL || *points == NULL || *lengths == NULL)
        return SIZE_MAX;
    memset(in_fill, 0, nmun + 1);
    for (size_t i = 0; i < fill->count; i++)
        in_fill[fill->ids[i]] = 1;
    for (size_t a = 0; a < count; a++) {
        int in = owner[arcs[a].ring] >= 0 && in_fill[owner[arcs[a].ring]];
        int other = arcs[a].twin != SIZE_MAX && owner[arcs[a].twin] >= 0 &&
                    in_fill[owner[arcs[a].twin]];
        if (in == other || speck(geo, l, &arcs[a], fill->speck, 1))
            continue;
        double *buf = sk__arena_alloc(arena, 2 * arcs[a].count * sizeof *buf);
        if (buf == NULL)
            return SIZE_MAX;
        size_t m = project_arc(geo, l, &arcs[a], tolerance, grid_pt, buf);
        if (m < 2)
            continue;
        (*points)[n] = buf;
        (*lengths)[n++] = m;
    }
    return n;
}

/* The municipalities of fill as one region, as cr's path.  Its outline is the arcs with
** them on one side only; chained end to end into closed loops they fill, with the even-odd
** rule, exactly the union of those municipalities.  Borders between them are left out: no
** seams between neighbours of one colour, and half the drawing or less.  Returns
** CAIRO_STATUS_NO_MEMORY when the arena cannot hold the outline. */
static cairo_status_t
region_path(cairo_t *cr, const sk_geography *geo, const sk__transform *l, double tolerance_pt,
            const sk__plan_path *fill, sk__arena *arena)
{
    cairo_new_path(cr);
    double **points;
    size_t *lengths;
    size_t n = outline_arcs(geo, l, tolerance_pt, fill, arena, &points, &lengths);
    if (n == 0)
        return CAIRO_STATUS_SUCCESS;
    /* Arc ends by point: end 2a is arc a's start, 2a + 1 its end. */
    size_t *next = n != SIZE_MAX ? sk__arena_alloc(arena, 2 * n * sizeof *next) : NULL;
    arc_end *ends = next != NULL ? sk__arena_alloc(arena, 2 * n * sizeof *ends) : NULL;
    guint8 *used = ends != NULL ? sk__arena_alloc(arena, n) : NULL;
    if (used == NULL)
        return CAIRO_STATUS_NO_MEMORY;
    GHashTable *at = g_hash_table_new(arc_end_hash, arc_end_equal);
    for (size_t e = 0; e < 2 * n; e++) {
        const double *p = points[e / 2] + (e % 2 ? 2 * (lengths[e / 2] - 1) : 0);
        ends[e] = (arc_end){p[0], p[1]};
        gpointer head = g_hash_table_lookup(at, &ends[e]);
        next[e] = head != NULL ? GPOINTER_TO_SIZE(head) - 1 : SIZE_MAX;
        g_hash_table_insert(at, &ends[e], GSIZE_TO_POINTER(e + 1));
    }
    memset(used, 0, n);
    for (size_t first = 0; first < n; first++) {
        if (used[first])
            continue;
        /* Walk from arc to arc: every point of an outline has an even number of its arcs,
        ** so the walk can only end where it started. */
        size_t a = first;
        int reversed = 0;
        cairo_move_to(cr, points[a][0], points[a][1]);
        for (;;) {
            used[a] = 1;
            size_t m = lengths[a];
            for (size_t i = 1; i < m; i++) {
                size_t k = reversed ? m - 1 - i : i;
                cairo_line_to(cr, points[a][2 * k], points[a][2 * k + 1]);
            }
            const arc_end *here = &ends[2 * a + (reversed ? 0 : 1)];
            gpointer head = g_hash_table_lookup(at, here);
            size_t e = head != NULL ? GPOINTER_TO_SIZE(head) - 1 : SIZE_MAX;
            while (e != SIZE_MAX && used[e / 2])
                e = next[e];
            if (e == SIZE_MAX)
                break;
            a = e / 2;
            reversed = e % 2 == 1;
        }
        cairo_close_path(cr);
    }
    g_hash_table_destroy(at);
    return CAIRO_STATUS_SUCCESS;
}

/* The municipalities of one colour filled as one region (region_path). */
static cairo_status_t
fill_region(cairo_t *cr, const sk_geography *geo, const sk__transform *l, double tolerance_pt,
            const sk__plan_path *fill, sk__arena *arena)
{
    cairo_status_t status = region_path(cr, geo, l, tolerance_pt, fill, arena);
    if (status != CAIRO_STATUS_SUCCESS)
        return status;
    sk__set_color(cr, fill->color);
    cairo_fill(cr);
    return status;
}


/* The municipal and region borders, each shared border once; the region borders on their
** casing, a wider lighter line that parts them from dark fills. */
static void
draw_borders(cairo_t *cr, const sk_geography *geo, const sk__transform *l, double tolerance_pt,
             const sk__plan_path *municipal, const sk__plan_path *region)
{
    cairo_save(cr);
    /* Thin borders: bevel joins look the same and stroke much faster than round ones. */
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL);
    if (municipal != NULL) {
        cairo_new_path(cr);
        path_arcs(cr, geo, l, 0, tolerance_pt, municipal->speck, 1, ALL_ARCS, NULL);
        sk__set_color(cr, municipal->color);
        cairo_set_line_width(cr, municipal->width);
        cairo_stroke(cr);
    }
    if (region != NULL) {
        cairo_new_path(cr);
        path_arcs(cr, geo, l, 1, tolerance_pt, region->speck, 0, ALL_ARCS, NULL);
        if (region->casing_width > 0)
            stroke_round(cr, region->casing, region->casing_width);
        stroke_round(cr, region->color, region->width);
    }
    cairo_new_path(cr);
    cairo_restore(cr);
}

/* A feature mask from a path's ids: n bytes, owned by the caller. */
static guint8 *
mask_of(const sk__plan_path *path, size_t n)
{
    guint8 *mask = g_new0(guint8, n + 1);
    for (size_t i = 0; i < path->count; i++)
        mask[path->ids[i]] = 1;
    return mask;
}

/* An outline: of the regions taking part (SK__PATH_OUTLINE: every region border with such a
** region on one side at least), or of an area such as a kernwerkgebied (SK__PATH_AREA: the
** municipal borders with the area on one side only, so it follows the municipalities
** exactly, shared borders and all; on a wider casing, so it stands out on every fill). */
static void
draw_outline(cairo_t *cr, const sk_geography *geo, const sk__transform *l, double tolerance_pt,
             const sk__plan_path *path)
{
    int regions = path->kind == SK__PATH_OUTLINE;
    size_t n;
    if (regions)
        sk__geography_regions(geo, &n);
    else
        sk__geography_municipalities(geo, &n);
    guint8 *mask = mask_of(path, n);
    cairo_save(cr);
    cairo_new_path(cr);
    path_arcs(cr, geo, l, regions, tolerance_pt, path->speck, 0,
              regions ? MASK_EITHER_SIDE : MASK_ONE_SIDE, mask);
    if (path->casing_width > 0)
        stroke_round(cr, path->casing, path->casing_width);
    stroke_round(cr, path->color, path->width);
    cairo_new_path(cr);
    cairo_restore(cr);
    g_free(mask);
}

/* ---- border layers ----------------------------------------------------------------- */

/* The borders are the same on every page whose map sits at the same place and scale: an
** atlas draws them once per placement and lays them over each page's fills (for PDF a
** recording surface, which cairo writes once as a form used by every page).  Two layers per
** placement, the municipal borders and the region borders: between them each page draws
** its own light borders inside dark fills. */
typedef struct layer {
    const sk_geography *geo;
    sk__plan_path municipal, region;   /* their colours and widths (no ids) */
    int raster;
    double px_per_pt, scale, origin_x, origin_y, page_w, page_h;
    cairo_surface_t *surface;
    int drawn;                         /* made ahead (sk__layers_prepare), drawn on first use */
} layer;

struct sk__layers {
    GMutex lock;
    GArray *layers;    /* layer */
};

sk__layers *
sk__layers_new(void)
{
    sk__layers *ls = g_new0(sk__layers, 1);
    g_mutex_init(&ls->lock);
    ls->layers = g_array_new(FALSE, TRUE, sizeof(layer));
    return ls;
}

void
sk__layers_free(sk__layers *ls)
{
    if (ls == NULL)
        return;
    for (guint i = 0; i < ls->layers->len; i++) {
        /* Finishing first releases the snapshots the PDF surface took of it (cairo 1.16
        ** leaks them otherwise). */
        cairo_surface_finish(g_array_index(ls->layers, layer, i).surface);
        cairo_surface_destroy(g_array_index(ls->layers, layer, i).surface);
    }
    g_array_free(ls->layers, TRUE);
    g_mutex_clear(&ls->lock);
    g_free(ls);
}

static int
same_line(const sk__plan_path *a, const sk__plan_path *b)
{
    return a->kind == b->kind && a->color == b->color && a->width == b->width &&
           a->speck == b->speck && a->casing == b->casing &&
           a->casing_width == b->casing_width;
}

static int
same_layer(const layer *a, const layer *b)
{
    return a->geo == b->geo && same_line(&a->municipal, &b->municipal) &&
           same_line(&a->region, &b->region) && a->raster == b->raster &&
           a->px_per_pt == b->px_per_pt && a->scale == b->scale &&
           a->origin_x == b->origin_x && a->origin_y == b->origin_y &&
           a->page_w == b->page_w && a->page_h == b->page_h;
}

static const sk__plan_path *
path_of_kind(const sk__plan_map *pm, sk__path_kind kind)
{
    for (guint i = 0; pm->paths != NULL && i < pm->paths->len; i++)
        if (g_array_index(pm->paths, sk__plan_path, i).kind == kind)
            return &g_array_index(pm->paths, sk__plan_path, i);
    return NULL;
}

/* What identifies border layer `which` (0: municipal, 1: region borders) of map pm (no
** surface yet). */
static layer
layer_key(const sk__plan *p, const sk__plan_map *pm, int raster, double px_per_pt, int which)
{
    const sk__plan_path *municipal =
        which == 0 ? path_of_kind(pm, SK__PATH_MUNICIPAL_BORDERS) : NULL;
    const sk__plan_path *region = which == 1 ? path_of_kind(pm, SK__PATH_REGION_BORDERS) : NULL;
    sk__plan_path none = {.kind = SK__PATH_FILL};
    layer key = {p->geo, municipal != NULL ? *municipal : none, region != NULL ? *region : none,
                 raster, raster ? px_per_pt : 0, pm->at.scale, pm->at.origin_x,
                 pm->at.origin_y, p->page_w, p->page_h, NULL, 0};
    key.municipal.ids = key.region.ids = NULL;
    return key;
}

/* The layer like key in ls, or NULL (ls locked). */
static layer *
find_layer(sk__layers *ls, const layer *key)
{
    for (guint i = 0; i < ls->layers->len; i++)
        if (same_layer(&g_array_index(ls->layers, layer, i), key))
            return &g_array_index(ls->layers, layer, i);
    return NULL;
}

static int
layer_width(const layer *l)
{
    return (int)lround(l->page_w * l->px_per_pt);
}

static int
layer_height(const layer *l)
{
    return (int)lround(l->page_h * l->px_per_pt);
}

sk_status
sk__layers_prepare(sk_ctx *ctx, sk__layers *ls, sk__plan *const *plans, size_t count,
                   double dpi, const char *what)
{
    sk_status st = SK_OK;
    g_mutex_lock(&ls->lock);
    for (size_t i = 0; i < count && st == SK_OK; i++) {
        for (size_t k = 0; plans[i] != NULL && k < 2 * plans[i]->map_count && st == SK_OK;
             k++) {
            layer key = layer_key(plans[i], &plans[i]->maps[k / 2], 1, dpi / 72.0, (int)k % 2);
            if (find_layer(ls, &key) != NULL)
                continue;
            st = sk__sink_image_surface(ctx, CAIRO_FORMAT_ARGB32, layer_width(&key),
                                        layer_height(&key), what, &key.surface);
            if (st == SK_OK)
                g_array_append_val(ls->layers, key);
        }
    }
    g_mutex_unlock(&ls->lock);
    return st;
}

/* A new layer's surface (one sk__layers_prepare did not make); its status tells. */
static cairo_surface_t *
layer_surface(const layer *key)
{
    if (key->raster)
        return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, layer_width(key),
                                          layer_height(key));
    /* Bounded to the page: cairo copies unbounded recordings for every use. */
    cairo_rectangle_t page = {0, 0, key->page_w, key->page_h};
    return cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page);
}

/* Border layer `which` for this map, drawn on first use.  Borrowed from ls; NULL when it
** could not be made or drawn (*status tells why). */
static cairo_surface_t *
borders_layer(sk__layers *ls, const sk__plan *p, const sk__plan_map *pm, int raster,
              double px_per_pt, double tolerance_pt, int which, cairo_status_t *status)
{
    layer key = layer_key(p, pm, raster, px_per_pt, which);
    g_mutex_lock(&ls->lock);
    layer *found = find_layer(ls, &key);
    if (found == NULL) {
        key.surface = layer_surface(&key);
        *status = cairo_surface_status(key.surface);
        if (*status == CAIRO_STATUS_SUCCESS) {
            g_array_append_val(ls->layers, key);
            found = &g_array_index(ls->layers, layer, ls->layers->len - 1);
        } else {
            cairo_surface_destroy(key.surface);
        }
    }
    if (found != NULL && !found->drawn) {
        cairo_t *cr = cairo_create(found->surface);
        if (raster)
            cairo_scale(cr, px_per_pt, px_per_pt);
        draw_borders(cr, p->geo, &pm->at, tolerance_pt,
                     which == 0 ? path_of_kind(pm, SK__PATH_MUNICIPAL_BORDERS) : NULL,
                     which == 1 ? path_of_kind(pm, SK__PATH_REGION_BORDERS) : NULL);
        *status = cairo_status(cr);
        cairo_destroy(cr);
        /* A layer whose drawing failed stays undrawn: every page using it fails likewise. */
        found->drawn = *status == CAIRO_STATUS_SUCCESS;
    }
    cairo_surface_t *surface = found != NULL && found->drawn ? found->surface : NULL;
    g_mutex_unlock(&ls->lock);
    return surface;
}

/* ---- a map ------------------------------------------------------------------------- */

/* A band along the inside of an area (SK__PATH_BAND): its outline stroked twice as wide, cut
** to the area, translucent.  An area's edge, which no border line is mistaken for, whole
** where other lines run along it (drawn over it). */
static cairo_status_t
draw_band(cairo_t *cr, const sk_geography *geo, const sk__transform *l, double tolerance_pt,
          const sk__plan_path *band, sk__arena *arena)
{
    size_t n;
    sk__geography_municipalities(geo, &n);
    cairo_save(cr);
    cairo_status_t status = region_path(cr, geo, l, tolerance_pt, band, arena);
    cairo_clip(cr);
    guint8 *mask = mask_of(band, n);
    cairo_new_path(cr);
    path_arcs(cr, geo, l, 0, tolerance_pt, band->speck, 0, MASK_ONE_SIDE, mask);
    g_free(mask);
    cairo_set_source_rgba(cr, (band->color >> 16 & 0xff) / 255.0,
                          (band->color >> 8 & 0xff) / 255.0, (band->color & 0xff) / 255.0,
                          band->opacity);
    cairo_set_line_width(cr, 2 * band->width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr);
    cairo_restore(cr);
    return status;
}

/* The fills, one region per colour, as one even-odd path each, then the bands of zoomed
** areas; out of memory stops them. */
static cairo_status_t
draw_fills(cairo_t *cr, const sk__plan *p, const sk__plan_map *pm, double tolerance_pt)
{
    cairo_save(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    sk__arena arena;
    sk__arena_init(&arena);
    cairo_status_t status = CAIRO_STATUS_SUCCESS;
    for (guint i = 0; pm->paths != NULL && i < pm->paths->len && !status; i++) {
        const sk__plan_path *path = &g_array_index(pm->paths, sk__plan_path, i);
        if (path->kind == SK__PATH_FILL)
            status = fill_region(cr, p->geo, &pm->at, tolerance_pt, path, &arena);
    }
    for (guint i = 0; pm->paths != NULL && i < pm->paths->len && !status; i++) {
        const sk__plan_path *path = &g_array_index(pm->paths, sk__plan_path, i);
        if (path->kind == SK__PATH_BAND && path->width > 0 && path->opacity > 0)
            status = draw_band(cr, p->geo, &pm->at, tolerance_pt, path, &arena);
    }
    sk__arena_free(&arena);
    cairo_restore(cr);
    return status;
}

/* The light municipal borders inside dark fills (SK__PATH_FILL_BORDERS): the borders with
** both sides among the path's municipalities. */
static void
draw_fill_borders(cairo_t *cr, const sk_geography *geo, const sk__transform *l,
                  double tolerance_pt, const sk__plan_path *path)
{
    if (path == NULL || path->count == 0 || path->width <= 0)
        return;
    size_t n;
    sk__geography_municipalities(geo, &n);
    guint8 *mask = mask_of(path, n);
    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL);
    cairo_new_path(cr);
    path_arcs(cr, geo, l, 0, tolerance_pt, path->speck, 1, MASK_BOTH_SIDES, mask);
    sk__set_color(cr, path->color);
    cairo_set_line_width(cr, path->width);
    cairo_stroke(cr);
    cairo_restore(cr);
    g_free(mask);
}

/* Lay border layer `which` over the page. */
static cairo_status_t
paint_layer(cairo_t *cr, const sk__plan *p, const sk__plan_map *pm, double tolerance_pt,
            sk__layers *layers, int raster, double px_per_pt, int band_y, int which)
{
    cairo_status_t status = CAIRO_STATUS_SUCCESS;
    cairo_surface_t *borders = borders_layer(layers, p, pm, raster, px_per_pt, tolerance_pt,
                                             which, &status);
    if (borders == NULL)
        return status;
    cairo_save(cr);
    if (raster) {
        cairo_identity_matrix(cr);
        cairo_set_source_surface(cr, borders, 0, -band_y);
    } else {
        cairo_set_source_surface(cr, borders, 0, 0);
    }
    cairo_paint(cr);
    cairo_restore(cr);
    return CAIRO_STATUS_SUCCESS;
}

/* The map: fills, the municipal borders, the light ones inside dark fills, the region
** borders (from layers when given), then outline and area.  Returns a layer's failure
** (cr's own status tells the rest). */
static cairo_status_t
draw_map_content(cairo_t *cr, const sk__plan *p, const sk__plan_map *pm, double tolerance_pt,
                 sk__layers *layers, int raster, double px_per_pt, int band_y)
{
    cairo_status_t status = draw_fills(cr, p, pm, tolerance_pt);
    const sk__plan_path *municipal = path_of_kind(pm, SK__PATH_MUNICIPAL_BORDERS);
    const sk__plan_path *region = path_of_kind(pm, SK__PATH_REGION_BORDERS);
    for (int which = 0; which < 2 && status == CAIRO_STATUS_SUCCESS; which++) {
        if (layers == NULL)
            draw_borders(cr, p->geo, &pm->at, tolerance_pt, which == 0 ? municipal : NULL,
                         which == 1 ? region : NULL);
        else
            status = paint_layer(cr, p, pm, tolerance_pt, layers, raster, px_per_pt, band_y,
                                 which);
        if (which == 0)
            draw_fill_borders(cr, p->geo, &pm->at, tolerance_pt,
                              path_of_kind(pm, SK__PATH_FILL_BORDERS));
    }
    if (status != CAIRO_STATUS_SUCCESS)
        return status;
    for (guint i = 0; pm->paths != NULL && i < pm->paths->len; i++) {
        const sk__plan_path *path = &g_array_index(pm->paths, sk__plan_path, i);
        if (path->kind == SK__PATH_OUTLINE || path->kind == SK__PATH_AREA)
            draw_outline(cr, p->geo, &pm->at, tolerance_pt, path);
    }
    return CAIRO_STATUS_SUCCESS;
}

cairo_status_t
sk__draw_plan_map(cairo_t *cr, const sk__plan *p, const sk__plan_map *pm, double tolerance_pt,
                  sk__layers *layers, int raster, double px_per_pt, int band_y)
{
    if (!pm->clip)
        return draw_map_content(cr, p, pm, tolerance_pt, layers, raster, px_per_pt, band_y);
    double w = (pm->extent[2] - pm->extent[0]) * pm->at.scale;
    double h = (pm->extent[3] - pm->extent[1]) * pm->at.scale;
    cairo_save(cr);
    cairo_rectangle(cr, pm->at.origin_x, pm->at.origin_y, w, h);
    cairo_clip(cr);
    cairo_status_t status = draw_map_content(cr, p, pm, tolerance_pt, layers, raster,
                                             px_per_pt, band_y);
    cairo_restore(cr);
    cairo_save(cr);
    cairo_rectangle(cr, pm->at.origin_x, pm->at.origin_y, w, h);
    sk__set_color(cr, pm->neat_color);
    cairo_set_line_width(cr, pm->neat_width);
    cairo_stroke(cr);
    cairo_restore(cr);
    return status;
}

void
sk__path_region_borders(cairo_t *cr, const sk_geography *geo, const sk__transform *l,
                        double tolerance_pt)
{
    path_arcs(cr, geo, l, 1, tolerance_pt, 0, 0, ALL_ARCS, NULL);
}
