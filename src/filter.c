/* Filters: which projects a map counts.  Clauses over the ordering principles' labels, over
** project ids (id=P0009,P0010) and over titles (titel~tekst); all must hold. */
#include <string.h>
#include "classify_internal.h"
#include "internal.h"
#include "projects_internal.h"
#include "text.h"
#include "vocabulary.h"

typedef enum clause_kind {
    CLAUSE_LABELS,          /* principle=value[,value…] */
    CLAUSE_IDS,             /* id=P0009[,P0010…]: projects by id, ignoring case */
    CLAUSE_TITLE            /* titel~tekst: a part of the title, ignoring case and accents */
} clause_kind;

typedef struct clause {
    clause_kind kind;
    sk_principle principle; /* CLAUSE_LABELS */
    sk_labelset labels;     /* any of these */
    char *theme_detail;     /* with "anders: X": only that kind of anders */
    int negate;             /* "!=" or "!~": none of these */
    char **ids;             /* CLAUSE_IDS: the ids as written */
    char *text;             /* CLAUSE_TITLE: the text normalised (sk__normalize) */
    char *written;          /* the clause as written, for messages */
} clause;

struct sk_filter {
    GArray *clauses;
};

static void
clause_clear(clause *c)
{
    g_free(c->theme_detail);
    g_strfreev(c->ids);
    g_free(c->text);
    g_free(c->written);
}

sk_filter *
sk_filter_new(void)
{
    sk_filter *f = g_new0(sk_filter, 1);
    f->clauses = g_array_new(FALSE, TRUE, sizeof(clause));
    return f;
}

void
sk_filter_free(sk_filter *f)
{
    if (f == NULL)
        return;
    for (guint i = 0; i < f->clauses->len; i++)
        clause_clear(&g_array_index(f->clauses, clause, i));
    g_array_free(f->clauses, TRUE);
    g_free(f);
}

sk_filter *
sk__filter_copy(const sk_filter *f)
{
    sk_filter *copy = sk_filter_new();
    for (guint i = 0; f != NULL && i < f->clauses->len; i++) {
        clause c = g_array_index(f->clauses, clause, i);
        c.theme_detail = g_strdup(c.theme_detail);
        c.ids = g_strdupv(c.ids);
        c.text = g_strdup(c.text);
        c.written = g_strdup(c.written);
        g_array_append_val(copy->clauses, c);
    }
    return copy;
}

size_t
sk_filter_clause_count(const sk_filter *f)
{
    return f->clauses->len;
}

/* The values of a label clause into c. */
static sk_status
parse_labels(sk_ctx *ctx, const char *text, const char *values_text, clause *c)
{
    sk_status st = SK_OK;
    char **values = g_strsplit(values_text, ",", -1);
    for (size_t i = 0; values[i] != NULL && st == SK_OK; i++) {
        char *v = g_strstrip(values[i]);
        char *detail = NULL;
        int label = sk__label_parse(c->principle, v, &detail);
        if (label < 0) {
            st = sk__error(ctx, SK_EUSAGE, "filter '%s': unknown %s '%s' (did you mean '%s'?)",
                           text, sk_principle_name(c->principle), v,
                           sk__label_suggest(c->principle, v));
        } else if (detail != NULL && values[1] != NULL) {
            st = sk__error(ctx, SK_EUSAGE, "filter '%s': 'anders: …' cannot be combined with "
                           "other values in one clause; repeat --where instead", text);
        } else {
            c->labels |= (sk_labelset)1 << label;
            g_free(c->theme_detail);
            c->theme_detail = detail;
            detail = NULL;
        }
        g_free(detail);
    }
    g_strfreev(values);
    if (st == SK_OK && c->labels == 0)
        st = sk__error(ctx, SK_EUSAGE, "filter '%s': no value given", text);
    return st;
}

/* The ids of an id clause, trimmed, empty ones left out. */
static sk_status
parse_ids(sk_ctx *ctx, const char *text, const char *values_text, clause *c)
{
    c->ids = sk__split_trimmed(values_text, ",");
    return c->ids[0] != NULL
               ? SK_OK
               : sk__error(ctx, SK_EUSAGE, "filter '%s': no project id given, e.g. "
                           "id=P0009,P0010", text);
}

/* The field a clause names besides the principles: "id" and "titel" (or "title"), else -1. */
static int
field_kind(const char *name)
{
    char *n = sk__normalize(name);
    int kind = strcmp(n, "id") == 0                                ? CLAUSE_IDS
               : strcmp(n, "titel") == 0 || strcmp(n, "title") == 0 ? CLAUSE_TITLE
                                                                    : -1;
    /* A near miss of "titel" is that, not an unknown principle ("tittel~EPA"). */
    if (kind < 0 && n[0] != '\0' && sk__edit_distance(n, "titel") <= 1)
        kind = -2;
    g_free(n);
    return kind;
}

/* A clause's field and operator: the first '=' or '~' (a title may hold either after it). */
static sk_status
split_clause(sk_ctx *ctx, const char *text, clause *c, char **name, const char **value,
             int *tilde)
{
    const char *op = strpbrk(text, "=~");
    if (op == NULL)
        return sk__error(ctx, SK_EUSAGE, "filter '%s': expected PRINCIPLE=VALUE, "
                         "PRINCIPLE!=VALUE, id=ID[,ID…] or titel~TEXT, e.g. "
                         "inhoudelijk=preventie", text);
    c->negate = op > text && op[-1] == '!';
    *tilde = *op == '~';
    *name = g_strstrip(g_strndup(text, (size_t)(op - text - c->negate)));
    *value = op + 1;
    return SK_OK;
}

/* The field of a clause and whether its operator suits it. */
static sk_status
parse_field(sk_ctx *ctx, const char *text, const char *name, int tilde, clause *c)
{
    int kind = field_kind(name);
    if (kind == -2)
        return sk__error(ctx, SK_EUSAGE, "filter '%s': unknown field '%s' (did you mean "
                         "'titel'?)", text, name);
    if (kind == CLAUSE_TITLE && !tilde)
        return sk__error(ctx, SK_EUSAGE, "filter '%s': a title is matched by a part of it: "
                         "titel~TEXT (ignoring case), e.g. titel~leertuin", text);
    if (kind == CLAUSE_IDS && tilde)
        return sk__error(ctx, SK_EUSAGE, "filter '%s': ids are matched whole: id=ID[,ID…], "
                         "e.g. id=P0009,P0010", text);
    if (kind < 0 && tilde)
        return sk__error(ctx, SK_EUSAGE, "filter '%s': '~' matches a part of a title "
                         "(titel~TEXT); labels are matched whole: PRINCIPLE=VALUE", text);
    if (kind >= 0) {
        c->kind = (clause_kind)kind;
        return SK_OK;
    }
    c->kind = CLAUSE_LABELS;
    return sk_principle_parse(ctx, name, &c->principle);
}

sk_status
sk_filter_add(sk_ctx *ctx, sk_filter *f, const char *text)
{
    clause c = {0};
    char *name = NULL;
    const char *value = NULL;
    int tilde = 0;
    sk_status st = split_clause(ctx, text, &c, &name, &value, &tilde);
    if (st == SK_OK)
        st = parse_field(ctx, text, name, tilde, &c);
    g_free(name);
    if (st == SK_OK && c.kind == CLAUSE_LABELS)
        st = parse_labels(ctx, text, value, &c);
    else if (st == SK_OK && c.kind == CLAUSE_IDS)
        st = parse_ids(ctx, text, value, &c);
    else if (st == SK_OK) {
        c.text = sk__normalize(value);
        if (c.text[0] == '\0')
            st = sk__error(ctx, SK_EUSAGE, "filter '%s': no text given, e.g. titel~leertuin",
                           text);
    }
    if (st != SK_OK) {
        clause_clear(&c);
        return st;
    }
    c.written = g_strdup(text);
    g_array_append_val(f->clauses, c);
    return SK_OK;
}

/* Whether project p carries the clause's value (before negation). */
static int
clause_has(const clause *c, const sk__project *p)
{
    if (c->kind == CLAUSE_IDS) {
        for (size_t i = 0; c->ids[i] != NULL; i++)
            if (g_ascii_strcasecmp(p->id, c->ids[i]) == 0)
                return 1;
        return 0;
    }
    if (c->kind == CLAUSE_TITLE)
        return p->title_key != NULL && strstr(p->title_key, c->text) != NULL;
    int has = (p->labels[c->principle] & c->labels) != 0;
    if (has && c->theme_detail != NULL)
        has = p->theme_detail != NULL && strcmp(p->theme_detail, c->theme_detail) == 0;
    return has;
}

int
sk__project_matches(const sk__project *p, const sk_filter *f)
{
    if (f == NULL)
        return 1;
    for (guint i = 0; i < f->clauses->len; i++) {
        const clause *c = &g_array_index(f->clauses, clause, i);
        if (clause_has(c, p) == c->negate)
            return 0;
    }
    return 1;
}

/* Whether one of the n databases has a project with this id. */
static int
id_known(const sk_projects *const *dbs, size_t n, const char *id)
{
    for (size_t k = 0; k < n; k++)
        if (sk__projects_find(dbs[k], id) >= 0)
            return 1;
    return 0;
}

/* Whether one of the n databases has a project whose title holds the clause's text. */
static int
title_known(const sk_projects *const *dbs, size_t n, const clause *c)
{
    for (size_t k = 0; k < n; k++) {
        size_t count;
        const sk__project *items = sk__projects_items(dbs[k], &count);
        for (size_t i = 0; i < count; i++)
            if (clause_has(c, &items[i]))
                return 1;
    }
    return 0;
}

sk_status
sk__filter_check_any(sk_ctx *ctx, const sk_filter *f, const sk_projects *const *dbs, size_t n)
{
    for (guint i = 0; f != NULL && i < f->clauses->len; i++) {
        const clause *c = &g_array_index(f->clauses, clause, i);
        for (size_t k = 0; c->kind == CLAUSE_IDS && c->ids[k] != NULL; k++) {
            if (id_known(dbs, n, c->ids[k]))
                continue;
            char *quoted = sk__projects_nearest_ids(dbs[n - 1], c->ids[k]);
            sk_status st = sk__error(ctx, SK_EUSAGE, "filter '%s': unknown project id '%s' "
                                     "(did you mean %s?)", c->written, c->ids[k], quoted);
            g_free(quoted);
            return st;
        }
        /* A text no title holds is a typo: a map of nothing would look like an answer. */
        if (c->kind == CLAUSE_TITLE && !title_known(dbs, n, c))
            return sk__error(ctx, SK_EUSAGE, "filter '%s': no project title contains '%s' "
                             "(titles are matched ignoring case and accents)", c->written,
                             c->text);
    }
    return SK_OK;
}

sk_status
sk_filter_check(sk_ctx *ctx, const sk_filter *f, const sk_projects *projects)
{
    return sk__filter_check_any(ctx, f, &projects, 1);
}

sk_labelset
sk__filter_shown_mask(const sk_filter *f, int show)
{
    /* Showing the principle a clause selects on: only the selected labels are shown
    ** ("projects of DSW, Eno and ONVZ" does not colour their partners). */
    sk_labelset mask = ~(sk_labelset)0;
    for (guint k = 0; f != NULL && show >= 0 && k < f->clauses->len; k++) {
        const clause *c = &g_array_index(f->clauses, clause, k);
        if (c->kind == CLAUSE_LABELS && (int)c->principle == show && !c->negate)
            mask &= c->labels;
    }
    return mask;
}

static const char *
display_text(void *user_data, sk_principle p, size_t label)
{
    (void)user_data;
    size_t count;
    return sk__vocabulary(p, &count)[label].display;
}

char *
sk__filter_describe(const sk_filter *f)
{
    return sk__filter_describe_with(f, display_text, NULL);
}

/* One clause for a title: its labels (or ids, or the title's part) joined by "of". */
static void
describe_clause(GString *s, const clause *c, sk__label_text_fn text, void *user_data)
{
    /* A list of ids says nothing to a reader ("geen project (deze projecten)"). */
    if (c->kind == CLAUSE_IDS) {
        g_string_append(s, c->ids[1] != NULL ? "deze projecten" : "dit project");
        return;
    }
    if (c->kind == CLAUSE_TITLE) {
        g_string_append_printf(s, "titel met '%s'", c->text);
        return;
    }
    size_t count = sk_principle_label_count(c->principle);
    int first = 1;
    for (size_t l = 0; l < count; l++) {
        if (!(c->labels & ((sk_labelset)1 << l)))
            continue;
        g_string_append_printf(s, "%s%s", first ? "" : " of ",
                               text(user_data, c->principle, l));
        first = 0;
    }
    if (c->theme_detail != NULL)
        g_string_append_printf(s, ": %s", c->theme_detail);
}

char *
sk__filter_describe_with(const sk_filter *f, sk__label_text_fn text, void *user_data)
{
    if (f == NULL || f->clauses->len == 0)
        return NULL;
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < f->clauses->len; i++) {
        const clause *c = &g_array_index(f->clauses, clause, i);
        if (i > 0)
            g_string_append(s, ", ");
        if (c->negate)
            g_string_append(s, "zonder ");
        describe_clause(s, c, text, user_data);
    }
    return g_string_free(s, FALSE);
}

int
sk__filter_one_label(const sk_filter *f, sk_principle p)
{
    for (guint i = 0; f != NULL && i < f->clauses->len; i++) {
        const clause *c = &g_array_index(f->clauses, clause, i);
        sk_labelset s = c->labels;
        if (c->kind == CLAUSE_LABELS && c->principle == p && !c->negate &&
            c->theme_detail == NULL && s != 0 && (s & (s - 1)) == 0)
            for (int l = 0; l < 31; l++)
                if (s == (sk_labelset)1 << l)
                    return l;
    }
    return -1;
}
