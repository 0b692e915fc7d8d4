/* samenkaart compare: insurers and their kernwerkgebieden, or maps side by side. */
#include <string.h>
#include "commands.h"
#include "options.h"
#include "run.h"

typedef struct compare_args {
    char **insurers, **maps;
    char *table_csv, *table_md;
    gboolean no_figures;
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

/* Everything one run of compare holds. */
typedef struct compare_run {
    sk_ctx *ctx;
    cli_args *a;
    const compare_args *c;
    size_t nmaps;
    sk_filter *filter;            /* --where, for the insurers' figures */
    sk_map_spec insurer;          /* the spec of every insurer's map, but its insurer */
    sk_map_spec *panels;          /* per --map */
    GPtrArray *panel_where;       /* per --map: its clauses after --where (char **) */
    sk_geography *geo;
    sk_projects *projects;
    sk_style *style;
    sk_core_areas *core;
    GArray *insurers;             /* size_t: label index */
    sk_insurer_figures *figures;  /* per insurer */
    char *figures_text;           /* printed beside the maps, or NULL */
    GPtrArray *maps, *titles;
    sk_panels *split;             /* one map drawn as small multiples (too many classes) */
} compare_run;

/* The arguments make sense together; EXIT_OK or the usage error reported. */
static int
compare_usage(const cli_args *a, const compare_args *c, size_t nmaps)
{
    if ((c->insurers == NULL) == (nmaps == 0))
        return usage_error("compare", "%s", "give --insurer NAME|all, or 2 to 6 --map FILTER "
                           "to put side by side");
    if (nmaps == 1 || nmaps > 6)
        return usage_error("compare", "--map: 2 to 6 maps side by side, not %zu", nmaps);
    if (a->group_from != G_MININT && a->show == NULL)
        return usage_error("compare", "%s", "--group-from groups combinations of labels: give "
                           "it with --show");
    if (a->output == NULL && c->table_csv == NULL && c->table_md == NULL &&
        a->classes_csv == NULL)
        return usage_error("compare", "%s", "nothing to write: give --output, --table-csv, "
                           "--table-md or --classes-csv");
    /* Asked for, written: never an option accepted and then ignored. */
    const char *table = c->table_csv != NULL ? "--table-csv" : "--table-md";
    if (nmaps > 0 && (c->table_csv != NULL || c->table_md != NULL || c->no_figures))
        return usage_error("compare", "%s: the figures of insurers; with --map there are "
                           "none (give --insurer NAME|all instead)",
                           c->no_figures ? "--no-figures" : table);
    return EXIT_OK;
}

/* A --map's clauses ("a=b; c=d") after those of --where, NULL-terminated; g_strfreev it. */
static char **
panel_clauses(char **where, const char *map)
{
    GPtrArray *all = g_ptr_array_new();
    for (size_t k = 0; where != NULL && where[k] != NULL; k++)
        g_ptr_array_add(all, g_strdup(where[k]));
    char **clauses = g_strsplit(map, ";", -1);
    for (size_t k = 0; clauses[k] != NULL; k++)
        if (*g_strstrip(clauses[k]))
            g_ptr_array_add(all, g_strdup(clauses[k]));
    g_strfreev(clauses);
    g_ptr_array_add(all, NULL);
    return (char **)g_ptr_array_free(all, FALSE);
}

/* The specs of the maps, checked before any data loads. */
static sk_status
compare_specs(compare_run *r, sk_page_size page)
{
    sk_map_spec *s = &r->insurer;
    sk_map_spec_init(s);
    s->kind = r->a->show != NULL ? SK_MAP_COMBINATION : SK_MAP_TOTAL;
    s->where = (const char *const *)r->a->where;
    s->page = page;
    s->allow_similar_colours = r->a->allow_similar;
    if (r->a->show != NULL && r->a->group_from != G_MININT)
        s->group_from = (size_t)r->a->group_from;
    sk_status st = SK_OK;
    for (size_t i = 0; r->a->where != NULL && r->a->where[i] != NULL && st == SK_OK; i++)
        st = sk_filter_add(r->ctx, r->filter, r->a->where[i]);
    if (st == SK_OK)
        st = show_principle(r->ctx, r->a->show, &s->show);
    r->panels = g_new0(sk_map_spec, r->nmaps + 1);
    for (size_t i = 0; i < r->nmaps && st == SK_OK; i++) {
        char **where = panel_clauses(r->a->where, r->c->maps[i]);
        g_ptr_array_add(r->panel_where, where);
        r->panels[i] = *s;
        r->panels[i].where = (const char *const *)where;
        st = sk_map_spec_check(r->ctx, &r->panels[i]);
    }
    if (st == SK_OK)
        st = sk_map_spec_check(r->ctx, s);
    return st;
}

/* An insurer's map, or a --map's, with the title its panel gets. */
static sk_status
add_map(compare_run *r, const sk_map_spec *spec, const char *title)
{
    sk_map_data data = {.geo = r->geo, .projects = r->projects, .core = r->core};
    sk_map *map = NULL;
    /* A map of its own may become small multiples; a panel of a page cannot. */
    int alone = r->nmaps == 0 && spec->insurer != NULL && !spec->panel;
    sk_status st = alone ? sk_map_build_page(r->ctx, &data, r->style, spec, &map, &r->split)
                         : sk_map_build(r->ctx, &data, r->style, spec, &map);
    if (st == SK_OK && map != NULL) {
        g_ptr_array_add(r->maps, map);
        g_ptr_array_add(r->titles, g_strdup(title != NULL ? title : sk_map_title(map)));
    }
    return st;
}

/* The figures of the insurers (for the tables and the page), and their text unless
** --no-figures. */
static void
compute_figures(compare_run *r)
{
    guint n = r->insurers->len;
    r->figures = g_new0(sk_insurer_figures, n + 1);
    for (guint i = 0; i < n; i++)
        sk_insurer_figures_compute(r->projects, r->filter, r->core,
                                   g_array_index(r->insurers, size_t, i), &r->figures[i]);
    if (n > 0 && !r->c->no_figures)
        r->figures_text = sk_insurer_figures_text(r->style, r->figures, n);
}

/* Load the data and build every map. */
static sk_status
compare_maps(compare_run *r)
{
    sk_status st = sk_style_load(r->ctx, r->a->style, &r->style);
    if (st == SK_OK)
        st = load_data(r->ctx, r->a, NULL, &r->geo, &r->projects);
    if (st == SK_OK)   /* ids and titles of --where exist (the figures count without maps) */
        st = sk_filter_check(r->ctx, r->filter, r->projects);
    if (st == SK_OK && r->c->insurers != NULL) {
        st = load_core_areas(r->ctx, r->a, r->geo, &r->core);
        if (st == SK_OK)
            st = pick_insurers(r->ctx, r->c->insurers, r->projects, r->filter, r->core,
                               r->insurers);
        if (st == SK_OK)
            compute_figures(r);
        for (guint i = 0; i < r->insurers->len && st == SK_OK; i++) {
            const char *key = sk_principle_label_key(SK_INSURER,
                                                     g_array_index(r->insurers, size_t, i));
            sk_map_spec spec = r->insurer;
            spec.insurer = key;
            spec.panel = r->insurers->len > 1;
            /* One insurer: its figures beside its map; several: beside the page. */
            if (r->insurers->len == 1)
                spec.text = r->figures_text;
            st = add_map(r, &spec, key);
        }
    }
    /* Map definitions side by side: each --map a filter, on top of --where. */
    for (size_t i = 0; i < r->nmaps && st == SK_OK; i++)
        st = add_map(r, &r->panels[i], NULL);
    g_ptr_array_add(r->titles, NULL);   /* a NULL-terminated list */
    return st;
}

/* The figures of the insurers, as CSV and Markdown. */
static sk_status
write_figures(compare_run *r)
{
    const compare_args *c = r->c;
    guint n = r->insurers->len;
    if (n == 0 || (c->table_csv == NULL && c->table_md == NULL))
        return SK_OK;
    const sk_insurer_figures *rows = r->figures;
    sk_status st = SK_OK;
    for (int f = 0; f < 2 && st == SK_OK; f++) {
        const char *path = f == 0 ? c->table_csv : c->table_md;
        if (path == NULL)
            continue;
        char *text = sk_insurer_figures_format(rows, n, f == 0 ? SK_TABLE_CSV
                                                               : SK_TABLE_MARKDOWN);
        st = sk_write_file(r->ctx, path, text, strlen(text));
        g_free(text);
    }
    return st;
}

/* One insurer: a map of its own, with world file and classes; else the maps side by side. */
static sk_status
write_page(compare_run *r)
{
    const cli_args *a = r->a;
    sk_render_options ro;
    render_options(a, &ro);
    if (r->split != NULL) {
        sk_status st = a->output != NULL ? sk_panels_render(r->ctx, r->split, &ro, a->output)
                                         : SK_OK;
        if (st == SK_OK && a->classes_csv != NULL)
            st = sk_panels_write_classes_csv(r->ctx, r->split, a->classes_csv);
        return st;
    }
    if (r->maps->len == 1) {
        sk_map *map = g_ptr_array_index(r->maps, 0);
        sk_status st = a->output != NULL ? sk_map_render(r->ctx, map, &ro, a->output) : SK_OK;
        if (st == SK_OK && a->classes_csv != NULL)
            st = sk_map_write_classes_csv(r->ctx, map, a->classes_csv);
        return st;
    }
    sk_panels_options po;
    sk_panels_options_init(&po);
    po.title = a->title;
    po.caption = a->caption;
    po.text = r->figures_text;
    char *joined = NULL;
    if (po.title == NULL && r->c->insurers != NULL)
        po.title = sk_insurers_page_title(r->style);
    else if (po.title == NULL)
        po.title = joined = g_strjoinv(" · ", (char **)r->titles->pdata);
    /* The page takes the maps over. */
    size_t count = r->insurers->len > 0 ? r->insurers->len : r->nmaps;
    sk_map **list = (sk_map **)g_ptr_array_steal(r->maps, NULL);
    sk_panels *panels = NULL;
    sk_status st = sk_panels_new(r->ctx, list, count, (const char *const *)r->titles->pdata,
                                 &po, &panels);
    g_free(list);
    g_free(joined);
    if (st == SK_OK && a->classes_csv != NULL)
        st = sk_panels_write_classes_csv(r->ctx, panels, a->classes_csv);
    if (st == SK_OK && a->output != NULL)
        st = sk_panels_render(r->ctx, panels, &ro, a->output);
    sk_panels_free(panels);
    return st;
}

static void
compare_run_clear(compare_run *r)
{
    sk_panels_free(r->split);
    g_ptr_array_unref(r->maps);
    g_ptr_array_unref(r->titles);
    g_ptr_array_unref(r->panel_where);
    g_free(r->panels);
    g_array_free(r->insurers, TRUE);
    g_free(r->figures);
    g_free(r->figures_text);
    sk_core_areas_free(r->core);
    sk_projects_free(r->projects);
    sk_geography_free(r->geo);
    sk_style_free(r->style);
    sk_filter_free(r->filter);
}

static int
run_compare(cli_args *a, const compare_args *c)
{
    size_t nmaps = c->maps != NULL ? g_strv_length(c->maps) : 0;
    int rc = compare_usage(a, c, nmaps);
    sk_page_size page = SK_PAGE_FROM_STYLE;
    if (rc != EXIT_OK || (rc = page_size("compare", a->page, &page)) != EXIT_OK)
        return rc;
    cli_run run;
    if ((rc = cli_run_begin(&run, &a->quiet)) != EXIT_OK)
        return rc;
    rc = cli_args_declare(&run, a);
    if (rc == EXIT_OK)
        rc = cli_run_output(&run, c->table_csv, "--table-csv");
    if (rc == EXIT_OK)
        rc = cli_run_output(&run, c->table_md, "--table-md");
    if (rc != EXIT_OK)
        return cli_run_end(&run, rc);
    compare_run r = {
        .ctx = run.ctx, .a = a, .c = c, .nmaps = nmaps, .filter = sk_filter_new(),
        .panel_where = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev),
        .insurers = g_array_new(FALSE, FALSE, sizeof(size_t)),
        .maps = g_ptr_array_new_with_free_func((GDestroyNotify)sk_map_free),
        .titles = g_ptr_array_new_with_free_func(g_free)};
    sk_status st = compare_specs(&r, page);
    if (st == SK_OK)
        st = compare_maps(&r);
    if (st == SK_OK)
        st = write_figures(&r);
    if (st == SK_OK)
        st = write_page(&r);
    if (st != SK_OK)
        rc = fail(r.ctx);
    compare_run_clear(&r);
    return cli_run_end(&run, rc);
}

int
cmd_compare(int argc, char **argv)
{
    cli_args a = {.group_from = G_MININT};
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
         "With --insurer: write insurer,projects,municipalities,inside_core,"
         "core_municipalities,core_without_projects", "FILE"},
        {"table-md", 0, 0, G_OPTION_ARG_FILENAME, &c.table_md,
         "The same figures as a Markdown table, with shares", "FILE"},
        {"no-figures", 0, 0, G_OPTION_ARG_NONE, &c.no_figures,
         "With --insurer: no key figures beside the maps (the figures of --table-csv)", NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
         "The page: .png, .pdf or .svg (one insurer: a map with world file)", "FILE"},
        {"classes-csv", 0, 0, G_OPTION_ARG_FILENAME, &a.classes_csv,
         "Write gm_code,gm_naam,class,color,projects per municipality (maps side by side: "
         "of every map, with a panel column)", "FILE"},
        {"title", 't', 0, G_OPTION_ARG_STRING, &a.title, "Page title", "TEXT"},
        {"caption", 0, 0, G_OPTION_ARG_STRING, &a.caption, "Text under the title", "TEXT"},
        {"page", 0, 0, G_OPTION_ARG_STRING, &a.page, "a4 or a4-landscape, slide or slide-16x9 (16:9)",
         "SIZE"},
        {"style", 0, 0, G_OPTION_ARG_FILENAME, &a.style, "Style file (default styles/aef.ini)",
         "FILE"},
        {"dpi", 0, 0, G_OPTION_ARG_CALLBACK, number_arg(), 
         "PNG resolution, 30 to 1200 dots per inch (default 150)", "N"},
        {"group-from", 0, 0, G_OPTION_ARG_CALLBACK, number_arg(),
         "With --show: combinations of N (2 to 11) or more labels as one class", "N"},
        {"allow-similar-colours", 0, 0, G_OPTION_ARG_NONE, &a.allow_similar,
         "Draw maps whose classes are too alike for some reader, with a warning", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a.quiet, "No warnings", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *oc = command_context("- insurers and maps side by side",
        "With --insurer: an insurer's projects per municipality with its kernwerkgebied\n"
        "outlined, and its figures (projects, municipalities, how many inside the core area,\n"
        "core municipalities without a project), also beside the map; 'all' puts every\n"
        "insurer side by side.\n"
        "With --map: 2 to 6 maps side by side, one extent, scale and legend.",
        "Examples:\n  samenkaart compare --insurer Menzis --show samenwerkingsvorm "
        "--output menzis.png --table-csv menzis.csv\n"
        "  samenkaart compare --insurer all --output insurers.png --table-md insurers.md\n"
        "  samenkaart compare --map inhoudelijk=preventie --map inhoudelijk=ggz "
        "--show samenwerkingsvorm --output preventie-ggz.png");
    main_entries(oc, entries, &a);
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
    cli_args_clear(&a);
    return rc;
}

