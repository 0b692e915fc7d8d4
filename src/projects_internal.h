/* The validated project database, shared read-only with classification. */
#ifndef SK_PROJECTS_INTERNAL_H
#define SK_PROJECTS_INTERNAL_H

#include "samenkaart/classify.h"
#include "samenkaart/projects.h"

typedef struct sk__project {
    char *id;
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

#endif
