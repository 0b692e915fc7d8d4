/* Expanding a [family ID] into its maps: the labels it runs over, the clauses each map adds,
** ids and texts from templates, and pages of small multiples (per_page). */
#include <string.h>
#include "family.h"
#include "pointpages.h"
#include "read.h"
#include "../classify_internal.h"
#include "../projects_internal.h"
#include "../text.h"
#include "../vocabulary.h"

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

/* Replace every `from` in text by `to`; g_free the result. */
static char *
replace(const char *text, const char *from, const char *to)
{
    char **parts = g_strsplit(text, from, -1);
    char *out = g_strjoinv(to, parts);
    g_strfreev(parts);
    return out;
}

/* Replace {page} and {pages} in a page of small multiples' title or caption: its place
** among the pages of its run ("1", "7"). */
static char *
sheet_text(char *text, size_t at, size_t pages)
{
    char number[24], count[24];
    g_snprintf(number, sizeof number, "%zu", at);
    g_snprintf(count, sizeof count, "%zu", pages);
    char *t = replace(text, "{page}", number);
    char *u = replace(t, "{pages}", count);
    g_free(t);
    g_free(text);
    return u;
}

/* Replace {label}, {key} and {highlight} in a family's title or caption. */
static char *
family_text(const char *template, const sk__label_def *l, const sk__label_def *h)
{
    char *t = replace(template, "{label}", l->display);
    char *u = replace(t, "{key}", l->key);
    g_free(t);
    if (h == NULL)
        return u;
    char *v = replace(u, "{highlight}", h->display);
    g_free(u);
    return v;
}

void
sk__atlas_check_placeholders(sk__keyfile *k, const char *group, const char *key,
                             const char *text, const char *const *valid)
{
    for (const char *p = text != NULL ? strchr(text, '{') : NULL; p != NULL;
         p = strchr(p + 1, '{')) {
        size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");
        if (n == 0 || p[1 + n] != '}')
            continue;
        char *name = g_strndup(p, n + 2);
        if (!g_strv_contains(valid, name) && valid[0] == NULL) {
            sk__keyfile_problem(k, group, key, "'%s' stands for a label only in a [family]; "
                                "a [map] has no placeholders: write the text", name);
        } else if (!g_strv_contains(valid, name) && strcmp(name, "{highlight}") == 0) {
            char *list = g_strjoinv(", ", (char **)valid);
            sk__keyfile_problem(k, group, key, "'{highlight}' stands for the highlighted label "
                                "of one map: only with highlight_for, and with per_page only "
                                "in panel_title (here: %s)", list);
            g_free(list);
        } else if (!g_strv_contains(valid, name)) {
            char *list = g_strjoinv(", ", (char **)valid);
            sk__keyfile_problem(k, group, key, "unknown placeholder '%s' (here: %s; did you "
                                "mean '%s'?)", name, list, sk__keyfile_nearest(name, valid));
            g_free(list);
        }
        g_free(name);
    }
}

/* The labels a family runs over: every label of principle p, or those listed under key
** (picked and ordered).  Returns their indices; *n their number. */
static size_t *
family_labels(sk__keyfile *k, const char *group, const char *key, sk_principle p, size_t *n)
{
    size_t count = sk_principle_label_count(p);
    gsize nchosen = 0;
    char **chosen = g_key_file_get_string_list(sk__keyfile_gkf(k), group, key, &nchosen, NULL);
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
                sk__keyfile_problem(k, group, key, "unknown %s '%s' (did you mean '%s'?)",
                                    sk_principle_name(p), v, sk__label_suggest(p, v));
            else
                order[(*n)++] = (size_t)l;
        }
    }
    g_strfreev(chosen);
    return order;
}

/* for = project: a map per project (of those the family's where selects). */
static int
family_over_projects(sk__keyfile *k, const char *group)
{
    char *name = sk__keyfile_get(k, group, "for");
    char *norm = name != NULL ? sk__normalize(name) : NULL;
    int projects = norm != NULL && (strcmp(norm, "project") == 0 ||
                                    strcmp(norm, "projecten") == 0);
    g_free(norm);
    g_free(name);
    return projects;
}

static int
family_principle(sk__keyfile *k, const char *group, const char *key, sk_principle *p)
{
    char *name = sk__keyfile_get(k, group, key);
    if (name == NULL)
        return 0;
    sk_ctx *probe = sk_ctx_new();
    int ok = sk_principle_parse(probe, name, p) == SK_OK;
    /* for may also name project, which the principles' own suggestion cannot know. */
    if (!ok)
        sk__keyfile_problem(k, group, key, "%s%s", sk_ctx_errmsg(probe),
                            strcmp(key, "for") == 0 ? "; or 'project' for a map per project"
                                                    : "");
    sk_ctx_free(probe);
    g_free(name);
    return ok;
}

/* What a family says, read once. */
typedef struct family {
    sk__keyfile *k;
    sk_atlas *atlas;
    const char *group, *id;
    int section;
    char *title, *caption, *panel_title;
    char *note;           /* the note as written, placeholders and all */
    int per_page;         /* 0: a page per map */
    int pairs;            /* highlight_for: a map per pair of labels */
    sk_principle p, hp;
    const sk__label_def *labels, *hlabels;
    size_t *order, *horder;
    page *sheet;          /* the page of small multiples being filled */
    /* A run's maps spread evenly over its pages: `sheets` pages of `base` maps, the first
    ** `extra` of them one more (7 maps at 6 to a page: 4 and 3, not 6 and 1). */
    size_t sheets, base, extra, sheet_index, per_sheet;
    int projects;         /* for = project: a map per project of the database */
    sk_projects *catalog; /* its projects (ids, titles, labels), while expanding */
    sk__label_def *project_defs;  /* per project: key its id, display its title */
    /* points = FILE: for names a column of the layer, a map per value (values owns the
    ** texts of the labels); point holds the point keys every map shares. */
    char *column;
    char **values;
    page point;
} family;

/* What the family runs over, for messages. */
static const char *
for_name(const family *f)
{
    return f->projects ? "project" : f->column != NULL ? f->column : sk_principle_name(f->p);
}

/* {label} in core_of or zoom_core: each map its own insurer's kernwerkgebied (label of the
** family's own run over zorgverzekeraar). */
static void
fill_insurer_keys(family *f, page *pg, size_t label, int first)
{
    int *keys_of[] = {&pg->core_of, &pg->zoom_core};
    char **names[] = {&pg->core_of_name, &pg->zoom_core_name};
    const char *key_names[] = {"core_of", "zoom_core"};
    for (size_t q = 0; q < 2; q++) {
        if (*keys_of[q] >= 0)
            continue;
        if (f->p == SK_INSURER && !f->pairs && !f->projects && f->column == NULL) {
            *keys_of[q] = (int)label + 1;
            *names[q] = g_strdup(sk_principle_label_key(SK_INSURER, label));
        } else if (first) {
            sk__keyfile_problem(f->k, f->group, key_names[q], "{label} stands for the insurer "
                                "of a family over zorgverzekeraar, not %s", for_name(f));
        }
        if (*keys_of[q] < 0)
            *keys_of[q] = 0;
    }
}

/* Start a new page of small multiples for label l (k: the map's place in its run). */
static void
start_sheet(family *f, const page *pg, const sk__label_def *l, const char *key, size_t k)
{
    sk_atlas *a = f->atlas;
    page pp = {.kind = PAGE_PANELS, .section = f->section, .show = -1, .counts = -1,
               .line = pg->line};
    guint number = 1;
    for (guint q = 0; q < a->pages->len; q++)
        number += g_str_has_prefix(SK__ATLAS_PAGE(a, q)->id, f->id);
    pp.id = f->pairs ? g_strdup_printf("%s-%s-%zu", f->id, key, k / (size_t)f->per_page + 1)
                     : g_strdup_printf("%s-%u", f->id, number);
    size_t at = f->sheet_index++;
    pp.title = sheet_text(family_text(f->title, l, NULL), at + 1, f->sheets);
    pp.caption = f->caption != NULL
                     ? sheet_text(family_text(f->caption, l, NULL), at + 1, f->sheets)
                     : NULL;
    f->per_sheet = f->base + (at < f->extra);
    pp.note = f->note != NULL ? sheet_text(family_text(f->note, l, NULL), at + 1, f->sheets)
                              : NULL;
    pp.panels = g_array_new(FALSE, TRUE, sizeof(page));
    pp.panel_principle = f->pairs ? g_strdup(sk_principle_name(f->hp)) : NULL;
    g_array_append_val(a->pages, pp);
    f->sheet = SK__ATLAS_PAGE(a, a->pages->len - 1);
}

/* Every map of a family over a point layer shows it the same way. */
static void
copy_point_keys(const page *from, page *to)
{
    to->points_file = from->points_file;
    to->point_kind = from->point_kind;
    to->by = g_strdup(from->by);
    to->size_by = g_strdup(from->size_by);
    to->count_method = g_strdup(from->count_method);
    to->covered = from->covered;
    to->breaks = g_strdup(from->breaks);
    to->group = g_strdup(from->group);
    to->by_line = from->by_line;
    to->size_by_line = from->size_by_line;
    to->where_line = from->where_line;
}

/* The map of label l (and highlighted label h, for pairs): a page, or a panel. */
static void
add_map(family *f, size_t label, const sk__label_def *h, size_t k, int first)
{
    const sk__label_def *l = &f->labels[label];
    char *key = id_part(l->key), *hkey = h != NULL ? id_part(h->key) : NULL;
    char *clause = g_strdup_printf("%s=%s", f->projects ? "id" : for_name(f), l->key);
    char *hclause = h != NULL ? g_strdup_printf("%s=%s", sk_principle_name(f->hp), h->key)
                              : NULL;
    page pg = {.kind = PAGE_MAP, .section = f->section,
               .line = sk__keyfile_line(f->k, f->group, NULL)};
    pg.id = h != NULL ? g_strdup_printf("%s-%s-%s", f->id, key, hkey)
                      : g_strdup_printf("%s-%s", f->id, key);
    copy_point_keys(&f->point, &pg);
    sk__atlas_read_map_keys(f->k, f->group, &pg, clause, hclause);
    fill_insurer_keys(f, &pg, label, first);
    /* The note and source line name the map's label like its title does. */
    char *note = pg.note, *source = pg.source;
    pg.note = note != NULL ? family_text(note, l, h) : NULL;
    pg.source = source != NULL ? family_text(source, l, h) : NULL;
    g_free(note);
    g_free(source);
    if (f->per_page == 0) {
        pg.title = family_text(f->title, l, h);
        pg.caption = f->caption != NULL ? family_text(f->caption, l, h) : NULL;
        g_array_append_val(f->atlas->pages, pg);
    } else {
        if (f->sheet == NULL || f->sheet->panels->len == (guint)f->per_sheet)
            start_sheet(f, &pg, l, key, k);
        const char *panel_title = f->panel_title != NULL ? f->panel_title
                                  : f->pairs             ? "{highlight}"
                                                         : "{label}";
        pg.title = family_text(panel_title, l, h);
        if (pg.source != NULL)
            pg.source = sheet_text(pg.source, f->sheet_index, f->sheets);
        g_array_append_val(f->sheet->panels, pg);
    }
    g_free(clause);
    g_free(hclause);
    g_free(key);
    g_free(hkey);
}

/* The family's where clauses as a filter, or NULL (the problem reported) when one is bad. */
static sk_filter *
family_filter(family *f)
{
    gsize n = 0;
    char **list = g_key_file_get_string_list(sk__keyfile_gkf(f->k), f->group, "where", &n, NULL);
    sk_filter *filter = sk_filter_new();
    sk_ctx *probe = sk_ctx_new();
    for (gsize i = 0; i < n && filter != NULL; i++) {
        const char *clause = g_strstrip(list[i]);
        if (clause[0] != '\0' && sk_filter_add(probe, filter, clause) != SK_OK) {
            sk__keyfile_problem(f->k, f->group, "where", "%s", sk_ctx_errmsg(probe));
            sk_filter_free(filter);
            filter = NULL;
        }
    }
    sk_ctx_free(probe);
    g_strfreev(list);
    return filter;
}

/* labels = P0009; P0010: the projects picked by id, in that order (indices into items). */
static size_t
pick_projects(family *f, char **chosen, const sk_filter *filter, size_t *order)
{
    size_t n = 0, count;
    const sk__project *items = sk__projects_items(f->catalog, &count);
    for (size_t i = 0; chosen[i] != NULL; i++) {
        const char *id = g_strstrip(chosen[i]);
        int k = sk__projects_find(f->catalog, id);
        int repeated = 0;
        for (size_t j = 0; j < n && k >= 0; j++)
            repeated |= order[j] == (size_t)k;
        if (repeated) {
            sk__keyfile_problem(f->k, f->group, "labels", "id repeated: '%s' (a project "
                                "has one map)", id);
        } else if (k >= 0 && filter != NULL && !sk__project_matches(&items[k], filter)) {
            char *where = sk__keyfile_get(f->k, f->group, "where");
            sk__keyfile_problem(f->k, f->group, "labels", "project '%s' does not pass where "
                                "'%s': its map would be empty", id, where);
            g_free(where);
        } else if (k >= 0) {
            order[n++] = (size_t)k;
        }
        if (k >= 0)
            continue;
        char *quoted = sk__projects_nearest_ids(f->catalog, id);
        sk__keyfile_problem(f->k, f->group, "labels", "unknown project id '%s' (did you mean "
                            "%s?)", id, quoted);
        g_free(quoted);
    }
    return n;
}

/* for = project: the database's projects that pass the family's where (or those labels
** names), as labels whose key is the id and whose display is the title.  The database is
** read without places (a catalog): the maps themselves are built on the full one. */
static size_t *
project_labels(family *f, size_t *n)
{
    *n = 0;
    sk_ctx *probe = sk_ctx_new();
    if (f->atlas->projects == NULL ||
        sk__projects_load_catalog(probe, f->atlas->projects, f->atlas->sheet, &f->catalog) !=
            SK_OK) {
        sk__keyfile_problem(f->k, f->group, "for", "a map per project needs the project "
                            "database: %s", f->atlas->projects == NULL ? "none given"
                                                                       : sk_ctx_errmsg(probe));
        sk_ctx_free(probe);
        return g_new0(size_t, 1);
    }
    size_t count;
    const sk__project *items = sk__projects_items(f->catalog, &count);
    f->project_defs = g_new0(sk__label_def, count + 1);
    for (size_t i = 0; i < count; i++)
        f->project_defs[i] = (sk__label_def){.key = items[i].id, .display = items[i].title};
    size_t *order = g_new0(size_t, count + 1);
    char **chosen = g_key_file_get_string_list(sk__keyfile_gkf(f->k), f->group, "labels", NULL,
                                               NULL);
    sk_filter *filter = family_filter(f);
    if (filter != NULL && sk_filter_check(probe, filter, f->catalog) != SK_OK)
        sk__keyfile_problem(f->k, f->group, "where", "%s", sk_ctx_errmsg(probe));
    else if (chosen != NULL)
        *n = pick_projects(f, chosen, filter, order);
    else
        for (size_t i = 0; filter != NULL && i < count; i++)
            if (sk__project_matches(&items[i], filter))
                order[(*n)++] = i;
    if (chosen != NULL && chosen[0] == NULL)
        sk__keyfile_problem(f->k, f->group, "labels", "empty: name project ids (labels = "
                            "P0009; P0010), or leave labels out for every project where "
                            "selects");
    if (filter != NULL && chosen == NULL && *n == 0 && sk_ctx_status(probe) == SK_OK)
        sk__keyfile_problem(f->k, f->group, "where", "no project passes it: a family of no "
                            "maps");
    sk_filter_free(filter);
    g_strfreev(chosen);
    sk_ctx_free(probe);
    return order;
}

/* Pairs run over the highlighted labels within each label; single families over the
** labels.  With per_page, consecutive maps of one run share a page. */
static void
expand(family *f, size_t n, size_t nh)
{
    size_t outer = f->pairs ? n : 1, inner = f->pairs ? nh : n;
    size_t per = f->per_page > 0 ? (size_t)f->per_page : 1;
    f->sheets = MAX((inner + per - 1) / per, 1);
    f->base = inner / f->sheets;
    f->extra = inner % f->sheets;
    for (size_t i = 0; i < outer; i++) {
        f->sheet = NULL;
        f->sheet_index = 0;
        for (size_t k = 0; k < inner; k++) {
            size_t label = f->order[f->pairs ? i : k];
            const sk__label_def *h = f->pairs ? &f->hlabels[f->horder[k]] : NULL;
            add_map(f, label, h, k, k == 0 && i == 0);
        }
    }
}

/* The placeholders of a family's texts: a page of small multiples of pairs stands for one
** label, its panels for the highlighted ones. */
static void
check_family_texts(family *f)
{
    static const char *const single[] = {"{label}", "{key}", NULL};
    static const char *const pairs[] = {"{label}", "{key}", "{highlight}", NULL};
    /* A page of small multiples of single maps may say which of the family's pages it is
    ** (pairs make a page per label). */
    static const char *const sheet[] = {"{label}", "{key}", "{page}", "{pages}", NULL};
    const char *const *page_texts = f->pairs ? (f->per_page == 0 ? pairs : single)
                                    : f->per_page > 0 ? sheet
                                                      : single;
    sk__atlas_check_placeholders(f->k, f->group, "title", f->title, page_texts);
    sk__atlas_check_placeholders(f->k, f->group, "caption", f->caption, page_texts);
    sk__atlas_check_placeholders(f->k, f->group, "note", f->note, page_texts);
    char *source = sk__keyfile_get(f->k, f->group, "source");
    sk__atlas_check_placeholders(f->k, f->group, "source", source, page_texts);
    g_free(source);
    sk__atlas_check_placeholders(f->k, f->group, "panel_title", f->panel_title,
                                 f->pairs ? pairs : single);
}

void
sk__atlas_read_family(sk__keyfile *k, sk_atlas *a, const char *group, const char *id,
                      int section)
{
    static const char *const keys[] = {SK__ATLAS_MAP_KEYS, "for", "labels", "highlight_for",
                                       "highlight_labels", "per_page", "panel_title", NULL};
    sk__keyfile_check_keys(k, group, keys);
    family f = {.k = k, .atlas = a, .group = group, .id = id, .section = section,
                .p = SK_THEME, .hp = SK_THEME};
    f.title = sk__keyfile_require(k, group, "title");
    f.caption = sk__keyfile_get(k, group, "caption");
    /* per_page: the family's maps as small multiples, that many to a page (2 to 6). */
    sk__keyfile_get_int(k, group, "per_page", 2, 6, "2 to 6 maps per page", &f.per_page);
    f.panel_title = sk__keyfile_get(k, group, "panel_title");
    f.note = sk__keyfile_get(k, group, "note");
    sk__atlas_read_points(k, a, group, &f.point);
    f.projects = f.point.points_file == 0 && family_over_projects(k, group);
    if (f.point.points_file > 0)
        f.column = sk__keyfile_get(k, group, "for");
    int ok = f.title != NULL && (f.projects || f.column != NULL ||
                                 family_principle(k, group, "for", &f.p));
    if (!g_key_file_has_key(sk__keyfile_gkf(k), group, "for", NULL))
        sk__keyfile_problem(k, group, NULL, "missing 'for'");
    f.pairs = g_key_file_has_key(sk__keyfile_gkf(k), group, "highlight_for", NULL);
    if (f.pairs && f.column != NULL) {
        sk__keyfile_problem(k, group, "highlight_for", "highlights principles of projects; "
                            "a family over a point column makes one map per value");
        ok = 0;
    } else if (f.pairs) {
        ok = family_principle(k, group, "highlight_for", &f.hp) && ok;
    }
    size_t n = 0, nh = 1, count;
    if (f.column != NULL)
        f.project_defs = sk__atlas_point_labels(k, a, group, f.point.points_file, f.column,
                                                &f.order, &n, &f.values);
    else
        f.order = f.projects ? project_labels(&f, &n)
                             : family_labels(k, group, "labels", f.p, &n);
    f.horder = f.pairs ? family_labels(k, group, "highlight_labels", f.hp, &nh) : NULL;
    f.labels = f.projects || f.column != NULL ? f.project_defs : sk__vocabulary(f.p, &count);
    f.hlabels = sk__vocabulary(f.hp, &count);
    check_family_texts(&f);
    if (ok)
        expand(&f, n, nh);
    g_free(f.order);
    g_free(f.horder);
    g_free(f.project_defs);
    g_strfreev(f.values);
    g_free(f.column);
    sk__atlas_page_clear(&f.point);
    sk_projects_free(f.catalog);
    g_free(f.title);
    g_free(f.caption);
    g_free(f.panel_title);
    g_free(f.note);
}
