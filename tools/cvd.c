/* samenkaart-cvd IN.png OUT.png deuteranopia|protanopia: a page as a reader with that colour
** vision deficiency sees it (src/colour.c's simulation: Machado et al. 2009, severity 1.0),
** to look at maps that way.  A developer's tool, not installed. */
#include <stdio.h>
#include <string.h>
#include <cairo.h>
#include "src/colour.h"

int
main(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[3], "deuteranopia") != 0 && strcmp(argv[3], "protanopia") != 0)) {
        fprintf(stderr, "usage: %s IN.png OUT.png deuteranopia|protanopia\n", argv[0]);
        return 2;
    }
    sk__vision v = strcmp(argv[3], "deuteranopia") == 0 ? SK__VISION_DEUTAN : SK__VISION_PROTAN;
    cairo_surface_t *in = cairo_image_surface_create_from_png(argv[1]);
    if (cairo_surface_status(in) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "%s: %s\n", argv[1], cairo_status_to_string(cairo_surface_status(in)));
        return 2;
    }
    int w = cairo_image_surface_get_width(in), h = cairo_image_surface_get_height(in);
    cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(out);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, in, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(out);
    unsigned char *data = cairo_image_surface_get_data(out);
    int stride = cairo_image_surface_get_stride(out);
    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)(void *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++)
            row[x] = sk__color_simulate(row[x] & 0xffffff, v);
    }
    cairo_surface_mark_dirty(out);
    cairo_status_t st = cairo_surface_write_to_png(out, argv[2]);
    cairo_surface_destroy(out);
    cairo_surface_destroy(in);
    if (st != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "%s: %s\n", argv[2], cairo_status_to_string(st));
        return 1;
    }
    return 0;
}
