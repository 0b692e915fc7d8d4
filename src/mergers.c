/* Municipal mergers (samenkaart/mergers.h): reading the table, and finding what an old or new
** municipality name means on the boundaries at hand. */
#include <string.h>
#include <glib.h>
#include "geography_internal.h"
#include "internal.h"
#include "mergers_internal.h"
#include "ogr.h"
#include "text.h"

typedef struct merger {
    int year;
    char *old_code, *old_name, *new_code, *new_name;
    int part;     /* only part of the old municipality went to the new one */
} merger;

struct sk_mergers {
    GArray *rows;   /* merger, in the table's order */
};

void
sk_mergers_free(sk_mergers *m)
{
    if (m == NULL)
        return;
    for (guint i = 0; i < m->rows->len; i++) {
        merger *r = &g_array_index(m->rows, merger, i);
        g_free(r->old_code);
        g_free(r->old_name);
        g_free(r->new_code);
        g_free(r->new_name);
    }
    g_array_free(m->rows, TRUE);
    g_free(m);
}

size_t
sk_mergers_count(const sk_mergers *m)
{
    return m->rows->len;
}

/* Report a merger of old_code into new_code given before (seen: key -> where, borrowed). */
static void
repeated_merger(sk__diagnostics *d, GHashTable *seen, const char *where, const char *old_code,
                const char *new_code)
{
    char *key = g_ascii_strup(old_code, -1), *to = g_ascii_strup(new_code, -1);
    char *both = g_strconcat(key, "\n", to, NULL);
    const char *first = g_hash_table_lookup(seen, both);
    if (first != NULL) {
        sk__diagnostics_add(d, "%s: the merger of %s into %s is given again (first at %s); "
                            "give it once", where, old_code, new_code, first);
        g_free(both);
    } else {
        g_hash_table_insert(seen, both, (gpointer)where);
    }
    g_free(key);
    g_free(to);
}

sk_status
sk_mergers_load(sk_ctx *ctx, const char *path, sk_mergers **out)
{
    *out = NULL;
    sk__ctx_note_input(ctx, path);
    const sk__ogr_backend *be = sk__ogr_backend_get(ctx);
    if (be == NULL)
        return sk_ctx_status(ctx);
    sk__ogr_data t;
    sk__ogr_data_init(&t);
    be->read_table(path, NULL, "mergers table", &t);
    sk_status st = sk__ogr_report(ctx, &t);
    if (st != SK_OK) {
        sk__ogr_data_clear(&t);
        return st;
    }
    sk__diagnostics d;
    sk__diagnostics_init(&d);
    const char *names[] = {"jaar", "oud_code", "oud_naam", "nieuw_code", "nieuw_naam", "deel"};
    int col[G_N_ELEMENTS(names)];
    sk__ogr_columns(&t, path, names, G_N_ELEMENTS(names), col, &d);
    sk_mergers *m = g_new0(sk_mergers, 1);
    m->rows = g_array_new(FALSE, TRUE, sizeof(merger));
    /* "old code -> new code" -> where it was first given: a merger given twice is an error. */
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (size_t r = 0; r < t.rows && d.count == 0; r++) {
        const char *where = g_ptr_array_index(t.where, r);
        const char *cell[G_N_ELEMENTS(names)];
        for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
            cell[i] = sk__ogr_cell(&t, r, (size_t)col[i]);
        char *end;
        long year = strtol(cell[0], &end, 10);
        if (*cell[0] == '\0' || *end != '\0' || year < 1800 || year > 2200)
            sk__diagnostics_add(&d, "%s: column 'jaar': not a year: '%s'", where, cell[0]);
        if (!*cell[1] || !*cell[3])
            sk__diagnostics_add(&d, "%s: columns 'oud_code' and 'nieuw_code' must be filled",
                                where);
        if (strcmp(cell[5], "ja") != 0 && strcmp(cell[5], "nee") != 0 && *cell[5])
            sk__diagnostics_add(&d, "%s: column 'deel': '%s' (expected ja or nee)", where,
                                cell[5]);
        merger row = {(int)year, g_strdup(cell[1]), g_strdup(cell[2]), g_strdup(cell[3]),
                      g_strdup(cell[4]), strcmp(cell[5], "ja") == 0};
        g_array_append_val(m->rows, row);
        repeated_merger(&d, seen, where, cell[1], cell[3]);
    }
    g_hash_table_destroy(seen);
    sk__ogr_data_clear(&t);
    if ((st = sk__diagnostics_finish(&d, ctx)) != SK_OK) {
        sk_mergers_free(m);
        return st;
    }
    *out = m;
    return SK_OK;
}

/* Whether value names the code or name (normalised) of a row's old (or new) side. */
static int
names(const char *value, const char *norm, const char *code, const char *name)
{
    if (g_ascii_strcasecmp(value, code) == 0)
        return 1;
    char *n = sk__normalize(name);
    int same = strcmp(n, norm) == 0;
    g_free(n);
    return same;
}

/* Forward: the municipalities of geo that an old municipality became, following later
** mergers too.  Adds them to hits; returns 0 when part of it went elsewhere (a split), with
** the split described in *split. */
static int
forward(const sk_mergers *m, const sk_geography *geo, const char *code, GArray *hits,
        GString *how, int depth)
{
    int whole = 1, found = 0;
    for (guint i = 0; i < m->rows->len && depth < 8; i++) {
        const merger *r = &g_array_index(m->rows, merger, i);
        if (g_ascii_strcasecmp(r->old_code, code) != 0)
            continue;
        found = 1;
        if (r->part)
            whole = 0;
        g_string_append_printf(how, "%s%s (%d)", how->len ? ", " : "", r->new_name, r->year);
        int k = sk__geography_lookup_municipality(geo, r->new_code);
        if (k >= 0) {
            size_t at = (size_t)k;
            g_array_append_val(hits, at);
        } else {
            whole &= forward(m, geo, r->new_code, hits, how, depth + 1);
        }
    }
    return found ? whole : 0;
}

/* Backward: the municipalities of geo a new municipality was made of, earlier mergers too.
** Old municipalities of which only part went into it are listed in left_out. */
static void
backward(const sk_mergers *m, const sk_geography *geo, const char *code, GArray *hits,
         GString *left_out, int depth)
{
    for (guint i = 0; i < m->rows->len && depth < 8; i++) {
        const merger *r = &g_array_index(m->rows, merger, i);
        if (g_ascii_strcasecmp(r->new_code, code) != 0)
            continue;
        if (r->part) {
            g_string_append_printf(left_out, "%s%s", left_out->len ? ", " : "", r->old_name);
            continue;
        }
        int k = sk__geography_lookup_municipality(geo, r->old_code);
        if (k >= 0) {
            size_t at = (size_t)k;
            g_array_append_val(hits, at);
        } else {
            backward(m, geo, r->old_code, hits, left_out, depth + 1);
        }
    }
}

int
sk__mergers_resolve(const sk_mergers *m, const sk_geography *geo, const char *value,
                    GArray *hits, char **note)
{
    *note = NULL;
    if (m == NULL)
        return SK__MERGER_UNKNOWN;
    char *norm = sk__normalize(value);
    int result = SK__MERGER_UNKNOWN;
    /* An old municipality, gone into newer ones. */
    for (guint i = 0; i < m->rows->len && result == SK__MERGER_UNKNOWN; i++) {
        const merger *r = &g_array_index(m->rows, merger, i);
        if (!names(value, norm, r->old_code, r->old_name))
            continue;
        GString *how = g_string_new(NULL);
        guint before = hits->len;
        int whole = forward(m, geo, r->old_code, hits, how, 0);
        if (!whole) {
            g_array_set_size(hits, before);
            *note = g_strdup_printf("%s was split (into %s); name the municipality meant",
                                    r->old_name, how->str);
            result = SK__MERGER_SPLIT;
        } else if (hits->len > before) {
            *note = g_strdup_printf("merged into %s", how->str);
            result = SK__MERGER_MAPPED;
        }
        g_string_free(how, TRUE);
    }
    /* A newer municipality, made of ones the boundaries still have. */
    for (guint i = 0; i < m->rows->len && result == SK__MERGER_UNKNOWN; i++) {
        const merger *r = &g_array_index(m->rows, merger, i);
        if (!names(value, norm, r->new_code, r->new_name))
            continue;
        GString *left_out = g_string_new(NULL);
        guint before = hits->len;
        backward(m, geo, r->new_code, hits, left_out, 0);
        if (hits->len > before) {
            *note = left_out->len
                        ? g_strdup_printf("formed in %d from these (not from the part of %s "
                                          "that went into it)", r->year, left_out->str)
                        : g_strdup_printf("formed in %d from these", r->year);
            result = SK__MERGER_MAPPED;
        }
        g_string_free(left_out, TRUE);
    }
    g_free(norm);
    return result;
}
