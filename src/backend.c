/* Loading the reader back-end (ogr.h) on first use, and the library's side of its data. */
#include <string.h>
#include <gmodule.h>
#include "cache.h"
#include "internal.h"
#include "ogr.h"
#include "paths.h"
#include "text.h"

/* GDAL's driver registration is global and not safe to race with reads, so it runs once per
** process, whichever thread (CLI, atlas worker) first needs the back-end. */
static gpointer
register_drivers(gpointer backend)
{
    ((const sk__ogr_backend *)backend)->init();
    return NULL;
}

const sk__ogr_backend *
sk__ogr_backend_get(sk_ctx *ctx)
{
    /* The module lives beside this library (build tree and installation alike), unless
    ** $SAMENKAART_BACKEND names it. */
    const char *env = g_getenv("SAMENKAART_BACKEND");
    char *path = NULL;
    if (env != NULL && env[0] != '\0') {
        path = g_strdup(env);
    } else {
        char *dir = sk__library_dir();
        if (dir == NULL) {
            sk__error(ctx, SK_ERUNTIME, "cannot locate libsamenkaart");
            return NULL;
        }
        path = g_build_filename(dir, "libsamenkaart-ogr.so", NULL);
        g_free(dir);
    }
    /* GModule keeps one handle per path and counts references: opening again is a lookup.
    ** The module stays resident, so GDAL is loaded at most once per process. */
    GModule *module = g_module_open(path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
    gpointer symbol = NULL;
    if (module == NULL || !g_module_symbol(module, "sk__ogr_backend_v1", &symbol) ||
        ((const sk__ogr_backend *)symbol)->abi != SK__OGR_ABI) {
        sk__error(ctx, SK_ERUNTIME, "cannot load the reader back-end %s: %s", path,
                  module == NULL ? g_module_error() : "not a samenkaart back-end");
        if (module != NULL)
            g_module_close(module);
        g_free(path);
        return NULL;
    }
    g_module_make_resident(module);
    g_module_close(module);
    g_free(path);
    static GOnce registered = G_ONCE_INIT;
    g_once(&registered, register_drivers, symbol);
    return symbol;
}

int
sk__ogr_column_optional(const sk__ogr_data *d, const char *name)
{
    for (guint i = 0; i < d->columns->len; i++)
        if (g_ascii_strcasecmp(g_ptr_array_index(d->columns, i), name) == 0)
            return (int)i;
    return -1;
}

int
sk__ogr_column(const sk__ogr_data *d, const char *path, const char *name,
               sk__diagnostics *diags)
{
    int i = sk__ogr_column_optional(d, name);
    /* Two columns of one name: which one holds the data is a guess, so neither is taken. */
    for (guint k = (guint)i + 1; i >= 0 && k < d->columns->len; k++)
        if (g_ascii_strcasecmp(g_ptr_array_index(d->columns, k), name) == 0) {
            sk__diagnostics_add(diags, "%s: two columns are named '%s' (columns %d '%s' and "
                                "%u '%s', case ignored); rename or remove one", path, name,
                                i + 1, (const char *)g_ptr_array_index(d->columns, (guint)i),
                                k + 1, (const char *)g_ptr_array_index(d->columns, k));
            return -1;
        }
    if (i >= 0)
        return i;
    char *norm = sk__normalize(name);
    sk__suggestion s;
    sk__suggestion_init(&s, norm);
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    for (guint k = 0; k < d->columns->len; k++) {
        const char *column = g_ptr_array_index(d->columns, k);
        char *key = sk__normalize(column);
        g_ptr_array_add(keys, key);
        sk__suggestion_offer(&s, column, key);
    }
    if (s.best != NULL)
        sk__diagnostics_add(diags, "%s: no column '%s' (did you mean '%s'?)", path, name,
                            s.best);
    else
        sk__diagnostics_add(diags, "%s: no column '%s' (the layer has no columns)", path, name);
    g_ptr_array_free(keys, TRUE);
    g_free(norm);
    return -1;
}

/* names joined by ", " (at most max of them, then "…"); g_free it. */
static char *
joined(const char *const *names, size_t n, size_t max)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n && i <= max; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", i < max ? names[i] : "…");
    return g_string_free(s, FALSE);
}

void
sk__ogr_columns(const sk__ogr_data *d, const char *path, const char *const *names, size_t n,
                int *out, sk__diagnostics *diags)
{
    size_t found = 0;
    for (size_t i = 0; i < n; i++)
        found += (out[i] = sk__ogr_column_optional(d, names[i])) >= 0;
    if (found > 0 || n < 2) {
        /* Every column again through sk__ogr_column: a name given twice is refused too. */
        for (size_t i = 0; i < n; i++)
            out[i] = sk__ogr_column(d, path, names[i], diags);
        return;
    }
    /* Not one of them: the wrong file, table or sheet, one cause and one message. */
    char *want = joined(names, n, n);
    char *have = joined((const char *const *)d->columns->pdata, d->columns->len, 12);
    if (d->columns->len == 0)
        sk__diagnostics_add(diags, "%s: the layer has no columns (expected %s); is the table "
                            "or sheet name right?", path, want);
    else
        sk__diagnostics_add(diags, "%s: none of the columns %s (the layer has %s); is this "
                            "the right file, table or sheet?", path, want, have);
    g_free(want);
    g_free(have);
}

sk_status
sk__ogr_report(sk_ctx *ctx, const sk__ogr_data *d)
{
    for (guint i = 0; i < d->warnings->len; i++)
        sk__warn(ctx, "%s", (const char *)g_ptr_array_index(d->warnings, i));
    for (guint i = 0; i < d->files->len; i++)
        sk__ctx_note_input(ctx, g_ptr_array_index(d->files, i));
    if (d->error_count > 0)
        return sk__error(ctx, SK_EINPUT, "%s", d->errors->str);
    return SK_OK;
}

/* ---- the table as read, cached ------------------------------------------------------ */

static GByteArray *
serialize_table(const sk__ogr_data *t)
{
    GByteArray *b = g_byte_array_new();
    sk__blob_put_u64(b, t->columns->len);
    for (guint i = 0; i < t->columns->len; i++)
        sk__blob_put_str(b, g_ptr_array_index(t->columns, i));
    sk__blob_put_u64(b, t->rows);
    for (size_t r = 0; r < t->rows; r++) {
        sk__blob_put_str(b, g_ptr_array_index(t->where, r));
        for (guint i = 0; i < t->columns->len; i++)
            sk__blob_put_str(b, sk__ogr_cell(t, r, i));
    }
    return b;
}

static int
deserialize_table(GBytes *payload, sk__ogr_data *t)
{
    gsize len;
    const guint8 *data = g_bytes_get_data(payload, &len);
    sk__blob b = {data, data + len, 0};
    size_t ncol = sk__blob_count(&b, len / 8);
    for (size_t i = 0; i < ncol && !b.failed; i++)
        g_ptr_array_add(t->columns, sk__blob_str(&b));
    size_t rows = sk__blob_count(&b, len / 8);
    for (size_t r = 0; r < rows && !b.failed; r++) {
        g_ptr_array_add(t->where, sk__blob_str(&b));
        for (size_t i = 0; i < ncol; i++)
            g_ptr_array_add(t->cells, sk__blob_str(&b));
    }
    t->rows = rows;
    return !b.failed && b.p == b.end;
}

/* The database as a table of text cells: from the cache when no file it was read from
** changed, else read by the back-end (and cached).  Bad input (no file, no such sheet) is an
** error. */
sk_status
sk__read_table(sk_ctx *ctx, const char *path, const char *layer, const char *what,
               const char *cache_dir, sk__ogr_data *table)
{
    sk__ctx_note_input(ctx, path);
    sk__cache_key key;
    const char *sources[] = {path};
    const char *params[] = {layer, what};
    int cacheable = cache_dir != NULL && path != NULL &&
                    sk__cache_make_key("table", sources, 1, params, 2, &key);
    GBytes *payload = cacheable ? sk__cache_read(ctx, cache_dir, &key) : NULL;
    if (payload != NULL) {
        int ok = deserialize_table(payload, table);
        g_bytes_unref(payload);
        if (ok)
            return SK_OK;
        sk__ogr_data_clear(table);
        sk__ogr_data_init(table);
    }
    const sk__ogr_backend *be = sk__ogr_backend_get(ctx);
    if (be == NULL)
        return sk_ctx_status(ctx);
    sk__cache_reading reading;
    sk__cache_reading_start(&reading, ctx);
    sk__ctx_note_input(ctx, path);
    be->read_table(path, layer, what, table);
    sk_status st = sk__ogr_report(ctx, table);
    if (st == SK_OK && cacheable) {
        GByteArray *blob = serialize_table(table);
        sk__cache_write(cache_dir, &key, &reading, blob);
        g_byte_array_unref(blob);
    }
    sk__cache_reading_end(&reading);
    return st;
}
