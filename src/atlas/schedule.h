/* Rendering an atlas (sk_atlas_render): load the data once, build every page's map models and
** its plan on two threads, then the PDF on this thread while workers draw the PNGs, both from
** the same plans. */
#ifndef SK_ATLAS_SCHEDULE_H
#define SK_ATLAS_SCHEDULE_H

#include "model.h"
#include "../render_internal.h"
#include "../style_internal.h"

/* One rendering run, shared by the threads that write its files. */
typedef struct sk__atlas_job {
    sk_ctx *ctx;                /* the run's: threads' contexts share its outputs */
    const sk_atlas *atlas;
    const sk_atlas_options *options;
    const sk_style *style;
    sk_map **maps;              /* per page, NULL for text pages */
    sk_panels **sets;           /* per page, for pages of several maps */
    sk__plan **plans;           /* per page: what its PDF page and its PNG are drawn from */
    sk__layers *raster_layers, *vector_layers;   /* borders shared between pages */
    sk__canvas **canvases;      /* the PNG threads' pixels, made before they start */
    gint canvas_count, next_canvas;              /* next_canvas: the next one to take */
    size_t *order;              /* pages in the order their PNGs are drawn */
    gint next;                  /* next of order to render as PNG */
    GMutex lock;                /* guards the fields below */
    size_t done, total;
    sk_ctx *error;              /* first failure */
    int failed;
} sk__atlas_job;

#endif
