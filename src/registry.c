/* The colour registry (registry.h). */
#include <math.h>
#include "colour.h"
#include "internal.h"
#include "mapkinds.h"
#include "registry.h"

/* The place of s among all combinations of p's labels in canonical order (0 first). */
static size_t
canonical_rank(int show, sk_labelset s)
{
    size_t n = show >= 0 ? sk_principle_label_count((sk_principle)show) : 0, rank = 0;
    for (sk_labelset t = 1; n < 31 && t < ((sk_labelset)1 << n); t++)
        rank += sk_labelset_compare(t, s) < 0;
    return rank;
}

/* Kinds whose classes are combinations of labels: without a designed colour they take a
** fallback colour, and too many of them make small multiples. */
static int
of_labels(const sk_classification *c)
{
    sk_map_kind kind = sk_classification_kind(c);
    return kind == SK_MAP_COMBINATION || kind == SK_MAP_TABLE;
}

sk_status
sk__registry_colors(sk_ctx *ctx, const sk_style *style, const sk_classification *c,
                    sk__color *colors, guint8 *designed)
{
    const sk__map_kind_def *def = sk__map_kind(sk_classification_kind(c));
    size_t n = sk_classification_class_count(c), len = style->fallback->len;
    for (size_t k = 0; k < n; k++) {
        int own = def->own_color(style, c, k, &colors[k]);
        if (designed != NULL)
            designed[k] = (guint8)own;
        if (own)
            continue;
        if (!of_labels(c) || len == 0)
            return sk__error(ctx, SK_EINPUT, "%s: no colour for class %zu of %zu of a %s map; "
                             "add colours to the style's [palette]", style->path, k + 1, n,
                             def->name);
        sk_labelset labels = sk_classification_class_labels(c, k);
        colors[k] = g_array_index(style->fallback, sk__color,
                                  canonical_rank(sk_classification_show(c), labels) % len);
    }
    return SK_OK;
}

int
sk__registry_needs_panels(const sk_style *style, const sk_classification *c,
                          const guint8 *shown, sk__split_reason *why)
{
    size_t n = sk_classification_class_count(c), in_view = 0;
    for (size_t k = 0; k < n; k++)
        in_view += shown[k] != 0;
    *why = (sk__split_reason){.classes = in_view};
    if (!of_labels(c))
        return 0;
    if (in_view > SK__MAX_CATEGORICAL)
        return 1;
    sk__color *colors = g_new0(sk__color, n + 1);
    guint8 *designed = g_new0(guint8, n + 1);
    sk_ctx *probe = sk_ctx_new();
    int split = sk__registry_colors(probe, style, c, colors, designed) != SK_OK;
    for (size_t a = 0; a < n && !split; a++) {
        for (size_t b = a + 1; b < n && !split; b++) {
            sk__color_pair p;
            sk__color_compare(colors[a], colors[b], &p);
            split = shown[a] && shown[b] && (!designed[a] || !designed[b]) &&
                    !sk__color_pair_ok(&p);
        }
    }
    why->alike = split;
    sk_ctx_free(probe);
    g_free(designed);
    g_free(colors);
    return split;
}

int
sk__registry_single_insurer(int show, sk_labelset s)
{
    return show == SK_INSURER && s != 0 && (s & (s - 1)) == 0 && s < ((sk_labelset)1 << 24);
}

/* The first rule the pair breaks, in words ("ΔE2000 4.1 under deuteranopie (at least 6)"),
** or NULL.  g_free it. */
static char *
broken_rule(const sk__color_pair *p, int insurers)
{
    for (int v = 0; v < SK__VISION_COUNT; v++) {
        double min = v == SK__VISION_NORMAL ? SK__MIN_DE_NORMAL : SK__MIN_DE_CVD;
        if (p->de[v] < min)
            return g_strdup_printf("ΔE2000 %.1f (%s; at least %g)", p->de[v],
                                   sk__vision_name((sk__vision)v), min);
    }
    if (insurers && p->dl < SK__MIN_DL_INSURER)
        return g_strdup_printf("ΔL* %.1f, so they merge in greyscale (insurers at least %g)",
                               p->dl, SK__MIN_DL_INSURER);
    return NULL;
}

/* Report a broken rule: an error, or with allow_similar a warning. */
static sk_status
too_alike(sk_ctx *ctx, const sk_style *style, int allow_similar, const char *pair,
          const char *rule)
{
    if (allow_similar) {
        sk__warn(ctx, "%s: %s are too alike: %s; drawn anyway (--allow-similar-colours)",
                 style->path, pair, rule);
        return SK_OK;
    }
    return sk__error(ctx, SK_EINPUT, "%s: %s are too alike: %s; give one of them another "
                     "colour in the style, or draw it anyway with --allow-similar-colours (in "
                     "an atlas: allow_similar_colours = true)", style->path, pair, rule);
}

sk_status
sk__registry_check_colors(sk_ctx *ctx, const sk_style *style, const sk__class_color *classes,
                          size_t n, int allow_similar)
{
    const sk__class_color *x = classes;
    sk_status st = SK_OK;
    for (size_t a = 0; a < n && st == SK_OK; a++) {
        double white = sk__color_distance(x[a].color, style->no_data_fill, SK__VISION_NORMAL);
        if (white < SK__MIN_DE_WHITE) {
            char *pair = g_strdup_printf("class '%s' (#%06x) and white (#%06x, no data)",
                                         x[a].text, x[a].color, style->no_data_fill);
            char *rule = g_strdup_printf("ΔE2000 %.1f (at least %g)", white, SK__MIN_DE_WHITE);
            st = too_alike(ctx, style, allow_similar, pair, rule);
            g_free(pair);
            g_free(rule);
        }
        for (size_t b = a + 1; b < n && st == SK_OK; b++) {
            sk__color_pair p;
            sk__color_compare(x[a].color, x[b].color, &p);
            char *rule = broken_rule(&p, x[a].insurer && x[b].insurer);
            if (rule == NULL)
                continue;
            char *pair = g_strdup_printf("classes '%s' (#%06x) and '%s' (#%06x)", x[a].text,
                                         x[a].color, x[b].text, x[b].color);
            st = too_alike(ctx, style, allow_similar, pair, rule);
            g_free(pair);
            g_free(rule);
        }
    }
    return st;
}

sk_status
sk__registry_check(sk_ctx *ctx, const sk_style *style, const sk_classification *c,
                   char *const *texts, const sk__color *colors, const guint8 *shown,
                   int allow_similar)
{
    if (sk__map_kind(sk_classification_kind(c))->shared_colors)
        return SK_OK;
    size_t classes = sk_classification_class_count(c), n = 0;
    sk__class_color *seen = g_new0(sk__class_color, classes + 1);
    for (size_t k = 0; k < classes; k++)
        if (shown[k])
            seen[n++] = (sk__class_color){texts[k], colors[k],
                                          sk__registry_single_insurer(
                                              sk_classification_show(c),
                                              sk_classification_class_labels(c, k))};
    sk_status st = sk__registry_check_colors(ctx, style, seen, n, allow_similar);
    g_free(seen);
    return st;
}
