#ifndef SK_CLASSIFY_INTERNAL_H
#define SK_CLASSIFY_INTERNAL_H

#include "samenkaart/classify.h"

/* A short description of the filter for titles ("Preventie", "Ouderen, Implementatie"), or
** NULL for an empty filter.  Caller frees with g_free. */
/* sk_filter_check against several databases: every id and title text of the filter names a
** project of one of them (a diff's ids may have begun or ended between its two). */
sk_status sk__filter_check_any(sk_ctx *ctx, const sk_filter *f, const sk_projects *const *dbs,
                               size_t n);
char *sk__filter_describe(const sk_filter *filter);

/* The same with each label's text from text() (e.g. the style's legend texts). */
typedef const char *(*sk__label_text_fn)(void *user_data, sk_principle p, size_t label);
char *sk__filter_describe_with(const sk_filter *filter, sk__label_text_fn text,
                               void *user_data);

/* The one label of principle p that every project passing f carries (a clause "p=X" of one
** value), or -1. */
int sk__filter_one_label(const sk_filter *f, sk_principle p);

/* The labels of principle show a map of f may colour: those its clauses on show select
** (every label when none does, or show < 0). */
sk_labelset sk__filter_shown_mask(const sk_filter *f, int show);

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

/* Count maps (breaks.c).  SK_EUSAGE unless method and classes or breaks make 2 to 7
** classes, the 0 class counted (see sk_classify_count). */
sk_status sk__count_check(sk_ctx *ctx, sk_breaks method, size_t classes, const unsigned *breaks,
                          size_t nbreaks);
/* The upper ends of the classes over the counts values[0..n) (all 1 or more; sorted in
** place): at most want classes by quantile or natural breaks (fewer when the counts have
** fewer distinct values), or one up to each distinct manual break and an open one
** (UINT_MAX) above the last.  upper has room for MAX(want, nbreaks) + 1; returns how many
** were written. */
size_t sk__count_uppers(sk_breaks method, size_t want, const unsigned *breaks, size_t nbreaks,
                        unsigned *values, size_t n, unsigned *upper);

/* A count map's classification of kind from counts per municipality (copied), classed as
** sk_classify_count does (method, classes and breaks already checked, sk__count_check).  The
** caller frees the result. */
sk_classification *sk__classification_counted(sk_map_kind kind, const unsigned *counts,
                                              size_t nmun, sk_breaks method, size_t classes,
                                              const unsigned *breaks, size_t nbreaks);

/* One panel of a small multiple: from a combination or table classification, the
** municipalities whose class's label set holds label (bit 1 << label) form its one class,
** label set 1 << label; every other municipality has none (-1).  No municipality with the
** label: zero classes.  Kind, principle, projects per municipality, the number of matching
** projects and the regions named are those of c.  The caller frees the result. */
sk_classification *sk__classification_keep_label(const sk_classification *c, size_t label);

#endif
