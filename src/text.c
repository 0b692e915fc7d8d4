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

/* ---- nearest candidates ------------------------------------------------------------- */

typedef struct nearest_candidate {
    const char *display;
    int tier;   /* 0 the name but for a qualifier, 1 prefix, 2 same first word or a word, 3 other */
    size_t distance;
} nearest_candidate;

enum { MAX_NEAREST = 6 };

/* The name without a trailing qualifier: "bergen (l.)" -> "bergen".  g_free it. */
static char *
base_name(const char *norm)
{
    char *b = g_strdup(norm);
    char *open = strrchr(b, '(');
    if (open != NULL && open > b && b[strlen(b) - 1] == ')') {
        *open = '\0';
        g_strchomp(b);
    }
    return b;
}

/* The first word (up to a space or hyphen) of a normalised name.  g_free it. */
static char *
first_word(const char *norm)
{
    return g_strndup(norm, strcspn(norm, " -"));
}

/* Whether word is one of the words of a normalised name ("haag" of "den haag"). */
static int
has_word(const char *norm, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = norm; n > 0 && (p = strstr(p, word)) != NULL; p++)
        if ((p == norm || strchr(" -'", p[-1]) != NULL) && strchr(" -", p[n]) != NULL)
            return 1;
    return 0;
}

/* A word of norm within a small edit distance of query, a single word of at least five
** letters: "formeel" is a misspelt word of "formele afspraken", which the whole texts'
** distance would not find (it ranks the short "onbekend" nearer). */
static int
near_word(const char *norm, const char *query)
{
    if (g_utf8_strlen(query, -1) < 5 || strpbrk(query, " -'") != NULL)
        return 0;
    char **words = g_strsplit_set(norm, " -'", -1);
    int near = 0;
    for (size_t i = 0; words[i] != NULL && !near; i++)
        near = g_utf8_strlen(words[i], -1) >= 5 && sk__edit_distance(query, words[i]) <= 2;
    g_strfreev(words);
    return near;
}

void
sk__nearest_init(sk__nearest *n, const char *value)
{
    n->query = sk__normalize(value);
    n->first = first_word(n->query);
    n->found = g_array_new(FALSE, FALSE, sizeof(nearest_candidate));
}

void
sk__nearest_offer(sk__nearest *n, const char *display, const char *name)
{
    char *norm = sk__normalize(name);
    char *base = base_name(norm), *first = first_word(norm);
    nearest_candidate c = {display, 3, sk__edit_distance(n->query, norm)};
    size_t to_base = sk__edit_distance(n->query, base);
    c.distance = MIN(c.distance, to_base);
    if (n->query[0] == '\0')
        c.tier = 3;
    else if (strcmp(base, n->query) == 0)
        c.tier = 0;
    else if (g_str_has_prefix(norm, n->query))
        c.tier = 1;
    else if (strcmp(first, n->first) == 0 || has_word(norm, n->query) ||
             near_word(norm, n->query))
        c.tier = 2;
    g_free(norm);
    g_free(base);
    g_free(first);
    /* One display text offered under several names (a label's key and aliases) counts once,
    ** at its best. */
    for (guint i = 0; i < n->found->len; i++) {
        nearest_candidate *o = &g_array_index(n->found, nearest_candidate, i);
        if (strcmp(o->display, display) != 0)
            continue;
        if (c.tier < o->tier || (c.tier == o->tier && c.distance < o->distance))
            *o = c;
        return;
    }
    g_array_append_val(n->found, c);
}

static gint
by_nearness(gconstpointer pa, gconstpointer pb)
{
    const nearest_candidate *a = pa, *b = pb;
    if (a->tier != b->tier)
        return a->tier < b->tier ? -1 : 1;
    if (a->distance != b->distance)
        return a->distance < b->distance ? -1 : 1;
    return strcmp(a->display, b->display);
}

GPtrArray *
sk__nearest_best(sk__nearest *n)
{
    GPtrArray *best = g_ptr_array_new();
    g_array_sort(n->found, by_nearness);
    if (n->found->len == 0)
        return best;
    const nearest_candidate *top = &g_array_index(n->found, nearest_candidate, 0);
    for (guint i = 0; i < n->found->len && best->len < MAX_NEAREST; i++) {
        const nearest_candidate *c = &g_array_index(n->found, nearest_candidate, i);
        /* Every name sharing the query's name or prefix; else the nearest ones, ties all. */
        if (c->tier != top->tier || (top->tier >= 2 && c->distance != top->distance))
            break;
        g_ptr_array_add(best, (gpointer)c->display);
    }
    return best;
}

const char *
sk__nearest_first(sk__nearest *n)
{
    GPtrArray *best = sk__nearest_best(n);
    const char *first = best->len > 0 ? g_ptr_array_index(best, 0) : NULL;
    g_ptr_array_free(best, TRUE);
    return first;
}

char *
sk__nearest_quoted(sk__nearest *n)
{
    GPtrArray *best = sk__nearest_best(n);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < best->len; i++)
        g_string_append_printf(s, "%s'%s'", i == 0 ? "" : i + 1 == best->len ? " or " : ", ",
                               (const char *)g_ptr_array_index(best, i));
    g_ptr_array_free(best, TRUE);
    return g_string_free(s, FALSE);
}

void
sk__nearest_clear(sk__nearest *n)
{
    g_free(n->query);
    g_free(n->first);
    g_array_free(n->found, TRUE);
}

char **
sk__split_trimmed(const char *s, const char *separators)
{
    char **parts = g_strsplit_set(s, separators, -1);
    size_t n = 0;
    for (size_t i = 0; parts[i] != NULL; i++) {
        g_strstrip(parts[i]);
        if (parts[i][0] != '\0')
            parts[n++] = parts[i];
        else
            g_free(parts[i]);
    }
    parts[n] = NULL;
    return parts;
}
