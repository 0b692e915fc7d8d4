/* Cairo backend: PNG encoding (two-thread deflate + libpng framing), PNG files and
** thumbnails. */
#include <string.h>
#include <png.h>
#include <setjmp.h>
#include <zlib.h>
#include "../internal.h"
#include "render.h"

/* PNG writing.  Maps are large areas of flat colour: the "sub" filter with zlib's
** run-length strategy at level 1 compresses them about as well as the defaults at a fraction
** of the time.  The image data is compressed in two halves on two cores, the way pigz does:
** the first half ends with a full flush (byte-aligned, no final block), the second is a raw
** deflate stream, and the two Adler-32 sums are combined, which makes one valid zlib stream.
** libpng writes the signature, IHDR and the chunks' framing; it cannot compress in parallel
** itself.  The output is the same bytes on every run. */

/* Compressed bytes, grown with g_try_realloc: a page's can be megabytes, and running out of
** memory is an error to report, not an abort (g_byte_array_append aborts). */
typedef struct bytes {
    unsigned char *data;
    size_t length, size;
    int failed;                 /* out of memory */
} bytes;

static void
bytes_append(bytes *b, const void *data, size_t n)
{
    if (b->failed || n == 0)
        return;
    if (n > b->size - b->length) {
        size_t size = MAX(MAX(b->size * 2, b->length + n), (size_t)1 << 16);
        unsigned char *grown = g_try_realloc(b->data, size);
        if (grown == NULL) {
            b->failed = 1;
            return;
        }
        b->data = grown;
        b->size = size;
    }
    memcpy(b->data + b->length, data, n);
    b->length += n;
}

/* Why a half failed. */
typedef enum half_failure { HALF_OK, HALF_NO_MEMORY, HALF_ZLIB } half_failure;

typedef struct png_half {
    const unsigned char *pixels;
    int width, stride, y0, y1;
    int last;                   /* the second half: ends the stream */
    bytes out;                  /* compressed bytes */
    uLong adler;                /* of the uncompressed scanlines */
    size_t raw_length;
    half_failure failed;
} png_half;

/* One scanline, filtered with "sub": filter byte 1, then each byte minus the byte one pixel
** (3 bytes) to its left.  RGB24 pixels are native-endian 0x00RRGGBB words. */
static void
filter_row(const uint32_t *src, int width, unsigned char *row)
{
    unsigned char r0 = 0, g0 = 0, b0 = 0;
    row[0] = 1;
    for (int x = 0; x < width; x++) {
        unsigned char r = (unsigned char)(src[x] >> 16), g = (unsigned char)(src[x] >> 8),
                      b = (unsigned char)src[x];
        row[1 + 3 * x] = (unsigned char)(r - r0);
        row[2 + 3 * x] = (unsigned char)(g - g0);
        row[3 + 3 * x] = (unsigned char)(b - b0);
        r0 = r;
        g0 = g;
        b0 = b;
    }
}

static gpointer
compress_half(gpointer data)
{
    png_half *h = data;
    z_stream z;
    memset(&z, 0, sizeof z);
    /* The first half carries the zlib header; the second is raw deflate appended to it. */
    int rc = deflateInit2(&z, 1, Z_DEFLATED, h->last ? -15 : 15, 8, Z_RLE);
    size_t row_bytes = 1 + 3 * (size_t)h->width;
    unsigned char *row = rc == Z_OK ? g_try_malloc(row_bytes) : NULL;
    if (row == NULL) {
        h->failed = rc == Z_OK || rc == Z_MEM_ERROR ? HALF_NO_MEMORY : HALF_ZLIB;
        if (rc == Z_OK)
            deflateEnd(&z);
        return NULL;
    }
    unsigned char buffer[1 << 16];
    h->adler = adler32(0L, Z_NULL, 0);
    for (int y = h->y0; y < h->y1 && !h->failed; y++) {
        filter_row((const uint32_t *)(const void *)(h->pixels + (size_t)y * h->stride),
                   h->width, row);
        /* zlib sums the first half itself, as it carries the zlib header. */
        if (h->last)
            h->adler = adler32(h->adler, row, (uInt)row_bytes);
        h->raw_length += row_bytes;
        int flush = y + 1 < h->y1 ? Z_NO_FLUSH : h->last ? Z_FINISH : Z_FULL_FLUSH;
        z.next_in = row;
        z.avail_in = (uInt)row_bytes;
        do {
            z.next_out = buffer;
            z.avail_out = sizeof buffer;
            if (deflate(&z, flush) == Z_STREAM_ERROR)
                h->failed = HALF_ZLIB;
            bytes_append(&h->out, buffer, sizeof buffer - z.avail_out);
            if (h->out.failed)
                h->failed = HALF_NO_MEMORY;
        } while (z.avail_out == 0 && !h->failed);
    }
    if (!h->last)
        h->adler = z.adler;
    deflateEnd(&z);
    g_free(row);
    return NULL;
}

static void
png_write_data(png_structp png, png_bytep data, size_t length)
{
    sk__sink_write(png_get_io_ptr(png), data, length);
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

static sk_status png_frame(sk_ctx *ctx, sk__sink *out, int w, int h, const bytes *idat);

sk_status
sk__png_encode(sk_ctx *ctx, cairo_surface_t *surface, sk__sink *out, int threads)
{
    cairo_surface_flush(surface);
    int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    png_half halves[2];
    for (int i = 0; i < 2; i++)
        halves[i] = (png_half){cairo_image_surface_get_data(surface), w,
                               cairo_image_surface_get_stride(surface), i == 0 ? 0 : h / 2,
                               i == 0 ? h / 2 : h, i, {NULL, 0, 0, 0}, 0, 0, HALF_OK};
    /* The same two streams either way, so the bytes do not depend on the thread count. */
    GThread *helper = NULL;
    if (threads > 1 && sk__thread_start(ctx, "sk-png", compress_half, &halves[1], &helper) !=
                           SK_OK)
        return sk_ctx_status(ctx);
    if (helper != NULL) {
        compress_half(&halves[0]);
        g_thread_join(helper);
    } else {
        compress_half(&halves[0]);
        compress_half(&halves[1]);
    }
    /* One zlib stream: the halves, then the combined Adler-32, big-endian. */
    bytes *idat = &halves[0].out;
    bytes_append(idat, halves[1].out.data, halves[1].out.length);
    uLong adler = adler32_combine(halves[0].adler, halves[1].adler,
                                  (z_off_t)halves[1].raw_length);
    guint8 trailer[4] = {(guint8)(adler >> 24), (guint8)(adler >> 16), (guint8)(adler >> 8),
                         (guint8)adler};
    bytes_append(idat, trailer, 4);
    half_failure failed = MAX(halves[0].failed, halves[1].failed);
    if (failed == HALF_OK && idat->failed)
        failed = HALF_NO_MEMORY;
    g_free(halves[1].out.data);
    sk_status st = failed == HALF_NO_MEMORY
                       ? sk__error(ctx, SK_ENOMEM, "%s: out of memory while compressing the "
                                   "image", out->path)
                   : failed ? sk__error(ctx, SK_ERUNTIME, "%s: PNG encoding failed", out->path)
                            : png_frame(ctx, out, w, h, idat);
    g_free(idat->data);
    return st;
}

/* The PNG around the compressed image data: signature, IHDR, IDAT chunks, IEND. */
static sk_status
png_frame(sk_ctx *ctx, sk__sink *out, int w, int h, const bytes *idat)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, png_error_fn,
                                              png_warning_fn);
    png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        /* libpng fails on a write error the sink saw, or out of memory. */
        return out->failed ? sk__error(ctx, SK_EIO, "%s: cannot write: %s", out->path,
                                       g_strerror(out->failed))
                           : sk__error(ctx, SK_ENOMEM, "%s: out of memory while writing the "
                                       "PNG", out->path);
    }
    png_set_write_fn(png, out, png_write_data, png_flush_data);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    /* IDAT chunks of at most 1 MiB, as encoders usually write them. */
    for (size_t at = 0; at < idat->length; at += (size_t)1 << 20) {
        size_t n = MIN((size_t)1 << 20, idat->length - at);
        png_write_chunk(png, (png_const_bytep) "IDAT", idat->data + at, n);
    }
    png_write_chunk(png, (png_const_bytep) "IEND", NULL, 0);
    png_destroy_write_struct(&png, &info);
    return SK_OK;
}

typedef struct png_job {
    cairo_surface_t *surface;
    int threads;
} png_job;

static sk_status
png_writer(sk_ctx *ctx, sk__sink *out, void *data)
{
    png_job *job = data;
    return sk__png_encode(ctx, job->surface, out, job->threads);
}

sk_status
sk__write_png_file(sk_ctx *ctx, cairo_surface_t *surface, const char *path, int threads)
{
    png_job job = {surface, threads};
    sk__sink_file file = {path, png_writer, &job};
    return sk__sink_write_files(ctx, &file, 1);
}

/* A thumbnail: the page shrunk by a whole factor, each pixel the mean of a factor x factor
** block.  A box filter keeps thin borders and text as grey instead of dropping them the way
** sampling does, costs one pass over the page, and gives the same bytes on every run. */
int
sk__thumbnail_size(int w, int h, int max_width, int *tw, int *th)
{
    int factor = max_width > 0 ? (w + max_width - 1) / max_width : 1;
    factor = CLAMP(factor, 1, 16);
    *tw = w / factor;
    *th = h / factor;
    if (*tw < 1 || *th < 1)
        *tw = *th = 0;
    return *tw > 0 ? factor : 0;
}

sk_status
sk__write_thumbnail(sk_ctx *ctx, cairo_surface_t *page, const char *path, int max_width,
                    sk__canvas *canvas)
{
    cairo_surface_flush(page);
    int w = cairo_image_surface_get_width(page), h = cairo_image_surface_get_height(page);
    int tw, th, factor = sk__thumbnail_size(w, h, max_width, &tw, &th);
    if (factor == 0)
        return sk__error(ctx, SK_EUSAGE, "%s: page too small for a thumbnail", path);
    cairo_surface_t *thumb;
    uint32_t *sums = g_try_new(uint32_t, 2 * (size_t)tw);
    if (sums == NULL)
        return sk__error(ctx, SK_ENOMEM, "%s: out of memory for the thumbnail", path);
    if (sk__canvas_surface(ctx, canvas, 1, tw, th, path, &thumb) != SK_OK) {
        g_free(sums);
        return sk_ctx_status(ctx);
    }
    cairo_surface_flush(thumb);
    const unsigned char *src = cairo_image_surface_get_data(page);
    unsigned char *dst = cairo_image_surface_get_data(thumb);
    int src_stride = cairo_image_surface_get_stride(page);
    int dst_stride = cairo_image_surface_get_stride(thumb);
    /* Red and blue are summed side by side in one word, green in another: a block of at
    ** most 16 x 16 pixels cannot carry from one 16-bit lane into the next. */
    uint32_t area = (uint32_t)(factor * factor);
    for (int ty = 0; ty < th; ty++) {
        memset(sums, 0, 2 * (size_t)tw * sizeof *sums);
        for (int dy = 0; dy < factor; dy++) {
            const uint32_t *row =
                (const uint32_t *)(const void *)(src + (size_t)(ty * factor + dy) * src_stride);
            for (int tx = 0; tx < tw; tx++) {
                uint32_t rb = 0, g = 0;
                for (int dx = 0; dx < factor; dx++) {
                    uint32_t p = row[tx * factor + dx];
                    rb += p & 0x00ff00ffu;
                    g += p & 0x0000ff00u;
                }
                sums[2 * tx] += rb;
                sums[2 * tx + 1] += g;
            }
        }
        uint32_t *out = (uint32_t *)(void *)(dst + (size_t)ty * dst_stride);
        for (int tx = 0; tx < tw; tx++) {
            uint32_t r = sums[2 * tx] >> 16, b = sums[2 * tx] & 0xffff, g = sums[2 * tx + 1] >> 8;
            out[tx] = (r + area / 2) / area << 16 | (g + area / 2) / area << 8 |
                      (b + area / 2) / area;
        }
    }
    g_free(sums);
    cairo_surface_mark_dirty(thumb);
    sk_status st = sk__write_png_file(ctx, thumb, path, 1);
    cairo_surface_destroy(thumb);
    return st;
}
