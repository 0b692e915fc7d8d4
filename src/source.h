/* Opening OGR data sources and finding fields, with errors that name the file, the layer and
** the nearest valid alternative. */
#ifndef SK_SOURCE_H
#define SK_SOURCE_H

#include <gdal.h>
#include <ogr_api.h>
#include "internal.h"

typedef struct sk__source {
    GDALDatasetH dataset;
    OGRLayerH layer;       /* borrowed from dataset */
    const char *path;      /* borrowed */
    int is_csv;            /* line numbers are FID + 1 (header line) */
} sk__source;

/* Open path (any OGR vector source) and pick layer_name or the first layer.  CSV files are
** read as text columns with their separator detected (',', ';' or tab).  what names the input
** in messages ("municipality layer").  On failure ctx has the message (SK_EINPUT). */
sk_status sk__source_open(sk_ctx *ctx, const char *path, const char *layer_name,
                          const char *what, sk__source *src);
void sk__source_close(sk__source *src);

/* Index of a required field, or -1 after adding "FILE: no column 'X' (did you mean …)" to
** diags, so that every missing column of a file is reported at once. */
int sk__source_field(const sk__source *src, const char *name, sk__diagnostics *diags);
/* Index of an optional field, or -1 without error. */
int sk__source_field_optional(const sk__source *src, const char *name);

/* A human position for a feature: "FILE:LINE" for CSV files (the header is line 1), or
** "FILE: layer 'L' row N" / "feature N" elsewhere.  Caller frees with g_free. */
char *sk__source_where(const sk__source *src, OGRFeatureH feature);

/* Bracket every library entry point that calls GDAL: registers the drivers and keeps GDAL
** quiet on this thread (errors are read back through CPLGetLastErrorMsg), then restores the
** caller's error handler.  Calls must pair. */
void sk__gdal_begin(void);
void sk__gdal_end(void);

#endif
