/* The atlas as read from its file: pages (contents, sections, maps, pages of small
** multiples) and further geographies.  Shared by the atlas's reading, building and drawing. */
#ifndef SK_ATLAS_MODEL_H
#define SK_ATLAS_MODEL_H

#include <glib.h>
#include "samenkaart/samenkaart.h"
#include "../internal.h"

typedef enum page_kind {
    PAGE_CONTENTS, PAGE_SECTION, PAGE_MAP, PAGE_PANELS,
    PAGE_COVER            /* page 1: the [atlas] group's title, organisation, date, … */
} page_kind;

/* One page, or one map of a page of small multiples.  The map keys are kept as the file
** wrote them (strings, for the map's spec) besides what was parsed from them to check them. */
typedef struct page {
    page_kind kind;
    char *id;             /* from the atlas file, unique */
    char *name;           /* file stem: NNN-id */
    char *title, *caption;
    int section;          /* index of its section page, or -1 */
    char **where;         /* maps: the filter clauses, a family's own last (NULL-terminated) */
    int show;             /* maps: principle shown, or -1 for a total map */
    char **highlights;    /* highlight maps: the clauses of Y (NULL-terminated), or NULL */
    int count;            /* count maps: classed by breaks and classes */
    char *breaks;         /* count maps: the count key ("natural", "quantile", "1,3,10") */
    size_t classes;
    char *note;
    int counts;           /* maps: -1 as the style says */
    int line;             /* where the page is defined, for messages */
    GArray *panels;       /* panel pages: the maps (page, kind PAGE_MAP) on the page */
    char *panel_principle;/* highlight panels: what is highlighted, for the shared legend */
    char *table, *table_layer, *table_key, *table_column;   /* table maps */
    char *table_path;                         /* table resolved (atlas dir, data dir) */
    int overview;                             /* the regions overview */
    int table_by_region;                      /* table rows name regions */
    int outline_regions;                      /* outline the regions taking part */
    char *text;                               /* a text panel beside the map */
    char *geography;                          /* a [geography NAME], or NULL: the default */
    int core_of;      /* insurer label + 1 whose kernwerkgebied is outlined; 0: none */
    char *core_of_name;                       /* its key, NULL: none */
    /* A zoomed map: the municipalities it frames (names for sk_geography_select), or an
    ** insurer's kernwerkgebied (label + 1; 0: none; its key in zoom_core_name). */
    char *zoom_regions, *zoom_municipalities, *zoom_province;
    int zoom_core;
    char *zoom_core_name;
    sk_principle table_principle;
    int group_from;           /* maps of combinations: N or more labels one class; 0: none */
    int allow_similar_colours;/* classes too alike: a warning instead of an error */
    /* Page furniture: the map's own source line (NULL: the atlas's); a section page's
    ** text is `text` above. */
    char *source;
    /* Point maps (pointpages.c): the layer, index + 1 into the atlas's point_files (0: a map
    ** of projects), the kind (SK_MAP_POINTS, SK_MAP_POINT_COUNT) and the keys as written; the
    ** group and the lines of by, size_by and where, for the checks made once the layer is
    ** loaded (a family's panels: the family's). */
    int points_file;
    int point_kind;
    char *by, *size_by, *count_method;
    int covered;
    char *group;
    int by_line, size_by_line, where_line;
} page;

/* A point layer an atlas reads (points = FILE), once however many pages show it. */
typedef struct point_file {
    char *path;                       /* resolved against the atlas file */
    char *layer, *x_field, *y_field;  /* NULL: the source's defaults (points.h) */
    char *group;                      /* the first group naming it, and the line */
    int line;
} point_file;

/* A further geography an atlas draws on ([geography NAME]), e.g. the zorgkantoorregio's. */
typedef struct alt_geography {
    char *name;
    char *municipalities, *regions, *membership;
    char *municipality_layer, *region_layer, *membership_layer;   /* of multi-layer sources */
    char *region_code, *region_name, *membership_code, *membership_name;
    char *region_label;
    int line;
} alt_geography;

struct sk_atlas {
    char *path, *dir, *data_dir;
    GArray *geographies;  /* alt_geography */
    GArray *point_files;  /* point_file, in the order the file names them */
    char *title, *subtitle, *source;
    char *style, *municipalities, *regions, *membership, *projects, *sheet;
    char *municipality_layer, *region_layer, *membership_layer;   /* of multi-layer sources */
    char *core, *core_layer, *core_geography, *core_column;   /* kernwerkgebieden for core_of */
    sk_page_size page_size;
    GArray *pages;        /* page; the cover, then the contents pages, then the others */
    size_t contents_pages;
    /* The cover's texts besides title and subtitle (NULL: none); fixed strings, so that
    ** the same atlas writes the same pages. */
    char *organisation, *date, *version, *status;
};

/* The pages before the first one the contents list: the cover and the contents pages. */
#define SK__ATLAS_FRONT_PAGES(a) (1 + (a)->contents_pages)

/* Contents pages list this many entries each, in two columns (see plans.c and layout/textpage.c). */
enum { SK__ATLAS_CONTENTS_ROWS = 34, SK__ATLAS_CONTENTS_PER_PAGE = 2 * 34 };

/* Page i of the atlas (borrowed). */
#define SK__ATLAS_PAGE(a, i) (&g_array_index((a)->pages, page, (i)))

/* Free what a page owns (its panels too), not the page itself. */
void sk__atlas_page_clear(page *p);

/* The [geography NAME] of that name (an index into a->geographies), or -1. */
int sk__atlas_geography_index(const sk_atlas *a, const char *name);
/* Whether a page (or a panel) outlines or zooms to a kernwerkgebied. */
int sk__atlas_uses_core(const sk_atlas *a);
/* A path written in the atlas file, relative to it (absolute paths and connection strings
** as they are).  NULL for NULL or "".  g_free the result. */
char *sk__atlas_resolve(const sk_atlas *a, const char *path);
/* A data file named in the atlas: next to the atlas file, else in the data directory.
** NULL for NULL or "".  g_free the result. */
char *sk__atlas_resolve_data(const sk_atlas *a, const char *name);

#endif
