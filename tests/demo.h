/* The demo map of setup.sh (jeugd by samenwerkingsvorm) on the real 2017 data, for tests
** that look at what a map page holds. */
#ifndef SK_TEST_DEMO_H
#define SK_TEST_DEMO_H

#include "samenkaart/samenkaart.h"

/* Load the geography, the 2017 projects and the default style (once per program), the
** reader back-end beside $SK_CLI unless $SAMENKAART_BACKEND names one. */
void demo_load(void);
void demo_free(void);
const sk_geography *demo_geography(void);

/* The demo map, zoomed to the regions zoom_regions unless NULL.  sk_map_free it. */
sk_map *demo_map(sk_ctx *ctx, const char *zoom_regions);

#endif
