/* libFuzzer target: the command line.  The input is split at newlines into arguments and
** handed to the CLI's main (compiled in as sk_cli_main).  It runs in a scratch directory and
** inputs naming paths ('/') are skipped, so whatever it writes stays there.  Any input must
** end in an exit status, never a crash or a sanitizer report. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

int sk_cli_main(int argc, char **argv);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char *dir = g_dir_make_tmp("sk-fuzz-cli-XXXXXX", NULL);
    if (dir == NULL || chdir(dir) != 0)
        abort();
    g_free(dir);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096 || memchr(data, '/', size) != NULL || memchr(data, '\0', size) != NULL)
        return 0;
    char *text = g_strndup((const char *)data, size);
    char **words = g_strsplit(text, "\n", 32);
    int argc = 1 + (int)g_strv_length(words);
    char **argv = g_new0(char *, (size_t)argc + 1);
    argv[0] = "samenkaart";
    for (int i = 1; i < argc; i++)
        argv[i] = words[i - 1];
    /* Only the commands that answer quickly: a whole atlas per input would stall the run. */
    if (argc < 2 || strcmp(argv[1], "atlas") != 0 || g_strv_contains((const char *const *)argv, "--list"))
        (void)sk_cli_main(argc, argv);
    g_free(argv);
    g_strfreev(words);
    g_free(text);
    return 0;
}
