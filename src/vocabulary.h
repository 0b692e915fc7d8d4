/* The vocabulary of the project database contract: the labels of each ordering principle,
** their display names and the aliases users write (see data/nl2017/README.md). */
#ifndef SK_VOCABULARY_H
#define SK_VOCABULARY_H

#include <stddef.h>
#include "samenkaart/classify.h"

enum { SK__MAX_ALIASES = 6, SK__MAX_LABELS = 16 };

typedef struct sk__label_def {
    const char *key;        /* canonical value in the database ("implementatie") */
    const char *display;    /* name as the report writes it ("Implementatie") */
    const char *legend;     /* default legend text ("implementatie") */
    const char *aliases[SK__MAX_ALIASES];
} sk__label_def;

/* The labels of principle p in canonical order; *count set to their number. */
const sk__label_def *sk__vocabulary(sk_principle p, size_t *count);

/* The database column that holds principle p ("zorgverzekeraars" for insurers). */
const char *sk__principle_column(sk_principle p);
/* Whether a project may carry several labels of p (';'-separated in the database). */
int sk__principle_multi(sk_principle p);
/* The principle's title for legends ("Samenwerkingsvorm"). */
const char *sk__principle_title(sk_principle p);

/* Parse one value of principle p: returns the label index, or -1 when unknown.  For the theme
** "anders: <text>" the free text is returned in *detail (normalised, g_free it; NULL when
** absent); detail may be NULL when the caller does not want it. */
int sk__label_parse(sk_principle p, const char *value, char **detail);

/* The nearest known label (display text, static) to an unknown value of principle p. */
const char *sk__label_suggest(sk_principle p, const char *value);
/* Every nearest label key to value, quoted for "did you mean %s?"; g_free it. */
char *sk__label_nearest(sk_principle p, const char *value);

#endif
