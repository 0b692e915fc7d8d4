#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <zlib.h>
#include "cache.h"
#include "sk-config.h"

/* Bump when the payload layout changes or a reader reads the same file differently (4:
** sheets read with their first row as header). */
#define CACHE_FORMAT "samenkaart-cache-4"
static const char magic[8] = {'S', 'K', 'C', 'A', 'C', 'H', 'E', '1'};

static void
hash_str(GChecksum *c, const char *s)
{
    /* Length-prefixed so that ("ab", "c") and ("a", "bc") differ; NULL differs from "". */
    gint64 len = s != NULL ? (gint64)strlen(s) : -1;
    g_checksum_update(c, (const guchar *)&len, sizeof len);
    if (s != NULL)
        g_checksum_update(c, (const guchar *)s, (gssize)len);
}

static int
hash_file(GChecksum *c, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    char *absolute = g_canonicalize_filename(path, NULL);
    hash_str(c, absolute);
    g_free(absolute);
    gint64 id[6] = {(gint64)st.st_dev, (gint64)st.st_ino, (gint64)st.st_size,
                    (gint64)st.st_mtim.tv_sec, (gint64)st.st_mtim.tv_nsec,
                    (gint64)st.st_ctim.tv_sec};
    g_checksum_update(c, (const guchar *)id, sizeof id);
    return 1;
}

static int
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A source is its file and every file beside it with the same stem (a shapefile's .shx, .dbf,
** .prj, .cpg …), or every file of a directory source.  Listing them needs no GDAL: opening
** the dataset would parse its CRS, which costs more than the rest of a cached load.  Taking
** a file too many only costs a cache miss. */
static int
hash_source(GChecksum *c, const char *source)
{
    struct stat st;
    if (stat(source, &st) != 0)
        return 0;   /* not a local file: a database can change without a file telling us */
    /* A VRT names its sources itself: they can change without it (and the run must know
    ** them as inputs, which only reading tells). */
    size_t len = strlen(source);
    if (len >= 4 && g_ascii_strcasecmp(source + len - 4, ".vrt") == 0)
        return 0;
    int is_dir = S_ISDIR(st.st_mode);
    char *dir = is_dir ? g_strdup(source) : g_path_get_dirname(source);
    char *base = g_path_get_basename(source);
    char *dot = strrchr(base, '.');
    if (dot != NULL && !is_dir)
        dot[1] = '\0';     /* "gemeenten_2017." */
    GDir *d = g_dir_open(dir, 0, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL)
        if (is_dir || strcmp(name, base) == 0 || (dot != NULL && g_str_has_prefix(name, base)))
            g_ptr_array_add(names, g_strdup(name));
    if (d != NULL)
        g_dir_close(d);
    /* Directory order is arbitrary; the key must not be. */
    g_ptr_array_sort(names, compare_names);
    int ok = d != NULL && names->len > 0;
    for (guint i = 0; i < names->len && ok; i++) {
        char *path = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
        ok = hash_file(c, path);
        g_free(path);
    }
    g_ptr_array_free(names, TRUE);
    g_free(base);
    g_free(dir);
    return ok;
}

int
sk__cache_make_key(const char *kind, const char *const *sources, size_t nsources,
              const char *const *params, size_t nparams, sk__cache_key *key)
{
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    hash_str(c, CACHE_FORMAT);
    hash_str(c, SK_VERSION);
    hash_str(c, kind);
    for (size_t i = 0; i < nparams; i++)
        hash_str(c, params[i]);
    int ok = 1;
    for (size_t i = 0; i < nsources && ok; i++) {
        if (sources[i] == NULL)
            hash_str(c, NULL);
        else
            ok = hash_source(c, sources[i]);
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

/* Entry layout: magic, key (64 hex), payload length (u64), adler32 of payload (u64), payload. */
enum { HEADER = 8 + 64 + 8 + 8 };

GBytes *
sk__cache_read(const char *dir, const sk__cache_key *key)
{
    char *path = entry_path(dir, key);
    char *data = NULL;
    gsize len = 0;
    gboolean ok = g_file_get_contents(path, &data, &len, NULL);
    g_free(path);
    if (!ok)
        return NULL;
    uint64_t plen = 0, sum = 0;
    if (len >= HEADER) {
        memcpy(&plen, data + 72, sizeof plen);
        memcpy(&sum, data + 80, sizeof sum);
    }
    if (len < HEADER || memcmp(data, magic, 8) != 0 || memcmp(data + 8, key->hex, 64) != 0 ||
        plen != len - HEADER ||
        sum != adler32(adler32(0, NULL, 0), (const Bytef *)data + HEADER, (uInt)plen)) {
        g_free(data);
        return NULL;
    }
    GBytes *all = g_bytes_new_take(data, len);
    GBytes *payload = g_bytes_new_from_bytes(all, HEADER, len - HEADER);
    g_bytes_unref(all);
    return payload;
}

void
sk__cache_write(const char *dir, const sk__cache_key *key, const GByteArray *payload)
{
    if (g_mkdir_with_parents(dir, 0755) != 0)
        return;
    char *path = entry_path(dir, key);
    char *temp = g_strdup_printf("%s.XXXXXX", path);
    int fd = g_mkstemp(temp);
    if (fd >= 0) {
        uint64_t plen = payload->len;
        uint64_t sum = adler32(adler32(0, NULL, 0), payload->data, payload->len);
        GByteArray *head = g_byte_array_sized_new(HEADER);
        g_byte_array_append(head, (const guint8 *)magic, 8);
        g_byte_array_append(head, (const guint8 *)key->hex, 64);
        g_byte_array_append(head, (const guint8 *)&plen, sizeof plen);
        g_byte_array_append(head, (const guint8 *)&sum, sizeof sum);
        FILE *fp = fdopen(fd, "wb");
        int good = fp != NULL && fwrite(head->data, 1, head->len, fp) == head->len &&
                   fwrite(payload->data, 1, payload->len, fp) == payload->len;
        good = fp != NULL && fclose(fp) == 0 && good;
        if (fp == NULL)
            close(fd);
        if (!good || g_rename(temp, path) != 0)
            g_unlink(temp);
        g_byte_array_unref(head);
    }
    g_free(temp);
    g_free(path);
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

char *
sk__blob_str(sk__blob *b)
{
    size_t n = sk__blob_count(b, (size_t)(b->end - b->p));
    char *s = g_malloc(n + 1);
    take(b, s, n);
    s[b->failed ? 0 : n] = '\0';
    return s;
}
