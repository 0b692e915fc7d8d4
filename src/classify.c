/* Classification: pure functions from (projects, filter, principle) to a class per
** municipality and the legend's classes in canonical order. */
#include <stdlib.h>
#include <string.h>
#include "classify_internal.h"
#include "geography_internal.h"
#include "internal.h"
#include "projects_internal.h"
#include "text.h"
#include "vocabulary.h"

typedef struct clause {
    sk_principle principle;
    sk_labelset labels;     /* any of these */
    char *theme_detail;     /* with "anders: X": only that kind of anders */
} clause;

struct sk_filter {
    GArray *clauses;
};

sk_filter *
sk_filter_new(void)
{
    sk_filter *f = g_new0(sk_filter, 1);
    f->clauses = g_array_new(FALSE, TRUE, sizeof(clause));
    return f;
}

void
sk_filter_free(sk_filter *f)
{
    if (f == NULL)
        return;
    for (guint i = 0; i < f->clauses->len; i++)
        g_free(g_array_index(f->clauses, clause, i).theme_detail);
    g_array_free(f->clauses, TRUE);
    g_free(f);
}

size_t
sk_filter_clause_count(const sk_filter *f)
{
    return f->clauses->len;
}

sk_status
sk_filter_add(sk_ctx *ctx, sk_filter *f, const char *text)
{
    const char *eq = strchr(text, '=');
    if (eq == NULL)
        return sk__error(ctx, SK_EUSAGE, "filter '%s': expected PRINCIPLE=VALUE, e.g. "
                         "inhoudelijk=preventie", text);
    char *name = g_strndup(text, (size_t)(eq - text));
    clause c = {0};
    sk_status st = sk_principle_parse(ctx, g_strstrip(name), &c.principle);
    g_free(name);
    if (st != SK_OK)
        return st;
    char **values = g_strsplit(eq + 1, ",", -1);
    for (size_t i = 0; values[i] != NULL && st == SK_OK; i++) {
        char *v = g_strstrip(values[i]);
        char *detail = NULL;
        int label = sk__label_parse(c.principle, v, &detail);
        if (label < 0) {
            st = sk__error(ctx, SK_EUSAGE, "filter '%s': unknown %s '%s' (did you mean '%s'?)",
                           text, sk_principle_name(c.principle), v,
                           sk__label_suggest(c.principle, v));
        } else if (detail != NULL && values[1] != NULL) {
            st = sk__error(ctx, SK_EUSAGE, "filter '%s': 'anders: …' cannot be combined with "
                           "other values in one clause; repeat --where instead", text);
        } else {
            c.labels |= (sk_labelset)1 << label;
            g_free(c.theme_detail);
            c.theme_detail = detail;
            detail = NULL;
        }
        g_free(detail);
    }
    g_strfreev(values);
    if (st == SK_OK && c.labels == 0)
        st = sk__error(ctx, SK_EUSAGE, "filter '%s': no value given", text);
    if (st != SK_OK) {
        g_free(c.theme_detail);
        return st;
    }
    g_array_append_val(f->clauses, c);
    return SK_OK;
}

static int
project_matches(const sk__project *p, const sk_filter *f)
{
    if (f == NULL)
        return 1;
    for (guint i = 0; i < f->clauses->len; i++) {
        const clause *c = &g_array_index(f->clauses, clause, i);
        if ((p->labels[c->principle] & c->labels) == 0)
            return 0;
        if (c->theme_detail != NULL &&
            (p->theme_detail == NULL || strcmp(p->theme_detail, c->theme_detail) != 0))
            return 0;
    }
    return 1;
}

/* ---- classification ----------------------------------------------------------------- */

struct sk_classification {
    int show;
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
    g_free(c);
}

static int
compare_labelsets(const void *a, const void *b)
{
    return sk_labelset_compare(*(const sk_labelset *)a, *(const sk_labelset *)b);
}

sk_status
sk_classify(sk_ctx *ctx, const sk_projects *projects, const sk_filter *filter, int show,
            sk_classification **out)
{
    *out = NULL;
    if (show >= SK_PRINCIPLE_COUNT)
        return sk__error(ctx, SK_EUSAGE, "no such ordering principle (%d)", show);
    const sk_geography *geo = sk__projects_geography(projects);
    size_t nmun = sk_geography_municipality_count(geo), nproj;
    const sk__project *items = sk__projects_items(projects, &nproj);
    const size_t *touches = sk__projects_touches(projects);

    sk_classification *c = g_new0(sk_classification, 1);
    c->show = show < 0 ? -1 : show;
    c->municipality_count = nmun;
    c->class_of = g_new(int, nmun);
    c->projects_of = g_new0(unsigned, nmun);
    sk_labelset *combination = g_new0(sk_labelset, nmun);

    for (size_t i = 0; i < nproj; i++) {
        const sk__project *p = &items[i];
        if (!project_matches(p, filter))
            continue;
        c->matching++;
        sk_labelset shown = show < 0 ? 1 : p->labels[show];
        for (size_t t = 0; t < p->touch_count; t++) {
            size_t m = touches[p->first_touch + t];
            c->projects_of[m]++;
            combination[m] |= shown;
        }
    }

    /* The classes are the distinct combinations that occur, in canonical order. */
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
    g_free(combination);
    *out = c;
    return SK_OK;
}

int sk_classification_show(const sk_classification *c) { return c->show; }
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

char *
sk__filter_describe(const sk_filter *f)
{
    if (f == NULL || f->clauses->len == 0)
        return NULL;
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < f->clauses->len; i++) {
        const clause *c = &g_array_index(f->clauses, clause, i);
        size_t count;
        const sk__label_def *labels = sk__vocabulary(c->principle, &count);
        if (i > 0)
            g_string_append(s, ", ");
        int first = 1;
        for (size_t l = 0; l < count; l++) {
            if (!(c->labels & ((sk_labelset)1 << l)))
                continue;
            g_string_append_printf(s, "%s%s", first ? "" : " of ", labels[l].display);
            first = 0;
        }
        if (c->theme_detail != NULL)
            g_string_append_printf(s, ": %s", c->theme_detail);
    }
    return g_string_free(s, FALSE);
}
