/*
** Geography: municipalities and Wmo-regions in the map CRS, repaired and prepared once, then
** read-only and shareable between threads.
*/
#ifndef SAMENKAART_GEOGRAPHY_H
#define SAMENKAART_GEOGRAPHY_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where the boundaries come from.  Initialise with sk_geography_options_init, then set what
** differs.  Strings are borrowed for the duration of sk_geography_load. */
typedef struct sk_geography_options {
    const char *municipalities;        /* any OGR data source (required) */
    /* The layer (table, sheet) of a source with several: NULL for a source of one layer, or
    ** the only layer with polygons; a source with more is refused, listing its layers. */
    const char *municipality_layer;
    const char *municipality_code_field;  /* default "gm_code" */
    const char *municipality_name_field;  /* default "gm_naam" */
    const char *municipality_population_field; /* default "inwoners"; optional in the data */
    const char *municipality_province_field;   /* default "pv_naam"; optional in the data */

    const char *regions;               /* Wmo-region layer; NULL: dissolve from membership */
    const char *region_layer;          /* as municipality_layer */
    const char *region_code_field;     /* default "wmo_code" */
    const char *region_name_field;     /* default "wmo_naam" */

    /* Membership table (any OGR source, e.g. gemeenten_regios_2017.csv): which region each
    ** municipality belongs to.  Required when regions is NULL; otherwise optional, and
    ** membership is derived from the region polygons when it is NULL. */
    const char *membership;
    const char *membership_layer;      /* NULL: the first (a sheet of a workbook …) */
    const char *membership_municipality_field; /* default "gm_code" */
    const char *membership_region_code_field;  /* default "wmo_code" */
    const char *membership_region_name_field;  /* default "wmo_naam" */

    int epsg;                          /* map CRS; default 28992 (Amersfoort / RD New) */

    /* Directory for prepared geometry (reprojected, repaired, simplification prepared), so
    ** that later loads of unchanged local files skip that work.  NULL: no cache.  An entry is
    ** used only while every file its read touched (sidecars, a VRT's sources, the membership
    ** table) is unchanged; the directory is kept under sk_ctx_set_cache_max_mb. */
    const char *cache_dir;
} sk_geography_options;

/* Fill options with the defaults above (the shipped data's column names, EPSG:28992) and no
** sources. */
SK_API void sk_geography_options_init(sk_geography_options *options);

/* Load, reproject to the map CRS, repair invalid geometries (one warning per feature) and
** index municipalities and regions.  On success *out owns a new geography (free with
** sk_geography_free); on failure *out is NULL and ctx holds the message: SK_EUSAGE when
** options name neither regions nor membership; SK_EINPUT for unreadable sources, missing
** columns, bad geometries, duplicate codes and unknown names in the membership table (all
** problems of a file in one message), a source of several polygon layers without a layer
** named, and a layer that does not overlap the Netherlands (a wrong coordinate system).  A
** layer without a coordinate system is read as EPSG:4326 when its coordinates lie in the range
** of degrees, else as EPSG:28992, with a warning either way.  SK_ERUNTIME when the reader back-end
** (libsamenkaart-ogr) cannot be loaded or a thread cannot be started. */
SK_API sk_status sk_geography_load(sk_ctx *ctx, const sk_geography_options *options,
                                   sk_geography **out);
/* Free a geography; NULL is a no-op. */
SK_API void sk_geography_free(sk_geography *geo);

/* The number of municipalities; they are indexed 0 .. count-1 in the layer's order. */
SK_API size_t sk_geography_municipality_count(const sk_geography *geo);
/* The municipality's code ("GM0363") and name.  Strings are owned by geo and live as long as
** it does. */
SK_API const char *sk_geography_municipality_code(const sk_geography *geo, size_t index);
SK_API const char *sk_geography_municipality_name(const sk_geography *geo, size_t index);
/* Select municipalities (set mask[i] = 1, leaving others as they are) for a zoomed map:
**  - what = "regions": list names regions of geo (codes or names, ',' or ';' separated);
**  - what = "municipalities": list names municipalities;
**  - what = "province": list names provinces (the layer's province field).
** mask has sk_geography_municipality_count entries.  Every unknown name is reported with
** the nearest known one (SK_EINPUT, mask partly set); SK_EUSAGE for another what. */
SK_API sk_status sk_geography_select(sk_ctx *ctx, const sk_geography *geo, const char *what,
                                     const char *list, unsigned char *mask);

/* The province from the layer ("" when the layer has no such field).  Owned by geo. */
SK_API const char *sk_geography_municipality_province(const sk_geography *geo, size_t index);
/* Population from the layer, or -1 when the layer has no such field. */
SK_API long sk_geography_municipality_population(const sk_geography *geo, size_t index);
/* The region a municipality belongs to, or -1 when it belongs to none. */
SK_API int sk_geography_municipality_region(const sk_geography *geo, size_t index);
/* A point guaranteed inside the municipality (map CRS). */
SK_API void sk_geography_municipality_interior_point(const sk_geography *geo, size_t index,
                                                     double *x, double *y);

/* Find a municipality by CBS code ("GM0363") or name, ignoring case and diacritics, and
** accepting common aliases ("Den Haag").  Returns its index or -1. */
SK_API int sk_geography_find_municipality(const sk_geography *geo, const char *code_or_name);

/* The number of regions, and each one's code ("WR18") and name (owned by geo). */
SK_API size_t sk_geography_region_count(const sk_geography *geo);
SK_API const char *sk_geography_region_code(const sk_geography *geo, size_t index);
SK_API const char *sk_geography_region_name(const sk_geography *geo, size_t index);
/* Find a region by code ("WR18") or name, like sk_geography_find_municipality. */
SK_API int sk_geography_find_region(const sk_geography *geo, const char *code_or_name);

/* The extent of all municipalities in the map CRS: minx, miny, maxx, maxy. */
SK_API void sk_geography_extent(const sk_geography *geo, double extent[4]);

/* The map CRS as an EPSG code. */
SK_API int sk_geography_epsg(const sk_geography *geo);

#ifdef __cplusplus
}
#endif
#endif
