/* Maps from a table instead of the project database: per municipality (or per region) a list
** of labels of one principle, e.g. the insurers holding a municipality's collective minima
** contract (gemeentepolissen_2017.csv) or the dominant insurer of a zorgkantoorregio
** (kernwerkgebieden_2017.csv). */
#include <string.h>
#include "classify_internal.h"
#include "geography_internal.h"
#include "internal.h"
#include "ogr.h"
#include "vocabulary.h"

sk_status
sk_classify_table(sk_ctx *ctx, const sk_geography *geo, const char *path, const char *layer,
                  const char *key_column, const char *value_column, sk_principle principle,
                  int by_region, sk_classification **out)
{
    *out = NULL;
    sk__ogr_data t;
    sk__ogr_data_init(&t);
    sk_status st = sk__read_table(ctx, path, layer, "table", sk__geography_cache_dir(geo), &t);
    if (st != SK_OK) {
        sk__ogr_data_clear(&t);
        return st;
    }
    sk__diagnostics d;
    sk__diagnostics_init(&d);
    const char *names[] = {key_column, value_column};
    int col[2];
    sk__ogr_columns(&t, path, names, 2, col, &d);
    int kf = col[0], vf = col[1];
    size_t nmun = sk_geography_municipality_count(geo);
    sk_labelset *sets = g_new0(sk_labelset, nmun + 1);
    /* Where each municipality or region was listed first: a second row is an error, not the
    ** silent winner. */
    GHashTable *first = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (size_t row = 0; row < t.rows && kf >= 0 && vf >= 0; row++) {
        const char *where = g_ptr_array_index(t.where, row);
        const char *key = sk__ogr_cell(&t, row, (size_t)kf);
        int k = by_region ? sk__geography_lookup_region(geo, key)
                          : sk__geography_lookup_municipality(geo, key);
        if (k < 0) {
            char *near = sk__geography_nearest(geo, by_region, key);
            sk__diagnostics_add(&d, "%s: column '%s': %s value '%s' (did you mean %s?)",
                                where, key_column,
                                k == SK__AMBIGUOUS ? "ambiguous" : "unknown", key, near);
            g_free(near);
            continue;
        }
        const char *before = g_hash_table_lookup(first, GINT_TO_POINTER(k + 1));
        if (before != NULL) {
            sk__diagnostics_add(&d, "%s: column '%s': %s '%s' is listed again (first at %s); "
                                "give each %s one row", where, key_column,
                                by_region ? "region" : "municipality", key, before,
                                by_region ? "region" : "municipality");
            continue;
        }
        g_hash_table_insert(first, GINT_TO_POINTER(k + 1), (gpointer)where);
        sk_labelset set = 0;
        char **values = g_strsplit(sk__ogr_cell(&t, row, (size_t)vf), ";", -1);
        for (size_t i = 0; values[i] != NULL; i++) {
            char *v = g_strstrip(values[i]);
            if (v[0] == '\0')
                continue;
            int l = sk__label_parse(principle, v, NULL);
            if (l < 0) {
                char *near = sk__label_nearest(principle, v);
                sk__diagnostics_add(&d, "%s: column '%s': unknown value '%s' (did you mean "
                                    "%s?)", where, value_column, v, near);
                g_free(near);
            } else
                set |= (sk_labelset)1 << l;
        }
        g_strfreev(values);
        /* Listed with nothing: a class of its own ("geen contract"). */
        if (set == 0)
            set = SK_LABELSET_NONE;
        size_t n = 1;
        size_t single = (size_t)k;
        const size_t *members = by_region ? sk__geography_region_members(geo, (size_t)k, &n)
                                          : &single;
        for (size_t m = 0; m < n; m++)
            sets[members[m]] = set;
    }
    g_hash_table_destroy(first);
    sk__ogr_data_clear(&t);
    st = sk__diagnostics_finish(&d, ctx);
    if (st == SK_OK)
        *out = sk__classification_from_sets(sets, nmun, (int)principle);
    g_free(sets);
    return st;
}
