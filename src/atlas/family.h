/* Families of maps: one map per label of a principle, or one highlight map per pair of
** labels, each a page or a panel of a page of small multiples. */
#ifndef SK_ATLAS_FAMILY_H
#define SK_ATLAS_FAMILY_H

#include "../keyfile.h"
#include "model.h"

/* Read [family id] (group) and append its pages to a; problems go to k. */
void sk__atlas_read_family(sk__keyfile *k, sk_atlas *a, const char *group, const char *id,
                           int section);

/* Report every {placeholder} in the text of key that is not among valid (NULL-terminated;
** empty for a plain [map], which has none), naming the valid ones. */
void sk__atlas_check_placeholders(sk__keyfile *k, const char *group, const char *key,
                                  const char *text, const char *const *valid);

#endif
