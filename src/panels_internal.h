/* What the atlas needs of a panel page beyond samenkaart/panels.h: its layout input and maps
** (to draw them into its own PDF with shared border layers). */
#ifndef SK_PANELS_INTERNAL_H
#define SK_PANELS_INTERNAL_H

#include "layout_internal.h"
#include "samenkaart/panels.h"

sk__page_spec sk__panels_spec(const sk_panels *panels);
sk_map *const *sk__panels_maps(const sk_panels *panels);

#endif
