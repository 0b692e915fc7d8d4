/* What the commands of the command line share: exit statuses, reporting, option parsing, the
** options naming the data and their loading, and the map spec options. */
#ifndef SK_CLI_OPTIONS_H
#define SK_CLI_OPTIONS_H

#include <glib.h>
#include "samenkaart/samenkaart.h"
#include "samenkaart/spec.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_INPUT = 2, EXIT_HELP = -1 /* help shown: exit 0 */ };

/* The exit status of a library status. */
int exit_code(sk_status st);
/* The warning handler: user_data points to the gboolean --quiet. */
void print_warning(void *user_data, const char *message);
/* Report the context's error and give the exit status. */
int fail(sk_ctx *ctx);
/* Report the context's error after the run's files were written (a device or FIFO written
** after them failed) and give the exit status. */
int fail_after_written(sk_ctx *ctx);
/* Report a usage error of command; EXIT_INPUT. */
int usage_error(const char *command, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* A command's option context: what it takes, a summary, and examples followed by the exit
** statuses (the same for every command). */
GOptionContext *command_context(const char *parameter, const char *summary,
                                const char *examples);
/* Parse a command's options; expected_args operands may follow.  EXIT_OK, EXIT_HELP (help
** printed), or the status of the usage error already reported. */
int parse_options(GOptionContext *oc, const char *command, int *argc, char ***argv,
                  int expected_args);

/* The arguments of a command, as parsed (every string owned, freed by cli_args_clear). */
typedef struct cli_args {
    char *data_dir;
    char *municipalities, *municipality_layer, *regions, *membership, *projects, *sheet;
    char *region_layer, *membership_layer, *core_regions_layer;   /* layers of those sources */
    char *table_layer, *core_layer;
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
    gboolean cache_warned;   /* the warning about a missing cache directory was given */
    size_t cache_max_mb;     /* --cache-max-mb, else $SAMENKAART_CACHE_MAX_MB, else 512 */
    gboolean cache_max_mb_given;
    /* The insurers' core working areas (compare; render --core-of) */
    char *core_of, *core, *core_regions, *core_key, *core_column, *core_code_field,
        *core_name_field;
    /* Municipal mergers */
    char *mergers, *mergers_report;
    /* Zoomed maps */
    char *zoom_regions, *zoom_municipalities, *zoom_province, *zoom_core, *labels_csv;
    /* Colours: classes of N or more labels as one group; classes too alike drawn anyway */
    int group_from;
    gboolean allow_similar;
    int jobs;                /* atlas: threads (0: one per core) */
    /* Point maps (render --points) */
    char *points, *points_layer, *x_field, *y_field, *by, *size_by;
    gboolean covered;
} cli_args;

void cli_args_clear(cli_args *a);

struct cli_run;
/* Name the files the arguments read and write in the run, outputs checked before anything
** is read: EXIT_OK or the exit status of the error reported. */
int cli_args_declare(struct cli_run *r, const cli_args *a);

/* Where prepared geometry is cached: --cache-dir, $SAMENKAART_CACHE ("off" for none), or the
** user's cache directory by the XDG rules ($XDG_CACHE_HOME, else $HOME/.cache; each only
** when it is an absolute path).  NULL: no cache; without a usable home that is said once
** (*warned), unless quiet.  Caller frees. */
char *cache_dir_of(const char *given, gboolean no_cache, gboolean quiet, gboolean *warned);
/* The cache's size cap in megabytes: given (--cache-max-mb), else $SAMENKAART_CACHE_MAX_MB,
** else 512.  FALSE with a G_OPTION_ERROR naming the option or variable for anything but a
** whole number from 0 to 1048576. */
gboolean cache_max_mb_of(const char *given, size_t *mb, GError **error);
/* The data directory: --data-dir, $SAMENKAART_DATA, the installed data, or the source
** tree's data/nl2017 (sk_default_data_dir). */
const char *data_dir_of(const char *given);

/* The options naming the data, shared by every command that reads it. */
GOptionGroup *data_group(cli_args *a);
/* The options naming the insurers' core working areas (compare, render --core-of). */
GOptionGroup *core_group(cli_args *a);

/* Load the geography (unless *geo is set) and, when projects is not NULL, the project
** database (projects_path, or --projects, or the data directory's).  Missing sources come
** from the data directory, whose paths are set in a. */
sk_status load_data(sk_ctx *ctx, cli_args *a, const char *projects_path, sk_geography **geo,
                    sk_projects **projects);
/* The insurers' core working areas over geo. */
sk_status load_core_areas(sk_ctx *ctx, cli_args *a, const sk_geography *geo,
                          sk_core_areas **out);

/* The arg_data of a numeric option (--dpi, --classes, --group-from, --jobs; given as
** G_OPTION_ARG_CALLBACK): the value is stored in the cli_args that is the user data of the
** option's group when it is a number in the option's range (render.h), else refused naming
** the option, the value and the range. */
void *number_arg(void);
/* A command's own options as the main group, with a as the user data number_arg needs. */
void main_entries(GOptionContext *oc, const GOptionEntry *entries, cli_args *a);

/* --page: a size of SK_PAGE_SIZE_NAMES (NULL: leave *out). */
int page_size(const char *command, const char *text, sk_page_size *out);
/* --show: a principle (NULL: leave *out); SK_EUSAGE on ctx otherwise. */
sk_status show_principle(sk_ctx *ctx, const char *text, sk_principle *out);
/* PNG options from --dpi. */
void render_options(const cli_args *a, sk_render_options *ro);

#endif
