/* The validated project database, shared read-only with classification. */
#ifndef SK_PROJECTS_INTERNAL_H
#define SK_PROJECTS_INTERNAL_H

#include "samenkaart/classify.h"
#include "samenkaart/projects.h"

typedef struct sk__project {
    char *id;
    char *title;                  /* the 'titel' column ("" without one) */
    char *title_key;              /* the title normalised (sk__normalize), for titel~ */
    sk_labelset labels[SK_PRINCIPLE_COUNT];
    char *theme_detail;           /* normalised text after "anders:", or NULL */
    size_t first_touch, touch_count;  /* municipalities touched, sorted, in touches[] */
    size_t first_region, region_count;/* regions named in wmo_regios, in regions[] */
} sk__project;

const sk__project *sk__projects_items(const sk_projects *projects, size_t *count);
const size_t *sk__projects_touches(const sk_projects *projects);
/* The regions named by the projects (indices into the geography's regions). */
const size_t *sk__projects_regions(const sk_projects *projects);
const sk_geography *sk__projects_geography(const sk_projects *projects);

/* The project with this id (ignoring case), or -1. */
int sk__projects_find(const sk_projects *projects, const char *id);
/* The ids nearest to an unknown one, quoted for "did you mean %s?"; g_free it. */
char *sk__projects_nearest_ids(const sk_projects *projects, const char *id);

/* The database's ids, titles and labels without a geography (places are not resolved and
** no project touches a municipality): enough to list and select projects, e.g. for an atlas
** family over projects.  Errors as sk_projects_load.  Free with sk_projects_free. */
sk_status sk__projects_load_catalog(sk_ctx *ctx, const char *path, const char *layer,
                                    sk_projects **out);

#endif
