/*
** samenkaart — maps of how Dutch health insurers and municipalities work together.
**
** Public API.  Every fallible function returns an sk_status and keeps the first detailed
** message on its sk_ctx (read it back with sk_ctx_errmsg), as SQLite and cairo do.  Objects
** are opaque and come in _new/_free (or _load/_free) pairs; _free(NULL) is a no-op.  The
** library never prints and never exits; warnings go to a handler the caller installs.
**
** One sk_ctx per thread: a context is not shared between threads.  Loaded geography, projects
** and styles are read-only after loading and may be shared by any number of threads.
**
** Conventions of every header, so that each function need not repeat them:
**  - a function that makes an object in *out sets *out to NULL on failure; on success the
**    caller owns *out and frees it with the matching _free;
**  - strings and arrays returned by accessors are owned by the object they come from and
**    live as long as it does; string options are borrowed for the duration of the call;
**  - index arguments must be below the matching _count (they are not checked);
**  - errors: SK_EINPUT for data the user must fix, SK_EUSAGE for a bad argument or option,
**    SK_EIO when output cannot be written, SK_ERUNTIME when the system fails (the reader
**    back-end cannot be loaded, a thread cannot be started).
**
** Build against the installed library with `pkg-config --cflags --libs samenkaart`;
** examples/choropleth.c is a complete program.
*/
#ifndef SAMENKAART_H
#define SAMENKAART_H

#include <stddef.h>

#if defined(SK_BUILDING_LIBRARY)
#define SK_API __attribute__((visibility("default")))
#else
#define SK_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes.  Bad input (a file, value or argument the user must fix) is kept apart from
** runtime failures (I/O, memory) so the CLI can map them to exit status 2 and 1. */
typedef enum sk_status {
    SK_OK = 0,
    SK_EINPUT = 1,   /* bad input: unknown value, missing or unreadable file, bad layer */
    SK_EUSAGE = 2,   /* a bad argument or option value */
    SK_EIO = 3,      /* writing output failed */
    SK_ENOMEM = 4,   /* out of memory */
    SK_ERUNTIME = 5  /* any other runtime failure (library error) */
} sk_status;

/* The opaque objects, declared here once so every module header can name them. */
typedef struct sk_ctx sk_ctx;                     /* errors and warnings; one per thread */
typedef struct sk_geography sk_geography;         /* geography.h */
typedef struct sk_projects sk_projects;           /* projects.h */
typedef struct sk_points sk_points;               /* points.h */
typedef struct sk_mergers sk_mergers;             /* mergers.h */
typedef struct sk_filter sk_filter;               /* classify.h */
typedef struct sk_classification sk_classification; /* classify.h */
typedef struct sk_style sk_style;                 /* style.h */
typedef struct sk_map sk_map;                     /* map.h */
typedef struct sk_core_areas sk_core_areas;       /* compare.h */

/* Called with each warning (one line, no trailing newline).  The string is borrowed for the
** duration of the call. */
typedef void (*sk_warning_fn)(void *user_data, const char *message);

/* The library version, e.g. "0.1.0".  Static string. */
SK_API const char *sk_version(void);

/* The directory of the default data (boundaries, membership and project database of 2017):
** $SAMENKAART_DATA when set; else, for an installed library, <prefix>/share/samenkaart/data/
** nl2017 of its installation (found from where the library is); else the data/nl2017 of the
** source tree it was built from.  Static or environment string: do not free it. */
SK_API const char *sk_default_data_dir(void);

/* A short text for a status code.  Static string. */
SK_API const char *sk_strerror(sk_status status);

/* Create a context.  Returns NULL only when out of memory; free with sk_ctx_free. */
SK_API sk_ctx *sk_ctx_new(void);
/* Free a context and its message; NULL is a no-op. */
SK_API void sk_ctx_free(sk_ctx *ctx);

/* The status of the first error since creation or the last sk_ctx_clear_error. */
SK_API sk_status sk_ctx_status(const sk_ctx *ctx);

/* The first error's message ("" when none).  It may hold several lines: all errors found in
** one input file are reported together.  Owned by ctx; valid until the next call that
** clears or sets an error on ctx. */
SK_API const char *sk_ctx_errmsg(const sk_ctx *ctx);

/* Forget the current error so the context can be used again. */
SK_API void sk_ctx_clear_error(sk_ctx *ctx);

/* Install a warning handler (NULL, the default: drop warnings).  user_data is passed
** through.  The handler runs on the thread that warns: the caller's, or a thread the library
** starts for the call (the atlas's pages), never two at once. */
SK_API void sk_ctx_set_warning_handler(sk_ctx *ctx, sk_warning_fn fn, void *user_data);

/* The size cap of a cache directory (the options' cache_dir) for loads on ctx and the threads
** it starts: after writing an entry, the least recently used entries are removed until the
** directory's entries total at most megabytes MB (2^20 bytes); an entry larger than that is
** not written.  0: entries are read but never written.  Default 512. */
SK_API void sk_ctx_set_cache_max_mb(sk_ctx *ctx, size_t megabytes);

/* Write size bytes of data to path the way every output is written (outputs.h): staged under
** a temporary name in the same folder and renamed when complete, with the run open on ctx
** or at once, so that a failure leaves no partial file.  data is borrowed.  SK_EIO naming the
** path and the system's reason on failure; SK_EUSAGE when path is an input of the run. */
SK_API sk_status sk_write_file(sk_ctx *ctx, const char *path, const void *data, size_t size);

#ifdef __cplusplus
}
#endif

/* The module headers.  samenkaart/spec.h (map descriptions) needs the enums of classify.h
** complete, so it is not part of this list: include it after this header. */
#include "samenkaart/geography.h"
#include "samenkaart/mergers.h"
#include "samenkaart/projects.h"
#include "samenkaart/points.h"
#include "samenkaart/classify.h"
#include "samenkaart/style.h"
#include "samenkaart/map.h"
#include "samenkaart/atlas.h"
#include "samenkaart/stats.h"
#include "samenkaart/diff.h"
#include "samenkaart/panels.h"
#include "samenkaart/compare.h"
#include "samenkaart/outputs.h"

#endif
