/* The atlas's folder (docs/atlas.md, "The folder"): made for the run and gone again if the
** run fails, listed in a manifest, cleared of the previous atlas's files that this one does
** not write again, and of nothing else. */
#ifndef SK_ATLAS_MANIFEST_H
#define SK_ATLAS_MANIFEST_H

#include "model.h"

#define SK__ATLAS_MANIFEST "samenkaart-atlas.txt"

/* Refuse (SK_EUSAGE) a DIR/samenkaart-atlas.txt or DIR/thumbs that is a symbolic link (the
** atlas's files must be its own, inside DIR), and a file of a's pages, its PDF, index or
** manifest that is in DIR and the previous manifest does not list.  Before drawing. */
sk_status sk__atlas_check_folder(sk_ctx *ctx, const sk_atlas *a, const char *dir);

/* DIR/thumbs, and DIR and its parents where missing; the folders made belong to the run open
** on ctx (removed, when empty, unless it commits).  SK_EIO on ctx naming the folder.  DIR is
** locked (flock on the folder itself, no lock file) until that run is freed: another atlas
** writing into it is refused (SK_EUSAGE); so the previous manifest is read under the lock. */
sk_status sk__atlas_make_folders(sk_ctx *ctx, const char *dir);

/* The number of files the run open on ctx has staged so far: what the atlas stages after
** this is what its manifest lists. */
unsigned sk__atlas_files_mark(sk_ctx *ctx);

/* DIR/samenkaart-atlas.txt: a comment line, then every file staged in DIR since mark (and
** itself), relative to DIR, sorted.  The files the previous manifest in DIR lists that this
** atlas does not write again are removed when the run commits; lines that are not the plain
** name of a file inside DIR, or name a file the run read, are ignored with a warning.  A file
** the atlas writes that is in DIR already and the previous manifest does not list: SK_EUSAGE,
** nothing written. */
sk_status sk__atlas_write_manifest(sk_ctx *ctx, const sk_atlas *a, const char *dir,
                                   unsigned mark);

#endif
