/* The context: first error and its message, warning handler. */
#include <stdlib.h>
#include "internal.h"
#include "sk-config.h"

struct sk_ctx {
    sk_status status;
    GString *message;
    sk_warning_fn warn;
    void *warn_data;
};

const char *
sk_version(void)
{
    return SK_VERSION;
}

const char *
sk_strerror(sk_status status)
{
    switch (status) {
    case SK_OK: return "ok";
    case SK_EINPUT: return "bad input";
    case SK_EUSAGE: return "bad argument";
    case SK_EIO: return "output failed";
    case SK_ENOMEM: return "out of memory";
    case SK_ERUNTIME: return "runtime failure";
    }
    return "unknown status";
}

sk_ctx *
sk_ctx_new(void)
{
    sk_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL)
        return NULL;
    ctx->message = g_string_new(NULL);
    return ctx;
}

void
sk_ctx_free(sk_ctx *ctx)
{
    if (ctx == NULL)
        return;
    g_string_free(ctx->message, TRUE);
    free(ctx);
}

sk_status
sk_ctx_status(const sk_ctx *ctx)
{
    return ctx->status;
}

const char *
sk_ctx_errmsg(const sk_ctx *ctx)
{
    return ctx->message->str;
}

void
sk_ctx_clear_error(sk_ctx *ctx)
{
    ctx->status = SK_OK;
    g_string_truncate(ctx->message, 0);
}

void
sk_ctx_set_warning_handler(sk_ctx *ctx, sk_warning_fn fn, void *user_data)
{
    ctx->warn = fn;
    ctx->warn_data = user_data;
}

void
sk__ctx_warning_handler(const sk_ctx *ctx, sk_warning_fn *fn, void **user_data)
{
    *fn = ctx->warn;
    *user_data = ctx->warn_data;
}

sk_status
sk__error(sk_ctx *ctx, sk_status status, const char *fmt, ...)
{
    /* Don't overwrite an existing error: the first one is the most significant. */
    if (ctx->status != SK_OK)
        return status;
    ctx->status = status;
    va_list ap;
    va_start(ap, fmt);
    g_string_vprintf(ctx->message, fmt, ap);
    va_end(ap);
    return status;
}

void
sk__warn(sk_ctx *ctx, const char *fmt, ...)
{
    if (ctx->warn == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    ctx->warn(ctx->warn_data, text);
    g_free(text);
}

void
sk__diagnostics_init(sk__diagnostics *diags)
{
    diags->text = g_string_new(NULL);
    diags->count = 0;
}

void
sk__diagnostics_add(sk__diagnostics *diags, const char *fmt, ...)
{
    if (diags->count > 0)
        g_string_append_c(diags->text, '\n');
    va_list ap;
    va_start(ap, fmt);
    g_string_append_vprintf(diags->text, fmt, ap);
    va_end(ap);
    diags->count++;
}

sk_status
sk__diagnostics_finish(sk__diagnostics *diags, sk_ctx *ctx)
{
    sk_status status = SK_OK;
    if (diags->count > 0)
        status = sk__error(ctx, SK_EINPUT, "%s", diags->text->str);
    g_string_free(diags->text, TRUE);
    diags->text = NULL;
    diags->count = 0;
    return status;
}

sk_status
sk__thread_start(sk_ctx *ctx, const char *name, GThreadFunc fn, void *data, GThread **out)
{
    GError *err = NULL;
    *out = g_thread_try_new(name, fn, data, &err);
    if (*out != NULL)
        return SK_OK;
    sk_status st = sk__error(ctx, SK_ERUNTIME, "cannot start a thread (%s): %s", name,
                             err != NULL ? err->message : "unknown reason");
    g_clear_error(&err);
    return st;
}
