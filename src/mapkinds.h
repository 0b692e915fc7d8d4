/* The table of map kinds: one row per sk_map_kind with everything that differs between kinds —
** how a spec of the kind is classified, which spec fields it takes, and how the map model
** dresses its classes (legend texts and title, colours, default counts).  Adding a kind is one
** row here, its classify function and its tests. */
#ifndef SK_MAPKINDS_H
#define SK_MAPKINDS_H

#include "samenkaart/spec.h"
#include "style_internal.h"

/* What a classify function of a kind reads: the spec, the data, and the spec's clauses parsed
** (filter: where, narrowed to spec->insurer; highlight: the highlight clauses, or NULL). */
typedef struct sk__kind_input {
    const sk_map_spec *spec;
    const sk_map_data *data;
    const sk_filter *filter;
    const sk_filter *highlight;
} sk__kind_input;

/* What a map model's texts are made from. */
typedef struct sk__kind_texts {
    const sk_style *style;
    const sk_geography *geo;
    const sk_classification *classification;
    const sk_filter *filter;      /* may be NULL */
    const sk_filter *highlight;   /* highlight maps; may be NULL */
    const char *before_label, *after_label;   /* maps of changes; may be NULL */
} sk__kind_texts;

/* The spec fields beyond the common ones (where, zoom, overlays, texts, page), one bit each. */
enum {
    SK__FIELD_HIGHLIGHT = 1 << 0,   /* highlight */
    SK__FIELD_BREAKS = 1 << 1,      /* breaks, classes */
    SK__FIELD_TABLE = 1 << 2,       /* table, table_key, table_column, table_principle,
                                    ** table_by_region */
    SK__FIELD_INSURER = 1 << 3,     /* insurer, panel */
    SK__FIELD_LABELS = 1 << 4,      /* group_from, label */
    SK__FIELD_PERIOD = 1 << 5,      /* before_label, after_label */
    SK__FIELD_POINTS = 1 << 6,      /* by, size_by, covered */
    SK__FIELD_COUNT_METHOD = 1 << 7 /* count */
};

typedef struct sk__map_kind_def {
    sk_map_kind kind;
    const char *name;             /* "total", … for messages */
    unsigned fields;              /* SK__FIELD_* the kind accepts */
    unsigned requires;            /* SK__FIELD_* it cannot do without */
    int needs_projects;           /* classified from data->projects */
    int needs_before;             /* and from data->before, the earlier database */
    int needs_points;             /* classified from data->points, where selecting points */
    /* The file the source line names instead of the project database (a table, the
    ** membership table), or NULL for the project database. */
    const char *(*source_file)(const sk_map_spec *spec, const sk_map_data *data);
    sk_status (*classify)(sk_ctx *ctx, const sk__kind_input *in, sk_classification **out);
    /* Fill texts[0..class count) with each class's legend text (g_free each). */
    void (*class_texts)(const sk__kind_texts *t, char **texts);
    /* The style's own colour of class k, if it has one (else a fallback colour is taken). */
    int (*own_color)(const sk_style *style, const sk_classification *c, size_t k,
                     sk__color *color);
    /* The title made when the spec gives none; subject describes the filter.  g_free it. */
    char *(*title)(const sk__kind_texts *t, const char *subject);
    /* The legend's title (borrowed from style), or NULL for none. */
    const char *(*legend_title)(const sk_style *style, int show);
    const char *default_note;     /* the "Let op!" box when the spec gives none; NULL: none */
    int show_counts;              /* -1: as the style says; 1: legend counts on by default */
    int shared_colors;            /* classes may share a colour (told apart otherwise) */
    int numbered;                 /* each region numbered on the map */
} sk__map_kind_def;

/* The row of a kind; NULL for a value outside sk_map_kind. */
const sk__map_kind_def *sk__map_kind(sk_map_kind kind);

#endif
