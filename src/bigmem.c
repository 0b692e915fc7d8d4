/* Buffers of megabytes on transparent huge pages (bigmem.h). */
#define _DEFAULT_SOURCE   /* MAP_ANONYMOUS, MADV_HUGEPAGE */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <glib.h>
#include "bigmem.h"

#define HUGE_PAGE ((size_t)2 << 20)

static size_t
whole_pages(size_t size)
{
    return size == 0 ? HUGE_PAGE : (size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
}

void *
sk__bigmem_alloc(size_t size)
{
    size_t whole = whole_pages(size);
    if (whole < size || whole > SIZE_MAX - HUGE_PAGE)
        return NULL;
    /* Map a huge page more than needed, then unmap what lies before and after the aligned
    ** part. */
    unsigned char *raw = mmap(NULL, whole + HUGE_PAGE, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    size_t lead = (HUGE_PAGE - (uintptr_t)raw % HUGE_PAGE) % HUGE_PAGE;
    if (lead > 0)
        munmap(raw, lead);
    munmap(raw + lead + whole, HUGE_PAGE - lead);
    unsigned char *p = raw + lead;
#ifdef MADV_HUGEPAGE
    /* Advice only: without THP the memory is ordinary. */
    (void)madvise(p, whole, MADV_HUGEPAGE);
#endif
    return p;
}

void
sk__bigmem_free(void *p, size_t size)
{
    if (p != NULL)
        munmap(p, whole_pages(size));
}

/* A buffer and its size, to unmap it. */
typedef struct pixels {
    void *data;
    size_t size;
} pixels;

static void
pixels_free(void *data)
{
    pixels *px = data;
    sk__bigmem_free(px->data, px->size);
    g_free(px);
}

static const cairo_user_data_key_t pixels_key;

cairo_surface_t *
sk__bigmem_surface(cairo_format_t format, int width, int height)
{
    int stride = cairo_format_stride_for_width(format, width);
    /* Sizes cairo refuses (at most 32767 pixels a side): its own error. */
    if (stride <= 0 || width <= 0 || height <= 0 || width > 32767 || height > 32767)
        return cairo_image_surface_create(format, width, height);
    pixels *px = g_new(pixels, 1);
    px->size = (size_t)stride * (size_t)height;
    px->data = sk__bigmem_alloc(px->size);
    if (px->data == NULL) {
        g_free(px);
        return NULL;
    }
    cairo_surface_t *s = cairo_image_surface_create_for_data(px->data, format, width, height,
                                                             stride);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        pixels_free(px);   /* a nil surface holds no pixels */
        return s;
    }
    if (cairo_surface_set_user_data(s, &pixels_key, px, pixels_free) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        pixels_free(px);
        return NULL;
    }
    return s;
}

GBytes *
sk__bigmem_bytes(void *data, size_t size)
{
    pixels *px = g_new(pixels, 1);
    *px = (pixels){data, size};
    return g_bytes_new_with_free_func(data, size, pixels_free, px);
}
