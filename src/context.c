/* The context: first error and its message, warning handler; and what a context shares with
** the contexts of the threads the library starts for it: the run's outputs, the inputs read,
** the fault-injection count. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "redact.h"
#include "samenkaart/testing.h"
#include "sk-config.h"

/* Shared by a context and its children (sk__ctx_child); owned by the root context. */
typedef struct shared {
    GMutex lock;            /* guards outputs and inputs */
    sk_outputs *outputs;    /* the open run, or NULL */
    GPtrArray *inputs;      /* paths read (char *), no repeats */
    GPtrArray *recorders;   /* GPtrArray * each: paths noted while a read is recorded */
    guint64 cache_max;      /* bytes the cache directory may hold (sk_ctx_set_cache_max_mb) */
    gint fault_at;          /* atomic: the fault point that fails, 0 none */
    gint points;            /* atomic: fault points passed */
} shared;

struct sk_ctx {
    sk_status status;
    GString *message;
    sk_warning_fn warn;
    void *warn_data;
    shared *shared;
    int owns_shared;
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
    ctx->shared = g_new0(shared, 1);
    ctx->owns_shared = 1;
    g_mutex_init(&ctx->shared->lock);
    ctx->shared->inputs = g_ptr_array_new_with_free_func(g_free);
    ctx->shared->recorders = g_ptr_array_new();
    ctx->shared->cache_max = (guint64)512 << 20;
    return ctx;
}

sk_ctx *
sk__ctx_child(sk_ctx *parent)
{
    sk_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL)
        return NULL;
    ctx->message = g_string_new(NULL);
    ctx->shared = parent->shared;
    /* A thread's warnings reach the caller's function, one at a time (sk__warn). */
    ctx->warn = parent->warn;
    ctx->warn_data = parent->warn_data;
    return ctx;
}

void
sk_ctx_free(sk_ctx *ctx)
{
    if (ctx == NULL)
        return;
    if (ctx->owns_shared) {
        g_ptr_array_free(ctx->shared->inputs, TRUE);
        g_ptr_array_free(ctx->shared->recorders, TRUE);
        g_mutex_clear(&ctx->shared->lock);
        g_free(ctx->shared);
    }
    g_string_free(ctx->message, TRUE);
    free(ctx);
}

static void note_one(sk_ctx *ctx, const char *path);

char *
sk__archive_of(const char *path)
{
    static const char *const prefixes[] = {"/vsizip/", "/vsitar/", "/vsigzip/", "/vsi7z/",
                                           "/vsirar/"};
    static const char *const kinds[] = {".zip", ".tar", ".tgz", ".gz", ".7z", ".rar"};
    for (size_t i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        if (!g_str_has_prefix(path, prefixes[i]))
            continue;
        const char *rest = path + strlen(prefixes[i]) - 1;   /* keeps the leading / */
        if (rest[1] != '/')
            rest++;                                           /* a relative path */
        char *lower = g_ascii_strdown(rest, -1);
        for (size_t k = 0; k < G_N_ELEMENTS(kinds); k++) {
            const char *at = strstr(lower, kinds[k]);
            size_t end = at != NULL ? (size_t)(at - lower) + strlen(kinds[k]) : 0;
            if (at != NULL && (rest[end] == '/' || rest[end] == '\0')) {
                g_free(lower);
                return g_strndup(rest, end);
            }
        }
        g_free(lower);
    }
    return NULL;
}

/* Files GDAL reads beside a source: a shapefile's, a CSV's column types, a projection. */
static void
note_sidecars(sk_ctx *ctx, const char *path)
{
    static const char *const sidecars[] = {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix",
                                           ".sbn", ".sbx", ".csvt", ".SHP", ".SHX", ".DBF",
                                           ".PRJ", ".CPG", ".CSVT"};
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    if (dot == NULL || (slash != NULL && dot < slash))
        return;
    for (size_t i = 0; i < G_N_ELEMENTS(sidecars); i++) {
        char *other = g_strdup_printf("%.*s%s", (int)(dot - path), path, sidecars[i]);
        if (strcmp(other, path) != 0 && g_file_test(other, G_FILE_TEST_IS_REGULAR))
            note_one(ctx, other);
        g_free(other);
    }
}

void
sk__ctx_note_input(sk_ctx *ctx, const char *path)
{
    if (path == NULL || path[0] == '\0')
        return;
    note_one(ctx, path);
    /* Everything noted counts, even from another thread: recording too much costs only a
    ** cache miss, too little a stale entry. */
    g_mutex_lock(&ctx->shared->lock);
    for (guint i = 0; i < ctx->shared->recorders->len; i++)
        g_ptr_array_add(g_ptr_array_index(ctx->shared->recorders, i), g_strdup(path));
    g_mutex_unlock(&ctx->shared->lock);
    char *archive = sk__archive_of(path);
    if (archive != NULL)
        note_one(ctx, archive);
    g_free(archive);
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        /* A folder source (a folder of shapefiles): every file in it. */
        GDir *d = g_dir_open(path, 0, NULL);
        const char *name;
        while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
            char *file = g_build_filename(path, name, NULL);
            note_one(ctx, file);
            g_free(file);
        }
        if (d != NULL)
            g_dir_close(d);
        return;
    }
    note_sidecars(ctx, path);
}

static void
note_one(sk_ctx *ctx, const char *path)
{
    g_mutex_lock(&ctx->shared->lock);
    GPtrArray *inputs = ctx->shared->inputs;
    guint i = 0;
    while (i < inputs->len && strcmp(inputs->pdata[i], path) != 0)
        i++;
    if (i == inputs->len)
        g_ptr_array_add(inputs, g_strdup(path));
    g_mutex_unlock(&ctx->shared->lock);
}

void
sk__ctx_record_inputs(sk_ctx *ctx, GPtrArray *into, int on)
{
    g_mutex_lock(&ctx->shared->lock);
    if (on)
        g_ptr_array_add(ctx->shared->recorders, into);
    else
        g_ptr_array_remove(ctx->shared->recorders, into);
    g_mutex_unlock(&ctx->shared->lock);
}

void
sk_ctx_set_cache_max_mb(sk_ctx *ctx, size_t megabytes)
{
    guint64 mb = MIN((guint64)megabytes, G_MAXUINT64 >> 20);
    g_mutex_lock(&ctx->shared->lock);
    ctx->shared->cache_max = mb << 20;
    g_mutex_unlock(&ctx->shared->lock);
}

guint64
sk__ctx_cache_max(sk_ctx *ctx)
{
    g_mutex_lock(&ctx->shared->lock);
    guint64 max = ctx->shared->cache_max;
    g_mutex_unlock(&ctx->shared->lock);
    return max;
}

char **
sk__ctx_inputs(sk_ctx *ctx)
{
    g_mutex_lock(&ctx->shared->lock);
    GPtrArray *inputs = ctx->shared->inputs;
    char **copy = g_new0(char *, inputs->len + 1);
    for (guint i = 0; i < inputs->len; i++)
        copy[i] = g_strdup(inputs->pdata[i]);
    g_mutex_unlock(&ctx->shared->lock);
    return copy;
}

sk_outputs *
sk__ctx_outputs(sk_ctx *ctx)
{
    g_mutex_lock(&ctx->shared->lock);
    sk_outputs *outputs = ctx->shared->outputs;
    g_mutex_unlock(&ctx->shared->lock);
    return outputs;
}

int
sk__ctx_attach_outputs(sk_ctx *ctx, sk_outputs *outputs)
{
    g_mutex_lock(&ctx->shared->lock);
    int free_slot = ctx->shared->outputs == NULL || outputs == NULL;
    if (free_slot)
        ctx->shared->outputs = outputs;
    g_mutex_unlock(&ctx->shared->lock);
    return free_slot;
}

int
sk__fault(sk_ctx *ctx, sk_fault_point point)
{
    (void)point;   /* all kinds share one count: the N-th operation of any kind fails */
    gint at = g_atomic_int_get(&ctx->shared->fault_at);
    gint n = g_atomic_int_add(&ctx->shared->points, 1) + 1;
    return at > 0 && n == at;
}

void
sk_ctx_set_fault(sk_ctx *ctx, long n)
{
    g_atomic_int_set(&ctx->shared->fault_at, n > 0 && n <= G_MAXINT ? (gint)n : 0);
    g_atomic_int_set(&ctx->shared->points, 0);
}

long
sk_ctx_fault_points(const sk_ctx *ctx)
{
    return g_atomic_int_get(&ctx->shared->points);
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
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* Messages name sources, and a database's name may carry its password. */
    char *shown = sk__redact(text);
    g_string_assign(ctx->message, shown);
    g_free(shown);
    g_free(text);
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
    char *shown = sk__redact(text);
    /* Threads of one run share the caller's function: never two calls at once. */
    g_mutex_lock(&ctx->shared->lock);
    ctx->warn(ctx->warn_data, shown);
    g_mutex_unlock(&ctx->shared->lock);
    g_free(shown);
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
    *out = NULL;
    if (sk__fault(ctx, SK_FAULT_THREAD))
        return sk__error(ctx, SK_ERUNTIME, "cannot start a thread (%s): %s", name,
                         "injected fault");
    *out = g_thread_try_new(name, fn, data, &err);
    if (*out != NULL)
        return SK_OK;
    sk_status st = sk__error(ctx, SK_ERUNTIME, "cannot start a thread (%s): %s", name,
                             err != NULL ? err->message : "unknown reason");
    g_clear_error(&err);
    return st;
}
