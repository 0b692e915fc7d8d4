/* One atlas grid and its lines (issue 14): the legend at the style's size in more columns,
** never a smaller map; the scale bar on the map; on small multiples thinner lines and maps
** spread over the page; region borders on a light casing and light municipal borders inside
** dark fills (pixels through the world file). */
#include <math.h>
#include <string.h>
#include <cairo.h>
#include "samenkaart/samenkaart.h"
#include "src/layout.h"
#include "demo.h"
#include "support.h"

#define MM (72.0 / 25.4)

static void
add_entry(GArray *legend, const char *text, sk__color color)
{
    sk__legend_entry e = {.label = g_strdup(text), .text = g_strdup(text), .color = color};
    g_array_append_val(legend, e);
}

/* A legend of n entries of two lines each at the default legend width. */
static GArray *
long_legend(size_t n)
{
    GArray *legend = g_array_new(FALSE, TRUE, sizeof(sk__legend_entry));
    for (size_t i = 0; i < n; i++) {
        char *text = g_strdup_printf("ontwikkelproject + doorontwikkelen + implementeren %zu", i);
        add_entry(legend, text, (sk__color)(0x101010u * (i % 15 + 1)));
        g_free(text);
    }
    return legend;
}

static void
legend_free(GArray *legend)
{
    for (guint i = 0; i < legend->len; i++) {
        sk__legend_entry *e = &g_array_index(legend, sk__legend_entry, i);
        g_free(e->label);
        g_free(e->text);
    }
    g_array_free(legend, TRUE);
}

/* A single-map page of the whole geography showing legend. */
static sk_status
layout_with(sk_ctx *ctx, const sk_map *map, GArray *legend, sk__layout *l)
{
    sk__page_spec spec = {.style = map->style, .geo = demo_geography(),
                          .page = SK_PAGE_A4_LANDSCAPE, .title = "Legenda",
                          .legend_title = "Samenwerkingsvorm", .legend = legend};
    return sk__layout_page(ctx, &spec, l);
}

static int
same_box(sk__box a, sk__box b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

/* A legend too long for one column flows into more at the style's size (at least 7 pt); the
** map keeps its frame and scale; one too long for three columns is an error. */
static void
test_legend_flows(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map *map = demo_map(ctx, NULL);
    const sk_style *s = map->style;
    g_assert_cmpfloat(s->legend_size, >=, 7);
    GArray *few = long_legend(2), *many = long_legend(30), *too_many = long_legend(300);
    sk__layout a, b, c;
    g_assert_cmpint(layout_with(ctx, map, few, &a), ==, SK_OK);
    g_assert_cmpint(layout_with(ctx, map, many, &b), ==, SK_OK);
    g_assert_true(same_box(a.map_frame, b.map_frame));
    g_assert_cmpfloat(a.scale, ==, b.scale);
    double first_x = b.legend[0].swatch.x, last_x = first_x;
    for (size_t i = 0; i < b.legend_count; i++) {
        g_assert_cmpfloat(b.legend[i].text.size, ==, s->legend_size);
        last_x = fmax(last_x, b.legend[i].swatch.x);
        /* Beside the map, inside the page. */
        g_assert_cmpfloat(b.legend[i].swatch.x, >, b.map_frame.x + b.map_frame.w);
        g_assert_cmpfloat(b.legend[i].text.x + b.legend[i].text.width, <=,
                          b.page_w - s->margin + 1e-6);
    }
    g_assert_cmpfloat(last_x, >, first_x);   /* a second column */
    g_assert_cmpint(layout_with(ctx, map, too_many, &c), ==, SK_EINPUT);
    g_assert_nonnull(strstr(sk_ctx_errmsg(ctx), "the legend does not fit on the page"));
    sk__layout_clear(&a);
    sk__layout_clear(&b);
    legend_free(few);
    legend_free(many);
    legend_free(too_many);
    sk_map_free(map);
    sk_ctx_free(ctx);
}

static int
box_inside(sk__box in, sk__box out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w + 1e-9 &&
           in.y + in.h <= out.y + out.h + 1e-9;
}

/* The scale bar lies on the map, at its lower left (not under the legend); on a zoomed map
** on a plate; the zoomed map's locator beside the map, on the grid's lower edge (where a
** national map ends). */
static void
test_scale_bar_on_the_map(void)
{
    sk_ctx *ctx = sk_ctx_new();
    const char *zooms[] = {NULL, "Twente"};
    double grid_bottom = 0;
    for (size_t z = 0; z < G_N_ELEMENTS(zooms); z++) {
        sk_map *map = demo_map(ctx, zooms[z]);
        sk__layout l;
        g_assert_cmpint(sk__layout_map(ctx, map, &l), ==, SK_OK);
        g_assert_true(box_inside(l.scale_bar, l.map_frame));
        g_assert_cmpfloat(l.scale_bar.x, <, l.map_frame.x + l.map_frame.w / 4);
        g_assert_cmpfloat(l.scale_bar.y, >, l.map_frame.y + l.map_frame.h * 0.9);
        for (int i = 0; i < 3; i++)
            g_assert_cmpfloat(l.scale_labels[i].y, <, l.map_frame.y + l.map_frame.h);
        if (zooms[z] != NULL) {
            g_assert_true(box_inside(l.scale_plate, l.map_frame));
            g_assert_true(box_inside(l.scale_bar, l.scale_plate));
            g_assert_cmpfloat(l.inset.x, >, l.map_frame.x + l.map_frame.w);
            g_assert_cmpfloat_with_epsilon(l.inset.y + l.inset.h, grid_bottom, 1e-6);
        } else {
            g_assert_cmpfloat(l.scale_plate.w, ==, 0);
            grid_bottom = l.map_frame.y + l.map_frame.h;
        }
        sk__layout_clear(&l);
        sk_map_free(map);
    }
    sk_ctx_free(ctx);
}

static const sk__plan_path *
path_of(const sk__plan_map *pm, sk__path_kind kind)
{
    for (guint i = 0; i < pm->paths->len; i++)
        if (g_array_index(pm->paths, sk__plan_path, i).kind == kind)
            return &g_array_index(pm->paths, sk__plan_path, i);
    return NULL;
}

/* A single map draws the style's line widths, region borders on their casing; three maps on
** a page draw them in proportion to the panel (never under panel_lines_min), and the maps
** take the page's width from the left margin to the legend, which is as wide as its longest
** line. */
static void
test_panel_lines(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map *map = demo_map(ctx, NULL);
    const sk_style *s = map->style;
    sk__plan *one = NULL, *three = NULL;
    g_assert_cmpint(sk__plan_map_page(ctx, map, &one), ==, SK_OK);
    const sk__plan_path *r1 = path_of(&one->maps[0], SK__PATH_REGION_BORDERS);
    g_assert_cmpfloat(r1->width, ==, s->region_border_width);
    g_assert_cmphex(r1->casing, ==, s->region_casing);
    g_assert_cmpfloat(r1->casing_width, ==, s->region_casing_width);
    g_assert_cmpfloat(r1->casing_width, >, r1->width);
    const sk__plan_path *m1 = path_of(&one->maps[0], SK__PATH_MUNICIPAL_BORDERS);
    g_assert_cmpfloat(m1->width, ==, s->municipality_border_width);

    sk_map *maps[3] = {map, map, map};
    const char *titles[3] = {"a", "b", "c"};
    sk__page_spec spec = {.style = s, .geo = demo_geography(), .page = SK_PAGE_A4_LANDSCAPE,
                          .title = "Drie kaarten", .legend = map->legend, .panel_count = 3,
                          .panel_titles = titles, .legend_title = "Samenwerkingsvorm"};
    g_assert_cmpint(sk__plan_panels_page(ctx, &spec, maps, &three), ==, SK_OK);
    g_assert_cmpuint(three->map_count, ==, 3);
    double f = three->maps[0].at.scale / one->maps[0].at.scale, right = 0;
    g_assert_cmpfloat(f, <, 0.6);
    for (size_t k = 0; k < three->map_count; k++) {
        const sk__plan_path *r = path_of(&three->maps[k], SK__PATH_REGION_BORDERS);
        const sk__plan_path *m = path_of(&three->maps[k], SK__PATH_MUNICIPAL_BORDERS);
        double want = fmax(s->panel_lines_min, f);
        g_assert_cmpfloat_with_epsilon(r->width, s->region_border_width * want, 1e-9);
        g_assert_cmpfloat_with_epsilon(r->casing_width, s->region_casing_width * want, 1e-9);
        g_assert_cmpfloat_with_epsilon(m->width, s->municipality_border_width * want, 1e-9);
        g_assert_cmpfloat(r->width, <, s->region_border_width * 0.6);
        right = fmax(right, three->maps[k].frame.x + three->maps[k].frame.w);
    }
    g_assert_cmpfloat(three->maps[0].frame.x, ==, s->margin);
    g_test_message("the maps reach %.0f %% of the page's width", 100 * right / three->page_w);
    double legend_x = G_MAXDOUBLE;
    for (guint i = 0; i < three->items->len; i++) {
        const sk__plan_item *it = &g_array_index(three->items, sk__plan_item, i);
        if (it->role == SK__ROLE_LEGEND && it->kind == SK__ITEM_RECT)
            legend_x = fmin(legend_x, it->u.rect.box.x);
    }
    /* From the margin to the legend: 6 mm between maps and legend, no more. */
    g_assert_cmpfloat_with_epsilon(right + 6 * MM, legend_x, 1e-6);
    g_assert_cmpfloat(right, >, three->page_w * 0.65);
    sk__plan_free(one);
    sk__plan_free(three);
    sk_map_free(map);
    sk_ctx_free(ctx);
}

/* A PNG and its world file, to read many pixels. */
typedef struct image {
    cairo_surface_t *s;
    double a, e, c, f;
} image;

static image
image_open(const char *png)
{
    image im = {cairo_image_surface_create_from_png(png), 0, 0, 0, 0};
    g_assert_cmpint(cairo_surface_status(im.s), ==, CAIRO_STATUS_SUCCESS);
    char *wf = g_strdup(png), *text = NULL;
    strcpy(wf + strlen(wf) - 3, "pgw");
    g_assert_true(g_file_get_contents(wf, &text, NULL, NULL));
    double b, d;
    g_assert_cmpint(sscanf(text, "%lf %lf %lf %lf %lf %lf", &im.a, &d, &b, &im.e, &im.c, &im.f),
                    ==, 6);
    g_free(text);
    g_free(wf);
    return im;
}

static uint32_t
image_pixel(const image *im, double x, double y)
{
    long col = lround((x - im->c) / im->a), row = lround((y - im->f) / im->e);
    g_assert_true(col >= 0 && row >= 0 && col < cairo_image_surface_get_width(im->s) &&
                  row < cairo_image_surface_get_height(im->s));
    uint32_t v;
    memcpy(&v, cairo_image_surface_get_data(im->s) + row * cairo_image_surface_get_stride(im->s) +
                   col * 4, 4);
    return v & 0xffffff;
}

static int
all_channels(uint32_t c, int above, unsigned v)
{
    unsigned r = c >> 16 & 0xff, g = c >> 8 & 0xff, b = c & 0xff;
    return above ? r > v && g > v && b > v : r < v && g < v && b < v;
}

/* Along the straight line between two interior points, pixel by pixel: the number of dark
** runs (a region border) and of those with a light pixel (the casing) right on both sides;
** whether a light pixel (a light municipal border) lies on it at all. */
static void
walk(const image *im, const double *p, const double *q, int *runs, int *cased, int *light)
{
    double len = hypot(q[0] - p[0], q[1] - p[1]), step = fabs(im->a) / 2;
    size_t n = (size_t)(len / step);
    guint8 *kind = g_new0(guint8, n + 1);   /* 1 dark, 2 light */
    for (size_t i = 0; i <= n; i++) {
        double t = (double)i / (double)n;
        uint32_t c = image_pixel(im, p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]));
        kind[i] = all_channels(c, 0, 0x50) ? 1 : all_channels(c, 1, 0xc8) ? 2 : 0;
        *light |= kind[i] == 2;
    }
    for (size_t i = 0; i <= n; i++) {
        if (kind[i] != 1 || (i > 0 && kind[i - 1] == 1))
            continue;
        size_t end = i;
        while (end < n && kind[end + 1] == 1)
            end++;
        int before = 0, after = 0;
        for (size_t k = 1; k <= 6; k++) {
            before |= i >= k && kind[i - k] == 2;
            after |= end + k <= n && kind[end + k] == 2;
        }
        (*runs)++;
        *cased += before && after;
        i = end;
    }
    g_free(kind);
}

/* The total map (one dark blue fill) at 300 dpi: neighbouring municipalities of two regions
** have a dark border with light casing between them; of one region a light border; their
** interior pixels keep the class colour. */
static void
test_border_pixels(void)
{
    char *dir = tmp_dir_new(), *png = g_build_filename(dir, "totaal.png", NULL);
    g_assert_cmpint(run_cli(NULL, "render", "--quiet", "--dpi", "300", "--no-cache", "-o", png,
                            NULL), ==, 0);
    const sk_geography *geo = demo_geography();
    image im = image_open(png);
    size_t n = sk_geography_municipality_count(geo);
    int runs = 0, cased = 0, pairs_in = 0, light_in = 0;
    for (size_t i = 0; i < n; i++) {
        double p[2], q[2];
        sk_geography_municipality_interior_point(geo, i, &p[0], &p[1]);
        if (image_pixel(&im, p[0], p[1]) != 0x3c8dbcu)
            continue;
        for (size_t j = i + 1; j < n; j++) {
            sk_geography_municipality_interior_point(geo, j, &q[0], &q[1]);
            if (hypot(q[0] - p[0], q[1] - p[1]) > 9000 || image_pixel(&im, q[0], q[1]) != 0x3c8dbcu)
                continue;
            int r = 0, c = 0, light = 0;
            walk(&im, p, q, &r, &c, &light);
            if (sk_geography_municipality_region(geo, i) != sk_geography_municipality_region(geo, j)) {
                runs += r;
                cased += c;
            } else if (r == 0) {
                pairs_in++;
                light_in += light;
            }
        }
    }
    g_test_message("%d of %d region borders cased; %d of %d pairs in a region with a light "
                   "border", cased, runs, light_in, pairs_in);
    g_assert_cmpint(runs, >=, 10);
    g_assert_cmpint(cased * 10, >=, runs * 8);
    g_assert_cmpint(pairs_in, >=, 20);
    g_assert_cmpint(light_in * 10, >=, pairs_in * 8);
    cairo_surface_destroy(im.s);
    g_free(png);
    tmp_dir_remove(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    demo_load();
    g_test_add_func("/grid/legend-flows", test_legend_flows);
    g_test_add_func("/grid/scale-bar-on-the-map", test_scale_bar_on_the_map);
    g_test_add_func("/grid/panel-lines", test_panel_lines);
    g_test_add_func("/grid/border-pixels", test_border_pixels);
    int rc = g_test_run();
    demo_free();
    return rc;
}
