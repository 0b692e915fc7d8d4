/* Which layer of a polygon source, in which coordinate system, and whether it lies in the
** Netherlands at all: the checks that keep a boundary layer from being guessed into a wrong
** map.  Part of the reader back-end (ogr.c); each returns its message as text, for ogr.c to
** add where it keeps its errors and warnings. */
#ifndef SK_OGR_LAYERS_H
#define SK_OGR_LAYERS_H

#include <glib.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

/* The polygon layer of a source read without a layer name: the only layer, else the only one
** with polygons.  NULL with *error set ("FILE has 3 layers ('a', 'b', 'c'); choose the region
** layer with --region-layer") when that is not one layer; g_free *error. */
OGRLayerH sk__ogr_polygon_layer(GDALDatasetH dataset, const char *path, const char *what,
                                char **error);

/* NULL when a table source read without a layer name is one table (or a spreadsheet, whose
** first sheet is read), else the error listing its layers (the first 12) and how to name one
** for what ("membership table": --membership-layer).  g_free it. */
char *sk__ogr_table_layer_problem(GDALDatasetH dataset, const char *path, const char *what);

/* The layer's coordinate system (destroy it with OSRDestroySpatialReference).  A layer without
** one is read as longitude/latitude (EPSG:4326) when its extent lies in the range of degrees,
** else as EPSG:28992 (RD New); either way *warning says so and what to do.  The axis order
** is x = easting or longitude (OAMS_TRADITIONAL_GIS_ORDER). */
OGRSpatialReferenceH sk__ogr_layer_srs(OGRLayerH layer, const char *path, char **warning);

/* NULL when the layer's extent in srs overlaps the Netherlands (or the layer is empty), else
** the error: the extent in the layer's units and in EPSG:28992, and the likely causes. */
char *sk__ogr_outside_netherlands(OGRLayerH layer, OGRSpatialReferenceH srs, const char *path,
                                  const char *what);

#endif
