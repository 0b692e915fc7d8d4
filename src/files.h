/* Files on disk as outputs see them: a name through its links, what makes two names one file,
** the streams of this process, whole writes and copies. */
#ifndef SK_FILES_H
#define SK_FILES_H

#include <stddef.h>

/* path through its symbolic links (at most 40) to the name of the file it stands for; that
** file need not exist.  NULL with errno ELOOP on a loop.  Caller frees (g_free). */
char *sk__file_through_links(const char *path);
/* Whether path names one of this process's open streams (/dev/stdout, /dev/fd/N). */
int sk__file_is_stream(const char *path);
/* What makes two names one file (device and inode, else the canonical folder and name);
** caller frees. */
char *sk__file_identity(const char *path);
/* Write all of data to fd; 0 or errno. */
int sk__file_write_all(int fd, const void *data, size_t size);
/* A copy of from as the new file to, with from's mode, flushed; 0 or errno. */
int sk__file_copy(const char *from, const char *to);

#endif
