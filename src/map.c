/* The map model: a classification dressed with the style's colours, legend texts and titles.
** Every colour is traceable: a class's colour comes from the style's entry for exactly that
** combination, or from the style's fallback palette in canonical class order. */
#include <limits.h>
#include <math.h>
#include <string.h>
#include "classify_internal.h"
#include "geography_internal.h"
#include "internal.h"
#include "text.h"
#include "map_internal.h"
#include "polylabel.h"
#include "vocabulary.h"

void
sk_map_options_init(sk_map_options *o)
{
    *o = (sk_map_options){.show_counts = -1, .page = SK_PAGE_FROM_STYLE};
}

void
sk_map_free(sk_map *map)
{
    if (map == NULL)
        return;
    sk_classification_free(map->classification);
    g_free(map->title);
    g_free(map->caption);
    g_free(map->source);
    g_free(map->legend_title);
    g_free(map->note);
    g_free(map->region_label);
    g_free(map->text);
    g_free(map->outline);
    g_free(map->area);
    g_free(map->area_label);
    g_free(map->zoom);
    g_free(map->poles);
    if (map->legend != NULL) {
        for (guint i = 0; i < map->legend->len; i++) {
            g_free(g_array_index(map->legend, sk__legend_entry, i).text);
            g_free(g_array_index(map->legend, sk__legend_entry, i).label);
        }
        g_array_free(map->legend, TRUE);
    }
    if (map->shown != NULL) {
        for (guint i = 0; i < map->shown->len; i++) {
            g_free(g_array_index(map->shown, sk__legend_entry, i).text);
            g_free(g_array_index(map->shown, sk__legend_entry, i).label);
        }
        g_array_free(map->shown, TRUE);
    }
    g_free(map->fill);
    if (map->labels != NULL) {
        for (guint i = 0; i < map->labels->len; i++)
            g_free(g_array_index(map->labels, sk__map_label, i).text);
        g_array_free(map->labels, TRUE);
    }
    g_free(map);
}

static const char *
legend_label(void *style, sk_principle p, size_t label)
{
    return sk__style_label_text(style, p, label);
}

/* Which of the four classes of a map of changes (diff.h) a label set is: 0..3. */
static size_t
change_index(sk_labelset labels)
{
    size_t i = 0;
    while (i < 3 && !(labels & ((sk_labelset)1 << i)))
        i++;
    return i;
}

/* The legend text of every class, by the kind of map. */
static char **
class_texts(const sk_style *style, const sk_geography *geo, const sk_classification *c,
            const sk_filter *filter, const sk_filter *highlight)
{
    size_t n = sk_classification_class_count(c);
    char **texts = g_new0(char *, n + 1);
    char *subject = NULL, *focus = NULL;
    if (sk_classification_kind(c) == SK_MAP_HIGHLIGHT) {
        subject = sk__filter_describe_with(filter, legend_label, (void *)style);
        focus = sk__filter_describe_with(highlight, legend_label, (void *)style);
    }
    for (size_t k = 0; k < n; k++) {
        sk_labelset labels = sk_classification_class_labels(c, k);
        switch (sk_classification_kind(c)) {
        case SK_MAP_TOTAL:
            texts[k] = g_strdup(style->total_label);
            break;
        case SK_MAP_TABLE:
        case SK_MAP_COMBINATION: {
            if (labels == SK_LABELSET_NONE) {
                texts[k] = g_strdup(style->none_label);
                break;
            }
            GString *t = g_string_new(NULL);
            int show = sk_classification_show(c);
            for (size_t l = 0; labels != 0; l++, labels >>= 1)
                if (labels & 1)
                    g_string_append_printf(t, "%s%s", t->len ? " + " : "",
                                           sk__style_label_text(style, (sk_principle)show, l));
            texts[k] = g_string_free(t, FALSE);
            break;
        }
        case SK_MAP_HIGHLIGHT:
            texts[k] = labels == 1 ? sk__style_format(style->highlight_format,
                                                  subject ? subject : style->all_projects,
                                                  focus ? focus : "")
                                   : sk__style_format(style->highlight_other_format,
                                                  subject ? subject : style->all_projects, NULL);
            break;
        case SK_MAP_REGIONS:
            texts[k] = g_strdup_printf("%zu. %s", k + 1, sk_geography_region_name(geo, k));
            break;
        case SK_MAP_CHANGES:
            texts[k] = g_strdup(style->change_label[change_index(labels)]);
            break;
        case SK_MAP_COUNT: {
            unsigned lo, hi;
            sk_classification_class_range(c, k, &lo, &hi);
            char *a = g_strdup_printf("%u", lo), *b = g_strdup_printf("%u", hi);
            texts[k] = hi == UINT_MAX ? sk__style_format(style->count_open_format, a, NULL)
                       : lo == hi     ? g_strdup(a)
                                      : sk__style_format(style->count_range_format, a, b);
            g_free(a);
            g_free(b);
            break;
        }
        }
    }
    g_free(subject);
    g_free(focus);
    return texts;
}

static int
color_used(const sk__color *colors, size_t n, sk__color c)
{
    for (size_t i = 0; i < n; i++)
        if (colors[i] == c)
            return 1;
    return 0;
}

/* The style's own colour for class k, if it has one. */
static int
own_color(const sk_style *style, const sk_classification *c, size_t k, sk__color *color)
{
    size_t n = sk_classification_class_count(c);
    switch (sk_classification_kind(c)) {
    case SK_MAP_TOTAL:
        *color = style->total_fill;
        return 1;
    case SK_MAP_HIGHLIGHT:
        *color = sk_classification_class_labels(c, k) == 1 ? style->highlight_fill
                                                            : style->highlight_other_fill;
        return 1;
    case SK_MAP_REGIONS: {
        size_t len = style->regions_palette->len, at = sk_classification_class_palette(c, k);
        if (at >= len)
            return 0;
        *color = g_array_index(style->regions_palette, sk__color, at);
        return 1;
    }
    case SK_MAP_COUNT: {
        /* Evenly spread over the sequential ramp, light to dark. */
        size_t len = style->sequential->len;
        if (len == 0 || n > len)
            return 0;
        size_t at = n == 1 ? len - 1 : (k * (len - 1) + (n - 1) / 2) / (n - 1);
        *color = g_array_index(style->sequential, sk__color, at);
        return 1;
    }
    case SK_MAP_CHANGES:
        *color = style->change_fill[change_index(sk_classification_class_labels(c, k))];
        return 1;
    case SK_MAP_TABLE:
    case SK_MAP_COMBINATION:
        if (sk_classification_class_labels(c, k) == SK_LABELSET_NONE) {
            *color = style->none_fill;
            return 1;
        }
        break;
    }
    return sk__style_combination_color(style, (sk_principle)sk_classification_show(c),
                                       sk_classification_class_labels(c, k), color);
}

/* Give every class a colour: its own from the style, else the next unused fallback colour. */
static sk_status
assign_colors(sk_ctx *ctx, const sk_style *style, const sk_classification *c,
              char *const *texts, sk__color *colors)
{
    size_t n = sk_classification_class_count(c);
    guint8 *own = g_new0(guint8, n > 0 ? n : 1);
    for (size_t k = 0; k < n; k++)
        own[k] = (guint8)own_color(style, c, k, &colors[k]);
    sk__color *taken = g_new(sk__color, n + 1);
    size_t ntaken = 0;
    taken[ntaken++] = style->no_data_fill;
    for (size_t k = 0; k < n; k++)
        if (own[k])
            taken[ntaken++] = colors[k];
    size_t next = 0;
    sk_status st = SK_OK;
    for (size_t k = 0; k < n && st == SK_OK; k++) {
        if (own[k])
            continue;
        while (next < style->fallback->len &&
               color_used(taken, ntaken, g_array_index(style->fallback, sk__color, next)))
            next++;
        if (next == style->fallback->len) {
            st = sk__error(ctx, SK_EINPUT, "%s: not enough colours: class '%s' has no colour "
                           "of its own and [palette] fallback is used up (%zu classes); add "
                           "colours to the style", style->path, texts[k], n);
            break;
        }
        colors[k] = g_array_index(style->fallback, sk__color, next++);
        taken[ntaken++] = colors[k];
    }
    /* Two classes with one colour would make a wrong map; the regions of an overview share
    ** colours on purpose (only neighbours differ) and are told apart by their numbers. */
    int distinct = sk_classification_kind(c) != SK_MAP_REGIONS;
    for (size_t a = 0; a < n && st == SK_OK && distinct; a++) {
        for (size_t b = a + 1; b < n && st == SK_OK; b++) {
            if (colors[a] != colors[b] && colors[a] != style->no_data_fill)
                continue;
            size_t other = colors[a] == colors[b] ? b : a;
            st = sk__error(ctx, SK_EINPUT, "%s: classes '%s' and '%s' have the same colour "
                           "#%06x; give them distinct colours", style->path, texts[a],
                           other == a ? "no project" : texts[other], colors[a]);
        }
    }
    g_free(taken);
    g_free(own);
    return st;
}

static char *
make_title(const sk_style *style, const sk_filter *filter, const sk_filter *highlight,
           const sk_classification *c)
{
    char *desc = sk__filter_describe(filter);
    const char *subject = desc != NULL ? desc : style->all_projects;
    char *title = NULL, *focus = NULL;
    switch (sk_classification_kind(c)) {
    case SK_MAP_TABLE:
    case SK_MAP_COMBINATION:
        title = sk__style_format(style->title_combination_format, subject,
                             sk_principle_name((sk_principle)sk_classification_show(c)));
        break;
    case SK_MAP_HIGHLIGHT:
        focus = sk__filter_describe(highlight);
        title = sk__style_format(style->highlight_format, subject, focus ? focus : "");
        break;
    case SK_MAP_COUNT:
        title = sk__style_format(style->title_count_format, subject, NULL);
        break;
    case SK_MAP_TOTAL:
        title = sk__style_format(style->title_total_format, subject, NULL);
        break;
    case SK_MAP_REGIONS:
        title = g_strdup(style->regions_title);
        break;
    case SK_MAP_CHANGES:
        title = sk__style_format(style->title_changes_format, subject, NULL);
        break;
    }
    g_free(focus);
    g_free(desc);
    return title;
}

/* The source line: the project database's file, or the table the map shows (table set). */
static char *
make_source(const sk_style *style, const char *file, int table)
{
    char *base = g_path_get_basename(file != NULL ? file : "");
    char *s = sk__style_format(table ? style->source_table_format : style->source_format, base,
                               NULL);
    g_free(base);
    return s;
}

/* Where the names of a zoomed map's municipalities start (layout places them on every page
** drawn): their poles of inaccessibility, x and y of m at 2m and 2m + 1, worked out once. */
static double *
zoom_poles(const sk_geography *geo, const guint8 *zoom)
{
    size_t nmun;
    const sk__area *areas = sk__geography_municipalities(geo, &nmun);
    double *poles = g_new0(double, 2 * nmun + 2);
    for (size_t m = 0; m < nmun; m++)
        if (zoom[m])
            sk__polylabel(geo, areas[m].first_ring, areas[m].ring_count,
                          fmax(areas[m].bbox[2] - areas[m].bbox[0],
                               areas[m].bbox[3] - areas[m].bbox[1]) / 200,
                          &poles[2 * m], &poles[2 * m + 1]);
    return poles;
}

sk_status
sk_map_new(sk_ctx *ctx, const sk_geography *geo, const sk_projects *projects,
           const sk_style *style, const sk_filter *filter, sk_classification *classification,
           const sk_map_options *options, sk_map **out)
{
    *out = NULL;
    sk_map_options defaults;
    if (options == NULL) {
        sk_map_options_init(&defaults);
        options = &defaults;
    }
    sk_map *map = g_new0(sk_map, 1);
    map->geo = geo;
    map->projects = projects;
    map->style = style;
    map->classification = classification;
    map->page = options->page == SK_PAGE_FROM_STYLE ? style->page : options->page;
    int show = sk_classification_show(classification);
    sk_map_kind kind = sk_classification_kind(classification);
    map->title = options->title != NULL
                     ? g_strdup(options->title)
                     : make_title(style, filter, options->highlight, classification);
    map->caption = g_strdup(options->caption);
    if (options->source != NULL) {
        map->source = g_strdup(options->source);
    } else if (options->before != NULL && projects != NULL) {
        char *a = g_path_get_basename(sk_projects_source(options->before));
        char *b = g_path_get_basename(sk_projects_source(projects));
        map->source = sk__style_format(style->source_changes_format, a, b);
        g_free(a);
        g_free(b);
    } else if (options->source_file != NULL)
        map->source = make_source(style, options->source_file, 1);
    else
        map->source = make_source(style, projects != NULL ? sk_projects_source(projects) : NULL, 0);
    map->note = g_strdup(options->note);
    map->region_label = g_strdup(options->region_label);
    sk_geography_extent(geo, map->extent);
    if (options->zoom != NULL) {
        size_t nmun;
        const sk__area *areas = sk__geography_municipalities(geo, &nmun);
        map->zoom = g_new0(guint8, nmun + 1);
        double e[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (size_t m = 0; m < nmun; m++) {
            if (!options->zoom[m])
                continue;
            map->zoom[m] = 1;
            e[0] = fmin(e[0], areas[m].bbox[0]);
            e[1] = fmin(e[1], areas[m].bbox[1]);
            e[2] = fmax(e[2], areas[m].bbox[2]);
            e[3] = fmax(e[3], areas[m].bbox[3]);
        }
        if (!(e[2] > e[0] && e[3] > e[1])) {
            sk_map_free(map);
            return sk__error(ctx, SK_EUSAGE, "zoom: no municipality selected");
        }
        map->poles = zoom_poles(geo, map->zoom);
        /* A margin of a twentieth on every side: the neighbours show, as context. */
        double mx = (e[2] - e[0]) / 20, my = (e[3] - e[1]) / 20;
        double margin = fmax(mx, my);
        map->extent[0] = e[0] - margin;
        map->extent[1] = e[1] - margin;
        map->extent[2] = e[2] + margin;
        map->extent[3] = e[3] + margin;
    }
    if (options->area != NULL) {
        size_t nmun = sk_geography_municipality_count(geo);
        map->area = g_new0(guint8, nmun + 1);
        for (size_t m = 0; m < nmun; m++)
            map->area[m] = options->area[m] != 0;
        map->area_label = g_strdup(options->area_label != NULL ? options->area_label : "");
    }
    map->text = g_strdup(options->text);
    if (options->outline_regions) {
        size_t nreg = sk_geography_region_count(geo);
        map->outline = g_new0(guint8, nreg + 1);
        for (size_t r = 0; r < nreg; r++)
            map->outline[r] = (guint8)sk_classification_region_named(classification, r);
    }
    map->legend_title = kind == SK_MAP_COMBINATION ? g_strdup(style->legend_title[show])
                        : kind == SK_MAP_COUNT     ? g_strdup(style->count_legend_title)
                        : kind == SK_MAP_REGIONS   ? g_strdup(style->regions_legend_title)
                        : kind == SK_MAP_CHANGES   ? g_strdup(style->changes_legend_title)
                                                   : NULL;
    /* The overview numbers each region where a label has the most room. */
    if (kind == SK_MAP_REGIONS) {
        size_t nreg;
        const sk__area *reg = sk__geography_regions(geo, &nreg);
        double ext[4];
        sk_geography_extent(geo, ext);
        /* A few hundred metres: well under a pixel of any page. */
        double precision = (ext[2] - ext[0]) / 600;
        map->labels = g_array_new(FALSE, TRUE, sizeof(sk__map_label));
        for (size_t r = 0; r < nreg; r++) {
            sk__map_label lb;
            sk__polylabel(geo, reg[r].first_ring, reg[r].ring_count, precision, &lb.x, &lb.y);
            lb.text = g_strdup_printf("%zu", r + 1);
            g_array_append_val(map->labels, lb);
        }
    }

    size_t n = sk_classification_class_count(classification);
    sk__color *colors = g_new0(sk__color, n > 0 ? n : 1);
    char **texts = class_texts(style, geo, classification, filter, options->highlight);
    sk_status st = assign_colors(ctx, style, classification, texts, colors);
    if (st != SK_OK) {
        g_strfreev(texts);
        g_free(colors);
        sk_map_free(map);
        return st;
    }
    /* A map of changes is read for its numbers: counts on unless asked otherwise. */
    int counts = options->show_counts >= 0 ? options->show_counts
                 : kind == SK_MAP_CHANGES   ? 1
                                            : style->show_counts;
    map->legend = g_array_new(FALSE, TRUE, sizeof(sk__legend_entry));
    for (size_t k = 0; k < n; k++) {
        sk__legend_entry e;
        e.label = texts[k];
        texts[k] = NULL;
        e.text = counts ? g_strdup_printf("%s (n=%zu)", e.label,
                                          sk_classification_class_size(classification, k))
                        : g_strdup(e.label);
        e.color = colors[k];
        e.labels = sk_classification_class_labels(classification, k);
        g_array_append_val(map->legend, e);
    }
    size_t nmun = sk_geography_municipality_count(geo);
    /* A zoomed map's legend lists the classes in view, every colour on it and no other. */
    if (map->zoom != NULL) {
        size_t count;
        const sk__area *areas = sk__geography_municipalities(geo, &count);
        guint8 *in_view = g_new0(guint8, n + 1);
        for (size_t m = 0; m < count; m++) {
            int k = sk_classification_class_of(classification, m);
            const double *b = areas[m].bbox, *e = map->extent;
            if (k >= 0 && b[0] < e[2] && b[2] > e[0] && b[1] < e[3] && b[3] > e[1])
                in_view[k] = 1;
        }
        map->shown = g_array_new(FALSE, TRUE, sizeof(sk__legend_entry));
        for (size_t k = 0; k < n; k++) {
            if (!in_view[k])
                continue;
            sk__legend_entry e = g_array_index(map->legend, sk__legend_entry, k);
            e.label = g_strdup(e.label);
            e.text = g_strdup(e.text);
            g_array_append_val(map->shown, e);
        }
        g_free(in_view);
    }
    map->fill = g_new(sk__color, nmun);
    for (size_t i = 0; i < nmun; i++) {
        int k = sk_classification_class_of(classification, i);
        map->fill[i] = k < 0 ? style->no_data_fill : colors[k];
    }
    g_free(colors);
    g_free(texts);
    *out = map;
    return SK_OK;
}

const char *sk_map_title(const sk_map *map) { return map->title; }
size_t sk_map_legend_count(const sk_map *map) { return map->legend->len; }
const sk_classification *sk_map_classification(const sk_map *map)
{ return map->classification; }

const char *
sk_map_legend_text(const sk_map *map, size_t k)
{
    return k < map->legend->len ? g_array_index(map->legend, sk__legend_entry, k).text : NULL;
}

uint32_t
sk_map_legend_color(const sk_map *map, size_t k)
{
    return k < map->legend->len ? g_array_index(map->legend, sk__legend_entry, k).color : 0;
}

uint32_t
sk_map_municipality_color(const sk_map *map, size_t i)
{
    return map->fill[i];
}

sk_status
sk_map_write_classes_csv(sk_ctx *ctx, const sk_map *map, const char *path)
{
    GString *s = g_string_new("gm_code,gm_naam,class,color,projects\n");
    size_t n = sk_geography_municipality_count(map->geo);
    for (size_t i = 0; i < n; i++) {
        int k = sk_classification_class_of(map->classification, i);
        char color[8], projects[16];
        g_snprintf(color, sizeof color, "#%06x", map->fill[i]);
        g_snprintf(projects, sizeof projects, "%u",
                   sk_classification_projects_of(map->classification, i));
        const char *cells[] = {sk_geography_municipality_code(map->geo, i),
                               sk_geography_municipality_name(map->geo, i),
                               k < 0 ? "" : g_array_index(map->legend, sk__legend_entry, k).label,
                               color, projects};
        sk__csv_row(s, cells, G_N_ELEMENTS(cells));
    }
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}

size_t
sk_map_label_count(const sk_map *map)
{
    return map->labels != NULL ? map->labels->len : 0;
}

const char *
sk_map_label(const sk_map *map, size_t i, double *x, double *y)
{
    if (i >= sk_map_label_count(map))
        return NULL;
    const sk__map_label *lb = &g_array_index(map->labels, sk__map_label, i);
    *x = lb->x;
    *y = lb->y;
    return lb->text;
}
