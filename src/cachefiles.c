/* The files of a cache entry (cachefiles.h): their identities in groups of same-stem
** siblings, and the sources VRTs name, found without GDAL. */
#include <string.h>
#include <sys/stat.h>
#include "cachefiles.h"
#include "internal.h"

/* Changes closer together than this cannot be told apart by a file's times: the kernel's
** clock tick on file systems with fine times, and FAT's two seconds on those whose times are
** whole seconds. */
#define FINE_GRANULARITY_US (50 * 1000)
#define COARSE_GRANULARITY_US (2 * 1000 * 1000)

/* More files than this (VRTs naming VRTs …) are not cached. */
#define MAX_FILES 4096

void
sk__cache_hash_str(GChecksum *c, const char *s)
{
    /* Length-prefixed so that ("ab", "c") and ("a", "bc") differ; NULL differs from "". */
    gint64 len = s != NULL ? (gint64)strlen(s) : -1;
    g_checksum_update(c, (const guchar *)&len, sizeof len);
    if (s != NULL)
        g_checksum_update(c, (const guchar *)s, (gssize)len);
}

static void
raise_stamp(sk__cache_stamp *stamp, const struct stat *st)
{
    gint64 m = (gint64)st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
    gint64 c = (gint64)st->st_ctim.tv_sec * G_USEC_PER_SEC + st->st_ctim.tv_nsec / 1000;
    int coarse = st->st_mtim.tv_nsec == 0 && st->st_ctim.tv_nsec == 0;
    gint64 settled = MAX(m, c) + (coarse ? COARSE_GRANULARITY_US : FINE_GRANULARITY_US);
    stamp->settled = MAX(stamp->settled, settled);
}

static int
hash_file(GChecksum *c, const char *path, sk__cache_stamp *stamp)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    char *absolute = g_canonicalize_filename(path, NULL);
    sk__cache_hash_str(c, absolute);
    g_free(absolute);
    /* The change time too: it cannot be set back (cp -p, touch -r and rsync -t set the
    ** modification time back, not it). */
    gint64 id[7] = {(gint64)st.st_dev, (gint64)st.st_ino, (gint64)st.st_size,
                    (gint64)st.st_mtim.tv_sec, (gint64)st.st_mtim.tv_nsec,
                    (gint64)st.st_ctim.tv_sec, (gint64)st.st_ctim.tv_nsec};
    g_checksum_update(c, (const guchar *)id, sizeof id);
    if (stamp != NULL)
        raise_stamp(stamp, &st);
    return 1;
}

static int
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A source's group: the file and every file beside it starting with its stem and a dot
** ("gemeenten_2017."), or every file of a folder source. */
typedef struct group {
    char *dir;
    char *name;    /* NULL: every file of dir */
    char *stem;    /* "gemeenten_2017." or NULL (no dot) */
} group;

static int
group_of(const char *source, group *g)
{
    memset(g, 0, sizeof *g);
    struct stat st;
    if (stat(source, &st) != 0)
        return 0;   /* not a local file: a database can change without a file telling us */
    if (S_ISDIR(st.st_mode)) {
        g->dir = g_strdup(source);
        return 1;
    }
    g->dir = g_path_get_dirname(source);
    g->name = g_path_get_basename(source);
    char *dot = strrchr(g->name, '.');
    if (dot != NULL)
        g->stem = g_strndup(g->name, (gsize)(dot - g->name) + 1);
    return 1;
}

static void
group_clear(group *g)
{
    g_free(g->dir);
    g_free(g->name);
    g_free(g->stem);
}

/* Maps and world files beside a source ("gemeenten_2017.png") are no sidecars GDAL reads:
** left out, a map written beside its data does not make every later run a miss. */
static int
is_map(const char *name)
{
    static const char *const kinds[] = {".png", ".pgw", ".pdf", ".svg"};
    size_t len = strlen(name);
    for (size_t i = 0; i < G_N_ELEMENTS(kinds) && len >= 4; i++)
        if (g_ascii_strcasecmp(name + len - 4, kinds[i]) == 0)
            return 1;
    return 0;
}

/* Listing the group needs no GDAL: opening the dataset would parse its CRS, which costs more
** than the rest of a cached load.  Taking a file too many only costs a cache miss. */
int
sk__cache_hash_source(GChecksum *c, const char *source, sk__cache_stamp *stamp)
{
    group g;
    if (!group_of(source, &g))
        return 0;
    GDir *d = g_dir_open(g.dir, 0, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL)
        if (g.name == NULL || strcmp(name, g.name) == 0 ||
            (g.stem != NULL && g_str_has_prefix(name, g.stem) && !is_map(name)))
            g_ptr_array_add(names, g_strdup(name));
    if (d != NULL)
        g_dir_close(d);
    /* Directory order is arbitrary; the key must not be. */
    g_ptr_array_sort(names, compare_names);
    int ok = d != NULL && names->len > 0;
    for (guint i = 0; i < names->len && ok; i++) {
        char *path = g_build_filename(g.dir, g_ptr_array_index(names, i), NULL);
        ok = hash_file(c, path, stamp);
        g_free(path);
    }
    g_ptr_array_free(names, TRUE);
    group_clear(&g);
    return ok;
}

int
sk__cache_group_digest(const char *path, guint8 digest[32], sk__cache_stamp *stamp)
{
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    int ok = sk__cache_hash_source(c, path, stamp);
    gsize len = 32;
    g_checksum_get_digest(c, digest, &len);
    g_checksum_free(c);
    return ok && len == 32;
}

/* ---- the sources a VRT names -------------------------------------------------------- */

typedef struct vrt_parse {
    char *dir;            /* the VRT's folder, for sources relativeToVRT */
    GPtrArray *sources;   /* char *, as GDAL opens them */
    GString *text;        /* of the SrcDataSource being read, else NULL */
    int relative;
} vrt_parse;

static void
vrt_start(GMarkupParseContext *pc, const char *element, const char **names,
          const char **values, gpointer data, GError **error)
{
    (void)pc;
    (void)error;
    vrt_parse *p = data;
    /* GDAL matches element and attribute names in any case. */
    if (g_ascii_strcasecmp(element, "SrcDataSource") != 0)
        return;
    if (p->text == NULL)
        p->text = g_string_new(NULL);
    p->relative = 0;
    for (size_t i = 0; names[i] != NULL; i++) {
        const char *v = values[i];
        /* CPLTestBool: anything but these is true. */
        if (g_ascii_strcasecmp(names[i], "relativeToVRT") == 0)
            p->relative = g_ascii_strcasecmp(v, "no") != 0 &&
                          g_ascii_strcasecmp(v, "false") != 0 &&
                          g_ascii_strcasecmp(v, "off") != 0 && strcmp(v, "0") != 0;
    }
}

static void
vrt_text(GMarkupParseContext *pc, const char *text, gsize len, gpointer data, GError **error)
{
    (void)pc;
    (void)error;
    vrt_parse *p = data;
    if (p->text != NULL)
        g_string_append_len(p->text, text, (gssize)len);
}

static void
vrt_end(GMarkupParseContext *pc, const char *element, gpointer data, GError **error)
{
    (void)pc;
    (void)error;
    vrt_parse *p = data;
    if (p->text == NULL || g_ascii_strcasecmp(element, "SrcDataSource") != 0)
        return;
    char *src = g_strstrip(g_string_free(p->text, FALSE));
    p->text = NULL;
    /* Not relative to the VRT: relative to the working directory, as GDAL opens it. */
    g_ptr_array_add(p->sources, p->relative && !g_path_is_absolute(src)
                                    ? g_build_filename(p->dir, src, NULL)
                                    : g_strdup(src));
    g_free(src);
}

/* Add the sources an OGR VRT names (in any layer: plain, union or warped) to sources; 0 when
** it cannot be read.  GDALGetFileList lists those of plain layers only (GDAL 3.6). */
static int
vrt_sources(const char *vrt, GPtrArray *sources)
{
    char *text = NULL;
    gsize len = 0;
    if (!g_file_get_contents(vrt, &text, &len, NULL))
        return 0;
    static const GMarkupParser parser = {vrt_start, vrt_end, vrt_text, NULL, NULL};
    vrt_parse p = {g_path_get_dirname(vrt), sources, NULL, 0};
    GMarkupParseContext *pc = g_markup_parse_context_new(&parser, 0, &p, NULL);
    int ok = g_markup_parse_context_parse(pc, text, (gssize)len, NULL) &&
             g_markup_parse_context_end_parse(pc, NULL);
    g_markup_parse_context_free(pc);
    if (p.text != NULL)
        g_string_free(p.text, TRUE);
    g_free(p.dir);
    g_free(text);
    return ok;
}

/* ---- the groups of a read ------------------------------------------------------------ */

static int
is_vrt(const char *path)
{
    size_t len = strlen(path);
    return len >= 4 && g_ascii_strcasecmp(path + len - 4, ".vrt") == 0;
}

/* Where path's group is: its folder (real path) and stem. */
static char *
group_name(const char *path)
{
    group g;
    if (!group_of(path, &g))
        return NULL;
    char *dir = g_canonicalize_filename(g.dir, NULL);
    char *id = g_strdup_printf("%s\n%s\n%s", dir, g.name != NULL ? "file" : "folder",
                               g.stem != NULL ? g.stem : g.name != NULL ? g.name : "");
    g_free(dir);
    group_clear(&g);
    return id;
}

GPtrArray *
sk__cache_groups(const GPtrArray *noted)
{
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < noted->len; i++)
        g_ptr_array_add(paths, g_strdup(g_ptr_array_index(noted, i)));
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    /* Groups and VRTs already taken (a VRT can share its group with its source). */
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    int ok = 1;
    /* paths grows while it is walked: a VRT's sources are walked in turn. */
    for (guint i = 0; i < paths->len && ok; i++) {
        const char *path = g_ptr_array_index(paths, i);
        char *archive = g_str_has_prefix(path, "/vsi") ? sk__archive_of(path) : NULL;
        if (archive != NULL)
            path = archive;   /* a file in a zip: the zip */
        char *id = group_name(path);
        ok = id != NULL && paths->len < MAX_FILES;
        if (ok && !g_hash_table_contains(seen, id)) {
            g_ptr_array_add(out, g_strdup(path));
            g_hash_table_add(seen, g_steal_pointer(&id));
        }
        g_free(id);
        char *real = ok && is_vrt(path) ? g_canonicalize_filename(path, NULL) : NULL;
        if (real != NULL && !g_hash_table_contains(seen, real)) {
            ok = vrt_sources(path, paths);
            g_hash_table_add(seen, g_steal_pointer(&real));
        }
        g_free(real);
        g_free(archive);
    }
    g_hash_table_destroy(seen);
    g_ptr_array_unref(paths);
    if (!ok)
        g_clear_pointer(&out, g_ptr_array_unref);
    return out;
}
