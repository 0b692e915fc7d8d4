/* Point layers (samenkaart/points.h): read through the back-end, coordinates found and
** reprojected, every value validated (check.c), each point's municipality located.  This
** file: loading, the struct's life and its accessors (model.h lists the others). */
#include <math.h>
#include <string.h>
#include "model.h"
#include "../geography_internal.h"

#define WHAT "point layer"

void
sk_points_options_init(sk_points_options *o)
{
    *o = (sk_points_options){0};
}

void
sk_points_free(sk_points *p)
{
    if (p == NULL)
        return;
    /* The levels are per column: free them while the table still knows its columns. */
    for (guint c = 0; p->levels != NULL && c < p->table.columns->len; c++)
        g_strfreev(p->levels[c]);
    g_free(p->levels);
    sk__ogr_data_clear(&p->table);
    g_free(p->xy);
    if (p->ids != NULL)
        g_ptr_array_free(p->ids, TRUE);
    if (p->covered != NULL)
        g_array_free(p->covered, TRUE);
    g_free(p->cov_first);
    g_free(p->cov_count);
    g_free(p->municipality);
    g_free(p->source);
    g_free(p);
}

/* A table (text or sheet) has its coordinates in columns; other sources have geometry. */
static int
is_table(const char *path)
{
    const char *suffixes[] = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".ods"};
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot != NULL && i < G_N_ELEMENTS(suffixes); i++)
        if (g_ascii_strcasecmp(dot, suffixes[i]) == 0)
            return 1;
    return 0;
}

/* The coordinate columns: the options', else x/y, else lon/lat under any of its names. */
static int
coordinate_columns(const sk_points *p, const sk_points_options *o, int col[2],
                   sk__diagnostics *d)
{
    const sk__ogr_data *t = &p->table;
    if (o->x_field != NULL || o->y_field != NULL) {
        col[0] = sk__ogr_column(t, o->path, o->x_field != NULL ? o->x_field : "x", d);
        col[1] = sk__ogr_column(t, o->path, o->y_field != NULL ? o->y_field : "y", d);
        return col[0] >= 0 && col[1] >= 0;
    }
    static const char *const xs[] = {"x", "lon", "lng", "longitude"};
    static const char *const ys[] = {"y", "lat", "lat", "latitude"};
    for (size_t i = 0; i < G_N_ELEMENTS(xs); i++) {
        col[0] = sk__ogr_column_optional(t, xs[i]);
        col[1] = sk__ogr_column_optional(t, ys[i]);
        if (col[0] >= 0 && col[1] >= 0)
            return 1;
    }
    sk__diagnostics_add(d, "%s: no coordinate columns: expected 'x' and 'y' (metres, "
                        "EPSG:28992) or 'lon' and 'lat' (degrees), or name them with "
                        "--x-field and --y-field", o->path);
    return 0;
}

/* The number in a cell, or NaN with a message. */
static double
parse_number(const char *where, const char *column, const char *cell, sk__diagnostics *d)
{
    char *end = NULL;
    double v = cell[0] != '\0' ? g_ascii_strtod(cell, &end) : NAN;
    if (cell[0] == '\0') {
        sk__diagnostics_add(d, "%s: column '%s': empty value (a number is needed)", where,
                            column);
    } else if (*end == '\0' && !isfinite(v)) {
        sk__diagnostics_add(d, "%s: column '%s': '%s' is out of range (a finite number is "
                            "needed)", where, column, cell);
    } else if (*end != '\0') {
        /* A decimal comma ("192375,5"): say so, the usual cause in Dutch spreadsheets. */
        char *dotted = g_strdelimit(g_strdup(cell), ",", '.');
        char *e2 = NULL;
        double w = g_ascii_strtod(dotted, &e2);
        int comma = strchr(cell, ',') != NULL && *e2 == '\0' && isfinite(w);
        g_free(dotted);
        sk__diagnostics_add(d, "%s: column '%s': '%s' is not a number%s", where, column, cell,
                            comma ? " (use '.' before decimals)" : "");
    } else {
        return v;
    }
    return NAN;
}

/* Positions from a table's coordinate columns, in the map's CRS: degrees are longitude and
** latitude (EPSG:4326), other values metres of EPSG:28992.  stored (or NULL): the positions
** an earlier load found from the same cells, so no reprojection is needed. */
static void
table_positions(sk_points *p, const sk__ogr_backend *be, const int col[2], double *shown,
                double *swapped, const double *stored, sk__diagnostics *d)
{
    const sk__ogr_data *t = &p->table;
    int degrees = 1;
    for (size_t r = 0; r < t->rows; r++) {
        const char *where = g_ptr_array_index(t->where, r);
        for (int k = 0; k < 2; k++)
            shown[2 * r + k] = parse_number(where, g_ptr_array_index(t->columns, (guint)col[k]),
                                            sk__ogr_cell(t, r, (size_t)col[k]), d);
        /* NaN (not a number, reported) compares false: it decides nothing. */
        degrees = degrees && !(fabs(shown[2 * r]) > 180 || fabs(shown[2 * r + 1]) > 90);
        swapped[2 * r] = shown[2 * r + 1];
        swapped[2 * r + 1] = shown[2 * r];
    }
    memcpy(p->xy, shown, 2 * t->rows * sizeof *p->xy);
    if (stored != NULL) {
        /* Every position lay within the map then: the swapped ones are never asked for. */
        memcpy(p->xy, stored, 2 * t->rows * sizeof *p->xy);
        for (size_t i = 0; i < 2 * t->rows; i++)
            swapped[i] = NAN;
        return;
    }
    int from = degrees ? 4326 : 28992, to = sk_geography_epsg(p->geo);
    if (from != to && t->rows > 0 &&
        (!be->transform(from, to, p->xy, t->rows) || !be->transform(from, to, swapped, t->rows)))
        sk__diagnostics_add(d, "%s: cannot reproject EPSG:%d to EPSG:%d", p->source, from, to);
}

/* Read the source: a table with coordinate columns, or a layer of points. */
static void
read_source(sk_points *p, const sk_points_options *o, const sk__ogr_backend *be,
            const double *stored, sk__diagnostics *d)
{
    size_t n = p->table.rows;
    p->xy = g_new0(double, 2 * n + 2);
    double *shown = g_new(double, 2 * n + 2), *swapped = g_new(double, 2 * n + 2);
    const char *names[2] = {"x", "y"};
    int col[2];
    int found = o->path != NULL && !is_table(o->path) && p->table.row_point->len == 2 * n;
    /* A layer without features has no point data at all (NULL): nothing to copy. */
    if (found && n > 0) {
        memcpy(p->xy, p->table.row_point->data, 2 * n * sizeof *p->xy);
        memcpy(shown, p->xy, 2 * n * sizeof *p->xy);
        for (size_t r = 0; r < n; r++) {
            swapped[2 * r] = p->xy[2 * r + 1];
            swapped[2 * r + 1] = p->xy[2 * r];
        }
    } else if (!found && (found = coordinate_columns(p, o, col, d))) {
        names[0] = g_ptr_array_index(p->table.columns, (guint)col[0]);
        names[1] = g_ptr_array_index(p->table.columns, (guint)col[1]);
        table_positions(p, be, col, shown, swapped, stored, d);
    }
    if (found)
        sk__points_check_extent(p, shown, swapped, names, d);
    g_free(shown);
    g_free(swapped);
}

/* The municipality of each point, through the geography's rings. */
static void
locate(sk_points *p, const sk__ogr_backend *be)
{
    size_t nmun, n = p->table.rows;
    const sk__area *areas = sk__geography_municipalities(p->geo, &nmun);
    size_t *area_rings = g_new(size_t, 2 * nmun + 2);
    double *bbox = g_new(double, 4 * nmun + 4);
    for (size_t m = 0; m < nmun; m++) {
        area_rings[2 * m] = areas[m].first_ring;
        area_rings[2 * m + 1] = areas[m].ring_count;
        memcpy(bbox + 4 * m, areas[m].bbox, 4 * sizeof *bbox);
    }
    int *found = g_new(int, n + 1);
    be->locate_rings(sk__geography_points(p->geo), sk__geography_rings(p->geo), area_rings,
                     bbox, nmun, p->xy, n, found);
    p->municipality = g_new(long, n + 1);
    for (size_t i = 0; i < n; i++)
        p->municipality[i] = found[i];
    g_free(found);
    g_free(area_rings);
    g_free(bbox);
}

/* A point in no municipality is only warned about (an initiative on the coast may lie just
** off the generalised outline); again on every load, as the first load did. */
static void
warn_unlocated(sk_ctx *ctx, const sk_points *p)
{
    for (size_t i = 0; i < p->table.rows; i++)
        if (p->municipality[i] < 0)
            sk__warn(ctx, "%s: (%.0f, %.0f) lies in no municipality of the map (in the sea or "
                     "across the border?)", (const char *)g_ptr_array_index(p->table.where, i),
                     p->xy[2 * i], p->xy[2 * i + 1]);
}

/* The source as read: a table through the read cache (the back-end only when it is not
** cached), a layer of points through OGR (*be set). */
static sk_status
read_data(sk_ctx *ctx, sk_points *p, const sk_points_options *o, const sk__ogr_backend **be)
{
    if (o->path != NULL && is_table(o->path))
        return sk__read_table(ctx, o->path, o->layer, WHAT, sk__geography_cache_dir(p->geo),
                              &p->table);
    if ((*be = sk__ogr_backend_get(ctx)) == NULL)
        return sk_ctx_status(ctx);
    sk__ctx_note_input(ctx, o->path);
    (*be)->read_points(o->path, o->layer, WHAT, sk_geography_epsg(p->geo), &p->table);
    return sk__ogr_report(ctx, &p->table);
}

/* --x-field and --y-field name a table's coordinate columns: a layer of points has its
** positions in its geometry, and silently ignoring the options would mislead. */
static int
fields_apply(sk_ctx *ctx, const sk_points *p, const sk_points_options *o)
{
    const sk__ogr_data *t = &p->table;
    if ((o->x_field == NULL && o->y_field == NULL) || o->path == NULL || is_table(o->path) ||
        t->rows == 0 || t->row_point->len != 2 * t->rows)
        return 1;
    sk__error(ctx, SK_EUSAGE, "%s: the layer has point geometry; --x-field and --y-field are "
              "for tables with coordinate columns (CSV, XLSX, ODS): leave them out", p->source);
    return 0;
}

/* A problem line and where it is in the file: its line number (0: the whole file first). */
typedef struct placed_line {
    char *text;
    guint64 line;
    size_t order;
} placed_line;

static int
compare_placed(const void *a, const void *b)
{
    const placed_line *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The problems in the order of the file's lines, as a reader goes through it to fix them
** (the checks find them column by column); those of one line in the checks' order. */
static void
order_by_line(sk__diagnostics *d, const char *source)
{
    if (d->count < 2)
        return;
    char **lines = g_strsplit(d->text->str, "\n", -1);
    size_t n = g_strv_length(lines), len = strlen(source);
    placed_line *placed = g_new(placed_line, n + 1);
    for (size_t i = 0; i < n; i++) {
        const char *t = lines[i];
        int at_line = strncmp(t, source, len) == 0 && t[len] == ':' &&
                      g_ascii_isdigit(t[len + 1]);
        placed[i] = (placed_line){lines[i], at_line ? g_ascii_strtoull(t + len + 1, NULL, 10)
                                                    : 0, i};
    }
    qsort(placed, n, sizeof *placed, compare_placed);
    g_string_truncate(d->text, 0);
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(d->text, "%s%s", i ? "\n" : "", placed[i].text);
    g_free(placed);
    g_strfreev(lines);
}

/* Problems of one kind (the same message with other values, line numbers and numbers) shown
** this many times, then counted. */
#define MAX_OF_A_KIND 20

/* The kind of a problem line: after the "FILE:LINE: " part, its text without digits and
** quoted values (a column's name kept), up to its explanation. */
static char *
problem_kind(const char *line, const char *source)
{
    const char *t = line;
    if (g_str_has_prefix(t, source) && t[strlen(source)] == ':') {
        t += strlen(source) + 1;
        t += strspn(t, "0123456789");
        t += strspn(t, ": ");
    }
    GString *key = g_string_new(NULL);
    const char *named = strstr(t, "': ");
    if (g_str_has_prefix(t, "column '") && named != NULL) {
        g_string_append_len(key, t, named + 3 - t);
        t = named + 3;
    }
    int quoted = 0;
    for (; *t != '\0'; t++) {
        if (!quoted && (g_str_has_prefix(t, " (") || g_str_has_prefix(t, "; ")))
            break;
        if (*t == '\'')
            quoted = !quoted;
        else if (!quoted && !g_ascii_isdigit(*t) &&
                 !(*t == ' ' && key->len > 0 && key->str[key->len - 1] == ' '))
            g_string_append_c(key, *t);
    }
    return g_string_free(key, FALSE);
}

/* More than MAX_OF_A_KIND problems of one kind (every row with the same bad value): the
** first ones, then "… and N more" for the kind, so the other kinds are not buried. */
static void
cap_problems(sk__diagnostics *d, const char *source)
{
    if (d->count <= MAX_OF_A_KIND)
        return;
    char **lines = g_strsplit(d->text->str, "\n", -1);
    /* kind -> lines of it so far; kinds in order of their first line */
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *kinds = g_ptr_array_new();
    g_string_truncate(d->text, 0);
    d->count = 0;
    for (size_t i = 0; lines[i] != NULL; i++) {
        char *kind = problem_kind(lines[i], source);
        size_t n = GPOINTER_TO_SIZE(g_hash_table_lookup(seen, kind));
        if (n == 0)
            g_ptr_array_add(kinds, kind);
        /* An existing key stays (the one in kinds); this copy is freed. */
        g_hash_table_insert(seen, kind, GSIZE_TO_POINTER(n + 1));
        if (n < MAX_OF_A_KIND)
            g_string_append_printf(d->text, "%s%s", d->count++ ? "\n" : "", lines[i]);
    }
    for (guint k = 0; k < kinds->len; k++) {
        size_t n = GPOINTER_TO_SIZE(g_hash_table_lookup(seen, kinds->pdata[k]));
        char *kind = g_strstrip(g_strdup(kinds->pdata[k]));
        if (n > MAX_OF_A_KIND)
            g_string_append_printf(d->text, "\n%s: … and %zu more problems of the same kind "
                                   "(%s)", source, n - MAX_OF_A_KIND, kind);
        d->count += n > MAX_OF_A_KIND;
        g_free(kind);
    }
    g_ptr_array_free(kinds, TRUE);
    g_hash_table_destroy(seen);
    g_strfreev(lines);
}

static void
check_all(sk_points *p, const sk_style *style, const sk_points_options *o,
          const sk__ogr_backend *be, const double *stored, sk__diagnostics *d)
{
    sk__points_check_columns(p, d);
    read_source(p, o, be, stored, d);
    sk__points_check_ids(p, d);
    sk__points_check_scales(p, style, d);
    sk__points_check_places(p, d);
    if (p->table.rows == 0)
        sk__diagnostics_add(d, "%s: the %s has no rows", o->path, WHAT);
}

/* Validate the table read into p and place its points: from the cache when an earlier load
** of the same files placed them (no back-end needed), else through the back-end. */
static sk_status
check_and_place(sk_ctx *ctx, sk_points *p, const sk_style *style, const sk_points_options *o,
                const sk__ogr_backend *be, const sk__cache_reading *reading)
{
    double *stored = NULL;
    int hit = sk__points_stored_read(ctx, p, o, &stored);
    if (!hit && be == NULL && (be = sk__ogr_backend_get(ctx)) == NULL)
        return sk_ctx_status(ctx);
    sk__diagnostics d;
    sk__diagnostics_init(&d);
    check_all(p, style, o, be, stored, &d);
    g_free(stored);
    order_by_line(&d, p->source);
    cap_problems(&d, p->source);
    if (sk__diagnostics_finish(&d, ctx) != SK_OK)
        return SK_EINPUT;
    if (!hit) {
        locate(p, be);
        sk__points_stored_write(p, o, reading);
    }
    warn_unlocated(ctx, p);
    return SK_OK;
}

sk_status
sk_points_load(sk_ctx *ctx, const sk_geography *geo, const sk_style *style,
               const sk_points_options *o, sk_points **out)
{
    *out = NULL;
    sk_points *p = g_new0(sk_points, 1);
    p->geo = geo;
    p->source = g_strdup(o->path != NULL ? o->path : "");
    sk__ogr_data_init(&p->table);
    const sk__ogr_backend *be = NULL;
    sk__cache_reading reading;
    sk__cache_reading_start(&reading, ctx);
    /* Where the points lie depends on the boundaries too: their files are in the entry. */
    sk__geography_note_sources(ctx, geo);
    sk_status st = read_data(ctx, p, o, &be);
    if (st == SK_OK && !fields_apply(ctx, p, o))
        st = sk_ctx_status(ctx);
    if (st == SK_OK)
        st = check_and_place(ctx, p, style, o, be, &reading);
    sk__cache_reading_end(&reading);
    if (st != SK_OK) {
        sk_points_free(p);
        return st;
    }
    p->name_col = sk__ogr_column_optional(&p->table, "naam");
    if (p->name_col < 0)
        p->name_col = sk__ogr_column_optional(&p->table, "name");
    *out = p;
    return SK_OK;
}

/* ---- accessors ---------------------------------------------------------------------- */

size_t
sk_points_count(const sk_points *p)
{
    return p->table.rows;
}

const char *
sk_points_source(const sk_points *p)
{
    return p->source;
}

size_t
sk_points_column_count(const sk_points *p)
{
    return p->table.columns->len;
}

const char *
sk_points_column_name(const sk_points *p, size_t c)
{
    return c < p->table.columns->len ? g_ptr_array_index(p->table.columns, (guint)c) : NULL;
}

int
sk_points_column_find(const sk_points *p, const char *name)
{
    return sk__ogr_column_optional(&p->table, name);
}

const char *
sk_points_value(const sk_points *p, size_t i, size_t c)
{
    return sk__ogr_cell(&p->table, i, c);
}

void
sk_points_position(const sk_points *p, size_t i, double *x, double *y)
{
    *x = p->xy[2 * i];
    *y = p->xy[2 * i + 1];
}

const char *
sk_points_id(const sk_points *p, size_t i)
{
    return g_ptr_array_index(p->ids, (guint)i);
}

const char *
sk_points_name(const sk_points *p, size_t i)
{
    return p->name_col >= 0 ? sk__ogr_cell(&p->table, i, (size_t)p->name_col) : "";
}

const char *
sk_points_where(const sk_points *p, size_t i)
{
    return g_ptr_array_index(p->table.where, (guint)i);
}

size_t
sk_points_covered(const sk_points *p, size_t i, const size_t **out)
{
    *out = (const size_t *)(void *)p->covered->data + p->cov_first[i];
    return p->cov_count[i];
}

long
sk_points_municipality(const sk_points *p, size_t i)
{
    return p->municipality[i];
}
