/* Internal helpers shared by the library's modules (prefix sk__).  Not installed. */
#ifndef SK_INTERNAL_H
#define SK_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"
#include "samenkaart/outputs.h"
#include "samenkaart/testing.h"

/* Record an error on ctx unless one is already there: the first error is the most
** significant one (as in cairo).  Returns status so callers can `return sk__error(…)`. */
sk_status sk__error(sk_ctx *ctx, sk_status status, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
/* Pass a warning to the context's handler, if any. */
void sk__warn(sk_ctx *ctx, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* The context's warning handler, e.g. to wrap it. */
void sk__ctx_warning_handler(const sk_ctx *ctx, sk_warning_fn *fn, void **user_data);

/* A list of input problems found in one file: collected while reading so that every problem
** is reported in one run, then turned into one error. */
typedef struct sk__diagnostics {
    GString *text;
    size_t count;
} sk__diagnostics;

void sk__diagnostics_init(sk__diagnostics *diags);
void sk__diagnostics_add(sk__diagnostics *diags, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* If any problems were collected, set them on ctx as one SK_EINPUT error and return
** SK_EINPUT; else SK_OK.  Frees the list either way. */
sk_status sk__diagnostics_finish(sk__diagnostics *diags, sk_ctx *ctx);

/* Start a thread with g_thread_try_new (g_thread_new aborts the process when it cannot make
** one).  On failure: an SK_ERUNTIME error on ctx naming the thread and the system's reason,
** and *out NULL; the caller joins nothing and fails. */
sk_status sk__thread_start(sk_ctx *ctx, const char *name, GThreadFunc fn, void *data,
                           GThread **out);


/* A context for a thread the library starts for ctx's work: its own error, but the run's
** outputs, inputs and fault count are ctx's (which must outlive it).  NULL when out of
** memory.  Free with sk_ctx_free. */
sk_ctx *sk__ctx_child(sk_ctx *parent);
/* Remember that the run read path (a source, style or atlas file): no output may replace it.
** Thread-safe. */
void sk__ctx_note_input(sk_ctx *ctx, const char *path);
/* The inputs noted so far, NULL-terminated; free with g_strfreev. */
char **sk__ctx_inputs(sk_ctx *ctx);
/* Start (on) or stop adding every path noted on ctx, or on a context sharing its run, to into
** (char *, as given to sk__ctx_note_input): what a read touched, for its cache entry. */
void sk__ctx_record_inputs(sk_ctx *ctx, GPtrArray *into, int on);
/* The bytes a cache directory may hold (sk_ctx_set_cache_max_mb; 0: write nothing). */
guint64 sk__ctx_cache_max(sk_ctx *ctx);
/* The archive a /vsizip/, /vsitar/ … path reads from, or NULL; caller frees. */
char *sk__archive_of(const char *path);
/* The run open on ctx (or on its parent), or NULL. */
sk_outputs *sk__ctx_outputs(sk_ctx *ctx);
/* Open (outputs) or close (NULL) the run on ctx; 0 when one is open already. */
int sk__ctx_attach_outputs(sk_ctx *ctx, sk_outputs *outputs);
/* Whether this fault point is the one to fail (sk_ctx_set_fault); counts it.  Thread-safe. */
int sk__fault(sk_ctx *ctx, sk_fault_point point);
#endif
