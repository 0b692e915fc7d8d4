/* render --points: a map of a point layer's points (coloured by a column, sized by another)
** or of points per municipality (--count). */
#include <string.h>
#include "options.h"
#include "pointmaps.h"

GOptionGroup *
points_group(cli_args *a)
{
    GOptionEntry entries[] = {
        {"points", 0, 0, G_OPTION_ARG_FILENAME, &a->points,
         "Draw the points of FILE (CSV with x/y in RD New or lon/lat, GeoPackage, shapefile) "
         "over the municipal and regional borders instead of projects", "FILE"},
        {"points-layer", 0, 0, G_OPTION_ARG_STRING, &a->points_layer,
         "Layer or table of --points (one of several)", "NAME"},
        {"x-field", 0, 0, G_OPTION_ARG_STRING, &a->x_field,
         "Column of the x coordinate (default x, else lon)", "COLUMN"},
        {"y-field", 0, 0, G_OPTION_ARG_STRING, &a->y_field,
         "Column of the y coordinate (default y, else lat)", "COLUMN"},
        {"by", 0, 0, G_OPTION_ARG_STRING, &a->by,
         "Colour the points by this column (its scale in the style, e.g. samenwerking, "
         "else a colour per value)", "COLUMN"},
        {"size-by", 0, 0, G_OPTION_ARG_STRING, &a->size_by,
         "Size the points by this column's scale (e.g. bereik)", "COLUMN"},
        {"covered", 0, 0, G_OPTION_ARG_NONE, &a->covered,
         "Outline the municipalities the drawn points cover (column gemeenten)", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionGroup *g = g_option_group_new("points", "Point maps (e.g. the RIVM 2020 initiatives; "
                                         "--where column=value selects points, --count "
                                         "counts them per municipality):",
                                         "Show point map options", a, NULL);
    g_option_group_add_entries(g, entries);
    return g;
}

/* --count on points: how they are counted ("gemeenten", "locatie") or how classed. */
static int
is_count_method(const char *text)
{
    return strcmp(text, "gemeenten") == 0 || strcmp(text, "locatie") == 0;
}

int
points_spec(const cli_args *a, sk_map_spec *spec)
{
    if (a->show != NULL || a->highlight != NULL || a->table != NULL || a->overview)
        return usage_error("render", "%s", "--points draws a point layer: --show, --highlight, "
                           "--table and --regions-overview are maps of projects or tables; "
                           "leave them out");
    if (a->count != NULL && (a->by != NULL || a->size_by != NULL || a->covered))
        return usage_error("render", "%s", "--count draws points per municipality: --by, "
                           "--size-by and --covered are for a map of the points themselves");
    spec->kind = a->count != NULL ? SK_MAP_POINT_COUNT : SK_MAP_POINTS;
    if (a->count != NULL) {
        spec->count = is_count_method(a->count) ? a->count : NULL;
        spec->breaks = is_count_method(a->count) ? NULL : a->count;
        spec->classes = a->classes == G_MININT ? 0 : (size_t)a->classes;
    }
    spec->by = a->by;
    spec->size_by = a->size_by;
    spec->covered = a->covered;
    return EXIT_OK;
}

sk_status
load_points(sk_ctx *ctx, const cli_args *a, const sk_geography *geo, const sk_style *style,
            sk_points **out)
{
    sk_points_options po;
    sk_points_options_init(&po);
    po.path = a->points;
    po.layer = a->points_layer;
    po.x_field = a->x_field;
    po.y_field = a->y_field;
    return sk_points_load(ctx, geo, style, &po, out);
}
