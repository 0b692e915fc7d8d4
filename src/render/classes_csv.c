/* The data behind a map as a CSV (sk_map_write_classes_csv): one row per municipality, or
** for a point map one row per point with the position its symbol is drawn at, which only the
** page plan knows (coincident points are moved apart on the page). */
#include "../layout_internal.h"
#include "../map_internal.h"
#include "../text.h"
#include "render.h"

sk_status
sk_map_write_classes_csv(sk_ctx *ctx, const sk_map *map, const char *path)
{
    GString *s = g_string_new("gm_code,gm_naam,class,color,projects\n");
    sk__map_classes_rows(s, map, NULL);
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}
