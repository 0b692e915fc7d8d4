/* The key figures printed beside the maps of samenkaart compare and diff: numbers as Dutch
** text writes them, lines in the style's wording, as Pango markup for a text panel. */
#ifndef SK_FIGURES_H
#define SK_FIGURES_H

#include <stddef.h>
#include <glib.h>

/* n with a dot between the thousands ("1.234"); g_free it. */
char *sk__figures_number(size_t n);

/* part of whole as a whole percentage with a no-break space before the sign ("72 %"),
** rounded half up, but never 0 % for some nor 100 % for not all; "–" when whole is 0.
** g_free it. */
char *sk__figures_percent(size_t part, size_t whole);

/* format with each %s replaced by the next of args (n of them, NULL as "") and %% by %.
** The style checked the number of %s when it was loaded.  g_free it. */
char *sk__figures_format(const char *format, const char *const *args, size_t n);

/* How a line is set: bold (a heading), after a small gap (a new group), indented (a part of
** the line above: "waarvan …"). */
enum { SK__FIG_BOLD = 1, SK__FIG_GAP = 2, SK__FIG_INDENT = 4 };

/* Append to markup a line: format filled with a and b (either may be NULL when format takes
** fewer), escaped for Pango markup, set as flags (SK__FIG_*) say; a newline before it unless
** it is the first. */
void sk__figures_line(GString *markup, unsigned flags, const char *format, const char *a,
                      const char *b);

/* The same with a number: format filled with n as sk__figures_number writes it. */
void sk__figures_count(GString *markup, unsigned flags, const char *format, size_t n);

#endif
