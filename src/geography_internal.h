/* The geography's prepared geometry, shared read-only with layout and render.  Implemented
** in src/geography/ (model.h lists its files). */
#ifndef SK_GEOGRAPHY_INTERNAL_H
#define SK_GEOGRAPHY_INTERNAL_H

#include <stddef.h>
#include <glib.h>
#include "samenkaart/geography.h"

/* A ring: count points starting at point index start of the geography's coordinate array.
** Rings of one shape are filled with the even-odd rule, so holes need no orientation. */
typedef struct sk__ring {
    size_t start, count;
} sk__ring;

typedef struct sk__area {
    char *code, *name;
    char *province;            /* municipalities: from the layer, "" when it has none */
    long population;
    int region;                /* municipalities: index of their region or -1 */
    double interior[2];        /* a point inside the area */
    double bbox[4];
    size_t first_ring, ring_count;
} sk__area;

/* Read-only views for the renderer. */
const sk__area *sk__geography_municipalities(const sk_geography *geo, size_t *count);
const sk__area *sk__geography_regions(const sk_geography *geo, size_t *count);
const sk__ring *sk__geography_rings(const sk_geography *geo);
size_t sk__geography_ring_count(const sk_geography *geo);
/* Per ring: the municipality it outlines (>= 0), or -2 - r for region r's rings. */
const int *sk__geography_ring_owners(const sk_geography *geo);
const double *sk__geography_points(const sk_geography *geo);
/* Per point: the simplification tolerance (map units) up to which it must be kept; see
** topology.h. */
const double *sk__geography_importance(const sk_geography *geo);

/* The borders of the municipalities (regions = 0) or of the regions (regions = 1), each
** shared border once; see topology.h. */
struct sk__arc;
const struct sk__arc *sk__geography_arcs(const sk_geography *geo, int regions, size_t *count);

/* Per municipality: whether it is an island (shares almost none of its outline with another
** municipality).  g_free the array. */
guint8 *sk__geography_islands(const sk_geography *geo);

/* The cache directory the geography was loaded with (NULL: none): tables read for maps of
** it are cached there too. */
const char *sk__geography_cache_dir(const sk_geography *geo);
/* What identifies the prepared geography in that cache (its key: the sources' identity and
** the options), for entries derived from it; NULL when it is not cached. */
const char *sk__geography_cache_id(const sk_geography *geo);
/* Note the files of that key on ctx (sk__ctx_note_input), so that an entry derived from the
** geography is made and kept only while they are as they were (cache.h). */
void sk__geography_note_sources(sk_ctx *ctx, const sk_geography *geo);

/* The nearest municipality or region name to an unknown one (for "did you mean"). */
const char *sk__geography_suggest_municipality(const sk_geography *geo, const char *value);
const char *sk__geography_suggest_region(const sk_geography *geo, const char *value);
/* Every nearest municipality (region when regions) name to value, quoted for "did you mean
** %s?": "'Bergen (L.)' or 'Bergen (NH.)'"; g_free it. */
char *sk__geography_nearest(const sk_geography *geo, int regions, const char *value);
/* The problem of a value in a data file's column that names no municipality (region when
** regions), looked up as k (SK__AMBIGUOUS or another negative): "WHERE: column 'C':
** ambiguous value 'V' (… use the code)" or "… unknown value 'V' (did you mean …?)". */
struct sk__diagnostics;
void sk__geography_report_place(const sk_geography *geo, int regions, int k, const char *where,
                                const char *column, const char *value,
                                struct sk__diagnostics *d);

/* Members of region r: *count indices into the municipalities. */
const size_t *sk__geography_region_members(const sk_geography *geo, size_t r, size_t *count);

/* Append to names (borrowed strings) the official spelling of each name of a selection
** (sk_geography_select's what and list) not in names yet, e.g. "Gelderland" for
** "gelderland": the area a zoomed map's title names. */
void sk__geography_selection_names(const sk_geography *geo, const char *what,
                                   const char *list, GPtrArray *names);

/* Ambiguous name marker returned by the internal finders. */
enum { SK__AMBIGUOUS = -2 };
int sk__geography_lookup_municipality(const sk_geography *geo, const char *code_or_name);
int sk__geography_lookup_region(const sk_geography *geo, const char *code_or_name);

#endif
