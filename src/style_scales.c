/* A style's scales and [points] (style_internal.h). */
#include "style_internal.h"

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
