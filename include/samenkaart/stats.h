/*
** Statistics of a project database: projects and municipalities per label of every ordering
** principle, per insurer and per municipality size class: the numbers behind statements such
** as "Jeugd 18-/18+ has the fewest projects".  Pure: no drawing.
*/
#ifndef SAMENKAART_STATS_H
#define SAMENKAART_STATS_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One row: in dimension ("inhoudelijk", "instrumenteel", "samenwerkingsvorm", "geografisch",
** "zorgverzekeraar" or "grootteklasse"), the projects with the label and the municipalities
** they touch.  For "grootteklasse" the label is the size class ("<20000", "20000-100000",
** ">=100000" inhabitants), projects are those touching a municipality of the class and
** municipalities those of the class with a project; class_size is the number of
** municipalities in it (0 for the other dimensions).  Strings are owned by the stats. */
typedef struct sk_stats_row {
    const char *dimension;
    const char *label;     /* the database's key ("jeugd"; an insurer's name) */
    const char *display;   /* as the report writes it ("Jeugd 18-/18+") */
    size_t projects, municipalities, class_size;
} sk_stats_row;

typedef struct sk_stats sk_stats;

/* Count the projects passing filter (NULL: all).  Every label of every principle gets a row,
** also when no project has it, in canonical order.  Size classes need the municipalities'
** population; without it (SK_EINPUT) the message names the field.  *out owns the result. */
SK_API sk_status sk_stats_compute(sk_ctx *ctx, const sk_projects *projects,
                                  const sk_filter *filter, sk_stats **out);
/* Free statistics; NULL is a no-op. */
SK_API void sk_stats_free(sk_stats *stats);
/* The rows, dimension by dimension in the order above; get fills *row with strings owned by
** stats. */
SK_API size_t sk_stats_row_count(const sk_stats *stats);
SK_API void sk_stats_row_get(const sk_stats *stats, size_t index, sk_stats_row *row);
/* Number of projects counted (passing the filter). */
SK_API size_t sk_stats_project_count(const sk_stats *stats);

typedef enum sk_table_format {
    SK_TABLE_CSV,      /* dimension,label,projects,municipalities */
    SK_TABLE_MARKDOWN  /* a table per dimension, with display names and shares */
} sk_table_format;

/* The rows as text: a new string the caller frees with g_free (or free: GLib allocates with
** the C library's malloc).  Never NULL. */
SK_API char *sk_stats_format(const sk_stats *stats, sk_table_format format);

#ifdef __cplusplus
}
#endif
#endif
