/* The run's files as the sink writes them (outputs.c): staging under a temporary name, the
** writes, the flush.  The sink (sink.c) buffers and calls these; the guarantees (never over
** an input, all or nothing, devices and links) live in outputs.c. */
#ifndef SK_OUTPUTS_INTERNAL_H
#define SK_OUTPUTS_INTERNAL_H

#include <stddef.h>
#include "samenkaart/outputs.h"

typedef struct sk__staged sk__staged;   /* one output file of a run; owned by the run */

/* A run of its own for one call, not open on ctx (sk_outputs_free it). NULL: out of memory. */
sk_outputs *sk__outputs_private(sk_ctx *ctx);
/* Stage path in run: resolve it, check it against the inputs and the run's other outputs,
** create its temporary file (or, for a device, a buffer).  Errors go on ctx (the calling
** thread's context); the run is failed with them. */
sk_status sk__outputs_stage(sk_ctx *ctx, sk_outputs *run, const char *path, sk__staged **out);
/* Append size bytes; 0 or the errno of the failure. */
int sk__staged_write(sk_ctx *ctx, sk__staged *f, const void *data, size_t size);
/* Flush to disk and close; SK_EIO on ctx (and on the run) on failure. */
sk_status sk__staged_finish(sk_ctx *ctx, sk__staged *f, int write_errno);
/* The path as named (for messages). */
const char *sk__staged_path(const sk__staged *f);
/* Remove path when the run commits (an atlas's pages of an earlier run it does not write
** again); copied. */
void sk__outputs_remove_after_commit(sk_outputs *run, const char *path);
/* path, a folder made for the run (an atlas's): removed again, if empty, unless the run
** commits; copied.  Parents before their children. */
void sk__outputs_made_folder(sk_outputs *run, const char *path);
/* The paths (as named) of the files staged in run from the first-th on, in staging order;
** NULL-terminated (g_strfreev).  The number staged so far: g_strv_length of first = 0. */
char **sk__outputs_staged_paths(sk_outputs *run, unsigned first);

/* Keep fd open until the run is freed, after its commit (a lock on an atlas's folder); the
** run closes it. */
void sk__outputs_hold(sk_outputs *run, int fd);

#endif
