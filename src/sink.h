/* The sink: every file a run writes goes through here (maps as PNG, world files, PDF, SVG,
** CSVs, the atlas's pages, index and thumbnails), so output guarantees live in one place.
** A file is written under a temporary name in its target directory and renamed into place
** only when everything for that output succeeded: a failed run leaves nothing behind.
**
** The usual way in is sk__sink_write_files: for each file a format's writer fills the sink,
** its status is checked, and all files are committed together (renamed, in order) or none.
** The lower-level calls below serve writers that stream (a multi-page PDF). */
#ifndef SK_SINK_H
#define SK_SINK_H

#include <stdio.h>
#include <cairo.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"

typedef struct sk__sink {
    char *path;    /* final name */
    char *temp;    /* temporary name beside it */
    FILE *fp;
    int failed;    /* errno of a failed write, or 0 */
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

/* Write count files, each by its writer, then commit them all; on any failure none of them
** is left (neither temporary nor final).  SK_EIO with the path and reason, or the writer's
** error. */
sk_status sk__sink_write_files(sk_ctx *ctx, const sk__sink_file *files, size_t count);

/* Create the temporary file for path.  SK_EIO with the reason on failure. */
sk_status sk__sink_open(sk_ctx *ctx, sk__sink *out, const char *path);
/* Write helpers that remember failure (checked once by sk__sink_finish). */
void sk__sink_write(sk__sink *out, const void *data, size_t size);
void sk__sink_printf(sk__sink *out, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Flush and close; SK_EIO if anything failed (the temporary file is then removed). */
sk_status sk__sink_finish(sk_ctx *ctx, sk__sink *out);
/* Rename finished outputs into place, in order.  Removes them all on failure. */
sk_status sk__sink_commit(sk_ctx *ctx, sk__sink *outs, size_t count);
/* A cairo write function writing to the sink passed as closure (PDF, SVG streams). */
cairo_status_t sk__sink_cairo_write(void *closure, const unsigned char *data,
                                    unsigned int length);
/* Remove the temporary file, if any, and release (idempotent). */
void sk__sink_abort(sk__sink *out);

#endif
