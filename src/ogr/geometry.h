/* Geometry operations of the reader back-end (ogr.h): dissolving and locating on polygons
** as read, locating on a geography's rings, and reprojecting points.  Part of the module
** (ogr.c lists them in its entry table). */
#ifndef SK_OGR_GEOMETRY_H
#define SK_OGR_GEOMETRY_H

#include <ogr_api.h>
#include "../ogr.h"

/* Add a problem to out's errors (one line each). */
void sk__ogr_add_error(sk__ogr_data *out, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Append one row's geometry to out: rings (outer ones flagged), interior point, bbox. */
void sk__ogr_store_row_geometry(sk__ogr_data *out, OGRGeometryH g);

void sk__ogr_dissolve(const sk__ogr_data *in, const size_t *members, const size_t *offsets,
                      size_t groups, sk__ogr_data *out);
void sk__ogr_locate(const sk__ogr_data *polygons, const double *points, size_t n, int *row);
void sk__ogr_locate_rings(const double *ring_xy, const sk__ring *rings,
                          const size_t *area_rings, const double *bbox, size_t nareas,
                          const double *points, size_t n, int *area);
int sk__ogr_transform(int from, int to, double *xy, size_t n);

#endif
