/* Snapshot diff of two project databases (samenkaart/diff.h). */
#include <string.h>
#include <glib.h>
#include "classify_internal.h"
#include "figures.h"
#include "internal.h"
#include "style_internal.h"
#include "text.h"
#include "projects_internal.h"
#include "vocabulary.h"
#include "samenkaart/diff.h"

typedef struct row {
    const char *id;          /* borrowed from the databases */
    sk_change change;
    const char *field;       /* static */
    char *before, *after;
} row;

struct sk_diff {
    const sk_geography *geo;
    GArray *rows;            /* row */
    size_t projects[3];      /* per sk_change */
    size_t before_count, after_count;   /* projects passing the filter */
    size_t changed_what[3];  /* changed projects with other labels, insurers, places */
    /* Per municipality: touched by a project before / after, and by one that changed. */
    guint8 *before, *after, *touched_by_change;
    unsigned *projects_of;   /* projects touching it, before and after together */
};

const char *
sk_change_name(sk_change change)
{
    static const char *const names[] = {"new", "ended", "changed"};
    return (unsigned)change < G_N_ELEMENTS(names) ? names[change] : "?";
}

/* What of a changed project differs: its labels, its insurers, its places. */
enum { WHAT_LABELS, WHAT_INSURERS, WHAT_PLACES };

/* The fields compared, in the contract's column order: the principles' columns and places. */
enum { FIELD_PLACES_MUNICIPALITIES = -1, FIELD_PLACES_REGIONS = -2 };
static const int fields[] = {SK_INSURER,    FIELD_PLACES_MUNICIPALITIES, FIELD_PLACES_REGIONS,
                             SK_THEME,      SK_INSTRUMENT,               SK_FORM,
                             SK_LEVEL};

static const char *
field_name(int field)
{
    return field == FIELD_PLACES_MUNICIPALITIES ? "gemeenten"
           : field == FIELD_PLACES_REGIONS      ? "wmo_regios"
                                                : sk__principle_column((sk_principle)field);
}

/* A field of a project as canonical text (g_free it). */
static char *
field_text(const sk_projects *db, const sk__project *p, int field)
{
    const sk_geography *geo = sk__projects_geography(db);
    GString *s = g_string_new(NULL);
    if (field == FIELD_PLACES_MUNICIPALITIES) {
        const size_t *touches = sk__projects_touches(db);
        for (size_t t = 0; t < p->touch_count; t++)
            g_string_append_printf(s, "%s%s", t ? ";" : "",
                                   sk_geography_municipality_name(geo,
                                                                  touches[p->first_touch + t]));
    } else if (field == FIELD_PLACES_REGIONS) {
        const size_t *regions = sk__projects_regions(db);
        for (size_t r = 0; r < p->region_count; r++)
            g_string_append_printf(s, "%s%s", r ? ";" : "",
                                   sk_geography_region_name(geo, regions[p->first_region + r]));
    } else {
        size_t n;
        const sk__label_def *labels = sk__vocabulary((sk_principle)field, &n);
        for (size_t l = 0; l < n; l++) {
            if (!(p->labels[field] & (1u << l)))
                continue;
            g_string_append_printf(s, "%s%s", s->len ? ";" : "", labels[l].key);
            if (field == SK_THEME && p->theme_detail != NULL &&
                strcmp(labels[l].key, "anders") == 0)
                g_string_append_printf(s, ": %s", p->theme_detail);
        }
    }
    return g_string_free(s, FALSE);
}

static int
compare_projects_by_id(const void *a, const void *b)
{
    const sk__project *const *x = a, *const *y = b;
    return strcmp((*x)->id, (*y)->id);
}

/* The projects of db passing filter, sorted by id. */
static const sk__project **
sorted_projects(const sk_projects *db, const sk_filter *filter, size_t *count)
{
    size_t n;
    const sk__project *items = sk__projects_items(db, &n);
    const sk__project **out = g_new(const sk__project *, n > 0 ? n : 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (sk__project_matches(&items[i], filter))
            out[k++] = &items[i];
    qsort(out, k, sizeof *out, compare_projects_by_id);
    *count = k;
    return out;
}

static void
mark(const sk_projects *db, const sk__project *p, guint8 *flags, unsigned *count)
{
    const size_t *touches = sk__projects_touches(db);
    for (size_t t = 0; t < p->touch_count; t++) {
        flags[touches[p->first_touch + t]] = 1;
        if (count != NULL)
            count[touches[p->first_touch + t]]++;
    }
}

static void
add_row(sk_diff *d, const char *id, sk_change change, const char *field, char *before,
        char *after)
{
    row r = {id, change, field, before != NULL ? before : g_strdup(""),
             after != NULL ? after : g_strdup("")};
    g_array_append_val(d->rows, r);
}

/* A project in both databases: a row per field that differs; counted as changed (and by
** what differs) when one does. */
static void
compare_pair(sk_diff *d, const sk_projects *before, const sk_projects *after,
             const sk__project *b, const sk__project *a)
{
    int changed = 0, what[3] = {0};
    for (size_t f = 0; f < G_N_ELEMENTS(fields); f++) {
        char *x = field_text(before, b, fields[f]);
        char *y = field_text(after, a, fields[f]);
        if (strcmp(x, y) != 0) {
            add_row(d, a->id, SK_CHANGE_CHANGED, field_name(fields[f]), x, y);
            changed = 1;
            what[fields[f] == SK_INSURER ? WHAT_INSURERS
                 : fields[f] < 0         ? WHAT_PLACES
                                         : WHAT_LABELS] = 1;
        } else {
            g_free(x);
            g_free(y);
        }
    }
    if (!changed)
        return;
    d->projects[SK_CHANGE_CHANGED]++;
    for (size_t w = 0; w < 3; w++)
        d->changed_what[w] += (size_t)what[w];
    mark(before, b, d->touched_by_change, NULL);
    mark(after, a, d->touched_by_change, NULL);
}

sk_status
sk_diff_compute(sk_ctx *ctx, const sk_projects *before, const sk_projects *after,
                const sk_filter *filter, sk_diff **out)
{
    *out = NULL;
    const sk_projects *both[] = {before, after};   /* an id may have begun or ended */
    if (sk__filter_check_any(ctx, filter, both, 2) != SK_OK)
        return sk_ctx_status(ctx);
    const sk_geography *geo = sk__projects_geography(before);
    if (sk__projects_geography(after) != geo)
        return sk__error(ctx, SK_EUSAGE, "%s and %s: a diff needs both databases loaded "
                         "against one geography", sk_projects_source(before),
                         sk_projects_source(after));
    size_t nmun = sk_geography_municipality_count(geo), nb, na;
    sk_diff *d = g_new0(sk_diff, 1);
    d->geo = geo;
    d->rows = g_array_new(FALSE, TRUE, sizeof(row));
    d->before = g_new0(guint8, nmun + 1);
    d->after = g_new0(guint8, nmun + 1);
    d->touched_by_change = g_new0(guint8, nmun + 1);
    d->projects_of = g_new0(unsigned, nmun + 1);
    const sk__project **b = sorted_projects(before, filter, &nb);
    const sk__project **a = sorted_projects(after, filter, &na);
    d->before_count = nb;
    d->after_count = na;
    for (size_t i = 0; i < nb; i++)
        mark(before, b[i], d->before, d->projects_of);
    for (size_t i = 0; i < na; i++)
        mark(after, a[i], d->after, d->projects_of);

    /* Merge the two id-sorted lists. */
    size_t i = 0, j = 0;
    while (i < nb || j < na) {
        int cmp = i == nb ? 1 : j == na ? -1 : strcmp(b[i]->id, a[j]->id);
        if (cmp < 0) {
            add_row(d, b[i]->id, SK_CHANGE_ENDED, "", NULL, NULL);
            d->projects[SK_CHANGE_ENDED]++;
            mark(before, b[i], d->touched_by_change, NULL);
            i++;
        } else if (cmp > 0) {
            add_row(d, a[j]->id, SK_CHANGE_NEW, "", NULL, NULL);
            d->projects[SK_CHANGE_NEW]++;
            mark(after, a[j], d->touched_by_change, NULL);
            j++;
        } else {
            compare_pair(d, before, after, b[i], a[j]);
            i++;
            j++;
        }
    }
    g_free(b);
    g_free(a);
    *out = d;
    return SK_OK;
}

void
sk_diff_free(sk_diff *d)
{
    if (d == NULL)
        return;
    for (guint i = 0; i < d->rows->len; i++) {
        g_free(g_array_index(d->rows, row, i).before);
        g_free(g_array_index(d->rows, row, i).after);
    }
    g_array_free(d->rows, TRUE);
    g_free(d->before);
    g_free(d->after);
    g_free(d->touched_by_change);
    g_free(d->projects_of);
    g_free(d);
}

size_t
sk_diff_row_count(const sk_diff *d)
{
    return d->rows->len;
}

void
sk_diff_row_get(const sk_diff *d, size_t index, sk_diff_row *out)
{
    const row *r = &g_array_index(d->rows, row, index);
    *out = (sk_diff_row){r->id, r->change, r->field, r->before, r->after};
}

size_t
sk_diff_project_count(const sk_diff *d, sk_change change)
{
    return (unsigned)change < 3 ? d->projects[change] : 0;
}

/* The class of municipality m on the map of changes (SK_CHANGES_*), 0 for none. */
static sk_labelset
class_of(const sk_diff *d, size_t m)
{
    if (!d->before[m] && !d->after[m])
        return 0;
    return !d->before[m]              ? SK_CHANGES_NEW
           : !d->after[m]             ? SK_CHANGES_ENDED
           : d->touched_by_change[m] ? SK_CHANGES_CHANGED
                                      : SK_CHANGES_UNCHANGED;
}

void
sk_diff_figures_get(const sk_diff *d, sk_diff_figures *out)
{
    *out = (sk_diff_figures){.projects_before = d->before_count,
                             .projects_after = d->after_count,
                             .relabelled = d->changed_what[WHAT_LABELS],
                             .other_insurers = d->changed_what[WHAT_INSURERS],
                             .other_places = d->changed_what[WHAT_PLACES]};
    memcpy(out->projects, d->projects, sizeof out->projects);
    /* In both and not changed: the later count less those new or changed. */
    out->unchanged = d->after_count - d->projects[SK_CHANGE_NEW] - d->projects[SK_CHANGE_CHANGED];
    size_t nmun = sk_geography_municipality_count(d->geo);
    for (size_t m = 0; m < nmun; m++) {
        sk_labelset c = class_of(d, m);
        size_t k = 0;
        while (k < 4 && c != ((sk_labelset)1 << k))
            k++;
        if (k < 4)
            out->municipalities[k]++;
        else
            out->municipalities_without++;
    }
}

char *
sk_diff_figures_text(const sk_style *style, const sk_diff_figures *f, const char *before_label,
                     const char *after_label)
{
    char *const *t = style->view_text;
    const char *names[] = {before_label != NULL ? before_label : t[SK__DIFF_BEFORE],
                           after_label != NULL ? after_label : t[SK__DIFF_AFTER]};
    const size_t totals[] = {f->projects_before, f->projects_after};
    GString *s = g_string_new(NULL);
    sk__figures_line(s, SK__FIG_BOLD, t[SK__DIFF_FIGURES_TITLE], NULL, NULL);
    for (size_t i = 0; i < 2; i++) {
        char *n = sk__figures_number(totals[i]);
        sk__figures_line(s, 0, t[SK__DIFF_PROJECTS], names[i], n);
        g_free(n);
    }
    sk__figures_count(s, SK__FIG_GAP, t[SK__DIFF_NEW], f->projects[SK_CHANGE_NEW]);
    sk__figures_count(s, 0, t[SK__DIFF_ENDED], f->projects[SK_CHANGE_ENDED]);
    sk__figures_count(s, 0, t[SK__DIFF_CHANGED], f->projects[SK_CHANGE_CHANGED]);
    if (f->projects[SK_CHANGE_CHANGED] > 0) {
        sk__figures_count(s, SK__FIG_INDENT, t[SK__DIFF_RELABELLED], f->relabelled);
        sk__figures_count(s, SK__FIG_INDENT, t[SK__DIFF_INSURERS], f->other_insurers);
        sk__figures_count(s, SK__FIG_INDENT, t[SK__DIFF_PLACES], f->other_places);
    }
    sk__figures_count(s, 0, t[SK__DIFF_UNCHANGED], f->unchanged);
    /* The municipalities as the legend names their classes. */
    sk__figures_line(s, SK__FIG_BOLD | SK__FIG_GAP, t[SK__DIFF_MUNICIPALITIES], NULL, NULL);
    for (size_t k = 0; k < 5; k++) {
        char *n = sk__figures_number(k < 4 ? f->municipalities[k] : f->municipalities_without);
        sk__figures_line(s, 0, t[SK__DIFF_CLASS],
                         k < 4 ? style->change_label[k] : style->no_project_changes_label, n);
        g_free(n);
    }
    return g_string_free(s, FALSE);
}

sk_status
sk_diff_write_csv(sk_ctx *ctx, const sk_diff *d, const char *path)
{
    GString *s = g_string_new("id,change,field,before,after\n");
    for (guint i = 0; i < d->rows->len; i++) {
        const row *r = &g_array_index(d->rows, row, i);
        const char *cells[] = {r->id, sk_change_name(r->change), r->field, r->before, r->after};
        sk__csv_row(s, cells, G_N_ELEMENTS(cells));
    }
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}

sk_status
sk_diff_classify(sk_ctx *ctx, const sk_diff *d, sk_classification **out)
{
    (void)ctx;
    size_t nmun = sk_geography_municipality_count(d->geo);
    sk_labelset *sets = g_new0(sk_labelset, nmun + 1);
    for (size_t m = 0; m < nmun; m++)
        sets[m] = class_of(d, m);
    *out = sk__classification_new(SK_MAP_CHANGES, -1, sets, d->projects_of, nmun);
    g_free(sets);
    return SK_OK;
}
