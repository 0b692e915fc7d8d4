/* Loading the reader back-end (ogr.h) on first use, and the library's side of its data. */
#define _GNU_SOURCE   /* dladdr: where this library is, to find the module beside it */
#include <dlfcn.h>
#include <string.h>
#include <gmodule.h>
#include "internal.h"
#include "ogr.h"
#include "text.h"

/* Any object of this library will do to ask the loader where the library is. */
static const char here = 0;

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
        Dl_info info;
        if (dladdr(&here, &info) == 0 || info.dli_fname == NULL) {
            sk__error(ctx, SK_ERUNTIME, "cannot locate libsamenkaart");
            return NULL;
        }
        char *dir = g_path_get_dirname(info.dli_fname);
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
    const sk__ogr_backend *backend = symbol;
    backend->init();
    return backend;
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

sk_status
sk__ogr_report(sk_ctx *ctx, const sk__ogr_data *d)
{
    for (guint i = 0; i < d->warnings->len; i++)
        sk__warn(ctx, "%s", (const char *)g_ptr_array_index(d->warnings, i));
    if (d->error_count > 0)
        return sk__error(ctx, SK_EINPUT, "%s", d->errors->str);
    return SK_OK;
}
