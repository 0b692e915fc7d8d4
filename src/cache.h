/* A cache of prepared data on disk, so repeated runs skip work whose inputs did not change.
**
** An entry is keyed by a digest of the parameters and the identity (path, size, modification
** time, inode) of every file of every input source: the file and its siblings with the same
** stem (a shapefile's .shx, .dbf, .prj, .cpg …).  Any change to any of them gives another key.  Entries are
** written to a temporary file and renamed, carry a checksum, and are ignored when damaged:
** the cache can make a run faster, never different. */
#ifndef SK_CACHE_H
#define SK_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

typedef struct sk__cache_key {
    char kind[16];   /* what is cached: entries are named KIND-DIGEST.skc */
    char hex[65];
} sk__cache_key;

/* Compute the key of sources (paths or OGR connection strings; NULL entries are skipped)
** and params (NULL entries count as absent).  Returns 0 when a source is not a set of local
** files (a database connection, a missing file): such inputs are not cached. */
int sk__cache_make_key(const char *kind, const char *const *sources, size_t nsources,
                       const char *const *params, size_t nparams, sk__cache_key *key);

/* The payload of the entry for key in dir, or NULL when there is none or it is damaged.
** Free with g_bytes_unref. */
GBytes *sk__cache_read(const char *dir, const sk__cache_key *key);

/* Store payload for key in dir (created if needed).  Best effort: failures are ignored, the
** cache is an optimisation. */
void sk__cache_write(const char *dir, const sk__cache_key *key, const GByteArray *payload);

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
char *sk__blob_str(sk__blob *b);   /* g_free it; "" after a failure */

#endif
