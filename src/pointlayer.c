/* The storage of a point map's layer (map_internal.h: sk__point_layer). */
#include <string.h>
#include "map_internal.h"

void
sk__point_layer_free(sk__point_layer *layer)
{
    if (layer == NULL)
        return;
    g_free(layer->points);
    for (size_t k = 0; k < layer->class_count; k++) {
        g_free(layer->classes[k].value);
        g_free(layer->classes[k].text);
        g_free(layer->classes[k].count);
    }
    g_free(layer->classes);
    g_free(layer->legend_title);
    for (size_t k = 0; k < layer->size_count; k++)
        g_free(layer->sizes[k].text);
    g_free(layer->sizes);
    g_free(layer->size_title);
    g_free(layer->covered);
    g_free(layer->off);
    g_free(layer);
}

gint
sk__point_class_compare(gconstpointer a, gconstpointer b, gpointer ordinal)
{
    const sk__point_class *x = a, *y = b;
    if (x->off_map != y->off_map)
        return x->off_map - y->off_map;
    return GPOINTER_TO_INT(ordinal) ? y->rank - x->rank : x->rank - y->rank;
}

static gint
compare_sizes(gconstpointer a, gconstpointer b)
{
    const sk__size_entry *x = a, *y = b;
    return (x->diameter > y->diameter) - (x->diameter < y->diameter);
}

/* Add the classes of l not yet in classes (by value): without counts, a level off the map
** saying so (note). */
static void
add_classes(GArray *classes, const sk__point_layer *l, const char *note)
{
    for (size_t k = 0; k < l->class_count; k++) {
        const sk__point_class *c = &l->classes[k];
        guint j = 0;
        while (j < classes->len &&
               strcmp(g_array_index(classes, sk__point_class, j).value, c->value) != 0)
            j++;
        if (j < classes->len)
            continue;
        sk__point_class u = *c;
        u.value = g_strdup(c->value);
        u.text = g_strdup(c->text);
        u.count = c->off_map ? g_strdup(note) : NULL;
        g_array_append_val(classes, u);
    }
}

static void
add_sizes(GArray *sizes, const sk__point_layer *l)
{
    for (size_t k = 0; k < l->size_count; k++) {
        guint j = 0;
        while (j < sizes->len &&
               strcmp(g_array_index(sizes, sk__size_entry, j).text, l->sizes[k].text) != 0)
            j++;
        if (j == sizes->len) {
            sk__size_entry e = {g_strdup(l->sizes[k].text), l->sizes[k].diameter};
            g_array_append_val(sizes, e);
        }
    }
}

sk__point_layer *
sk__point_layer_union(sk_map *const *maps, size_t n)
{
    sk__point_layer *u = g_new0(sk__point_layer, 1);
    GArray *classes = g_array_new(FALSE, TRUE, sizeof(sk__point_class));
    GArray *sizes = g_array_new(FALSE, TRUE, sizeof(sk__size_entry));
    for (size_t i = 0; i < n; i++) {
        const sk__point_layer *l = maps[i]->points;
        if (l == NULL)
            continue;
        if (u->legend_title == NULL && l->legend_title != NULL)
            u->legend_title = g_strdup(l->legend_title);
        if (u->size_title == NULL && l->size_title != NULL)
            u->size_title = g_strdup(l->size_title);
        u->ordinal = l->ordinal;
        add_classes(classes, l, sk__style_points(maps[i]->style)->off_map_note);
        add_sizes(sizes, l);
    }
    g_array_sort_with_data(classes, sk__point_class_compare, GINT_TO_POINTER(u->ordinal));
    g_array_sort(sizes, compare_sizes);
    u->class_count = classes->len;
    u->classes = (sk__point_class *)(void *)g_array_free(classes, FALSE);
    u->size_count = sizes->len;
    u->sizes = (sk__size_entry *)(void *)g_array_free(sizes, FALSE);
    return u;
}
