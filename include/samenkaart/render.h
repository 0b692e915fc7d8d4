/*
** Rendering: a map model (map.h) laid out on its page and drawn to PNG (plus a world file),
** PDF or SVG.  Every file is written under a temporary name beside its target and renamed
** when everything for that output succeeded, so a failure leaves no partial output.
** Numbers written into outputs (world files, the scale bar, CSVs) use '.' before decimals
** whatever the caller's locale.
*/
/* samenkaart.h first, outside the guard: it includes every module header in an order in
** which each finds the types it uses, whichever header the caller includes first. */
#include "samenkaart/samenkaart.h"
#ifndef SAMENKAART_RENDER_H
#define SAMENKAART_RENDER_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sk_format {
    SK_FORMAT_AUTO = 0,  /* from the output file's extension */
    SK_FORMAT_PNG,
    SK_FORMAT_PDF,
    SK_FORMAT_SVG
} sk_format;

typedef struct sk_render_options {
    sk_format format;
    double dpi;          /* PNG resolution, 10 to 2400; default 150 */
    int world_file;      /* PNG: write NAME.pgw beside it; default 1 */
    int threads;         /* PNG: threads for one page (1 or 2); default 2.  Batch renderers
                         ** that already keep every core busy use 1.  The bytes written do
                         ** not depend on it. */
} sk_render_options;

/* Fill options with the defaults above. */
SK_API void sk_render_options_init(sk_render_options *options);

/* Lay out and render map to path (and, for PNG, its world file NAME.pgw: pixel size and the
** map coordinates of the top-left pixel's centre).  options NULL: the defaults.  The format
** is options->format, or the extension (.png, .pdf, .svg).  Errors: SK_EUSAGE for an
** unknown format or a dpi out of range; SK_EINPUT when the page cannot hold the legend or
** the note/text is not valid Pango markup; SK_EIO when a file cannot be written;
** SK_ERUNTIME when drawing fails or a thread cannot be started.  The message is on ctx. */
SK_API sk_status sk_map_render(sk_ctx *ctx, const sk_map *map, const sk_render_options *options,
                               const char *path);

/* The municipality names a zoomed map places, as laid out on its page (the same placement
** sk_map_render draws): one row per name, gm_code,gm_naam,size_pt,x0,y0,x1,y1 (the box in
** page points, y down) and map_x0,map_y0,map_x1,map_y1 (the same box in the map's CRS).  A
** map that is not zoomed gives the header only.  Written like sk_map_render's files; errors
** as there (SK_EINPUT, SK_EIO). */
SK_API sk_status sk_map_write_labels_csv(sk_ctx *ctx, const sk_map *map, const char *path);

#ifdef __cplusplus
}
#endif
#endif
