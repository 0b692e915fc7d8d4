/* Output files are written under a temporary name in the target directory and renamed into
** place only when everything for that output succeeded: a failed run leaves nothing behind. */
#ifndef SK_OUTPUT_H
#define SK_OUTPUT_H

#include <stdio.h>
#include <cairo.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"

typedef struct sk__output {
    char *path;    /* final name */
    char *temp;    /* temporary name beside it */
    FILE *fp;
    int failed;    /* a write failed */
} sk__output;

/* Create the temporary file for path.  SK_EIO with the reason on failure. */
sk_status sk__output_open(sk_ctx *ctx, sk__output *out, const char *path);
/* Write helpers that remember failure (checked once by sk__output_finish). */
void sk__output_write(sk__output *out, const void *data, size_t size);
void sk__output_printf(sk__output *out, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Flush and close; SK_EIO if anything failed (the temporary file is then removed). */
sk_status sk__output_finish(sk_ctx *ctx, sk__output *out);
/* Rename finished outputs into place, in order.  Removes them all on failure. */
sk_status sk__output_commit(sk_ctx *ctx, sk__output *outs, size_t count);
/* A cairo write function writing to the output passed as closure (PDF, SVG streams). */
cairo_status_t sk__output_cairo_write(void *closure, const unsigned char *data,
                                      unsigned int length);

/* Remove the temporary file, if any, and release. */
void sk__output_abort(sk__output *out);


#endif
