/* Loading: the boundary layers read through the reader back-end (the region layer on a
** second thread), checked against the database contract, given their membership and
** prepared for simplification; or all of that taken from the cache. */
#include <string.h>
#include "../internal.h"
#include "model.h"

typedef struct layer_fields {
    const char *code, *name, *population, *province;
} layer_fields;

/* The area of row r of a boundary layer (its rings go into sh). */
static sk__area
take_area(const sk__ogr_data *d, size_t r, int code_f, int name_f, int pop_f, int prov_f,
          sk__shapes *sh)
{
    sk__area area = {0};
    area.code = g_strdup(sk__ogr_cell(d, r, (size_t)code_f));
    area.name = g_strdup(sk__ogr_cell(d, r, (size_t)name_f));
    const char *pop = pop_f >= 0 ? sk__ogr_cell(d, r, (size_t)pop_f) : "";
    char *end;
    long long p = g_ascii_strtoll(pop, &end, 10);
    area.population = pop[0] != '\0' && *end == '\0' ? (long)p : -1;
    area.province = g_strdup(prov_f >= 0 ? sk__ogr_cell(d, r, (size_t)prov_f) : "");
    area.region = -1;
    sk__geo_take_row_geometry(sh, d, r, &area);
    return area;
}

/* Turn the rows of a boundary layer into areas (and their rings into sh). */
static sk_status
take_areas(sk_ctx *ctx, const sk__ogr_data *d, const char *path, const char *what,
           const layer_fields *fields, GArray *areas, sk__shapes *sh)
{
    sk__diagnostics diags;
    sk__diagnostics_init(&diags);
    int code_f = sk__ogr_column(d, path, fields->code, &diags);
    int name_f = sk__ogr_column(d, path, fields->name, &diags);
    int pop_f = fields->population ? sk__ogr_column_optional(d, fields->population) : -1;
    int prov_f = fields->province ? sk__ogr_column_optional(d, fields->province) : -1;
    if (diags.count > 0)
        return sk__diagnostics_finish(&diags, ctx);
    for (size_t r = 0; r < d->rows; r++) {
        sk__area area = take_area(d, r, code_f, name_f, pop_f, prov_f, sh);
        if (area.code[0] == '\0')
            sk__diagnostics_add(&diags, "%s: %s has an empty '%s'",
                                (const char *)g_ptr_array_index(d->where, r), what,
                                fields->code);
        g_array_append_val(areas, area);
    }
    /* Codes identify areas: a duplicate would make joins ambiguous. */
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < areas->len; i++) {
        sk__area *a = &g_array_index(areas, sk__area, i);
        if (a->code[0] != '\0' && !g_hash_table_add(seen, a->code))
            sk__diagnostics_add(&diags, "%s: %s code '%s' occurs more than once", path, what,
                                a->code);
    }
    g_hash_table_destroy(seen);
    return sk__diagnostics_finish(&diags, ctx);
}

/* Reading the region layer on its own thread. */
typedef struct region_job {
    const sk__ogr_backend *backend;
    const sk_geography_options *options;
    int epsg;
    sk__ogr_data data;
} region_job;

static gpointer
read_regions(gpointer data)
{
    region_job *job = data;
    const sk_geography_options *o = job->options;
    job->backend->read_polygons(o->regions, o->region_layer, "region layer", job->epsg,
                                o->region_code_field, &job->data);
    return NULL;
}

/* The region layer's warnings and errors after the municipality layer's, so that both
** layers' problems are told in one run when the municipality layer is refused. */
static void
add_problems(sk__ogr_data *into, const sk__ogr_data *from)
{
    for (guint i = 0; i < from->warnings->len; i++)
        g_ptr_array_add(into->warnings, g_strdup(g_ptr_array_index(from->warnings, i)));
    if (from->error_count > 0)
        g_string_append_printf(into->errors, "%s%s", into->error_count > 0 ? "\n" : "",
                               from->errors->str);
    into->error_count += from->error_count;
}

/* Read both boundary layers into mun and job->data (the region layer, if any, on a second
** core while this thread reads the municipalities), then take their areas into geo. */
static sk_status
read_layers(sk_ctx *ctx, const sk_geography_options *o, sk_geography *geo, region_job *job,
            sk__ogr_data *mun)
{
    GThread *thread = NULL;
    if (o->regions != NULL &&
        sk__thread_start(ctx, "sk-regions", read_regions, job, &thread) != SK_OK)
        return sk_ctx_status(ctx);
    job->backend->read_polygons(o->municipalities, o->municipality_layer,
                                "municipality layer", geo->epsg, o->municipality_code_field,
                                mun);
    if (thread != NULL)
        g_thread_join(thread);
    if (mun->error_count > 0 && o->regions != NULL)
        add_problems(mun, &job->data);

    layer_fields mf = {o->municipality_code_field, o->municipality_name_field,
                       o->municipality_population_field, o->municipality_province_field};
    layer_fields rf = {o->region_code_field, o->region_name_field, NULL, NULL};
    sk_status st = sk__ogr_report(ctx, mun);
    if (st == SK_OK)
        st = take_areas(ctx, mun, o->municipalities, "municipality layer", &mf,
                        geo->municipalities, &geo->shapes);
    if (st == SK_OK && o->regions != NULL)
        st = sk__ogr_report(ctx, &job->data);
    if (st == SK_OK && o->regions != NULL)
        st = take_areas(ctx, &job->data, o->regions, "region layer", &rf, geo->regions,
                        &geo->shapes);
    return st;
}

/* Read the sources, derive membership (or dissolve regions) and prepare simplification. */
static sk_status
load_sources(sk_ctx *ctx, const sk_geography_options *o, sk_geography *geo)
{
    const sk__ogr_backend *be = sk__ogr_backend_get(ctx);
    if (be == NULL)
        return sk_ctx_status(ctx);
    region_job job = {be, o, geo->epsg, {0}};
    sk__ogr_data_init(&job.data);
    sk__ogr_data mun;
    sk__ogr_data_init(&mun);
    sk_status st = read_layers(ctx, o, geo, &job, &mun);
    if (st == SK_OK) {
        sk__geo_index_areas(geo);
        st = sk__geo_assign_regions(ctx, geo, o, be, &mun, &job.data);
    }
    if (st == SK_OK) {
        /* Municipality rings come first, region rings after them. */
        size_t ring_split = 0;
        for (guint i = 0; i < geo->municipalities->len; i++) {
            const sk__area *a = &g_array_index(geo->municipalities, sk__area, i);
            ring_split = MAX(ring_split, a->first_ring + a->ring_count);
        }
        st = sk__topology_build(ctx, sk__geography_points(geo), geo->shapes.points->len / 2,
                                sk__geography_rings(geo), geo->shapes.rings->len, ring_split,
                                &geo->topology);
    }
    sk__ogr_data_clear(&mun);
    sk__ogr_data_clear(&job.data);
    return st;
}

/* ---- the cache ---------------------------------------------------------------------- */

/* While loading from the sources, warnings are kept for the cache entry (and passed on). */
typedef struct warning_recorder {
    sk_warning_fn forward;
    void *forward_data;
    GPtrArray *warnings;
} warning_recorder;

static void
record_warning(void *user_data, const char *message)
{
    warning_recorder *r = user_data;
    g_ptr_array_add(r->warnings, g_strdup(message));
    if (r->forward != NULL)
        r->forward(r->forward_data, message);
}

/* The geography of the cache entry for key, or NULL when there is none (or it is bad). */
static sk_geography *
load_cached(sk_ctx *ctx, const char *cache_dir, const sk__cache_key *key)
{
    GBytes *payload = sk__cache_read(ctx, cache_dir, key);
    if (payload == NULL)
        return NULL;
    GPtrArray *warnings = g_ptr_array_new_with_free_func(g_free);
    sk_geography *geo = sk__geo_deserialize(payload, warnings);
    g_bytes_unref(payload);
    if (geo != NULL) {
        /* The warnings of the first load still apply: the inputs are the same. */
        for (guint i = 0; i < warnings->len; i++)
            sk__warn(ctx, "%s", (const char *)g_ptr_array_index(warnings, i));
        sk__geo_index_areas(geo);
    }
    g_ptr_array_free(warnings, TRUE);
    return geo;
}

/* Load from the sources, and store the result for key when key is not NULL. */
static sk_status
load_fresh(sk_ctx *ctx, const sk_geography_options *o, const sk__cache_key *key,
           sk_geography **out)
{
    GPtrArray *warnings = g_ptr_array_new_with_free_func(g_free);
    warning_recorder rec = {NULL, NULL, warnings};
    sk__ctx_warning_handler(ctx, &rec.forward, &rec.forward_data);
    sk_ctx_set_warning_handler(ctx, record_warning, &rec);
    sk_geography *geo = sk__geo_new(o->epsg);
    sk__cache_reading reading;
    sk__cache_reading_start(&reading, ctx);
    sk_status st = load_sources(ctx, o, geo);
    sk_ctx_set_warning_handler(ctx, rec.forward, rec.forward_data);
    if (st != SK_OK) {
        sk_geography_free(geo);
        geo = NULL;
    } else if (key != NULL) {
        GByteArray *blob = sk__geo_serialize(geo, warnings);
        sk__cache_write(o->cache_dir, key, &reading, blob);
        g_byte_array_unref(blob);
    }
    sk__cache_reading_end(&reading);
    g_ptr_array_free(warnings, TRUE);
    *out = geo;
    return st;
}

sk_status
sk_geography_load(sk_ctx *ctx, const sk_geography_options *o, sk_geography **out)
{
    *out = NULL;
    if (o->regions == NULL && o->membership == NULL)
        return sk__error(ctx, SK_EUSAGE, "no region layer and no membership table: give one "
                         "of them to draw Wmo-region borders");
    /* No output of the run may replace what it read. */
    sk__ctx_note_input(ctx, o->municipalities);
    sk__ctx_note_input(ctx, o->regions);
    sk__ctx_note_input(ctx, o->membership);
    sk__cache_key key;
    int cacheable = o->cache_dir != NULL && sk__geo_cache_key(o, &key);
    sk_geography *geo = cacheable ? load_cached(ctx, o->cache_dir, &key) : NULL;
    sk_status st = SK_OK;
    if (geo == NULL)
        st = load_fresh(ctx, o, cacheable ? &key : NULL, &geo);
    if (geo == NULL)
        return sk_ctx_status(ctx) != SK_OK ? sk_ctx_status(ctx) : st;
    sk__geo_finish(geo);
    geo->cache_dir = g_strdup(o->cache_dir);
    if (cacheable) {
        g_strlcpy(geo->cache_id, key.hex, sizeof geo->cache_id);
        geo->sources[0] = g_strdup(o->municipalities);
        geo->sources[1] = g_strdup(o->regions);
        geo->sources[2] = g_strdup(o->membership);
    }
    *out = geo;
    return SK_OK;
}
