/* Classification: pure functions from (projects, filter, principle) to a class per
** municipality and the legend's classes in canonical order. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "classify_internal.h"
#include "geography_internal.h"
#include "topology.h"
#include "internal.h"
#include "projects_internal.h"
#include "text.h"
#include "vocabulary.h"

sk_status
sk_label_find(sk_ctx *ctx, sk_principle principle, const char *text, size_t *label)
{
    int k = sk__label_parse(principle, text, NULL);
    if (k < 0)
        return sk__error(ctx, SK_EUSAGE, "unknown %s '%s' (did you mean '%s'?)",
                         sk_principle_name(principle), text,
                         sk__label_suggest(principle, text));
    *label = (size_t)k;
    return SK_OK;
}

/* ---- classification ----------------------------------------------------------------- */

struct sk_classification {
    sk_map_kind kind;
    int show;
    unsigned *lower, *upper;  /* count maps: each class's range of project counts */
    unsigned *palette;        /* regions overview: colour index of each class */
    guint8 *regions_named;    /* per region: named by a matching project (wmo_regios) */
    size_t region_count;
    size_t municipality_count;
    int *class_of;            /* per municipality, -1 = none */
    unsigned *projects_of;    /* per municipality */
    sk_labelset *classes;     /* canonical order */
    size_t *class_size;
    size_t class_count;
    size_t matching;
};

void
sk_classification_free(sk_classification *c)
{
    if (c == NULL)
        return;
    g_free(c->class_of);
    g_free(c->projects_of);
    g_free(c->classes);
    g_free(c->class_size);
    g_free(c->lower);
    g_free(c->upper);
    g_free(c->palette);
    g_free(c->regions_named);
    g_free(c);
}

static int
compare_labelsets(const void *a, const void *b)
{
    return sk_labelset_compare(*(const sk_labelset *)a, *(const sk_labelset *)b);
}

/* Classes from a label set per municipality (0: no class), in canonical order. */
static void
assign_classes(sk_classification *c, const sk_labelset *combination, size_t nmun)
{
    sk_labelset *sorted = g_new(sk_labelset, nmun > 0 ? nmun : 1);
    size_t n = 0;
    for (size_t m = 0; m < nmun; m++)
        if (combination[m] != 0)
            sorted[n++] = combination[m];
    qsort(sorted, n, sizeof *sorted, compare_labelsets);
    size_t distinct = 0;
    for (size_t k = 0; k < n; k++)
        if (distinct == 0 || sorted[distinct - 1] != sorted[k])
            sorted[distinct++] = sorted[k];
    c->classes = sorted;
    c->class_count = distinct;
    c->class_size = g_new0(size_t, distinct > 0 ? distinct : 1);
    for (size_t m = 0; m < nmun; m++) {
        c->class_of[m] = -1;
        if (combination[m] == 0)
            continue;
        sk_labelset key = combination[m];
        const sk_labelset *hit = bsearch(&key, sorted, distinct, sizeof *sorted,
                                         compare_labelsets);
        c->class_of[m] = (int)(hit - sorted);
        c->class_size[hit - sorted]++;
    }
}

sk_classification *
sk__classification_new(sk_map_kind kind, int show, const sk_labelset *sets,
                       const unsigned *projects_of, size_t nmun)
{
    sk_classification *c = g_new0(sk_classification, 1);
    c->kind = kind;
    c->show = show;
    c->municipality_count = nmun;
    c->class_of = g_new(int, nmun > 0 ? nmun : 1);
    c->projects_of = g_new0(unsigned, nmun > 0 ? nmun : 1);
    if (projects_of != NULL)
        memcpy(c->projects_of, projects_of, nmun * sizeof *projects_of);
    assign_classes(c, sets, nmun);
    return c;
}

sk_classification *
sk__classification_from_sets(const sk_labelset *sets, size_t nmun, int show)
{
    return sk__classification_new(SK_MAP_COMBINATION, show, sets, NULL, nmun);
}

sk_classification *
sk__classification_keep_label(const sk_classification *c, size_t label)
{
    /* A label beyond the label set's bits is in no class: the panel is empty. */
    sk_labelset bit = label < 31 ? (sk_labelset)1 << label : 0;
    size_t nmun = c->municipality_count;
    sk_labelset *sets = g_new0(sk_labelset, nmun + 1);
    for (size_t m = 0; m < nmun; m++)
        if (c->class_of[m] >= 0 && (c->classes[c->class_of[m]] & bit))
            sets[m] = bit;
    sk_classification *one = sk__classification_new(c->kind, c->show, sets, c->projects_of,
                                                    nmun);
    g_free(sets);
    one->matching = c->matching;
    one->region_count = c->region_count;
    if (c->regions_named != NULL)
        one->regions_named = g_memdup2(c->regions_named, c->region_count + 1);
    return one;
}

sk_status
sk_classify(sk_ctx *ctx, const sk_projects *projects, const sk_filter *filter, int show,
            sk_classification **out)
{
    *out = NULL;
    if (show >= SK_PRINCIPLE_COUNT)
        return sk__error(ctx, SK_EUSAGE, "no such ordering principle (%d)", show);
    if (sk_filter_check(ctx, filter, projects) != SK_OK)
        return sk_ctx_status(ctx);
    const sk_geography *geo = sk__projects_geography(projects);
    size_t nmun = sk_geography_municipality_count(geo), nproj;
    const sk__project *items = sk__projects_items(projects, &nproj);
    const size_t *touches = sk__projects_touches(projects);

    sk_classification *c = g_new0(sk_classification, 1);
    c->kind = show < 0 ? SK_MAP_TOTAL : SK_MAP_COMBINATION;
    c->show = show < 0 ? -1 : show;
    c->municipality_count = nmun;
    c->class_of = g_new(int, nmun);
    c->projects_of = g_new0(unsigned, nmun);
    sk_labelset *combination = g_new0(sk_labelset, nmun);
    sk_labelset shown_mask = sk__filter_shown_mask(filter, show);

    c->region_count = sk_geography_region_count(geo);
    c->regions_named = g_new0(guint8, c->region_count + 1);
    const size_t *named = sk__projects_regions(projects);
    for (size_t i = 0; i < nproj; i++) {
        const sk__project *p = &items[i];
        if (!sk__project_matches(p, filter))
            continue;
        c->matching++;
        for (size_t r = 0; r < p->region_count; r++)
            c->regions_named[named[p->first_region + r]] = 1;
        sk_labelset shown = show < 0 ? 1 : p->labels[show] & shown_mask;
        for (size_t t = 0; t < p->touch_count; t++) {
            size_t m = touches[p->first_touch + t];
            c->projects_of[m]++;
            combination[m] |= shown;
        }
    }

    /* The classes are the distinct combinations that occur, in canonical order. */
    assign_classes(c, combination, nmun);
    g_free(combination);
    *out = c;
    return SK_OK;
}

int sk_classification_show(const sk_classification *c) { return c->show; }
sk_map_kind sk_classification_kind(const sk_classification *c) { return c->kind; }

void
sk_classification_class_range(const sk_classification *c, size_t k, unsigned *lower,
                              unsigned *upper)
{
    int counted =
        (c->kind == SK_MAP_COUNT || c->kind == SK_MAP_POINT_COUNT) && c->lower != NULL;
    *lower = counted && k < c->class_count ? c->lower[k] : 0;
    *upper = counted && k < c->class_count ? c->upper[k] : 0;
}

/* ---- highlight maps ---------------------------------------------------------------- */

sk_status
sk_classify_highlight(sk_ctx *ctx, const sk_projects *projects, const sk_filter *filter,
                      const sk_filter *highlight, sk_classification **out)
{
    *out = NULL;
    if (highlight == NULL || sk_filter_clause_count(highlight) == 0)
        return sk__error(ctx, SK_EUSAGE, "a highlight map needs a highlight filter, e.g. "
                         "inhoudelijk=ouderen");
    if (sk_filter_check(ctx, filter, projects) != SK_OK ||
        sk_filter_check(ctx, highlight, projects) != SK_OK)
        return sk_ctx_status(ctx);
    const sk_geography *geo = sk__projects_geography(projects);
    size_t nmun = sk_geography_municipality_count(geo), nproj;
    const sk__project *items = sk__projects_items(projects, &nproj);
    const size_t *touches = sk__projects_touches(projects);
    sk_classification *c = g_new0(sk_classification, 1);
    c->kind = SK_MAP_HIGHLIGHT;
    c->show = -1;
    c->municipality_count = nmun;
    c->class_of = g_new(int, nmun);
    c->projects_of = g_new0(unsigned, nmun);
    guint8 *seen = g_new0(guint8, nmun);   /* bit 0: a highlighted project, bit 1: another */
    for (size_t i = 0; i < nproj; i++) {
        const sk__project *p = &items[i];
        if (!sk__project_matches(p, filter))
            continue;
        c->matching++;
        guint8 bit = sk__project_matches(p, highlight) ? 1 : 2;
        for (size_t t = 0; t < p->touch_count; t++) {
            size_t m = touches[p->first_touch + t];
            c->projects_of[m]++;
            seen[m] |= bit;
        }
    }
    /* "X: Y" wherever one of the projects is a Y; "X: overig" where none is. */
    c->classes = g_new(sk_labelset, 2);
    c->class_size = g_new0(size_t, 2);
    size_t count[2] = {0, 0};
    for (size_t m = 0; m < nmun; m++)
        if (seen[m])
            count[(seen[m] & 1) ? 0 : 1]++;
    int index[2] = {-1, -1};
    for (int k = 0; k < 2; k++) {
        if (count[k] == 0)
            continue;
        index[k] = (int)c->class_count;
        c->classes[c->class_count] = (sk_labelset)(k + 1);
        c->class_size[c->class_count++] = count[k];
    }
    for (size_t m = 0; m < nmun; m++)
        c->class_of[m] = seen[m] == 0 ? -1 : index[(seen[m] & 1) ? 0 : 1];
    g_free(seen);
    *out = c;
    return SK_OK;
}

/* ---- count maps -------------------------------------------------------------------- */

/* The classes of a count map: the 0 class first when it is there, then one class per upper
** end; every municipality falls in one of them. */
static void
set_count_classes(sk_classification *c, int zero_class, const unsigned *upper, size_t k)
{
    size_t total = k + (zero_class ? 1 : 0);
    g_free(c->classes);
    g_free(c->class_size);
    c->class_count = total;
    c->classes = g_new0(sk_labelset, total + 1);
    c->class_size = g_new0(size_t, total + 1);
    c->lower = g_new0(unsigned, total + 1);
    c->upper = g_new0(unsigned, total + 1);
    for (size_t i = 0; i < total; i++)
        c->classes[i] = (sk_labelset)(i + 1);
    for (size_t j = 0; j < k; j++) {
        size_t i = j + (zero_class ? 1 : 0);
        c->lower[i] = j == 0 ? 1 : upper[j - 1] + 1;
        c->upper[i] = upper[j];
    }
    for (size_t m = 0; m < c->municipality_count; m++) {
        unsigned v = c->projects_of[m];
        size_t i = 0;
        while (i < total && !(c->lower[i] <= v && v <= c->upper[i]))
            i++;
        c->class_of[m] = i < total ? (int)i : -1;
        if (i < total)
            c->class_size[i]++;
    }
}

/* Classes of c's projects_of counts (a count map). */
static void
count_classes(sk_classification *c, sk_breaks method, size_t classes, const unsigned *breaks,
              size_t nbreaks)
{
    size_t nmun = c->municipality_count, n = 0;
    unsigned *values = g_new(unsigned, nmun + 1);
    for (size_t m = 0; m < nmun; m++)
        if (c->projects_of[m] > 0)
            values[n++] = c->projects_of[m];
    /* No municipality is white on a count map: those without a project form the class "0",
    ** which takes one of the classes asked for. */
    int zero_class = n < nmun;
    unsigned *upper = g_new0(unsigned, MAX(classes, nbreaks) + 2);
    size_t want = method == SK_BREAKS_MANUAL ? 0 : classes - (zero_class ? 1 : 0);
    size_t k = sk__count_uppers(method, want, breaks, nbreaks, values, n, upper);
    set_count_classes(c, zero_class, upper, k);
    g_free(upper);
    g_free(values);
}

sk_classification *
sk__classification_counted(sk_map_kind kind, const unsigned *counts, size_t nmun,
                           sk_breaks method, size_t classes, const unsigned *breaks,
                           size_t nbreaks)
{
    sk_labelset *none = g_new0(sk_labelset, nmun + 1);
    sk_classification *c = sk__classification_new(kind, -1, none, counts, nmun);
    g_free(none);
    count_classes(c, method, classes, breaks, nbreaks);
    return c;
}

sk_status
sk_classify_count(sk_ctx *ctx, const sk_projects *projects, const sk_filter *filter,
                  sk_breaks method, size_t classes, const unsigned *breaks, size_t nbreaks,
                  sk_classification **out)
{
    *out = NULL;
    sk_status st = sk__count_check(ctx, method, classes, breaks, nbreaks);
    sk_classification *c = NULL;
    if (st == SK_OK)
        st = sk_classify(ctx, projects, filter, -1, &c);
    if (st != SK_OK)
        return st;
    c->kind = SK_MAP_COUNT;
    count_classes(c, method, classes, breaks, nbreaks);
    *out = c;
    return SK_OK;
}

size_t sk_classification_class_count(const sk_classification *c) { return c->class_count; }
size_t sk_classification_matching_projects(const sk_classification *c) { return c->matching; }

sk_labelset
sk_classification_class_labels(const sk_classification *c, size_t k)
{
    return k < c->class_count ? c->classes[k] : 0;
}

size_t
sk_classification_class_size(const sk_classification *c, size_t k)
{
    return k < c->class_count ? c->class_size[k] : 0;
}

int
sk_classification_class_of(const sk_classification *c, size_t i)
{
    return i < c->municipality_count ? c->class_of[i] : -1;
}

unsigned
sk_classification_projects_of(const sk_classification *c, size_t i)
{
    return i < c->municipality_count ? c->projects_of[i] : 0;
}

sk_status
sk_classify_regions(sk_ctx *ctx, const sk_geography *geo, sk_classification **out)
{
    *out = NULL;
    size_t nreg = sk_geography_region_count(geo), nmun = sk_geography_municipality_count(geo);
    if (nreg == 0)
        return sk__error(ctx, SK_EINPUT, "there are no regions to show");
    sk_classification *c = g_new0(sk_classification, 1);
    c->kind = SK_MAP_REGIONS;
    c->show = -1;
    c->municipality_count = nmun;
    c->class_count = nreg;
    c->classes = g_new(sk_labelset, nreg);
    c->class_size = g_new0(size_t, nreg);
    c->palette = g_new(unsigned, nreg);
    c->class_of = g_new(int, nmun + 1);
    c->projects_of = g_new0(unsigned, nmun + 1);
    for (size_t r = 0; r < nreg; r++)
        c->classes[r] = (sk_labelset)(r + 1);
    for (size_t m = 0; m < nmun; m++) {
        c->class_of[m] = sk_geography_municipality_region(geo, m);
        if (c->class_of[m] >= 0)
            c->class_size[c->class_of[m]]++;
    }
    /* Neighbours from the shared region borders; then greedy colouring in region order. */
    guint8 *adjacent = g_new0(guint8, nreg * nreg);
    size_t count;
    const sk__arc *arcs = sk__geography_arcs(geo, 1, &count);
    const int *owner = sk__geography_ring_owners(geo);
    for (size_t a = 0; a < count; a++) {
        if (arcs[a].twin == SIZE_MAX)
            continue;
        int x = -2 - owner[arcs[a].ring], y = -2 - owner[arcs[a].twin];
        if (x >= 0 && y >= 0 && (size_t)x < nreg && (size_t)y < nreg && x != y)
            adjacent[x * nreg + y] = adjacent[y * nreg + x] = 1;
    }
    for (size_t r = 0; r < nreg; r++) {
        unsigned colour = 0;
        for (int again = 1; again;) {
            again = 0;
            for (size_t q = 0; q < r; q++)
                if (adjacent[r * nreg + q] && c->palette[q] == colour) {
                    colour++;
                    again = 1;
                }
        }
        c->palette[r] = colour;
    }
    g_free(adjacent);
    *out = c;
    return SK_OK;
}

unsigned
sk_classification_class_palette(const sk_classification *c, size_t k)
{
    return c->palette != NULL && k < c->class_count ? c->palette[k] : 0;
}

int
sk_classification_region_named(const sk_classification *c, size_t region)
{
    return c->regions_named != NULL && region < c->region_count && c->regions_named[region];
}

sk_classification *
sk__classification_group(const sk_classification *c, size_t from)
{
    size_t nmun = c->municipality_count;
    sk_labelset *sets = g_new0(sk_labelset, nmun + 1);
    for (size_t m = 0; m < nmun; m++) {
        if (c->class_of[m] < 0)
            continue;
        sk_labelset s = c->classes[c->class_of[m]];
        size_t labels = 0;
        for (sk_labelset t = s < ((sk_labelset)1 << 24) ? s : 0; t != 0; t &= t - 1)
            labels++;
        sets[m] = labels >= from ? SK__LABELSET_GROUP(from) : s;
    }
    sk_classification *g = sk__classification_new(c->kind, c->show, sets, c->projects_of, nmun);
    g_free(sets);
    g->matching = c->matching;
    g->region_count = c->region_count;
    if (c->regions_named != NULL)
        g->regions_named = g_memdup2(c->regions_named, c->region_count + 1);
    return g;
}

