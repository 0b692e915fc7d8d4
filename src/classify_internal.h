#ifndef SK_CLASSIFY_INTERNAL_H
#define SK_CLASSIFY_INTERNAL_H

#include "samenkaart/classify.h"

/* A short description of the filter for titles ("Preventie", "Ouderen, Implementatie"), or
** NULL for an empty filter.  Caller frees with g_free. */
char *sk__filter_describe(const sk_filter *filter);

#endif
