/* samenkaart diff: what changed between two project databases, as a map and a list. */
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "options.h"
#include "run.h"

typedef struct diff_args {
    char *before, *after, *changes_csv;
    char *years;                 /* --years BEFORE,AFTER */
    char *labels[2];             /* its two years, or NULL */
    gboolean no_figures;
} diff_args;

/* A year as a page prints it: four digits. */
static int
is_year(const char *s)
{
    size_t n = 0;
    while (g_ascii_isdigit(s[n]))
        n++;
    return n == 4 && s[n] == '\0';
}

/* --years BEFORE,AFTER: two years, the earlier first, into d->labels.  EXIT_OK, or the usage
** error reported. */
static int
parse_years(diff_args *d)
{
    if (d->years == NULL)
        return EXIT_OK;
    char **parts = g_strsplit(d->years, ",", -1);
    int rc = EXIT_OK;
    if (g_strv_length(parts) != 2) {
        rc = usage_error("diff", "--years '%s': give two years, the earlier first, e.g. "
                         "--years 2017,2018", d->years);
    } else {
        for (int i = 0; i < 2 && rc == EXIT_OK; i++)
            if (!is_year(g_strstrip(parts[i])))
                rc = usage_error("diff", "--years '%s': '%s' is not a year (four digits, e.g. "
                                 "--years 2017,2018)", d->years, parts[i]);
        if (rc == EXIT_OK && atoi(parts[0]) == atoi(parts[1]))
            rc = usage_error("diff", "--years '%s': give two different years, that of "
                             "--before first", d->years);
        else if (rc == EXIT_OK && atoi(parts[0]) > atoi(parts[1]))
            rc = usage_error("diff", "--years '%s': the year of --before comes first and is "
                             "the earlier (did you mean --years %s,%s?)", d->years, parts[1],
                             parts[0]);
    }
    for (int i = 0; i < 2 && rc == EXIT_OK; i++)
        d->labels[i] = g_strdup(parts[i]);
    g_strfreev(parts);
    return rc;
}

/* The spec of the map of changes (strings borrowed from a), checked.  EXIT_OK, or the exit
** status of the error already reported. */
static int
diff_spec(sk_ctx *ctx, const cli_args *a, const diff_args *d, sk_map_spec *spec)
{
    sk_map_spec_init(spec);
    spec->kind = SK_MAP_CHANGES;
    spec->where = (const char *const *)a->where;
    spec->before_label = d->labels[0];
    spec->after_label = d->labels[1];
    spec->title = a->title;
    spec->caption = a->caption;
    spec->show_counts = a->no_counts ? 0 : -1;
    int rc = page_size("diff", a->page, &spec->page);
    if (rc == EXIT_OK && sk_map_spec_check(ctx, spec) != SK_OK)
        rc = fail(ctx);
    return rc;
}

/* The changes, from the same filter as the map: for the list and the figures. */
static sk_status
compute_diff(sk_ctx *ctx, const cli_args *a, const sk_projects *earlier,
             const sk_projects *later, sk_diff **diff)
{
    sk_filter *filter = sk_filter_new();
    sk_status st = SK_OK;
    for (size_t i = 0; a->where != NULL && a->where[i] != NULL && st == SK_OK; i++)
        st = sk_filter_add(ctx, filter, a->where[i]);
    if (st == SK_OK)
        st = sk_diff_compute(ctx, earlier, later, filter, diff);
    sk_filter_free(filter);
    return st;
}

/* One CSV cell, quoted when it must be (quotes doubled), then the separator. */
static void
csv_cell(GString *s, const char *value, char end)
{
    if (value == NULL || strpbrk(value, ",\"\r\n") == NULL) {
        g_string_append_printf(s, "%s%c", value != NULL ? value : "", end);
        return;
    }
    char **parts = g_strsplit(value, "\"", -1);
    char *doubled = g_strjoinv("\"\"", parts);
    g_string_append_printf(s, "\"%s\"%c", doubled, end);
    g_free(doubled);
    g_strfreev(parts);
}

/* --mergers-report: the references remapped in both databases, earlier first (as
** sk_projects_write_remaps_csv writes those of one; the where column tells the file). */
static sk_status
write_remaps(sk_ctx *ctx, const sk_projects *earlier, const sk_projects *later,
             const char *path)
{
    GString *s = g_string_new("where,value,mapped_to,note\n");
    const sk_projects *both[] = {earlier, later};
    for (size_t d = 0; d < 2; d++)
        for (size_t i = 0; i < sk_projects_remap_count(both[d]); i++) {
            sk_remap r;
            sk_projects_remap_get(both[d], i, &r);
            csv_cell(s, r.where, ',');
            csv_cell(s, r.value, ',');
            csv_cell(s, r.mapped_to, ',');
            csv_cell(s, r.note, '\n');
        }
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}

/* Both databases; the mergers report, one for both, is written here, not per load. */
static sk_status
load_both(sk_ctx *ctx, cli_args *a, const diff_args *d, sk_geography **geo,
          sk_projects **earlier, sk_projects **later)
{
    char *report = a->mergers_report;
    a->mergers_report = NULL;
    sk_status st = load_data(ctx, a, d->before, geo, earlier);
    if (st == SK_OK)
        st = load_data(ctx, a, d->after, geo, later);
    a->mergers_report = report;
    if (st == SK_OK && report != NULL)
        st = write_remaps(ctx, *earlier, *later, report);
    return st;
}

/* Load both databases, build the map of changes (its key figures beside it) and write what
** was asked for. */
static sk_status
diff_map(sk_ctx *ctx, cli_args *a, const diff_args *d, sk_map_spec *spec)
{
    sk_geography *geo = NULL;
    sk_projects *earlier = NULL, *later = NULL;
    sk_style *style = NULL;
    sk_map *map = NULL;
    sk_diff *diff = NULL;
    char *figures = NULL;
    sk_status st = sk_style_load(ctx, a->style, &style);
    if (st == SK_OK)
        st = load_both(ctx, a, d, &geo, &earlier, &later);
    if (st == SK_OK)
        st = compute_diff(ctx, a, earlier, later, &diff);
    if (st == SK_OK && !d->no_figures) {
        sk_diff_figures f;
        sk_diff_figures_get(diff, &f);
        spec->text = figures = sk_diff_figures_text(style, &f, d->labels[0], d->labels[1]);
    }
    if (st == SK_OK) {
        sk_map_data data = {.geo = geo, .projects = later, .before = earlier};
        st = sk_map_build(ctx, &data, style, spec, &map);
    }
    /* The tables first: they cannot fail on a bad page layout. */
    if (st == SK_OK && d->changes_csv != NULL)
        st = sk_diff_write_csv(ctx, diff, d->changes_csv);
    if (st == SK_OK && a->classes_csv != NULL)
        st = sk_map_write_classes_csv(ctx, map, a->classes_csv);
    if (st == SK_OK && a->output != NULL) {
        sk_render_options ro;
        render_options(a, &ro);
        st = sk_map_render(ctx, map, &ro, a->output);
    }
    sk_map_free(map);
    sk_diff_free(diff);
    g_free(figures);
    sk_projects_free(earlier);
    sk_projects_free(later);
    sk_geography_free(geo);
    sk_style_free(style);
    return st;
}

static int
run_diff(cli_args *a, diff_args *d)
{
    if (d->before == NULL || d->after == NULL)
        return usage_error("diff", "%s", "--before FILE and --after FILE are required");
    if (a->output == NULL && a->classes_csv == NULL && d->changes_csv == NULL)
        return usage_error("diff", "%s", "nothing to write: give --output, --classes-csv or "
                           "--changes-csv");
    int rc = parse_years(d);
    if (rc != EXIT_OK)
        return rc;
    cli_run run;
    rc = cli_run_begin(&run, &a->quiet);
    if (rc == EXIT_OK) {
        cli_run_input(&run, d->before, "--before");
        cli_run_input(&run, d->after, "--after");
        rc = cli_args_declare(&run, a);
    }
    if (rc == EXIT_OK)
        rc = cli_run_output(&run, d->changes_csv, "--changes-csv");
    sk_map_spec spec;
    if (rc == EXIT_OK)
        rc = diff_spec(run.ctx, a, d, &spec);
    if (rc == EXIT_OK && diff_map(run.ctx, a, d, &spec) != SK_OK)
        rc = fail(run.ctx);
    return cli_run_end(&run, rc);
}

int
cmd_diff(int argc, char **argv)
{
    cli_args a = {0};
    diff_args d = {0};
    GOptionEntry entries[] = {
        {"before", 0, 0, G_OPTION_ARG_FILENAME, &d.before,
         "The earlier project database, e.g. projecten_2017.csv (required)", "FILE"},
        {"after", 0, 0, G_OPTION_ARG_FILENAME, &d.after,
         "The later one, e.g. projecten_2018.csv (required)", "FILE"},
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &a.where,
         "Only projects with this label (in either database), e.g. inhoudelijk=ouderen",
         "PRINCIPLE=VALUE"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
         "The map of changes: map.png, map.pdf or map.svg", "FILE"},
        {"classes-csv", 0, 0, G_OPTION_ARG_FILENAME, &a.classes_csv,
         "Write gm_code,gm_naam,class,color,projects per municipality", "FILE"},
        {"changes-csv", 0, 0, G_OPTION_ARG_FILENAME, &d.changes_csv,
         "Write id,change,field,before,after: every new, ended and changed project", "FILE"},
        {"years", 0, 0, G_OPTION_ARG_STRING, &d.years,
         "The years of --before and --after, e.g. 2017,2018: in the title, the source line "
         "and the figures (without: no years)", "BEFORE,AFTER"},
        {"no-figures", 0, 0, G_OPTION_ARG_NONE, &d.no_figures,
         "No key figures beside the map (projects new, ended, changed; municipalities per "
         "change)", NULL},
        {"title", 't', 0, G_OPTION_ARG_STRING, &a.title, "Map title", "TEXT"},
        {"caption", 0, 0, G_OPTION_ARG_STRING, &a.caption, "Text under the title", "TEXT"},
        {"no-counts", 0, 0, G_OPTION_ARG_NONE, &a.no_counts, "Legend entries without (n=…)",
         NULL},
        {"page", 0, 0, G_OPTION_ARG_STRING, &a.page, "a4 or a4-landscape, slide or slide-16x9 (16:9)",
         "SIZE"},
        {"style", 0, 0, G_OPTION_ARG_FILENAME, &a.style, "Style file (default styles/aef.ini)",
         "FILE"},
        {"dpi", 0, 0, G_OPTION_ARG_CALLBACK, number_arg(), 
         "PNG resolution, 30 to 1200 dots per inch (default 150)", "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a.quiet, "No warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("- what changed between two project databases",
        "Matches projects by id and compares what maps show: the labels of every ordering\n"
        "principle, the insurers and the places.  The map colours each municipality: new\n"
        "collaboration, collaboration ended, changed, unchanged; beside it the key figures\n"
        "(projects new, ended, changed; municipalities per change).",
        "Example:\n  samenkaart diff --before projecten_2017.csv --after projecten_2018.csv \\\n"
        "    --years 2017,2018 --output diff.png --changes-csv changes.csv");
    main_entries(oc, entries, &a);
    g_option_context_add_group(oc, data_group(&a));
    int rc = parse_options(oc, "diff", &argc, &argv, 0);
    if (rc == EXIT_OK)
        rc = run_diff(&a, &d);
    g_option_context_free(oc);
    g_free(d.before);
    g_free(d.after);
    g_free(d.changes_csv);
    g_free(d.years);
    g_free(d.labels[0]);
    g_free(d.labels[1]);
    cli_args_clear(&a);
    return rc;
}
