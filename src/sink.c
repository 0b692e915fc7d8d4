/* The sink (sink.h): every file a run writes. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "internal.h"
#include "sink.h"

sk_status
sk__sink_open(sk_ctx *ctx, sk__sink *out, const char *path)
{
    memset(out, 0, sizeof *out);
    char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
    out->temp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    g_free(dir);
    g_free(base);
    int fd = g_mkstemp(out->temp);
    if (fd < 0) {
        int e = errno;
        g_free(out->temp);
        out->temp = NULL;
        return sk__error(ctx, SK_EIO, "%s: cannot write: %s", path, g_strerror(e));
    }
    /* mkstemp makes the file private; a map is an ordinary document. */
    if (fchmod(fd, 0644) != 0) {
        /* Not fatal: the file is still written, only more private. */
    }
    out->fp = fdopen(fd, "wb");
    if (out->fp == NULL) {
        int e = errno;
        close(fd);
        g_unlink(out->temp);
        g_free(out->temp);
        out->temp = NULL;
        return sk__error(ctx, SK_EIO, "%s: cannot write: %s", path, g_strerror(e));
    }
    out->path = g_strdup(path);
    return SK_OK;
}

void
sk__sink_write(sk__sink *out, const void *data, size_t size)
{
    if (!out->failed && fwrite(data, 1, size, out->fp) != size)
        out->failed = errno != 0 ? errno : EIO;
}

void
sk__sink_printf(sk__sink *out, const char *fmt, ...)
{
    if (out->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(out->fp, fmt, ap) < 0)
        out->failed = errno != 0 ? errno : EIO;
    va_end(ap);
}

sk_status
sk__sink_finish(sk_ctx *ctx, sk__sink *out)
{
    if (out->fp == NULL)
        return SK_OK;
    if (fflush(out->fp) != 0 && !out->failed)
        out->failed = errno;
    if (!out->failed && fsync(fileno(out->fp)) != 0 && errno != EINVAL)
        out->failed = errno;
    if (fclose(out->fp) != 0 && !out->failed)
        out->failed = errno;
    out->fp = NULL;
    if (out->failed) {
        sk_status st = sk__error(ctx, SK_EIO, "%s: cannot write: %s", out->path,
                                 g_strerror(out->failed));
        sk__sink_abort(out);
        return st;
    }
    return SK_OK;
}

sk_status
sk__sink_commit(sk_ctx *ctx, sk__sink *outs, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (g_rename(outs[i].temp, outs[i].path) != 0) {
            int e = errno;
            sk_status st = sk__error(ctx, SK_EIO, "%s: cannot write: %s", outs[i].path,
                                     g_strerror(e));
            for (size_t k = 0; k < count; k++) {
                if (k < i)
                    g_unlink(outs[k].path);
                sk__sink_abort(&outs[k]);
            }
            return st;
        }
        g_free(outs[i].temp);
        outs[i].temp = NULL;
        g_free(outs[i].path);
        outs[i].path = NULL;
    }
    return SK_OK;
}

void
sk__sink_abort(sk__sink *out)
{
    if (out->fp != NULL)
        fclose(out->fp);
    out->fp = NULL;
    if (out->temp != NULL)
        g_unlink(out->temp);
    g_free(out->temp);
    g_free(out->path);
    out->temp = NULL;
    out->path = NULL;
}

cairo_status_t
sk__sink_cairo_write(void *closure, const unsigned char *data, unsigned int length)
{
    sk__sink *out = closure;
    sk__sink_write(out, data, length);
    return out->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

sk_status
sk__sink_write_files(sk_ctx *ctx, const sk__sink_file *files, size_t count)
{
    sk__sink *outs = g_new0(sk__sink, count > 0 ? count : 1);
    sk_status st = SK_OK;
    size_t open = 0;
    for (; open < count && st == SK_OK; open++) {
        if ((st = sk__sink_open(ctx, &outs[open], files[open].path)) != SK_OK)
            break;
        if ((st = files[open].write(ctx, &outs[open], files[open].data)) != SK_OK)
            sk__sink_abort(&outs[open]);
        else
            st = sk__sink_finish(ctx, &outs[open]);
    }
    if (st == SK_OK)
        st = sk__sink_commit(ctx, outs, count);
    else
        for (size_t i = 0; i < open; i++)
            sk__sink_abort(&outs[i]);
    g_free(outs);
    return st;
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

