/* Building a map from a spec with a filter already parsed (compare's sk_insurer_map). */
#ifndef SK_SPEC_INTERNAL_H
#define SK_SPEC_INTERNAL_H

#include "samenkaart/spec.h"

/* sk_map_build with base (borrowed) as the filter instead of spec->where; base NULL: parse
** spec->where. */
sk_status sk__map_build_filtered(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                                 const sk_map_spec *spec, const sk_filter *base,
                                 sk_map **out);

#endif
