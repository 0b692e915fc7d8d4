/* The bounds of a count map's classes: natural breaks, quantiles and manual breaks, over
** plain arrays of project counts (the classification itself is in classify.c). */
#include <limits.h>
#include <stdlib.h>
#include "classify_internal.h"
#include "internal.h"

static int
compare_unsigned(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

/* Natural breaks (Jenks, by Fisher's exact dynamic programme) over the sorted values v[0..n):
** k groups with the least sum of squared deviations.  Writes the last value of each group
** to upper[0..k).  Values are few and small (project counts), so O(k n^2) is nothing. */
static void
natural_breaks(const unsigned *v, size_t n, size_t k, unsigned *upper)
{
    double *cost = g_new(double, (n + 1) * (k + 1));
    size_t *split = g_new0(size_t, (n + 1) * (k + 1));
#define COST(i, j) cost[(i) * (k + 1) + (j)]
#define SPLIT(i, j) split[(i) * (k + 1) + (j)]
    for (size_t i = 0; i <= n; i++)
        for (size_t j = 0; j <= k; j++)
            COST(i, j) = i == 0 && j == 0 ? 0 : 1e300;
    for (size_t i = 1; i <= n; i++) {
        double sum = 0, sumsq = 0;
        /* Group (m, i]: walk m downwards, keeping the group's sums. */
        for (size_t m = i; m-- > 0;) {
            sum += v[m];
            sumsq += (double)v[m] * v[m];
            double w = (double)(i - m), ssd = sumsq - sum * sum / w;
            /* Equal values belong in one group. */
            if (m > 0 && v[m - 1] == v[m])
                continue;
            for (size_t j = 1; j <= k; j++) {
                double c = COST(m, j - 1) + ssd;
                if (c < COST(i, j)) {
                    COST(i, j) = c;
                    SPLIT(i, j) = m;
                }
            }
        }
    }
    size_t i = n;
    for (size_t j = k; j > 0; j--) {
        upper[j - 1] = v[i - 1];
        i = SPLIT(i, j);
    }
#undef COST
#undef SPLIT
    g_free(cost);
    g_free(split);
}

/* A count map has at most this many classes: a sequential scale the eye can still order. */
#define COUNT_CLASSES_MAX 7

/* Manual breaks make one class up to each distinct break, an open class above the last and
** the 0 class: counted whether or not the data has a 0, so the limit does not wait for
** data. */
static sk_status
check_break_count(sk_ctx *ctx, const char *text, const unsigned *breaks, size_t nbreaks)
{
    size_t distinct = 0;
    for (size_t i = 0; i < nbreaks; i++) {
        size_t j = 0;
        while (j < i && breaks[j] != breaks[i])
            j++;
        distinct += j == i && breaks[i] > 0;
    }
    if (distinct + 2 <= COUNT_CLASSES_MAX)
        return SK_OK;
    return sk__error(ctx, SK_EUSAGE, "count classes '%s': %zu breaks make %zu classes (0, one up "
                     "to each break, one above the last); a count map has at most %d classes, "
                     "so give at most %d breaks", text, distinct, distinct + 2,
                     COUNT_CLASSES_MAX, COUNT_CLASSES_MAX - 2);
}

sk_status
sk__count_check(sk_ctx *ctx, sk_breaks method, size_t classes, const unsigned *breaks,
                size_t nbreaks)
{
    if (method != SK_BREAKS_MANUAL)
        return classes < 2 || classes > COUNT_CLASSES_MAX
                   ? sk__error(ctx, SK_EUSAGE, "classes: a count map has 2 to %d classes (the "
                               "first is 0), not %zu", COUNT_CLASSES_MAX, classes)
                   : SK_OK;
    if (nbreaks == 0)
        return sk__error(ctx, SK_EUSAGE, "manual breaks need at least one break");
    GString *text = g_string_new(NULL);
    for (size_t i = 0; i < nbreaks; i++)
        g_string_append_printf(text, "%s%u", i > 0 ? "," : "", breaks[i]);
    sk_status st = check_break_count(ctx, text->str, breaks, nbreaks);
    g_string_free(text, TRUE);
    return st;
}

size_t
sk__count_uppers(sk_breaks method, size_t want, const unsigned *breaks, size_t nbreaks,
                 unsigned *values, size_t n, unsigned *upper)
{
    qsort(values, n, sizeof *values, compare_unsigned);
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        distinct += i == 0 || values[i] != values[i - 1];
    size_t k = 0;
    if (method == SK_BREAKS_MANUAL) {
        unsigned *b = g_memdup2(breaks, nbreaks * sizeof *b);
        qsort(b, nbreaks, sizeof *b, compare_unsigned);
        for (size_t i = 0; i < nbreaks; i++)
            if (b[i] > 0 && (k == 0 || b[i] != upper[k - 1]))
                upper[k++] = b[i];
        upper[k++] = UINT_MAX;
        g_free(b);
        return k;
    }
    want = MIN(want, distinct);
    if (n == 0 || want == 0)
        return 0;
    if (method == SK_BREAKS_NATURAL) {
        natural_breaks(values, n, want, upper);
        return want;
    }
    for (size_t q = 1; q <= want; q++) {
        unsigned v = values[(q * n - 1) / want];
        if (k == 0 || v != upper[k - 1])
            upper[k++] = v;
    }
    return k;
}

sk_status
sk_breaks_parse(sk_ctx *ctx, const char *text, sk_breaks *method, unsigned *breaks,
                size_t max_breaks, size_t *nbreaks)
{
    *nbreaks = 0;
    char *t = g_strstrip(g_strdup(text));
    sk_status st = SK_OK;
    if (g_ascii_strcasecmp(t, "quantile") == 0 || g_ascii_strcasecmp(t, "quantiles") == 0) {
        *method = SK_BREAKS_QUANTILE;
    } else if (g_ascii_strcasecmp(t, "natural") == 0 || g_ascii_strcasecmp(t, "jenks") == 0) {
        *method = SK_BREAKS_NATURAL;
    } else {
        *method = SK_BREAKS_MANUAL;
        char **parts = g_strsplit(t, ",", -1);
        for (size_t i = 0; parts[i] != NULL && st == SK_OK; i++) {
            char *p = g_strstrip(parts[i]), *end;
            guint64 v = g_ascii_strtoull(p, &end, 10);
            if (p[0] == '\0' || *end != '\0' || v == 0 || v > 100000 || *nbreaks == max_breaks)
                st = sk__error(ctx, SK_EUSAGE, "count classes '%s': expected quantile, natural "
                               "or up to %zu breaks like 1,3,10", text, max_breaks);
            /* Written by hand, a break out of order or twice is a slip, not a wish. */
            else if (*nbreaks > 0 && v <= breaks[*nbreaks - 1])
                st = sk__error(ctx, SK_EUSAGE, "count classes '%s': each break must be above "
                               "the one before it (%u after %u); give them rising, like 1,3,10",
                               text, (unsigned)v, breaks[*nbreaks - 1]);
            else
                breaks[(*nbreaks)++] = (unsigned)v;
        }
        g_strfreev(parts);
        if (st == SK_OK)
            st = check_break_count(ctx, text, breaks, *nbreaks);
    }
    g_free(t);
    return st;
}
