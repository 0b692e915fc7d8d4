/*
** Classification: which projects a map counts (a filter over the ordering principles) and how
** each municipality is classed (total, or the combination of one principle's labels present
** among its matching projects).  Pure: no I/O, no drawing.
*/
#ifndef SAMENKAART_CLASSIFY_H
#define SAMENKAART_CLASSIFY_H

#include <stdint.h>
#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The four ordering principles of the AEF report, plus the insurers as a fifth dimension a
** map can filter on or show.  The order is the canonical order of legends. */
typedef enum sk_principle {
    SK_THEME = 0,      /* inhoudelijk */
    SK_INSTRUMENT,     /* instrumenteel */
    SK_FORM,           /* samenwerkingsvorm */
    SK_LEVEL,          /* geografisch */
    SK_INSURER,        /* zorgverzekeraar */
    SK_PRINCIPLE_COUNT
} sk_principle;

/* The principle's column name in the database ("inhoudelijk", …); static string.  principle
** must be below SK_PRINCIPLE_COUNT. */
SK_API const char *sk_principle_name(sk_principle principle);
/* Parse a principle by column name or English name ("samenwerkingsvorm", "form");
** SK_EUSAGE with a suggestion on ctx when unknown. */
SK_API sk_status sk_principle_parse(sk_ctx *ctx, const char *text, sk_principle *out);
/* Number of labels of a principle and their keys ("ontwikkelproject", …), in canonical
** order; static strings. */
SK_API size_t sk_principle_label_count(sk_principle principle);
SK_API const char *sk_principle_label_key(sk_principle principle, size_t label);

/* Find a label of a principle by key, name or alias ("menzis", "ZenZ"): its index in
** canonical order.  SK_EUSAGE naming the nearest label otherwise. */
SK_API sk_status sk_label_find(sk_ctx *ctx, sk_principle principle, const char *text,
                               size_t *label);

/* A set of labels of one principle, bit i = label i in canonical order. */
typedef uint32_t sk_labelset;

/* Compare two non-empty label sets in canonical legend order: labels in the order of their
** principle; where one set's labels are a prefix of the other's, the larger set first.
** Returns <0, 0, >0 like strcmp. */
SK_API int sk_labelset_compare(sk_labelset a, sk_labelset b);

/* A filter: clauses "principle=value[,value…]" that must all hold (AND); the values of one
** clause are alternatives (OR).  "principle!=value[,value…]" excludes projects with any of
** the values.  "inhoudelijk=anders: minima" matches only that kind of "anders";
** "inhoudelijk=anders" matches every one.  "id=P0009,P0010" keeps those projects (ids
** ignoring case), "titel~tekst" the projects whose title holds the text (ignoring case and
** accents; the whole rest of the clause, commas included); "id!=…" and "titel!~…" leave
** them out.
** sk_filter_new makes one without clauses (every project passes); free it with
** sk_filter_free (NULL is a no-op).  A filter is only read by the maps that use it. */
SK_API sk_filter *sk_filter_new(void);
SK_API void sk_filter_free(sk_filter *filter);
/* Add a clause (copied).  SK_EUSAGE, with the nearest valid principle or label, on a bad
** clause; the filter is then unchanged. */
SK_API sk_status sk_filter_add(sk_ctx *ctx, sk_filter *filter, const char *clause);
/* The number of clauses added. */
SK_API size_t sk_filter_clause_count(const sk_filter *filter);
/* Check the filter against a database: every id of an id clause is a project's, and some
** title holds the text of each title clause (a text no title holds is a typo, not an empty
** map).  SK_EUSAGE naming the clause and, for an id, the nearest ids.  sk_classify and
** sk_classify_highlight check their filters with it. */
SK_API sk_status sk_filter_check(sk_ctx *ctx, const sk_filter *filter,
                                 const sk_projects *projects);

/* The classes of one map. */
/* The class of municipalities that a table lists with no label ("geen contract"); it sorts
** after every real combination. */
#define SK_LABELSET_NONE ((sk_labelset)0x80000000u)

/* A map from a table instead of the project database: each row names a municipality (code or
** name) or, with by_region, a region of geo (all its members), and in value_column a
** ';'-separated list of labels of principle — e.g. the insurers holding a municipality's
** collective minima contract.  Classes are the combinations present, canonical order;
** municipalities listed with no label form the class SK_LABELSET_NONE; those not listed have
** none.  layer names the layer or sheet of a source with several (NULL: its only layer, or a
** spreadsheet's first sheet).  Every unknown key or label is reported as FILE:LINE: … (SK_EINPUT, also for an
** unreadable file or a missing column); SK_ERUNTIME when the reader back-end cannot be
** loaded.  *out owns the result. */
SK_API sk_status sk_classify_table(sk_ctx *ctx, const sk_geography *geo, const char *path,
                                   const char *layer, const char *key_column, const char *value_column,
                                   sk_principle principle, int by_region,
                                   sk_classification **out);

/* What a map shows. */
typedef enum sk_map_kind {
    SK_MAP_TOTAL,         /* one class: at least one matching project */
    SK_MAP_COMBINATION,   /* the set of one principle's labels present */
    SK_MAP_HIGHLIGHT,     /* "X: Y" (a matching project that is also Y) vs "X: overig" */
    SK_MAP_COUNT,         /* number of matching projects, in graduated classes */
    SK_MAP_REGIONS,       /* the regions themselves: a class per region, numbered */
    SK_MAP_CHANGES,       /* what changed between two databases (diff.h: SK_CHANGES_*) */
    SK_MAP_TABLE,         /* labels per municipality or region from a table (a map spec's
                          ** kind; the classification is a combination of the labels) */
    SK_MAP_POINTS,        /* a point layer's points (points.h) as circles over the base map,
                          ** coloured by a column (a style's ordinal scale or categories) */
    SK_MAP_POINT_COUNT    /* points per municipality (the municipalities each covers, or the
                          ** one holding it), in graduated classes like SK_MAP_COUNT */
} sk_map_kind;

/* The overview of the regions: class k is region k (numbered k + 1 on the map), neighbouring
** regions get different colours of the style's region palette.  SK_EINPUT when geo has no
** regions.  *out owns the result. */
SK_API sk_status sk_classify_regions(sk_ctx *ctx, const sk_geography *geo,
                                     sk_classification **out);
/* Regions overview: the palette index (0-based) of class k. */
SK_API unsigned sk_classification_class_palette(const sk_classification *classification,
                                                size_t k);

/* Class every municipality of the projects' geography.  show < 0 makes a total map (one
** class: at least one matching project); otherwise each municipality's class is the set of
** labels of principle show among its matching projects.  Classes are sorted in canonical
** order and only classes that occur are listed.  SK_EUSAGE when show >= SK_PRINCIPLE_COUNT.
** filter and projects are only read.  *out owns a new classification. */
SK_API sk_status sk_classify(sk_ctx *ctx, const sk_projects *projects, const sk_filter *filter,
                             int show, sk_classification **out);
/* Free a classification; NULL is a no-op.  (One given to sk_map_new belongs to the map.) */
SK_API void sk_classification_free(sk_classification *classification);

/* Highlight map: class 1 (label set 1) "X: Y" holds municipalities with a project matching
** filter and highlight, class 2 (label set 2) "X: overig" those whose matching projects all
** fail highlight.  Classes that do not occur are left out.  SK_EUSAGE when highlight is
** NULL or has no clauses.  *out owns a new classification. */
SK_API sk_status sk_classify_highlight(sk_ctx *ctx, const sk_projects *projects,
                                       const sk_filter *filter, const sk_filter *highlight,
                                       sk_classification **out);

typedef enum sk_breaks {
    SK_BREAKS_MANUAL,     /* given upper bounds; counts above the last: an open class */
    SK_BREAKS_QUANTILE,   /* equal numbers of municipalities per class */
    SK_BREAKS_NATURAL     /* Jenks natural breaks (least squared deviation in classes) */
} sk_breaks;

/* Count map: every municipality in a class of its number of matching projects; none is
** left without a class.  When some municipality has no matching project, class 0 is the
** range 0..0 holding those, and it takes one of the classes: QUANTILE and NATURAL then make
** at most `classes` - 1 classes over the counts of 1 or more (fewer when those counts have
** fewer distinct values); when every municipality has a project, at most `classes` classes
** over them and no 0 class.  MANUAL uses breaks[0..nbreaks) as upper bounds (copied), after
** the 0 class when there is one: breaks 1,3,10 give 0, 1, 2–3, 4–10 and 11 or more.
** SK_EUSAGE for classes outside 2..7, manual breaks without any, or more than 5 distinct
** breaks (7 classes with the 0 class, counted whether or not the data has a 0).  *out owns
** the result. */
SK_API sk_status sk_classify_count(sk_ctx *ctx, const sk_projects *projects,
                                   const sk_filter *filter, sk_breaks method, size_t classes,
                                   const unsigned *breaks, size_t nbreaks,
                                   sk_classification **out);

/* Parse how a count map is classed: "quantile", "natural", or manual breaks "1,3,10" (up to
** max_breaks of them into breaks).  SK_EUSAGE with the expected forms otherwise, and for
** more than 5 distinct breaks (a count map has at most 7 classes, see sk_classify_count). */
SK_API sk_status sk_breaks_parse(sk_ctx *ctx, const char *text, sk_breaks *method,
                                 unsigned *breaks, size_t max_breaks, size_t *nbreaks);

/* Whether a matching project names region r as a whole (in wmo_regios): the regions taking
** part, which maps may outline.  Project maps only; 0 otherwise. */
SK_API int sk_classification_region_named(const sk_classification *classification,
                                          size_t region);

/* What the classification shows (SK_MAP_TOTAL, SK_MAP_COMBINATION, …). */
SK_API sk_map_kind sk_classification_kind(const sk_classification *classification);
/* Count maps: class k holds counts lower..upper (upper UINT_MAX: "lower or more"; the 0
** class: lower = upper = 0).  Other maps: 0 and 0. */
SK_API void sk_classification_class_range(const sk_classification *classification, size_t k,
                                          unsigned *lower, unsigned *upper);

/* The principle shown, or -1 for a total map. */
SK_API int sk_classification_show(const sk_classification *classification);
/* The number of classes (only those that occur), in legend order. */
SK_API size_t sk_classification_class_count(const sk_classification *classification);
/* The label set of class k (total maps: 1). */
SK_API sk_labelset sk_classification_class_labels(const sk_classification *classification,
                                                  size_t k);
/* Number of municipalities in class k. */
SK_API size_t sk_classification_class_size(const sk_classification *classification, size_t k);
/* The class of municipality i, or -1 when no matching project touches it. */
SK_API int sk_classification_class_of(const sk_classification *classification, size_t i);
/* Number of matching projects touching municipality i. */
SK_API unsigned sk_classification_projects_of(const sk_classification *classification,
                                              size_t i);
/* Number of projects that pass the filter. */
SK_API size_t sk_classification_matching_projects(const sk_classification *classification);

#ifdef __cplusplus
}
#endif
#endif
