/* The whole atlas as one PDF: every page in order, contents links and an outline. */
#ifndef SK_ATLAS_PDF_H
#define SK_ATLAS_PDF_H

#include "schedule.h"

/* Write OUTPUT_DIR/atlas.pdf from the job's built pages; on failure ctx has the message. */
sk_status sk__atlas_render_pdf(sk_ctx *ctx, sk__atlas_job *j);

#endif
