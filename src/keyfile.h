/* One reader for the project's INI files (style files and atlas files): GKeyFile underneath,
** plus the line of every group and key, so that every problem of a file is reported as
** "FILE:LINE: [group] key: …" with the nearest valid name, all of them in one run. */
#ifndef SK_KEYFILE_H
#define SK_KEYFILE_H

#include <glib.h>
#include "internal.h"

typedef struct sk__keyfile sk__keyfile;

/* Read and parse path.  Problems found later are added to diags (borrowed; the caller
** initialises it and turns it into one error with sk__diagnostics_finish), so that several
** files can report into one list.  what names the file in a read error ("atlas file",
** "style").  On failure: an SK_EINPUT error on ctx and *out NULL.  *out owns a new reader
** (sk__keyfile_free). */
sk_status sk__keyfile_open(sk_ctx *ctx, const char *path, const char *what,
                           sk__diagnostics *diags, sk__keyfile **out);
void sk__keyfile_free(sk__keyfile *k);

/* The file's path and its GKeyFile (both owned by k). */
const char *sk__keyfile_path(const sk__keyfile *k);
GKeyFile *sk__keyfile_gkf(const sk__keyfile *k);

/* The line of key in group (of the group header when key is NULL); 0 when not found. */
int sk__keyfile_line(const sk__keyfile *k, const char *group, const char *key);

/* Add "PATH:LINE: [group] key: message" (or "PATH:LINE: [group]: message" when key is NULL)
** to the diagnostics; LINE is the key's, else the group's. */
void sk__keyfile_problem(sk__keyfile *k, const char *group, const char *key, const char *fmt,
                         ...) G_GNUC_PRINTF(4, 5);

/* Report every key of group that is not among allowed (NULL-terminated), with the nearest
** allowed key as a suggestion. */
void sk__keyfile_check_keys(sk__keyfile *k, const char *group, const char *const *allowed);
/* The nearest of candidates (NULL-terminated) to name, compared normalised; borrowed from
** candidates, NULL when there are none. */
const char *sk__keyfile_nearest(const char *name, const char *const *candidates);

/* Report every group of k that is neither in known (group -> GPtrArray of its key names) nor
** among groups (NULL-terminated), with nearest_group's suggestion (g_free'd), and every key
** of a known group that is not among its keys: where it belongs when another group has it,
** else the nearest key or the group's keys. */
void sk__keyfile_check_unknown(sk__keyfile *k, GHashTable *known, const char *const *groups,
                               char *(*nearest_group)(const char *group,
                                                      const char *const *groups));

/* Report every group and every key of a group given more than once (GKeyFile merges repeated
** groups and keeps the last value of a repeated key, silently). */
void sk__keyfile_check_repeats(sk__keyfile *k);

/* The value of key, trimmed, or NULL when absent.  A value GKeyFile cannot read (not UTF-8,
** a bad escape) is a problem and NULL.  g_free it. */
char *sk__keyfile_get(sk__keyfile *k, const char *group, const char *key);
/* The same, and a "[group]: missing 'key'" problem when absent or empty. */
char *sk__keyfile_require(sk__keyfile *k, const char *group, const char *key);
/* A true/false key: *out set when the key is there and valid, a problem otherwise. */
void sk__keyfile_get_bool(sk__keyfile *k, const char *group, const char *key, int *out);
/* A whole number from min to max: *out set when the key is there and valid; otherwise the
** problem "expected …" (expected completes the sentence) and *out untouched.  Returns
** whether the key was there. */
int sk__keyfile_get_int(sk__keyfile *k, const char *group, const char *key, int min, int max,
                        const char *expected, int *out);

#endif
