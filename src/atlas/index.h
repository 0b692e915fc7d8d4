/* The atlas's files beside the PDF: a PNG per page (with world file and classes CSV for a
** map page) and its thumbnail, and index.html linking them. */
#ifndef SK_ATLAS_INDEX_H
#define SK_ATLAS_INDEX_H

#include "schedule.h"

/* Page i as OUTPUT_DIR/NAME.png and thumbs/NAME.png (+ .pgw and .csv for a map page),
** drawn on the calling thread's canvas; a failure's message on ctx names the page.  Safe
** from several threads at once. */
sk_status sk__atlas_render_png(sk_ctx *ctx, sk__atlas_job *j, size_t i, sk__canvas *canvas);

/* DIR/index.html: the thumbnails, linking to the PNGs, the PDF pages and the CSVs. */
sk_status sk__atlas_write_index(sk_ctx *ctx, const sk_atlas *a, const char *dir);

#endif
