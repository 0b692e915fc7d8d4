/* The demo map fixture (demo.h). */
#include <glib.h>
#include "demo.h"
#include "support.h"

static sk_geography *geo;
static sk_projects *projects;
static sk_style *style;
static char *projects_path;

void
demo_load(void)
{
    /* Tests linking the library's objects have no back-end beside them: use the command's. */
    use_backend_beside_cli();
    sk_ctx *ctx = sk_ctx_new();
    geo = load_geography();
    sk_projects_options po;
    sk_projects_options_init(&po);
    projects_path = data_path("projecten_2017.csv");
    po.path = projects_path;
    if (sk_projects_load(ctx, geo, &po, &projects) != SK_OK ||
        sk_style_load(ctx, NULL, &style) != SK_OK)
        g_error("%s", sk_ctx_errmsg(ctx));
    sk_ctx_free(ctx);
}

void
demo_free(void)
{
    sk_style_free(style);
    sk_projects_free(projects);
    sk_geography_free(geo);
    g_free(projects_path);
}

const sk_geography *
demo_geography(void)
{
    return geo;
}

sk_map *
demo_map(sk_ctx *ctx, const char *zoom_regions)
{
    sk_filter *f = sk_filter_new();
    g_assert_cmpint(sk_filter_add(ctx, f, "inhoudelijk=jeugd"), ==, SK_OK);
    sk_classification *c = NULL;
    g_assert_cmpint(sk_classify(ctx, projects, f, SK_FORM, &c), ==, SK_OK);
    sk_map_options o;
    sk_map_options_init(&o);
    unsigned char *zoom = NULL;
    if (zoom_regions != NULL) {
        zoom = g_new0(unsigned char, sk_geography_municipality_count(geo));
        g_assert_cmpint(sk_geography_select(ctx, geo, "regions", zoom_regions, zoom), ==, SK_OK);
        o.zoom = zoom;
    }
    sk_map *map = NULL;
    g_assert_cmpint(sk_map_new(ctx, geo, projects, style, f, c, &o, &map), ==, SK_OK);
    g_free(zoom);
    sk_filter_free(f);
    return map;
}
