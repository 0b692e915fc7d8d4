/* Typed keys of a style (stylekeys.h): the user's file over the default style, each key
** read remembered; bad values are FILE:LINE problems of the file that holds them. */
#include <stdlib.h>
#include <string.h>
#include "stylekeys.h"

void
sk__key_remember(sk__key_reader *r, const char *group, const char *key)
{
    GPtrArray *keys = g_hash_table_lookup(r->known, group);
    if (keys == NULL) {
        keys = g_ptr_array_new_with_free_func(g_free);
        g_hash_table_insert(r->known, g_strdup(group), keys);
    }
    g_ptr_array_add(keys, g_strdup(key));
}

/* The value of key, trimmed, from the first file that has it (the user's, then the default
** style), and that file; NULL when neither has it. */
static char *
find(sk__key_reader *r, const char *group, const char *key, sk__keyfile **from)
{
    for (int i = 0; i < 2; i++) {
        char *v = r->files[i] != NULL ? sk__keyfile_get(r->files[i], group, key) : NULL;
        if (v != NULL) {
            *from = r->files[i];
            return v;
        }
    }
    *from = r->files[1];
    return NULL;
}

/* A missing required key is a problem of the default style. */
char *
sk__key_raw(sk__key_reader *r, const char *group, const char *key, int required, sk__keyfile **from)
{
    sk__key_remember(r, group, key);
    sk__keyfile *file;
    char *v = find(r, group, key, &file);
    if (v != NULL && from != NULL)
        *from = file;
    if (v == NULL && required)
        sk__keyfile_problem(r->files[1], group, key, "missing");
    return v;
}

char *
sk__key_string(sk__key_reader *r, const char *group, const char *key, sk__keyfile **from)
{
    char *v = sk__key_raw(r, group, key, 1, from);
    return v != NULL ? v : g_strdup("");
}

int
sk__key_parse_color(const char *text, sk__color *out)
{
    if (text == NULL || text[0] != '#' || strlen(text) != 7)
        return 0;
    for (int i = 1; i < 7; i++)
        if (!g_ascii_isxdigit(text[i]))
            return 0;
    *out = (sk__color)strtoul(text + 1, NULL, 16);
    return 1;
}

sk__color
sk__key_color(sk__key_reader *r, const char *group, const char *key)
{
    sk__keyfile *from = NULL;
    char *v = sk__key_raw(r, group, key, 1, &from);
    sk__color c = 0;
    if (v != NULL && !sk__key_parse_color(v, &c))
        sk__keyfile_problem(from, group, key, "'%s' is not a colour (expected #rrggbb, e.g. "
                            "#1f78b4)", v);
    g_free(v);
    return c;
}

/* A ','-separated list of colours. */
GArray *
sk__key_color_list(sk__key_reader *r, const char *group, const char *key)
{
    GArray *list = g_array_new(FALSE, FALSE, sizeof(sk__color));
    sk__keyfile *from = r->files[1];
    char *text = sk__key_string(r, group, key, &from);
    char **colors = g_strsplit(text, ",", -1);
    for (size_t i = 0; colors[i] != NULL; i++) {
        sk__color c;
        if (sk__key_parse_color(g_strstrip(colors[i]), &c))
            g_array_append_val(list, c);
        else
            sk__keyfile_problem(from, group, key, "'%s' is not a colour (expected #rrggbb)",
                                colors[i]);
    }
    if (list->len == 0)
        sk__keyfile_problem(from, group, key, "no colour given (expected #rrggbb, …)");
    g_strfreev(colors);
    g_free(text);
    return list;
}

double
sk__key_number(sk__key_reader *r, const char *group, const char *key, double min, double max)
{
    sk__keyfile *from = NULL;
    char *v = sk__key_raw(r, group, key, 1, &from);
    if (v == NULL)
        return min;
    char *end;
    double d = g_ascii_strtod(v, &end);
    if (end == v || *end != '\0' || !(d >= min && d <= max)) {
        sk__keyfile_problem(from, group, key, "'%s' is not a number from %g to %g", v, min,
                            max);
        d = min;
    }
    g_free(v);
    return d;
}

int
sk__key_bool(sk__key_reader *r, const char *group, const char *key)
{
    sk__keyfile *from = NULL;
    char *v = sk__key_raw(r, group, key, 1, &from);
    int b = 0;
    if (v != NULL) {
        if (g_ascii_strcasecmp(v, "true") == 0 || g_ascii_strcasecmp(v, "yes") == 0)
            b = 1;
        else if (g_ascii_strcasecmp(v, "false") != 0 && g_ascii_strcasecmp(v, "no") != 0)
            sk__keyfile_problem(from, group, key, "'%s' is not true or false", v);
    }
    g_free(v);
    return b;
}

/* A "%s" format from the style must have exactly as many %s as the code passes, and no other
** conversion, or printing it would be undefined behaviour. */
char *
sk__key_format(sk__key_reader *r, const char *group, const char *key, int conversions)
{
    sk__keyfile *from = r->files[1];
    char *v = sk__key_string(r, group, key, &from);
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
        sk__keyfile_problem(from, group, key, "'%s' must contain %d %%s and no other %% "
                            "conversion", v, conversions);
    return v;
}

int
sk__key_count(sk__key_reader *r, const char *group, const char *key, int min, int max)
{
    sk__keyfile *from = NULL;
    char *v = sk__key_raw(r, group, key, 1, &from);
    if (v == NULL)
        return min;
    char *end;
    gint64 n = g_ascii_strtoll(v, &end, 10);
    if (end == v || *end != '\0' || n < min || n > max) {
        sk__keyfile_problem(from, group, key, "'%s' is not a whole number from %d to %d", v,
                            min, max);
        n = min;
    }
    g_free(v);
    return (int)n;
}

sk__keyfile *
sk__key_source(sk__key_reader *r, const char *group, const char *key)
{
    sk__keyfile *file;
    g_free(find(r, group, key, &file));
    return file;
}
