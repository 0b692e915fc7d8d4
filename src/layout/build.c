/* Layout -> page plan (plan.h): the laid-out boxes become the display list render draws. */
#include <math.h>
#include <string.h>
#include "../colour.h"
#include "../geography_internal.h"
#include "../internal.h"
#include "measure.h"
#include "names.h"
#include "points.h"

static int
compare_colors(const void *a, const void *b)
{
    sk__color x = *(const sk__color *)a, y = *(const sk__color *)b;
    return (x > y) - (x < y);
}

/* The indices i < n with mask[i] set (owned), or with fill[i] == color when mask is NULL. */
static size_t *
ids_of(const guint8 *mask, const sk__color *fill, sk__color color, size_t n, size_t *count)
{
    size_t *ids = g_new(size_t, n > 0 ? n : 1), k = 0;
    for (size_t i = 0; i < n; i++)
        if (mask != NULL ? mask[i] != 0 : fill[i] == color)
            ids[k++] = i;
    *count = k;
    return ids;
}

/* One fill per colour, in a fixed order (output must not depend on hash order), the page's
** own colour (no project, usually) left unfilled. */
static void
plan_fills(sk__plan *p, size_t k, const sk_map *map)
{
    size_t nmun;
    sk__geography_municipalities(map->geo, &nmun);
    sk__color *colors = g_new(sk__color, nmun > 0 ? nmun : 1);
    memcpy(colors, map->fill, nmun * sizeof *colors);
    qsort(colors, nmun, sizeof *colors, compare_colors);
    for (size_t c = 0; c < nmun; c++) {
        if ((c > 0 && colors[c] == colors[c - 1]) || colors[c] == map->style->background)
            continue;
        sk__plan_path path = {.kind = SK__PATH_FILL, .color = colors[c],
                              .speck = map->style->municipality_border_width};
        path.ids = ids_of(NULL, map->fill, colors[c], nmun, &path.count);
        sk__plan_add_path(p, k, &path);
    }
    g_free(colors);
}

/* The municipalities whose fill is darker than the municipal border colour: between two
** of them a grey border would barely read, so a light one is drawn there (owned). */
static size_t *
dark_fills(const sk_map *map, size_t *count)
{
    const sk_style *s = map->style;
    size_t nmun;
    sk__geography_municipalities(map->geo, &nmun);
    double border_l = sk__color_lab(s->municipality_border, SK__VISION_NORMAL).L;
    guint8 *dark = g_new0(guint8, nmun + 1);
    for (size_t m = 0; m < nmun; m++)
        dark[m] = map->fill[m] != s->background &&
                  sk__color_lab(map->fill[m], SK__VISION_NORMAL).L < border_l;
    size_t *ids = ids_of(dark, NULL, 0, nmun, count);
    g_free(dark);
    return ids;
}

/* Map k of the plan: panel k of l showing map.  Line widths follow the panel's size
** (l->line_scale). */
static void
plan_map(sk__plan *p, size_t k, const sk__layout *l, const sk_map *map)
{
    const sk_style *s = map->style;
    const sk__panel *pn = &l->panels[k];
    sk__plan_map *pm = &p->maps[k];
    double f = l->line_scale > 0 ? l->line_scale : 1;
    pm->frame = pn->frame;
    pm->at = (sk__transform){pn->origin_x, pn->origin_y, l->scale, l->extent_minx,
                             l->extent_maxy};
    memcpy(pm->extent, l->extent, sizeof pm->extent);
    pm->clip = map->zoom != NULL;
    pm->neat_color = s->inset_border;
    pm->neat_width = 0.6;
    plan_fills(p, k, map);
    sk__plan_path borders[3] = {
        {.kind = SK__PATH_MUNICIPAL_BORDERS, .color = s->municipality_border,
         .width = s->municipality_border_width * f, .speck = s->municipality_border_width * f},
        {.kind = SK__PATH_FILL_BORDERS, .color = s->fill_border,
         .width = s->fill_border_width * f, .speck = s->fill_border_width * f},
        {.kind = SK__PATH_REGION_BORDERS, .color = s->region_border,
         .width = s->region_border_width * f, .speck = s->region_border_width * f,
         .casing = s->region_casing, .casing_width = s->region_casing_width * f}};
    borders[1].ids = dark_fills(map, &borders[1].count);
    for (size_t i = 0; i < G_N_ELEMENTS(borders); i++)
        sk__plan_add_path(p, k, &borders[i]);
    if (map->outline != NULL) {
        size_t nreg;
        sk__geography_regions(map->geo, &nreg);
        sk__plan_path path = {.kind = SK__PATH_OUTLINE, .color = s->outline_color,
                              .width = s->outline_width * f, .speck = s->outline_width * f};
        path.ids = ids_of(map->outline, NULL, 0, nreg, &path.count);
        sk__plan_add_path(p, k, &path);
    }
    sk__plan_zoom_outline(p, k, map);
    if (map->area != NULL) {
        size_t nmun;
        sk__geography_municipalities(map->geo, &nmun);
        sk__plan_path path = {.kind = SK__PATH_AREA, .color = s->area_color,
                              .width = s->area_width * f, .speck = s->area_width * f,
                              .casing = s->area_casing,
                              .casing_width = s->area_casing_width * f};
        path.ids = ids_of(map->area, NULL, 0, nmun, &path.count);
        sk__plan_add_path(p, k, &path);
    }
    sk__plan_covered(p, k, map, f);
}

/* A text run of the layout, if it has one. */
static void
add_text(sk__plan *p, const sk_style *s, const sk__text *t, sk__color color, sk__role role,
         long id)
{
    if (t->layout == NULL)
        return;
    int w, h;
    pango_layout_get_size(t->layout, &w, &h);
    sk__plan_item it = {.kind = SK__ITEM_TEXT, .role = role, .id = id};
    it.u.text = (sk__plan_text){g_strdup(t->text), t->markup, s->font_family, t->size, t->bold,
                                t->width, 0, color, 0, 0, t->x, t->y,
                                {t->x, t->y, (double)w / PANGO_SCALE, (double)h / PANGO_SCALE},
                                t->keep_terms};
    sk__plan_add(p, &it);
}

static void
add_rect(sk__plan *p, sk__box box, sk__color fill, sk__color stroke, double width,
         sk__role role, long id)
{
    sk__plan_item it = {.kind = SK__ITEM_RECT, .role = role, .id = id};
    it.u.rect = (sk__plan_rect){box, 1, 1, fill, stroke, width};
    sk__plan_add(p, &it);
}

/* Whether a swatch of colour c would vanish into the page: the page's own colour, white
** (no project) or near it. */
static int
swatch_is_light(const sk_style *s, sk__color c)
{
    return c == s->background || c == s->no_data_fill ||
           ((c >> 16 & 0xff) >= 0xf0 && (c >> 8 & 0xff) >= 0xf0 && (c & 0xff) >= 0xf0);
}

/* A swatch's outline: the municipal border's colour, as on the map; a light swatch keeps a
** visible one even in a style whose borders are themselves light. */
static sk__color
swatch_outline(const sk_style *s, sk__color fill)
{
    if (swatch_is_light(s, fill) && swatch_is_light(s, s->municipality_border))
        return s->muted_text_color;
    return s->municipality_border;
}

/* A point map's legend symbol: entry i's circle centred in its box; a size's id is 1000 + its
** index. */
static void
add_legend_circle(sk__plan *p, const sk__legend_item *li, size_t i,
                  const sk__point_layer *points)
{
    const sk__box *b = &li->swatch;
    long id = (long)i;
    if (points != NULL && i > points->class_count)
        id = 1000 + (long)(i - points->class_count - 1);
    sk__plan_item it = {.kind = SK__ITEM_CIRCLE, .role = SK__ROLE_LEGEND_SYMBOL, .id = id};
    it.u.circle = (sk__plan_circle){b->x + b->w / 2, b->y + b->h / 2, li->diameter / 2,
                                    li->color, li->outline, li->line_width, 0};
    sk__plan_add(p, &it);
}

static void
plan_legend(sk__plan *p, const sk_style *s, const sk__layout *l, const sk__point_layer *points)
{
    add_text(p, s, &l->legend_title, s->text_color, SK__ROLE_LEGEND_TITLE, 0);
    for (size_t i = 0; i < l->legend_count; i++) {
        const sk__legend_item *li = &l->legend[i];
        const sk__box *b = &li->swatch;
        if (li->symbol == SK__SYMBOL_CIRCLE) {
            add_legend_circle(p, li, i, points);
        } else if (li->symbol == SK__SYMBOL_NONE) {
            /* a level off the map, the heading of sizes: text only */
        } else if (li->is_line) {
            double y = b->y + b->h / 2;
            sk__plan_item it = {.kind = SK__ITEM_LINE, .role = SK__ROLE_LEGEND, .id = (long)i};
            it.u.line = (sk__plan_line){b->x, y, b->x + b->w, y, li->color, li->line_width};
            sk__plan_add(p, &it);
        } else {
            add_rect(p, *b, li->color, swatch_outline(s, li->color),
                     fmax(0.5, s->municipality_border_width), SK__ROLE_LEGEND, (long)i);
        }
        add_text(p, s, &li->text, s->text_color, SK__ROLE_LEGEND, (long)i);
        add_text(p, s, &li->count, s->muted_text_color, SK__ROLE_LEGEND_COUNT, (long)i);
    }
}

static void
plan_scale_bar(sk__plan *p, const sk_style *s, const sk__layout *l)
{
    const sk__box *b = &l->scale_bar;
    double seg = b->w / l->scale_segments;
    if (l->scale_plate.w > 0)   /* a zoomed map goes on under the bar */
        add_rect(p, l->scale_plate, s->background, s->background, 0, SK__ROLE_SCALE_BAR, 200);
    for (int i = 0; i < l->scale_segments; i++)
        add_rect(p, (sk__box){b->x + i * seg, b->y, seg, b->h},
                 i % 2 == 0 ? s->text_color : s->background, s->text_color, 0.5,
                 SK__ROLE_SCALE_BAR, i);
    for (int i = 0; i < 4; i++)
        add_text(p, s, &l->scale_labels[i], s->text_color, SK__ROLE_SCALE_BAR, 100 + i);
}

/* A text run on a halo, so it reads on any fill and across borders. */
static void
add_halo_text(sk__plan *p, PangoContext *pc, const sk_style *s, const char *text, double size,
              int bold, int centred, double x, double y, double halo_width, sk__role role,
              long id)
{
    sk__plan_item it = {.kind = SK__ITEM_TEXT, .role = role, .id = id};
    it.u.text = (sk__plan_text){g_strdup(text), 0, s->font_family, size, bold, -1, centred,
                                s->label_color, s->label_halo, halo_width, x, y, {x, y, 0, 0},
                                0};
    PangoLayout *t = sk__measure_text(pc, s->font_family, size, bold, text, -1, 0);
    int w, h;
    pango_layout_get_size(t, &w, &h);
    g_object_unref(t);
    it.u.text.box.w = (double)w / PANGO_SCALE;
    it.u.text.box.h = (double)h / PANGO_SCALE;
    sk__plan_add(p, &it);
}

/* The region numbers of an overview: bold, centred on their point. */
static void
plan_region_numbers(sk__plan *p, PangoContext *pc, const sk_map *map, const sk__layout *l)
{
    const sk_style *s = map->style;
    for (guint i = 0; map->labels != NULL && i < map->labels->len; i++) {
        const sk__map_label *lb = &g_array_index(map->labels, sk__map_label, i);
        PangoLayout *t = sk__measure_text(pc, s->font_family, s->label_size, 1, lb->text, -1, 0);
        int w, h;
        pango_layout_get_size(t, &w, &h);
        g_object_unref(t);
        double x = l->origin_x + (lb->x - l->extent_minx) * l->scale;
        double y = l->origin_y + (l->extent_maxy - lb->y) * l->scale;
        add_halo_text(p, pc, s, lb->text, s->label_size, 1, 0,
                      x - (double)w / PANGO_SCALE / 2, y - (double)h / PANGO_SCALE / 2,
                      s->label_size * 0.3, SK__ROLE_REGION_NUMBER, (long)i);
    }
}

static void
plan_inset(sk__plan *p, const sk_map *map, const sk__layout *l)
{
    if (l->inset.w <= 0)
        return;
    const sk_style *s = map->style;
    sk__plan_item it = {.kind = SK__ITEM_INSET, .role = SK__ROLE_INSET};
    it.u.inset = (sk__plan_inset){.box = l->inset, .land = s->inset_land,
                                  .border = s->inset_border, .mark = s->inset_extent};
    sk_geography_extent(map->geo, it.u.inset.whole);
    memcpy(it.u.inset.extent, l->extent, sizeof it.u.inset.extent);
    sk__plan_add(p, &it);
}

/* Everything around and over the maps, in drawing order.  maps[0]: whose region numbers and
** names are shown (on panel 0), and whose style.  A point map's symbols go over the names
** (the points are what the map shows: each reads whole, in its class's colour) and under
** the scale bar, which on a zoomed map sits on a plate over the map. */
static void
plan_furniture(sk__plan *p, const sk__layout *l, sk_map *const *maps, size_t count, int names)
{
    const sk_map *map = maps[0];
    const sk_style *s = map->style;
    add_text(p, s, &l->title, s->text_color, SK__ROLE_TITLE, 0);
    add_text(p, s, &l->caption, s->text_color, SK__ROLE_CAPTION, 0);
    plan_legend(p, s, l, map->points);
    if (map->points == NULL)
        plan_scale_bar(p, s, l);
    add_text(p, s, &l->source, s->muted_text_color, SK__ROLE_SOURCE, 0);
    for (size_t i = 0; i < l->panel_count; i++)
        add_text(p, s, &l->panels[i].title, s->text_color, SK__ROLE_PANEL_TITLE, (long)i);
    PangoContext *pc = sk__measure_context();
    plan_region_numbers(p, pc, map, l);
    if (names)
        sk__plan_names(p, map, l);
    g_object_unref(pc);
    for (size_t k = 0; k < count; k++)
        sk__plan_points(p, k, maps[k]);
    if (map->points != NULL)
        plan_scale_bar(p, s, l);
    plan_inset(p, map, l);
    add_text(p, s, &l->text_panel, s->text_color, SK__ROLE_TEXT_PANEL, 0);
    if (l->note_box.w > 0) {
        add_rect(p, l->note_box, s->note_fill, s->note_border, 0.75, SK__ROLE_NOTE, 0);
        add_text(p, s, &l->note_title, s->text_color, SK__ROLE_NOTE, 1);
        add_text(p, s, &l->note, s->text_color, SK__ROLE_NOTE, 2);
    }
}

static sk__plan *
plan_of(const sk__layout *l, sk_map *const *maps, size_t count, const char *title, int names)
{
    const sk_map *first = maps[0];
    sk__plan *p = sk__plan_new(l->page_w, l->page_h, first->style->background, first->geo,
                               title);
    p->map_count = count;
    p->maps = g_new0(sk__plan_map, count);
    for (size_t k = 0; k < count; k++)
        plan_map(p, k, l, maps[k]);
    plan_furniture(p, l, maps, count, names);
    return p;
}

sk_status
sk__plan_map_page(sk_ctx *ctx, const sk_map *map, sk__plan **out)
{
    *out = NULL;
    sk__layout l;
    if (sk__layout_map(ctx, map, &l) != SK_OK)
        return sk_ctx_status(ctx);
    sk_map *maps[1] = {(sk_map *)map};
    *out = plan_of(&l, maps, 1, map->title, 1);
    sk__layout_clear(&l);
    return SK_OK;
}

sk_status
sk__plan_panels_page(sk_ctx *ctx, const sk__page_spec *spec, sk_map *const *maps,
                     sk__plan **out)
{
    *out = NULL;
    sk__layout l;
    if (sk__layout_page(ctx, spec, &l) != SK_OK)
        return sk_ctx_status(ctx);
    *out = plan_of(&l, maps, l.panel_count, spec->title, 0);
    sk__layout_clear(&l);
    return SK_OK;
}
