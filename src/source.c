#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <glib.h>
#include "internal.h"
#include "source.h"
#include "text.h"

void
sk__gdal_begin(void)
{
    /* GDALAllRegister is idempotent and thread-safe.  The quiet handler is pushed on this
    ** thread's handler stack only, so GDAL never prints behind the caller's back; its last
    ** message is still kept for CPLGetLastErrorMsg. */
    GDALAllRegister();
    CPLPushErrorHandler(CPLQuietErrorHandler);
}

void
sk__gdal_end(void)
{
    CPLPopErrorHandler();
}

static int
has_suffix_ci(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && g_ascii_strcasecmp(s + ls - lx, suffix) == 0;
}

sk_status
sk__source_open(sk_ctx *ctx, const char *path, const char *layer_name, const char *what,
                sk__source *src)
{
    memset(src, 0, sizeof *src);
    src->path = path;
    if (path == NULL || path[0] == '\0')
        return sk__error(ctx, SK_EINPUT, "no %s given", what);

    /* Only check plain files: connection strings (PG:…) and /vsi paths are OGR's business. */
    struct stat st;
    int is_plain = strchr(path, ':') == NULL && !g_str_has_prefix(path, "/vsi");
    if (is_plain && stat(path, &st) != 0)
        return sk__error(ctx, SK_EINPUT, "%s: cannot open %s: %s", path, what,
                         g_strerror(errno));

    src->is_csv = has_suffix_ci(path, ".csv") || has_suffix_ci(path, ".tsv") ||
                  has_suffix_ci(path, ".txt");
    /* Keep every CSV column as text: the contract's values are strings ("GM0003"). */
    const char *csv_options[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO",
                                 "KEEP_SOURCE_DEFINED_COLUMN_NAMES=YES", NULL};
    const char *const *options = src->is_csv ? csv_options : NULL;
    const char *csv_driver[] = {"CSV", NULL};
    CPLErrorReset();
    src->dataset = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY,
                              src->is_csv ? csv_driver : NULL, options, NULL);
    if (src->dataset == NULL) {
        const char *msg = CPLGetLastErrorMsg();
        return sk__error(ctx, SK_EINPUT, "%s: cannot read %s%s%s", path, what,
                         msg[0] ? ": " : " (not a vector data source OGR recognises)", msg);
    }
    int n = GDALDatasetGetLayerCount(src->dataset);
    if (layer_name != NULL && layer_name[0] != '\0') {
        src->layer = GDALDatasetGetLayerByName(src->dataset, layer_name);
        if (src->layer == NULL) {
            char *norm = sk__normalize(layer_name);
            sk__suggestion s;
            sk__suggestion_init(&s, norm);
            char **names = g_new0(char *, (size_t)n + 1);
            for (int i = 0; i < n; i++) {
                const char *name = OGR_L_GetName(GDALDatasetGetLayer(src->dataset, i));
                names[i] = sk__normalize(name);
                sk__suggestion_offer(&s, name, names[i]);
            }
            sk__error(ctx, SK_EINPUT, "%s: no layer or sheet '%s' (did you mean '%s'?)", path,
                      layer_name, s.best ? s.best : "");
            g_strfreev(names);
            g_free(norm);
            sk__source_close(src);
            return SK_EINPUT;
        }
    } else {
        if (n < 1) {
            sk__source_close(src);
            return sk__error(ctx, SK_EINPUT, "%s: %s has no layers", path, what);
        }
        src->layer = GDALDatasetGetLayer(src->dataset, 0);
    }
    return SK_OK;
}

void
sk__source_close(sk__source *src)
{
    if (src->dataset != NULL)
        GDALClose(src->dataset);
    src->dataset = NULL;
    src->layer = NULL;
}

int
sk__source_field_optional(const sk__source *src, const char *name)
{
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(src->layer);
    int n = OGR_FD_GetFieldCount(defn);
    /* Case-insensitive, and tolerant of a BOM or spaces Excel may leave in a header. */
    for (int i = 0; i < n; i++) {
        char *field = g_strdup(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
        char *f = field;
        if ((unsigned char)f[0] == 0xEF && (unsigned char)f[1] == 0xBB &&
            (unsigned char)f[2] == 0xBF)
            f += 3;
        int eq = g_ascii_strcasecmp(g_strstrip(f), name) == 0;
        g_free(field);
        if (eq)
            return i;
    }
    return -1;
}

int
sk__source_field(const sk__source *src, const char *name, sk__diagnostics *diags)
{
    int i = sk__source_field_optional(src, name);
    if (i >= 0)
        return i;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(src->layer);
    int n = OGR_FD_GetFieldCount(defn);
    char *norm = sk__normalize(name);
    sk__suggestion s;
    sk__suggestion_init(&s, norm);
    char **keys = g_new0(char *, (size_t)n + 1);
    for (int k = 0; k < n; k++) {
        const char *field = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, k));
        keys[k] = sk__normalize(field);
        sk__suggestion_offer(&s, field, keys[k]);
    }
    if (s.best != NULL)
        sk__diagnostics_add(diags, "%s: no column '%s' (did you mean '%s'?)", src->path, name,
                            s.best);
    else
        sk__diagnostics_add(diags, "%s: no column '%s' (the layer has no columns)", src->path,
                            name);
    g_strfreev(keys);
    g_free(norm);
    return -1;
}

char *
sk__source_where(const sk__source *src, OGRFeatureH feature)
{
    GIntBig fid = OGR_F_GetFID(feature);
    if (src->is_csv)
        return g_strdup_printf("%s:%lld", src->path, (long long)fid + 1);
    const char *driver = GDALGetDriverShortName(GDALGetDatasetDriver(src->dataset));
    if (g_strcmp0(driver, "XLSX") == 0 || g_strcmp0(driver, "ODS") == 0)
        return g_strdup_printf("%s: sheet '%s' row %lld", src->path, OGR_L_GetName(src->layer),
                               (long long)fid);
    return g_strdup_printf("%s: feature %lld", src->path, (long long)fid);
}
