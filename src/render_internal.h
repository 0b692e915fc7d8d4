/* What the atlas and panel pages need from the renderer (src/render/) beyond the public
** sk_map_render: pages drawn from their plans (plan.h) as PNG files and as one multi-page
** PDF document.  No Cairo here: callers hand over plans, never drawing surfaces. */
#ifndef SK_RENDER_INTERNAL_H
#define SK_RENDER_INTERNAL_H

#include "samenkaart/map.h"
#include "plan.h"

/* Borders drawn once and shared by every page whose map has the same placement (thread-safe;
** pages must share geography and style). */
typedef struct sk__layers sk__layers;
sk__layers *sk__layers_new(void);
void sk__layers_free(sk__layers *layers);
/* Make the raster layers (not yet drawn) of the maps of count plans drawn as PNG at dpi,
** before the threads that draw them start: running out of memory then stops a run before
** anything is drawn.  SK_ENOMEM naming what. */
sk_status sk__layers_prepare(sk_ctx *ctx, sk__layers *layers, sk__plan *const *plans,
                             size_t count, double dpi, const char *what);

/* The pixels and fonts of a thread's raster pages, made ahead for the same reason and reused
** page after page: room for the largest of count plans' pages at dpi and for its thumbnail
** at most thumbnail_width wide (as sk__thumbnail), the fonts of their texts loaded.  n of
** them into out[0..n); SK_ENOMEM naming what (then none). */
typedef struct sk__canvas sk__canvas;
sk_status sk__canvases_new(sk_ctx *ctx, sk__plan *const *plans, size_t count, double dpi,
                           int thumbnail_width, const char *what, size_t n,
                           sk__canvas **out);
void sk__canvas_free(sk__canvas *canvas);
/* The calling thread draws on canvas from enter to leave: its texts with the fonts the
** canvas loaded ahead. */
void sk__canvas_enter(sk__canvas *canvas);
void sk__canvas_leave(sk__canvas *canvas);

/* A small copy of a PNG page to write beside it: path, and the widest it may be (pixels). */
typedef struct sk__thumbnail {
    const char *path;
    int max_width;
} sk__thumbnail;

/* What a raster page may share or reuse: border layers (NULL: drawn on the page), its
** pixels (NULL: its own) and a thumbnail to write beside it (NULL: none). */
typedef struct sk__raster {
    sk__layers *layers;
    sk__canvas *canvas;
    const sk__thumbnail *thumbnail;
} sk__raster;

/* A map page's plan (sk__plan_map_page) to a file as sk_map_render does (options not
** NULL); raster: for PNG (NULL: nothing shared).  The plan is only read. */
sk_status sk__render_map_plan(sk_ctx *ctx, const sk__plan *plan,
                              const sk_render_options *options, const char *path,
                              const sk__raster *raster);

/* A page's plan as a PNG file at dpi (no world file), raster as above (NULL: nothing
** shared).  One thread; the plan is only read. */
sk_status sk__render_plan_png(sk_ctx *ctx, const sk__plan *plan, double dpi, const char *path,
                              const sk__raster *raster);

/* A page of several maps (spec->panel_count of them, maps[0..n)) to a file: PNG (no world
** file), PDF or SVG by options->format or the extension. */
struct sk__page_spec;
/* A page of point maps' classes CSV: a row per point of every panel (as
** sk_map_write_classes_csv's, with drawn positions) and the panel's title (or number). */
sk_status sk__write_panels_points_csv(sk_ctx *ctx, const struct sk__page_spec *spec,
                                      sk_map *const *maps, const char *path);
sk_status sk__render_panels_file(sk_ctx *ctx, sk_map *const *maps,
                                 const struct sk__page_spec *spec,
                                 const sk_render_options *options, const char *path);

/* ---- a multi-page PDF document ------------------------------------------------------- */

/* Page i of a document: its plan and its entry in the outline (the PDF's bookmarks). */
typedef struct sk__document_page {
    const sk__plan *plan;   /* borrowed: valid until the next page is asked for */
    const char *outline;    /* the entry's title (borrowed likewise), or NULL: no entry */
    long parent;            /* the page whose entry this one sits under, or -1: top level */
} sk__document_page;

/* Fills *page with page i (pages are asked for once each, in order); returns SK_OK or an
** error set on ctx, which ends the document. */
typedef sk_status (*sk__document_source)(sk_ctx *ctx, void *data, size_t i,
                                         sk__document_page *page);

/* Write count pages from source as one PDF at path (through the sink: nothing is left on
** failure): each page the size of its plan, the outline entries with their hierarchy, each
** entry going to its page ("page=N"), each link to the page's named destination (below), metadata title (NULL: none) and creator
** samenkaart.  layers: border layers shared between pages, or NULL.  On failure ctx has the
** message, naming path. */
sk_status sk__render_document(sk_ctx *ctx, const char *path, const char *title, size_t count,
                              sk__document_source source, void *data, sk__layers *layers);

/* The named destination of page N (1-based) of a document, a format for a size_t: a link
** goes there (plan.h's sk__plan_link), the PDF's /Dests name it. */
#define SK__DOCUMENT_DEST "page-%zu"

#endif
