/* The map model: a classification dressed with the style's colours, legend texts and titles.
** Every colour is traceable: a class's colour comes from the style's entry for exactly that
** combination, or from the style's fallback palette in canonical class order.  What differs
** between kinds of map (texts, colours, titles) is in the table of map kinds (mapkinds.c). */
#include <math.h>
#include "classify_internal.h"
#include "geography_internal.h"
#include "internal.h"
#include "redact.h"
#include "text.h"
#include "map_internal.h"
#include "mapkinds.h"
#include "polylabel.h"
#include "registry.h"

void
sk_map_options_init(sk_map_options *o)
{
    *o = (sk_map_options){.show_counts = -1, .page = SK_PAGE_FROM_STYLE};
}

void
sk__legend_free(GArray *legend)
{
    if (legend == NULL)
        return;
    for (guint i = 0; i < legend->len; i++) {
        sk__legend_entry *e = &g_array_index(legend, sk__legend_entry, i);
        g_free(e->text);
        g_free(e->label);
        g_free(e->count);
    }
    g_array_free(legend, TRUE);
}

void
sk_map_free(sk_map *map)
{
    if (map == NULL)
        return;
    sk__point_layer_free(map->points);
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
    g_free(map->zoom_legend);
    g_free(map->zoom);
    g_free(map->poles);
    g_free(map->islands);
    g_free(map->entry_of);
    sk__legend_free(map->legend);
    sk__legend_free(map->shown);
    g_free(map->fill);
    if (map->labels != NULL) {
        for (guint i = 0; i < map->labels->len; i++)
            g_free(g_array_index(map->labels, sk__map_label, i).text);
        g_array_free(map->labels, TRUE);
    }
    g_free(map);
}

static char *
make_title(const sk__kind_texts *t)
{
    char *desc = sk__filter_describe(t->filter);
    char *title = sk__map_kind(sk_classification_kind(t->classification))
                      ->title(t, desc != NULL ? desc : t->style->all_projects);
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

/* The source line: the spec's, the two databases of a map of changes (by what they are
** called, else their files), the table the map shows, or the project database. */
static char *
source_text(const sk_style *style, const sk_projects *projects, const sk_map_options *o)
{
    if (o->source != NULL)
        return g_strdup(o->source);
    if (o->before != NULL && o->before_label != NULL && o->after_label != NULL)
        return sk__style_format(style->source_changes_format, o->before_label, o->after_label);
    if (o->before != NULL && projects != NULL) {
        char *a = g_path_get_basename(sk_projects_source(o->before));
        char *b = g_path_get_basename(sk_projects_source(projects));
        char *s = sk__style_format(style->source_changes_format, a, b);
        g_free(a);
        g_free(b);
        return s;
    }
    if (o->source_file != NULL)
        return make_source(style, o->source_file, 1);
    return make_source(style, projects != NULL ? sk_projects_source(projects) : NULL, 0);
}

/* The source line as printed: a database's name may carry its password. */
static char *
map_source(const sk_style *style, const sk_projects *projects, const sk_map_options *o)
{
    char *text = source_text(style, projects, o);
    char *shown = sk__redact(text);
    g_free(text);
    return shown;
}

/* The frame of the municipalities of zoom, with a margin; 0 when it selects none. */
static int
zoom_frame(const sk_geography *geo, const unsigned char *zoom, double *extent)
{
    size_t nmun;
    const sk__area *areas = sk__geography_municipalities(geo, &nmun);
    double e[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (size_t m = 0; m < nmun; m++) {
        if (!zoom[m])
            continue;
        e[0] = fmin(e[0], areas[m].bbox[0]);
        e[1] = fmin(e[1], areas[m].bbox[1]);
        e[2] = fmax(e[2], areas[m].bbox[2]);
        e[3] = fmax(e[3], areas[m].bbox[3]);
    }
    if (!(e[2] > e[0] && e[3] > e[1]))
        return 0;
    /* A margin of a twentieth on every side: the neighbours show, as context. */
    double mx = (e[2] - e[0]) / 20, my = (e[3] - e[1]) / 20;
    double margin = fmax(mx, my);
    extent[0] = e[0] - margin;
    extent[1] = e[1] - margin;
    extent[2] = e[2] + margin;
    extent[3] = e[3] + margin;
    return 1;
}

/* Frame the municipalities of zoom; SK_EUSAGE when it selects none. */
static sk_status
map_zoom(sk_ctx *ctx, sk_map *map, const unsigned char *zoom)
{
    size_t nmun = sk_geography_municipality_count(map->geo);
    map->zoom = g_new0(guint8, nmun + 1);
    for (size_t m = 0; m < nmun; m++)
        map->zoom[m] = zoom[m] != 0;
    if (!zoom_frame(map->geo, zoom, map->extent))
        return sk__error(ctx, SK_EUSAGE, "zoom: no municipality selected");
    return SK_OK;
}

/* Mark in in_view[k] the classes of c with a municipality in the extent (all when NULL). */
static void
classes_in_extent(const sk_geography *geo, const sk_classification *c, const double *extent,
                  guint8 *in_view)
{
    size_t count;
    const sk__area *areas = sk__geography_municipalities(geo, &count);
    for (size_t m = 0; m < count; m++) {
        int k = sk_classification_class_of(c, m);
        const double *b = areas[m].bbox, *e = extent;
        if (k >= 0 && (e == NULL || (b[0] < e[2] && b[2] > e[0] && b[1] < e[3] && b[3] > e[1])))
            in_view[k] = 1;
    }
}

void
sk__map_classes_in_view(const sk_geography *geo, const unsigned char *zoom,
                        const sk_classification *c, guint8 *in_view)
{
    double extent[4];
    int framed = zoom != NULL && zoom_frame(geo, zoom, extent);
    classes_in_extent(geo, c, framed ? extent : NULL, in_view);
}

/* What is drawn over the fills: an outlined area and the regions taking part. */
static void
map_overlays(sk_map *map, const sk_map_options *o)
{
    if (o->area != NULL) {
        size_t nmun = sk_geography_municipality_count(map->geo);
        map->area = g_new0(guint8, nmun + 1);
        for (size_t m = 0; m < nmun; m++)
            map->area[m] = o->area[m] != 0;
        map->area_label = g_strdup(o->area_label != NULL ? o->area_label : "");
    }
    /* A zoom on the outlined area itself (a kernwerkgebied) has its outline already: no band,
    ** no second legend entry. */
    int same = map->zoom != NULL && map->area != NULL;
    for (size_t m = 0; same && m < sk_geography_municipality_count(map->geo); m++)
        same = map->zoom[m] == map->area[m];
    map->zoom_band = map->zoom != NULL && !same;
    if (map->zoom_band)
        map->zoom_legend = g_strdup(o->zoom_legend);
    if (o->outline_regions) {
        size_t nreg = sk_geography_region_count(map->geo);
        map->outline = g_new0(guint8, nreg + 1);
        for (size_t r = 0; r < nreg; r++)
            map->outline[r] = (guint8)sk_classification_region_named(map->classification, r);
    }
}

/* The overview numbers each region where a label has the most room. */
static void
number_regions(sk_map *map)
{
    size_t nreg;
    const sk__area *reg = sk__geography_regions(map->geo, &nreg);
    double ext[4];
    sk_geography_extent(map->geo, ext);
    /* A few hundred metres: well under a pixel of any page. */
    double precision = (ext[2] - ext[0]) / 600;
    map->labels = g_array_new(FALSE, TRUE, sizeof(sk__map_label));
    for (size_t r = 0; r < nreg; r++) {
        sk__map_label lb;
        sk__polylabel(map->geo, reg[r].first_ring, reg[r].ring_count, precision, &lb.x, &lb.y);
        lb.text = g_strdup_printf("%zu", r + 1);
        g_array_append_val(map->labels, lb);
    }
}

/* The "Let op!" box: the spec's note, and on a map of combinations of labels (an ordering
** principle's or insurers') the report's caveat that a combination describes the
** municipality, not a project. */
static char *
map_note(const sk_map *map, const sk_map_options *o)
{
    const sk_classification *c = map->classification;
    int show = sk_classification_show(c);
    int combinations = sk_classification_kind(c) == SK_MAP_COMBINATION && show >= 0;
    if (!combinations)
        return g_strdup(o->note);
    return o->note != NULL ? g_strconcat(o->note, "\n", map->style->combination_note, NULL)
                           : g_strdup(map->style->combination_note);
}

/* The texts and titles of a map: everything the options give, else made from the kind. */
static void
map_texts(sk_map *map, const sk_filter *filter, const sk_map_options *o)
{
    const sk_style *style = map->style;
    const sk__map_kind_def *def = sk__map_kind(sk_classification_kind(map->classification));
    sk__kind_texts t = {style, map->geo, map->classification, filter, o->highlight,
                        o->before_label, o->after_label};
    map->page = o->page == SK_PAGE_FROM_STYLE ? style->page : o->page;
    map->title = o->title != NULL ? g_strdup(o->title) : make_title(&t);
    if (o->zoom != NULL && o->zoom_label != NULL && o->zoom_label[0] != '\0') {
        /* A zoomed map's title says where it looks. */
        char *title = sk__style_format(style->names.title_format, map->title, o->zoom_label);
        g_free(map->title);
        map->title = title;
    }
    map->caption = g_strdup(o->caption);
    map->source = map_source(style, map->projects, o);
    map->note = map_note(map, o);
    map->region_label = g_strdup(o->region_label);
    map->text = g_strdup(o->text);
    const char *legend = def->legend_title != NULL
                             ? def->legend_title(style, sk_classification_show(map->classification))
                             : NULL;
    map->legend_title = g_strdup(legend);
}

/* A class's size with its unit ("184 gemeenten"). */
static char *
count_text(const sk_style *style, size_t n)
{
    char number[24];
    g_snprintf(number, sizeof number, "%zu", n);
    return sk__style_format(n == 1 ? style->count_singular_format : style->count_plural_format,
                            number, NULL);
}

static const char *
legend_label(void *style, sk_principle p, size_t label)
{
    return sk__style_label_text(style, p, label);
}

/* What white means on the map ("geen project", on a map of some projects "geen project
** (jeugd)"), or NULL when the kind leaves no municipality white.  g_free it. */
static char *
white_text(const sk_map *map, const sk_filter *filter, const sk_map_options *o)
{
    const sk_style *style = map->style;
    switch (sk_classification_kind(map->classification)) {
    case SK_MAP_COUNT:
    case SK_MAP_REGIONS:
    case SK_MAP_POINTS:
    case SK_MAP_POINT_COUNT:
        return NULL;
    case SK_MAP_TABLE:
        return g_strdup(o->white_label != NULL ? o->white_label : style->not_in_table_label);
    case SK_MAP_CHANGES:
        return g_strdup(style->no_project_changes_label);
    default:
        break;
    }
    if (o->white_label != NULL)
        return g_strdup(o->white_label);
    char *which = sk__filter_describe_with(filter, legend_label, (void *)style);
    char *text = which != NULL ? sk__style_format(style->no_matching_format, which, NULL)
                               : g_strdup(style->no_project_label);
    g_free(which);
    return text;
}

static gint
compare_in_style_order(gconstpointer a, gconstpointer b, gpointer data)
{
    const sk_map *map = data;
    const sk__legend_entry *x = a, *y = b;
    int show = sk_classification_show(map->classification);
    /* Groups and "geen contract" after the combinations of labels. */
    int gx = x->labels >= ((sk_labelset)1 << 24), gy = y->labels >= ((sk_labelset)1 << 24);
    if (gx != gy || (gx && gy))
        return gx != gy ? gx - gy : (x->labels > y->labels) - (x->labels < y->labels);
    return sk__style_labelset_compare(map->style, (sk_principle)show, x->labels, y->labels);
}

/* Maps of labels list their classes in the style's legend order; entry_of[k] is where class
** k's entry went. */
static void
legend_in_style_order(sk_map *map)
{
    sk_map_kind kind = sk_classification_kind(map->classification);
    size_t n = map->legend->len;
    map->entry_of = g_new(guint, n + 1);
    for (size_t k = 0; k < n; k++)
        g_array_index(map->legend, sk__legend_entry, k).order = (guint)k;
    if (kind == SK_MAP_COMBINATION || kind == SK_MAP_TABLE)
        g_array_sort_with_data(map->legend, compare_in_style_order, map);
    for (size_t e = 0; e < n; e++)
        map->entry_of[g_array_index(map->legend, sk__legend_entry, e).order] = (guint)e;
}

/* One legend entry per class, with its size when counts are on (takes texts[k] over), then
** white when some municipality is white. */
static void
map_legend(sk_map *map, char **texts, const sk__color *colors, int counts,
           const sk_filter *filter, const sk_map_options *o)
{
    const sk_classification *c = map->classification;
    map->legend = g_array_new(FALSE, TRUE, sizeof(sk__legend_entry));
    for (size_t k = 0; k < sk_classification_class_count(c); k++) {
        sk__legend_entry e = {0};
        e.label = texts[k];
        texts[k] = NULL;
        e.text = g_strdup(e.label);
        e.count = counts ? count_text(map->style, sk_classification_class_size(c, k)) : NULL;
        e.color = colors[k];
        e.labels = sk_classification_class_labels(c, k);
        g_array_append_val(map->legend, e);
    }
    legend_in_style_order(map);
    size_t white = 0, nmun = sk_geography_municipality_count(map->geo);
    for (size_t m = 0; m < nmun; m++)
        white += sk_classification_class_of(c, m) < 0;
    char *text = white > 0 ? white_text(map, filter, o) : NULL;
    if (text != NULL) {
        sk__legend_entry e = {.label = text, .text = g_strdup(text),
                              .count = counts ? count_text(map->style, white) : NULL,
                              .color = map->style->no_data_fill, .white = 1};
        g_array_append_val(map->legend, e);
    }
}

/* A zoomed map's legend lists the classes in view, every colour on it and no other. */
static void
map_shown(sk_map *map)
{
    size_t count, n = map->legend->len;
    const sk__area *areas = sk__geography_municipalities(map->geo, &count);
    guint8 *in_view = g_new0(guint8, n + 1);
    size_t classes = sk_classification_class_count(map->classification);
    for (size_t m = 0; m < count; m++) {
        int k = sk_classification_class_of(map->classification, m);
        const double *b = areas[m].bbox, *e = map->extent;
        /* White is the entry after the classes, when the legend has one. */
        size_t entry = k >= 0 ? map->entry_of[k] : classes;
        if (entry < n && b[0] < e[2] && b[2] > e[0] && b[1] < e[3] && b[3] > e[1])
            in_view[entry] = 1;
    }
    map->shown = g_array_new(FALSE, TRUE, sizeof(sk__legend_entry));
    for (size_t k = 0; k < n; k++) {
        if (!in_view[k])
            continue;
        sk__legend_entry e = g_array_index(map->legend, sk__legend_entry, k);
        e.label = g_strdup(e.label);
        e.text = g_strdup(e.text);
        e.count = g_strdup(e.count);
        g_array_append_val(map->shown, e);
    }
    g_free(in_view);
}

/* A total map of one insurer's projects is that insurer's class: its colour and its name
** (the kernwerkgebieden and the insurer's other maps in one colour). */
static void
insurer_total(const sk_style *style, const sk_classification *c, const sk_filter *filter,
              char **texts, sk__color *colors)
{
    int insurer = sk__filter_one_label(filter, SK_INSURER);
    sk__color own;
    if (sk_classification_kind(c) != SK_MAP_TOTAL || insurer < 0 ||
        sk_classification_class_count(c) == 0 ||
        !sk__style_combination_color(style, SK_INSURER, (sk_labelset)1 << insurer, &own))
        return;
    colors[0] = own;
    g_free(texts[0]);
    texts[0] = sk__style_format(style->total_insurer_format,
                                sk__style_label_text(style, SK_INSURER, (size_t)insurer), NULL);
}

/* Colour the classes (the registry), check them, make the legend and fill every
** municipality. */
static sk_status
map_colors(sk_ctx *ctx, sk_map *map, const sk_filter *filter, const sk_map_options *o)
{
    const sk_style *style = map->style;
    const sk_classification *c = map->classification;
    const sk__map_kind_def *def = sk__map_kind(sk_classification_kind(c));
    size_t n = sk_classification_class_count(c);
    sk__color *colors = g_new0(sk__color, n > 0 ? n : 1);
    char **texts = g_new0(char *, n + 1);
    sk__kind_texts t = {style, map->geo, c, filter, o->highlight, o->before_label,
                        o->after_label};
    def->class_texts(&t, texts);
    sk_status st = sk__registry_colors(ctx, style, c, colors, NULL);
    insurer_total(style, c, filter, texts, colors);
    /* A zoomed map is read for the classes in view. */
    guint8 *shown = g_new0(guint8, n + 1);
    classes_in_extent(map->geo, c, map->zoom != NULL ? map->extent : NULL, shown);
    if (st == SK_OK)
        st = sk__registry_check(ctx, style, c, texts, colors, shown, o->allow_similar_colours);
    g_free(shown);
    if (st == SK_OK) {
        int counts = o->show_counts >= 0 ? o->show_counts
                     : def->show_counts >= 0 ? def->show_counts
                                             : style->show_counts;
        map_legend(map, texts, colors, counts, filter, o);
        if (map->zoom != NULL)
            map_shown(map);
        size_t nmun = sk_geography_municipality_count(map->geo);
        map->fill = g_new(sk__color, nmun);
        for (size_t i = 0; i < nmun; i++) {
            int k = sk_classification_class_of(c, i);
            map->fill[i] = k < 0 ? style->no_data_fill : colors[k];
        }
    }
    g_strfreev(texts);
    g_free(colors);
    return st;
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
    map->allow_similar = options->allow_similar_colours;
    map_texts(map, filter, options);
    sk_geography_extent(geo, map->extent);
    sk_status st = options->zoom != NULL ? map_zoom(ctx, map, options->zoom) : SK_OK;
    if (st == SK_OK) {
        if (map->zoom != NULL) {   /* where names start, and which go in the water */
            map->poles = zoom_poles(geo, map->zoom);
            map->islands = sk__geography_islands(geo);
        }
        map_overlays(map, options);
        if (sk__map_kind(sk_classification_kind(classification))->numbered)
            number_regions(map);
        st = map_colors(ctx, map, filter, options);
    }
    if (st != SK_OK) {
        sk_map_free(map);
        return st;
    }
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

void
sk__map_classes_rows(GString *s, const sk_map *map, const char *panel)
{
    size_t n = sk_geography_municipality_count(map->geo);
    for (size_t i = 0; i < n; i++) {
        int k = sk_classification_class_of(map->classification, i);
        char color[8], projects[16];
        g_snprintf(color, sizeof color, "#%06x", map->fill[i]);
        g_snprintf(projects, sizeof projects, "%u",
                   sk_classification_projects_of(map->classification, i));
        const char *cells[] = {sk_geography_municipality_code(map->geo, i),
                               sk_geography_municipality_name(map->geo, i),
                               k < 0 ? ""
                                     : g_array_index(map->legend, sk__legend_entry,
                                                     map->entry_of[k]).label,
                               color, projects, panel};
        sk__csv_row(s, cells, G_N_ELEMENTS(cells) - (panel == NULL));
    }
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
