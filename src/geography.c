/* Geography: municipality and region boundaries in the map CRS, read (through the reader
** back-end, ogr.h) or taken from the cache; region membership from a table or from the
** region polygons, or regions dissolved from their members.  The result is flat, read-only
** arrays shared by all pages. */
#include <math.h>
#include <string.h>
#include "geography_internal.h"
#include "internal.h"
#include "ogr.h"
#include "text.h"
#include "topology.h"
#include "cache.h"

/* Rings and their points. */
typedef struct shapes {
    GArray *rings;    /* sk__ring */
    GArray *points;   /* double x, y pairs */
} shapes;

struct sk_geography {
    int epsg;
    double extent[4];
    GArray *municipalities;   /* sk__area */
    GArray *regions;          /* sk__area */
    shapes shapes;            /* all rings: municipalities', then regions' */
    sk__topology topology;    /* simplification importances and the borders as arcs */
    int *ring_owner;          /* per ring: its municipality, or -1 (region rings) */
    GHashTable *municipality_index;  /* normalised code or name -> index + 1, or ambiguous */
    GHashTable *region_index;
    size_t *member_offsets;   /* regions + 1 offsets into members */
    size_t *members;
    char *cache_dir;          /* where it was cached; tables read for it are cached there */
};

static void shapes_clear(shapes *sh);

/* Common ways of writing a municipality name that are not its official 2017 name. */
static const struct { const char *alias, *name; } municipality_aliases[] = {
    {"Den Haag", "'s-Gravenhage"},
    {"The Hague", "'s-Gravenhage"},
    {"Den Bosch", "'s-Hertogenbosch"},
    {"s-Gravenhage", "'s-Gravenhage"},
    {"s-Hertogenbosch", "'s-Hertogenbosch"},
};

void
sk_geography_options_init(sk_geography_options *o)
{
    *o = (sk_geography_options){
        .municipality_code_field = "gm_code",
        .municipality_name_field = "gm_naam",
        .municipality_population_field = "inwoners",
        .municipality_province_field = "pv_naam",
        .region_code_field = "wmo_code",
        .region_name_field = "wmo_naam",
        .membership_municipality_field = "gm_code",
        .membership_region_code_field = "wmo_code",
        .membership_region_name_field = "wmo_naam",
        .epsg = 28992,
    };
}

static void
clear_areas(GArray *areas)
{
    if (areas == NULL)
        return;
    for (guint i = 0; i < areas->len; i++) {
        sk__area *a = &g_array_index(areas, sk__area, i);
        g_free(a->code);
        g_free(a->name);
        g_free(a->province);
    }
    g_array_free(areas, TRUE);
}

void
sk_geography_free(sk_geography *geo)
{
    if (geo == NULL)
        return;
    clear_areas(geo->municipalities);
    clear_areas(geo->regions);
    shapes_clear(&geo->shapes);
    if (geo->municipality_index)
        g_hash_table_destroy(geo->municipality_index);
    if (geo->region_index)
        g_hash_table_destroy(geo->region_index);
    g_free(geo->member_offsets);
    g_free(geo->members);
    g_free(geo->cache_dir);
    sk__topology_clear(&geo->topology);
    g_free(geo->ring_owner);
    g_free(geo);
}

/* ---- rings ---------------------------------------------------------------------------- */

static void
shapes_init(shapes *sh)
{
    sh->rings = g_array_new(FALSE, FALSE, sizeof(sk__ring));
    sh->points = g_array_new(FALSE, FALSE, sizeof(double));
}

static void
shapes_clear(shapes *sh)
{
    if (sh->rings != NULL)
        g_array_free(sh->rings, TRUE);
    if (sh->points != NULL)
        g_array_free(sh->points, TRUE);
    sh->rings = sh->points = NULL;
}

/* Copy the rings, interior point and bbox of row r of d into sh and area. */
static void
take_row_geometry(shapes *sh, const sk__ogr_data *d, size_t r, sk__area *area)
{
    size_t first = g_array_index(d->row_rings, size_t, 2 * r);
    size_t count = g_array_index(d->row_rings, size_t, 2 * r + 1);
    area->first_ring = sh->rings->len;
    area->ring_count = count;
    for (size_t i = first; i < first + count; i++) {
        const sk__ring *src = &g_array_index(d->rings, sk__ring, i);
        sk__ring ring = {sh->points->len / 2, src->count};
        g_array_append_vals(sh->points, &g_array_index(d->points, double, 2 * src->start),
                            2 * (guint)src->count);
        g_array_append_val(sh->rings, ring);
    }
    memcpy(area->interior, &g_array_index(d->row_interior, double, 2 * r),
           sizeof area->interior);
    memcpy(area->bbox, &g_array_index(d->row_bbox, double, 4 * r), sizeof area->bbox);
}

/* ---- name index --------------------------------------------------------------------- */

#define AMBIGUOUS_VALUE GINT_TO_POINTER(-1)

static void
index_name(GHashTable *index, const char *name, size_t i)
{
    if (name == NULL || name[0] == '\0')
        return;
    char *key = sk__normalize(name);
    gpointer old = g_hash_table_lookup(index, key);
    gpointer value = GSIZE_TO_POINTER(i + 1);
    if (old != NULL && old != value)
        value = AMBIGUOUS_VALUE;
    g_hash_table_replace(index, key, value);
}

static int
lookup(GHashTable *index, const char *code_or_name)
{
    if (code_or_name == NULL)
        return -1;
    char *key = sk__normalize(code_or_name);
    gpointer v = g_hash_table_lookup(index, key);
    g_free(key);
    if (v == NULL)
        return -1;
    if (v == AMBIGUOUS_VALUE)
        return SK__AMBIGUOUS;
    return (int)(GPOINTER_TO_SIZE(v) - 1);
}

/* ---- boundaries from the back-end -------------------------------------------------- */

typedef struct layer_fields {
    const char *code, *name, *population, *province;
} layer_fields;

/* Turn the rows of a boundary layer into areas (and their rings into sh). */
static sk_status
take_areas(sk_ctx *ctx, const sk__ogr_data *d, const char *path, const char *what,
           const layer_fields *fields, GArray *areas, shapes *sh)
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
        sk__area area = {0};
        area.code = g_strdup(sk__ogr_cell(d, r, (size_t)code_f));
        area.name = g_strdup(sk__ogr_cell(d, r, (size_t)name_f));
        const char *pop = pop_f >= 0 ? sk__ogr_cell(d, r, (size_t)pop_f) : "";
        char *end;
        long long p = g_ascii_strtoll(pop, &end, 10);
        area.population = pop[0] != '\0' && *end == '\0' ? (long)p : -1;
        area.province = g_strdup(prov_f >= 0 ? sk__ogr_cell(d, r, (size_t)prov_f) : "");
        area.region = -1;
        take_row_geometry(sh, d, r, &area);
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

/* ---- membership --------------------------------------------------------------------- */

/* Apply the membership table: the region of each municipality.  When geo has no regions yet
** they are created from the table, in order of first appearance. */
static sk_status
take_membership(sk_ctx *ctx, sk_geography *geo, const sk_geography_options *o,
                const sk__ogr_data *d)
{
    sk__diagnostics diags;
    sk__diagnostics_init(&diags);
    int mun_f = sk__ogr_column(d, o->membership, o->membership_municipality_field, &diags);
    int code_f = sk__ogr_column(d, o->membership, o->membership_region_code_field, &diags);
    int name_f = sk__ogr_column_optional(d, o->membership_region_name_field);
    if (diags.count > 0)
        return sk__diagnostics_finish(&diags, ctx);
    int create = geo->regions->len == 0;
    for (size_t row = 0; row < d->rows; row++) {
        const char *where = g_ptr_array_index(d->where, row);
        const char *mun = sk__ogr_cell(d, row, (size_t)mun_f);
        const char *region_code = sk__ogr_cell(d, row, (size_t)code_f);
        int m = lookup(geo->municipality_index, mun);
        int r = lookup(geo->region_index, region_code);
        if (m < 0) {
            sk__diagnostics_add(&diags, "%s: column '%s': unknown municipality '%s' (did you "
                                "mean '%s'?)", where, o->membership_municipality_field, mun,
                                sk__geography_suggest_municipality(geo, mun));
        } else if (region_code[0] == '\0') {
            /* A municipality outside every region is allowed. */
        } else if (r < 0 && create) {
            sk__area area = {0};
            area.code = g_strdup(region_code);
            area.name = g_strdup(name_f >= 0 ? sk__ogr_cell(d, row, (size_t)name_f)
                                             : region_code);
            area.population = -1;
            area.region = -1;
            g_array_append_val(geo->regions, area);
            r = (int)geo->regions->len - 1;
            index_name(geo->region_index, area.code, (size_t)r);
            index_name(geo->region_index, area.name, (size_t)r);
        } else if (r < 0) {
            sk__diagnostics_add(&diags, "%s: column '%s': unknown region '%s' (did you mean "
                                "'%s'?)", where, o->membership_region_code_field, region_code,
                                sk__geography_suggest_region(geo, region_code));
        }
        if (m >= 0 && r >= 0)
            g_array_index(geo->municipalities, sk__area, m).region = r;
    }
    return sk__diagnostics_finish(&diags, ctx);
}

/* Regions from membership: the union of their members' polygons.  Borders shared with
** municipalities then coincide exactly. */
static sk_status
dissolve_regions(sk_ctx *ctx, sk_geography *geo, const sk__ogr_backend *be,
                 const sk__ogr_data *municipalities)
{
    size_t nreg = geo->regions->len, nmun = geo->municipalities->len;
    size_t *offsets = g_new0(size_t, nreg + 1), *members = g_new(size_t, nmun + 1);
    for (size_t m = 0; m < nmun; m++) {
        int r = g_array_index(geo->municipalities, sk__area, m).region;
        if (r >= 0)
            offsets[r + 1]++;
    }
    for (size_t r = 0; r < nreg; r++)
        offsets[r + 1] += offsets[r];
    size_t *fill = g_memdup2(offsets, (nreg + 1) * sizeof *offsets);
    for (size_t m = 0; m < nmun; m++) {
        int r = g_array_index(geo->municipalities, sk__area, m).region;
        if (r >= 0)
            members[fill[r]++] = m;   /* rows of the layer are the municipalities, in order */
    }
    sk__ogr_data merged;
    sk__ogr_data_init(&merged);
    be->dissolve(municipalities, members, offsets, nreg, &merged);
    sk_status st = sk__ogr_report(ctx, &merged);
    for (size_t r = 0; r < nreg && st == SK_OK; r++)
        take_row_geometry(&geo->shapes, &merged, r, &g_array_index(geo->regions, sk__area, r));
    sk__ogr_data_clear(&merged);
    g_free(fill);
    g_free(members);
    g_free(offsets);
    return st;
}

static void
build_members(sk_geography *geo)
{
    size_t nr = geo->regions->len, nm = geo->municipalities->len;
    geo->member_offsets = g_new0(size_t, nr + 1);
    geo->members = g_new(size_t, nm > 0 ? nm : 1);
    for (size_t m = 0; m < nm; m++) {
        int r = g_array_index(geo->municipalities, sk__area, m).region;
        if (r >= 0)
            geo->member_offsets[r + 1]++;
    }
    for (size_t r = 0; r < nr; r++)
        geo->member_offsets[r + 1] += geo->member_offsets[r];
    size_t *fill = g_new(size_t, nr + 1);
    memcpy(fill, geo->member_offsets, (nr + 1) * sizeof *fill);
    for (size_t m = 0; m < nm; m++) {
        int r = g_array_index(geo->municipalities, sk__area, m).region;
        if (r >= 0)
            geo->members[fill[r]++] = m;
    }
    g_free(fill);
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

static sk_geography *
geography_new(int epsg)
{
    sk_geography *geo = g_new0(sk_geography, 1);
    geo->epsg = epsg > 0 ? epsg : 28992;
    geo->municipalities = g_array_new(FALSE, TRUE, sizeof(sk__area));
    geo->regions = g_array_new(FALSE, TRUE, sizeof(sk__area));
    shapes_init(&geo->shapes);
    geo->municipality_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    geo->region_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return geo;
}

/* Index municipalities (with the aliases) and regions by normalised code and name. */
static void
index_areas(sk_geography *geo)
{
    for (guint i = 0; i < geo->municipalities->len; i++) {
        sk__area *a = &g_array_index(geo->municipalities, sk__area, i);
        index_name(geo->municipality_index, a->code, i);
        index_name(geo->municipality_index, a->name, i);
    }
    for (size_t k = 0; k < G_N_ELEMENTS(municipality_aliases); k++) {
        int target = lookup(geo->municipality_index, municipality_aliases[k].name);
        if (target >= 0 && lookup(geo->municipality_index, municipality_aliases[k].alias) == -1)
            index_name(geo->municipality_index, municipality_aliases[k].alias, (size_t)target);
    }
    for (guint i = 0; i < geo->regions->len; i++) {
        sk__area *a = &g_array_index(geo->regions, sk__area, i);
        index_name(geo->region_index, a->code, i);
        index_name(geo->region_index, a->name, i);
    }
}

/* What is derived from the stored data: region members and the extent. */
static void
finish_geography(sk_geography *geo)
{
    build_members(geo);
    geo->ring_owner = g_new(int, geo->shapes.rings->len + 1);
    for (guint r = 0; r < geo->shapes.rings->len; r++)
        geo->ring_owner[r] = -1;
    for (guint i = 0; i < geo->municipalities->len; i++) {
        const sk__area *a = &g_array_index(geo->municipalities, sk__area, i);
        for (size_t r = a->first_ring; r < a->first_ring + a->ring_count; r++)
            geo->ring_owner[r] = (int)i;
    }
    for (guint i = 0; i < geo->regions->len; i++) {
        const sk__area *a = &g_array_index(geo->regions, sk__area, i);
        for (size_t r = a->first_ring; r < a->first_ring + a->ring_count; r++)
            geo->ring_owner[r] = -2 - (int)i;
    }
    geo->extent[0] = geo->extent[1] = INFINITY;
    geo->extent[2] = geo->extent[3] = -INFINITY;
    for (guint i = 0; i < geo->municipalities->len; i++) {
        const sk__area *a = &g_array_index(geo->municipalities, sk__area, i);
        geo->extent[0] = fmin(geo->extent[0], a->bbox[0]);
        geo->extent[1] = fmin(geo->extent[1], a->bbox[1]);
        geo->extent[2] = fmax(geo->extent[2], a->bbox[2]);
        geo->extent[3] = fmax(geo->extent[3], a->bbox[3]);
    }
}

/* Read the sources, derive membership (or dissolve regions) and prepare simplification. */
static sk_status
load_sources(sk_ctx *ctx, const sk_geography_options *o, sk_geography *geo)
{
    const sk__ogr_backend *be = sk__ogr_backend_get(ctx);
    if (be == NULL)
        return sk_ctx_status(ctx);
    /* The region layer loads on a second core while this thread reads the municipalities. */
    region_job job = {be, o, geo->epsg, {0}};
    sk__ogr_data_init(&job.data);
    GThread *thread = o->regions != NULL ? g_thread_new("sk-regions", read_regions, &job)
                                         : NULL;
    sk__ogr_data mun;
    sk__ogr_data_init(&mun);
    be->read_polygons(o->municipalities, o->municipality_layer, "municipality layer",
                      geo->epsg, o->municipality_code_field, &mun);
    if (thread != NULL)
        g_thread_join(thread);

    layer_fields mf = {o->municipality_code_field, o->municipality_name_field,
                       o->municipality_population_field, o->municipality_province_field};
    layer_fields rf = {o->region_code_field, o->region_name_field, NULL, NULL};
    sk_status st = sk__ogr_report(ctx, &mun);
    if (st == SK_OK)
        st = take_areas(ctx, &mun, o->municipalities, "municipality layer", &mf,
                        geo->municipalities, &geo->shapes);
    if (st == SK_OK && o->regions != NULL)
        st = sk__ogr_report(ctx, &job.data);
    if (st == SK_OK && o->regions != NULL)
        st = take_areas(ctx, &job.data, o->regions, "region layer", &rf, geo->regions,
                        &geo->shapes);
    if (st != SK_OK)
        goto out;
    index_areas(geo);
    if (o->membership != NULL) {
        sk__ogr_data table;
        sk__ogr_data_init(&table);
        be->read_table(o->membership, NULL, "membership table", &table);
        st = sk__ogr_report(ctx, &table);
        if (st == SK_OK)
            st = take_membership(ctx, geo, o, &table);
        sk__ogr_data_clear(&table);
        if (st == SK_OK && o->regions == NULL)
            st = dissolve_regions(ctx, geo, be, &mun);
        if (st != SK_OK)
            goto out;
    } else {
        /* A municipality belongs to the region that contains its interior point. */
        size_t n = geo->municipalities->len;
        double *points = g_new(double, 2 * n + 1);
        int *rows = g_new(int, n + 1);
        for (size_t m = 0; m < n; m++)
            memcpy(points + 2 * m, g_array_index(geo->municipalities, sk__area, m).interior,
                   2 * sizeof(double));
        be->locate(&job.data, points, n, rows);
        for (size_t m = 0; m < n; m++)
            g_array_index(geo->municipalities, sk__area, m).region = rows[m];
        g_free(points);
        g_free(rows);
    }
    /* Municipality rings come first, region rings after them. */
    size_t ring_split = 0;
    for (guint i = 0; i < geo->municipalities->len; i++) {
        const sk__area *a = &g_array_index(geo->municipalities, sk__area, i);
        ring_split = MAX(ring_split, a->first_ring + a->ring_count);
    }
    sk__topology_build(sk__geography_points(geo), geo->shapes.points->len / 2,
                       sk__geography_rings(geo), geo->shapes.rings->len, ring_split,
                       &geo->topology);
out:
    sk__ogr_data_clear(&mun);
    sk__ogr_data_clear(&job.data);
    return st;
}

/* ---- cache -------------------------------------------------------------------------- */

static void
put_areas(GByteArray *b, const GArray *areas)
{
    sk__blob_put_u64(b, areas->len);
    for (guint i = 0; i < areas->len; i++) {
        const sk__area *a = &g_array_index(areas, sk__area, i);
        sk__blob_put_str(b, a->code);
        sk__blob_put_str(b, a->name);
        sk__blob_put_str(b, a->province != NULL ? a->province : "");
        sk__blob_put_u64(b, (uint64_t)(int64_t)a->population);
        sk__blob_put_u64(b, (uint64_t)(int64_t)a->region);
        sk__blob_put_f64s(b, a->interior, 2);
        sk__blob_put_f64s(b, a->bbox, 4);
        sk__blob_put_u64(b, a->first_ring);
        sk__blob_put_u64(b, a->ring_count);
    }
}

static GByteArray *
serialize(const sk_geography *geo, const GPtrArray *warnings)
{
    GByteArray *b = g_byte_array_new();
    sk__blob_put_u64(b, (uint64_t)geo->epsg);
    sk__blob_put_u64(b, warnings->len);
    for (guint i = 0; i < warnings->len; i++)
        sk__blob_put_str(b, g_ptr_array_index(warnings, i));
    put_areas(b, geo->municipalities);
    put_areas(b, geo->regions);
    const GArray *rings = geo->shapes.rings;
    sk__blob_put_u64(b, rings->len);
    for (guint i = 0; i < rings->len; i++) {
        sk__blob_put_u64(b, g_array_index(rings, sk__ring, i).start);
        sk__blob_put_u64(b, g_array_index(rings, sk__ring, i).count);
    }
    size_t npoints = geo->shapes.points->len / 2;
    sk__blob_put_u64(b, npoints);
    sk__blob_put_f64s(b, sk__geography_points(geo), 2 * npoints);
    sk__blob_put_f64s(b, geo->topology.importance, npoints);
    sk__blob_put_u64(b, geo->topology.arc_count);
    sk__blob_put_u64(b, geo->topology.first_split_arc);
    for (size_t i = 0; i < geo->topology.arc_count; i++) {
        sk__blob_put_u64(b, geo->topology.arcs[i].ring);
        sk__blob_put_u64(b, geo->topology.arcs[i].offset);
        sk__blob_put_u64(b, geo->topology.arcs[i].count);
        sk__blob_put_u64(b, geo->topology.arcs[i].twin);
    }
    return b;
}

static void
get_areas(sk__blob *b, GArray *areas)
{
    size_t n = sk__blob_count(b, (size_t)(b->end - b->p) / 16);
    for (size_t i = 0; i < n && !b->failed; i++) {
        sk__area a = {0};
        a.code = sk__blob_str(b);
        a.name = sk__blob_str(b);
        a.province = sk__blob_str(b);
        a.population = (long)(int64_t)sk__blob_u64(b);
        a.region = (int)(int64_t)sk__blob_u64(b);
        sk__blob_f64s(b, a.interior, 2);
        sk__blob_f64s(b, a.bbox, 4);
        a.first_ring = (size_t)sk__blob_u64(b);
        a.ring_count = (size_t)sk__blob_u64(b);
        g_array_append_val(areas, a);
    }
}

/* Rebuild a geography from a cache payload; NULL when the payload does not hold together
** (every index is checked, so a damaged entry cannot make us read out of bounds). */
static sk_geography *
deserialize(GBytes *payload, GPtrArray *warnings)
{
    gsize len;
    const guint8 *data = g_bytes_get_data(payload, &len);
    sk__blob b = {data, data + len, 0};
    sk_geography *geo = geography_new((int)sk__blob_u64(&b));
    size_t nw = sk__blob_count(&b, len);
    for (size_t i = 0; i < nw && !b.failed; i++)
        g_ptr_array_add(warnings, sk__blob_str(&b));
    get_areas(&b, geo->municipalities);
    get_areas(&b, geo->regions);
    size_t nrings = sk__blob_count(&b, len / 16);
    for (size_t i = 0; i < nrings && !b.failed; i++) {
        sk__ring r;
        r.start = (size_t)sk__blob_u64(&b);
        r.count = (size_t)sk__blob_u64(&b);
        g_array_append_val(geo->shapes.rings, r);
    }
    size_t npoints = sk__blob_count(&b, len / 24);
    if (!b.failed) {
        g_array_set_size(geo->shapes.points, 2 * (guint)npoints);
        sk__blob_f64s(&b, (double *)(void *)geo->shapes.points->data, 2 * npoints);
        geo->topology.importance = g_new(double, npoints > 0 ? npoints : 1);
        sk__blob_f64s(&b, geo->topology.importance, npoints);
    }
    geo->topology.arc_count = sk__blob_count(&b, len / 32);
    geo->topology.first_split_arc = sk__blob_count(&b, geo->topology.arc_count);
    geo->topology.arcs = g_new(sk__arc, geo->topology.arc_count + 1);
    for (size_t i = 0; i < geo->topology.arc_count && !b.failed; i++) {
        sk__arc *a = &geo->topology.arcs[i];
        a->ring = (size_t)sk__blob_u64(&b);
        a->offset = (size_t)sk__blob_u64(&b);
        a->count = (size_t)sk__blob_u64(&b);
        a->twin = (size_t)sk__blob_u64(&b);
        if ((a->twin != SIZE_MAX && a->twin >= nrings) || a->ring >= nrings || a->offset >= g_array_index(geo->shapes.rings, sk__ring,
                                                            a->ring).count ||
            a->count > g_array_index(geo->shapes.rings, sk__ring, a->ring).count)
            b.failed = 1;
    }
    /* Everything must point inside what was read. */
    for (size_t i = 0; i < nrings && !b.failed; i++) {
        const sk__ring *r = &g_array_index(geo->shapes.rings, sk__ring, i);
        if (r->count < 2 || r->start > npoints || r->count > npoints - r->start)
            b.failed = 1;
    }
    GArray *groups[2] = {geo->municipalities, geo->regions};
    for (int g = 0; g < 2 && !b.failed; g++) {
        for (guint i = 0; i < groups[g]->len && !b.failed; i++) {
            const sk__area *a = &g_array_index(groups[g], sk__area, i);
            if (a->first_ring > nrings || a->ring_count > nrings - a->first_ring ||
                (g == 0 && (a->region < -1 || a->region >= (int)geo->regions->len)))
                b.failed = 1;
        }
    }
    if (b.failed || b.p != b.end || geo->municipalities->len == 0) {
        sk_geography_free(geo);
        return NULL;
    }
    return geo;
}

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

static int
cache_key(const sk_geography_options *o, sk__cache_key *key)
{
    char epsg[16];
    g_snprintf(epsg, sizeof epsg, "%d", o->epsg);
    const char *sources[] = {o->municipalities, o->regions, o->membership};
    const char *params[] = {o->municipality_layer, o->municipality_code_field,
                            o->municipality_name_field, o->municipality_population_field,
                            o->municipality_province_field, o->region_layer,
                            o->region_code_field, o->region_name_field,
                            o->membership_municipality_field, o->membership_region_code_field,
                            o->membership_region_name_field, epsg};
    return sk__cache_make_key("geography", sources, G_N_ELEMENTS(sources), params,
                         G_N_ELEMENTS(params), key);
}

sk_status
sk_geography_load(sk_ctx *ctx, const sk_geography_options *o, sk_geography **out)
{
    *out = NULL;
    if (o->regions == NULL && o->membership == NULL)
        return sk__error(ctx, SK_EUSAGE, "no region layer and no membership table: give one "
                         "of them to draw Wmo-region borders");
    sk__cache_key key;
    int cacheable = o->cache_dir != NULL && cache_key(o, &key);
    GPtrArray *warnings = g_ptr_array_new_with_free_func(g_free);
    sk_geography *geo = NULL;
    sk_status st = SK_OK;

    GBytes *payload = cacheable ? sk__cache_read(o->cache_dir, &key) : NULL;
    if (payload != NULL) {
        geo = deserialize(payload, warnings);
        g_bytes_unref(payload);
        if (geo != NULL) {
            /* The warnings of the first load still apply: the inputs are the same. */
            for (guint i = 0; i < warnings->len; i++)
                sk__warn(ctx, "%s", (const char *)g_ptr_array_index(warnings, i));
            index_areas(geo);
        }
    }
    if (geo == NULL) {
        g_ptr_array_set_size(warnings, 0);
        warning_recorder rec = {NULL, NULL, warnings};
        sk__ctx_warning_handler(ctx, &rec.forward, &rec.forward_data);
        sk_ctx_set_warning_handler(ctx, record_warning, &rec);
        geo = geography_new(o->epsg);
        st = load_sources(ctx, o, geo);
        sk_ctx_set_warning_handler(ctx, rec.forward, rec.forward_data);
        if (st != SK_OK) {
            sk_geography_free(geo);
            geo = NULL;
        } else if (cacheable) {
            GByteArray *blob = serialize(geo, warnings);
            sk__cache_write(o->cache_dir, &key, blob);
            g_byte_array_unref(blob);
        }
    }
    g_ptr_array_free(warnings, TRUE);
    if (geo == NULL)
        return sk_ctx_status(ctx) != SK_OK ? sk_ctx_status(ctx) : st;
    finish_geography(geo);
    geo->cache_dir = g_strdup(o->cache_dir);
    *out = geo;
    return SK_OK;
}

/* ---- accessors ---------------------------------------------------------------------- */

#define MUN(geo, i) (&g_array_index((geo)->municipalities, sk__area, (i)))
#define REG(geo, i) (&g_array_index((geo)->regions, sk__area, (i)))

size_t sk_geography_municipality_count(const sk_geography *geo)
{ return geo->municipalities->len; }
const char *sk_geography_municipality_code(const sk_geography *geo, size_t i)
{ return MUN(geo, i)->code; }
const char *sk_geography_municipality_name(const sk_geography *geo, size_t i)
{ return MUN(geo, i)->name; }
const char *sk_geography_municipality_province(const sk_geography *geo, size_t i)
{ return MUN(geo, i)->province != NULL ? MUN(geo, i)->province : ""; }
long sk_geography_municipality_population(const sk_geography *geo, size_t i)
{ return MUN(geo, i)->population; }
int sk_geography_municipality_region(const sk_geography *geo, size_t i)
{ return MUN(geo, i)->region; }
size_t sk_geography_region_count(const sk_geography *geo)
{ return geo->regions->len; }
const char *sk_geography_region_code(const sk_geography *geo, size_t i)
{ return REG(geo, i)->code; }
const char *sk_geography_region_name(const sk_geography *geo, size_t i)
{ return REG(geo, i)->name; }
int sk_geography_epsg(const sk_geography *geo)
{ return geo->epsg; }

void
sk_geography_municipality_interior_point(const sk_geography *geo, size_t i, double *x,
                                         double *y)
{
    *x = MUN(geo, i)->interior[0];
    *y = MUN(geo, i)->interior[1];
}

void
sk_geography_extent(const sk_geography *geo, double extent[4])
{
    memcpy(extent, geo->extent, sizeof geo->extent);
}

int
sk__geography_lookup_municipality(const sk_geography *geo, const char *code_or_name)
{
    return lookup(geo->municipality_index, code_or_name);
}

int
sk__geography_lookup_region(const sk_geography *geo, const char *code_or_name)
{
    return lookup(geo->region_index, code_or_name);
}

int
sk_geography_find_municipality(const sk_geography *geo, const char *code_or_name)
{
    int i = lookup(geo->municipality_index, code_or_name);
    return i >= 0 ? i : -1;
}

int
sk_geography_find_region(const sk_geography *geo, const char *code_or_name)
{
    int i = lookup(geo->region_index, code_or_name);
    return i >= 0 ? i : -1;
}

static const char *
suggest(GArray *areas, const char *value)
{
    char *norm = sk__normalize(value);
    sk__suggestion s;
    sk__suggestion_init(&s, norm);
    for (guint i = 0; i < areas->len; i++) {
        const sk__area *a = &g_array_index(areas, sk__area, i);
        char *n = sk__normalize(a->name);
        sk__suggestion_offer(&s, a->name, n);
        g_free(n);
    }
    g_free(norm);
    return s.best != NULL ? s.best : "";
}

const char *
sk__geography_suggest_municipality(const sk_geography *geo, const char *value)
{
    return suggest(geo->municipalities, value);
}

const char *
sk__geography_suggest_region(const sk_geography *geo, const char *value)
{
    return suggest(geo->regions, value);
}

const size_t *
sk__geography_region_members(const sk_geography *geo, size_t r, size_t *count)
{
    *count = geo->member_offsets[r + 1] - geo->member_offsets[r];
    return geo->members + geo->member_offsets[r];
}

const sk__area *
sk__geography_municipalities(const sk_geography *geo, size_t *count)
{
    *count = geo->municipalities->len;
    return (const sk__area *)(void *)geo->municipalities->data;
}

const sk__area *
sk__geography_regions(const sk_geography *geo, size_t *count)
{
    *count = geo->regions->len;
    return (const sk__area *)(void *)geo->regions->data;
}

const sk__ring *
sk__geography_rings(const sk_geography *geo)
{
    return (const sk__ring *)(void *)geo->shapes.rings->data;
}

size_t
sk__geography_ring_count(const sk_geography *geo)
{
    return geo->shapes.rings->len;
}

const double *
sk__geography_points(const sk_geography *geo)
{
    return (const double *)(void *)geo->shapes.points->data;
}

const int *
sk__geography_ring_owners(const sk_geography *geo)
{
    return geo->ring_owner;
}

const double *
sk__geography_importance(const sk_geography *geo)
{
    return geo->topology.importance;
}

const sk__arc *
sk__geography_arcs(const sk_geography *geo, int regions, size_t *count)
{
    const sk__topology *t = &geo->topology;
    *count = regions ? t->arc_count - t->first_split_arc : t->first_split_arc;
    return regions ? t->arcs + t->first_split_arc : t->arcs;
}

sk_status
sk_geography_select(sk_ctx *ctx, const sk_geography *geo, const char *what, const char *list,
                    unsigned char *mask)
{
    int regions = strcmp(what, "regions") == 0, provinces = strcmp(what, "province") == 0;
    if (!regions && !provinces && strcmp(what, "municipalities") != 0)
        return sk__error(ctx, SK_EUSAGE, "cannot select by '%s' (expected regions, "
                         "municipalities or province)", what);
    char **names = g_strsplit_set(list, ",;", -1);
    sk__diagnostics diags;
    sk__diagnostics_init(&diags);
    size_t nmun = geo->municipalities->len, named = 0;
    for (size_t i = 0; names[i] != NULL; i++) {
        const char *name = g_strstrip(names[i]);
        if (*name == '\0')
            continue;
        named++;
        if (regions) {
            int r = sk_geography_find_region(geo, name);
            if (r < 0) {
                sk__diagnostics_add(&diags, "unknown region '%s' (did you mean '%s'?)", name,
                                    sk__geography_suggest_region(geo, name));
                continue;
            }
            size_t n;
            const size_t *members = sk__geography_region_members(geo, (size_t)r, &n);
            for (size_t k = 0; k < n; k++)
                mask[members[k]] = 1;
        } else if (provinces) {
            /* Provinces are matched like other names: case and accents do not matter. */
            char *want = sk__normalize(name);
            sk__suggestion s;
            sk__suggestion_init(&s, want);
            size_t hits = 0;
            for (size_t m = 0; m < nmun; m++) {
                const char *p = sk_geography_municipality_province(geo, m);
                char *have = sk__normalize(p);
                if (strcmp(have, want) == 0) {
                    mask[m] = 1;
                    hits++;
                } else if (*p) {
                    sk__suggestion_offer(&s, p, have);
                }
                g_free(have);
            }
            if (hits == 0)
                sk__diagnostics_add(&diags, "unknown province '%s' (did you mean '%s'?)", name,
                                    s.best != NULL ? s.best : "(the layer has no provinces)");
            g_free(want);
        } else {
            int m = sk_geography_find_municipality(geo, name);
            if (m < 0)
                sk__diagnostics_add(&diags, "unknown municipality '%s' (did you mean '%s'?)",
                                    name, sk__geography_suggest_municipality(geo, name));
            else
                mask[m] = 1;
        }
    }
    g_strfreev(names);
    if (diags.count == 0 && named == 0)
        sk__diagnostics_add(&diags, "no %s named to select", what);
    return sk__diagnostics_finish(&diags, ctx);
}

const char *
sk__geography_cache_dir(const sk_geography *geo)
{
    return geo->cache_dir;
}
