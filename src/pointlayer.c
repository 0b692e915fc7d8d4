/* The storage of a point map's layer (map_internal.h: sk__point_layer). */
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
