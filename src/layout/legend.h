/* The legend of a map page (legend.c): its entries' texts measured, laid out in columns at
** the style's legend size, moved into place. */
#ifndef SK_LAYOUT_LEGEND_H
#define SK_LAYOUT_LEGEND_H

#include "measure.h"

/* Entry i's text and line or swatch colour (it): a class's, or after the classes the
** outline, the outlined area and the region border. */
const char *sk__legend_entry_text(const sk__page_spec *spec, const sk_style *s, size_t i,
                                  sk__legend_item *it);
/* Measure entry i at size in a text column tw wide (< 0: one line), its count apart. */
void sk__legend_entry_measure(PangoContext *pc, const sk__page_spec *spec, const sk_style *s,
                              size_t i, double size, double tw, sk__legend_item *it);
/* Lay l's legend out in columns of width w, col_gap apart, relative to (0, 0); returns its
** height. */
double sk__legend_layout(PangoContext *pc, const sk__page_spec *spec, const sk_style *s,
                         double w, int columns, double col_gap, sk__layout *l);
/* Move the laid-out legend by (dx, dy). */
void sk__legend_move(sk__layout *l, double dx, double dy);
/* The widest line of the legend unwrapped, at most the style's legend width. */
double sk__legend_natural_width(PangoContext *pc, const sk__page_spec *spec, const sk_style *s,
                                sk__layout *l);

#endif
