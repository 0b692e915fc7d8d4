/* Render: draw a laid-out map page with Cairo and write it as PNG (+ world file), PDF or SVG.
** Geometry is drawn from the shared read-only geography; the page's transformed, simplified
** copy lives in a per-page arena freed in one go. */
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <png.h>
#include <setjmp.h>
#include <zlib.h>
#include "arena.h"
#include "geography_internal.h"
#include "labels.h"
#include "internal.h"
#include "layout.h"
#include "output.h"
#include "topology.h"
#include "render_internal.h"

/* Vector output is simplified to 0.25 pt (0.09 mm on paper, about one dot of a 300-dpi
** printer and under the width of the thinnest border) and snapped to a grid of 1/8 pt.  An
** eighth is exact in cairo's fixed-point coordinates, so numbers print without rounding noise
** (338.125, not 338.199); with the coarser tolerance the atlas PDF is 17 % smaller and a fifth
** quicker to write, and at page scale it looks the same. */
#define VECTOR_TOLERANCE_PT 0.25

void
sk_render_options_init(sk_render_options *o)
{
    *o = (sk_render_options){.format = SK_FORMAT_AUTO, .dpi = 150, .world_file = 1,
                             .threads = 2};
}

static void
set_color(cairo_t *cr, sk__color c)
{
    cairo_set_source_rgb(cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
                         (c & 0xff) / 255.0);
}

/* ---- geometry on the page ----------------------------------------------------------- */

/* A map point on the page, snapped to grid_pt so that equal vertices stay equal. */
static inline void
to_page(const sk__layout *l, double grid_pt, const double *xy, double *px, double *py)
{
    double x = l->origin_x + (xy[0] - l->extent_minx) * l->scale;
    double y = l->origin_y + (l->extent_maxy - xy[1]) * l->scale;
    *px = round(x / grid_pt) * grid_pt;
    *py = round(y / grid_pt) * grid_pt;
}

/* Whether an arc is a speck: smaller on the page than the line that draws it (min_pt), so
** that drawn it would be a blob of line cap, not a shape.  Region data digitised apart from
** the municipalities has such arcs by the hundred (slivers between regions, an islet in a
** river: at 1:1,500,000 a 2-hectare islet is 0.3 pt across, a region border 1.5 pt wide).
** Like mapshaper's sliver filter and MapServer's minimum feature size, they are left out.
** With whole_ring only an island on its own counts (one arc, the whole ring, nothing on its
** other side): fills must stay closed, and butt-capped lines would show the gap a left-out
** piece of a longer border leaves; round caps cover it. */
static int
speck(const sk_geography *geo, const sk__layout *l, const sk__arc *arc, double min_pt,
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
path_arc(cairo_t *cr, const sk_geography *geo, const sk__layout *l, const sk__arc *arc,
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
        to_page(l, grid_pt, pts + 2 * k, &x, &y);
        if (i == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
}

/* Which arcs path_arcs adds: all, or those along a set of municipalities or regions (mask,
** indexed like the arcs' layer) with a member on either side, or on one side only. */
typedef enum arc_choice { ALL_ARCS, MASK_EITHER_SIDE, MASK_ONE_SIDE } arc_choice;

/* Add the borders (arcs) of the municipalities (regions = 0) or regions to the path,
** simplified to the output resolution: vertices less important than tolerance_pt are dropped
** (topology.h: shared borders lose the same ones on both sides), the rest snap to a grid of
** half that.  Each shared border is stroked once instead of once per neighbour.  Specks
** smaller than line_width_pt are left out (whole islands only when whole_ring). */
static void
path_arcs(cairo_t *cr, const sk_geography *geo, const sk__layout *l, int regions,
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
            if (choice == MASK_EITHER_SIDE ? !(in1 || in2) : in1 == in2)
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
    set_color(cr, color);
    cairo_set_line_width(cr, width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke_preserve(cr);
}

static int
compare_colors(const void *a, const void *b)
{
    sk__color x = *(const sk__color *)a, y = *(const sk__color *)b;
    return (x > y) - (x < y);
}

/* An arc on the page, simplified like the borders: its points into buf (room for count). */
static size_t
project_arc(const sk_geography *geo, const sk__layout *l, const sk__arc *arc, double tolerance,
            double grid_pt, double *buf)
{
    const sk__ring *ring = &sk__geography_rings(geo)[arc->ring];
    const double *pts = sk__geography_points(geo), *importance = sk__geography_importance(geo);
    size_t n = ring->count - 1, m = 0;
    for (size_t i = 0; i < arc->count; i++) {
        size_t k = ring->start + (arc->offset + i) % n;
        if (importance[k] < tolerance)
            continue;
        to_page(l, grid_pt, pts + 2 * k, &buf[2 * m], &buf[2 * m + 1]);
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

/* Fill the municipalities of one colour as one region.  Its outline is the arcs with that
** colour on one side only; chained end to end into closed loops they fill, with the even-odd
** rule, exactly the union of those municipalities.  Borders between them are left out: no
** seams between neighbours of one colour, and half the drawing or less. */
static void
fill_region(cairo_t *cr, const sk_map *map, const sk__layout *l, double tolerance_pt,
            sk__color color, sk__arena *arena)
{
    const sk_geography *geo = map->geo;
    size_t count;
    const sk__arc *arcs = sk__geography_arcs(geo, 0, &count);
    const int *owner = sk__geography_ring_owners(geo);
    double tolerance = tolerance_pt / l->scale, grid_pt = tolerance_pt / 2;

    /* The outline's arcs on the page. */
    size_t n = 0;
    double **points = sk__arena_alloc(arena, (count + 1) * sizeof *points);
    size_t *lengths = sk__arena_alloc(arena, (count + 1) * sizeof *lengths);
    for (size_t a = 0; a < count; a++) {
        int in = owner[arcs[a].ring] >= 0 && map->fill[owner[arcs[a].ring]] == color;
        int other = arcs[a].twin != SIZE_MAX && owner[arcs[a].twin] >= 0 &&
                    map->fill[owner[arcs[a].twin]] == color;
        if (in == other || speck(geo, l, &arcs[a], map->style->municipality_border_width, 1))
            continue;
        double *buf = sk__arena_alloc(arena, 2 * arcs[a].count * sizeof *buf);
        size_t m = project_arc(geo, l, &arcs[a], tolerance, grid_pt, buf);
        if (m < 2)
            continue;
        points[n] = buf;
        lengths[n++] = m;
    }
    if (n == 0)
        return;
    /* Arc ends by point: end 2a is arc a's start, 2a + 1 its end. */
    GHashTable *at = g_hash_table_new(arc_end_hash, arc_end_equal);
    size_t *next = sk__arena_alloc(arena, 2 * n * sizeof *next);
    arc_end *ends = sk__arena_alloc(arena, 2 * n * sizeof *ends);
    for (size_t e = 0; e < 2 * n; e++) {
        const double *p = points[e / 2] + (e % 2 ? 2 * (lengths[e / 2] - 1) : 0);
        ends[e] = (arc_end){p[0], p[1]};
        gpointer head = g_hash_table_lookup(at, &ends[e]);
        next[e] = head != NULL ? GPOINTER_TO_SIZE(head) - 1 : SIZE_MAX;
        g_hash_table_insert(at, &ends[e], GSIZE_TO_POINTER(e + 1));
    }
    guint8 *used = sk__arena_alloc(arena, n);
    memset(used, 0, n);
    cairo_new_path(cr);
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
    set_color(cr, color);
    cairo_fill(cr);
}

static void
draw_borders(cairo_t *cr, const sk_map *map, const sk__layout *l, double tolerance_pt)
{
    const sk_style *s = map->style;
    cairo_save(cr);
    /* Thin borders: bevel joins look the same and stroke much faster than round ones. */
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL);
    cairo_new_path(cr);
    path_arcs(cr, map->geo, l, 0, tolerance_pt, s->municipality_border_width, 1, ALL_ARCS,
              NULL);
    set_color(cr, s->municipality_border);
    cairo_set_line_width(cr, s->municipality_border_width);
    cairo_stroke(cr);

    cairo_new_path(cr);
    path_arcs(cr, map->geo, l, 1, tolerance_pt, s->region_border_width, 0, ALL_ARCS, NULL);
    stroke_round(cr, s->region_border, s->region_border_width);
    cairo_new_path(cr);
    cairo_restore(cr);
}

/* The outline of the regions taking part (map->outline): every region border with such a
** region on one side at least. */
static void
draw_outline(cairo_t *cr, const sk_map *map, const sk__layout *l, double tolerance_pt)
{
    if (map->outline == NULL)
        return;
    const sk_style *s = map->style;
    cairo_save(cr);
    cairo_new_path(cr);
    path_arcs(cr, map->geo, l, 1, tolerance_pt, s->outline_width, 0, MASK_EITHER_SIDE,
              map->outline);
    stroke_round(cr, s->outline_color, s->outline_width);
    cairo_new_path(cr);
    cairo_restore(cr);
}

/* The outline of map->area (e.g. a kernwerkgebied): the municipal borders with the area on
** one side only, so it follows the municipalities exactly, shared borders and all; on a
** wider casing, so it stands out on every fill colour. */
static void
draw_area(cairo_t *cr, const sk_map *map, const sk__layout *l, double tolerance_pt)
{
    if (map->area == NULL)
        return;
    const sk_style *s = map->style;
    cairo_save(cr);
    cairo_new_path(cr);
    path_arcs(cr, map->geo, l, 0, tolerance_pt, s->area_width, 0, MASK_ONE_SIDE, map->area);
    if (s->area_casing_width > 0)
        stroke_round(cr, s->area_casing, s->area_casing_width);
    stroke_round(cr, s->area_color, s->area_width);
    cairo_new_path(cr);
    cairo_restore(cr);
}

/* ---- border layers ----------------------------------------------------------------- */

/* The borders are the same on every page whose map sits at the same place and scale: an
** atlas draws them once per placement and lays them over each page's fills (for PDF a
** recording surface, which cairo writes once as a form used by every page). */
typedef struct layer {
    const sk_geography *geo;
    const sk_style *style;
    int raster;
    double px_per_pt, scale, origin_x, origin_y, page_w, page_h;
    cairo_surface_t *surface;
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

/* The border layer for this page, drawn on first use.  Borrowed from ls. */
static cairo_surface_t *
borders_layer(sk__layers *ls, const sk_map *map, const sk__layout *l, int raster,
              double px_per_pt, double tolerance_pt)
{
    layer key = {map->geo, map->style, raster, raster ? px_per_pt : 0, l->scale, l->origin_x,
                 l->origin_y, l->page_w, l->page_h, NULL};
    g_mutex_lock(&ls->lock);
    cairo_surface_t *found = NULL;
    for (guint i = 0; i < ls->layers->len && found == NULL; i++) {
        const layer *e = &g_array_index(ls->layers, layer, i);
        if (e->geo == key.geo && e->style == key.style && e->raster == key.raster &&
            e->px_per_pt == key.px_per_pt && e->scale == key.scale &&
            e->origin_x == key.origin_x && e->origin_y == key.origin_y &&
            e->page_w == key.page_w && e->page_h == key.page_h)
            found = e->surface;
    }
    if (found == NULL) {
        if (raster)
            key.surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                                     (int)lround(l->page_w * px_per_pt),
                                                     (int)lround(l->page_h * px_per_pt));
        else
        {
            /* Bounded to the page: cairo copies unbounded recordings for every use. */
            cairo_rectangle_t page = {0, 0, l->page_w, l->page_h};
            key.surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page);
        }
        cairo_t *cr = cairo_create(key.surface);
        if (raster)
            cairo_scale(cr, px_per_pt, px_per_pt);
        draw_borders(cr, map, l, tolerance_pt);
        cairo_destroy(cr);
        g_array_append_val(ls->layers, key);
        found = key.surface;
    }
    g_mutex_unlock(&ls->lock);
    return found;
}

/* The map: fills per class colour, then the borders (from layers when given).  band_y is the
** device row a raster band starts at. */
static void
draw_map_content(cairo_t *cr, const sk_map *map, const sk__layout *l, double tolerance_pt,
                 sk__layers *layers, int raster, double px_per_pt, int band_y)
{
    const sk_style *s = map->style;
    size_t nmun;
    sk__geography_municipalities(map->geo, &nmun);

    cairo_save(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    /* One fill per colour, in a fixed order, so output does not depend on hash order. */
    sk__color *colors = g_new(sk__color, nmun > 0 ? nmun : 1);
    memcpy(colors, map->fill, nmun * sizeof *colors);
    qsort(colors, nmun, sizeof *colors, compare_colors);
    sk__arena arena;
    sk__arena_init(&arena);
    for (size_t c = 0; c < nmun; c++) {
        /* Municipalities in the page's colour (no project, usually) need no fill. */
        if ((c > 0 && colors[c] == colors[c - 1]) || colors[c] == s->background)
            continue;
        fill_region(cr, map, l, tolerance_pt, colors[c], &arena);
    }
    sk__arena_free(&arena);
    g_free(colors);
    cairo_restore(cr);

    if (layers == NULL) {
        draw_borders(cr, map, l, tolerance_pt);
        draw_outline(cr, map, l, tolerance_pt);
        draw_area(cr, map, l, tolerance_pt);
        return;
    }
    cairo_surface_t *borders = borders_layer(layers, map, l, raster, px_per_pt, tolerance_pt);
    cairo_save(cr);
    if (raster) {
        cairo_identity_matrix(cr);
        cairo_set_source_surface(cr, borders, 0, -band_y);
    } else {
        cairo_set_source_surface(cr, borders, 0, 0);
    }
    cairo_paint(cr);
    cairo_restore(cr);
    draw_outline(cr, map, l, tolerance_pt);
    draw_area(cr, map, l, tolerance_pt);
}

/* The map in its frame.  A zoomed map is cut at the frame, which gets a thin neat line. */
static void
draw_map(cairo_t *cr, const sk_map *map, const sk__layout *l, double tolerance_pt,
         sk__layers *layers, int raster, double px_per_pt, int band_y)
{
    if (map->zoom == NULL) {
        draw_map_content(cr, map, l, tolerance_pt, layers, raster, px_per_pt, band_y);
        return;
    }
    double w = (l->extent[2] - l->extent[0]) * l->scale;
    double h = (l->extent[3] - l->extent[1]) * l->scale;
    cairo_save(cr);
    cairo_rectangle(cr, l->origin_x, l->origin_y, w, h);
    cairo_clip(cr);
    draw_map_content(cr, map, l, tolerance_pt, layers, raster, px_per_pt, band_y);
    cairo_restore(cr);
    cairo_save(cr);
    cairo_rectangle(cr, l->origin_x, l->origin_y, w, h);
    set_color(cr, map->style->inset_border);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* The municipality names of a zoomed map, as labels.c placed them, on a halo. */
static void
draw_names(cairo_t *cr, const sk_map *map, const sk__layout *l)
{
    const sk_style *s = map->style;
    for (guint i = 0; l->names != NULL && i < l->names->len; i++) {
        const sk__placed_label *pl = &g_array_index(l->names, sk__placed_label, i);
        PangoLayout *t = sk__text_layout(s, pl->size, 0, pl->text, -1);
        pango_layout_set_alignment(t, PANGO_ALIGN_CENTER);
        double halo = pl->size * 0.15;
        cairo_new_path(cr);
        cairo_move_to(cr, pl->box.x + halo, pl->box.y + halo);
        pango_cairo_layout_path(cr, t);
        set_color(cr, s->label_halo);
        cairo_set_line_width(cr, 2 * halo);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke_preserve(cr);
        set_color(cr, s->label_color);
        cairo_fill(cr);
        g_object_unref(t);
    }
}

/* The locator of a zoomed map: the whole geography, small, with the map's extent marked. */
static void
draw_inset(cairo_t *cr, const sk_map *map, const sk__layout *l)
{
    if (l->inset.w <= 0)
        return;
    const sk_style *s = map->style;
    const sk_geography *geo = map->geo;
    double whole[4];
    sk_geography_extent(geo, whole);
    double scale = l->inset.w / (whole[2] - whole[0]);
    /* A layout of the whole at the inset's place and scale, for to_page. */
    sk__layout at = {.origin_x = l->inset.x, .origin_y = l->inset.y, .scale = scale,
                     .extent_minx = whole[0], .extent_maxy = whole[3]};
    double tolerance_pt = 0.4, tolerance = tolerance_pt / scale, grid = tolerance_pt / 4;
    const sk__ring *rings = sk__geography_rings(geo);
    const int *owner = sk__geography_ring_owners(geo);
    const double *pts = sk__geography_points(geo), *importance = sk__geography_importance(geo);
    size_t nrings = sk__geography_ring_count(geo);
    cairo_save(cr);
    cairo_new_path(cr);
    for (size_t r = 0; r < nrings; r++) {
        if (owner[r] < 0)
            continue;   /* the municipalities' rings make the land */
        int started = 0;
        for (size_t i = 0; i + 1 < rings[r].count; i++) {
            size_t k = rings[r].start + i;
            if (importance[k] < tolerance)
                continue;
            double x, y;
            to_page(&at, grid, pts + 2 * k, &x, &y);
            if (!started)
                cairo_move_to(cr, x, y);
            else
                cairo_line_to(cr, x, y);
            started = 1;
        }
        if (started)
            cairo_close_path(cr);
    }
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    set_color(cr, s->inset_land);
    cairo_fill(cr);
    /* The region borders, thin. */
    cairo_new_path(cr);
    path_arcs(cr, geo, &at, 1, tolerance_pt, 0, 0, ALL_ARCS, NULL);
    set_color(cr, s->inset_border);
    cairo_set_line_width(cr, 0.4);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    /* Where the map lies. */
    double x0 = l->inset.x + (l->extent[0] - whole[0]) * scale;
    double y0 = l->inset.y + (whole[3] - l->extent[3]) * scale;
    cairo_rectangle(cr, x0, y0, (l->extent[2] - l->extent[0]) * scale,
                    (l->extent[3] - l->extent[1]) * scale);
    set_color(cr, s->inset_extent);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    cairo_restore(cr);
}

static void
draw_text(cairo_t *cr, const sk__text *t, sk__color color)
{
    if (t->layout == NULL)
        return;
    set_color(cr, color);
    cairo_move_to(cr, t->x, t->y);
    pango_cairo_show_layout(cr, t->layout);
}

static void
draw_legend(cairo_t *cr, const sk_style *s, const sk__layout *l)
{
    draw_text(cr, &l->legend_title, s->text_color);
    for (size_t i = 0; i < l->legend_count; i++) {
        const sk__legend_item *it = &l->legend[i];
        const sk__box *b = &it->swatch;
        if (it->is_line) {
            double y = b->y + b->h / 2;
            cairo_move_to(cr, b->x, y);
            cairo_line_to(cr, b->x + b->w, y);
            set_color(cr, it->color);
            cairo_set_line_width(cr, it->line_width);
            cairo_stroke(cr);
        } else {
            cairo_rectangle(cr, b->x, b->y, b->w, b->h);
            set_color(cr, it->color);
            cairo_fill_preserve(cr);
            set_color(cr, s->municipality_border);
            cairo_set_line_width(cr, 0.5);
            cairo_stroke(cr);
        }
        draw_text(cr, &it->text, s->text_color);
    }
}

static void
draw_scale_bar(cairo_t *cr, const sk_style *s, const sk__layout *l)
{
    const sk__box *b = &l->scale_bar;
    double seg = b->w / l->scale_segments;
    for (int i = 0; i < l->scale_segments; i++) {
        cairo_rectangle(cr, b->x + i * seg, b->y, seg, b->h);
        set_color(cr, i % 2 == 0 ? s->text_color : s->background);
        cairo_fill_preserve(cr);
        set_color(cr, s->text_color);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
    }
    for (int i = 0; i < 4; i++)
        draw_text(cr, &l->scale_labels[i], s->text_color);
}

/* Labels on the map (the region numbers of an overview): bold, centred on their point, with
** a halo so they read on any fill and across borders. */
static void
draw_labels(cairo_t *cr, const sk_map *map, const sk__layout *l)
{
    if (map->labels == NULL)
        return;
    const sk_style *s = map->style;
    for (guint i = 0; i < map->labels->len; i++) {
        const sk__map_label *lb = &g_array_index(map->labels, sk__map_label, i);
        PangoLayout *t = sk__text_layout(s, s->label_size, 1, lb->text, -1);
        int w, h;
        pango_layout_get_size(t, &w, &h);
        double x = l->origin_x + (lb->x - l->extent_minx) * l->scale;
        double y = l->origin_y + (l->extent_maxy - lb->y) * l->scale;
        cairo_new_path(cr);
        cairo_move_to(cr, x - (double)w / PANGO_SCALE / 2, y - (double)h / PANGO_SCALE / 2);
        pango_cairo_layout_path(cr, t);
        set_color(cr, s->label_halo);
        cairo_set_line_width(cr, s->label_size * 0.3);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke_preserve(cr);
        set_color(cr, s->label_color);
        cairo_fill(cr);
        g_object_unref(t);
    }
}

static void
draw_page(cairo_t *cr, const sk_map *map, const sk__layout *l, int with_map,
          double tolerance_pt, sk__layers *layers)
{
    const sk_style *s = map->style;
    if (with_map) {
        set_color(cr, s->background);
        cairo_paint(cr);
        draw_map(cr, map, l, tolerance_pt, layers, 0, 0, 0);
    }
    draw_text(cr, &l->title, s->text_color);
    draw_text(cr, &l->caption, s->text_color);
    draw_legend(cr, s, l);
    draw_scale_bar(cr, s, l);
    draw_text(cr, &l->source, s->muted_text_color);
    for (size_t i = 0; i < l->panel_count; i++)
        draw_text(cr, &l->panels[i].title, s->text_color);
    draw_labels(cr, map, l);
    draw_names(cr, map, l);
    draw_inset(cr, map, l);
    draw_text(cr, &l->text_panel, s->text_color);
    if (l->note_box.w > 0) {
        const sk__box *b = &l->note_box;
        cairo_rectangle(cr, b->x, b->y, b->w, b->h);
        set_color(cr, s->note_fill);
        cairo_fill_preserve(cr);
        set_color(cr, s->note_border);
        cairo_set_line_width(cr, 0.75);
        cairo_stroke(cr);
        draw_text(cr, &l->note_title, s->text_color);
        draw_text(cr, &l->note, s->text_color);
    }
}

/* ---- raster pages on two cores ------------------------------------------------------ */

/* One horizontal band of a raster page: the background and the map are drawn into it on a
** thread of its own (cairo is thread-safe for separate surfaces).  Bands start at whole
** pixels, so every pixel is computed exactly as on a single surface.  Text is drawn
** afterwards on the whole page by the calling thread: Pango layouts belong to it. */
typedef struct band {
    cairo_surface_t *page;
    int y0, y1;
    double px_per_pt, tolerance_pt;
    const sk_map *map;
    const sk__layout *layout;
    sk__layers *layers;
    cairo_status_t status;
} band;

static gpointer
draw_band(gpointer data)
{
    band *b = data;
    unsigned char *pixels = cairo_image_surface_get_data(b->page);
    int stride = cairo_image_surface_get_stride(b->page);
    cairo_surface_t *surface = cairo_image_surface_create_for_data(
        pixels + (size_t)b->y0 * stride, CAIRO_FORMAT_RGB24,
        cairo_image_surface_get_width(b->page), b->y1 - b->y0, stride);
    cairo_t *cr = cairo_create(surface);
    cairo_translate(cr, 0, -b->y0);
    cairo_scale(cr, b->px_per_pt, b->px_per_pt);
    set_color(cr, b->map->style->background);
    cairo_paint(cr);
    draw_map(cr, b->map, b->layout, b->tolerance_pt, b->layers, 1, b->px_per_pt,
             b->y0);
    b->status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return NULL;
}

/* Draw the map part of a raster page in two bands at once. */
static cairo_status_t
draw_raster_map(cairo_surface_t *page, const sk_map *map, const sk__layout *l,
                double px_per_pt, double tolerance_pt, int threads,
                sk__layers *layers)
{
    cairo_surface_flush(page);
    int h = cairo_image_surface_get_height(page), split = threads > 1 ? h / 2 : h;
    band bands[2] = {{page, 0, split, px_per_pt, tolerance_pt, map, l, layers, 0},
                     {page, split, h, px_per_pt, tolerance_pt, map, l, layers, 0}};
    GThread *helper = threads > 1 ? g_thread_new("sk-band", draw_band, &bands[1]) : NULL;
    draw_band(&bands[0]);
    if (helper != NULL)
        g_thread_join(helper);
    cairo_surface_mark_dirty(page);
    return bands[0].status != CAIRO_STATUS_SUCCESS ? bands[0].status : bands[1].status;
}

/* ---- writing ------------------------------------------------------------------------ */

static sk_format
format_of(const char *path, sk_format f)
{
    if (f != SK_FORMAT_AUTO)
        return f;
    const char *dot = strrchr(path, '.');
    if (dot == NULL)
        return SK_FORMAT_AUTO;
    if (g_ascii_strcasecmp(dot, ".png") == 0)
        return SK_FORMAT_PNG;
    if (g_ascii_strcasecmp(dot, ".pdf") == 0)
        return SK_FORMAT_PDF;
    if (g_ascii_strcasecmp(dot, ".svg") == 0)
        return SK_FORMAT_SVG;
    return SK_FORMAT_AUTO;
}

/* PNG writing.  Maps are large areas of flat colour: the "sub" filter with zlib's
** run-length strategy at level 1 compresses them about as well as the defaults at a fraction
** of the time.  The image data is compressed in two halves on two cores, the way pigz does:
** the first half ends with a full flush (byte-aligned, no final block), the second is a raw
** deflate stream, and the two Adler-32 sums are combined, which makes one valid zlib stream.
** libpng writes the signature, IHDR and the chunks' framing; it cannot compress in parallel
** itself.  The output is the same bytes on every run. */

typedef struct png_half {
    const unsigned char *pixels;
    int width, stride, y0, y1;
    int last;                   /* the second half: ends the stream */
    GByteArray *out;            /* compressed bytes */
    uLong adler;                /* of the uncompressed scanlines */
    size_t raw_length;
    int failed;
} png_half;

/* One scanline, filtered with "sub": filter byte 1, then each byte minus the byte one pixel
** (3 bytes) to its left.  RGB24 pixels are native-endian 0x00RRGGBB words. */
static void
filter_row(const uint32_t *src, int width, unsigned char *row)
{
    unsigned char r0 = 0, g0 = 0, b0 = 0;
    row[0] = 1;
    for (int x = 0; x < width; x++) {
        unsigned char r = (unsigned char)(src[x] >> 16), g = (unsigned char)(src[x] >> 8),
                      b = (unsigned char)src[x];
        row[1 + 3 * x] = (unsigned char)(r - r0);
        row[2 + 3 * x] = (unsigned char)(g - g0);
        row[3 + 3 * x] = (unsigned char)(b - b0);
        r0 = r;
        g0 = g;
        b0 = b;
    }
}

static gpointer
compress_half(gpointer data)
{
    png_half *h = data;
    z_stream z;
    memset(&z, 0, sizeof z);
    /* The first half carries the zlib header; the second is raw deflate appended to it. */
    if (deflateInit2(&z, 1, Z_DEFLATED, h->last ? -15 : 15, 8, Z_RLE) != Z_OK) {
        h->failed = 1;
        return NULL;
    }
    size_t row_bytes = 1 + 3 * (size_t)h->width;
    unsigned char *row = g_malloc(row_bytes);
    unsigned char buffer[1 << 16];
    h->adler = adler32(0L, Z_NULL, 0);
    for (int y = h->y0; y < h->y1 && !h->failed; y++) {
        filter_row((const uint32_t *)(const void *)(h->pixels + (size_t)y * h->stride),
                   h->width, row);
        /* zlib sums the first half itself, as it carries the zlib header. */
        if (h->last)
            h->adler = adler32(h->adler, row, (uInt)row_bytes);
        h->raw_length += row_bytes;
        int flush = y + 1 < h->y1 ? Z_NO_FLUSH : h->last ? Z_FINISH : Z_FULL_FLUSH;
        z.next_in = row;
        z.avail_in = (uInt)row_bytes;
        do {
            z.next_out = buffer;
            z.avail_out = sizeof buffer;
            int rc = deflate(&z, flush);
            if (rc == Z_STREAM_ERROR)
                h->failed = 1;
            g_byte_array_append(h->out, buffer, (guint)(sizeof buffer - z.avail_out));
        } while (z.avail_out == 0 && !h->failed);
    }
    if (!h->last)
        h->adler = z.adler;
    deflateEnd(&z);
    g_free(row);
    return NULL;
}

static void
png_write_data(png_structp png, png_bytep data, size_t length)
{
    sk__output_write(png_get_io_ptr(png), data, length);
}

static void
png_flush_data(png_structp png)
{
    (void)png;
}

static void
png_error_fn(png_structp png, png_const_charp message)
{
    (void)message;
    png_longjmp(png, 1);
}

static void
png_warning_fn(png_structp png, png_const_charp message)
{
    (void)png;
    (void)message;
}

static sk_status
write_png(sk_ctx *ctx, cairo_surface_t *surface, sk__output *out, int threads)
{
    cairo_surface_flush(surface);
    int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    png_half halves[2];
    for (int i = 0; i < 2; i++)
        halves[i] = (png_half){cairo_image_surface_get_data(surface), w,
                               cairo_image_surface_get_stride(surface), i == 0 ? 0 : h / 2,
                               i == 0 ? h / 2 : h, i, g_byte_array_new(), 0, 0, 0};
    /* The same two streams either way, so the bytes do not depend on the thread count. */
    if (threads > 1) {
        GThread *helper = g_thread_new("sk-png", compress_half, &halves[1]);
        compress_half(&halves[0]);
        g_thread_join(helper);
    } else {
        compress_half(&halves[0]);
        compress_half(&halves[1]);
    }
    /* One zlib stream: the halves, then the combined Adler-32, big-endian. */
    GByteArray *idat = halves[0].out;
    g_byte_array_append(idat, halves[1].out->data, halves[1].out->len);
    uLong adler = adler32_combine(halves[0].adler, halves[1].adler,
                                  (z_off_t)halves[1].raw_length);
    guint8 trailer[4] = {(guint8)(adler >> 24), (guint8)(adler >> 16), (guint8)(adler >> 8),
                         (guint8)adler};
    g_byte_array_append(idat, trailer, 4);
    int failed = halves[0].failed || halves[1].failed;
    g_byte_array_unref(halves[1].out);

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, png_error_fn,
                                              png_warning_fn);
    png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
    if (failed || info == NULL || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        g_byte_array_unref(idat);
        return out->failed ? sk__error(ctx, SK_EIO, "%s: cannot write: %s", out->path,
                                       g_strerror(out->failed))
                           : sk__error(ctx, SK_ERUNTIME, "%s: PNG encoding failed", out->path);
    }
    png_set_write_fn(png, out, png_write_data, png_flush_data);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    /* IDAT chunks of at most 1 MiB, as encoders usually write them. */
    for (guint at = 0; at < idat->len; at += 1u << 20) {
        guint n = MIN(1u << 20, idat->len - at);
        png_write_chunk(png, (png_const_bytep) "IDAT", idat->data + at, n);
    }
    png_write_chunk(png, (png_const_bytep) "IEND", NULL, 0);
    png_destroy_write_struct(&png, &info);
    g_byte_array_unref(idat);
    return SK_OK;
}

/* The world file of a PNG: pixel size and the map coordinates of the top-left pixel's
** centre, so GDAL and QGIS place the whole page image. */
static char *
world_file_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    size_t stem = dot != NULL && (slash == NULL || dot > slash) ? (size_t)(dot - path)
                                                                 : strlen(path);
    return g_strdup_printf("%.*s.pgw", (int)stem, path);
}

static void
write_world_file(sk__output *out, const sk__layout *l, double px_per_pt)
{
    double m_per_px = 1.0 / (l->scale * px_per_pt);
    double cx = 0.5 / px_per_pt, cy = 0.5 / px_per_pt;   /* first pixel centre, in points */
    double x = l->extent_minx + (cx - l->origin_x) / l->scale;
    double y = l->extent_maxy - (cy - l->origin_y) / l->scale;
    sk__output_printf(out, "%.10f\n0.0000000000\n0.0000000000\n%.10f\n%.10f\n%.10f\n",
                      m_per_px, -m_per_px, x, y);
}

sk_status
sk_map_render(sk_ctx *ctx, const sk_map *map, const sk_render_options *options,
              const char *path)
{
    return sk__map_render(ctx, map, options, path, NULL, NULL);
}

sk_status
sk__map_render(sk_ctx *ctx, const sk_map *map, const sk_render_options *options,
               const char *path, sk__layers *layers, const sk__thumbnail *thumbnail)
{
    sk_render_options defaults;
    if (options == NULL) {
        sk_render_options_init(&defaults);
        options = &defaults;
    }
    sk_format format = format_of(path, options->format);
    if (format == SK_FORMAT_AUTO)
        return sk__error(ctx, SK_EUSAGE, "%s: unknown output format (use .png, .pdf or .svg)",
                         path);
    if (!(options->dpi >= 10 && options->dpi <= 2400))
        return sk__error(ctx, SK_EUSAGE, "dpi %g out of range (10 to 2400)", options->dpi);

    sk__layout l;
    if (sk__layout_map(ctx, map, &l) != SK_OK)
        return sk_ctx_status(ctx);

    sk__output outs[2];
    size_t nouts = 0;
    sk_status st = sk__output_open(ctx, &outs[nouts], path);
    if (st != SK_OK) {
        sk__layout_clear(&l);
        return st;
    }
    nouts++;

    /* Raster output keeps what its pixels can show (half a pixel); vector output see
    ** VECTOR_TOLERANCE_PT. */
    double px_per_pt = (format == SK_FORMAT_PNG ? options->dpi : 150) / 72.0;
    double tolerance_pt = format == SK_FORMAT_PNG ? 0.5 / px_per_pt : VECTOR_TOLERANCE_PT;

    cairo_surface_t *surface;
    if (format == SK_FORMAT_PNG) {
        int w = (int)lround(l.page_w * px_per_pt), h = (int)lround(l.page_h * px_per_pt);
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    } else if (format == SK_FORMAT_PDF) {
        surface = cairo_pdf_surface_create_for_stream(sk__output_cairo_write, &outs[0], l.page_w,
                                                      l.page_h);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, map->title);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "samenkaart");
    } else {
        surface = cairo_svg_surface_create_for_stream(sk__output_cairo_write, &outs[0], l.page_w,
                                                      l.page_h);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    }
    cairo_status_t cs = CAIRO_STATUS_SUCCESS;
    if (format == SK_FORMAT_PNG)
        cs = draw_raster_map(surface, map, &l, px_per_pt, tolerance_pt,
                             options->threads, layers);
    cairo_t *cr = cairo_create(surface);
    if (format == SK_FORMAT_PNG)
        cairo_scale(cr, px_per_pt, px_per_pt);
    /* Raster pages have their map already; vector pages draw everything here. */
    draw_page(cr, map, &l, format != SK_FORMAT_PNG, tolerance_pt, NULL);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_status(cr);
    cairo_destroy(cr);
    if (cs == CAIRO_STATUS_SUCCESS && format == SK_FORMAT_PNG) {
        st = write_png(ctx, surface, &outs[0], options->threads);
        if (st == SK_OK && thumbnail != NULL)
            st = sk__write_thumbnail(ctx, surface, thumbnail->path, thumbnail->max_width);
        if (st != SK_OK) {
            cairo_surface_destroy(surface);
            goto out;
        }
    }
    cairo_surface_finish(surface);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (cs != CAIRO_STATUS_SUCCESS) {
        st = outs[0].failed ? sk__error(ctx, SK_EIO, "%s: cannot write: %s", path,
                                        g_strerror(outs[0].failed))
                            : sk__error(ctx, SK_ERUNTIME, "%s: drawing failed: %s", path,
                                        cairo_status_to_string(cs));
        goto out;
    }
    if ((st = sk__output_finish(ctx, &outs[0])) != SK_OK)
        goto out;

    if (format == SK_FORMAT_PNG && options->world_file) {
        char *wf = world_file_path(path);
        st = sk__output_open(ctx, &outs[nouts], wf);
        g_free(wf);
        if (st != SK_OK)
            goto out;
        write_world_file(&outs[nouts++], &l, px_per_pt);
        if ((st = sk__output_finish(ctx, &outs[nouts - 1])) != SK_OK)
            goto out;
    }
    st = sk__output_commit(ctx, outs, nouts);
    nouts = 0;

out:
    for (size_t i = 0; i < nouts; i++)
        sk__output_abort(&outs[i]);
    sk__layout_clear(&l);
    return st;
}

/* ---- for the atlas (render_internal.h) --------------------------------------------- */

sk_status
sk__render_vector_page(sk_ctx *ctx, cairo_t *cr, const sk_map *map, sk__layers *layers)
{
    sk__layout l;
    if (sk__layout_map(ctx, map, &l) != SK_OK)
        return sk_ctx_status(ctx);
    double tolerance_pt = VECTOR_TOLERANCE_PT;
    sk_status st = SK_OK;
    draw_page(cr, map, &l, 1, tolerance_pt, layers);
    sk__layout_clear(&l);
    return st;
}

sk_status
sk__write_png_file(sk_ctx *ctx, cairo_surface_t *surface, const char *path, int threads)
{
    sk__output out;
    sk_status st = sk__output_open(ctx, &out, path);
    if (st != SK_OK)
        return st;
    if ((st = write_png(ctx, surface, &out, threads)) != SK_OK ||
        (st = sk__output_finish(ctx, &out)) != SK_OK) {
        sk__output_abort(&out);
        return st;
    }
    return sk__output_commit(ctx, &out, 1);
}

/* A thumbnail: the page shrunk by a whole factor, each pixel the mean of a factor x factor
** block.  A box filter keeps thin borders and text as grey instead of dropping them the way
** sampling does, costs one pass over the page, and gives the same bytes on every run. */
sk_status
sk__write_thumbnail(sk_ctx *ctx, cairo_surface_t *page, const char *path, int max_width)
{
    cairo_surface_flush(page);
    int w = cairo_image_surface_get_width(page), h = cairo_image_surface_get_height(page);
    int factor = max_width > 0 ? (w + max_width - 1) / max_width : 1;
    factor = CLAMP(factor, 1, 16);
    int tw = w / factor, th = h / factor;
    if (tw < 1 || th < 1)
        return sk__error(ctx, SK_EUSAGE, "%s: page too small for a thumbnail", path);
    cairo_surface_t *thumb = cairo_image_surface_create(CAIRO_FORMAT_RGB24, tw, th);
    cairo_surface_flush(thumb);
    const unsigned char *src = cairo_image_surface_get_data(page);
    unsigned char *dst = cairo_image_surface_get_data(thumb);
    int src_stride = cairo_image_surface_get_stride(page);
    int dst_stride = cairo_image_surface_get_stride(thumb);
    /* Red and blue are summed side by side in one word, green in another: a block of at
    ** most 16 x 16 pixels cannot carry from one 16-bit lane into the next. */
    uint32_t *sums = g_new(uint32_t, 2 * (size_t)tw);
    uint32_t area = (uint32_t)(factor * factor);
    for (int ty = 0; ty < th; ty++) {
        memset(sums, 0, 2 * (size_t)tw * sizeof *sums);
        for (int dy = 0; dy < factor; dy++) {
            const uint32_t *row =
                (const uint32_t *)(const void *)(src + (size_t)(ty * factor + dy) * src_stride);
            for (int tx = 0; tx < tw; tx++) {
                uint32_t rb = 0, g = 0;
                for (int dx = 0; dx < factor; dx++) {
                    uint32_t p = row[tx * factor + dx];
                    rb += p & 0x00ff00ffu;
                    g += p & 0x0000ff00u;
                }
                sums[2 * tx] += rb;
                sums[2 * tx + 1] += g;
            }
        }
        uint32_t *out = (uint32_t *)(void *)(dst + (size_t)ty * dst_stride);
        for (int tx = 0; tx < tw; tx++) {
            uint32_t r = sums[2 * tx] >> 16, b = sums[2 * tx] & 0xffff, g = sums[2 * tx + 1] >> 8;
            out[tx] = (r + area / 2) / area << 16 | (g + area / 2) / area << 8 |
                      (b + area / 2) / area;
        }
    }
    g_free(sums);
    cairo_surface_mark_dirty(thumb);
    sk_status st = sk__write_png_file(ctx, thumb, path, 1);
    cairo_surface_destroy(thumb);
    return st;
}

/* ---- pages of several maps (small multiples) --------------------------------------- */

/* Draw the maps of a laid-out page, each in its panel, on cr (page units: points). */
static sk_status
draw_panels(sk_ctx *ctx, cairo_t *cr, sk_map *const *maps, const sk__layout *l,
            double tolerance_pt, sk__layers *layers, int raster, double px_per_pt)
{
    for (size_t i = 0; i < l->panel_count; i++) {
        sk__layout at = *l;
        at.origin_x = l->panels[i].origin_x;
        at.origin_y = l->panels[i].origin_y;
        draw_map(cr, maps[i], &at, tolerance_pt, layers, raster, px_per_pt, 0);
    }
    return SK_OK;
}

sk_status
sk__render_panels_vector(sk_ctx *ctx, cairo_t *cr, sk_map *const *maps,
                         const sk__page_spec *spec, sk__layers *layers)
{
    sk__layout l;
    if (sk__layout_page(ctx, spec, &l) != SK_OK)
        return sk_ctx_status(ctx);
    double tolerance_pt = VECTOR_TOLERANCE_PT;
    set_color(cr, spec->style->background);
    cairo_paint(cr);
    sk_status st = draw_panels(ctx, cr, maps, &l, tolerance_pt, layers, 0, 0);
    if (st == SK_OK)
        draw_page(cr, maps[0], &l, 0, tolerance_pt, NULL);
    sk__layout_clear(&l);
    return st;
}

sk_status
sk__render_panels_png(sk_ctx *ctx, sk_map *const *maps, const sk__page_spec *spec, double dpi,
                      const char *path, sk__layers *layers, const sk__thumbnail *thumbnail)
{
    sk__layout l;
    if (sk__layout_page(ctx, spec, &l) != SK_OK)
        return sk_ctx_status(ctx);
    double px_per_pt = dpi / 72.0, tolerance_pt = 0.5 / px_per_pt;
    cairo_surface_t *surface = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, (int)lround(l.page_w * px_per_pt), (int)lround(l.page_h * px_per_pt));
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, px_per_pt, px_per_pt);
    set_color(cr, spec->style->background);
    cairo_paint(cr);
    sk_status st = draw_panels(ctx, cr, maps, &l, tolerance_pt, layers, 1, px_per_pt);
    if (st == SK_OK) {
        draw_page(cr, maps[0], &l, 0, tolerance_pt, NULL);
        cairo_status_t cs = cairo_status(cr);
        if (cs != CAIRO_STATUS_SUCCESS)
            st = sk__error(ctx, SK_ERUNTIME, "%s: drawing failed: %s", path,
                           cairo_status_to_string(cs));
    }
    cairo_destroy(cr);
    if (st == SK_OK)
        st = sk__write_png_file(ctx, surface, path, 1);
    if (st == SK_OK && thumbnail != NULL)
        st = sk__write_thumbnail(ctx, surface, thumbnail->path, thumbnail->max_width);
    cairo_surface_destroy(surface);
    sk__layout_clear(&l);
    return st;
}

sk_status
sk__render_panels_file(sk_ctx *ctx, sk_map *const *maps, const sk__page_spec *spec,
                       const sk_render_options *options, const char *path)
{
    sk_render_options defaults;
    if (options == NULL) {
        sk_render_options_init(&defaults);
        options = &defaults;
    }
    sk_format format = format_of(path, options->format);
    if (format == SK_FORMAT_AUTO)
        return sk__error(ctx, SK_EUSAGE, "%s: unknown output format (use .png, .pdf or .svg)",
                         path);
    if (format == SK_FORMAT_PNG) {
        if (!(options->dpi >= 10 && options->dpi <= 2400))
            return sk__error(ctx, SK_EUSAGE, "dpi %g out of range (10 to 2400)", options->dpi);
        return sk__render_panels_png(ctx, maps, spec, options->dpi, path, NULL, NULL);
    }
    double w, h;
    sk__page_size(spec->page, &w, &h);
    sk__output out;
    sk_status st = sk__output_open(ctx, &out, path);
    if (st != SK_OK)
        return st;
    cairo_surface_t *surface =
        format == SK_FORMAT_PDF
            ? cairo_pdf_surface_create_for_stream(sk__output_cairo_write, &out, w, h)
            : cairo_svg_surface_create_for_stream(sk__output_cairo_write, &out, w, h);
    if (format == SK_FORMAT_PDF && spec->title != NULL)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, spec->title);
    if (format == SK_FORMAT_SVG)
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    cairo_t *cr = cairo_create(surface);
    st = sk__render_panels_vector(ctx, cr, maps, spec, NULL);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st == SK_OK && cs != CAIRO_STATUS_SUCCESS)
        st = out.failed ? sk__error(ctx, SK_EIO, "%s: cannot write: %s", path,
                                    g_strerror(out.failed))
                        : sk__error(ctx, SK_ERUNTIME, "%s: drawing failed: %s", path,
                                    cairo_status_to_string(cs));
    if (st == SK_OK && (st = sk__output_finish(ctx, &out)) == SK_OK)
        return sk__output_commit(ctx, &out, 1);
    sk__output_abort(&out);
    return st;
}
