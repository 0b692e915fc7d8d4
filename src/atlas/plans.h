/* The atlas's pages as page plans (plan.h), the one thing its PDF and PNGs are drawn from:
** contents pages (entries linking to their pages), section pages, maps, pages of maps. */
#ifndef SK_ATLAS_PLANS_H
#define SK_ATLAS_PLANS_H

#include "schedule.h"

/* The plan of page i (its maps built); on failure (a legend that does not fit) ctx has the
** message and *out is NULL.  *out owned by the caller (sk__plan_free).  Safe from several
** threads at once. */
sk_status sk__atlas_page_plan(sk_ctx *ctx, const sk__atlas_job *j, size_t i, sk__plan **out);

#endif
