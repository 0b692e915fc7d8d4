/* The colour registry: a class's colour is a function of the class itself and the style — its
** labels (the style's colour for that combination, else a fallback colour chosen by the
** combination's place in canonical order), its count range, its kind's own colour — so a class
** looks the same on every map, page and panel, in every run.  And the rules every map's colours
** keep (docs/maps.md): few enough classes to match, every two classes apart for every reader. */
#ifndef SK_REGISTRY_H
#define SK_REGISTRY_H

#include "samenkaart/samenkaart.h"
#include <glib.h>
#include "style_internal.h"

/* The most classes a reader can match to a legend: categorical and sequential maps. */
enum { SK__MAX_CATEGORICAL = 12, SK__MAX_SEQUENTIAL = 7 };

/* The colours of every class of c (colors[0..class count)); designed[k] (may be NULL) is 1
** where the style designs the colour, 0 where it is a fallback colour.  SK_EINPUT when the
** style has no colour for a class (an empty fallback list, a ramp shorter than the classes). */
sk_status sk__registry_colors(sk_ctx *ctx, const sk_style *style, const sk_classification *c,
                              sk__color *colors, guint8 *designed);

/* Why a map of these classes cannot be read as one map, or 0 when it can: too many classes
** for its kind, or two classes of which one has a fallback colour too alike to tell apart (a
** map of label combinations is then drawn as small multiples).  Only the classes a reader
** sees count: shown[k] nonzero (a zoomed map shows some).  *why: the reason. */
typedef struct sk__split_reason {
    size_t classes;   /* the classes a reader would have to tell apart */
    int alike;        /* 0: too many of them; 1: fallback colours too alike */
} sk__split_reason;
int sk__registry_needs_panels(const sk_style *style, const sk_classification *c,
                              const guint8 *shown, sk__split_reason *why);

/* Check every two classes a map shows (shown[k]; texts name them) and every one against
** white: ΔE2000
** and, for insurers, ΔL* (colour.h).  A pair that breaks a rule is SK_EINPUT naming both and
** the distance, or, with allow_similar, a warning on ctx and SK_OK. */
sk_status sk__registry_check(sk_ctx *ctx, const sk_style *style, const sk_classification *c,
                             char *const *texts, const sk__color *colors,
                             const guint8 *shown, int allow_similar);

/* A class as the colour rules see it: its text (for messages), its colour, and whether it is
** a single insurer (insurers part in lightness too). */
typedef struct sk__class_color {
    const char *text;
    sk__color color;
    int insurer;
} sk__class_color;

/* The same for n classes (a shared legend's, say). */
sk_status sk__registry_check_colors(sk_ctx *ctx, const sk_style *style,
                                    const sk__class_color *classes, size_t n,
                                    int allow_similar);
/* Whether a class of principle show with label set s is a single insurer (insurers part in
** lightness too). */
int sk__registry_single_insurer(int show, sk_labelset s);

#endif
