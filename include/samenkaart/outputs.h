/* The outputs of a run: every file a run writes, written all or nothing, never over an input.
**
** While an sk_outputs is open on a context, every file the library writes through that
** context (or a thread the library starts for it) is staged: written and flushed under a
** temporary name `.NAME.sk-PID-XXXXXX` in its target folder.  sk_outputs_commit renames them
** all into place; if anything failed, or the run is freed or discarded before the commit,
** every temporary file is removed and nothing of the run remains (files it would have
** replaced keep their old contents).  Without an open sk_outputs, each call that writes
** (sk_map_render, sk_write_file, …) is a run of its own.
**
** Targets are resolved first: a symbolic link is followed and its target replaced (the link
** stays); an existing device or FIFO is written directly, after every regular file has been
** committed, and is therefore outside the all-or-nothing guarantee; a folder is an error.
** An output that resolves to an input of the run (named with sk_outputs_add_input, or a file
** the library read through the context) or to another output of the run is refused before
** anything is written, naming both.  Temporary files of runs whose process is gone are
** removed from a folder the first time a run writes there; those of live runs are left. */
#ifndef SAMENKAART_OUTPUTS_H
#define SAMENKAART_OUTPUTS_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sk_outputs sk_outputs;

/* Open a run on ctx (which must outlive it).  NULL, with an SK_EUSAGE error on ctx, when ctx
** already has one open; NULL when out of memory.  Free with sk_outputs_free. */
SK_API sk_outputs *sk_outputs_new(sk_ctx *ctx);
/* Close the run: whatever was not committed is removed.  NULL is a no-op. */
SK_API void sk_outputs_free(sk_outputs *outputs);

/* Name an input of the run: no output may resolve to it.  what says how the user named it
** (e.g. "--projects"); both are copied.  A path that names no file (a database connection)
** is kept for comparison by name only. */
SK_API sk_status sk_outputs_add_input(sk_outputs *outputs, const char *path, const char *what);
/* Name an output before anything is written, so that a mistake costs nothing: SK_EUSAGE,
** naming both, when path is empty, is a folder, lies in a folder that does not exist, or
** resolves to an input or to another output named so far. */
SK_API sk_status sk_outputs_add(sk_outputs *outputs, const char *path, const char *what);

/* Rename every staged file into place (on failure: none, and the replaced files restored),
** then write the staged devices and FIFOs.  The run is closed afterwards either way. */
SK_API sk_status sk_outputs_commit(sk_outputs *outputs);
/* Whether the commit put the run's files in place (also when a device or FIFO written after
** them failed: the commit's error then says so). */
SK_API int sk_outputs_written(const sk_outputs *outputs);
/* Remove every staged temporary file now and close the run: later writes fail.  The one call
** that may come from another thread while the run is writing (a signal handler's thread); a
** commit in progress is finished first. */
SK_API void sk_outputs_discard(sk_outputs *outputs);

#ifdef __cplusplus
}
#endif

#endif
