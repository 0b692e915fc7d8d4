/* Secrets out of text derived from a source's name (redact.h). */
#include <string.h>
#include <glib.h>
#include "redact.h"

/* password=VALUE (any case) in connection strings and URL queries: VALUE quoted ('…' or "…",
** with backslash escapes) or up to a space, & or ; — or up to ":LINE:" or ": ", so that a
** file named "password=….csv" keeps the line number of a message about it.  And the password of
** user:pass@host in a URL. */
#define KEYWORD_PASSWORD "(?i)(\\bpassword\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'?|\"(?:[^\"\\\\]|\\\\.)*\"?|[^\\s&;]*?(?=:[0-9]+:|:\\s|[\\s&;]|$))"
#define URL_PASSWORD "(://[^/\\s:@]*:)[^\\s@]*@"

static char *
replace(const char *pattern, const char *text, const char *with)
{
    GRegex *re = g_regex_new(pattern, G_REGEX_OPTIMIZE | G_REGEX_RAW, 0, NULL);
    if (re == NULL)
        return g_strdup("(text not shown: it may hold a password)");
    char *out = g_regex_replace(re, text, -1, 0, with, 0, NULL);
    g_regex_unref(re);
    /* Should the replacement fail, no part of the text is trusted. */
    return out != NULL ? out : g_strdup("(text not shown: it may hold a password)");
}

char *
sk__redact(const char *text)
{
    if (text == NULL)
        return NULL;
    /* Most texts name no secret at all: avoid the regex work. */
    char *lower = g_ascii_strdown(text, -1);
    int plain = strchr(text, '@') == NULL && strstr(lower, "password") == NULL;
    g_free(lower);
    if (plain)
        return g_strdup(text);
    char *step = replace(KEYWORD_PASSWORD, text, "\\1***");
    char *out = replace(URL_PASSWORD, step, "\\1***@");
    g_free(step);
    return out;
}
