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
    ** all of which must hold; NULL-terminated, or NULL for every project.  Every kind takes
    ** them (a table map names them in its title; a regions overview ignores them). */
    const char *const *where;
    /* SK_MAP_COMBINATION and SK_MAP_TOTAL with insurer: the principle whose label
    ** combinations colour the map (a total map ignores it). */
    sk_principle show;
    /* SK_MAP_HIGHLIGHT only (and required): the clauses of Y in "X: Y" against "X: overig"
    ** (NULL-terminated, at least one). */
    const char *const *highlight;
    /* SK_MAP_COUNT only: "natural" (NULL), "quantile" or upper bounds "1,3,10"; classes for
    ** natural and quantile breaks (0: 5). */
    const char *breaks;
    size_t classes;
    /* SK_MAP_TABLE only (table required): labels per municipality (or per region of the
    ** geography, by_region) from a table: its path (and layer or sheet, NULL: as for
    ** sk_classify_table), key column (NULL: gm_code, zk_code by
    ** region), the column holding the labels (NULL: verzekeraars) and their principle
    ** (SK_INSURER by default).  The source line names the table. */
    const char *table, *table_layer, *table_key, *table_column;
    sk_principle table_principle;
    int table_by_region;
    /* SK_MAP_TOTAL and SK_MAP_COMBINATION only: an insurer's map (compare), by name, key or
    ** alias: only projects the insurer takes part in, its kernwerkgebied outlined (when
    ** data->core has one for it), title and legend from the style's insurer texts; panel: the
    ** outline's legend text names no insurer (a page of several insurers).  NULL: an ordinary
    ** map.  Not with core_of. */
    const char *insurer;
    int panel;
    /* Zoom: the municipalities the map frames, as names for sk_geography_select (regions,
    ** municipalities, a province) or the kernwerkgebied of an insurer (needs data->core); the
    ** union of all given.  NULL: the whole map. */
    const char *zoom_regions, *zoom_municipalities, *zoom_province, *zoom_core;
    /* Overlays: the kernwerkgebied of an insurer outlined (needs data->core; NULL: none), and
    ** the regions a matching project names as a whole outlined (nonzero). */
    const char *core_of;
    int outline_regions;
    /* Texts, NULL for the style's: title (NULL: made from filter and principle), caption,
    ** a "Let op!" note and a text panel beside the map (Pango markup), the source line, the
    ** legend text of the region border (e.g. of another geography's regions). */
    const char *title, *caption, *note, *text, *source, *region_label;
    /* -1: as the style says (maps of changes: on); 0/1: legend entries with "(n=…)". */
    int show_counts;
    /* SK_PAGE_FROM_STYLE by default. */
    sk_page_size page;
    /* SK_MAP_COMBINATION and SK_MAP_TABLE only.  group_from N (>= 2): every class of N or
    ** more labels is one class, "N of meer thema's" (0: none).  label: only the
    ** municipalities whose combination holds this label (a key or name of the shown
    ** principle), in that label's colour: one panel of a map drawn as small multiples. */
    size_t group_from;
    const char *label;
    /* Draw a map whose classes are too alike for some reader with a warning instead of
    ** refusing it (docs/maps.md). */
    int allow_similar_colours;
    /* SK_MAP_CHANGES only: what the earlier and the later database are called on the page
    ** (e.g. "2017" and "2018"), in the title (the style's [diff] title) and the source line;
    ** both or neither, not empty.  NULL: the style's title without them, the source line
    ** naming the two files. */
    const char *before_label, *after_label;
    /* SK_MAP_POINTS and SK_MAP_POINT_COUNT (data->points required; where then selects points
    ** by their columns, sk_points_select).  by: the column whose values colour the points
    ** (its [scale] in the style, else categorical colours; NULL: one class); size_by
    ** (SK_MAP_POINTS): a column whose scale gives symbol sizes ("bereik"); count
    ** (SK_MAP_POINT_COUNT): "gemeenten", each municipality a point covers (NULL: this), or
    ** "locatie", the municipality holding it; covered: each point's covered area outlined.
    ** breaks and classes as for SK_MAP_COUNT. */
    const char *by, *size_by, *count;
    int covered;
} sk_map_spec;

/* Set *spec to a total map of every project on the style's page: kind SK_MAP_TOTAL, no
** clause, show SK_THEME, table_principle SK_INSURER, show_counts -1, page
** SK_PAGE_FROM_STYLE, every pointer NULL and every flag 0.  Cannot fail. */
SK_API void sk_map_spec_init(sk_map_spec *spec);

/* Check a spec without data: the clauses, breaks and insurer names parse, the enums are in
** range, every field set is one the kind takes (a table field on a combination map, breaks
** on a total map, … are errors) and the fields the kind needs are set.  Reads the spec only.
** Returns SK_OK, or SK_EUSAGE with a message on ctx naming the field (and, for a misspelt
** value, the nearest valid one). */
SK_API sk_status sk_map_spec_check(sk_ctx *ctx, const sk_map_spec *spec);

/* What maps are built from, loaded once and shared (borrowed; must outlive the maps).  An
** atlas page on another geography passes that geography as geo. */
typedef struct sk_map_data {
    const sk_geography *geo;       /* required */
    const sk_projects *projects;   /* project maps; may be NULL for table and regions maps */
    const sk_projects *before;     /* SK_MAP_CHANGES: the earlier database (projects: the
                                   ** later one); ignored by other kinds */
    const sk_core_areas *core;     /* kernwerkgebieden, for core_of, zoom_core and insurer
                                   ** maps; NULL: core_of and zoom_core fail, an insurer's
                                   ** map has no outline */
    const char *membership;        /* the source a regions overview names; may be NULL */
    const sk_points *points;       /* SK_MAP_POINTS, SK_MAP_POINT_COUNT: the point layer */
} sk_map_data;

/* Build the map model the spec describes: check the spec (sk_map_spec_check), classify
** (the kind's classify function: sk_classify, sk_classify_highlight, sk_classify_count,
** sk_classify_regions, sk_diff_compute + sk_diff_classify, sk_classify_table), resolve zoom
** and outlines against data, and make colours, legend and texts from style (sk_map_new).
** On success *out owns a new map (free with sk_map_free); data and style must outlive it;
** the spec is only read during the call.  On failure *out is NULL and the first detailed
** message is on ctx: SK_EUSAGE for a bad spec or data it needs but was not given (a count
** map without projects, core_of without data->core) or a zoom selecting nothing; SK_EINPUT
** for bad data (a table's unknown key, a style that cannot colour every class, two classes
** too alike, a map of label combinations with more classes than one map can show: then
** sk_map_build_page draws small multiples, or group_from groups classes); otherwise
** the status of the step that failed (e.g. reading a table). */
SK_API sk_status sk_map_build(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                              const sk_map_spec *spec, sk_map **out);

/* Pages of several maps (panels.h). */
typedef struct sk_panels sk_panels;

/* Build what the spec is drawn as: one map, or — when a map of label combinations has more
** classes than a reader can match (12) or fallback colours too alike to tell apart — a page of
** small multiples, one panel per label of the shown principle ("gemeenten met een project rond
** X") at one scale with one legend, a line under the title saying why.  On success exactly one
** of *map and *panels is set (free with sk_map_free / sk_panels_free); otherwise both are NULL
** and the error is as sk_map_build's. */
SK_API sk_status sk_map_build_page(sk_ctx *ctx, const sk_map_data *data, const sk_style *style,
                                   const sk_map_spec *spec, sk_map **map, sk_panels **panels);

#ifdef __cplusplus
}
#endif
#endif
