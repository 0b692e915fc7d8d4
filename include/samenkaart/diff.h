/*
** Snapshot diff: what changed between two versions of the project database (e.g. 2017 and
** 2018), per project (matched by id) and per municipality.  Compared is what maps show: the
** labels of every ordering principle, the insurers, and the places (regions named, and the
** municipalities touched); titel, partners and bron are not.  Pure: no drawing.
*/
#ifndef SAMENKAART_DIFF_H
#define SAMENKAART_DIFF_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sk_change {
    SK_CHANGE_NEW = 0,     /* only in the later database */
    SK_CHANGE_ENDED,       /* only in the earlier one */
    SK_CHANGE_CHANGED      /* in both, a field differs */
} sk_change;

/* The name of a change: "new", "ended", "changed".  Static string. */
SK_API const char *sk_change_name(sk_change change);

/* The classes of a map of changes (label sets of its classification, in this order):
** municipalities with projects after but none before, with projects before but none after,
** with projects in both and a change among them, and with the same projects in both. */
#define SK_CHANGES_NEW ((sk_labelset)1)
#define SK_CHANGES_ENDED ((sk_labelset)2)
#define SK_CHANGES_CHANGED ((sk_labelset)4)
#define SK_CHANGES_UNCHANGED ((sk_labelset)8)

/* One line of the list of changes: a new or ended project (field, before and after are empty
** strings), or one changed field with its value before and after, as canonical text: label
** keys joined by ';' in the principle's order, municipality and region names joined by ';'
** in the geography's order.  Owned by the diff. */
typedef struct sk_diff_row {
    const char *id;
    sk_change change;
    const char *field;    /* a column of the database contract */
    const char *before, *after;
} sk_diff_row;

typedef struct sk_diff sk_diff;

/* Compare the projects passing filter (NULL: all) in before and after, which must have been
** loaded against the same geography.  *out owns the result; rows sorted by id, then field
** in the contract's column order.  before and after must outlive the diff (its strings may
** point into them).  On failure *out is NULL and ctx has the message (SK_EUSAGE for
** databases of different geographies). */
SK_API sk_status sk_diff_compute(sk_ctx *ctx, const sk_projects *before,
                                 const sk_projects *after, const sk_filter *filter,
                                 sk_diff **out);
/* Free a diff.  sk_diff_free(NULL) does nothing. */
SK_API void sk_diff_free(sk_diff *diff);
/* The number of rows, and row index (0 <= index < count) into *row; its strings are owned by
** the diff. */
SK_API size_t sk_diff_row_count(const sk_diff *diff);
SK_API void sk_diff_row_get(const sk_diff *diff, size_t index, sk_diff_row *row);
/* Number of projects with this change (a changed project counts once). */
SK_API size_t sk_diff_project_count(const sk_diff *diff, sk_change change);

/* The figures of a diff: the projects passing the filter in each database, per change, in
** both and unchanged; the changed ones with other labels (of any principle), other insurers
** or other places (municipalities or regions named), a project counting under each that
** applies; the municipalities per class of the map of changes (new, ended, changed,
** unchanged, as SK_CHANGES_*) and those with projects in neither. */
typedef struct sk_diff_figures {
    size_t projects_before, projects_after;
    size_t projects[3];            /* per sk_change */
    size_t unchanged;
    size_t relabelled, other_insurers, other_places;
    size_t municipalities[4], municipalities_without;
} sk_diff_figures;

/* Fill *out from diff.  Cannot fail. */
SK_API void sk_diff_figures_get(const sk_diff *diff, sk_diff_figures *out);

/* The figures as printed beside the map of changes (Pango markup for a text panel,
** sk_map_spec.text; g_free it), in the style's wording ([diff]) with numbers as Dutch text
** writes them: the projects in each database, new, ended, changed (and what changed),
** unchanged; the municipalities per class, named as in the legend.  before_label and
** after_label name the databases ("2017", "2018"); NULL: the style's [diff] before and
** after. */
SK_API char *sk_diff_figures_text(const sk_style *style, const sk_diff_figures *figures,
                                  const char *before_label, const char *after_label);

/* The rows as CSV: id,change,field,before,after, written atomically (a temporary name, then
** renamed).  SK_EIO when the file cannot be written. */
SK_API sk_status sk_diff_write_csv(sk_ctx *ctx, const sk_diff *diff, const char *path);

/* The map of changes per municipality (classes SK_CHANGES_*, those that occur), with the
** number of projects (before and after together) touching each.  *out owns it
** (sk_classification_free).  sk_map_build makes this map from a spec of kind
** SK_MAP_CHANGES. */
SK_API sk_status sk_diff_classify(sk_ctx *ctx, const sk_diff *diff, sk_classification **out);

#ifdef __cplusplus
}
#endif
#endif
