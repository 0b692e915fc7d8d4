/* From an atlas page to its map model: the page described as an sk_map_spec (page_spec),
** then classified and built. */
#include "build.h"
#include "../style_internal.h"
#include "samenkaart/spec.h"

/* The geography a page draws on. */
static const sk_geography *
page_geography(const sk_atlas *a, const page *pg, const sk__atlas_sources *src)
{
    int k = sk__atlas_geography_index(a, pg->geography);
    return k >= 0 ? src->alts[k] : src->geo;
}

static sk_map_kind
page_map_kind(const page *pg)
{
    if (pg->points_file > 0)
        return (sk_map_kind)pg->point_kind;
    return pg->overview          ? SK_MAP_REGIONS
           : pg->table_path != NULL ? SK_MAP_TABLE
           : pg->highlights != NULL ? SK_MAP_HIGHLIGHT
           : pg->count           ? SK_MAP_COUNT
           : pg->show >= 0       ? SK_MAP_COMBINATION
                                 : SK_MAP_TOTAL;
}

/* The map a page (or a panel) shows, as a spec: only the fields its kind takes.  The strings
** are borrowed from the page and the atlas. */
static void
page_spec(const sk_atlas *a, const page *pg, sk_map_spec *spec)
{
    sk_map_spec_init(spec);
    spec->kind = page_map_kind(pg);
    spec->where = (const char *const *)pg->where;
    if (spec->kind == SK_MAP_COMBINATION)
        spec->show = (sk_principle)pg->show;
    if (spec->kind == SK_MAP_HIGHLIGHT)
        spec->highlight = (const char *const *)pg->highlights;
    if (spec->kind == SK_MAP_COUNT) {
        spec->breaks = pg->breaks;
        spec->classes = pg->classes;
    }
    if (spec->kind == SK_MAP_POINTS) {
        spec->by = pg->by;
        spec->size_by = pg->size_by;
        spec->covered = pg->covered;
    }
    if (spec->kind == SK_MAP_POINT_COUNT) {
        spec->count = pg->count_method;
        spec->breaks = pg->breaks;
        spec->classes = pg->classes;
    }
    if (spec->kind == SK_MAP_TABLE) {
        /* The atlas's own defaults, also for tables by region. */
        spec->table = pg->table_path;
        spec->table_layer = pg->table_layer;
        spec->table_key = pg->table_key != NULL ? pg->table_key : "gm_code";
        spec->table_column = pg->table_column != NULL ? pg->table_column : "verzekeraars";
        spec->table_principle = pg->table_principle;
        spec->table_by_region = pg->table_by_region;
    }
    spec->zoom_regions = pg->zoom_regions;
    spec->zoom_municipalities = pg->zoom_municipalities;
    spec->zoom_province = pg->zoom_province;
    spec->zoom_core = pg->zoom_core_name;
    spec->core_of = pg->core_of_name;
    spec->outline_regions = pg->outline_regions;
    spec->title = pg->title;
    spec->caption = pg->caption;
    spec->note = pg->note;
    spec->text = pg->text;
    /* The atlas's fixed source line, never the data's file names. */
    spec->source = pg->source != NULL ? pg->source : a->source;
    int alt = sk__atlas_geography_index(a, pg->geography);
    if (alt >= 0)
        spec->region_label = g_array_index(a->geographies, alt_geography, alt).region_label;
    spec->show_counts = pg->counts;
    spec->allow_similar_colours = pg->allow_similar_colours;
    if (spec->kind == SK_MAP_COMBINATION || spec->kind == SK_MAP_TABLE)
        spec->group_from = pg->group_from > 0 ? (size_t)pg->group_from : 0;
    spec->page = a->page_size;
}

/* The map model of one map page (or panel): its spec, built on the page's geography.  A map
** page (split not NULL) with too many classes for one map becomes small multiples. */
static sk_status
build_map(sk_ctx *ctx, const sk_atlas *a, const page *pg, const sk__atlas_sources *src,
          sk_map **out, sk_panels **split)
{
    sk_map_spec spec;
    page_spec(a, pg, &spec);
    sk_map_data data = {
        .geo = page_geography(a, pg, src),
        .projects = src->projects,
        .core = src->core,
        .membership = a->membership,
        .points = pg->points_file > 0 ? src->points[pg->points_file - 1] : NULL,
    };
    return split != NULL ? sk_map_build_page(ctx, &data, src->style, &spec, out, split)
                         : sk_map_build(ctx, &data, src->style, &spec, out);
}

/* A page of small multiples: its maps, one legend. */
static sk_status
build_panels(sk_ctx *ctx, const sk_atlas *a, const page *pg, const sk__atlas_sources *src,
             sk_panels **set)
{
    sk_status st = SK_OK;
    size_t n = pg->panels->len;
    sk_map **maps = g_new0(sk_map *, n);
    char **titles = g_new0(char *, n + 1);
    for (guint k = 0; k < n && st == SK_OK; k++) {
        const page *panel = &g_array_index(pg->panels, page, k);
        st = build_map(ctx, a, panel, src, &maps[k], NULL);
        titles[k] = g_strdup(panel->title);
    }
    if (st == SK_OK) {
        sk_panels_options po;
        sk_panels_options_init(&po);
        po.title = pg->title;
        po.caption = pg->caption;
        po.note = pg->note;
        po.text = pg->text;
        sk_principle p = SK_THEME;
        if (pg->panel_principle != NULL) {
            sk_ctx *probe = sk_ctx_new();
            sk_principle_parse(probe, pg->panel_principle, &p);
            sk_ctx_free(probe);
        }
        po.varying = src->style->legend_title[p];
        st = sk_panels_new(ctx, maps, n, (const char *const *)titles, &po, set);
    } else {
        for (guint k = 0; k < n; k++)
            sk_map_free(maps[k]);
    }
    g_free(maps);
    g_strfreev(titles);
    return st;
}

sk_status
sk__atlas_build_page(sk_ctx *ctx, const sk_atlas *a, const page *pg,
                     const sk__atlas_sources *src, sk_map **map, sk_panels **set)
{
    if (pg->kind != PAGE_MAP)
        return build_panels(ctx, a, pg, src, set);
    return build_map(ctx, a, pg, src, map, set);
}

sk_status
sk__atlas_load_core(sk_ctx *ctx, const sk_atlas *a, const sk_geography *geo,
                    sk_geography *const *alts, sk_core_areas **out)
{
    *out = NULL;
    int k = sk__atlas_geography_index(a, a->core_geography);
    if (!sk__atlas_uses_core(a) || k < 0)
        return SK_OK;
    const alt_geography *ag = &g_array_index(a->geographies, alt_geography, k);
    char *table = a->core != NULL ? g_strdup(a->core)
                                  : sk__atlas_resolve_data(a, "kernwerkgebieden_2017.csv");
    sk_status st = sk_core_areas_load(ctx, geo, alts[k], table, a->core_layer,
                                      ag->region_code != NULL ? ag->region_code : "zk_code",
                                      a->core_column != NULL ? a->core_column : "verzekeraar",
                                      out);
    g_free(table);
    return st;
}
