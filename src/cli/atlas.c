/* samenkaart atlas: a whole report from an atlas file. */
#include <stdio.h>
#include <unistd.h>
#include "commands.h"
#include "options.h"
#include "run.h"
#include "sk-config.h"

typedef struct progress_state {
    gboolean quiet, tty;
    gint64 start;
} progress_state;

/* A bar with ETA on a terminal, plain lines otherwise (logs stay readable). */
static void
print_progress(void *user_data, size_t done, size_t total, const char *page)
{
    progress_state *p = user_data;
    if (p->quiet)
        return;
    double elapsed = (double)(g_get_monotonic_time() - p->start) / 1e6;
    double eta = done > 0 ? elapsed * (double)(total - done) / (double)done : 0;
    if (p->tty) {
        int width = 30, filled = (int)(width * done / (total ? total : 1));
        fprintf(stderr, "\r[%.*s%*s] %3zu%%  %5.1f s, ~%.1f s left  %-28.28s", filled,
                "##############################", width - filled, "", 100 * done / total,
                elapsed, eta, page);
        if (done == total)
            fputc('\n', stderr);
    } else {
        fprintf(stderr, "samenkaart: %zu/%zu %s (%.1f s)\n", done, total, page, elapsed);
    }
}

int
cmd_atlas(int argc, char **argv)
{
    char *output = NULL, *data_dir = NULL, *cache = NULL, *cache_max = NULL;
    size_t cache_max_mb = 0;
    GError *cache_max_error = NULL;
    cli_args a = {0};   /* the numeric options: --jobs, --dpi */
    gboolean quiet = FALSE, no_cache = FALSE, list = FALSE;
    GOptionEntry entries[] = {
        {"list", 0, 0, G_OPTION_ARG_NONE, &list,
         "Check the atlas file and list its pages (name, maps, title); render nothing", NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output directory (required)",
         "DIR"},
        {"jobs", 'j', 0, G_OPTION_ARG_CALLBACK, number_arg(),
         "Threads, 1 to 64 (default: all cores, at most 64)", "N"},
        {"dpi", 0, 0, G_OPTION_ARG_CALLBACK, number_arg(),
         "PNG resolution, 30 to 1200 dots per inch (default 150)", "N"},
        {"data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
         "Data the atlas file does not name (default: $SAMENKAART_DATA, else the installed data/nl2017)", "DIR"},
        {"cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &cache, "Cache prepared data here", "DIR"},
        {"no-cache", 0, 0, G_OPTION_ARG_NONE, &no_cache, "Read every source", NULL},
        {"cache-max-mb", 0, 0, G_OPTION_ARG_STRING, &cache_max,
         "Keep the cache under N MB (default $SAMENKAART_CACHE_MAX_MB, else 512; 0: write "
         "nothing)", "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress, no warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("ATLAS-FILE - render a whole report",
        "Writes DIR/atlas.pdf (contents page with links, outline), DIR/NNN-<page>.png with\n"
        "world files and classes CSVs, DIR/index.html, and the manifest\n"
        "DIR/samenkaart-atlas.txt listing them all: what the previous atlas in DIR listed\n"
        "and this one does not write again is removed, nothing else; a file it would\n"
        "write that is in DIR and the previous manifest does not list is refused, and so\n"
        "is a folder another atlas is writing into (docs/atlas.md).",
        "Example:\n  samenkaart atlas styles/aef-2017/atlas.ini --output out/");
    main_entries(oc, entries, &a);
    int rc = parse_options(oc, "atlas", &argc, &argv, 1);
    if (rc != EXIT_OK) {
        /* reported by parse_options */
    } else if (!cache_max_mb_of(cache_max, &cache_max_mb, &cache_max_error)) {
        rc = usage_error("atlas", "%s", cache_max_error->message);
    } else if (argc != 2) {
        rc = usage_error("atlas", "%s", "expected one atlas file");
    } else if (list && (output != NULL || a.dpi > 0)) {
        /* Not silently ignored: the user may think the atlas was rendered. */
        rc = usage_error("atlas", "%s", "--list only lists the pages and renders nothing: "
                         "give --list, or --output DIR (with --dpi)");
    } else if ((output == NULL || output[0] == '\0') && !list) {
        rc = usage_error("atlas", "%s", "--output DIR is required (a folder for the atlas's "
                         "files; not empty)");
    } else {
        cli_run run;
        if ((rc = cli_run_begin(&run, &quiet)) != EXIT_OK)
            goto done;
        cli_run_input(&run, argv[1], "the atlas file");
        sk_ctx *ctx = run.ctx;
        sk_ctx_set_cache_max_mb(ctx, cache_max_mb);
        const char *dir = data_dir_of(data_dir);
        gboolean cache_warned = FALSE;
        char *cache_path = cache_dir_of(cache, no_cache, quiet, &cache_warned);
        sk_atlas *atlas = NULL;
        progress_state ps = {quiet, isatty(fileno(stderr)), g_get_monotonic_time()};
        sk_atlas_options ao;
        sk_atlas_options_init(&ao);
        ao.output_dir = output;
        ao.jobs = a.jobs;
        if (a.dpi > 0)
            ao.dpi = a.dpi;
        ao.cache_dir = cache_path;
        ao.progress = print_progress;
        ao.progress_data = &ps;
        if (sk_atlas_load(ctx, argv[1], dir, &atlas) != SK_OK) {
            rc = fail(ctx);
        } else if (list) {
            GString *text = g_string_new(NULL);
            for (size_t i = 0; i < sk_atlas_page_count(atlas); i++)
                g_string_append_printf(text, "%s\t%zu\t%s\n", sk_atlas_page_name(atlas, i),
                                       sk_atlas_page_maps(atlas, i),
                                       sk_atlas_page_title(atlas, i));
            rc = cli_stdout(text->str);
            g_string_free(text, TRUE);
        } else if (sk_atlas_render(ctx, atlas, &ao) != SK_OK) {
            rc = fail(ctx);
        }
        sk_atlas_free(atlas);
        g_free(cache_path);
        rc = cli_run_end(&run, rc);
    }
done:
    g_option_context_free(oc);
    g_free(output);
    g_free(data_dir);
    g_free(cache);
    g_free(cache_max);
    g_clear_error(&cache_max_error);
    return rc;
}
