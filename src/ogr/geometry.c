/* Geometry operations of the reader back-end (geometry.h). */
#include <math.h>
#include <stdlib.h>
#include <cpl_error.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include "geometry.h"

static void
append_ring(sk__ogr_data *out, OGRGeometryH ring, int outer, size_t *count)
{
    int n = OGR_G_GetPointCount(ring);
    if (n < 4)
        return;
    sk__ring r = {out->points->len / 2, (size_t)n};
    g_array_set_size(out->points, out->points->len + 2 * (guint)n);
    double *xy = &g_array_index(out->points, double, 2 * r.start);
    OGR_G_GetPoints(ring, xy, 2 * sizeof(double), xy + 1, 2 * sizeof(double), NULL, 0);
    g_array_append_val(out->rings, r);
    guint8 o = (guint8)outer;
    g_array_append_val(out->ring_outer, o);
    (*count)++;
}

/* Every ring of the polygons in g (a polygon, multipolygon or collection). */
static void
append_polygons(sk__ogr_data *out, OGRGeometryH g, size_t *count)
{
    OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
    if (t == wkbPolygon) {
        for (int i = 0; i < OGR_G_GetGeometryCount(g); i++)
            append_ring(out, OGR_G_GetGeometryRef(g, i), i == 0, count);
    } else if (t == wkbMultiPolygon || t == wkbGeometryCollection) {
        for (int i = 0; i < OGR_G_GetGeometryCount(g); i++)
            append_polygons(out, OGR_G_GetGeometryRef(g, i), count);
    }
}

/* One row's geometry: rings, interior point, bbox. */
void
sk__ogr_store_row_geometry(sk__ogr_data *out, OGRGeometryH g)
{
    size_t first = out->rings->len, count = 0;
    append_polygons(out, g, &count);
    g_array_append_val(out->row_rings, first);
    g_array_append_val(out->row_rings, count);
    OGREnvelope env;
    OGR_G_GetEnvelope(g, &env);
    double bbox[4] = {env.MinX, env.MinY, env.MaxX, env.MaxY};
    g_array_append_vals(out->row_bbox, bbox, 4);
    double p[2] = {(env.MinX + env.MaxX) / 2, (env.MinY + env.MaxY) / 2};
    OGRGeometryH pt = OGR_G_PointOnSurface(g);
    if (pt != NULL) {
        p[0] = OGR_G_GetX(pt, 0);
        p[1] = OGR_G_GetY(pt, 0);
        OGR_G_DestroyGeometry(pt);
    }
    g_array_append_vals(out->row_interior, p, 2);
}

/* Row r of d as an OGR multipolygon: each outer ring starts a polygon, holes follow it. */
static OGRGeometryH
row_geometry(const sk__ogr_data *d, size_t r)
{
    size_t first = g_array_index(d->row_rings, size_t, 2 * r);
    size_t count = g_array_index(d->row_rings, size_t, 2 * r + 1);
    OGRGeometryH multi = OGR_G_CreateGeometry(wkbMultiPolygon), poly = NULL;
    for (size_t i = first; i < first + count; i++) {
        const sk__ring *ring = &g_array_index(d->rings, sk__ring, i);
        if (g_array_index(d->ring_outer, guint8, i) || poly == NULL) {
            if (poly != NULL)
                OGR_G_AddGeometryDirectly(multi, poly);
            poly = OGR_G_CreateGeometry(wkbPolygon);
        }
        OGRGeometryH lr = OGR_G_CreateGeometry(wkbLinearRing);
        const double *xy = &g_array_index(d->points, double, 2 * ring->start);
        OGR_G_SetPoints(lr, (int)ring->count, xy, 2 * sizeof(double), xy + 1,
                        2 * sizeof(double), NULL, 0);
        OGR_G_AddGeometryDirectly(poly, lr);
    }
    if (poly != NULL)
        OGR_G_AddGeometryDirectly(multi, poly);
    return multi;
}

void
sk__ogr_dissolve(const sk__ogr_data *in, const size_t *members, const size_t *offsets,
                 size_t groups, sk__ogr_data *out)
{
    CPLPushErrorHandler(CPLQuietErrorHandler);
    for (size_t g = 0; g < groups; g++) {
        OGRGeometryH parts = OGR_G_CreateGeometry(wkbMultiPolygon);
        for (size_t k = offsets[g]; k < offsets[g + 1]; k++) {
            OGRGeometryH m = row_geometry(in, members[k]);
            for (int i = 0; i < OGR_G_GetGeometryCount(m); i++)
                OGR_G_AddGeometry(parts, OGR_G_GetGeometryRef(m, i));
            OGR_G_DestroyGeometry(m);
        }
        OGRGeometryH merged = OGR_G_UnionCascaded(parts);
        OGR_G_DestroyGeometry(parts);
        if (merged == NULL) {
            sk__ogr_add_error(out, "cannot dissolve region %zu: %s", g + 1,
                              CPLGetLastErrorMsg());
            merged = OGR_G_CreateGeometry(wkbMultiPolygon);
        }
        sk__ogr_store_row_geometry(out, merged);
        OGR_G_DestroyGeometry(merged);
        out->rows++;
    }
    CPLPopErrorHandler();
}

void
sk__ogr_locate(const sk__ogr_data *polygons, const double *points, size_t n, int *row)
{
    CPLPushErrorHandler(CPLQuietErrorHandler);
    OGRGeometryH *geoms = g_new(OGRGeometryH, polygons->rows + 1);
    for (size_t r = 0; r < polygons->rows; r++)
        geoms[r] = row_geometry(polygons, r);
    for (size_t i = 0; i < n; i++) {
        row[i] = -1;
        OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(pt, 0, points[2 * i], points[2 * i + 1]);
        for (size_t r = 0; r < polygons->rows && row[i] < 0; r++) {
            const double *b = &g_array_index(polygons->row_bbox, double, 4 * r);
            if (points[2 * i] < b[0] || points[2 * i] > b[2] || points[2 * i + 1] < b[1] ||
                points[2 * i + 1] > b[3])
                continue;
            if (OGR_G_Contains(geoms[r], pt))
                row[i] = (int)r;
        }
        OGR_G_DestroyGeometry(pt);
    }
    for (size_t r = 0; r < polygons->rows; r++)
        OGR_G_DestroyGeometry(geoms[r]);
    g_free(geoms);
    CPLPopErrorHandler();
}

/* Ring i of ring_xy as a polygon of its own. */
static OGRGeometryH
ring_polygon(const double *ring_xy, const sk__ring *ring)
{
    OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
    OGRGeometryH lr = OGR_G_CreateGeometry(wkbLinearRing);
    const double *xy = ring_xy + 2 * ring->start;
    OGR_G_SetPoints(lr, (int)ring->count, xy, 2 * sizeof(double), xy + 1, 2 * sizeof(double),
                    NULL, 0);
    OGR_G_AddGeometryDirectly(poly, lr);
    return poly;
}

/* A candidate point of one area: its position, its index and how many rings hold it. */
typedef struct {
    double x, y;
    size_t i;
    size_t inside, ring; /* ring: the last ring counted (+1), so a point counts once */
} candidate;

static int
by_position(const void *a, const void *b)
{
    const candidate *p = a, *q = b;
    return p->x < q->x ? -1 : p->x > q->x ? 1 : p->y < q->y ? -1 : p->y > q->y ? 1 : 0;
}

/* Count ring r for every candidate at (x, y) (the intersection gives each position once). */
static void
count_at(candidate *c, size_t nc, double x, double y, size_t r)
{
    candidate key = {x, y, 0, 0, 0};
    candidate *hit = bsearch(&key, c, nc, sizeof *c, by_position);
    if (hit == NULL)
        return;
    while (hit > c && by_position(hit - 1, &key) == 0)
        hit--;
    for (; hit < c + nc && by_position(hit, &key) == 0; hit++)
        if (hit->ring != r + 1) {
            hit->ring = r + 1;
            hit->inside++;
        }
}

/* Count ring poly (index r) for the candidates it holds: one intersection with all of them
** (GEOS locates the points against an index of the ring), else point by point. */
static void
count_ring(OGRGeometryH poly, OGRGeometryH multi, candidate *c, size_t nc, size_t r)
{
    OGRGeometryH hit = OGR_G_Intersection(poly, multi);
    if (hit == NULL) {
        OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
        for (size_t k = 0; k < nc; k++) {
            OGR_G_SetPoint_2D(pt, 0, c[k].x, c[k].y);
            if (OGR_G_Contains(poly, pt))
                count_at(c, nc, c[k].x, c[k].y, r);
        }
        OGR_G_DestroyGeometry(pt);
        return;
    }
    OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(hit));
    if (t == wkbPoint && !OGR_G_IsEmpty(hit))
        count_at(c, nc, OGR_G_GetX(hit, 0), OGR_G_GetY(hit, 0), r);
    for (int k = 0; t != wkbPoint && k < OGR_G_GetGeometryCount(hit); k++) {
        OGRGeometryH g = OGR_G_GetGeometryRef(hit, k);
        if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint && !OGR_G_IsEmpty(g))
            count_at(c, nc, OGR_G_GetX(g, 0), OGR_G_GetY(g, 0), r);
    }
    OGR_G_DestroyGeometry(hit);
}

/* The geography keeps no ring roles (it fills by the even-odd rule), so a point lies in an
** area when an odd number of its rings contain it: a hole or an enclave counts twice.  Each
** area is tested once against all points in its bbox not yet placed (converting a ring to
** GEOS per point made 11,600 points take seconds); the first area holding a point wins. */
void
sk__ogr_locate_rings(const double *ring_xy, const sk__ring *rings, const size_t *area_rings,
                     const double *bbox, size_t nareas, const double *points, size_t n,
                     int *area)
{
    CPLPushErrorHandler(CPLQuietErrorHandler);
    for (size_t i = 0; i < n; i++)
        area[i] = -1;
    candidate *c = g_new(candidate, n + 1);
    for (size_t a = 0; a < nareas; a++) {
        const double *b = bbox + 4 * a;
        size_t nc = 0;
        for (size_t i = 0; i < n; i++) {
            double x = points[2 * i], y = points[2 * i + 1];
            if (area[i] < 0 && x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3])
                c[nc++] = (candidate){x, y, i, 0, 0};
        }
        if (nc == 0)
            continue;
        qsort(c, nc, sizeof *c, by_position);
        OGRGeometryH multi = OGR_G_CreateGeometry(wkbMultiPoint);
        OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
        for (size_t k = 0; k < nc; k++) {
            OGR_G_SetPoint_2D(pt, 0, c[k].x, c[k].y);
            OGR_G_AddGeometry(multi, pt);
        }
        OGR_G_DestroyGeometry(pt);
        size_t first = area_rings[2 * a], count = area_rings[2 * a + 1];
        for (size_t r = first; r < first + count; r++) {
            OGRGeometryH poly = ring_polygon(ring_xy, &rings[r]);
            count_ring(poly, multi, c, nc, r);
            OGR_G_DestroyGeometry(poly);
        }
        OGR_G_DestroyGeometry(multi);
        for (size_t k = 0; k < nc; k++)
            if (c[k].inside % 2 == 1)
                area[c[k].i] = (int)a;
    }
    g_free(c);
    CPLPopErrorHandler();
}

int
sk__ogr_transform(int from, int to, double *xy, size_t n)
{
    OGRSpatialReferenceH s = OSRNewSpatialReference(NULL), t = OSRNewSpatialReference(NULL);
    OGRCoordinateTransformationH ct = NULL;
    if (OSRImportFromEPSG(s, from) == OGRERR_NONE && OSRImportFromEPSG(t, to) == OGRERR_NONE) {
        OSRSetAxisMappingStrategy(s, OAMS_TRADITIONAL_GIS_ORDER);
        OSRSetAxisMappingStrategy(t, OAMS_TRADITIONAL_GIS_ORDER);
        ct = OCTNewCoordinateTransformation(s, t);
    }
    OSRDestroySpatialReference(s);
    OSRDestroySpatialReference(t);
    if (ct == NULL)
        return 0;
    double *x = g_new(double, n + 1), *y = g_new(double, n + 1);
    int *ok = g_new(int, n + 1);
    for (size_t i = 0; i < n; i++) {
        x[i] = xy[2 * i];
        y[i] = xy[2 * i + 1];
    }
    OCTTransformEx(ct, (int)n, x, y, NULL, ok);
    for (size_t i = 0; i < n; i++) {
        xy[2 * i] = ok[i] && isfinite(x[i]) ? x[i] : NAN;
        xy[2 * i + 1] = ok[i] && isfinite(y[i]) ? y[i] : NAN;
    }
    g_free(x);
    g_free(y);
    g_free(ok);
    OCTDestroyCoordinateTransformation(ct);
    return 1;
}
