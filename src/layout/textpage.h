/* What the text pages' files share (textpage.c: contents and section pages; cover.c: the
** cover and the page number at the foot of a page). */
#ifndef SK_LAYOUT_TEXTPAGE_H
#define SK_LAYOUT_TEXTPAGE_H

#include "measure.h"

/* A text run of the style's family at (x, y), wrapped at width (< 0: one line; markup: Pango
** markup, already checked); returns its box as measured. */
sk__box sk__textpage_run(sk__plan *p, PangoContext *pc, const sk_style *s, double size,
                         int bold, int markup, const char *text, double x, double y,
                         double width, sk__color color, sk__role role, long id);

/* The height of text at size in a column width wide (0 for NULL); *layout: its layout (NULL
** for NULL, else the caller unrefs). */
double sk__textpage_height(PangoContext *pc, const sk_style *s, double size, int bold,
                           int markup, const char *text, double width, PangoLayout **layout);

/* The baseline of the last line of l, from the top of its layout, in points. */
double sk__last_baseline(PangoLayout *l);
/* Where the last line of l ends, from its layout's left edge, in points. */
double sk__last_line_end(PangoLayout *l);

/* Whether text is Pango markup; else SK_EINPUT naming what ("text"). */
sk_status sk__textpage_markup(sk_ctx *ctx, const char *what, const char *text);

#endif
