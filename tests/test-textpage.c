/* Text pages as page plans (src/layout/textpage.c): contents entries as links to their pages
** holding their title and page number, read the way an SVG/HTML writer would, without Cairo. */
#include "samenkaart/samenkaart.h"
#include <glib/gstdio.h>
#include "src/layout_internal.h"
#include "src/internal.h"
#include "src/render_internal.h"

static sk_style *style;   /* the default style, loaded once */

static const sk__plan_item *
item(const sk__plan *p, guint i)
{
    g_assert_cmpuint(i, <, p->items->len);
    return &g_array_index(p->items, sk__plan_item, i);
}

static void
assert_inside(const sk__box *inner, const sk__box *outer)
{
    g_assert_cmpfloat(inner->x, >=, outer->x - 1e-9);
    g_assert_cmpfloat(inner->y, >=, outer->y - 1e-9);
    g_assert_cmpfloat(inner->x + inner->w, <=, outer->x + outer->w + 1e-9);
    g_assert_cmpfloat(inner->y + inner->h, <=, outer->y + outer->h + 1e-9);
}

/* Entry k starts at item first: a link to its page, then its title, its number and the
** leader dots between them. */
static void
assert_entry(const sk__plan *p, guint first, const sk__contents_entry *e)
{
    const sk__plan_item *link = item(p, first), *title = item(p, first + 1),
                        *number = item(p, first + 2);
    g_assert_cmpint(link->kind, ==, SK__ITEM_LINK);
    g_assert_cmpint(link->role, ==, SK__ROLE_CONTENTS_ENTRY);
    g_assert_cmpint(link->u.link.page, ==, (long)e->page);
    g_assert_cmpuint(link->u.link.count, ==, 3);
    g_assert_cmpint(title->kind, ==, SK__ITEM_TEXT);
    g_assert_cmpint(title->role, ==, SK__ROLE_CONTENTS_ENTRY);
    g_assert_cmpint(title->id, ==, (long)e->page);
    g_assert_cmpstr(title->u.text.text, ==, e->title);
    g_assert_cmpint(title->u.text.bold, ==, e->section);
    g_assert_cmpint(number->role, ==, SK__ROLE_CONTENTS_PAGE);
    char *num = g_strdup_printf("%zu", e->page);
    g_assert_cmpstr(number->u.text.text, ==, num);
    g_free(num);
    g_assert_cmpfloat(title->u.text.box.w, >, 0);
    assert_inside(&title->u.text.box, &link->u.link.box);
    assert_inside(&number->u.text.box, &link->u.link.box);
}

static void
test_contents(void)
{
    const sk__contents_entry entries[] = {
        {"Jeugd", 1, 3}, {"Samenwerkingsvorm", 0, 4}, {"Ouderen", 1, 5}};
    sk__plan *p = sk__plan_contents_page(style, 842, 595, "Atlas", "Ondertitel", entries, 3, 2);
    g_assert_cmpuint(p->map_count, ==, 0);
    g_assert_cmpuint(p->items->len, ==, 2 + 3 * 4);
    g_assert_cmpint(item(p, 0)->role, ==, SK__ROLE_TITLE);
    g_assert_cmpstr(item(p, 0)->u.text.text, ==, "Atlas");
    g_assert_cmpint(item(p, 1)->role, ==, SK__ROLE_SUBTITLE);
    for (guint k = 0; k < 3; k++)
        assert_entry(p, 2 + 4 * k, &entries[k]);
    /* Two rows a column: the third entry heads the second column, level with the first;
    ** entries in a section are indented. */
    const sk__box *b0 = &item(p, 2)->u.link.box, *b1 = &item(p, 6)->u.link.box,
                  *b2 = &item(p, 10)->u.link.box;
    g_assert_cmpfloat(b2->x, >, b0->x + b0->w);
    g_assert_cmpfloat(b2->y, ==, b0->y);
    g_assert_cmpfloat(b1->y, >, b0->y);
    g_assert_cmpfloat(item(p, 7)->u.text.x, >, item(p, 3)->u.text.x);
    sk__plan_free(p);
    /* Without a title the entries start at the top margin; on a page too short for them
    ** they are left out. */
    p = sk__plan_contents_page(style, 842, style->margin * 2 + style->legend_size * 1.6, NULL,
                               NULL, entries, 3, 2);
    g_assert_cmpuint(p->items->len, ==, 2 * 4);
    assert_entry(p, 0, &entries[0]);
    assert_entry(p, 4, &entries[2]);
    sk__plan_free(p);
}

static void
test_section(void)
{
    sk__plan *p = sk__plan_section_page(style, 842, 595, "Jeugd", NULL);
    g_assert_cmpuint(p->map_count, ==, 0);
    g_assert_cmpuint(p->items->len, ==, 1);
    g_assert_cmpint(item(p, 0)->kind, ==, SK__ITEM_TEXT);
    g_assert_cmpint(item(p, 0)->role, ==, SK__ROLE_TITLE);
    g_assert_cmpstr(item(p, 0)->u.text.text, ==, "Jeugd");
    g_assert_cmpint(item(p, 0)->u.text.bold, ==, 1);
    g_assert_cmphex(p->background, ==, style->background);
    sk__plan_free(p);
}

/* A document of a contents page linking to pages 2 and 3, whose page 2 cannot be made. */
static sk_status
failing_source(sk_ctx *ctx, void *data, size_t i, sk__document_page *page)
{
    sk__plan **plans = data;
    if (i == 1)
        return sk__error(ctx, SK_EIO, "page 2: injected");
    *page = (sk__document_page){plans[i], NULL, -1};
    return SK_OK;
}

/* A document that stops after its contents page fails with the source's error, writes
** nothing and does not abort (cairo asserts on a link to a page it never saw). */
static void
test_document_stopped_early(void)
{
    const sk__contents_entry entries[] = {{"Twee", 0, 2}, {"Drie", 0, 3}};
    sk__plan *plans[3] = {sk__plan_contents_page(style, 842, 595, "Atlas", NULL, entries, 2, 2),
                          sk__plan_section_page(style, 842, 595, "Twee", NULL),
                          sk__plan_section_page(style, 842, 595, "Drie", NULL)};
    char *dir = g_dir_make_tmp("sk-doc-XXXXXX", NULL);
    char *pdf = g_build_filename(dir, "a.pdf", NULL);
    sk_ctx *ctx = sk_ctx_new();
    g_assert_cmpint(sk__render_document(ctx, pdf, "T", 3, failing_source, plans, NULL), ==,
                    SK_EIO);
    g_assert_cmpstr(sk_ctx_errmsg(ctx), ==, "page 2: injected");
    g_assert_false(g_file_test(pdf, G_FILE_TEST_EXISTS));
    sk_ctx_free(ctx);
    for (size_t i = 0; i < 3; i++)
        sk__plan_free(plans[i]);
    g_rmdir(dir);
    g_free(pdf);
    g_free(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    sk_ctx *ctx = sk_ctx_new();
    if (sk_style_load(ctx, NULL, &style) != SK_OK)
        g_error("default style: %s", sk_ctx_errmsg(ctx));
    sk_ctx_free(ctx);
    g_test_add_func("/textpage/contents", test_contents);
    g_test_add_func("/textpage/section", test_section);
    g_test_add_func("/textpage/document-stopped-early", test_document_stopped_early);
    int status = g_test_run();
    sk_style_free(style);
    return status;
}
