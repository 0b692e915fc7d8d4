/* The reader back-end: everything that needs GDAL/OGR (and PROJ and GEOS through it).
**
** It is built as a module of its own (libsamenkaart-ogr.so) that the library loads on first
** use.  GDAL pulls in some 140 shared libraries, and linking them costs every process about
** 45 ms before main() even starts; runs whose prepared data comes from the cache never load
** them.  The module only reads and computes geometry: it returns plain data (text cells,
** rings) and plain messages, and all validation against the database contract stays in the
** library.  Shared by the module and the library; not installed. */
#ifndef SK_OGR_H
#define SK_OGR_H

#include <stddef.h>
#include <glib.h>
#include "geography_internal.h"

#define SK__OGR_ABI 3

/* What one call read.  Initialise with sk__ogr_data_init, release with sk__ogr_data_clear
** (both static inline below, so the module and the library share them). */
typedef struct sk__ogr_data {
    GString *errors;           /* bad input, one line per problem ("" when none) */
    size_t error_count;
    GPtrArray *warnings;       /* char *, one line each */
    GPtrArray *files;          /* char *: every file the source was read from (a VRT's
                                  sources, a shapefile's sidecars, a zip), for the run's
                                  inputs: no output may replace them */

    GPtrArray *columns;        /* char *: the source's column names */
    GPtrArray *cells;          /* char *: rows x columns, "" for empty or null */
    GPtrArray *where;          /* char *: per row, "FILE:LINE" or "FILE: sheet 'S' row N" */
    size_t rows;

    /* Polygons (read_polygons, dissolve): per row its rings, interior point and bbox. */
    GArray *rings;             /* sk__ring into points */
    GArray *points;            /* double x, y pairs */
    GArray *ring_outer;        /* guint8 per ring: 1 = outer ring, starts a polygon */
    GArray *row_rings;         /* size_t pairs per row: first ring, ring count */
    GArray *row_interior;      /* double pairs per row */
    GArray *row_bbox;          /* double quadruples per row: minx, miny, maxx, maxy */

    /* Points (read_points): per row its x, y. */
    GArray *row_point;         /* double pairs per row */
} sk__ogr_data;

typedef struct sk__ogr_backend {
    int abi;
    /* Register GDAL's drivers.  Called once per process by sk__ogr_backend_get (g_once),
    ** before any other entry: registration is not safe to race with reads on other threads. */
    void (*init)(void);
    /* Read every column of every row as text; rows with only empty cells are skipped. */
    void (*read_table)(const char *path, const char *layer, const char *what,
                       sk__ogr_data *out);
    /* Read a polygon layer: attributes as read_table, geometry reprojected to epsg, repaired
    ** (with a warning), with an interior point per feature.  code_column names features in
    ** messages. */
    void (*read_polygons)(const char *path, const char *layer, const char *what, int epsg,
                          const char *code_column, sk__ogr_data *out);
    /* The union of groups of polygons: group g is the rows listed in members[offsets[g] ..
    ** offsets[g + 1]) of in; each union becomes one row of out. */
    void (*dissolve)(const sk__ogr_data *in, const size_t *members, const size_t *offsets,
                     size_t groups, sk__ogr_data *out);
    /* For each of n points, the first row of polygons that contains it, or -1. */
    void (*locate)(const sk__ogr_data *polygons, const double *points, size_t n, int *row);
    /* Read a point layer: attributes as read_table, each feature's point reprojected from
    ** the layer's coordinate system (or the one its extent suggests, with a warning) to epsg
    ** in row_point.  A feature without a point (none, empty, another type) is an error at
    ** that feature.  Without a layer name: the only layer, else the only one of points. */
    void (*read_points)(const char *path, const char *layer, const char *what, int epsg,
                        sk__ogr_data *out);
    /* Reproject n x, y pairs in place from EPSG:from to EPSG:to (x = easting or longitude).
    ** 0 when the transformation cannot be made; a pair that cannot be reprojected becomes
    ** NaN, NaN. */
    int (*transform)(int from, int to, double *xy, size_t n);
    /* For each of n points, the first of nareas areas that contains it, or -1.  Area a has
    ** the rings rings[area_rings[2a] .. area_rings[2a] + area_rings[2a + 1]) of ring_xy
    ** (filled by the even-odd rule, as the geography keeps them) and the bbox
    ** bbox[4a .. 4a + 3]. */
    void (*locate_rings)(const double *ring_xy, const sk__ring *rings, const size_t *area_rings,
                         const double *bbox, size_t nareas, const double *points, size_t n,
                         int *area);
} sk__ogr_backend;

static inline void
sk__ogr_data_init(sk__ogr_data *d)
{
    d->errors = g_string_new(NULL);
    d->error_count = 0;
    d->warnings = g_ptr_array_new_with_free_func(g_free);
    d->files = g_ptr_array_new_with_free_func(g_free);
    d->columns = g_ptr_array_new_with_free_func(g_free);
    d->cells = g_ptr_array_new_with_free_func(g_free);
    d->where = g_ptr_array_new_with_free_func(g_free);
    d->rows = 0;
    d->rings = g_array_new(FALSE, FALSE, sizeof(sk__ring));
    d->points = g_array_new(FALSE, FALSE, sizeof(double));
    d->ring_outer = g_array_new(FALSE, FALSE, sizeof(guint8));
    d->row_rings = g_array_new(FALSE, FALSE, sizeof(size_t));
    d->row_interior = g_array_new(FALSE, FALSE, sizeof(double));
    d->row_bbox = g_array_new(FALSE, FALSE, sizeof(double));
    d->row_point = g_array_new(FALSE, FALSE, sizeof(double));
}

static inline void
sk__ogr_data_clear(sk__ogr_data *d)
{
    g_string_free(d->errors, TRUE);
    g_ptr_array_free(d->warnings, TRUE);
    g_ptr_array_free(d->files, TRUE);
    g_ptr_array_free(d->columns, TRUE);
    g_ptr_array_free(d->cells, TRUE);
    g_ptr_array_free(d->where, TRUE);
    g_array_free(d->rings, TRUE);
    g_array_free(d->points, TRUE);
    g_array_free(d->ring_outer, TRUE);
    g_array_free(d->row_rings, TRUE);
    g_array_free(d->row_interior, TRUE);
    g_array_free(d->row_bbox, TRUE);
    g_array_free(d->row_point, TRUE);
}

/* The cell of row r in column c. */
static inline const char *
sk__ogr_cell(const sk__ogr_data *d, size_t r, size_t c)
{
    return g_ptr_array_index(d->cells, r * d->columns->len + c);
}

/* ---- the library's side (backend.c) ----------------------------------------------- */

struct sk__diagnostics;

/* The back-end, loaded on first use, its drivers registered once per process; safe to call
** from any thread.  NULL with an SK_ERUNTIME error on ctx when it cannot be loaded. */
const sk__ogr_backend *sk__ogr_backend_get(sk_ctx *ctx);

/* Index of a column by name (any case), or -1; the required form adds "FILE: no column 'X'
** (did you mean 'Y'?)" to diags. */
int sk__ogr_column_optional(const sk__ogr_data *d, const char *name);
int sk__ogr_column(const sk__ogr_data *d, const char *path, const char *name,
                   struct sk__diagnostics *diags);
/* The indices of n required columns into out (-1 when missing): a message per missing
** column, or one message when the layer has none of them (the wrong file, table or sheet). */
void sk__ogr_columns(const sk__ogr_data *d, const char *path, const char *const *names,
                     size_t n, int *out, struct sk__diagnostics *diags);

/* Pass the read's warnings to ctx and turn its problems into one SK_EINPUT error. */
sk_status sk__ogr_report(sk_ctx *ctx, const sk__ogr_data *d);

/* Read a table (read_table) through the cache in cache_dir (NULL: none): later reads need
** neither GDAL nor the file while no file the read touched changed (cache.h).  what
** names it in messages.  out must be initialised; problems are reported on ctx. */
sk_status sk__read_table(sk_ctx *ctx, const char *path, const char *layer, const char *what,
                         const char *cache_dir, sk__ogr_data *out);

#endif
