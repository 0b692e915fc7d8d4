/* The atlas PDF: its pages' plans in order with an outline of sections and maps, written by
** the renderer as one document. */
#include "pdf.h"

/* Page i and its outline entry: the cover's title, the style's contents heading ("Inhoud")
** for the first contents page, the section pages at the top level, maps under their
** section. */
static sk_status
pdf_page(sk_ctx *ctx, void *data, size_t i, sk__document_page *out)
{
    sk__atlas_job *j = data;
    /* Another page failed: the atlas will not be written, so stop drawing it. */
    if (g_atomic_int_get(&j->failed))
        return sk__error(ctx, SK_ERUNTIME, "stopped: another page failed");
    const page *pg = SK__ATLAS_PAGE(j->atlas, i);
    *out = (sk__document_page){j->plans[i], pg->title, -1};
    if (pg->kind == PAGE_CONTENTS)
        out->outline = SK__ATLAS_PAGE(j->atlas, i - 1)->kind == PAGE_COVER
                           ? j->style->contents_title : NULL;
    else if (pg->kind != PAGE_SECTION)
        out->parent = pg->section;
    return SK_OK;
}

sk_status
sk__atlas_render_pdf(sk_ctx *ctx, sk__atlas_job *j)
{
    char *path = g_build_filename(j->options->output_dir, "atlas.pdf", NULL);
    sk_status st = sk__render_document(ctx, path, j->atlas->title, j->atlas->pages->len,
                                       pdf_page, j, j->vector_layers);
    g_free(path);
    return st;
}
