/* Cairo backend: a multi-page PDF document from page plans (render_internal.h), streamed
** through the sink, with metadata, an outline and the plans' links. */
#include <cairo-pdf.h>
#include "../internal.h"
#include "render.h"

typedef struct document {
    size_t count;
    sk__document_source source;
    void *data;
    sk__layers *layers;
    const char *title;
} document;

/* Page i's outline entry, under its parent's; ids[i] is the entry's id (the root when it has
** none), for the pages under it. */
static void
add_outline(cairo_surface_t *surface, const sk__document_page *pg, size_t i, int *ids)
{
    ids[i] = CAIRO_PDF_OUTLINE_ROOT;
    if (pg->outline == NULL)
        return;
    int parent = pg->parent >= 0 && (size_t)pg->parent < i ? ids[pg->parent]
                                                             : CAIRO_PDF_OUTLINE_ROOT;
    char *dest = g_strdup_printf("page=%zu", i + 1);
    ids[i] = cairo_pdf_surface_add_outline(surface, parent, pg->outline, dest, 0);
    g_free(dest);
}

/* A named destination at page i's top left, for the links of the contents: cairo 1.16 writes
** a link to "page=N" of a page not drawn yet with no destination at all, which no viewer can
** follow.  Empty (cairo refuses one around drawing that holds a link) and after the page's
** drawing: the page's opaque background paint drops what the page recorded before it. */
static void
add_dest(cairo_t *cr, size_t i)
{
    char *dest = g_strdup_printf("name='" SK__DOCUMENT_DEST "' x=0 y=0", i + 1);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, dest);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    g_free(dest);
}

/* A failed document: out of memory is SK_ENOMEM, a write error the sink's. */
static sk_status
document_failed(sk_ctx *ctx, const sk__sink *out, cairo_status_t cs)
{
    if (out->failed)
        return sk__error(ctx, SK_EIO, "%s: cannot write: %s", out->path,
                         g_strerror(out->failed));
    if (cs == CAIRO_STATUS_NO_MEMORY)
        return sk__error(ctx, SK_ENOMEM, "%s: out of memory while drawing", out->path);
    return sk__error(ctx, SK_EIO, "%s: %s", out->path, cairo_status_to_string(cs));
}

/* The pages onto a PDF surface made at the first page's size; errors name out's path. */
static sk_status
write_pages(sk_ctx *ctx, const document *d, const sk__document_page *first,
            cairo_surface_t *surface, sk__sink *out)
{
    int *ids = g_new(int, d->count);
    /* On a surface in error, a nil context whose status is checked after each page. */
    cairo_t *cr = cairo_create(surface);
    sk__document_page pg = *first;
    /* The first plan may be gone once the next is asked for. */
    double w = first->plan->page_w, h = first->plan->page_h;
    sk_status st = SK_OK;
    size_t i = 0;
    for (; i < d->count && st == SK_OK; i++) {
        if (i > 0 && (st = d->source(ctx, d->data, i, &pg)) != SK_OK)
            break;
        if (pg.plan->page_w != w || pg.plan->page_h != h) {
            w = pg.plan->page_w;
            h = pg.plan->page_h;
            cairo_pdf_surface_set_size(surface, w, h);
        }
        add_outline(surface, &pg, i, ids);
        cairo_status_t cs = sk__draw_vector_page(cr, pg.plan, d->layers);
        add_dest(cr, i);
        cairo_show_page(cr);
        if (cs == CAIRO_STATUS_SUCCESS)
            cs = cairo_status(cr);
        if (cs != CAIRO_STATUS_SUCCESS || out->failed)
            st = document_failed(ctx, out, cs);
    }
    /* A document stopped early is thrown away, but cairo still resolves the links of the
    ** pages drawn (the contents) and the outline when it is finished: blank pages up to the
    ** last one keep every page a link names there. */
    for (; st != SK_OK && i < d->count; i++) {
        add_dest(cr, i);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    g_free(ids);
    return st;
}

static sk_status
write_document(sk_ctx *ctx, sk__sink *out, void *data)
{
    const document *d = data;
    sk__document_page first = {NULL, NULL, -1};
    if (d->source(ctx, d->data, 0, &first) != SK_OK)
        return sk_ctx_status(ctx);
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
        sk__sink_cairo_write, out, first.plan->page_w, first.plan->page_h);
    /* Could not be made: a nil surface with the error as its status. */
    cairo_status_t cs = cairo_surface_status(surface);
    sk_status st = cs == CAIRO_STATUS_SUCCESS ? SK_OK : document_failed(ctx, out, cs);
    if (st == SK_OK) {
        if (d->title != NULL)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, d->title);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "samenkaart");
        /* No creation date: the same input gives the same bytes ("" is no date to cairo). */
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
        st = write_pages(ctx, d, &first, surface, out);
    }
    cairo_surface_finish(surface);
    cs = cairo_surface_status(surface);
    if (st == SK_OK && cs != CAIRO_STATUS_SUCCESS)
        st = document_failed(ctx, out, cs);
    cairo_surface_destroy(surface);
    return st;
}

sk_status
sk__render_document(sk_ctx *ctx, const char *path, const char *title, size_t count,
                    sk__document_source source, void *data, sk__layers *layers)
{
    if (count == 0)
        return sk__error(ctx, SK_EUSAGE, "%s: a document needs a page", path);
    document d = {count, source, data, layers, title};
    sk__sink_file file = {path, write_document, &d};
    return sk__sink_write_files(ctx, &file, 1);
}
