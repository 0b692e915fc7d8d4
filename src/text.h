/* Text matching: names and labels are matched ignoring case, diacritics and spacing, and a
** bad value gets the nearest valid alternative as a suggestion. */
#ifndef SK_TEXT_H
#define SK_TEXT_H

#include <stddef.h>

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

/* Append value to s as one CSV field (RFC 4180: quoted only where it must be). */
void sk__csv_append(GString *s, const char *value);
/* Append one CSV line of n cells. */
void sk__csv_row(GString *s, const char *const *cells, size_t n);

#endif
