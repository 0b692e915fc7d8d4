/*
** One description of a map.  Everything that says what a map shows (kind, filter clauses,
** principle, classification, table), where it looks (zoom), what it lays over the fills
** (regions taking part, a kernwerkgebied) and what it says (title, caption, note, text panel,
** page) is an sk_map_spec; sk_map_build is the one way to turn a spec and loaded data into a
** map model.  The command line parses its arguments into a spec, the atlas expands its
** families into specs, and compare, diff and panel pages build through the same call.
**
** A spec is a plain value the caller owns: its strings and arrays are borrowed and only read
** during sk_map_spec_check and sk_map_build, which copy what the map keeps.
*/
#ifndef SAMENKAART_SPEC_H
#define SAMENKAART_SPEC_H

#include "samenkaart/classify.h"
#include "samenkaart/map.h"

#ifdef __cplusplus
extern "C" {
#endif


typedef struct sk_map_spec {
    /* What the map shows (classify.h).  SK_MAP_TOTAL by default. */
    sk_map_kind kind;
    /* Which projects count: clauses "principle=value[,value…]" or "principle!=value[,…]",
    ** all of which must hold; NULL-terminated, or NULL for every project. */
    const char *const *where;
    /* SK_MAP_COMBINATION: the principle whose label combinations colour the map. */
    sk_principle show;
    /* SK_MAP_HIGHLIGHT: the clauses of Y in "X: Y" against "X: overig" (NULL-terminated). */
    const char *const *highlight;
    /* SK_MAP_COUNT: "natural" (NULL), "quantile" or upper bounds "1,3,10"; classes for
    ** natural and quantile breaks (0: 5). */
    const char *breaks;
    size_t classes;
    /* SK_MAP_TABLE: labels per municipality (or per region of the geography, by_region)
    ** from a table: its path, key column (NULL: gm_code, zk_code by region), the column
    ** holding the labels (NULL: verzekeraars) and their principle (SK_INSURER by default). */
    const char *table, *table_key, *table_column;
    sk_principle table_principle;
    int table_by_region;
    /* An insurer's map (compare): only projects the insurer takes part in, its kernwerkgebied
    ** outlined, title and legend from the style's insurer texts; panel: the outline's
    ** legend text names no insurer (a page of several insurers).  NULL: an ordinary map. */
    const char *insurer;
    int panel;
    /* Zoom: the municipalities the map frames, as names for sk_geography_select (regions,
    ** municipalities, a province) or the kernwerkgebied of an insurer; NULL: the whole map. */
    const char *zoom_regions, *zoom_municipalities, *zoom_province, *zoom_core;
    /* Overlays: the kernwerkgebied of an insurer outlined (NULL: none), and the regions a
    ** matching project names as a whole outlined (nonzero). */
    const char *core_of;
    int outline_regions;
    /* Texts, NULL for the style's: title (NULL: made from filter and principle), caption,
    ** a "Let op!" note and a text panel beside the map (Pango markup), the source line, the
    ** legend text of the region border. */
    const char *title, *caption, *note, *text, *source, *region_label;
    /* -1: as the style says; 0/1: legend entries with "(n=…)". */
    int show_counts;
    /* SK_PAGE_FROM_STYLE by default. */
    sk_page_size page;
} sk_map_spec;

/* A spec of a total map of every project on the style's page: kind SK_MAP_TOTAL, no clause,
** show SK_THEME, table_principle SK_INSURER, show_counts -1, page SK_PAGE_FROM_STYLE, every
** pointer NULL and every flag 0. */
SK_API void sk_map_spec_init(sk_map_spec *spec);

/* Check a spec without data: the clauses, principle names, breaks, insurer names, and the
** fields its kind accepts (a table on a combination map, breaks on a total map, … are
** errors).  SK_EUSAGE with a message naming the field and the nearest valid value. */
SK_API sk_status sk_map_spec_check(sk_ctx *ctx, const sk_map_spec *spec);

/* What maps are built from, loaded once and shared (borrowed; must outlive the maps). */
typedef struct sk_map_data {
    const sk_geography *geo;       /* required */
    const sk_projects *projects;   /* project maps; may be NULL for table and regions maps */
    const sk_projects *before;     /* SK_MAP_CHANGES: the earlier database */
    const sk_core_areas *core;     /* kernwerkgebieden, for core_of, zoom_core and insurer
                                   ** maps; NULL: a spec that needs them fails */
    const char *membership;        /* the source named by a regions overview; may be NULL */
} sk_map_data;

/* Build the map model the spec describes: check the spec, classify, and make colours,
** legend and texts from style.  *out owns a new map (sk_map_free); data and style must
** outlive it.  SK_EUSAGE for a bad spec, SK_EINPUT for bad data (a table's unknown key, a
** style that cannot colour every class); the first detailed message is on ctx. */
SK_API sk_status sk_map_build(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                              const sk_map_spec *spec, sk_map **out);

#ifdef __cplusplus
}
#endif
#endif
