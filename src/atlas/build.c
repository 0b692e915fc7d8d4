/* From an atlas page to its map model: the page described as an sk_map_spec (page_spec),
** then classified and built. */
#include "build.h"
#include "../layout.h"
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
    return pg->overview          ? SK_MAP_REGIONS
           : pg->table_path != NULL ? SK_MAP_TABLE
           : pg->highlight != NULL ? SK_MAP_HIGHLIGHT
           : pg->count           ? SK_MAP_COUNT
           : pg->show >= 0       ? SK_MAP_COMBINATION
                                 : SK_MAP_TOTAL;
}

/* The map a page (or a panel) shows, as a spec.  Every field is set (as sk_map_spec_init
** would, then the page's keys); the strings are borrowed from the page and the atlas. */
static void
page_spec(const sk_atlas *a, const page *pg, sk_map_spec *spec)
{
    int alt = sk__atlas_geography_index(a, pg->geography);
    *spec = (sk_map_spec){
        .kind = page_map_kind(pg),
        .where = (const char *const *)pg->where,
        .show = pg->show >= 0 ? (sk_principle)pg->show : SK_THEME,
        .highlight = (const char *const *)pg->highlights,
        .breaks = pg->breaks,
        .classes = pg->classes,
        /* The atlas's own defaults, also for tables by region. */
        .table = pg->table_path,
        .table_key = pg->table_key != NULL ? pg->table_key : "gm_code",
        .table_column = pg->table_column != NULL ? pg->table_column : "verzekeraars",
        .table_principle = pg->table_principle,
        .table_by_region = pg->table_by_region,
        .zoom_regions = pg->zoom_regions,
        .zoom_municipalities = pg->zoom_municipalities,
        .zoom_province = pg->zoom_province,
        .zoom_core = pg->zoom_core_name,
        .core_of = pg->core_of_name,
        .outline_regions = pg->outline_regions,
        .title = pg->title,
        .caption = pg->caption,
        .note = pg->note,
        .text = pg->text,
        .source = a->source,
        .region_label =
            alt >= 0 ? g_array_index(a->geographies, alt_geography, alt).region_label : NULL,
        .show_counts = pg->counts,
        .page = a->page_size,
    };
}

/* The classification the spec asks for; the page holds its clauses and breaks parsed. */
static sk_status
classify_page(sk_ctx *ctx, const page *pg, const sk_map_spec *spec, const sk_geography *geo,
              const sk_projects *projects, sk_classification **c)
{
    switch (spec->kind) {
    case SK_MAP_REGIONS:
        return sk_classify_regions(ctx, geo, c);
    case SK_MAP_TABLE:
        return sk_classify_table(ctx, geo, spec->table, spec->table_key, spec->table_column,
                                 spec->table_principle, spec->table_by_region, c);
    case SK_MAP_HIGHLIGHT:
        return sk_classify_highlight(ctx, projects, pg->filter, pg->highlight, c);
    case SK_MAP_COUNT:
        return sk_classify_count(ctx, projects, pg->filter, pg->method, spec->classes,
                                 pg->bounds, pg->nbreaks, c);
    default:
        return sk_classify(ctx, projects, pg->filter,
                           spec->kind == SK_MAP_COMBINATION ? (int)spec->show : -1, c);
    }
}

/* The municipalities a zoomed map frames (*zoom NULL: the whole map; g_free it). */
static sk_status
zoom_mask(sk_ctx *ctx, const page *pg, const sk_map_spec *spec, const sk_geography *geo,
          const sk__atlas_sources *src, unsigned char **zoom)
{
    *zoom = NULL;
    if (spec->zoom_regions == NULL && spec->zoom_municipalities == NULL &&
        spec->zoom_province == NULL && pg->zoom_core <= 0)
        return SK_OK;
    size_t nmun = sk_geography_municipality_count(geo);
    *zoom = g_new0(unsigned char, nmun + 1);
    const char *what[] = {"regions", "municipalities", "province"};
    const char *lists[] = {spec->zoom_regions, spec->zoom_municipalities, spec->zoom_province};
    sk_status st = SK_OK;
    for (size_t k = 0; k < G_N_ELEMENTS(lists) && st == SK_OK; k++)
        if (lists[k] != NULL)
            st = sk_geography_select(ctx, geo, what[k], lists[k], *zoom);
    if (pg->zoom_core > 0 && src->core != NULL) {
        const unsigned char *m = sk_core_areas_mask(src->core, (size_t)pg->zoom_core - 1);
        for (size_t k = 0; k < nmun; k++)
            (*zoom)[k] |= m[k];
    }
    return st;
}

/* The map model of one map page (or panel).  After sk_map_build exists this becomes
** sk_map_build(ctx, &data, style, &spec, out). */
static sk_status
build_map(sk_ctx *ctx, const sk_atlas *a, const page *pg, const sk__atlas_sources *src,
          sk_map **out)
{
    sk_map_spec spec;
    page_spec(a, pg, &spec);
    const sk_geography *geo = page_geography(a, pg, src);
    sk_classification *c = NULL;
    sk_status st = classify_page(ctx, pg, &spec, geo, src->projects, &c);
    sk_map_options mo;
    sk_map_options_init(&mo);
    mo.title = spec.title;
    mo.caption = spec.caption;
    mo.source = spec.source;
    mo.show_counts = spec.show_counts;
    mo.highlight = pg->highlight;
    mo.note = spec.note;
    mo.page = spec.page;
    mo.source_file = spec.kind == SK_MAP_TABLE     ? spec.table
                     : spec.kind == SK_MAP_REGIONS ? a->membership
                                                   : NULL;
    mo.outline_regions = spec.outline_regions;
    mo.text = spec.text;
    mo.region_label = spec.region_label;
    char *core_label = NULL;
    if (pg->core_of > 0 && src->core != NULL) {
        mo.area = sk_core_areas_mask(src->core, (size_t)pg->core_of - 1);
        mo.area_label = core_label = sk_core_area_label(src->style, (size_t)pg->core_of - 1);
    }
    unsigned char *zoom = NULL;
    if (st == SK_OK)
        st = zoom_mask(ctx, pg, &spec, geo, src, &zoom);
    mo.zoom = zoom;
    if (st == SK_OK)
        st = sk_map_new(ctx, geo, src->projects, src->style, pg->filter, c, &mo, out);
    else
        sk_classification_free(c);
    g_free(zoom);
    g_free(core_label);
    return st;
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
        st = build_map(ctx, a, panel, src, &maps[k]);
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
    sk_status st = build_map(ctx, a, pg, src, map);
    /* Lay every page out before drawing any: a legend that does not fit stops the atlas
    ** before it has written a single file. */
    sk__layout l;
    if (st == SK_OK && (st = sk__layout_map(ctx, *map, &l)) == SK_OK)
        sk__layout_clear(&l);
    return st;
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
    sk_status st = sk_core_areas_load(ctx, geo, alts[k], table,
                                      ag->region_code != NULL ? ag->region_code : "zk_code",
                                      a->core_column != NULL ? a->core_column : "verzekeraar",
                                      out);
    g_free(table);
    return st;
}
