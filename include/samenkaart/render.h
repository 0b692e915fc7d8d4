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

/* The ranges of the numbers a caller gives, the same in the library, the command line and
** atlas files (outside them: SK_EUSAGE, or exit status 2 from the tool).  dpi: PNG
** resolution; classes: a count map's classes, the first for 0 projects (sk_map_spec);
** group_from: combinations of this many labels or more as one class (sk_map_spec); jobs:
** threads of an atlas (sk_atlas_options; 0 there: one per core, at most SK_JOBS_MAX). */
#define SK_DPI_MIN 30
#define SK_DPI_MAX 1200
#define SK_CLASSES_MIN 2
#define SK_CLASSES_MAX 7
#define SK_GROUP_FROM_MIN 2
#define SK_GROUP_FROM_MAX 11
#define SK_JOBS_MIN 1
#define SK_JOBS_MAX 64

/* The names of the page sizes, the same in styles ([page] size), atlas files ([atlas] page)
** and the command line (--page): "a4" and "a4-landscape" name SK_PAGE_A4_LANDSCAPE, "slide"
** and "slide-16x9" SK_PAGE_SLIDE_16_9.  For messages: SK_PAGE_SIZE_NAMES. */
#define SK_PAGE_SIZE_NAMES "a4, a4-landscape, slide or slide-16x9"

/* The page size text names, exactly as in SK_PAGE_SIZE_NAMES; SK_EUSAGE otherwise, with a
** message naming the value and every valid name ("page size 'letter' unknown: expected
** a4, a4-landscape, slide or slide-16x9"), for the caller to prefix with where it came
** from. */
SK_API sk_status sk_page_size_parse(sk_ctx *ctx, const char *text, sk_page_size *size);

typedef enum sk_format {
    SK_FORMAT_AUTO = 0,  /* from the output file's extension */
    SK_FORMAT_PNG,
    SK_FORMAT_PDF,
    SK_FORMAT_SVG
} sk_format;

typedef struct sk_render_options {
    sk_format format;
    double dpi;          /* PNG resolution, SK_DPI_MIN to SK_DPI_MAX; default 150 */
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
