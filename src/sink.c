/* The sink (sink.h): every file a run writes, buffered and staged in the run. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <glib.h>
#include "bigmem.h"
#include "internal.h"
#include "outputs_internal.h"
#include "sink.h"

/* Bytes handed to the file at a time: few system calls, and few fault points for tests. */
#define SK__SINK_BUFFER (256 * 1024)

static void
drain(sk__sink *out)
{
    if (out->used > 0 && !out->failed)
        out->failed = sk__staged_write(out->ctx, out->file, out->buffer, out->used);
    out->used = 0;
}

void
sk__sink_write(sk__sink *out, const void *data, size_t size)
{
    const unsigned char *p = data;
    while (size > 0 && !out->failed) {
        size_t room = SK__SINK_BUFFER - out->used, n = size < room ? size : room;
        memcpy(out->buffer + out->used, p, n);
        out->used += n;
        p += n;
        size -= n;
        if (out->used == SK__SINK_BUFFER)
            drain(out);
    }
}

void
sk__sink_printf(sk__sink *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    sk__sink_write(out, text, strlen(text));
    g_free(text);
}

cairo_status_t
sk__sink_cairo_write(void *closure, const unsigned char *data, unsigned int length)
{
    sk__sink *out = closure;
    sk__sink_write(out, data, length);
    /* The sink remembers a failure and the writer reports it.  Told, cairo 1.16 abandons
    ** half its PDF state and asserts when the document with links and an outline is
    ** finished (_cairo_array_index_const): the rest is written into the failed sink, which
    ** drops it. */
    return CAIRO_STATUS_SUCCESS;
}

/* One file: staged, written by its writer, flushed. */
static sk_status
write_one(sk_ctx *ctx, sk_outputs *run, const sk__sink_file *file, unsigned char *buffer)
{
    sk__sink out = {.path = file->path, .ctx = ctx, .buffer = buffer};
    sk_status st = sk__outputs_stage(ctx, run, file->path, &out.file);
    if (st == SK_OK)
        st = file->write(ctx, &out, file->data);
    if (out.file != NULL) {
        drain(&out);
        /* The writer's error comes first; a write failure it did not see is the sink's. */
        sk_status done = sk__staged_finish(ctx, out.file, st == SK_OK ? out.failed : EIO);
        if (st == SK_OK)
            st = done;
    }
    return st;
}

sk_status
sk__sink_write_files(sk_ctx *ctx, const sk__sink_file *files, size_t count)
{
    sk_outputs *run = sk__ctx_outputs(ctx), *own = NULL;
    if (run == NULL)
        run = own = sk__outputs_private(ctx);
    unsigned char *buffer = g_malloc(SK__SINK_BUFFER);
    sk_status st = SK_OK;
    for (size_t i = 0; i < count && st == SK_OK; i++)
        st = write_one(ctx, run, &files[i], buffer);
    g_free(buffer);
    if (own != NULL) {
        if (st == SK_OK)
            st = sk_outputs_commit(own);
        sk_outputs_free(own);
    }
    return st;
}

sk_status
sk__sink_image_surface(sk_ctx *ctx, cairo_format_t format, int width, int height,
                       const char *what, cairo_surface_t **out)
{
    *out = NULL;
    if (sk__fault(ctx, SK_FAULT_SURFACE))
        return sk__error(ctx, SK_ENOMEM, "%s: out of memory for a %d x %d image (injected "
                         "fault)", what, width, height);
    cairo_surface_t *s = sk__bigmem_surface(format, width, height);
    if (s == NULL)
        return sk__error(ctx, SK_ENOMEM, "%s: cannot make a %d x %d image: %s", what, width,
                         height, cairo_status_to_string(CAIRO_STATUS_NO_MEMORY));
    cairo_status_t cs = cairo_surface_status(s);
    if (cs != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return sk__error(ctx, cs == CAIRO_STATUS_NO_MEMORY ? SK_ENOMEM : SK_ERUNTIME,
                         "%s: cannot make a %d x %d image: %s", what, width, height,
                         cairo_status_to_string(cs));
    }
    *out = s;
    return SK_OK;
}

static sk_status
write_bytes(sk_ctx *ctx, sk__sink *out, void *data)
{
    (void)ctx;
    const GBytes *bytes = data;
    gsize size;
    const void *p = g_bytes_get_data((GBytes *)bytes, &size);
    sk__sink_write(out, p, size);
    return SK_OK;
}

sk_status
sk_write_file(sk_ctx *ctx, const char *path, const void *data, size_t size)
{
    GBytes *bytes = g_bytes_new_static(data, size);
    sk__sink_file file = {path, write_bytes, bytes};
    sk_status st = sk__sink_write_files(ctx, &file, 1);
    g_bytes_unref(bytes);
    return st;
}
