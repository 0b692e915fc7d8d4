/* Text measurement shared by the layout's files: one Pango set-up for every page. */
#ifndef SK_LAYOUT_MEASURE_H
#define SK_LAYOUT_MEASURE_H

#include "../layout.h"

#define SK__MM (72.0 / 25.4)

/* Make t: its layout and the run it was made of. */
void sk__text_set(sk__text *t, PangoContext *pc, const char *family, double size, int bold,
                  const char *text, double width, int markup);
void sk__text_clear(sk__text *t);
/* Lay t out again without line breaks inside a term (sk__keep_terms): legend texts, panel
** titles. */
void sk__text_keep_terms(sk__text *t);
double sk__text_height(PangoLayout *l);
/* About how many characters of text, laid out in layout, fit in height room: characters per
** line times the whole lines that fit (at least one line's worth); for messages. */
long sk__chars_fitting(PangoLayout *layout, const char *text, double room);

#endif
