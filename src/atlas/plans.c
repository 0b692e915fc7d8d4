/* The atlas's pages as page plans (plans.h): text pages laid out here from the atlas's pages,
** map pages by layout from their built maps. */
#include "plans.h"

/* Contents page k: the atlas title on the first, then its share of the other pages' entries
** (SK__ATLAS_CONTENTS_PER_PAGE each, in columns of SK__ATLAS_CONTENTS_ROWS). */
static sk__plan *
contents_plan(const sk_atlas *a, const sk_style *style, size_t k, double w, double h)
{
    size_t first = k * SK__ATLAS_CONTENTS_PER_PAGE, entries = a->pages->len - a->contents_pages;
    size_t count = first < entries ? MIN(entries - first, (size_t)SK__ATLAS_CONTENTS_PER_PAGE)
                                   : 0;
    sk__contents_entry *e = g_new0(sk__contents_entry, count > 0 ? count : 1);
    for (size_t n = 0; n < count; n++) {
        size_t i = first + n + a->contents_pages;
        const page *pg = SK__ATLAS_PAGE(a, i);
        e[n] = (sk__contents_entry){pg->title, pg->kind == PAGE_SECTION, i + 1};
    }
    sk__plan *p = sk__plan_contents_page(style, w, h, k == 0 ? a->title : NULL,
                                         k == 0 ? a->subtitle : NULL, e, count,
                                         SK__ATLAS_CONTENTS_ROWS);
    g_free(e);
    return p;
}

/* The entries of the contents (every page but the contents pages). */
static size_t
contents_entries(const sk_atlas *a)
{
    return a->pages->len - a->contents_pages;
}

sk_status
sk__atlas_page_plan(sk_ctx *ctx, const sk_atlas *a, const sk_style *style, size_t i,
                    const sk_map *map, const sk_panels *set, sk__plan **out)
{
    const page *pg = SK__ATLAS_PAGE(a, i);
    double w, h;
    sk__page_size(a->page_size == SK_PAGE_FROM_STYLE ? style->page : a->page_size, &w, &h);
    *out = NULL;
    sk_status st;
    switch (pg->kind) {
    case PAGE_CONTENTS:
        st = i > 0 ? SK_OK
                   : sk__contents_page_check(ctx, style, w, h, a->title, a->subtitle,
                                             MIN(contents_entries(a), SK__ATLAS_CONTENTS_ROWS));
        *out = st == SK_OK ? contents_plan(a, style, i, w, h) : NULL;
        return st;
    case PAGE_SECTION:
        st = sk__section_page_check(ctx, style, w, h, pg->title);
        *out = st == SK_OK ? sk__plan_section_page(style, w, h, pg->title) : NULL;
        return st;
    case PAGE_PANELS:
    case PAGE_MAP:
        break;
    }
    /* A map page drawn as small multiples (too many classes for one map) has a set too. */
    if (set != NULL) {
        sk__page_spec spec = sk__panels_spec(set);
        return sk__plan_panels_page(ctx, &spec, sk__panels_maps(set), out);
    }
    return sk__plan_map_page(ctx, map, out);
}
