/* Render: draw a laid-out map page with Cairo and write it as PNG (+ world file), PDF or SVG.
** Geometry is drawn from the shared read-only geography; the page's transformed, simplified
** copy lives in a per-page arena freed in one go. */
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <png.h>
#include <setjmp.h>
#include <zlib.h>
#include "arena.h"
#include "geography_internal.h"
#include "internal.h"
#include "layout.h"
#include "output.h"
#include "topology.h"

void
sk_render_options_init(sk_render_options *o)
{
    *o = (sk_render_options){.format = SK_FORMAT_AUTO, .dpi = 150, .world_file = 1};
}

static void
set_color(cairo_t *cr, sk__color c)
{
    cairo_set_source_rgb(cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
                         (c & 0xff) / 255.0);
}

/* ---- geometry on the page ----------------------------------------------------------- */

/* A ring in page coordinates, simplified to the output resolution. */
typedef struct page_ring {
    double *xy;
    size_t count;
} page_ring;

/* A map point on the page, snapped to grid_pt so that equal vertices stay equal. */
static inline void
to_page(const sk__layout *l, double grid_pt, const double *xy, double *px, double *py)
{
    double x = l->origin_x + (xy[0] - l->extent_minx) * l->scale;
    double y = l->origin_y + (l->extent_maxy - xy[1]) * l->scale;
    *px = round(x / grid_pt) * grid_pt;
    *py = round(y / grid_pt) * grid_pt;
}

/* The municipality rings on the page, simplified to the output resolution: vertices less
** important than tolerance_pt are dropped (topology.h: shared borders lose the same ones on
** both sides), the rest snap to a grid of half that and repeats go.  Indexed like the
** geography's rings; region rings are left empty (borders are drawn from the arcs). */
static page_ring *
project_rings(sk__arena *arena, const sk_geography *geo, const sk__layout *l,
              double tolerance_pt)
{
    const double *importance = sk__geography_importance(geo);
    double tolerance = tolerance_pt / l->scale, grid_pt = tolerance_pt / 2;
    size_t nrings = sk__geography_ring_count(geo), nmun;
    const sk__area *mun = sk__geography_municipalities(geo, &nmun);
    const sk__ring *rings = sk__geography_rings(geo);
    const double *pts = sk__geography_points(geo);
    page_ring *out = sk__arena_alloc(arena, (nrings > 0 ? nrings : 1) * sizeof *out);
    if (out == NULL)
        return NULL;
    memset(out, 0, (nrings > 0 ? nrings : 1) * sizeof *out);
    for (size_t i = 0; i < nmun; i++) {
        for (size_t r = mun[i].first_ring; r < mun[i].first_ring + mun[i].ring_count; r++) {
            double *dst = sk__arena_alloc(arena, 2 * rings[r].count * sizeof *dst);
            if (dst == NULL)
                return NULL;
            size_t n = 0;
            for (size_t k = rings[r].start; k < rings[r].start + rings[r].count; k++) {
                if (importance[k] < tolerance)
                    continue;
                double x, y;
                to_page(l, grid_pt, pts + 2 * k, &x, &y);
                if (n > 0 && dst[2 * n - 2] == x && dst[2 * n - 1] == y)
                    continue;
                dst[2 * n] = x;
                dst[2 * n + 1] = y;
                n++;
            }
            out[r] = (page_ring){dst, n};
        }
    }
    return out;
}

/* Add the borders (arcs) to the path, simplified like the rings: each shared border is
** stroked once instead of once per neighbour. */
static void
path_arcs(cairo_t *cr, const sk_geography *geo, const sk__layout *l, int regions,
          double tolerance_pt)
{
    size_t count;
    const sk__arc *arcs = sk__geography_arcs(geo, regions, &count);
    const sk__ring *rings = sk__geography_rings(geo);
    const double *pts = sk__geography_points(geo), *importance = sk__geography_importance(geo);
    double tolerance = tolerance_pt / l->scale, grid_pt = tolerance_pt / 2;
    for (size_t a = 0; a < count; a++) {
        const sk__ring *ring = &rings[arcs[a].ring];
        size_t n = ring->count - 1;
        for (size_t i = 0; i < arcs[a].count; i++) {
            size_t k = ring->start + (arcs[a].offset + i) % n;
            if (importance[k] < tolerance)
                continue;
            double x, y;
            to_page(l, grid_pt, pts + 2 * k, &x, &y);
            if (i == 0)
                cairo_move_to(cr, x, y);
            else
                cairo_line_to(cr, x, y);
        }
    }
}

static void
path_area(cairo_t *cr, const page_ring *rings, const sk__area *a)
{
    for (size_t r = a->first_ring; r < a->first_ring + a->ring_count; r++) {
        const page_ring *pr = &rings[r];
        if (pr->count < 3)
            continue;
        cairo_move_to(cr, pr->xy[0], pr->xy[1]);
        for (size_t k = 1; k < pr->count; k++)
            cairo_line_to(cr, pr->xy[2 * k], pr->xy[2 * k + 1]);
        cairo_close_path(cr);
    }
}

static int
compare_colors(const void *a, const void *b)
{
    sk__color x = *(const sk__color *)a, y = *(const sk__color *)b;
    return (x > y) - (x < y);
}

static void
draw_map(cairo_t *cr, const sk_map *map, const sk__layout *l, const page_ring *rings,
         double tolerance_pt)
{
    const sk_style *s = map->style;
    size_t nmun;
    const sk__area *mun = sk__geography_municipalities(map->geo, &nmun);

    cairo_save(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    /* One fill per colour, in a fixed order, so output does not depend on hash order. */
    sk__color *colors = g_new(sk__color, nmun > 0 ? nmun : 1);
    memcpy(colors, map->fill, nmun * sizeof *colors);
    qsort(colors, nmun, sizeof *colors, compare_colors);
    for (size_t c = 0; c < nmun; c++) {
        if (c > 0 && colors[c] == colors[c - 1])
            continue;
        cairo_new_path(cr);
        for (size_t i = 0; i < nmun; i++)
            if (map->fill[i] == colors[c])
                path_area(cr, rings, &mun[i]);
        set_color(cr, colors[c]);
        cairo_fill(cr);
    }
    g_free(colors);

    /* Thin borders: bevel joins look the same and stroke much faster than round ones. */
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL);
    cairo_new_path(cr);
    path_arcs(cr, map->geo, l, 0, tolerance_pt);
    set_color(cr, s->municipality_border);
    cairo_set_line_width(cr, s->municipality_border_width);
    cairo_stroke(cr);

    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_new_path(cr);
    path_arcs(cr, map->geo, l, 1, tolerance_pt);
    set_color(cr, s->region_border);
    cairo_set_line_width(cr, s->region_border_width);
    cairo_stroke(cr);
    cairo_restore(cr);
}

static void
draw_text(cairo_t *cr, const sk__text *t, sk__color color)
{
    if (t->layout == NULL)
        return;
    set_color(cr, color);
    cairo_move_to(cr, t->x, t->y);
    pango_cairo_show_layout(cr, t->layout);
}

static void
draw_legend(cairo_t *cr, const sk_style *s, const sk__layout *l)
{
    draw_text(cr, &l->legend_title, s->text_color);
    for (size_t i = 0; i < l->legend_count; i++) {
        const sk__legend_item *it = &l->legend[i];
        const sk__box *b = &it->swatch;
        if (it->is_line) {
            double y = b->y + b->h / 2;
            cairo_move_to(cr, b->x, y);
            cairo_line_to(cr, b->x + b->w, y);
            set_color(cr, it->color);
            cairo_set_line_width(cr, s->region_border_width);
            cairo_stroke(cr);
        } else {
            cairo_rectangle(cr, b->x, b->y, b->w, b->h);
            set_color(cr, it->color);
            cairo_fill_preserve(cr);
            set_color(cr, s->municipality_border);
            cairo_set_line_width(cr, 0.5);
            cairo_stroke(cr);
        }
        draw_text(cr, &it->text, s->text_color);
    }
}

static void
draw_scale_bar(cairo_t *cr, const sk_style *s, const sk__layout *l)
{
    const sk__box *b = &l->scale_bar;
    double seg = b->w / l->scale_segments;
    for (int i = 0; i < l->scale_segments; i++) {
        cairo_rectangle(cr, b->x + i * seg, b->y, seg, b->h);
        set_color(cr, i % 2 == 0 ? s->text_color : s->background);
        cairo_fill_preserve(cr);
        set_color(cr, s->text_color);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
    }
    for (int i = 0; i < 4; i++)
        draw_text(cr, &l->scale_labels[i], s->text_color);
}

static void
draw_page(cairo_t *cr, const sk_map *map, const sk__layout *l, const page_ring *rings,
          double tolerance_pt)
{
    const sk_style *s = map->style;
    set_color(cr, s->background);
    cairo_paint(cr);
    draw_map(cr, map, l, rings, tolerance_pt);
    draw_text(cr, &l->title, s->text_color);
    draw_text(cr, &l->caption, s->text_color);
    draw_legend(cr, s, l);
    draw_scale_bar(cr, s, l);
    draw_text(cr, &l->source, s->muted_text_color);
}

/* ---- writing ------------------------------------------------------------------------ */

static cairo_status_t
write_stream(void *closure, const unsigned char *data, unsigned int length)
{
    sk__output *out = closure;
    sk__output_write(out, data, length);
    return out->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
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

/* Write an RGB24 image surface as PNG with libpng.  Maps are large areas of flat colour: the
** "sub" filter with zlib's run-length strategy at level 1 compresses them about as well as the
** defaults at a fraction of the time, and the output is the same bytes on every run. */
static void
png_write_data(png_structp png, png_bytep data, size_t length)
{
    sk__output_write(png_get_io_ptr(png), data, length);
}

static void
png_flush_data(png_structp png)
{
    (void)png;
}

static void
png_error_fn(png_structp png, png_const_charp message)
{
    (void)message;
    png_longjmp(png, 1);
}

static void
png_warning_fn(png_structp png, png_const_charp message)
{
    (void)png;
    (void)message;
}

static sk_status
write_png(sk_ctx *ctx, cairo_surface_t *surface, sk__output *out)
{
    cairo_surface_flush(surface);
    int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const unsigned char *data = cairo_image_surface_get_data(surface);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, png_error_fn,
                                              png_warning_fn);
    png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
    unsigned char *row = g_malloc((size_t)w * 3);
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        g_free(row);
        return out->failed ? sk__error(ctx, SK_EIO, "%s: cannot write: %s", out->path,
                                       g_strerror(out->failed))
                           : sk__error(ctx, SK_ERUNTIME, "%s: PNG encoding failed", out->path);
    }
    png_set_write_fn(png, out, png_write_data, png_flush_data);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_compression_level(png, 1);
    png_set_compression_strategy(png, Z_RLE);
    png_write_info(png, info);
    for (int y = 0; y < h; y++) {
        /* RGB24 pixels are native-endian 0x00RRGGBB words. */
        const uint32_t *src = (const uint32_t *)(const void *)(data + (size_t)y * stride);
        for (int x = 0; x < w; x++) {
            row[3 * x] = (unsigned char)(src[x] >> 16);
            row[3 * x + 1] = (unsigned char)(src[x] >> 8);
            row[3 * x + 2] = (unsigned char)src[x];
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    g_free(row);
    return SK_OK;
}

/* The world file of a PNG: pixel size and the map coordinates of the top-left pixel's
** centre, so GDAL and QGIS place the whole page image. */
static char *
world_file_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    size_t stem = dot != NULL && (slash == NULL || dot > slash) ? (size_t)(dot - path)
                                                                 : strlen(path);
    return g_strdup_printf("%.*s.pgw", (int)stem, path);
}

static void
write_world_file(sk__output *out, const sk__layout *l, double px_per_pt)
{
    double m_per_px = 1.0 / (l->scale * px_per_pt);
    double cx = 0.5 / px_per_pt, cy = 0.5 / px_per_pt;   /* first pixel centre, in points */
    double x = l->extent_minx + (cx - l->origin_x) / l->scale;
    double y = l->extent_maxy - (cy - l->origin_y) / l->scale;
    sk__output_printf(out, "%.10f\n0.0000000000\n0.0000000000\n%.10f\n%.10f\n%.10f\n",
                      m_per_px, -m_per_px, x, y);
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
    sk_format format = format_of(path, options->format);
    if (format == SK_FORMAT_AUTO)
        return sk__error(ctx, SK_EUSAGE, "%s: unknown output format (use .png, .pdf or .svg)",
                         path);
    if (!(options->dpi >= 10 && options->dpi <= 2400))
        return sk__error(ctx, SK_EUSAGE, "dpi %g out of range (10 to 2400)", options->dpi);

    sk__layout l;
    if (sk__layout_map(ctx, map, &l) != SK_OK)
        return sk_ctx_status(ctx);

    sk__output outs[2];
    size_t nouts = 0;
    sk_status st = sk__output_open(ctx, &outs[nouts], path);
    if (st != SK_OK) {
        sk__layout_clear(&l);
        return st;
    }
    nouts++;

    /* Vector output keeps 300 dpi of detail (half a dot is 0.04 mm on paper); raster output
    ** what its pixels can show. */
    double px_per_pt = (format == SK_FORMAT_PNG ? options->dpi : 300) / 72.0;
    sk__arena arena;
    sk__arena_init(&arena);
    double tolerance_pt = 0.5 / px_per_pt;
    page_ring *rings = project_rings(&arena, map->geo, &l, tolerance_pt);
    if (rings == NULL) {
        st = sk__error(ctx, SK_ENOMEM, "out of memory while drawing %s", path);
        goto out;
    }

    cairo_surface_t *surface;
    if (format == SK_FORMAT_PNG) {
        int w = (int)lround(l.page_w * px_per_pt), h = (int)lround(l.page_h * px_per_pt);
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    } else if (format == SK_FORMAT_PDF) {
        surface = cairo_pdf_surface_create_for_stream(write_stream, &outs[0], l.page_w,
                                                      l.page_h);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, map->title);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "samenkaart");
    } else {
        surface = cairo_svg_surface_create_for_stream(write_stream, &outs[0], l.page_w,
                                                      l.page_h);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    }
    cairo_t *cr = cairo_create(surface);
    if (format == SK_FORMAT_PNG)
        cairo_scale(cr, px_per_pt, px_per_pt);
    draw_page(cr, map, &l, rings, tolerance_pt);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    if (cs == CAIRO_STATUS_SUCCESS && format == SK_FORMAT_PNG) {
        st = write_png(ctx, surface, &outs[0]);
        if (st != SK_OK) {
            cairo_surface_destroy(surface);
            goto out;
        }
    }
    cairo_surface_finish(surface);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (cs != CAIRO_STATUS_SUCCESS) {
        st = outs[0].failed ? sk__error(ctx, SK_EIO, "%s: cannot write: %s", path,
                                        g_strerror(outs[0].failed))
                            : sk__error(ctx, SK_ERUNTIME, "%s: drawing failed: %s", path,
                                        cairo_status_to_string(cs));
        goto out;
    }
    if ((st = sk__output_finish(ctx, &outs[0])) != SK_OK)
        goto out;

    if (format == SK_FORMAT_PNG && options->world_file) {
        char *wf = world_file_path(path);
        st = sk__output_open(ctx, &outs[nouts], wf);
        g_free(wf);
        if (st != SK_OK)
            goto out;
        write_world_file(&outs[nouts++], &l, px_per_pt);
        if ((st = sk__output_finish(ctx, &outs[nouts - 1])) != SK_OK)
            goto out;
    }
    st = sk__output_commit(ctx, outs, nouts);
    nouts = 0;

out:
    for (size_t i = 0; i < nouts; i++)
        sk__output_abort(&outs[i]);
    sk__arena_free(&arena);
    sk__layout_clear(&l);
    return st;
}
