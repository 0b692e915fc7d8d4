/* Key figures as text (figures.h), and the keys of [compare] and [diff] (style_internal.h). */
#include <string.h>
#include "figures.h"
#include "style_internal.h"

/* In sk__view_text's order. */
const sk__view_key sk__view_keys[SK__VIEW_TEXT_COUNT] = {
    [SK__CMP_TITLE] = {"compare", "figures_title", 0},
    [SK__CMP_SHARE] = {"compare", "share_inside", 2},
    [SK__CMP_NO_CORE] = {"compare", "no_core", 1},
    [SK__CMP_PROJECTS] = {"compare", "projects", 1},
    [SK__CMP_MUNICIPALITIES] = {"compare", "municipalities", 1},
    [SK__CMP_INSIDE] = {"compare", "inside_core", 2},
    [SK__CMP_CORE] = {"compare", "core_municipalities", 1},
    [SK__CMP_WITHOUT] = {"compare", "core_without_projects", 1},
    [SK__CMP_SEVERAL] = {"compare", "several", 2},
    [SK__CMP_SEVERAL_INSIDE] = {"compare", "several_inside", 2},
    [SK__CMP_SEVERAL_NO_CORE] = {"compare", "several_no_core", 0},
    [SK__DIFF_TITLE] = {"diff", "title", 3},
    [SK__DIFF_BEFORE] = {"diff", "before", 0},
    [SK__DIFF_AFTER] = {"diff", "after", 0},
    [SK__DIFF_FIGURES_TITLE] = {"diff", "figures_title", 0},
    [SK__DIFF_PROJECTS] = {"diff", "projects", 2},
    [SK__DIFF_NEW] = {"diff", "new", 1},
    [SK__DIFF_ENDED] = {"diff", "ended", 1},
    [SK__DIFF_CHANGED] = {"diff", "changed", 1},
    [SK__DIFF_RELABELLED] = {"diff", "relabelled", 1},
    [SK__DIFF_INSURERS] = {"diff", "other_insurers", 1},
    [SK__DIFF_PLACES] = {"diff", "other_places", 1},
    [SK__DIFF_UNCHANGED] = {"diff", "unchanged", 1},
    [SK__DIFF_MUNICIPALITIES] = {"diff", "municipalities", 0},
    [SK__DIFF_CLASS] = {"diff", "municipality_class", 2},
};

char *
sk__figures_number(size_t n)
{
    char digits[32];
    g_snprintf(digits, sizeof digits, "%zu", n);
    size_t len = strlen(digits);
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            g_string_append_c(s, '.');
        g_string_append_c(s, digits[i]);
    }
    return g_string_free(s, FALSE);
}

char *
sk__figures_percent(size_t part, size_t whole)
{
    if (whole == 0)
        return g_strdup("–");
    /* Integers only: the same text on every machine. */
    size_t p = (200 * part + whole) / (2 * whole);
    if (p == 0 && part > 0)
        p = 1;
    if (p == 100 && part < whole)
        p = 99;
    char *n = sk__figures_number(p);
    char *text = g_strconcat(n, "\u00a0%", NULL);
    g_free(n);
    return text;
}

char *
sk__figures_format(const char *format, const char *const *args, size_t n)
{
    GString *s = g_string_new(NULL);
    size_t next = 0;
    for (const char *p = format; *p; p++) {
        if (p[0] == '%' && p[1] == 's') {
            const char *arg = next < n ? args[next] : NULL;
            g_string_append(s, arg != NULL ? arg : "");
            next++;
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            g_string_append_c(s, '%');
            p++;
        } else {
            g_string_append_c(s, *p);
        }
    }
    return g_string_free(s, FALSE);
}

void
sk__figures_line(GString *markup, unsigned flags, const char *format, const char *a,
                 const char *b)
{
    const char *args[] = {a, b};
    char *line = sk__figures_format(format, args, 2);
    char *escaped = g_markup_escape_text(line, -1);
    if (markup->len > 0)
        g_string_append_c(markup, '\n');
    /* A gap: an empty line in smaller type, so groups part without a full blank line. */
    if ((flags & SK__FIG_GAP) && markup->len > 0)
        g_string_append(markup, "<span size=\"smaller\"> </span>\n");
    /* An em space: the style's texts are trimmed, so the indent is set here. */
    g_string_append_printf(markup, "%s%s%s%s", (flags & SK__FIG_INDENT) ? "\u2003" : "",
                           (flags & SK__FIG_BOLD) ? "<b>" : "", escaped,
                           (flags & SK__FIG_BOLD) ? "</b>" : "");
    g_free(escaped);
    g_free(line);
}

void
sk__figures_count(GString *markup, unsigned flags, const char *format, size_t n)
{
    char *number = sk__figures_number(n);
    sk__figures_line(markup, flags, format, number, NULL);
    g_free(number);
}
