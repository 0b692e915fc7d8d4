/* Statistics of the project database (samenkaart/stats.h). */
#include <string.h>
#include <glib.h>
#include "internal.h"
#include "classify_internal.h"
#include "projects_internal.h"
#include "text.h"
#include "vocabulary.h"
#include "samenkaart/stats.h"

/* Size classes of municipalities by inhabitants, as the report's analysis uses them. */
static const struct {
    const char *label, *display;
    long below;  /* upper bound, exclusive */
} size_classes[] = {
    {"<20000", "minder dan 20.000 inwoners", 20000},
    {"20000-100000", "20.000 tot 100.000 inwoners", 100000},
    {">=100000", "100.000 inwoners of meer", G_MAXLONG},
};

enum { SIZE_CLASSES = G_N_ELEMENTS(size_classes) };

struct sk_stats {
    GArray *rows;        /* sk_stats_row; strings static or in labels */
    size_t projects;
};

static size_t
size_class(long inhabitants)
{
    size_t c = 0;
    while (inhabitants >= size_classes[c].below)
        c++;
    return c;
}

sk_status
sk_stats_compute(sk_ctx *ctx, const sk_projects *projects, const sk_filter *filter,
                 sk_stats **out)
{
    *out = NULL;
    if (sk_filter_check(ctx, filter, projects) != SK_OK)
        return sk_ctx_status(ctx);
    const sk_geography *geo = sk__projects_geography(projects);
    size_t nmun = sk_geography_municipality_count(geo);
    for (size_t m = 0; m < nmun; m++)
        if (sk_geography_municipality_population(geo, m) < 0)
            return sk__error(ctx, SK_EINPUT,
                             "%s: no population for municipality %s (field 'inwoners'): size "
                             "classes need it",
                             sk_geography_municipality_name(geo, m),
                             sk_geography_municipality_code(geo, m));

    /* Per dimension and label: projects, and which municipalities they touch. */
    size_t offset[SK_PRINCIPLE_COUNT + 1];
    size_t nlabels = 0;
    for (int p = 0; p < SK_PRINCIPLE_COUNT; p++) {
        offset[p] = nlabels;
        nlabels += sk_principle_label_count((sk_principle)p);
    }
    offset[SK_PRINCIPLE_COUNT] = nlabels;
    size_t ncounters = nlabels + SIZE_CLASSES;
    size_t *project_count = g_new0(size_t, ncounters);
    guint8 *touched = g_new0(guint8, ncounters * (nmun ? nmun : 1));
    size_t *class_size = g_new0(size_t, SIZE_CLASSES);
    for (size_t m = 0; m < nmun; m++)
        class_size[size_class(sk_geography_municipality_population(geo, m))]++;

    size_t count, matching = 0;
    const sk__project *items = sk__projects_items(projects, &count);
    const size_t *touches = sk__projects_touches(projects);
    for (size_t i = 0; i < count; i++) {
        const sk__project *p = &items[i];
        if (!sk__project_matches(p, filter))
            continue;
        matching++;
        for (int pr = 0; pr < SK_PRINCIPLE_COUNT; pr++) {
            size_t n = offset[pr + 1] - offset[pr];
            for (size_t l = 0; l < n; l++) {
                if (!(p->labels[pr] & (1u << l)))
                    continue;
                size_t c = offset[pr] + l;
                project_count[c]++;
                for (size_t t = 0; t < p->touch_count; t++)
                    touched[c * nmun + touches[p->first_touch + t]] = 1;
            }
        }
        guint8 in_class[SIZE_CLASSES] = {0};
        for (size_t t = 0; t < p->touch_count; t++) {
            size_t m = touches[p->first_touch + t];
            size_t c = size_class(sk_geography_municipality_population(geo, m));
            in_class[c] = 1;
            touched[(nlabels + c) * nmun + m] = 1;
        }
        for (size_t c = 0; c < SIZE_CLASSES; c++)
            project_count[nlabels + c] += in_class[c];
    }

    sk_stats *s = g_new0(sk_stats, 1);
    s->rows = g_array_new(FALSE, TRUE, sizeof(sk_stats_row));
    s->projects = matching;
    for (size_t c = 0; c < ncounters; c++) {
        sk_stats_row row = {0};
        if (c < nlabels) {
            int pr = 0;
            while (c >= offset[pr + 1])
                pr++;
            size_t n;
            const sk__label_def *labels = sk__vocabulary((sk_principle)pr, &n);
            row.dimension = pr == SK_INSURER ? "zorgverzekeraar" : sk_principle_name(pr);
            row.label = labels[c - offset[pr]].key;
            row.display = labels[c - offset[pr]].display;
        } else {
            row.dimension = "grootteklasse";
            row.label = size_classes[c - nlabels].label;
            row.display = size_classes[c - nlabels].display;
            row.class_size = class_size[c - nlabels];
        }
        row.projects = project_count[c];
        for (size_t m = 0; m < nmun; m++)
            row.municipalities += touched[c * nmun + m];
        g_array_append_val(s->rows, row);
    }
    g_free(project_count);
    g_free(touched);
    g_free(class_size);
    *out = s;
    return SK_OK;
}

void
sk_stats_free(sk_stats *stats)
{
    if (stats == NULL)
        return;
    g_array_free(stats->rows, TRUE);
    g_free(stats);
}

size_t
sk_stats_row_count(const sk_stats *stats)
{
    return stats->rows->len;
}

void
sk_stats_row_get(const sk_stats *stats, size_t index, sk_stats_row *row)
{
    *row = g_array_index(stats->rows, sk_stats_row, index);
}

size_t
sk_stats_project_count(const sk_stats *stats)
{
    return stats->projects;
}

/* Markdown table cells must not break the table. */
static void
md_cell(GString *s, const char *text)
{
    for (const char *c = text; *c; c++) {
        if (*c == '|')
            g_string_append_c(s, '\\');
        g_string_append_c(s, *c);
    }
}

char *
sk_stats_format(const sk_stats *stats, sk_table_format format)
{
    GString *s = g_string_new(NULL);
    if (format == SK_TABLE_CSV) {
        g_string_append(s, "dimension,label,projects,municipalities\n");
        for (guint i = 0; i < stats->rows->len; i++) {
            const sk_stats_row *r = &g_array_index(stats->rows, sk_stats_row, i);
            sk__csv_append(s, r->dimension);
            g_string_append_c(s, ',');
            sk__csv_append(s, r->label);
            g_string_append_printf(s, ",%zu,%zu\n", r->projects, r->municipalities);
        }
        return g_string_free(s, FALSE);
    }
    g_string_append_printf(s, "# Projecten en gemeenten\n\n%zu projecten.\n", stats->projects);
    const char *dimension = NULL;
    for (guint i = 0; i < stats->rows->len; i++) {
        const sk_stats_row *r = &g_array_index(stats->rows, sk_stats_row, i);
        int sizes = strcmp(r->dimension, "grootteklasse") == 0;
        if (dimension == NULL || strcmp(dimension, r->dimension) != 0) {
            dimension = r->dimension;
            g_string_append_printf(s, "\n## %s\n\n", dimension);
            g_string_append(s, sizes ? "| klasse | projecten | gemeenten met project | "
                                       "gemeenten in klasse |\n|---|--:|--:|--:|\n"
                                     : "| label | projecten | aandeel | gemeenten |\n"
                                       "|---|--:|--:|--:|\n");
        }
        g_string_append(s, "| ");
        md_cell(s, r->display);
        if (sizes)
            g_string_append_printf(s, " | %zu | %zu | %zu |\n", r->projects, r->municipalities,
                                   r->class_size);
        else
            g_string_append_printf(s, " | %zu | %.0f %% | %zu |\n", r->projects,
                                   stats->projects ? 100.0 * (double)r->projects /
                                                         (double)stats->projects
                                                   : 0.0,
                                   r->municipalities);
    }
    return g_string_free(s, FALSE);
}
