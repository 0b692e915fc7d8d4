/* The INI reader shared by style and atlas files (keyfile.h).  GKeyFile does not say where a
** key was, so the text is kept as lines to find it again for messages. */
#include <string.h>
#include "keyfile.h"
#include "text.h"

struct sk__keyfile {
    char *path;
    GKeyFile *kf;
    char **lines;
    sk__diagnostics *diags;
};

/* GKeyFile's parse errors quote the line but do not number it: find the first line that is
** neither a [group], a key = value line, a comment nor blank, and name it. */
static sk_status
parse_error(sk_ctx *ctx, const char *path, const char *text, const char *gkeyfile_message)
{
    char **lines = g_strsplit(text, "\n", -1);
    int in_group = 0;
    sk_status st = SK_OK;
    for (int i = 0; lines[i] != NULL && st == SK_OK; i++) {
        const char *l = g_strstrip(lines[i]);
        if (l[0] == '\0' || l[0] == '#')
            continue;
        if (l[0] == '[' && l[strlen(l) - 1] == ']')
            in_group = 1;
        else if (strchr(l, '=') == NULL)
            st = sk__error(ctx, SK_EINPUT, "%s:%d: '%s' is not a [group], a key = value line "
                           "or a # comment", path, i + 1, l);
        else if (!in_group)
            st = sk__error(ctx, SK_EINPUT, "%s:%d: '%s' comes before the first [group]", path,
                           i + 1, l);
    }
    g_strfreev(lines);
    return st != SK_OK ? st : sk__error(ctx, SK_EINPUT, "%s: %s", path, gkeyfile_message);
}

sk_status
sk__keyfile_open(sk_ctx *ctx, const char *path, const char *what, sk__diagnostics *diags,
                 sk__keyfile **out)
{
    *out = NULL;
    sk__ctx_note_input(ctx, path);
    char *text = NULL;
    GError *err = NULL;
    if (!g_file_get_contents(path, &text, NULL, &err)) {
        sk_status st = sk__error(ctx, SK_EINPUT, "%s: cannot read %s: %s", path, what,
                                 err->message);
        g_error_free(err);
        return st;
    }
    /* Editors on Windows start UTF-8 files with a byte order mark, which GKeyFile refuses. */
    const char *body = g_str_has_prefix(text, "\xef\xbb\xbf") ? text + 3 : text;
    GKeyFile *kf = g_key_file_new();
    if (!g_key_file_load_from_data(kf, body, (gsize)-1, G_KEY_FILE_NONE, &err)) {
        sk_status st = parse_error(ctx, path, body, err->message);
        g_error_free(err);
        g_key_file_free(kf);
        g_free(text);
        return st;
    }
    sk__keyfile *k = g_new0(sk__keyfile, 1);
    k->path = g_strdup(path);
    k->kf = kf;
    k->lines = g_strsplit(body, "\n", -1);
    k->diags = diags;
    g_free(text);
    *out = k;
    return SK_OK;
}

void
sk__keyfile_free(sk__keyfile *k)
{
    if (k == NULL)
        return;
    g_key_file_free(k->kf);
    g_strfreev(k->lines);
    g_free(k->path);
    g_free(k);
}

const char *
sk__keyfile_path(const sk__keyfile *k)
{
    return k->path;
}

GKeyFile *
sk__keyfile_gkf(const sk__keyfile *k)
{
    return k->kf;
}

/* Whether line l (trimmed, modified) is the header of group; sets *is_header. */
static int
header_is(char *l, const char *group, int *is_header)
{
    *is_header = l[0] == '[';
    if (!*is_header)
        return 0;
    char *end = strrchr(l, ']');
    if (end != NULL)
        *end = '\0';
    return strcmp(l + 1, group) == 0;
}

/* Whether line l (trimmed, modified) sets key. */
static int
sets_key(char *l, const char *key)
{
    if (l[0] == '#')
        return 0;
    char *eq = strchr(l, '=');
    if (eq == NULL)
        return 0;
    *eq = '\0';
    return strcmp(g_strstrip(l), key) == 0;
}

/* A key set twice keeps its last value in GKeyFile, so its line is the last one; a group is
** found at its first header. */
int
sk__keyfile_line(const sk__keyfile *k, const char *group, const char *key)
{
    int in_group = 0, found = 0;
    for (int i = 0; k->lines[i] != NULL && !(found && key == NULL); i++) {
        char *l = g_strstrip(g_strdup(k->lines[i]));
        int is_header;
        int match = header_is(l, group, &is_header);
        if (is_header)
            in_group = match;
        if (is_header ? match && key == NULL : in_group && key != NULL && sets_key(l, key))
            found = i + 1;
        g_free(l);
    }
    return found;
}

void
sk__keyfile_problem(sk__keyfile *k, const char *group, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    int line = key != NULL ? sk__keyfile_line(k, group, key) : 0;
    if (line == 0)
        line = sk__keyfile_line(k, group, NULL);
    if (key != NULL)
        sk__diagnostics_add(k->diags, "%s:%d: [%s] %s: %s", k->path, line, group, key, msg);
    else
        sk__diagnostics_add(k->diags, "%s:%d: [%s]: %s", k->path, line, group, msg);
    g_free(msg);
}

const char *
sk__keyfile_nearest(const char *name, const char *const *candidates)
{
    char *norm = sk__normalize(name);
    sk__suggestion s;
    sk__suggestion_init(&s, norm);
    for (size_t i = 0; candidates[i] != NULL; i++) {
        /* The suggestion keeps the display text only. */
        char *key = sk__normalize(candidates[i]);
        sk__suggestion_offer(&s, candidates[i], key);
        g_free(key);
    }
    g_free(norm);
    return s.best;
}

void
sk__keyfile_check_keys(sk__keyfile *k, const char *group, const char *const *allowed)
{
    gsize n;
    char **keys = g_key_file_get_keys(k->kf, group, &n, NULL);
    for (gsize i = 0; i < n; i++) {
        int ok = 0;
        for (size_t a = 0; allowed[a] != NULL && !ok; a++)
            ok = strcmp(keys[i], allowed[a]) == 0;
        if (!ok)
            sk__keyfile_problem(k, group, keys[i], "unknown key (did you mean '%s'?)",
                                sk__keyfile_nearest(keys[i], allowed));
    }
    g_strfreev(keys);
}

char *
sk__keyfile_get(sk__keyfile *k, const char *group, const char *key)
{
    GError *err = NULL;
    char *v = g_key_file_get_string(k->kf, group, key, &err);
    if (err != NULL && !g_error_matches(err, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND) &&
        !g_error_matches(err, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND))
        sk__keyfile_problem(k, group, key, "cannot be read: %s", err->message);
    g_clear_error(&err);
    return v != NULL ? g_strstrip(v) : NULL;
}

void
sk__keyfile_check_repeats(sk__keyfile *k)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    char *group = NULL;
    int in_repeated_group = 0;   /* its keys repeat the first one's: one message says it */
    for (int i = 0; k->lines[i] != NULL; i++) {
        char *l = g_strstrip(g_strdup(k->lines[i]));
        char *eq = strchr(l, '=');
        char *id = NULL;
        int is_group = l[0] == '[' && strrchr(l, ']') != NULL;
        if (is_group) {
            *strrchr(l, ']') = '\0';
            g_free(group);
            group = g_strdup(l + 1);
            id = g_strdup_printf("[%s]", group);
        } else if (group != NULL && l[0] != '#' && eq != NULL) {
            *eq = '\0';
            id = g_strdup_printf("[%s] %s:", group, g_strstrip(l));
        }
        int first = id != NULL ? GPOINTER_TO_INT(g_hash_table_lookup(seen, id)) : 0;
        if (is_group)
            in_repeated_group = first > 0;
        if (first > 0 && (is_group || !in_repeated_group))
            sk__diagnostics_add(k->diags, "%s:%d: %s repeats the %s at line %d; %s", k->path,
                                i + 1, id, is_group ? "group" : "key", first,
                                is_group ? "give each group once (merge the two or rename one)"
                                         : "give it once");
        if (id != NULL && first == 0)
            g_hash_table_insert(seen, id, GINT_TO_POINTER(i + 1));
        else
            g_free(id);
        g_free(l);
    }
    g_free(group);
    g_hash_table_destroy(seen);
}

char *
sk__keyfile_require(sk__keyfile *k, const char *group, const char *key)
{
    char *v = sk__keyfile_get(k, group, key);
    if (v == NULL || v[0] == '\0')
        sk__keyfile_problem(k, group, NULL, "missing '%s'", key);
    return v;
}

void
sk__keyfile_get_bool(sk__keyfile *k, const char *group, const char *key, int *out)
{
    if (!g_key_file_has_key(k->kf, group, key, NULL))
        return;
    GError *err = NULL;
    gboolean b = g_key_file_get_boolean(k->kf, group, key, &err);
    if (err != NULL) {
        sk__keyfile_problem(k, group, key, "not true or false");
        g_error_free(err);
        return;
    }
    *out = b;
}

int
sk__keyfile_get_int(sk__keyfile *k, const char *group, const char *key, int min, int max,
                    const char *expected, int *out)
{
    if (!g_key_file_has_key(k->kf, group, key, NULL))
        return 0;
    GError *err = NULL;
    int n = g_key_file_get_integer(k->kf, group, key, &err);
    if (err != NULL || n < min || n > max)
        sk__keyfile_problem(k, group, key, "expected %s", expected);
    else
        *out = n;
    g_clear_error(&err);
    return 1;
}

/* The group other than group whose keys include key (the first by name, so that messages
** do not depend on hash order), or NULL. */
static const char *
group_of_key(GHashTable *known, const char *group, const char *key)
{
    GHashTableIter it;
    gpointer name, value;
    const char *found = NULL;
    g_hash_table_iter_init(&it, known);
    while (g_hash_table_iter_next(&it, &name, &value)) {
        if (strcmp(name, group) == 0 || (found != NULL && strcmp(name, found) > 0))
            continue;
        if (g_ptr_array_find_with_equal_func(value, key, g_str_equal, NULL))
            found = name;
    }
    return found;
}

/* An unknown key of a known group: where it belongs, the nearest key when it is close (a
** typo), else the keys the group has. */
static void
unknown_key(GHashTable *known, sk__keyfile *k, const char *group, const char *key, GPtrArray *keys)
{
    const char *elsewhere = group_of_key(known, group, key);
    if (elsewhere != NULL) {
        sk__keyfile_problem(k, group, key, "unknown key in [%s] (it belongs in [%s])", group,
                            elsewhere);
        return;
    }
    char *norm = sk__normalize(key);
    sk__suggestion sg;
    sk__suggestion_init(&sg, norm);
    for (guint i = 0; i < keys->len; i++) {
        char *candidate = sk__normalize(g_ptr_array_index(keys, i));
        sk__suggestion_offer(&sg, g_ptr_array_index(keys, i), candidate);
        g_free(candidate);
    }
    if (sg.best != NULL && sg.distance <= MAX(2, strlen(norm) / 3)) {
        sk__keyfile_problem(k, group, key, "unknown key (did you mean '%s'?)", sg.best);
    } else {
        GString *all = g_string_new(NULL);
        for (guint i = 0; i < keys->len; i++)
            g_string_append_printf(all, "%s%s", i ? ", " : "",
                                   (const char *)g_ptr_array_index(keys, i));
        sk__keyfile_problem(k, group, key, "unknown key (the keys of [%s]: %s)", group, all->str);
        g_string_free(all, TRUE);
    }
    g_free(norm);
}

void
sk__keyfile_check_unknown(sk__keyfile *k, GHashTable *known, const char *const *groups,
                          char *(*nearest_group)(const char *group, const char *const *groups))
{
    gsize n = 0;
    char **present = g_key_file_get_groups(k->kf, &n);
    for (gsize i = 0; i < n; i++) {
        GPtrArray *keys = g_hash_table_lookup(known, present[i]);
        gsize nkeys = 0;
        char **written = keys != NULL ? g_key_file_get_keys(k->kf, present[i], &nkeys, NULL)
                                      : NULL;
        for (gsize j = 0; j < nkeys; j++)
            if (!g_ptr_array_find_with_equal_func(keys, written[j], g_str_equal, NULL))
                unknown_key(known, k, present[i], written[j], keys);
        g_strfreev(written);
        if (keys == NULL && !g_strv_contains(groups, present[i])) {
            char *nearest = nearest_group(present[i], groups);
            sk__keyfile_problem(k, present[i], NULL, "unknown group (did you mean '%s'?)",
                                nearest);
            g_free(nearest);
        }
    }
    g_strfreev(present);
}
