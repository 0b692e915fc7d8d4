/* Point maps in an atlas: the keys of a page that shows a point layer (points = FILE, kind,
** by, size_by, count, breaks, covered), families over the values of a point column, and the
** layers loaded once per atlas and checked against the pages that show them. */
#ifndef SK_ATLAS_POINTPAGES_H
#define SK_ATLAS_POINTPAGES_H

#include "samenkaart/points.h"
#include "../keyfile.h"
#include "../vocabulary.h"
#include "model.h"

/* The keys only a point map takes (besides where, classes and the texts). */
#define SK__ATLAS_POINT_KEYS "points", "points_layer", "x_field", "y_field", "kind", "by", \
                 "size_by", "covered", "breaks"

/* Read the point keys of group into pg: pg->points_file 0 when the group has no points key
** (then any other point key is a problem).  The file is resolved against the atlas file and
** added to a->point_files once per distinct file and layer. */
void sk__atlas_read_points(sk__keyfile *k, sk_atlas *a, const char *group, page *pg);

/* A family over a point column (for = COLUMN with points = FILE): the column's values as
** labels (key and display: the value), read from the file without the geography (the layer
** itself is loaded and checked when the atlas renders).  *order: the values the family runs
** over, picked and ordered by its labels key, else all of them in the order of the column's
** [scale] in the style, else most frequent first (ties alphabetically); *n their number.
** *strings owns the texts (g_strfreev).  Problems go to k. */
sk__label_def *sk__atlas_point_labels(sk__keyfile *k, const sk_atlas *a, const char *group,
                                      int points_file, const char *column, size_t **order,
                                      size_t *n, char ***strings);

/* Whether some map of the atlas shows projects (not only point layers): the project database
** is read only then. */
int sk__atlas_needs_projects(const sk_atlas *a);

/* Load every point layer of the atlas once (sk_points_load with geo and style), then check
** the pages that show them: by and size_by name columns of the layer, where selects by its
** columns.  Every problem as FILE:LINE: [group] key: …, in one run (SK_EINPUT).  *out: one
** layer per a->point_files (free with sk__atlas_points_free, also on failure). */
sk_status sk__atlas_load_points(sk_ctx *ctx, const sk_atlas *a, const sk_geography *geo,
                                const sk_style *style, sk_points ***out);
void sk__atlas_points_free(const sk_atlas *a, sk_points **points);

#endif
