/* Reading and checking an atlas file (sk_atlas_load): the [atlas] head, sections, maps and
** [geography NAME] groups; families are expanded by family.c. */
#ifndef SK_ATLAS_READ_H
#define SK_ATLAS_READ_H

#include "../keyfile.h"
#include "model.h"
#include "pointpages.h"

/* The keys every map (and family) may have. */
#define SK__ATLAS_MAP_KEYS "title", "caption", "where", "show", "counts", "highlight", "count", \
                 "classes", "note", "table", "table_layer", "table_key", "table_column", "table_principle", \
                 "regions_overview", "table_by_region", "geography", "outline_regions", \
                 "text", "core_of", "zoom_regions", "zoom_municipalities", "zoom_province", \
                 "zoom_core", "group_from", "allow_similar_colours", "source", \
                 SK__ATLAS_POINT_KEYS

/* Parse a map's keys of group into pg (not title and caption, and the point keys, read
** before: sk__atlas_read_points); problems go to k.
** extra_clause and extra_highlight (may be NULL) come from a family. */
void sk__atlas_read_map_keys(sk__keyfile *k, const char *group, page *pg,
                             const char *extra_clause, const char *extra_highlight);

/* A text key (a cover text, a source line, a section's text): NULL when absent; an empty
** value is a problem. */
char *sk__atlas_read_text(sk__keyfile *k, const char *group, const char *key);

#endif
