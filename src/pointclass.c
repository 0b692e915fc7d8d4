/* Classifications of point maps (pointclass.h). */
#include <limits.h>
#include <string.h>
#include "classify_internal.h"
#include "figures.h"
#include "internal.h"
#include "pointclass.h"

unsigned char *
sk__points_selected(sk_ctx *ctx, const sk_points *points, const sk_map_spec *spec)
{
    size_t n = sk_points_count(points), kept = 0;
    unsigned char *keep = g_new0(unsigned char, n + 1);
    if (sk_points_select(ctx, points, spec->where, keep) != SK_OK) {
        g_free(keep);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        kept += keep[i] != 0;
    /* An empty map would look like an answer ("none here"), not like a filter that selects
    ** nothing. */
    if (kept == 0 && n > 0) {
        char *clauses = g_strjoinv("' and '", (char **)spec->where);
        sk__error(ctx, SK_EUSAGE, "where '%s': no point of %s passes %s", clauses,
                  sk_points_source(points),
                  spec->where[1] != NULL ? "all of them" : "it");
        g_free(clauses);
        g_free(keep);
        return NULL;
    }
    return keep;
}

/* Count point i once in each municipality it covers (a list naming one twice counts once). */
static void
count_covered(const sk_points *points, size_t i, size_t nmun, unsigned *counts,
              size_t *last_seen)
{
    const size_t *covered;
    size_t n = sk_points_covered(points, i, &covered);
    for (size_t k = 0; k < n; k++) {
        size_t m = covered[k];
        if (m < nmun && last_seen[m] != i + 1) {
            last_seen[m] = i + 1;
            counts[m]++;
        }
    }
}

sk_status
sk__points_per_municipality(sk_ctx *ctx, const sk_points *points, const unsigned char *keep,
                            const char *method, size_t nmun, unsigned *counts)
{
    int by_location = method != NULL && strcmp(method, "locatie") == 0;
    if (method != NULL && !by_location && strcmp(method, "gemeenten") != 0)
        return sk__error(ctx, SK_EUSAGE, "count: unknown method '%s' (expected 'gemeenten': "
                         "every municipality a point covers, or 'locatie': the one holding it)",
                         method);
    if (!by_location && sk_points_column_find(points, "gemeenten") < 0)
        return sk__error(ctx, SK_EUSAGE, "count: %s has no column 'gemeenten' to count the "
                         "municipalities each point covers; count by 'locatie' instead",
                         sk_points_source(points));
    size_t *last_seen = g_new0(size_t, nmun + 1);
    for (size_t i = 0; i < sk_points_count(points); i++) {
        if (!keep[i])
            continue;
        if (!by_location) {
            count_covered(points, i, nmun, counts, last_seen);
            continue;
        }
        long m = sk_points_municipality(points, i);
        if (m >= 0 && (size_t)m < nmun)
            counts[m]++;
    }
    g_free(last_seen);
    return SK_OK;
}

sk_status
sk__classify_point_count(sk_ctx *ctx, const sk_map_spec *spec, const sk_map_data *data,
                         const sk__count_classes *cc, sk_classification **out)
{
    *out = NULL;
    if (sk__count_check(ctx, cc->method, cc->classes, cc->breaks, cc->nbreaks) != SK_OK)
        return sk_ctx_status(ctx);
    unsigned char *keep = sk__points_selected(ctx, data->points, spec);
    if (keep == NULL)
        return sk_ctx_status(ctx);
    size_t nmun = sk_geography_municipality_count(data->geo);
    unsigned *counts = g_new0(unsigned, nmun + 1);
    sk_status st = sk__points_per_municipality(ctx, data->points, keep, spec->count, nmun,
                                               counts);
    if (st == SK_OK)
        *out = sk__classification_counted(SK_MAP_POINT_COUNT, counts, nmun, cc->method,
                                          cc->classes, cc->breaks, cc->nbreaks);
    g_free(counts);
    g_free(keep);
    return st;
}

sk_status
sk__classify_points(sk_ctx *ctx, const sk_map_spec *spec, const sk_map_data *data,
                    sk_classification **out)
{
    size_t nmun = sk_geography_municipality_count(data->geo);
    sk_labelset *none = g_new0(sk_labelset, nmun + 1);
    *out = sk__classification_new(SK_MAP_POINTS, -1, none, NULL, nmun);
    g_free(none);
    return SK_OK;
}

char *
sk__points_count_text(const sk_style *style, size_t n)
{
    const sk__points_style *ps = sk__style_points(style);
    char *number = sk__figures_number(n);   /* "3.600" */
    char *text = sk__style_format(ps->count_format, number, n == 1 ? ps->unit_one
                                                                    : ps->unit_many);
    g_free(number);
    return text;
}

void
sk__point_count_texts(const sk_style *style, const sk_classification *c, char **texts)
{
    const sk__points_style *ps = sk__style_points(style);
    for (size_t k = 0; k < sk_classification_class_count(c); k++) {
        unsigned lo, hi;
        sk_classification_class_range(c, k, &lo, &hi);
        char *a = g_strdup_printf("%u", lo);
        if (hi == UINT_MAX) {
            texts[k] = sk__style_format(ps->open_format, a, ps->unit_many);
        } else if (lo == hi) {
            texts[k] = sk__points_count_text(style, lo);
        } else {
            char *b = g_strdup_printf("%u", hi);
            char *range = sk__style_format(ps->range_format, a, b);
            g_free(b);
            texts[k] = sk__style_format(ps->count_format, range, ps->unit_many);
            g_free(range);
        }
        g_free(a);
    }
}
