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

/* The principle's column name in the database ("inhoudelijk", …); static string. */
SK_API const char *sk_principle_name(sk_principle principle);
/* Parse a principle by column name or English name ("samenwerkingsvorm", "form");
** SK_EUSAGE with a suggestion on ctx when unknown. */
SK_API sk_status sk_principle_parse(sk_ctx *ctx, const char *text, sk_principle *out);
/* Number of labels of a principle and their keys ("ontwikkelproject", …), in canonical order. */
SK_API size_t sk_principle_label_count(sk_principle principle);
SK_API const char *sk_principle_label_key(sk_principle principle, size_t label);

/* A set of labels of one principle, bit i = label i in canonical order. */
typedef uint32_t sk_labelset;

/* Compare two non-empty label sets in canonical legend order: labels in the order of their
** principle; where one set's labels are a prefix of the other's, the larger set first.
** Returns <0, 0, >0 like strcmp. */
SK_API int sk_labelset_compare(sk_labelset a, sk_labelset b);

/* A filter: clauses "principle=value[,value…]" that must all hold (AND); the values of one
** clause are alternatives (OR).  "inhoudelijk=anders: minima" matches only that kind of
** "anders"; "inhoudelijk=anders" matches every one. */
SK_API sk_filter *sk_filter_new(void);
SK_API void sk_filter_free(sk_filter *filter);
/* Add a clause.  SK_EUSAGE, with the nearest valid principle or label, on a bad clause. */
SK_API sk_status sk_filter_add(sk_ctx *ctx, sk_filter *filter, const char *clause);
SK_API size_t sk_filter_clause_count(const sk_filter *filter);

/* The classes of one map. */
/* Class every municipality of the projects' geography.  show < 0 makes a total map (one
** class: at least one matching project); otherwise each municipality's class is the set of
** labels of principle show among its matching projects.  Classes are sorted in canonical
** order and only classes that occur are listed.  *out owns a new classification. */
SK_API sk_status sk_classify(sk_ctx *ctx, const sk_projects *projects, const sk_filter *filter,
                             int show, sk_classification **out);
SK_API void sk_classification_free(sk_classification *classification);

/* The principle shown, or -1 for a total map. */
SK_API int sk_classification_show(const sk_classification *classification);
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
