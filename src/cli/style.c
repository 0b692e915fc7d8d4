/* samenkaart style check [FILE]: the colour rules over every palette of a style. */
#include <stdio.h>
#include <string.h>
#include "samenkaart/style.h"
#include "commands.h"
#include "options.h"
#include "run.h"

/* Check the style at path (NULL: the default style); the report to standard output. */
static int
check_style(const char *path, const gboolean *quiet)
{
    cli_run run;
    int rc = cli_run_begin(&run, quiet);
    if (rc == EXIT_OK && path != NULL)
        rc = cli_run_input(&run, path, "FILE");
    sk_style *style = NULL;
    if (rc == EXIT_OK && sk_style_load(run.ctx, path, &style) != SK_OK)
        rc = fail(run.ctx);
    if (rc == EXIT_OK) {
        char *report = NULL;
        sk_status st = sk_style_check(run.ctx, style, &report);
        rc = cli_stdout(report);
        g_free(report);
        if (rc == EXIT_OK && st != SK_OK)
            rc = fail(run.ctx);
    }
    sk_style_free(style);
    return cli_run_end(&run, rc);
}

int
cmd_style(int argc, char **argv)
{
    gboolean quiet = FALSE;
    GOptionEntry entries[] = {
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("check [FILE] - check a style's colours",
        "Every set of colours that can share a map, checked as the maps are: every two\n"
        "classes CIEDE2000 >= 10 apart in normal vision and >= 6 under simulated\n"
        "deuteranopia and protanopia, every class >= 10 from white, insurers >= 8 apart in\n"
        "lightness (L*).  Prints the worst pairs of each palette; exit 2 naming the first\n"
        "broken rule.  FILE: a style file over the default style (default: the default\n"
        "style alone).",
        "Example:\n  samenkaart style check my-style.ini");
    g_option_context_add_main_entries(oc, entries, NULL);
    int rc = parse_options(oc, "style", &argc, &argv, 2);
    if (rc == EXIT_OK && (argc < 2 || strcmp(argv[1], "check") != 0))
        rc = usage_error("style", "expected 'check' (samenkaart style check [FILE])");
    if (rc == EXIT_OK)
        rc = check_style(argc > 2 ? argv[2] : NULL, &quiet);
    g_option_context_free(oc);
    return rc;
}
