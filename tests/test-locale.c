/* Numbers written into outputs (world files, the scale bar, the labels CSV) do not follow the
** caller's locale: under nl_NL.UTF-8 (decimal comma) the library and the command write the
** same bytes as under C.  The locale must exist (setup.sh generates it): without it the test
** fails rather than passing for the wrong reason. */
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include "demo.h"
#include "support.h"

static char *out_dir;

#define DUTCH "nl_NL.UTF-8"

static void
use_locale(const char *name)
{
    if (setlocale(LC_ALL, name) == NULL)
        g_error("setlocale(LC_ALL, \"%s\") failed: generate the locale (setup.sh does: "
                "locale-gen %s)", name, name);
}

/* The demo map (jeugd by samenwerkingsvorm), zoomed to zoom_regions unless NULL. */
/* out_dir/tag.ext; g_free it. */
static char *
out(const char *tag, const char *ext)
{
    char *name = g_strconcat(tag, ext, NULL);
    char *path = g_build_filename(out_dir, name, NULL);
    g_free(name);
    return path;
}

/* The demo map as PNG + world file, a zoomed one as PNG (its scale bar has smaller, often
** fractional numbers) and its labels CSV, all under locale. */
static void
render_under(const char *locale, const char *tag)
{
    use_locale(locale);
    sk_ctx *ctx = sk_ctx_new();
    sk_map *whole = demo_map(ctx, NULL), *zoomed = demo_map(ctx, "Midden-Holland");
    char *tagz = g_strconcat(tag, "-zoom", NULL);
    char *png = out(tag, ".png"), *zpng = out(tagz, ".png"), *csv = out(tagz, ".csv");
    g_assert_cmpint(sk_map_render(ctx, whole, NULL, png), ==, SK_OK);
    g_assert_cmpint(sk_map_render(ctx, zoomed, NULL, zpng), ==, SK_OK);
    g_assert_cmpint(sk_map_write_labels_csv(ctx, zoomed, csv), ==, SK_OK);
    g_free(png);
    g_free(zpng);
    g_free(csv);
    g_free(tagz);
    sk_map_free(whole);
    sk_map_free(zoomed);
    sk_ctx_free(ctx);
    use_locale("C");
}

static void assert_world_file(const char *path);

/* out_dir/a<ext> and out_dir/b<ext> hold the same bytes for every ext. */
static void
assert_same_outputs(const char *a, const char *b, const char *const *exts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *pa = out(a, exts[i]), *pb = out(b, exts[i]);
        assert_same_file(pa, pb);
        g_free(pa);
        g_free(pb);
    }
    char *pgw = out(a, ".pgw");
    assert_world_file(pgw);
    g_free(pgw);
}

/* Every line of a world file is one number with a '.' before its decimals. */
static void
assert_world_file(const char *path)
{
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    char **lines = g_strsplit(text, "\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, 7);   /* six numbers and the last newline */
    for (int i = 0; i < 6; i++) {
        char *end = NULL;
        g_ascii_strtod(lines[i], &end);
        g_assert_true(end != lines[i] && *end == '\0');
        g_assert_nonnull(strchr(lines[i], '.'));
        g_assert_null(strchr(lines[i], ','));
    }
    g_strfreev(lines);
    g_free(text);
}

static void
test_library(void)
{
    render_under(DUTCH, "nl");
    render_under("C", "c");
    const char *same[] = {".pgw", ".png", "-zoom.png", "-zoom.csv"};
    assert_same_outputs("nl", "c", same, G_N_ELEMENTS(same));
    /* The labels CSV's numbers read back as numbers. */
    char *csv = out("nl", "-zoom.csv");
    GPtrArray *rows = read_csv_rows(csv);
    g_assert_cmpuint(rows->len, >, 0);
    const char *columns[] = {"size_pt", "x0", "y0", "x1", "y1", "map_x0", "map_y1"};
    for (guint r = 0; r < rows->len; r++)
        for (size_t k = 0; k < G_N_ELEMENTS(columns); k++) {
            const char *v = g_hash_table_lookup(g_ptr_array_index(rows, r), columns[k]);
            char *end = NULL;
            g_assert_nonnull(v);
            g_ascii_strtod(v, &end);
            g_assert_true(end != v && *end == '\0');
        }
    g_ptr_array_unref(rows);
    g_free(csv);
}

/* The command under LC_ALL=nl_NL.UTF-8 writes what it writes under LC_ALL=C. */
static void
test_command(void)
{
    use_locale(DUTCH);   /* the locale the command will ask for must exist */
    use_locale("C");
    const char *locales[] = {DUTCH, "C"}, *tags[] = {"cli-nl", "cli-c"};
    for (int i = 0; i < 2; i++) {
        g_setenv("LC_ALL", locales[i], TRUE);
        char *png = out(tags[i], ".png"), *tagz = g_strconcat(tags[i], "-zoom", NULL);
        char *zpng = out(tagz, ".png"), *csv = out(tagz, ".csv");
        g_assert_cmpint(run_cli(NULL, "render", "--where", "inhoudelijk=jeugd", "--show",
                                "samenwerkingsvorm", "--output", png, NULL), ==, 0);
        g_assert_cmpint(run_cli(NULL, "render", "--where", "inhoudelijk=jeugd", "--show",
                                "samenwerkingsvorm", "--zoom-regions", "Midden-Holland",
                                "--output", zpng, "--labels-csv", csv, NULL), ==, 0);
        g_free(png);
        g_free(zpng);
        g_free(csv);
        g_free(tagz);
    }
    g_unsetenv("LC_ALL");
    const char *same[] = {".pgw", ".png", "-zoom.png", "-zoom.pgw", "-zoom.csv"};
    assert_same_outputs("cli-nl", "cli-c", same, G_N_ELEMENTS(same));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    out_dir = tmp_dir_new();
    demo_load();
    g_test_add_func("/locale/library", test_library);
    g_test_add_func("/locale/command", test_command);
    int rc = g_test_run();
    demo_free();
    tmp_dir_remove(out_dir);
    return rc;
}
