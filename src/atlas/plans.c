/* The atlas's pages as page plans (plans.h): text pages laid out here from the atlas's pages,
** map pages by layout from their built maps; every page after the cover gets its number at
** its foot. */
#include "plans.h"

/* The entries of contents page k (SK__ATLAS_CONTENTS_PER_PAGE each, in columns of
** SK__ATLAS_CONTENTS_ROWS): every page after the cover and the contents pages.  g_free. */
static sk__contents_entry *
contents_entries(const sk_atlas *a, size_t k, size_t *count)
{
    size_t front = SK__ATLAS_FRONT_PAGES(a), entries = a->pages->len - front;
    size_t first = k * SK__ATLAS_CONTENTS_PER_PAGE;
    *count = first < entries ? MIN(entries - first, (size_t)SK__ATLAS_CONTENTS_PER_PAGE) : 0;
    sk__contents_entry *e = g_new0(sk__contents_entry, *count > 0 ? *count : 1);
    for (size_t n = 0; n < *count; n++) {
        size_t i = first + n + front;
        const page *pg = SK__ATLAS_PAGE(a, i);
        e[n] = (sk__contents_entry){pg->title, pg->kind == PAGE_SECTION, i + 1};
    }
    return e;
}

/* Contents page k (page i of the atlas): the style's heading on the first, then its share of
** the entries. */
static sk_status
contents_plan(sk_ctx *ctx, const sk_atlas *a, const sk_style *style, size_t i, double w,
              double h, sk__plan **out)
{
    size_t k = i - 1, count;
    sk__contents_entry *e = contents_entries(a, k, &count);
    const char *heading = k == 0 ? style->contents_title : NULL;
    sk_status st = sk__contents_entries_check(ctx, style, w, h, heading, NULL, e, count,
                                              SK__ATLAS_CONTENTS_ROWS);
    *out = st == SK_OK ? sk__plan_contents_page(style, w, h, heading, NULL, e, count,
                                                SK__ATLAS_CONTENTS_ROWS)
                       : NULL;
    g_free(e);
    return st;
}

static sk_status
cover_plan(sk_ctx *ctx, const sk_atlas *a, const sk_style *style, double w, double h,
           sk__plan **out)
{
    sk__cover c = {a->title, a->subtitle, a->status, a->organisation, a->date, a->version};
    sk_status st = sk__cover_page_check(ctx, style, w, h, &c);
    *out = st == SK_OK ? sk__plan_cover_page(style, w, h, &c) : NULL;
    return st;
}

/* The plan of page i without its number. */
static sk_status
page_plan(sk_ctx *ctx, const sk_atlas *a, const sk_style *style, size_t i, const sk_map *map,
          const sk_panels *set, sk__plan **out)
{
    const page *pg = SK__ATLAS_PAGE(a, i);
    double w, h;
    sk__page_size(a->page_size == SK_PAGE_FROM_STYLE ? style->page : a->page_size, &w, &h);
    *out = NULL;
    sk_status st;
    switch (pg->kind) {
    case PAGE_COVER:
        return cover_plan(ctx, a, style, w, h, out);
    case PAGE_CONTENTS:
        return contents_plan(ctx, a, style, i, w, h, out);
    case PAGE_SECTION:
        st = sk__section_page_check(ctx, style, w, h, pg->title, pg->text);
        *out = st == SK_OK ? sk__plan_section_page(style, w, h, pg->title, pg->text) : NULL;
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

sk_status
sk__atlas_page_plan(sk_ctx *ctx, const sk_atlas *a, const sk_style *style, size_t i,
                    const sk_map *map, const sk_panels *set, sk__plan **out)
{
    sk_status st = page_plan(ctx, a, style, i, map, set, out);
    /* Every page after the cover: its number in the PDF, which its file name carries too. */
    if (st == SK_OK && i > 0 && (st = sk__plan_add_page_number(ctx, *out, style, i + 1)) != SK_OK) {
        sk__plan_free(*out);
        *out = NULL;
    }
    return st;
}
