/* What the project reader needs of a mergers table. */
#ifndef SK_MERGERS_INTERNAL_H
#define SK_MERGERS_INTERNAL_H

#include <glib.h>
#include "samenkaart/mergers.h"

enum { SK__MERGER_UNKNOWN = 0, SK__MERGER_MAPPED, SK__MERGER_SPLIT };

/* What a municipality name the boundaries lack means through the mergers (m may be NULL):
** SK__MERGER_MAPPED with the municipality indices of geo appended to hits (size_t) and a note
** how; SK__MERGER_SPLIT when it was split between several (note says into what);
** SK__MERGER_UNKNOWN otherwise.  *note is g_free'd by the caller. */
int sk__mergers_resolve(const sk_mergers *m, const sk_geography *geo, const char *value,
                        GArray *hits, char **note);

#endif
