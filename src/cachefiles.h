/* The files a cache entry was made from (cache.h): their identities, and every file a read
** touched found from what it reported.  Needs no GDAL.  Private to cache.c. */
#ifndef SK_CACHEFILES_H
#define SK_CACHEFILES_H

#include <glib.h>

/* When the files of a group may be trusted not to change unseen: their last change plus the
** time granularity of their file system (a later change within it could leave every time
** as it is).  Microseconds of real time. */
typedef struct sk__cache_stamp {
    gint64 settled;
} sk__cache_stamp;

/* Hash s, length-prefixed (NULL differs from ""). */
void sk__cache_hash_str(GChecksum *c, const char *s);

/* Hash the identity (path, size, modification and change times, inode, device) of source's
** group: the file and every file beside it with the same stem (a shapefile's .shx, .dbf,
** .prj, .cpg …), or every file of a folder.  stamp (may be NULL) is raised to the group's.
** 0 when source is not a local file (a database connection, a missing file). */
int sk__cache_hash_source(GChecksum *c, const char *source, sk__cache_stamp *stamp);

/* The groups of the files a read noted (paths as given to sk__ctx_note_input), with the
** sources of every VRT among them, however deep: one path per group, in order.  NULL when
** one is not a local file or a VRT cannot be read: then what the read depends on is not
** known, and it is not cached.  Free with g_ptr_array_unref. */
GPtrArray *sk__cache_groups(const GPtrArray *noted);

/* The digest (32 bytes) of path's group and its stamp; 0 when it is not a local file. */
int sk__cache_group_digest(const char *path, guint8 digest[32], sk__cache_stamp *stamp);

#endif
