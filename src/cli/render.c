/* samenkaart render: one map, from the arguments as a map spec. */
#include <stdio.h>
#include "commands.h"
#include "options.h"
#include "pointmaps.h"
#include "run.h"

/* The map kind the arguments ask for; a usage error when they ask for more than one. */
static int
render_kind(const cli_args *a, sk_map_kind *kind)
{
    int kinds = (a->show != NULL) + (a->highlight != NULL) + (a->count != NULL) +
                (a->table != NULL) + a->overview;
    if (kinds > 1)
        return usage_error("render", "%s", "--show, --highlight, --count, --table and "
                           "--regions-overview are different maps; give one of them");
    /* Asked for, written: these maps read no project database, so nothing is remapped. */
    if (a->mergers_report != NULL && (a->table != NULL || a->overview))
        return usage_error("render", "%s", "--mergers-report: a --table map and the "
                           "--regions-overview read no project database, so there is no "
                           "report to write; leave it out");
    *kind = a->show != NULL        ? SK_MAP_COMBINATION
            : a->highlight != NULL ? SK_MAP_HIGHLIGHT
            : a->count != NULL     ? SK_MAP_COUNT
            : a->table != NULL     ? SK_MAP_TABLE
            : a->overview          ? SK_MAP_REGIONS
                                   : SK_MAP_TOTAL;
    return EXIT_OK;
}

/* The fields of one kind: what it classifies by.  Options of another kind are ignored. */
static sk_status
kind_fields(sk_ctx *ctx, const cli_args *a, sk_map_spec *spec)
{
    sk_principle table_principle = SK_INSURER;
    if (show_principle(ctx, a->table_principle, &table_principle) != SK_OK ||
        show_principle(ctx, a->show, &spec->show) != SK_OK)
        return sk_ctx_status(ctx);
    if (spec->kind == SK_MAP_HIGHLIGHT)
        spec->highlight = (const char *const *)a->highlight;
    if (spec->kind == SK_MAP_COUNT) {
        spec->breaks = a->count;
        /* G_MININT: not given (the default); a given number is in range (number_arg). */
        spec->classes = a->classes == G_MININT ? 0 : (size_t)a->classes;
    }
    if (spec->kind == SK_MAP_TABLE) {
        spec->table = a->table;
        spec->table_layer = a->table_layer;
        spec->table_key = a->table_key;
        spec->table_column = a->table_column;
        spec->table_principle = table_principle;
        spec->table_by_region = a->by_region;
    }
    return SK_OK;
}

/* The spec of the map the arguments describe (strings borrowed from a), checked.  EXIT_OK,
** or the exit status of the error already reported. */
static int
render_spec(sk_ctx *ctx, const cli_args *a, sk_map_spec *spec)
{
    sk_map_spec_init(spec);
    int rc = a->points != NULL ? points_spec(a, spec) : render_kind(a, &spec->kind);
    if (rc != EXIT_OK)
        return rc;
    if (a->points == NULL && (a->by != NULL || a->size_by != NULL || a->covered))
        return usage_error("render", "%s", "--by, --size-by and --covered colour, size and "
                           "outline the points of a point layer: give it with --points FILE");
    if (a->classes != G_MININT && spec->kind != SK_MAP_COUNT &&
        spec->kind != SK_MAP_POINT_COUNT)
        return usage_error("render", "%s", "--classes is the number of classes of a count map: "
                           "give it with --count quantile or --count natural");
    spec->where = (const char *const *)a->where;
    if (kind_fields(ctx, a, spec) != SK_OK)
        return fail(ctx);
    if ((rc = page_size("render", a->page, &spec->page)) != EXIT_OK)
        return rc;
    spec->zoom_regions = a->zoom_regions;
    spec->zoom_municipalities = a->zoom_municipalities;
    spec->zoom_province = a->zoom_province;
    spec->zoom_core = a->zoom_core;
    spec->core_of = a->core_of;
    spec->outline_regions = a->outline_regions;
    spec->title = a->title;
    spec->caption = a->caption;
    spec->note = a->note;
    spec->text = a->text;
    spec->source = a->source;
    spec->region_label = a->region_label;
    spec->show_counts = a->counts ? 1 : a->no_counts ? 0 : -1;
    spec->allow_similar_colours = a->allow_similar;
    if (a->group_from != G_MININT && spec->kind != SK_MAP_COMBINATION &&
        spec->kind != SK_MAP_TABLE)
        return usage_error("render", "%s", "--group-from groups combinations of labels: give "
                           "it with --show or --table");
    spec->group_from = a->group_from != G_MININT ? (size_t)a->group_from : 0;
    /* Arguments first: a typo in --where should not wait for the data to load. */
    return sk_map_spec_check(ctx, spec) == SK_OK ? EXIT_OK : fail(ctx);
}

/* A map drawn as small multiples: the page and its classes (a panel column, no world file). */
static sk_status
write_panels(sk_ctx *ctx, const cli_args *a, const sk_panels *panels)
{
    sk_render_options ro;
    render_options(a, &ro);
    sk_status st = sk_panels_render(ctx, panels, &ro, a->output);
    if (st == SK_OK && a->classes_csv != NULL)
        st = sk_panels_write_classes_csv(ctx, panels, a->classes_csv);
    return st;
}

/* The map's files: the map itself, its classes and the names it placed. */
static sk_status
write_map(sk_ctx *ctx, const cli_args *a, const sk_map *map)
{
    sk_render_options ro;
    render_options(a, &ro);
    sk_status st = sk_map_render(ctx, map, &ro, a->output);
    if (st == SK_OK && a->classes_csv != NULL)
        st = sk_map_write_classes_csv(ctx, map, a->classes_csv);
    if (st == SK_OK && a->labels_csv != NULL)
        st = sk_map_write_labels_csv(ctx, map, a->labels_csv);
    return st;
}

/* Load what the spec needs, build the map and write it: EXIT_OK or the exit status of the
** error reported. */
static int
render_map(sk_ctx *ctx, cli_args *a, const sk_map_spec *spec)
{
    int rc = EXIT_OK;
    sk_geography *geo = NULL;
    sk_projects *projects = NULL;
    sk_style *style = NULL;
    sk_core_areas *core = NULL;
    sk_map *map = NULL;
    sk_panels *panels = NULL;
    sk_points *points = NULL;
    /* Table maps, the regions overview and point maps need no project database. */
    int project_map = spec->kind != SK_MAP_TABLE && spec->kind != SK_MAP_REGIONS &&
                      a->points == NULL;
    sk_status st = sk_style_load(ctx, a->style, &style);
    if (st == SK_OK)
        st = load_data(ctx, a, NULL, &geo, project_map ? &projects : NULL);
    if (st == SK_OK && a->points != NULL)
        st = load_points(ctx, a, geo, style, &points);
    if (st == SK_OK && (spec->core_of != NULL || spec->zoom_core != NULL))
        st = load_core_areas(ctx, a, geo, &core);
    if (st == SK_OK) {
        sk_map_data data = {.geo = geo, .projects = projects, .core = core,
                            .membership = a->membership, .points = points};
        st = sk_map_build_page(ctx, &data, style, spec, &map, &panels);
    }
    if (st == SK_OK && panels != NULL && a->labels_csv != NULL)
        rc = usage_error("render", "%s", "--labels-csv: the map has too many classes for one "
                         "map and is drawn as small multiples, which place no municipality "
                         "names; leave --labels-csv out or group the classes (--group-from N)");
    else if (st == SK_OK)
        st = map != NULL ? write_map(ctx, a, map) : write_panels(ctx, a, panels);
    if (st != SK_OK)
        rc = fail(ctx);
    sk_panels_free(panels);
    sk_map_free(map);
    sk_core_areas_free(core);
    sk_projects_free(projects);
    sk_points_free(points);
    sk_geography_free(geo);
    sk_style_free(style);
    return rc;
}

static int
run_render(cli_args *a)
{
    if (a->output == NULL)
        return usage_error("render", "%s", "--output FILE is required (.png, .pdf or .svg)");
    cli_run run;
    int rc = cli_run_begin(&run, &a->quiet);
    if (rc == EXIT_OK)
        rc = cli_args_declare(&run, a);
    sk_map_spec spec;
    if (rc == EXIT_OK)
        rc = render_spec(run.ctx, a, &spec);
    if (rc == EXIT_OK)
        rc = render_map(run.ctx, a, &spec);
    return cli_run_end(&run, rc);
}

int
cmd_render(int argc, char **argv)
{
    cli_args a = {.classes = G_MININT, .group_from = G_MININT};
    GOptionEntry map[] = {
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &a.where,
         "Only projects with this label, e.g. inhoudelijk=preventie (repeat: AND; "
         "a,b: OR; != leaves them out); id=P0009,P0010: those projects; titel~tekst: "
         "projects whose title holds the text (any case)", "PRINCIPLE=VALUE"},
        {"show", 's', 0, G_OPTION_ARG_STRING, &a.show,
         "Colour by the combination of this principle's labels (without: total map)",
         "PRINCIPLE"},
        {"highlight", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.highlight,
         "Highlight map: 'X: Y' where a project is also Y, 'X: overig' elsewhere",
         "PRINCIPLE=VALUE"},
        {"count", 0, 0, G_OPTION_ARG_STRING, &a.count,
         "Count map: projects per municipality, classed by quantile, natural or breaks "
         "like 1,3,10", "METHOD"},
        {"classes", 0, 0, G_OPTION_ARG_CALLBACK, number_arg(),
         "Count map classes for quantile/natural, 2 to 7, the first for 0 projects "
         "(default 5)", "N"},
        {"table", 0, 0, G_OPTION_ARG_FILENAME, &a.table,
         "Table map: labels per municipality from FILE, e.g. gemeentepolissen_2017.csv",
         "FILE"},
        {"table-layer", 0, 0, G_OPTION_ARG_STRING, &a.table_layer,
         "Layer or sheet of --table (one of several, e.g. in a GeoPackage)", "NAME"},
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
        {"counts", 0, 0, G_OPTION_ARG_NONE, &a.counts,
         "Legend entries with their number of municipalities", NULL},
        {"no-counts", 0, 0, G_OPTION_ARG_NONE, &a.no_counts,
         "Legend entries without their number of municipalities", NULL},
        {"group-from", 0, 0, G_OPTION_ARG_CALLBACK, number_arg(),
         "Combinations of N (2 to 11) or more labels as one class ('3 of meer thema\'s'), so "
         "that a map of many combinations stays one map", "N"},
        {"allow-similar-colours", 0, 0, G_OPTION_ARG_NONE, &a.allow_similar,
         "Draw a map whose classes are too alike for some reader, with a warning", NULL},
        {"page", 0, 0, G_OPTION_ARG_STRING, &a.page, "a4 or a4-landscape, slide or slide-16x9 (16:9)",
         "SIZE"},
        {"style", 0, 0, G_OPTION_ARG_FILENAME, &a.style, "Style file (default styles/aef.ini)",
         "FILE"},
        {"dpi", 0, 0, G_OPTION_ARG_CALLBACK, number_arg(), 
         "PNG resolution, 30 to 1200 dots per inch (default 150)", "N"},
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
        "Examples:\n  samenkaart render --where inhoudelijk=jeugd --show samenwerkingsvorm "
        "--output jeugd.png\n  samenkaart render --where titel~leertuin --show inhoudelijk "
        "--outline-regions --output leertuinen.png\n  samenkaart render --where id=P0009,P0010 "
        "--outline-regions --output werkagenda.png");
    main_entries(oc, map, &a);
    g_option_context_add_group(oc, data_group(&a));
    g_option_context_add_group(oc, core_group(&a));
    g_option_context_add_group(oc, points_group(&a));
    int rc = parse_options(oc, "render", &argc, &argv, 0);
    if (rc == EXIT_OK)
        rc = run_render(&a);
    g_option_context_free(oc);
    cli_args_clear(&a);
    return rc;
}

