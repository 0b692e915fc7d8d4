/* Small multiples of one map (split.h). */
#include "classify_internal.h"
#include "internal.h"
#include "map_internal.h"
#include "split.h"
#include "style_internal.h"

/* The labels of c's classes, in the style's legend order; their number in *n.  g_free it. */
static size_t *
labels_present(const sk_style *style, const sk_classification *c, sk_principle p, size_t *n)
{
    size_t count = sk_principle_label_count(p);
    sk_labelset all = 0;
    for (size_t k = 0; k < sk_classification_class_count(c); k++)
        if (sk_classification_class_labels(c, k) < ((sk_labelset)1 << 24))
            all |= sk_classification_class_labels(c, k);
    size_t *order = g_new(size_t, count + 1);
    *n = 0;
    for (size_t rank = 0; rank < count; rank++)
        for (size_t l = 0; l < count; l++)
            if (style->label_rank[p][l] == rank && ((all >> l) & 1))
                order[(*n)++] = l;
    return order;
}

/* The line under the title: why the map is drawn as small multiples. */
static char *
split_caption(const sk_style *style, const sk_map_spec *s, sk_principle p,
              const sk__split_reason *why)
{
    char number[24];
    g_snprintf(number, sizeof number, "%zu", why->classes);
    char *what = g_utf8_strdown(style->legend_title[p], -1);
    char *line = sk__style_format(why->alike ? style->split_alike_format
                                             : style->split_note_format, number, what);
    char *caption = s->caption != NULL ? g_strconcat(s->caption, "\n", line, NULL)
                                       : g_strdup(line);
    g_free(what);
    g_free(line);
    return caption;
}

/* The panels' maps, one per label; on failure the maps made so far are freed. */
static sk_status
panel_maps(sk_ctx *ctx, const sk_map_data *data, const sk_style *style, const sk_map_spec *s,
           const sk_filter *filter, const sk_map_options *mo, const sk_classification *c,
           const size_t *labels, size_t n, sk_map **maps)
{
    sk_principle p = (sk_principle)sk_classification_show(c);
    sk_map_options po = *mo;
    po.white_label = s->kind == SK_MAP_TABLE ? style->table_panel_white : style->panel_white[p];
    po.note = NULL;
    po.caption = NULL;
    po.text = NULL;
    sk_status st = SK_OK;
    for (size_t i = 0; i < n && st == SK_OK; i++)
        st = sk_map_new(ctx, data->geo, data->projects, style, filter,
                        sk__classification_keep_label(c, labels[i]), &po, &maps[i]);
    if (st != SK_OK)
        for (size_t i = 0; i < n; i++)
            sk_map_free(maps[i]);
    return st;
}

sk_status
sk__split_build(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                const sk_map_spec *s, const sk_filter *filter, const sk_map_options *mo,
                sk_classification *c, const sk__split_reason *why, sk_panels **out)
{
    *out = NULL;
    sk_principle p = (sk_principle)sk_classification_show(c);
    size_t n;
    size_t *labels = labels_present(style, c, p, &n);
    sk_map **maps = g_new0(sk_map *, n + 1);
    sk_status st = panel_maps(ctx, data, style, s, filter, mo, c, labels, n, maps);
    if (st == SK_OK) {
        const char **titles = g_new0(const char *, n + 1);
        for (size_t i = 0; i < n; i++)
            titles[i] = sk__style_label_text(style, p, labels[i]);
        char *caption = split_caption(style, s, p, why);
        sk_panels_options po;
        sk_panels_options_init(&po);
        po.title = mo->title != NULL ? mo->title : sk_map_title(maps[0]);
        po.caption = caption;
        po.note = s->note;
        po.text = s->text;
        st = sk_panels_new(ctx, maps, n, titles, &po, out);
        g_free(caption);
        g_free(titles);
    }
    g_free(maps);
    g_free(labels);
    sk_classification_free(c);
    return st;
}
