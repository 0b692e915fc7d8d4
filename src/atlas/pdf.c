/* The atlas PDF: a vector page per page, an outline of sections and maps, written through
** the output module (temporary name, renamed when complete). */
#include "pdf.h"
#include <cairo-pdf.h>
#include "../output.h"
#include "../panels_internal.h"
#include "textpages.h"

/* Draw page i, adding its outline entry (under its section's). */
static sk_status
pdf_page(sk_ctx *ctx, sk__atlas_job *j, cairo_t *cr, cairo_surface_t *surface, guint i,
         int *section_outline)
{
    const sk_atlas *a = j->atlas;
    const page *pg = SK__ATLAS_PAGE(a, i);
    double w, h;
    sk__atlas_page_points(j, &w, &h);
    sk_status st = SK_OK;
    char *dest = g_strdup_printf("page=%u", i + 1);
    if (pg->kind == PAGE_CONTENTS) {
        if (i == 0)
            cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, "Inhoud", dest, 0);
        sk__atlas_draw_contents(cr, j->style, a, i, w, h, 1);
    } else if (pg->kind == PAGE_SECTION) {
        *section_outline = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT,
                                                         pg->title, dest, 0);
        sk__atlas_draw_section(cr, j->style, pg, w, h);
    } else {
        cairo_pdf_surface_add_outline(surface, pg->section >= 0 ? *section_outline
                                                                : CAIRO_PDF_OUTLINE_ROOT,
                                      pg->title, dest, 0);
        if (pg->kind == PAGE_PANELS) {
            sk__page_spec spec = sk__panels_spec(j->sets[i]);
            st = sk__render_panels_vector(ctx, cr, sk__panels_maps(j->sets[i]), &spec,
                                          j->vector_layers);
        } else {
            st = sk__render_vector_page(ctx, cr, j->maps[i], j->vector_layers);
        }
    }
    g_free(dest);
    return st;
}

/* The pages onto surface; errors name path. */
static sk_status
pdf_pages(sk_ctx *ctx, sk__atlas_job *j, cairo_surface_t *surface, const char *path)
{
    sk_status st = SK_OK;
    int section_outline = CAIRO_PDF_OUTLINE_ROOT;
    cairo_t *cr = cairo_create(surface);
    for (guint i = 0; i < j->atlas->pages->len && st == SK_OK; i++) {
        st = pdf_page(ctx, j, cr, surface, i, &section_outline);
        cairo_show_page(cr);
        if (cairo_status(cr) != CAIRO_STATUS_SUCCESS && st == SK_OK)
            st = sk__error(ctx, SK_EIO, "%s: %s", path, cairo_status_to_string(cairo_status(cr)));
    }
    cairo_destroy(cr);
    return st;
}

sk_status
sk__atlas_render_pdf(sk_ctx *ctx, sk__atlas_job *j)
{
    const sk_atlas *a = j->atlas;
    char *path = g_build_filename(j->options->output_dir, "atlas.pdf", NULL);
    sk__output out;
    sk_status st = sk__output_open(ctx, &out, path);
    if (st != SK_OK) {
        g_free(path);
        return st;
    }
    double w, h;
    sk__atlas_page_points(j, &w, &h);
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(sk__output_cairo_write, &out, w, h);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, a->title);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "samenkaart");
    st = pdf_pages(ctx, j, surface, path);
    cairo_surface_finish(surface);
    if (st == SK_OK && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
        st = sk__error(ctx, SK_EIO, "%s: cannot write: %s", path,
                       out.failed ? g_strerror(out.failed)
                                  : cairo_status_to_string(cairo_surface_status(surface)));
    cairo_surface_destroy(surface);
    if (st == SK_OK && (st = sk__output_finish(ctx, &out)) == SK_OK)
        st = sk__output_commit(ctx, &out, 1);
    else
        sk__output_abort(&out);
    g_free(path);
    return st;
}
