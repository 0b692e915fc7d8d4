/* The geography's data and what its files share (src/geography/ only; the rest of the
** library reads a geography through ../geography_internal.h).
**
**   model.c       the struct: creation, derived data, release, accessors
**   lookup.c      names: the index by code and name, aliases, suggestions, selection
**   load.c        sk_geography_load: sources or cache, on two threads
**   membership.c  which region each municipality belongs to; regions dissolved from them
**   stored.c      the cache payload: writing and checked reading */
#ifndef SK_GEOGRAPHY_MODEL_H
#define SK_GEOGRAPHY_MODEL_H

#include <glib.h>
#include "../cache.h"
#include "../geography_internal.h"
#include "../ogr.h"
#include "../topology.h"

/* Rings and their points. */
typedef struct sk__shapes {
    GArray *rings;    /* sk__ring */
    GArray *points;   /* double x, y pairs */
} sk__shapes;

struct sk_geography {
    int epsg;
    double extent[4];
    GArray *municipalities;   /* sk__area */
    GArray *regions;          /* sk__area */
    sk__shapes shapes;        /* all rings: municipalities', then regions' */
    sk__topology topology;    /* simplification importances and the borders as arcs */
    int *ring_owner;          /* per ring: its municipality, or -1 (region rings) */
    GHashTable *municipality_index;  /* normalised code or name -> index + 1, or ambiguous */
    GHashTable *region_index;
    size_t *member_offsets;   /* regions + 1 offsets into members */
    size_t *members;
    char *cache_dir;          /* where it was cached; tables read for it are cached there */
    char cache_id[65];        /* its cache key (hex), or "" when not cacheable */
    char *sources[3];         /* the files of that key: municipalities, regions, membership */
};

/* model.c */
/* An empty geography in the given CRS (<= 0: 28992), with empty indexes. */
sk_geography *sk__geo_new(int epsg);
/* What is derived from the stored data: region members, ring owners and the extent. */
void sk__geo_finish(sk_geography *geo);
/* Copy the rings, interior point and bbox of row r of d into sh and area. */
void sk__geo_take_row_geometry(sk__shapes *sh, const sk__ogr_data *d, size_t r,
                               sk__area *area);

/* lookup.c */
/* Index municipalities (with the aliases) and regions by normalised code and name. */
void sk__geo_index_areas(sk_geography *geo);
/* Add one name of area i to index; a name two areas share becomes ambiguous. */
void sk__geo_index_name(GHashTable *index, const char *name, size_t i);
/* The area a code or name names: its index, -1, or SK__AMBIGUOUS. */
int sk__geo_lookup(GHashTable *index, const char *code_or_name);

/* membership.c */
/* Give every municipality its region: from the membership table when o names one (creating
** the regions from it when there is no region layer, and dissolving their shapes), else
** from the region polygons (regions, as read) that contain its interior point. */
sk_status sk__geo_assign_regions(sk_ctx *ctx, sk_geography *geo, const sk_geography_options *o,
                                 const sk__ogr_backend *be, const sk__ogr_data *municipalities,
                                 const sk__ogr_data *regions);

/* stored.c */
/* The cache key of the options' sources and parameters; 0 when they cannot be cached. */
int sk__geo_cache_key(const sk_geography_options *o, sk__cache_key *key);
GByteArray *sk__geo_serialize(const sk_geography *geo, const GPtrArray *warnings);
/* Rebuild a geography (without indexes and derived data) and the warnings of its first
** load from a payload; NULL when it does not hold together. */
sk_geography *sk__geo_deserialize(GBytes *payload, GPtrArray *warnings);

#endif
