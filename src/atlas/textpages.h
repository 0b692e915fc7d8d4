/* The atlas's own pages: contents (entries linking to their pages) and section pages. */
#ifndef SK_ATLAS_TEXTPAGES_H
#define SK_ATLAS_TEXTPAGES_H

#include <cairo.h>
#include "model.h"
#include "../style_internal.h"

/* A section page: its title on the style's background; page w x h points. */
void sk__atlas_draw_section(cairo_t *cr, const sk_style *s, const page *pg, double w, double h);

/* Contents page k: the atlas title (first page), then sections and maps in columns; links:
** each entry a link to its page (PDF; page numbers are 1-based PDF pages). */
void sk__atlas_draw_contents(cairo_t *cr, const sk_style *s, const sk_atlas *a, size_t k,
                             double w, double h, int links);

#endif
