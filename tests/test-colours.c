/* The colour system and legends of issue 12 on the shipped AEF atlas and the real data: one
** colour per class on every page, at most 12 (counts: 7) classes per map, every pair of
** classes apart for every reader (src/colour.c's conventions), legends that say what they
** count, the report's caveat, small multiples instead of too many classes, a colliding style
** refused, render and atlas in the same colours for another database. */
#include <string.h>
#include <glib/gstdio.h>
#include "samenkaart/samenkaart.h"
#include "samenkaart/panels.h"
#include "samenkaart/spec.h"
#include "src/classify_internal.h"
#include "src/colour.h"
#include "src/map_internal.h"
#include "src/panels_internal.h"
#include "src/style_internal.h"
#include "support.h"

static char *out_dir;          /* the AEF atlas rendered once */
static sk_geography *geo;
static sk_projects *projects;
static sk_style *style;

/* ---- the atlas's classes CSVs ------------------------------------------------------------ */

/* One map of the atlas: a page, or a panel of a page (its classes: text -> colour). */
typedef struct atlas_map {
    char *name;                /* page stem, and "/panel" */
    GHashTable *classes;       /* class text -> "#rrggbb" */
    size_t white;              /* municipalities in no class */
} atlas_map;

static void
atlas_map_free(gpointer p)
{
    atlas_map *m = p;
    g_free(m->name);
    g_hash_table_destroy(m->classes);
    g_free(m);
}

/* Every map of the rendered atlas, from the page CSVs (panel pages: one per panel). */
static GPtrArray *
atlas_maps(void)
{
    GPtrArray *maps = g_ptr_array_new_with_free_func(atlas_map_free);
    GDir *d = g_dir_open(out_dir, 0, NULL);
    const char *name;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_suffix(name, ".csv"))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    for (guint i = 0; i < names->len; i++) {
        char *path = g_build_filename(out_dir, g_ptr_array_index(names, i), NULL);
        GPtrArray *rows = read_csv_rows(path);
        GHashTable *by_panel = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint r = 0; r < rows->len; r++) {
            GHashTable *row = g_ptr_array_index(rows, r);
            const char *panel = g_hash_table_lookup(row, "panel");
            atlas_map *m = g_hash_table_lookup(by_panel, panel != NULL ? panel : "");
            if (m == NULL) {
                m = g_new0(atlas_map, 1);
                m->name = g_strdup_printf("%s/%s", (char *)g_ptr_array_index(names, i),
                                          panel != NULL ? panel : "");
                m->classes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
                g_hash_table_insert(by_panel, panel != NULL ? (char *)panel : "", m);
                g_ptr_array_add(maps, m);
            }
            const char *class = g_hash_table_lookup(row, "class");
            if (class == NULL || *class == '\0')
                m->white++;
            else
                g_hash_table_insert(m->classes, g_strdup(class),
                                    g_strdup(g_hash_table_lookup(row, "color")));
        }
        g_hash_table_destroy(by_panel);
        g_ptr_array_unref(rows);
        g_free(path);
    }
    g_ptr_array_unref(names);
    return maps;
}

static uint32_t
hex(const char *color)
{
    return (uint32_t)g_ascii_strtoull(color + 1, NULL, 16);
}

static int
is_overview(const atlas_map *m)
{
    return strstr(m->name, "wmo-regios") != NULL;
}

/* Each class has one colour on every page and panel of the atlas. */
static void
test_one_colour_per_class(void)
{
    GPtrArray *maps = atlas_maps();
    g_assert_cmpuint(maps->len, >=, 60);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    size_t classes = 0;
    for (guint i = 0; i < maps->len; i++) {
        atlas_map *m = g_ptr_array_index(maps, i);
        if (is_overview(m))
            continue;
        GHashTableIter it;
        gpointer class, color;
        g_hash_table_iter_init(&it, m->classes);
        while (g_hash_table_iter_next(&it, &class, &color)) {
            const char *before = g_hash_table_lookup(seen, class);
            if (before != NULL && strcmp(before, color) != 0)
                g_error("class '%s' is %s on %s but %s elsewhere", (char *)class,
                        (char *)color, m->name, before);
            if (before == NULL)
                classes++;
            g_hash_table_insert(seen, class, color);
        }
    }
    /* Themes, instruments, forms and their combinations, levels, insurers, counts …: many
    ** classes, each in one colour. */
    g_assert_cmpuint(classes, >=, 40);
    g_hash_table_destroy(seen);
    g_ptr_array_unref(maps);
}

/* No map has more classes than a reader can match: 12, counts 7 (the overview excepted). */
static void
test_at_most_twelve_classes(void)
{
    GPtrArray *maps = atlas_maps();
    size_t panels = 0;
    for (guint i = 0; i < maps->len; i++) {
        atlas_map *m = g_ptr_array_index(maps, i);
        if (is_overview(m))
            continue;
        size_t n = g_hash_table_size(m->classes);
        size_t max = strstr(m->name, "aantal") != NULL ? 7 : 12;
        if (n > max)
            g_error("%s has %zu classes (at most %zu)", m->name, n, max);
        panels += !g_str_has_suffix(m->name, "/");
    }
    /* The theme, instrument and minima pages that had up to 39 classes are small multiples. */
    g_assert_cmpuint(panels, >=, 60);
    g_ptr_array_unref(maps);
}

/* Every two classes of a map differ by ΔE2000 >= 10 in normal vision and >= 6 with simulated
** deuteranopia and protanopia, every class >= 10 from white; insurers >= 8 apart in L*. */
static void
test_classes_apart(void)
{
    GPtrArray *maps = atlas_maps();
    size_t pairs = 0;
    for (guint i = 0; i < maps->len; i++) {
        atlas_map *m = g_ptr_array_index(maps, i);
        if (is_overview(m))
            continue;
        GList *keys = g_hash_table_get_keys(m->classes);
        for (GList *a = keys; a != NULL; a = a->next) {
            uint32_t ca = hex(g_hash_table_lookup(m->classes, a->data));
            double white = sk__color_distance(ca, 0xffffff, SK__VISION_NORMAL);
            if (white < 10)
                g_error("%s: '%s' is %.1f from white", m->name, (char *)a->data, white);
            for (GList *b = a->next; b != NULL; b = b->next) {
                uint32_t cb = hex(g_hash_table_lookup(m->classes, b->data));
                sk__color_pair p;
                sk__color_compare(ca, cb, &p);
                if (p.de[0] < 10 || p.de[1] < 6 || p.de[2] < 6)
                    g_error("%s: '%s' and '%s' are too alike (%.1f, %.1f, %.1f)", m->name,
                            (char *)a->data, (char *)b->data, p.de[0], p.de[1], p.de[2]);
                pairs++;
            }
        }
        g_list_free(keys);
    }
    g_assert_cmpuint(pairs, >=, 300);
    g_ptr_array_unref(maps);
}

/* The kernwerkgebieden: insurers that border each other part in lightness too. */
static void
test_insurers_apart_in_lightness(void)
{
    GPtrArray *maps = atlas_maps();
    for (guint i = 0; i < maps->len; i++) {
        atlas_map *m = g_ptr_array_index(maps, i);
        if (strstr(m->name, "kernwerkgebieden") == NULL)
            continue;
        g_assert_cmpuint(g_hash_table_size(m->classes), >=, 4);
        GList *keys = g_hash_table_get_keys(m->classes);
        for (GList *a = keys; a != NULL; a = a->next)
            for (GList *b = a->next; b != NULL; b = b->next) {
                sk__color_pair p;
                sk__color_compare(hex(g_hash_table_lookup(m->classes, a->data)),
                                  hex(g_hash_table_lookup(m->classes, b->data)), &p);
                if (p.dl < 8)
                    g_error("%s and %s: ΔL* %.1f", (char *)a->data, (char *)b->data, p.dl);
            }
        g_list_free(keys);
    }
    g_ptr_array_unref(maps);
}

/* ---- legends ----------------------------------------------------------------------------- */

static sk_map *
build(const char *const *where, sk_map_kind kind, int show, int counts)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map_spec spec;
    sk_map_spec_init(&spec);
    spec.kind = kind;
    spec.where = where;
    if (show >= 0)
        spec.show = (sk_principle)show;
    spec.show_counts = counts;
    sk_map_data data = {.geo = geo, .projects = projects};
    sk_map *map = NULL;
    if (sk_map_build(ctx, &data, style, &spec, &map) != SK_OK)
        g_error("%s", sk_ctx_errmsg(ctx));
    sk_ctx_free(ctx);
    return map;
}

static const sk__legend_entry *
entry(const sk_map *map, size_t k)
{
    return &g_array_index(map->legend, sk__legend_entry, k);
}

/* Counts with their unit apart from the class text; white explained; the caveat. */
static void
test_legend_counts_white_caveat(void)
{
    sk_map *map = build(NULL, SK_MAP_COMBINATION, SK_LEVEL, 1);
    size_t n = map->legend->len, total = 0;
    g_assert_cmpuint(n, >=, 2);
    for (size_t k = 0; k < n; k++) {
        const sk__legend_entry *e = entry(map, k);
        g_assert_null(strstr(e->text, "(n="));
        g_assert_nonnull(e->count);
        g_assert_true(g_str_has_suffix(e->count, " gemeenten") ||
                      g_str_has_suffix(e->count, " gemeente"));
        total += g_ascii_strtoull(e->count, NULL, 10);
    }
    /* Every municipality is counted once: in its class or in white. */
    g_assert_cmpuint(total, ==, sk_geography_municipality_count(geo));
    const sk__legend_entry *white = entry(map, n - 1);
    g_assert_true(white->white);
    g_assert_cmpstr(white->text, ==, "geen project");
    g_assert_cmphex(white->color, ==, 0xffffff);
    /* The report's order: bovenregionaal first. */
    g_assert_true(g_str_has_prefix(entry(map, 0)->text, "bovenregionaal"));
    g_assert_nonnull(map->note);
    g_assert_nonnull(strstr(map->note, "niet één project"));
    sk_map_free(map);
}

/* Count maps: a class "0" first, lighter than class 1, units on every class. */
static void
test_count_map_zero_class(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map_spec spec;
    sk_map_spec_init(&spec);
    spec.kind = SK_MAP_COUNT;
    const char *where[] = {"inhoudelijk=jeugd", NULL};
    spec.where = where;
    spec.classes = 5;
    sk_map_data data = {.geo = geo, .projects = projects};
    sk_map *map = NULL;
    g_assert_cmpint(sk_map_build(ctx, &data, style, &spec, &map), ==, SK_OK);
    g_assert_cmpuint(map->legend->len, <=, 7);
    g_assert_cmpstr(entry(map, 0)->text, ==, "0 projecten");
    for (size_t k = 1; k < map->legend->len; k++)
        g_assert_true(g_str_has_suffix(entry(map, k)->text, "project") ||
                      g_str_has_suffix(entry(map, k)->text, "projecten"));
    sk__lab zero = sk__color_lab(entry(map, 0)->color, SK__VISION_NORMAL);
    sk__lab one = sk__color_lab(entry(map, 1)->color, SK__VISION_NORMAL);
    g_assert_cmpfloat(zero.L - one.L, >=, 8);
    /* No municipality is white on a count map. */
    for (size_t m = 0; m < sk_geography_municipality_count(geo); m++)
        g_assert_cmphex(sk_map_municipality_color(map, m), !=, 0xffffff);
    sk_map_free(map);
    sk_ctx_free(ctx);
    /* --classes below 2 is refused, also 0 (not taken as "the default"). */
    assert_cli_error("--classes: a count map has 2 to 7 classes (the first is 0), not 0",
                     "render", "--count", "natural", "--classes", "0", "--output", "x.png",
                     NULL);
    assert_cli_error("not -3", "render", "--count", "natural", "--classes", "-3", "--output",
                     "x.png", NULL);
}

/* Every map of combinations of an ordering principle's labels carries the caveat; white is
** explained wherever a municipality is white, in each kind's words. */
static void
test_caveat_and_white_everywhere(void)
{
    const char *where[] = {"inhoudelijk=jeugd", NULL};
    for (int p = SK_THEME; p <= SK_LEVEL; p++) {
        sk_ctx *ctx = sk_ctx_new();
        sk_map_spec spec;
        sk_map_spec_init(&spec);
        spec.kind = SK_MAP_COMBINATION;
        spec.show = (sk_principle)p;
        spec.where = where;
        spec.group_from = p == SK_THEME || p == SK_INSTRUMENT ? 2 : 0;
        sk_map_data data = {.geo = geo, .projects = projects};
        sk_map *map = NULL;
        if (sk_map_build(ctx, &data, style, &spec, &map) != SK_OK)
            g_error("%s", sk_ctx_errmsg(ctx));
        g_assert_nonnull(map->note);
        g_assert_nonnull(strstr(map->note, style->combination_note));
        sk_map_free(map);
        sk_ctx_free(ctx);
    }
    /* Not on maps of one label: a total map, a highlight map. */
    sk_map *total = build(where, SK_MAP_TOTAL, -1, -1);
    g_assert_null(total->note);
    const sk__legend_entry *white = entry(total, total->legend->len - 1);
    g_assert_true(white->white);
    /* White on a map of some projects says which: not "geen project" at all. */
    g_assert_cmpstr(white->text, ==, "geen project (Jeugd 18-/18+)");
    g_assert_cmpuint(total->legend->len, ==, 2);
    sk_map_free(total);
    /* A map without white municipalities has no white entry. */
    sk_map *all = build(NULL, SK_MAP_TOTAL, -1, -1);
    size_t whites = 0;
    for (size_t m = 0; m < sk_geography_municipality_count(geo); m++)
        whites += sk_map_municipality_color(all, m) == 0xffffff;
    g_assert_cmpint(entry(all, all->legend->len - 1)->white, ==, whites > 0);
    sk_map_free(all);
}

/* ---- small multiples, groups, a colliding style ------------------------------------------ */

/* More than 12 combinations: one panel per label, each label in its colour. */
static void
test_small_multiples(void)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_map_spec spec;
    sk_map_spec_init(&spec);
    spec.kind = SK_MAP_COMBINATION;
    spec.show = SK_THEME;
    sk_map_data data = {.geo = geo, .projects = projects};
    sk_map *map = NULL;
    /* One map cannot show them ... */
    g_assert_cmpint(sk_map_build(ctx, &data, style, &spec, &map), ==, SK_EINPUT);
    g_assert_nonnull(strstr(sk_ctx_errmsg(ctx), "group the classes"));
    sk_ctx_clear_error(ctx);
    /* ... a page of small multiples does: six themes, six panels. */
    sk_panels *panels = NULL;
    g_assert_cmpint(sk_map_build_page(ctx, &data, style, &spec, &map, &panels), ==, SK_OK);
    g_assert_null(map);
    g_assert_cmpuint(sk_panels_count(panels), ==, 6);
    g_assert_cmpuint(sk_panels_legend_count(panels), ==, 7);
    g_assert_cmpstr(sk_panels_legend_text(panels, 0), ==, "preventie");
    g_assert_cmpstr(sk_panels_legend_text(panels, 6), ==, "geen project rond dit thema");
    /* The panel of preventie is exactly the total map of preventie, in preventie's colour. */
    const char *where[] = {"inhoudelijk=preventie", NULL};
    sk_map *total = build(where, SK_MAP_TOTAL, -1, -1);
    uint32_t preventie = sk_panels_legend_color(panels, 0);
    sk_map *first = sk__panels_maps(panels)[0];
    for (size_t m = 0; m < sk_geography_municipality_count(geo); m++)
        g_assert_cmphex(sk_map_municipality_color(first, m), ==,
                        sk_map_municipality_color(total, m) == 0xffffff ? 0xffffff
                                                                         : preventie);
    sk_map_free(total);
    sk_panels_free(panels);
    /* Grouped from 2 labels: one map of 7 classes at most, "2 of meer thema's" among them. */
    spec.group_from = 2;
    g_assert_cmpint(sk_map_build(ctx, &data, style, &spec, &map), ==, SK_OK);
    g_assert_cmpuint(sk_classification_class_count(sk_map_classification(map)), <=, 7);
    int grouped = 0;
    for (size_t k = 0; k < map->legend->len; k++)
        grouped |= strcmp(entry(map, k)->text, "2 of meer thema's") == 0;
    g_assert_true(grouped);
    sk_map_free(map);
    sk_ctx_free(ctx);
}

/* A style whose designed colours collide is refused, naming both classes and the distance. */
static void
test_colliding_style_refused(void)
{
    char *dir = tmp_dir_new(), *ini = g_build_filename(dir, "mine.ini", NULL);
    char *out = g_build_filename(dir, "m.png", NULL), *err = NULL;
    char *projects_csv = data_path("projecten_2017.csv");
    /* ontwikkelproject is #df9040 in the default style. */
    const char *text = "[colors.samenwerkingsvorm]\nimplementatie = #df9041\n";
    g_assert_true(g_file_set_contents(ini, text, -1, NULL));
    int rc = run_cli(&err, "render", "--style", ini, "--show", "samenwerkingsvorm",
                     "--where", "inhoudelijk=jeugd", "--dpi", "30", "--output", out, NULL);
    g_assert_cmpint(rc, ==, 2);
    g_assert_nonnull(strstr(err, "mine.ini: classes 'ontwikkelproject' (#df9040) and "
                                 "'implementeren' (#df9041) are too alike: ΔE2000 0.2 "
                                 "(normaal; at least 10)"));
    g_assert_nonnull(strstr(err, "--allow-similar-colours"));
    g_assert_false(file_exists(out));
    g_free(err);
    rc = run_cli(&err, "render", "--style", ini, "--show", "samenwerkingsvorm", "--where",
                 "inhoudelijk=jeugd", "--dpi", "30", "--allow-similar-colours", "--output", out,
                 NULL);
    g_assert_cmpint(rc, ==, 0);
    g_assert_nonnull(strstr(err, "warning"));
    g_assert_true(file_exists(out));
    g_free(err);
    g_free(projects_csv);
    g_free(ini);
    g_free(out);
    tmp_dir_remove(dir);
}

/* A database of dozens of insurer combinations: render --show zorgverzekeraar draws one panel
** per insurer, exit 0, with the classes per panel and no world file. */
static void
test_many_insurer_combinations(void)
{
    static const char *const insurers[] = {"Zilveren Kruis", "VGZ", "CZ", "Menzis", "DSW",
                                           "De Friesland", "Zorg en Zekerheid", "Eno", "ONVZ"};
    size_t n = G_N_ELEMENTS(insurers), nmun = sk_geography_municipality_count(geo), id = 0;
    GString *csv = g_string_new("id,titel,zorgverzekeraars,gemeenten,wmo_regios,inhoudelijk,"
                                "instrumenteel,samenwerkingsvorm,geografisch,partners,bron\n");
    /* Every pair of insurers in a project of its own, in a municipality of its own. */
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++, id++)
            g_string_append_printf(csv, "p%zu,Project %zu,%s;%s,%s,,preventie,beleid,"
                                   "implementatie,gemeente,,test\n", id, id, insurers[a],
                                   insurers[b],
                                   sk_geography_municipality_code(geo, (id * 7) % nmun));
    char *dir = tmp_dir_new(), *db = g_build_filename(dir, "many.csv", NULL);
    char *out = g_build_filename(dir, "v.png", NULL), *classes = g_build_filename(dir, "v.csv", NULL);
    char *pgw = g_build_filename(dir, "v.pgw", NULL), *err = NULL;
    g_assert_true(g_file_set_contents(db, csv->str, (gssize)csv->len, NULL));
    int rc = run_cli(&err, "render", "--projects", db, "--show", "zorgverzekeraar", "--dpi",
                     "30", "--output", out, "--classes-csv", classes, NULL);
    g_assert_cmpint(rc, ==, 0);
    g_assert_true(file_exists(out));
    g_assert_false(file_exists(pgw));
    GPtrArray *rows = read_csv_rows(classes);
    GHashTable *panels = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint r = 0; r < rows->len; r++) {
        GHashTable *row = g_ptr_array_index(rows, r);
        const char *class = g_hash_table_lookup(row, "class");
        g_hash_table_add(panels, g_hash_table_lookup(row, "panel"));
        /* On a panel a municipality is its insurer's, or white. */
        g_assert_true(*class == '\0' ||
                      strcmp(class, g_hash_table_lookup(row, "panel")) == 0);
    }
    g_assert_cmpuint(g_hash_table_size(panels), ==, n);
    g_hash_table_destroy(panels);
    g_ptr_array_unref(rows);
    g_string_free(csv, TRUE);
    g_free(err);
    g_free(db);
    g_free(out);
    g_free(classes);
    g_free(pgw);
    tmp_dir_remove(dir);
}

/* render of an atlas map uses the atlas's colours, also for another database (2018). */
static void
test_render_colours_as_atlas(void)
{
    GPtrArray *maps = atlas_maps();
    GHashTable *atlas = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < maps->len; i++) {
        atlas_map *m = g_ptr_array_index(maps, i);
        GHashTableIter it;
        gpointer class, color;
        g_hash_table_iter_init(&it, m->classes);
        while (g_hash_table_iter_next(&it, &class, &color))
            g_hash_table_insert(atlas, class, color);
    }
    char *dir = tmp_dir_new(), *out = g_build_filename(dir, "r.png", NULL);
    char *classes = g_build_filename(dir, "r.csv", NULL), *db = data_path("projecten_2018.csv");
    g_assert_cmpint(run_cli(NULL, "render", "--projects", db, "--show", "samenwerkingsvorm",
                            "--where", "inhoudelijk=ouderen", "--dpi", "30", "--output", out,
                            "--classes-csv", classes, NULL), ==, 0);
    GPtrArray *rows = read_csv_rows(classes);
    size_t compared = 0;
    for (guint r = 0; r < rows->len; r++) {
        GHashTable *row = g_ptr_array_index(rows, r);
        const char *class = g_hash_table_lookup(row, "class");
        const char *want = *class != '\0' ? g_hash_table_lookup(atlas, class) : NULL;
        if (want == NULL)
            continue;
        g_assert_cmpstr(g_hash_table_lookup(row, "color"), ==, want);
        compared++;
    }
    g_assert_cmpuint(compared, >=, 50);
    g_ptr_array_unref(rows);
    g_hash_table_destroy(atlas);
    g_ptr_array_unref(maps);
    g_free(db);
    g_free(classes);
    g_free(out);
    tmp_dir_remove(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    use_backend_beside_cli();
    geo = load_geography();
    projects = load_projects(geo, "projecten_2017.csv");
    sk_ctx *ctx = sk_ctx_new();
    g_assert_cmpint(sk_style_load(ctx, NULL, &style), ==, SK_OK);
    sk_ctx_free(ctx);
    char *atlas_file = g_build_filename(g_getenv("SAMENKAART_STYLES"), "aef-2017", "atlas.ini",
                                        NULL);
    out_dir = tmp_dir_new();
    g_assert_cmpint(run_cli(NULL, "atlas", "--quiet", atlas_file, "--dpi", "30", "--output",
                            out_dir, NULL), ==, 0);
    g_test_add_func("/colours/one-colour-per-class", test_one_colour_per_class);
    g_test_add_func("/colours/at-most-twelve-classes", test_at_most_twelve_classes);
    g_test_add_func("/colours/classes-apart", test_classes_apart);
    g_test_add_func("/colours/insurers-apart-in-lightness", test_insurers_apart_in_lightness);
    g_test_add_func("/colours/legend-counts-white-caveat", test_legend_counts_white_caveat);
    g_test_add_func("/colours/count-map-zero-class", test_count_map_zero_class);
    g_test_add_func("/colours/caveat-and-white-everywhere", test_caveat_and_white_everywhere);
    g_test_add_func("/colours/small-multiples", test_small_multiples);
    g_test_add_func("/colours/colliding-style-refused", test_colliding_style_refused);
    g_test_add_func("/colours/many-insurer-combinations", test_many_insurer_combinations);
    g_test_add_func("/colours/render-colours-as-atlas", test_render_colours_as_atlas);
    int rc = g_test_run();
    tmp_dir_remove(out_dir);
    g_free(atlas_file);
    sk_style_free(style);
    sk_projects_free(projects);
    sk_geography_free(geo);
    return rc;
}
