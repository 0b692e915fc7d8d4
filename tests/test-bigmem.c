/* Buffers of megabytes on their own mappings (src/bigmem.c): aligned to 2 MB, zeroed, freed
** whole; image surfaces over them like cairo's own, and cairo's errors for sizes it refuses. */
#include <stdint.h>
#include <string.h>
#include "src/bigmem.h"

static void
test_alloc(void)
{
    const size_t sizes[] = {1, 4096, (size_t)5 << 20, ((size_t)2 << 20) + 1};
    for (size_t i = 0; i < G_N_ELEMENTS(sizes); i++) {
        unsigned char *p = sk__bigmem_alloc(sizes[i]);
        g_assert_nonnull(p);
        g_assert_cmpuint((uintptr_t)p % ((uintptr_t)2 << 20), ==, 0);
        /* Zeroed, and every byte writable. */
        g_assert_cmpuint(p[0], ==, 0);
        g_assert_cmpuint(p[sizes[i] - 1], ==, 0);
        memset(p, 0xab, sizes[i]);
        sk__bigmem_free(p, sizes[i]);
    }
    sk__bigmem_free(NULL, 10);
    /* Bytes own their buffer: freed with the last reference (leak checkers see it). */
    unsigned char *p = sk__bigmem_alloc(3 << 20);
    p[7] = 42;
    GBytes *b = sk__bigmem_bytes(p, 3 << 20);
    gsize n;
    g_assert_cmpuint(((const unsigned char *)g_bytes_get_data(b, &n))[7], ==, 42);
    g_assert_cmpuint(n, ==, 3 << 20);
    g_bytes_unref(b);
}

static void
test_surface(void)
{
    cairo_surface_t *s = sk__bigmem_surface(CAIRO_FORMAT_RGB24, 1754, 1240);
    g_assert_nonnull(s);
    g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint(cairo_image_surface_get_width(s), ==, 1754);
    g_assert_cmpint(cairo_image_surface_get_height(s), ==, 1240);
    int stride = cairo_image_surface_get_stride(s);
    g_assert_cmpint(stride, ==, cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, 1754));
    const unsigned char *px = cairo_image_surface_get_data(s);
    for (size_t i = 0; i < (size_t)stride * 1240; i += 4093)
        g_assert_cmpuint(px[i], ==, 0);
    /* Drawn on as any image surface. */
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    uint32_t v;
    memcpy(&v, px + (size_t)stride * 1239 + 4 * 1753, 4);
    g_assert_cmphex(v & 0xffffff, ==, 0xff0000);
    cairo_surface_destroy(s);
    /* Sizes cairo refuses: its nil surface with its error, as cairo_image_surface_create. */
    const int bad[][2] = {{40000, 10}, {10, 40000}, {0, 10}, {-5, 10}};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        cairo_surface_t *own = cairo_image_surface_create(CAIRO_FORMAT_RGB24, bad[i][0],
                                                          bad[i][1]);
        s = sk__bigmem_surface(CAIRO_FORMAT_RGB24, bad[i][0], bad[i][1]);
        g_assert_nonnull(s);
        g_assert_cmpint(cairo_surface_status(s), ==, cairo_surface_status(own));
        cairo_surface_destroy(s);
        cairo_surface_destroy(own);
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bigmem/alloc", test_alloc);
    g_test_add_func("/bigmem/surface", test_surface);
    return g_test_run();
}
