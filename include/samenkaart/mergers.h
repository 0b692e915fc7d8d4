/*
** Municipal mergers (herindelingen): a table of which municipalities were merged into which,
** per year, so that a project database names its municipalities on boundaries of another
** year.  shapes/herindelingen_2018_2019.csv ships the mergers of 2018 and 2019 (CBS).
*/
#ifndef SAMENKAART_MERGERS_H
#define SAMENKAART_MERGERS_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Read a mergers table (any OGR table) with the columns jaar, oud_code, oud_naam, nieuw_code,
** nieuw_naam and deel ("ja" when only part of the old municipality went to the new one: a
** municipality split between several).  Every bad row is reported as FILE:LINE (SK_EINPUT,
** also for an unreadable file or a missing column); SK_ERUNTIME when the reader back-end
** cannot be loaded.  *out owns the table; give it to sk_projects_load through
** sk_projects_options.mergers. */
SK_API sk_status sk_mergers_load(sk_ctx *ctx, const char *path, sk_mergers **out);
/* Free a mergers table; NULL is a no-op. */
SK_API void sk_mergers_free(sk_mergers *mergers);
/* The number of mergers (rows) in the table. */
SK_API size_t sk_mergers_count(const sk_mergers *mergers);

/* A reference the project database made by a name the boundaries do not have, and what it
** was taken to mean (strings owned by the projects). */
typedef struct sk_remap {
    const char *where;      /* FILE:LINE */
    const char *value;      /* as written */
    const char *mapped_to;  /* the municipalities now meant, ';'-separated */
    const char *note;       /* how: "merged into … (2019)", "merged from … (2019)" */
} sk_remap;

#ifdef __cplusplus
}
#endif
#endif
