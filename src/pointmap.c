/* The point layer of a point map (pointmap.h).  Classes: the levels of the colouring column's
** scale that occur (the highest first in the legend, levels off the map last), or its values
** in categorical colours; each point's circle sized by another column's scale or the style's
** symbol size; drawn lowest level first, so the highest ends on top where points meet. */
#include <string.h>
#include "colour.h"
#include "internal.h"
#include "pointclass.h"
#include "pointmap.h"
#include "registry.h"
#include "text.h"

/* A column of the layer by name, else SK_EUSAGE naming the field and the nearest column. */
static sk_status
find_column(sk_ctx *ctx, const sk_points *points, const char *field, const char *name,
            int *column)
{
    *column = sk_points_column_find(points, name);
    if (*column >= 0)
        return SK_OK;
    sk__nearest n;
    sk__nearest_init(&n, name);
    for (size_t c = 0; c < sk_points_column_count(points); c++)
        sk__nearest_offer(&n, sk_points_column_name(points, c), sk_points_column_name(points, c));
    char *quoted = sk__nearest_quoted(&n);
    sk__error(ctx, SK_EUSAGE, "%s: %s has no column '%s'%s%s%s", field,
              sk_points_source(points), name, *quoted ? " (did you mean " : "", quoted,
              *quoted ? "?)" : "");
    g_free(quoted);
    sk__nearest_clear(&n);
    return SK_EUSAGE;
}

static gint
compare_texts(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The values of a column without a scale, sorted (strcmp: the same order on every machine). */
static GPtrArray *
column_values(const sk_points *points, int column, const unsigned char *keep)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *values = g_ptr_array_new();
    for (size_t i = 0; i < sk_points_count(points); i++) {
        const char *v = sk_points_value(points, i, (size_t)column);
        if (keep[i] && g_hash_table_add(seen, (gpointer)v))
            g_ptr_array_add(values, (gpointer)v);
    }
    g_ptr_array_sort(values, compare_texts);
    g_hash_table_destroy(seen);
    return values;
}

/* What classes are made of: per value (scale level or category) its point count. */
typedef struct values {
    const sk__scale *scale;   /* NULL: categories */
    GPtrArray *categories;    /* without a scale: the values (borrowed from the layer) */
    size_t count;             /* levels or categories */
    size_t *size;             /* points per value */
    int *value_of;            /* per point: its value, -1 unselected */
} values;

static int
value_index(const values *v, const char *text)
{
    if (v->scale != NULL)
        return sk__scale_level(v->scale, text);
    for (guint k = 0; k < v->categories->len; k++)
        if (strcmp(g_ptr_array_index(v->categories, k), text) == 0)
            return (int)k;
    return -1;
}

static void
count_values(const sk_points *points, int column, const unsigned char *keep, values *v)
{
    size_t n = sk_points_count(points);
    v->size = g_new0(size_t, v->count + 1);
    v->value_of = g_new(int, n + 1);
    for (size_t i = 0; i < n; i++) {
        v->value_of[i] = !keep[i] ? -1 : column < 0 ? 0
                         : value_index(v, sk_points_value(points, i, (size_t)column));
        if (v->value_of[i] >= 0)
            v->size[v->value_of[i]]++;
    }
}

static void
values_clear(values *v)
{
    if (v->categories != NULL)
        g_ptr_array_free(v->categories, TRUE);
    g_free(v->size);
    g_free(v->value_of);
}

/* Dark outline on light fills, light on dark: every symbol keeps an edge. */
static sk__color
outline_of(const sk__points_style *ps, sk__color fill)
{
    return sk__color_lab(fill, SK__VISION_NORMAL).L >= ps->outline_switch ? ps->outline_dark
                                                                            : ps->outline_light;
}

/* A class's count in the legend ("36 initiatieven"; a level off the map saying so). */
static char *
class_count_text(const sk_style *style, const sk__point_class *c)
{
    char *count = sk__points_count_text(style, c->size);
    if (!c->off_map)
        return count;
    char *text = sk__style_format(sk__style_points(style)->off_map_format, count, NULL);
    g_free(count);
    return text;
}

/* Class of value k: text, count, colour, rank. */
static sk__point_class
make_class(const sk_style *style, const values *v, size_t k, const char *fallback_text)
{
    const sk__points_style *ps = sk__style_points(style);
    sk__point_class c = {0};
    const sk__scale *sc = v->scale;
    const char *value = sc != NULL                 ? sc->levels[k]
                        : v->categories != NULL    ? g_ptr_array_index(v->categories, k)
                                                   : fallback_text;
    c.value = g_strdup(value);
    c.text = g_strdup(sc != NULL ? sc->legend[k] : *value ? value : ps->empty_label);
    c.size = v->size[k];
    c.off_map = sc != NULL && sc->off_map != NULL && sc->off_map[k];
    c.count = class_count_text(style, &c);
    GArray *palette = ps->categorical;
    c.fill = sc != NULL && sc->colors != NULL ? sc->colors[k]
             : palette != NULL && palette->len > 0
                 ? g_array_index(palette, sk__color, k < palette->len ? k : palette->len - 1)
                 : style->total_fill;
    c.outline = outline_of(ps, c.fill);
    c.rank = (int)k;
    return c;
}

/* The classes of the values that occur; class_of[value] their class (-1: none). */
static void
make_classes(const sk_style *style, const values *v, const char *fallback,
             sk__point_layer *layer, int *class_of)
{
    GArray *classes = g_array_new(FALSE, TRUE, sizeof(sk__point_class));
    for (size_t k = 0; k < v->count; k++)
        if (v->size[k] > 0) {
            sk__point_class c = make_class(style, v, k, fallback);
            g_array_append_val(classes, c);
        }
    int ordinal = layer->ordinal = v->scale != NULL && v->scale->ordinal;
    g_array_sort_with_data(classes, sk__point_class_compare, GINT_TO_POINTER(ordinal));
    for (size_t k = 0; k < v->count; k++)
        class_of[k] = -1;
    for (guint j = 0; j < classes->len; j++)
        class_of[g_array_index(classes, sk__point_class, j).rank] = (int)j;
    layer->class_count = classes->len;
    layer->classes = (sk__point_class *)(void *)g_array_free(classes, FALSE);
}

static gint
compare_drawing(gconstpointer a, gconstpointer b, gpointer layer)
{
    const sk__map_point *x = a, *y = b;
    const sk__point_layer *l = layer;
    /* Sized symbols: the large first, so that none covers a smaller one. */
    if (x->diameter != y->diameter)
        return x->diameter < y->diameter ? 1 : -1;
    int rx = l->classes[x->klass].rank, ry = l->classes[y->klass].rank;
    if (rx != ry)
        return rx - ry;
    return (x->row > y->row) - (x->row < y->row);
}

/* Symbol sizes from size_by's scale: per point its diameter, and a legend entry per level in
** use (smallest first). */
static sk_status
make_sizes(sk_ctx *ctx, const sk_points *points, const sk_style *style, const char *size_by,
           const int *value_of, double *diameter, sk__point_layer *layer)
{
    const sk__points_style *ps = sk__style_points(style);
    size_t n = sk_points_count(points);
    for (size_t i = 0; i < n; i++)
        diameter[i] = ps->symbol_size;
    if (size_by == NULL)
        return SK_OK;
    int column;
    if (find_column(ctx, points, "size_by", size_by, &column) != SK_OK)
        return SK_EUSAGE;
    const sk__scale *sc = sk__style_scale(style, size_by);
    if (sc == NULL || sc->sizes == NULL)
        return sk__error(ctx, SK_EUSAGE, "size_by: the style gives column '%s' no symbol sizes "
                         "(a [scale %s] group with sizes, one per level)", size_by, size_by);
    guint8 *used = g_new0(guint8, sc->count + 1);
    for (size_t i = 0; i < n; i++) {
        int level = sk__scale_level(sc, sk_points_value(points, i, (size_t)column));
        if (level < 0 || value_of[i] < 0)
            continue;
        diameter[i] = sc->sizes[level];
        used[level] = 1;
    }
    layer->sizes = g_new0(sk__size_entry, sc->count + 1);
    for (size_t k = 0; k < sc->count; k++)
        if (used[k] && !(sc->off_map != NULL && sc->off_map[k]))
            layer->sizes[layer->size_count++] =
                (sk__size_entry){g_strdup(sc->legend[k]), sc->sizes[k]};
    layer->size_title = g_strdup(sc->title != NULL ? sc->title : ps->size_title);
    g_free(used);
    return SK_OK;
}

/* The drawn points in drawing order and those off the map in file order. */
static void
place_points(const sk_points *points, const int *value_of, const int *class_of,
             const double *diameter, sk__point_layer *layer)
{
    size_t n = sk_points_count(points);
    layer->points = g_new0(sk__map_point, n + 1);
    layer->off = g_new0(sk__map_point, n + 1);
    for (size_t i = 0; i < n; i++) {
        if (value_of[i] < 0 || class_of[value_of[i]] < 0)
            continue;
        sk__map_point p = {.klass = class_of[value_of[i]], .diameter = diameter[i], .row = i,
                           .id = sk_points_id(points, i), .name = sk_points_name(points, i)};
        sk_points_position(points, i, &p.x, &p.y);
        if (layer->classes[p.klass].off_map)
            layer->off[layer->off_count++] = p;
        else
            layer->points[layer->count++] = p;
    }
    /* g_qsort_with_data is stable (a merge sort), and the row breaks ties anyway. */
    g_qsort_with_data(layer->points, (gint)layer->count, sizeof *layer->points, compare_drawing,
                      layer);
}

/* Per municipality: covered by a drawn point. */
static guint8 *
covered_area(const sk_points *points, const sk__point_layer *layer, size_t nmun)
{
    guint8 *covered = g_new0(guint8, nmun + 1);
    for (size_t k = 0; k < layer->count; k++) {
        const size_t *ms;
        size_t c = sk_points_covered(points, layer->points[k].row, &ms);
        for (size_t j = 0; j < c; j++)
            if (ms[j] < nmun)
                covered[ms[j]] = 1;
    }
    return covered;
}

/* What the classes are made of: the by column's scale, its categories, or one class. */
static sk_status
layer_values(sk_ctx *ctx, const sk_points *points, const sk_style *style, const char *by,
             const unsigned char *keep, values *v, int *column)
{
    *column = -1;
    if (by != NULL && find_column(ctx, points, "by", by, column) != SK_OK)
        return SK_EUSAGE;
    v->scale = by != NULL ? sk__style_scale(style, by) : NULL;
    if (by != NULL && v->scale == NULL) {
        /* Every value of the column, selected or not: a value keeps its colour on every map
        ** of the layer (a panel of some points, another selection). */
        unsigned char *all = g_malloc(sk_points_count(points) + 1);
        memset(all, 1, sk_points_count(points) + 1);
        v->categories = column_values(points, *column, all);
        g_free(all);
        v->count = v->categories->len;
    } else {
        v->count = v->scale != NULL ? v->scale->count : 1;
    }
    count_values(points, *column, keep, v);
    size_t used = 0, last = 0;
    for (size_t k = 0; k < v->count; k++)
        if (v->size[k] > 0) {
            used++;
            last = k + 1;
        }
    const GArray *palette = sk__style_points(style)->categorical;
    size_t colours = palette != NULL ? palette->len : 0;
    if (v->categories != NULL && (used > SK__MAX_CATEGORICAL || last > colours))
        return sk__error(ctx, SK_EINPUT, "by: column '%s' of %s has %zu different values; a "
                         "map tells at most %zu apart, each in its own colour on every map "
                         "(select points with --where, or give the column a [scale %s] in the "
                         "style)", by, sk_points_source(points), v->count,
                         MIN((size_t)SK__MAX_CATEGORICAL, colours), by);
    return SK_OK;
}

sk_status
sk__point_layer_build(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                      const sk_map_spec *s, sk__point_layer **out)
{
    *out = NULL;
    const sk_points *points = data->points;
    unsigned char *keep = sk__points_selected(ctx, points, s);
    if (keep == NULL)
        return sk_ctx_status(ctx);
    values v = {0};
    int column;
    sk_status st = layer_values(ctx, points, style, s->by, keep, &v, &column);
    sk__point_layer *layer = g_new0(sk__point_layer, 1);
    layer->source = points;
    int *class_of = g_new(int, v.count + 1);
    double *diameter = g_new(double, sk_points_count(points) + 1);
    if (st == SK_OK) {
        const sk__points_style *ps = sk__style_points(style);
        make_classes(style, &v, ps->unit_many, layer, class_of);
        layer->legend_title = g_strdup(v.scale != NULL && v.scale->title != NULL ? v.scale->title
                                       : s->by);
        st = make_sizes(ctx, points, style, s->size_by, v.value_of, diameter, layer);
    }
    if (st == SK_OK) {
        place_points(points, v.value_of, class_of, diameter, layer);
        if (s->covered)
            layer->covered = covered_area(points, layer, sk_geography_municipality_count(data->geo));
        *out = layer;
    } else {
        sk__point_layer_free(layer);
    }
    g_free(class_of);
    g_free(diameter);
    values_clear(&v);
    g_free(keep);
    return st;
}

char *
sk__point_map_title(const sk_style *style, const sk_map_spec *s, const sk__point_layer *layer)
{
    const sk__points_style *ps = sk__style_points(style);
    char *title;
    if (s->kind == SK_MAP_POINT_COUNT || layer == NULL)
        title = g_strdup(ps->count_title);
    else if (layer->legend_title != NULL) {
        /* "Mate van samenwerking" in a sentence: "… naar mate van samenwerking". */
        const char *rest = g_utf8_next_char(layer->legend_title);
        char *first = g_utf8_strdown(layer->legend_title, rest - layer->legend_title);
        GString *t = g_string_new(first);
        g_free(first);
        g_string_append(t, rest);
        title = sk__style_format(ps->title_format, t->str, NULL);
        g_string_free(t, TRUE);
    } else
        title = g_strdup(ps->title_all);
    if (s->where == NULL || s->where[0] == NULL)
        return title;
    char *clauses = g_strjoinv(", ", (char **)s->where);
    char *with = sk__style_format(ps->selection_format, title, clauses);
    g_free(clauses);
    g_free(title);
    return with;
}

/* Keep the points p of n inside extent (map CRS), counting them per class into size. */
static size_t
keep_inside(sk__map_point *p, size_t n, const double *extent, size_t *size)
{
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i].x >= extent[0] && p[i].x <= extent[2] && p[i].y >= extent[1] &&
            p[i].y <= extent[3]) {
            p[kept++] = p[i];
            size[p[i].klass]++;
        }
    return kept;
}

void
sk__point_layer_restrict(sk__point_layer *l, const sk_style *style, const double *extent)
{
    size_t *size = g_new0(size_t, l->class_count + 1);
    int *renumber = g_new(int, l->class_count + 1);
    l->count = keep_inside(l->points, l->count, extent, size);
    l->off_count = keep_inside(l->off, l->off_count, extent, size);
    size_t kept = 0;
    for (size_t k = 0; k < l->class_count; k++) {
        sk__point_class *c = &l->classes[k];
        renumber[k] = size[k] > 0 ? (int)kept : -1;
        if (size[k] == 0) {
            g_free(c->value);
            g_free(c->text);
            g_free(c->count);
            continue;
        }
        c->size = size[k];
        g_free(c->count);
        c->count = class_count_text(style, c);
        l->classes[kept++] = *c;
    }
    l->class_count = kept;
    for (size_t i = 0; i < l->count; i++)
        l->points[i].klass = renumber[l->points[i].klass];
    for (size_t i = 0; i < l->off_count; i++)
        l->off[i].klass = renumber[l->off[i].klass];
    g_free(renumber);
    g_free(size);
}
