/* Page layout: where the titles, legend, maps, scale bar, note, text panel and inset go. */
#include <math.h>
#include <string.h>
#include "../internal.h"
#include "measure.h"

#define MM SK__MM

void
sk__layout_clear(sk__layout *l)
{
    sk__text_clear(&l->title);
    sk__text_clear(&l->caption);
    sk__text_clear(&l->source);
    sk__text_clear(&l->note_title);
    sk__text_clear(&l->note);
    sk__text_clear(&l->text_panel);
    sk__text_clear(&l->legend_title);
    for (size_t i = 0; i < l->legend_count; i++) {
        sk__text_clear(&l->legend[i].text);
        sk__text_clear(&l->legend[i].count);
    }
    g_free(l->legend);
    for (int i = 0; i < 4; i++)
        sk__text_clear(&l->scale_labels[i]);
    for (size_t i = 0; i < l->panel_count; i++)
        sk__text_clear(&l->panels[i].title);
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

/* Kilometres for the scale bar: a '.' before decimals whatever the locale. */
static char *
format_km(double metres)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, "%g", metres / 1000));
}

/* Legend entry i's text: a class's, or after the classes the outline of the regions taking
** part (if drawn), the outlined area (if any), then the region border; its colour too. */
static const char *
entry_text(const sk__page_spec *spec, const sk_style *s, size_t i, sk__legend_item *it)
{
    int is_line = i >= spec->legend->len;
    size_t line = i - spec->legend->len;
    int is_outline = is_line && spec->outline && line == 0;
    int is_area = is_line && spec->area_label != NULL && line == (spec->outline ? 1u : 0u);
    it->is_line = is_line;
    it->line_width = is_outline ? s->outline_width
                     : is_area  ? s->area_width
                                : s->region_border_width;
    it->color = is_outline ? s->outline_color
                : is_area  ? s->area_color
                : is_line  ? s->region_border
                           : g_array_index(spec->legend, sk__legend_entry, i).color;
    return is_outline ? s->outline_label
           : is_area  ? spec->area_label
           : is_line  ? (spec->region_label != NULL ? spec->region_label
                                                    : s->region_border_label)
                      : g_array_index(spec->legend, sk__legend_entry, i).text;
}

/* Measure legend entry i at font size size in a text column tw wide: its count (if any) on
** one line at the column's right, the text wrapping in what the count leaves, never inside
** a term. */
static void
entry_measure(PangoContext *pc, const sk__page_spec *spec, const sk_style *s, size_t i,
              double size, double tw, sk__legend_item *it)
{
    const char *text = entry_text(spec, s, i, it);
    const char *count = i < spec->legend->len
                            ? g_array_index(spec->legend, sk__legend_entry, i).count
                            : NULL;
    double cw = 0;
    if (count != NULL && count[0] != '\0') {
        sk__text_set(&it->count, pc, s->font_family, size, 0, count, -1, 0);
        int w, h;
        pango_layout_get_size(it->count.layout, &w, &h);
        cw = (double)w / PANGO_SCALE + size * 0.6;   /* the count and a gap before it */
    }
    sk__text_set(&it->text, pc, s->font_family, size, 0, text, tw - cw, 0);
    sk__text_keep_terms(&it->text);
}

/* Lay the legend out at font scale f in `columns` columns of width w, `col_gap` apart,
** relative to (0, 0): the title across the top, then the entries, split where the columns
** come out most even.  Returns the height. */
static double
legend_layout(PangoContext *pc, const sk__page_spec *spec, const sk_style *s, double w,
              double f, int columns, double col_gap, sk__layout *l)
{
    for (size_t k = 0; k < l->legend_count; k++) {
        sk__text_clear(&l->legend[k].text);
        sk__text_clear(&l->legend[k].count);
    }
    sk__text_clear(&l->legend_title);
    double y0 = 0;
    if (spec->legend_title != NULL) {
        sk__text_set(&l->legend_title, pc, s->font_family, s->legend_title_size * f, 1,
                     spec->legend_title, w, 0);
        l->legend_title.x = 0;
        l->legend_title.y = 0;
        y0 = sk__text_height(l->legend_title.layout) + s->legend_spacing * 1.5;
    }
    double sw = s->swatch_width, sh = s->swatch_height * f, gap = 2 * MM;
    double *heights = g_new(double, l->legend_count), total = 0;
    for (size_t i = 0; i < l->legend_count; i++) {
        sk__legend_item *it = &l->legend[i];
        entry_measure(pc, spec, s, i, s->legend_size * f, w - sw - gap, it);
        double th = sk__text_height(it->text.layout);
        if (it->count.layout != NULL)
            th = fmax(th, sk__text_height(it->count.layout));
        heights[i] = fmax(th, sh) + s->legend_spacing;
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
        if (it->count.layout != NULL) {   /* right-aligned at the column's edge */
            int cw, ch;
            pango_layout_get_size(it->count.layout, &cw, &ch);
            it->count.x = x + w - (double)cw / PANGO_SCALE;
            it->count.y = y;
        }
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
        l->legend[i].count.x += dx;
        l->legend[i].count.y += dy;
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
    return sk__layout_page(ctx, &spec, l);
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

/* What the parts of sk__layout_page pass on to each other. */
typedef struct page_state {
    sk_ctx *ctx;
    PangoContext *pc;
    const sk__page_spec *spec;
    const sk_style *s;
    sk__layout *l;
    double m, inner_w, top, bottom;
    double note_h, pad, inset_h, legend_w, lx;
} page_state;

/* Title and caption at the top, the source line at the foot: what lies between is
** [top, bottom). */
static void
layout_head(page_state *ps)
{
    const sk_style *s = ps->s;
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    double m = ps->m;
    sk__text_set(&l->title, ps->pc, s->font_family, s->title_size, 1,
                 spec->title != NULL ? spec->title : "", ps->inner_w, 0);
    l->title.x = m;
    l->title.y = m;
    double y = m + sk__text_height(l->title.layout);
    if (spec->caption != NULL && spec->caption[0] != '\0') {
        y += 1.5 * MM;
        sk__text_set(&l->caption, ps->pc, s->font_family, s->caption_size, 0, spec->caption,
                     ps->inner_w, 0);
        l->caption.x = m;
        l->caption.y = y;
        y += sk__text_height(l->caption.layout);
    }
    ps->top = y + 4 * MM;

    sk__text_set(&l->source, ps->pc, s->font_family, s->source_size, 0,
                 spec->source != NULL ? spec->source : "", ps->inner_w, 0);
    double source_h = sk__text_height(l->source.layout);
    l->source.x = m;
    l->source.y = l->page_h - m - source_h;
    ps->bottom = l->source.y - 3 * MM;
}

/* The head and foot (title, caption, source line) leave the map and legend at least half
** the page inside its margins; else the tallest of them is named, with how much room there
** is and how short it should be. */
static sk_status
check_head(page_state *ps)
{
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    double inner_h = l->page_h - 2 * ps->m, need = inner_h / 2, room = ps->bottom - ps->top;
    if (room >= need)
        return SK_OK;
    const struct { const char *what, *text, *advice; const sk__text *t; } parts[] = {
        {"title", spec->title, "put details in the caption, or use a style with a smaller "
         "title font ([fonts] title_pt)", &l->title},
        {"caption", spec->caption, "put the rest in a text panel, or use a style with a "
         "smaller caption font ([fonts] caption_pt)", &l->caption},
        {"source", spec->source, "or use a style with a smaller source font ([fonts] "
         "source_pt)", &l->source}};
    size_t worst = 0;
    double worst_h = -1;
    for (size_t i = 0; i < G_N_ELEMENTS(parts); i++)
        if (parts[i].t->layout != NULL && parts[i].text != NULL &&
            sk__text_height(parts[i].t->layout) > worst_h) {
            worst = i;
            worst_h = sk__text_height(parts[i].t->layout);
        }
    const char *what = parts[worst].what, *text = worst_h >= 0 ? parts[worst].text : "";
    long fit = worst_h >= 0 ? sk__chars_fitting(parts[worst].t->layout, text,
                                            worst_h - (need - room)) : 0;
    return sk__error(ps->ctx, SK_EINPUT, "%s: its %ld characters take %.0f mm of the %.0f mm "
                     "the page has inside its margins, which leaves %.0f mm for the map and "
                     "legend (they need at least %.0f mm); shorten the %s to about %ld "
                     "characters, %s", what, (long)g_utf8_strlen(text, -1), worst_h / MM,
                     inner_h / MM, fmax(room, 0) / MM, need / MM, what, fit,
                     parts[worst].advice);
}

/* A note ("Let op!") sits at the foot of the legend column, above the scale bar; a zoomed
** map's locator there too.  Sets note_h and inset_h; 0 on a markup error. */
static int
layout_note(page_state *ps)
{
    const sk_style *s = ps->s;
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    double lw = s->legend_width;
    ps->pad = 2 * MM;
    if (spec->note != NULL && spec->note[0] != '\0') {
        sk__text_set(&l->note_title, ps->pc, s->font_family, s->note_size, 1, s->note_title,
                     lw - 2 * ps->pad, 0);
        if (!markup_ok(ps->ctx, "note", spec->note))
            return 0;
        sk__text_set(&l->note, ps->pc, s->font_family, s->note_size, 0, spec->note,
                     lw - 2 * ps->pad, 1);
        ps->note_h = sk__text_height(l->note_title.layout) + 1 +
                     sk__text_height(l->note.layout) + 2 * ps->pad;
    }
    if (spec->inset) {
        double whole_ext[4];
        sk_geography_extent(spec->geo, whole_ext);
        ps->inset_h = s->inset_width * (whole_ext[3] - whole_ext[1]) /
                      (whole_ext[2] - whole_ext[0]);
    }
    return 1;
}

/* The legend needs least (its most compact layout) and has room: the note is named when
** without it the legend would fit, else the legend and its longest entry. */
static sk_status
legend_overflow(page_state *ps, double least, double room)
{
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    if (ps->note_h > 0 && least < room + ps->note_h) {
        /* A note shorter by what the legend lacks. */
        double keep = sk__text_height(l->note.layout) - (least - room);
        return sk__error(ps->ctx, SK_EINPUT, "note: its %ld characters take %.0f mm of the "
                         "legend column, which leaves %.0f mm for the legend above it (it "
                         "needs %.0f mm); shorten the note to about %ld characters",
                         (long)g_utf8_strlen(spec->note, -1), ps->note_h / MM,
                         fmax(room, 0) / MM, least / MM,
                         sk__chars_fitting(l->note.layout, spec->note, keep));
    }
    size_t longest = 0;
    long longest_n = 0;
    for (size_t i = 0; i < l->legend_count; i++) {
        sk__legend_item item;
        long n = (long)g_utf8_strlen(entry_text(spec, ps->s, i, &item), -1);
        if (n > longest_n) {
            longest = i;
            longest_n = n;
        }
    }
    sk__legend_item item;
    char *entry = longest_n > 80
                      ? g_strdup_printf("; its entry '%.40s…' has %ld characters: shorten it",
                                        entry_text(spec, ps->s, longest, &item), longest_n)
                      : g_strdup("");
    sk__error(ps->ctx, SK_EINPUT, "the legend does not fit on the page: its %zu entries need "
              "%.0f mm in up to three columns, %.0f mm is available%s; show fewer classes, use "
              "a narrower filter or a style with a smaller legend font ([fonts] legend_pt)",
              l->legend_count, least / MM, fmax(room, 0) / MM, entry);
    g_free(entry);
    return SK_EINPUT;
}

/* The legend beside the map, the scale bar at its foot.  A long legend first gets slightly
** smaller type, then a second (and third) column; one that still does not fit is an error,
** never clipped.  Sets legend_w. */
static sk_status
fit_legend(page_state *ps)
{
    const sk_style *s = ps->s;
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    double lw = s->legend_width, col_gap = 4 * MM;
    double scale_h = s->scale_size * 1.4 + 3 + 2 * MM;
    double legend_room = ps->bottom - scale_h - 4 * MM - ps->top;
    if (ps->note_h > 0)
        legend_room -= ps->note_h + 4 * MM;
    if (spec->inset)
        legend_room -= ps->inset_h + 4 * MM;
    l->legend_count = spec->legend->len + 1 + (spec->outline ? 1 : 0) +
                      (spec->area_label != NULL ? 1 : 0);
    l->legend = g_new0(sk__legend_item, l->legend_count);
    static const double scales[] = {1.0, 0.92, 0.85, 0.78, 0.72};
    double used = 0, least = G_MAXDOUBLE;
    int fits = 0, columns = 1;
    for (columns = 1; columns <= 3 && !fits; columns++)
        for (size_t i = 0; i < G_N_ELEMENTS(scales) && !fits; i++) {
            used = legend_layout(ps->pc, spec, s, lw, scales[i], columns, col_gap, l);
            fits = used <= legend_room;
            least = fmin(least, used);
        }
    columns--;
    if (!fits)
        return legend_overflow(ps, least, legend_room);
    ps->legend_w = columns * lw + (columns - 1) * col_gap;
    return SK_OK;
}

/* A text panel ("Analyse / Duiding") takes a column at the right. */
static sk_status
layout_text_panel(page_state *ps)
{
    const sk_style *s = ps->s;
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    if (spec->text == NULL || spec->text[0] == '\0')
        return SK_OK;
    double text_w = s->text_panel_width;
    if (!markup_ok(ps->ctx, "text", spec->text))
        return sk_ctx_status(ps->ctx);
    sk__text_set(&l->text_panel, ps->pc, s->font_family, s->caption_size, 0, spec->text,
                 text_w, 1);
    l->text_panel.x = l->page_w - ps->m - text_w;
    l->text_panel.y = ps->top;
    double need = sk__text_height(l->text_panel.layout), room = ps->bottom - ps->top;
    if (need > room)
        return sk__error(ps->ctx, SK_EINPUT, "text: its %ld characters need %.0f mm beside "
                         "the map, %.0f mm is available; shorten the text to about %ld "
                         "characters", (long)g_utf8_strlen(spec->text, -1), need / MM,
                         fmax(room, 0) / MM,
                         sk__chars_fitting(l->text_panel.layout, spec->text, room));
    ps->inner_w -= text_w + 6 * MM;
    return SK_OK;
}

/* The largest scale at which n maps of ew x eh fit in room_w x room_h: every column count is
** tried, as panel titles wrap to the panel's width and so their height depends on it. */
static size_t
grid_columns(page_state *ps, double room_w, double room_h, double ew, double eh,
             double *title_h)
{
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    size_t n = l->panel_count, cols = 1;
    double cell_gap = 4 * MM;
    l->scale = 0;
    *title_h = 0;
    for (size_t c = 1; c <= n; c++) {
        size_t rows = (n + c - 1) / c;
        double cw = (room_w - (double)(c - 1) * cell_gap) / (double)c, th = 0;
        for (size_t i = 0; spec->panel_titles != NULL && i < n; i++) {
            PangoLayout *t = sk__measure_text(ps->pc, ps->s->font_family,
                                              ps->s->legend_title_size, 1,
                                              spec->panel_titles[i], cw, 0);
            sk__keep_terms(t, spec->panel_titles[i]);
            th = fmax(th, sk__text_height(t) + 1.5 * MM);
            g_object_unref(t);
        }
        double ch = (room_h - (double)(rows - 1) * cell_gap) / (double)rows - th;
        double sc = fmin(cw / ew, ch / eh);
        if (sc > l->scale * 1.0001) {
            l->scale = sc;
            cols = c;
            *title_h = th;
        }
    }
    return cols;
}

/* The maps: the data extent fitted into what the legend leaves, several maps in the grid of
** columns that gives them the largest scale, all at one scale.  When the page is wider than
** the maps need (the Netherlands is tall), maps and legend stay together as one group,
** centred, rather than the legend drifting to the page edge.  Sets lx, the legend's x. */
static void
layout_maps(page_state *ps)
{
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    double ext[4], whole[4], gap = 6 * MM, cell_gap = 4 * MM;
    sk_geography_extent(spec->geo, whole);
    memcpy(ext, spec->extent != NULL ? spec->extent : whole, sizeof ext);
    memcpy(l->extent, ext, sizeof ext);
    double ew = ext[2] - ext[0], eh = ext[3] - ext[1];
    double room_w = ps->inner_w - ps->legend_w - gap, room_h = ps->bottom - ps->top;
    size_t n = spec->panel_count > 0 ? spec->panel_count : 1;
    l->panel_count = n;
    l->panels = g_new0(sk__panel, n);
    double title_h;
    size_t cols = grid_columns(ps, room_w, room_h, ew, eh, &title_h);
    size_t rows = (n + cols - 1) / cols;
    double map_w = ew * l->scale, map_h = eh * l->scale;
    double grid_w = (double)cols * map_w + (double)(cols - 1) * cell_gap;
    double grid_h = (double)rows * (map_h + title_h) + (double)(rows - 1) * cell_gap;
    double group_x = ps->m + (ps->inner_w - (grid_w + gap + ps->legend_w)) / 2;
    double grid_y = ps->top + (room_h - grid_h) / 2;
    for (size_t i = 0; i < n; i++) {
        sk__panel *pn = &l->panels[i];
        if (spec->panel_titles != NULL) {
            sk__text_set(&pn->title, ps->pc, ps->s->font_family, ps->s->legend_title_size, 1,
                         spec->panel_titles[i], map_w, 0);
            sk__text_keep_terms(&pn->title);
        }
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
    ps->lx = group_x + grid_w + gap;
    move_legend(l, ps->lx, ps->top);
}

/* Scale bar: a round length of at most 80 % of the legend width, in two segments; above it
** the note and the inset.  Numbers centred on their ticks; the unit after the last number. */
static void
layout_foot(page_state *ps)
{
    const sk_style *s = ps->s;
    sk__layout *l = ps->l;
    double lx = ps->lx, lw = s->legend_width, note_h = ps->note_h, pad = ps->pad;
    double max_m = 0.8 * lw / l->scale;
    l->scale_length_m = nice_length(max_m);
    l->scale_segments = 2;
    double bar_w = l->scale_length_m * l->scale;
    l->scale_bar = (sk__box){lx, ps->bottom - 3 - s->scale_size * 1.4, bar_w, 3};
    if (ps->inset_h > 0)
        l->inset = (sk__box){lx, l->scale_bar.y - 4 * MM - (note_h > 0 ? note_h + 4 * MM : 0) -
                                     ps->inset_h,
                             s->inset_width, ps->inset_h};
    if (note_h > 0) {
        l->note_box = (sk__box){lx, l->scale_bar.y - 4 * MM - note_h, lw, note_h};
        l->note_title.x = lx + pad;
        l->note_title.y = l->note_box.y + pad;
        l->note.x = lx + pad;
        l->note.y = l->note_title.y + sk__text_height(l->note_title.layout) + 1;
    }
    double ly = l->scale_bar.y + l->scale_bar.h + 1;
    char *texts[4] = {g_strdup("0"), format_km(l->scale_length_m / 2),
                      format_km(l->scale_length_m), g_strdup("km")};
    double right = 0;
    for (int i = 0; i < 4; i++) {
        sk__text *t = &l->scale_labels[i];
        sk__text_set(t, ps->pc, s->font_family, s->scale_size, 0, texts[i], -1, 0);
        int tw, th;
        pango_layout_get_size(t->layout, &tw, &th);
        double w = (double)tw / PANGO_SCALE;
        t->x = i < 3 ? lx + bar_w * i / 2.0 - w / 2 : right + s->scale_size * 0.3;
        t->y = ly;
        right = t->x + w;
        g_free(texts[i]);
    }
}

sk_status
sk__layout_page(sk_ctx *ctx, const sk__page_spec *spec, sk__layout *l)
{
    memset(l, 0, sizeof *l);
    sk__page_size(spec->page, &l->page_w, &l->page_h);
    page_state ps = {.ctx = ctx, .pc = sk__measure_context(), .spec = spec, .s = spec->style,
                     .l = l, .m = spec->style->margin,
                     .inner_w = l->page_w - 2 * spec->style->margin};
    layout_head(&ps);
    sk_status st = check_head(&ps);
    if (st == SK_OK && !layout_note(&ps))
        st = sk_ctx_status(ctx);
    if (st == SK_OK)
        st = fit_legend(&ps);
    if (st == SK_OK)
        st = layout_text_panel(&ps);
    if (st == SK_OK) {
        layout_maps(&ps);
        layout_foot(&ps);
    }
    g_object_unref(ps.pc);
    if (st != SK_OK)
        sk__layout_clear(l);
    return st;
}
