/* End-to-end tests of `samenkaart atlas` on the AEF atlas and the real 2017 data: pages,
** PDF outline and links, classes and pixels of a page, byte-identical re-runs, atlas-file
** errors. */
#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include "support.h"

static char *atlas_file;
static char *out_dir;          /* the AEF atlas rendered once for the tests below */
static sk_geography *geo;

static char *
read_all(const char *path, gsize *len)
{
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, len, NULL));
    return text;
}

static size_t
count(const char *hay, gsize len, const char *needle)
{
    size_t n = 0, nl = strlen(needle);
    for (const char *p = hay; p + nl <= hay + len; p++)
        if (memcmp(p, needle, nl) == 0)
            n++;
    return n;
}

static char *
page_file(const char *stem_suffix, const char *ext)
{
    GDir *d = g_dir_open(out_dir, 0, NULL);
    const char *name;
    char *found = NULL;
    while ((name = g_dir_read_name(d)) != NULL)
        if (strlen(name) > 4 && strcmp(name + 4, stem_suffix) > 0 &&
            strncmp(name + 4, stem_suffix, strlen(stem_suffix)) == 0 &&
            name[4 + strlen(stem_suffix)] == '.' && g_str_has_suffix(name, ext))
            found = g_build_filename(out_dir, name, NULL);
    g_dir_close(d);
    g_assert_nonnull(found);
    return found;
}

static void
test_pages_and_files(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_atlas *atlas = NULL;
    g_assert_cmpint(sk_atlas_load(ctx, atlas_file, g_getenv("SK_TEST_DATA"), &atlas), ==,
                    SK_OK);
    size_t pages = sk_atlas_page_count(atlas);
    g_assert_cmpuint(pages, >=, 70);
    /* A PNG for every page; world file and classes for every map page; classes with a panel
    ** column, and no world file, for every page of several maps (contracts.md). */
    size_t maps = 0, split = 0;
    for (size_t i = 0; i < pages; i++) {
        const char *name = sk_atlas_page_name(atlas, i);
        char *stem = g_build_filename(out_dir, name, NULL);
        char *png = g_strconcat(stem, ".png", NULL), *pgw = g_strconcat(stem, ".pgw", NULL);
        char *csv = g_strconcat(stem, ".csv", NULL);
        g_assert_true(file_exists(png));
        size_t on_page = sk_atlas_page_maps(atlas, i);
        g_assert_cmpint(file_exists(csv), ==, on_page >= 1);
        /* A map page with too many classes for one map is drawn as small multiples (issue
        ** 12): a page of several maps too. */
        char *rows = on_page >= 1 ? read_all(csv, NULL) : NULL;
        int panels = rows != NULL &&
                     (g_str_has_prefix(rows, "gm_code,gm_naam,class,color,projects,panel\n") ||
                      g_str_has_prefix(rows, "gm_code,gm_naam,class,color,initiatives,panel\n"));
        g_assert_cmpint(file_exists(pgw), ==, on_page == 1 && !panels);
        if (on_page > 1)
            g_assert_true(panels);
        g_free(rows);
        maps += on_page == 1 && !panels;
        split += on_page == 1 && panels;
        char num[8];
        g_snprintf(num, sizeof num, "%03zu-", i + 1);
        g_assert_true(g_str_has_prefix(name, num));
        g_free(stem);
        g_free(png);
        g_free(pgw);
        g_free(csv);
    }
    /* 48 single maps; the 18 pages of themes, instruments and minima with more than 12
    ** classes are small multiples (issue 12). */
    g_assert_cmpuint(maps, >=, 45);
    g_assert_cmpuint(split, >=, 15);

    /* The PDF: every page, an outline with the sections and the maps, links on the
    ** contents page. */
    char *pdf = g_build_filename(out_dir, "atlas.pdf", NULL);
    gsize len;
    char *text = read_all(pdf, &len);
    g_assert_true(g_str_has_prefix(text, "%PDF-"));
    char *pages_count = g_strdup_printf("/Count %zu", pages);
    g_assert_cmpuint(count(text, len, pages_count), >=, 1);
    const char *outline[] = {"/Title (II. Algemene kaarten)", "/Title (III. Inhoudelijk)",
                             "/Title (IV. Instrumenteel)", "/Title (V. Samenwerkingsvorm)",
                             "/Title (VI. Geografisch)", "/Title (Projecten van Menzis)",
                             "/Title (Inhoud)"};
    for (size_t i = 0; i < G_N_ELEMENTS(outline); i++)
        g_assert_cmpuint(count(text, len, outline[i]), ==, 1);
    /* A link for every page but the cover and the two contents pages, each to the page's
    ** named destination (issue 14: cairo writes none for "page=N" of a later page). */
    g_assert_cmpuint(count(text, len, "/Subtype /Link"), >=, pages - 3);
    g_assert_cmpuint(count(text, len, "/Dest (page-"), ==, count(text, len, "/Subtype /Link"));
    g_free(pages_count);
    g_free(text);
    g_free(pdf);

    /* The zoomed page (Menzis's kernwerkgebied) is drawn at a larger scale than the whole
    ** country: smaller pixels in its world file. */
    {
        char *zoomed = NULL, *whole = NULL;
        for (size_t i = 0; i < pages; i++) {
            const char *name = sk_atlas_page_name(atlas, i);
            if (g_str_has_suffix(name, "-menzis-kern"))
                zoomed = g_strdup_printf("%s/%s.pgw", out_dir, name);
            if (g_str_has_suffix(name, "-verzekeraar-menzis"))
                whole = g_strdup_printf("%s/%s.pgw", out_dir, name);
        }
        g_assert_nonnull(zoomed);
        g_assert_nonnull(whole);
        char *a = NULL, *b = NULL;
        g_assert_true(g_file_get_contents(zoomed, &a, NULL, NULL));
        g_assert_true(g_file_get_contents(whole, &b, NULL, NULL));
        g_assert_cmpfloat(g_ascii_strtod(a, NULL), <, 0.8 * g_ascii_strtod(b, NULL));
        g_free(a);
        g_free(b);
        g_free(zoomed);
        g_free(whole);
    }

    /* A thumbnail for every page, at most 440 pixels wide, shrunk by a whole factor: each
    ** pixel the mean of a block of the page. */
    for (size_t i = 0; i < pages; i++) {
        char *png = g_strdup_printf("%s/%s.png", out_dir, sk_atlas_page_name(atlas, i));
        char *thumb = g_strdup_printf("%s/thumbs/%s.png", out_dir, sk_atlas_page_name(atlas, i));
        cairo_surface_t *page = cairo_image_surface_create_from_png(png);
        cairo_surface_t *small = cairo_image_surface_create_from_png(thumb);
        g_assert_cmpint(cairo_surface_status(small), ==, CAIRO_STATUS_SUCCESS);
        int w = cairo_image_surface_get_width(page), h = cairo_image_surface_get_height(page);
        int factor = (w + 439) / 440;
        g_assert_cmpint(cairo_image_surface_get_width(small), ==, w / factor);
        g_assert_cmpint(cairo_image_surface_get_height(small), ==, h / factor);
        if (i == 8) {
            /* Every 7th thumbnail pixel of one map page against the mean of its block. */
            const unsigned char *pd = cairo_image_surface_get_data(page);
            const unsigned char *sd = cairo_image_surface_get_data(small);
            int ps = cairo_image_surface_get_stride(page);
            int ss = cairo_image_surface_get_stride(small);
            for (int ty = 0; ty < h / factor; ty += 7)
                for (int tx = 0; tx < w / factor; tx += 7)
                    for (int shift = 0; shift < 24; shift += 8) {
                        unsigned sum = 0;
                        for (int dy = 0; dy < factor; dy++)
                            for (int dx = 0; dx < factor; dx++) {
                                const uint32_t *row = (const uint32_t *)(const void *)(
                                    pd + (size_t)(ty * factor + dy) * ps);
                                sum += (row[tx * factor + dx] >> shift) & 0xff;
                            }
                        const uint32_t *srow =
                            (const uint32_t *)(const void *)(sd + (size_t)ty * ss);
                        unsigned want = (sum + factor * factor / 2) / (factor * factor);
                        g_assert_cmpuint((srow[tx] >> shift) & 0xff, ==, want);
                    }
        }
        cairo_surface_destroy(page);
        cairo_surface_destroy(small);
        g_free(png);
        g_free(thumb);
    }

    /* index.html shows every page (its thumbnail) and links to the PNG and its place in the
    ** PDF. */
    char *index = g_build_filename(out_dir, "index.html", NULL);
    text = read_all(index, &len);
    for (size_t i = 0; i < pages; i++) {
        char *img = g_strdup_printf("<a href=\"%s.png\"><img src=\"thumbs/%s.png\"",
                                    sk_atlas_page_name(atlas, i), sk_atlas_page_name(atlas, i));
        char *link = g_strdup_printf("atlas.pdf#page=%zu\"", i + 1);
        g_assert_nonnull(strstr(text, img));
        g_assert_nonnull(strstr(text, link));
        g_free(img);
        g_free(link);
    }
    g_free(text);
    g_free(index);
    sk_atlas_free(atlas);
    sk_ctx_free(ctx);
}

static void
test_list_and_small_multiples(void)
{
    char *out = NULL, *err = NULL;
    int status = 0;
    char *argv[] = {(char *)g_getenv("SK_CLI"), "atlas", "--list", atlas_file, NULL};
    g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, NULL));
    g_assert_true(g_spawn_check_wait_status(status, NULL));
    char **lines = g_strsplit(out, "\n", -1);
    size_t pages = 0, panel_pages = 0, maps = 0;
    for (size_t i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++) {
        char **f = g_strsplit(lines[i], "\t", 3);
        g_assert_cmpuint(g_strv_length(f), ==, 3);
        size_t n = (size_t)g_ascii_strtoull(f[1], NULL, 10);
        maps += n;
        /* Pages of small multiples: six highlight maps each, or five or six bovenregionaal
        ** projects each (issue 14), no world file, no CSV. */
        int projects = strstr(f[0], "-bovenregionaal-project-") != NULL;
        if (n > 1) {
            panel_pages += !projects;
            g_assert_cmpuint(n, >=, projects ? 5 : 6);
            g_assert_cmpuint(n, <=, 6);
            g_assert_true(projects || strstr(f[0], "-uitgelicht-") != NULL);
            char *png = g_strdup_printf("%s/%s.png", out_dir, f[0]);
            char *pgw = g_strdup_printf("%s/%s.pgw", out_dir, f[0]);
            g_assert_true(file_exists(png));
            g_assert_false(file_exists(pgw));
            g_free(png);
            g_free(pgw);
        }
        pages++;
        g_strfreev(f);
    }
    /* Four forms and five instruments, each against the six themes. */
    g_assert_cmpuint(panel_pages, ==, 9);
    g_assert_cmpuint(maps, >=, 120);
    g_assert_cmpuint(pages, >=, 70);
    g_strfreev(lines);
    g_free(out);
    g_free(err);
}

static void
test_map_page_classes_and_pixels(void)
{
    /* jeugd x samenwerkingsvorm, worked out from projecten_2017.csv (see test-classify). */
    char *csv = page_file("thema-vorm-jeugd", ".csv");
    GHashTable *c = read_classes(csv);
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0014"), ==, "ontwikkelproject|#df9040|1");
    g_assert_cmpstr(g_hash_table_lookup(c, "GM1895"), ==, "ontwikkelproject|#df9040|1");
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0153"), ==,
                    "implementeren + samenwerkingsafspraken|#2d6286|2");
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0935"), ==, "|#ffffff|0");
    g_hash_table_destroy(c);
    char *png = page_file("thema-vorm-jeugd", ".png");
    const struct { const char *name; uint32_t color; } expect[] = {
        {"Groningen", 0xdf9040}, {"Enschede", 0x2d6286}, {"Amsterdam", 0xffe577},
        {"Maastricht", 0xffffff}};
    for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
        int m = sk_geography_find_municipality(geo, expect[i].name);
        double x, y;
        sk_geography_municipality_interior_point(geo, (size_t)m, &x, &y);
        g_assert_cmphex(pixel_at(png, x, y), ==, expect[i].color);
    }
    /* Projecten van Menzis: a total map per insurer, in the insurer's colour (issue 12). */
    char *menzis = page_file("verzekeraar-menzis", ".csv");
    c = read_classes(menzis);
    /* P0001 Methodiek jeugd 18-/18+ Groningen is a Menzis project. */
    g_assert_true(g_str_has_prefix(g_hash_table_lookup(c, "GM0014"),
                                   "Gemeente met ten minste één project van Menzis|#c1a9ce|"));
    g_hash_table_destroy(c);
    g_free(menzis);

    /* Totals without minima contracts: Amsterdam has 23 projects, 3 of them czm. */
    char *total = page_file("projecten-totaal", ".csv");
    c = read_classes(total);
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0363"), ==,
                    "Gemeente met ten minste één project|#3c8dbc|20");
    g_hash_table_destroy(c);
    g_free(total);
    /* Kernwerkgebieden on the zorgkantoorregio's: Groningen (ZK09) Menzis, Amsterdam (ZK02)
    ** Zilveren Kruis. */
    char *kern = page_file("kernwerkgebieden", ".csv");
    c = read_classes(kern);
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0014"), ==, "Menzis|#c1a9ce|0");
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0363"), ==, "Zilveren Kruis|#266290|0");
    g_hash_table_destroy(c);
    g_free(kern);
    /* The highlight map "Implementeren: ouderen" (see test-classify). */
    char *hl = page_file("implementatie-ouderen", ".csv");
    c = read_classes(hl);
    g_assert_true(g_str_has_prefix(g_hash_table_lookup(c, "GM0014"),
                                   "implementeren: ouderen|#c54831|"));
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0772"), ==, "implementeren: overig|#fdcc8a|1");
    g_hash_table_destroy(c);
    g_free(hl);
    /* The bovenregionaal map: Groningen is in the bovenregionaal project P0009. */
    char *bov = page_file("bovenregionaal", ".csv");
    c = read_classes(bov);
    g_assert_true(g_str_has_prefix(g_hash_table_lookup(c, "GM0014"),
                                   "Gemeente met ten minste één project|#3c8dbc|"));
    g_hash_table_destroy(c);
    g_free(bov);
    /* The overview: every municipality in its numbered region. */
    char *overview = page_file("wmo-regios", ".csv");
    c = read_classes(overview);
    g_assert_true(g_str_has_prefix(g_hash_table_lookup(c, "GM1895"), "11. Groningen|"));
    g_assert_true(g_str_has_prefix(g_hash_table_lookup(c, "GM0363"), "3. Amsterdam-Amstelland|"));
    g_hash_table_destroy(c);
    g_free(overview);
    /* The minima table (39 combinations): one panel per insurer.  Amsterdam's contract is
    ** with Zilveren Kruis and CZ, so it is in both their panels and white in the others;
    ** Groningen's with Menzis alone. */
    char *minima = page_file("minima", ".csv");
    GPtrArray *rows = read_csv_rows(minima);
    size_t amsterdam = 0, groningen = 0;
    for (guint r = 0; r < rows->len; r++) {
        GHashTable *row = g_ptr_array_index(rows, r);
        const char *code = g_hash_table_lookup(row, "gm_code");
        const char *panel = g_hash_table_lookup(row, "panel");
        const char *class = g_hash_table_lookup(row, "class");
        if (strcmp(code, "GM0363") == 0 && *class != '\0') {
            g_assert_cmpstr(class, ==, panel);
            g_assert_true(strcmp(panel, "Zilveren Kruis") == 0 || strcmp(panel, "CZ") == 0);
            amsterdam++;
        }
        if (strcmp(code, "GM0014") == 0 && *class != '\0') {
            g_assert_cmpstr(panel, ==, "Menzis");
            g_assert_cmpstr(g_hash_table_lookup(row, "color"), ==, "#c1a9ce");
            groningen++;
        }
    }
    g_assert_cmpuint(amsterdam, ==, 2);
    g_assert_cmpuint(groningen, ==, 1);
    g_ptr_array_unref(rows);
    g_free(minima);
    /* The count map: Jenks classes of all projects (see test-classify). */
    char *count = page_file("projecten-aantal", ".csv");
    c = read_classes(count);
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0363"), ==, "15–23 projecten|#541043|23");
    g_assert_cmpstr(g_hash_table_lookup(c, "GM0014"), ==, "15–23 projecten|#541043|17");
    g_hash_table_destroy(c);
    g_free(count);
    g_free(png);
    g_free(csv);
}

static void
test_rerun_is_byte_identical(void)
{
    char *again = tmp_dir_new();
    g_assert_cmpint(run_cli(NULL, "atlas", "--quiet", "--jobs", "1", atlas_file, "--output",
                            again, NULL), ==, 0);
    GDir *d = g_dir_open(out_dir, 0, NULL);
    const char *name;
    size_t compared = 0;
    while ((name = g_dir_read_name(d)) != NULL) {
        /* atlas.pdf too: no creation date in it, which would differ from run to run. */
        if (!g_str_has_suffix(name, ".png") && !g_str_has_suffix(name, ".csv") &&
            !g_str_has_suffix(name, ".pgw") && !g_str_has_suffix(name, ".pdf") &&
            !g_str_has_suffix(name, ".html"))
            continue;
        char *a = g_build_filename(out_dir, name, NULL), *b = g_build_filename(again, name, NULL);
        assert_same_file(a, b);
        compared++;
        g_free(a);
        g_free(b);
    }
    g_dir_close(d);
    g_assert_cmpuint(compared, >=, 200);
    tmp_dir_remove(again);
}

static void
assert_atlas_error(const char *content, const char *const *expected)
{
    const char *args[] = {"atlas", "--quiet", "{file}", "--output", "{out}", NULL};
    assert_file_errors("bad.ini", content, expected, args);
}

static void
test_atlas_file_errors(void)
{
    const char *expected[] = {
        "6: [map a] tilte: unknown key (did you mean 'title'?)",
        "5: [map a]: missing 'title'",
        "10: [map b] where: filter 'inhoudelijk=preventi': unknown inhoudelijk 'preventi' "
        "(did you mean 'preventie'?)",
        "11: [map b] show: unknown ordering principle 'vormm' (did you mean "
        "'samenwerkingsvorm'?)",
        "13: [kaart c]: unknown kind 'kaart' (expected section, map, family or geography)",
        "17: [family d] labels: unknown inhoudelijk 'jeugt' (did you mean 'jeugd'?)",
        NULL};
    assert_atlas_error("[atlas]\n"
                       "title = Test\n"
                       "page = a4\n"
                       "\n"
                       "[map a]\n"
                       "tilte = Kaart A\n"
                       "\n"
                       "[map b]\n"
                       "title = Kaart B\n"
                       "where = inhoudelijk=preventi; samenwerkingsvorm=implementatie\n"
                       "show = vormm\n"
                       "\n"
                       "[kaart c]\n"
                       "title = C\n"
                       "\n"
                       "[family d]\n"
                       "labels = jeugd; jeugt\n"
                       "for = inhoudelijk\n"
                       "title = {label}\n",
                       expected);
    const char *geography[] = {"4: page 'a': no [geography zorgkantoor] in the file",
                               "8: page 'b': project maps use the atlas's own geography", NULL};
    assert_atlas_error("[atlas]\ntitle = T\n\n[map a]\ntitle = A\ngeography = zorgkantoor\n\n"
                       "[map b]\ntitle = B\ngeography = zk\n\n[geography zk]\n"
                       "municipalities = gemeenten_2017.shp\nregions = zorgkantoorregios_2017.shp\n",
                       geography);
    /* Kernwerkgebieden: a known insurer, and the geography the table names. */
    const char *core[] = {"1: [atlas]: core_of and zoom_core need core_geography",
                          "5: [map a] core_of: unknown insurer 'Menziz' (did you mean 'Menzis'?)",
                          "9: [map b] core_of: {label} stands for the insurer of a family",
                          NULL};
    assert_atlas_error("[atlas]\ntitle = T\n\n[map a]\ncore_of = Menziz\ntitle = A\n\n"
                       "[map b]\ncore_of = {label}\ntitle = B\n\n"
                       "[map c]\ncore_of = CZ\ntitle = C\n", core);
    const char *zoom[] = {"5: [map a] zoom_core: {label} stands for the insurer of a family",
                          NULL};
    assert_atlas_error("[atlas]\ntitle = T\n\n[map a]\nzoom_core = {label}\ntitle = A\n",
                       zoom);
    const char *core_geography[] = {"3: [atlas] core_geography: no [geography zk] in the file",
                                    NULL};
    assert_atlas_error("[atlas]\ntitle = T\ncore_geography = zk\n\n[map a]\ntitle = A\n",
                       core_geography);
    const char *no_head[] = {"1: no [atlas] group", NULL};
    assert_atlas_error("[map a]\ntitle = A\n", no_head);
}

/* A legend that cannot fit stops the atlas before any file is written. */
static void
test_nothing_written_on_failure(void)
{
    char *dir = tmp_dir_new();
    char *style = g_build_filename(dir, "huge.ini", NULL);
    g_assert_true(g_file_set_contents(style, "[fonts]\nlegend_pt = 40\n", -1, NULL));
    char *file = g_build_filename(dir, "atlas.ini", NULL);
    char *content = g_strdup_printf("[atlas]\ntitle = T\nstyle = %s\n\n[map a]\ntitle = A\n"
                                    "show = samenwerkingsvorm\n\n[map b]\ntitle = B\n", style);
    g_assert_true(g_file_set_contents(file, content, -1, NULL));
    char *out = g_build_filename(dir, "out", NULL), *err = NULL;
    g_assert_cmpint(run_cli(&err, "atlas", "--quiet", file, "--output", out, NULL), ==, 2);
    char *expected = g_strdup_printf("%s:5: page 'a': the legend does not fit", file);
    g_assert_nonnull(strstr(err, expected));
    g_assert_false(file_exists(out));
    g_free(expected);
    g_free(err);
    g_free(out);
    g_free(content);
    g_free(file);
    g_free(style);
    tmp_dir_remove(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    geo = load_geography();
    atlas_file = g_build_filename(g_getenv("SAMENKAART_STYLES"), "aef-2017", "atlas.ini", NULL);
    out_dir = tmp_dir_new();
    g_assert_cmpint(run_cli(NULL, "atlas", "--quiet", atlas_file, "--output", out_dir, NULL),
                    ==, 0);
    g_test_add_func("/atlas/pages-and-files", test_pages_and_files);
    g_test_add_func("/atlas/list-and-small-multiples", test_list_and_small_multiples);
    g_test_add_func("/atlas/map-page-classes-and-pixels", test_map_page_classes_and_pixels);
    g_test_add_func("/atlas/rerun-is-byte-identical", test_rerun_is_byte_identical);
    g_test_add_func("/atlas/atlas-file-errors", test_atlas_file_errors);
    g_test_add_func("/atlas/nothing-written-on-failure", test_nothing_written_on_failure);
    int rc = g_test_run();
    tmp_dir_remove(out_dir);
    g_free(atlas_file);
    sk_geography_free(geo);
    return rc;
}
