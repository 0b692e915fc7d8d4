/* The output layer (outputs.h) on its public API: staging and commit, never over an input nor
** twice one file, rollback when a rename fails, links and FIFOs, discard from another thread,
** stale temporary files, modes kept. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "samenkaart/outputs.h"
#include "samenkaart/testing.h"
#include "support.h"

static char *
path_in(const char *dir, const char *name)
{
    return g_build_filename(dir, name, NULL);
}

static void
put(const char *path, const char *text)
{
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

static void
assert_content(const char *path, const char *text)
{
    char *got = NULL;
    g_assert_true(g_file_get_contents(path, &got, NULL, NULL));
    g_assert_cmpstr(got, ==, text);
    g_free(got);
}

static sk_status
write_text(sk_ctx *ctx, const char *path, const char *text)
{
    return sk_write_file(ctx, path, text, strlen(text));
}

/* The temporary files (.NAME.sk-…) in dir. */
static int
temporaries(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    int n = 0;
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        n += name[0] == '.' && strstr(name, ".sk-") != NULL;
    g_dir_close(d);
    return n;
}

static int
entries(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    int n = 0;
    while (g_dir_read_name(d) != NULL)
        n++;
    g_dir_close(d);
    return n;
}

static void
assert_error(sk_ctx *ctx, sk_status got, sk_status want, const char *fragment)
{
    g_assert_cmpint(got, ==, want);
    g_assert_cmpint(sk_ctx_status(ctx), ==, want);
    if (strstr(sk_ctx_errmsg(ctx), fragment) == NULL)
        g_error("message \"%s\" lacks \"%s\"", sk_ctx_errmsg(ctx), fragment);
    sk_ctx_clear_error(ctx);
}

static void
test_commit(void)
{
    char *dir = tmp_dir_new(), *a = path_in(dir, "a.csv"), *b = path_in(dir, "b.csv");
    put(b, "old b");
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    g_assert_nonnull(o);
    g_assert_cmpint(write_text(ctx, a, "new a"), ==, SK_OK);
    g_assert_cmpint(write_text(ctx, b, "new b"), ==, SK_OK);
    /* Staged only: a does not exist, b is unchanged, two temporary files wait. */
    g_assert_false(file_exists(a));
    assert_content(b, "old b");
    g_assert_cmpint(temporaries(dir), ==, 2);
    char *temp = g_strdup_printf(".a.csv.sk-%ld-", (long)getpid());
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    int seen = 0;
    while ((name = g_dir_read_name(d)) != NULL)
        seen += g_str_has_prefix(name, temp) && strlen(name) == strlen(temp) + 6;
    g_dir_close(d);
    g_assert_cmpint(seen, ==, 1);
    g_assert_cmpint(sk_outputs_commit(o), ==, SK_OK);
    assert_content(a, "new a");
    assert_content(b, "new b");
    g_assert_cmpint(temporaries(dir), ==, 0);
    /* The run is closed: a later write is refused. */
    assert_error(ctx, write_text(ctx, a, "later"), SK_EIO, "the run was stopped");
    assert_content(a, "new a");
    sk_outputs_free(o);
    /* Without a run, a write is a run of its own. */
    g_assert_cmpint(write_text(ctx, a, "alone"), ==, SK_OK);
    assert_content(a, "alone");
    g_assert_cmpint(temporaries(dir), ==, 0);
    sk_ctx_free(ctx);
    g_free(temp);
    g_free(a);
    g_free(b);
    tmp_dir_remove(dir);
}

static void
test_free_without_commit(void)
{
    char *dir = tmp_dir_new(), *a = path_in(dir, "a.png"), *b = path_in(dir, "b.png");
    put(b, "old b");
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    g_assert_cmpint(write_text(ctx, a, "new a"), ==, SK_OK);
    g_assert_cmpint(write_text(ctx, b, "new b"), ==, SK_OK);
    sk_outputs_free(o);
    g_assert_false(file_exists(a));
    assert_content(b, "old b");
    g_assert_cmpint(entries(dir), ==, 1);
    sk_outputs_free(NULL);
    sk_outputs_discard(NULL);
    sk_ctx_free(ctx);
    g_free(a);
    g_free(b);
    tmp_dir_remove(dir);
}

/* Every spelling of the input as an output is refused, declared or written. */
static void
test_never_over_input(void)
{
    char *dir = tmp_dir_new(), *in = path_in(dir, "p.csv"), *sub = path_in(dir, "sub");
    char *sym = path_in(dir, "link.csv"), *hard = path_in(dir, "hard.csv");
    put(in, "the projects");
    g_assert_cmpint(g_mkdir(sub, 0755), ==, 0);
    g_assert_cmpint(symlink("p.csv", sym), ==, 0);
    g_assert_cmpint(link(in, hard), ==, 0);
    char *dot = g_strdup_printf("%s/./p.csv", dir), *up = g_strdup_printf("%s/sub/../p.csv", dir);
    const char *spellings[] = {in, sym, hard, dot, up};
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    g_assert_cmpint(sk_outputs_add_input(o, in, "--projects"), ==, SK_OK);
    for (size_t i = 0; i < G_N_ELEMENTS(spellings); i++) {
        char *want = g_strdup_printf("--classes-csv %s: is the input --projects %s; an output "
                                     "never replaces an input, nothing was written",
                                     spellings[i], in);
        assert_error(ctx, sk_outputs_add(o, spellings[i], "--classes-csv"), SK_EUSAGE, want);
        g_free(want);
        assert_error(ctx, write_text(ctx, spellings[i], "oops"), SK_EUSAGE, "is the input");
    }
    g_assert_cmpint(sk_outputs_commit(o), !=, SK_OK);
    sk_outputs_free(o);
    assert_content(in, "the projects");
    g_assert_true(g_file_test(sym, G_FILE_TEST_IS_SYMLINK));
    g_assert_cmpint(temporaries(dir), ==, 0);
    sk_ctx_free(ctx);
    g_free(dot);
    g_free(up);
    g_free(in);
    g_free(sub);
    g_free(sym);
    g_free(hard);
    tmp_dir_remove(dir);
}

static void
test_refused_outputs(void)
{
    char *dir = tmp_dir_new(), *m = path_in(dir, "m.png"), *none = path_in(dir, "no/c.csv");
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    g_assert_cmpint(sk_outputs_add(o, m, "--output"), ==, SK_OK);
    char *want = g_strdup_printf("--classes-csv %s: is also the output --output %s; one file "
                                 "cannot be two outputs, nothing was written", m, m);
    assert_error(ctx, sk_outputs_add(o, m, "--classes-csv"), SK_EUSAGE, want);
    g_free(want);
    assert_error(ctx, sk_outputs_add(o, "", "--labels-csv"), SK_EUSAGE,
                 "--labels-csv: an empty file name; nothing was written");
    want = g_strdup_printf("--table-csv %s: is a folder, not a file; nothing was written", dir);
    assert_error(ctx, sk_outputs_add(o, dir, "--table-csv"), SK_EUSAGE, want);
    g_free(want);
    want = g_strdup_printf("--changes-csv %s: cannot write: No such file or directory (in "
                           "%s/no); nothing was written", none, dir);
    assert_error(ctx, sk_outputs_add(o, none, "--changes-csv"), SK_EUSAGE, want);
    g_free(want);
    /* Written twice in one run (a file that comes with another output). */
    g_assert_cmpint(write_text(ctx, m, "map"), ==, SK_OK);
    assert_error(ctx, write_text(ctx, m, "again"), SK_EUSAGE, "the run would write this file "
                 "twice (--output, and as a file that comes with another output");
    g_assert_cmpint(sk_outputs_commit(o), ==, SK_EIO);
    g_assert_cmpstr(sk_ctx_errmsg(ctx), ==, "an output of this run failed or it was stopped; "
                    "nothing was written");
    sk_outputs_free(o);
    g_assert_cmpint(entries(dir), ==, 0);
    sk_ctx_free(ctx);
    g_free(m);
    g_free(none);
    tmp_dir_remove(dir);
}

/* The second of three renames fails: the first file gets its old contents back, the third
** was never replaced, nothing temporary stays. */
static void
test_rename_fault(void)
{
    char *dir = tmp_dir_new(), *names[3];
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    for (int i = 0; i < 3; i++) {
        char base[16];
        g_snprintf(base, sizeof base, "f%d.csv", i);
        names[i] = path_in(dir, base);
        put(names[i], base);
        g_assert_cmpint(write_text(ctx, names[i], "new"), ==, SK_OK);
    }
    /* Fault points from here: rename 1, rename 2. */
    sk_ctx_set_fault(ctx, 2);
    char *want = g_strdup_printf("%s: cannot write: Input/output error; nothing was written",
                                 names[1]);
    assert_error(ctx, sk_outputs_commit(o), SK_EIO, want);
    g_free(want);
    g_assert_cmpint(sk_ctx_fault_points(ctx), ==, 2);
    sk_outputs_free(o);
    for (int i = 0; i < 3; i++) {
        char base[16];
        g_snprintf(base, sizeof base, "f%d.csv", i);
        assert_content(names[i], base);
        g_free(names[i]);
    }
    g_assert_cmpint(temporaries(dir), ==, 0);
    g_assert_cmpint(entries(dir), ==, 3);
    sk_ctx_free(ctx);
    tmp_dir_remove(dir);
}

/* A write that fails (the 2nd fault point: open, write) fails the commit. */
static void
test_write_fault(void)
{
    char *dir = tmp_dir_new(), *a = path_in(dir, "a.csv");
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    sk_ctx_set_fault(ctx, 2);
    char *want = g_strdup_printf("%s: cannot write: No space left on device", a);
    assert_error(ctx, write_text(ctx, a, "text"), SK_EIO, want);
    g_free(want);
    assert_error(ctx, sk_outputs_commit(o), SK_EIO, "an output of this run failed");
    sk_outputs_free(o);
    g_assert_cmpint(entries(dir), ==, 0);
    sk_ctx_free(ctx);
    g_free(a);
    tmp_dir_remove(dir);
}

static void
test_symlink_followed(void)
{
    char *dir = tmp_dir_new(), *real = path_in(dir, "real.csv"), *link = path_in(dir, "l.csv");
    put(real, "old");
    g_assert_cmpint(symlink("real.csv", link), ==, 0);
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    g_assert_cmpint(write_text(ctx, link, "new"), ==, SK_OK);
    g_assert_cmpint(sk_outputs_commit(o), ==, SK_OK);
    sk_outputs_free(o);
    g_assert_true(g_file_test(link, G_FILE_TEST_IS_SYMLINK));
    assert_content(real, "new");
    g_assert_cmpint(entries(dir), ==, 2);
    sk_ctx_free(ctx);
    g_free(real);
    g_free(link);
    tmp_dir_remove(dir);
}

typedef struct fifo_reader {
    const char *fifo, *file;
    int file_there;   /* the regular file had its new contents when the FIFO was opened */
    GString *got;
} fifo_reader;

static gpointer
read_fifo(gpointer data)
{
    fifo_reader *r = data;
    int fd = open(r->fifo, O_RDONLY);
    char *text = NULL;
    r->file_there = g_file_get_contents(r->file, &text, NULL, NULL) && strcmp(text, "file") == 0;
    g_free(text);
    char buf[64];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        g_string_append_len(r->got, buf, n);
    close(fd);
    return NULL;
}

/* A run with a FIFO (read by a thread) and a regular file in a fresh folder, both written
** ("through" and "file"), not committed yet. */
typedef struct fifo_run {
    char *dir, *fifo, *file;
    fifo_reader r;
    GThread *reader;
    sk_ctx *ctx;
    sk_outputs *o;
} fifo_run;

static void
fifo_setup(fifo_run *f)
{
    f->dir = tmp_dir_new();
    f->fifo = path_in(f->dir, "pipe");
    f->file = path_in(f->dir, "f.csv");
    g_assert_cmpint(mkfifo(f->fifo, 0600), ==, 0);
    f->r = (fifo_reader){f->fifo, f->file, 0, g_string_new(NULL)};
    f->reader = g_thread_new("reader", read_fifo, &f->r);
    f->ctx = sk_ctx_new();
    f->o = sk_outputs_new(f->ctx);
    g_assert_cmpint(write_text(f->ctx, f->fifo, "through"), ==, SK_OK);
    g_assert_cmpint(write_text(f->ctx, f->file, "file"), ==, SK_OK);
}

/* After the commit: the reader done, the outputs freed. */
static void
fifo_join(fifo_run *f)
{
    g_thread_join(f->reader);
    sk_outputs_free(f->o);
}

static void
fifo_teardown(fifo_run *f)
{
    g_string_free(f->r.got, TRUE);
    sk_ctx_free(f->ctx);
    g_free(f->fifo);
    g_free(f->file);
    tmp_dir_remove(f->dir);
}

/* A FIFO is written through, after the files of the run are in place; it stays a FIFO. */
static void
test_fifo(void)
{
    fifo_run f;
    fifo_setup(&f);
    g_assert_cmpint(sk_outputs_commit(f.o), ==, SK_OK);
    fifo_join(&f);
    g_assert_true(f.r.file_there);
    g_assert_cmpstr(f.r.got->str, ==, "through");
    struct stat sb;
    g_assert_cmpint(lstat(f.fifo, &sb), ==, 0);
    g_assert_true(S_ISFIFO(sb.st_mode));
    g_assert_cmpint(temporaries(f.dir), ==, 0);
    fifo_teardown(&f);
}

/* A FIFO failing after the files are in place: an error saying so, the files stay. */
static void
test_fifo_fault(void)
{
    fifo_run f;
    fifo_setup(&f);
    /* Fault points from here: the rename, the FIFO's open, its write. */
    sk_ctx_set_fault(f.ctx, 3);
    char *want = g_strdup_printf("%s: cannot write: No space left on device; the run's files "
                                 "were written (a device or FIFO is written after them)", f.fifo);
    assert_error(f.ctx, sk_outputs_commit(f.o), SK_EIO, want);
    g_free(want);
    fifo_join(&f);
    g_assert_true(f.r.file_there);
    g_assert_cmpstr(f.r.got->str, ==, "");
    assert_content(f.file, "file");
    g_assert_cmpint(temporaries(f.dir), ==, 0);
    fifo_teardown(&f);
}

/* /dev/null named and written as an output: 0 when accepted. */
static int
write_dev_null(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    int bad = sk_outputs_add(o, "/dev/null", "--classes-csv") != SK_OK ||
              write_text(ctx, "/dev/null", "x") != SK_OK || sk_outputs_commit(o) != SK_OK;
    if (bad)
        g_printerr("# %s\n", sk_ctx_errmsg(ctx));
    sk_outputs_free(o);
    sk_ctx_free(ctx);
    return bad;
}

/* A device is written through, so its folder (/dev) need not be writable: as a user who
** cannot write /dev (as root: in a child that becomes nobody). */
static void
test_device_folder_read_only(void)
{
    if (geteuid() != 0) {
        g_assert_cmpint(write_dev_null(), ==, 0);
        return;
    }
    pid_t child = fork();
    if (child == 0) {
        if (setgid(65534) != 0 || setuid(65534) != 0)
            _exit(77);
        _exit(access("/dev", W_OK) == 0 ? 78 : write_dev_null());
    }
    int status = 0;
    g_assert_cmpint(waitpid(child, &status, 0), ==, child);
    g_assert_true(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77 || WEXITSTATUS(status) == 78) {
        g_test_skip("cannot become a user who cannot write /dev");
        return;
    }
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
}

typedef struct writer {
    sk_ctx *ctx;
    const char *dir;
    gint written;     /* atomic: files staged so far */
    sk_status last;
} writer;

static gpointer
write_many(gpointer data)
{
    writer *w = data;
    static char block[64 * 1024];
    for (int i = 0; i < 100000; i++) {
        char name[32];
        g_snprintf(name, sizeof name, "f%05d.bin", i);
        char *path = path_in(w->dir, name);
        w->last = sk_write_file(w->ctx, path, block, sizeof block);
        g_free(path);
        if (w->last != SK_OK)
            break;
        g_atomic_int_inc(&w->written);
    }
    return NULL;
}

/* Discard (a signal's thread) while another thread stages: the writer is stopped with a
** message and nothing of the run stays. */
static void
test_discard_from_thread(void)
{
    char *dir = tmp_dir_new();
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    writer w = {ctx, dir, 0, SK_OK};
    GThread *t = g_thread_new("writer", write_many, &w);
    while (g_atomic_int_get(&w.written) < 5)
        g_usleep(1000);
    sk_outputs_discard(o);
    g_thread_join(t);
    g_assert_cmpint(w.last, ==, SK_EIO);
    g_assert_nonnull(strstr(sk_ctx_errmsg(ctx), "not written: the run was stopped"));
    g_assert_cmpint(entries(dir), ==, 0);
    sk_ctx_clear_error(ctx);
    assert_error(ctx, sk_outputs_commit(o), SK_EIO, "nothing was written");
    sk_outputs_free(o);
    g_assert_cmpint(entries(dir), ==, 0);
    sk_ctx_free(ctx);
    tmp_dir_remove(dir);
}

static char *
temp_of(const char *dir, const char *name, long pid)
{
    char *base = g_strdup_printf(".%s.sk-%ld-a1b2c3", name, pid);
    char *path = path_in(dir, base);
    g_free(base);
    put(path, "half");
    return path;
}

/* Temporaries of a process that is gone are removed on the first staging in their folder;
** those of live processes (a child, pid 1) and other dot files stay. */
static void
test_stale_temporaries(void)
{
    /* The children fork before anything is allocated: they hold nothing to leak. */
    pid_t dead = fork();
    if (dead == 0)
        _exit(0);
    g_assert_cmpint(waitpid(dead, NULL, 0), ==, dead);
    pid_t alive = fork();
    if (alive == 0) {
        pause();
        _exit(0);
    }
    char *dir = tmp_dir_new(), *other = tmp_dir_new();
    char *stale = temp_of(dir, "m.png", dead), *elsewhere = temp_of(other, "m.png", dead);
    char *child = temp_of(dir, "c.csv", alive), *init = temp_of(dir, "i.csv", 1);
    char *mine = path_in(dir, ".notes.sk-12-abc"), *out = path_in(dir, "new.csv");
    put(mine, "not a temporary of ours");
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    g_assert_true(file_exists(stale));
    g_assert_cmpint(write_text(ctx, out, "x"), ==, SK_OK);
    g_assert_false(file_exists(stale));
    g_assert_true(file_exists(child));
    g_assert_true(file_exists(init));
    g_assert_true(file_exists(mine));
    g_assert_true(file_exists(elsewhere));   /* no output there */
    g_assert_cmpint(sk_outputs_commit(o), ==, SK_OK);
    sk_outputs_free(o);
    kill(alive, SIGKILL);
    waitpid(alive, NULL, 0);
    sk_ctx_free(ctx);
    g_free(stale);
    g_free(elsewhere);
    g_free(child);
    g_free(init);
    g_free(mine);
    g_free(out);
    tmp_dir_remove(dir);
    tmp_dir_remove(other);
}

static void
test_one_run_per_context(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    g_assert_nonnull(o);
    g_assert_null(sk_outputs_new(ctx));
    g_assert_cmpint(sk_ctx_status(ctx), ==, SK_EUSAGE);
    g_assert_cmpstr(sk_ctx_errmsg(ctx), ==, "a run of outputs is already open on this context");
    sk_ctx_clear_error(ctx);
    sk_outputs_free(o);
    o = sk_outputs_new(ctx);
    g_assert_nonnull(o);
    sk_outputs_free(o);
    sk_ctx_free(ctx);
}

static void
test_mode_kept(void)
{
    char *dir = tmp_dir_new(), *a = path_in(dir, "a.csv"), *b = path_in(dir, "b.csv");
    put(a, "old");
    g_assert_cmpint(chmod(a, 0640), ==, 0);
    mode_t mask = umask(022);
    sk_ctx *ctx = sk_ctx_new();
    sk_outputs *o = sk_outputs_new(ctx);
    g_assert_cmpint(write_text(ctx, a, "new"), ==, SK_OK);
    g_assert_cmpint(write_text(ctx, b, "new"), ==, SK_OK);
    g_assert_cmpint(sk_outputs_commit(o), ==, SK_OK);
    sk_outputs_free(o);
    struct stat sa, sb;
    g_assert_cmpint(g_stat(a, &sa), ==, 0);
    g_assert_cmpint(g_stat(b, &sb), ==, 0);
    g_assert_cmpint(sa.st_mode & 07777, ==, 0640);
    g_assert_cmpint(sb.st_mode & 07777, ==, 0644);
    umask(mask);
    assert_content(a, "new");
    sk_ctx_free(ctx);
    g_free(a);
    g_free(b);
    tmp_dir_remove(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/outputs/commit", test_commit);
    g_test_add_func("/outputs/free-without-commit", test_free_without_commit);
    g_test_add_func("/outputs/never-over-input", test_never_over_input);
    g_test_add_func("/outputs/refused", test_refused_outputs);
    g_test_add_func("/outputs/rename-fault", test_rename_fault);
    g_test_add_func("/outputs/write-fault", test_write_fault);
    g_test_add_func("/outputs/symlink", test_symlink_followed);
    g_test_add_func("/outputs/fifo", test_fifo);
    g_test_add_func("/outputs/fifo-fault", test_fifo_fault);
    g_test_add_func("/outputs/device-folder-read-only", test_device_folder_read_only);
    g_test_add_func("/outputs/discard-from-thread", test_discard_from_thread);
    g_test_add_func("/outputs/stale-temporaries", test_stale_temporaries);
    g_test_add_func("/outputs/one-run-per-context", test_one_run_per_context);
    g_test_add_func("/outputs/mode-kept", test_mode_kept);
    return g_test_run();
}
