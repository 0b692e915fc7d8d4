/* Cairo backend: the inset, the small map locating a zoomed map's extent (render.h). */
#include "../geography_internal.h"
#include "render.h"

/* The locator of a zoomed map: the whole geography, small, with the map's extent marked. */
void
sk__draw_inset(cairo_t *cr, const sk_geography *geo, const sk__plan_inset *in)
{
    const double *whole = in->whole, *extent = in->extent;
    double scale = in->box.w / (whole[2] - whole[0]);
    sk__transform at = {in->box.x, in->box.y, scale, whole[0], whole[3]};
    double tolerance_pt = 0.4, tolerance = tolerance_pt / scale, grid = tolerance_pt / 4;
    const sk__ring *rings = sk__geography_rings(geo);
    const int *owner = sk__geography_ring_owners(geo);
    const double *pts = sk__geography_points(geo), *importance = sk__geography_importance(geo);
    size_t nrings = sk__geography_ring_count(geo);
    cairo_save(cr);
    cairo_new_path(cr);
    for (size_t r = 0; r < nrings; r++) {
        if (owner[r] < 0)
            continue;   /* the municipalities' rings make the land */
        int started = 0;
        for (size_t i = 0; i + 1 < rings[r].count; i++) {
            size_t k = rings[r].start + i;
            if (importance[k] < tolerance)
                continue;
            double x, y;
            sk__to_page(&at, grid, pts + 2 * k, &x, &y);
            if (!started)
                cairo_move_to(cr, x, y);
            else
                cairo_line_to(cr, x, y);
            started = 1;
        }
        if (started)
            cairo_close_path(cr);
    }
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    sk__set_color(cr, in->land);
    cairo_fill(cr);
    /* The region borders, thin. */
    cairo_new_path(cr);
    sk__path_region_borders(cr, geo, &at, tolerance_pt);
    sk__set_color(cr, in->border);
    cairo_set_line_width(cr, 0.4);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    /* Where the map lies. */
    double x0 = in->box.x + (extent[0] - whole[0]) * scale;
    double y0 = in->box.y + (whole[3] - extent[3]) * scale;
    cairo_rectangle(cr, x0, y0, (extent[2] - extent[0]) * scale, (extent[3] - extent[1]) * scale);
    sk__set_color(cr, in->mark);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    cairo_restore(cr);
}
