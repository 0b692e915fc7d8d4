/* Text matching: names and labels are matched ignoring case, diacritics and spacing, and a
** bad value gets the nearest valid alternative as a suggestion. */
#ifndef SK_TEXT_H
#define SK_TEXT_H

#include <stddef.h>
#include <glib.h>

/* A matching key for s: ASCII-transliterated ("Súdwest-Fryslân" -> "sudwest-fryslan"),
** lower case, trimmed, runs of white space folded to one space.  Caller frees with g_free. */
char *sk__normalize(const char *s);

/* Levenshtein distance between two strings (bytes). */
size_t sk__edit_distance(const char *a, const char *b);

/* Tracks the nearest candidate to a query while candidates are offered one by one. */
typedef struct sk__suggestion {
    const char *query;     /* normalised query (borrowed) */
    const char *best;      /* display text of the nearest candidate so far (borrowed) */
    size_t distance;
} sk__suggestion;

void sk__suggestion_init(sk__suggestion *s, const char *normalized_query);
/* Offer a candidate: its display text and its normalised key (both borrowed). */
void sk__suggestion_offer(sk__suggestion *s, const char *display, const char *normalized);

/* The nearest valid names to a bad value, for "did you mean": the names that are the value
** but for a qualifier ("Bergen" -> "Bergen (L.)", "Bergen (NH.)"), else the names it is a
** prefix of ("Sudwest" -> "Súdwest-Fryslân"), else the nearest names with the same first word,
** else the nearest names; every one of them when several are as near (at most six). */
typedef struct sk__nearest {
    char *query, *first;   /* normalised value and its first word */
    GArray *found;
} sk__nearest;

void sk__nearest_init(sk__nearest *n, const char *value);
/* Offer a candidate: its display text (borrowed, kept until clear) and a name it goes by. */
void sk__nearest_offer(sk__nearest *n, const char *display, const char *name);
/* The best display texts, nearest first (borrowed; free the array). */
GPtrArray *sk__nearest_best(sk__nearest *n);
/* The nearest display text, or NULL when nothing was offered. */
const char *sk__nearest_first(sk__nearest *n);
/* The best display texts quoted, "'A'", "'A' or 'B'", "'A', 'B' or 'C'" ("" when nothing was
** offered); g_free it. */
char *sk__nearest_quoted(sk__nearest *n);
void sk__nearest_clear(sk__nearest *n);

/* s split at any of the characters in separators, each part trimmed, empty parts left out
** (NULL-terminated; g_strfreev it). */
char **sk__split_trimmed(const char *s, const char *separators);

/* Append value to s as one CSV field (RFC 4180: quoted only where it must be). */
void sk__csv_append(GString *s, const char *value);
/* Append one CSV line of n cells. */
void sk__csv_row(GString *s, const char *const *cells, size_t n);

#endif
