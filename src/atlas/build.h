/* The map models of the atlas's pages, built from data loaded once. */
#ifndef SK_ATLAS_BUILD_H
#define SK_ATLAS_BUILD_H

#include "model.h"
#include "samenkaart/points.h"

/* What the pages are built from, loaded once (all borrowed). */
typedef struct sk__atlas_sources {
    const sk_geography *geo;
    sk_geography *const *alts;    /* per [geography NAME] */
    const sk_projects *projects;
    const sk_style *style;
    const sk_core_areas *core;    /* NULL when no page outlines a kernwerkgebied */
    sk_points *const *points;     /* per a->point_files */
} sk__atlas_sources;

/* Build the map model(s) of page pg (laid out afterwards, as its plan: plans.h): *map for a
** map page, *set for a page of small multiples (owned by the caller).  On failure ctx has
** the message. */
sk_status sk__atlas_build_page(sk_ctx *ctx, const sk_atlas *a, const page *pg,
                               const sk__atlas_sources *src, sk_map **map, sk_panels **set);

/* The kernwerkgebieden, when a page outlines one (*out NULL otherwise; owned by the caller). */
sk_status sk__atlas_load_core(sk_ctx *ctx, const sk_atlas *a, const sk_geography *geo,
                              sk_geography *const *alts, sk_core_areas **out);

#endif
