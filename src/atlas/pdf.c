/* The atlas PDF: its pages' plans in order with an outline of sections and maps, written by
** the renderer as one document. */
#include "pdf.h"
#include "plans.h"

/* What the document asks page by page: the plan of the page last asked for is kept until
** the next. */
typedef struct pdf_source {
    sk__atlas_job *job;
    sk__plan *plan;
} pdf_source;

/* Page i and its outline entry: "Inhoud" for the first contents page, the section pages at
** the top level, maps under their section. */
static sk_status
pdf_page(sk_ctx *ctx, void *data, size_t i, sk__document_page *out)
{
    pdf_source *s = data;
    const page *pg = SK__ATLAS_PAGE(s->job->atlas, i);
    sk__plan_free(s->plan);
    s->plan = NULL;
    if (sk__atlas_page_plan(ctx, s->job, i, &s->plan) != SK_OK)
        return sk_ctx_status(ctx);
    *out = (sk__document_page){s->plan, pg->title, -1};
    if (pg->kind == PAGE_CONTENTS)
        out->outline = i == 0 ? "Inhoud" : NULL;
    else if (pg->kind != PAGE_SECTION)
        out->parent = pg->section;
    return SK_OK;
}

sk_status
sk__atlas_render_pdf(sk_ctx *ctx, sk__atlas_job *j)
{
    char *path = g_build_filename(j->options->output_dir, "atlas.pdf", NULL);
    pdf_source source = {j, NULL};
    sk_status st = sk__render_document(ctx, path, j->atlas->title, j->atlas->pages->len,
                                       pdf_page, &source, j->vector_layers);
    sk__plan_free(source.plan);
    g_free(path);
    return st;
}
