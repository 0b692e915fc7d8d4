/* The atlas's folder: its manifest lists what the atlas wrote, so that the next atlas into
** the folder can remove what it does not write again (a smaller atlas leaves no pages of a
** larger one behind) while never touching a file no atlas wrote. */
/* realpath; flock */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include "manifest.h"
#include "../internal.h"
#include "../outputs_internal.h"
#include "../redact.h"

/* DIR/name must not be a symbolic link: written through, the atlas would replace (or its next
** run fail to remove) a file outside its folder. */
static sk_status
refuse_link(sk_ctx *ctx, const char *dir, const char *name, const char *what)
{
    char *path = g_build_filename(dir, name, NULL);
    struct stat sb;
    sk_status st = SK_OK;
    if (g_lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
        char *target = g_file_read_link(path, NULL);
        st = sk__error(ctx, SK_EUSAGE, "%s: a symbolic link (to %s); %s must be the atlas's own, "
                       "in its folder: remove the link or choose another folder; nothing was "
                       "written", path, target != NULL ? target : "?", what);
        g_free(target);
    }
    g_free(path);
    return st;
}

/* Lock dir (flock on the folder itself: no lock file) until the run open on ctx is freed;
** another atlas writing into it: SK_EUSAGE. */
static sk_status
lock_folder(sk_ctx *ctx, const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return sk__error(ctx, SK_EIO, "%s: cannot open the folder: %s; nothing was written",
                         dir, g_strerror(errno));
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        if (e == EWOULDBLOCK) {
            close(fd);
            return sk__error(ctx, SK_EUSAGE, "%s: another samenkaart atlas is writing into this "
                             "folder (wait for it to end, or choose another folder); nothing was "
                             "written", dir);
        }
        /* A file system without locks: the atlas still works, unguarded. */
        sk__warn(ctx, "%s: cannot lock the folder: %s; an atlas written into it at the same "
                 "time could leave files its manifest does not list", dir, g_strerror(e));
    }
    sk__outputs_hold(sk__ctx_outputs(ctx), fd);
    return SK_OK;
}

/* path and its missing parents, made for the run. */
static sk_status
make_missing(sk_ctx *ctx, const char *path)
{
    sk_outputs *run = sk__ctx_outputs(ctx);
    /* The missing folders, innermost first. */
    GPtrArray *missing = g_ptr_array_new_with_free_func(g_free);
    char *p = g_strdup(path);
    while (!g_file_test(p, G_FILE_TEST_EXISTS)) {
        char *parent = g_path_get_dirname(p);
        g_ptr_array_add(missing, p);
        p = parent;
        if (strcmp(p, ".") == 0 || strcmp(p, "/") == 0)
            break;
    }
    g_free(p);
    sk_status st = SK_OK;
    for (guint i = missing->len; i > 0 && st == SK_OK; i--) {
        const char *d = missing->pdata[i - 1];
        if (g_mkdir(d, 0755) == 0)
            sk__outputs_made_folder(run, d);
        else if (errno != EEXIST || !g_file_test(d, G_FILE_TEST_IS_DIR))
            st = sk__error(ctx, SK_EIO, "%s: cannot create the folder: %s; nothing was "
                           "written", d, g_strerror(errno));
    }
    g_ptr_array_free(missing, TRUE);
    return st;
}

sk_status
sk__atlas_make_folders(sk_ctx *ctx, const char *dir)
{
    /* thumbs/ after the lock: a refused atlas removes the folders it made when empty, and
    ** must not take thumbs/ from under the atlas that holds the lock. */
    sk_status st = make_missing(ctx, dir);
    if (st == SK_OK)
        st = lock_folder(ctx, dir);
    if (st == SK_OK) {
        char *thumbs = g_build_filename(dir, "thumbs", NULL);
        st = make_missing(ctx, thumbs);
        g_free(thumbs);
    }
    return st;
}

unsigned
sk__atlas_files_mark(sk_ctx *ctx)
{
    char **staged = sk__outputs_staged_paths(sk__ctx_outputs(ctx), 0);
    unsigned n = g_strv_length(staged);
    g_strfreev(staged);
    return n;
}

/* A name the atlas writes: relative, its parts visible (no '.', '..' or hidden files), no
** empty part, no control character. */
static int
plain_name(const char *name)
{
    if (name[0] == '\0' || name[0] == '/')
        return 0;
    for (const char *c = name; *c != '\0'; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            return 0;
    char **parts = g_strsplit(name, "/", -1);
    int ok = 1;
    for (char **part = parts; *part != NULL && ok; part++)
        ok = (*part)[0] != '\0' && (*part)[0] != '.';
    g_strfreev(parts);
    return ok;
}

/* path (DIR/…, as the writers name their files) relative to dir, its separators single;
** NULL when it is not in dir. */
static char *
relative_name(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    while (n > 0 && dir[n - 1] == '/')
        n--;
    if (strncmp(path, dir, n) != 0 || path[n] != '/')
        return NULL;
    char **parts = g_strsplit(path + n, "/", -1);
    GString *name = g_string_new(NULL);
    for (char **part = parts; *part != NULL; part++)
        if ((*part)[0] != '\0')
            g_string_append_printf(name, "%s%s", name->len > 0 ? "/" : "", *part);
    g_strfreev(parts);
    if (!plain_name(name->str)) {
        g_string_free(name, TRUE);
        return NULL;
    }
    return g_string_free(name, FALSE);
}

static gint
by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The files of the atlas: staged in dir since mark, and the manifest; sorted, once each. */
static GPtrArray *
written_names(sk_ctx *ctx, const char *dir, unsigned mark)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    char **staged = sk__outputs_staged_paths(sk__ctx_outputs(ctx), mark);
    for (char **p = staged; *p != NULL; p++) {
        char *name = relative_name(*p, dir);
        if (name != NULL)
            g_ptr_array_add(names, name);
    }
    g_strfreev(staged);
    g_ptr_array_add(names, g_strdup(SK__ATLAS_MANIFEST));
    g_ptr_array_sort(names, by_name);
    for (guint i = 1; i < names->len;)
        if (strcmp(names->pdata[i - 1], names->pdata[i]) == 0)
            g_ptr_array_remove_index(names, i);
        else
            i++;
    return names;
}

static int
listed(const GPtrArray *names, const char *name)
{
    for (guint i = 0; i < names->len; i++)
        if (strcmp(names->pdata[i], name) == 0)
            return 1;
    return 0;
}

/* Whether DIR/name is inside dir (real_dir, resolved) once links are followed: its folder
** resolves to dir or below. */
static int
inside(const char *real_dir, const char *path)
{
    char *parent = g_path_get_dirname(path);
    char *real = realpath(parent, NULL);
    size_t n = strlen(real_dir);
    int in = real != NULL && strncmp(real, real_dir, n) == 0 &&
             (real[n] == '\0' || real[n] == '/' || real_dir[n - 1] == '/');
    free(real);
    g_free(parent);
    return in;
}

/* Whether path is one of the files the run has read (the same file: device and inode). */
static int
is_input(sk_ctx *ctx, const char *path)
{
    struct stat sb, ib;
    if (g_stat(path, &sb) != 0)
        return 0;
    char **inputs = sk__ctx_inputs(ctx);
    int found = 0;
    for (char **i = inputs; i != NULL && *i != NULL && !found; i++)
        found = g_stat(*i, &ib) == 0 && ib.st_dev == sb.st_dev && ib.st_ino == sb.st_ino;
    g_strfreev(inputs);
    return found;
}

/* Line number line of the previous manifest names a file removed with the commit if it is
** a plain name, inside dir, not written again, not read by this run, and a file (or link)
** that is there. */
static void
remove_old(sk_ctx *ctx, const char *dir, const char *real_dir, const char *manifest,
           unsigned line, const char *name, const GPtrArray *written)
{
    if (name[0] == '\0' || name[0] == '#' || listed(written, name))
        return;
    char *path = g_build_filename(dir, name, NULL);
    struct stat sb;
    if (!plain_name(name) || !inside(real_dir, path)) {
        char *shown = g_strescape(name, NULL);
        sk__warn(ctx, "%s:%u: '%s' is not the name of a file in the atlas's folder (absolute, "
                 "'..', hidden, or through a link out of it): line ignored, that file is kept",
                 manifest, line, shown);
        g_free(shown);
    } else if (is_input(ctx, path)) {
        sk__warn(ctx, "%s:%u: %s is read by this atlas: it is kept (move it out of the atlas's "
                 "folder)", manifest, line, path);
    } else if (g_lstat(path, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
        sk__outputs_remove_after_commit(sk__ctx_outputs(ctx), path);
    }
    g_free(path);
}

/* The lines of the previous atlas's manifest (chomped); NULL when dir has none that
** samenkaart wrote (why in *why, static). */
static char **
read_previous(const char *manifest, const char **why)
{
    char *text = NULL;
    char **lines = NULL;
    GError *error = NULL;
    *why = "the folder has no manifest " SK__ATLAS_MANIFEST;
    if (!g_file_test(manifest, G_FILE_TEST_EXISTS)) {
        /* No previous atlas (the folder was just made, or has none). */
    } else if (!g_file_test(manifest, G_FILE_TEST_IS_REGULAR)) {
        *why = SK__ATLAS_MANIFEST " is not a file";
    } else if (!g_file_get_contents(manifest, &text, NULL, &error)) {
        *why = SK__ATLAS_MANIFEST " cannot be read";
        g_error_free(error);
    } else if (!g_str_has_prefix(text, "# samenkaart atlas")) {
        *why = SK__ATLAS_MANIFEST " is not a manifest samenkaart wrote (its first line does not "
               "start with '# samenkaart atlas')";
    } else {
        lines = g_strsplit(text, "\n", -1);
        for (char **l = lines; *l != NULL; l++)
            g_strchomp(*l);
    }
    g_free(text);
    return lines;
}

/* Never a lost file: a file the atlas writes that is in dir already must be one the previous
** atlas wrote (listed in its manifest). */
static sk_status
refuse_unlisted(sk_ctx *ctx, const char *dir, char **previous, const char *why,
                const GPtrArray *written)
{
    char *first = NULL;
    unsigned others = 0;
    for (guint i = 0; i < written->len; i++) {
        const char *name = written->pdata[i];
        char *path = g_build_filename(dir, name, NULL);
        struct stat sb;
        if (g_lstat(path, &sb) == 0 &&
            (previous == NULL || !g_strv_contains((const char *const *)previous, name))) {
            if (first == NULL)
                first = g_steal_pointer(&path);
            else
                others++;
        }
        g_free(path);
    }
    if (first == NULL)
        return SK_OK;
    char *more = others > 0 ? g_strdup_printf(" (and %u other files)", others) : g_strdup("");
    sk_status st = sk__error(ctx, SK_EUSAGE, "%s%s: already there and not written by a previous "
                             "atlas (%s); the atlas would replace it: move it away or choose "
                             "another folder; nothing was written", first, more,
                             previous == NULL ? why : "the manifest does not list it");
    g_free(more);
    g_free(first);
    return st;
}

/* What the previous atlas in dir wrote and this one does not: removed with the commit; a
** file this one writes that is there and no atlas wrote: refused. */
static sk_status
replace_previous(sk_ctx *ctx, const char *dir, const char *manifest, const GPtrArray *written)
{
    const char *why;
    char **lines = read_previous(manifest, &why);
    sk_status st = refuse_unlisted(ctx, dir, lines, why, written);
    char *real_dir = realpath(dir, NULL);
    for (unsigned i = 0; st == SK_OK && real_dir != NULL && lines != NULL && lines[i] != NULL;
         i++)
        remove_old(ctx, dir, real_dir, manifest, i + 1, lines[i], written);
    free(real_dir);
    g_strfreev(lines);
    return st;
}

/* The atlas file's name on one line: control characters would start a line of their own. */
static char *
one_line(const char *text)
{
    char *s = g_strdup(text);
    for (char *c = s; *c != '\0'; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = '?';
    return s;
}

sk_status
sk__atlas_write_manifest(sk_ctx *ctx, const sk_atlas *a, const char *dir, unsigned mark)
{
    GPtrArray *written = written_names(ctx, dir, mark);
    char *manifest = g_build_filename(dir, SK__ATLAS_MANIFEST, NULL);
    sk_status st = replace_previous(ctx, dir, manifest, written);
    char *redacted = sk__redact(a->path), *source = one_line(redacted);
    g_free(redacted);
    GString *s = g_string_new(NULL);
    g_string_append_printf(s, "# samenkaart atlas %s: the files it wrote in this folder; the "
                           "next atlas here removes those it does not write again\n", source);
    for (guint i = 0; i < written->len; i++)
        g_string_append_printf(s, "%s\n", (const char *)written->pdata[i]);
    if (st == SK_OK)
        st = sk_write_file(ctx, manifest, s->str, s->len);
    g_string_free(s, TRUE);
    g_free(source);
    g_free(manifest);
    g_ptr_array_free(written, TRUE);
    return st;
}

/* Files every atlas writes for its pages (not all it writes: the CSVs and world files
** depend on what the page shows), so that most clashes are found before drawing. */
static GPtrArray *
planned_names(const sk_atlas *a)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(names, g_strdup("atlas.pdf"));
    g_ptr_array_add(names, g_strdup("index.html"));
    g_ptr_array_add(names, g_strdup(SK__ATLAS_MANIFEST));
    for (guint i = 0; i < a->pages->len; i++) {
        const char *name = SK__ATLAS_PAGE(a, i)->name;
        g_ptr_array_add(names, g_strdup_printf("%s.png", name));
        g_ptr_array_add(names, g_strdup_printf("thumbs/%s.png", name));
    }
    return names;
}

sk_status
sk__atlas_check_folder(sk_ctx *ctx, const sk_atlas *a, const char *dir)
{
    sk_status st = refuse_link(ctx, dir, SK__ATLAS_MANIFEST, "the manifest");
    if (st == SK_OK)
        st = refuse_link(ctx, dir, "thumbs", "the thumbnails' folder");
    if (st == SK_OK) {
        /* Again, with every file and under the folder's lock, before the commit. */
        char *manifest = g_build_filename(dir, SK__ATLAS_MANIFEST, NULL);
        const char *why;
        char **lines = read_previous(manifest, &why);
        GPtrArray *names = planned_names(a);
        st = refuse_unlisted(ctx, dir, lines, why, names);
        g_ptr_array_free(names, TRUE);
        g_strfreev(lines);
        g_free(manifest);
    }
    return st;
}
