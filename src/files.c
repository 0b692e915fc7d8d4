/* Files on disk as outputs see them (files.h). */
/* realpath */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "files.h"

/* path through its symbolic links (at most 40) to the name of the file it stands for; that
** file need not exist.  NULL with errno ELOOP on a loop. */
char *
sk__file_through_links(const char *path)
{
    char *current = g_strdup(path);
    for (int hops = 0; hops < 40; hops++) {
        char *link = g_file_read_link(current, NULL);
        if (link == NULL)
            return current;
        char *next = link;
        if (!g_path_is_absolute(link)) {
            char *dir = g_path_get_dirname(current);
            next = g_build_filename(dir, link, NULL);
            g_free(dir);
            g_free(link);
        }
        g_free(current);
        current = next;
    }
    g_free(current);
    errno = ELOOP;
    return NULL;
}

/* A name for one of this process's open streams. */
int
sk__file_is_stream(const char *path)
{
    return strcmp(path, "/dev/stdout") == 0 || strcmp(path, "/dev/stderr") == 0 ||
           g_str_has_prefix(path, "/dev/fd/") || g_str_has_prefix(path, "/proc/self/fd/");
}

/* What makes two names one file: device and inode when it exists (links, hard links, ./ and
** ../ all agree), else the canonical folder and the name. */
char *
sk__file_identity(const char *path)
{
    struct stat sb;
    if (g_stat(path, &sb) == 0)
        return g_strdup_printf("inode %ju:%ju", (uintmax_t)sb.st_dev, (uintmax_t)sb.st_ino);
    char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
    char *real = realpath(dir, NULL);
    char *id = g_strdup_printf("name %s/%s", real != NULL ? real : dir, base);
    free(real);
    g_free(dir);
    g_free(base);
    return id;
}

/* 0 or errno. */
int
sk__file_write_all(int fd, const void *data, size_t size)
{
    const char *p = data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : EIO;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

/* A copy of from as to (a new file, from's mode); 0 or errno. */
int
sk__file_copy(const char *from, const char *to)
{
    struct stat sb;
    int in = g_open(from, O_RDONLY | O_CLOEXEC, 0), e = 0;
    if (in < 0 || fstat(in, &sb) != 0) {
        e = errno;
        if (in >= 0)
            close(in);
        return e;
    }
    int out = g_open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, sb.st_mode & 07777);
    char buf[65536];
    ssize_t n = 0;
    while (out >= 0 && e == 0 && (n = read(in, buf, sizeof buf)) > 0)
        e = sk__file_write_all(out, buf, (size_t)n);
    if (out < 0 || n < 0 || (e == 0 && fsync(out) != 0))
        e = e != 0 ? e : errno;
    if (out >= 0 && close(out) != 0 && e == 0)
        e = errno;
    close(in);
    if (e != 0 && out >= 0)
        g_unlink(to);
    return e;
}

