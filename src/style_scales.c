/* A style's scales and [points] (style_internal.h): reading them, and the accessors.
** A [scale COLUMN] group of the user's file changes the default style's scale of that column
** key by key, like every other group; but when it gives its own levels, the keys that go
** with the levels (ordinal, off_map, colors, sizes, legend) are its own, never the default
** style's (which were made for other levels). */
#include <string.h>
#include "keyfile.h"
#include "style_internal.h"

#define SCALE_PREFIX "scale "

const sk__scale *
sk__style_scale(const sk_style *style, const char *column)
{
    for (size_t i = 0; i < sk__style_scale_count(style); i++) {
        const sk__scale *s = sk__style_scale_at(style, i);
        if (g_ascii_strcasecmp(s->column, column) == 0)
            return s;
    }
    return NULL;
}

size_t
sk__style_scale_count(const sk_style *style)
{
    return style->scales != NULL ? style->scales->len : 0;
}

const sk__scale *
sk__style_scale_at(const sk_style *style, size_t i)
{
    return g_ptr_array_index(style->scales, i);
}

const sk__points_style *
sk__style_points(const sk_style *style)
{
    return &style->points;
}

/* ---- reading --------------------------------------------------------------------------- */

/* One [scale COLUMN] group being read. */
typedef struct scale_reader {
    sk__key_reader *r;
    const char *group;
    sk__keyfile *file;   /* the file whose group header problems without a key point at */
    int own;             /* the user's file gives the levels: their keys from it alone */
} scale_reader;

/* A key of the group that goes with its levels (see the top of the file); *from its file. */
static char *
level_key(scale_reader *sr, const char *key, sk__keyfile **from)
{
    *from = sr->file;
    if (!sr->own)
        return sk__key_raw(sr->r, sr->group, key, 0, from);
    sk__key_remember(sr->r, sr->group, key);
    *from = sr->r->files[0];
    return sk__keyfile_get(sr->r->files[0], sr->group, key);
}

/* text split at any of separators, items trimmed, empty ones left out; g_strfreev it. */
static char **
split(const char *text, const char *separators, size_t *count)
{
    char **parts = g_strsplit_set(text, separators, -1);
    size_t n = 0;
    for (size_t i = 0; parts[i] != NULL; i++) {
        g_strstrip(parts[i]);
        if (parts[i][0] == '\0')
            g_free(parts[i]);
        else
            parts[n++] = parts[i];
    }
    parts[n] = NULL;
    *count = n;
    return parts;
}

/* levels: required, every value once.  0 when the scale has none. */
static int
read_levels(scale_reader *sr, sk__scale *s)
{
    sk__keyfile *from = sr->file;
    char *text = sk__key_raw(sr->r, sr->group, "levels", 0, &from);
    if (text == NULL) {
        sk__keyfile_problem(sr->file, sr->group, NULL, "missing 'levels' (the column's "
                            "values, lowest first, ';'-separated)");
        return 0;
    }
    s->levels = split(text, ";", &s->count);
    g_free(text);
    if (s->count == 0)
        sk__keyfile_problem(from, sr->group, "levels", "no level given (the column's values, "
                            "lowest first, ';'-separated)");
    for (size_t i = 0; i < s->count; i++)
        for (size_t j = i + 1; j < s->count; j++)
            if (g_ascii_strcasecmp(s->levels[i], s->levels[j]) == 0)
                sk__keyfile_problem(from, sr->group, "levels", "level '%s' given twice",
                                    s->levels[j]);
    sr->own = sr->r->files[0] != NULL && from == sr->r->files[0];
    return s->count > 0;
}

/* ordinal: true or false, true when absent. */
static void
read_ordinal(scale_reader *sr, sk__scale *s)
{
    sk__keyfile *from;
    char *v = level_key(sr, "ordinal", &from);
    s->ordinal = 1;
    if (v != NULL && (g_ascii_strcasecmp(v, "false") == 0 || g_ascii_strcasecmp(v, "no") == 0))
        s->ordinal = 0;
    else if (v != NULL && g_ascii_strcasecmp(v, "true") != 0 && g_ascii_strcasecmp(v, "yes") != 0)
        sk__keyfile_problem(from, sr->group, "ordinal", "'%s' is not true or false", v);
    g_free(v);
}

/* off_map: levels of the scale, ';'-separated. */
static void
read_off_map(scale_reader *sr, sk__scale *s)
{
    s->off_map = g_new0(guint8, s->count);
    sk__keyfile *from;
    char *text = level_key(sr, "off_map", &from);
    size_t n = 0;
    char **names = text != NULL ? split(text, ";", &n) : NULL;
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        int l = sk__scale_level(s, names[i]);
        if (l < 0)
            sk__keyfile_problem(from, sr->group, "off_map", "unknown level '%s' (did you mean "
                                "'%s'?)", names[i],
                                sk__keyfile_nearest(names[i], (const char *const *)s->levels));
        else if (!s->off_map[l]) {
            s->off_map[l] = 1;
            off++;
        }
    }
    if (off == s->count)
        sk__keyfile_problem(from, sr->group, "off_map", "every level is off the map");
    g_strfreev(names);
    g_free(text);
}

/* A key with one item per level, lowest first (what: "colours"), split at separators: its
** items (g_strfreev), or NULL when absent; *from its file.  Another number of items than
** of levels is a problem. */
static char **
per_level(scale_reader *sr, const sk__scale *s, const char *key, const char *separators,
          const char *what, sk__keyfile **from, size_t *n)
{
    char *text = level_key(sr, key, from);
    if (text == NULL)
        return NULL;
    char **items = split(text, separators, n);
    g_free(text);
    if (*n != s->count)
        sk__keyfile_problem(*from, sr->group, key, "%zu %s for %zu levels (one per level, "
                            "lowest first: %s, …)", *n, what, s->count, s->levels[0]);
    return items;
}

/* colors: one per level, or absent. */
static void
read_colors(scale_reader *sr, sk__scale *s)
{
    sk__keyfile *from;
    size_t n;
    char **items = per_level(sr, s, "colors", ",;", "colours", &from, &n);
    if (items == NULL)
        return;
    s->colors = g_new0(sk__color, s->count);
    for (size_t i = 0; i < n; i++) {
        sk__color c = 0;
        if (!sk__key_parse_color(items[i], &c))
            sk__keyfile_problem(from, sr->group, "colors", "'%s' is not a colour (expected "
                                "#rrggbb, e.g. #1f78b4)", items[i]);
        else if (i < s->count)
            s->colors[i] = c;
    }
    g_strfreev(items);
}

/* sizes: a symbol's diameter per level (points), growing with an ordinal scale's levels. */
static void
read_sizes(scale_reader *sr, sk__scale *s)
{
    sk__keyfile *from;
    size_t n;
    char **items = per_level(sr, s, "sizes", ",;", "sizes", &from, &n);
    if (items == NULL)
        return;
    s->sizes = g_new0(double, s->count);
    for (size_t i = 0; i < n; i++) {
        char *end;
        double d = g_ascii_strtod(items[i], &end);
        if (end == items[i] || *end != '\0' || !(d >= 0.5 && d <= 50))
            sk__keyfile_problem(from, sr->group, "sizes", "'%s' is not a number from 0.5 to "
                                "50 (a symbol's diameter in points)", items[i]);
        else if (i < s->count)
            s->sizes[i] = d;
    }
    for (size_t i = 1; s->ordinal && n == s->count && i < n; i++)
        if (s->sizes[i] > 0 && s->sizes[i - 1] > s->sizes[i])
            sk__keyfile_problem(from, sr->group, "sizes", "'%s' (%g) is smaller than '%s' "
                                "(%g) below it: an ordinal scale's symbols grow with the level",
                                s->levels[i], s->sizes[i], s->levels[i - 1], s->sizes[i - 1]);
    g_strfreev(items);
}

/* legend: per level its legend text, ';'-separated; absent: the levels themselves. */
static void
read_legend_texts(scale_reader *sr, sk__scale *s)
{
    sk__keyfile *from;
    size_t n = 0;
    char **texts = per_level(sr, s, "legend", ";", "texts", &from, &n);
    if (texts == NULL || n != s->count) {
        g_strfreev(texts);
        texts = g_strdupv(s->levels);
    }
    s->legend = texts;
}

/* One [scale COLUMN] group, or NULL when it has no levels. */
static sk__scale *
read_scale(sk__key_reader *r, const char *group)
{
    scale_reader sr = {r, group, r->files[1], 0};
    if (r->files[0] != NULL && g_key_file_has_group(sk__keyfile_gkf(r->files[0]), group))
        sr.file = r->files[0];
    sk__scale *s = g_new0(sk__scale, 1);
    s->column = g_strstrip(g_strdup(group + strlen(SCALE_PREFIX)));
    if (s->column[0] == '\0')
        sk__keyfile_problem(sr.file, group, NULL, "no column named ([scale COLUMN])");
    char *title = sk__key_raw(r, group, "title", 0, NULL);
    s->title = title != NULL ? title : g_strdup(s->column);
    if (!read_levels(&sr, s)) {
        static const char *const keys[] = {"ordinal", "off_map", "colors", "sizes", "legend"};
        for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
            sk__key_remember(r, group, keys[i]);
        sk__scale_free(s);
        return NULL;
    }
    read_ordinal(&sr, s);
    read_off_map(&sr, s);
    read_colors(&sr, s);
    read_sizes(&sr, s);
    read_legend_texts(&sr, s);
    return s;
}

/* The [scale COLUMN] groups: the default style's, then those only the user's file has, each
** in file order.  g_ptr_array_unref it. */
static GPtrArray *
scale_groups(sk__key_reader *r)
{
    GPtrArray *groups = g_ptr_array_new_with_free_func(g_free);
    for (int i = 1; i >= 0; i--) {
        if (r->files[i] == NULL)
            continue;
        char **names = g_key_file_get_groups(sk__keyfile_gkf(r->files[i]), NULL);
        for (size_t g = 0; names[g] != NULL; g++) {
            int seen = 0;
            for (guint j = 0; j < groups->len && !seen; j++)
                seen = strcmp(g_ptr_array_index(groups, j), names[g]) == 0;
            if (!seen && g_str_has_prefix(names[g], SCALE_PREFIX))
                g_ptr_array_add(groups, g_strdup(names[g]));
        }
        g_strfreev(names);
    }
    return groups;
}

/* [points]: the look of point maps and their texts. */
static void
read_points_group(sk__key_reader *r, sk__points_style *p)
{
    p->symbol_size = sk__key_number(r, "points", "symbol_pt", 1, 50);
    p->outline_width = sk__key_number(r, "points", "outline_pt", 0, 5);
    p->outline_dark = sk__key_color(r, "points", "outline_dark");
    p->outline_light = sk__key_color(r, "points", "outline_light");
    p->outline_switch = sk__key_number(r, "points", "outline_dark_from_l", 0, 100);
    p->displace = sk__key_number(r, "points", "displace_pt", 0, 50);
    p->unit_one = sk__key_format(r, "points", "unit_one", 0);
    p->unit_many = sk__key_format(r, "points", "unit_many", 0);
    p->count_format = sk__key_format(r, "points", "count", 2);
    p->off_map_format = sk__key_format(r, "points", "off_map", 1);
    p->title_format = sk__key_format(r, "points", "title", 1);
    p->title_all = sk__key_format(r, "points", "title_all", 0);
    p->selection_format = sk__key_format(r, "points", "selection", 2);
    p->empty_label = sk__key_format(r, "points", "empty", 0);
    p->range_format = sk__key_format(r, "points", "range", 2);
    p->open_format = sk__key_format(r, "points", "open", 2);
    p->panel_title_format = sk__key_format(r, "points", "panel_title", 2);
    p->covered_label = sk__key_format(r, "points", "covered_label", 0);
    p->off_map_note = sk__key_format(r, "points", "off_map_note", 0);
    p->count_title = sk__key_format(r, "points", "count_title", 0);
    p->count_legend_title = sk__key_format(r, "points", "count_legend_title", 0);
    p->size_title = sk__key_format(r, "points", "size_title", 0);
    p->source_format = sk__key_format(r, "points", "source", 1);
    p->categorical = sk__key_color_list(r, "points", "categorical");
    p->covered_color = sk__key_color(r, "points", "covered");
    p->covered_width = sk__key_number(r, "points", "covered_pt", 0, 10);
}

void
sk__style_read_points(sk__key_reader *r, sk_style *style)
{
    read_points_group(r, &style->points);
    style->scales = g_ptr_array_new_with_free_func((GDestroyNotify)sk__scale_free);
    GPtrArray *groups = scale_groups(r);
    for (guint i = 0; i < groups->len; i++) {
        sk__scale *s = read_scale(r, g_ptr_array_index(groups, i));
        if (s != NULL)
            g_ptr_array_add(style->scales, s);
    }
    g_ptr_array_unref(groups);
}

void
sk__style_free_points(sk_style *style)
{
    sk__points_style *p = &style->points;
    char *texts[] = {p->unit_one, p->unit_many, p->count_format, p->off_map_format,
                     p->title_format, p->count_title, p->count_legend_title, p->size_title,
                     p->source_format, p->title_all, p->selection_format, p->empty_label,
                     p->range_format, p->open_format, p->panel_title_format,
                     p->covered_label, p->off_map_note};
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
        g_free(texts[i]);
    if (p->categorical != NULL)
        g_array_free(p->categorical, TRUE);
    if (style->scales != NULL)
        g_ptr_array_unref(style->scales);
}
