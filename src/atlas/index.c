/* Page PNGs with their thumbnails, and the index.html that shows the thumbnails. */
#include "index.h"

static sk_status
render_page_png(sk_ctx *ctx, sk__atlas_job *j, size_t i, sk__canvas *canvas)
{
    const page *pg = SK__ATLAS_PAGE(j->atlas, i);
    char *base = g_build_filename(j->options->output_dir, pg->name, NULL);
    char *png = g_strconcat(base, ".png", NULL);
    char *thumb = g_strdup_printf("%s/thumbs/%s.png", j->options->output_dir, pg->name);
    sk__thumbnail thumbnail = {thumb, j->options->thumbnail_width};
    sk__raster raster = {j->raster_layers, canvas, &thumbnail};
    sk_status st = SK_OK;
    /* One thread per page: the atlas spreads pages over the cores (--jobs), so --jobs 1 is
    ** one core. */
    int threads = 1;
    if (j->maps[i] != NULL) {
        sk_render_options ro;
        sk_render_options_init(&ro);
        ro.dpi = j->options->dpi;
        ro.threads = threads;
        char *csv = g_strconcat(base, ".csv", NULL);
        st = sk__render_map_plan(ctx, j->plans[i], &ro, png, &raster);
        if (st == SK_OK)
            st = sk_map_write_classes_csv(ctx, j->maps[i], csv);
        g_free(csv);
    } else {
        st = sk__render_plan_png(ctx, j->plans[i], j->options->dpi, png, &raster);
        /* A page of several maps has its classes too, with a panel column (contracts.md). */
        char *csv = g_strconcat(base, ".csv", NULL);
        if (st == SK_OK && j->sets[i] != NULL)
            st = sk_panels_write_classes_csv(ctx, j->sets[i], csv);
        g_free(csv);
    }
    g_free(thumb);
    g_free(png);
    g_free(base);
    return st;
}

sk_status
sk__atlas_render_png(sk_ctx *ctx, sk__atlas_job *j, size_t i, sk__canvas *canvas)
{
    sk_status st = render_page_png(ctx, j, i, canvas);
    if (st != SK_OK) {
        const page *pg = SK__ATLAS_PAGE(j->atlas, i);
        char *msg = g_strdup(sk_ctx_errmsg(ctx));
        sk_ctx_clear_error(ctx);
        sk__error(ctx, st, "page %s: %s", pg->name, msg);
        g_free(msg);
    }
    return st;
}

static void
html_text(GString *s, const char *text)
{
    char *e = g_markup_escape_text(text, -1);
    g_string_append(s, e);
    g_free(e);
}

/* Page i's figure: thumbnail, number, title and links (section pages get a heading). */
static void
index_entry(GString *s, const page *pg, guint i)
{
    if (pg->kind == PAGE_SECTION) {
        g_string_append(s, "<h2>");
        html_text(s, pg->title);
        g_string_append(s, "</h2>\n");
    }
    g_string_append_printf(s, "<figure><a href=\"%s.png\"><img src=\"thumbs/%s.png\" alt=\"",
                           pg->name, pg->name);
    html_text(s, pg->title);
    g_string_append_printf(s, "\" loading=\"lazy\"></a><figcaption>%u. ", i + 1);
    html_text(s, pg->title);
    g_string_append_printf(s, " · <a href=\"atlas.pdf#page=%u\">PDF</a>", i + 1);
    if (pg->kind == PAGE_MAP || pg->kind == PAGE_PANELS)
        g_string_append_printf(s, " · <a href=\"%s.csv\">CSV</a>", pg->name);
    g_string_append(s, "</figcaption></figure>\n");
}

sk_status
sk__atlas_write_index(sk_ctx *ctx, const sk_atlas *a, const char *dir)
{
    GString *s = g_string_new("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    html_text(s, a->title);
    g_string_append(s, "</title>\n<style>\nbody{font-family:sans-serif;margin:2em}"
                       "figure{display:inline-block;margin:0 1em 1.5em 0;width:300px;vertical-align:top}"
                       "img{width:300px;border:1px solid #ccc}figcaption{font-size:90%}"
                       "h2{clear:both}\n</style>\n</head>\n<body>\n<h1>");
    html_text(s, a->title);
    g_string_append(s, "</h1>\n<p><a href=\"atlas.pdf\">atlas.pdf</a></p>\n");
    for (guint i = 0; i < a->pages->len; i++)
        index_entry(s, SK__ATLAS_PAGE(a, i), i);
    g_string_append(s, "</body>\n</html>\n");
    char *path = g_build_filename(dir, "index.html", NULL);
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_free(path);
    g_string_free(s, TRUE);
    return st;
}
