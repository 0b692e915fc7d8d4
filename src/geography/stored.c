/* The geography as a cache payload (cache.h): everything loading computed, so that a later
** load of unchanged inputs needs neither GDAL nor the files.  Reading checks every count and
** index, so a damaged entry is rejected instead of read out of bounds. */
#include <stdint.h>
#include "model.h"

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

GByteArray *
sk__geo_serialize(const sk_geography *geo, const GPtrArray *warnings)
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

static void
get_arcs(sk__blob *b, size_t len, sk__topology *t, const GArray *rings)
{
    size_t nrings = rings->len;
    t->arc_count = sk__blob_count(b, len / 32);
    t->first_split_arc = sk__blob_count(b, t->arc_count);
    t->arcs = g_new(sk__arc, t->arc_count + 1);
    for (size_t i = 0; i < t->arc_count && !b->failed; i++) {
        sk__arc *a = &t->arcs[i];
        a->ring = (size_t)sk__blob_u64(b);
        a->offset = (size_t)sk__blob_u64(b);
        a->count = (size_t)sk__blob_u64(b);
        a->twin = (size_t)sk__blob_u64(b);
        if ((a->twin != SIZE_MAX && a->twin >= nrings) || a->ring >= nrings ||
            a->offset >= g_array_index(rings, sk__ring, a->ring).count ||
            a->count > g_array_index(rings, sk__ring, a->ring).count)
            b->failed = 1;
    }
}

/* Everything must point inside what was read. */
static int
holds_together(const sk_geography *geo, size_t npoints)
{
    size_t nrings = geo->shapes.rings->len;
    for (size_t i = 0; i < nrings; i++) {
        const sk__ring *r = &g_array_index(geo->shapes.rings, sk__ring, i);
        if (r->count < 2 || r->start > npoints || r->count > npoints - r->start)
            return 0;
    }
    GArray *groups[2] = {geo->municipalities, geo->regions};
    for (int g = 0; g < 2; g++) {
        for (guint i = 0; i < groups[g]->len; i++) {
            const sk__area *a = &g_array_index(groups[g], sk__area, i);
            if (a->first_ring > nrings || a->ring_count > nrings - a->first_ring ||
                (g == 0 && (a->region < -1 || a->region >= (int)geo->regions->len)))
                return 0;
        }
    }
    return 1;
}

sk_geography *
sk__geo_deserialize(GBytes *payload, GPtrArray *warnings)
{
    gsize len;
    const guint8 *data = g_bytes_get_data(payload, &len);
    sk__blob b = {data, data + len, 0};
    sk_geography *geo = sk__geo_new((int)sk__blob_u64(&b));
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
    get_arcs(&b, len, &geo->topology, geo->shapes.rings);
    if (b.failed || b.p != b.end || geo->municipalities->len == 0 ||
        !holds_together(geo, npoints)) {
        sk_geography_free(geo);
        return NULL;
    }
    return geo;
}

int
sk__geo_cache_key(const sk_geography_options *o, sk__cache_key *key)
{
    char epsg[16];
    g_snprintf(epsg, sizeof epsg, "%d", o->epsg);
    const char *sources[] = {o->municipalities, o->regions, o->membership};
    const char *params[] = {o->municipality_layer, o->municipality_code_field,
                            o->municipality_name_field, o->municipality_population_field,
                            o->municipality_province_field, o->region_layer,
                            o->region_code_field, o->region_name_field,
                            o->membership_municipality_field, o->membership_region_code_field,
                            o->membership_region_name_field, epsg, o->membership_layer};
    return sk__cache_make_key("geography", sources, G_N_ELEMENTS(sources), params,
                              G_N_ELEMENTS(params), key);
}
