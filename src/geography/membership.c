/* Membership: the region of each municipality, from a table or from the region polygons,
** and regions without a layer of their own dissolved from their members. */
#include <string.h>
#include "../internal.h"
#include "model.h"

/* Row row of the membership table names a region geo does not have yet: add it (the table
** creates the regions when there is no region layer).  Returns its index. */
static int
add_region(sk_geography *geo, const sk__ogr_data *d, size_t row, const char *region_code,
           int name_f)
{
    sk__area area = {0};
    area.code = g_strdup(region_code);
    area.name = g_strdup(name_f >= 0 ? sk__ogr_cell(d, row, (size_t)name_f) : region_code);
    area.population = -1;
    area.region = -1;
    g_array_append_val(geo->regions, area);
    int r = (int)geo->regions->len - 1;
    sk__geo_index_name(geo->region_index, area.code, (size_t)r);
    sk__geo_index_name(geo->region_index, area.name, (size_t)r);
    return r;
}

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
    /* Where each municipality was listed first: a second row is an error, never the silent
    ** winner (it would move the municipality into another region's projects). */
    const char **first = g_new0(const char *, geo->municipalities->len + 1);
    for (size_t row = 0; row < d->rows; row++) {
        const char *where = g_ptr_array_index(d->where, row);
        const char *mun = sk__ogr_cell(d, row, (size_t)mun_f);
        const char *region_code = sk__ogr_cell(d, row, (size_t)code_f);
        int m = sk__geo_lookup(geo->municipality_index, mun);
        int r = sk__geo_lookup(geo->region_index, region_code);
        if (m >= 0 && first[m] != NULL) {
            sk__diagnostics_add(&diags, "%s: column '%s': municipality '%s' is listed again "
                                "(first at %s); give each municipality one row", where,
                                o->membership_municipality_field, mun, first[m]);
            continue;
        }
        if (m >= 0)
            first[m] = where;
        if (m < 0) {
            sk__diagnostics_add(&diags, "%s: column '%s': unknown municipality '%s' (did you "
                                "mean '%s'?)", where, o->membership_municipality_field, mun,
                                sk__geography_suggest_municipality(geo, mun));
        } else if (region_code[0] == '\0') {
            /* A municipality outside every region is allowed. */
        } else if (r < 0 && create) {
            r = add_region(geo, d, row, region_code, name_f);
        } else if (r < 0) {
            sk__diagnostics_add(&diags, "%s: column '%s': unknown region '%s' (did you mean "
                                "'%s'?)", where, o->membership_region_code_field, region_code,
                                sk__geography_suggest_region(geo, region_code));
        }
        if (m >= 0 && r >= 0)
            g_array_index(geo->municipalities, sk__area, m).region = r;
    }
    g_free(first);
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
        sk__geo_take_row_geometry(&geo->shapes, &merged, r,
                                  &g_array_index(geo->regions, sk__area, r));
    sk__ogr_data_clear(&merged);
    g_free(fill);
    g_free(members);
    g_free(offsets);
    return st;
}

/* Without a table, a municipality belongs to the region that contains its interior point. */
static void
locate_members(sk_geography *geo, const sk__ogr_backend *be, const sk__ogr_data *regions)
{
    size_t n = geo->municipalities->len;
    double *points = g_new(double, 2 * n + 1);
    int *rows = g_new(int, n + 1);
    for (size_t m = 0; m < n; m++)
        memcpy(points + 2 * m, g_array_index(geo->municipalities, sk__area, m).interior,
               2 * sizeof(double));
    be->locate(regions, points, n, rows);
    for (size_t m = 0; m < n; m++)
        g_array_index(geo->municipalities, sk__area, m).region = rows[m];
    g_free(points);
    g_free(rows);
}

sk_status
sk__geo_assign_regions(sk_ctx *ctx, sk_geography *geo, const sk_geography_options *o,
                       const sk__ogr_backend *be, const sk__ogr_data *municipalities,
                       const sk__ogr_data *regions)
{
    if (o->membership == NULL) {
        locate_members(geo, be, regions);
        return SK_OK;
    }
    sk__ogr_data table;
    sk__ogr_data_init(&table);
    be->read_table(o->membership, o->membership_layer, "membership table", &table);
    sk_status st = sk__ogr_report(ctx, &table);
    if (st == SK_OK)
        st = take_membership(ctx, geo, o, &table);
    sk__ogr_data_clear(&table);
    if (st == SK_OK && o->regions == NULL)
        st = dissolve_regions(ctx, geo, be, municipalities);
    return st;
}
