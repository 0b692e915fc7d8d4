/* A command's run (run.h). */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "options.h"
#include "run.h"
#include "samenkaart/testing.h"

/* The run a signal must clean up.  Process-wide because signals are: the one piece of such
** state in the program, guarded by its lock. */
static struct {
    GMutex lock;
    sk_outputs *current;
} watched;

static void
watch(sk_outputs *outputs)
{
    g_mutex_lock(&watched.lock);
    watched.current = outputs;
    g_mutex_unlock(&watched.lock);
}

static void
signal_set(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGHUP);
}

/* Waits for a signal: removes the run's temporary files (a commit in progress finishes
** first), then ends the process the way the signal would have. */
static gpointer
signal_watcher(gpointer unused)
{
    (void)unused;
    sigset_t set;
    signal_set(&set);
    int sig = 0;
    while (sigwait(&set, &sig) != 0) {
    }
    g_mutex_lock(&watched.lock);
    sk_outputs_discard(watched.current);
    signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    pthread_kill(pthread_self(), sig);
    /* Not reached: the default action of these signals ends the process. */
    _exit(128 + sig);
}

void
cli_signals_start(void)
{
    /* A write past a file-size limit or into a closed pipe then fails (EFBIG, EPIPE) and is
    ** reported like any write error, instead of ending the process without a word and
    ** with its temporary files. */
    signal(SIGXFSZ, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    sigset_t set;
    signal_set(&set);
    /* Blocked here, so in every thread started later; only the watcher takes them. */
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    GThread *t = g_thread_try_new("sk-signals", signal_watcher, NULL, NULL);
    if (t == NULL)
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    else
        g_thread_unref(t);
}

/* $SAMENKAART_FAULT in a build with fault injection: N fails the N-th output operation, 0
** only counts them; either way the count is reported at the end. */
static int
fault_requested(long *n)
{
#ifdef SK_CLI_FAULT_INJECTION
    const char *env = g_getenv("SAMENKAART_FAULT");
    if (env == NULL || env[0] == '\0')
        return 0;
    *n = strtol(env, NULL, 10);
    return 1;
#else
    (void)n;
    return 0;
#endif
}

int
cli_run_begin(cli_run *r, const gboolean *quiet)
{
    r->outputs = NULL;
    r->ctx = sk_ctx_new();
    if (r->ctx == NULL) {
        fprintf(stderr, "samenkaart: out of memory\n");
        return EXIT_RUNTIME;
    }
    sk_ctx_set_warning_handler(r->ctx, print_warning, (void *)quiet);
    long n = 0;
    if (fault_requested(&n))
        sk_ctx_set_fault(r->ctx, n);
    r->outputs = sk_outputs_new(r->ctx);
    if (r->outputs == NULL)
        return fail(r->ctx);
    watch(r->outputs);
    return EXIT_OK;
}

int
cli_run_input(cli_run *r, const char *path, const char *option)
{
    sk_outputs_add_input(r->outputs, path, option);
    return EXIT_OK;
}

int
cli_run_output(cli_run *r, const char *path, const char *option)
{
    return sk_outputs_add(r->outputs, path, option) == SK_OK ? EXIT_OK : fail(r->ctx);
}

int
cli_run_end(cli_run *r, int rc)
{
    if (r->ctx == NULL)
        return rc;
    if (rc == EXIT_OK && r->outputs != NULL && sk_outputs_commit(r->outputs) != SK_OK)
        rc = sk_outputs_written(r->outputs) ? fail_after_written(r->ctx) : fail(r->ctx);
    watch(NULL);
    sk_outputs_free(r->outputs);
    long n = 0;
    if (fault_requested(&n))
        fprintf(stderr, "samenkaart: fault points: %ld\n", sk_ctx_fault_points(r->ctx));
    sk_ctx_free(r->ctx);
    r->ctx = NULL;
    r->outputs = NULL;
    return rc;
}

static int
stdout_failed(int e)
{
    fprintf(stderr, "samenkaart: standard output: cannot write: %s\n",
            g_strerror(e != 0 ? e : EIO));
    return EXIT_INPUT;
}

int
cli_stdout(const char *text)
{
    errno = 0;
    if (fputs(text, stdout) < 0 || fflush(stdout) != 0)
        return stdout_failed(errno);
    return EXIT_OK;
}

int
cli_stdout_close(int rc)
{
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = errno;
        clearerr(stdout);
        /* Said once: a command that already failed on it reported it. */
        return rc == EXIT_OK ? stdout_failed(e) : rc;
    }
    return rc;
}
