/* The atlas: an atlas file read with GKeyFile, expanded into pages, rendered once to a PDF
** and to PNGs on all cores from one loaded geography. */
#include <errno.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include "internal.h"
#include "layout.h"
#include "panels_internal.h"
#include "map_internal.h"
#include "output.h"
#include "render_internal.h"
#include "style_internal.h"
#include "text.h"
#include "vocabulary.h"

typedef enum page_kind { PAGE_CONTENTS, PAGE_SECTION, PAGE_MAP, PAGE_PANELS } page_kind;

typedef struct page {
    page_kind kind;
    char *id;             /* from the atlas file, unique */
    char *name;           /* file stem: NNN-id */
    char *title, *caption;
    int section;          /* index of its section page, or -1 */
    sk_filter *filter;    /* maps */
    int show;             /* maps: principle shown, or -1 for a total map */
    sk_filter *highlight; /* highlight maps */
    int count;            /* count maps: classed by method/breaks/classes */
    sk_breaks method;
    unsigned breaks[16];
    size_t nbreaks, classes;
    char *note;
    int counts;           /* maps: -1 as the style says */
    int line;             /* where the page is defined, for messages */
    GArray *panels;       /* panel pages: the maps (page, kind PAGE_MAP) on the page */
    char *panel_principle;/* highlight panels: what is highlighted, for the shared legend */
    char *table, *table_key, *table_column;   /* table maps */
    int overview;                             /* the regions overview */
    int table_by_region;                      /* table rows name regions */
    int outline_regions;                      /* outline the regions taking part */
    char *text;                               /* a text panel beside the map */
    char *geography;                          /* a [geography NAME], or NULL: the default */
    int core_of;      /* insurer label + 1 whose kernwerkgebied is outlined; 0: none */
    /* A zoomed map: the municipalities it frames (names for sk_geography_select), or an
    ** insurer's kernwerkgebied (label + 1; 0: none). */
    char *zoom_regions, *zoom_municipalities, *zoom_province;
    int zoom_core;
    sk_principle table_principle;
} page;

/* A further geography an atlas draws on ([geography NAME]), e.g. the zorgkantoorregio's. */
typedef struct alt_geography {
    char *name;
    char *municipalities, *regions, *membership;
    char *region_code, *region_name, *membership_code, *membership_name;
    char *region_label;
    int line;
} alt_geography;

struct sk_atlas {
    char *path, *dir, *data_dir;
    GArray *geographies;  /* alt_geography */
    char *title, *subtitle, *source;
    char *style, *municipalities, *regions, *membership, *projects, *sheet;
    char *core, *core_geography, *core_column;   /* kernwerkgebieden for core_of */
    sk_page_size page_size;
    GArray *pages;        /* page; contents pages first */
    size_t contents_pages;
};

static void
page_clear(page *p)
{
    if (p->panels != NULL) {
        for (guint i = 0; i < p->panels->len; i++)
            page_clear(&g_array_index(p->panels, page, i));
        g_array_free(p->panels, TRUE);
    }
    g_free(p->panel_principle);
    g_free(p->zoom_regions);
    g_free(p->zoom_municipalities);
    g_free(p->zoom_province);
    g_free(p->table);
    g_free(p->table_key);
    g_free(p->table_column);
    g_free(p->geography);
    g_free(p->text);
    g_free(p->id);
    g_free(p->name);
    g_free(p->title);
    g_free(p->caption);
    g_free(p->note);
    sk_filter_free(p->filter);
    sk_filter_free(p->highlight);
}

void
sk_atlas_free(sk_atlas *a)
{
    if (a == NULL)
        return;
    char **strings[] = {&a->core, &a->core_geography, &a->core_column,
                        &a->path, &a->dir, &a->data_dir, &a->title, &a->subtitle, &a->source, &a->style,
                        &a->municipalities, &a->regions, &a->membership, &a->projects,
                        &a->sheet};
    for (size_t i = 0; i < G_N_ELEMENTS(strings); i++)
        g_free(*strings[i]);
    if (a->pages != NULL) {
        for (guint i = 0; i < a->pages->len; i++)
            page_clear(&g_array_index(a->pages, page, i));
        g_array_free(a->pages, TRUE);
    }
    if (a->geographies != NULL) {
        for (guint i = 0; i < a->geographies->len; i++) {
            alt_geography *g = &g_array_index(a->geographies, alt_geography, i);
            char **fields[] = {&g->name, &g->municipalities, &g->regions, &g->membership,
                               &g->region_code, &g->region_name, &g->membership_code,
                               &g->membership_name, &g->region_label};
            for (size_t k = 0; k < G_N_ELEMENTS(fields); k++)
                g_free(*fields[k]);
        }
        g_array_free(a->geographies, TRUE);
    }
    g_free(a);
}

size_t
sk_atlas_page_count(const sk_atlas *a)
{
    return a->pages->len;
}

const char *
sk_atlas_page_name(const sk_atlas *a, size_t i)
{
    return i < a->pages->len ? g_array_index(a->pages, page, i).name : NULL;
}

size_t
sk_atlas_page_maps(const sk_atlas *a, size_t i)
{
    if (i >= a->pages->len)
        return 0;
    const page *pg = &g_array_index(a->pages, page, i);
    return pg->kind == PAGE_MAP ? 1 : pg->kind == PAGE_PANELS ? pg->panels->len : 0;
}

const char *
sk_atlas_page_title(const sk_atlas *a, size_t i)
{
    return i < a->pages->len ? g_array_index(a->pages, page, i).title : NULL;
}

void
sk_atlas_options_init(sk_atlas_options *o)
{
    *o = (sk_atlas_options){.dpi = 150, .thumbnail_width = 440};
}

/* ---- reading the atlas file -------------------------------------------------------- */

/* GKeyFile does not say where a key was: find the line by reading the text again.  Returns
** the line of key in group (or of the group header when key is NULL), 0 when not found. */
static int
line_of(char **lines, const char *group, const char *key)
{
    int in_group = 0;
    for (int i = 0; lines[i] != NULL; i++) {
        char *l = g_strstrip(g_strdup(lines[i]));
        if (l[0] == '[') {
            char *end = strrchr(l, ']');
            if (end != NULL)
                *end = '\0';
            in_group = strcmp(g_strstrip(l + 1), group) == 0;
            if (in_group && key == NULL) {
                g_free(l);
                return i + 1;
            }
        } else if (in_group && key != NULL && l[0] != '#') {
            char *eq = strchr(l, '=');
            if (eq != NULL) {
                *eq = '\0';
                if (strcmp(g_strstrip(l), key) == 0) {
                    g_free(l);
                    return i + 1;
                }
            }
        }
        g_free(l);
    }
    return 0;
}

typedef struct reader {
    const char *path;
    GKeyFile *kf;
    char **lines;
    sk__diagnostics diags;
} reader;

static void G_GNUC_PRINTF(4, 5)
problem(reader *r, const char *group, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    int line = line_of(r->lines, group, key);
    if (line == 0)
        line = line_of(r->lines, group, NULL);
    if (key != NULL)
        sk__diagnostics_add(&r->diags, "%s:%d: [%s] %s: %s", r->path, line, group, key, msg);
    else
        sk__diagnostics_add(&r->diags, "%s:%d: [%s]: %s", r->path, line, group, msg);
    g_free(msg);
}

/* Report keys of group that are not among allowed (NULL-terminated). */
static void
check_keys(reader *r, const char *group, const char *const *allowed)
{
    gsize n;
    char **keys = g_key_file_get_keys(r->kf, group, &n, NULL);
    for (gsize i = 0; i < n; i++) {
        int ok = 0;
        for (size_t k = 0; allowed[k] != NULL && !ok; k++)
            ok = strcmp(keys[i], allowed[k]) == 0;
        if (ok)
            continue;
        char *norm = sk__normalize(keys[i]);
        sk__suggestion s;
        sk__suggestion_init(&s, norm);
        for (size_t k = 0; allowed[k] != NULL; k++)
            sk__suggestion_offer(&s, allowed[k], allowed[k]);
        problem(r, group, keys[i], "unknown key (did you mean '%s'?)", s.best);
        g_free(norm);
    }
    g_strfreev(keys);
}

static char *
get(reader *r, const char *group, const char *key)
{
    char *v = g_key_file_get_string(r->kf, group, key, NULL);
    return v != NULL ? g_strstrip(v) : NULL;
}

static char *
require(reader *r, const char *group, const char *key)
{
    char *v = get(r, group, key);
    if (v == NULL || v[0] == '\0')
        problem(r, group, NULL, "missing '%s'", key);
    return v;
}

/* A data file named in the atlas: next to the atlas file, else in the data directory. */
static char *
resolve_data(const sk_atlas *a, const char *name)
{
    if (name == NULL || name[0] == '\0')
        return NULL;
    char *path = g_path_is_absolute(name) || strchr(name, ':') != NULL
                     ? g_strdup(name)
                     : g_build_filename(a->dir, name, NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS) && a->data_dir != NULL &&
        !g_path_is_absolute(name)) {
        g_free(path);
        path = g_build_filename(a->data_dir, name, NULL);
    }
    return path;
}

/* Paths in the atlas file are relative to it. */
static char *
resolve(const sk_atlas *a, const char *path)
{
    if (path == NULL || path[0] == '\0')
        return NULL;
    if (g_path_is_absolute(path) || strchr(path, ':') != NULL)
        return g_strdup(path);
    return g_build_filename(a->dir, path, NULL);
}

static int
valid_id(const char *id)
{
    if (id == NULL || id[0] == '\0')
        return 0;
    for (const char *p = id; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_')
            return 0;
    return 1;
}

/* A label key as part of an id: "Zilveren Kruis" -> "zilveren-kruis". */
static char *
id_part(const char *key)
{
    char *n = sk__normalize(key);
    for (char *p = n; *p; p++)
        if (!g_ascii_isalnum(*p))
            *p = '-';
    return n;
}

/* Replace {label} and {key} in a template. */
static char *
expand(const char *template, const char *label, const char *key)
{
    char **a = g_strsplit(template, "{label}", -1);
    char *t = g_strjoinv(label, a);
    g_strfreev(a);
    char **b = g_strsplit(t, "{key}", -1);
    char *u = g_strjoinv(key, b);
    g_strfreev(b);
    g_free(t);
    return u;
}

/* The keys every map (and family) may have. */
#define MAP_KEYS "title", "caption", "where", "show", "counts", "highlight", "count", \
                 "classes", "note", "table", "table_key", "table_column", "table_principle", \
                 "regions_overview", "table_by_region", "geography", "outline_regions", \
                 "text", "core_of", "zoom_regions", "zoom_municipalities", "zoom_province", \
                 "zoom_core"

/* A true/false key: *out is set when the key is there and valid, a problem otherwise. */
static void
get_bool(reader *r, const char *group, const char *key, int *out)
{
    if (!g_key_file_has_key(r->kf, group, key, NULL))
        return;
    GError *err = NULL;
    gboolean b = g_key_file_get_boolean(r->kf, group, key, &err);
    if (err != NULL) {
        problem(r, group, key, "not true or false");
        g_error_free(err);
        return;
    }
    *out = b;
}

/* An insurer named by key (core_of, zoom_core): its label + 1, 0 when absent or unknown (a
** problem), -1 for "{label}", the insurer of a family over zorgverzekeraar. */
static int
insurer_key(reader *r, const char *group, const char *key)
{
    char *v = get(r, group, key);
    int out = 0;
    if (v != NULL && strcmp(v, "{label}") == 0) {
        out = -1;
    } else if (v != NULL) {
        int k = sk__label_parse(SK_INSURER, v, NULL);
        if (k < 0)
            problem(r, group, key, "unknown insurer '%s' (did you mean '%s'?)", v,
                    sk__label_suggest(SK_INSURER, v));
        out = k + 1;
    }
    g_free(v);
    return out;
}

/* Parse a map's where, show, highlight, count and note keys; problems go to r.
** extra_clause and extra_highlight come from a family. */
static void
read_map_keys(reader *r, const char *group, page *pg, const char *extra_clause,
              const char *extra_highlight)
{
    pg->filter = sk_filter_new();
    pg->table = get(r, group, "table");
    pg->geography = get(r, group, "geography");
    pg->text = get(r, group, "text");
    pg->core_of = insurer_key(r, group, "core_of");
    pg->zoom_core = insurer_key(r, group, "zoom_core");
    pg->zoom_regions = get(r, group, "zoom_regions");
    pg->zoom_municipalities = get(r, group, "zoom_municipalities");
    pg->zoom_province = get(r, group, "zoom_province");
    get_bool(r, group, "outline_regions", &pg->outline_regions);
    get_bool(r, group, "table_by_region", &pg->table_by_region);
    get_bool(r, group, "regions_overview", &pg->overview);
    pg->table_key = get(r, group, "table_key");
    pg->table_column = get(r, group, "table_column");
    pg->table_principle = SK_INSURER;
    char *tp = get(r, group, "table_principle");
    if (tp != NULL) {
        sk_ctx *probe = sk_ctx_new();
        if (sk_principle_parse(probe, tp, &pg->table_principle) != SK_OK)
            problem(r, group, "table_principle", "%s", sk_ctx_errmsg(probe));
        sk_ctx_free(probe);
        g_free(tp);
    }
    pg->show = -1;
    pg->counts = -1;
    pg->note = get(r, group, "note");
    gsize nh = 0;
    char **highlight = g_key_file_get_string_list(r->kf, group, "highlight", &nh, NULL);
    sk_ctx *hprobe = sk_ctx_new();
    for (gsize i = 0; i < nh; i++) {
        char *clause = g_strstrip(highlight[i]);
        if (clause[0] == '\0')
            continue;
        if (pg->highlight == NULL)
            pg->highlight = sk_filter_new();
        if (sk_filter_add(hprobe, pg->highlight, clause) != SK_OK) {
            problem(r, group, "highlight", "%s", sk_ctx_errmsg(hprobe));
            sk_ctx_clear_error(hprobe);
        }
    }
    g_strfreev(highlight);
    if (extra_highlight != NULL) {
        if (pg->highlight == NULL)
            pg->highlight = sk_filter_new();
        if (sk_filter_add(hprobe, pg->highlight, extra_highlight) != SK_OK)
            problem(r, group, "highlight_for", "%s", sk_ctx_errmsg(hprobe));
    }
    char *count = get(r, group, "count");
    if (count != NULL) {
        pg->count = 1;
        if (sk_breaks_parse(hprobe, count, &pg->method, pg->breaks, G_N_ELEMENTS(pg->breaks),
                            &pg->nbreaks) != SK_OK)
            problem(r, group, "count", "%s", sk_ctx_errmsg(hprobe));
    }
    g_free(count);
    pg->classes = 5;
    if (g_key_file_has_key(r->kf, group, "classes", NULL)) {
        GError *err = NULL;
        int n = g_key_file_get_integer(r->kf, group, "classes", &err);
        if (err != NULL || n < 1 || n > 12)
            problem(r, group, "classes", "expected a number of classes from 1 to 12");
        else
            pg->classes = (size_t)n;
        if (err != NULL)
            g_error_free(err);
    }
    sk_ctx_free(hprobe);
    gsize n = 0;
    char **where = g_key_file_get_string_list(r->kf, group, "where", &n, NULL);
    sk_ctx *probe = sk_ctx_new();
    for (gsize i = 0; i < n; i++) {
        char *clause = g_strstrip(where[i]);
        if (clause[0] == '\0')
            continue;
        if (sk_filter_add(probe, pg->filter, clause) != SK_OK) {
            problem(r, group, "where", "%s", sk_ctx_errmsg(probe));
            sk_ctx_clear_error(probe);
        }
    }
    g_strfreev(where);
    if (extra_clause != NULL && sk_filter_add(probe, pg->filter, extra_clause) != SK_OK) {
        problem(r, group, "for", "%s", sk_ctx_errmsg(probe));
        sk_ctx_clear_error(probe);
    }
    char *show = get(r, group, "show");
    if (show != NULL && show[0] != '\0') {
        sk_principle p;
        if (sk_principle_parse(probe, show, &p) == SK_OK)
            pg->show = (int)p;
        else
            problem(r, group, "show", "%s", sk_ctx_errmsg(probe));
    }
    g_free(show);
    if ((pg->show >= 0) + (pg->highlight != NULL) + pg->count + (pg->table != NULL) +
            pg->overview > 1)
        problem(r, group, NULL, "show, highlight, count, table and regions_overview make "
                "different maps; give one");
    get_bool(r, group, "counts", &pg->counts);
    sk_ctx_free(probe);
}

static void
add_page(sk_atlas *a, page *pg)
{
    g_array_append_val(a->pages, *pg);
}

static void
read_map(reader *r, sk_atlas *a, const char *group, const char *id, int section)
{
    static const char *const keys[] = {MAP_KEYS, NULL};
    check_keys(r, group, keys);
    page pg = {.kind = PAGE_MAP, .id = g_strdup(id), .section = section,
               .line = line_of(r->lines, group, NULL)};
    pg.title = require(r, group, "title");
    pg.caption = get(r, group, "caption");
    read_map_keys(r, group, &pg, NULL, NULL);
    int *keys_of[] = {&pg.core_of, &pg.zoom_core};
    const char *key_names[] = {"core_of", "zoom_core"};
    for (size_t k = 0; k < 2; k++) {
        if (*keys_of[k] >= 0)
            continue;
        problem(r, group, key_names[k], "{label} stands for the insurer of a family over "
                "zorgverzekeraar; name the insurer here");
        *keys_of[k] = 0;
    }
    add_page(a, &pg);
}

/* The labels a family runs over: every label of principle p, or those listed under key
** (picked and ordered).  Returns their indices; *n their number. */
static size_t *
family_labels(reader *r, const char *group, const char *key, sk_principle p, size_t *n)
{
    size_t count = sk_principle_label_count(p);
    gsize nchosen = 0;
    char **chosen = g_key_file_get_string_list(r->kf, group, key, &nchosen, NULL);
    size_t *order = g_new(size_t, count + nchosen + 1);
    *n = 0;
    if (chosen == NULL) {
        for (size_t l = 0; l < count; l++)
            order[(*n)++] = l;
    } else {
        for (gsize i = 0; i < nchosen; i++) {
            char *v = g_strstrip(chosen[i]);
            int l = sk__label_parse(p, v, NULL);
            if (l < 0)
                problem(r, group, key, "unknown %s '%s' (did you mean '%s'?)",
                        sk_principle_name(p), v, sk__label_suggest(p, v));
            else
                order[(*n)++] = (size_t)l;
        }
    }
    g_strfreev(chosen);
    return order;
}

static int
family_principle(reader *r, const char *group, const char *key, sk_principle *p)
{
    char *name = get(r, group, key);
    if (name == NULL)
        return 0;
    sk_ctx *probe = sk_ctx_new();
    int ok = sk_principle_parse(probe, name, p) == SK_OK;
    if (!ok)
        problem(r, group, key, "%s", sk_ctx_errmsg(probe));
    sk_ctx_free(probe);
    g_free(name);
    return ok;
}

/* Replace {label}, {key} and {highlight} in a family's title or caption. */
static char *
family_text(const char *template, const sk__label_def *l, const sk__label_def *h)
{
    char *t = expand(template, l->display, l->key);
    if (h == NULL)
        return t;
    char **parts = g_strsplit(t, "{highlight}", -1);
    char *u = g_strjoinv(h->display, parts);
    g_strfreev(parts);
    g_free(t);
    return u;
}

/* A family: one map per label of a principle ("every theme x samenwerkingsvorm"), or with
** highlight_for one highlight map per pair of labels ("implementatie: ouderen" for every
** form against every theme). */
static void
read_family(reader *r, sk_atlas *a, const char *group, const char *id, int section)
{
    static const char *const keys[] = {MAP_KEYS, "for", "labels", "highlight_for",
                                       "highlight_labels", "per_page", "panel_title", NULL};
    check_keys(r, group, keys);
    char *title = require(r, group, "title"), *caption = get(r, group, "caption");
    /* per_page: the family's maps as small multiples, that many to a page (2 to 6). */
    int per_page = 0;
    if (g_key_file_has_key(r->kf, group, "per_page", NULL)) {
        GError *err = NULL;
        per_page = g_key_file_get_integer(r->kf, group, "per_page", &err);
        if (err != NULL || per_page < 2 || per_page > 6) {
            problem(r, group, "per_page", "expected 2 to 6 maps per page");
            per_page = 0;
        }
        if (err != NULL)
            g_error_free(err);
    }
    char *panel_title = get(r, group, "panel_title");
    sk_principle p = SK_THEME, hp = SK_THEME;
    int ok = title != NULL && family_principle(r, group, "for", &p);
    if (!g_key_file_has_key(r->kf, group, "for", NULL))
        problem(r, group, NULL, "missing 'for'");
    int pairs = g_key_file_has_key(r->kf, group, "highlight_for", NULL);
    if (pairs)
        ok = family_principle(r, group, "highlight_for", &hp) && ok;
    size_t n = 0, nh = 1, count;
    size_t *order = family_labels(r, group, "labels", p, &n);
    size_t *horder = pairs ? family_labels(r, group, "highlight_labels", hp, &nh) : NULL;
    const sk__label_def *labels = sk__vocabulary(p, &count);
    const sk__label_def *hlabels = sk__vocabulary(hp, &count);
    /* Pairs run over the highlighted labels within each label; single families over the
    ** labels.  With per_page, consecutive maps of one run share a page. */
    size_t outer = pairs ? n : 1, inner = pairs ? nh : n;
    for (size_t i = 0; i < outer && ok; i++) {
        page *sheet = NULL;
        for (size_t k = 0; k < inner; k++) {
            const sk__label_def *l = &labels[order[pairs ? i : k]];
            const sk__label_def *h = pairs ? &hlabels[horder[k]] : NULL;
            char *key = id_part(l->key), *hkey = h != NULL ? id_part(h->key) : NULL;
            char *clause = g_strdup_printf("%s=%s", sk_principle_name(p), l->key);
            char *hclause = h != NULL ? g_strdup_printf("%s=%s", sk_principle_name(hp), h->key)
                                      : NULL;
            page pg = {.kind = PAGE_MAP, .section = section,
                       .line = line_of(r->lines, group, NULL)};
            pg.id = h != NULL ? g_strdup_printf("%s-%s-%s", id, key, hkey)
                              : g_strdup_printf("%s-%s", id, key);
            read_map_keys(r, group, &pg, clause, hclause);
            int *keys_of[] = {&pg.core_of, &pg.zoom_core};
            const char *key_names[] = {"core_of", "zoom_core"};
            for (size_t q = 0; q < 2; q++) {
                if (*keys_of[q] >= 0)
                    continue;
                /* {label}: each map its own insurer's kernwerkgebied. */
                if (p == SK_INSURER && !pairs)
                    *keys_of[q] = (int)order[k] + 1;
                else if (k == 0 && i == 0)
                    problem(r, group, key_names[q], "{label} stands for the insurer of a "
                            "family over zorgverzekeraar, not %s", sk_principle_name(p));
                if (*keys_of[q] < 0)
                    *keys_of[q] = 0;
            }
            if (per_page == 0) {
                pg.title = family_text(title, l, h);
                pg.caption = caption != NULL ? family_text(caption, l, h) : NULL;
                add_page(a, &pg);
            } else {
                if (sheet == NULL || sheet->panels->len == (guint)per_page) {
                    page pp = {.kind = PAGE_PANELS, .section = section, .show = -1,
                               .counts = -1, .line = pg.line};
                    guint number = 1;
                    for (guint q = 0; q < a->pages->len; q++)
                        number += g_str_has_prefix(g_array_index(a->pages, page, q).id, id);
                    pp.id = pairs ? g_strdup_printf("%s-%s-%zu", id, key, k / (size_t)per_page + 1)
                                  : g_strdup_printf("%s-%u", id, number);
                    pp.title = family_text(title, l, NULL);
                    pp.caption = caption != NULL ? family_text(caption, l, NULL) : NULL;
                    pp.note = get(r, group, "note");
                    pp.panels = g_array_new(FALSE, TRUE, sizeof(page));
                    pp.panel_principle = pairs ? g_strdup(sk_principle_name(hp)) : NULL;
                    add_page(a, &pp);
                    sheet = &g_array_index(a->pages, page, a->pages->len - 1);
                }
                pg.title = family_text(panel_title != NULL ? panel_title
                                                           : pairs ? "{highlight}" : "{label}",
                                       l, h);
                g_array_append_val(sheet->panels, pg);
            }
            g_free(clause);
            g_free(hclause);
            g_free(key);
            g_free(hkey);
        }
    }
    g_free(order);
    g_free(horder);
    g_free(title);
    g_free(caption);
    g_free(panel_title);
}

static void
read_head(reader *r, sk_atlas *a)
{
    static const char *const keys[] = {"title", "subtitle", "source", "style", "page",
                                       "data", "municipalities", "regions", "membership",
                                       "projects", "sheet", "core", "core_geography",
                                       "core_column", NULL};
    check_keys(r, "atlas", keys);
    a->title = require(r, "atlas", "title");
    a->subtitle = get(r, "atlas", "subtitle");
    a->source = get(r, "atlas", "source");
    char *v;
    if ((v = get(r, "atlas", "style")) != NULL)
        a->style = resolve(a, v);
    g_free(v);
    a->page_size = SK_PAGE_FROM_STYLE;
    if ((v = get(r, "atlas", "page")) != NULL) {
        if (strcmp(v, "a4") == 0 || strcmp(v, "a4-landscape") == 0)
            a->page_size = SK_PAGE_A4_LANDSCAPE;
        else if (strcmp(v, "slide") == 0 || strcmp(v, "slide-16x9") == 0)
            a->page_size = SK_PAGE_SLIDE_16_9;
        else
            problem(r, "atlas", "page", "unknown value '%s' (expected a4 or slide)", v);
    }
    g_free(v);
    char **slots[] = {&a->municipalities, &a->regions, &a->membership, &a->projects};
    const char *names[] = {"municipalities", "regions", "membership", "projects"};
    for (size_t i = 0; i < G_N_ELEMENTS(slots); i++) {
        v = get(r, "atlas", names[i]);
        *slots[i] = resolve(a, v);
        g_free(v);
    }
    a->sheet = get(r, "atlas", "sheet");
    v = get(r, "atlas", "core");
    a->core = resolve_data(a, v);
    g_free(v);
    a->core_geography = get(r, "atlas", "core_geography");
    a->core_column = get(r, "atlas", "core_column");
}

/* The [geography NAME] of that name (an index into a->geographies), or -1. */
static int
geography_index(const sk_atlas *a, const char *name)
{
    for (guint k = 0; name != NULL && k < a->geographies->len; k++)
        if (strcmp(g_array_index(a->geographies, alt_geography, k).name, name) == 0)
            return (int)k;
    return -1;
}

/* Whether a page (or a panel) outlines or zooms to a kernwerkgebied. */
static int
uses_core(const sk_atlas *a)
{
    for (guint i = 0; i < a->pages->len; i++) {
        const page *pg = &g_array_index(a->pages, page, i);
        if (pg->core_of > 0 || pg->zoom_core > 0)
            return 1;
        for (guint k = 0; pg->panels != NULL && k < pg->panels->len; k++)
            if (g_array_index(pg->panels, page, k).core_of > 0 ||
                g_array_index(pg->panels, page, k).zoom_core > 0)
                return 1;
    }
    return 0;
}

sk_status
sk_atlas_load(sk_ctx *ctx, const char *path, const char *data_dir, sk_atlas **out)
{
    *out = NULL;
    char *text = NULL;
    GError *err = NULL;
    if (!g_file_get_contents(path, &text, NULL, &err)) {
        sk_status st = sk__error(ctx, SK_EINPUT, "%s: cannot read atlas file: %s", path,
                                 err->message);
        g_error_free(err);
        return st;
    }
    reader r = {path, g_key_file_new(), g_strsplit(text, "\n", -1), {0}};
    if (!g_key_file_load_from_data(r.kf, text, (gsize)-1, G_KEY_FILE_NONE, &err)) {
        /* GKeyFile's parse errors already name the line. */
        sk_status st = sk__error(ctx, SK_EINPUT, "%s: %s", path, err->message);
        g_error_free(err);
        g_key_file_free(r.kf);
        g_strfreev(r.lines);
        g_free(text);
        return st;
    }
    g_free(text);
    sk__diagnostics_init(&r.diags);

    sk_atlas *a = g_new0(sk_atlas, 1);
    a->path = g_strdup(path);
    a->dir = g_path_get_dirname(path);
    a->data_dir = g_strdup(data_dir);
    a->geographies = g_array_new(FALSE, TRUE, sizeof(alt_geography));
    a->pages = g_array_new(FALSE, TRUE, sizeof(page));
    if (!g_key_file_has_group(r.kf, "atlas"))
        sk__diagnostics_add(&r.diags, "%s:1: no [atlas] group (title, data and style of the "
                            "atlas)", path);
    else
        read_head(&r, a);
    /* Data the atlas does not name comes from the data directory. */
    const char *defaults[] = {"gemeenten_2017.shp", "wmo_regios_2017.shp",
                              "gemeenten_regios_2017.csv", "projecten_2017.csv"};
    char **slots[] = {&a->municipalities, &a->regions, &a->membership, &a->projects};
    /* Boundaries of its own come with their own regions: only the projects default then. */
    int own_boundaries = a->municipalities != NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(slots) && data_dir != NULL; i++)
        if (*slots[i] == NULL && (!own_boundaries || i == 3))
            *slots[i] = g_build_filename(data_dir, defaults[i], NULL);

    gsize ngroups;
    char **groups = g_key_file_get_groups(r.kf, &ngroups);
    int section = -1;
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < ngroups; i++) {
        const char *g = groups[i];
        if (strcmp(g, "atlas") == 0)
            continue;
        const char *space = strchr(g, ' ');
        char *kind = space != NULL ? g_strndup(g, (size_t)(space - g)) : g_strdup(g);
        const char *id = space != NULL ? space + 1 : "";
        guint before = a->pages->len;
        if (!valid_id(id)) {
            problem(&r, g, NULL, "expected [section ID], [map ID] or [family ID] with an id "
                    "of letters, digits and '-'");
        } else if (strcmp(kind, "section") == 0) {
            static const char *const keys[] = {"title", NULL};
            check_keys(&r, g, keys);
            page pg = {.kind = PAGE_SECTION, .id = g_strdup(id), .show = -1, .counts = -1,
                       .line = line_of(r.lines, g, NULL)};
            pg.title = require(&r, g, "title");
            section = (int)a->pages->len;
            pg.section = section;
            add_page(a, &pg);
        } else if (strcmp(kind, "map") == 0) {
            read_map(&r, a, g, id, section);
        } else if (strcmp(kind, "family") == 0) {
            read_family(&r, a, g, id, section);
        } else if (strcmp(kind, "geography") == 0) {
            static const char *const keys[] = {"municipalities", "regions", "membership",
                                               "region_code_field", "region_name_field",
                                               "membership_region_code_field",
                                               "membership_region_name_field",
                                               "region_label", NULL};
            check_keys(&r, g, keys);
            alt_geography ag = {.name = g_strdup(id), .line = line_of(r.lines, g, NULL)};
            char *v = require(&r, g, "municipalities");
            ag.municipalities = resolve_data(a, v);
            g_free(v);
            v = get(&r, g, "regions");
            ag.regions = resolve_data(a, v);
            g_free(v);
            v = get(&r, g, "membership");
            ag.membership = resolve_data(a, v);
            g_free(v);
            ag.region_code = get(&r, g, "region_code_field");
            ag.region_name = get(&r, g, "region_name_field");
            ag.membership_code = get(&r, g, "membership_region_code_field");
            ag.membership_name = get(&r, g, "membership_region_name_field");
            ag.region_label = get(&r, g, "region_label");
            g_array_append_val(a->geographies, ag);
        } else {
            problem(&r, g, NULL, "unknown kind '%s' (expected section, map, family or "
                    "geography)", kind);
        }
        for (guint k = before; k < a->pages->len; k++) {
            page *pg = &g_array_index(a->pages, page, k);
            if (!g_hash_table_add(ids, pg->id))
                problem(&r, g, NULL, "page id '%s' is used twice", pg->id);
        }
        g_free(kind);
    }
    g_hash_table_destroy(ids);
    /* Maps on another geography must name one that the file defines. */
    for (guint i = 0; i < a->pages->len; i++) {
        const page *pg = &g_array_index(a->pages, page, i);
        if (pg->geography != NULL && geography_index(a, pg->geography) < 0)
            sk__diagnostics_add(&r.diags, "%s:%d: page '%s': no [geography %s] in the file",
                                path, pg->line, pg->id, pg->geography);
        else if (pg->geography != NULL && pg->table == NULL && !pg->overview)
            sk__diagnostics_add(&r.diags, "%s:%d: page '%s': project maps use the atlas's own "
                                "geography; on [geography %s] draw a table or "
                                "regions_overview", path, pg->line, pg->id, pg->geography);
    }
    /* Outlined kernwerkgebieden need the geography whose regions the table names. */
    if (uses_core(a) && a->core_geography == NULL)
        problem(&r, "atlas", NULL, "core_of and zoom_core need core_geography: the "
                "[geography NAME] whose regions the kernwerkgebieden table names (e.g. "
                "core_geography = zorgkantoor)");
    else if (a->core_geography != NULL && geography_index(a, a->core_geography) < 0)
        problem(&r, "atlas", "core_geography", "no [geography %s] in the file",
                a->core_geography);
    g_strfreev(groups);
    if (a->pages->len == 0 && r.diags.count == 0)
        sk__diagnostics_add(&r.diags, "%s: the atlas has no pages", path);

    /* Contents pages come first: as many as the list needs (see draw_contents). */
    size_t entries = a->pages->len, per_page = 2 * 34;
    a->contents_pages = entries / per_page + 1;
    for (size_t i = 0; i < a->contents_pages; i++) {
        page pg = {.kind = PAGE_CONTENTS, .section = -1, .show = -1, .counts = -1};
        pg.id = i == 0 ? g_strdup("inhoud") : g_strdup_printf("inhoud-%zu", i + 1);
        pg.title = g_strdup(a->title != NULL ? a->title : "");
        g_array_insert_val(a->pages, i, pg);
    }
    for (guint i = 0; i < a->pages->len; i++) {
        page *pg = &g_array_index(a->pages, page, i);
        pg->name = g_strdup_printf("%03u-%s", i + 1, pg->id);
        if (pg->kind != PAGE_CONTENTS && pg->section >= 0)
            pg->section += (int)a->contents_pages;
    }
    g_key_file_free(r.kf);
    g_strfreev(r.lines);
    if (sk__diagnostics_finish(&r.diags, ctx) != SK_OK) {
        sk_atlas_free(a);
        return SK_EINPUT;
    }
    *out = a;
    return SK_OK;
}

/* ---- drawing text pages ------------------------------------------------------------ */

static void
set_color(cairo_t *cr, sk__color c)
{
    cairo_set_source_rgb(cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
                         (c & 0xff) / 255.0);
}

static double
show_text(cairo_t *cr, const sk_style *s, double size, int bold, const char *text, double x,
          double y, double width, sk__color color)
{
    PangoLayout *l = sk__text_layout(s, size, bold, text, width);
    set_color(cr, color);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

static void
draw_section(cairo_t *cr, const sk_style *s, const page *pg, double w, double h)
{
    set_color(cr, s->background);
    cairo_paint(cr);
    show_text(cr, s, s->title_size * 1.8, 1, pg->title, s->margin, h * 0.4,
              w - 2 * s->margin, s->text_color);
}

/* Contents page k: the atlas title, then sections and maps in columns, each a link to its
** page (page numbers are 1-based PDF pages). */
static void
draw_contents(cairo_t *cr, const sk_style *s, const sk_atlas *a, size_t k, double w, double h,
              int links)
{
    set_color(cr, s->background);
    cairo_paint(cr);
    double m = s->margin, y = m;
    if (k == 0) {
        y += show_text(cr, s, s->title_size * 1.4, 1, a->title, m, y, w - 2 * m,
                       s->text_color);
        if (a->subtitle != NULL)
            y += 2 + show_text(cr, s, s->caption_size * 1.2, 0, a->subtitle, m, y + 2,
                               w - 2 * m, s->text_color);
        y += 6 * 72 / 25.4;
    }
    double col_w = (w - 2 * m - 10) / 2, line = s->legend_size * 1.55;
    size_t per_page = 2 * 34, first = k * per_page;
    size_t entries = a->pages->len - a->contents_pages;
    double top = y;
    for (size_t e = first; e < entries && e < first + per_page; e++) {
        size_t i = e + a->contents_pages;
        const page *pg = &g_array_index(a->pages, page, i);
        size_t col = (e - first) / 34;
        double x = m + col * (col_w + 10), ly = top + ((e - first) % 34) * line;
        if (ly + line > h - m)
            continue;
        char *num = g_strdup_printf("%zu", i + 1);
        char *attr = g_strdup_printf("page=%zu", i + 1);
        if (links)
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
        int section = pg->kind == PAGE_SECTION;
        double indent = section ? 0 : 8;
        show_text(cr, s, s->legend_size, section, pg->title, x + indent, ly,
                  col_w - indent - 24, s->text_color);
        PangoLayout *nl = sk__text_layout(s, s->legend_size, 0, num, -1);
        int nw, nh;
        pango_layout_get_size(nl, &nw, &nh);
        set_color(cr, s->muted_text_color);
        cairo_move_to(cr, x + col_w - (double)nw / PANGO_SCALE, ly);
        pango_cairo_show_layout(cr, nl);
        g_object_unref(nl);
        if (links)
            cairo_tag_end(cr, CAIRO_TAG_LINK);
        g_free(attr);
        g_free(num);
    }
}

/* ---- rendering --------------------------------------------------------------------- */

typedef struct job {
    const sk_atlas *atlas;
    const sk_atlas_options *options;
    const sk_style *style;
    sk_map **maps;              /* per page, NULL for text pages */
    sk_panels **sets;           /* per page, for pages of several maps */
    sk__layers *raster_layers, *vector_layers;   /* borders shared between pages */
    size_t *order;              /* pages in the order their PNGs are drawn */
    gint next;                  /* next of order to render as PNG */
    GMutex lock;                /* guards the fields below */
    size_t done, total;
    sk_ctx *error;              /* first failure */
    int failed;
} job;

static void
report_done(job *j, const page *pg)
{
    g_mutex_lock(&j->lock);
    j->done++;
    if (j->options->progress != NULL)
        j->options->progress(j->options->progress_data, j->done, j->total, pg->name);
    g_mutex_unlock(&j->lock);
}

static void
fail(job *j, sk_ctx *ctx)
{
    g_mutex_lock(&j->lock);
    if (!g_atomic_int_get(&j->failed)) {
        g_atomic_int_set(&j->failed, 1);
        sk__error(j->error, sk_ctx_status(ctx), "%s", sk_ctx_errmsg(ctx));
    }
    g_mutex_unlock(&j->lock);
}

static sk_status render_page_png(sk_ctx *ctx, job *j, size_t i);

/* A page's PNG; failures name the page. */
static sk_status
render_png(sk_ctx *ctx, job *j, size_t i)
{
    sk_status st = render_page_png(ctx, j, i);
    if (st != SK_OK) {
        const page *pg = &g_array_index(j->atlas->pages, page, i);
        char *msg = g_strdup(sk_ctx_errmsg(ctx));
        sk_ctx_clear_error(ctx);
        sk__error(ctx, st, "page %s: %s", pg->name, msg);
        g_free(msg);
    }
    return st;
}

static sk_status
render_page_png(sk_ctx *ctx, job *j, size_t i)
{
    const page *pg = &g_array_index(j->atlas->pages, page, i);
    char *base = g_build_filename(j->options->output_dir, pg->name, NULL);
    char *png = g_strconcat(base, ".png", NULL);
    char *thumb = g_strdup_printf("%s/thumbs/%s.png", j->options->output_dir, pg->name);
    sk__thumbnail thumbnail = {thumb, j->options->thumbnail_width};
    sk_status st = SK_OK;
    /* One thread per page: the atlas spreads pages over the cores (--jobs), so --jobs 1 is
    ** one core. */
    int threads = 1;
    if (pg->kind == PAGE_PANELS) {
        sk__page_spec spec = sk__panels_spec(j->sets[i]);
        st = sk__render_panels_png(ctx, sk__panels_maps(j->sets[i]), &spec, j->options->dpi, png,
                                   j->raster_layers, &thumbnail);
    } else if (pg->kind == PAGE_MAP) {
        sk_render_options ro;
        sk_render_options_init(&ro);
        ro.dpi = j->options->dpi;
        ro.threads = threads;
        char *csv = g_strconcat(base, ".csv", NULL);
        st = sk__map_render(ctx, j->maps[i], &ro, png, j->raster_layers, &thumbnail);
        if (st == SK_OK)
            st = sk_map_write_classes_csv(ctx, j->maps[i], csv);
        g_free(csv);
    } else {
        double w, h, px = j->options->dpi / 72.0;
        sk_page_size size = j->atlas->page_size == SK_PAGE_FROM_STYLE ? j->style->page
                                                                       : j->atlas->page_size;
        sk__page_size(size, &w, &h);
        cairo_surface_t *surface = cairo_image_surface_create(
            CAIRO_FORMAT_RGB24, (int)(w * px + 0.5), (int)(h * px + 0.5));
        cairo_t *cr = cairo_create(surface);
        cairo_scale(cr, px, px);
        if (pg->kind == PAGE_SECTION)
            draw_section(cr, j->style, pg, w, h);
        else
            draw_contents(cr, j->style, j->atlas, i, w, h, 0);
        cairo_destroy(cr);
        st = sk__write_png_file(ctx, surface, png, threads);
        if (st == SK_OK)
            st = sk__write_thumbnail(ctx, surface, thumbnail.path, thumbnail.max_width);
        cairo_surface_destroy(surface);
    }
    g_free(thumb);
    g_free(png);
    g_free(base);
    return st;
}

/* The pages with most maps first: the cores then finish at about the same time instead of
** one drawing a page of six maps while the other waits (longest processing time first). */
static size_t *
png_order(const sk_atlas *a, sk_panels *const *sets, sk_map *const *maps)
{
    size_t n = a->pages->len, *order = g_new(size_t, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        size_t weight = sets[i] != NULL ? sk_panels_count(sets[i]) : maps[i] != NULL ? 1 : 0;
        /* Insertion sort, stable: equal pages keep their order. */
        size_t at = i;
        while (at > 0) {
            size_t p = order[at - 1];
            size_t w = sets[p] != NULL ? sk_panels_count(sets[p]) : maps[p] != NULL ? 1 : 0;
            if (w >= weight)
                break;
            order[at] = p;
            at--;
        }
        order[at] = i;
    }
    return order;
}

/* Workers take pages one by one until none are left or something failed. */
static gpointer
png_worker(gpointer data)
{
    job *j = data;
    sk_ctx *ctx = sk_ctx_new();
    for (;;) {
        size_t k = (size_t)g_atomic_int_add(&j->next, 1);
        if (k >= j->atlas->pages->len || g_atomic_int_get(&j->failed))
            break;
        size_t i = j->order[k];
        if (render_png(ctx, j, i) != SK_OK) {
            fail(j, ctx);
            break;
        }
        report_done(j, &g_array_index(j->atlas->pages, page, i));
    }
    sk_ctx_free(ctx);
    return NULL;
}

/* The whole atlas as one PDF, with an outline of sections and maps. */
static sk_status
render_pdf(sk_ctx *ctx, job *j)
{
    const sk_atlas *a = j->atlas;
    char *path = g_build_filename(j->options->output_dir, "atlas.pdf", NULL);
    sk__output out;
    sk_status st = sk__output_open(ctx, &out, path);
    if (st != SK_OK) {
        g_free(path);
        return st;
    }
    double w, h;
    sk__page_size(a->page_size == SK_PAGE_FROM_STYLE ? j->style->page : a->page_size, &w, &h);
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(sk__output_cairo_write, &out, w, h);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, a->title);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "samenkaart");
    int section_outline = CAIRO_PDF_OUTLINE_ROOT;
    cairo_t *cr = cairo_create(surface);
    for (guint i = 0; i < a->pages->len && st == SK_OK; i++) {
        const page *pg = &g_array_index(a->pages, page, i);
        char *dest = g_strdup_printf("page=%u", i + 1);
        if (pg->kind == PAGE_CONTENTS) {
            if (i == 0)
                cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, "Inhoud", dest,
                                              0);
            draw_contents(cr, j->style, a, i, w, h, 1);
        } else if (pg->kind == PAGE_SECTION) {
            section_outline = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT,
                                                            pg->title, dest, 0);
            draw_section(cr, j->style, pg, w, h);
        } else {
            cairo_pdf_surface_add_outline(surface, pg->section >= 0 ? section_outline
                                                                    : CAIRO_PDF_OUTLINE_ROOT,
                                          pg->title, dest, 0);
            if (pg->kind == PAGE_PANELS) {
                sk__page_spec spec = sk__panels_spec(j->sets[i]);
                st = sk__render_panels_vector(ctx, cr, sk__panels_maps(j->sets[i]), &spec,
                                              j->vector_layers);
            } else {
                st = sk__render_vector_page(ctx, cr, j->maps[i], j->vector_layers);
            }
        }
        g_free(dest);
        cairo_show_page(cr);
        if (cairo_status(cr) != CAIRO_STATUS_SUCCESS && st == SK_OK)
            st = sk__error(ctx, SK_EIO, "%s: %s", path, cairo_status_to_string(cairo_status(cr)));
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (st == SK_OK && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
        st = sk__error(ctx, SK_EIO, "%s: cannot write: %s", path,
                       out.failed ? g_strerror(out.failed)
                                  : cairo_status_to_string(cairo_surface_status(surface)));
    cairo_surface_destroy(surface);
    if (st == SK_OK && (st = sk__output_finish(ctx, &out)) == SK_OK)
        st = sk__output_commit(ctx, &out, 1);
    else
        sk__output_abort(&out);
    g_free(path);
    return st;
}

static void
html_text(GString *s, const char *text)
{
    char *e = g_markup_escape_text(text, -1);
    g_string_append(s, e);
    g_free(e);
}

static sk_status
write_index(sk_ctx *ctx, const sk_atlas *a, const char *dir)
{
    GString *s = g_string_new("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    html_text(s, a->title);
    g_string_append(s, "</title>\n<style>\nbody{font-family:sans-serif;margin:2em}"
                       "figure{display:inline-block;margin:0 1em 1.5em 0;width:300px;vertical-align:top}"
                       "img{width:300px;border:1px solid #ccc}figcaption{font-size:90%}"
                       "h2{clear:both}\n</style>\n</head>\n<body>\n<h1>");
    html_text(s, a->title);
    g_string_append(s, "</h1>\n<p><a href=\"atlas.pdf\">atlas.pdf</a></p>\n");
    for (guint i = 0; i < a->pages->len; i++) {
        const page *pg = &g_array_index(a->pages, page, i);
        if (pg->kind == PAGE_SECTION) {
            g_string_append(s, "<h2>");
            html_text(s, pg->title);
            g_string_append(s, "</h2>\n");
        }
        g_string_append_printf(s, "<figure><a href=\"%s.png\"><img src=\"thumbs/%s.png\" alt=\"",
                               pg->name, pg->name);
        html_text(s, pg->title);
        g_string_append_printf(s, "\" loading=\"lazy\"></a><figcaption>%u. ", i + 1);
        html_text(s, pg->title);
        g_string_append_printf(s, " · <a href=\"atlas.pdf#page=%u\">PDF</a>", i + 1);
        if (pg->kind == PAGE_MAP)
            g_string_append_printf(s, " · <a href=\"%s.csv\">CSV</a>", pg->name);
        g_string_append(s, "</figcaption></figure>\n");
    }
    g_string_append(s, "</body>\n</html>\n");
    char *path = g_build_filename(dir, "index.html", NULL);
    sk_status st = sk_write_file(ctx, path, s->str, s->len);
    g_free(path);
    g_string_free(s, TRUE);
    return st;
}

/* The geography a page draws on. */
static const sk_geography *
page_geography(const sk_atlas *a, const page *pg, const sk_geography *geo,
               sk_geography *const *alts)
{
    int k = geography_index(a, pg->geography);
    return k >= 0 ? alts[k] : geo;
}

/* The kernwerkgebieden, when a page outlines one (NULL otherwise). */
static sk_status
load_core(sk_ctx *ctx, const sk_atlas *a, const sk_geography *geo, sk_geography *const *alts,
          sk_core_areas **out)
{
    *out = NULL;
    int k = geography_index(a, a->core_geography);
    if (!uses_core(a) || k < 0)
        return SK_OK;
    const alt_geography *ag = &g_array_index(a->geographies, alt_geography, k);
    char *table = a->core != NULL ? g_strdup(a->core)
                                  : resolve_data(a, "kernwerkgebieden_2017.csv");
    sk_status st = sk_core_areas_load(ctx, geo, alts[k], table,
                                      ag->region_code != NULL ? ag->region_code : "zk_code",
                                      a->core_column != NULL ? a->core_column : "verzekeraar",
                                      out);
    g_free(table);
    return st;
}

/* What the pages are built from, loaded once. */
typedef struct sources {
    const sk_geography *geo;
    sk_geography *const *alts;    /* per [geography NAME] */
    const sk_projects *projects;
    const sk_style *style;
    const sk_core_areas *core;    /* NULL when no page outlines a kernwerkgebied */
} sources;

/* The map model of one map page (or panel). */
static sk_status
build_map(sk_ctx *ctx, const sk_atlas *a, const page *pg, const sources *src, sk_map **out)
{
    const sk_geography *geo = page_geography(a, pg, src->geo, src->alts);
    const sk_projects *projects = src->projects;
    const sk_style *style = src->style;
    sk_classification *c = NULL;
    char *table = resolve_data(a, pg->table);
    sk_status st =
        pg->overview ? sk_classify_regions(ctx, geo, &c)
        : table != NULL
            ? sk_classify_table(ctx, geo, table, pg->table_key ? pg->table_key : "gm_code",
                                pg->table_column ? pg->table_column : "verzekeraars",
                                pg->table_principle, pg->table_by_region, &c)
        : pg->highlight != NULL
            ? sk_classify_highlight(ctx, projects, pg->filter, pg->highlight, &c)
        : pg->count ? sk_classify_count(ctx, projects, pg->filter, pg->method, pg->classes,
                                        pg->breaks, pg->nbreaks, &c)
                    : sk_classify(ctx, projects, pg->filter, pg->show, &c);
    sk_map_options mo;
    sk_map_options_init(&mo);
    mo.title = pg->title;
    mo.caption = pg->caption;
    mo.source = a->source;
    mo.show_counts = pg->counts;
    mo.highlight = pg->highlight;
    mo.note = pg->note;
    mo.page = a->page_size;
    mo.source_file = table != NULL ? table : pg->overview ? a->membership : NULL;
    mo.outline_regions = pg->outline_regions;
    mo.text = pg->text;
    char *core_label = NULL;
    if (pg->core_of > 0 && src->core != NULL) {
        mo.area = sk_core_areas_mask(src->core, (size_t)pg->core_of - 1);
        mo.area_label = core_label = sk_core_area_label(style, (size_t)pg->core_of - 1);
    }
    int alt = geography_index(a, pg->geography);
    if (alt >= 0)
        mo.region_label = g_array_index(a->geographies, alt_geography, alt).region_label;
    unsigned char *zoom = NULL;
    if (pg->zoom_regions != NULL || pg->zoom_municipalities != NULL ||
        pg->zoom_province != NULL || pg->zoom_core > 0) {
        size_t nmun = sk_geography_municipality_count(geo);
        zoom = g_new0(unsigned char, nmun + 1);
        const char *what[] = {"regions", "municipalities", "province"};
        const char *lists[] = {pg->zoom_regions, pg->zoom_municipalities, pg->zoom_province};
        for (size_t k = 0; k < G_N_ELEMENTS(lists) && st == SK_OK; k++)
            if (lists[k] != NULL)
                st = sk_geography_select(ctx, geo, what[k], lists[k], zoom);
        if (pg->zoom_core > 0 && src->core != NULL) {
            const unsigned char *m = sk_core_areas_mask(src->core, (size_t)pg->zoom_core - 1);
            for (size_t k = 0; k < nmun; k++)
                zoom[k] |= m[k];
        }
        mo.zoom = zoom;
    }
    if (st == SK_OK)
        st = sk_map_new(ctx, geo, projects, style, pg->filter, c, &mo, out);
    else
        sk_classification_free(c);
    g_free(zoom);
    g_free(core_label);
    g_free(table);
    return st;
}

/* Build (and lay out) the page's map models; on failure ctx has the message. */
static sk_status
build_page(sk_ctx *ctx, const sk_atlas *a, const page *pg, const sources *src, sk_map **map,
           sk_panels **set)
{
    sk_status st = SK_OK;
    sk__layout l;
    if (pg->kind == PAGE_MAP) {
        st = build_map(ctx, a, pg, src, map);
        /* Lay every page out before drawing any: a legend that does not fit stops the atlas
        ** before it has written a single file. */
        if (st == SK_OK && (st = sk__layout_map(ctx, *map, &l)) == SK_OK)
            sk__layout_clear(&l);
        return st;
    }
    size_t n = pg->panels->len;
    sk_map **maps = g_new0(sk_map *, n);
    char **titles = g_new0(char *, n + 1);
    for (guint k = 0; k < n && st == SK_OK; k++) {
        const page *panel = &g_array_index(pg->panels, page, k);
        st = build_map(ctx, a, panel, src, &maps[k]);
        titles[k] = g_strdup(panel->title);
    }
    if (st == SK_OK) {
        sk_panels_options po;
        sk_panels_options_init(&po);
        po.title = pg->title;
        po.caption = pg->caption;
        po.note = pg->note;
        po.text = pg->text;
        sk_principle p = SK_THEME;
        if (pg->panel_principle != NULL) {
            sk_ctx *probe = sk_ctx_new();
            sk_principle_parse(probe, pg->panel_principle, &p);
            sk_ctx_free(probe);
        }
        po.varying = src->style->legend_title[p];
        st = sk_panels_new(ctx, maps, n, (const char *const *)titles, &po, set);
    } else {
        for (guint k = 0; k < n; k++)
            sk_map_free(maps[k]);
    }
    g_free(maps);
    g_strfreev(titles);
    return st;
}

typedef struct build_job {
    const sk_atlas *atlas;
    const sources *src;
    sk_map **maps;
    sk_panels **sets;
    char **errors;          /* per page: the message of its failure, or NULL */
    sk_status *status;
    guint first, step;      /* pages first, first + step, … */
} build_job;

static gpointer
build_worker(gpointer data)
{
    build_job *b = data;
    sk_ctx *ctx = sk_ctx_new();
    for (guint i = b->first; i < b->atlas->pages->len; i += b->step) {
        const page *pg = &g_array_index(b->atlas->pages, page, i);
        if (pg->kind != PAGE_MAP && pg->kind != PAGE_PANELS)
            continue;
        b->status[i] = build_page(ctx, b->atlas, pg, b->src, &b->maps[i], &b->sets[i]);
        if (b->status[i] != SK_OK) {
            b->errors[i] = g_strdup(sk_ctx_errmsg(ctx));
            sk_ctx_clear_error(ctx);
        }
    }
    sk_ctx_free(ctx);
    return NULL;
}

/* Build the map models of all pages on two threads; the first failing page (in page order)
** is reported, naming the page and its line. */
static sk_status
build_maps(sk_ctx *ctx, const sk_atlas *a, const sources *src, sk_map **maps,
           sk_panels **sets)
{
    guint n = a->pages->len;
    char **errors = g_new0(char *, n + 1);
    sk_status *status = g_new0(sk_status, n + 1);
    build_job jobs[2];
    for (guint t = 0; t < 2; t++)
        jobs[t] = (build_job){a, src, maps, sets, errors, status, t, 2};
    GThread *helper = g_thread_new("sk-build", build_worker, &jobs[1]);
    build_worker(&jobs[0]);
    g_thread_join(helper);
    sk_status st = SK_OK;
    for (guint i = 0; i < n && st == SK_OK; i++) {
        if (status[i] == SK_OK)
            continue;
        const page *pg = &g_array_index(a->pages, page, i);
        st = sk__error(ctx, status[i], "%s:%d: page '%s': %s", a->path, pg->line, pg->id,
                       errors[i]);
    }
    for (guint i = 0; i < n; i++)
        g_free(errors[i]);
    g_free(errors);
    g_free(status);
    return st;
}

sk_status
sk_atlas_render(sk_ctx *ctx, const sk_atlas *a, const sk_atlas_options *o)
{
    if (o->output_dir == NULL)
        return sk__error(ctx, SK_EUSAGE, "no output directory given");
    sk_style *style = NULL;
    sk_geography *geo = NULL;
    sk_projects *projects = NULL;
    sk_map **maps = g_new0(sk_map *, a->pages->len);
    sk_panels **sets = g_new0(sk_panels *, a->pages->len);
    sk_status st = sk_style_load(ctx, a->style, &style);
    if (st == SK_OK) {
        sk_geography_options go;
        sk_geography_options_init(&go);
        go.municipalities = a->municipalities;
        go.regions = a->regions;
        go.membership = a->membership;
        go.cache_dir = o->cache_dir;
        st = sk_geography_load(ctx, &go, &geo);
    }
    if (st == SK_OK) {
        sk_projects_options po;
        sk_projects_options_init(&po);
        po.path = a->projects;
        po.layer = a->sheet;
        po.cache_dir = o->cache_dir;
        st = sk_projects_load(ctx, geo, &po, &projects);
    }
    sk_geography **alts = g_new0(sk_geography *, a->geographies->len + 1);
    sk_core_areas *core = NULL;
    for (guint k = 0; k < a->geographies->len && st == SK_OK; k++) {
        const alt_geography *ag = &g_array_index(a->geographies, alt_geography, k);
        sk_geography_options go;
        sk_geography_options_init(&go);
        go.municipalities = ag->municipalities;
        go.regions = ag->regions;
        go.membership = ag->membership;
        if (ag->region_code)
            go.region_code_field = ag->region_code;
        if (ag->region_name)
            go.region_name_field = ag->region_name;
        if (ag->membership_code)
            go.membership_region_code_field = ag->membership_code;
        if (ag->membership_name)
            go.membership_region_name_field = ag->membership_name;
        go.cache_dir = o->cache_dir;
        st = sk_geography_load(ctx, &go, &alts[k]);
    }
    if (st == SK_OK)
        st = load_core(ctx, a, geo, alts, &core);
    if (st == SK_OK) {
        sources src = {geo, alts, projects, style, core};
        st = build_maps(ctx, a, &src, maps, sets);
    }
    /* Only now that every page is known to be drawable. */
    char *thumbs = g_build_filename(o->output_dir, "thumbs", NULL);
    if (st == SK_OK && g_mkdir_with_parents(thumbs, 0755) != 0)
        st = sk__error(ctx, SK_EIO, "%s: cannot create directory: %s", thumbs,
                       g_strerror(errno));
    g_free(thumbs);

    if (st == SK_OK) {
        /* PNGs on every core but one; this thread writes the PDF, then helps with PNGs. */
        int jobs = o->jobs > 0 ? o->jobs : (int)g_get_num_processors();
        sk_atlas_options effective = *o;
        effective.jobs = jobs;
        job j = {.atlas = a, .options = &effective, .style = style, .maps = maps, .sets = sets,
                 .total = a->pages->len * 2, .error = sk_ctx_new(),
                 .raster_layers = sk__layers_new(), .vector_layers = sk__layers_new(),
                 .order = png_order(a, sets, maps)};
        g_mutex_init(&j.lock);
        GThread **workers = g_new0(GThread *, (size_t)jobs);
        for (int w = 0; w < jobs - 1; w++)
            workers[w] = g_thread_new("sk-atlas", png_worker, &j);
        st = render_pdf(ctx, &j);
        if (st != SK_OK) {
            g_atomic_int_set(&j.failed, 1);
        } else {
            /* The PDF counts as half the work: one step per page it holds. */
            g_mutex_lock(&j.lock);
            j.done += a->pages->len;
            if (o->progress != NULL)
                o->progress(o->progress_data, j.done, j.total, "atlas.pdf");
            g_mutex_unlock(&j.lock);
        }
        png_worker(&j);
        for (int w = 0; w < jobs - 1; w++)
            g_thread_join(workers[w]);
        g_free(workers);
        if (st == SK_OK && j.failed)
            st = sk__error(ctx, sk_ctx_status(j.error), "%s", sk_ctx_errmsg(j.error));
        sk_ctx_free(j.error);
        sk__layers_free(j.raster_layers);
        sk__layers_free(j.vector_layers);
        g_free(j.order);
        g_mutex_clear(&j.lock);
    }
    if (st == SK_OK)
        st = write_index(ctx, a, o->output_dir);
    for (guint i = 0; i < a->pages->len; i++) {
        sk_map_free(maps[i]);
        sk_panels_free(sets[i]);
    }
    g_free(maps);
    g_free(sets);
    sk_projects_free(projects);
    for (guint k = 0; k < a->geographies->len; k++)
        sk_geography_free(alts[k]);
    g_free(alts);
    sk_core_areas_free(core);
    sk_geography_free(geo);
    sk_style_free(style);
    return st;
}
