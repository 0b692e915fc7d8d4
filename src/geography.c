/* Geography: load municipality and region boundaries through OGR, reproject them to the map
** CRS, repair invalid ones, derive region membership and (without a region layer) dissolve
** regions from their members.  The result is flat, read-only arrays shared by all pages. */
#include <math.h>
#include <string.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include "geography_internal.h"
#include "internal.h"
#include "source.h"
#include "text.h"
#include "topology.h"
#include "cache.h"


/* Rings and their points as they are read; one per layer so layers can load in parallel. */
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
    GHashTable *municipality_index;  /* normalised code or name -> index + 1, or ambiguous */
    GHashTable *region_index;
    size_t *member_offsets;   /* regions + 1 offsets into members */
    size_t *members;
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
    sk__topology_clear(&geo->topology);
    g_free(geo);
}

/* ---- geometry intake ---------------------------------------------------------------- */



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

/* Move the rings of src behind those of dst; areas referring to src's rings are renumbered. */
static void
shapes_append(shapes *dst, shapes *src, GArray *areas)
{
    size_t ring_offset = dst->rings->len, point_offset = dst->points->len / 2;
    for (guint i = 0; i < src->rings->len; i++) {
        sk__ring r = g_array_index(src->rings, sk__ring, i);
        r.start += point_offset;
        g_array_append_val(dst->rings, r);
    }
    g_array_append_vals(dst->points, src->points->data, src->points->len);
    for (guint i = 0; i < areas->len; i++)
        g_array_index(areas, sk__area, i).first_ring += ring_offset;
    shapes_clear(src);
}

static void
append_ring(shapes *sh, OGRGeometryH ring, sk__area *area)
{
    int n = OGR_G_GetPointCount(ring);
    if (n < 4)
        return;
    sk__ring r = {sh->points->len / 2, (size_t)n};
    g_array_set_size(sh->points, sh->points->len + 2 * (guint)n);
    double *xy = &g_array_index(sh->points, double, 2 * r.start);
    OGR_G_GetPoints(ring, xy, 2 * sizeof(double), xy + 1, 2 * sizeof(double), NULL, 0);
    g_array_append_val(sh->rings, r);
    area->ring_count++;
}

/* Append every polygon ring of g (polygon, multipolygon, or the polygons in a collection). */
static void
append_polygons(shapes *sh, OGRGeometryH g, sk__area *area)
{
    OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
    if (t == wkbPolygon) {
        for (int i = 0; i < OGR_G_GetGeometryCount(g); i++)
            append_ring(sh, OGR_G_GetGeometryRef(g, i), area);
    } else if (t == wkbMultiPolygon || t == wkbGeometryCollection) {
        for (int i = 0; i < OGR_G_GetGeometryCount(g); i++)
            append_polygons(sh, OGR_G_GetGeometryRef(g, i), area);
    }
}

/* Whether g is (or, for collections, contains) an areal geometry. */
static int
is_areal(OGRGeometryH g)
{
    OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
    if (t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon ||
        t == wkbMultiSurface)
        return 1;
    if (t == wkbGeometryCollection)
        for (int i = 0; i < OGR_G_GetGeometryCount(g); i++)
            if (is_areal(OGR_G_GetGeometryRef(g, i)))
                return 1;
    return 0;
}

/* Store g (already in the map CRS and valid) as area's rings, bbox and interior point. */
static void
store_area_geometry(shapes *sh, OGRGeometryH g, sk__area *area)
{
    area->first_ring = sh->rings->len;
    area->ring_count = 0;
    append_polygons(sh, g, area);
    OGREnvelope env;
    OGR_G_GetEnvelope(g, &env);
    area->bbox[0] = env.MinX;
    area->bbox[1] = env.MinY;
    area->bbox[2] = env.MaxX;
    area->bbox[3] = env.MaxY;
    OGRGeometryH p = OGR_G_PointOnSurface(g);
    if (p != NULL) {
        area->interior[0] = OGR_G_GetX(p, 0);
        area->interior[1] = OGR_G_GetY(p, 0);
        OGR_G_DestroyGeometry(p);
    } else {
        area->interior[0] = (env.MinX + env.MaxX) / 2;
        area->interior[1] = (env.MinY + env.MaxY) / 2;
    }
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

/* ---- layer reading ------------------------------------------------------------------ */

typedef struct layer_fields {
    const char *code, *name, *population;
} layer_fields;

/* Read every feature of a boundary layer into areas (and, when keep is not NULL, keep the
** map-CRS geometries for dissolving and point-in-polygon tests). */
static sk_status
read_boundaries(sk_ctx *ctx, int epsg, const char *path, const char *layer_name,
                const char *what, const layer_fields *fields, GArray *areas, GPtrArray *keep,
                shapes *sh)
{
    sk__source src;
    if (sk__source_open(ctx, path, layer_name, what, &src) != SK_OK)
        return SK_EINPUT;
    sk_status status = SK_OK;
    OGRCoordinateTransformationH ct = NULL;
    OGRSpatialReferenceH target = NULL;

    sk__diagnostics missing;
    sk__diagnostics_init(&missing);
    int code_f = sk__source_field(&src, fields->code, &missing);
    int name_f = sk__source_field(&src, fields->name, &missing);
    if ((status = sk__diagnostics_finish(&missing, ctx)) != SK_OK)
        goto out;
    int pop_f = fields->population ? sk__source_field_optional(&src, fields->population) : -1;

    OGRwkbGeometryType layer_type = wkbFlatten(OGR_L_GetGeomType(src.layer));
    if (layer_type != wkbUnknown && layer_type != wkbPolygon && layer_type != wkbMultiPolygon &&
        layer_type != wkbCurvePolygon && layer_type != wkbMultiSurface) {
        status = sk__error(ctx, SK_EINPUT,
                           "%s: %s has %s geometries; municipalities and regions must be "
                           "polygons", path, what, OGRGeometryTypeToName(layer_type));
        goto out;
    }

    target = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(target, epsg);
    OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(src.layer);
    if (srs == NULL) {
        sk__warn(ctx, "%s: no coordinate reference system (.prj missing?); assuming EPSG:%d",
                 path, epsg);
    } else if (!OSRIsSame(srs, target)) {
        OGRSpatialReferenceH s = OSRClone(srs);
        OSRSetAxisMappingStrategy(s, OAMS_TRADITIONAL_GIS_ORDER);
        ct = OCTNewCoordinateTransformation(s, target);
        OSRDestroySpatialReference(s);
        if (ct == NULL) {
            status = sk__gdal_error(ctx, SK_EINPUT, path);
            goto out;
        }
    }

    sk__diagnostics diags;
    sk__diagnostics_init(&diags);
    OGR_L_ResetReading(src.layer);
    OGRFeatureH f;
    while ((f = OGR_L_GetNextFeature(src.layer)) != NULL) {
        char *where = sk__source_where(&src, f);
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        const char *code = OGR_F_GetFieldAsString(f, code_f);
        if (g == NULL || OGR_G_IsEmpty(g)) {
            sk__diagnostics_add(&diags, "%s: %s '%s' has no geometry", where, what, code);
            goto next;
        }
        if (!is_areal(g)) {
            sk__diagnostics_add(&diags, "%s: %s '%s' is a %s, not a polygon", where, what, code,
                                OGR_G_GetGeometryName(g));
            goto next;
        }
        g = OGR_G_GetLinearGeometry(g, 0, NULL);
        OGR_G_FlattenTo2D(g);
        if (!OGR_G_IsValid(g)) {
            OGRGeometryH fixed = OGR_G_MakeValid(g);
            if (fixed == NULL) {
                sk__diagnostics_add(&diags, "%s: %s '%s' has an invalid geometry that cannot "
                                    "be repaired", where, what, code);
                OGR_G_DestroyGeometry(g);
                goto next;
            }
            sk__warn(ctx, "%s: %s '%s': invalid geometry repaired", where, what, code);
            OGR_G_DestroyGeometry(g);
            g = fixed;
        }
        if (ct != NULL && OGR_G_Transform(g, ct) != OGRERR_NONE) {
            sk__diagnostics_add(&diags, "%s: %s '%s' cannot be reprojected to EPSG:%d", where,
                                what, code, epsg);
            OGR_G_DestroyGeometry(g);
            goto next;
        }
        sk__area area = {0};
        area.code = g_strstrip(g_strdup(code));
        area.name = g_strstrip(g_strdup(OGR_F_GetFieldAsString(f, name_f)));
        area.population = pop_f >= 0 && OGR_F_IsFieldSetAndNotNull(f, pop_f)
                              ? (long)OGR_F_GetFieldAsInteger64(f, pop_f)
                              : -1;
        area.region = -1;
        store_area_geometry(sh, g, &area);
        if (area.code[0] == '\0')
            sk__diagnostics_add(&diags, "%s: %s has an empty '%s'", where, what, fields->code);
        g_array_append_val(areas, area);
        if (keep != NULL)
            g_ptr_array_add(keep, g);
        else
            OGR_G_DestroyGeometry(g);
    next:
        g_free(where);
        OGR_F_Destroy(f);
    }
    if (areas->len == 0 && diags.count == 0)
        sk__diagnostics_add(&diags, "%s: %s is empty (no features)", path, what);

    /* Codes identify areas: a duplicate would make joins ambiguous. */
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < areas->len; i++) {
        sk__area *a = &g_array_index(areas, sk__area, i);
        if (a->code[0] != '\0' && !g_hash_table_add(seen, a->code))
            sk__diagnostics_add(&diags, "%s: %s code '%s' occurs more than once", path, what,
                                a->code);
    }
    g_hash_table_destroy(seen);
    status = sk__diagnostics_finish(&diags, ctx);

out:
    if (ct != NULL)
        OCTDestroyCoordinateTransformation(ct);
    if (target != NULL)
        OSRDestroySpatialReference(target);
    sk__source_close(&src);
    return status;
}

/* ---- membership --------------------------------------------------------------------- */

/* Read the membership table: region of each municipality.  When geo has no regions yet they
** are created from the table, in order of first appearance sorted by code. */
static sk_status
read_membership(sk_ctx *ctx, sk_geography *geo, const sk_geography_options *o)
{
    sk__source src;
    if (sk__source_open(ctx, o->membership, NULL, "membership table", &src) != SK_OK)
        return SK_EINPUT;
    sk__diagnostics missing;
    sk__diagnostics_init(&missing);
    int mun_f = sk__source_field(&src, o->membership_municipality_field, &missing);
    int code_f = sk__source_field(&src, o->membership_region_code_field, &missing);
    int name_f = sk__source_field_optional(&src, o->membership_region_name_field);
    if (sk__diagnostics_finish(&missing, ctx) != SK_OK) {
        sk__source_close(&src);
        return SK_EINPUT;
    }
    int create = geo->regions->len == 0;
    sk__diagnostics diags;
    sk__diagnostics_init(&diags);
    OGRFeatureH f;
    OGR_L_ResetReading(src.layer);
    while ((f = OGR_L_GetNextFeature(src.layer)) != NULL) {
        char *where = sk__source_where(&src, f);
        const char *mun = OGR_F_GetFieldAsString(f, mun_f);
        char *region_code = g_strstrip(g_strdup(OGR_F_GetFieldAsString(f, code_f)));
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
            area.name = g_strstrip(g_strdup(name_f >= 0 ? OGR_F_GetFieldAsString(f, name_f)
                                                        : region_code));
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
        g_free(region_code);
        g_free(where);
        OGR_F_Destroy(f);
    }
    sk__source_close(&src);
    return sk__diagnostics_finish(&diags, ctx);
}

/* Without a membership table: a municipality belongs to the region containing its interior
** point. */
static void
derive_membership(sk_geography *geo, GPtrArray *region_geoms)
{
    for (guint m = 0; m < geo->municipalities->len; m++) {
        sk__area *a = &g_array_index(geo->municipalities, sk__area, m);
        OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(pt, 0, a->interior[0], a->interior[1]);
        for (guint r = 0; r < geo->regions->len; r++) {
            const sk__area *reg = &g_array_index(geo->regions, sk__area, r);
            if (a->interior[0] < reg->bbox[0] || a->interior[0] > reg->bbox[2] ||
                a->interior[1] < reg->bbox[1] || a->interior[1] > reg->bbox[3])
                continue;
            if (OGR_G_Contains(g_ptr_array_index(region_geoms, r), pt)) {
                a->region = (int)r;
                break;
            }
        }
        OGR_G_DestroyGeometry(pt);
    }
}

/* Regions from membership: the union of their members' polygons.  Borders shared with
** municipalities then coincide exactly. */
static sk_status
dissolve_regions(sk_ctx *ctx, sk_geography *geo, GPtrArray *municipality_geoms)
{
    for (guint r = 0; r < geo->regions->len; r++) {
        OGRGeometryH parts = OGR_G_CreateGeometry(wkbMultiPolygon);
        for (guint m = 0; m < geo->municipalities->len; m++) {
            if (g_array_index(geo->municipalities, sk__area, m).region != (int)r)
                continue;
            OGRGeometryH g = g_ptr_array_index(municipality_geoms, m);
            if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPolygon) {
                OGR_G_AddGeometry(parts, g);
            } else {
                for (int i = 0; i < OGR_G_GetGeometryCount(g); i++) {
                    OGRGeometryH sub = OGR_G_GetGeometryRef(g, i);
                    if (wkbFlatten(OGR_G_GetGeometryType(sub)) == wkbPolygon)
                        OGR_G_AddGeometry(parts, sub);
                }
            }
        }
        OGRGeometryH merged = OGR_G_UnionCascaded(parts);
        OGR_G_DestroyGeometry(parts);
        sk__area *reg = &g_array_index(geo->regions, sk__area, r);
        if (merged == NULL)
            return sk__gdal_error(ctx, SK_ERUNTIME, reg->code);
        store_area_geometry(&geo->shapes, merged, reg);
        OGR_G_DestroyGeometry(merged);
    }
    return SK_OK;
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

/* Reading the region layer on its own thread, with its own context and rings. */
typedef struct region_job {
    int epsg;
    const sk_geography_options *options;
    GArray *regions;
    GPtrArray *keep;
    shapes shapes;
    sk_ctx *ctx;
    GPtrArray *warnings;    /* replayed on the caller's context, in order */
    sk_status status;
} region_job;

static void
collect_warning(void *user_data, const char *message)
{
    g_ptr_array_add(user_data, g_strdup(message));
}

static gpointer
read_regions(gpointer data)
{
    region_job *job = data;
    const sk_geography_options *o = job->options;
    layer_fields rf = {o->region_code_field, o->region_name_field, NULL};
    sk__gdal_begin();
    job->status = read_boundaries(job->ctx, job->epsg, o->regions, o->region_layer,
                                  "region layer", &rf, job->regions, job->keep, &job->shapes);
    sk__gdal_end();
    return NULL;
}

static void
destroy_geometry(gpointer g)
{
    OGR_G_DestroyGeometry(g);
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
    GPtrArray *mun_geoms = g_ptr_array_new_with_free_func(destroy_geometry);
    GPtrArray *reg_geoms = g_ptr_array_new_with_free_func(destroy_geometry);

    /* The region layer loads on a second core while this thread reads the municipalities. */
    region_job job = {.epsg = geo->epsg, .options = o, .regions = geo->regions,
                      .keep = o->membership == NULL ? reg_geoms : NULL};
    GThread *thread = NULL;
    if (o->regions != NULL) {
        job.ctx = sk_ctx_new();
        job.warnings = g_ptr_array_new_with_free_func(g_free);
        sk_ctx_set_warning_handler(job.ctx, collect_warning, job.warnings);
        shapes_init(&job.shapes);
        thread = g_thread_new("sk-regions", read_regions, &job);
    }
    layer_fields mf = {o->municipality_code_field, o->municipality_name_field,
                       o->municipality_population_field};
    sk_status st = read_boundaries(ctx, geo->epsg, o->municipalities, o->municipality_layer,
                                   "municipality layer", &mf, geo->municipalities,
                                   o->regions == NULL ? mun_geoms : NULL, &geo->shapes);
    if (thread != NULL) {
        g_thread_join(thread);
        for (guint i = 0; i < job.warnings->len; i++)
            sk__warn(ctx, "%s", (const char *)g_ptr_array_index(job.warnings, i));
        if (st == SK_OK && job.status != SK_OK)
            st = sk__error(ctx, job.status, "%s", sk_ctx_errmsg(job.ctx));
        shapes_append(&geo->shapes, &job.shapes, geo->regions);
        g_ptr_array_free(job.warnings, TRUE);
        sk_ctx_free(job.ctx);
    }
    if (st != SK_OK)
        goto out;
    index_areas(geo);
    if (o->membership != NULL) {
        st = read_membership(ctx, geo, o);
        if (st == SK_OK && o->regions == NULL)
            st = dissolve_regions(ctx, geo, mun_geoms);
        if (st != SK_OK)
            goto out;
    } else {
        derive_membership(geo, reg_geoms);
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
    g_ptr_array_free(mun_geoms, TRUE);
    g_ptr_array_free(reg_geoms, TRUE);
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
    geo->topology.arc_count = sk__blob_count(&b, len / 24);
    geo->topology.first_split_arc = sk__blob_count(&b, geo->topology.arc_count);
    geo->topology.arcs = g_new(sk__arc, geo->topology.arc_count + 1);
    for (size_t i = 0; i < geo->topology.arc_count && !b.failed; i++) {
        sk__arc *a = &geo->topology.arcs[i];
        a->ring = (size_t)sk__blob_u64(&b);
        a->offset = (size_t)sk__blob_u64(&b);
        a->count = (size_t)sk__blob_u64(&b);
        if (a->ring >= nrings || a->offset >= g_array_index(geo->shapes.rings, sk__ring,
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
                            o->region_layer, o->region_code_field, o->region_name_field,
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
    sk__gdal_begin();
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
    sk__gdal_end();
    if (geo == NULL)
        return sk_ctx_status(ctx) != SK_OK ? sk_ctx_status(ctx) : st;
    finish_geography(geo);
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
