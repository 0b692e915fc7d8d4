/* The project database: read through OGR, validate every value against the vocabulary and the
** geography, and resolve each project to the municipalities it touches. */
#include <string.h>
#include "geography_internal.h"
#include "internal.h"
#include "projects_internal.h"
#include "cache.h"
#include "mergers_internal.h"
#include "ogr.h"
#include "redact.h"
#include "text.h"
#include "vocabulary.h"

struct sk_projects {
    const sk_geography *geo;
    char *source;
    GArray *items;      /* sk__project */
    GArray *touches;    /* size_t municipality indices */
    GArray *regions;    /* size_t region indices named by projects */
    GArray *remaps;     /* remap: references resolved through municipal mergers */
};

typedef struct remap {
    char *where, *value, *mapped_to, *note;
} remap;

void
sk_projects_options_init(sk_projects_options *o)
{
    *o = (sk_projects_options){0};
}

void
sk_projects_free(sk_projects *p)
{
    if (p == NULL)
        return;
    if (p->items != NULL) {
        for (guint i = 0; i < p->items->len; i++) {
            sk__project *it = &g_array_index(p->items, sk__project, i);
            g_free(it->id);
            g_free(it->title);
            g_free(it->title_key);
            g_free(it->theme_detail);
        }
        g_array_free(p->items, TRUE);
    }
    if (p->touches != NULL)
        g_array_free(p->touches, TRUE);
    if (p->regions != NULL)
        g_array_free(p->regions, TRUE);
    for (guint i = 0; p->remaps != NULL && i < p->remaps->len; i++) {
        remap *r = &g_array_index(p->remaps, remap, i);
        g_free(r->where);
        g_free(r->value);
        g_free(r->mapped_to);
        g_free(r->note);
    }
    if (p->remaps != NULL)
        g_array_free(p->remaps, TRUE);
    g_free(p->source);
    g_free(p);
}

/* Column indices of the contract's columns in the source. */
typedef struct columns {
    int id, municipalities, regions;
    int title;          /* optional: -1 without one */
    int principle[SK_PRINCIPLE_COUNT];
} columns;

/* A ';'-separated cell as trimmed, non-empty values.  Free with g_strfreev. */
static char **
split_values(const char *cell)
{
    return sk__split_trimmed(cell, ";");
}

static void
parse_labels(sk__diagnostics *d, const char *where, sk_principle p, const char *value,
             sk__project *project)
{
    const char *column = sk__principle_column(p);
    char **values = split_values(value);
    size_t n = g_strv_length(values);
    if (n == 0) {
        size_t count;
        const sk__label_def *labels = sk__vocabulary(p, &count);
        GString *keys = g_string_new(NULL);
        for (size_t i = 0; i < count; i++)
            g_string_append_printf(keys, "%s%s", i ? ", " : "", labels[i].key);
        sk__diagnostics_add(d, "%s: column '%s': empty value (expected %s of: %s)", where,
                            column, sk__principle_multi(p) ? "one or more" : "one", keys->str);
        g_string_free(keys, TRUE);
    } else if (n > 1 && !sk__principle_multi(p)) {
        sk__diagnostics_add(d, "%s: column '%s': one value expected, not %zu ('%s')", where,
                            column, n, value);
    }
    for (size_t i = 0; i < n; i++) {
        char *detail = NULL;
        int label = sk__label_parse(p, values[i], p == SK_THEME ? &detail : NULL);
        if (label < 0) {
            char *near = sk__label_nearest(p, values[i]);
            sk__diagnostics_add(d, "%s: column '%s': unknown value '%s' (did you mean %s?)",
                                where, column, values[i], near);
            g_free(near);
            continue;
        }
        project->labels[p] |= (sk_labelset)1 << label;
        if (detail != NULL) {
            g_free(project->theme_detail);
            project->theme_detail = detail;
        }
    }
    g_strfreev(values);
}

/* Resolve the municipalities and regions of a row into touched (a flag per municipality). */
static void
resolve_places(sk__diagnostics *d, const char *where, const sk_geography *geo,
               const char *column, const char *value, int regions, guint8 *touched,
               GArray *named, const sk_mergers *mergers, GArray *remaps)
{
    char **values = split_values(value);
    for (size_t i = 0; values[i] != NULL; i++) {
        const char *v = values[i];
        int k = regions ? sk__geography_lookup_region(geo, v)
                        : sk__geography_lookup_municipality(geo, v);
        if (k == SK__AMBIGUOUS) {
            sk__geography_report_place(geo, regions, k, where, column, v, d);
            continue;
        }
        if (k < 0 && !regions && mergers != NULL) {
            /* A municipality of another year's boundaries. */
            GArray *hits = g_array_new(FALSE, FALSE, sizeof(size_t));
            char *note = NULL;
            int how = sk__mergers_resolve(mergers, geo, v, hits, &note);
            if (how == SK__MERGER_SPLIT)
                sk__diagnostics_add(d, "%s: column '%s': cannot map '%s': %s", where, column, v,
                                    note);
            if (how == SK__MERGER_MAPPED) {
                GString *names = g_string_new(NULL);
                for (guint h = 0; h < hits->len; h++) {
                    size_t m = g_array_index(hits, size_t, h);
                    touched[m] = 1;
                    g_string_append_printf(names, "%s%s", h ? ";" : "",
                                           sk_geography_municipality_name(geo, m));
                }
                /* where names the source, which may carry a password. */
                remap r = {sk__redact(where), g_strdup(v), g_string_free(names, FALSE), note};
                g_array_append_val(remaps, r);
                note = NULL;
            }
            g_free(note);
            g_array_free(hits, TRUE);
            if (how != SK__MERGER_UNKNOWN)
                continue;
        }
        if (k < 0) {
            sk__geography_report_place(geo, regions, k, where, column, v, d);
            continue;
        }
        if (!regions) {
            touched[k] = 1;
            continue;
        }
        size_t n, r = (size_t)k;
        g_array_append_val(named, r);
        const size_t *members = sk__geography_region_members(geo, (size_t)k, &n);
        for (size_t m = 0; m < n; m++)
            touched[members[m]] = 1;
    }
    g_strfreev(values);
}

static sk_status
find_columns(sk_ctx *ctx, const sk__ogr_data *table, const char *path, columns *c)
{
    /* Report every missing column at once. */
    sk__diagnostics d;
    sk__diagnostics_init(&d);
    const char *names[3 + SK_PRINCIPLE_COUNT] = {"id", "gemeenten", "wmo_regios"};
    int *slots[3 + SK_PRINCIPLE_COUNT] = {&c->id, &c->municipalities, &c->regions};
    for (int p = 0; p < SK_PRINCIPLE_COUNT; p++) {
        names[3 + p] = sk__principle_column((sk_principle)p);
        slots[3 + p] = &c->principle[p];
    }
    int found[G_N_ELEMENTS(names)];
    sk__ogr_columns(table, path, names, G_N_ELEMENTS(names), found, &d);
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        *slots[i] = found[i];
    c->title = sk__ogr_column_optional(table, "titel");
    return sk__diagnostics_finish(&d, ctx);
}

/* What reading the rows shares: the table, its columns, the database being filled. */
typedef struct reader {
    const sk__ogr_data *table;
    const columns *c;
    const sk_projects_options *o;
    sk_projects *p;
    guint8 *touched;          /* per municipality, for the row being read */
    GHashTable *ids;          /* lower-case id -> first row + 1 */
    sk__diagnostics d;
} reader;

/* The row's id: present, and not an earlier row's in any case. */
static void
read_id(reader *r, size_t row, const char *where, sk__project *project)
{
    project->id = g_strdup(sk__ogr_cell(r->table, row, (size_t)r->c->id));
    if (project->id[0] == '\0') {
        sk__diagnostics_add(&r->d, "%s: column 'id': empty value (every project needs a "
                            "unique id)", where);
        return;
    }
    char *key = g_ascii_strdown(project->id, -1);
    /* The value: the first row with this id, plus one. */
    size_t first = GPOINTER_TO_SIZE(g_hash_table_lookup(r->ids, key));
    if (first > 0)
        sk__diagnostics_add(&r->d, "%s: column 'id': duplicate value '%s' (first at %s%s)",
                            where, project->id,
                            (const char *)g_ptr_array_index(r->table->where, first - 1),
                            strcmp(sk__ogr_cell(r->table, first - 1, (size_t)r->c->id),
                                   project->id) == 0
                                ? "" : "; ids are compared ignoring case");
    if (first == 0)
        g_hash_table_insert(r->ids, key, GSIZE_TO_POINTER(row + 1));
    else
        g_free(key);
}

/* The municipalities the row touches (none without a geography: a catalog). */
static void
read_places(reader *r, size_t row, const char *where, sk__project *project)
{
    sk_projects *p = r->p;
    if (p->geo == NULL)
        return;
    size_t nmun = sk_geography_municipality_count(p->geo);
    memset(r->touched, 0, nmun);
    const char *muns = sk__ogr_cell(r->table, row, (size_t)r->c->municipalities);
    const char *regs = sk__ogr_cell(r->table, row, (size_t)r->c->regions);
    resolve_places(&r->d, where, p->geo, "gemeenten", muns, 0, r->touched, p->regions,
                   r->o->mergers, p->remaps);
    project->first_region = p->regions->len;
    resolve_places(&r->d, where, p->geo, "wmo_regios", regs, 1, r->touched, p->regions,
                   r->o->mergers, p->remaps);
    project->region_count = p->regions->len - project->first_region;
    project->first_touch = p->touches->len;
    for (size_t m = 0; m < nmun; m++)
        if (r->touched[m])
            g_array_append_val(p->touches, m);
    project->touch_count = p->touches->len - project->first_touch;
    if (muns[0] == '\0' && regs[0] == '\0')
        sk__diagnostics_add(&r->d, "%s: project '%s' names no municipality: columns "
                            "'gemeenten' and 'wmo_regios' are both empty", where, project->id);
}

static void
read_row(reader *r, size_t row)
{
    const char *where = g_ptr_array_index(r->table->where, row);
    sk__project project = {0};
    read_id(r, row, where, &project);
    project.title = g_strdup(r->c->title >= 0
                                 ? sk__ogr_cell(r->table, row, (size_t)r->c->title) : "");
    project.title_key = sk__normalize(project.title);
    for (int pr = 0; pr < SK_PRINCIPLE_COUNT; pr++)
        parse_labels(&r->d, where, (sk_principle)pr,
                     sk__ogr_cell(r->table, row, (size_t)r->c->principle[pr]), &project);
    read_places(r, row, where, &project);
    g_array_append_val(r->p->items, project);
}

/* geo NULL: a catalog (sk__projects_load_catalog), places not resolved. */
sk_status
sk_projects_load(sk_ctx *ctx, const sk_geography *geo, const sk_projects_options *o,
                 sk_projects **out)
{
    *out = NULL;
    sk__ogr_data table;
    sk__ogr_data_init(&table);
    columns c;
    if (sk__read_table(ctx, o->path, o->layer, "project database", o->cache_dir, &table) != SK_OK || find_columns(ctx, &table, o->path, &c) != SK_OK) {
        sk__ogr_data_clear(&table);
        return sk_ctx_status(ctx);
    }

    sk_projects *p = g_new0(sk_projects, 1);
    p->geo = geo;
    p->source = g_strdup(o->path);
    p->items = g_array_new(FALSE, TRUE, sizeof(sk__project));
    p->touches = g_array_new(FALSE, FALSE, sizeof(size_t));
    p->regions = g_array_new(FALSE, FALSE, sizeof(size_t));
    p->remaps = g_array_new(FALSE, TRUE, sizeof(remap));
    size_t nmun = geo != NULL ? sk_geography_municipality_count(geo) : 0;
    /* Ids in any case: "P0001" and "p0001" would be one project counted twice. */
    reader r = {&table, &c, o, p, g_new0(guint8, nmun + 1),
                g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), {0}};
    sk__diagnostics_init(&r.d);
    for (size_t row = 0; row < table.rows; row++)
        read_row(&r, row);
    if (p->items->len == 0 && r.d.count == 0)
        sk__diagnostics_add(&r.d, "%s: the project database has no rows", o->path);
    g_free(r.touched);
    g_hash_table_destroy(r.ids);
    sk__ogr_data_clear(&table);
    if (sk__diagnostics_finish(&r.d, ctx) != SK_OK) {
        sk_projects_free(p);
        return SK_EINPUT;
    }
    *out = p;
    return SK_OK;
}

sk_status
sk__projects_load_catalog(sk_ctx *ctx, const char *path, const char *layer, sk_projects **out)
{
    sk_projects_options o;
    sk_projects_options_init(&o);
    o.path = path;
    o.layer = layer;
    return sk_projects_load(ctx, NULL, &o, out);
}

size_t
sk_projects_count(const sk_projects *p)
{
    return p->items->len;
}

const char *
sk_projects_id(const sk_projects *p, size_t i)
{
    return g_array_index(p->items, sk__project, i).id;
}

int
sk__projects_find(const sk_projects *p, const char *id)
{
    for (guint i = 0; i < p->items->len; i++)
        if (g_ascii_strcasecmp(g_array_index(p->items, sk__project, i).id, id) == 0)
            return (int)i;
    return -1;
}

char *
sk__projects_nearest_ids(const sk_projects *p, const char *id)
{
    sk__nearest near;
    sk__nearest_init(&near, id);
    for (guint i = 0; i < p->items->len; i++) {
        const char *other = g_array_index(p->items, sk__project, i).id;
        sk__nearest_offer(&near, other, other);
    }
    char *quoted = sk__nearest_quoted(&near);
    sk__nearest_clear(&near);
    return quoted;
}

const char *
sk_projects_title(const sk_projects *p, size_t i)
{
    return g_array_index(p->items, sk__project, i).title;
}

const char *
sk_projects_source(const sk_projects *p)
{
    return p->source;
}

const sk__project *
sk__projects_items(const sk_projects *p, size_t *count)
{
    *count = p->items->len;
    return (const sk__project *)(void *)p->items->data;
}

const size_t *
sk__projects_touches(const sk_projects *p)
{
    return (const size_t *)(void *)p->touches->data;
}

const size_t *
sk__projects_regions(const sk_projects *p)
{
    return (const size_t *)(void *)p->regions->data;
}

const sk_geography *
sk__projects_geography(const sk_projects *p)
{
    return p->geo;
}

size_t
sk_projects_remap_count(const sk_projects *p)
{
    return p->remaps != NULL ? p->remaps->len : 0;
}

void
sk_projects_remap_get(const sk_projects *p, size_t index, sk_remap *out)
{
    const remap *r = &g_array_index(p->remaps, remap, index);
    *out = (sk_remap){r->where, r->value, r->mapped_to, r->note};
}

sk_status
sk_projects_write_remaps_csv(sk_ctx *ctx, const sk_projects *p, const char *path)
{
    GString *s = g_string_new("where,value,mapped_to,note\n");
    for (size_t i = 0; i < sk_projects_remap_count(p); i++) {
        const remap *r = &g_array_index(p->remaps, remap, i);
        const char *cells[] = {r->where, r->value, r->mapped_to, r->note};
        sk__csv_row(s, cells, G_N_ELEMENTS(cells));
    }
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_string_free(s, TRUE);
    return st;
}
