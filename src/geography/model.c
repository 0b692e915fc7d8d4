/* Geography: municipality and region boundaries in the map CRS, read (through the reader
** back-end, ogr.h) or taken from the cache; region membership from a table or from the
** region polygons, or regions dissolved from their members.  The result is flat, read-only
** arrays shared by all pages.  This file: the struct's life and its accessors (model.h
** lists the others). */
#include <math.h>
#include <string.h>
#include "model.h"
#include "../internal.h"

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

sk_geography *
sk__geo_new(int epsg)
{
    sk_geography *geo = g_new0(sk_geography, 1);
    geo->epsg = epsg > 0 ? epsg : 28992;
    geo->municipalities = g_array_new(FALSE, TRUE, sizeof(sk__area));
    geo->regions = g_array_new(FALSE, TRUE, sizeof(sk__area));
    geo->shapes.rings = g_array_new(FALSE, FALSE, sizeof(sk__ring));
    geo->shapes.points = g_array_new(FALSE, FALSE, sizeof(double));
    geo->municipality_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    geo->region_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return geo;
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
    if (geo->shapes.rings != NULL)
        g_array_free(geo->shapes.rings, TRUE);
    if (geo->shapes.points != NULL)
        g_array_free(geo->shapes.points, TRUE);
    if (geo->municipality_index)
        g_hash_table_destroy(geo->municipality_index);
    if (geo->region_index)
        g_hash_table_destroy(geo->region_index);
    g_free(geo->member_offsets);
    g_free(geo->members);
    g_free(geo->cache_dir);
    for (size_t i = 0; i < G_N_ELEMENTS(geo->sources); i++)
        g_free(geo->sources[i]);
    sk__topology_clear(&geo->topology);
    g_free(geo->ring_owner);
    g_free(geo);
}

void
sk__geo_take_row_geometry(sk__shapes *sh, const sk__ogr_data *d, size_t r, sk__area *area)
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

/* ---- derived data ------------------------------------------------------------------- */

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

void
sk__geo_finish(sk_geography *geo)
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

const char *
sk__geography_cache_dir(const sk_geography *geo)
{
    return geo->cache_dir;
}

const char *
sk__geography_cache_id(const sk_geography *geo)
{
    return geo->cache_dir != NULL && geo->cache_id[0] != '\0' ? geo->cache_id : NULL;
}

void
sk__geography_note_sources(sk_ctx *ctx, const sk_geography *geo)
{
    for (size_t i = 0; i < G_N_ELEMENTS(geo->sources); i++)
        sk__ctx_note_input(ctx, geo->sources[i]);
}
