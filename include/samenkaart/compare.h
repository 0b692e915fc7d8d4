/*
** Reviewers' comparisons of the insurers: each insurer's projects beside its core working
** area (kernwerkgebied: the zorgkantoorregio's where it has the largest market share), as
** maps with the area outlined and as figures.
*/
#ifndef SAMENKAART_COMPARE_H
#define SAMENKAART_COMPARE_H

#include "samenkaart/map.h"
#include "samenkaart/stats.h"

#ifdef __cplusplus
extern "C" {
#endif


/* Read the core working areas: table rows name a region of core_regions (key_column, e.g.
** zk_code) and its insurer (insurer_column, e.g. verzekeraar); layer as for sk_classify_table; core_regions is the geography
** whose regions are the zorgkantoorregio's.  The areas are kept as municipalities of geo
** (matched by code), which both geographies must share.  Every unknown region or insurer is
** reported as FILE:LINE (SK_EINPUT, also for a municipality of core_regions not in geo).
** On success *out owns the result (sk_core_areas_free); on failure it is NULL and ctx has the
** message.  The geographies are only read during the call. */
SK_API sk_status sk_core_areas_load(sk_ctx *ctx, const sk_geography *geo,
                                    const sk_geography *core_regions, const char *table,
                                    const char *layer, const char *key_column, const char *insurer_column,
                                    sk_core_areas **out);
/* Free the core areas.  sk_core_areas_free(NULL) does nothing. */
SK_API void sk_core_areas_free(sk_core_areas *core);
/* Per municipality of geo: nonzero inside the insurer's core area (insurer: a label index of
** SK_INSURER).  Borrowed from core; NULL when insurer is out of range. */
SK_API const unsigned char *sk_core_areas_mask(const sk_core_areas *core, size_t insurer);
/* Number of municipalities in the insurer's core area (0: it has none, or no such
** insurer). */
SK_API size_t sk_core_areas_size(const sk_core_areas *core, size_t insurer);

/* An insurer's figures: its projects passing the filter, the municipalities they touch, how
** many of those lie inside its core area, the size of that area and its municipalities
** without any of those projects. */
typedef struct sk_insurer_figures {
    size_t insurer;                /* label index */
    const char *name;              /* static */
    size_t projects, municipalities, inside_core, core_municipalities, core_without_projects;
} sk_insurer_figures;

/* Fill *out for insurer (a label index of SK_INSURER) from the projects passing filter
** (NULL: all) and core (NULL: no core area).  Reads only; cannot fail. */
SK_API void sk_insurer_figures_compute(const sk_projects *projects, const sk_filter *filter,
                                       const sk_core_areas *core, size_t insurer,
                                       sk_insurer_figures *out);
/* Rows as text (g_free it): CSV with the columns insurer,projects,municipalities,
** inside_core,core_municipalities,core_without_projects, or a Markdown table with shares. */
SK_API char *sk_insurer_figures_format(const sk_insurer_figures *rows, size_t count,
                                       sk_table_format format);

/* The rows as the key figures printed beside the map (Pango markup for a text panel,
** sk_map_spec.text; g_free it), in the style's wording ([compare]) with numbers as Dutch
** text writes them ("1.234", "72 %"): a heading, and for one row the share of the
** insurer's municipalities inside its core area as a sentence and every figure on a line,
** for several rows each insurer's name with its projects, municipalities and share. */
SK_API char *sk_insurer_figures_text(const sk_style *style, const sk_insurer_figures *rows,
                                     size_t count);

/* An insurer's map: the projects passing filter (NULL: all) that it takes part in, by the
** combination of show's labels (show < 0: a total map), with its core area outlined on top
** (core may be NULL: no outline).  Title and legend texts come from the style; for_panel
** names the outline for any insurer, for a page of several.  page: SK_PAGE_FROM_STYLE for
** the style's.  The same map as sk_map_build (spec.h) of a spec with insurer set, which this
** wraps.  On success *out owns the map (sk_map_free); geo, projects, style and core must
** outlive it.  SK_EUSAGE for an insurer or show out of range; else as sk_map_build. */
SK_API sk_status sk_insurer_map(sk_ctx *ctx, const sk_geography *geo,
                                const sk_projects *projects, const sk_style *style,
                                const sk_filter *filter, int show, const sk_core_areas *core,
                                size_t insurer, sk_page_size page, int for_panel,
                                sk_map **out);

/* The legend text of an insurer's core area outline ("Kernwerkgebied Menzis"), from the
** style's core_area text; g_free it.  An insurer out of range is named "?". */
SK_API char *sk_core_area_label(const sk_style *style, size_t insurer);

/* The style's title of a page with every insurer side by side.  Borrowed from style. */
SK_API const char *sk_insurers_page_title(const sk_style *style);

#ifdef __cplusplus
}
#endif
#endif
