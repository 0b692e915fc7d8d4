/* The sink: every file a run writes goes through here (maps as PNG, world files, PDF, SVG,
** CSVs, the atlas's pages, index, thumbnails and manifest), so that the output guarantees of
** outputs.h hold for all of them: each file is staged in the run open on the context (or in a
** run of its own for this call) and appears only when the whole run commits.
**
** The way in is sk__sink_write_files: for each file a format's writer fills the sink, its
** status is checked, and the files are staged; without an open run they are committed
** together at once. */
#ifndef SK_SINK_H
#define SK_SINK_H

#include <cairo.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"

typedef struct sk__staged sk__staged;

typedef struct sk__sink {
    const char *path;      /* as named, for messages */
    sk_ctx *ctx;
    sk__staged *file;
    unsigned char *buffer; /* bytes not yet handed to the file */
    size_t used;
    int failed;            /* errno of a failed write, or 0 */
} sk__sink;

/* A writer: fills out with one file's bytes (sk__sink_write, or a cairo stream through
** sk__sink_cairo_write).  Returns SK_OK, or an error set on ctx; write failures are found
** by the sink itself. */
typedef sk_status (*sk__sink_writer)(sk_ctx *ctx, sk__sink *out, void *data);

typedef struct sk__sink_file {
    const char *path;
    sk__sink_writer write;
    void *data;            /* passed to write */
} sk__sink_file;

/* Write count files, each by its writer, into the run; on any failure none of them (nor
** anything else of the run) is left.  SK_EIO with the path and reason, SK_EUSAGE for a
** target that is an input or another output, or the writer's error. */
sk_status sk__sink_write_files(sk_ctx *ctx, const sk__sink_file *files, size_t count);

/* Write helpers that remember failure (checked once when the file is finished). */
void sk__sink_write(sk__sink *out, const void *data, size_t size);
void sk__sink_printf(sk__sink *out, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* A cairo write function writing to the sink passed as closure (PDF, SVG streams).  It never
** tells cairo of a failure (see sink.c): writers check out->failed. */
cairo_status_t sk__sink_cairo_write(void *closure, const unsigned char *data,
                                    unsigned int length);

/* An image surface for drawing, counted as a fault point; SK_ENOMEM on ctx when it cannot be
** made (*out NULL), naming what it was for. */
sk_status sk__sink_image_surface(sk_ctx *ctx, cairo_format_t format, int width, int height,
                                 const char *what, cairo_surface_t **out);

#endif
