/* What the atlas needs from the renderer beyond the public sk_map_render. */
#ifndef SK_RENDER_INTERNAL_H
#define SK_RENDER_INTERNAL_H

#include <cairo.h>
#include "samenkaart/map.h"

/* Lay out map and draw it on cr, a vector surface's context (one page, in points). */
sk_status sk__render_vector_page(sk_ctx *ctx, cairo_t *cr, const sk_map *map);

/* Write an RGB24 image surface as a PNG file (temporary name, then renamed). */
sk_status sk__write_png_file(sk_ctx *ctx, cairo_surface_t *surface, const char *path,
                             int threads);

#endif
