#include <string.h>
#include <glib.h>
#include "text.h"

char *
sk__normalize(const char *s)
{
    /* g_str_to_ascii transliterates accented letters; "C" keeps it locale-independent. */
    char *ascii = g_str_to_ascii(s, "C");
    GString *out = g_string_sized_new(strlen(ascii));
    gboolean space = FALSE;
    for (const char *p = ascii; *p; p++) {
        if (g_ascii_isspace(*p)) {
            space = out->len > 0;
            continue;
        }
        if (space)
            g_string_append_c(out, ' ');
        space = FALSE;
        g_string_append_c(out, g_ascii_tolower(*p));
    }
    g_free(ascii);
    return g_string_free(out, FALSE);
}

size_t
sk__edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t *row = g_new(size_t, lb + 1);
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[lb];
    g_free(row);
    return d;
}

void
sk__suggestion_init(sk__suggestion *s, const char *normalized_query)
{
    s->query = normalized_query;
    s->best = NULL;
    s->distance = (size_t)-1;
}

void
sk__suggestion_offer(sk__suggestion *s, const char *display, const char *normalized)
{
    size_t d = sk__edit_distance(s->query, normalized);
    /* A candidate that starts with the query ("ouder" -> "ouderen") is a better guess than
    ** an equally distant unrelated one. */
    if (g_str_has_prefix(normalized, s->query) && s->query[0] != '\0' && d > 0)
        d = d / 2 + 1;
    if (d < s->distance) {
        s->distance = d;
        s->best = display;
    }
}

void
sk__csv_append(GString *s, const char *value)
{
    if (strpbrk(value, ",\"\r\n") == NULL) {
        g_string_append(s, value);
        return;
    }
    g_string_append_c(s, '"');
    for (const char *c = value; *c; c++) {
        if (*c == '"')
            g_string_append_c(s, '"');
        g_string_append_c(s, *c);
    }
    g_string_append_c(s, '"');
}

void
sk__csv_row(GString *s, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            g_string_append_c(s, ',');
        sk__csv_append(s, cells[i]);
    }
    g_string_append_c(s, '\n');
}
