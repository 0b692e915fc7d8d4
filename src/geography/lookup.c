/* Names: municipalities and regions found by code or name (any case, no diacritics, common
** aliases), the nearest name for "did you mean", and selections for zoomed maps. */
#include <string.h>
#include "../internal.h"
#include "../text.h"
#include "model.h"

/* Common ways of writing a municipality name that are not its official 2017 name; a
** suggestion shows the alias itself when it is a name of its own (shown), the official name
** when it is only a spelling of it. */
static const struct { const char *alias, *name; int shown; } municipality_aliases[] = {
    {"Den Haag", "'s-Gravenhage", 1},
    {"The Hague", "'s-Gravenhage", 1},
    {"Den Bosch", "'s-Hertogenbosch", 1},
    {"s-Gravenhage", "'s-Gravenhage", 0},
    {"s-Hertogenbosch", "'s-Hertogenbosch", 0},
};

#define AMBIGUOUS_VALUE GINT_TO_POINTER(-1)

void
sk__geo_index_name(GHashTable *index, const char *name, size_t i)
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

int
sk__geo_lookup(GHashTable *index, const char *code_or_name)
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

void
sk__geo_index_areas(sk_geography *geo)
{
    for (guint i = 0; i < geo->municipalities->len; i++) {
        sk__area *a = &g_array_index(geo->municipalities, sk__area, i);
        sk__geo_index_name(geo->municipality_index, a->code, i);
        sk__geo_index_name(geo->municipality_index, a->name, i);
    }
    for (size_t k = 0; k < G_N_ELEMENTS(municipality_aliases); k++) {
        int target = sk__geo_lookup(geo->municipality_index, municipality_aliases[k].name);
        if (target >= 0 &&
            sk__geo_lookup(geo->municipality_index, municipality_aliases[k].alias) == -1)
            sk__geo_index_name(geo->municipality_index, municipality_aliases[k].alias,
                               (size_t)target);
    }
    for (guint i = 0; i < geo->regions->len; i++) {
        sk__area *a = &g_array_index(geo->regions, sk__area, i);
        sk__geo_index_name(geo->region_index, a->code, i);
        sk__geo_index_name(geo->region_index, a->name, i);
    }
}

int
sk__geography_lookup_municipality(const sk_geography *geo, const char *code_or_name)
{
    return sk__geo_lookup(geo->municipality_index, code_or_name);
}

int
sk__geography_lookup_region(const sk_geography *geo, const char *code_or_name)
{
    return sk__geo_lookup(geo->region_index, code_or_name);
}

int
sk_geography_find_municipality(const sk_geography *geo, const char *code_or_name)
{
    int i = sk__geo_lookup(geo->municipality_index, code_or_name);
    return i >= 0 ? i : -1;
}

int
sk_geography_find_region(const sk_geography *geo, const char *code_or_name)
{
    int i = sk__geo_lookup(geo->region_index, code_or_name);
    return i >= 0 ? i : -1;
}

/* Offer every name of areas (and, for municipalities, the aliases that name one of them). */
static void
offer_areas(const sk_geography *geo, GArray *areas, sk__nearest *n)
{
    for (guint i = 0; i < areas->len; i++) {
        const sk__area *a = &g_array_index(areas, sk__area, i);
        sk__nearest_offer(n, a->name, a->name);
    }
    if (areas != geo->municipalities)
        return;
    for (size_t k = 0; k < G_N_ELEMENTS(municipality_aliases); k++) {
        int m = sk__geo_lookup(geo->municipality_index, municipality_aliases[k].alias);
        if (m >= 0)
            sk__nearest_offer(n, municipality_aliases[k].shown
                                     ? municipality_aliases[k].alias
                                     : g_array_index(areas, sk__area, m).name,
                              municipality_aliases[k].alias);
    }
}

static const char *
suggest(const sk_geography *geo, GArray *areas, const char *value)
{
    sk__nearest n;
    sk__nearest_init(&n, value);
    offer_areas(geo, areas, &n);
    const char *best = sk__nearest_first(&n);
    sk__nearest_clear(&n);
    return best != NULL ? best : "";
}

const char *
sk__geography_suggest_municipality(const sk_geography *geo, const char *value)
{
    return suggest(geo, geo->municipalities, value);
}

const char *
sk__geography_suggest_region(const sk_geography *geo, const char *value)
{
    return suggest(geo, geo->regions, value);
}

char *
sk__geography_nearest(const sk_geography *geo, int regions, const char *value)
{
    sk__nearest n;
    sk__nearest_init(&n, value);
    offer_areas(geo, regions ? geo->regions : geo->municipalities, &n);
    char *quoted = sk__nearest_quoted(&n);
    sk__nearest_clear(&n);
    return quoted;
}

/* ---- selection ---------------------------------------------------------------------- */

static void
select_region(const sk_geography *geo, const char *name, unsigned char *mask,
              sk__diagnostics *diags)
{
    int r = sk_geography_find_region(geo, name);
    if (r < 0) {
        char *near = sk__geography_nearest(geo, 1, name);
        sk__diagnostics_add(diags, "unknown region '%s' (did you mean %s?)", name, near);
        g_free(near);
        return;
    }
    size_t n;
    const size_t *members = sk__geography_region_members(geo, (size_t)r, &n);
    for (size_t k = 0; k < n; k++)
        mask[members[k]] = 1;
}

/* Provinces are matched like other names: case and accents do not matter. */
static void
select_province(const sk_geography *geo, const char *name, unsigned char *mask,
                sk__diagnostics *diags)
{
    char *want = sk__normalize(name);
    sk__nearest near;
    sk__nearest_init(&near, name);
    size_t hits = 0;
    for (size_t m = 0; m < geo->municipalities->len; m++) {
        const char *p = sk_geography_municipality_province(geo, m);
        char *have = sk__normalize(p);
        if (strcmp(have, want) == 0) {
            mask[m] = 1;
            hits++;
        } else if (*p) {
            sk__nearest_offer(&near, p, p);
        }
        g_free(have);
    }
    char *quoted = sk__nearest_quoted(&near);
    if (hits == 0 && quoted[0] != '\0')
        sk__diagnostics_add(diags, "unknown province '%s' (did you mean %s?)", name, quoted);
    else if (hits == 0)
        sk__diagnostics_add(diags, "unknown province '%s' (the layer has no provinces)", name);
    g_free(quoted);
    sk__nearest_clear(&near);
    g_free(want);
}

static void
select_municipality(const sk_geography *geo, const char *name, unsigned char *mask,
                    sk__diagnostics *diags)
{
    int m = sk_geography_find_municipality(geo, name);
    if (m >= 0) {
        mask[m] = 1;
        return;
    }
    char *near = sk__geography_nearest(geo, 0, name);
    sk__diagnostics_add(diags, "unknown municipality '%s' (did you mean %s?)", name, near);
    g_free(near);
}

sk_status
sk_geography_select(sk_ctx *ctx, const sk_geography *geo, const char *what, const char *list,
                    unsigned char *mask)
{
    void (*pick)(const sk_geography *, const char *, unsigned char *, sk__diagnostics *);
    if (strcmp(what, "regions") == 0)
        pick = select_region;
    else if (strcmp(what, "province") == 0)
        pick = select_province;
    else if (strcmp(what, "municipalities") == 0)
        pick = select_municipality;
    else
        return sk__error(ctx, SK_EUSAGE, "cannot select by '%s' (expected regions, "
                         "municipalities or province)", what);
    char **names = g_strsplit_set(list, ",;", -1);
    sk__diagnostics diags;
    sk__diagnostics_init(&diags);
    size_t named = 0;
    for (size_t i = 0; names[i] != NULL; i++) {
        const char *name = g_strstrip(names[i]);
        if (*name == '\0')
            continue;
        named++;
        pick(geo, name, mask, &diags);
    }
    g_strfreev(names);
    if (diags.count == 0 && named == 0)
        sk__diagnostics_add(&diags, "no %s named to select", what);
    return sk__diagnostics_finish(&diags, ctx);
}

/* The official spelling of one name of a selection ("gelderland" -> "Gelderland"), or NULL
** when it names nothing (borrowed from geo). */
static const char *
official_name(const sk_geography *geo, const char *what, const char *name)
{
    if (strcmp(what, "regions") == 0) {
        int r = sk_geography_find_region(geo, name);
        return r >= 0 ? sk_geography_region_name(geo, (size_t)r) : NULL;
    }
    if (strcmp(what, "municipalities") == 0) {
        int m = sk_geography_find_municipality(geo, name);
        return m >= 0 ? sk_geography_municipality_name(geo, (size_t)m) : NULL;
    }
    char *want = sk__normalize(name);
    const char *found = NULL;
    for (size_t m = 0; m < geo->municipalities->len && found == NULL; m++) {
        const char *p = sk_geography_municipality_province(geo, m);
        char *have = sk__normalize(p);
        if (strcmp(have, want) == 0)
            found = p;
        g_free(have);
    }
    g_free(want);
    return found;
}

void
sk__geography_selection_names(const sk_geography *geo, const char *what, const char *list,
                              GPtrArray *names)
{
    char **parts = g_strsplit_set(list, ",;", -1);
    for (size_t i = 0; parts[i] != NULL; i++) {
        const char *name = official_name(geo, what, g_strstrip(parts[i]));
        int seen = 0;
        for (guint k = 0; name != NULL && k < names->len && !seen; k++)
            seen = strcmp(g_ptr_array_index(names, k), name) == 0;
        if (name != NULL && !seen)
            g_ptr_array_add(names, (gpointer)name);
    }
    g_strfreev(parts);
}

void
sk__geography_report_place(const sk_geography *geo, int regions, int k, const char *where,
                           const char *column, const char *value, sk__diagnostics *d)
{
    if (k == SK__AMBIGUOUS) {
        sk__diagnostics_add(d, "%s: column '%s': ambiguous value '%s' (more than one %s has "
                            "this name; use the code)", where, column, value,
                            regions ? "region" : "municipality");
        return;
    }
    char *near = sk__geography_nearest(geo, regions, value);
    sk__diagnostics_add(d, "%s: column '%s': unknown value '%s' (did you mean %s?)", where,
                        column, value, near);
    g_free(near);
}
