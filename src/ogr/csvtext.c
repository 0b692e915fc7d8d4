/* A CSV's text as GDAL's CSV driver reads it: the delimiter, the header's names, the encoding
** of the bytes (csvtext.h).  Pure functions of their arguments. */
#include <string.h>
#include "csvtext.h"

/* GDAL's CSVDetectSeperator: the first of ',', ';', tab outside quotes, ',' when they mix;
** a space when there is none of them but a space. */
char
sk__csv_detect_delimiter(const char *line)
{
    gboolean in_string = FALSE;
    char d = '\0';
    int spaces = 0;
    for (; *line != '\0'; line++) {
        if (!in_string && (*line == ',' || *line == ';' || *line == '\t')) {
            if (d == '\0')
                d = *line;
            else if (d != *line)
                return ',';
        } else if (!in_string && *line == ' ') {
            spaces++;
        } else if (*line == '"') {
            if (!in_string || line[1] != '"')
                in_string = !in_string;
            else
                line++;
        }
    }
    return d != '\0' ? d : spaces > 0 ? ' ' : ',';
}

/* The header's names, split as GDAL splits: every '"' toggles quoting, "" in quotes is one. */
void
sk__csv_header_names(const char *header, char d, GPtrArray *columns)
{
    const char *p = header;
    GString *name = g_string_new(NULL);
    gboolean in_string = FALSE;
    for (;; p++) {
        if (*p == '\0' || (!in_string && *p == d)) {
            char *v = g_string_free(name, FALSE);
            if (columns->len == 0 && g_str_has_prefix(v, "\xEF\xBB\xBF"))
                memmove(v, v + 3, strlen(v + 3) + 1);
            g_ptr_array_add(columns, g_strstrip(v));
            if (*p == '\0')
                break;
            name = g_string_new(NULL);
        } else if (*p == '"' && (!in_string || p[1] != '"')) {
            in_string = !in_string;
        } else {
            p += *p == '"';
            g_string_append_c(name, *p);
        }
    }
}

/* UTF-16 by its BOM, or by the NULs every other byte of text in it has; UTF-32 by its BOM. */
const char *
sk__csv_wide_encoding(const unsigned char *p, size_t n, size_t *bom)
{
    *bom = 0;
    if (n >= 4 && ((p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) ||
                   (p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF)))
        return "UTF-32";
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        return *bom = 2, "UTF-16LE";
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        return *bom = 2, "UTF-16BE";
    size_t zeros[2] = {0, 0}, pairs = MIN(n, 512) / 2;
    for (size_t i = 0; i < 2 * pairs; i++)
        zeros[i & 1] += p[i] == 0;
    if (pairs >= 2 && zeros[0] == 0 && zeros[1] * 2 >= pairs)
        return "UTF-16LE";
    if (pairs >= 2 && zeros[1] == 0 && zeros[0] * 2 >= pairs)
        return "UTF-16BE";
    return NULL;
}

/* A first line that starts like Excel's but is not it ("sep= ,", "\"sep=,\""): one message,
** and the line is left out, so the rows are not all miscounted against it as a header. */
static size_t
malformed_sep(const char *q, size_t left, char **problem)
{
    size_t len = 0;
    while (len < left && len < 40 && q[len] != '\r' && q[len] != '\n')
        len++;
    *problem = g_strdup_printf("the first line '%.*s' is not Excel's 'sep=' line: write it as "
                               "sep=; (or sep=, ) with nothing else on the line, or remove it",
                               (int)len, q);
    size_t end = len;
    while (end < left && end < len + 2 && (q[end] == '\r' || q[end] == '\n'))
        end++;
    return end;
}

size_t
sk__csv_preamble(const char *p, size_t n, char *delimiter, char **problem)
{
    size_t off = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const char *q = p + off;
    size_t left = n - off, quoted = left > 0 && q[0] == '"';
    *problem = NULL;
    if (left < 5 + quoted || g_ascii_strncasecmp(q + quoted, "sep=", 4) != 0)
        return off;
    size_t end = 5;
    if (end < left && q[end] == '\r')
        end++;
    if (quoted || (end < left && q[end] != '\n' && q[end - 1] != '\r'))
        return off + malformed_sep(q, left, problem);
    if (end < left && q[end] == '\n')
        end++;
    char d = q[4];
    if (d != ',' && d != ';' && d != '\t')
        *problem = g_strdup_printf("the line '%.5s' names a delimiter samenkaart does not read: "
                                   "save the file with ';', ',' or tabs between the fields", q);
    *delimiter = d;
    return off + end;
}
