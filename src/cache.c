#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <zlib.h>
#include "bigmem.h"
#include "cache.h"
#include "cachefiles.h"
#include "internal.h"
#include "sk-config.h"

/* Bump when the payload layout changes or a reader reads the same file differently (5:
** change times to the nanosecond, VRT sources cached with the files they name). */
#define CACHE_FORMAT "samenkaart-cache-5"
static const char magic[8] = {'S', 'K', 'C', 'A', 'C', 'H', 'E', '2'};

/* A temporary file of a writer that died is removed after this long. */
#define STALE_TEMP_US ((gint64)3600 * G_USEC_PER_SEC)

int
sk__cache_make_key(const char *kind, const char *const *sources, size_t nsources,
              const char *const *params, size_t nparams, sk__cache_key *key)
{
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    sk__cache_hash_str(c, CACHE_FORMAT);
    sk__cache_hash_str(c, SK_VERSION);
    sk__cache_hash_str(c, kind);
    for (size_t i = 0; i < nparams; i++)
        sk__cache_hash_str(c, params[i]);
    int ok = 1;
    for (size_t i = 0; i < nsources && ok; i++) {
        if (sources[i] == NULL)
            sk__cache_hash_str(c, NULL);
        else
            ok = sk__cache_hash_source(c, sources[i], NULL);
    }
    if (ok) {
        g_strlcpy(key->kind, kind, sizeof key->kind);
        g_strlcpy(key->hex, g_checksum_get_string(c), sizeof key->hex);
    }
    g_checksum_free(c);
    return ok;
}

static char *
entry_path(const char *dir, const sk__cache_key *key)
{
    char *name = g_strdup_printf("%s-%s.skc", key->kind, key->hex);
    char *path = g_build_filename(dir, name, NULL);
    g_free(name);
    return path;
}

void
sk__cache_reading_start(sk__cache_reading *r, sk_ctx *ctx)
{
    r->ctx = ctx;
    r->files = g_ptr_array_new_with_free_func(g_free);
    r->started = g_get_real_time();
    sk__ctx_record_inputs(ctx, r->files, 1);
}

void
sk__cache_reading_end(sk__cache_reading *r)
{
    sk__ctx_record_inputs(r->ctx, r->files, 0);
    g_ptr_array_unref(r->files);
    r->files = NULL;
}

/* Entry layout: magic, key (64 hex), body length (u64), adler32 of body (u64), body.  The
** body: the number of files, each file's path and group digest (32 bytes), the payload. */
enum { HEADER = 8 + 64 + 8 + 8, DIGEST = 32 };

/* Whether every file the entry was made from is as it was then; its paths go to files. */
static int
files_unchanged(sk__blob *b, GPtrArray *files)
{
    size_t n = sk__blob_count(b, (size_t)(b->end - b->p) / (8 + DIGEST));
    for (size_t i = 0; i < n && !b->failed; i++) {
        char *path = sk__blob_str(b);
        guint8 was[DIGEST], now[DIGEST];
        sk__blob_bytes(b, was, DIGEST);
        g_ptr_array_add(files, path);
        if (!b->failed && (!sk__cache_group_digest(path, now, NULL) ||
                           memcmp(was, now, DIGEST) != 0))
            return 0;
    }
    return !b->failed;
}

/* An entry's buffer: a large one (the boundaries, a big table) on huge pages (bigmem.h), a
** small one from malloc, where a mapping of its own would cost more than it saves. */
#define ENTRY_BIG ((gsize)1 << 20)

static char *
entry_alloc(gsize size)
{
    return size >= ENTRY_BIG ? sk__bigmem_alloc(size) : g_try_malloc(size > 0 ? size : 1);
}

static void
entry_free(char *data, gsize size)
{
    if (size >= ENTRY_BIG)
        sk__bigmem_free(data, size);
    else
        g_free(data);
}

/* The bytes of an entry (entry_free them), or 0 when it is not a regular file that reads
** whole: anything else put in its place (a FIFO, a device) is ignored, never waited on. */
static int
read_entry(const char *path, char **data, gsize *len)
{
    *data = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
        (guint64)st.st_size > G_MAXSIZE / 2) {
        close(fd);
        return 0;
    }
    gsize size = (gsize)st.st_size, got = 0;
    char *buf = entry_alloc(size);
    if (buf == NULL) {
        close(fd);
        return 0;
    }
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (gsize)n;
    }
    close(fd);
    if (got != size) {
        entry_free(buf, size);
        return 0;
    }
    *data = buf;
    *len = size;
    return 1;
}

GBytes *
sk__cache_read(sk_ctx *ctx, const char *dir, const sk__cache_key *key)
{
    char *path = entry_path(dir, key);
    char *data = NULL;
    gsize len = 0;
    if (!read_entry(path, &data, &len)) {
        g_free(path);
        return NULL;
    }
    uint64_t blen = 0, sum = 0;
    if (len >= HEADER) {
        memcpy(&blen, data + 72, sizeof blen);
        memcpy(&sum, data + 80, sizeof sum);
    }
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    sk__blob b = {(const guint8 *)data + HEADER, (const guint8 *)data + len, 0};
    int ok = len >= HEADER && memcmp(data, magic, 8) == 0 &&
             memcmp(data + 8, key->hex, 64) == 0 && blen == len - HEADER &&
             sum == adler32(adler32(0, NULL, 0), (const Bytef *)data + HEADER, (uInt)blen) &&
             files_unchanged(&b, files);
    GBytes *payload = NULL;
    if (ok) {
        GBytes *all = len >= ENTRY_BIG ? sk__bigmem_bytes(data, len) : g_bytes_new_take(data, len);
        payload = g_bytes_new_from_bytes(all, (gsize)(b.p - (const guint8 *)data),
                                         (gsize)(b.end - b.p));
        g_bytes_unref(all);
        /* Its files are this run's inputs as much as when they were read. */
        for (guint i = 0; i < files->len; i++)
            sk__ctx_note_input(ctx, g_ptr_array_index(files, i));
        /* Used now: the last to be evicted (the modification time; access times are often
        ** not kept). */
        g_utime(path, NULL);
    } else {
        entry_free(data, len);
    }
    g_ptr_array_free(files, TRUE);
    g_free(path);
    return payload;
}

/* The files section of r's entry, or NULL when the read is not to be stored: a file is not
** local, or changed so recently that a change after the read could leave its times as
** they are. */
static GByteArray *
record_files(const sk__cache_reading *r)
{
    GPtrArray *groups = sk__cache_groups(r->files);
    if (groups == NULL)
        return NULL;
    GByteArray *b = g_byte_array_new();
    sk__blob_put_u64(b, groups->len);
    sk__cache_stamp stamp = {0};
    int ok = 1;
    for (guint i = 0; i < groups->len && ok; i++) {
        guint8 digest[DIGEST];
        ok = sk__cache_group_digest(g_ptr_array_index(groups, i), digest, &stamp);
        sk__blob_put_str(b, g_ptr_array_index(groups, i));
        g_byte_array_append(b, digest, DIGEST);
    }
    g_ptr_array_unref(groups);
    if (!ok || stamp.settled > r->started)
        g_clear_pointer(&b, g_byte_array_unref);
    return b;
}

/* Write the entry to a temporary file renamed into place; 0 when that failed. */
static int
store(const char *path, const sk__cache_key *key, const GByteArray *files,
      const GByteArray *payload)
{
    char *temp = g_strdup_printf("%s.XXXXXX", path);
    int fd = g_mkstemp(temp), good = 0;
    if (fd >= 0) {
        uint64_t blen = files->len + payload->len;
        uLong sum = adler32(adler32(0, NULL, 0), files->data, files->len);
        uint64_t sum64 = adler32(sum, payload->data, payload->len);
        GByteArray *head = g_byte_array_sized_new(HEADER);
        g_byte_array_append(head, (const guint8 *)magic, 8);
        g_byte_array_append(head, (const guint8 *)key->hex, 64);
        g_byte_array_append(head, (const guint8 *)&blen, sizeof blen);
        g_byte_array_append(head, (const guint8 *)&sum64, sizeof sum64);
        FILE *fp = fdopen(fd, "wb");
        good = fp != NULL && fwrite(head->data, 1, head->len, fp) == head->len &&
               fwrite(files->data, 1, files->len, fp) == files->len &&
               fwrite(payload->data, 1, payload->len, fp) == payload->len;
        good = fp != NULL && fclose(fp) == 0 && good;
        if (fp == NULL)
            close(fd);
        good = good && g_rename(temp, path) == 0;
        if (!good)
            g_unlink(temp);
        g_byte_array_unref(head);
    }
    g_free(temp);
    return good;
}

void
sk__cache_write(const char *dir, const sk__cache_key *key, const sk__cache_reading *r,
                const GByteArray *payload)
{
    guint64 max = sk__ctx_cache_max(r->ctx);
    GByteArray *files = max > 0 ? record_files(r) : NULL;
    /* An entry larger than the cap would only evict everything else, then itself. */
    if (files == NULL || HEADER + (guint64)files->len + payload->len > max ||
        g_mkdir_with_parents(dir, 0755) != 0) {
        if (files != NULL)
            g_byte_array_unref(files);
        return;
    }
    char *path = entry_path(dir, key);
    if (store(path, key, files, payload))
        sk__cache_evict(dir, path, max);
    g_byte_array_unref(files);
    g_free(path);
}

/* ---- the size cap ------------------------------------------------------------------- */

typedef struct entry_file {
    char *path;
    gint64 used;     /* modification time, µs: a hit refreshes it */
    guint64 size;
} entry_file;

/* "KIND-<64 hex>.skc", and with temp set "KIND-<64 hex>.skc.XXXXXX" (being written). */
static int
is_entry_name(const char *name, int temp)
{
    const char *dash = strrchr(name, '-');
    if (dash == NULL || dash == name)
        return 0;
    for (int i = 1; i <= 64; i++)
        if (!g_ascii_isxdigit(dash[i]))
            return 0;
    const char *rest = dash + 65;
    return temp ? g_str_has_prefix(rest, ".skc.") && strlen(rest) == 11
                : strcmp(rest, ".skc") == 0;
}

static int
compare_use(const void *a, const void *b)
{
    const entry_file *x = a, *y = b;
    if (x->used != y->used)
        return x->used < y->used ? -1 : 1;
    return strcmp(x->path, y->path);
}

/* The entries of dir, their total size in *total. */
static GArray *
list_entries(const char *dir, guint64 *total)
{
    GArray *entries = g_array_new(FALSE, FALSE, sizeof(entry_file));
    *total = 0;
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    gint64 now = g_get_real_time();
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        int entry = is_entry_name(name, 0), temp = !entry && is_entry_name(name, 1);
        char *path = entry || temp ? g_build_filename(dir, name, NULL) : NULL;
        struct stat st;
        if (path == NULL || g_stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            g_free(path);
            continue;
        }
        gint64 used = (gint64)st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
        if (temp) {
            if (now - used > STALE_TEMP_US)
                g_unlink(path);
            g_free(path);
            continue;
        }
        entry_file e = {path, used, (guint64)st.st_size};
        g_array_append_val(entries, e);
        *total += e.size;
    }
    if (d != NULL)
        g_dir_close(d);
    return entries;
}

void
sk__cache_evict(const char *dir, const char *keep, guint64 max)
{
    guint64 total;
    GArray *entries = list_entries(dir, &total);
    g_array_sort(entries, compare_use);
    for (guint i = 0; i < entries->len; i++) {
        entry_file *e = &g_array_index(entries, entry_file, i);
        /* Gone already (another process evicted it): it no longer counts either. */
        if (total > max && strcmp(e->path, keep) != 0 &&
            (g_unlink(e->path) == 0 || errno == ENOENT))
            total -= e->size;
        g_free(e->path);
    }
    g_array_free(entries, TRUE);
}

void
sk__blob_put_u64(GByteArray *b, uint64_t v)
{
    g_byte_array_append(b, (const guint8 *)&v, sizeof v);
}

void
sk__blob_put_f64s(GByteArray *b, const double *v, size_t n)
{
    g_byte_array_append(b, (const guint8 *)v, (guint)(n * sizeof *v));
}

void
sk__blob_put_str(GByteArray *b, const char *s)
{
    size_t n = strlen(s);
    sk__blob_put_u64(b, n);
    g_byte_array_append(b, (const guint8 *)s, (guint)n);
}

static int
take(sk__blob *b, void *dst, size_t n)
{
    if (b->failed || (size_t)(b->end - b->p) < n) {
        b->failed = 1;
        if (dst != NULL)
            memset(dst, 0, n);
        return 0;
    }
    if (dst != NULL)
        memcpy(dst, b->p, n);
    b->p += n;
    return 1;
}

uint64_t
sk__blob_u64(sk__blob *b)
{
    uint64_t v;
    take(b, &v, sizeof v);
    return v;
}

size_t
sk__blob_count(sk__blob *b, size_t limit)
{
    uint64_t v = sk__blob_u64(b);
    if (v > limit) {
        b->failed = 1;
        return 0;
    }
    return (size_t)v;
}

void
sk__blob_f64s(sk__blob *b, double *v, size_t n)
{
    take(b, v, n * sizeof *v);
}

void
sk__blob_bytes(sk__blob *b, void *v, size_t n)
{
    take(b, v, n);
}

char *
sk__blob_str(sk__blob *b)
{
    size_t n = sk__blob_count(b, (size_t)(b->end - b->p));
    char *s = g_malloc(n + 1);
    take(b, s, n);
    s[b->failed ? 0 : n] = '\0';
    return s;
}
