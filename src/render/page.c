/* Cairo backend: pages drawn from their plans (plan.h) as PNG (+ world file), PDF or SVG,
** written through the sink; the library's render entry points. */
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include "../internal.h"
#include "../layout_internal.h"
#include "render.h"

/* Vector output is simplified to 0.25 pt (0.09 mm on paper, about one dot of a 300-dpi
** printer and under the width of the thinnest border) and snapped to a grid of 1/8 pt.  An
** eighth is exact in cairo's fixed-point coordinates, so numbers print without rounding noise
** (338.125, not 338.199); with the coarser tolerance the atlas PDF is 17 % smaller and a fifth
** quicker to write, and at page scale it looks the same. */
#define VECTOR_TOLERANCE_PT 0.25

void
sk_render_options_init(sk_render_options *o)
{
    *o = (sk_render_options){.format = SK_FORMAT_AUTO, .dpi = 150, .world_file = 1,
                             .threads = 2};
}

static sk_format
format_of(const char *path, sk_format f)
{
    if (f != SK_FORMAT_AUTO)
        return f;
    const char *dot = strrchr(path, '.');
    if (dot == NULL)
        return SK_FORMAT_AUTO;
    if (g_ascii_strcasecmp(dot, ".png") == 0)
        return SK_FORMAT_PNG;
    if (g_ascii_strcasecmp(dot, ".pdf") == 0)
        return SK_FORMAT_PDF;
    if (g_ascii_strcasecmp(dot, ".svg") == 0)
        return SK_FORMAT_SVG;
    return SK_FORMAT_AUTO;
}

/* The format, or SK_EUSAGE; the dpi checked for PNG (for every format when any_dpi, as a
** single map always has). */
static sk_status
check_options(sk_ctx *ctx, const sk_render_options *options, const char *path, int any_dpi,
              sk_format *format)
{
    *format = format_of(path, options->format);
    if (*format == SK_FORMAT_AUTO)
        return sk__error(ctx, SK_EUSAGE, "%s: unknown output format (use .png, .pdf or .svg)",
                         path);
    if ((any_dpi || *format == SK_FORMAT_PNG) &&
        !(options->dpi >= SK_DPI_MIN && options->dpi <= SK_DPI_MAX))
        return sk__error(ctx, SK_EUSAGE, "dpi: expected %d to %d dots per inch, not %g",
                         SK_DPI_MIN, SK_DPI_MAX, options->dpi);
    return SK_OK;
}

cairo_status_t
sk__draw_vector_page(cairo_t *cr, const sk__plan *p, sk__layers *layers)
{
    sk__set_color(cr, p->background);
    cairo_paint(cr);
    cairo_status_t cs = CAIRO_STATUS_SUCCESS;
    for (size_t k = 0; k < p->map_count && cs == CAIRO_STATUS_SUCCESS; k++)
        cs = sk__draw_plan_map(cr, p, &p->maps[k], VECTOR_TOLERANCE_PT, layers, 0, 0, 0);
    if (cs == CAIRO_STATUS_SUCCESS)
        sk__draw_furniture(cr, p);
    return cs != CAIRO_STATUS_SUCCESS ? cs : cairo_status(cr);
}

/* ---- pixels made ahead -------------------------------------------------------------- */

struct sk__canvas {
    cairo_surface_t *page, *thumbnail;   /* the largest of each; NULL: none */
    PangoFontMap *fonts;                 /* the thread's, its fonts loaded */
    PangoFontMap *previous;              /* the thread's own, while it uses fonts */
};

/* The size in pixels of a plan's page at px_per_pt. */
static void
page_pixels(const sk__plan *p, double px_per_pt, int *w, int *h)
{
    *w = (int)lround(p->page_w * px_per_pt);
    *h = (int)lround(p->page_h * px_per_pt);
}

sk_status
sk__canvases_new(sk_ctx *ctx, sk__plan *const *plans, size_t count, double dpi,
                 int thumbnail_width, const char *what, size_t n, sk__canvas **out)
{
    int w = 0, h = 0, tw = 0, th = 0;
    for (size_t i = 0; i < count; i++) {
        int pw, ph, t1, t2;
        page_pixels(plans[i], dpi / 72.0, &pw, &ph);
        w = MAX(w, pw);
        h = MAX(h, ph);
        if (sk__thumbnail_size(pw, ph, thumbnail_width, &t1, &t2)) {
            tw = MAX(tw, t1);
            th = MAX(th, t2);
        }
    }
    /* Every thread's fonts first: the pixels then take the memory Pango's threads had. */
    for (size_t t = 0; t < n; t++) {
        out[t] = g_new0(sk__canvas, 1);
        out[t]->fonts = pango_cairo_font_map_new();
        sk__load_fonts(out[t]->fonts, plans, count);
    }
    sk_status st = SK_OK;
    for (size_t t = 0; t < n && st == SK_OK; t++) {
        if (w > 0 && h > 0)
            st = sk__sink_image_surface(ctx, CAIRO_FORMAT_RGB24, w, h, what, &out[t]->page);
        if (st == SK_OK && tw > 0 && th > 0)
            st = sk__sink_image_surface(ctx, CAIRO_FORMAT_RGB24, tw, th, what,
                                        &out[t]->thumbnail);
    }
    for (size_t t = 0; t < n && st != SK_OK; t++) {
        sk__canvas_free(out[t]);
        out[t] = NULL;
    }
    return st;
}

void
sk__canvas_free(sk__canvas *c)
{
    if (c == NULL)
        return;
    if (c->page != NULL)
        cairo_surface_destroy(c->page);
    if (c->thumbnail != NULL)
        cairo_surface_destroy(c->thumbnail);
    g_object_unref(c->fonts);
    g_free(c);
}

void
sk__canvas_enter(sk__canvas *c)
{
    c->previous = g_object_ref(pango_cairo_font_map_get_default());
    pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(c->fonts));
}

void
sk__canvas_leave(sk__canvas *c)
{
    pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(c->previous));
    g_object_unref(c->previous);
    c->previous = NULL;
}

sk_status
sk__canvas_surface(sk_ctx *ctx, sk__canvas *canvas, int thumbnail, int w, int h,
                   const char *path, cairo_surface_t **out)
{
    *out = NULL;
    cairo_surface_t *pixels = canvas == NULL ? NULL : thumbnail ? canvas->thumbnail
                                                                : canvas->page;
    if (pixels == NULL) {
        sk_status st = sk__sink_image_surface(ctx, CAIRO_FORMAT_RGB24, w, h, path, out);
        if (st != SK_OK) {
            char *msg = g_strdup(sk_ctx_errmsg(ctx));
            sk_ctx_clear_error(ctx);
            sk__error(ctx, st, "%s (use a lower dpi); nothing was written", msg);
            g_free(msg);
        }
        return st;
    }
    /* A page no larger than the canvas, on its first rows with a stride of its own: the
    ** pixels are the same as on a surface of that size.  Every page paints its background
    ** over all of them first, so what the previous page left does not show. */
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
    if (w > cairo_image_surface_get_width(pixels) || h > cairo_image_surface_get_height(pixels))
        return sk__error(ctx, SK_ERUNTIME, "%s: a %d x %d page is larger than the pixels "
                         "made for it (a bug)", path, w, h);
    cairo_surface_flush(pixels);
    cairo_surface_t *s = cairo_image_surface_create_for_data(
        cairo_image_surface_get_data(pixels), CAIRO_FORMAT_RGB24, w, h, stride);
    cairo_status_t cs = cairo_surface_status(s);
    if (cs != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return sk__error(ctx, cs == CAIRO_STATUS_NO_MEMORY ? SK_ENOMEM : SK_ERUNTIME,
                         "%s: cannot draw the page: %s", path, cairo_status_to_string(cs));
    }
    *out = s;
    return SK_OK;
}

/* ---- raster pages on two cores ------------------------------------------------------ */

/* One horizontal band of a raster page: the background and the map are drawn into it on a
** thread of its own (cairo is thread-safe for separate surfaces).  Bands start at whole
** pixels, so every pixel is computed exactly as on a single surface.  Text is drawn
** afterwards on the whole page by the calling thread. */
typedef struct band {
    cairo_surface_t *page;
    int y0, y1;
    double px_per_pt, tolerance_pt;
    const sk__plan *plan;
    sk__layers *layers;
    cairo_status_t status;
} band;

static gpointer
draw_band(gpointer data)
{
    band *b = data;
    unsigned char *pixels = cairo_image_surface_get_data(b->page);
    int stride = cairo_image_surface_get_stride(b->page);
    cairo_surface_t *surface = cairo_image_surface_create_for_data(
        pixels + (size_t)b->y0 * stride, CAIRO_FORMAT_RGB24,
        cairo_image_surface_get_width(b->page), b->y1 - b->y0, stride);
    cairo_t *cr = cairo_create(surface);
    cairo_translate(cr, 0, -b->y0);
    cairo_scale(cr, b->px_per_pt, b->px_per_pt);
    sk__set_color(cr, b->plan->background);
    cairo_paint(cr);
    cairo_status_t cs = CAIRO_STATUS_SUCCESS;
    for (size_t k = 0; k < b->plan->map_count && cs == CAIRO_STATUS_SUCCESS; k++)
        cs = sk__draw_plan_map(cr, b->plan, &b->plan->maps[k], b->tolerance_pt, b->layers, 1,
                               b->px_per_pt, b->y0);
    b->status = cs != CAIRO_STATUS_SUCCESS ? cs : cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return NULL;
}

/* Draw the maps of a raster page in two bands at once (threads > 1). */
static sk_status
draw_raster_maps(sk_ctx *ctx, cairo_surface_t *page, const sk__plan *p, double px_per_pt,
                 double tolerance_pt, int threads, sk__layers *layers, cairo_status_t *cs)
{
    cairo_surface_flush(page);
    int h = cairo_image_surface_get_height(page), split = threads > 1 ? h / 2 : h;
    band bands[2] = {{page, 0, split, px_per_pt, tolerance_pt, p, layers, 0},
                     {page, split, h, px_per_pt, tolerance_pt, p, layers, 0}};
    GThread *helper = NULL;
    if (threads > 1 && sk__thread_start(ctx, "sk-band", draw_band, &bands[1], &helper) != SK_OK)
        return sk_ctx_status(ctx);
    draw_band(&bands[0]);
    if (helper != NULL)
        g_thread_join(helper);
    else if (split < h)
        draw_band(&bands[1]);
    cairo_surface_mark_dirty(page);
    *cs = bands[0].status != CAIRO_STATUS_SUCCESS ? bands[0].status : bands[1].status;
    return SK_OK;
}

/* A run of a point map's symbols, [from, to) of the plan's items, drawn into one band of
** the page (over what is drawn already) on a thread of its own: a dense map has thousands. */
typedef struct symbol_band {
    cairo_surface_t *page;
    int y0, y1;
    cairo_matrix_t page_matrix;   /* user space to the page's pixels */
    const sk__plan *plan;
    guint from, to;
    cairo_status_t status;
} symbol_band;

static gpointer
draw_symbol_band(gpointer data)
{
    symbol_band *b = data;
    int stride = cairo_image_surface_get_stride(b->page);
    cairo_surface_t *surface = cairo_image_surface_create_for_data(
        cairo_image_surface_get_data(b->page) + (size_t)b->y0 * stride, CAIRO_FORMAT_RGB24,
        cairo_image_surface_get_width(b->page), b->y1 - b->y0, stride);
    cairo_t *cr = cairo_create(surface);
    cairo_matrix_t m = b->page_matrix;
    m.y0 -= b->y0;
    cairo_set_matrix(cr, &m);
    sk__draw_items(cr, b->plan, b->from, b->to);
    b->status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return NULL;
}

/* Everything over the maps of a raster page, on cr (whose target is page): the symbols of a
** point map in two bands at once (threads > 1; whole pixels apart, so the pixels are those
** of one surface), the rest on the whole page. */
static cairo_status_t
draw_raster_furniture(cairo_t *cr, cairo_surface_t *page, const sk__plan *p, int threads)
{
    guint from, to;
    if (threads < 2 || !sk__symbol_run(p, &from, &to)) {
        sk__draw_furniture(cr, p);
        return cairo_status(cr);
    }
    sk__draw_items(cr, p, 0, from);
    cairo_surface_flush(page);
    int h = cairo_image_surface_get_height(page);
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    symbol_band bands[2] = {{page, 0, h / 2, m, p, from, to, CAIRO_STATUS_SUCCESS},
                            {page, h / 2, h, m, p, from, to, CAIRO_STATUS_SUCCESS}};
    /* A thread that cannot start: the same pixels, on this one. */
    GThread *helper = g_thread_try_new("sk-symbols", draw_symbol_band, &bands[1], NULL);
    draw_symbol_band(&bands[0]);
    if (helper != NULL)
        g_thread_join(helper);
    else
        draw_symbol_band(&bands[1]);
    cairo_surface_mark_dirty(page);
    sk__draw_items(cr, p, to, p->items->len);
    cairo_status_t cs = cairo_status(cr);
    return cs != CAIRO_STATUS_SUCCESS ? cs
           : bands[0].status != CAIRO_STATUS_SUCCESS ? bands[0].status : bands[1].status;
}

/* ---- single maps -------------------------------------------------------------------- */

/* What the writers of one page need. */
typedef struct page_job {
    const sk__plan *plan;
    const sk_render_options *options;
    sk_format format;
    double px_per_pt, tolerance_pt;
    const sk__raster *raster;         /* PNG: what it shares (never NULL) */
    int creator;                      /* PDF: name samenkaart as the creator */
} page_job;

/* A failed drawing: out of memory is SK_ENOMEM, a write error the sink's. */
static sk_status
drawing_failed(sk_ctx *ctx, const char *path, int write_error, cairo_status_t cs)
{
    if (write_error)
        return sk__error(ctx, SK_EIO, "%s: cannot write: %s", path, g_strerror(write_error));
    if (cs == CAIRO_STATUS_NO_MEMORY)
        return sk__error(ctx, SK_ENOMEM, "%s: out of memory while drawing", path);
    return sk__error(ctx, SK_ERUNTIME, "%s: drawing failed: %s", path,
                     cairo_status_to_string(cs));
}

/* A map page as PNG: the maps in bands, the rest over them on the whole page. */
static sk_status
write_png_page(sk_ctx *ctx, sk__sink *out, void *data)
{
    const page_job *j = data;
    const sk__plan *p = j->plan;
    const sk__raster *r = j->raster;
    int w, h;
    page_pixels(p, j->px_per_pt, &w, &h);
    cairo_surface_t *surface;
    if (sk__canvas_surface(ctx, r->canvas, 0, w, h, out->path, &surface) != SK_OK)
        return sk_ctx_status(ctx);
    cairo_status_t cs = CAIRO_STATUS_SUCCESS;
    sk_status st = draw_raster_maps(ctx, surface, p, j->px_per_pt, j->tolerance_pt,
                                    j->options->threads, r->layers, &cs);
    if (st == SK_OK && cs == CAIRO_STATUS_SUCCESS) {
        cairo_t *cr = cairo_create(surface);
        cairo_scale(cr, j->px_per_pt, j->px_per_pt);
        cs = draw_raster_furniture(cr, surface, p, j->options->threads);
        cairo_destroy(cr);
    }
    if (st == SK_OK && cs == CAIRO_STATUS_SUCCESS) {
        st = sk__png_encode(ctx, surface, out, j->options->threads);
        if (st == SK_OK && r->thumbnail != NULL)
            st = sk__write_thumbnail(ctx, surface, r->thumbnail->path, r->thumbnail->max_width,
                                     r->canvas);
    }
    cairo_surface_finish(surface);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st == SK_OK && cs != CAIRO_STATUS_SUCCESS)
        st = drawing_failed(ctx, out->path, out->failed, cs);
    return st;
}

/* A page as PDF or SVG, streamed into the sink. */
static sk_status
write_vector_page(sk_ctx *ctx, sk__sink *out, void *data)
{
    const page_job *j = data;
    const sk__plan *p = j->plan;
    cairo_surface_t *surface;
    /* A surface that could not be made is a nil one with the error as status: drawing on it
    ** does nothing and the status is checked below. */
    if (j->format == SK_FORMAT_PDF) {
        surface = cairo_pdf_surface_create_for_stream(sk__sink_cairo_write, out, p->page_w,
                                                      p->page_h);
        if (p->title != NULL)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, p->title);
        if (j->creator)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "samenkaart");
        /* No creation date: the same input gives the same bytes ("" is no date to cairo). */
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
    } else {
        surface = cairo_svg_surface_create_for_stream(sk__sink_cairo_write, out, p->page_w,
                                                      p->page_h);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    }
    cairo_status_t cs = cairo_surface_status(surface);
    if (cs == CAIRO_STATUS_SUCCESS) {
        cairo_t *cr = cairo_create(surface);
        cs = sk__draw_vector_page(cr, p, NULL);
        cairo_destroy(cr);
    }
    cairo_surface_finish(surface);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    return cs == CAIRO_STATUS_SUCCESS ? SK_OK : drawing_failed(ctx, out->path, out->failed, cs);
}

/* The world file of a PNG: pixel size and the map coordinates of the top-left pixel's
** centre, so GDAL and QGIS place the whole page image.  Numbers with a '.' whatever the
** locale: GIS software reads them so. */
static sk_status
write_world_file(sk_ctx *ctx, sk__sink *out, void *data)
{
    (void)ctx;
    const page_job *j = data;
    const sk__transform *at = &j->plan->maps[0].at;
    double px_per_pt = j->px_per_pt;
    double m_per_px = 1.0 / (at->scale * px_per_pt);
    double cx = 0.5 / px_per_pt, cy = 0.5 / px_per_pt;   /* first pixel centre, in points */
    double v[6] = {m_per_px, 0, 0, -m_per_px, at->minx + (cx - at->origin_x) / at->scale,
                   at->maxy - (cy - at->origin_y) / at->scale};
    for (int i = 0; i < 6; i++) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        sk__sink_printf(out, "%s\n", g_ascii_formatd(buf, sizeof buf, "%.10f", v[i]));
    }
    return SK_OK;
}

static char *
world_file_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    size_t stem = dot != NULL && (slash == NULL || dot > slash) ? (size_t)(dot - path)
                                                                 : strlen(path);
    return g_strdup_printf("%.*s.pgw", (int)stem, path);
}

sk_status
sk_map_render(sk_ctx *ctx, const sk_map *map, const sk_render_options *options,
              const char *path)
{
    sk_render_options defaults;
    if (options == NULL) {
        sk_render_options_init(&defaults);
        options = &defaults;
    }
    sk_format format;
    if (check_options(ctx, options, path, 1, &format) != SK_OK)
        return sk_ctx_status(ctx);
    sk__plan *plan;
    if (sk__plan_map_page(ctx, map, &plan) != SK_OK)
        return sk_ctx_status(ctx);
    sk_status st = sk__render_map_plan(ctx, plan, options, path, NULL);
    sk__plan_free(plan);
    return st;
}

sk_status
sk__render_map_plan(sk_ctx *ctx, const sk__plan *plan, const sk_render_options *options,
                    const char *path, const sk__raster *raster)
{
    static const sk__raster none = {NULL, NULL, NULL};
    sk_format format;
    if (check_options(ctx, options, path, 1, &format) != SK_OK)
        return sk_ctx_status(ctx);
    /* Raster output keeps what its pixels can show (half a pixel); vector output see
    ** VECTOR_TOLERANCE_PT. */
    double px_per_pt = (format == SK_FORMAT_PNG ? options->dpi : 150) / 72.0;
    page_job job = {plan, options, format, px_per_pt,
                    format == SK_FORMAT_PNG ? 0.5 / px_per_pt : VECTOR_TOLERANCE_PT,
                    raster != NULL ? raster : &none, 1};
    char *wf = world_file_path(path);
    sk__sink_file files[2] = {
        {path, format == SK_FORMAT_PNG ? write_png_page : write_vector_page, &job},
        {wf, write_world_file, &job}};
    sk_status st = sk__sink_write_files(
        ctx, files, format == SK_FORMAT_PNG && options->world_file ? 2 : 1);
    g_free(wf);
    return st;
}

/* ---- pages drawn from a plan: text pages, pages of several maps --------------------- */

sk_status
sk__render_plan_png(sk_ctx *ctx, const sk__plan *p, double dpi, const char *path,
                    const sk__raster *raster)
{
    static const sk__raster none = {NULL, NULL, NULL};
    const sk__raster *r = raster != NULL ? raster : &none;
    double px_per_pt = dpi / 72.0, tolerance_pt = 0.5 / px_per_pt;
    int w, h;
    page_pixels(p, px_per_pt, &w, &h);
    cairo_surface_t *surface;
    if (sk__canvas_surface(ctx, r->canvas, 0, w, h, path, &surface) != SK_OK)
        return sk_ctx_status(ctx);
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, px_per_pt, px_per_pt);
    sk__set_color(cr, p->background);
    cairo_paint(cr);
    cairo_status_t cs = CAIRO_STATUS_SUCCESS;
    for (size_t k = 0; k < p->map_count && cs == CAIRO_STATUS_SUCCESS; k++)
        cs = sk__draw_plan_map(cr, p, &p->maps[k], tolerance_pt, r->layers, 1, px_per_pt, 0);
    if (cs == CAIRO_STATUS_SUCCESS) {
        sk__draw_furniture(cr, p);
        cs = cairo_status(cr);
    }
    cairo_destroy(cr);
    sk_status st = cs == CAIRO_STATUS_SUCCESS ? SK_OK : drawing_failed(ctx, path, 0, cs);
    if (st == SK_OK)
        st = sk__write_png_file(ctx, surface, path, 1);
    if (st == SK_OK && r->thumbnail != NULL)
        st = sk__write_thumbnail(ctx, surface, r->thumbnail->path, r->thumbnail->max_width,
                                 r->canvas);
    cairo_surface_destroy(surface);
    return st;
}

sk_status
sk__render_panels_file(sk_ctx *ctx, sk_map *const *maps, const sk__page_spec *spec,
                       const sk_render_options *options, const char *path)
{
    sk_render_options defaults;
    if (options == NULL) {
        sk_render_options_init(&defaults);
        options = &defaults;
    }
    sk_format format;
    if (check_options(ctx, options, path, 0, &format) != SK_OK)
        return sk_ctx_status(ctx);
    sk__plan *plan;
    if (sk__plan_panels_page(ctx, spec, maps, &plan) != SK_OK)
        return sk_ctx_status(ctx);
    sk_status st;
    if (format == SK_FORMAT_PNG) {
        st = sk__render_plan_png(ctx, plan, options->dpi, path, NULL);
    } else {
        page_job job = {.plan = plan, .options = options, .format = format};
        sk__sink_file file = {path, write_vector_page, &job};
        st = sk__sink_write_files(ctx, &file, 1);
    }
    sk__plan_free(plan);
    return st;
}
