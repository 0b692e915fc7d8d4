/* Styles: an INI file read with GLib's GKeyFile.  A style file only needs the keys it
** changes: every key is looked up in the given file first and then in the default style
** (styles/aef.ini), which must define them all, so no visual constant lives in the code. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "paths.h"
#include "style_internal.h"
#include "text.h"
#include "vocabulary.h"

#define MM (72.0 / 25.4)

const char *
sk_styles_dir(void)
{
    const char *env = g_getenv("SAMENKAART_STYLES");
    return env != NULL && env[0] != '\0' ? env : sk__default_styles_dir();
}

void
sk_style_free(sk_style *s)
{
    if (s == NULL)
        return;
    g_free(s->path);
    g_free(s->font_family);
    g_free(s->region_border_label);
    g_free(s->source_format);
    g_free(s->source_table_format);
    g_free(s->title_changes_format);
    g_free(s->changes_legend_title);
    g_free(s->source_changes_format);
    g_free(s->title_insurer_format);
    g_free(s->title_insurers);
    g_free(s->core_area_format);
    g_free(s->core_area_any);
    for (size_t i = 0; i < 4; i++)
        g_free(s->change_label[i]);
    g_free(s->total_label);
    g_free(s->title_total_format);
    g_free(s->title_combination_format);
    g_free(s->all_projects);
    g_free(s->highlight_format);
    g_free(s->highlight_other_format);
    g_free(s->title_count_format);
    g_free(s->count_range_format);
    g_free(s->count_open_format);
    g_free(s->count_legend_title);
    g_free(s->note_title);
    g_free(s->none_label);
    g_free(s->regions_title);
    g_free(s->outline_label);
    g_free(s->regions_legend_title);
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
    }
    g_free(s);
}

/* Reading keys from the user's file with the default style beneath it. */
typedef struct reader {
    GKeyFile *files[2];   /* user (may be NULL), default */
    const char *paths[2];
    sk__diagnostics diags;
} reader;

static char *
get_raw(reader *r, const char *group, const char *key, int required)
{
    for (int i = 0; i < 2; i++) {
        if (r->files[i] == NULL)
            continue;
        char *v = g_key_file_get_string(r->files[i], group, key, NULL);
        if (v != NULL)
            return g_strstrip(v);
    }
    if (required)
        sk__diagnostics_add(&r->diags, "%s: [%s] %s: missing", r->paths[1], group, key);
    return NULL;
}

static char *
get_string(reader *r, const char *group, const char *key)
{
    char *v = get_raw(r, group, key, 1);
    return v != NULL ? v : g_strdup("");
}

static int
parse_color(const char *text, sk__color *out)
{
    if (text == NULL || text[0] != '#' || strlen(text) != 7)
        return 0;
    for (int i = 1; i < 7; i++)
        if (!g_ascii_isxdigit(text[i]))
            return 0;
    *out = (sk__color)strtoul(text + 1, NULL, 16);
    return 1;
}

static sk__color
get_color(reader *r, const char *group, const char *key)
{
    char *v = get_raw(r, group, key, 1);
    sk__color c = 0;
    if (v != NULL && !parse_color(v, &c))
        sk__diagnostics_add(&r->diags, "[%s] %s: '%s' is not a colour (expected #rrggbb, "
                            "e.g. #1f78b4)", group, key, v);
    g_free(v);
    return c;
}

/* A ','-separated list of colours. */
static GArray *
get_color_list(reader *r, const char *group, const char *key)
{
    GArray *list = g_array_new(FALSE, FALSE, sizeof(sk__color));
    char *text = get_string(r, group, key);
    char **colors = g_strsplit(text, ",", -1);
    for (size_t i = 0; colors[i] != NULL; i++) {
        sk__color c;
        if (parse_color(g_strstrip(colors[i]), &c))
            g_array_append_val(list, c);
        else
            sk__diagnostics_add(&r->diags, "[%s] %s: '%s' is not a colour (expected #rrggbb)",
                                group, key, colors[i]);
    }
    g_strfreev(colors);
    g_free(text);
    return list;
}

static double
get_number(reader *r, const char *group, const char *key, double min, double max)
{
    char *v = get_raw(r, group, key, 1);
    if (v == NULL)
        return min;
    char *end;
    double d = g_ascii_strtod(v, &end);
    if (end == v || *end != '\0' || !(d >= min && d <= max)) {
        sk__diagnostics_add(&r->diags, "[%s] %s: '%s' is not a number from %g to %g", group,
                            key, v, min, max);
        d = min;
    }
    g_free(v);
    return d;
}

static int
get_bool(reader *r, const char *group, const char *key)
{
    char *v = get_raw(r, group, key, 1);
    int b = 0;
    if (v != NULL) {
        if (g_ascii_strcasecmp(v, "true") == 0 || g_ascii_strcasecmp(v, "yes") == 0)
            b = 1;
        else if (g_ascii_strcasecmp(v, "false") != 0 && g_ascii_strcasecmp(v, "no") != 0)
            sk__diagnostics_add(&r->diags, "[%s] %s: '%s' is not true or false", group, key, v);
    }
    g_free(v);
    return b;
}

/* A "%s" format from the style must have exactly as many %s as the code passes, and no other
** conversion, or printing it would be undefined behaviour. */
static char *
get_format(reader *r, const char *group, const char *key, int conversions)
{
    char *v = get_string(r, group, key);
    int n = 0, ok = 1;
    for (const char *p = v; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
        } else if (p[1] == 's') {
            n++;
            p++;
        } else {
            ok = 0;
        }
    }
    if (!ok || n != conversions)
        sk__diagnostics_add(&r->diags, "[%s] %s: '%s' must contain %d %%s and no other %% "
                            "conversion", group, key, v, conversions);
    return v;
}

static void
read_principle(reader *r, sk_style *s, sk_principle p)
{
    const char *name = sk_principle_name(p);
    char *group = g_strdup_printf("colors.%s", name);
    s->colors[p] = g_hash_table_new(g_direct_hash, g_direct_equal);
    s->legend_text[p] = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    /* The default style's colours first, then the user's on top. */
    for (int i = 1; i >= 0; i--) {
        if (r->files[i] == NULL || !g_key_file_has_group(r->files[i], group))
            continue;
        gsize nkeys;
        char **keys = g_key_file_get_keys(r->files[i], group, &nkeys, NULL);
        for (gsize k = 0; k < nkeys; k++) {
            char **labels = g_strsplit(keys[k], "+", -1);
            sk_labelset set = 0;
            for (size_t l = 0; labels[l] != NULL; l++) {
                int label = sk__label_parse(p, g_strstrip(labels[l]), NULL);
                if (label < 0)
                    sk__diagnostics_add(&r->diags, "%s: [%s] %s: unknown %s '%s' (did you "
                                        "mean '%s'?)", r->paths[i], group, keys[k], name,
                                        labels[l], sk__label_suggest(p, labels[l]));
                else
                    set |= (sk_labelset)1 << label;
            }
            g_strfreev(labels);
            char *v = g_key_file_get_string(r->files[i], group, keys[k], NULL);
            sk__color c;
            if (v == NULL || !parse_color(g_strstrip(v), &c))
                sk__diagnostics_add(&r->diags, "%s: [%s] %s: '%s' is not a colour (expected "
                                    "#rrggbb)", r->paths[i], group, keys[k], v ? v : "");
            else if (set != 0)
                g_hash_table_replace(s->colors[p], GUINT_TO_POINTER(set),
                                     GUINT_TO_POINTER(c + 1));
            g_free(v);
        }
        g_strfreev(keys);
    }
    g_free(group);

    size_t count;
    const sk__label_def *labels = sk__vocabulary(p, &count);
    for (size_t l = 0; l < count; l++) {
        char *key = g_strdup_printf("%s.%s", name, labels[l].key);
        char *text = get_raw(r, "labels", key, 0);
        g_hash_table_insert(s->legend_text[p], GSIZE_TO_POINTER(l),
                            text != NULL ? text : g_strdup(labels[l].legend));
        g_free(key);
    }
    char *title = get_raw(r, "legend-titles", name, 0);
    s->legend_title[p] = title != NULL ? title : g_strdup(sk__principle_title(p));
}

static GKeyFile *
load_keyfile(sk_ctx *ctx, const char *path)
{
    GKeyFile *kf = g_key_file_new();
    GError *err = NULL;
    if (!g_key_file_load_from_file(kf, path, G_KEY_FILE_NONE, &err)) {
        sk__error(ctx, SK_EINPUT, "%s: cannot read style: %s", path, err->message);
        g_error_free(err);
        g_key_file_free(kf);
        return NULL;
    }
    return kf;
}

sk_status
sk_style_load(sk_ctx *ctx, const char *path, sk_style **out)
{
    *out = NULL;
    char *default_path = g_build_filename(sk_styles_dir(), "aef.ini", NULL);
    reader r = {{NULL, NULL}, {path, default_path}, {0}};
    r.files[1] = load_keyfile(ctx, default_path);
    if (r.files[1] == NULL) {
        g_free(default_path);
        return SK_EINPUT;
    }
    if (path != NULL && (r.files[0] = load_keyfile(ctx, path)) == NULL) {
        g_key_file_free(r.files[1]);
        g_free(default_path);
        return SK_EINPUT;
    }
    sk__diagnostics_init(&r.diags);

    sk_style *s = g_new0(sk_style, 1);
    s->path = g_strdup(path != NULL ? path : default_path);
    char *page = get_string(&r, "page", "size");
    if (strcmp(page, "a4-landscape") == 0)
        s->page = SK_PAGE_A4_LANDSCAPE;
    else if (strcmp(page, "slide-16x9") == 0)
        s->page = SK_PAGE_SLIDE_16_9;
    else
        sk__diagnostics_add(&r.diags, "[page] size: unknown value '%s' (expected a4-landscape "
                            "or slide-16x9)", page);
    g_free(page);
    s->margin = get_number(&r, "page", "margin_mm", 0, 100) * MM;
    s->background = get_color(&r, "page", "background");
    s->text_color = get_color(&r, "page", "text");
    s->muted_text_color = get_color(&r, "page", "muted_text");

    s->font_family = get_string(&r, "fonts", "family");
    s->title_size = get_number(&r, "fonts", "title_pt", 4, 72);
    s->caption_size = get_number(&r, "fonts", "caption_pt", 4, 72);
    s->legend_title_size = get_number(&r, "fonts", "legend_title_pt", 4, 72);
    s->legend_size = get_number(&r, "fonts", "legend_pt", 4, 72);
    s->source_size = get_number(&r, "fonts", "source_pt", 4, 72);
    s->scale_size = get_number(&r, "fonts", "scale_bar_pt", 4, 72);

    s->no_data_fill = get_color(&r, "map", "no_data_fill");
    s->municipality_border = get_color(&r, "map", "municipality_border");
    s->municipality_border_width = get_number(&r, "map", "municipality_border_pt", 0, 10);
    s->region_border = get_color(&r, "map", "region_border");
    s->region_border_width = get_number(&r, "map", "region_border_pt", 0, 10);

    s->legend_width = get_number(&r, "legend", "width_mm", 20, 200) * MM;
    s->text_panel_width = get_number(&r, "legend", "text_panel_width_mm", 20, 200) * MM;
    s->swatch_width = get_number(&r, "legend", "swatch_width_mm", 1, 50) * MM;
    s->swatch_height = get_number(&r, "legend", "swatch_height_mm", 1, 50) * MM;
    s->legend_spacing = get_number(&r, "legend", "spacing_mm", 0, 20) * MM;
    s->show_counts = get_bool(&r, "legend", "show_counts");
    s->region_border_label = get_string(&r, "legend", "region_border_label");

    s->source_format = get_format(&r, "text", "source", 1);
    s->source_table_format = get_format(&r, "text", "source_table", 1);
    s->total_label = get_format(&r, "text", "total_label", 0);
    s->title_total_format = get_format(&r, "text", "title_total", 1);
    s->title_combination_format = get_format(&r, "text", "title_combination", 2);
    s->all_projects = get_format(&r, "text", "all_projects", 0);
    s->highlight_format = get_format(&r, "text", "highlight", 2);
    s->highlight_other_format = get_format(&r, "text", "highlight_other", 1);
    s->title_count_format = get_format(&r, "text", "title_count", 1);
    s->count_range_format = get_format(&r, "text", "count_range", 2);
    s->count_open_format = get_format(&r, "text", "count_open", 1);
    s->count_legend_title = get_format(&r, "text", "count_legend_title", 0);
    s->note_title = get_format(&r, "text", "note_title", 0);
    s->none_label = get_format(&r, "text", "none_label", 0);
    s->regions_title = get_format(&r, "text", "regions_title", 0);
    s->regions_legend_title = get_format(&r, "text", "regions_legend_title", 0);
    s->title_changes_format = get_format(&r, "text", "title_changes", 1);
    s->changes_legend_title = get_format(&r, "text", "changes_legend_title", 0);
    s->source_changes_format = get_format(&r, "text", "source_changes", 2);
    s->title_insurer_format = get_format(&r, "text", "title_insurer", 1);
    s->title_insurers = get_format(&r, "text", "title_insurers", 0);
    s->core_area_format = get_format(&r, "text", "core_area", 1);
    s->core_area_any = get_format(&r, "text", "core_area_any", 0);
    static const char *const changes[] = {"new", "ended", "changed", "unchanged"};
    for (size_t i = 0; i < 4; i++) {
        char *key = g_strconcat("change_", changes[i], NULL);
        s->change_label[i] = get_format(&r, "text", key, 0);
        s->change_fill[i] = get_color(&r, "palette", key);
        g_free(key);
    }
    s->label_size = get_number(&r, "fonts", "label_pt", 4, 72);
    s->name_size = get_number(&r, "fonts", "name_pt", 0, 72);
    s->name_min_size = get_number(&r, "fonts", "name_min_pt", 3, 72);
    s->inset_width = get_number(&r, "legend", "inset_width_mm", 10, 200) * MM;
    s->inset_land = get_color(&r, "map", "inset_land");
    s->inset_border = get_color(&r, "map", "inset_border");
    s->inset_extent = get_color(&r, "map", "inset_extent");
    s->outline_label = get_format(&r, "legend", "outline_label", 0);
    s->outline_color = get_color(&r, "map", "outline");
    s->outline_width = get_number(&r, "map", "outline_pt", 0, 10);
    s->area_color = get_color(&r, "map", "area_outline");
    s->area_width = get_number(&r, "map", "area_outline_pt", 0, 10);
    s->area_casing = get_color(&r, "map", "area_outline_casing");
    s->area_casing_width = get_number(&r, "map", "area_outline_casing_pt", 0, 20);
    s->label_color = get_color(&r, "map", "label");
    s->label_halo = get_color(&r, "map", "label_halo");
    s->none_fill = get_color(&r, "palette", "none");
    s->note_size = get_number(&r, "fonts", "note_pt", 4, 72);
    s->note_fill = get_color(&r, "legend", "note_fill");
    s->note_border = get_color(&r, "legend", "note_border");
    s->highlight_fill = get_color(&r, "palette", "highlight");
    s->highlight_other_fill = get_color(&r, "palette", "highlight_other");

    s->total_fill = get_color(&r, "palette", "total");
    s->fallback = get_color_list(&r, "palette", "fallback");
    s->regions_palette = get_color_list(&r, "palette", "regions");
    s->sequential = get_color_list(&r, "palette", "sequential");
    for (int p = 0; p < SK_PRINCIPLE_COUNT; p++)
        read_principle(&r, s, (sk_principle)p);

    /* Messages without a file name are about the merged keys: name the user's file. */
    sk_status st = SK_OK;
    if (r.diags.count > 0) {
        GString *msg = g_string_new(NULL);
        char **lines = g_strsplit(r.diags.text->str, "\n", -1);
        for (size_t i = 0; lines[i] != NULL; i++)
            g_string_append_printf(msg, "%s%s%s%s", i ? "\n" : "",
                                   lines[i][0] == '[' ? s->path : "",
                                   lines[i][0] == '[' ? ": " : "", lines[i]);
        g_strfreev(lines);
        st = sk__error(ctx, SK_EINPUT, "%s", msg->str);
        g_string_free(msg, TRUE);
    }
    g_string_free(r.diags.text, TRUE);
    if (r.files[0])
        g_key_file_free(r.files[0]);
    g_key_file_free(r.files[1]);
    g_free(default_path);
    if (st != SK_OK) {
        sk_style_free(s);
        return st;
    }
    *out = s;
    return SK_OK;
}

int
sk__style_combination_color(const sk_style *s, sk_principle p, sk_labelset labels,
                            sk__color *color)
{
    gpointer v = g_hash_table_lookup(s->colors[p], GUINT_TO_POINTER(labels));
    if (v == NULL)
        return 0;
    *color = GPOINTER_TO_UINT(v) - 1;
    return 1;
}

const char *
sk__style_label_text(const sk_style *s, sk_principle p, size_t label)
{
    return g_hash_table_lookup(s->legend_text[p], GSIZE_TO_POINTER(label));
}

char *
sk__style_format(const char *format, const char *a, const char *b)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    return g_strdup_printf(format, a, b);
#pragma GCC diagnostic pop
}
