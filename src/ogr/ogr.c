/* libsamenkaart-ogr: the reader back-end (see ../ogr.h).  Everything here talks to GDAL/OGR;
** nothing here knows the database contract.  Messages name the file and row; the library
** adds what the values mean. */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include "../ogr.h"
#include "csvscan.h"
#include "geometry.h"
#include "layers.h"

#define EXPORT __attribute__((visibility("default")))

void
sk__ogr_add_error(sk__ogr_data *out, const char *fmt, ...)
{
    if (out->error_count > 0)
        g_string_append_c(out->errors, '\n');
    va_list ap;
    va_start(ap, fmt);
    g_string_append_vprintf(out->errors, fmt, ap);
    va_end(ap);
    out->error_count++;
}

/* ---- opening ------------------------------------------------------------------------ */

typedef struct source {
    GDALDatasetH dataset;
    OGRLayerH layer;
    const char *path;
    int is_csv;
    int is_sheet;
    int sheet_config;    /* the header/type options below are set for this thread */
    int scanned;         /* scan holds the CSV's record structure (feature -> line) */
    sk__csv_scan scan;
    char *memfile;       /* the /vsimem/ copy GDAL reads (UTF-16 converted, no "sep=") */
} source;

/* Sheets: the first row is the header even when every cell below is text too (OGR's guess
** would take it for data), and every cell is text.  GDAL 3.6 has these as configuration
** options only; set for this thread while the sheet is open. */
static const char *const sheet_config[][2] = {
    {"OGR_XLSX_HEADERS", "FORCE"}, {"OGR_XLSX_FIELD_TYPES", "STRING"},
    {"OGR_ODS_HEADERS", "FORCE"},  {"OGR_ODS_FIELD_TYPES", "STRING"},
};

static int
has_suffix_ci(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && g_ascii_strcasecmp(s + ls - lx, suffix) == 0;
}

static void
close_source(source *src)
{
    if (src->dataset != NULL)
        GDALClose(src->dataset);
    src->dataset = NULL;
    for (size_t i = 0; src->sheet_config && i < G_N_ELEMENTS(sheet_config); i++)
        CPLSetThreadLocalConfigOption(sheet_config[i][0], NULL);
    src->sheet_config = 0;
    if (src->memfile != NULL)
        VSIUnlink(src->memfile);
    g_free(src->memfile);
    src->memfile = NULL;
    if (src->scanned)
        sk__csv_scan_clear(&src->scan);
    src->scanned = 0;
}

/* A text table's record structure before GDAL parses it (csvscan.h): the encoding (UTF-8, or
** UTF-16 read through a converted copy), field counts, unclosed quotes, and each feature's
** real line.  Returns 1 when GDAL may read it; the name GDAL must open is in *open_path. */
static int
check_text(source *src, const char *what, const char **open_path, sk__ogr_data *out)
{
    sk__csv_scan_init(&src->scan);
    src->scanned = 1;
    if (!sk__csv_scan_file(src->path, what, has_suffix_ci(src->path, ".tsv"), &src->scan)) {
        for (guint i = 0; i < src->scan.errors->len; i++)
            sk__ogr_add_error(out, "%s", (const char *)g_ptr_array_index(src->scan.errors, i));
        return 0;
    }
    if (src->scan.text != NULL) {
        char *base = g_path_get_basename(src->path);
        src->memfile = g_strdup_printf("/vsimem/samenkaart-%p/%s", (void *)src, base);
        g_free(base);
        VSIFCloseL(VSIFileFromMemBuffer(src->memfile, (GByte *)src->scan.text->str,
                                        (vsi_l_offset)src->scan.text->len, FALSE));
        *open_path = src->memfile;
    }
    return 1;
}

/* Every CSV column as text (the contract's values are strings, "GM0003"), the first line the
** header even when it looks like data, the delimiter the scan found: only the options this
** GDAL has (3.6 has no SEPARATOR and detects the delimiter as the scan does). */
static char **
csv_options(const source *src)
{
    const char *wanted[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO",
                            "KEEP_SOURCE_DEFINED_COLUMN_NAMES=YES", "HEADERS=YES", NULL};
    const char *list = GDALGetMetadataItem(GDALGetDriverByName("CSV"),
                                           GDAL_DMD_OPENOPTIONLIST, NULL);
    char **options = NULL;
    for (size_t i = 0; wanted[i] != NULL; i++) {
        char *key = g_strdup_printf("\"%.*s\"", (int)strcspn(wanted[i], "="), wanted[i]);
        if (list != NULL && strstr(list, key) != NULL)
            options = CSLAddString(options, wanted[i]);
        g_free(key);
    }
    if (src->scanned && list != NULL && strstr(list, "\"SEPARATOR\"") != NULL) {
        char d = src->scan.delimiter;
        options = CSLAddString(options, d == ';' ? "SEPARATOR=SEMICOLON" : d == '\t'
                               ? "SEPARATOR=TAB" : d == ' ' ? "SEPARATOR=SPACE"
                               : "SEPARATOR=COMMA");
    }
    return options;
}

/* A shapefile is three files at least; say which one is missing. */
static int
check_sidecars(const char *path, const char *what, sk__ogr_data *out)
{
    const char *sidecars[] = {".shx", ".dbf"};
    size_t stem = strlen(path) - 4, before = out->error_count;
    for (size_t i = 0; i < G_N_ELEMENTS(sidecars); i++) {
        char *lower = g_strdup_printf("%.*s%s", (int)stem, path, sidecars[i]);
        char *upper = g_ascii_strup(lower + stem, -1);
        char *alt = g_strdup_printf("%.*s%s", (int)stem, path, upper);
        if (!g_file_test(lower, G_FILE_TEST_EXISTS) && !g_file_test(alt, G_FILE_TEST_EXISTS))
            sk__ogr_add_error(out, "%s: the %s has no %s beside it (%s): a shapefile needs its "
                      ".shp, .shx and .dbf together", path, what, sidecars[i], lower);
        g_free(lower);
        g_free(upper);
        g_free(alt);
    }
    return out->error_count == before;
}

/* The scan and GDAL must split the header alike, or the scan's field counts mean nothing
** (GDAL before 3.8 takes no SEPARATOR and detects the delimiter itself). */
static int
header_agrees(const source *src, const char *what, sk__ogr_data *out)
{
    int n = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(src->layer));
    if (!src->scanned || (guint)n == src->scan.header_fields)
        return 1;
    char d = src->scan.delimiter;
    sk__ogr_add_error(out, "%s:%u: the header of the %s splits into %u fields at %s, but GDAL "
              "splits it into %d; save the file with one delimiter (';' or ',') between the "
              "fields", src->path, src->scan.header_line, what, src->scan.header_fields,
              d == ',' ? "','" : d == ';' ? "';'" : d == '\t' ? "tabs" : "spaces", n);
    return 0;
}

static int
open_source(const char *path, const char *layer_name, const char *what, source *src,
            sk__ogr_data *out)
{
    memset(src, 0, sizeof *src);
    src->path = path;
    if (path == NULL || path[0] == '\0') {
        sk__ogr_add_error(out, "no %s given", what);
        return 0;
    }
    /* Only plain files are checked here: connection strings (PG:…) and /vsi paths are
    ** OGR's business. */
    struct stat st;
    int is_plain = strchr(path, ':') == NULL && !g_str_has_prefix(path, "/vsi");
    if (is_plain && stat(path, &st) != 0) {
        sk__ogr_add_error(out, "%s: cannot open %s: %s", path, what, g_strerror(errno));
        return 0;
    }
    src->is_csv = has_suffix_ci(path, ".csv") || has_suffix_ci(path, ".tsv") ||
                  has_suffix_ci(path, ".txt");
    const char *open_path = path;
    if (src->is_csv && is_plain && !check_text(src, what, &open_path, out)) {
        close_source(src);
        return 0;
    }
    if (is_plain && has_suffix_ci(path, ".shp") && !check_sidecars(path, what, out))
        return 0;
    const char *csv_driver[] = {"CSV", NULL};
    char **options = src->is_csv ? csv_options(src) : NULL;
    src->sheet_config = has_suffix_ci(path, ".xlsx") || has_suffix_ci(path, ".xlsm") ||
                        has_suffix_ci(path, ".ods");
    for (size_t i = 0; src->sheet_config && i < G_N_ELEMENTS(sheet_config); i++)
        CPLSetThreadLocalConfigOption(sheet_config[i][0], sheet_config[i][1]);
    CPLErrorReset();
    src->dataset = GDALOpenEx(open_path, GDAL_OF_VECTOR | GDAL_OF_READONLY,
                              src->is_csv ? csv_driver : NULL, (const char *const *)options,
                              NULL);
    CSLDestroy(options);
    if (src->dataset == NULL) {
        const char *msg = CPLGetLastErrorMsg();
        sk__ogr_add_error(out, "%s: cannot read %s%s%s", path, what,
                  msg[0] ? ": " : " (not a vector data source OGR recognises)", msg);
        close_source(src);
        return 0;
    }
    /* A converted copy stands for the file itself. */
    char **files = src->memfile != NULL ? NULL : GDALGetFileList(src->dataset);
    for (char **f = files; f != NULL && *f != NULL; f++)
        g_ptr_array_add(out->files, g_strdup(*f));
    if (src->memfile != NULL)
        g_ptr_array_add(out->files, g_strdup(path));
    CSLDestroy(files);
    const char *driver = GDALGetDriverShortName(GDALGetDatasetDriver(src->dataset));
    src->is_sheet = g_strcmp0(driver, "XLSX") == 0 || g_strcmp0(driver, "ODS") == 0;
    int n = GDALDatasetGetLayerCount(src->dataset);
    if (layer_name != NULL && layer_name[0] != '\0') {
        src->layer = GDALDatasetGetLayerByName(src->dataset, layer_name);
        if (src->layer == NULL) {
            GString *names = g_string_new(NULL);
            for (int i = 0; i < n; i++)
                g_string_append_printf(names, "%s'%s'", i ? ", " : "",
                                       OGR_L_GetName(GDALDatasetGetLayer(src->dataset, i)));
            sk__ogr_add_error(out, "%s: no layer or sheet '%s' (it has %s)", path, layer_name,
                      names->len ? names->str : "none");
            g_string_free(names, TRUE);
            close_source(src);
            return 0;
        }
    } else if (n < 1) {
        sk__ogr_add_error(out, "%s: %s has no layers", path, what);
        close_source(src);
        return 0;
    } else {
        src->layer = GDALDatasetGetLayer(src->dataset, 0);
    }
    if (!header_agrees(src, what, out)) {
        close_source(src);
        return 0;
    }
    return 1;
}

static char *
where_of(const source *src, OGRFeatureH feature)
{
    GIntBig fid = OGR_F_GetFID(feature);
    /* The scan knows each feature's first physical line (quoted values may hold line breaks,
    ** empty lines have no feature); else the header is line 1 and features follow it. */
    guint line = src->scanned ? sk__csv_scan_line_of(&src->scan, (long long)fid) : 0;
    if (src->is_csv && line > 0)
        return g_strdup_printf("%s:%u", src->path, line);
    if (src->is_csv)
        return g_strdup_printf("%s:%lld", src->path, (long long)fid + 1);
    if (src->is_sheet)
        return g_strdup_printf("%s: sheet '%s' row %lld", src->path, OGR_L_GetName(src->layer),
                               (long long)fid);
    return g_strdup_printf("%s: feature %lld", src->path, (long long)fid);
}

/* Column names as written, without a BOM or spaces Excel may leave in a header. */
static void
read_columns(const source *src, sk__ogr_data *out)
{
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(src->layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); i++) {
        const char *name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i));
        if (g_str_has_prefix(name, "\xEF\xBB\xBF"))
            name += 3;
        g_ptr_array_add(out->columns, g_strstrip(g_strdup(name)));
    }
}

/* The row's cells; FALSE when every one of them is empty. */
static gboolean
read_cells(OGRFeatureH f, guint ncolumns, GPtrArray *cells)
{
    gboolean any = FALSE;
    for (guint i = 0; i < ncolumns; i++) {
        char *v = g_strstrip(g_strdup(OGR_F_IsFieldSetAndNotNull(f, (int)i)
                                          ? OGR_F_GetFieldAsString(f, (int)i)
                                          : ""));
        any = any || v[0] != '\0';
        g_ptr_array_add(cells, v);
    }
    return any;
}

static void
init(void)
{
    GDALAllRegister();
}

static void
read_table(const char *path, const char *layer, const char *what, sk__ogr_data *out)
{
    CPLPushErrorHandler(CPLQuietErrorHandler);
    source src;
    char *several = NULL;
    if (open_source(path, layer, what, &src, out) && (layer == NULL || layer[0] == '\0') &&
        (several = sk__ogr_table_layer_problem(src.dataset, path, what)) != NULL) {
        sk__ogr_add_error(out, "%s", several);
        g_free(several);
        close_source(&src);
    } else if (src.dataset != NULL) {
        read_columns(&src, out);
        OGRFeatureH f;
        OGR_L_ResetReading(src.layer);
        while ((f = OGR_L_GetNextFeature(src.layer)) != NULL) {
            if (read_cells(f, out->columns->len, out->cells)) {
                g_ptr_array_add(out->where, where_of(&src, f));
                out->rows++;
            } else {
                /* Spreadsheets leave empty rows behind; they are not data. */
                g_ptr_array_set_size(out->cells, (guint)(out->rows * out->columns->len));
            }
            OGR_F_Destroy(f);
        }
        close_source(&src);
    }
    CPLPopErrorHandler();
}

/* ---- polygons ----------------------------------------------------------------------- */

static int
is_areal(OGRGeometryH g)
{
    OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
    if (t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon ||
        t == wkbMultiSurface)
        return 1;
    if (t == wkbGeometryCollection)
        for (int i = 0; i < OGR_G_GetGeometryCount(g); i++)
            if (is_areal(OGR_G_GetGeometryRef(g, i)))
                return 1;
    return 0;
}

/* The layer when none was named: the source's only one, or its only polygon layer. */
static int
choose_layer(source *src, const char *layer_name, const char *what, sk__ogr_data *out)
{
    if (layer_name != NULL && layer_name[0] != '\0')
        return 1;
    char *error = NULL;
    src->layer = sk__ogr_polygon_layer(src->dataset, src->path, what, &error);
    if (error != NULL)
        sk__ogr_add_error(out, "%s", error);
    g_free(error);
    return src->layer != NULL;
}

/* The transformation of the layer's coordinates to epsg (NULL in *ct when none is needed),
** once its coordinate system is known (or read from the range of its coordinates, with a
** warning).  A layer that does not overlap the Netherlands gets no transformation but the
** error in *outside, said when its features are fine (a layer of points is refused as
** that).  0 on error (added to out). */
static int
layer_transform(const source *src, const char *what, int epsg,
                OGRCoordinateTransformationH *ct, char **outside, sk__ogr_data *out)
{
    *ct = NULL;
    char *note = NULL;
    OGRSpatialReferenceH srs = sk__ogr_layer_srs(src->layer, src->path, &note);
    if (note != NULL)
        g_ptr_array_add(out->warnings, note);
    *outside = sk__ogr_outside_netherlands(src->layer, srs, src->path, what);
    OGRSpatialReferenceH target = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(target, epsg);
    OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER);
    int ok = 1;
    if (*outside == NULL && !OSRIsSame(srs, target) &&
        (*ct = OCTNewCoordinateTransformation(srs, target)) == NULL) {
        sk__ogr_add_error(out, "%s: cannot reproject %s to EPSG:%d: %s", src->path, what, epsg,
                  CPLGetLastErrorMsg());
        ok = 0;
    }
    OSRDestroySpatialReference(srs);
    OSRDestroySpatialReference(target);
    return ok;
}

static void
read_polygons(const char *path, const char *layer_name, const char *what, int epsg,
              const char *code_column, sk__ogr_data *out)
{
    CPLPushErrorHandler(CPLQuietErrorHandler);
    source src;
    OGRCoordinateTransformationH ct = NULL;
    char *outside = NULL;
    if (!open_source(path, layer_name, what, &src, out) ||
        !choose_layer(&src, layer_name, what, out))
        goto out;
    read_columns(&src, out);
    OGRwkbGeometryType type = wkbFlatten(OGR_L_GetGeomType(src.layer));
    if (type != wkbUnknown && type != wkbPolygon && type != wkbMultiPolygon &&
        type != wkbCurvePolygon && type != wkbMultiSurface) {
        sk__ogr_add_error(out, "%s: %s has %s geometries; municipalities and regions must be polygons",
                  path, what, OGRGeometryTypeToName(type));
        goto out;
    }
    if (!layer_transform(&src, what, epsg, &ct, &outside, out))
        goto out;
    int code_f = -1;
    for (guint i = 0; i < out->columns->len; i++)
        if (g_ascii_strcasecmp(g_ptr_array_index(out->columns, i), code_column) == 0)
            code_f = (int)i;

    OGRFeatureH f;
    OGR_L_ResetReading(src.layer);
    while ((f = OGR_L_GetNextFeature(src.layer)) != NULL) {
        char *where = where_of(&src, f);
        char *code = g_strdup_printf("%s", code_f >= 0 ? OGR_F_GetFieldAsString(f, code_f)
                                                       : "?");
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (g == NULL || OGR_G_IsEmpty(g)) {
            sk__ogr_add_error(out, "%s: %s '%s' has no geometry", where, what, code);
            goto next;
        }
        if (!is_areal(g)) {
            sk__ogr_add_error(out, "%s: %s '%s' is a %s, not a polygon", where, what, code,
                      OGR_G_GetGeometryName(g));
            goto next;
        }
        g = OGR_G_GetLinearGeometry(g, 0, NULL);
        OGR_G_FlattenTo2D(g);
        if (!OGR_G_IsValid(g)) {
            OGRGeometryH fixed = OGR_G_MakeValid(g);
            OGR_G_DestroyGeometry(g);
            if (fixed == NULL) {
                sk__ogr_add_error(out, "%s: %s '%s' has an invalid geometry that cannot be repaired",
                          where, what, code);
                goto next;
            }
            g_ptr_array_add(out->warnings, g_strdup_printf("%s: %s '%s': invalid geometry "
                                                           "repaired", where, what, code));
            g = fixed;
        }
        if (ct != NULL && OGR_G_Transform(g, ct) != OGRERR_NONE) {
            sk__ogr_add_error(out, "%s: %s '%s' cannot be reprojected to EPSG:%d", where, what, code,
                      epsg);
            OGR_G_DestroyGeometry(g);
            goto next;
        }
        read_cells(f, out->columns->len, out->cells);
        g_ptr_array_add(out->where, where);
        where = NULL;
        out->rows++;
        sk__ogr_store_row_geometry(out, g);
        OGR_G_DestroyGeometry(g);
    next:
        g_free(code);
        g_free(where);
        OGR_F_Destroy(f);
    }
    if (outside != NULL && out->error_count == 0)
        sk__ogr_add_error(out, "%s", outside);
    if (out->rows == 0 && out->error_count == 0)
        sk__ogr_add_error(out, "%s: %s is empty (no features)", path, what);
out:
    g_free(outside);
    if (ct != NULL)
        OCTDestroyCoordinateTransformation(ct);
    close_source(&src);
    CPLPopErrorHandler();
}

/* ---- points ------------------------------------------------------------------------- */

static int
has_points(OGRLayerH layer)
{
    OGRwkbGeometryType t = wkbFlatten(OGR_L_GetGeomType(layer));
    return t == wkbPoint || t == wkbMultiPoint;
}

/* The layer when none was named: the source's only one, or its only point layer. */
static int
choose_point_layer(source *src, const char *layer_name, const char *what, sk__ogr_data *out)
{
    int n = GDALDatasetGetLayerCount(src->dataset), found = 0;
    if ((layer_name != NULL && layer_name[0] != '\0') || n == 1)
        return 1;
    GString *names = g_string_new(NULL);
    for (int i = 0; i < n; i++) {
        OGRLayerH layer = GDALDatasetGetLayer(src->dataset, i);
        g_string_append_printf(names, "%s'%s'", i ? ", " : "", OGR_L_GetName(layer));
        if (has_points(layer)) {
            src->layer = layer;
            found++;
        }
    }
    if (found != 1)
        sk__ogr_add_error(out, "%s has %d layers (%s), %d of them with points; choose the %s with "
                  "--points-layer NAME", src->path, n, names->str, found, what);
    g_string_free(names, TRUE);
    return found == 1;
}

/* The feature's point in *xy, reprojected; NULL, or when it has none the problem at the
** feature (g_free it). */
static char *
feature_point(OGRFeatureH f, OGRCoordinateTransformationH ct, const char *where,
              const char *what, double xy[2])
{
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (g != NULL && wkbFlatten(OGR_G_GetGeometryType(g)) == wkbMultiPoint &&
        OGR_G_GetGeometryCount(g) == 1)
        g = OGR_G_GetGeometryRef(g, 0);
    if (g == NULL || OGR_G_IsEmpty(g))
        return g_strdup_printf("%s: the %s has no geometry (a point is needed)", where, what);
    if (wkbFlatten(OGR_G_GetGeometryType(g)) != wkbPoint)
        return g_strdup_printf("%s: the %s is a %s, not a point", where, what,
                               OGR_G_GetGeometryName(g));
    xy[0] = OGR_G_GetX(g, 0);
    xy[1] = OGR_G_GetY(g, 0);
    if (ct != NULL && !OCTTransform(ct, 1, &xy[0], &xy[1], NULL))
        return g_strdup_printf("%s: the %s's point (%g, %g) cannot be reprojected to the map",
                               where, what, xy[0], xy[1]);
    return NULL;
}

/* Bad features reported one by one, then counted (as csvscan.c caps a CSV's problems). */
#define MAX_FEATURE_ERRORS 20

/* A layer declared as lines or polygons (or without geometry): one message for the layer,
** not one per feature.  An unknown or mixed type is checked feature by feature. */
static int
point_geometry(const source *src, const char *what, sk__ogr_data *out)
{
    OGRwkbGeometryType t = wkbFlatten(OGR_L_GetGeomType(src->layer));
    if (t == wkbUnknown || t == wkbPoint || t == wkbMultiPoint)
        return 1;
    if (t == wkbNone)
        sk__ogr_add_error(out, "%s: layer '%s' has no geometry; the %s needs a point per feature (a "
                  "table with coordinate columns must be a CSV, XLSX or ODS file)", src->path,
                  OGR_L_GetName(src->layer), what);
    else
        sk__ogr_add_error(out, "%s: layer '%s' has %s geometry; the %s needs points (one per feature)",
                  src->path, OGR_L_GetName(src->layer), OGRGeometryTypeToName(t), what);
    return 0;
}

static void
read_points(const char *path, const char *layer_name, const char *what, int epsg,
            sk__ogr_data *out)
{
    CPLPushErrorHandler(CPLQuietErrorHandler);
    source src;
    OGRCoordinateTransformationH ct = NULL;
    char *outside = NULL;
    /* The layer's geometry type before its extent (a scan of every feature) and CRS. */
    if (!open_source(path, layer_name, what, &src, out) ||
        !choose_point_layer(&src, layer_name, what, out) || !point_geometry(&src, what, out) ||
        !layer_transform(&src, what, epsg, &ct, &outside, out))
        goto out;
    read_columns(&src, out);
    OGRFeatureH f;
    OGR_L_ResetReading(src.layer);
    size_t more = 0;
    while ((f = OGR_L_GetNextFeature(src.layer)) != NULL) {
        char *where = where_of(&src, f);
        double xy[2];
        /* Past the cap a bad feature is only counted: one line per feature would bury the
        ** rest of the file's problems. */
        char *problem = feature_point(f, ct, where, what, xy);
        int good = problem == NULL;
        if (!good && out->error_count >= MAX_FEATURE_ERRORS)
            more++;
        else if (!good)
            sk__ogr_add_error(out, "%s", problem);
        g_free(problem);
        if (good) {
            read_cells(f, out->columns->len, out->cells);
            g_ptr_array_add(out->where, where);
            g_array_append_vals(out->row_point, xy, 2);
            out->rows++;
            where = NULL;
        }
        g_free(where);
        OGR_F_Destroy(f);
    }
    if (more > 0)
        sk__ogr_add_error(out, "%s: … and %zu more features without a point", path, more);
    if (outside != NULL && out->error_count == 0)
        sk__ogr_add_error(out, "%s", outside);
out:
    g_free(outside);
    if (ct != NULL)
        OCTDestroyCoordinateTransformation(ct);
    close_source(&src);
    CPLPopErrorHandler();
}

EXPORT const sk__ogr_backend sk__ogr_backend_v1 = {
    SK__OGR_ABI, init, read_table, read_polygons, sk__ogr_dissolve, sk__ogr_locate,
    read_points, sk__ogr_transform, sk__ogr_locate_rings,
};
