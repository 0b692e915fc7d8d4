/* What every command does around its work: a context that reports warnings, one run of
** outputs (samenkaart/outputs.h) that is committed only when the command succeeded, the
** signals that end a run early, and standard output checked like any other output. */
#ifndef SK_CLI_RUN_H
#define SK_CLI_RUN_H

#include <glib.h>
#include "samenkaart/samenkaart.h"

typedef struct cli_run {
    sk_ctx *ctx;
    sk_outputs *outputs;
} cli_run;

/* Start a command's run: warnings to stderr unless *quiet (borrowed for the run).  In a build
** with fault injection, $SAMENKAART_FAULT=N makes the N-th output operation fail.  EXIT_OK or
** EXIT_RUNTIME (out of memory, reported). */
int cli_run_begin(cli_run *r, const gboolean *quiet);
/* Name an input (given by option) that no output may replace.  Always EXIT_OK. */
int cli_run_input(cli_run *r, const char *path, const char *option);
/* Name an output (given by option) before anything is read or written: EXIT_OK, or the exit
** status of the error reported (an empty name, no such folder, an input, twice an output). */
int cli_run_output(cli_run *r, const char *path, const char *option);
/* End the run: with rc EXIT_OK every staged file is committed (a failure is reported and
** becomes the exit status), else nothing of it remains.  Returns the exit status. */
int cli_run_end(cli_run *r, int rc);

/* Text to standard output; a write error there is reported with the system's message and
** is EXIT_INPUT, as for any output that cannot be written. */
int cli_stdout(const char *text);
/* At the end of the process: what is still buffered for standard output, checked. */
int cli_stdout_close(int rc);

/* SIGINT, SIGTERM and SIGHUP remove the temporary files of the run in progress, then end the
** process as the signal would.  Called once by main before any thread starts. */
void cli_signals_start(void);

#endif
