/* What the atlas needs from the renderer beyond the public sk_map_render. */
#ifndef SK_RENDER_INTERNAL_H
#define SK_RENDER_INTERNAL_H

#include <cairo.h>
#include "samenkaart/map.h"

/* Borders drawn once and shared by every page whose map has the same placement (thread-safe;
** pages must share geography and style). */
typedef struct sk__layers sk__layers;
sk__layers *sk__layers_new(void);
void sk__layers_free(sk__layers *layers);

/* A small copy of a PNG page to write beside it: path, and the widest it may be (pixels). */
typedef struct sk__thumbnail {
    const char *path;
    int max_width;
} sk__thumbnail;

/* sk_map_render with shared border layers (NULL: draw them on the page) and, for PNG, a
** thumbnail (NULL: none). */
sk_status sk__map_render(sk_ctx *ctx, const sk_map *map, const sk_render_options *options,
                         const char *path, sk__layers *layers, const sk__thumbnail *thumbnail);

/* Lay out map and draw it on cr, a vector surface's context (one page, in points). */
sk_status sk__render_vector_page(sk_ctx *ctx, cairo_t *cr, const sk_map *map,
                                 sk__layers *layers);

/* A page of several maps (spec->panel_count of them, maps[0..n)), as vector drawing on cr
** or as a PNG file (no world file: the page holds more than one map). */
struct sk__page_spec;
sk_status sk__render_panels_vector(sk_ctx *ctx, cairo_t *cr, sk_map *const *maps,
                                   const struct sk__page_spec *spec, sk__layers *layers);
sk_status sk__render_panels_png(sk_ctx *ctx, sk_map *const *maps,
                                const struct sk__page_spec *spec, double dpi,
                                const char *path, sk__layers *layers,
                                const sk__thumbnail *thumbnail);

/* A page of several maps to a file: PNG (no world file), PDF or SVG by options->format or
** the extension. */
sk_status sk__render_panels_file(sk_ctx *ctx, sk_map *const *maps,
                                 const struct sk__page_spec *spec,
                                 const sk_render_options *options, const char *path);

/* Write an RGB24 image surface shrunk to at most max_width pixels wide (by a whole factor,
** box-filtered) as a PNG file. */
sk_status sk__write_thumbnail(sk_ctx *ctx, cairo_surface_t *page, const char *path,
                              int max_width);

/* Write an RGB24 image surface as a PNG file (temporary name, then renamed). */
sk_status sk__write_png_file(sk_ctx *ctx, cairo_surface_t *surface, const char *path,
                             int threads);

#endif
