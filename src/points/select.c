/* sk_points_select: "column=v1,v2" and "column!=v" clauses on point columns (model.h). */
#include <string.h>
#include "model.h"
#include "../text.h"

/* Whether cell is value or holds it as one item of a ';'-list (any case). */
static int
cell_has(const char *cell, const char *value)
{
    if (g_ascii_strcasecmp(cell, value) == 0)
        return 1;
    if (strchr(cell, ';') == NULL)
        return 0;
    char **items = sk__split_trimmed(cell, ";");
    int found = 0;
    for (size_t i = 0; items[i] != NULL && !found; i++)
        found = g_ascii_strcasecmp(items[i], value) == 0;
    g_strfreev(items);
    return found;
}

/* Offer every value of column c (each item of a list) to near. */
static void
offer_values(const sk_points *p, size_t c, sk__nearest *near, GPtrArray *keep)
{
    for (size_t r = 0; r < p->table.rows; r++) {
        char **items = sk__split_trimmed(sk__ogr_cell(&p->table, r, c), ";");
        for (size_t i = 0; items[i] != NULL; i++)
            sk__nearest_offer(near, items[i], items[i]);
        /* near borrows the display texts until it is cleared. */
        g_ptr_array_add(keep, items);
    }
}

/* The nearest values of column c to value: its scale's levels, else the values present. */
static char *
nearest_value(const sk_points *p, size_t c, const char *value)
{
    sk__nearest near;
    sk__nearest_init(&near, value);
    GPtrArray *keep = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    if (p->levels[c] != NULL)
        for (size_t l = 0; p->levels[c][l] != NULL; l++)
            sk__nearest_offer(&near, p->levels[c][l], p->levels[c][l]);
    else
        offer_values(p, c, &near, keep);
    char *quoted = sk__nearest_quoted(&near);
    sk__nearest_clear(&near);
    g_ptr_array_free(keep, TRUE);
    return quoted;
}

/* Whether a value may be asked for: a level of the column's scale, or present in a cell. */
static int
value_known(const sk_points *p, size_t c, const char *value)
{
    if (p->levels[c] != NULL) {
        for (size_t l = 0; p->levels[c][l] != NULL; l++)
            if (g_ascii_strcasecmp(p->levels[c][l], value) == 0)
                return 1;
        return 0;
    }
    for (size_t r = 0; r < p->table.rows; r++)
        if (cell_has(sk__ogr_cell(&p->table, r, c), value))
            return 1;
    return 0;
}

static char *
nearest_column(const sk_points *p, const char *name)
{
    sk__nearest near;
    sk__nearest_init(&near, name);
    for (guint c = 0; c < p->table.columns->len; c++)
        sk__nearest_offer(&near, g_ptr_array_index(p->table.columns, c),
                          g_ptr_array_index(p->table.columns, c));
    char *quoted = sk__nearest_quoted(&near);
    sk__nearest_clear(&near);
    return quoted;
}

/* Apply one clause to keep; SK_EUSAGE naming it for an unknown column or value. */
static sk_status
apply(sk_ctx *ctx, const sk_points *p, const char *clause, unsigned char *keep)
{
    const char *eq = strchr(clause, '=');
    int negate = eq != NULL && eq > clause && eq[-1] == '!';
    char *name = eq != NULL ? g_strstrip(g_strndup(clause, (size_t)(eq - clause - negate)))
                            : NULL;
    char **values = eq != NULL ? sk__split_trimmed(eq + 1, ",") : NULL;
    sk_status st = SK_OK;
    int c = name != NULL ? sk_points_column_find(p, name) : -1;
    if (name == NULL || name[0] == '\0' || values[0] == NULL) {
        st = sk__error(ctx, SK_EUSAGE, "'%s': expected column=value[,value…] or "
                       "column!=value[,value…]", clause);
    } else if (c < 0) {
        char *near = nearest_column(p, name);
        st = sk__error(ctx, SK_EUSAGE, "'%s': no column '%s' (did you mean %s?)", clause, name,
                       near);
        g_free(near);
    }
    for (size_t v = 0; st == SK_OK && values[v] != NULL; v++)
        if (!value_known(p, (size_t)c, values[v])) {
            char *near = nearest_value(p, (size_t)c, values[v]);
            st = sk__error(ctx, SK_EUSAGE, "'%s': no point has '%s' in column '%s' (did you "
                           "mean %s?)", clause, values[v], name, near);
            g_free(near);
        }
    for (size_t r = 0; st == SK_OK && r < p->table.rows; r++) {
        int any = 0;
        for (size_t v = 0; values[v] != NULL && !any; v++)
            any = cell_has(sk__ogr_cell(&p->table, r, (size_t)c), values[v]);
        if (any == negate)
            keep[r] = 0;
    }
    g_free(name);
    g_strfreev(values);
    return st;
}

sk_status
sk_points_select(sk_ctx *ctx, const sk_points *p, const char *const *where,
                 unsigned char *keep)
{
    memset(keep, 1, p->table.rows);
    for (size_t i = 0; where != NULL && where[i] != NULL; i++)
        if (apply(ctx, p, where[i], keep) != SK_OK)
            return sk_ctx_status(ctx);
    return SK_OK;
}
