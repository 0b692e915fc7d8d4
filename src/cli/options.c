/* What the commands share (options.h): exit statuses, reporting, option parsing, the data
** options and their loading. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "options.h"
#include "run.h"
#include "sk-config.h"

int
exit_code(sk_status st)
{
    if (st == SK_OK)
        return EXIT_OK;
    /* An output that cannot be written (no such directory, disk full) is for the user to
    ** fix like bad input. */
    return st == SK_EINPUT || st == SK_EUSAGE || st == SK_EIO ? EXIT_INPUT : EXIT_RUNTIME;
}

void
print_warning(void *user_data, const char *message)
{
    if (!*(gboolean *)user_data)
        fprintf(stderr, "samenkaart: warning: %s\n", message);
}

/* Report the context's error and give the exit status. */
int
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

int
fail_after_written(sk_ctx *ctx)
{
    fprintf(stderr, "%s\n", sk_ctx_errmsg(ctx));
    return exit_code(sk_ctx_status(ctx));
}

int
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

#define DATA_OPTIONS "Data options:"
#define CORE_OPTIONS "Core working area options:"

/* Every option of the command, grouped, its own first: GLib puts them last, as "Application
** Options", behind the data options users look for them above. */
static char *
command_help(GOptionContext *oc)
{
    char *help = g_option_context_get_help(oc, FALSE, NULL);
    char *own = strstr(help, "\nApplication Options:\n");
    char *own_end = own != NULL ? strstr(own + 1, "\n\n") : NULL;
    if (own_end == NULL)
        return help;
    char *first = NULL;
    const char *groups[] = {"\n" DATA_OPTIONS "\n", "\n" CORE_OPTIONS "\n"};
    for (size_t i = 0; i < G_N_ELEMENTS(groups); i++) {
        char *at = strstr(help, groups[i]);
        if (at != NULL && at < own && (first == NULL || at < first))
            first = at;
    }
    if (first == NULL)
        first = own;
    /* Usage and summary; own options; the groups; the examples. */
    GString *out = g_string_new_len(help, first - help);
    g_string_append(out, "\nOptions:\n");
    g_string_append_len(out, own + strlen("\nApplication Options:\n"),
                        own_end - own - (gssize)strlen("\nApplication Options:\n") + 1);
    g_string_append_len(out, first, own - first);
    g_string_append(out, own_end + 1);
    g_free(help);
    return g_string_free(out, FALSE);
}

/* Parse a command's options; expected_args operands may follow.  EXIT_OK, or the status of
** the usage error already reported. */
int
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
        /* Every option of the command, grouped: none hidden behind --help-all. */
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0 || strcmp(arg, "-?") == 0 ||
            g_str_has_prefix(arg, "--help-")) {
            char *help = command_help(oc);
            fputs(help, stdout);
            g_free(help);
            return EXIT_HELP;
        }
        if (strcmp(arg, "--version") == 0) {
            printf("samenkaart %s\n", sk_version());
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


void
cli_args_clear(cli_args *a)
{
    char **strings[] = {&a->data_dir, &a->municipalities, &a->municipality_layer, &a->regions,
                        &a->membership, &a->projects, &a->sheet, &a->municipality_code_field,
                        &a->municipality_name_field, &a->region_code_field,
                        &a->region_name_field, &a->show, &a->title, &a->caption, &a->source,
                        &a->page, &a->style, &a->output, &a->classes_csv,
                        &a->cache_dir, &a->region_layer, &a->membership_layer,
                        &a->core_regions_layer, &a->table_layer, &a->core_layer,
                        &a->points, &a->points_layer, &a->x_field, &a->y_field, &a->by,
                        &a->size_by};
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

int
cli_args_declare(cli_run *r, const cli_args *a)
{
    const struct { const char *path, *option; } inputs[] = {
        {a->municipalities, "--municipalities"}, {a->regions, "--regions"},
        {a->membership, "--membership"}, {a->projects, "--projects"}, {a->table, "--table"},
        {a->style, "--style"}, {a->core, "--core"}, {a->core_regions, "--core-regions"},
        {a->mergers, "--mergers"}, {a->points, "--points"}};
    for (size_t i = 0; i < G_N_ELEMENTS(inputs); i++)
        cli_run_input(r, inputs[i].path, inputs[i].option);
    const struct { const char *path, *option; } outputs[] = {
        {a->output, "--output"}, {a->classes_csv, "--classes-csv"},
        {a->labels_csv, "--labels-csv"}, {a->mergers_report, "--mergers-report"}};
    int rc = EXIT_OK;
    for (size_t i = 0; i < G_N_ELEMENTS(outputs) && rc == EXIT_OK; i++)
        rc = cli_run_output(r, outputs[i].path, outputs[i].option);
    return rc;
}

static char *
in_data_dir(const char *dir, const char *file)
{
    return g_build_filename(dir, file, NULL);
}

char *
cache_dir_of(const char *given, gboolean no_cache, gboolean quiet, gboolean *warned)
{
    if (no_cache)
        return NULL;
    if (given != NULL)
        return g_strdup(given);
    const char *env = g_getenv("SAMENKAART_CACHE");
    if (env != NULL)
        return env[0] == '\0' || strcmp(env, "off") == 0 ? NULL : g_strdup(env);
    /* Not g_get_user_cache_dir: with an empty $HOME it names a relative ".cache", which would
    ** put the cache in the working directory.  Relative XDG paths are invalid by the spec. */
    const char *xdg = g_getenv("XDG_CACHE_HOME"), *home = g_getenv("HOME");
    if (xdg != NULL && g_path_is_absolute(xdg))
        return g_build_filename(xdg, "samenkaart", NULL);
    if (home != NULL && g_path_is_absolute(home))
        return g_build_filename(home, ".cache", "samenkaart", NULL);
    if (!quiet && !*warned)
        fprintf(stderr, "samenkaart: warning: no cache: neither $XDG_CACHE_HOME nor $HOME is an "
                "absolute path; every source is read (set one, or --cache-dir DIR)\n");
    *warned = TRUE;
    return NULL;
}

gboolean
cache_max_mb_of(const char *given, size_t *mb, GError **error)
{
    const char *env = g_getenv("SAMENKAART_CACHE_MAX_MB");
    const char *text = given != NULL ? given : env != NULL && env[0] != '\0' ? env : "512";
    guint64 n = 0;
    if (!g_ascii_string_to_unsigned(text, 10, 0, 1048576, &n, NULL)) {
        g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                    "%s: expected the cache's size cap in megabytes, 0 (write no entries) to "
                    "1048576, not '%s'", given != NULL ? "--cache-max-mb" :
                    "$SAMENKAART_CACHE_MAX_MB", text);
        return FALSE;
    }
    *mb = (size_t)n;
    return TRUE;
}

/* --cache-max-mb or $SAMENKAART_CACHE_MAX_MB (the data group's user data is the arguments):
** checked when the options are parsed, so that a bad value is a usage error. */
static gboolean
parse_cache_max_mb(const char *option, const char *value, void *data, GError **error)
{
    (void)option;
    cli_args *a = data;
    a->cache_max_mb_given = TRUE;
    return cache_max_mb_of(value, &a->cache_max_mb, error);
}

static gboolean
check_cache_max_mb(GOptionContext *oc, GOptionGroup *g, void *data, GError **error)
{
    (void)oc;
    (void)g;
    cli_args *a = data;
    return a->cache_max_mb_given || cache_max_mb_of(NULL, &a->cache_max_mb, error);
}

const char *
data_dir_of(const char *given)
{
    if (given != NULL)
        return given;
    return sk_default_data_dir();
}

/* Geography options for the municipalities the arguments name (regions left to the caller). */
static void
municipality_options(const cli_args *a, sk_geography_options *go)
{
    sk_geography_options_init(go);
    go->municipalities = a->municipalities;
    go->municipality_layer = a->municipality_layer;
    go->membership_layer = a->membership_layer;
    if (a->municipality_code_field)
        go->municipality_code_field = a->municipality_code_field;
    if (a->municipality_name_field)
        go->municipality_name_field = a->municipality_name_field;
}

/* A command's option context: what it takes, a summary, and examples followed by the exit
** statuses (the same for every command). */
GOptionContext *
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
GOptionGroup *
data_group(cli_args *a)
{
    /* GOption takes a callback as a data pointer. */
    union { GOptionArgFunc fn; void *data; } cache_max_mb = {.fn = parse_cache_max_mb};
    GOptionEntry data[] = {
        {"data-dir", 0, 0, G_OPTION_ARG_FILENAME, &a->data_dir,
         "Default data directory (default: $SAMENKAART_DATA, else the installed data/nl2017)", "DIR"},
        {"municipalities", 'm', 0, G_OPTION_ARG_FILENAME, &a->municipalities,
         "Municipality boundaries (any OGR source)", "FILE"},
        {"municipality-layer", 0, 0, G_OPTION_ARG_STRING, &a->municipality_layer,
         "Layer of the municipality source (one of several, e.g. in a GeoPackage)", "NAME"},
        {"regions", 'r', 0, G_OPTION_ARG_FILENAME, &a->regions,
         "Wmo-region boundaries (without: dissolved from --membership)", "FILE"},
        {"region-layer", 0, 0, G_OPTION_ARG_STRING, &a->region_layer,
         "Layer of the region source (one of several, e.g. in a GeoPackage)", "NAME"},
        {"membership", 0, 0, G_OPTION_ARG_FILENAME, &a->membership,
         "Municipality -> region table, e.g. gemeenten_regios_2017.csv", "FILE"},
        {"membership-layer", 0, 0, G_OPTION_ARG_STRING, &a->membership_layer,
         "Layer or sheet of the membership table (default: the first)", "NAME"},
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
         "Cache prepared data here (default $SAMENKAART_CACHE, else $XDG_CACHE_HOME/samenkaart or ~/.cache/samenkaart)",
         "DIR"},
        {"no-cache", 0, 0, G_OPTION_ARG_NONE, &a->no_cache,
         "Read every source, without the cache", NULL},
        {"cache-max-mb", 0, 0, G_OPTION_ARG_CALLBACK, cache_max_mb.data,
         "Keep the cache under N MB, removing the least recently used entries (default "
         "$SAMENKAART_CACHE_MAX_MB, else 512; 0: read the cache, write nothing)", "N"},
        {"mergers", 0, 0, G_OPTION_ARG_FILENAME, &a->mergers,
         "Municipal mergers, e.g. shapes/herindelingen_2018_2019.csv: a database naming "
         "municipalities of another year's boundaries", "FILE"},
        {"mergers-report", 0, 0, G_OPTION_ARG_FILENAME, &a->mergers_report,
         "Write every reference remapped through --mergers (where,value,mapped_to,note)",
         "FILE"},
        G_OPTION_ENTRY_NULL};
    GOptionGroup *g = g_option_group_new("data", DATA_OPTIONS, "Show data options", a,
                                         NULL);
    g_option_group_add_entries(g, data);
    g_option_group_set_parse_hooks(g, NULL, check_cache_max_mb);
    return g;
}

/* The options naming the insurers' core working areas (compare, render --core-of). */
GOptionGroup *
core_group(cli_args *a)
{
    GOptionEntry core[] = {
        {"core", 0, 0, G_OPTION_ARG_FILENAME, &a->core,
         "Core working areas: insurer per zorgkantoorregio (default "
         "kernwerkgebieden_2017.csv)", "FILE"},
        {"core-regions", 0, 0, G_OPTION_ARG_FILENAME, &a->core_regions,
         "The zorgkantoorregio's (default zorgkantoorregios_2017.shp)", "FILE"},
        {"core-regions-layer", 0, 0, G_OPTION_ARG_STRING, &a->core_regions_layer,
         "Layer of --core-regions (one of several, e.g. in a GeoPackage)", "NAME"},
        {"core-layer", 0, 0, G_OPTION_ARG_STRING, &a->core_layer,
         "Layer or sheet of --core (one of several, e.g. in a GeoPackage)", "NAME"},
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
    GOptionGroup *g = g_option_group_new("core", CORE_OPTIONS,
                                         "Show core working area options", NULL, NULL);
    g_option_group_add_entries(g, core);
    return g;
}

/* Load the geography and, when projects is not NULL, the project database (path: path, or
** --projects, or the data directory's).  Missing sources come from the data directory. */
sk_status
load_data(sk_ctx *ctx, cli_args *a, const char *projects_path, sk_geography **geo,
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
    go.region_layer = a->region_layer;
    go.membership = a->membership;
    if (a->region_code_field)
        go.region_code_field = a->region_code_field;
    if (a->region_name_field)
        go.region_name_field = a->region_name_field;
    if (a->membership_region_code_field)
        go.membership_region_code_field = a->membership_region_code_field;
    if (a->membership_region_name_field)
        go.membership_region_name_field = a->membership_region_name_field;
    char *cache = cache_dir_of(a->cache_dir, a->no_cache, a->quiet, &a->cache_warned);
    go.cache_dir = cache;
    sk_ctx_set_cache_max_mb(ctx, a->cache_max_mb);
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

int
page_size(const char *command, const char *text, sk_page_size *out)
{
    if (text == NULL)
        return EXIT_OK;
    sk_ctx *probe = sk_ctx_new();
    int rc = sk_page_size_parse(probe, text, out) == SK_OK
                 ? EXIT_OK
                 : usage_error(command, "--page: %s", sk_ctx_errmsg(probe));
    sk_ctx_free(probe);
    return rc;
}

/* The numeric options and their ranges: "OPTION: BEFORE MIN to MAX AFTER, not VALUE". */
static const struct number_option {
    const char *name, *short_name, *before, *after;
    double min, max;
    int integer;
    size_t offset;
} numbers[] = {
    {"--dpi", NULL, "expected", "dots per inch (the PNG's resolution)", SK_DPI_MIN,
     SK_DPI_MAX, 0, offsetof(cli_args, dpi)},
    {"--classes", NULL, "a count map has", "classes (the first is 0)", SK_CLASSES_MIN,
     SK_CLASSES_MAX, 1, offsetof(cli_args, classes)},
    {"--group-from", NULL, "expected a number of labels from", "(combinations of that many "
     "labels or more become one class)", SK_GROUP_FROM_MIN, SK_GROUP_FROM_MAX, 1,
     offsetof(cli_args, group_from)},
    {"--jobs", "-j", "expected", "threads", SK_JOBS_MIN, SK_JOBS_MAX, 1,
     offsetof(cli_args, jobs)},
};

/* A decimal number, all of value, finite and in [min, max] (g_ascii_strtod alone takes "nan",
** "inf" and trailing text). */
static gboolean
number_in_range(const char *value, double min, double max, double *out)
{
    /* Plain decimals only ("150", "150.5"): strtod would also take " 150", "0x96", "1.5e2". */
    size_t digits = strspn(value, "0123456789"), fraction = 0;
    if (value[digits] == '.' && (fraction = strspn(value + digits + 1, "0123456789")) == 0)
        return FALSE;
    if (digits == 0 || value[digits + (fraction ? fraction + 1 : 0)] != '\0')
        return FALSE;
    char *end = NULL;
    double d = g_ascii_strtod(value, &end);
    if (end == value || *end != '\0' || !isfinite(d) || d < min || d > max)
        return FALSE;
    *out = d;
    return TRUE;
}

static gboolean
parse_number(const char *option, const char *value, void *data, GError **error)
{
    const struct number_option *n = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(numbers) && n == NULL; i++)
        if (strcmp(option, numbers[i].name) == 0 ||
            (numbers[i].short_name != NULL && strcmp(option, numbers[i].short_name) == 0))
            n = &numbers[i];
    g_assert(n != NULL && data != NULL);
    char *field = (char *)data + n->offset;
    gint64 i;
    double d;
    if (n->integer && g_ascii_string_to_signed(value, 10, (gint64)n->min, (gint64)n->max, &i,
                                               NULL)) {
        *(int *)field = (int)i;
        return TRUE;
    }
    if (!n->integer && number_in_range(value, n->min, n->max, &d)) {
        *(double *)field = d;
        return TRUE;
    }
    g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: %s %g to %g %s, not %s",
                n->name, n->before, n->min, n->max, n->after, value[0] != '\0' ? value : "''");
    return FALSE;
}

void *
number_arg(void)
{
    /* GOption takes a callback as a data pointer. */
    static const union { GOptionArgFunc fn; void *data; } cb = {.fn = parse_number};
    return cb.data;
}

void
main_entries(GOptionContext *oc, const GOptionEntry *entries, cli_args *a)
{
    GOptionGroup *main_group = g_option_group_new(NULL, NULL, NULL, a, NULL);
    g_option_group_add_entries(main_group, entries);
    g_option_context_set_main_group(oc, main_group);
}

/* The geography whose regions are the zorgkantoorregio's, for the core working areas. */
sk_status
load_core_areas(sk_ctx *ctx, cli_args *a, const sk_geography *geo, sk_core_areas **out)
{
    const char *dir = data_dir_of(a->data_dir);
    char *table = a->core != NULL ? g_strdup(a->core)
                                  : in_data_dir(dir, "kernwerkgebieden_2017.csv");
    char *regions = a->core_regions != NULL ? g_strdup(a->core_regions)
                                            : in_data_dir(dir, "zorgkantoorregios_2017.shp");
    sk_geography_options go;
    municipality_options(a, &go);
    go.regions = regions;
    go.region_layer = a->core_regions_layer;
    go.membership = a->membership;
    go.region_code_field = a->core_code_field != NULL ? a->core_code_field : "zk_code";
    go.region_name_field = a->core_name_field != NULL ? a->core_name_field : "zk_naam";
    go.membership_region_code_field = go.region_code_field;
    go.membership_region_name_field = go.region_name_field;
    char *cache = cache_dir_of(a->cache_dir, a->no_cache, a->quiet, &a->cache_warned);
    go.cache_dir = cache;
    sk_ctx_set_cache_max_mb(ctx, a->cache_max_mb);
    sk_geography *zk = NULL;
    sk_status st = sk_geography_load(ctx, &go, &zk);
    if (st == SK_OK)
        st = sk_core_areas_load(ctx, geo, zk, table, a->core_layer,
                                a->core_key != NULL ? a->core_key : go.region_code_field,
                                a->core_column != NULL ? a->core_column : "verzekeraar", out);
    sk_geography_free(zk);
    g_free(cache);
    g_free(table);
    g_free(regions);
    return st;
}

sk_status
show_principle(sk_ctx *ctx, const char *text, sk_principle *out)
{
    return text == NULL ? SK_OK : sk_principle_parse(ctx, text, out);
}

void
render_options(const cli_args *a, sk_render_options *ro)
{
    sk_render_options_init(ro);
    /* 0: not given; a given --dpi is in range (number_arg). */
    if (a->dpi > 0)
        ro->dpi = a->dpi;
}
