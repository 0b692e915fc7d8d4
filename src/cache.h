/* A cache of prepared data on disk, so repeated runs skip work whose inputs did not change.
**
** An entry is found by a key: a digest of the parameters and the identity (path, size,
** modification and change times, inode) of every file of every named source: the file and
** its siblings with the same stem (a shapefile's .shx, .dbf, .prj, .cpg …).  It is used only
** while every file the read that made it touched is as it was: the entry records them as
** the read reported them (GDAL's file list: a VRT's sources, a shapefile's sidecars, the
** membership table), with the sources every VRT among them names and the siblings of each;
** one changed, added or vanished gives a miss, and the next read replaces the entry.  A read
** whose files changed too recently for their times to show a later change (within the file
** system's time granularity) is not stored.  Entries are written to a temporary file and
** renamed, carry a checksum, and are ignored when damaged: the cache can make a run faster,
** never different.  The directory is kept under a size cap (sk_ctx_set_cache_max_mb) by
** removing the least recently used entries; a hit marks its entry used. */
#ifndef SK_CACHE_H
#define SK_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"

typedef struct sk__cache_key {
    char kind[16];   /* what is cached: entries are named KIND-DIGEST.skc */
    char hex[65];
} sk__cache_key;

/* Compute the key of sources (paths or OGR connection strings; NULL entries are skipped)
** and params (NULL entries count as absent).  Returns 0 when a source is not a set of local
** files (a database connection, a missing file): such inputs are not cached. */
int sk__cache_make_key(const char *kind, const char *const *sources, size_t nsources,
                       const char *const *params, size_t nparams, sk__cache_key *key);

/* A read from the sources being recorded for its entry: every path noted on ctx meanwhile
** (sk__ctx_note_input: the back-end's file lists), and when it started. */
typedef struct sk__cache_reading {
    sk_ctx *ctx;
    GPtrArray *files;
    gint64 started;
} sk__cache_reading;

/* Start recording before the read; end after sk__cache_write (or instead of it). */
void sk__cache_reading_start(sk__cache_reading *r, sk_ctx *ctx);
void sk__cache_reading_end(sk__cache_reading *r);

/* The payload of the entry for key in dir, or NULL when there is none, it is damaged or a
** file it was made from changed.  A hit notes those files on ctx as inputs of the run and
** marks the entry used.  Free with g_bytes_unref. */
GBytes *sk__cache_read(sk_ctx *ctx, const char *dir, const sk__cache_key *key);

/* Store payload, made by the read r recorded, for key in dir (created if needed), then
** remove the least recently used entries over the cap.  Best effort: failures are ignored,
** the cache is an optimisation. */
void sk__cache_write(const char *dir, const sk__cache_key *key, const sk__cache_reading *r,
                     const GByteArray *payload);

/* Remove the least recently used entries of dir (KIND-DIGEST.skc; nothing else in it) until
** they total at most max bytes, keeping keep (an entry path); and temporary files of writers
** that died.  Safe beside other processes doing the same: a file gone meanwhile is fine. */
void sk__cache_evict(const char *dir, const char *keep, guint64 max);

/* Building and reading payloads. */
void sk__blob_put_u64(GByteArray *b, uint64_t v);
void sk__blob_put_f64s(GByteArray *b, const double *v, size_t n);
void sk__blob_put_str(GByteArray *b, const char *s);

typedef struct sk__blob {
    const guint8 *p, *end;
    int failed;     /* read past the end or a bad value: the whole payload is rejected */
} sk__blob;

uint64_t sk__blob_u64(sk__blob *b);
/* A count that must be at most limit (guards allocations against damaged payloads). */
size_t sk__blob_count(sk__blob *b, size_t limit);
void sk__blob_f64s(sk__blob *b, double *v, size_t n);
void sk__blob_bytes(sk__blob *b, void *v, size_t n);
char *sk__blob_str(sk__blob *b);   /* g_free it; "" after a failure */

#endif
