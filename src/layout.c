#include <math.h>
#include <string.h>
#include "internal.h"
#include "labels.h"
#include "layout.h"

#define MM (72.0 / 25.4)

void
sk__page_size(sk_page_size page, double *w, double *h)
{
    if (page == SK_PAGE_SLIDE_16_9) {
        *w = 960;     /* 13.333 x 7.5 inch, the PowerPoint widescreen slide */
        *h = 540;
    } else {
        *w = 297 * MM;
        *h = 210 * MM;
    }
}

/* A Pango context that measures the same at every resolution: no hinting, no rounding, so
** PNG, PDF and SVG share one layout and PNGs are byte-identical run after run. */
static PangoContext *
make_context(void)
{
    PangoFontMap *fm = pango_cairo_font_map_get_default();   /* per thread */
    PangoContext *pc = pango_font_map_create_context(fm);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(pc, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(pc, 72);
    pango_context_set_round_glyph_positions(pc, FALSE);
    return pc;
}

static PangoLayout *
make_text(PangoContext *pc, const char *family, double size, int bold, const char *text,
          double width)
{
    PangoLayout *l = pango_layout_new(pc);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, family);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, width < 0 ? -1 : (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(l, text, -1);
    return l;
}

static double
text_height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void
clear_text(sk__text *t)
{
    if (t->layout != NULL)
        g_object_unref(t->layout);
    t->layout = NULL;
}

void
sk__layout_clear(sk__layout *l)
{
    clear_text(&l->title);
    clear_text(&l->caption);
    clear_text(&l->source);
    clear_text(&l->note_title);
    clear_text(&l->note);
    clear_text(&l->text_panel);
    clear_text(&l->legend_title);
    for (size_t i = 0; i < l->legend_count; i++)
        clear_text(&l->legend[i].text);
    g_free(l->legend);
    for (int i = 0; i < 4; i++)
        clear_text(&l->scale_labels[i]);
    for (size_t i = 0; i < l->panel_count; i++)
        clear_text(&l->panels[i].title);
    g_free(l->panels);
    memset(l, 0, sizeof *l);
}

/* A round scale-bar length (1, 2 or 5 x 10^k metres) no longer than max_m. */
static double
nice_length(double max_m)
{
    double p = pow(10, floor(log10(max_m)));
    if (5 * p <= max_m)
        return 5 * p;
    if (2 * p <= max_m)
        return 2 * p;
    return p;
}

static char *
format_km(double metres)
{
    return g_strdup_printf("%g", metres / 1000);
}

/* Lay the legend out at font scale f in `columns` columns of width w, `col_gap` apart,
** relative to (0, 0): the title across the top, then the entries, split where the columns
** come out most even.  Returns the height. */
static double
legend_layout(PangoContext *pc, const sk__page_spec *spec, const sk_style *s, double w,
              double f, int columns, double col_gap, sk__layout *l)
{
    for (size_t k = 0; k < l->legend_count; k++)
        clear_text(&l->legend[k].text);
    clear_text(&l->legend_title);
    double y0 = 0;
    if (spec->legend_title != NULL) {
        l->legend_title.layout = make_text(pc, s->font_family, s->legend_title_size * f, 1,
                                           spec->legend_title, w);
        l->legend_title.x = 0;
        l->legend_title.y = 0;
        y0 = text_height(l->legend_title.layout) + s->legend_spacing * 1.5;
    }
    double sw = s->swatch_width, sh = s->swatch_height * f, gap = 2 * MM;
    double *heights = g_new(double, l->legend_count), total = 0;
    for (size_t i = 0; i < l->legend_count; i++) {
        sk__legend_item *it = &l->legend[i];
        /* After the classes: the outline of the regions taking part (if drawn), the
        ** outlined area (if any), then the region border. */
        int is_line = i >= spec->legend->len;
        size_t line = i - spec->legend->len;
        int is_outline = is_line && spec->outline && line == 0;
        int is_area = is_line && spec->area_label != NULL && line == (spec->outline ? 1u : 0u);
        const char *text = is_outline ? s->outline_label
                           : is_area  ? spec->area_label
                           : is_line  ? (spec->region_label != NULL ? spec->region_label
                                                                    : s->region_border_label)
                                      : g_array_index(spec->legend, sk__legend_entry, i).text;
        it->is_line = is_line;
        it->line_width = is_outline ? s->outline_width
                         : is_area  ? s->area_width
                                    : s->region_border_width;
        it->color = is_outline ? s->outline_color
                    : is_area  ? s->area_color
                    : is_line  ? s->region_border
                               : g_array_index(spec->legend, sk__legend_entry, i).color;
        it->text.layout = make_text(pc, s->font_family, s->legend_size * f, 0, text,
                                    w - sw - gap);
        heights[i] = fmax(text_height(it->text.layout), sh) + s->legend_spacing;
        total += heights[i];
    }
    double target = total / columns, col_h = 0, tallest = 0;
    int col = 0;
    for (size_t i = 0; i < l->legend_count; i++) {
        if (col_h > 0 && col + 1 < columns && col_h + heights[i] / 2 > target) {
            col++;
            col_h = 0;
        }
        sk__legend_item *it = &l->legend[i];
        double x = col * (w + col_gap), y = y0 + col_h;
        /* The first line of text is centred on the swatch. */
        PangoLayoutIter *iter = pango_layout_get_iter(it->text.layout);
        int y0l, y1l;
        pango_layout_iter_get_line_yrange(iter, &y0l, &y1l);
        pango_layout_iter_free(iter);
        double first_line = (double)(y1l - y0l) / PANGO_SCALE;
        it->swatch = (sk__box){x, fmax(y, y + (first_line - sh) / 2), sw, sh};
        it->text.x = x + sw + gap;
        it->text.y = y;
        col_h += heights[i];
        tallest = fmax(tallest, col_h);
    }
    g_free(heights);
    return y0 + tallest - s->legend_spacing;
}

static void
move_legend(sk__layout *l, double dx, double dy)
{
    l->legend_title.x += dx;
    l->legend_title.y += dy;
    for (size_t i = 0; i < l->legend_count; i++) {
        l->legend[i].swatch.x += dx;
        l->legend[i].swatch.y += dy;
        l->legend[i].text.x += dx;
        l->legend[i].text.y += dy;
    }
}

sk_status
sk__layout_map(sk_ctx *ctx, const sk_map *map, sk__layout *l)
{
    sk__page_spec spec = {map->style, map->geo, map->page, map->title, map->caption,
                          map->source, map->note, map->legend_title,
                          map->shown != NULL ? map->shown : map->legend, 1, NULL,
                          map->region_label, map->outline != NULL, map->text,
                          map->area != NULL ? map->area_label : NULL, map->extent,
                          map->zoom != NULL};
    sk_status st = sk__layout_page(ctx, &spec, l);
    if (st == SK_OK && map->zoom != NULL)
        l->names = sk__map_names(map, l);
    return st;
}

/* Whether text is valid Pango markup; the error names what (note, text) otherwise. */
static int
markup_ok(sk_ctx *ctx, const char *what, const char *text)
{
    GError *err = NULL;
    if (pango_parse_markup(text, -1, 0, NULL, NULL, NULL, &err))
        return 1;
    sk__error(ctx, SK_EINPUT, "%s: %s (use Pango markup, e.g. <b>bold</b>, and &amp; for &)",
              what, err->message);
    g_error_free(err);
    return 0;
}

sk_status
sk__layout_page(sk_ctx *ctx, const sk__page_spec *spec, sk__layout *l)
{
    const sk_style *s = spec->style;
    memset(l, 0, sizeof *l);
    sk__page_size(spec->page, &l->page_w, &l->page_h);
    PangoContext *pc = make_context();
    double m = s->margin, inner_w = l->page_w - 2 * m;

    l->title.layout = make_text(pc, s->font_family, s->title_size, 1,
                                spec->title != NULL ? spec->title : "", inner_w);
    l->title.x = m;
    l->title.y = m;
    double y = m + text_height(l->title.layout);
    if (spec->caption != NULL && spec->caption[0] != '\0') {
        y += 1.5 * MM;
        l->caption.layout = make_text(pc, s->font_family, s->caption_size, 0, spec->caption,
                                      inner_w);
        l->caption.x = m;
        l->caption.y = y;
        y += text_height(l->caption.layout);
    }
    double top = y + 4 * MM;

    l->source.layout = make_text(pc, s->font_family, s->source_size, 0,
                                 spec->source != NULL ? spec->source : "", inner_w);
    double source_h = text_height(l->source.layout);
    l->source.x = m;
    l->source.y = l->page_h - m - source_h;
    double bottom = l->source.y - 3 * MM;

    /* The legend beside the map, the scale bar at its foot.  A long legend first gets
    ** slightly smaller type, then a second (and third) column; one that still does not fit
    ** is an error, never clipped. */
    double lw = s->legend_width, gap = 6 * MM, col_gap = 4 * MM;
    double scale_h = s->scale_size * 1.4 + 3 + 2 * MM;
    double legend_room = bottom - scale_h - 4 * MM - top;

    /* A note ("Let op!") sits at the foot of the legend column, above the scale bar. */
    double note_h = 0, pad = 2 * MM;
    if (spec->note != NULL && spec->note[0] != '\0') {
        l->note_title.layout = make_text(pc, s->font_family, s->note_size, 1, s->note_title,
                                         lw - 2 * pad);
        l->note.layout = make_text(pc, s->font_family, s->note_size, 0, "", lw - 2 * pad);
        if (!markup_ok(ctx, "note", spec->note)) {
            g_object_unref(pc);
            sk__layout_clear(l);
            return sk_ctx_status(ctx);
        }
        pango_layout_set_markup(l->note.layout, spec->note, -1);
        note_h = text_height(l->note_title.layout) + 1 + text_height(l->note.layout) + 2 * pad;
        legend_room -= note_h + 4 * MM;
    }
    /* A zoomed map's locator sits at the foot of the legend column too. */
    double inset_h = 0;
    if (spec->inset) {
        double whole_ext[4];
        sk_geography_extent(spec->geo, whole_ext);
        inset_h = s->inset_width * (whole_ext[3] - whole_ext[1]) / (whole_ext[2] - whole_ext[0]);
        legend_room -= inset_h + 4 * MM;
    }
    l->legend_count = spec->legend->len + 1 + (spec->outline ? 1 : 0) +
                      (spec->area_label != NULL ? 1 : 0);
    l->legend = g_new0(sk__legend_item, l->legend_count);
    static const double scales[] = {1.0, 0.92, 0.85, 0.78, 0.72};
    double used = 0;
    int fits = 0, columns = 1;
    for (columns = 1; columns <= 3 && !fits; columns++)
        for (size_t i = 0; i < G_N_ELEMENTS(scales) && !fits; i++) {
            used = legend_layout(pc, spec, s, lw, scales[i], columns, col_gap, l);
            fits = used <= legend_room;
        }
    columns--;
    if (!fits) {
        g_object_unref(pc);
        sk__layout_clear(l);
        return sk__error(ctx, SK_EINPUT, "the legend does not fit on the page: %zu classes "
                         "need %.0f mm in three columns, %.0f mm is available; show fewer "
                         "classes, use a narrower filter or a style with a smaller legend "
                         "font", (size_t)spec->legend->len, used / MM, legend_room / MM);
    }
    double legend_w = columns * lw + (columns - 1) * col_gap;

    /* The maps: the data extent fitted into what the legend leaves, several maps in the grid
    ** of columns that gives them the largest scale, all at one scale.  When the page is
    ** wider than the maps need (the Netherlands is tall), maps and legend stay together as
    ** one group, centred, rather than the legend drifting to the page edge. */
    double ext[4], whole[4];
    sk_geography_extent(spec->geo, whole);
    memcpy(ext, spec->extent != NULL ? spec->extent : whole, sizeof ext);
    memcpy(l->extent, ext, sizeof ext);
    double ew = ext[2] - ext[0], eh = ext[3] - ext[1];
    /* A text panel ("Analyse / Duiding") takes a column at the right. */
    double text_w = 0;
    if (spec->text != NULL && spec->text[0] != '\0') {
        text_w = s->text_panel_width;
        if (!markup_ok(ctx, "text", spec->text)) {
            g_object_unref(pc);
            sk__layout_clear(l);
            return sk_ctx_status(ctx);
        }
        l->text_panel.layout = make_text(pc, s->font_family, s->caption_size, 0, "", text_w);
        pango_layout_set_markup(l->text_panel.layout, spec->text, -1);
        l->text_panel.x = l->page_w - m - text_w;
        l->text_panel.y = top;
        if (text_height(l->text_panel.layout) > bottom - top) {
            sk_status st = sk__error(ctx, SK_EINPUT, "text: does not fit beside the map "
                                     "(%.0f mm needed, %.0f mm available); shorten it",
                                     text_height(l->text_panel.layout) / MM,
                                     (bottom - top) / MM);
            g_object_unref(pc);
            sk__layout_clear(l);
            return st;
        }
        inner_w -= text_w + gap;
    }
    double room_w = inner_w - legend_w - gap, room_h = bottom - top;
    size_t n = spec->panel_count > 0 ? spec->panel_count : 1, cols = 1;
    double cell_gap = 4 * MM;
    l->panel_count = n;
    l->panels = g_new0(sk__panel, n);
    /* Every column count is tried; panel titles wrap to the panel's width, so their height
    ** depends on it. */
    l->scale = 0;
    double title_h = 0;
    for (size_t c = 1; c <= n; c++) {
        size_t rows = (n + c - 1) / c;
        double cw = (room_w - (double)(c - 1) * cell_gap) / (double)c, th = 0;
        for (size_t i = 0; spec->panel_titles != NULL && i < n; i++) {
            PangoLayout *t = make_text(pc, s->font_family, s->legend_title_size, 1,
                                       spec->panel_titles[i], cw);
            th = fmax(th, text_height(t) + 1.5 * MM);
            g_object_unref(t);
        }
        double ch = (room_h - (double)(rows - 1) * cell_gap) / (double)rows - th;
        double sc = fmin(cw / ew, ch / eh);
        if (sc > l->scale * 1.0001) {
            l->scale = sc;
            cols = c;
            title_h = th;
        }
    }
    size_t rows = (n + cols - 1) / cols;
    double map_w = ew * l->scale, map_h = eh * l->scale;
    double grid_w = (double)cols * map_w + (double)(cols - 1) * cell_gap;
    double grid_h = (double)rows * (map_h + title_h) + (double)(rows - 1) * cell_gap;
    double group_x = m + (inner_w - (grid_w + gap + legend_w)) / 2;
    double grid_y = top + (room_h - grid_h) / 2;
    for (size_t i = 0; i < n; i++) {
        sk__panel *pn = &l->panels[i];
        if (spec->panel_titles != NULL)
            pn->title.layout = make_text(pc, s->font_family, s->legend_title_size, 1,
                                         spec->panel_titles[i], map_w);
        double x = group_x + (double)(i % cols) * (map_w + cell_gap);
        double y0 = grid_y + (double)(i / cols) * (map_h + title_h + cell_gap);
        pn->frame = (sk__box){x, y0 + title_h, map_w, map_h};
        pn->origin_x = x;
        pn->origin_y = y0 + title_h;
        pn->title.x = x;
        pn->title.y = y0;
    }
    l->map_frame = l->panels[0].frame;
    l->extent_minx = ext[0];
    l->extent_maxy = ext[3];
    l->origin_x = l->panels[0].origin_x;
    l->origin_y = l->panels[0].origin_y;
    double lx = group_x + grid_w + gap;
    move_legend(l, lx, top);

    /* Scale bar: a round length of at most 80 % of the legend width, in two segments. */
    double max_m = 0.8 * lw / l->scale;
    l->scale_length_m = nice_length(max_m);
    l->scale_segments = 2;
    double bar_w = l->scale_length_m * l->scale;
    l->scale_bar = (sk__box){lx, bottom - 3 - s->scale_size * 1.4, bar_w, 3};
    if (inset_h > 0)
        l->inset = (sk__box){lx, l->scale_bar.y - 4 * MM - (note_h > 0 ? note_h + 4 * MM : 0) -
                                     inset_h,
                             s->inset_width, inset_h};
    if (note_h > 0) {
        l->note_box = (sk__box){lx, l->scale_bar.y - 4 * MM - note_h, lw, note_h};
        l->note_title.x = lx + pad;
        l->note_title.y = l->note_box.y + pad;
        l->note.x = lx + pad;
        l->note.y = l->note_title.y + text_height(l->note_title.layout) + 1;
    }
    /* Numbers centred on their ticks; the unit after the last number. */
    double ly = l->scale_bar.y + l->scale_bar.h + 1;
    char *texts[4] = {g_strdup("0"), format_km(l->scale_length_m / 2),
                      format_km(l->scale_length_m), g_strdup("km")};
    double right = 0;
    for (int i = 0; i < 4; i++) {
        sk__text *t = &l->scale_labels[i];
        t->layout = make_text(pc, s->font_family, s->scale_size, 0, texts[i], -1);
        int tw, th;
        pango_layout_get_size(t->layout, &tw, &th);
        double w = (double)tw / PANGO_SCALE;
        t->x = i < 3 ? lx + bar_w * i / 2.0 - w / 2 : right + s->scale_size * 0.3;
        t->y = ly;
        right = t->x + w;
        g_free(texts[i]);
    }
    g_object_unref(pc);
    return SK_OK;
}

PangoLayout *
sk__text_layout(const sk_style *style, double size, int bold, const char *text, double width)
{
    PangoContext *pc = make_context();
    PangoLayout *l = make_text(pc, style->font_family, size, bold, text, width);
    g_object_unref(pc);
    return l;
}
