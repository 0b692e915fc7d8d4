/* Insurers and their core working areas (samenkaart/compare.h). */
#include <string.h>
#include <glib.h>
#include "classify_internal.h"
#include "figures.h"
#include "internal.h"
#include "projects_internal.h"
#include "spec_internal.h"
#include "style_internal.h"
#include "text.h"
#include "vocabulary.h"
#include "samenkaart/compare.h"

struct sk_core_areas {
    size_t municipalities;
    size_t insurers;
    guint8 *mask;         /* insurers x municipalities */
    size_t *size;         /* per insurer */
};

sk_status
sk_core_areas_load(sk_ctx *ctx, const sk_geography *geo, const sk_geography *core_regions,
                   const char *table, const char *layer, const char *key_column,
                   const char *insurer_column,
                   sk_core_areas **out)
{
    *out = NULL;
    /* The kernwerkgebieden map is a table map by region: its classes are the insurers. */
    sk_classification *c = NULL;
    sk_status st = sk_classify_table(ctx, core_regions, table, layer, key_column, insurer_column,
                                     SK_INSURER, 1, &c);
    if (st != SK_OK)
        return st;
    sk_core_areas *core = g_new0(sk_core_areas, 1);
    core->municipalities = sk_geography_municipality_count(geo);
    core->insurers = sk_principle_label_count(SK_INSURER);
    core->mask = g_new0(guint8, core->insurers * core->municipalities + 1);
    core->size = g_new0(size_t, core->insurers);
    size_t n = sk_geography_municipality_count(core_regions);
    for (size_t m = 0; m < n && st == SK_OK; m++) {
        int k = sk_classification_class_of(c, m);
        if (k < 0)
            continue;
        sk_labelset labels = sk_classification_class_labels(c, (size_t)k);
        if (labels == SK_LABELSET_NONE)
            continue;
        const char *code = sk_geography_municipality_code(core_regions, m);
        int at = sk_geography_find_municipality(geo, code);
        if (at < 0) {
            st = sk__error(ctx, SK_EINPUT, "%s: municipality %s (%s) of the core working "
                           "areas is not on the map; use the same municipalities for both",
                           table, code, sk_geography_municipality_name(core_regions, m));
            break;
        }
        for (size_t i = 0; i < core->insurers; i++) {
            if (!(labels & ((sk_labelset)1 << i)))
                continue;
            core->mask[i * core->municipalities + (size_t)at] = 1;
            core->size[i]++;
        }
    }
    sk_classification_free(c);
    if (st != SK_OK) {
        sk_core_areas_free(core);
        return st;
    }
    *out = core;
    return SK_OK;
}

void
sk_core_areas_free(sk_core_areas *core)
{
    if (core == NULL)
        return;
    g_free(core->mask);
    g_free(core->size);
    g_free(core);
}

const unsigned char *
sk_core_areas_mask(const sk_core_areas *core, size_t insurer)
{
    return insurer < core->insurers ? core->mask + insurer * core->municipalities : NULL;
}

size_t
sk_core_areas_size(const sk_core_areas *core, size_t insurer)
{
    return insurer < core->insurers ? core->size[insurer] : 0;
}

void
sk_insurer_figures_compute(const sk_projects *projects, const sk_filter *filter,
                           const sk_core_areas *core, size_t insurer, sk_insurer_figures *out)
{
    size_t nlabels;
    const sk__label_def *labels = sk__vocabulary(SK_INSURER, &nlabels);
    const sk_geography *geo = sk__projects_geography(projects);
    size_t nmun = sk_geography_municipality_count(geo);
    *out = (sk_insurer_figures){.insurer = insurer,
                                .name = insurer < nlabels ? labels[insurer].key : "?"};
    guint8 *touched = g_new0(guint8, nmun + 1);
    size_t count;
    const sk__project *items = sk__projects_items(projects, &count);
    const size_t *touches = sk__projects_touches(projects);
    for (size_t i = 0; i < count; i++) {
        const sk__project *p = &items[i];
        if (!(p->labels[SK_INSURER] & ((sk_labelset)1 << insurer)) ||
            !sk__project_matches(p, filter))
            continue;
        out->projects++;
        for (size_t t = 0; t < p->touch_count; t++)
            touched[touches[p->first_touch + t]] = 1;
    }
    const unsigned char *mask = core != NULL ? sk_core_areas_mask(core, insurer) : NULL;
    for (size_t m = 0; m < nmun; m++) {
        int inside = mask != NULL && mask[m];
        out->municipalities += touched[m];
        out->inside_core += touched[m] && inside;
        out->core_municipalities += inside;
        out->core_without_projects += inside && !touched[m];
    }
    g_free(touched);
}

char *
sk_insurer_figures_format(const sk_insurer_figures *rows, size_t count, sk_table_format format)
{
    GString *s = g_string_new(NULL);
    if (format == SK_TABLE_CSV) {
        g_string_append(s, "insurer,projects,municipalities,inside_core,core_municipalities,"
                           "core_without_projects\n");
        for (size_t i = 0; i < count; i++) {
            const sk_insurer_figures *r = &rows[i];
            sk__csv_append(s, r->name);
            g_string_append_printf(s, ",%zu,%zu,%zu,%zu,%zu\n", r->projects, r->municipalities,
                                   r->inside_core, r->core_municipalities,
                                   r->core_without_projects);
        }
        return g_string_free(s, FALSE);
    }
    g_string_append(s, "| zorgverzekeraar | projecten | gemeenten | waarvan in kernwerkgebied "
                       "| gemeenten in kernwerkgebied | daarvan zonder project |\n"
                       "|---|--:|--:|--:|--:|--:|\n");
    for (size_t i = 0; i < count; i++) {
        const sk_insurer_figures *r = &rows[i];
        g_string_append_printf(s, "| %s | %zu | %zu | %zu", r->name, r->projects,
                               r->municipalities, r->inside_core);
        if (r->municipalities > 0)
            g_string_append_printf(s, " (%.0f %%)",
                                   100.0 * (double)r->inside_core / (double)r->municipalities);
        g_string_append_printf(s, " | %zu | %zu |\n", r->core_municipalities,
                               r->core_without_projects);
    }
    return g_string_free(s, FALSE);
}

/* The figures of one insurer: the share inside its core area as a sentence, then each
** figure on a line. */
static void
one_insurer_text(const sk_style *style, const sk_insurer_figures *r, GString *s)
{
    char *const *t = style->view_text;
    size_t n;
    const char *name = sk__vocabulary(SK_INSURER, &n)[r->insurer < n ? r->insurer : 0].display;
    char *share = sk__figures_percent(r->inside_core, r->municipalities);
    char *inside = sk__figures_number(r->inside_core);
    if (r->core_municipalities == 0)
        sk__figures_line(s, 0, t[SK__CMP_NO_CORE], name, NULL);
    else if (r->municipalities > 0)
        sk__figures_line(s, 0, t[SK__CMP_SHARE], share, name);
    sk__figures_count(s, SK__FIG_GAP, t[SK__CMP_PROJECTS], r->projects);
    sk__figures_count(s, 0, t[SK__CMP_MUNICIPALITIES], r->municipalities);
    if (r->core_municipalities > 0) {
        sk__figures_line(s, SK__FIG_INDENT, t[SK__CMP_INSIDE], inside, share);
        sk__figures_count(s, SK__FIG_GAP, t[SK__CMP_CORE], r->core_municipalities);
        sk__figures_count(s, SK__FIG_INDENT, t[SK__CMP_WITHOUT], r->core_without_projects);
    }
    g_free(inside);
    g_free(share);
}

/* The figures of an insurer on a page of several: its name, then two short lines. */
static void
several_text(const sk_style *style, const sk_insurer_figures *r, GString *s)
{
    char *const *t = style->view_text;
    size_t n;
    const char *name = sk__vocabulary(SK_INSURER, &n)[r->insurer < n ? r->insurer : 0].display;
    char *projects = sk__figures_number(r->projects);
    char *municipalities = sk__figures_number(r->municipalities);
    char *inside = sk__figures_number(r->inside_core);
    char *share = sk__figures_percent(r->inside_core, r->municipalities);
    sk__figures_line(s, SK__FIG_BOLD | SK__FIG_GAP, "%s", name, NULL);
    sk__figures_line(s, 0, t[SK__CMP_SEVERAL], projects, municipalities);
    if (r->core_municipalities > 0)
        sk__figures_line(s, 0, t[SK__CMP_SEVERAL_INSIDE], inside, share);
    else
        sk__figures_line(s, 0, t[SK__CMP_SEVERAL_NO_CORE], NULL, NULL);
    g_free(share);
    g_free(inside);
    g_free(municipalities);
    g_free(projects);
}

char *
sk_insurer_figures_text(const sk_style *style, const sk_insurer_figures *rows, size_t count)
{
    GString *s = g_string_new(NULL);
    sk__figures_line(s, SK__FIG_BOLD, style->view_text[SK__CMP_TITLE], NULL, NULL);
    for (size_t i = 0; i < count; i++) {
        if (count == 1)
            one_insurer_text(style, &rows[i], s);
        else
            several_text(style, &rows[i], s);
    }
    return g_string_free(s, FALSE);
}

sk_status
sk_insurer_map(sk_ctx *ctx, const sk_geography *geo, const sk_projects *projects,
               const sk_style *style, const sk_filter *filter, int show,
               const sk_core_areas *core, size_t insurer, sk_page_size page, int for_panel,
               sk_map **out)
{
    *out = NULL;
    size_t nlabels;
    const sk__label_def *labels = sk__vocabulary(SK_INSURER, &nlabels);
    if (insurer >= nlabels)
        return sk__error(ctx, SK_EUSAGE, "no such insurer (%zu)", insurer);
    sk_map_spec spec;
    sk_map_spec_init(&spec);
    spec.kind = show < 0 ? SK_MAP_TOTAL : SK_MAP_COMBINATION;
    spec.show = show < 0 ? SK_THEME : (sk_principle)show;
    spec.insurer = labels[insurer].key;
    spec.panel = for_panel;
    spec.page = page;
    sk_map_data data = {.geo = geo, .projects = projects, .core = core};
    return sk__map_build_filtered(ctx, &data, style, &spec, filter, out);
}

const char *
sk_insurers_page_title(const sk_style *style)
{
    return style->title_insurers;
}

char *
sk_core_area_label(const sk_style *style, size_t insurer)
{
    size_t n;
    const sk__label_def *labels = sk__vocabulary(SK_INSURER, &n);
    return sk__style_format(style->core_area_format, insurer < n ? labels[insurer].display : "?",
                            NULL);
}
