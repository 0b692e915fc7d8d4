/* What the library asks of a loaded style (style_internal.h): where styles live, colours of
** label combinations, the style's order of labels, legend texts, its text formats.  Reading
** a style is style.c's. */
#include "internal.h"
#include "paths.h"
#include "style_internal.h"

const char *
sk_styles_dir(void)
{
    const char *env = g_getenv("SAMENKAART_STYLES");
    return env != NULL && env[0] != '\0' ? env : sk__default_styles_dir();
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

int
sk__style_labelset_compare(const sk_style *style, sk_principle p, sk_labelset a, sk_labelset b)
{
    sk_labelset pa = 0, pb = 0;
    for (size_t l = 0; l < sk_principle_label_count(p); l++) {
        sk_labelset bit = (sk_labelset)1 << style->label_rank[p][l];
        pa |= (a >> l) & 1 ? bit : 0;
        pb |= (b >> l) & 1 ? bit : 0;
    }
    return sk_labelset_compare(pa, pb);
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
