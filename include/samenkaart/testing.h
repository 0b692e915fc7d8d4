/* Fault injection, for tests in the spirit of SQLite's I/O-error tests: make the N-th output
** operation of a run fail, to prove that every failure is handled (an error and its message,
** nothing of the run left behind, no crash, no leak).  Not for production use. */
#ifndef SAMENKAART_TESTING_H
#define SAMENKAART_TESTING_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The operations that can be made to fail, counted together in the order they happen: the
** opening of an output file, each write of its buffer, its flush to disk, its rename into
** place, the allocation of a drawing surface and the start of a thread. */
typedef enum sk_fault_point {
    SK_FAULT_OPEN,
    SK_FAULT_WRITE,
    SK_FAULT_FLUSH,
    SK_FAULT_RENAME,
    SK_FAULT_SURFACE,
    SK_FAULT_THREAD
} sk_fault_point;

/* Make the n-th fault point passed through ctx (or a thread the library starts for it) fail,
** counting from 1; 0 makes none fail.  The count starts again at 0. */
SK_API void sk_ctx_set_fault(sk_ctx *ctx, long n);
/* The fault points passed so far (to know how many runs cover them all). */
SK_API long sk_ctx_fault_points(const sk_ctx *ctx);

#ifdef __cplusplus
}
#endif

#endif
