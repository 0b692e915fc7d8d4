/* Where a layer's points lie, kept in the geography's cache (cache.h): their positions in
** the map's CRS and the municipality holding each.  Finding them needs GDAL, PROJ and GEOS,
** whose loading alone costs more than drawing a map; a layer read before (its files as they
** were, the same geography and options) needs none of them. */
#include <math.h>
#include "model.h"
#include "../cache.h"
#include "../geography_internal.h"

/* The key of the layer's entry: its files, the options that place its points and the
** geography they are located in.  0 when any of them is not cached. */
static int
stored_key(const sk_points *p, const sk_points_options *o, sk__cache_key *key)
{
    const char *geo = sk__geography_cache_id(p->geo);
    if (geo == NULL || o->path == NULL)
        return 0;
    const char *sources[] = {o->path};
    const char *params[] = {o->layer, o->x_field, o->y_field, geo};
    return sk__cache_make_key("located", sources, 1, params, G_N_ELEMENTS(params), key);
}

int
sk__points_stored_read(sk_ctx *ctx, sk_points *p, const sk_points_options *o, double **xy)
{
    *xy = NULL;
    sk__cache_key key;
    if (!stored_key(p, o, &key))
        return 0;
    GBytes *payload = sk__cache_read(ctx, sk__geography_cache_dir(p->geo), &key);
    if (payload == NULL)
        return 0;
    gsize len;
    const guint8 *data = g_bytes_get_data(payload, &len);
    sk__blob b = {data, data + len, 0};
    size_t n = p->table.rows, nmun = sk_geography_municipality_count(p->geo);
    /* The same files give the same rows; anything else is a damaged entry. */
    int same = sk__blob_count(&b, len / 8) == n;
    double *positions = g_new(double, 2 * n + 2);
    long *municipality = g_new(long, n + 1);
    sk__blob_f64s(&b, positions, same ? 2 * n : 0);
    for (size_t i = 0; i < n && same && !b.failed; i++) {
        uint64_t m = sk__blob_u64(&b);
        same = m <= nmun && isfinite(positions[2 * i]) && isfinite(positions[2 * i + 1]);
        municipality[i] = (long)m - 1;
    }
    int ok = same && !b.failed && b.p == b.end;
    g_bytes_unref(payload);
    if (!ok) {
        g_free(positions);
        g_free(municipality);
        return 0;
    }
    *xy = positions;
    p->municipality = municipality;
    return 1;
}

void
sk__points_stored_write(const sk_points *p, const sk_points_options *o,
                        const sk__cache_reading *reading)
{
    sk__cache_key key;
    if (!stored_key(p, o, &key))
        return;
    size_t n = p->table.rows;
    GByteArray *b = g_byte_array_new();
    sk__blob_put_u64(b, n);
    sk__blob_put_f64s(b, p->xy, 2 * n);
    for (size_t i = 0; i < n; i++)
        sk__blob_put_u64(b, (uint64_t)(p->municipality[i] + 1));
    sk__cache_write(sk__geography_cache_dir(p->geo), &key, reading, b);
    g_byte_array_unref(b);
}
