/* samenkaart — the command-line tool: parses arguments into map specs and the library's
** option structs and calls the library; one file per command (commands.h), the options they
** share in options.c.  Exit status 0 ok, 1 runtime failure, 2 bad input or arguments, or an
** output that cannot be written. */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include "commands.h"
#include "options.h"
#include "run.h"

/* A command's result as the process's exit status (help shown is success). */
static int
exit_status(int rc)
{
    return rc == EXIT_HELP ? EXIT_OK : rc;
}

static void
print_help(FILE *fp)
{
    fprintf(fp,
            "Usage: samenkaart COMMAND [OPTIONS]\n\n"
            "Maps of how Dutch health insurers and municipalities work together.\n\n"
            "Commands:\n"
            "  render    draw one map (PNG + world file, PDF or SVG)\n"
            "  atlas     render a whole report from an atlas file (PDF + PNGs + index.html)\n"
            "  stats     tables of projects and municipalities per label, insurer, size class\n"
            "  diff      what changed between two project databases: map and list\n"
            "  compare   insurers and their kernwerkgebieden, maps side by side\n"
            "  style     'style check [FILE]': a style's colours against the colour rules\n\n"
            "Options:\n"
            "  --help     show this help ('samenkaart render --help' for the command)\n"
            "  --version  show the version\n\n"
            "Exit status: 0 ok, 1 runtime failure, 2 bad input or output that cannot be "
            "written.\n");
}

/* The command argv[1] names. */
static int
run_command(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return EXIT_INPUT;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        print_help(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("samenkaart %s\n", sk_version());
        return EXIT_OK;
    }
    if (strcmp(argv[1], "render") == 0)
        return exit_status(cmd_render(argc - 1, argv + 1));
    if (strcmp(argv[1], "atlas") == 0)
        return exit_status(cmd_atlas(argc - 1, argv + 1));
    if (strcmp(argv[1], "stats") == 0)
        return exit_status(cmd_stats(argc - 1, argv + 1));
    if (strcmp(argv[1], "diff") == 0)
        return exit_status(cmd_diff(argc - 1, argv + 1));
    if (strcmp(argv[1], "compare") == 0)
        return exit_status(cmd_compare(argc - 1, argv + 1));
    if (strcmp(argv[1], "style") == 0)
        return exit_status(cmd_style(argc - 1, argv + 1));
    fprintf(stderr, "samenkaart: unknown command '%s' (expected render, atlas, stats, diff, compare or style)\n", argv[1]);
    print_help(stderr);
    return EXIT_INPUT;
}

int
main(int argc, char **argv)
{
    /* Arguments are text (titles such as "Preventie – totaal"): read them as UTF-8 also where
    ** the environment's locale says ASCII.  Only the character type: numbers in world files
    ** and CSVs keep their C format. */
    setlocale(LC_CTYPE, "");
    if (!g_get_charset(NULL))
        setlocale(LC_CTYPE, "C.UTF-8");
#ifndef SK_CLI_NO_SIGNALS
    cli_signals_start();
#endif
    return cli_stdout_close(run_command(argc, argv));
}
