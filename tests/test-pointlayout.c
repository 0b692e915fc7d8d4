/* A point map on the page (src/layout/points.c, legend.c, render/classes_csv.c): circles at
** their points in drawing order, coincident ones moved apart deterministically, the legend's
** symbols and counts, the classes CSV's drawn positions, and the PNG's pixels at them
** through the world file.  The map model's point layer is made by hand here, over the demo
** map (an area map) of the real 2017 geography. */
#include <math.h>
#include <string.h>
#include <cairo.h>
#include "samenkaart/samenkaart.h"
#include "src/layout.h"
#include "src/layout/points.h"
#include "src/render/render.h"
#include "demo.h"
#include "support.h"

/* A few places (EPSG:28992): Utrecht, Amsterdam, Groningen, Maastricht, Gouda, Zwolle. */
static const double PLACES[][2] = {{136000, 456000}, {121000, 487000}, {233000, 582000},
                                   {176000, 317000}, {107000, 447000}, {203000, 503000}};

static sk_style *style;

/* The default style with a visible [points] (its values are the style's business; these
** are the test's own). */
static void
style_load(void)
{
    sk_ctx *ctx = sk_ctx_new();
    g_assert_cmpint(sk_style_load(ctx, NULL, &style), ==, SK_OK);
    sk_ctx_free(ctx);
    style->points.symbol_size = 6;
    style->points.outline_width = 0.6;
    style->points.outline_dark = 0x303030;
    style->points.outline_light = 0xffffff;
    style->points.displace = 7;
}

typedef struct class_def {
    const char *value, *text, *count;
    sk__color fill, outline;
    int off_map, rank;
} class_def;

/* The classes in legend order: the highest level first, the one off the map last. */
static const class_def CLASSES[] = {
    {"formele afspraken", "formele afspraken", "36 initiatieven", 0x08306b, 0xffffff, 0, 6},
    {"informeel", "informele afspraken", "13 initiatieven", 0x4292c6, 0x303030, 0, 5},
    {"geen van beide betrokken", "geen van beide betrokken", "4 initiatieven", 0xdeebf7,
     0x303030, 0, 1},
    {"onbekend", "onbekend", "2 initiatieven; niet op de kaart", 0xbdbdbd, 0x303030, 1, 0},
};
#define OFF_CLASS 3

/* The ids the layers borrow, as a layer borrows them from its source; freed at the end
** (interned strings would live on and count as a leak under LeakSanitizer). */
static GStringChunk *ids;

/* "NI001" for row 0. */
static const char *
id_of(size_t row)
{
    char id[32];
    g_snprintf(id, sizeof id, "NI%03zu", row + 1);
    return g_string_chunk_insert_const(ids, id);
}

/* A layer of n drawn points at xy (map CRS) of classes klass (drawn in the order given:
** callers order them by rank), plus off_n points of the class off the map at off_xy.  Rows:
** rows[i] for drawn point i, rows[n + j] for off-map point j (rows NULL: in that order). */
static sk__point_layer *
make_layer(size_t n, const double (*xy)[2], const int *klass, const size_t *rows,
           size_t off_n, const double (*off_xy)[2])
{
    sk__point_layer *pl = g_new0(sk__point_layer, 1);
    pl->class_count = G_N_ELEMENTS(CLASSES);
    pl->classes = g_new0(sk__point_class, pl->class_count);
    for (size_t k = 0; k < pl->class_count; k++) {
        const class_def *c = &CLASSES[k];
        pl->classes[k] = (sk__point_class){g_strdup(c->value), g_strdup(c->text),
                                           g_strdup(c->count), 0, c->fill, c->outline,
                                           c->off_map, c->rank};
    }
    pl->legend_title = g_strdup("Mate van samenwerking");
    pl->count = n;
    pl->points = g_new0(sk__map_point, n > 0 ? n : 1);
    for (size_t i = 0; i < n; i++) {
        size_t row = rows != NULL ? rows[i] : i;
        pl->points[i] = (sk__map_point){xy[i][0], xy[i][1], klass[i], 6, row, id_of(row),
                                        "initiatief"};
        pl->classes[klass[i]].size++;
    }
    pl->off_count = off_n;
    pl->off = g_new0(sk__map_point, off_n > 0 ? off_n : 1);
    for (size_t j = 0; j < off_n; j++) {
        size_t row = rows != NULL ? rows[n + j] : n + j;
        pl->off[j] = (sk__map_point){off_xy[j][0], off_xy[j][1], OFF_CLASS, 0, row,
                                     id_of(row), "onbekend initiatief"};
        pl->classes[OFF_CLASS].size++;
    }
    return pl;
}

/* The demo map (zoomed to zoom unless NULL) as a point map of layer pl, in the test style. */
static sk_map *
point_map(sk_ctx *ctx, const char *zoom, sk__point_layer *pl)
{
    sk_map *map = demo_map(ctx, zoom);
    map->style = style;
    map->points = pl;
    return map;
}

static void
point_map_free(sk_map *map)
{
    sk__point_layer_free(map->points);
    map->points = NULL;   /* sk_map_free may free it one day */
    sk_map_free(map);
}

static sk__plan *
plan_of(sk_ctx *ctx, const sk_map *map)
{
    sk__plan *p = NULL;
    if (sk__plan_map_page(ctx, map, &p) != SK_OK)
        g_error("%s", sk_ctx_errmsg(ctx));
    return p;
}

/* The plan item of kind and role with id, or NULL; *index its place. */
static const sk__plan_item *
find_item(const sk__plan *p, sk__item_kind kind, sk__role role, long id, guint *index)
{
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->kind == kind && it->role == role && it->id == id) {
            if (index != NULL)
                *index = i;
            return it;
        }
    }
    return NULL;
}

static size_t
count_items(const sk__plan *p, sk__item_kind kind, sk__role role)
{
    size_t n = 0;
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        n += it->kind == kind && it->role == role;
    }
    return n;
}

/* Circles at their points (transformed), their class's fill and outline, the style's
** outline width, in drawing order, over the map and under the scale bar; none for an area
** map. */
static void
test_circles(void)
{
    sk_ctx *ctx = sk_ctx_new();
    /* Drawing order: by rank (geen van beide, informeel, formeel), as the layer holds it. */
    const int klass[] = {2, 2, 1, 1, 0, 0};
    sk_map *map = point_map(ctx, NULL, make_layer(6, PLACES, klass, NULL, 0, NULL));
    sk__plan *p = plan_of(ctx, map);
    const sk__transform *at = &p->maps[0].at;
    g_assert_cmpuint(count_items(p, SK__ITEM_CIRCLE, SK__ROLE_POINT), ==, 6);
    guint last = 0, bar;
    g_assert_nonnull(find_item(p, SK__ITEM_RECT, SK__ROLE_SCALE_BAR, 0, &bar));
    for (long i = 0; i < 6; i++) {
        guint at_index;
        const sk__plan_item *it = find_item(p, SK__ITEM_CIRCLE, SK__ROLE_POINT, i, &at_index);
        g_assert_nonnull(it);
        const sk__plan_circle *c = &it->u.circle;
        g_assert_cmpfloat_with_epsilon(c->x, at->origin_x + (PLACES[i][0] - at->minx) * at->scale,
                                       1e-9);
        g_assert_cmpfloat_with_epsilon(c->y, at->origin_y + (at->maxy - PLACES[i][1]) * at->scale,
                                       1e-9);
        g_assert_cmpfloat(c->r, ==, 3);
        g_assert_cmphex(c->fill, ==, CLASSES[klass[i]].fill);
        g_assert_cmphex(c->stroke, ==, CLASSES[klass[i]].outline);
        g_assert_cmpfloat(c->width, ==, style->points.outline_width);
        if (i > 0)
            g_assert_cmpuint(at_index, ==, last + 1);   /* drawing order, one after another */
        last = at_index;
        g_assert_cmpuint(at_index, <, bar);   /* under the scale bar */
    }
    sk__plan_free(p);
    point_map_free(map);

    sk_map *area = demo_map(ctx, NULL);
    p = plan_of(ctx, area);
    g_assert_cmpuint(count_items(p, SK__ITEM_CIRCLE, SK__ROLE_POINT), ==, 0);
    g_assert_cmpuint(count_items(p, SK__ITEM_CIRCLE, SK__ROLE_LEGEND_SYMBOL), ==, 0);
    sk__plan_free(p);
    sk_map_free(area);
    sk_ctx_free(ctx);
}

/* On a zoomed map the points outside its frame are left out; the others drawn. */
static void
test_zoomed(void)
{
    sk_ctx *ctx = sk_ctx_new();
    /* Gouda lies in Midden-Holland; Groningen and Maastricht do not. */
    const double xy[][2] = {{233000, 582000}, {107000, 447000}, {176000, 317000}};
    const int klass[] = {2, 1, 0};
    sk_map *map = point_map(ctx, "Midden-Holland", make_layer(3, xy, klass, NULL, 0, NULL));
    sk__plan *p = plan_of(ctx, map);
    g_assert_true(p->maps[0].clip);
    g_assert_cmpuint(count_items(p, SK__ITEM_CIRCLE, SK__ROLE_POINT), ==, 1);
    const sk__plan_item *it = find_item(p, SK__ITEM_CIRCLE, SK__ROLE_POINT, 1, NULL);
    g_assert_nonnull(it);
    const sk__box *f = &p->maps[0].frame;
    g_assert_cmpfloat(it->u.circle.x, >, f->x);
    g_assert_cmpfloat(it->u.circle.x, <, f->x + f->w);
    /* The names of the zoomed map are there, under the point. */
    guint name_index = 0, point_index = 0;
    g_assert_cmpuint(count_items(p, SK__ITEM_TEXT, SK__ROLE_NAME), >, 0);
    for (guint i = 0; i < p->items->len; i++)
        if (g_array_index(p->items, sk__plan_item, i).role == SK__ROLE_NAME)
            name_index = i;
    find_item(p, SK__ITEM_CIRCLE, SK__ROLE_POINT, 1, &point_index);
    g_assert_cmpuint(name_index, <, point_index);
    sk__plan_free(p);
    point_map_free(map);
    sk_ctx_free(ctx);
}

/* The drawn centres (page) of the points of map, by id; NAN for a point not drawn. */
static double *
centres(const sk__plan *p, size_t n)
{
    double *c = g_new(double, 2 * n);
    for (size_t i = 0; i < 2 * n; i++)
        c[i] = NAN;
    for (guint i = 0; i < p->items->len; i++) {
        const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, i);
        if (it->kind == SK__ITEM_CIRCLE && it->role == SK__ROLE_POINT) {
            c[2 * it->id] = it->u.circle.x;
            c[2 * it->id + 1] = it->u.circle.y;
        }
    }
    return c;
}

/* Two and three points at one place are moved apart round it: the style's distance apart
** (two) or on a ring of that side (three), no centre under another's circle, their centroid
** where they were; the same in a second layout; a lone point stays. */
static void
test_coincident(void)
{
    sk_ctx *ctx = sk_ctx_new();
    const double u[2] = {136000, 456000}, g[2] = {233000, 582000}, m[2] = {176000, 317000};
    const double xy[][2] = {{u[0], u[1]}, {u[0], u[1]}, {g[0], g[1]}, {g[0], g[1] + 1},
                            {g[0] + 1, g[1]}, {m[0], m[1]}};
    const int klass[] = {2, 1, 2, 1, 0, 0};
    sk_map *map = point_map(ctx, NULL, make_layer(6, xy, klass, NULL, 0, NULL));
    sk__plan *p = plan_of(ctx, map), *again = plan_of(ctx, map);
    const sk__transform *at = &p->maps[0].at;
    double *c = centres(p, 6), *c2 = centres(again, 6);
    for (size_t i = 0; i < 12; i++)
        g_assert_cmpfloat(c[i], ==, c2[i]);   /* deterministic */
    double d = 6, w = style->points.outline_width;
    const size_t groups[][3] = {{0, 1, 1}, {2, 3, 4}};
    for (size_t gi = 0; gi < 2; gi++) {
        size_t n = gi == 0 ? 2 : 3;
        double cx = 0, cy = 0, wx = 0, wy = 0;
        for (size_t a = 0; a < n; a++) {
            size_t i = groups[gi][a];
            cx += c[2 * i] / n;
            cy += c[2 * i + 1] / n;
            wx += (at->origin_x + (xy[i][0] - at->minx) * at->scale) / n;
            wy += (at->origin_y + (at->maxy - xy[i][1]) * at->scale) / n;
            for (size_t b = 0; b < a; b++) {
                size_t j = groups[gi][b];
                double dist = hypot(c[2 * i] - c[2 * j], c[2 * i + 1] - c[2 * j + 1]);
                g_assert_cmpfloat_with_epsilon(dist, style->points.displace, 1e-9);
                g_assert_cmpfloat(dist, >, d / 2 + w / 2);   /* no centre covered */
            }
        }
        g_assert_cmpfloat_with_epsilon(cx, wx, 1e-9);
        g_assert_cmpfloat_with_epsilon(cy, wy, 1e-9);
    }
    /* The first of two at the top (page y down), the next below. */
    g_assert_cmpfloat(c[1], <, c[3]);
    g_assert_cmpfloat_with_epsilon(c[10], at->origin_x + (m[0] - at->minx) * at->scale, 1e-9);
    g_free(c);
    g_free(c2);
    sk__plan_free(again);
    sk__plan_free(p);
    point_map_free(map);
    sk_ctx_free(ctx);
}

/* Many points at one place go on a spiral: no centre under another's circle, even with no
** distance in the style; circles of different sizes: the small one beside the large. */
static void
test_crowd(void)
{
    enum { N = 40 };
    double x[N + 2], y[N + 2], d[N + 2];
    for (size_t i = 0; i < N; i++) {
        x[i] = 100 + (double)(i % 3) * 0.1;
        y[i] = 200;
        d[i] = 6;
    }
    x[N] = x[N + 1] = 300;
    y[N] = y[N + 1] = 300;
    d[N] = 14;   /* the large one drawn first */
    d[N + 1] = 4;
    sk__points_displace(x, y, d, N + 2, 0, 0.6);
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < i; j++)
            g_assert_cmpfloat(hypot(x[i] - x[j], y[i] - y[j]), >, 3 + 0.3);
    double dist = hypot(x[N] - x[N + 1], y[N] - y[N + 1]);
    g_assert_cmpfloat(dist, >, 7 + 0.3);   /* the small one's centre off the large one */
    g_assert_cmpfloat(fabs(x[0] - 100.1), <, 3);   /* the crowd stays near its place */
}

/* The legend of a point map: its title, a circle per class on the map in its fill and
** outline at the style's symbol size with its text and count; the level off the map last
** without a symbol, with its text and count; the region border's line; none of the area
** map's entries. */
static void
test_legend(void)
{
    sk_ctx *ctx = sk_ctx_new();
    const int klass[] = {2, 1, 0};
    const double off[][2] = {{150000, 450000}, {151000, 451000}};
    sk_map *map = point_map(ctx, NULL, make_layer(3, PLACES, klass, NULL, 2, off));
    sk__plan *p = plan_of(ctx, map);
    const sk__plan_item *title = find_item(p, SK__ITEM_TEXT, SK__ROLE_LEGEND_TITLE, 0, NULL);
    g_assert_nonnull(title);
    g_assert_cmpstr(title->u.text.text, ==, "Mate van samenwerking");
    g_assert_cmpuint(count_items(p, SK__ITEM_CIRCLE, SK__ROLE_LEGEND_SYMBOL), ==, 3);
    g_assert_cmpuint(count_items(p, SK__ITEM_RECT, SK__ROLE_LEGEND), ==, 0);
    double last_y = 0;
    for (long k = 0; k < (long)G_N_ELEMENTS(CLASSES); k++) {
        const sk__plan_item *sym = find_item(p, SK__ITEM_CIRCLE, SK__ROLE_LEGEND_SYMBOL, k, NULL);
        const sk__plan_item *text = find_item(p, SK__ITEM_TEXT, SK__ROLE_LEGEND, k, NULL);
        const sk__plan_item *count = find_item(p, SK__ITEM_TEXT, SK__ROLE_LEGEND_COUNT, k,
                                               NULL);
        g_assert_nonnull(text);
        g_assert_nonnull(count);
        g_assert_cmpstr(text->u.text.text, ==, CLASSES[k].text);
        g_assert_cmpstr(count->u.text.text, ==, CLASSES[k].count);
        g_assert_cmpfloat(text->u.text.y, >, last_y);   /* in legend order, down */
        last_y = text->u.text.y;
        if (k == OFF_CLASS) {
            g_assert_null(sym);
            continue;
        }
        g_assert_nonnull(sym);
        g_assert_cmphex(sym->u.circle.fill, ==, CLASSES[k].fill);
        g_assert_cmphex(sym->u.circle.stroke, ==, CLASSES[k].outline);
        g_assert_cmpfloat(sym->u.circle.r, ==, style->points.symbol_size / 2);
        /* Left of its text, its centre on the text's first line. */
        g_assert_cmpfloat(sym->u.circle.x + sym->u.circle.r, <, text->u.text.x);
        g_assert_cmpfloat(sym->u.circle.y, >, text->u.text.y);
        g_assert_cmpfloat(sym->u.circle.y, <, text->u.text.y + text->u.text.size * 1.3);
    }
    /* Then the region border's line symbol. */
    const sk__plan_item *line = find_item(p, SK__ITEM_LINE, SK__ROLE_LEGEND, 4, NULL);
    g_assert_nonnull(line);
    g_assert_cmphex(line->u.line.color, ==, style->region_border);
    /* No entry of the area map under it. */
    for (guint i = 0; i < map->legend->len; i++) {
        const char *area_text = g_array_index(map->legend, sk__legend_entry, i).text;
        for (guint j = 0; j < p->items->len; j++) {
            const sk__plan_item *it = &g_array_index(p->items, sk__plan_item, j);
            if (it->kind == SK__ITEM_TEXT && it->role == SK__ROLE_LEGEND)
                g_assert_cmpstr(it->u.text.text, !=, area_text);
        }
    }
    sk__plan_free(p);
    point_map_free(map);
    sk_ctx_free(ctx);
}

/* With sizes: their heading (bold) after the classes, a circle per size of its diameter
** (id 1000 + k), larger ones lower; then the region border. */
static void
test_size_legend(void)
{
    sk_ctx *ctx = sk_ctx_new();
    const int klass[] = {2, 1, 0};
    sk__point_layer *pl = make_layer(3, PLACES, klass, NULL, 0, NULL);
    const char *texts[] = {"wijk", "gemeente", "regio", "provincie"};
    const double diameters[] = {4, 7, 11, 16};
    pl->size_count = 4;
    pl->sizes = g_new0(sk__size_entry, 4);
    for (size_t k = 0; k < 4; k++)
        pl->sizes[k] = (sk__size_entry){g_strdup(texts[k]), diameters[k]};
    pl->size_title = g_strdup("Bereik");
    sk_map *map = point_map(ctx, NULL, pl);
    sk__plan *p = plan_of(ctx, map);
    size_t nc = G_N_ELEMENTS(CLASSES);
    const sk__plan_item *head = find_item(p, SK__ITEM_TEXT, SK__ROLE_LEGEND, (long)nc, NULL);
    g_assert_nonnull(head);
    g_assert_cmpstr(head->u.text.text, ==, "Bereik");
    g_assert_true(head->u.text.bold);
    g_assert_null(find_item(p, SK__ITEM_CIRCLE, SK__ROLE_LEGEND_SYMBOL, (long)nc, NULL));
    double last_y = head->u.text.y;
    for (long k = 0; k < 4; k++) {
        const sk__plan_item *sym = find_item(p, SK__ITEM_CIRCLE, SK__ROLE_LEGEND_SYMBOL,
                                             1000 + k, NULL);
        const sk__plan_item *text = find_item(p, SK__ITEM_TEXT, SK__ROLE_LEGEND,
                                              (long)nc + 1 + k, NULL);
        g_assert_nonnull(sym);
        g_assert_nonnull(text);
        g_assert_cmpstr(text->u.text.text, ==, texts[k]);
        g_assert_cmpfloat(sym->u.circle.r, ==, diameters[k] / 2);
        g_assert_cmpfloat(sym->u.circle.y - sym->u.circle.r, >, last_y);
        last_y = sym->u.circle.y + sym->u.circle.r;
        g_assert_cmpfloat(sym->u.circle.x + sym->u.circle.r, <, text->u.text.x);
    }
    g_assert_nonnull(find_item(p, SK__ITEM_LINE, SK__ROLE_LEGEND, (long)nc + 5, NULL));
    sk__plan_free(p);
    point_map_free(map);
    sk_ctx_free(ctx);
}

/* The covered municipalities' outline: one path of the map in the style's colour. */
static void
test_covered(void)
{
    sk_ctx *ctx = sk_ctx_new();
    const int klass[] = {0};
    sk__point_layer *pl = make_layer(1, PLACES, klass, NULL, 0, NULL);
    size_t nmun = sk_geography_municipality_count(demo_geography());
    pl->covered = g_new0(guint8, nmun);
    pl->covered[3] = pl->covered[7] = 1;
    sk_map *map = point_map(ctx, NULL, pl);
    style->points.covered_color = 0x9ecae1;
    style->points.covered_width = 0.8;
    sk__plan *p = plan_of(ctx, map);
    style->points.covered_width = 0;
    const sk__plan_map *pm = &p->maps[0];
    size_t found = 0;
    for (guint i = 0; i < pm->paths->len; i++) {
        const sk__plan_path *path = &g_array_index(pm->paths, sk__plan_path, i);
        if (path->kind == SK__PATH_AREA && path->color == 0x9ecae1) {
            found++;
            g_assert_cmpuint(path->count, ==, 2);
            g_assert_cmpuint(path->ids[0], ==, 3);
            g_assert_cmpuint(path->ids[1], ==, 7);
            g_assert_cmpfloat(path->width, ==, 0.8);
        }
    }
    g_assert_cmpuint(found, ==, 1);
    sk__plan_free(p);
    point_map_free(map);
    sk_ctx_free(ctx);
}

/* The world file's six numbers. */
static void
read_world_file(const char *png, double *v)
{
    char *wf = g_strdup(png);
    strcpy(wf + strlen(wf) - 3, "pgw");
    char *text = NULL;
    g_assert_true(g_file_get_contents(wf, &text, NULL, NULL));
    g_assert_cmpint(sscanf(text, "%lf %lf %lf %lf %lf %lf", &v[0], &v[1], &v[2], &v[3], &v[4],
                           &v[5]), ==, 6);
    g_free(text);
    g_free(wf);
}

/* The classes CSV: one row per point of the layer, drawn or not, in file order, drawn ones
** where the page draws them (map CRS, two decimals); then the PNG's pixel at each drawn
** position, through the world file, has its class's fill. */
static void
test_csv_and_pixels(void)
{
    sk_ctx *ctx = sk_ctx_new();
    /* Drawing order differs from file order: rows given. */
    const double xy[][2] = {{136000, 456000}, {136000, 456000}, {233000, 582000},
                            {121000, 487000}, {176000, 317000}};
    const int klass[] = {2, 2, 1, 0, 0};
    const size_t rows[] = {4, 0, 6, 1, 3, 2, 5};
    const double off[][2] = {{150000, 450000}, {151000, 451000}};
    sk__point_layer *pl = make_layer(5, xy, klass, rows, 2, off);
    sk_map *map = point_map(ctx, NULL, pl);
    char *dir = tmp_dir_new();
    char *csv = g_build_filename(dir, "punten.csv", NULL);
    char *png = g_build_filename(dir, "punten.png", NULL);
    g_assert_cmpint(sk_map_write_classes_csv(ctx, map, csv), ==, SK_OK);
    sk_render_options o;
    sk_render_options_init(&o);
    g_assert_cmpint(sk_map_render(ctx, map, &o, png), ==, SK_OK);
    /* PDF and SVG come from the same plan. */
    for (int f = 0; f < 2; f++) {
        char *vector = g_build_filename(dir, f == 0 ? "punten.pdf" : "punten.svg", NULL);
        g_assert_cmpint(sk_map_render(ctx, map, &o, vector), ==, SK_OK);
        g_assert_true(file_exists(vector));
        g_free(vector);
    }

    char *text = NULL;
    g_assert_true(g_file_get_contents(csv, &text, NULL, NULL));
    g_assert_true(g_str_has_prefix(text, "id,naam,class,color,x,y,drawn\n"));
    g_free(text);
    GPtrArray *table = read_csv_rows(csv);
    g_assert_cmpuint(table->len, ==, 7);
    sk__plan *p = plan_of(ctx, map);
    double *c = centres(p, 5);
    const sk__transform *at = &p->maps[0].at;
    double wf[6];
    read_world_file(png, wf);
    cairo_surface_t *image = cairo_image_surface_create_from_png(png);
    g_assert_cmpint(cairo_surface_status(image), ==, CAIRO_STATUS_SUCCESS);
    for (guint r = 0; r < table->len; r++) {
        GHashTable *row = g_ptr_array_index(table, r);
        char *id = g_strdup_printf("NI%03u", r + 1);
        g_assert_cmpstr(g_hash_table_lookup(row, "id"), ==, id);
        g_free(id);
        /* The layer's point of this row. */
        long drawn = -1;
        for (size_t i = 0; i < 5; i++)
            if (rows[i] == r)
                drawn = (long)i;
        double x = g_ascii_strtod(g_hash_table_lookup(row, "x"), NULL);
        double y = g_ascii_strtod(g_hash_table_lookup(row, "y"), NULL);
        if (drawn < 0) {
            const double *o_xy = off[r == 2 ? 0 : 1];
            g_assert_cmpstr(g_hash_table_lookup(row, "drawn"), ==, "0");
            g_assert_cmpstr(g_hash_table_lookup(row, "class"), ==, "onbekend");
            g_assert_cmpstr(g_hash_table_lookup(row, "color"), ==, "#bdbdbd");
            g_assert_cmpfloat(x, ==, o_xy[0]);
            g_assert_cmpfloat(y, ==, o_xy[1]);
            continue;
        }
        const class_def *cd = &CLASSES[klass[drawn]];
        char color[8];
        g_snprintf(color, sizeof color, "#%06x", cd->fill);
        g_assert_cmpstr(g_hash_table_lookup(row, "drawn"), ==, "1");
        g_assert_cmpstr(g_hash_table_lookup(row, "class"), ==, cd->value);
        g_assert_cmpstr(g_hash_table_lookup(row, "color"), ==, color);
        /* Where the page draws it, back in the map CRS. */
        g_assert_cmpfloat(fabs(x - (at->minx + (c[2 * drawn] - at->origin_x) / at->scale)), <=,
                          0.005 + 1e-6);
        g_assert_cmpfloat(fabs(y - (at->maxy - (c[2 * drawn + 1] - at->origin_y) / at->scale)),
                          <=, 0.005 + 1e-6);
        if (drawn < 2)   /* the coincident two moved off their place */
            g_assert_cmpfloat(hypot(x - xy[drawn][0], y - xy[drawn][1]), >, 100);
        /* Its pixel through the world file. */
        long col = lround((x - wf[4]) / wf[0]), line = lround((y - wf[5]) / wf[3]);
        g_assert_cmpint(col, >=, 0);
        g_assert_cmpint(line, >=, 0);
        g_assert_cmpint(col, <, cairo_image_surface_get_width(image));
        g_assert_cmpint(line, <, cairo_image_surface_get_height(image));
        guint32 v;
        memcpy(&v, cairo_image_surface_get_data(image) +
                       line * cairo_image_surface_get_stride(image) + col * 4, 4);
        g_assert_cmphex(v & 0xffffff, ==, cd->fill);
    }
    cairo_surface_destroy(image);
    g_free(c);
    sk__plan_free(p);
    g_ptr_array_unref(table);
    g_free(png);
    g_free(csv);
    tmp_dir_remove(dir);
    point_map_free(map);
    sk_ctx_free(ctx);
}

/* A layer of n points spread over box (x, y, width, height; map CRS), a tenth of them at a
** few places, in three classes: a fixed sequence (a linear congruential generator). */
static const double COUNTRY[4] = {20000, 310000, 250000, 300000};

static sk__point_layer *
spread_layer(size_t n, const double box[4])
{
    double (*xy)[2] = g_malloc(n * sizeof *xy);
    int *klass = g_new(int, n);
    guint32 state = 2020;
    for (size_t i = 0; i < n; i++) {
        state = state * 1664525u + 1013904223u;
        double u = (double)(state >> 8) / 16777216.0;
        state = state * 1664525u + 1013904223u;
        double v = (double)(state >> 8) / 16777216.0;
        xy[i][0] = i % 10 == 0 ? PLACES[i % 6][0] : box[0] + u * box[2];
        xy[i][1] = i % 10 == 0 ? PLACES[i % 6][1] : box[1] + v * box[3];
        klass[i] = (int)(i * 3 / n);
    }
    sk__point_layer *pl = make_layer(n, (const double (*)[2])xy, klass, NULL, 0, NULL);
    g_free(klass);
    g_free(xy);
    return pl;
}

/* The symbols of a dense point map are drawn in two bands of the page at once: the pixels
** are those drawn on one thread, on a whole map and on a zoomed one (symbols cut at the
** frame), and the run of symbols is found whole. */
static void
test_symbols_on_two_threads(void)
{
    enum { N = 3000 };
    sk_ctx *ctx = sk_ctx_new();
    char *dir = tmp_dir_new();
    /* The zoomed map's points round Gouda, many beyond its frame. */
    const char *zooms[] = {NULL, "Midden-Holland"};
    const double *boxes[] = {COUNTRY, (const double[4]){92000, 432000, 30000, 30000}};
    for (size_t z = 0; z < G_N_ELEMENTS(zooms); z++) {
        sk_map *map = point_map(ctx, zooms[z], spread_layer(N, boxes[z]));
        sk__plan *p = plan_of(ctx, map);
        guint from, to;
        g_assert_true(sk__symbol_run(p, &from, &to));
        g_assert_cmpuint(to - from, ==, count_items(p, SK__ITEM_CIRCLE, SK__ROLE_POINT));
        g_assert_cmpuint(to - from, >, 256);
        sk__plan_free(p);
        char *png[2];
        for (int threads = 1; threads <= 2; threads++) {
            char *name = g_strdup_printf("z%zu-t%d.png", z, threads);
            png[threads - 1] = g_build_filename(dir, name, NULL);
            g_free(name);
            sk_render_options o;
            sk_render_options_init(&o);
            o.threads = threads;
            o.world_file = 0;
            g_assert_cmpint(sk_map_render(ctx, map, &o, png[threads - 1]), ==, SK_OK);
        }
        assert_same_file(png[0], png[1]);
        g_free(png[0]);
        g_free(png[1]);
        point_map_free(map);
    }
    tmp_dir_remove(dir);
    sk_ctx_free(ctx);
}

/* 11,600 points (the RIVM set times 100), spread over the country and many at one place,
** laid out in well under the time a map has; the same twice. */
static void
test_many(void)
{
    enum { N = 11600 };
    sk_ctx *ctx = sk_ctx_new();
    sk_map *map = point_map(ctx, NULL, spread_layer(N, COUNTRY));
    sk__point_layer *pl = map->points;
    map->points = NULL;
    sk__plan *p = plan_of(ctx, map), *q = plan_of(ctx, map);
    map->points = pl;
    guint before = p->items->len;
    gint64 t0 = g_get_monotonic_time();
    sk__plan_points(p, 0, map);
    double seconds = (double)(g_get_monotonic_time() - t0) / 1e6;
    g_test_message("11600 points laid out in %.3f s", seconds);
    /* About 0.15 s here; a layout quadratic in the points takes tens of seconds.  The bound
    ** is generous so that it holds under the sanitizers and a loaded machine as well
    ** (bench/points.sh measures the real time). */
    g_assert_cmpfloat(seconds, <, 2.0);
    g_assert_cmpuint(p->items->len - before, ==, N);
    sk__plan_points(q, 0, map);
    g_assert_cmpuint(q->items->len, ==, p->items->len);
    for (guint i = before; i < p->items->len; i++) {
        const sk__plan_item *a = &g_array_index(p->items, sk__plan_item, i);
        const sk__plan_item *b = &g_array_index(q->items, sk__plan_item, i);
        g_assert_cmpint(a->id, ==, b->id);
        g_assert_cmpfloat(a->u.circle.x, ==, b->u.circle.x);
        g_assert_cmpfloat(a->u.circle.y, ==, b->u.circle.y);
    }
    sk__plan_free(q);
    sk__plan_free(p);
    point_map_free(map);
    sk_ctx_free(ctx);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    demo_load();
    style_load();
    ids = g_string_chunk_new(4096);
    g_test_add_func("/pointlayout/circles", test_circles);
    g_test_add_func("/pointlayout/zoomed", test_zoomed);
    g_test_add_func("/pointlayout/coincident", test_coincident);
    g_test_add_func("/pointlayout/crowd", test_crowd);
    g_test_add_func("/pointlayout/legend", test_legend);
    g_test_add_func("/pointlayout/size-legend", test_size_legend);
    g_test_add_func("/pointlayout/covered", test_covered);
    g_test_add_func("/pointlayout/csv-and-pixels", test_csv_and_pixels);
    g_test_add_func("/pointlayout/many", test_many);
    g_test_add_func("/pointlayout/symbols-on-two-threads", test_symbols_on_two_threads);
    int status = g_test_run();
    g_string_chunk_free(ids);
    sk_style_free(style);
    demo_free();
    return status;
}
