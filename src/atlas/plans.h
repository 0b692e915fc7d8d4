/* The atlas's pages as page plans (plan.h), the one thing its PDF and PNGs are drawn from:
** contents pages (entries linking to their pages), section pages, maps, pages of maps. */
#ifndef SK_ATLAS_PLANS_H
#define SK_ATLAS_PLANS_H

#include "model.h"
#include "../panels_internal.h"
#include "../plan.h"

/* The plan of page i of a, drawn in style; map or set: the page's built map or maps (NULL
** for the other kinds).  On failure (a legend that does not fit) ctx has the message and
** *out is NULL.  *out owned by the caller (sk__plan_free).  Safe from several threads at
** once. */
sk_status sk__atlas_page_plan(sk_ctx *ctx, const sk_atlas *a, const sk_style *style, size_t i,
                              const sk_map *map, const sk_panels *set, sk__plan **out);

#endif
