/* The outputs of a run (outputs.h): staged under temporary names, checked against the inputs
** and each other, committed all together or not at all. */
/* realpath */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "internal.h"
#include "files.h"
#include "outputs_internal.h"

struct sk__staged {
    char *path;        /* as named */
    char *target;      /* through symbolic links: the file replaced */
    char *identity;    /* what makes two names one file (see sk__file_identity) */
    char *temp;        /* the temporary file; NULL for a device */
    char *backup;      /* during the commit: a link to the file replaced, to restore it */
    GByteArray *device;  /* a device or FIFO: its bytes, written after the commit */
    int fd;            /* open while being written, else -1 */
    int done;          /* written and flushed */
    int renamed;       /* during the commit: in place (temp is then NULL) */
};

typedef struct named {
    char *path, *what, *identity;
} named;

struct sk_outputs {
    sk_ctx *ctx;
    int attached;          /* open on ctx (sk_outputs_new), not private */
    GMutex lock;           /* staging from several threads, commit, discard */
    GPtrArray *staged;     /* sk__staged * */
    GArray *inputs;        /* named: sk_outputs_add_input */
    GArray *outputs;       /* named: sk_outputs_add */
    GPtrArray *remove_after;
    GPtrArray *made;       /* folders made for the run, parents first: gone if it fails */
    GArray *held;          /* int: descriptors (folder locks) closed when the run is freed */
    GHashTable *swept;     /* folders whose stale temporary files were removed */
    int failed;            /* a file of the run failed: the commit must not happen */
    int written;           /* the commit put the run's files in place */
    int closed;            /* committed or discarded */
};

/* ---- names and identities ---------------------------------------------------------- */

static void
named_clear(void *p)
{
    named *n = p;
    g_free(n->path);
    g_free(n->what);
    g_free(n->identity);
}

/* "--projects data/p.csv", or just the path when the user did not name it. */
static char *
shown(const char *what, const char *path)
{
    return what != NULL ? g_strdup_printf("%s %s", what, path) : g_strdup(path);
}

/* ---- the run ----------------------------------------------------------------------- */

static sk_outputs *
run_new(sk_ctx *ctx)
{
    sk_outputs *o = g_new0(sk_outputs, 1);
    o->ctx = ctx;
    g_mutex_init(&o->lock);
    o->staged = g_ptr_array_new();
    o->inputs = g_array_new(FALSE, TRUE, sizeof(named));
    g_array_set_clear_func(o->inputs, named_clear);
    o->outputs = g_array_new(FALSE, TRUE, sizeof(named));
    g_array_set_clear_func(o->outputs, named_clear);
    o->remove_after = g_ptr_array_new_with_free_func(g_free);
    o->made = g_ptr_array_new_with_free_func(g_free);
    o->held = g_array_new(FALSE, FALSE, sizeof(int));
    o->swept = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return o;
}

sk_outputs *
sk_outputs_new(sk_ctx *ctx)
{
    sk_outputs *o = run_new(ctx);
    if (!sk__ctx_attach_outputs(ctx, o)) {
        sk__error(ctx, SK_EUSAGE, "a run of outputs is already open on this context");
        o->ctx = NULL;
        sk_outputs_free(o);
        return NULL;
    }
    o->attached = 1;
    return o;
}

sk_outputs *
sk__outputs_private(sk_ctx *ctx)
{
    return run_new(ctx);
}

/* Remove what the run left: temporary files, backups (restored by the commit already). */
static void
remove_temporaries(sk_outputs *o, int close_files)
{
    for (guint i = 0; i < o->staged->len; i++) {
        sk__staged *f = o->staged->pdata[i];
        /* From a signal's thread another thread may be writing: its descriptor stays open
        ** (closing it could hand the number to a file opened next) until the process ends. */
        if (close_files && f->fd >= 0) {
            close(f->fd);
            f->fd = -1;
        }
        if (f->temp != NULL)
            g_unlink(f->temp);
        g_clear_pointer(&f->temp, g_free);
    }
    /* Only the empty ones (rmdir refuses the others); none after a commit. */
    for (guint i = o->made->len; i > 0; i--)
        g_rmdir(o->made->pdata[i - 1]);
}

static void
staged_free(sk__staged *f)
{
    g_free(f->path);
    g_free(f->target);
    g_free(f->identity);
    g_free(f->temp);
    g_free(f->backup);
    if (f->device != NULL)
        g_byte_array_unref(f->device);
    g_free(f);
}

void
sk_outputs_free(sk_outputs *o)
{
    if (o == NULL)
        return;
    g_mutex_lock(&o->lock);
    remove_temporaries(o, 1);
    o->closed = 1;
    g_mutex_unlock(&o->lock);
    if (o->attached)
        sk__ctx_attach_outputs(o->ctx, NULL);
    for (guint i = 0; i < o->staged->len; i++)
        staged_free(o->staged->pdata[i]);
    g_ptr_array_free(o->staged, TRUE);
    g_array_free(o->inputs, TRUE);
    g_array_free(o->outputs, TRUE);
    g_ptr_array_free(o->remove_after, TRUE);
    g_ptr_array_free(o->made, TRUE);
    for (guint i = 0; i < o->held->len; i++)
        close(g_array_index(o->held, int, i));
    g_array_free(o->held, TRUE);
    g_hash_table_destroy(o->swept);
    g_mutex_clear(&o->lock);
    g_free(o);
}

void
sk__outputs_hold(sk_outputs *o, int fd)
{
    g_mutex_lock(&o->lock);
    g_array_append_val(o->held, fd);
    g_mutex_unlock(&o->lock);
}

int
sk_outputs_written(const sk_outputs *o)
{
    return o != NULL && o->written;
}

void
sk_outputs_discard(sk_outputs *o)
{
    if (o == NULL)
        return;
    g_mutex_lock(&o->lock);
    remove_temporaries(o, 0);
    o->closed = 1;
    g_mutex_unlock(&o->lock);
}

void
sk__outputs_remove_after_commit(sk_outputs *o, const char *path)
{
    g_mutex_lock(&o->lock);
    g_ptr_array_add(o->remove_after, g_strdup(path));
    g_mutex_unlock(&o->lock);
}

void
sk__outputs_made_folder(sk_outputs *o, const char *path)
{
    g_mutex_lock(&o->lock);
    g_ptr_array_add(o->made, g_strdup(path));
    g_mutex_unlock(&o->lock);
}

char **
sk__outputs_staged_paths(sk_outputs *o, unsigned first)
{
    g_mutex_lock(&o->lock);
    GPtrArray *paths = g_ptr_array_new();
    for (guint i = first; i < o->staged->len; i++)
        g_ptr_array_add(paths, g_strdup(((sk__staged *)o->staged->pdata[i])->path));
    g_ptr_array_add(paths, NULL);
    g_mutex_unlock(&o->lock);
    return (char **)g_ptr_array_free(paths, FALSE);
}

/* ---- checks ------------------------------------------------------------------------ */

/* The input id names, declared or read through the context; NULL if none. */
static char *
input_named(sk_outputs *o, const char *id)
{
    for (guint i = 0; i < o->inputs->len; i++) {
        named *n = &g_array_index(o->inputs, named, i);
        if (strcmp(n->identity, id) == 0)
            return shown(n->what, n->path);
    }
    char **read = sk__ctx_inputs(o->ctx), *found = NULL;
    for (char **p = read; *p != NULL && found == NULL; p++) {
        char *other = sk__file_identity(*p);
        if (strcmp(other, id) == 0)
            found = g_strdup(*p);
        g_free(other);
    }
    g_strfreev(read);
    return found;
}

/* The output of the run id names, other than one named path; NULL if none. */
static char *
output_named(sk_outputs *o, const char *id, const char *path)
{
    for (guint i = 0; i < o->staged->len; i++) {
        const sk__staged *f = o->staged->pdata[i];
        if (strcmp(f->identity, id) == 0)
            return g_strdup(f->path);
    }
    for (guint i = 0; i < o->outputs->len; i++) {
        named *n = &g_array_index(o->outputs, named, i);
        if (strcmp(n->identity, id) == 0 && (path == NULL || strcmp(n->path, path) != 0))
            return shown(n->what, n->path);
    }
    return NULL;
}

/* How the user named the output id is, for messages: "--classes-csv m.pgw". */
static const char *
declared_as(sk_outputs *o, const char *id)
{
    for (guint i = 0; i < o->outputs->len; i++) {
        named *n = &g_array_index(o->outputs, named, i);
        if (strcmp(n->identity, id) == 0 && n->what != NULL)
            return n->what;
    }
    return NULL;
}

/* An output's target: not a folder, in a folder that exists, not an input, not another
** output.  *target and *id on success (caller frees); SK_EUSAGE on ctx otherwise. */
static sk_status
check_target(sk_ctx *ctx, sk_outputs *o, const char *path, const char *what, int staging,
             char **target, char **id)
{
    char *me = shown(what, path), *other = NULL;
    sk_status st = SK_OK;
    *target = *id = NULL;
    if (path[0] == '\0') {
        st = sk__error(ctx, SK_EUSAGE, "%s: an empty file name; nothing was written",
                       what != NULL ? what : "output");
        goto done;
    }
    /* A stream of this process (/dev/stdout, /dev/fd/3): written through as it is, never
    ** replaced by what its link names (the file a shell redirected it to) nor resolved to
    ** a pipe's pseudo-name. */
    if (sk__file_is_stream(path))
        *target = g_strdup(path);
    else if ((*target = sk__file_through_links(path)) == NULL) {
        st = sk__error(ctx, SK_EUSAGE, "%s: %s; nothing was written", me, g_strerror(ELOOP));
        goto done;
    }
    char *dir = g_path_get_dirname(*target);
    struct stat sb;
    /* A device or FIFO is written through: its folder (/dev) need not be writable. */
    int through = sk__file_is_stream(path) ||
                  (g_stat(*target, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode));
    int e = g_stat(dir, &sb) != 0 ? errno : !S_ISDIR(sb.st_mode) ? ENOTDIR
            : !through && access(dir, W_OK | X_OK) != 0 ? errno : 0;
    if (e != 0)
        st = sk__error(ctx, SK_EUSAGE, "%s: cannot write: %s (in %s); nothing was written", me,
                       g_strerror(e), dir);
    g_free(dir);
    if (st == SK_OK && g_file_test(*target, G_FILE_TEST_IS_DIR))
        st = sk__error(ctx, SK_EUSAGE, "%s: is a folder, not a file; nothing was written", me);
    if (st != SK_OK)
        goto done;
    *id = sk__file_identity(*target);
    if (what == NULL && declared_as(o, *id) != NULL) {
        /* Staged under a name the user gave with an option: say which. */
        g_free(me);
        me = shown(declared_as(o, *id), path);
    }
    if ((other = input_named(o, *id)) != NULL)
        st = sk__error(ctx, SK_EUSAGE, "%s: is the input %s; an output never replaces an "
                       "input, nothing was written", me, other);
    else if ((other = output_named(o, *id, staging ? path : NULL)) != NULL)
        st = staging && strcmp(other, path) == 0
                 ? sk__error(ctx, SK_EUSAGE, "%s: the run would write this file twice (%s, "
                             "and as a file that comes with another output, such as a map's "
                             "world file); nothing was written", path,
                             declared_as(o, *id) != NULL ? declared_as(o, *id)
                                                         : "an output named twice")
                 : sk__error(ctx, SK_EUSAGE, "%s: is also the output %s; one file cannot be "
                             "two outputs, nothing was written", me, other);
done:
    if (st != SK_OK) {
        g_clear_pointer(target, g_free);
        g_clear_pointer(id, g_free);
    }
    g_free(other);
    g_free(me);
    return st;
}

sk_status
sk_outputs_add_input(sk_outputs *o, const char *path, const char *what)
{
    if (path == NULL)
        return SK_OK;
    named n = {g_strdup(path), g_strdup(what), NULL};
    char *target = sk__file_through_links(path);
    n.identity = sk__file_identity(target != NULL ? target : path);
    g_free(target);
    g_mutex_lock(&o->lock);
    g_array_append_val(o->inputs, n);
    g_mutex_unlock(&o->lock);
    return SK_OK;
}

sk_status
sk_outputs_add(sk_outputs *o, const char *path, const char *what)
{
    if (path == NULL)
        return SK_OK;
    g_mutex_lock(&o->lock);
    char *target, *id;
    sk_status st = check_target(o->ctx, o, path, what, 0, &target, &id);
    if (st == SK_OK) {
        named n = {g_strdup(path), g_strdup(what), id};
        g_array_append_val(o->outputs, n);
        g_free(target);
    }
    g_mutex_unlock(&o->lock);
    return st;
}

/* ---- staging ----------------------------------------------------------------------- */

/* Whether name is a temporary file of a run whose process is gone: .NAME.sk-PID-XXXXXX. */
static int
stale_temporary(const char *name)
{
    const char *mark = g_strrstr(name, ".sk-");
    if (name[0] != '.' || mark == NULL || mark == name)
        return 0;
    char *end;
    long pid = strtol(mark + 4, &end, 10);
    if (pid <= 0 || pid > INT_MAX || *end != '-' || strlen(end + 1) != 6)
        return 0;
    if (pid == (long)getpid())
        return 0;
    return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Remove the stale temporary files of dir, once per run and folder. */
static void
sweep(sk_outputs *o, const char *dir)
{
    if (g_hash_table_contains(o->swept, dir))
        return;
    g_hash_table_add(o->swept, g_strdup(dir));
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d == NULL)
        return;
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (stale_temporary(name)) {
            char *path = g_build_filename(dir, name, NULL);
            g_unlink(path);
            g_free(path);
        }
    g_dir_close(d);
}

/* Create f's temporary file beside its target, with the mode of the file it replaces. */
static sk_status
create_temporary(sk_ctx *ctx, sk_outputs *o, sk__staged *f)
{
    char *dir = g_path_get_dirname(f->target), *base = g_path_get_basename(f->target);
    sweep(o, dir);
    /* A name near the longest a folder takes leaves no room for the temporary's: the
    ** temporary then carries as much of it as fits. */
    char *suffix = g_strdup_printf(".sk-%ld-XXXXXX", (long)getpid());
    int room = 255 - 1 - (int)strlen(suffix);
    f->temp = g_strdup_printf("%s/.%.*s%s", dir, room, base, suffix);
    g_free(suffix);
    g_free(dir);
    g_free(base);
    struct stat old;
    int replacing = g_stat(f->target, &old) == 0;
    f->fd = sk__fault(ctx, SK_FAULT_OPEN) ? (errno = EIO, -1)
                                          : g_mkstemp_full(f->temp, O_RDWR | O_CLOEXEC, 0666);
    if (f->fd >= 0) {
        /* A new file has the umask's mode (0666 given); a file that is replaced keeps its
        ** own (best effort: the file is written either way). */
        if (replacing && fchmod(f->fd, old.st_mode & 07777) != 0)
            errno = 0;
        return SK_OK;
    }
    int e = errno != 0 ? errno : EIO;
    g_clear_pointer(&f->temp, g_free);
    return sk__error(ctx, SK_EIO, "%s: cannot write: %s", f->path, g_strerror(e));
}

sk_status
sk__outputs_stage(sk_ctx *ctx, sk_outputs *o, const char *path, sk__staged **out)
{
    *out = NULL;
    g_mutex_lock(&o->lock);
    sk_status st = SK_OK;
    if (o->closed)
        st = sk__error(ctx, SK_EIO, "%s: not written: the run was stopped", path);
    char *target = NULL, *id = NULL;
    if (st == SK_OK)
        st = check_target(ctx, o, path, NULL, 1, &target, &id);
    if (st == SK_OK) {
        sk__staged *f = g_new0(sk__staged, 1);
        f->path = g_strdup(path);
        f->target = target;
        f->identity = id;
        f->fd = -1;
        struct stat sb;
        if (sk__file_is_stream(path) || (g_stat(target, &sb) == 0 && !S_ISREG(sb.st_mode)))
            f->device = g_byte_array_new();
        else
            st = create_temporary(ctx, o, f);
        g_ptr_array_add(o->staged, f);
        *out = f;
    }
    if (st != SK_OK)
        o->failed = 1;
    g_mutex_unlock(&o->lock);
    return st;
}

const char *
sk__staged_path(const sk__staged *f)
{
    return f->path;
}

int
sk__staged_write(sk_ctx *ctx, sk__staged *f, const void *data, size_t size)
{
    if (f->device != NULL) {
        g_byte_array_append(f->device, data, (guint)size);
        return 0;
    }
    if (sk__fault(ctx, SK_FAULT_WRITE))
        return ENOSPC;
    return sk__file_write_all(f->fd, data, size);
}

sk_status
sk__staged_finish(sk_ctx *ctx, sk__staged *f, int e)
{
    if (f->device == NULL && e == 0) {
        if (sk__fault(ctx, SK_FAULT_FLUSH))
            e = EIO;
        else if (fsync(f->fd) != 0 && errno != EINVAL)
            e = errno;
    }
    if (f->fd >= 0 && close(f->fd) != 0 && e == 0)
        e = errno;
    f->fd = -1;
    if (e != 0)
        return sk__error(ctx, SK_EIO, "%s: cannot write: %s", f->path, g_strerror(e));
    f->done = 1;
    return SK_OK;
}

/* ---- the commit -------------------------------------------------------------------- */

/* The files the commit replaces are kept under a temporary name first (a hard link, else a
** copy), so that a rename failing half-way can put them back; if one cannot be kept, the
** commit does not start. */
static sk_status
keep_replaced(sk_outputs *o)
{
    for (guint i = 0; i < o->staged->len; i++) {
        sk__staged *f = o->staged->pdata[i];
        if (f->temp == NULL || !g_file_test(f->target, G_FILE_TEST_IS_REGULAR))
            continue;
        f->backup = g_strdup(f->temp);
        memcpy(f->backup + strlen(f->backup) - 6, "XXXXXX", 6);
        /* A unique name: made by mkstemp, then replaced by the link or the copy. */
        int fd = g_mkstemp_full(f->backup, O_RDWR | O_CLOEXEC, 0600);
        int e = fd < 0 ? errno : (close(fd), g_unlink(f->backup)) != 0 ? errno : 0;
        /* No hard link on some file systems, nor to another user's file where the kernel
        ** protects them: a copy then. */
        if (e == 0 && link(f->target, f->backup) != 0)
            e = sk__file_copy(f->target, f->backup);
        if (e != 0) {
            g_clear_pointer(&f->backup, g_free);
            return sk__error(o->ctx, SK_EIO, "%s: cannot keep the file it replaces until the "
                             "commit is done (%s); nothing was written", f->path,
                             g_strerror(e));
        }
    }
    return SK_OK;
}

/* Undo the renames done so far: the old files back, new ones removed. */
static void
roll_back(sk_outputs *o)
{
    for (guint i = 0; i < o->staged->len; i++) {
        sk__staged *f = o->staged->pdata[i];
        if (!f->renamed)
            continue;
        if (f->backup != NULL && g_rename(f->backup, f->target) == 0)
            g_clear_pointer(&f->backup, g_free);
        else if (f->backup == NULL)
            g_unlink(f->target);
        f->renamed = 0;
    }
}

static void
remove_backups(sk_outputs *o)
{
    for (guint i = 0; i < o->staged->len; i++) {
        sk__staged *f = o->staged->pdata[i];
        if (f->backup != NULL)
            g_unlink(f->backup);
        g_clear_pointer(&f->backup, g_free);
    }
}

/* Remove path, a file of an earlier run this one does not write again, unless the run read
** it or wrote it (an earlier atlas's list may name anything). */
static void
remove_old(sk_outputs *o, const char *path)
{
    char *id = sk__file_identity(path), *in = input_named(o, id), *out = output_named(o, id, NULL);
    if (in == NULL && out == NULL)
        g_unlink(path);
    else
        sk__warn(o->ctx, "%s: not removed: it is %s of this run", path,
                 in != NULL ? "an input" : "an output");
    g_free(in);
    g_free(out);
    g_free(id);
}

/* Rename every regular file into place, or none. */
static sk_status
rename_all(sk_outputs *o)
{
    if (keep_replaced(o) != SK_OK) {
        remove_backups(o);
        return sk_ctx_status(o->ctx);
    }
    for (guint i = 0; i < o->staged->len; i++) {
        sk__staged *f = o->staged->pdata[i];
        if (f->temp == NULL)
            continue;
        int e = sk__fault(o->ctx, SK_FAULT_RENAME) ? EIO
                : g_rename(f->temp, f->target) != 0 ? errno : 0;
        if (e != 0) {
            roll_back(o);
            remove_backups(o);
            return sk__error(o->ctx, SK_EIO, "%s: cannot write: %s; nothing was written",
                             f->path, g_strerror(e));
        }
        g_clear_pointer(&f->temp, g_free);   /* renamed: nothing left under that name */
        f->renamed = 1;
    }
    remove_backups(o);
    return SK_OK;
}

/* A device or FIFO, written through (after the files: outside all or nothing). */
static sk_status
write_device(sk_outputs *o, sk__staged *f)
{
    int fd = sk__fault(o->ctx, SK_FAULT_OPEN)
                 ? (errno = EIO, -1)
                 : g_open(f->target, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_APPEND, 0);
    int e = fd < 0 ? errno : 0;
    if (fd >= 0) {
        f->fd = fd;
        e = sk__staged_write(o->ctx, &(sk__staged){.fd = fd}, f->device->data, f->device->len);
        if (close(fd) != 0 && e == 0)
            e = errno;
        f->fd = -1;
    }
    if (e == 0)
        return SK_OK;
    /* The files are in place by now: say so, rather than "nothing was written". */
    int files = 0;
    for (guint i = 0; i < o->staged->len; i++)
        files += ((sk__staged *)o->staged->pdata[i])->device == NULL;
    return files > 0 ? sk__error(o->ctx, SK_EIO, "%s: cannot write: %s; the run's files were "
                                 "written (a device or FIFO is written after them)", f->path,
                                 g_strerror(e))
                     : sk__error(o->ctx, SK_EIO, "%s: cannot write: %s", f->path,
                                 g_strerror(e));
}

sk_status
sk_outputs_commit(sk_outputs *o)
{
    g_mutex_lock(&o->lock);
    sk_status st = SK_OK;
    for (guint i = 0; i < o->staged->len && !o->failed; i++)
        o->failed = !((sk__staged *)o->staged->pdata[i])->done;
    if (o->closed || o->failed)
        st = sk__error(o->ctx, SK_EIO, "an output of this run failed or it was stopped; "
                       "nothing was written");
    if (st == SK_OK)
        st = rename_all(o);
    for (guint i = 0; i < o->remove_after->len && st == SK_OK; i++)
        remove_old(o, o->remove_after->pdata[i]);
    if (st == SK_OK) {
        g_ptr_array_set_size(o->made, 0);   /* the run's now */
        o->written = 1;
    } else {
        remove_temporaries(o, 1);
    }
    o->closed = 1;
    g_mutex_unlock(&o->lock);
    /* Devices and FIFOs without the lock: opening a FIFO waits for its reader, and a signal
    ** must still end the run meanwhile (nothing of it is left to remove). */
    for (guint i = 0; i < o->staged->len && st == SK_OK; i++) {
        sk__staged *f = o->staged->pdata[i];
        if (f->device != NULL)
            st = write_device(o, f);
    }
    return st;
}
