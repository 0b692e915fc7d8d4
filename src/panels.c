/* Pages of several maps side by side (samenkaart/panels.h). */
#include <string.h>
#include <glib.h>
#include "internal.h"
#include "layout.h"
#include "map_internal.h"
#include "panels_internal.h"
#include "pointclass.h"
#include "registry.h"
#include "render_internal.h"

struct sk_panels {
    sk_map **maps;
    size_t count;
    GArray *legend;          /* sk__legend_entry, shared by the maps */
    char *legend_title, *title, *caption, *note, *text;
    char **titles;           /* per panel, or NULL */
    sk__point_layer *points; /* point maps: the legend of every panel's classes, or NULL */
};

void
sk_panels_options_init(sk_panels_options *o)
{
    *o = (sk_panels_options){0};
}

void
sk_panels_free(sk_panels *ps)
{
    if (ps == NULL)
        return;
    for (size_t i = 0; i < ps->count; i++)
        sk_map_free(ps->maps[i]);
    g_free(ps->maps);
    sk__legend_free(ps->legend);
    g_free(ps->legend_title);
    g_free(ps->title);
    g_free(ps->caption);
    g_free(ps->note);
    g_free(ps->text);
    g_strfreev(ps->titles);
    sk__point_layer_free(ps->points);
    g_free(ps);
}

/* White last, the rest in order of first appearance. */
static gint
compare_white_last(gconstpointer a, gconstpointer b)
{
    const sk__legend_entry *x = a, *y = b;
    if (x->white != y->white)
        return x->white - y->white;
    return (x->order > y->order) - (x->order < y->order);
}

/* The style's legend order of one principle's classes; white last. */
static gint
compare_entries(gconstpointer a, gconstpointer b, gpointer data)
{
    const sk__legend_entry *x = a, *y = b;
    const sk_map *first = data;
    if (x->white != y->white)
        return x->white - y->white;
    return sk__style_labelset_compare(first->style,
                                      (sk_principle)sk_classification_show(first->classification),
                                      x->labels, y->labels);
}

/* A reader matches every panel to one legend: its classes (white left out) keep the rules
** of one map (registry.h); show: the principle of its classes, or -1. */
static sk_status
check_legend(sk_ctx *ctx, const sk_style *style, int show, const GArray *legend,
             int allow_similar)
{
    size_t n = 0;
    sk__class_color *classes = g_new0(sk__class_color, legend->len + 1);
    for (guint e = 0; e < legend->len; e++) {
        const sk__legend_entry *x = &g_array_index(legend, sk__legend_entry, e);
        if (!x->white)
            classes[n++] = (sk__class_color){x->label, x->color,
                                             sk__registry_single_insurer(show, x->labels)};
    }
    sk_status st = sk__registry_check_colors(ctx, style, classes, n, allow_similar);
    g_free(classes);
    return st;
}

/* One legend for all maps of a page: every colour once.  Where the maps give one colour
** different texts (highlight maps: "implementatie: preventie", "implementatie: GGZ" …) the
** entry names what varies instead ("implementatie: thema van de kaart"). */
static sk_status
shared_legend(sk_ctx *ctx, sk_panels *ps, const char *varying)
{
    const sk_style *style = ps->maps[0]->style;
    ps->legend = g_array_new(FALSE, TRUE, sizeof(sk__legend_entry));
    GHashTable *varies = g_hash_table_new(g_direct_hash, g_direct_equal);
    int white_varies = 0;
    sk_status st = SK_OK;
    for (size_t m = 0; m < ps->count && st == SK_OK; m++) {
        const sk_map *map = ps->maps[m];
        for (guint k = 0; k < map->legend->len && st == SK_OK; k++) {
            const sk__legend_entry *e = &g_array_index(map->legend, sk__legend_entry, k);
            guint found = ps->legend->len;
            for (guint q = 0; q < ps->legend->len && found == ps->legend->len; q++) {
                const sk__legend_entry *have = &g_array_index(ps->legend, sk__legend_entry, q);
                if (have->color == e->color || strcmp(have->label, e->label) == 0)
                    found = q;
            }
            if (found == ps->legend->len) {
                /* A class of one map keeps its size (a panel of one label). */
                sk__legend_entry copy = {.label = g_strdup(e->label),
                                         .text = g_strdup(e->label), .color = e->color,
                                         .count = g_strdup(e->count), .labels = e->labels,
                                         .white = e->white, .order = ps->legend->len};
                g_array_append_val(ps->legend, copy);
                continue;
            }
            sk__legend_entry *have = &g_array_index(ps->legend, sk__legend_entry, found);
            /* A class on several maps: its size differs from map to map, so none is shown. */
            g_clear_pointer(&have->count, g_free);
            if (have->color != e->color)
                st = sk__error(ctx, SK_EINPUT, "class '%s' has different colours on the maps "
                               "of one page (#%06x, #%06x); give it a colour in the style",
                               e->label, have->color, e->color);
            else if (strcmp(have->label, e->label) != 0 && have->white)
                white_varies = 1;
            else if (strcmp(have->label, e->label) != 0)
                g_hash_table_add(varies, GUINT_TO_POINTER(found));
        }
    }
    for (guint q = 0; q < ps->legend->len && st == SK_OK; q++) {
        if (!g_hash_table_contains(varies, GUINT_TO_POINTER(q)))
            continue;
        sk__legend_entry *e = &g_array_index(ps->legend, sk__legend_entry, q);
        const char *colon = strstr(e->label, ": ");
        char *what = g_utf8_strdown(varying != NULL ? varying : style->legend_title[SK_THEME],
                                    -1);
        char *label = g_strdup_printf("%.*s: %s van de kaart",
                                      colon != NULL ? (int)(colon - e->label) : 0, e->label,
                                      what);
        g_free(what);
        g_free(e->label);
        g_free(e->text);
        e->label = label;
        e->text = g_strdup(label);
    }
    g_hash_table_destroy(varies);
    /* White means "no project of this map's kind", which differs from map to map. */
    for (guint q = 0; q < ps->legend->len && white_varies; q++) {
        sk__legend_entry *e = &g_array_index(ps->legend, sk__legend_entry, q);
        if (!e->white)
            continue;
        g_free(e->label);
        g_free(e->text);
        e->label = g_strdup(style->no_matching_panels);
        e->text = g_strdup(style->no_matching_panels);
    }
    /* Combination maps of one principle: the union of their classes in canonical order, as
    ** on a map of its own. */
    const sk_classification *first = ps->maps[0]->classification;
    int combinations = 1;
    for (size_t m = 0; m < ps->count; m++) {
        const sk_classification *c = ps->maps[m]->classification;
        combinations &= sk_classification_kind(c) == sk_classification_kind(first) &&
                        (sk_classification_kind(c) == SK_MAP_COMBINATION ||
                         sk_classification_kind(c) == SK_MAP_TABLE) &&
                        sk_classification_show(c) == sk_classification_show(first);
    }
    if (st == SK_OK && combinations)
        g_array_sort_with_data(ps->legend, compare_entries, ps->maps[0]);
    else if (st == SK_OK)
        g_array_sort(ps->legend, compare_white_last);
    if (st == SK_OK)
        st = check_legend(ctx, style, combinations ? sk_classification_show(first)
                                                                : -1,
                                       ps->legend, ps->maps[0]->allow_similar);
    return st;
}

sk__page_spec
sk__panels_spec(const sk_panels *ps)
{
    const sk_map *first = ps->maps[0], *with_area = NULL;
    for (size_t i = 0; i < ps->count && with_area == NULL; i++)
        if (ps->maps[i]->area != NULL)
            with_area = ps->maps[i];
    sk__page_spec spec = {first->style, first->geo, first->page, ps->title, ps->caption,
                          first->source, ps->note, ps->legend_title, ps->legend, ps->count,
                          (const char *const *)ps->titles, first->region_label,
                          first->outline != NULL, ps->text,
                          with_area != NULL ? with_area->area_label : NULL, first->extent,
                          first->zoom != NULL, first->zoom_legend, ps->points};
    return spec;
}

sk_map *const *
sk__panels_maps(const sk_panels *ps)
{
    return ps->maps;
}

/* A panel's title; a point map's with its number of points (the shared legend has no
** counts: each panel counts its own). */
static char *
panel_title(const sk_map *map, const char *title)
{
    const sk__point_layer *l = map->points;
    if (title == NULL || l == NULL || !*title)
        return g_strdup(title != NULL ? title : "");
    char *count = sk__points_count_text(map->style, l->count + l->off_count);
    char *text = sk__style_format(sk__style_points(map->style)->panel_title_format, title,
                                  count);
    g_free(count);
    return text;
}

sk_status
sk_panels_new(sk_ctx *ctx, sk_map **maps, size_t count, const char *const *titles,
              const sk_panels_options *options, sk_panels **out)
{
    *out = NULL;
    sk_panels_options defaults;
    if (options == NULL) {
        sk_panels_options_init(&defaults);
        options = &defaults;
    }
    sk_panels *ps = g_new0(sk_panels, 1);
    ps->maps = g_new0(sk_map *, count > 0 ? count : 1);
    if (count > 0)   /* maps may be NULL when there are none */
        memcpy(ps->maps, maps, count * sizeof *maps);
    ps->count = count;
    if (count < 1 || count > 12) {
        sk_panels_free(ps);
        return sk__error(ctx, SK_EUSAGE, "a page holds 1 to 12 maps, not %zu", count);
    }
    for (size_t i = 1; i < count; i++) {
        if (maps[i]->geo != maps[0]->geo || maps[i]->style != maps[0]->style ||
            maps[i]->page != maps[0]->page ||
            memcmp(maps[i]->extent, maps[0]->extent, sizeof maps[0]->extent) != 0) {
            sk_panels_free(ps);
            return sk__error(ctx, SK_EUSAGE, "the maps of one page must share geography, "
                             "style, page size and extent (map %zu differs)", i + 1);
        }
    }
    if (titles != NULL) {
        ps->titles = g_new0(char *, count + 1);
        for (size_t i = 0; i < count; i++)
            ps->titles[i] = panel_title(maps[i], titles[i]);
    }
    if (maps[0]->points != NULL)
        ps->points = sk__point_layer_union(maps, count);
    ps->title = g_strdup(options->title);
    ps->caption = g_strdup(options->caption);
    ps->note = g_strdup(options->note);
    ps->text = g_strdup(options->text);
    ps->legend_title = g_strdup(maps[0]->legend_title);
    sk_status st = shared_legend(ctx, ps, options->varying);
    if (st == SK_OK) {
        /* Lay it out now: a legend that does not fit is an error before anything is drawn. */
        sk__page_spec spec = sk__panels_spec(ps);
        sk__layout l;
        if ((st = sk__layout_page(ctx, &spec, &l)) == SK_OK)
            sk__layout_clear(&l);
    }
    if (st != SK_OK) {
        sk_panels_free(ps);
        return st;
    }
    *out = ps;
    return SK_OK;
}

size_t
sk_panels_count(const sk_panels *ps)
{
    return ps->count;
}

size_t
sk_panels_legend_count(const sk_panels *ps)
{
    return ps->legend->len;
}

const char *
sk_panels_legend_text(const sk_panels *ps, size_t k)
{
    return k < ps->legend->len ? g_array_index(ps->legend, sk__legend_entry, k).text : NULL;
}

uint32_t
sk_panels_legend_color(const sk_panels *ps, size_t k)
{
    return k < ps->legend->len ? g_array_index(ps->legend, sk__legend_entry, k).color : 0;
}

sk_status
sk_panels_render(sk_ctx *ctx, const sk_panels *ps, const sk_render_options *options,
                 const char *path)
{
    sk__page_spec spec = sk__panels_spec(ps);
    return sk__render_panels_file(ctx, ps->maps, &spec, options, path);
}

sk_status
sk_panels_write_classes_csv(sk_ctx *ctx, const sk_panels *ps, const char *path)
{
    if (ps->points != NULL) {
        sk__page_spec spec = sk__panels_spec(ps);
        return sk__write_panels_points_csv(ctx, &spec, ps->maps, path);
    }
    GString *s = g_string_new("gm_code,gm_naam,class,color,projects,panel\n");
    for (size_t i = 0; i < ps->count; i++) {
        char number[24];
        g_snprintf(number, sizeof number, "%zu", i + 1);
        int titled = ps->titles != NULL && ps->titles[i][0] != '\0';
        sk__map_classes_rows(s, ps->maps[i], titled ? ps->titles[i] : number);
    }
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}
