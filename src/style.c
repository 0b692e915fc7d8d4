/* Styles: an INI file read with the project's keyfile reader (GKeyFile underneath).  A style
** file only needs the keys it changes: every key is looked up in the given file first and then
** in the default style (styles/aef.ini), which must define them all, so no visual constant
** lives in the code.  What a file holds beyond the keys read (a misspelt key or group), bad
** values and fonts that are not installed are FILE:LINE errors, all of them in one run. */
#include <stdlib.h>
#include <string.h>
#include <pango/pangocairo.h>
#include "internal.h"
#include "keyfile.h"
#include "paths.h"
#include "style_internal.h"
#include "stylekeys.h"
#include "text.h"
#include "vocabulary.h"

#define MM (72.0 / 25.4)

void
sk_style_free(sk_style *s)
{
    if (s == NULL)
        return;
    for (size_t i = 0; i < 4; i++)
        g_free(s->change_label[i]);
    if (s->regions_palette)
        g_array_free(s->regions_palette, TRUE);
    if (s->sequential)
        g_array_free(s->sequential, TRUE);
    if (s->fallback)
        g_array_free(s->fallback, TRUE);
    for (int p = 0; p < SK_PRINCIPLE_COUNT; p++) {
        if (s->colors[p])
            g_hash_table_destroy(s->colors[p]);
        if (s->legend_text[p])
            g_hash_table_destroy(s->legend_text[p]);
        g_free(s->legend_title[p]);
        g_free(s->label_rank[p]);
        g_free(s->panel_white[p]);
        g_free(s->group_format[p]);
    }
    char *texts[] = {s->path, s->font_family, s->region_border_label, s->contents_title,
                     s->source_format, s->source_table_format, s->title_changes_format,
                     s->changes_legend_title, s->source_changes_format, s->title_insurer_format,
                     s->title_insurers, s->core_area_format, s->core_area_any,
                     s->names.title_format, s->names.core_format, s->names.count_provinces,
                     s->names.legend_format, s->names.count_regions,
                     s->names.count_municipalities, s->total_label,
                     s->title_total_format, s->title_combination_format, s->all_projects,
                     s->highlight_format, s->highlight_other_format, s->title_count_format,
                     s->count_range_format, s->count_open_format, s->count_legend_title,
                     s->note_title, s->none_label, s->regions_title, s->outline_label,
                     s->regions_legend_title, s->total_insurer_format, s->no_matching_format,
                     s->no_matching_panels, s->count_exact_format, s->count_exact_one_format,
                     s->count_plural_format, s->count_singular_format, s->no_project_label,
                     s->not_in_table_label, s->no_project_changes_label, s->table_panel_white,
                     s->combination_note, s->split_note_format, s->split_alike_format};
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
        g_free(texts[i]);
    for (size_t i = 0; i < SK__VIEW_TEXT_COUNT; i++)
        g_free(s->view_text[i]);
    sk__style_free_points(s);
    g_free(s);
}

/* One key of [colors.PRINCIPLE]: "label+label = #rrggbb" into the principle's colours. */
static void
read_combination_color(sk__keyfile *k, sk_style *s, sk_principle p, const char *group,
                       const char *key)
{
    const char *name = sk_principle_name(p);
    char **labels = g_strsplit(key, "+", -1);
    sk_labelset set = 0;
    for (size_t l = 0; labels[l] != NULL; l++) {
        int label = sk__label_parse(p, g_strstrip(labels[l]), NULL);
        if (label < 0)
            sk__keyfile_problem(k, group, key, "unknown %s '%s' (did you mean '%s'?)", name,
                                labels[l], sk__label_suggest(p, labels[l]));
        else
            set |= (sk_labelset)1 << label;
    }
    g_strfreev(labels);
    char *v = sk__keyfile_get(k, group, key);
    sk__color c;
    if (v == NULL || !sk__key_parse_color(v, &c))
        sk__keyfile_problem(k, group, key, "'%s' is not a colour (expected #rrggbb)",
                            v ? v : "");
    else if (set != 0)
        g_hash_table_replace(s->colors[p], GUINT_TO_POINTER(set), GUINT_TO_POINTER(c + 1));
    g_free(v);
}

/* [legend-order] PRINCIPLE = its label keys in the legend's order (every label once); absent:
** the order of the database contract. */
static void
read_label_order(sk__key_reader *r, sk_style *s, sk_principle p)
{
    size_t count = sk_principle_label_count(p), next = 0;
    s->label_rank[p] = g_new0(guint8, count + 1);
    guint8 *placed = g_new0(guint8, count + 1);
    sk__keyfile *from = NULL;
    char *text = sk__key_raw(r, "legend-order", sk_principle_name(p), 0, &from);
    char **keys = text != NULL ? g_strsplit(text, ",", -1) : NULL;
    for (size_t i = 0; keys != NULL && keys[i] != NULL; i++) {
        const char *key = g_strstrip(keys[i]);
        int l = sk__label_parse(p, key, NULL);
        if (l < 0 || placed[l]) {
            sk__keyfile_problem(from, "legend-order", sk_principle_name(p), l < 0 ?
                                "unknown %s '%s' (did you mean '%s'?)" : "%s '%s' given twice%s",
                                sk_principle_name(p), key,
                                l < 0 ? sk__label_suggest(p, key) : "");
            continue;
        }
        placed[l] = 1;
        s->label_rank[p][l] = (guint8)next++;
    }
    if (keys != NULL && next != count)
        sk__keyfile_problem(from, "legend-order", sk_principle_name(p), "every %s once: %zu "
                            "of %zu given", sk_principle_name(p), next, count);
    for (size_t l = 0; keys == NULL && l < count; l++)
        s->label_rank[p][l] = (guint8)l;
    g_strfreev(keys);
    g_free(text);
    g_free(placed);
}

static void
read_principle(sk__key_reader *r, sk_style *s, sk_principle p)
{
    const char *name = sk_principle_name(p);
    char *group = g_strdup_printf("colors.%s", name);
    s->colors[p] = g_hash_table_new(g_direct_hash, g_direct_equal);
    s->legend_text[p] = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    /* The default style's colours first, then the user's on top. */
    for (int i = 1; i >= 0; i--) {
        if (r->files[i] == NULL)
            continue;
        gsize nkeys = 0;
        char **keys = g_key_file_get_keys(sk__keyfile_gkf(r->files[i]), group, &nkeys, NULL);
        for (gsize k = 0; k < nkeys; k++)
            read_combination_color(r->files[i], s, p, group, keys[k]);
        g_strfreev(keys);
    }
    g_free(group);

    size_t count;
    const sk__label_def *labels = sk__vocabulary(p, &count);
    for (size_t l = 0; l < count; l++) {
        char *key = g_strdup_printf("%s.%s", name, labels[l].key);
        char *text = sk__key_raw(r, "labels", key, 0, NULL);
        g_hash_table_insert(s->legend_text[p], GSIZE_TO_POINTER(l),
                            text != NULL ? text : g_strdup(labels[l].legend));
        g_free(key);
    }
    char *title = sk__key_raw(r, "legend-titles", name, 0, NULL);
    s->legend_title[p] = title != NULL ? title : g_strdup(sk__principle_title(p));
    s->panel_white[p] = sk__key_format(r, "legend-white", name, 0);
    s->group_format[p] = sk__key_format(r, "group-labels", name, 1);
    read_label_order(r, s, p);
}

/* Whether family is one fontconfig knows (names compared as fontconfig does, ignoring case);
** *nearest: the nearest installed family otherwise (borrowed from names). */
static int
font_family_known(const char *family, const char *const *names, const char **nearest)
{
    /* Generic names fontconfig always resolves to some installed font. */
    static const char *const generic[] = {"sans", "sans-serif", "serif", "monospace", "mono",
                                          "system-ui", "cursive", "fantasy", NULL};
    for (size_t i = 0; generic[i] != NULL; i++)
        if (g_ascii_strcasecmp(family, generic[i]) == 0)
            return 1;
    for (size_t i = 0; names[i] != NULL; i++)
        if (g_ascii_strcasecmp(family, names[i]) == 0)
            return 1;
    *nearest = sk__keyfile_nearest(family, names);
    return 0;
}

/* [fonts] family: every family of the list must be installed, or text would silently come
** out in another font.  In the user's file that is an error; in the installed default style
** it is the installation's fault, so a warning (Pango then draws a fallback font). */
static void
check_font_family(sk__key_reader *r, sk__keyfile *from, const char *value)
{
    if (value[0] == '\0') {
        sk__keyfile_problem(from, "fonts", "family", "no font family given");
        return;
    }
    PangoFontFamily **families = NULL;
    int n = 0;
    pango_font_map_list_families(pango_cairo_font_map_get_default(), &families, &n);
    const char **names = g_new0(const char *, (size_t)n + 1);
    for (int i = 0; i < n; i++)
        names[i] = pango_font_family_get_name(families[i]);
    char **list = g_strsplit(value, ",", -1);
    for (size_t i = 0; list[i] != NULL; i++) {
        const char *family = g_strstrip(list[i]), *nearest = NULL;
        if (family[0] == '\0' || font_family_known(family, names, &nearest))
            continue;
        if (from == r->files[1])
            sk__warn(r->ctx, "%s: [fonts] family: font family '%s' is not installed; text is "
                     "drawn in a fallback font (install it, e.g. fonts-dejavu-core)",
                     sk__keyfile_path(from), family);
        else if (nearest != NULL)
            sk__keyfile_problem(from, "fonts", "family", "unknown font family '%s' (did you "
                                "mean '%s'?)", family, nearest);
        else
            sk__keyfile_problem(from, "fonts", "family", "unknown font family '%s'", family);
    }
    g_strfreev(list);
    g_free(names);
    g_free(families);
}

static void
read_page(sk__key_reader *r, sk_style *s)
{
    sk__keyfile *from = r->files[1];
    char *size = sk__key_string(r, "page", "size", &from);
    sk_ctx *probe = sk_ctx_new();
    if (sk_page_size_parse(probe, size, &s->page) != SK_OK)
        sk__keyfile_problem(from, "page", "size", "%s", sk_ctx_errmsg(probe));
    sk_ctx_free(probe);
    g_free(size);
    s->margin = sk__key_number(r, "page", "margin_mm", 0, 100) * MM;
    s->background = sk__key_color(r, "page", "background");
    s->text_color = sk__key_color(r, "page", "text");
    s->muted_text_color = sk__key_color(r, "page", "muted_text");
    s->caption_lines = sk__key_count(r, "page", "caption_lines", 0, 10);
}

static void
read_fonts(sk__key_reader *r, sk_style *s)
{
    sk__keyfile *from = r->files[1];
    s->font_family = sk__key_string(r, "fonts", "family", &from);
    check_font_family(r, from, s->font_family);
    s->title_size = sk__key_number(r, "fonts", "title_pt", 4, 72);
    s->caption_size = sk__key_number(r, "fonts", "caption_pt", 4, 72);
    s->legend_title_size = sk__key_number(r, "fonts", "legend_title_pt", 4, 72);
    /* A fixed size, never shrunk to make a legend fit, and readable on paper. */
    s->legend_size = sk__key_number(r, "fonts", "legend_pt", 7, 72);
    s->source_size = sk__key_number(r, "fonts", "source_pt", 4, 72);
    s->scale_size = sk__key_number(r, "fonts", "scale_bar_pt", 4, 72);
    s->label_size = sk__key_number(r, "fonts", "label_pt", 4, 72);
    s->names.large = sk__key_number(r, "fonts", "name_pt", 0, 72);
    s->names.medium = sk__key_number(r, "fonts", "name_medium_pt", 3, 72);
    s->names.small = sk__key_number(r, "fonts", "name_min_pt", 3, 72);
    /* Names are sized by rank: a more populous municipality never gets the smaller name. */
    if (s->names.large > 0 && !(s->names.large >= s->names.medium &&
                                s->names.medium >= s->names.small)) {
        const char *keys[] = {"name_pt", "name_medium_pt", "name_min_pt"}, *key = keys[1];
        for (int i = 2; i >= 0; i--)   /* the first the user's file sets, else the default */
            if (r->files[0] != NULL && sk__key_source(r, "fonts", keys[i]) == r->files[0])
                key = keys[i];
        sk__keyfile_problem(sk__key_source(r, "fonts", key), "fonts", key, "names are sized "
                            "by rank: name_pt (%g) >= name_medium_pt (%g) >= name_min_pt (%g) "
                            "is needed", s->names.large, s->names.medium, s->names.small);
    }
    s->note_size = sk__key_number(r, "fonts", "note_pt", 4, 72);
}

static void
read_map(sk__key_reader *r, sk_style *s)
{
    s->no_data_fill = sk__key_color(r, "map", "no_data_fill");
    s->municipality_border = sk__key_color(r, "map", "municipality_border");
    s->municipality_border_width = sk__key_number(r, "map", "municipality_border_pt", 0, 10);
    s->region_border = sk__key_color(r, "map", "region_border");
    s->region_border_width = sk__key_number(r, "map", "region_border_pt", 0, 10);
    s->inset_land = sk__key_color(r, "map", "inset_land");
    s->inset_border = sk__key_color(r, "map", "inset_border");
    s->inset_extent = sk__key_color(r, "map", "inset_extent");
    s->outline_color = sk__key_color(r, "map", "outline");
    s->outline_width = sk__key_number(r, "map", "outline_pt", 0, 10);
    s->area_color = sk__key_color(r, "map", "area_outline");
    s->area_width = sk__key_number(r, "map", "area_outline_pt", 0, 10);
    s->area_casing = sk__key_color(r, "map", "area_outline_casing");
    s->area_casing_width = sk__key_number(r, "map", "area_outline_casing_pt", 0, 20);
    s->label_color = sk__key_color(r, "map", "label");
    s->label_halo = sk__key_color(r, "map", "label_halo");
    s->region_casing = sk__key_color(r, "map", "region_border_casing");
    s->region_casing_width = sk__key_number(r, "map", "region_border_casing_pt", 0, 20);
    s->fill_border = sk__key_color(r, "map", "municipality_border_on_fill");
    s->fill_border_width = sk__key_number(r, "map", "municipality_border_on_fill_pt", 0, 10);
    s->panel_lines_min = sk__key_number(r, "map", "panel_lines_min", 0.1, 1);
}

/* [names]: which names a zoomed map always shows, their leader lines, the area's outline and
** its name in the title. */
static void
read_names(sk__key_reader *r, sk__names_style *n)
{
    n->always = sk__key_count(r, "names", "always", 0, 100);
    n->beside = sk__key_count(r, "names", "beside", 0, 1000);
    n->large_count = sk__key_count(r, "names", "large", 0, 1000);
    n->medium_count = sk__key_count(r, "names", "medium", 0, 1000);
    n->leader = sk__key_color(r, "names", "leader");
    n->leader_width = sk__key_number(r, "names", "leader_pt", 0.1, 5);
    n->leader_casing_width = sk__key_number(r, "names", "leader_casing_pt", 0, 10);
    n->leader_max = sk__key_number(r, "names", "leader_max_mm", 1, 200) * MM;
    n->outline = sk__key_color(r, "names", "area_band");
    n->outline_width = sk__key_number(r, "names", "area_band_pt", 0, 20);
    n->outline_opacity = sk__key_number(r, "names", "area_band_opacity", 0, 1);
    n->legend_format = sk__key_format(r, "names", "area_legend", 1);
    n->title_format = sk__key_format(r, "names", "title", 2);
    n->core_format = sk__key_format(r, "names", "core_area", 1);
    n->title_names = sk__key_count(r, "names", "title_names", 0, 100);
    n->count_provinces = sk__key_format(r, "names", "title_provinces", 1);
    n->count_regions = sk__key_format(r, "names", "title_regions", 1);
    n->count_municipalities = sk__key_format(r, "names", "title_municipalities", 1);
}

static void
read_legend(sk__key_reader *r, sk_style *s)
{
    s->legend_width = sk__key_number(r, "legend", "width_mm", 20, 200) * MM;
    s->text_panel_width = sk__key_number(r, "legend", "text_panel_width_mm", 20, 200) * MM;
    s->swatch_width = sk__key_number(r, "legend", "swatch_width_mm", 1, 50) * MM;
    s->swatch_height = sk__key_number(r, "legend", "swatch_height_mm", 1, 50) * MM;
    s->legend_spacing = sk__key_number(r, "legend", "spacing_mm", 0, 20) * MM;
    s->show_counts = sk__key_bool(r, "legend", "show_counts");
    s->region_border_label = sk__key_string(r, "legend", "region_border_label", NULL);
    s->inset_width = sk__key_number(r, "legend", "inset_width_mm", 10, 200) * MM;
    s->outline_label = sk__key_format(r, "legend", "outline_label", 0);
    s->note_fill = sk__key_color(r, "legend", "note_fill");
    s->note_border = sk__key_color(r, "legend", "note_border");
}

/* [document]: the atlas's own pages (cover, contents, sections, page numbers). */
static void
read_document(sk__key_reader *r, sk_style *s)
{
    s->page_number_size = sk__key_number(r, "document", "page_number_pt", 4, 72);
    s->cover_title_size = sk__key_number(r, "document", "cover_title_pt", 4, 144);
    s->cover_subtitle_size = sk__key_number(r, "document", "cover_subtitle_pt", 4, 72);
    s->cover_text_size = sk__key_number(r, "document", "cover_text_pt", 4, 72);
    s->status_size = sk__key_number(r, "document", "status_pt", 4, 72);
    s->status_color = sk__key_color(r, "document", "status");
    s->section_text_size = sk__key_number(r, "document", "section_text_pt", 4, 72);
    s->section_text_width = sk__key_number(r, "document", "section_text_width_mm", 20, 1000) * MM;
    s->leader_color = sk__key_color(r, "document", "leader");
    s->contents_title = sk__key_string(r, "document", "contents_title", NULL);
}

static void
read_texts(sk__key_reader *r, sk_style *s)
{
    /* Each format and the number of %s the code fills it with. */
    struct { char **slot; const char *key; int conversions; } formats[] = {
        {&s->source_format, "source", 1}, {&s->source_table_format, "source_table", 1},
        {&s->total_label, "total_label", 0},
        {&s->total_insurer_format, "total_label_insurer", 1}, {&s->title_total_format, "title_total", 1},
        {&s->title_combination_format, "title_combination", 2},
        {&s->all_projects, "all_projects", 0}, {&s->highlight_format, "highlight", 2},
        {&s->highlight_other_format, "highlight_other", 1},
        {&s->title_count_format, "title_count", 1}, {&s->count_range_format, "count_range", 2},
        {&s->count_open_format, "count_open", 1},
        {&s->count_exact_format, "count_exact", 1},
        {&s->count_exact_one_format, "count_exact_one", 1},
        {&s->count_legend_title, "count_legend_title", 0}, {&s->note_title, "note_title", 0},
        {&s->none_label, "none_label", 0}, {&s->regions_title, "regions_title", 0},
        {&s->regions_legend_title, "regions_legend_title", 0},
        {&s->title_changes_format, "title_changes", 1},
        {&s->changes_legend_title, "changes_legend_title", 0},
        {&s->source_changes_format, "source_changes", 2},
        {&s->title_insurer_format, "title_insurer", 1}, {&s->title_insurers, "title_insurers", 0},
        {&s->core_area_format, "core_area", 1}, {&s->core_area_any, "core_area_any", 0},
        {&s->count_plural_format, "count_municipalities", 1},
        {&s->count_singular_format, "count_municipality", 1},
        {&s->no_project_label, "no_project", 0}, {&s->not_in_table_label, "not_in_table", 0},
        {&s->no_matching_format, "no_matching_project", 1},
        {&s->no_matching_panels, "no_matching_panels", 0},
        {&s->no_project_changes_label, "no_project_changes", 0},
        {&s->table_panel_white, "table_panel_white", 0},
        {&s->combination_note, "combination_note", 0}, {&s->split_note_format, "split_note", 2},
        {&s->split_alike_format, "split_alike", 2},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(formats); i++)
        *formats[i].slot = sk__key_format(r, "text", formats[i].key, formats[i].conversions);
}

static void
read_palette(sk__key_reader *r, sk_style *s)
{
    static const char *const changes[] = {"new", "ended", "changed", "unchanged"};
    for (size_t i = 0; i < 4; i++) {
        char *key = g_strconcat("change_", changes[i], NULL);
        s->change_label[i] = sk__key_format(r, "text", key, 0);
        s->change_fill[i] = sk__key_color(r, "palette", key);
        g_free(key);
    }
    s->none_fill = sk__key_color(r, "palette", "none");
    s->highlight_fill = sk__key_color(r, "palette", "highlight");
    s->highlight_other_fill = sk__key_color(r, "palette", "highlight_other");
    s->total_fill = sk__key_color(r, "palette", "total");
    s->group_fill = sk__key_color(r, "palette", "group");
    s->fallback = sk__key_color_list(r, "palette", "fallback");
    s->regions_palette = sk__key_color_list(r, "palette", "regions");
    s->sequential = sk__key_color_list(r, "palette", "sequential");
    for (int p = 0; p < SK_PRINCIPLE_COUNT; p++)
        read_principle(r, s, (sk_principle)p);
}

/* [compare] and [diff]: the texts of compare's and diff's key figures (sk__view_keys). */
static void
read_views(sk__key_reader *r, sk_style *s)
{
    for (size_t i = 0; i < SK__VIEW_TEXT_COUNT; i++)
        s->view_text[i] = sk__key_format(r, sk__view_keys[i].group, sk__view_keys[i].key,
                                     sk__view_keys[i].conversions);
}

/* The groups a style may have: those read, and a colors.PRINCIPLE per principle.
** NULL-terminated; g_free the array (the strings are borrowed or static). */
static const char **
known_groups(sk__key_reader *r, GPtrArray *owned)
{
    GPtrArray *names = g_ptr_array_new();
    GHashTableIter it;
    gpointer group;
    g_hash_table_iter_init(&it, r->known);
    while (g_hash_table_iter_next(&it, &group, NULL))
        g_ptr_array_add(names, group);
    for (int p = 0; p < SK_PRINCIPLE_COUNT; p++) {
        char *colors = g_strdup_printf("colors.%s", sk_principle_name((sk_principle)p));
        g_ptr_array_add(owned, colors);
        g_ptr_array_add(names, colors);
    }
    g_ptr_array_add(names, NULL);
    return (const char **)g_ptr_array_free(names, FALSE);
}

/* The group meant by an unknown one: colors.PRINCIPLE for colors.X (X an alias or a
** misspelt principle), else the nearest of groups.  g_free it. */
static char *
nearest_group(const char *group, const char *const *groups)
{
    if (!g_str_has_prefix(group, "colors."))
        return g_strdup(sk__keyfile_nearest(group, groups));
    const char *names[SK_PRINCIPLE_COUNT + 1] = {NULL};
    for (int p = 0; p < SK_PRINCIPLE_COUNT; p++)
        names[p] = sk_principle_name((sk_principle)p);
    sk_principle p;
    sk_ctx *probe = sk_ctx_new();
    const char *x = group + strlen("colors.");
    const char *name = sk_principle_parse(probe, x, &p) == SK_OK ? sk_principle_name(p)
                                                                 : sk__keyfile_nearest(x, names);
    sk_ctx_free(probe);
    return g_strconcat("colors.", name, NULL);
}

/* Report the groups and keys of k that the style does not have. */
static void
check_unknown(sk__key_reader *r, sk__keyfile *k)
{
    GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
    const char **groups = known_groups(r, owned);
    sk__keyfile_check_unknown(k, r->known, groups, nearest_group);
    g_free(groups);
    g_ptr_array_free(owned, TRUE);
}

/* Open the default style and the user's (path, may be NULL) into r. */
static sk_status
open_files(sk_ctx *ctx, sk__key_reader *r, const char *path, const char *default_path)
{
    sk__diagnostics_init(&r->diags);
    r->known = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)g_ptr_array_unref);
    sk_status st = sk__keyfile_open(ctx, default_path, "style", &r->diags, &r->files[1]);
    if (st == SK_OK && path != NULL)
        st = sk__keyfile_open(ctx, path, "style", &r->diags, &r->files[0]);
    for (int i = 0; i < 2 && st == SK_OK; i++)
        if (r->files[i] != NULL)
            sk__keyfile_check_repeats(r->files[i]);
    return st;
}

static void
close_files(sk__key_reader *r)
{
    sk__keyfile_free(r->files[0]);
    sk__keyfile_free(r->files[1]);
    g_hash_table_destroy(r->known);
    if (r->diags.text != NULL)
        g_string_free(r->diags.text, TRUE);
}

sk_status
sk_style_load(sk_ctx *ctx, const char *path, sk_style **out)
{
    *out = NULL;
    char *default_path = g_build_filename(sk_styles_dir(), "aef.ini", NULL);
    sk__key_reader r = {ctx, {NULL, NULL}, {0}, NULL};
    sk_status st = open_files(ctx, &r, path, default_path);
    sk_style *s = NULL;
    if (st == SK_OK) {
        s = g_new0(sk_style, 1);
        s->path = g_strdup(path != NULL ? path : default_path);
        read_page(&r, s);
        read_fonts(&r, s);
        read_map(&r, s);
        read_legend(&r, s);
        read_names(&r, &s->names);
        read_texts(&r, s);
        read_document(&r, s);
        read_palette(&r, s);
        read_views(&r, s);
        sk__style_read_points(&r, s);
        for (int i = 0; i < 2; i++)
            if (r.files[i] != NULL)
                check_unknown(&r, r.files[i]);
        st = sk__diagnostics_finish(&r.diags, ctx);
    }
    close_files(&r);
    g_free(default_path);
    if (st != SK_OK) {
        sk_style_free(s);
        return st;
    }
    *out = s;
    return SK_OK;
}
