/* render --points (pointmaps.c). */
#ifndef SK_CLI_POINTMAPS_H
#define SK_CLI_POINTMAPS_H

#include "options.h"

/* The options of point maps. */
GOptionGroup *points_group(cli_args *a);
/* The kind and point fields of spec from the arguments (--points given): EXIT_OK or the exit
** status of the usage error reported. */
int points_spec(const cli_args *a, sk_map_spec *spec);
/* Load --points against geo and style. */
sk_status load_points(sk_ctx *ctx, const cli_args *a, const sk_geography *geo,
                      const sk_style *style, sk_points **out);

#endif
