/* The project database: read through OGR, validate every value against the vocabulary and the
** geography, and resolve each project to the municipalities it touches. */
#include <string.h>
#include "geography_internal.h"
#include "internal.h"
#include "projects_internal.h"
#include "source.h"
#include "text.h"
#include "vocabulary.h"

struct sk_projects {
    const sk_geography *geo;
    char *source;
    GArray *items;      /* sk__project */
    GArray *touches;    /* size_t municipality indices */
};

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
            g_free(it->theme_detail);
        }
        g_array_free(p->items, TRUE);
    }
    if (p->touches != NULL)
        g_array_free(p->touches, TRUE);
    g_free(p->source);
    g_free(p);
}

/* Column indices of the contract's columns in the source. */
typedef struct columns {
    int id, municipalities, regions;
    int principle[SK_PRINCIPLE_COUNT];
} columns;

/* Split a ';'-separated cell into trimmed, non-empty values.  Free with g_strfreev. */
static char **
split_values(const char *cell)
{
    char **parts = g_strsplit(cell, ";", -1);
    size_t n = 0;
    for (size_t i = 0; parts[i] != NULL; i++) {
        g_strstrip(parts[i]);
        if (parts[i][0] != '\0')
            parts[n++] = parts[i];
        else
            g_free(parts[i]);
    }
    parts[n] = NULL;
    return parts;
}

/* A row with every cell empty: spreadsheets leave these behind; they are not projects. */
static int
row_is_empty(OGRFeatureH f)
{
    int n = OGR_F_GetFieldCount(f);
    for (int i = 0; i < n; i++) {
        if (!OGR_F_IsFieldSetAndNotNull(f, i))
            continue;
        char *v = g_strdup(OGR_F_GetFieldAsString(f, i));
        int empty = g_strstrip(v)[0] == '\0';
        g_free(v);
        if (!empty)
            return 0;
    }
    return 1;
}

static const char *
cell(OGRFeatureH f, int field)
{
    return OGR_F_IsFieldSetAndNotNull(f, field) ? OGR_F_GetFieldAsString(f, field) : "";
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
            sk__diagnostics_add(d, "%s: column '%s': unknown value '%s' (did you mean '%s'?)",
                                where, column, values[i], sk__label_suggest(p, values[i]));
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
               const char *column, const char *value, int regions, guint8 *touched)
{
    char **values = split_values(value);
    for (size_t i = 0; values[i] != NULL; i++) {
        const char *v = values[i];
        int k = regions ? sk__geography_lookup_region(geo, v)
                        : sk__geography_lookup_municipality(geo, v);
        if (k == SK__AMBIGUOUS) {
            sk__diagnostics_add(d, "%s: column '%s': ambiguous value '%s' (more than one %s "
                                "has this name; use the code)", where, column, v,
                                regions ? "region" : "municipality");
            continue;
        }
        if (k < 0) {
            sk__diagnostics_add(d, "%s: column '%s': unknown value '%s' (did you mean '%s'?)",
                                where, column, v,
                                regions ? sk__geography_suggest_region(geo, v)
                                        : sk__geography_suggest_municipality(geo, v));
            continue;
        }
        if (!regions) {
            touched[k] = 1;
            continue;
        }
        size_t n;
        const size_t *members = sk__geography_region_members(geo, (size_t)k, &n);
        for (size_t m = 0; m < n; m++)
            touched[members[m]] = 1;
    }
    g_strfreev(values);
}

static sk_status
find_columns(sk_ctx *ctx, const sk__source *src, columns *c)
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
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        *slots[i] = sk__source_field(src, names[i], &d);
    return sk__diagnostics_finish(&d, ctx);
}

sk_status
sk_projects_load(sk_ctx *ctx, const sk_geography *geo, const sk_projects_options *o,
                 sk_projects **out)
{
    *out = NULL;
    sk__gdal_begin();
    sk__source src;
    if (sk__source_open(ctx, o->path, o->layer, "project database", &src) != SK_OK) {
        sk__gdal_end();
        return SK_EINPUT;
    }
    columns c;
    if (find_columns(ctx, &src, &c) != SK_OK) {
        sk__source_close(&src);
        sk__gdal_end();
        return SK_EINPUT;
    }

    sk_projects *p = g_new0(sk_projects, 1);
    p->geo = geo;
    p->source = g_strdup(o->path);
    p->items = g_array_new(FALSE, TRUE, sizeof(sk__project));
    p->touches = g_array_new(FALSE, FALSE, sizeof(size_t));
    size_t nmun = sk_geography_municipality_count(geo);
    guint8 *touched = g_new0(guint8, nmun);
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    sk__diagnostics d;
    sk__diagnostics_init(&d);

    OGRFeatureH f;
    OGR_L_ResetReading(src.layer);
    while ((f = OGR_L_GetNextFeature(src.layer)) != NULL) {
        if (row_is_empty(f)) {
            OGR_F_Destroy(f);
            continue;
        }
        char *where = sk__source_where(&src, f);
        sk__project project = {0};
        project.id = g_strstrip(g_strdup(cell(f, c.id)));
        if (project.id[0] == '\0') {
            sk__diagnostics_add(&d, "%s: column 'id': empty value (every project needs a "
                                "unique id)", where);
        } else {
            const char *first = g_hash_table_lookup(ids, project.id);
            if (first != NULL)
                sk__diagnostics_add(&d, "%s: column 'id': duplicate value '%s' (first at %s)",
                                    where, project.id, first);
            else
                g_hash_table_insert(ids, g_strdup(project.id), g_strdup(where));
        }
        for (int pr = 0; pr < SK_PRINCIPLE_COUNT; pr++)
            parse_labels(&d, where, (sk_principle)pr, cell(f, c.principle[pr]), &project);

        memset(touched, 0, nmun);
        const char *muns = cell(f, c.municipalities), *regs = cell(f, c.regions);
        resolve_places(&d, where, geo, "gemeenten", muns, 0, touched);
        resolve_places(&d, where, geo, "wmo_regios", regs, 1, touched);
        project.first_touch = p->touches->len;
        for (size_t m = 0; m < nmun; m++)
            if (touched[m])
                g_array_append_val(p->touches, m);
        project.touch_count = p->touches->len - project.first_touch;
        char *m_trim = g_strstrip(g_strdup(muns)), *r_trim = g_strstrip(g_strdup(regs));
        if (m_trim[0] == '\0' && r_trim[0] == '\0')
            sk__diagnostics_add(&d, "%s: project '%s' names no municipality: columns "
                                "'gemeenten' and 'wmo_regios' are both empty", where,
                                project.id);
        g_free(m_trim);
        g_free(r_trim);
        g_array_append_val(p->items, project);
        g_free(where);
        OGR_F_Destroy(f);
    }
    if (p->items->len == 0 && d.count == 0)
        sk__diagnostics_add(&d, "%s: the project database has no rows", o->path);
    g_free(touched);
    g_hash_table_destroy(ids);
    sk__source_close(&src);
    sk__gdal_end();
    if (sk__diagnostics_finish(&d, ctx) != SK_OK) {
        sk_projects_free(p);
        return SK_EINPUT;
    }
    *out = p;
    return SK_OK;
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

const sk_geography *
sk__projects_geography(const sk_projects *p)
{
    return p->geo;
}
