/* samenkaart — the command-line tool: parses arguments into the library's option structs
** and calls the library.  Exit status 0 ok, 1 runtime failure, 2 bad input or arguments, or
** an output that cannot be written. */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"
#include "sk-config.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_INPUT = 2, EXIT_HELP = -1 /* help shown: exit 0 */ };

static int
exit_code(sk_status st)
{
    if (st == SK_OK)
        return EXIT_OK;
    /* An output that cannot be written (no such directory, disk full) is for the user to
    ** fix like bad input. */
    return st == SK_EINPUT || st == SK_EUSAGE || st == SK_EIO ? EXIT_INPUT : EXIT_RUNTIME;
}

static void
print_warning(void *user_data, const char *message)
{
    if (!*(gboolean *)user_data)
        fprintf(stderr, "samenkaart: warning: %s\n", message);
}

/* Report the context's error and give the exit status. */
static int
fail(sk_ctx *ctx)
{
    sk_status st = sk_ctx_status(ctx);
    fprintf(stderr, "%s\n", sk_ctx_errmsg(ctx));
    if (st == SK_EINPUT)
        fprintf(stderr, "samenkaart: bad input; no output written\n");
    else if (st == SK_EIO)
        fprintf(stderr, "samenkaart: output not written (nothing half-written was left)\n");
    return exit_code(st);
}

static int G_GNUC_PRINTF(2, 3)
usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "samenkaart %s: ", command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'samenkaart %s --help'.\n", command);
    va_end(ap);
    return EXIT_INPUT;
}

/* Parse a command's options; expected_args operands may follow.  EXIT_OK, or the status of
** the usage error already reported. */
static int
parse_options(GOptionContext *oc, const char *command, int *argc, char ***argv,
              int expected_args)
{
    /* Help is printed here, not by GOption, which would exit() the process from inside
    ** the parser (found by fuzz-cli). */
    g_option_context_set_help_enabled(oc, FALSE);
    if (g_get_prgname() == NULL) {
        char *name = g_strconcat("samenkaart ", command, NULL);
        g_set_prgname(name);
        g_free(name);
    }
    for (int i = 1; i < *argc; i++) {
        const char *arg = (*argv)[i];
        if (strcmp(arg, "--") == 0)
            break;
        int main_help = strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0 ||
                        strcmp(arg, "-?") == 0;
        if (main_help || g_str_has_prefix(arg, "--help-")) {
            char *help = g_option_context_get_help(oc, main_help, NULL);
            fputs(help, stdout);
            g_free(help);
            return EXIT_HELP;
        }
    }
    GError *err = NULL;
    if (!g_option_context_parse(oc, argc, argv, &err)) {
        int rc = usage_error(command, "%s", err->message);
        g_error_free(err);
        return rc;
    }
    if (*argc > 1 + expected_args)
        return usage_error(command, "unexpected argument '%s'", (*argv)[1 + expected_args]);
    return EXIT_OK;
}

typedef struct render_args {
    char *data_dir;
    char *municipalities, *municipality_layer, *regions, *membership, *projects, *sheet;
    char *municipality_code_field, *municipality_name_field;
    char *region_code_field, *region_name_field;
    char **where, **highlight;
    char *count, *note, *text;
    int classes;
    char *table, *table_key, *table_column, *table_principle;
    char *membership_region_code_field, *membership_region_name_field, *region_label;
    gboolean by_region, overview, outline_regions;
    char *show, *title, *caption, *source, *page, *style, *output, *classes_csv, *cache_dir;
    double dpi;
    gboolean counts, no_counts, quiet, no_cache;
    /* The insurers' core working areas (compare; render --core-of) */
    char *core_of, *core, *core_regions, *core_key, *core_column, *core_code_field,
        *core_name_field;
    /* Municipal mergers */
    char *mergers, *mergers_report;
    /* Zoomed maps */
    char *zoom_regions, *zoom_municipalities, *zoom_province, *zoom_core, *labels_csv;
} render_args;

static void
render_args_clear(render_args *a)
{
    char **strings[] = {&a->data_dir, &a->municipalities, &a->municipality_layer, &a->regions,
                        &a->membership, &a->projects, &a->sheet, &a->municipality_code_field,
                        &a->municipality_name_field, &a->region_code_field,
                        &a->region_name_field, &a->show, &a->title, &a->caption, &a->source,
                        &a->page, &a->style, &a->output, &a->classes_csv,
                        &a->cache_dir};
    for (size_t i = 0; i < G_N_ELEMENTS(strings); i++)
        g_free(*strings[i]);
    g_strfreev(a->where);
    g_strfreev(a->highlight);
    g_free(a->count);
    g_free(a->note);
    g_free(a->text);
    g_free(a->table);
    g_free(a->table_key);
    g_free(a->table_column);
    g_free(a->table_principle);
    g_free(a->membership_region_code_field);
    g_free(a->membership_region_name_field);
    g_free(a->region_label);
    char *core[] = {a->core_of, a->core, a->core_regions, a->core_key, a->core_column,
                    a->core_code_field, a->core_name_field, a->zoom_regions,
                    a->zoom_municipalities, a->zoom_province, a->zoom_core, a->labels_csv,
                    a->mergers, a->mergers_report};
    for (size_t i = 0; i < G_N_ELEMENTS(core); i++)
        g_free(core[i]);
}

static char *
in_data_dir(const char *dir, const char *file)
{
    return g_build_filename(dir, file, NULL);
}

/* Where prepared geometry is cached: --cache-dir, $SAMENKAART_CACHE ("off" for none), or
** the user's cache directory.  NULL: no cache.  Caller frees. */
static char *
cache_dir(const render_args *a)
{
    if (a->no_cache)
        return NULL;
    if (a->cache_dir != NULL)
        return g_strdup(a->cache_dir);
    const char *env = g_getenv("SAMENKAART_CACHE");
    if (env != NULL)
        return env[0] == '\0' || strcmp(env, "off") == 0 ? NULL : g_strdup(env);
    return g_build_filename(g_get_user_cache_dir(), "samenkaart", NULL);
}

/* The data directory: --data-dir, $SAMENKAART_DATA, or the built-in default. */
static const char *
data_dir_of(const char *given)
{
    if (given != NULL)
        return given;
    const char *env = g_getenv("SAMENKAART_DATA");
    return env != NULL ? env : SK_DEFAULT_DATA_DIR;
}

/* Geography options for the municipalities the arguments name (regions left to the caller). */
static void
municipality_options(const render_args *a, sk_geography_options *go)
{
    sk_geography_options_init(go);
    go->municipalities = a->municipalities;
    go->municipality_layer = a->municipality_layer;
    if (a->municipality_code_field)
        go->municipality_code_field = a->municipality_code_field;
    if (a->municipality_name_field)
        go->municipality_name_field = a->municipality_name_field;
}

/* A command's option context: what it takes, a summary, and examples followed by the exit
** statuses (the same for every command). */
static GOptionContext *
command_context(const char *parameter, const char *summary, const char *examples)
{
    GOptionContext *oc = g_option_context_new(parameter);
    g_option_context_set_summary(oc, summary);
    char *description = g_strdup_printf("%s\n\nExit status: 0 ok, 1 runtime failure, 2 bad "
                                        "input or an output that cannot be written.\n",
                                        examples);
    g_option_context_set_description(oc, description);
    g_free(description);
    return oc;
}

/* The options naming the data, shared by every command that reads it. */
static GOptionGroup *
data_group(render_args *a)
{
    GOptionEntry data[] = {
        {"data-dir", 0, 0, G_OPTION_ARG_FILENAME, &a->data_dir,
         "Default data directory (default: " SK_DEFAULT_DATA_DIR ")", "DIR"},
        {"municipalities", 'm', 0, G_OPTION_ARG_FILENAME, &a->municipalities,
         "Municipality boundaries (any OGR source)", "FILE"},
        {"municipality-layer", 0, 0, G_OPTION_ARG_STRING, &a->municipality_layer,
         "Layer of the municipality source", "NAME"},
        {"regions", 'r', 0, G_OPTION_ARG_FILENAME, &a->regions,
         "Wmo-region boundaries (without: dissolved from --membership)", "FILE"},
        {"membership", 0, 0, G_OPTION_ARG_FILENAME, &a->membership,
         "Municipality -> region table, e.g. gemeenten_regios_2017.csv", "FILE"},
        {"projects", 'p', 0, G_OPTION_ARG_FILENAME, &a->projects,
         "Project database: CSV, XLSX/ODS, GeoPackage …", "FILE"},
        {"sheet", 0, 0, G_OPTION_ARG_STRING, &a->sheet,
         "Sheet or table of the project database", "NAME"},
        {"municipality-code-field", 0, 0, G_OPTION_ARG_STRING, &a->municipality_code_field,
         "Municipality code field (default gm_code)", "NAME"},
        {"municipality-name-field", 0, 0, G_OPTION_ARG_STRING, &a->municipality_name_field,
         "Municipality name field (default gm_naam)", "NAME"},
        {"region-code-field", 0, 0, G_OPTION_ARG_STRING, &a->region_code_field,
         "Region code field (default wmo_code)", "NAME"},
        {"region-name-field", 0, 0, G_OPTION_ARG_STRING, &a->region_name_field,
         "Region name field (default wmo_naam)", "NAME"},
        {"region-label", 0, 0, G_OPTION_ARG_STRING, &a->region_label,
         "Legend text of the region border (default: the style's, Grens Wmo-regio)", "TEXT"},
        {"membership-region-code-field", 0, 0, G_OPTION_ARG_STRING,
         &a->membership_region_code_field,
         "Region code column of the membership table (default wmo_code)", "NAME"},
        {"membership-region-name-field", 0, 0, G_OPTION_ARG_STRING,
         &a->membership_region_name_field,
         "Region name column of the membership table (default wmo_naam)", "NAME"},
        {"cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &a->cache_dir,
         "Cache prepared data here (default $SAMENKAART_CACHE or ~/.cache/samenkaart)",
         "DIR"},
        {"no-cache", 0, 0, G_OPTION_ARG_NONE, &a->no_cache,
         "Read every source, without the cache", NULL},
        {"mergers", 0, 0, G_OPTION_ARG_FILENAME, &a->mergers,
         "Municipal mergers, e.g. shapes/herindelingen_2018_2019.csv: a database naming "
         "municipalities of another year's boundaries", "FILE"},
        {"mergers-report", 0, 0, G_OPTION_ARG_FILENAME, &a->mergers_report,
         "Write every reference remapped through --mergers (where,value,mapped_to,note)",
         "FILE"},
        G_OPTION_ENTRY_NULL};
    GOptionGroup *g = g_option_group_new("data", "Data options:", "Show data options", NULL,
                                         NULL);
    g_option_group_add_entries(g, data);
    return g;
}

/* The options naming the insurers' core working areas (compare, render --core-of). */
static GOptionGroup *
core_group(render_args *a)
{
    GOptionEntry core[] = {
        {"core", 0, 0, G_OPTION_ARG_FILENAME, &a->core,
         "Core working areas: insurer per zorgkantoorregio (default "
         "kernwerkgebieden_2017.csv)", "FILE"},
        {"core-regions", 0, 0, G_OPTION_ARG_FILENAME, &a->core_regions,
         "The zorgkantoorregio's (default zorgkantoorregios_2017.shp)", "FILE"},
        {"core-key", 0, 0, G_OPTION_ARG_STRING, &a->core_key,
         "Column of --core naming the region (default zk_code)", "COLUMN"},
        {"core-column", 0, 0, G_OPTION_ARG_STRING, &a->core_column,
         "Column of --core naming the insurer (default verzekeraar)", "COLUMN"},
        {"core-region-code-field", 0, 0, G_OPTION_ARG_STRING, &a->core_code_field,
         "Region code field of --core-regions and the membership table (default zk_code)",
         "NAME"},
        {"core-region-name-field", 0, 0, G_OPTION_ARG_STRING, &a->core_name_field,
         "Region name field (default zk_naam)", "NAME"},
        G_OPTION_ENTRY_NULL};
    GOptionGroup *g = g_option_group_new("core", "Core working area options:",
                                         "Show core working area options", NULL, NULL);
    g_option_group_add_entries(g, core);
    return g;
}

/* Load the geography and, when projects is not NULL, the project database (path: path, or
** --projects, or the data directory's).  Missing sources come from the data directory. */
static sk_status
load_data(sk_ctx *ctx, render_args *a, const char *projects_path, sk_geography **geo,
          sk_projects **projects)
{
    const char *dir = data_dir_of(a->data_dir);
    /* Without boundaries of their own, users get the bundled 2017 data. */
    if (a->municipalities == NULL) {
        a->municipalities = in_data_dir(dir, "gemeenten_2017.shp");
        if (a->regions == NULL)
            a->regions = in_data_dir(dir, "wmo_regios_2017.shp");
        if (a->membership == NULL)
            a->membership = in_data_dir(dir, "gemeenten_regios_2017.csv");
    }
    if (a->projects == NULL)
        a->projects = in_data_dir(dir, "projecten_2017.csv");
    sk_geography_options go;
    municipality_options(a, &go);
    go.regions = a->regions;
    go.membership = a->membership;
    if (a->region_code_field)
        go.region_code_field = a->region_code_field;
    if (a->region_name_field)
        go.region_name_field = a->region_name_field;
    if (a->membership_region_code_field)
        go.membership_region_code_field = a->membership_region_code_field;
    if (a->membership_region_name_field)
        go.membership_region_name_field = a->membership_region_name_field;
    char *cache = cache_dir(a);
    go.cache_dir = cache;
    sk_status st = *geo != NULL ? SK_OK : sk_geography_load(ctx, &go, geo);
    sk_mergers *mergers = NULL;
    if (st == SK_OK && projects != NULL && a->mergers != NULL)
        st = sk_mergers_load(ctx, a->mergers, &mergers);
    if (st == SK_OK && projects != NULL) {
        sk_projects_options po;
        sk_projects_options_init(&po);
        po.path = projects_path != NULL ? projects_path : a->projects;
        po.layer = a->sheet;
        po.cache_dir = cache;
        po.mergers = mergers;
        st = sk_projects_load(ctx, *geo, &po, projects);
    }
    sk_mergers_free(mergers);
    if (st == SK_OK && projects != NULL && a->mergers_report != NULL)
        st = sk_projects_write_remaps_csv(ctx, *projects, a->mergers_report);
    g_free(cache);
    return st;
}

/* --page: a4 or slide. */
static int
page_size(const char *command, const char *text, sk_page_size *out)
{
    if (text == NULL)
        return EXIT_OK;
    if (strcmp(text, "a4") == 0 || strcmp(text, "a4-landscape") == 0)
        *out = SK_PAGE_A4_LANDSCAPE;
    else if (strcmp(text, "slide") == 0 || strcmp(text, "slide-16x9") == 0)
        *out = SK_PAGE_SLIDE_16_9;
    else
        return usage_error(command, "--page: unknown value '%s' (expected a4 or slide)", text);
    return EXIT_OK;
}

/* The geography whose regions are the zorgkantoorregio's, for the core working areas. */
static sk_status
load_core_areas(sk_ctx *ctx, render_args *a, const sk_geography *geo, sk_core_areas **out)
{
    const char *dir = data_dir_of(a->data_dir);
    char *table = a->core != NULL ? g_strdup(a->core)
                                  : in_data_dir(dir, "kernwerkgebieden_2017.csv");
    char *regions = a->core_regions != NULL ? g_strdup(a->core_regions)
                                            : in_data_dir(dir, "zorgkantoorregios_2017.shp");
    sk_geography_options go;
    municipality_options(a, &go);
    go.regions = regions;
    go.membership = a->membership;
    go.region_code_field = a->core_code_field != NULL ? a->core_code_field : "zk_code";
    go.region_name_field = a->core_name_field != NULL ? a->core_name_field : "zk_naam";
    go.membership_region_code_field = go.region_code_field;
    go.membership_region_name_field = go.region_name_field;
    char *cache = cache_dir(a);
    go.cache_dir = cache;
    sk_geography *zk = NULL;
    sk_status st = sk_geography_load(ctx, &go, &zk);
    if (st == SK_OK)
        st = sk_core_areas_load(ctx, geo, zk, table,
                                a->core_key != NULL ? a->core_key : go.region_code_field,
                                a->core_column != NULL ? a->core_column : "verzekeraar", out);
    sk_geography_free(zk);
    g_free(cache);
    g_free(table);
    g_free(regions);
    return st;
}

static int
run_render(render_args *a)
{
    if (a->output == NULL)
        return usage_error("render", "%s", "--output FILE is required (.png, .pdf or .svg)");
    sk_ctx *ctx = sk_ctx_new();
    if (ctx == NULL)
        return EXIT_RUNTIME;
    sk_ctx_set_warning_handler(ctx, print_warning, &a->quiet);
    int rc = EXIT_OK;
    sk_geography *geo = NULL;
    sk_projects *projects = NULL;
    sk_style *style = NULL;
    sk_filter *filter = sk_filter_new(), *highlight = NULL;
    sk_core_areas *core = NULL, *zoom_core = NULL;
    char *core_label = NULL;
    unsigned char *zoom = NULL;
    sk_classification *classes = NULL;
    sk_map *map = NULL;

    /* Arguments first: a typo in --where should not wait for the data to load. */
    for (size_t i = 0; a->where != NULL && a->where[i] != NULL; i++)
        if (sk_filter_add(ctx, filter, a->where[i]) != SK_OK)
            goto failed;
    for (size_t i = 0; a->highlight != NULL && a->highlight[i] != NULL; i++) {
        if (highlight == NULL)
            highlight = sk_filter_new();
        if (sk_filter_add(ctx, highlight, a->highlight[i]) != SK_OK)
            goto failed;
    }
    sk_breaks method = SK_BREAKS_NATURAL;
    unsigned breaks[16];
    size_t nbreaks = 0;
    if (a->count != NULL && sk_breaks_parse(ctx, a->count, &method, breaks, 16, &nbreaks) != SK_OK)
        goto failed;
    int kinds = (a->show != NULL) + (highlight != NULL) + (a->count != NULL) +
                (a->table != NULL) + a->overview;
    if (kinds > 1) {
        rc = usage_error("render", "%s", "--show, --highlight, --count, --table and "
                         "--regions-overview are different maps; give one of them");
        goto done;
    }
    sk_principle table_principle = SK_INSURER;
    if (a->table_principle != NULL &&
        sk_principle_parse(ctx, a->table_principle, &table_principle) != SK_OK)
        goto failed;
    int show = -1;
    if (a->show != NULL) {
        sk_principle p;
        if (sk_principle_parse(ctx, a->show, &p) != SK_OK)
            goto failed;
        show = (int)p;
    }
    sk_map_options mo;
    sk_map_options_init(&mo);
    if ((rc = page_size("render", a->page, &mo.page)) != EXIT_OK)
        goto done;

    if (sk_style_load(ctx, a->style, &style) != SK_OK)
        goto failed;

    /* Table maps and the regions overview need no project database. */
    sk_status loaded = load_data(ctx, a, NULL, &geo,
                                 a->table == NULL && !a->overview ? &projects : NULL);
    if (loaded != SK_OK)
        goto failed;
    /* An insurer's kernwerkgebied over the map. */
    size_t core_insurer = 0;
    if (a->core_of != NULL &&
        (sk_label_find(ctx, SK_INSURER, a->core_of, &core_insurer) != SK_OK ||
         load_core_areas(ctx, a, geo, &core) != SK_OK))
        goto failed;
    if (core != NULL) {
        mo.area = sk_core_areas_mask(core, core_insurer);
        mo.area_label = core_label = sk_core_area_label(style, core_insurer);
    }
    /* Zoom: the municipalities to frame. */
    if (a->zoom_regions != NULL || a->zoom_municipalities != NULL || a->zoom_province != NULL ||
        a->zoom_core != NULL) {
        zoom = g_new0(unsigned char, sk_geography_municipality_count(geo) + 1);
        const char *what[] = {"regions", "municipalities", "province"};
        const char *lists[] = {a->zoom_regions, a->zoom_municipalities, a->zoom_province};
        for (size_t i = 0; i < G_N_ELEMENTS(lists); i++)
            if (lists[i] != NULL && sk_geography_select(ctx, geo, what[i], lists[i], zoom) != SK_OK)
                goto failed;
        if (a->zoom_core != NULL) {
            size_t insurer;
            if (sk_label_find(ctx, SK_INSURER, a->zoom_core, &insurer) != SK_OK ||
                (zoom_core == NULL && load_core_areas(ctx, a, geo, &zoom_core) != SK_OK))
                goto failed;
            const unsigned char *m = sk_core_areas_mask(zoom_core, insurer);
            for (size_t i = 0; i < sk_geography_municipality_count(geo); i++)
                zoom[i] |= m[i];
        }
        mo.zoom = zoom;
    }

    sk_status classified;
    if (a->overview)
        classified = sk_classify_regions(ctx, geo, &classes);
    else if (a->table != NULL)
        classified = sk_classify_table(ctx, geo, a->table,
                                       a->table_key ? a->table_key
                                       : a->by_region ? "zk_code" : "gm_code",
                                       a->table_column ? a->table_column : "verzekeraars",
                                       table_principle, a->by_region, &classes);
    else if (highlight != NULL)
        classified = sk_classify_highlight(ctx, projects, filter, highlight, &classes);
    else if (a->count != NULL)
        classified = sk_classify_count(ctx, projects, filter, method,
                                       a->classes > 0 ? (size_t)a->classes : 5, breaks,
                                       nbreaks, &classes);
    else
        classified = sk_classify(ctx, projects, filter, show, &classes);
    mo.highlight = highlight;
    mo.note = a->note;
    mo.source_file = a->table != NULL ? a->table : a->overview ? a->membership : NULL;
    mo.region_label = a->region_label;
    mo.outline_regions = a->outline_regions;
    mo.text = a->text;
    if (classified != SK_OK)
        goto failed;
    mo.title = a->title;
    mo.caption = a->caption;
    mo.source = a->source;
    mo.show_counts = a->counts ? 1 : a->no_counts ? 0 : -1;
    sk_status st = sk_map_new(ctx, geo, projects, style, filter, classes, &mo, &map);
    classes = NULL;   /* the map owns it now, also on failure */
    if (st != SK_OK)
        goto failed;

    sk_render_options ro;
    sk_render_options_init(&ro);
    if (a->dpi > 0)
        ro.dpi = a->dpi;
    if (sk_map_render(ctx, map, &ro, a->output) != SK_OK)
        goto failed;
    if (a->classes_csv != NULL && sk_map_write_classes_csv(ctx, map, a->classes_csv) != SK_OK)
        goto failed;
    if (a->labels_csv != NULL && sk_map_write_labels_csv(ctx, map, a->labels_csv) != SK_OK)
        goto failed;
    goto done;

failed:
    rc = fail(ctx);
done:
    sk_map_free(map);
    sk_classification_free(classes);
    sk_filter_free(filter);
    sk_filter_free(highlight);
    sk_core_areas_free(core);
    sk_core_areas_free(zoom_core);
    g_free(core_label);
    g_free(zoom);
    sk_projects_free(projects);
    sk_geography_free(geo);
    sk_style_free(style);
    sk_ctx_free(ctx);
    return rc;
}

static int
cmd_render(int argc, char **argv)
{
    render_args a = {0};
    GOptionEntry map[] = {
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &a.where,
         "Only projects with this label, e.g. inhoudelijk=preventie (repeat: AND; "
         "a,b: OR)", "PRINCIPLE=VALUE"},
        {"show", 's', 0, G_OPTION_ARG_STRING, &a.show,
         "Colour by the combination of this principle's labels (without: total map)",
         "PRINCIPLE"},
        {"highlight", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.highlight,
         "Highlight map: 'X: Y' where a project is also Y, 'X: overig' elsewhere",
         "PRINCIPLE=VALUE"},
        {"count", 0, 0, G_OPTION_ARG_STRING, &a.count,
         "Count map: projects per municipality, classed by quantile, natural or breaks "
         "like 1,3,10", "METHOD"},
        {"classes", 0, 0, G_OPTION_ARG_INT, &a.classes,
         "Count map classes for quantile/natural (default 5)", "N"},
        {"table", 0, 0, G_OPTION_ARG_FILENAME, &a.table,
         "Table map: labels per municipality from FILE, e.g. gemeentepolissen_2017.csv",
         "FILE"},
        {"table-key", 0, 0, G_OPTION_ARG_STRING, &a.table_key,
         "Column naming the municipality (default gm_code) or region (zk_code)", "COLUMN"},
        {"table-column", 0, 0, G_OPTION_ARG_STRING, &a.table_column,
         "Column with the ';'-separated labels (default verzekeraars)", "COLUMN"},
        {"table-principle", 0, 0, G_OPTION_ARG_STRING, &a.table_principle,
         "What the labels are (default zorgverzekeraar)", "PRINCIPLE"},
        {"outline-regions", 0, 0, G_OPTION_ARG_NONE, &a.outline_regions,
         "Outline the regions that matching projects name as a whole", NULL},
        {"core-of", 0, 0, G_OPTION_ARG_STRING, &a.core_of,
         "Outline this insurer's kernwerkgebied over the map (see --core)", "INSURER"},
        {"zoom-regions", 0, 0, G_OPTION_ARG_STRING, &a.zoom_regions,
         "Zoom to these Wmo-regions (codes or names, comma-separated), with municipality "
         "names and a locator map", "LIST"},
        {"zoom-municipalities", 0, 0, G_OPTION_ARG_STRING, &a.zoom_municipalities,
         "Zoom to these municipalities", "LIST"},
        {"zoom-province", 0, 0, G_OPTION_ARG_STRING, &a.zoom_province,
         "Zoom to a province (e.g. Gelderland)", "NAME"},
        {"zoom-core", 0, 0, G_OPTION_ARG_STRING, &a.zoom_core,
         "Zoom to an insurer's kernwerkgebied (see --core)", "INSURER"},
        {"labels-csv", 0, 0, G_OPTION_ARG_FILENAME, &a.labels_csv,
         "Zoomed maps: write the placed municipality names and their boxes", "FILE"},
        {"regions-overview", 0, 0, G_OPTION_ARG_NONE, &a.overview,
         "The overview of the regions: numbered, neighbours in different colours", NULL},
        {"by-region", 0, 0, G_OPTION_ARG_NONE, &a.by_region,
         "The table's rows name regions (e.g. kernwerkgebieden per zorgkantoorregio)", NULL},
        {"text", 0, 0, G_OPTION_ARG_STRING, &a.text,
         "A text panel beside the map, e.g. Analyse / Duiding bullets (Pango markup)",
         "TEXT"},
        {"note", 0, 0, G_OPTION_ARG_STRING, &a.note,
         "A 'Let op!' box on the map (Pango markup)", "TEXT"},
        {"title", 't', 0, G_OPTION_ARG_STRING, &a.title, "Map title", "TEXT"},
        {"caption", 0, 0, G_OPTION_ARG_STRING, &a.caption, "Text under the title", "TEXT"},
        {"source", 0, 0, G_OPTION_ARG_STRING, &a.source, "Source line", "TEXT"},
        {"counts", 0, 0, G_OPTION_ARG_NONE, &a.counts, "Legend entries with (n=…)", NULL},
        {"no-counts", 0, 0, G_OPTION_ARG_NONE, &a.no_counts, "Legend entries without (n=…)",
         NULL},
        {"page", 0, 0, G_OPTION_ARG_STRING, &a.page, "a4 (landscape) or slide (16:9)",
         "SIZE"},
        {"style", 0, 0, G_OPTION_ARG_FILENAME, &a.style, "Style file (default styles/aef.ini)",
         "FILE"},
        {"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &a.dpi, "PNG resolution (default 150)", "N"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output, "map.png, map.pdf or map.svg",
         "FILE"},
        {"classes-csv", 0, 0, G_OPTION_ARG_FILENAME, &a.classes_csv,
         "Write gm_code,gm_naam,class,color,projects per municipality", "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a.quiet, "No warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("- draw a samenwerkingskaart",
        "Colours every municipality by the projects that touch it: a total map, or with\n"
        "--show the combination of one ordering principle's labels (inhoudelijk,\n"
        "instrumenteel, samenwerkingsvorm, geografisch, zorgverzekeraar).",
        "Example:\n  samenkaart render --where inhoudelijk=jeugd --show samenwerkingsvorm "
        "--output jeugd.png");
    g_option_context_add_main_entries(oc, map, NULL);
    g_option_context_add_group(oc, data_group(&a));
    g_option_context_add_group(oc, core_group(&a));
    int rc = parse_options(oc, "render", &argc, &argv, 0);
    if (rc == EXIT_OK)
        rc = run_render(&a);
    g_option_context_free(oc);
    render_args_clear(&a);
    return rc;
}

/* ---- atlas ------------------------------------------------------------------------- */

typedef struct progress_state {
    gboolean quiet, tty;
    gint64 start;
} progress_state;

/* A bar with ETA on a terminal, plain lines otherwise (logs stay readable). */
static void
print_progress(void *user_data, size_t done, size_t total, const char *page)
{
    progress_state *p = user_data;
    if (p->quiet)
        return;
    double elapsed = (double)(g_get_monotonic_time() - p->start) / 1e6;
    double eta = done > 0 ? elapsed * (double)(total - done) / (double)done : 0;
    if (p->tty) {
        int width = 30, filled = (int)(width * done / (total ? total : 1));
        fprintf(stderr, "\r[%.*s%*s] %3zu%%  %5.1f s, ~%.1f s left  %-28.28s", filled,
                "##############################", width - filled, "", 100 * done / total,
                elapsed, eta, page);
        if (done == total)
            fputc('\n', stderr);
    } else {
        fprintf(stderr, "samenkaart: %zu/%zu %s (%.1f s)\n", done, total, page, elapsed);
    }
}

static int
cmd_atlas(int argc, char **argv)
{
    char *output = NULL, *data_dir = NULL, *cache = NULL;
    int jobs = 0;
    double dpi = 0;
    gboolean quiet = FALSE, no_cache = FALSE, list = FALSE;
    GOptionEntry entries[] = {
        {"list", 0, 0, G_OPTION_ARG_NONE, &list,
         "Check the atlas file and list its pages (name, maps, title); render nothing", NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output directory (required)",
         "DIR"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Threads (default: all cores)", "N"},
        {"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, "PNG resolution (default 150)", "N"},
        {"data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
         "Data the atlas file does not name (default " SK_DEFAULT_DATA_DIR ")", "DIR"},
        {"cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &cache, "Cache prepared data here", "DIR"},
        {"no-cache", 0, 0, G_OPTION_ARG_NONE, &no_cache, "Read every source", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress, no warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("ATLAS-FILE - render a whole report",
        "Writes DIR/atlas.pdf (contents page with links, outline), DIR/NNN-<page>.png with\n"
        "world files and classes CSVs, and DIR/index.html.",
        "Example:\n  samenkaart atlas styles/aef-2017/atlas.ini --output out/");
    g_option_context_add_main_entries(oc, entries, NULL);
    int rc = parse_options(oc, "atlas", &argc, &argv, 1);
    if (rc != EXIT_OK) {
        /* reported by parse_options */
    } else if (argc != 2) {
        rc = usage_error("atlas", "%s", "expected one atlas file");
    } else if (output == NULL && !list) {
        rc = usage_error("atlas", "%s", "--output DIR is required");
    } else {
        sk_ctx *ctx = sk_ctx_new();
        sk_ctx_set_warning_handler(ctx, print_warning, &quiet);
        const char *dir = data_dir_of(data_dir);
        render_args ca = {.cache_dir = cache, .no_cache = no_cache};
        char *cache_path = cache_dir(&ca);
        sk_atlas *atlas = NULL;
        progress_state ps = {quiet, isatty(fileno(stderr)), g_get_monotonic_time()};
        sk_atlas_options ao;
        sk_atlas_options_init(&ao);
        ao.output_dir = output;
        ao.jobs = jobs;
        if (dpi > 0)
            ao.dpi = dpi;
        ao.cache_dir = cache_path;
        ao.progress = print_progress;
        ao.progress_data = &ps;
        if (sk_atlas_load(ctx, argv[1], dir, &atlas) != SK_OK) {
            rc = fail(ctx);
        } else if (list) {
            for (size_t i = 0; i < sk_atlas_page_count(atlas); i++)
                printf("%s\t%zu\t%s\n", sk_atlas_page_name(atlas, i),
                       sk_atlas_page_maps(atlas, i), sk_atlas_page_title(atlas, i));
        } else if (sk_atlas_render(ctx, atlas, &ao) != SK_OK) {
            rc = fail(ctx);
        }
        sk_atlas_free(atlas);
        g_free(cache_path);
        sk_ctx_free(ctx);
    }
    g_option_context_free(oc);
    g_free(output);
    g_free(data_dir);
    g_free(cache);
    return rc;
}

/* ---- stats ------------------------------------------------------------------------- */

/* Parse --format: csv or md. */
static int
table_format(const char *command, const char *text, sk_table_format *out)
{
    if (text == NULL || strcmp(text, "csv") == 0)
        *out = SK_TABLE_CSV;
    else if (strcmp(text, "md") == 0 || strcmp(text, "markdown") == 0)
        *out = SK_TABLE_MARKDOWN;
    else
        return usage_error(command, "--format: unknown value '%s' (expected csv or md)", text);
    return EXIT_OK;
}

/* Text to the file (temporary name, then renamed) or, without one, to stdout. */
static int
emit_text(sk_ctx *ctx, const char *path, const char *text)
{
    if (path == NULL)
        return fputs(text, stdout) < 0 || fflush(stdout) != 0 ? EXIT_RUNTIME : EXIT_OK;
    return sk_write_file(ctx, path, text, strlen(text)) == SK_OK ? EXIT_OK : fail(ctx);
}

static int
cmd_stats(int argc, char **argv)
{
    render_args a = {0};
    char *format = NULL;
    GOptionEntry entries[] = {
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &a.where,
         "Only projects with this label, e.g. instrumenteel!=czm (repeat: AND)",
         "PRINCIPLE=VALUE"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, "csv (default) or md (Markdown)",
         "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output, "Write here (default: stdout)",
         "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a.quiet, "No warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("- tables of projects and municipalities",
        "Projects and the municipalities they touch per label of every ordering principle,\n"
        "per insurer and per municipality size class (inwoners: <20000, 20000-100000,\n"
        ">=100000).  CSV columns: dimension,label,projects,municipalities.",
        "Example:\n  samenkaart stats --where instrumenteel!=czm --format md");
    g_option_context_add_main_entries(oc, entries, NULL);
    g_option_context_add_group(oc, data_group(&a));
    sk_table_format fmt = SK_TABLE_CSV;
    int rc = parse_options(oc, "stats", &argc, &argv, 0);
    if (rc == EXIT_OK && (rc = table_format("stats", format, &fmt)) == EXIT_OK) {
        sk_ctx *ctx = sk_ctx_new();
        sk_ctx_set_warning_handler(ctx, print_warning, &a.quiet);
        sk_filter *filter = sk_filter_new();
        sk_geography *geo = NULL;
        sk_projects *projects = NULL;
        sk_stats *stats = NULL;
        sk_status st = SK_OK;
        for (size_t i = 0; a.where != NULL && a.where[i] != NULL && st == SK_OK; i++)
            st = sk_filter_add(ctx, filter, a.where[i]);
        if (st == SK_OK)
            st = load_data(ctx, &a, NULL, &geo, &projects);
        if (st == SK_OK)
            st = sk_stats_compute(ctx, projects, filter, &stats);
        if (st == SK_OK) {
            char *text = sk_stats_format(stats, fmt);
            rc = emit_text(ctx, a.output, text);
            g_free(text);
        } else {
            rc = fail(ctx);
        }
        sk_stats_free(stats);
        sk_projects_free(projects);
        sk_geography_free(geo);
        sk_filter_free(filter);
        sk_ctx_free(ctx);
    }
    g_option_context_free(oc);
    g_free(format);
    render_args_clear(&a);
    return rc;
}

/* ---- diff ------------------------------------------------------------------------- */

static int
cmd_diff(int argc, char **argv)
{
    render_args a = {0};
    char *before = NULL, *after = NULL, *changes_csv = NULL;
    GOptionEntry entries[] = {
        {"before", 0, 0, G_OPTION_ARG_FILENAME, &before,
         "The earlier project database, e.g. projecten_2017.csv (required)", "FILE"},
        {"after", 0, 0, G_OPTION_ARG_FILENAME, &after,
         "The later one, e.g. projecten_2018.csv (required)", "FILE"},
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &a.where,
         "Only projects with this label (in either database), e.g. inhoudelijk=ouderen",
         "PRINCIPLE=VALUE"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
         "The map of changes: map.png, map.pdf or map.svg", "FILE"},
        {"classes-csv", 0, 0, G_OPTION_ARG_FILENAME, &a.classes_csv,
         "Write gm_code,gm_naam,class,color,projects per municipality", "FILE"},
        {"changes-csv", 0, 0, G_OPTION_ARG_FILENAME, &changes_csv,
         "Write id,change,field,before,after: every new, ended and changed project", "FILE"},
        {"title", 't', 0, G_OPTION_ARG_STRING, &a.title, "Map title", "TEXT"},
        {"caption", 0, 0, G_OPTION_ARG_STRING, &a.caption, "Text under the title", "TEXT"},
        {"no-counts", 0, 0, G_OPTION_ARG_NONE, &a.no_counts, "Legend entries without (n=…)",
         NULL},
        {"page", 0, 0, G_OPTION_ARG_STRING, &a.page, "a4 (landscape) or slide (16:9)",
         "SIZE"},
        {"style", 0, 0, G_OPTION_ARG_FILENAME, &a.style, "Style file (default styles/aef.ini)",
         "FILE"},
        {"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &a.dpi, "PNG resolution (default 150)", "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a.quiet, "No warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("- what changed between two project databases",
        "Matches projects by id and compares what maps show: the labels of every ordering\n"
        "principle, the insurers and the places.  The map colours each municipality: new\n"
        "collaboration, collaboration ended, changed, unchanged.",
        "Example:\n  samenkaart diff --before projecten_2017.csv --after projecten_2018.csv \\\n"
        "    --output diff.png --changes-csv changes.csv");
    g_option_context_add_main_entries(oc, entries, NULL);
    g_option_context_add_group(oc, data_group(&a));
    sk_map_options mo;
    sk_map_options_init(&mo);
    int rc = parse_options(oc, "diff", &argc, &argv, 0);
    if (rc != EXIT_OK) {
        /* reported by parse_options */
    } else if (before == NULL || after == NULL) {
        rc = usage_error("diff", "%s", "--before FILE and --after FILE are required");
    } else if (a.output == NULL && a.classes_csv == NULL && changes_csv == NULL) {
        rc = usage_error("diff", "%s", "nothing to write: give --output, --classes-csv or "
                         "--changes-csv");
    } else if ((rc = page_size("diff", a.page, &mo.page)) == EXIT_OK) {
        sk_ctx *ctx = sk_ctx_new();
        sk_ctx_set_warning_handler(ctx, print_warning, &a.quiet);
        sk_filter *filter = sk_filter_new();
        sk_geography *geo = NULL;
        sk_projects *earlier = NULL, *later = NULL;
        sk_style *style = NULL;
        sk_diff *diff = NULL;
        sk_classification *classes = NULL;
        sk_map *map = NULL;
        sk_status st = SK_OK;
        for (size_t i = 0; a.where != NULL && a.where[i] != NULL && st == SK_OK; i++)
            st = sk_filter_add(ctx, filter, a.where[i]);
        if (st == SK_OK)
            st = sk_style_load(ctx, a.style, &style);
        if (st == SK_OK)
            st = load_data(ctx, &a, before, &geo, &earlier);
        if (st == SK_OK)
            st = load_data(ctx, &a, after, &geo, &later);
        if (st == SK_OK)
            st = sk_diff_compute(ctx, earlier, later, filter, &diff);
        if (st == SK_OK)
            st = sk_diff_classify(ctx, diff, &classes);
        if (st == SK_OK) {
            mo.title = a.title;
            mo.caption = a.caption;
            mo.before = earlier;
            mo.show_counts = a.no_counts ? 0 : -1;
            st = sk_map_new(ctx, geo, later, style, filter, classes, &mo, &map);
            classes = NULL;   /* the map owns it now, also on failure */
        }
        /* The tables first: they cannot fail on a bad page layout. */
        if (st == SK_OK && changes_csv != NULL)
            st = sk_diff_write_csv(ctx, diff, changes_csv);
        if (st == SK_OK && a.classes_csv != NULL)
            st = sk_map_write_classes_csv(ctx, map, a.classes_csv);
        if (st == SK_OK && a.output != NULL) {
            sk_render_options ro;
            sk_render_options_init(&ro);
            if (a.dpi > 0)
                ro.dpi = a.dpi;
            st = sk_map_render(ctx, map, &ro, a.output);
        }
        if (st != SK_OK)
            rc = fail(ctx);
        sk_map_free(map);
        sk_classification_free(classes);
        sk_diff_free(diff);
        sk_projects_free(earlier);
        sk_projects_free(later);
        sk_geography_free(geo);
        sk_style_free(style);
        sk_filter_free(filter);
        sk_ctx_free(ctx);
    }
    g_option_context_free(oc);
    g_free(before);
    g_free(after);
    g_free(changes_csv);
    render_args_clear(&a);
    return rc;
}

/* ---- compare ------------------------------------------------------------------------ */

typedef struct compare_args {
    char **insurers, **maps;
    char *table_csv, *table_md;
} compare_args;

/* The insurers asked for: names (repeat or comma-separated), or "all": every insurer with a
** project or a core area. */
static sk_status
pick_insurers(sk_ctx *ctx, char **names, const sk_projects *projects, const sk_filter *filter,
              const sk_core_areas *core, GArray *out)
{
    for (size_t i = 0; names != NULL && names[i] != NULL; i++) {
        char **parts = g_strsplit(names[i], ",", -1);
        for (size_t k = 0; parts[k] != NULL; k++) {
            char *name = g_strstrip(parts[k]);
            if (g_ascii_strcasecmp(name, "all") == 0 || strcmp(name, "alle") == 0) {
                for (size_t l = 0; l < sk_principle_label_count(SK_INSURER); l++) {
                    sk_insurer_figures f;
                    sk_insurer_figures_compute(projects, filter, core, l, &f);
                    if (f.projects > 0 || f.core_municipalities > 0)
                        g_array_append_val(out, l);
                }
                continue;
            }
            size_t l;
            if (sk_label_find(ctx, SK_INSURER, name, &l) != SK_OK) {
                g_strfreev(parts);
                return sk_ctx_status(ctx);
            }
            g_array_append_val(out, l);
        }
        g_strfreev(parts);
    }
    return SK_OK;
}

static int
run_compare(render_args *a, compare_args *c)
{
    size_t nmaps = c->maps != NULL ? g_strv_length(c->maps) : 0;
    if ((c->insurers == NULL) == (nmaps == 0))
        return usage_error("compare", "%s", "give --insurer NAME|all, or 2 to 6 --map FILTER "
                           "to put side by side");
    if (nmaps == 1 || nmaps > 6)
        return usage_error("compare", "--map: 2 to 6 maps side by side, not %zu", nmaps);
    if (a->output == NULL && c->table_csv == NULL && c->table_md == NULL &&
        a->classes_csv == NULL)
        return usage_error("compare", "%s", "nothing to write: give --output, --table-csv, "
                           "--table-md or --classes-csv");
    sk_page_size page = SK_PAGE_FROM_STYLE;
    int rc = page_size("compare", a->page, &page);
    if (rc != EXIT_OK)
        return rc;
    sk_ctx *ctx = sk_ctx_new();
    sk_ctx_set_warning_handler(ctx, print_warning, &a->quiet);
    sk_filter *filter = sk_filter_new();
    sk_geography *geo = NULL;
    sk_projects *projects = NULL;
    sk_style *style = NULL;
    sk_core_areas *core = NULL;
    GArray *insurers = g_array_new(FALSE, FALSE, sizeof(size_t));
    GPtrArray *maps = g_ptr_array_new_with_free_func((GDestroyNotify)sk_map_free);
    GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
    sk_panels *panels = NULL;
    int show = -1;
    sk_status st = SK_OK;
    for (size_t i = 0; a->where != NULL && a->where[i] != NULL && st == SK_OK; i++)
        st = sk_filter_add(ctx, filter, a->where[i]);
    if (st == SK_OK && a->show != NULL) {
        sk_principle p;
        st = sk_principle_parse(ctx, a->show, &p);
        show = (int)p;
    }
    if (st == SK_OK)
        st = sk_style_load(ctx, a->style, &style);
    if (st == SK_OK)
        st = load_data(ctx, a, NULL, &geo, &projects);
    if (st == SK_OK && c->insurers != NULL) {
        st = load_core_areas(ctx, a, geo, &core);
        if (st == SK_OK)
            st = pick_insurers(ctx, c->insurers, projects, filter, core, insurers);
        for (guint i = 0; i < insurers->len && st == SK_OK; i++) {
            size_t l = g_array_index(insurers, size_t, i);
            sk_map *map = NULL;
            st = sk_insurer_map(ctx, geo, projects, style, filter, show, core, l, page,
                                insurers->len > 1, &map);
            if (st == SK_OK) {
                g_ptr_array_add(maps, map);
                g_ptr_array_add(titles, g_strdup(sk_principle_label_key(SK_INSURER, l)));
            }
        }
    }
    /* Map definitions side by side: each --map a filter ("a=b; c=d"), on top of --where. */
    for (size_t i = 0; i < nmaps && st == SK_OK; i++) {
        sk_filter *f = sk_filter_new();
        for (size_t k = 0; a->where != NULL && a->where[k] != NULL && st == SK_OK; k++)
            st = sk_filter_add(ctx, f, a->where[k]);
        char **clauses = g_strsplit(c->maps[i], ";", -1);
        for (size_t k = 0; clauses[k] != NULL && st == SK_OK; k++)
            if (*g_strstrip(clauses[k]))
                st = sk_filter_add(ctx, f, clauses[k]);
        g_strfreev(clauses);
        sk_classification *cl = NULL;
        if (st == SK_OK)
            st = sk_classify(ctx, projects, f, show, &cl);
        sk_map *map = NULL;
        if (st == SK_OK) {
            sk_map_options mo;
            sk_map_options_init(&mo);
            mo.page = page;
            st = sk_map_new(ctx, geo, projects, style, f, cl, &mo, &map);
        }
        if (st == SK_OK) {
            g_ptr_array_add(maps, map);
            g_ptr_array_add(titles, g_strdup(sk_map_title(map)));
        }
        sk_filter_free(f);
    }

    g_ptr_array_add(titles, NULL);   /* a NULL-terminated list */

    /* The figures of the insurers. */
    if (st == SK_OK && insurers->len > 0 && (c->table_csv != NULL || c->table_md != NULL)) {
        sk_insurer_figures *rows = g_new0(sk_insurer_figures, insurers->len);
        for (guint i = 0; i < insurers->len; i++)
            sk_insurer_figures_compute(projects, filter, core,
                                       g_array_index(insurers, size_t, i), &rows[i]);
        for (int f = 0; f < 2 && st == SK_OK; f++) {
            const char *path = f == 0 ? c->table_csv : c->table_md;
            if (path == NULL)
                continue;
            char *text = sk_insurer_figures_format(rows, insurers->len,
                                                   f == 0 ? SK_TABLE_CSV : SK_TABLE_MARKDOWN);
            st = sk_write_file(ctx, path, text, strlen(text));
            g_free(text);
        }
        g_free(rows);
    }
    sk_render_options ro;
    sk_render_options_init(&ro);
    if (a->dpi > 0)
        ro.dpi = a->dpi;
    if (st == SK_OK && maps->len == 1) {
        /* One insurer: a map of its own, with world file and classes. */
        sk_map *map = g_ptr_array_index(maps, 0);
        if (a->output != NULL)
            st = sk_map_render(ctx, map, &ro, a->output);
        if (st == SK_OK && a->classes_csv != NULL)
            st = sk_map_write_classes_csv(ctx, map, a->classes_csv);
    } else if (st == SK_OK && a->output != NULL) {
        sk_panels_options po;
        sk_panels_options_init(&po);
        po.title = a->title != NULL ? a->title : NULL;
        po.caption = a->caption;
        char *joined = NULL;
        if (po.title == NULL && c->insurers != NULL)
            po.title = sk_insurers_page_title(style);
        else if (po.title == NULL)
            po.title = joined = g_strjoinv(" · ", (char **)titles->pdata);
        /* The page takes the maps over. */
        sk_map **list = (sk_map **)g_ptr_array_steal(maps, NULL);
        st = sk_panels_new(ctx, list, insurers->len > 0 ? insurers->len : nmaps,
                           (const char *const *)titles->pdata, &po, &panels);
        g_free(list);
        g_free(joined);
        if (st == SK_OK)
            st = sk_panels_render(ctx, panels, &ro, a->output);
    }
    if (st != SK_OK)
        rc = fail(ctx);
    sk_panels_free(panels);
    g_ptr_array_unref(maps);
    g_ptr_array_unref(titles);
    g_array_free(insurers, TRUE);
    sk_core_areas_free(core);
    sk_projects_free(projects);
    sk_geography_free(geo);
    sk_style_free(style);
    sk_filter_free(filter);
    sk_ctx_free(ctx);
    return rc;
}

static int
cmd_compare(int argc, char **argv)
{
    render_args a = {0};
    compare_args c = {0};
    GOptionEntry entries[] = {
        {"insurer", 'i', 0, G_OPTION_ARG_STRING_ARRAY, &c.insurers,
         "An insurer's projects and its kernwerkgebied; 'all': every insurer, side by side "
         "(repeat or a,b for a few)", "NAME"},
        {"map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &c.maps,
         "A map to put side by side (2 to 6): a filter like 'inhoudelijk=preventie' (clauses "
         "separated by ';')", "FILTER"},
        {"show", 's', 0, G_OPTION_ARG_STRING, &a.show,
         "Colour by the combination of this principle's labels (without: total map)",
         "PRINCIPLE"},
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &a.where,
         "Only projects with this label, on every map (repeat: AND)", "PRINCIPLE=VALUE"},
        {"table-csv", 0, 0, G_OPTION_ARG_FILENAME, &c.table_csv,
         "Write insurer,projects,municipalities,inside_core,core_municipalities,"
         "core_without_projects", "FILE"},
        {"table-md", 0, 0, G_OPTION_ARG_FILENAME, &c.table_md,
         "The same figures as a Markdown table, with shares", "FILE"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
         "The page: .png, .pdf or .svg (one insurer: a map with world file)", "FILE"},
        {"classes-csv", 0, 0, G_OPTION_ARG_FILENAME, &a.classes_csv,
         "One insurer: write its map's classes per municipality", "FILE"},
        {"title", 't', 0, G_OPTION_ARG_STRING, &a.title, "Page title", "TEXT"},
        {"caption", 0, 0, G_OPTION_ARG_STRING, &a.caption, "Text under the title", "TEXT"},
        {"page", 0, 0, G_OPTION_ARG_STRING, &a.page, "a4 (landscape) or slide (16:9)",
         "SIZE"},
        {"style", 0, 0, G_OPTION_ARG_FILENAME, &a.style, "Style file (default styles/aef.ini)",
         "FILE"},
        {"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &a.dpi, "PNG resolution (default 150)", "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a.quiet, "No warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("- insurers and maps side by side",
        "With --insurer: an insurer's projects per municipality with its kernwerkgebied\n"
        "outlined, and its figures (projects, municipalities, how many inside the core area,\n"
        "core municipalities without a project); 'all' puts every insurer side by side.\n"
        "With --map: 2 to 6 maps side by side, one extent, scale and legend.",
        "Examples:\n  samenkaart compare --insurer Menzis --show samenwerkingsvorm "
        "--output menzis.png --table-csv menzis.csv\n"
        "  samenkaart compare --insurer all --output insurers.png --table-md insurers.md\n"
        "  samenkaart compare --map inhoudelijk=preventie --map inhoudelijk=ggz "
        "--show samenwerkingsvorm --output preventie-ggz.png");
    g_option_context_add_main_entries(oc, entries, NULL);
    g_option_context_add_group(oc, data_group(&a));
    g_option_context_add_group(oc, core_group(&a));
    int rc = parse_options(oc, "compare", &argc, &argv, 0);
    if (rc == EXIT_OK)
        rc = run_compare(&a, &c);
    g_option_context_free(oc);
    g_strfreev(c.insurers);
    g_strfreev(c.maps);
    g_free(c.table_csv);
    g_free(c.table_md);
    render_args_clear(&a);
    return rc;
}

/* A command's result as the process's exit status (help shown is success). */
static int
exit_status(int rc)
{
    return rc == EXIT_HELP ? EXIT_OK : rc;
}

static void
print_help(FILE *fp)
{
    fprintf(fp,
            "Usage: samenkaart COMMAND [OPTIONS]\n\n"
            "Maps of how Dutch health insurers and municipalities work together.\n\n"
            "Commands:\n"
            "  render    draw one map (PNG + world file, PDF or SVG)\n"
            "  atlas     render a whole report from an atlas file (PDF + PNGs + index.html)\n"
            "  stats     tables of projects and municipalities per label, insurer, size class\n"
            "  diff      what changed between two project databases: map and list\n"
            "  compare   insurers and their kernwerkgebieden, maps side by side\n\n"
            "Options:\n"
            "  --help     show this help ('samenkaart render --help' for the command)\n"
            "  --version  show the version\n\n"
            "Exit status: 0 ok, 1 runtime failure, 2 bad input or output that cannot be "
            "written.\n");
}

int
main(int argc, char **argv)
{
    /* Arguments are text (titles such as "Preventie – totaal"): read them as UTF-8 also where
    ** the environment's locale says ASCII.  Only the character type: numbers in world files
    ** and CSVs keep their C format. */
    setlocale(LC_CTYPE, "");
    if (!g_get_charset(NULL))
        setlocale(LC_CTYPE, "C.UTF-8");
    if (argc < 2) {
        print_help(stderr);
        return EXIT_INPUT;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        print_help(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("samenkaart %s\n", sk_version());
        return EXIT_OK;
    }
    if (strcmp(argv[1], "render") == 0)
        return exit_status(cmd_render(argc - 1, argv + 1));
    if (strcmp(argv[1], "atlas") == 0)
        return exit_status(cmd_atlas(argc - 1, argv + 1));
    if (strcmp(argv[1], "stats") == 0)
        return exit_status(cmd_stats(argc - 1, argv + 1));
    if (strcmp(argv[1], "diff") == 0)
        return exit_status(cmd_diff(argc - 1, argv + 1));
    if (strcmp(argv[1], "compare") == 0)
        return exit_status(cmd_compare(argc - 1, argv + 1));
    fprintf(stderr, "samenkaart: unknown command '%s' (expected render, atlas, stats, diff or compare)\n", argv[1]);
    print_help(stderr);
    return EXIT_INPUT;
}
