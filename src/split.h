/* A map of label combinations drawn as small multiples: one panel per label of the shown
** principle, when its classes are too many or too alike for one map (registry.h). */
#ifndef SK_SPLIT_H
#define SK_SPLIT_H

#include "samenkaart/samenkaart.h"
#include "samenkaart/panels.h"
#include "samenkaart/spec.h"
#include "registry.h"

/* The page of one panel per label present in c (the classification of the spec s, which the
** page takes over, also on failure), each panel the municipalities whose combination holds
** its label, in that label's colour, and a line under the title saying why (why); mo: the
** whole map's options.  *out owns the page (sk_panels_free). */
sk_status sk__split_build(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                          const sk_map_spec *s, const sk_filter *filter,
                          const sk_map_options *mo, sk_classification *c,
                          const sk__split_reason *why, sk_panels **out);

#endif
