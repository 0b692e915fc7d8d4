/* What the files of the Cairo backend (src/render/) share.  The backend draws a page plan
** (plan.h) and nothing else: geometry.c the maps' paths, furniture.c the items around them,
** png.c the PNG encoding, page.c the pages and their files (through the sink). */
#ifndef SK_RENDER_RENDER_H
#define SK_RENDER_RENDER_H

#include <math.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include "samenkaart/samenkaart.h"
#include "../plan.h"
#include "../render_internal.h"
#include "../sink.h"

static inline void
sk__set_color(cairo_t *cr, sk__color c)
{
    cairo_set_source_rgb(cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
                         (c & 0xff) / 255.0);
}

/* A map point on the page, snapped to grid_pt so that equal vertices stay equal. */
static inline void
sk__to_page(const sk__transform *l, double grid_pt, const double *xy, double *px, double *py)
{
    double x = l->origin_x + (xy[0] - l->minx) * l->scale;
    double y = l->origin_y + (l->maxy - xy[1]) * l->scale;
    *px = round(x / grid_pt) * grid_pt;
    *py = round(y / grid_pt) * grid_pt;
}

/* A page point (x, y) in the map's CRS (y up): where a name or a symbol lies on the map. */
static inline void
sk__to_map(const sk__transform *at, double x, double y, double *mx, double *my)
{
    *mx = at->minx + (x - at->origin_x) / at->scale;
    *my = at->maxy - (y - at->origin_y) / at->scale;
}

/* Add every region border of geo to cr's path, simplified to tolerance_pt (the inset). */
void sk__path_region_borders(cairo_t *cr, const sk_geography *geo, const sk__transform *l,
                             double tolerance_pt);

/* Draw map pm of plan p on cr (page units: points): fills, then borders (from layers when
** given, else drawn here), outline and area; a zoomed map cut at its frame with a neat line.
** tolerance_pt: the simplification of the output; raster: cr is an image at px_per_pt
** pixels per point, whose band starts at device row band_y.  Returns the failure of a
** shared border layer (cr's status tells the rest). */
cairo_status_t sk__draw_plan_map(cairo_t *cr, const sk__plan *p, const sk__plan_map *pm,
                       double tolerance_pt, sk__layers *layers, int raster, double px_per_pt,
                       int band_y);

/* The inset: the land and region borders of the geography, small, the extent marked. */
void sk__draw_inset(cairo_t *cr, const sk_geography *geo, const sk__plan_inset *inset);

/* Load into fonts (a new font map) every font the texts of count plans use, as drawing them
** with fonts as the thread's default font map would: Pango 1.50 starts two threads for each
** font it loads (and aborts when one cannot be made), so an atlas loads a PNG thread's fonts
** before it makes the big pixel buffers, while memory is still free. */
void sk__load_fonts(PangoFontMap *fonts, sk__plan *const *plans, size_t count);

/* Draw the plan's items (everything but the maps) on cr, in order. */
void sk__draw_furniture(cairo_t *cr, const sk__plan *p);
/* Draw items from up to (not including) to of the plan; a link among them ends by to. */
void sk__draw_items(cairo_t *cr, const sk__plan *p, guint from, guint to);
/* The longest run of a point map's symbols among p's items, [from, to): 1 when it is long
** enough to be worth drawing on two threads. */
int sk__symbol_run(const sk__plan *p, guint *from, guint *to);

/* A whole vector page (points): background, maps, then everything around them; layers:
** shared border layers, or NULL.  Returns the first failure, cr's included. */
cairo_status_t sk__draw_vector_page(cairo_t *cr, const sk__plan *p, sk__layers *layers);

/* Write an RGB24 image surface as a PNG file (temporary name, then renamed). */
sk_status sk__write_png_file(sk_ctx *ctx, cairo_surface_t *surface, const char *path,
                             int threads);

/* Write an RGB24 image surface shrunk to at most max_width pixels wide (by a whole factor,
** box-filtered) as a PNG file, drawn on canvas (NULL: pixels of its own). */
sk_status sk__write_thumbnail(sk_ctx *ctx, cairo_surface_t *page, const char *path,
                              int max_width, sk__canvas *canvas);

/* The size of the thumbnail of a w x h page at most max_width wide, and the factor it is
** shrunk by; 0 x 0 when the page is too small. */
int sk__thumbnail_size(int w, int h, int max_width, int *tw, int *th);

/* An RGB24 surface of w x h for a page (thumbnail: its thumbnail) on canvas's pixels, or of
** its own (canvas NULL, sk__sink_image_surface); SK_ENOMEM naming path when it cannot be
** made. */
sk_status sk__canvas_surface(sk_ctx *ctx, sk__canvas *canvas, int thumbnail, int w, int h,
                             const char *path, cairo_surface_t **out);

/* Encode an RGB24 image surface as PNG into out, on two threads when threads > 1. */
sk_status sk__png_encode(sk_ctx *ctx, cairo_surface_t *surface, sk__sink *out, int threads);

#endif
