/* Page layout: where the titles, legend, maps, scale bar, note, text panel and inset go. */
#include <math.h>
#include <string.h>
#include "../internal.h"
#include "legend.h"
#include "measure.h"
#include "points.h"

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

sk_status
sk__layout_map(sk_ctx *ctx, const sk_map *map, sk__layout *l)
{
    sk__page_spec spec = {map->style, map->geo, map->page, map->title, map->caption,
                          map->source, map->note, map->legend_title,
                          map->shown != NULL ? map->shown : map->legend, 1, NULL,
                          map->region_label, map->outline != NULL, map->text,
                          map->area != NULL ? map->area_label : NULL, map->extent,
                          map->zoom != NULL, map->zoom_legend, map->points};
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
    double grid_top;       /* where the head band ends: the top of the map on the grid */
    double note_h, pad, inset_h, legend_w, lx;
    double col_w;          /* the legend's column width */
    double legend_h;       /* the legend's height */
    sk__box box;           /* the map of the whole geography on the page's grid */
    double grid_scale;     /* its scale */
} page_state;

/* Whether the page shows one map without a panel title: it goes on the grid; else small
** multiples (also one titled panel, a family's last page). */
static int
one_map(const sk__page_spec *spec)
{
    return spec->panel_count <= 1 && spec->panel_titles == NULL;
}

/* The height of one line of text at size: the grid's bands are counted in lines. */
static double
line_height(page_state *ps, double size, int bold)
{
    PangoLayout *t = sk__measure_text(ps->pc, ps->s->font_family, size, bold, "Ag", -1, 0);
    double h = sk__text_height(t);
    g_object_unref(t);
    return h;
}

/* Title and caption at the top, the source line at the foot: what lies between is
** [top, bottom).  The head band of the grid holds a title line and the style's caption
** lines (grid_top); a title and caption that need more push top down: that page leaves the
** grid, rather than cutting text or shrinking it. */
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
    double band = line_height(ps, s->title_size, 1);
    if (s->caption_lines > 0)
        band += 1.5 * MM + s->caption_lines * line_height(ps, s->caption_size, 0);
    ps->grid_top = m + band + 4 * MM;
    ps->top = fmax(ps->grid_top, y + 4 * MM);

    sk__text_set(&l->source, ps->pc, s->font_family, s->source_size, 0,
                 spec->source != NULL ? spec->source : "", ps->inner_w, 0);
    double source_h = sk__text_height(l->source.layout);
    l->source.x = m;
    l->source.y = l->page_h - m - source_h;
    /* One source line on the grid, whatever the source's length. */
    ps->bottom = l->page_h - m - fmax(source_h, line_height(ps, s->source_size, 0)) - 3 * MM;
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

/* A note ("Let op!") sits at the foot of the legend column; a zoomed map's locator under
** it, on the grid's lower edge.  Sets note_h and inset_h; 0 on a markup error. */
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
        long n = (long)g_utf8_strlen(sk__legend_entry_text(spec, ps->s, i, &item), -1);
        if (n > longest_n) {
            longest = i;
            longest_n = n;
        }
    }
    sk__legend_item item;
    char *entry = longest_n > 80
                      ? g_strdup_printf("; its entry '%.40s…' has %ld characters: shorten it",
                                        sk__legend_entry_text(spec, ps->s, longest, &item), longest_n)
                      : g_strdup("");
    sk__error(ps->ctx, SK_EINPUT, "the legend does not fit on the page: its %zu entries need "
              "%.0f mm in up to three columns, %.0f mm is available%s; show fewer classes, use "
              "a narrower filter or a style with a smaller legend font ([fonts] legend_pt, at "
              "least 7)", l->legend_count, least / MM, fmax(room, 0) / MM, entry);
    g_free(entry);
    return SK_EINPUT;
}

/* A text panel ("Analyse / Duiding", an insurer's key figures): checked and measured at the
** style's width here; placed once the map and legend are (place_text_panel). */
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
    double need = sk__text_height(l->text_panel.layout), room = ps->bottom - ps->top;
    if (need > room)
        return sk__error(ps->ctx, SK_EINPUT, "text: its %ld characters need %.0f mm beside "
                         "the map, %.0f mm is available; shorten the text to about %ld "
                         "characters", (long)g_utf8_strlen(spec->text, -1), need / MM,
                         fmax(room, 0) / MM,
                         sk__chars_fitting(l->text_panel.layout, spec->text, room));
    return SK_OK;
}

/* The text panel at (x, y), w wide, if it fits above bottom. */
static int
text_panel_at(page_state *ps, double x, double y, double w, double bottom)
{
    sk__layout *l = ps->l;
    sk__text_set(&l->text_panel, ps->pc, ps->s->font_family, ps->s->caption_size, 0,
                 ps->spec->text, w, 1);
    l->text_panel.x = x;
    l->text_panel.y = y;
    return y + sk__text_height(l->text_panel.layout) <= bottom;
}

/* A text panel that leaves the map its place on the grid: under the legend, above the note
** and locator, as wide as the style's panel where the page has that room right of the map;
** else right of the legend when there is room for three quarters of that width.  0 when
** neither fits. */
static int
text_beside_legend(page_state *ps)
{
    const sk_style *s = ps->s;
    double right = ps->l->page_w - ps->m;
    double foot = ps->bottom - (ps->note_h > 0 ? ps->note_h + 4 * MM : 0) -
                  (ps->inset_h > 0 ? ps->inset_h + 4 * MM : 0);
    double w = fmin(right - ps->lx, s->text_panel_width);
    if (w >= 0.75 * s->text_panel_width &&
        text_panel_at(ps, ps->lx, ps->top + ps->legend_h + 6 * MM, w, foot))
        return 1;
    double x = ps->lx + ps->legend_w + 6 * MM;
    w = fmin(right - x, s->text_panel_width);
    return w >= 0.75 * s->text_panel_width && text_panel_at(ps, x, ps->top, w, ps->bottom);
}

/* The legend and maps made again (after a text panel took width). */
static void
clear_maps(sk__layout *l)
{
    sk__text_clear(&l->legend_title);
    for (size_t i = 0; i < l->legend_count; i++) {
        sk__text_clear(&l->legend[i].text);
        sk__text_clear(&l->legend[i].count);
    }
    g_clear_pointer(&l->legend, g_free);
    l->legend_count = 0;
    for (size_t i = 0; i < l->panel_count; i++)
        sk__text_clear(&l->panels[i].title);
    g_clear_pointer(&l->panels, g_free);
    l->panel_count = 0;
}

/* The grid's map: the whole geography as large as the band between head and foot and one
** legend column beside it allow, at the left margin.  It depends on the page, the style and
** the geography only (and on a text panel, which takes width), so every map of the whole
** geography in an atlas lies at one place and scale; the legend column starts beside it. */
static void
grid_box(page_state *ps)
{
    double whole[4];
    sk_geography_extent(ps->spec->geo, whole);
    double ew = whole[2] - whole[0], eh = whole[3] - whole[1];
    double room_w = ps->inner_w - ps->s->legend_width - 6 * MM;
    ps->grid_scale = fmin(room_w / ew, (ps->bottom - ps->grid_top) / eh);
    ps->box = (sk__box){ps->m, ps->grid_top, ew * ps->grid_scale, eh * ps->grid_scale};
    ps->lx = ps->m + ps->box.w + 6 * MM;
    if (ps->top > ps->grid_top) {   /* off the grid: the map fits below the head */
        double sc = fmin(room_w / ew, (ps->bottom - ps->top) / eh);
        ps->box = (sk__box){ps->m, ps->top, ew * sc, eh * sc};
    }
    if (ps->spec->inset && ps->spec->extent != NULL && one_map(ps->spec)) {
        /* A zoomed map (a province is wider than the country) takes what the band and one
        ** legend column leave, from the grid's corner; its legend follows it. */
        const double *z = ps->spec->extent;
        double zw = z[2] - z[0], zh = z[3] - z[1];
        double sc = fmin(room_w / zw, (ps->bottom - ps->top) / zh);
        ps->box = (sk__box){ps->m, ps->top, zw * sc, zh * sc};
        ps->lx = ps->m + ps->box.w + 6 * MM;
    }
}

/* The legend at the style's size in the legend column beside the map, from the map's top
** to the note and locator at its foot.  A long legend flows into a second and third
** column (sharing the room beside the map); its type never shrinks and the map never does.
** One that still does not fit is an error, never clipped.  Sets legend_w and col_w. */
static sk_status
fit_legend(page_state *ps)
{
    const sk_style *s = ps->s;
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    double col_gap = 4 * MM;
    double legend_room = ps->bottom - ps->top;
    if (ps->note_h > 0)
        legend_room -= ps->note_h + 4 * MM;
    if (spec->inset)
        legend_room -= ps->inset_h + 4 * MM;
    l->legend_count = spec->legend->len + 1 + (spec->outline ? 1 : 0) +
                      (spec->area_label != NULL ? 1 : 0) + (spec->zoom_label != NULL ? 1 : 0);
    l->legend = g_new0(sk__legend_item, l->legend_count);
    int panels = !one_map(spec);
    /* Beside one map the legend has the page's width right of it; beside small multiples
    ** it takes what it needs, and the maps the rest. */
    double area_w = ps->m + ps->inner_w - ps->lx;
    double natural = panels ? sk__legend_natural_width(ps->pc, spec, s, l) : s->legend_width;
    if (panels && ps->note_h > 0)   /* the note below is as wide as the style's column */
        natural = s->legend_width;
    natural = fmax(natural, ps->inset_h > 0 ? s->inset_width : 0);
    double used = 0, least = G_MAXDOUBLE;
    int fits = 0, columns;
    for (columns = 1; columns <= 3 && !fits; columns++) {
        double w = panels ? natural
                          : fmin(s->legend_width, (area_w - (columns - 1) * col_gap) / columns);
        used = sk__legend_layout(ps->pc, spec, s, w, columns, col_gap, l);
        fits = used <= legend_room;
        least = fmin(least, used);
        ps->col_w = w;
    }
    columns--;
    if (!fits)
        return legend_overflow(ps, least, legend_room);
    ps->legend_w = columns * ps->col_w + (columns - 1) * col_gap;
    ps->legend_h = used;
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

/* One map on the grid: the whole geography fills the grid's box; a zoomed extent fills the
** box grid_box made for it, from the grid's top left corner. */
static void
layout_one_map(page_state *ps, const double *ext)
{
    sk__layout *l = ps->l;
    double ew = ext[2] - ext[0], eh = ext[3] - ext[1];
    l->scale = ps->spec->extent == NULL ? ps->box.w / ew
                                        : fmin(ps->box.w / ew, ps->box.h / eh);
    sk__panel *pn = &l->panels[0];
    pn->frame = (sk__box){ps->box.x, ps->box.y, ew * l->scale, eh * l->scale};
    pn->origin_x = pn->frame.x;
    pn->origin_y = pn->frame.y;
    l->line_scale = 1;
}

/* Small multiples: the grid of columns that gives the maps the largest scale in what the
** legend leaves, all at one scale, from the left margin; room left over widens the gaps a
** little, so the maps spread over the page.  Their lines are drawn thinner, in proportion
** to the map (style: panel_lines_min at least), so small maps do not turn into linework. */
static void
layout_panels(page_state *ps, const double *ext)
{
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    double ew = ext[2] - ext[0], eh = ext[3] - ext[1], cell_gap = 4 * MM;
    double room_w = ps->inner_w - ps->legend_w - 6 * MM, room_h = ps->bottom - ps->top;
    size_t n = l->panel_count;
    double title_h;
    size_t cols = grid_columns(ps, room_w, room_h, ew, eh, &title_h);
    size_t rows = (n + cols - 1) / cols;
    double map_w = ew * l->scale, map_h = eh * l->scale;
    double gap_x = cell_gap;
    if (cols > 1)
        gap_x += fmin((room_w - (double)cols * map_w - (double)(cols - 1) * cell_gap) /
                          (double)(cols - 1), 0.15 * map_w);
    for (size_t i = 0; i < n; i++) {
        sk__panel *pn = &l->panels[i];
        if (spec->panel_titles != NULL) {
            sk__text_set(&pn->title, ps->pc, ps->s->font_family, ps->s->legend_title_size, 1,
                         spec->panel_titles[i], map_w, 0);
            sk__text_keep_terms(&pn->title);
        }
        double x = ps->m + (double)(i % cols) * (map_w + gap_x);
        double y0 = ps->top + (double)(i / cols) * (map_h + title_h + cell_gap);
        pn->frame = (sk__box){x, y0 + title_h, map_w, map_h};
        pn->origin_x = x;
        pn->origin_y = y0 + title_h;
        pn->title.x = x;
        pn->title.y = y0;
    }
    ps->lx = ps->m + (double)cols * map_w + (double)(cols - 1) * gap_x + 6 * MM;
    ps->box = (sk__box){ps->m, ps->top, ps->lx - 6 * MM - ps->m,
                        (double)rows * (map_h + title_h + cell_gap) - cell_gap};
    l->line_scale = fmax(ps->s->panel_lines_min, fmin(1, l->scale / ps->grid_scale));
}

/* The maps and the legend beside them.  Sets lx, the legend's x. */
static void
layout_maps(page_state *ps)
{
    const sk__page_spec *spec = ps->spec;
    sk__layout *l = ps->l;
    double ext[4];
    sk_geography_extent(spec->geo, ext);
    if (spec->extent != NULL)
        memcpy(ext, spec->extent, sizeof ext);
    memcpy(l->extent, ext, sizeof ext);
    l->panel_count = spec->panel_count > 0 ? spec->panel_count : 1;
    l->panels = g_new0(sk__panel, l->panel_count);
    if (one_map(spec))
        layout_one_map(ps, ext);
    else
        layout_panels(ps, ext);
    l->map_frame = l->panels[0].frame;
    l->extent_minx = ext[0];
    l->extent_maxy = ext[3];
    l->origin_x = l->panels[0].origin_x;
    l->origin_y = l->panels[0].origin_y;
    sk__legend_move(l, ps->lx, ps->top);
}

/* Whether the number at the middle of a scale bar bar_w long keeps a space's room from the
** numbers at its ends. */
static int
middle_fits(page_state *ps, double bar_w, char *const *texts)
{
    double w[3];
    for (int i = 0; i < 3; i++) {
        PangoLayout *t = sk__measure_text(ps->pc, ps->s->font_family, ps->s->scale_size, 0,
                                          texts[i], -1, 0);
        int tw, th;
        pango_layout_get_size(t, &tw, &th);
        w[i] = (double)tw / PANGO_SCALE;
        g_object_unref(t);
    }
    double gap = ps->s->scale_size * 0.3;
    return bar_w / 2 - w[1] / 2 - w[0] / 2 >= gap && bar_w / 2 - w[1] / 2 - w[2] / 2 >= gap;
}

/* Scale bar: a round length of at most a quarter of the map's width, in two segments, at
** the lower left of the (lower left) map: on a map of the Netherlands that is Belgium,
** empty; on a zoomed map, cut at its frame, it sits on a plate of the page's colour.
** Numbers centred on their ticks; the unit after the last number. */
static void
layout_scale_bar(page_state *ps)
{
    const sk_style *s = ps->s;
    sk__layout *l = ps->l;
    size_t cols = 1;
    while (cols < l->panel_count && l->panels[cols].frame.y == l->panels[0].frame.y)
        cols++;
    const sk__box *f = &l->panels[(l->panel_count - 1) / cols * cols].frame;
    l->scale_length_m = nice_length(0.25 * f->w / l->scale);
    l->scale_segments = 2;
    double bar_w = l->scale_length_m * l->scale, pad = ps->spec->inset ? 1.5 * MM : 0;
    double label_h = line_height(ps, s->scale_size, 0);
    double x = f->x + 2 * pad;
    l->scale_bar = (sk__box){x, f->y + f->h - 2 * pad - label_h - 1 - 3, bar_w, 3};
    double ly = l->scale_bar.y + l->scale_bar.h + 1;
    char *texts[4] = {g_strdup("0"), format_km(l->scale_length_m / 2),
                      format_km(l->scale_length_m), g_strdup("km")};
    if (!middle_fits(ps, bar_w, texts))   /* a short bar on a small panel: "0  50 km" */
        texts[1][0] = '\0';
    double left = x, right = 0;
    for (int i = 0; i < 4; i++) {
        sk__text *t = &l->scale_labels[i];
        sk__text_set(t, ps->pc, s->font_family, s->scale_size, 0, texts[i], -1, 0);
        int tw, th;
        pango_layout_get_size(t->layout, &tw, &th);
        double w = (double)tw / PANGO_SCALE;
        t->x = i < 3 ? x + bar_w * i / 2.0 - w / 2 : right + s->scale_size * 0.3;
        t->y = ly;
        left = fmin(left, t->x);
        right = t->x + w;
        g_free(texts[i]);
    }
    if (pad > 0)
        l->scale_plate = (sk__box){left - pad, l->scale_bar.y - pad, right - left + 2 * pad,
                                   ly + label_h - l->scale_bar.y + 2 * pad};
}

/* At the foot of the legend column, on the grid's lower edge: a zoomed map's locator, above
** it the note. */
static void
layout_foot(page_state *ps)
{
    const sk_style *s = ps->s;
    sk__layout *l = ps->l;
    double lx = ps->lx, note_h = ps->note_h, pad = ps->pad;
    double y = ps->bottom;   /* the grid's lower edge (a national map's too) */
    if (ps->inset_h > 0) {
        y -= ps->inset_h;
        l->inset = (sk__box){lx, y, s->inset_width, ps->inset_h};
        y -= 4 * MM;
    }
    if (note_h > 0) {
        l->note_box = (sk__box){lx, y - note_h, s->legend_width, note_h};
        l->note_title.x = lx + pad;
        l->note_title.y = l->note_box.y + pad;
        l->note.x = lx + pad;
        l->note.y = l->note_title.y + sk__text_height(l->note_title.layout) + 1;
    }
    layout_scale_bar(ps);
}

/* The map, its legend and a text panel: beside the legend if it can, else (the map
** narrowed) in a column at the page's right. */
static sk_status
place_maps(page_state *ps)
{
    grid_box(ps);
    sk_status st = fit_legend(ps);
    if (st != SK_OK)
        return st;
    layout_maps(ps);
    if (ps->l->text_panel.layout == NULL || text_beside_legend(ps))
        return SK_OK;
    sk__layout *l = ps->l;
    double text_w = ps->s->text_panel_width;
    clear_maps(l);
    ps->inner_w -= text_w + 6 * MM;
    text_panel_at(ps, l->page_w - ps->m - text_w, ps->top, text_w, ps->bottom);
    grid_box(ps);
    st = fit_legend(ps);
    if (st == SK_OK)
        layout_maps(ps);
    return st;
}

static sk_status
layout_page(sk_ctx *ctx, const sk__page_spec *spec, sk__layout *l)
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
        st = layout_text_panel(&ps);
    if (st == SK_OK)
        st = place_maps(&ps);
    if (st == SK_OK)
        layout_foot(&ps);
    g_object_unref(ps.pc);
    if (st != SK_OK)
        sk__layout_clear(l);
    return st;
}

/* A point map's legend is its layer's classes and sizes (and the line symbols), under its
** layer's title: the area map's own entries never show. */
sk_status
sk__layout_page(sk_ctx *ctx, const sk__page_spec *spec, sk__layout *l)
{
    if (spec->points == NULL)
        return layout_page(ctx, spec, l);
    sk__page_spec points = *spec;
    GArray *legend = sk__points_legend(spec->points);
    points.legend = legend;
    if (spec->points->legend_title != NULL)
        points.legend_title = spec->points->legend_title;
    /* The covered area's outline gets the legend line of an outlined area. */
    if (spec->points->covered != NULL && spec->area_label == NULL)
        points.area_label = sk__style_points(spec->style)->covered_label;
    sk_status st = layout_page(ctx, &points, l);
    sk__legend_free(legend);
    return st;
}
