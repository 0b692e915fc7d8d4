/* Reading an atlas file: every problem is collected as FILE:LINE: [group] key: … and all of
** them reported in one run. */
#include <string.h>
#include "../vocabulary.h"
#include "family.h"
#include "pointpages.h"
#include "read.h"

/* Paths in the atlas file are relative to it. */
static char *
resolve(const sk_atlas *a, const char *path)
{
    return sk__atlas_resolve(a, path);
}

static int
valid_id(const char *id)
{
    if (id == NULL || id[0] == '\0')
        return 0;
    for (const char *p = id; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_')
            return 0;
    return 1;
}

/* An insurer named by key (core_of, zoom_core): its label + 1, 0 when absent or unknown (a
** problem), -1 for "{label}", the insurer of a family over zorgverzekeraar.  *name: the
** value as written (NULL when absent). */
static int
insurer_key(sk__keyfile *k, const char *group, const char *key, char **name)
{
    char *v = sk__keyfile_get(k, group, key);
    int out = 0;
    if (v != NULL && strcmp(v, "{label}") == 0) {
        out = -1;
    } else if (v != NULL) {
        int l = sk__label_parse(SK_INSURER, v, NULL);
        if (l < 0)
            sk__keyfile_problem(k, group, key, "unknown insurer '%s' (did you mean '%s'?)", v,
                                sk__label_suggest(SK_INSURER, v));
        out = l + 1;
    }
    *name = out > 0 ? v : NULL;
    if (out <= 0)
        g_free(v);
    return out;
}

/* The clauses of a list key, trimmed, empty ones left out, plus extra (may be NULL); each
** added to *filter (made when there is one) with problems reported under key or extra_key.
** Returns the clauses (NULL-terminated), or NULL when there are none. */
static char **
read_clauses(sk__keyfile *k, const char *group, const char *key, const char *extra,
             const char *extra_key, int points)
{
    /* Parsed only to check them: the map is built from the clauses' text (a spec). */
    sk_filter *filter = sk_filter_new();
    gsize n = 0;
    char **list = g_key_file_get_string_list(sk__keyfile_gkf(k), group, key, &n, NULL);
    GPtrArray *clauses = g_ptr_array_new();
    sk_ctx *probe = sk_ctx_new();
    for (gsize i = 0; i <= n; i++) {
        const char *clause = i < n ? g_strstrip(list[i]) : extra;
        if (clause == NULL || clause[0] == '\0')
            continue;
        /* Clauses over a point layer's columns are checked once it is loaded. */
        if (!points && sk_filter_add(probe, filter, clause) != SK_OK) {
            sk__keyfile_problem(k, group, i < n ? key : extra_key, "%s", sk_ctx_errmsg(probe));
            sk_ctx_clear_error(probe);
        }
        g_ptr_array_add(clauses, g_strdup(clause));
    }
    sk_ctx_free(probe);
    sk_filter_free(filter);
    g_strfreev(list);
    if (clauses->len == 0) {
        g_ptr_array_free(clauses, TRUE);
        return NULL;
    }
    g_ptr_array_add(clauses, NULL);
    return (char **)g_ptr_array_free(clauses, FALSE);
}

/* A principle named by key into *out; a problem when it is not one. */
static void
read_principle(sk__keyfile *k, const char *group, const char *key, int *out)
{
    char *v = sk__keyfile_get(k, group, key);
    if (v != NULL && v[0] != '\0') {
        sk_ctx *probe = sk_ctx_new();
        sk_principle p;
        if (sk_principle_parse(probe, v, &p) == SK_OK)
            *out = (int)p;
        else
            sk__keyfile_problem(k, group, key, "%s", sk_ctx_errmsg(probe));
        sk_ctx_free(probe);
    }
    g_free(v);
}

/* A whole number from min to max (render.h); the problem names the range and the value. */
static void
read_number(sk__keyfile *k, const char *group, const char *key, int min, int max,
            const char *what, const char *note, int *out)
{
    char *v = sk__keyfile_get(k, group, key);
    char *expected = g_strdup_printf("%s from %d to %d%s, not '%s'", what, min, max, note,
                                     v != NULL ? v : "");
    sk__keyfile_get_int(k, group, key, min, max, expected, out);
    g_free(expected);
    g_free(v);
}

/* The keys that are plain values: texts, table, geography, zoom, overlays. */
static void
read_value_keys(sk__keyfile *k, const char *group, page *pg)
{
    pg->table = sk__keyfile_get(k, group, "table");
    pg->geography = sk__keyfile_get(k, group, "geography");
    pg->text = sk__keyfile_get(k, group, "text");
    pg->core_of = insurer_key(k, group, "core_of", &pg->core_of_name);
    pg->zoom_core = insurer_key(k, group, "zoom_core", &pg->zoom_core_name);
    pg->zoom_regions = sk__keyfile_get(k, group, "zoom_regions");
    pg->zoom_municipalities = sk__keyfile_get(k, group, "zoom_municipalities");
    pg->zoom_province = sk__keyfile_get(k, group, "zoom_province");
    sk__keyfile_get_bool(k, group, "outline_regions", &pg->outline_regions);
    sk__keyfile_get_bool(k, group, "table_by_region", &pg->table_by_region);
    sk__keyfile_get_bool(k, group, "regions_overview", &pg->overview);
    sk__keyfile_get_bool(k, group, "allow_similar_colours", &pg->allow_similar_colours);
    read_number(k, group, "group_from", SK_GROUP_FROM_MIN, SK_GROUP_FROM_MAX,
                "a number of labels", "", &pg->group_from);
    pg->table_layer = sk__keyfile_get(k, group, "table_layer");
    pg->table_key = sk__keyfile_get(k, group, "table_key");
    pg->table_column = sk__keyfile_get(k, group, "table_column");
    int tp = SK_INSURER;
    read_principle(k, group, "table_principle", &tp);
    pg->table_principle = (sk_principle)tp;
    pg->note = sk__keyfile_get(k, group, "note");
    pg->source = sk__atlas_read_text(k, group, "source");
}

/* count and classes: a count map's breaks. */
static void
read_count(sk__keyfile *k, const char *group, page *pg)
{
    pg->breaks = sk__keyfile_get(k, group, "count");
    if (pg->breaks != NULL) {
        pg->count = 1;
        sk_ctx *probe = sk_ctx_new();
        sk_breaks method;
        unsigned bounds[16];
        size_t nbreaks;
        if (sk_breaks_parse(probe, pg->breaks, &method, bounds, G_N_ELEMENTS(bounds),
                            &nbreaks) != SK_OK)
            sk__keyfile_problem(k, group, "count", "%s", sk_ctx_errmsg(probe));
        sk_ctx_free(probe);
    }
    int classes = 5;
    read_number(k, group, "classes", SK_CLASSES_MIN, SK_CLASSES_MAX, "a number of classes",
                " (the first is 0)", &classes);
    pg->classes = (size_t)classes;
}

void
sk__atlas_read_map_keys(sk__keyfile *k, const char *group, page *pg, const char *extra_clause,
                        const char *extra_highlight)
{
    read_value_keys(k, group, pg);
    pg->show = -1;
    pg->counts = -1;
    pg->highlights = read_clauses(k, group, "highlight", extra_highlight, "highlight_for", 0);
    if (pg->points_file == 0) {
        read_count(k, group, pg);
    } else {
        int classes = 5;
        read_number(k, group, "classes", SK_CLASSES_MIN, SK_CLASSES_MAX, "a number of classes",
                    " (the first is 0)", &classes);
        pg->classes = (size_t)classes;
    }
    pg->where = read_clauses(k, group, "where", extra_clause, "for", pg->points_file > 0);
    read_principle(k, group, "show", &pg->show);
    if ((pg->show >= 0) + (pg->highlights != NULL) + pg->count + (pg->table != NULL) +
            pg->overview + (pg->points_file > 0) > 1)
        sk__keyfile_problem(k, group, NULL, "show, highlight, count, table, "
                            "regions_overview and points make different maps; give one");
    if (pg->group_from != 0 && pg->show < 0 && pg->table == NULL)
        sk__keyfile_problem(k, group, "group_from", "groups combinations of labels: only with "
                            "show or table");
    sk__keyfile_get_bool(k, group, "counts", &pg->counts);
}

static void
read_map(sk__keyfile *k, sk_atlas *a, const char *group, const char *id, int section)
{
    static const char *const keys[] = {SK__ATLAS_MAP_KEYS, NULL};
    sk__keyfile_check_keys(k, group, keys);
    page pg = {.kind = PAGE_MAP, .id = g_strdup(id), .section = section,
               .line = sk__keyfile_line(k, group, NULL)};
    pg.title = sk__keyfile_require(k, group, "title");
    pg.caption = sk__keyfile_get(k, group, "caption");
    sk__atlas_read_points(k, a, group, &pg);
    static const char *const none[] = {NULL};
    sk__atlas_check_placeholders(k, group, "title", pg.title, none);
    sk__atlas_check_placeholders(k, group, "caption", pg.caption, none);
    sk__atlas_read_map_keys(k, group, &pg, NULL, NULL);
    int *keys_of[] = {&pg.core_of, &pg.zoom_core};
    const char *key_names[] = {"core_of", "zoom_core"};
    for (size_t i = 0; i < 2; i++) {
        if (*keys_of[i] >= 0)
            continue;
        sk__keyfile_problem(k, group, key_names[i], "{label} stands for the insurer of a "
                            "family over zorgverzekeraar; name the insurer here");
        *keys_of[i] = 0;
    }
    g_array_append_val(a->pages, pg);
}

static void
read_section(sk__keyfile *k, sk_atlas *a, const char *group, const char *id)
{
    static const char *const keys[] = {"title", "text", NULL};
    sk__keyfile_check_keys(k, group, keys);
    page pg = {.kind = PAGE_SECTION, .id = g_strdup(id), .show = -1, .counts = -1,
               .line = sk__keyfile_line(k, group, NULL)};
    pg.title = sk__keyfile_require(k, group, "title");
    /* Pango markup, checked (and measured) when the page is laid out. */
    pg.text = sk__atlas_read_text(k, group, "text");
    pg.section = (int)a->pages->len;
    g_array_append_val(a->pages, pg);
}

static void
read_geography(sk__keyfile *k, sk_atlas *a, const char *group, const char *id)
{
    static const char *const keys[] = {"municipalities", "regions", "membership",
                                       "municipality_layer", "region_layer",
                                       "membership_layer",
                                       "region_code_field", "region_name_field",
                                       "membership_region_code_field",
                                       "membership_region_name_field", "region_label", NULL};
    sk__keyfile_check_keys(k, group, keys);
    alt_geography ag = {.name = g_strdup(id), .line = sk__keyfile_line(k, group, NULL)};
    char *v = sk__keyfile_require(k, group, "municipalities");
    ag.municipalities = sk__atlas_resolve_data(a, v);
    g_free(v);
    v = sk__keyfile_get(k, group, "regions");
    ag.regions = sk__atlas_resolve_data(a, v);
    g_free(v);
    v = sk__keyfile_get(k, group, "membership");
    ag.membership = sk__atlas_resolve_data(a, v);
    g_free(v);
    ag.region_code = sk__keyfile_get(k, group, "region_code_field");
    ag.region_name = sk__keyfile_get(k, group, "region_name_field");
    ag.membership_code = sk__keyfile_get(k, group, "membership_region_code_field");
    ag.membership_name = sk__keyfile_get(k, group, "membership_region_name_field");
    ag.region_label = sk__keyfile_get(k, group, "region_label");
    ag.municipality_layer = sk__keyfile_get(k, group, "municipality_layer");
    ag.region_layer = sk__keyfile_get(k, group, "region_layer");
    ag.membership_layer = sk__keyfile_get(k, group, "membership_layer");
    g_array_append_val(a->geographies, ag);
}

/* [atlas] page: the page size. */
static void
read_page_size(sk__keyfile *k, sk_atlas *a)
{
    a->page_size = SK_PAGE_FROM_STYLE;
    char *v = sk__keyfile_get(k, "atlas", "page");
    if (v != NULL) {
        sk_ctx *probe = sk_ctx_new();
        if (sk_page_size_parse(probe, v, &a->page_size) != SK_OK)
            sk__keyfile_problem(k, "atlas", "page", "%s", sk_ctx_errmsg(probe));
        sk_ctx_free(probe);
    }
    g_free(v);
}

char *
sk__atlas_read_text(sk__keyfile *k, const char *group, const char *key)
{
    char *v = sk__keyfile_get(k, group, key);
    if (v != NULL && v[0] == '\0') {
        sk__keyfile_problem(k, group, key, "empty: give the text, or leave the key out");
        g_free(v);
        v = NULL;
    }
    return v;
}

/* [atlas] keys of the page furniture: the cover's texts and the maps' source line. */
static void
read_furniture(sk__keyfile *k, sk_atlas *a)
{
    a->organisation = sk__atlas_read_text(k, "atlas", "organisation");
    a->date = sk__atlas_read_text(k, "atlas", "date");
    a->version = sk__atlas_read_text(k, "atlas", "version");
    a->status = sk__atlas_read_text(k, "atlas", "status");
    a->source = sk__atlas_read_text(k, "atlas", "source");
}

static void
read_head(sk__keyfile *k, sk_atlas *a)
{
    static const char *const keys[] = {"title", "subtitle", "source", "style", "page",
                                       "organisation", "date", "version", "status",
                                       "data", "municipalities", "regions", "membership",
                                       "projects", "sheet", "core", "core_geography",
                                       "core_column", "core_layer", "municipality_layer", "region_layer",
                                       "membership_layer", NULL};
    sk__keyfile_check_keys(k, "atlas", keys);
    a->title = sk__keyfile_require(k, "atlas", "title");
    a->subtitle = sk__keyfile_get(k, "atlas", "subtitle");
    read_furniture(k, a);
    char *v;
    if ((v = sk__keyfile_get(k, "atlas", "style")) != NULL)
        a->style = resolve(a, v);
    g_free(v);
    read_page_size(k, a);
    char **slots[] = {&a->municipalities, &a->regions, &a->membership, &a->projects};
    const char *names[] = {"municipalities", "regions", "membership", "projects"};
    for (size_t i = 0; i < G_N_ELEMENTS(slots); i++) {
        v = sk__keyfile_get(k, "atlas", names[i]);
        *slots[i] = resolve(a, v);
        g_free(v);
    }
    a->sheet = sk__keyfile_get(k, "atlas", "sheet");
    a->municipality_layer = sk__keyfile_get(k, "atlas", "municipality_layer");
    a->region_layer = sk__keyfile_get(k, "atlas", "region_layer");
    a->membership_layer = sk__keyfile_get(k, "atlas", "membership_layer");
    v = sk__keyfile_get(k, "atlas", "core");
    a->core = sk__atlas_resolve_data(a, v);
    g_free(v);
    a->core_geography = sk__keyfile_get(k, "atlas", "core_geography");
    a->core_column = sk__keyfile_get(k, "atlas", "core_column");
    a->core_layer = sk__keyfile_get(k, "atlas", "core_layer");
}

/* Data the atlas does not name comes from the data directory. */
static void
default_data(sk_atlas *a, const char *data_dir)
{
    const char *defaults[] = {"gemeenten_2017.shp", "wmo_regios_2017.shp",
                              "gemeenten_regios_2017.csv", "projecten_2017.csv"};
    char **slots[] = {&a->municipalities, &a->regions, &a->membership, &a->projects};
    /* Boundaries of its own come with their own regions: only the projects default then. */
    int own_boundaries = a->municipalities != NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(slots) && data_dir != NULL; i++)
        if (*slots[i] == NULL && (!own_boundaries || i == 3))
            *slots[i] = g_build_filename(data_dir, defaults[i], NULL);
}

/* One group after [atlas]: a section, map, family or geography. */
static void
read_group(sk__keyfile *k, sk_atlas *a, const char *g, int *section)
{
    const char *space = strchr(g, ' ');
    char *kind = space != NULL ? g_strndup(g, (size_t)(space - g)) : g_strdup(g);
    const char *id = space != NULL ? space + 1 : "";
    if (!valid_id(id)) {
        sk__keyfile_problem(k, g, NULL, "expected [section ID], [map ID] or [family ID] with "
                            "an id of letters, digits and '-'");
    } else if (strcmp(kind, "section") == 0) {
        *section = (int)a->pages->len;
        read_section(k, a, g, id);
    } else if (strcmp(kind, "map") == 0) {
        read_map(k, a, g, id, *section);
    } else if (strcmp(kind, "family") == 0) {
        sk__atlas_read_family(k, a, g, id, *section);
    } else if (strcmp(kind, "geography") == 0) {
        read_geography(k, a, g, id);
    } else {
        sk__keyfile_problem(k, g, NULL, "unknown kind '%s' (expected section, map, family or "
                            "geography)", kind);
    }
    g_free(kind);
}

static void
read_groups(sk__keyfile *k, sk_atlas *a)
{
    gsize ngroups;
    char **groups = g_key_file_get_groups(sk__keyfile_gkf(k), &ngroups);
    int section = -1;
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < ngroups; i++) {
        if (strcmp(groups[i], "atlas") == 0)
            continue;
        guint before = a->pages->len;
        read_group(k, a, groups[i], &section);
        for (guint p = before; p < a->pages->len; p++) {
            page *pg = SK__ATLAS_PAGE(a, p);
            if (!g_hash_table_add(ids, pg->id))
                sk__keyfile_problem(k, groups[i], NULL, "page id '%s' is used twice", pg->id);
        }
    }
    g_hash_table_destroy(ids);
    g_strfreev(groups);
}

/* Maps on another geography must name one that the file defines; outlined kernwerkgebieden
** need the geography whose regions the table names. */
static void
check_geographies(sk__keyfile *k, sk_atlas *a, sk__diagnostics *diags)
{
    for (guint i = 0; i < a->pages->len; i++) {
        const page *pg = SK__ATLAS_PAGE(a, i);
        if (pg->geography != NULL && sk__atlas_geography_index(a, pg->geography) < 0)
            sk__diagnostics_add(diags, "%s:%d: page '%s': no [geography %s] in the file",
                                a->path, pg->line, pg->id, pg->geography);
        else if (pg->geography != NULL && pg->table == NULL && !pg->overview)
            sk__diagnostics_add(diags, "%s:%d: page '%s': project maps use the atlas's own "
                                "geography; on [geography %s] draw a table or "
                                "regions_overview", a->path, pg->line, pg->id, pg->geography);
    }
    if (sk__atlas_uses_core(a) && a->core_geography == NULL)
        sk__keyfile_problem(k, "atlas", NULL, "core_of and zoom_core need core_geography: the "
                            "[geography NAME] whose regions the kernwerkgebieden table names "
                            "(e.g. core_geography = zorgkantoor)");
    else if (a->core_geography != NULL && sk__atlas_geography_index(a, a->core_geography) < 0)
        sk__keyfile_problem(k, "atlas", "core_geography", "no [geography %s] in the file",
                            a->core_geography);
}

/* Tables are looked for next to the atlas, then in the data directory. */
static void
resolve_tables(sk_atlas *a)
{
    for (guint i = 0; i < a->pages->len; i++) {
        page *pg = SK__ATLAS_PAGE(a, i);
        pg->table_path = sk__atlas_resolve_data(a, pg->table);
        for (guint k = 0; pg->panels != NULL && k < pg->panels->len; k++) {
            page *panel = &g_array_index(pg->panels, page, k);
            panel->table_path = sk__atlas_resolve_data(a, panel->table);
        }
    }
}

/* The cover comes first (page 1), then the contents pages: as many as the list needs (see
** plans.c and layout/textpage.c); then every page gets its file name, whose number is its
** page in the PDF. */
static void
add_front_pages(sk_atlas *a)
{
    a->contents_pages = (a->pages->len + SK__ATLAS_CONTENTS_PER_PAGE - 1) /
                        SK__ATLAS_CONTENTS_PER_PAGE;
    if (a->contents_pages == 0)
        a->contents_pages = 1;
    for (size_t i = 0; i < a->contents_pages; i++) {
        page pg = {.kind = PAGE_CONTENTS, .section = -1, .show = -1, .counts = -1};
        pg.id = i == 0 ? g_strdup("inhoud") : g_strdup_printf("inhoud-%zu", i + 1);
        pg.title = g_strdup(a->title != NULL ? a->title : "");
        g_array_insert_val(a->pages, i, pg);
    }
    page cover = {.kind = PAGE_COVER, .section = -1, .show = -1, .counts = -1,
                  .id = g_strdup("omslag"), .title = g_strdup(a->title != NULL ? a->title : "")};
    g_array_insert_val(a->pages, 0, cover);
    for (guint i = 0; i < a->pages->len; i++) {
        page *pg = SK__ATLAS_PAGE(a, i);
        pg->name = g_strdup_printf("%03u-%s", i + 1, pg->id);
        if (pg->kind != PAGE_CONTENTS && pg->kind != PAGE_COVER && pg->section >= 0)
            pg->section += (int)SK__ATLAS_FRONT_PAGES(a);
    }
}

sk_status
sk_atlas_load(sk_ctx *ctx, const char *path, const char *data_dir, sk_atlas **out)
{
    *out = NULL;
    sk__diagnostics diags;
    sk__diagnostics_init(&diags);
    sk__keyfile *k = NULL;
    if (sk__keyfile_open(ctx, path, "atlas file", &diags, &k) != SK_OK) {
        g_string_free(diags.text, TRUE);
        return SK_EINPUT;
    }
    sk_atlas *a = g_new0(sk_atlas, 1);
    a->path = g_strdup(path);
    a->dir = g_path_get_dirname(path);
    a->data_dir = g_strdup(data_dir);
    a->geographies = g_array_new(FALSE, TRUE, sizeof(alt_geography));
    a->point_files = g_array_new(FALSE, TRUE, sizeof(point_file));
    a->pages = g_array_new(FALSE, TRUE, sizeof(page));
    if (!g_key_file_has_group(sk__keyfile_gkf(k), "atlas"))
        sk__diagnostics_add(&diags, "%s:1: no [atlas] group (title, data and style of the "
                            "atlas)", path);
    else
        read_head(k, a);
    default_data(a, data_dir);
    sk__keyfile_check_repeats(k);
    read_groups(k, a);
    check_geographies(k, a, &diags);
    if (a->pages->len == 0 && diags.count == 0)
        sk__diagnostics_add(&diags, "%s: the atlas has no pages", path);
    resolve_tables(a);
    add_front_pages(a);
    sk__keyfile_free(k);
    if (sk__diagnostics_finish(&diags, ctx) != SK_OK) {
        sk_atlas_free(a);
        return SK_EINPUT;
    }
    *out = a;
    return SK_OK;
}
