#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "internal.h"
#include "output.h"

sk_status
sk__output_open(sk_ctx *ctx, sk__output *out, const char *path)
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
sk__output_write(sk__output *out, const void *data, size_t size)
{
    if (!out->failed && fwrite(data, 1, size, out->fp) != size)
        out->failed = errno != 0 ? errno : EIO;
}

void
sk__output_printf(sk__output *out, const char *fmt, ...)
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
sk__output_finish(sk_ctx *ctx, sk__output *out)
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
        sk__output_abort(out);
        return st;
    }
    return SK_OK;
}

sk_status
sk__output_commit(sk_ctx *ctx, sk__output *outs, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (g_rename(outs[i].temp, outs[i].path) != 0) {
            int e = errno;
            sk_status st = sk__error(ctx, SK_EIO, "%s: cannot write: %s", outs[i].path,
                                     g_strerror(e));
            for (size_t k = 0; k < count; k++) {
                if (k < i)
                    g_unlink(outs[k].path);
                sk__output_abort(&outs[k]);
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
sk__output_abort(sk__output *out)
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
sk__output_cairo_write(void *closure, const unsigned char *data, unsigned int length)
{
    sk__output *out = closure;
    sk__output_write(out, data, length);
    return out->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

sk_status
sk_write_file(sk_ctx *ctx, const char *path, const void *data, size_t size)
{
    sk__output out;
    sk_status st = sk__output_open(ctx, &out, path);
    if (st != SK_OK)
        return st;
    sk__output_write(&out, data, size);
    if ((st = sk__output_finish(ctx, &out)) != SK_OK) {
        sk__output_abort(&out);
        return st;
    }
    return sk__output_commit(ctx, &out, 1);
}

