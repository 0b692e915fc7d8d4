/* Scales of point columns (scales.h): pure lookups. */
#include <string.h>
#include "scales.h"

int
sk__scale_level(const sk__scale *scale, const char *value)
{
    for (size_t i = 0; i < scale->count; i++)
        if (strcmp(scale->levels[i], value) == 0)
            return (int)i;
    for (size_t i = 0; i < scale->count; i++)
        if (g_ascii_strcasecmp(scale->levels[i], value) == 0)
            return (int)i;
    return -1;
}

void
sk__scale_free(sk__scale *scale)
{
    if (scale == NULL)
        return;
    g_free(scale->column);
    g_strfreev(scale->levels);
    g_strfreev(scale->legend);
    g_free(scale->colors);
    g_free(scale->sizes);
    g_free(scale->off_map);
    g_free(scale->title);
    g_free(scale);
}
