#ifndef SK_CLASSIFY_INTERNAL_H
#define SK_CLASSIFY_INTERNAL_H

#include "samenkaart/classify.h"

/* A short description of the filter for titles ("Preventie", "Ouderen, Implementatie"), or
** NULL for an empty filter.  Caller frees with g_free. */
char *sk__filter_describe(const sk_filter *filter);

/* The same with each label's text from text() (e.g. the style's legend texts). */
typedef const char *(*sk__label_text_fn)(void *user_data, sk_principle p, size_t label);
char *sk__filter_describe_with(const sk_filter *filter, sk__label_text_fn text,
                               void *user_data);

/* A copy of f (NULL: an empty filter); free with sk_filter_free. */
sk_filter *sk__filter_copy(const sk_filter *f);

/* Whether project p passes filter f (NULL: every project does). */
struct sk__project;
int sk__project_matches(const struct sk__project *p, const sk_filter *f);

/* A classification of any kind from one label set per municipality (0: no class), classes in
** canonical order; projects_of (may be NULL) gives each municipality's project count. */
sk_classification *sk__classification_new(sk_map_kind kind, int show, const sk_labelset *sets,
                                          const unsigned *projects_of, size_t count);

/* A combination classification from one label set per municipality (0: no class). */
sk_classification *sk__classification_from_sets(const sk_labelset *sets, size_t count,
                                                int show);

/* A group of classes (--group-from N): its label set, and whether a label set is one. */
#define SK__LABELSET_GROUP(n) ((sk_labelset)0x40000000u | ((sk_labelset)(n) << 24))
#define SK__LABELSET_IS_GROUP(s) (((s) & 0x40000000u) != 0 && (s) != SK_LABELSET_NONE)
#define SK__LABELSET_GROUP_SIZE(s) ((unsigned)(((s) >> 24) & 0x3fu))

/* A classification like c with every class of `from` or more labels one group
** (SK__LABELSET_GROUP(from)); the rest unchanged.  Free with sk_classification_free. */
sk_classification *sk__classification_group(const sk_classification *c, size_t from);
/* TEMP until helper D lands */
sk_classification *sk__classification_keep_label(const sk_classification *c, size_t label);

#endif
