/* The table of map kinds (mapkinds.h): per kind its classify function, the spec fields it
** takes, and the texts and colours of its classes. */
#include <limits.h>
#include "samenkaart/diff.h"
#include "classify_internal.h"
#include "figures.h"
#include "mapkinds.h"
#include "pointclass.h"

/* ---- classify: a spec and data to a classification ------------------------------------ */

static sk_status
classify_total(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out)
{
    return sk_classify(ctx, in->data->projects, in->filter, -1, out);
}

static sk_status
classify_combination(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out)
{
    return sk_classify(ctx, in->data->projects, in->filter, (int)in->spec->show, out);
}

static sk_status
classify_highlight(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out)
{
    return sk_classify_highlight(ctx, in->data->projects, in->filter, in->highlight, out);
}

/* How a count map (of projects or points) is classed: the spec's breaks and classes. */
static sk_status
count_classes(sk_ctx *ctx, const sk_map_spec *spec, sk__count_classes *cc)
{
    cc->method = SK_BREAKS_NATURAL;
    cc->nbreaks = 0;
    cc->classes = spec->classes > 0 ? spec->classes : 5;
    if (spec->breaks != NULL && sk_breaks_parse(ctx, spec->breaks, &cc->method, cc->breaks,
                                                G_N_ELEMENTS(cc->breaks), &cc->nbreaks) != SK_OK)
        return sk_ctx_status(ctx);
    return SK_OK;
}

static sk_status
classify_count(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out)
{
    sk__count_classes cc;
    if (count_classes(ctx, in->spec, &cc) != SK_OK)
        return sk_ctx_status(ctx);
    return sk_classify_count(ctx, in->data->projects, in->filter, cc.method, cc.classes,
                             cc.breaks, cc.nbreaks, out);
}

static sk_status
classify_regions(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out)
{
    return sk_classify_regions(ctx, in->data->geo, out);
}

static sk_status
classify_changes(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out)
{
    sk_diff *diff = NULL;
    sk_status st = sk_diff_compute(ctx, in->data->before, in->data->projects, in->filter, &diff);
    if (st == SK_OK)
        st = sk_diff_classify(ctx, diff, out);
    sk_diff_free(diff);
    return st;
}

static sk_status
classify_table(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out)
{
    const sk_map_spec *s = in->spec;
    const char *key = s->table_key != NULL ? s->table_key
                      : s->table_by_region  ? "zk_code"
                                            : "gm_code";
    return sk_classify_table(ctx, in->data->geo, s->table, s->table_layer, key,
                             s->table_column != NULL ? s->table_column : "verzekeraars",
                             s->table_principle, s->table_by_region, out);
}

static sk_status
classify_points(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out)
{
    return sk__classify_points(ctx, in->spec, in->data, out);
}

static sk_status
classify_point_count(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out)
{
    sk__count_classes cc;
    if (count_classes(ctx, in->spec, &cc) != SK_OK)
        return sk_ctx_status(ctx);
    return sk__classify_point_count(ctx, in->spec, in->data, &cc, out);
}

/* ---- legend texts of the classes ------------------------------------------------------- */

static size_t
classes_of(const sk__kind_texts *t)
{
    return sk_classification_class_count(t->classification);
}

static void
texts_total(const sk__kind_texts *t, char **texts)
{
    for (size_t k = 0; k < classes_of(t); k++)
        texts[k] = g_strdup(t->style->total_label);
}

static void
texts_combination(const sk__kind_texts *t, char **texts)
{
    int show = sk_classification_show(t->classification);
    for (size_t k = 0; k < classes_of(t); k++) {
        sk_labelset labels = sk_classification_class_labels(t->classification, k);
        if (labels == SK_LABELSET_NONE) {
            texts[k] = g_strdup(t->style->none_label);
            continue;
        }
        if (SK__LABELSET_IS_GROUP(labels)) {
            char *n = g_strdup_printf("%u", SK__LABELSET_GROUP_SIZE(labels));
            texts[k] = sk__style_format(t->style->group_format[show], n, NULL);
            g_free(n);
            continue;
        }
        /* The labels in the style's legend order ("bovenregionaal + gemeente"). */
        GString *s = g_string_new(NULL);
        size_t count = sk_principle_label_count((sk_principle)show);
        for (size_t rank = 0; rank < count; rank++)
            for (size_t l = 0; l < count; l++)
                if (t->style->label_rank[show][l] == rank && ((labels >> l) & 1))
                    g_string_append_printf(s, "%s%s", s->len ? " + " : "",
                                           sk__style_label_text(t->style, (sk_principle)show,
                                                                l));
        texts[k] = g_string_free(s, FALSE);
    }
}

static const char *
legend_label(void *style, sk_principle p, size_t label)
{
    return sk__style_label_text(style, p, label);
}

/* "X: Y" and "X: overig", with the style's legend texts of the labels. */
static void
texts_highlight(const sk__kind_texts *t, char **texts)
{
    const sk_style *style = t->style;
    char *subject = sk__filter_describe_with(t->filter, legend_label, (void *)style);
    char *focus = sk__filter_describe_with(t->highlight, legend_label, (void *)style);
    const char *x = subject ? subject : style->all_projects;
    for (size_t k = 0; k < classes_of(t); k++)
        texts[k] = sk_classification_class_labels(t->classification, k) == 1
                       ? sk__style_format(style->highlight_format, x, focus ? focus : "")
                       : sk__style_format(style->highlight_other_format, x, NULL);
    g_free(subject);
    g_free(focus);
}

static void
texts_count(const sk__kind_texts *t, char **texts)
{
    for (size_t k = 0; k < classes_of(t); k++) {
        unsigned lo, hi;
        sk_classification_class_range(t->classification, k, &lo, &hi);
        char *a = g_strdup_printf("%u", lo), *b = g_strdup_printf("%u", hi);
        const char *exact = lo == 1 ? t->style->count_exact_one_format
                                    : t->style->count_exact_format;
        texts[k] = hi == UINT_MAX ? sk__style_format(t->style->count_open_format, a, NULL)
                   : lo == hi     ? sk__style_format(exact, a, NULL)
                                  : sk__style_format(t->style->count_range_format, a, b);
        g_free(a);
        g_free(b);
    }
}

static void
texts_regions(const sk__kind_texts *t, char **texts)
{
    for (size_t k = 0; k < classes_of(t); k++)
        texts[k] = g_strdup_printf("%zu. %s", k + 1, sk_geography_region_name(t->geo, k));
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

static void
texts_changes(const sk__kind_texts *t, char **texts)
{
    for (size_t k = 0; k < classes_of(t); k++)
        texts[k] = g_strdup(t->style->change_label[change_index(
            sk_classification_class_labels(t->classification, k))]);
}

/* A point map's base has no classes: its legend is the points' (map_internal.h). */
static void
texts_points(const sk__kind_texts *t, char **texts)
{
}

static void
texts_point_count(const sk__kind_texts *t, char **texts)
{
    sk__point_count_texts(t->style, t->classification, texts);
}

/* ---- colours -------------------------------------------------------------------------- */

static int
color_total(const sk_style *style, const sk_classification *c, size_t k, sk__color *color)
{
    *color = style->total_fill;
    return 1;
}

static int
color_combination(const sk_style *style, const sk_classification *c, size_t k,
                  sk__color *color)
{
    sk_labelset labels = sk_classification_class_labels(c, k);
    if (labels == SK_LABELSET_NONE || SK__LABELSET_IS_GROUP(labels)) {
        *color = labels == SK_LABELSET_NONE ? style->none_fill : style->group_fill;
        return 1;
    }
    return sk__style_combination_color(style, (sk_principle)sk_classification_show(c), labels,
                                       color);
}

static int
color_highlight(const sk_style *style, const sk_classification *c, size_t k, sk__color *color)
{
    *color = sk_classification_class_labels(c, k) == 1 ? style->highlight_fill
                                                        : style->highlight_other_fill;
    return 1;
}

/* The sequential ramp, light to dark: class "0" its first colour, the other classes spread
** evenly over the rest, so class 1 is always clearly darker than 0. */
static int
color_count(const sk_style *style, const sk_classification *c, size_t k, sk__color *color)
{
    size_t n = sk_classification_class_count(c), len = style->sequential->len;
    unsigned lo0, hi0;
    sk_classification_class_range(c, 0, &lo0, &hi0);
    size_t zero = n > 0 && hi0 == 0;   /* the first class is "0" */
    if (len < 2 || n - zero > len - 1)
        return 0;
    if (zero && k == 0) {
        *color = g_array_index(style->sequential, sk__color, 0);
        return 1;
    }
    size_t m = n - zero, i = k - zero, span = len - 2;
    size_t at = m == 1 ? len - 1 : 1 + (i * span + (m - 1) / 2) / (m - 1);
    *color = g_array_index(style->sequential, sk__color, at);
    return 1;
}

static int
color_regions(const sk_style *style, const sk_classification *c, size_t k, sk__color *color)
{
    size_t at = sk_classification_class_palette(c, k);
    if (at >= style->regions_palette->len)
        return 0;
    *color = g_array_index(style->regions_palette, sk__color, at);
    return 1;
}

static int
color_changes(const sk_style *style, const sk_classification *c, size_t k, sk__color *color)
{
    *color = style->change_fill[change_index(sk_classification_class_labels(c, k))];
    return 1;
}

/* ---- titles --------------------------------------------------------------------------- */

static char *
title_total(const sk__kind_texts *t, const char *subject)
{
    return sk__style_format(t->style->title_total_format, subject, NULL);
}

static char *
title_combination(const sk__kind_texts *t, const char *subject)
{
    int show = sk_classification_show(t->classification);
    return sk__style_format(t->style->title_combination_format, subject,
                            sk_principle_name((sk_principle)show));
}

static char *
title_highlight(const sk__kind_texts *t, const char *subject)
{
    char *focus = sk__filter_describe(t->highlight);
    char *title = sk__style_format(t->style->highlight_format, subject, focus ? focus : "");
    g_free(focus);
    return title;
}

static char *
title_count(const sk__kind_texts *t, const char *subject)
{
    return sk__style_format(t->style->title_count_format, subject, NULL);
}

static char *
title_regions(const sk__kind_texts *t, const char *subject)
{
    return g_strdup(t->style->regions_title);
}

/* With the two databases named ("2017", "2018") the title says between what it compares. */
static char *
title_changes(const sk__kind_texts *t, const char *subject)
{
    if (t->before_label == NULL || t->after_label == NULL)
        return sk__style_format(t->style->title_changes_format, subject, NULL);
    const char *args[] = {t->before_label, t->after_label, subject};
    return sk__figures_format(t->style->view_text[SK__DIFF_TITLE], args, G_N_ELEMENTS(args));
}

/* Point maps get their title from the layer (spec.c); this one is the fallback. */
static char *
title_points(const sk__kind_texts *t, const char *subject)
{
    return g_strdup(sk__style_points(t->style)->count_title);
}

/* ---- legend titles -------------------------------------------------------------------- */

static const char *
legend_principle(const sk_style *style, int show)
{
    return style->legend_title[show];
}

static const char *
legend_count(const sk_style *style, int show)
{
    return style->count_legend_title;
}

static const char *
legend_regions(const sk_style *style, int show)
{
    return style->regions_legend_title;
}

static const char *
legend_changes(const sk_style *style, int show)
{
    return style->changes_legend_title;
}

static const char *
legend_point_count(const sk_style *style, int show)
{
    return sk__style_points(style)->count_legend_title;
}

/* ---- sources ------------------------------------------------------------------------- */

static const char *
source_table(const sk_map_spec *spec, const sk_map_data *data)
{
    return spec->table;
}

static const char *
source_membership(const sk_map_spec *spec, const sk_map_data *data)
{
    return data->membership;
}

/* ---- the table ------------------------------------------------------------------------ */

/* In sk_map_kind order.  A table map's classification is a combination of the table's labels,
** so it is dressed like one. */
static const sk__map_kind_def kinds[] = {
    [SK_MAP_TOTAL] = {
        .kind = SK_MAP_TOTAL, .name = "total", .fields = SK__FIELD_INSURER,
        .needs_projects = 1, .classify = classify_total, .class_texts = texts_total,
        .own_color = color_total, .title = title_total, .show_counts = -1},
    [SK_MAP_COMBINATION] = {
        .kind = SK_MAP_COMBINATION, .name = "combination",
        .fields = SK__FIELD_INSURER | SK__FIELD_LABELS,
        .needs_projects = 1, .classify = classify_combination,
        .class_texts = texts_combination, .own_color = color_combination,
        .title = title_combination, .legend_title = legend_principle, .show_counts = -1},
    [SK_MAP_HIGHLIGHT] = {
        .kind = SK_MAP_HIGHLIGHT, .name = "highlight", .fields = SK__FIELD_HIGHLIGHT,
        .requires = SK__FIELD_HIGHLIGHT, .needs_projects = 1, .classify = classify_highlight,
        .class_texts = texts_highlight, .own_color = color_highlight,
        .title = title_highlight, .show_counts = -1},
    [SK_MAP_COUNT] = {
        .kind = SK_MAP_COUNT, .name = "count", .fields = SK__FIELD_BREAKS,
        .needs_projects = 1, .classify = classify_count, .class_texts = texts_count,
        .own_color = color_count, .title = title_count, .legend_title = legend_count,
        .show_counts = -1},
    /* The regions of an overview share colours on purpose (only neighbours differ) and are
    ** told apart by their numbers. */
    [SK_MAP_REGIONS] = {
        .kind = SK_MAP_REGIONS, .name = "regions", .source_file = source_membership,
        .classify = classify_regions, .class_texts = texts_regions,
        .own_color = color_regions, .title = title_regions, .legend_title = legend_regions,
        .show_counts = -1, .shared_colors = 1, .numbered = 1},
    /* A map of changes is read for its numbers: counts on unless asked otherwise. */
    [SK_MAP_CHANGES] = {
        .kind = SK_MAP_CHANGES, .name = "changes", .fields = SK__FIELD_PERIOD,
        .needs_projects = 1, .needs_before = 1,
        .classify = classify_changes, .class_texts = texts_changes,
        .own_color = color_changes, .title = title_changes, .legend_title = legend_changes,
        .show_counts = 1},
    [SK_MAP_TABLE] = {
        .kind = SK_MAP_TABLE, .name = "table", .fields = SK__FIELD_TABLE | SK__FIELD_LABELS,
        .requires = SK__FIELD_TABLE, .source_file = source_table, .classify = classify_table,
        .class_texts = texts_combination, .own_color = color_combination,
        .title = title_combination, .legend_title = legend_principle, .show_counts = -1},
    /* Points over the base map: the classes are the points' (the layer's legend). */
    [SK_MAP_POINTS] = {
        .kind = SK_MAP_POINTS, .name = "points", .fields = SK__FIELD_POINTS,
        .needs_points = 1, .classify = classify_points, .class_texts = texts_points,
        .own_color = color_total, .title = title_points, .show_counts = 0},
    [SK_MAP_POINT_COUNT] = {
        .kind = SK_MAP_POINT_COUNT, .name = "point-count",
        .fields = SK__FIELD_BREAKS | SK__FIELD_COUNT_METHOD, .needs_points = 1,
        .classify = classify_point_count, .class_texts = texts_point_count,
        .own_color = color_count, .title = title_points, .legend_title = legend_point_count,
        .show_counts = -1},
};

const sk__map_kind_def *
sk__map_kind(sk_map_kind kind)
{
    G_STATIC_ASSERT(G_N_ELEMENTS(kinds) == SK_MAP_POINT_COUNT + 1);
    return (size_t)kind < G_N_ELEMENTS(kinds) ? &kinds[kind] : NULL;
}
