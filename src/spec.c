/* Map descriptions (samenkaart/spec.h): a spec checked against the table of map kinds, then
** classified and dressed by sk_map_new. */
#include "samenkaart/samenkaart.h"
#include <string.h>
#include "classify_internal.h"
#include "geography_internal.h"
#include "internal.h"
#include "map_internal.h"
#include "mapkinds.h"
#include "pointmap.h"
#include "registry.h"
#include "spec_internal.h"
#include "split.h"
#include "text.h"
#include "vocabulary.h"

void
sk_map_spec_init(sk_map_spec *spec)
{
    *spec = (sk_map_spec){.kind = SK_MAP_TOTAL, .show = SK_THEME,
                          .table_principle = SK_INSURER, .show_counts = -1,
                          .page = SK_PAGE_FROM_STYLE};
}

/* Add clauses (NULL-terminated, may be NULL) to filter. */
static sk_status
add_clauses(sk_ctx *ctx, sk_filter *filter, const char *const *clauses)
{
    for (size_t i = 0; clauses != NULL && clauses[i] != NULL; i++)
        if (sk_filter_add(ctx, filter, clauses[i]) != SK_OK)
            return sk_ctx_status(ctx);
    return SK_OK;
}

/* The first field of a group the spec sets, or NULL. */
static const char *
field_set(const sk_map_spec *s, unsigned field)
{
    switch (field) {
    case SK__FIELD_HIGHLIGHT:
        return s->highlight != NULL ? "highlight" : NULL;
    case SK__FIELD_BREAKS:
        return s->breaks != NULL ? "breaks" : s->classes != 0 ? "classes" : NULL;
    case SK__FIELD_TABLE:
        return s->table != NULL                    ? "table"
               : s->table_layer != NULL            ? "table_layer"
               : s->table_key != NULL              ? "table_key"
               : s->table_column != NULL           ? "table_column"
               : s->table_principle != SK_INSURER  ? "table_principle"
               : s->table_by_region                ? "table_by_region"
                                                   : NULL;
    case SK__FIELD_INSURER:
        return s->insurer != NULL ? "insurer" : s->panel ? "panel" : NULL;
    case SK__FIELD_LABELS:
        return s->group_from != 0 ? "group_from" : s->label != NULL ? "label" : NULL;
    case SK__FIELD_PERIOD:
        return s->before_label != NULL ? "before_label"
               : s->after_label != NULL ? "after_label"
                                        : NULL;
    case SK__FIELD_POINTS:
        return s->by != NULL ? "by" : s->size_by != NULL ? "size_by" : s->covered ? "covered"
                                                                                 : NULL;
    case SK__FIELD_COUNT_METHOD:
        return s->count != NULL ? "count" : NULL;
    }
    return NULL;
}

/* The kinds that take a field group, from the table of kinds ("total or combination");
** g_free it. */
static char *
kinds_taking(unsigned field)
{
    GString *s = g_string_new(NULL);
    const sk__map_kind_def *def;
    for (int k = 0; (def = sk__map_kind((sk_map_kind)k)) != NULL; k++)
        if (def->fields & field)
            g_string_append_printf(s, "%s%s", s->len ? " or " : "", def->name);
    return g_string_free(s, FALSE);
}

/* Every field group the kind does not take is unset; every one it requires is set. */
static sk_status
check_fields(sk_ctx *ctx, const sk__map_kind_def *def, const sk_map_spec *s)
{
    static const unsigned groups[] = {SK__FIELD_HIGHLIGHT, SK__FIELD_BREAKS, SK__FIELD_TABLE,
                                      SK__FIELD_INSURER, SK__FIELD_LABELS, SK__FIELD_PERIOD,
                                      SK__FIELD_POINTS, SK__FIELD_COUNT_METHOD};
    for (size_t i = 0; i < G_N_ELEMENTS(groups); i++) {
        const char *set = field_set(s, groups[i]);
        if (set != NULL && !(def->fields & groups[i])) {
            char *kinds = kinds_taking(groups[i]);
            sk__error(ctx, SK_EUSAGE, "%s: a %s map takes no %s (only a %s map does)", set,
                      def->name, set, kinds);
            g_free(kinds);
            return SK_EUSAGE;
        }
        if (set == NULL && (def->requires & groups[i]))
            return sk__error(ctx, SK_EUSAGE, "%s: a %s map needs it",
                             groups[i] == SK__FIELD_TABLE ? "table" : "highlight", def->name);
    }
    if (s->highlight != NULL && s->highlight[0] == NULL)
        return sk__error(ctx, SK_EUSAGE, "highlight: a highlight map needs a clause");
    /* A title naming one year only would say something else than the map. */
    if ((s->before_label == NULL) != (s->after_label == NULL) ||
        (s->before_label != NULL && (!*s->before_label || !*s->after_label)))
        return sk__error(ctx, SK_EUSAGE, "before_label, after_label: give both, not empty "
                         "(e.g. \"2017\" and \"2018\"), or neither");
    return SK_OK;
}

/* An insurer's name, if given, names one. */
static sk_status
check_insurer(sk_ctx *ctx, const char *name)
{
    size_t label;
    return name == NULL ? SK_OK : sk_label_find(ctx, SK_INSURER, name, &label);
}

/* The principle whose labels the map's classes combine. */
static sk_principle
shown_principle(const sk_map_spec *s)
{
    return s->kind == SK_MAP_TABLE ? s->table_principle : s->show;
}

/* group_from and label, if given, make sense for the shown principle. */
static sk_status
check_labels(sk_ctx *ctx, const sk_map_spec *s)
{
    size_t label, count = sk_principle_label_count(shown_principle(s));
    if (s->group_from == 1 || s->group_from > count)
        return sk__error(ctx, SK_EUSAGE, "group_from: %zu is not a number of %s labels to group "
                         "from (2 to %zu)", s->group_from, sk_principle_name(shown_principle(s)),
                         count);
    if (s->group_from != 0 && s->label != NULL)
        return sk__error(ctx, SK_EUSAGE, "label: a map of one label has nothing to group "
                         "(group_from)");
    return s->label != NULL ? sk_label_find(ctx, shown_principle(s), s->label, &label) : SK_OK;
}

/* A point map's clauses select by the layer's columns (checked with the data): here only
** their form. */
static sk_status
check_point_clauses(sk_ctx *ctx, const char *const *clauses)
{
    for (size_t i = 0; clauses != NULL && clauses[i] != NULL; i++) {
        const char *eq = strchr(clauses[i], '=');
        if (eq == NULL || eq == clauses[i] || (eq == clauses[i] + 1 && clauses[i][0] == '!') ||
            eq[1] == '\0')
            return sk__error(ctx, SK_EUSAGE, "where '%s': expected column=value[,value…] or "
                             "column!=value[,value…]", clauses[i]);
    }
    return SK_OK;
}

static int
is_point_kind(sk_map_kind kind)
{
    return kind == SK_MAP_POINTS || kind == SK_MAP_POINT_COUNT;
}

/* The clauses and values of a spec, without data. */
static sk_status
check_values(sk_ctx *ctx, const sk_map_spec *s)
{
    sk_filter *f = sk_filter_new();
    sk_status st = is_point_kind(s->kind) ? check_point_clauses(ctx, s->where)
                                          : add_clauses(ctx, f, s->where);
    sk_filter_free(f);
    f = sk_filter_new();
    if (st == SK_OK)
        st = add_clauses(ctx, f, s->highlight);
    sk_filter_free(f);
    /* The count classifier's own limit, checked here so that it does not wait for data. */
    if (st == SK_OK && s->classes != 0 &&
        (s->classes < SK_CLASSES_MIN || s->classes > SK_CLASSES_MAX))
        st = sk__error(ctx, SK_EUSAGE, "classes: a count map has %d to %d classes (the first "
                       "is 0), not %zu", SK_CLASSES_MIN, SK_CLASSES_MAX, s->classes);
    if (st == SK_OK && s->breaks != NULL) {
        sk_breaks method;
        unsigned breaks[16];
        size_t nbreaks;
        st = sk_breaks_parse(ctx, s->breaks, &method, breaks, 16, &nbreaks);
    }
    if (st == SK_OK && ((unsigned)s->show >= SK_PRINCIPLE_COUNT ||
                        (unsigned)s->table_principle >= SK_PRINCIPLE_COUNT))
        st = sk__error(ctx, SK_EUSAGE, "%s: no such principle (%d)",
                       (unsigned)s->show >= SK_PRINCIPLE_COUNT ? "show" : "table_principle",
                       (unsigned)s->show >= SK_PRINCIPLE_COUNT ? (int)s->show
                                                               : (int)s->table_principle);
    if (st == SK_OK && (unsigned)s->page > SK_PAGE_FROM_STYLE)
        st = sk__error(ctx, SK_EUSAGE, "page: no such page size (%d)", (int)s->page);
    if (st == SK_OK && s->insurer != NULL && s->core_of != NULL)
        st = sk__error(ctx, SK_EUSAGE, "core_of: an insurer's map outlines its own "
                       "kernwerkgebied");
    if (st == SK_OK)
        st = check_labels(ctx, s);
    if (st == SK_OK)
        st = check_insurer(ctx, s->insurer);
    if (st == SK_OK)
        st = check_insurer(ctx, s->core_of);
    if (st == SK_OK)
        st = check_insurer(ctx, s->zoom_core);
    return st;
}

sk_status
sk_map_spec_check(sk_ctx *ctx, const sk_map_spec *spec)
{
    const sk__map_kind_def *def = sk__map_kind(spec->kind);
    if (def == NULL)
        return sk__error(ctx, SK_EUSAGE, "kind: no such map kind (%d)", (int)spec->kind);
    sk_status st = check_fields(ctx, def, spec);
    return st == SK_OK ? check_values(ctx, spec) : st;
}

/* The label index of an insurer's name (already checked). */
static size_t
insurer_index(const char *name)
{
    int label = sk__label_parse(SK_INSURER, name, NULL);
    return label >= 0 ? (size_t)label : 0;
}

/* The municipalities a zoomed map frames (NULL: the whole map); g_free it. */
static sk_status
resolve_zoom(sk_ctx *ctx, const sk_map_data *data, const sk_map_spec *s, unsigned char **out)
{
    *out = NULL;
    if (s->zoom_regions == NULL && s->zoom_municipalities == NULL &&
        s->zoom_province == NULL && s->zoom_core == NULL)
        return SK_OK;
    size_t nmun = sk_geography_municipality_count(data->geo);
    unsigned char *zoom = g_new0(unsigned char, nmun + 1);
    const char *what[] = {"regions", "municipalities", "province"};
    const char *lists[] = {s->zoom_regions, s->zoom_municipalities, s->zoom_province};
    sk_status st = SK_OK;
    for (size_t i = 0; i < G_N_ELEMENTS(lists) && st == SK_OK; i++)
        if (lists[i] != NULL)
            st = sk_geography_select(ctx, data->geo, what[i], lists[i], zoom);
    if (st == SK_OK && s->zoom_core != NULL) {
        const unsigned char *m = sk_core_areas_mask(data->core, insurer_index(s->zoom_core));
        for (size_t i = 0; i < nmun; i++)
            zoom[i] |= m[i];
    }
    if (st != SK_OK) {
        g_free(zoom);
        return st;
    }
    *out = zoom;
    return SK_OK;
}

/* Whether text names name, ignoring case and diacritics. */
static int
names_it(const char *text, const char *name)
{
    char *t = sk__normalize(text), *n = sk__normalize(name);
    int found = strstr(t, n) != NULL;
    g_free(t);
    g_free(n);
    return found;
}

/* The area a zoomed map frames, as its title names it: the official names of the provinces,
** regions or municipalities selected (counted when more than the style's title_names) and
** the kernwerkgebied, joined by ", "; NULL when there is none.  *named: title (may be NULL)
** names each of them already.  g_free it. */
static char *
zoom_label(const sk_map_data *data, const sk_style *style, const sk_map_spec *s,
           const char *title, int *named)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *what[] = {"province", "regions", "municipalities"};
    const char *lists[] = {s->zoom_province, s->zoom_regions, s->zoom_municipalities};
    const sk__names_style *ns = &style->names;
    const char *counts[] = {ns->count_provinces, ns->count_regions, ns->count_municipalities};
    for (size_t i = 0; i < G_N_ELEMENTS(lists); i++) {
        if (lists[i] == NULL)
            continue;
        GPtrArray *some = g_ptr_array_new();
        sk__geography_selection_names(data->geo, what[i], lists[i], some);
        /* More areas than a title line holds: their number ("4 Wmo-regio's"). */
        if (some->len > (guint)ns->title_names) {
            char *n = g_strdup_printf("%u", some->len);
            g_ptr_array_add(names, sk__style_format(counts[i], n, NULL));
            g_free(n);
        } else {
            for (guint k = 0; k < some->len; k++)
                g_ptr_array_add(names, g_strdup(g_ptr_array_index(some, k)));
        }
        g_ptr_array_free(some, TRUE);
    }
    size_t nlabels, areas = names->len;
    if (s->zoom_core != NULL)
        g_ptr_array_add(names, g_strdup(sk__vocabulary(SK_INSURER, &nlabels)
                                            [insurer_index(s->zoom_core)].display));
    *named = title != NULL;
    for (guint i = 0; i < names->len && *named; i++)
        *named = names_it(title, g_ptr_array_index(names, i));
    GString *label = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++) {
        char *part = i < areas ? g_strdup(g_ptr_array_index(names, i))
                               : sk__style_format(style->names.core_format,
                                                  g_ptr_array_index(names, i), NULL);
        g_string_append_printf(label, "%s%s", i > 0 ? ", " : "", part);
        g_free(part);
    }
    g_ptr_array_free(names, TRUE);
    return g_string_free(label, label->len == 0);
}

/* The texts of an insurer's map: its title and the legend text of its kernwerkgebied, and the
** area itself (none when it has no kernwerkgebied). */
static void
insurer_texts(const sk_map_data *data, const sk_style *style, const sk_map_spec *s,
              sk_map_options *mo, char **title, char **area_label)
{
    size_t nlabels, insurer = insurer_index(s->insurer);
    const char *name = sk__vocabulary(SK_INSURER, &nlabels)[insurer].display;
    *title = sk__style_format(style->title_insurer_format, name, NULL);
    *area_label = s->panel ? g_strdup(style->core_area_any)
                           : sk__style_format(style->core_area_format, name, NULL);
    if (s->title == NULL)
        mo->title = *title;
    mo->area_label = *area_label;
    if (data->core != NULL && sk_core_areas_size(data->core, insurer) > 0)
        mo->area = sk_core_areas_mask(data->core, insurer);
}

/* The kernwerkgebieden a spec names exist in data. */
static sk_status
check_core(sk_ctx *ctx, const sk_map_data *data, const sk_map_spec *s)
{
    const char *field = s->core_of != NULL ? "core_of" : s->zoom_core != NULL ? "zoom_core" : NULL;
    if (field != NULL && data->core == NULL)
        return sk__error(ctx, SK_EUSAGE, "%s: no kernwerkgebieden loaded (sk_map_data.core)",
                         field);
    return SK_OK;
}

/* The data a kind needs is there. */
static sk_status
check_data(sk_ctx *ctx, const sk__map_kind_def *def, const sk_map_data *data,
           const sk_map_spec *s)
{
    if (data == NULL || data->geo == NULL)
        return sk__error(ctx, SK_EUSAGE, "a map needs a geography (sk_map_data.geo)");
    if (def->needs_projects && data->projects == NULL)
        return sk__error(ctx, SK_EUSAGE, "a %s map needs a project database "
                         "(sk_map_data.projects)", def->name);
    if (def->needs_points && data->points == NULL)
        return sk__error(ctx, SK_EUSAGE, "a %s map needs a point layer (sk_map_data.points)",
                         def->name);
    if (def->needs_before && data->before == NULL)
        return sk__error(ctx, SK_EUSAGE, "a %s map needs the earlier project database "
                         "(sk_map_data.before)", def->name);
    return check_core(ctx, data, s);
}

/* The options sk_map_new takes from the spec (strings borrowed from spec and data). */
static void
spec_options(const sk__map_kind_def *def, const sk_map_data *data, const sk_map_spec *s,
             sk_map_options *mo)
{
    sk_map_options_init(mo);
    mo->title = s->title;
    mo->caption = s->caption;
    mo->source = s->source;
    mo->source_file = def->source_file != NULL ? def->source_file(s, data) : NULL;
    mo->region_label = s->region_label;
    mo->outline_regions = s->outline_regions;
    mo->text = s->text;
    mo->show_counts = s->show_counts;
    mo->page = s->page;
    mo->note = s->note != NULL ? s->note : def->default_note;
    mo->before = def->needs_before ? data->before : NULL;
    mo->allow_similar_colours = s->allow_similar_colours;
    mo->before_label = s->before_label;
    mo->after_label = s->after_label;
}

/* The filter of a spec: base (copied) or the where clauses, narrowed to an insurer's
** projects; and the highlight clauses. */
static sk_status
spec_filters(sk_ctx *ctx, const sk_map_spec *s, const sk_filter *base, sk_filter **filter,
             sk_filter **highlight)
{
    *filter = sk__filter_copy(base);
    *highlight = NULL;
    /* A point map's clauses select points (sk__point_layer_build), not projects. */
    sk_status st = base == NULL && !is_point_kind(s->kind) ? add_clauses(ctx, *filter, s->where)
                                                           : SK_OK;
    if (st == SK_OK && s->insurer != NULL) {
        size_t nlabels;
        const sk__label_def *labels = sk__vocabulary(SK_INSURER, &nlabels);
        char *clause = g_strdup_printf("zorgverzekeraar=%s",
                                       labels[insurer_index(s->insurer)].key);
        st = sk_filter_add(ctx, *filter, clause);
        g_free(clause);
    }
    if (st == SK_OK && s->highlight != NULL) {
        *highlight = sk_filter_new();
        st = add_clauses(ctx, *highlight, s->highlight);
    }
    return st;
}

/* The classes as the spec wants them: grouped from group_from labels up, or one label kept
** (a new classification), or NULL for c as it is. */
static sk_classification *
spec_classes(const sk_map_spec *s, const sk_classification *c)
{
    if (s->group_from >= 2)
        return sk__classification_group(c, s->group_from);
    if (s->label != NULL)
        return sk__classification_keep_label(
            c, (size_t)sk__label_parse(shown_principle(s), s->label, NULL));
    return NULL;
}

/* The map, or — when panels may be made and the classes (grouped, if the spec groups them)
** are too many or too alike for one map — the page of small multiples, made from the classes
** as classified (a panel per label shows every municipality with that label).  Takes c over. */
static sk_status
dress(sk_ctx *ctx, const sk_map_data *data, const sk_style *style, const sk_map_spec *s,
      const sk_filter *filter, const sk_map_options *mo, sk_classification *c, sk_map **out,
      sk_panels **panels)
{
    sk_classification *shown_classes = spec_classes(s, c);
    sk_classification *d = shown_classes != NULL ? shown_classes : c;
    sk__split_reason why = {0};
    guint8 *shown = g_new0(guint8, sk_classification_class_count(d) + 1);
    sk__map_classes_in_view(data->geo, mo->zoom, d, shown);
    int one_map = s->label != NULL || !sk__registry_needs_panels(style, d, shown, &why);
    g_free(shown);
    if (one_map) {
        if (shown_classes != NULL)
            sk_classification_free(c);
        return sk_map_new(ctx, data->geo, data->projects, style, filter, d, mo, out);
    }
    sk_classification_free(shown_classes);
    if (panels != NULL)
        return sk__split_build(ctx, data, style, s, filter, mo, c, &why, panels);
    sk_status st = sk__error(ctx, SK_EINPUT, "%s: a map of %s combinations with %zu classes%s "
                             "cannot be read as one map; group the classes (group_from, "
                             "--group-from N) or draw it on a page of its own, as small "
                             "multiples", s->title != NULL ? s->title : "map",
                             sk_principle_name(shown_principle(s)), why.classes,
                             why.alike ? " in colours too alike" : "");
    sk_classification_free(c);
    return st;
}

/* A point map's layer (SK_MAP_POINTS) and the title and source line made from it, unless the
** spec gives them (strings owned by the caller). */
static sk_status
point_texts(sk_ctx *ctx, const sk_map_data *data, const sk_style *style, const sk_map_spec *s,
            sk_map_options *mo, sk__point_layer **layer, char **title, char **source)
{
    sk_status st = s->kind == SK_MAP_POINTS ? sk__point_layer_build(ctx, data, style, s, layer)
                                            : SK_OK;
    if (st != SK_OK)
        return st;
    if (mo->title == NULL)
        mo->title = *title = sk__point_map_title(style, s, *layer);
    if (mo->source == NULL) {
        char *base = g_path_get_basename(sk_points_source(data->points));
        mo->source = *source = sk__style_format(sk__style_points(style)->source_format, base,
                                                NULL);
        g_free(base);
    }
    return SK_OK;
}

/* Classify and dress: everything resolved, the spec checked. */
static sk_status
build(sk_ctx *ctx, const sk__map_kind_def *def, const sk_map_data *data,
      const sk_style *style, const sk_map_spec *s, const sk_filter *filter,
      const sk_filter *highlight, sk_map **out, sk_panels **panels)
{
    sk_map_options mo;
    spec_options(def, data, s, &mo);
    mo.highlight = highlight;
    char *area_label = NULL, *title = NULL;
    if (s->core_of != NULL) {
        size_t insurer = insurer_index(s->core_of);
        mo.area = sk_core_areas_mask(data->core, insurer);
        mo.area_label = area_label = sk_core_area_label(style, insurer);
    } else if (s->insurer != NULL) {
        insurer_texts(data, style, s, &mo, &title, &area_label);
    }
    unsigned char *zoom = NULL;
    sk_status st = resolve_zoom(ctx, data, s, &zoom);
    mo.zoom = zoom;
    int named = 0;
    char *area = zoom != NULL ? zoom_label(data, style, s, mo.title, &named) : NULL;
    char *legend = area != NULL ? sk__style_format(style->names.legend_format, area, NULL) : NULL;
    mo.zoom_label = named ? NULL : area;
    mo.zoom_legend = legend;
    sk__point_layer *layer = NULL;
    char *point_title = NULL, *point_source = NULL;
    if (st == SK_OK && def->needs_points)
        st = point_texts(ctx, data, style, s, &mo, &layer, &point_title, &point_source);
    sk_classification *c = NULL;
    sk__kind_input in = {s, data, filter, highlight};
    if (st == SK_OK)
        st = def->classify(ctx, &in, &c);
    if (st == SK_OK)
        st = dress(ctx, data, style, s, filter, &mo, c, out, panels);
    if (st == SK_OK && *out != NULL && layer != NULL) {
        /* The map is still being built, not shared yet.  A zoomed map counts what it shows. */
        if ((*out)->zoom != NULL)
            sk__point_layer_restrict(layer, style, (*out)->extent);
        (*out)->points = layer;
        layer = NULL;
    }
    sk__point_layer_free(layer);
    g_free(point_title);
    g_free(point_source);
    g_free(zoom);
    g_free(area);
    g_free(legend);
    g_free(title);
    g_free(area_label);
    return st;
}

static sk_status
build_filtered(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
               const sk_map_spec *spec, const sk_filter *base, sk_map **out,
               sk_panels **panels)
{
    *out = NULL;
    if (panels != NULL)
        *panels = NULL;
    if (sk_map_spec_check(ctx, spec) != SK_OK)
        return sk_ctx_status(ctx);
    const sk__map_kind_def *def = sk__map_kind(spec->kind);
    if (check_data(ctx, def, data, spec) != SK_OK)
        return sk_ctx_status(ctx);
    sk_filter *filter = NULL, *highlight = NULL;
    sk_status st = spec_filters(ctx, spec, base, &filter, &highlight);
    if (st == SK_OK)
        st = build(ctx, def, data, style, spec, filter, highlight, out, panels);
    sk_filter_free(filter);
    sk_filter_free(highlight);
    return st;
}

sk_status
sk__map_build_filtered(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                       const sk_map_spec *spec, const sk_filter *base, sk_map **out)
{
    return build_filtered(ctx, data, style, spec, base, out, NULL);
}

sk_status
sk_map_build(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
             const sk_map_spec *spec, sk_map **out)
{
    return build_filtered(ctx, data, style, spec, NULL, out, NULL);
}

sk_status
sk_map_build_page(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                  const sk_map_spec *spec, sk_map **map, sk_panels **panels)
{
    return build_filtered(ctx, data, style, spec, NULL, map, panels);
}
