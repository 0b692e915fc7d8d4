/*
** Point layers: places on the map with attributes, such as the RIVM 2020 prevention
** initiatives (data/rivm2020/README.md).  Read through OGR from any source: a CSV with
** coordinate columns (x/y in EPSG:28992 by default, or lon/lat in degrees), a GeoPackage or
** shapefile of points (CRS from the source).  Every value is validated against the
** geography and the style's scales ([scale COLUMN], style.h); all errors of a file are
** reported in one run, as the project database's are.
*/
#ifndef SAMENKAART_POINTS_H
#define SAMENKAART_POINTS_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sk_points sk_points;

/* Strings are borrowed for the duration of sk_points_load. */
typedef struct sk_points_options {
    const char *path;      /* any OGR data source (required) */
    const char *layer;     /* table or layer; NULL: the source's only one */
    /* The coordinate columns of a table without point geometry.  NULL: "x" and "y", else
    ** "lon" and "lat" (also "lng"/"longitude"/"latitude").  Values all within the degree
    ** range are longitude/latitude (EPSG:4326); otherwise metres in EPSG:28992. */
    const char *x_field, *y_field;
} sk_points_options;

/* Fill options with no source, no layer and the default coordinate columns. */
SK_API void sk_points_options_init(sk_points_options *options);

/* Read and validate a point layer against geo (which must outlive the result) and the scales
** of style (a column with a [scale] must hold one of its levels).  Every bad value is
** reported, one line each, as
**   FILE:LINE: column 'X': unknown value 'Y' (did you mean 'Z'?)
**   FILE:LINE: column 'x': 'abc' is not a number
**   FILE:LINE: (x, y) = (…, …) lies outside the map (…)
** and the call fails with SK_EINPUT (also for an unreadable file or missing columns);
** SK_ERUNTIME when the reader back-end cannot be loaded.  A column "gemeenten" names the
** municipalities a point covers (';'-separated names or codes of geo), each checked.  On
** success *out owns a new layer (free with sk_points_free). */
SK_API sk_status sk_points_load(sk_ctx *ctx, const sk_geography *geo, const sk_style *style,
                                const sk_points_options *options, sk_points **out);
/* Free a layer; NULL is a no-op. */
SK_API void sk_points_free(sk_points *points);

/* The number of points (rows), indexed in file order. */
SK_API size_t sk_points_count(const sk_points *points);
/* The source it was read from (its path); owned by points. */
SK_API const char *sk_points_source(const sk_points *points);
/* Columns: their number, the name of column c (owned; NULL out of range), and the column of
** a name (any case), or -1. */
SK_API size_t sk_points_column_count(const sk_points *points);
SK_API const char *sk_points_column_name(const sk_points *points, size_t c);
SK_API int sk_points_column_find(const sk_points *points, const char *name);
/* The text of point i in column c ("" for empty; owned by points). */
SK_API const char *sk_points_value(const sk_points *points, size_t i, size_t c);
/* Point i's position in the map CRS (geo's, sk_geography_epsg: EPSG:28992 by default). */
SK_API void sk_points_position(const sk_points *points, size_t i, double *x, double *y);
/* Point i's id (column "id", else its row number) and name (column "naam" or "name", else
** ""); owned by points. */
SK_API const char *sk_points_id(const sk_points *points, size_t i);
SK_API const char *sk_points_name(const sk_points *points, size_t i);
/* Where point i was read ("FILE:LINE"); owned by points. */
SK_API const char *sk_points_where(const sk_points *points, size_t i);
/* The municipalities point i covers (column "gemeenten"): their number, and into *out
** (borrowed, owned by points) their indices in geo.  0 when the layer has no such column. */
SK_API size_t sk_points_covered(const sk_points *points, size_t i, const size_t **out);
/* The municipality of geo that holds point i, or -1 when none does. */
SK_API long sk_points_municipality(const sk_points *points, size_t i);

/* Select points with clauses "column=value[,value…]" or "column!=value[,…]", all of which
** must hold; a value matches a cell equal to it or one item of a ';'-separated list
** ("interventies=GLI").  where is NULL-terminated (NULL: every point).  keep has one byte per
** point, set to 1 or 0.  SK_EUSAGE naming the clause for an unknown column or a value no
** point has (with the nearest valid ones). */
SK_API sk_status sk_points_select(sk_ctx *ctx, const sk_points *points,
                                  const char *const *where, unsigned char *keep);

#ifdef __cplusplus
}
#endif
#endif
