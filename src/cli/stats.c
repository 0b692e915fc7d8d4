/* samenkaart stats: tables of projects and municipalities. */
#include <stdio.h>
#include <string.h>
#include "commands.h"
#include "options.h"
#include "run.h"


/* Parse --format: csv or md. */
static int
table_format(const char *command, const char *text, sk_table_format *out)
{
    if (text == NULL || strcmp(text, "csv") == 0)
        *out = SK_TABLE_CSV;
    else if (strcmp(text, "md") == 0 || strcmp(text, "markdown") == 0)
        *out = SK_TABLE_MARKDOWN;
    else
        return usage_error(command, "--format: unknown value '%s' (expected csv or md)", text);
    return EXIT_OK;
}

/* Text to the file (staged in the run) or, without one, to standard output. */
static int
emit_text(sk_ctx *ctx, const char *path, const char *text)
{
    if (path == NULL)
        return cli_stdout(text);
    return sk_write_file(ctx, path, text, strlen(text)) == SK_OK ? EXIT_OK : fail(ctx);
}

int
cmd_stats(int argc, char **argv)
{
    cli_args a = {0};
    char *format = NULL;
    GOptionEntry entries[] = {
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &a.where,
         "Only projects with this label, e.g. instrumenteel!=czm (repeat: AND)",
         "PRINCIPLE=VALUE"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, "csv (default) or md (Markdown)",
         "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
         "Write here (default, or '-': standard output)",
         "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a.quiet, "No warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("- tables of projects and municipalities",
        "Projects and the municipalities they touch per label of every ordering principle,\n"
        "per insurer and per municipality size class (inwoners: <20000, 20000-100000,\n"
        ">=100000).  CSV columns: dimension,label,projects,municipalities.",
        "Example:\n  samenkaart stats --where instrumenteel!=czm --format md");
    g_option_context_add_main_entries(oc, entries, NULL);
    g_option_context_add_group(oc, data_group(&a));
    sk_table_format fmt = SK_TABLE_CSV;
    int rc = parse_options(oc, "stats", &argc, &argv, 0);
    /* '-' is standard output, as for most tools; not a file named '-'. */
    if (a.output != NULL && strcmp(a.output, "-") == 0)
        g_clear_pointer(&a.output, g_free);
    if (rc == EXIT_OK && (rc = table_format("stats", format, &fmt)) == EXIT_OK) {
        cli_run run;
        rc = cli_run_begin(&run, &a.quiet);
        if (rc == EXIT_OK)
            rc = cli_args_declare(&run, &a);
        sk_ctx *ctx = run.ctx;
        sk_filter *filter = sk_filter_new();
        sk_geography *geo = NULL;
        sk_projects *projects = NULL;
        sk_stats *stats = NULL;
        sk_status st = rc == EXIT_OK ? SK_OK : SK_EUSAGE;
        for (size_t i = 0; a.where != NULL && a.where[i] != NULL && st == SK_OK; i++)
            st = sk_filter_add(ctx, filter, a.where[i]);
        if (st == SK_OK)
            st = load_data(ctx, &a, NULL, &geo, &projects);
        if (st == SK_OK)
            st = sk_stats_compute(ctx, projects, filter, &stats);
        if (st == SK_OK) {
            char *text = sk_stats_format(stats, fmt);
            rc = emit_text(ctx, a.output, text);
            g_free(text);
        } else if (rc == EXIT_OK) {
            rc = fail(ctx);
        }
        sk_stats_free(stats);
        sk_projects_free(projects);
        sk_geography_free(geo);
        sk_filter_free(filter);
        rc = cli_run_end(&run, rc);
    }
    g_option_context_free(oc);
    g_free(format);
    cli_args_clear(&a);
    return rc;
}
