/* The point layer's data and what its files share (src/points/ only; the rest of the library
** reads a layer through ../../include/samenkaart/points.h).
**
**   load.c    sk_points_load: the source read, coordinates, the struct and its accessors
**   check.c   validation: scale levels, municipalities covered, ids, the map's extent
**   select.c  sk_points_select: --where clauses on point columns
**   stored.c  the points' positions and municipalities, kept in the geography's cache */
#ifndef SK_POINTS_MODEL_H
#define SK_POINTS_MODEL_H

#include <glib.h>
#include "samenkaart/points.h"
#include "samenkaart/style.h"
#include "../internal.h"
#include "../ogr.h"
#include "../cache.h"

struct sk_points {
    const sk_geography *geo;
    char *source;
    sk__ogr_data table;        /* columns, cells (rows x columns) and where, as read */
    double *xy;                /* per row its position in EPSG:28992 */
    GPtrArray *ids;            /* char *: per row its id */
    int name_col;              /* "naam" or "name", or -1 */
    GArray *covered;           /* size_t municipality indices … */
    size_t *cov_first;         /* … per row from here, */
    size_t *cov_count;         /* … this many */
    long *municipality;        /* per row the municipality holding it, or -1 */
    char ***levels;            /* per column: the levels of its scale (NULL-terminated), or
                               ** NULL when the style declares none */
};

/* check.c: each adds its problems to d, one line each, "FILE:LINE: …". */
/* Every value of a column with a scale in style is one of its levels (and p->levels). */
void sk__points_check_scales(sk_points *p, const sk_style *style, sk__diagnostics *d);
/* Column "gemeenten": each item a municipality of p->geo (p->covered). */
void sk__points_check_places(sk_points *p, sk__diagnostics *d);
/* The header: no column name twice (case ignored), reported at line 1. */
void sk__points_check_columns(const sk_points *p, sk__diagnostics *d);
/* Column "id": no value twice (p->ids). */
void sk__points_check_ids(sk_points *p, sk__diagnostics *d);
/* Every position within the map's extent; shown holds the values as in the source (names
** the coordinate columns, e.g. "x" and "y") and swapped the positions with the source's
** values swapped (NaN where unknown), for the hint that x and y are swapped. */
void sk__points_check_extent(const sk_points *p, const double *shown, const double *swapped,
                             const char *const names[2], sk__diagnostics *d);

/* stored.c */
/* The positions (into xy, g_free it) and municipalities (p->municipality) of p's rows as
** found by an earlier load of the same files with the same options and geography.  0 (and
** nothing set) when there is no such entry or it does not fit p's table. */
int sk__points_stored_read(sk_ctx *ctx, sk_points *p, const sk_points_options *o, double **xy);
/* Keep p's positions and municipalities for the next load; reading recorded the files of
** this one.  Best effort (cache.h). */
void sk__points_stored_write(const sk_points *p, const sk_points_options *o,
                             const sk__cache_reading *reading);

#endif
