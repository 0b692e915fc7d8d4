/* The record structure of a CSV file before GDAL parses it: see csvscan.h for the rules it
** shares with GDAL's CSV driver. */
#include <stdio.h>
#include <string.h>
#include "csvscan.h"
#include "csvtext.h"

#define MAX_RECORD 10000000   /* GDAL's MAX_LINE_SIZE: a longer record ends its reading */
#define MAX_KEEP 1048576      /* the header and first line are kept up to this many bytes */
#define CHUNK 65536

/* The bytes the scan looks at one by one. */
static const guint8 special[256] = {
    ['\r'] = 1, ['\n'] = 1, ['"'] = 1, [','] = 1, [';'] = 1, ['\t'] = 1, [' '] = 1,
    ['\v'] = 1, ['\f'] = 1,
};

/* The delimiters GDAL detects, in its order. */
static const char candidates[4] = {',', ';', '\t', ' '};

typedef struct record {
    guint first_line, last_line;
    guint count[4];          /* each candidate delimiter outside quotes */
    guint open_line;         /* the quote that opened the latest quoted stretch … */
    guint open_count[4];     /* … and the fields before it */
    guint span_line;         /* the quote whose value holds the first line break, or 0 */
    guint span_count[4];
    /* Per candidate delimiter (bit k): the byte before was a delimiter or the record's
    ** start (blanks kept), so a quote here starts a value, not a stray one in its middle. */
    guint8 field_start;
    guint8 open_mid;         /* the latest opening quote was in the middle of a value */
    guint8 span_mid;         /* … the one that opened the value holding a line break */
    guint8 span_close_ok;    /* the quote closing that value ends it (delimiter, blank, end) */
    gboolean span_closed, close_pending;
    guint content_count[4];  /* the fields before the last one with content */
    guint8 seen_out, seen_in;  /* candidates met outside / inside quotes (bit per candidate) */
    gboolean other;          /* any other visible character */
    gboolean in_string, quote_pending;   /* a '"' in quotes: closes, or "" is one quote */
    size_t bytes;
} record;

typedef struct scanner {
    sk__csv_scan *s;
    const char *path, *what;
    gboolean tsv;
    guint line;              /* the physical line being read */
    char pending_break;      /* a line break's first byte: \r\n and \n\r are one break */
    gboolean after_break;    /* nothing since the last line break */
    gboolean open;           /* a record is being read */
    record rec;
    guint index;             /* records ended, empty ones too (0: the header next) */
    GString *header, *first;   /* the header record and the first physical line */
    gboolean first_done;
    guint raw_tabs[2];       /* tabs in the header's line and the next (GDAL's second try) */
    gboolean raw_empty[2];
    char forced;             /* the delimiter a "sep=" line names, or 0 */
    gboolean decided;
    record hdr, held;        /* the header and the record after it, until the delimiter is
                                known (GDAL's tab test reads both) */
    gboolean have_hdr, holding;
    gboolean visible;        /* anything but blanks seen */
    gboolean header_bad;     /* no header to count fields against */
    guint more_errors;
} scanner;

static void G_GNUC_PRINTF(2, 3)
add_error(scanner *sc, const char *fmt, ...)
{
    if (sc->s->errors->len >= SK__CSV_MAX_ERRORS) {
        sc->more_errors++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(sc->s->errors, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

static int
candidate(char c)
{
    const char *p = memchr(candidates, c, sizeof candidates);
    return c != '\0' && p != NULL ? (int)(p - candidates) : -1;
}

static const char *
delimiter_name(char d)
{
    return d == ',' ? "','" : d == ';' ? "';'" : d == '\t' ? "tab" : "space";
}

/* ---- bytes into records ---------------------------------------------------------------- */

static void
start_record(scanner *sc)
{
    memset(&sc->rec, 0, sizeof sc->rec);
    sc->rec.first_line = sc->line;
    sc->rec.field_start = 0xf;
    sc->open = TRUE;
}

static void
quote_closes(record *r)
{
    r->quote_pending = FALSE;
    r->in_string = FALSE;
    if (r->span_line != 0 && !r->span_closed) {
        r->span_closed = TRUE;
        r->close_pending = TRUE;   /* what follows says whether it ends the value */
    }
}

/* The byte after the quote that closed a value holding a line break: a delimiter or the end
** of the line ends the value there; anything else means the quotes were stray. */
static void
after_span_close(record *r, int k, unsigned char c)
{
    r->close_pending = FALSE;
    r->span_close_ok = k >= 0 ? (guint8)(1u << k) : 0;
    if (c == '\n' || c == '\r')
        r->span_close_ok = 0xf;
}

static void
byte_in_record(scanner *sc, unsigned char c)
{
    record *r = &sc->rec;
    if (!sc->open)
        start_record(sc);
    r->bytes++;
    if (sc->index == 0 && sc->header->len < MAX_KEEP)
        g_string_append_c(sc->header, (char)c);
    if (r->quote_pending) {
        if (c == '"') {          /* "" in quotes: one quote, a value */
            r->quote_pending = FALSE;
            r->other = TRUE;
            return;
        }
        quote_closes(r);
    }
    int k = candidate((char)c);
    if (r->close_pending)
        after_span_close(r, k, c);
    if (c == '"') {
        if (r->in_string) {
            r->quote_pending = TRUE;
        } else {
            r->in_string = TRUE;
            r->open_line = sc->line;
            r->open_mid = (guint8)(~r->field_start & 0xf);
            memcpy(r->open_count, r->count, sizeof r->count);
        }
        memcpy(r->content_count, r->count, sizeof r->count);
        r->field_start = 0;
        return;
    }
    if (k >= 0 && !r->in_string)
        r->field_start = c == ' ' || c == '\t' ? (guint8)(r->field_start | (1u << k))
                                                : (guint8)(1u << k);
    else if (!r->in_string && c != '\v' && c != '\f')
        r->field_start = 0;
    if (k < 0 && c != '\v' && c != '\f')
        memcpy(r->content_count, r->count, sizeof r->count);
    if (k >= 0 && r->in_string)
        r->seen_in |= (guint8)(1u << k);
    else if (k >= 0) {
        r->count[k]++;
        r->seen_out |= (guint8)(1u << k);
    }
    if (k < 0 && c != '\v' && c != '\f')
        r->other = TRUE;
    if (c != ' ' && c != '\t' && c != '\v' && c != '\f')
        sc->visible = TRUE;
}

static void end_record(scanner *sc);

static void
line_break(scanner *sc)
{
    if (!sc->first_done) {
        sc->first_done = TRUE;
    }
    guint rel = sc->line - sc->s->header_line;
    if (rel < 2)
        sc->raw_empty[rel] = !sc->open || sc->rec.bytes == 0;
    if (sc->open && sc->rec.quote_pending)
        quote_closes(&sc->rec);
    if (sc->open && sc->rec.close_pending)
        after_span_close(&sc->rec, -1, '\n');
    if (sc->open && sc->rec.in_string) {
        /* The value goes on: GDAL reads the next line into the same record. */
        record *r = &sc->rec;
        if (r->span_line == 0) {
            r->span_line = r->open_line;
            r->span_mid = r->open_mid;
            memcpy(r->span_count, r->open_count, sizeof r->count);
        }
        r->bytes++;
        if (sc->index == 0 && sc->header->len < MAX_KEEP)
            g_string_append_c(sc->header, '\n');
    } else {
        if (!sc->open)
            start_record(sc);
        end_record(sc);
    }
    sc->line++;
}

/* A run of bytes that are none of line breaks, quotes, delimiters or blanks: one step (most
** of a file is such runs, and the scan must cost little next to GDAL's reading). */
static size_t
plain_run(scanner *sc, const char *p, size_t n)
{
    if (!sc->open || sc->rec.quote_pending || sc->index == 0 ||
        sc->line - sc->s->header_line < 2)
        return 0;
    size_t j = 0;
    while (j < n && !special[(unsigned char)p[j]])
        j++;
    if (j > 0) {
        record *r = &sc->rec;
        if (r->close_pending)
            after_span_close(r, -1, (unsigned char)p[0]);
        if (!r->in_string)
            r->field_start = 0;
        memcpy(r->content_count, r->count, sizeof r->count);
        sc->rec.bytes += j;
        sc->rec.other = TRUE;
        sc->visible = TRUE;
        sc->after_break = FALSE;
        sc->pending_break = 0;
    }
    return j;
}

static void
feed(scanner *sc, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t run = plain_run(sc, p + i, n - i);
        i += run;
        if (i >= n)
            break;
        char c = p[i];
        if (sc->pending_break) {
            char b = sc->pending_break;
            sc->pending_break = 0;
            if ((b == '\r' && c == '\n') || (b == '\n' && c == '\r'))
                continue;
        }
        if (c == '\n' || c == '\r') {
            line_break(sc);
            sc->pending_break = c;
            sc->after_break = TRUE;
            continue;
        }
        sc->after_break = FALSE;
        if (!sc->first_done && sc->first->len < MAX_KEEP)
            g_string_append_c(sc->first, c);
        guint rel = sc->line - sc->s->header_line;
        if (rel < 2)
            sc->raw_tabs[rel] += c == '\t';
        byte_in_record(sc, (unsigned char)c);
    }
}

/* ---- the delimiter and the header -------------------------------------------------------- */

/* GDAL prefers tabs when the first line has one and the first two records (quotes honoured,
** then not) split by tabs into as many fields, at least two. */
static char
choose_delimiter(scanner *sc, const record *header)
{
    if (sc->forced)
        return sc->forced;
    char d = sk__csv_detect_delimiter(sc->first->str);
    if (d == '\t' || strchr(sc->first->str, '\t') == NULL)
        return d;
    if (sc->tsv)
        return '\t';
    guint n1 = header->bytes ? header->count[2] + 1 : 0;
    guint n2 = sc->holding && sc->held.bytes ? sc->held.count[2] + 1 : 0;
    if (n1 >= 2 && n1 == n2)
        return '\t';
    n1 = sc->raw_empty[0] ? 0 : sc->raw_tabs[0] + 1;
    n2 = sc->raw_empty[1] ? 0 : sc->raw_tabs[1] + 1;
    return n1 >= 2 && n1 == n2 ? '\t' : d;
}

static char *
column_of(const scanner *sc, guint field)
{
    if (field < sc->s->columns->len)
        return g_strdup_printf("column '%s'",
                               (const char *)g_ptr_array_index(sc->s->columns, field));
    return g_strdup_printf("field %u (the header has %u)", field + 1, sc->s->header_fields);
}

/* ---- checks ------------------------------------------------------------------------------ */

static gboolean
all_empty(const record *r, int k)
{
    /* Blanks (space, tab) and the delimiter only. */
    return !r->other && r->seen_in == 0 &&
           (r->seen_out & ~(1u << k) & ~(1u << 2) & ~(1u << 3)) == 0;
}

/* A value holding a line break whose quotes look stray: the opening one in the middle of a
** value (19" monitor), or the closing one followed by more of the value.  GDAL would join
** the lines into one record, which may even have the header's field count, and the rows
** between would silently be lost. */
static gboolean
stray_span(const record *r, int k)
{
    if (r->span_line == 0)
        return FALSE;
    gboolean close_ok = !r->span_closed || r->close_pending || (r->span_close_ok >> k) & 1;
    return ((r->span_mid >> k) & 1) || !close_ok;
}

static void
stray_quote(scanner *sc, const record *r, int k)
{
    char *col = column_of(sc, r->span_count[k]);
    char *what = (r->span_mid >> k) & 1
                     ? g_strdup_printf("the quote (\") in the middle of a value here in %s "
                                       "opens a value that runs on to line %u", col,
                                       r->last_line)
                     : g_strdup_printf("the quote (\") that opens a value here in %s closes "
                                       "on line %u in the middle of a value", col,
                                       r->last_line);
    add_error(sc, "%s:%u: %s, so lines %u–%u read as one record and any rows in them are "
              "lost; put a value holding a quote in quotes and write the quote twice "
              "(\"19\"\" monitor\"), or remove the stray quote", sc->path, r->span_line,
              what, r->first_line, r->last_line);
    g_free(what);
    g_free(col);
}

static void
unclosed(scanner *sc, const record *r, int k)
{
    guint line = r->span_line ? r->span_line : r->open_line;
    /* In the header, the name would run on to the end of the file. */
    char *col = sc->decided
                    ? column_of(sc, r->span_line ? r->span_count[k] : r->open_count[k])
                    : g_strdup("the header");
    add_error(sc, "%s:%u: the quote (\") that opens a value here in %s is never closed, so "
              "everything after it to the end of the file (line %u) would read as that one "
              "value; remove the stray quote, or write a quote inside a quoted value twice "
              "(\"\")", sc->path, line, col, r->last_line);
    g_free(col);
}

static void
check_record(scanner *sc, const record *r)
{
    if (r->bytes == 0)
        return;   /* an empty line: GDAL skips it without a feature number */
    g_array_append_val(sc->s->lines, r->first_line);
    int k = candidate(sc->s->delimiter);
    guint fields = r->count[k] + 1, want = sc->s->header_fields;
    const char *d = delimiter_name(sc->s->delimiter);
    if (sc->header_bad) {
        /* reported once, at the header */
    } else if (r->in_string) {
        unclosed(sc, r, k);
    } else if (all_empty(r, k)) {
        /* Spreadsheets leave rows of empty cells behind; they are not data. */
    } else if (r->bytes > MAX_RECORD) {
        add_error(sc, "%s:%u: a record of more than 10 MB; is a quote (\") left open?",
                  sc->path, r->first_line);
    } else if (fields == want && stray_span(r, k)) {
        stray_quote(sc, r, k);
    } else if (fields > want && r->content_count[k] + 1 <= want) {
        /* Trailing empty fields (a delimiter at the end of the row): GDAL drops them, and no
        ** value is lost or shifted. */
    } else if (fields != want && r->span_line != 0) {
        char *col = column_of(sc, r->span_count[k]);
        add_error(sc, "%s:%u: the quote (\") that opens a value here in %s closes only on "
                  "line %u, so lines %u–%u read as one record of %u fields where the header "
                  "has %u; remove the stray quote, or write a quote inside a quoted value "
                  "twice (\"\")", sc->path, r->span_line, col, r->last_line, r->first_line,
                  r->last_line, fields, want);
        g_free(col);
    } else if (fields > want) {
        add_error(sc, "%s:%u: %u fields where the header has %u: put a value that holds %s "
                  "in double quotes (\"…\"), or remove the extra %s", sc->path, r->first_line,
                  fields, want, d, d);
    } else if (fields < want) {
        add_error(sc, "%s:%u: %u field%s where the header has %u: a missing %s? Every row "
                  "needs one field per column, empty ones too", sc->path, r->first_line,
                  fields, fields == 1 ? "" : "s", want, d);
    }
}

static void
check_header(scanner *sc)
{
    sk__csv_scan *s = sc->s;
    const record *h = &sc->hdr;
    s->delimiter = choose_delimiter(sc, h);
    int k = candidate(s->delimiter);
    s->header_fields = h->count[k] + 1;
    sk__csv_header_names(sc->header->str, sc->s->delimiter, sc->s->columns);
    if (h->in_string)
        unclosed(sc, h, k);
    else if (h->bytes == 0 || all_empty(h, k))
        add_error(sc, "%s:%u: the first line is empty: the header (the column names) must be "
                  "the first line; remove the empty lines above it", sc->path, h->first_line);
    else if (sc->forced && h->count[k] == 0 && (h->seen_out & ~(1u << k) & ~(1u << 3)) != 0)
        add_error(sc, "%s:1: the 'sep=' line names %s as the delimiter, but the header on "
                  "line 2 does not use it; make it name the delimiter between the fields, or "
                  "remove the line", sc->path, delimiter_name(sc->forced));
    /* Without a header, field counts mean nothing: one message is enough. */
    sc->header_bad = s->errors->len > 0;
    sc->decided = TRUE;
    if (sc->holding)
        check_record(sc, &sc->held);
    sc->holding = FALSE;
}

static void
end_record(scanner *sc)
{
    sc->rec.last_line = sc->line;
    sc->open = FALSE;
    guint index = sc->index++;
    if (index == 0) {
        sc->hdr = sc->rec;
        sc->have_hdr = TRUE;
    } else if (index == 1) {
        sc->held = sc->rec;
        sc->holding = TRUE;
        check_header(sc);
    } else {
        check_record(sc, &sc->rec);
    }
}

/* The end of the bytes: the last record, and a file with no header at all. */
static void
finish(scanner *sc)
{
    if (sc->open) {
        if (sc->rec.quote_pending)
            quote_closes(&sc->rec);
        /* A value left open ends on the file's last line, not after its line break. */
        sc->line -= sc->after_break && sc->line > 1;
        end_record(sc);
    }
    if (!sc->visible) {
        g_ptr_array_set_size(sc->s->errors, 0);
        add_error(sc, "%s: the %s is empty: no header line (the first line must name the "
                  "columns)", sc->path, sc->what);
    } else if (!sc->decided && sc->have_hdr) {
        check_header(sc);
    }
    if (sc->more_errors > 0)
        g_ptr_array_add(sc->s->errors,
                        g_strdup_printf("%s: … and %u more problems of the same kind",
                                        sc->path, sc->more_errors));
}

static void
scanner_init(scanner *sc, sk__csv_scan *s, const char *path, const char *what, gboolean tsv)
{
    memset(sc, 0, sizeof *sc);
    sc->s = s;
    sc->path = path;
    sc->what = what;
    sc->tsv = tsv;
    sc->header = g_string_new(NULL);
    sc->first = g_string_new(NULL);
    sc->line = 1;
    s->header_line = 1;
}

static void
scanner_clear(scanner *sc)
{
    g_string_free(sc->header, TRUE);
    g_string_free(sc->first, TRUE);
}

/* ---- encodings and the first line ----------------------------------------------------------- */

/* A UTF-8 BOM, then Excel's "sep=X" line (csvtext.c): where the header starts. */
static size_t
preamble(scanner *sc, const char *p, size_t n)
{
    char *problem = NULL;
    size_t start = sk__csv_preamble(p, n, &sc->forced, &problem);
    if (problem != NULL)
        add_error(sc, "%s:1: %s", sc->path, problem);
    g_free(problem);
    size_t bom = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (start > bom) {
        sc->line = 2;   /* the "sep=" line was line 1 */
        sc->s->header_line = 2;
    }
    return start;
}

/* UTF-8 checked chunk by chunk: a NUL makes it binary, a bad sequence probably Windows-1252.
** carry: bytes of a sequence the chunk cut, moved to the front for the next one.  FALSE
** after a problem (reported). */
static gboolean
feed_checked(scanner *sc, char *buf, size_t len, gboolean last, size_t *carry)
{
    *carry = 0;
    if (memchr(buf, '\0', len) != NULL) {
        add_error(sc, "%s: the %s is not a text file (it holds NUL bytes); expected UTF-8 CSV",
                  sc->path, sc->what);
        return FALSE;
    }
    const char *end;
    gboolean valid = g_utf8_validate(buf, (gssize)len, &end);
    size_t good = (size_t)(end - buf);
    feed(sc, buf, good);
    if (valid)
        return TRUE;
    unsigned b = (unsigned char)buf[good];
    if (!last && len - good < 4 && (b & 0xc0) == 0xc0) {
        memmove(buf, buf + good, len - good);
        *carry = len - good;
        return TRUE;
    }
    add_error(sc, "%s:%u: the %s is not UTF-8 (byte 0x%02X)%s; save it as UTF-8 (Excel: 'CSV "
              "UTF-8') or convert it, e.g. iconv -f windows-1252 -t utf-8", sc->path, sc->line,
              sc->what, b,
              b >= 0x80 ? ", probably Windows-1252 as older Excel writes it" : "");
    return FALSE;
}

static void
refuse_wide(scanner *sc, const char *encoding, const char *detail)
{
    add_error(sc, "%s: the %s is %s%s; save it as UTF-8 (Excel: 'CSV UTF-8') or convert it: "
              "iconv -f %s -t UTF-8 '%s' > converted.csv", sc->path, sc->what, encoding, detail,
              encoding, sc->path);
}

/* ---- the public entries ------------------------------------------------------------------- */

void
sk__csv_scan_init(sk__csv_scan *s)
{
    memset(s, 0, sizeof *s);
    s->delimiter = ',';
    s->header_line = 1;
    s->columns = g_ptr_array_new_with_free_func(g_free);
    s->lines = g_array_new(FALSE, FALSE, sizeof(guint));
    s->errors = g_ptr_array_new_with_free_func(g_free);
    s->encoding = "UTF-8";
}

void
sk__csv_scan_clear(sk__csv_scan *s)
{
    g_ptr_array_free(s->columns, TRUE);
    g_array_free(s->lines, TRUE);
    g_ptr_array_free(s->errors, TRUE);
    if (s->text != NULL)
        g_string_free(s->text, TRUE);
    memset(s, 0, sizeof *s);
}

/* UTF-8 bytes in memory, the whole of them. */
static gboolean
scan_utf8(const char *data, size_t len, const char *path, const char *what, gboolean tsv,
          gboolean keep, sk__csv_scan *s)
{
    scanner sc;
    scanner_init(&sc, s, path, what, tsv);
    size_t off = preamble(&sc, data, len);
    char *buf = g_malloc(CHUNK + 4);
    size_t carry = 0;
    gboolean ok = s->errors->len == 0;
    for (size_t at = off; ok && (at < len || carry > 0);) {
        size_t n = MIN(len - at, (size_t)CHUNK - carry);
        memcpy(buf + carry, data + at, n);
        at += n;
        ok = feed_checked(&sc, buf, carry + n, at == len, &carry);
    }
    g_free(buf);
    if (ok)
        finish(&sc);
    scanner_clear(&sc);
    if (s->errors->len == 0 && (keep || sc.forced))
        s->text = g_string_new_len(data + off, (gssize)(len - off));
    return s->errors->len == 0;
}

gboolean
sk__csv_scan_bytes(const char *data, size_t len, const char *path, const char *what,
                   gboolean tsv, sk__csv_scan *s)
{
    size_t bom;
    const char *wide = sk__csv_wide_encoding((const unsigned char *)data, len, &bom);
    if (wide == NULL)
        return scan_utf8(data, len, path, what, tsv, FALSE, s);
    scanner sc;
    scanner_init(&sc, s, path, what, tsv);
    gsize written = 0;
    char *utf8 = NULL;
    if (strcmp(wide, "UTF-32") == 0)
        refuse_wide(&sc, wide, "");
    else if ((utf8 = g_convert(data + bom, (gssize)(len - bom), "UTF-8", wide, NULL, &written,
                               NULL)) == NULL)
        refuse_wide(&sc, wide, " but not all of it reads as such");
    scanner_clear(&sc);
    if (utf8 == NULL)
        return FALSE;
    s->encoding = wide;
    gboolean ok = scan_utf8(utf8, written, path, what, tsv, TRUE, s);
    g_free(utf8);
    return ok;
}

/* Streamed: a UTF-8 file is read in chunks; a wide one (or one with a "sep=" line, which GDAL
** must not see) as a whole, as GDAL reads its converted copy. */
gboolean
sk__csv_scan_file(const char *path, const char *what, gboolean tsv, sk__csv_scan *s)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return TRUE;   /* GDAL says why */
    char *buf = g_malloc(CHUNK + 4);
    size_t len = fread(buf, 1, CHUNK, f), bom;
    if (sk__csv_wide_encoding((const unsigned char *)buf, len, &bom) != NULL) {
        fclose(f);
        g_free(buf);
        char *all = NULL;
        gsize n = 0;
        if (!g_file_get_contents(path, &all, &n, NULL))
            return TRUE;
        gboolean ok = sk__csv_scan_bytes(all, n, path, what, tsv, s);
        g_free(all);
        return ok;
    }
    scanner sc;
    scanner_init(&sc, s, path, what, tsv);
    size_t off = preamble(&sc, buf, len), carry = 0, have = len - off;
    memmove(buf, buf + off, have);
    gboolean ok = s->errors->len == 0;
    while (ok) {
        if (have < CHUNK)
            have += fread(buf + have, 1, CHUNK - have, f);
        gboolean last = have < CHUNK;
        if (have == 0)
            break;
        ok = feed_checked(&sc, buf, have, last, &carry);
        if (last)
            break;
        have = carry;
    }
    fclose(f);
    g_free(buf);
    if (ok)
        finish(&sc);
    scanner_clear(&sc);
    char *all = NULL;
    gsize n = 0;
    if (s->errors->len == 0 && sc.forced && g_file_get_contents(path, &all, &n, NULL)) {
        s->text = g_string_new_len(all + MIN(off, n), (gssize)(n - MIN(off, n)));
        g_free(all);
    }
    return s->errors->len == 0;
}

guint
sk__csv_scan_line_of(const sk__csv_scan *s, long long fid)
{
    if (fid < 1 || (unsigned long long)fid > s->lines->len)
        return 0;
    return g_array_index(s->lines, guint, (guint)(fid - 1));
}
