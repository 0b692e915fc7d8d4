/* Record structure first (issue 13): the CSV pre-scan (src/ogr/csvscan.c, linked directly) and,
** through the command line, what it changes: a stray quote, wrong field counts, real line
** numbers, UTF-16, Excel's "sep=" line, BOM, CRLF and empty files. */
#include <string.h>
#include <glib/gstdio.h>
#include "support.h"
#include "src/ogr/csvscan.h"

/* ---- the scan on its own ------------------------------------------------------------- */

static sk__csv_scan *
scan(const char *text, gssize len)
{
    sk__csv_scan *s = g_new(sk__csv_scan, 1);
    sk__csv_scan_init(s);
    sk__csv_scan_bytes(text, len < 0 ? strlen(text) : (size_t)len, "F", "table", FALSE, s);
    return s;
}

static void
scan_free(sk__csv_scan *s)
{
    sk__csv_scan_clear(s);
    g_free(s);
}

/* The lines of the scan's features, as "2 4 6". */
static char *
lines_of(const sk__csv_scan *s)
{
    GString *t = g_string_new(NULL);
    for (guint i = 0; i < s->lines->len; i++)
        g_string_append_printf(t, "%s%u", i ? " " : "", g_array_index(s->lines, guint, i));
    return g_string_free(t, FALSE);
}

static void
assert_lines(const char *text, const char *expected)
{
    sk__csv_scan *s = scan(text, -1);
    if (s->errors->len > 0)
        g_error("%s: unexpected: %s", text, (const char *)g_ptr_array_index(s->errors, 0));
    char *l = lines_of(s);
    g_assert_cmpstr(l, ==, expected);
    g_free(l);
    scan_free(s);
}

/* The scan refuses text with exactly the messages in expected (prefixes, in order). */
static void
assert_scan_errors(const char *text, gssize len, const char *const *expected)
{
    sk__csv_scan *s = scan(text, len);
    guint n = 0;
    while (expected[n] != NULL)
        n++;
    for (guint i = 0; i < MAX(n, s->errors->len); i++) {
        const char *got = i < s->errors->len ? g_ptr_array_index(s->errors, i) : "(none)";
        if (i >= n || !g_str_has_prefix(got, expected[i]))
            g_error("message %u: expected\n%s\ngot\n%s", i, i < n ? expected[i] : "(none)", got);
    }
    scan_free(s);
}

static void
test_scan_lines(void)
{
    /* Empty lines have no feature; a quoted value's line break does not start a record. */
    assert_lines("a,b,c\n1,2,3\n\n4,\"x\ny\",6\n,,\n7,8,9\n", "2 4 6 7");
    assert_lines("a,b,c\r\n1,2,3\r\n4,5,6\r\n", "2 3");
    assert_lines("a,b,c\r1,2,3\r4,5,6", "2 3");
    /* Rows of empty fields stay (read_table skips them), whatever their count. */
    assert_lines("a,b,c\n,\n , \n\"\",,,\n1,2,3\n", "2 3 4 5");
    assert_lines("a,b,c\n1,\"say \"\"hi\"\", twice\",3\n", "2");
    assert_lines("\xEF\xBB\xBFid,b\n1,2\n", "2");
    assert_lines("a,b\n1,2", "2");
}

static void
test_scan_delimiters(void)
{
    struct { const char *text; char d; guint fields; } cases[] = {
        {"a;b;c\n1;2;3\n", ';', 3},
        {"a\tb\tc\n1\t2\t3\n", '\t', 3},
        {"a,b;c\n1,2;3\n", ',', 2},            /* GDAL: ',' when they mix */
        {"\"a;x\",b,c\n1,2,3\n", ',', 3},      /* quoted delimiters do not count */
        {"a,b\tc,d\n1,2\t3,4\n", '\t', 2},     /* a tab in both lines: GDAL takes tabs */
        {"sep=;\na;b\n1;2\n", ';', 2},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        sk__csv_scan *s = scan(cases[i].text, -1);
        g_assert_cmpuint(s->errors->len, ==, 0);
        g_assert_cmpint(s->delimiter, ==, cases[i].d);
        g_assert_cmpuint(s->header_fields, ==, cases[i].fields);
        scan_free(s);
    }
    /* Excel's line is left out for GDAL, and the lines stay physical. */
    sk__csv_scan *s = scan("\xEF\xBB\xBFsep=;\r\nid;b\r\n1;2\r\n", -1);
    g_assert_cmpuint(s->header_line, ==, 2);
    g_assert_nonnull(s->text);
    g_assert_cmpstr(s->text->str, ==, "id;b\r\n1;2\r\n");
    char *l = lines_of(s);
    g_assert_cmpstr(l, ==, "3");
    g_free(l);
    g_assert_cmpstr(g_ptr_array_index(s->columns, 0), ==, "id");
    scan_free(s);
}

static void
test_scan_faults(void)
{
    const char *counts[] = {
        "F:3: 4 fields where the header has 3: put a value that holds ';' in double quotes",
        "F:4: 2 fields where the header has 3: a missing ';'?", NULL};
    assert_scan_errors("a;b;c\n1;2;3\n1;2;3;4\n1;2\n", -1, counts);
    const char *unclosed[] = {"F:3: the quote (\") that opens a value here in column 'b' is "
                              "never closed, so everything after it to the end of the file "
                              "(line 5)", NULL};
    assert_scan_errors("a,b,c\n1,2,3\n4,\"x,6\n7,8,9\n10,11,12\n", -1, unclosed);
    const char *late[] = {"F:2: the quote (\") that opens a value here in column 'c' is "
                          "never closed", NULL};
    assert_scan_errors("a,b,c\n1,2,3 \"inch\n", -1, late);
    const char *spans[] = {"F:2: the quote (\") that opens a value here in column 'b' closes "
                           "only on line 4, so lines 2–4 read as one record of 4 fields where "
                           "the header has 3", NULL};
    assert_scan_errors("a,b,c\n1,x\"y,3\n4,5,6\n7,z\"w,8,9\n10,11,12\n", -1, spans);
    /* Stray quotes that pair up over lines into a record of the right count would lose the
    ** rows between without a word (the review's 19" titles): refused at the first one. */
    const char *pair[] = {"F:2: the quote (\") in the middle of a value here in column 'b' "
                          "opens a value that runs on to line 4, so lines 2–4 read as one "
                          "record and any rows in them are lost", NULL};
    assert_scan_errors("a,b,c\n1,x\"y,3\n4,5,6\n7,z\"w,9\n10,11,12\n", -1, pair);
    const char *late_close[] = {"F:2: the quote (\") that opens a value here in column 'b' "
                                "closes on line 4 in the middle of a value", NULL};
    assert_scan_errors("a,b,c\n1,\"y,3\n4,5,6\n7,z\" w,9\n10,11,12\n", -1, late_close);
    /* A value quoted from its start to its end may hold line breaks. */
    assert_lines("a,b,c\n1,\"x\ny\",3\n \"4\",\"5\r\n\",6\n", "2 4");
    /* A delimiter at the end of every row: trailing empty fields, nothing shifted. */
    assert_lines("a,b,c\n1,2,3,\n4,5,6,,\n", "2 3");
    /* A row of blanks only (a tab in a comma file) is an empty row. */
    assert_lines("a,b,c\n\t\n1,2,3\n", "2 3");
    const char *one[] = {"F:2: 1 field where the header has 3", NULL};
    assert_scan_errors("a,b,c\nx\n", -1, one);
    const char *header[] = {"F:1: the quote (\") that opens a value here in the header is "
                          "never closed", NULL};
    assert_scan_errors("a,\"b,c\n1,2,3\n", -1, header);
    const char *first[] = {"F:1: the first line is empty: the header (the column names) must "
                           "be the first line", NULL};
    assert_scan_errors("\na,b\n1,2\n", -1, first);
    const char *cp[] = {"F:3: the table is not UTF-8 (byte 0xE9), probably Windows-1252", NULL};
    assert_scan_errors("a,b\n1,2\nCaf\xe9,3\n", -1, cp);
    const char *nul[] = {"F: the table is not a text file (it holds NUL bytes)", NULL};
    assert_scan_errors("a,b\n1,\0002\n", 9, nul);
    const char *empty[] = {"F: the table is empty: no header line (the first line must name "
                           "the columns)", NULL};
    assert_scan_errors("", 0, empty);
    assert_scan_errors("\xEF\xBB\xBF", -1, empty);
    assert_scan_errors("\n\r\n  \n", -1, empty);
    const char *utf32[] = {"F: the table is UTF-32; save it as UTF-8 (Excel: 'CSV UTF-8') or "
                           "convert it: iconv -f UTF-32 -t UTF-8 'F' > converted.csv", NULL};
    assert_scan_errors("\xFF\xFE\0\0a\0\0\0", 8, utf32);
    const char *sep[] = {"F:1: the line 'sep=|' names a delimiter samenkaart does not read",
                         NULL};
    assert_scan_errors("sep=|\na|b\n", -1, sep);
    const char *other[] = {"F:1: the 'sep=' line names ',' as the delimiter, but the header "
                           "on line 2 does not use it", NULL};
    assert_scan_errors("sep=,\na;b\n1;2\n", -1, other);
    /* Almost Excel's line: one message about it, not one per row about field counts. */
    const char *almost[] = {"F:1: the first line 'sep= ,' is not Excel's 'sep=' line", NULL};
    assert_scan_errors("sep= ,\na,b\n1,2\n3,4\n", -1, almost);
    const char *quoted[] = {"F:1: the first line '\"sep=;\"' is not Excel's 'sep=' line", NULL};
    assert_scan_errors("\"sep=;\"\r\na;b\r\n1;2\r\n", -1, quoted);
}

/* Every fault of a file in one run, the 21st on only counted. */
static void
test_scan_cap(void)
{
    GString *t = g_string_new("a;b;c\n");
    for (int i = 0; i < 25; i++)
        g_string_append(t, "1;2\n");
    sk__csv_scan *s = scan(t->str, -1);
    g_assert_cmpuint(s->errors->len, ==, SK__CSV_MAX_ERRORS + 1);
    g_assert_cmpstr(g_ptr_array_index(s->errors, 19), ==, "F:21: 2 fields where the header "
                    "has 3: a missing ';'? Every row needs one field per column, empty ones "
                    "too");
    g_assert_cmpstr(g_ptr_array_index(s->errors, 20), ==, "F: … and 5 more problems of the "
                    "same kind");
    scan_free(s);
    g_string_free(t, TRUE);
}

static void
test_scan_utf16(void)
{
    const char *utf8 = "id;naam\n1;Súdwest-Fryslân\n\n2;\"a\nb\"\n";
    const char *encodings[] = {"UTF-16LE", "UTF-16BE"};
    for (size_t e = 0; e < 2; e++) {
        for (int bom = 0; bom < 2; bom++) {
            gsize n = 0;
            char *wide = g_convert(utf8, -1, encodings[e], "UTF-8", NULL, &n, NULL);
            GString *t = g_string_new_len(bom ? (e ? "\xFE\xFF" : "\xFF\xFE") : "", bom ? 2 : 0);
            g_string_append_len(t, wide, (gssize)n);
            sk__csv_scan *s = scan(t->str, (gssize)t->len);
            g_assert_cmpuint(s->errors->len, ==, 0);
            g_assert_cmpstr(s->encoding, ==, encodings[e]);
            g_assert_cmpstr(s->text->str, ==, utf8);
            char *l = lines_of(s);
            g_assert_cmpstr(l, ==, "2 4");
            g_free(l);
            scan_free(s);
            g_string_free(t, TRUE);
            g_free(wide);
        }
    }
    const char *bad[] = {"F: the table is UTF-16LE but not all of it reads as such; save it "
                         "as UTF-8 (Excel: 'CSV UTF-8') or convert it: iconv -f UTF-16LE -t "
                         "UTF-8 'F' > converted.csv", NULL};
    assert_scan_errors("\xFF\xFE" "a\0,\0\x00\xDC", 8, bad);   /* a lone low surrogate */
}

/* Files are streamed in chunks: a character, a CRLF and a quoted line break cut by a chunk's
** end read as whole; a gigabyte of NULs is refused at once; the scaled-up database is fast. */
static void
test_scan_files(void)
{
    char *dir = tmp_dir_new();
    GString *t = g_string_new("id;naam\r\n");
    while (t->len < 65536 * 3) {
        g_string_append(t, "1;Súdwest-Fryslân\r\n2;\"x\r\ny\"\r\n");
    }
    char *path = g_build_filename(dir, "big.csv", NULL);
    for (size_t shift = 0; shift < 24; shift++) {
        g_assert_true(g_file_set_contents(path, t->str, (gssize)t->len, NULL));
        sk__csv_scan s;
        sk__csv_scan_init(&s);
        g_assert_true(sk__csv_scan_file(path, "table", FALSE, &s));
        sk__csv_scan mem;
        sk__csv_scan_init(&mem);
        g_assert_true(sk__csv_scan_bytes(t->str, t->len, path, "table", FALSE, &mem));
        g_assert_cmpuint(s.lines->len, ==, mem.lines->len);
        g_assert_cmpmem(s.lines->data, s.lines->len * sizeof(guint), mem.lines->data,
                        mem.lines->len * sizeof(guint));
        sk__csv_scan_clear(&s);
        sk__csv_scan_clear(&mem);
        g_string_prepend_c(t, 'x');   /* every chunk boundary somewhere else */
    }
    g_free(path);

    /* projecten_2017.csv ×100: the scan's cost. */
    char *src = data_path("projecten_2017.csv"), *text = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(src, &text, &len, NULL));
    const char *body = strchr(text, '\n') + 1;
    GString *big = g_string_new(text);
    for (int i = 1; i < 100; i++)
        g_string_append(big, body);
    char *bigpath = g_build_filename(dir, "x100.csv", NULL);
    g_assert_true(g_file_set_contents(bigpath, big->str, (gssize)big->len, NULL));
    gint64 t0 = g_get_monotonic_time();
    sk__csv_scan s;
    sk__csv_scan_init(&s);
    g_assert_true(sk__csv_scan_file(bigpath, "project database", FALSE, &s));
    gint64 us = g_get_monotonic_time() - t0;
    g_test_message("scan of %u rows (%zu bytes): %.1f ms", s.lines->len, big->len, us / 1000.0);
    g_assert_cmpuint(s.lines->len, ==, 42100);
    g_assert_cmpint(us, <, 2 * G_USEC_PER_SEC);
    sk__csv_scan_clear(&s);
    g_free(bigpath);
    g_string_free(big, TRUE);
    g_free(text);
    g_free(src);
    g_string_free(t, TRUE);
    tmp_dir_remove(dir);
}

/* ---- through the command line -------------------------------------------------------- */

static char *database;   /* projecten_2017.csv's text */

/* text with the first 'from' in line n (1 = the header) replaced by 'to'. */
static char *
edited(const char *text, int n, const char *from, const char *to)
{
    char **lines = g_strsplit(text, "\n", -1);
    g_assert_cmpint((int)g_strv_length(lines), >=, n);
    char *line = lines[n - 1];
    char *at = strstr(line, from);
    g_assert_nonnull(at);
    lines[n - 1] = g_strdup_printf("%.*s%s%s", (int)(at - line), line, to, at + strlen(from));
    g_free(line);
    char *result = g_strjoinv("\n", lines);
    g_strfreev(lines);
    return result;
}

/* A fresh directory with name holding content (len -1: a string). */
static char *
fixture(char **dir, const char *name, const char *content, gssize len)
{
    *dir = tmp_dir_new();
    char *path = g_build_filename(*dir, name, NULL);
    g_assert_true(g_file_set_contents(path, content, len, NULL));
    return path;
}

/* render with the database at path: exit status 2, every expected line on stderr, no
** output. */
static void
assert_render_refused(const char *path, const char *const *expected)
{
    char *dir = g_path_get_dirname(path);
    char *out = g_build_filename(dir, "out.png", NULL), *err = NULL;
    int status = run_cli(&err, "render", "--no-cache", "--projects", path, "-o", out, NULL);
    for (size_t i = 0; expected[i] != NULL; i++) {
        char *want = g_strdup_printf("%s%s", path, expected[i]);
        if (status != 2 || strstr(err, want) == NULL)
            g_error("expected exit status 2 and\n%s\ngot status %d and:\n%s", want, status, err);
        g_free(want);
    }
    g_assert_false(file_exists(out));
    g_free(err);
    g_free(out);
    g_free(dir);
}

/* render with the database at path writes the same classes CSV as the real one. */
static void
assert_same_classes(const char *path)
{
    char *dir = g_path_get_dirname(path);
    char *a = g_build_filename(dir, "a.csv", NULL), *b = g_build_filename(dir, "b.csv", NULL);
    char *pa = g_build_filename(dir, "a.png", NULL), *pb = g_build_filename(dir, "b.png", NULL);
    char *real = data_path("projecten_2017.csv");
    char *err = NULL;
    g_assert_cmpint(run_cli(NULL, "render", "--no-cache", "--projects", real, "-o", pa,
                            "--classes-csv", a, NULL), ==, 0);
    int status = run_cli(&err, "render", "--no-cache", "--projects", path, "-o", pb,
                         "--classes-csv", b, NULL);
    if (status != 0)
        g_error("%s: status %d: %s", path, status, err);
    assert_same_file(a, b);
    g_free(err);
    g_free(real);
    g_free(a);
    g_free(b);
    g_free(pa);
    g_free(pb);
    g_free(dir);
}

/* The database text (len -1: a string) in a fresh directory is refused so. */
static void
text_refused(const char *text, gssize len, const char *const *expected)
{
    char *dir, *path = fixture(&dir, "db.csv", text, len);
    assert_render_refused(path, expected);
    g_free(path);
    tmp_dir_remove(dir);
}

/* The database text (len -1: a string) gives the classes of projecten_2017.csv. */
static void
text_same_classes(const char *text, gssize len)
{
    char *dir, *path = fixture(&dir, "db.csv", text, len);
    assert_same_classes(path);
    g_free(path);
    tmp_dir_remove(dir);
}

static void
test_cli_stray_quote(void)
{
    /* A '"' opening the free-text 'partners' of line 400: GDAL read every later row into
    ** it, and the map showed 399 projects without a word. */
    char *text = edited(database, 400, ",,synthetisch", ",\"met huisartsen,synthetisch");
    const char *e[] = {":400: the quote (\") that opens a value here in column 'partners' is "
                       "never closed, so everything after it to the end of the file (line 422) "
                       "would read as that one value; remove the stray quote, or write a quote "
                       "inside a quoted value twice (\"\")", NULL};
    text_refused(text, -1, e);
    g_free(text);
    /* Two stray quotes in one column (19" screens in two titles) pair up over lines 6-9 into
    ** one record of the header's width: exit 0 and a map without P0006-P0008 before. */
    char *one = edited(database, 6, "Implementatie methodiek", "Implementatie 19\" methodiek");
    char *two = edited(one, 9, "Werkagenda", "Werkagenda 19\"");
    const char *pair[] = {":6: the quote (\") in the middle of a value here in column 'titel' "
                          "opens a value that runs on to line 9, so lines 6–9 read as one "
                          "record and any rows in them are lost", NULL};
    text_refused(two, -1, pair);
    g_free(two);
    g_free(one);
}

static void
test_cli_field_counts(void)
{
    char *one = edited(database, 8, ",AEF", ",extra,AEF");
    char *text = edited(one, 10, ",,AEF", ",AEF");
    const char *e[] = {":8: 12 fields where the header has 11: put a value that holds ',' in "
                       "double quotes (\"…\"), or remove the extra ','",
                       ":10: 10 fields where the header has 11: a missing ','? Every row needs "
                       "one field per column, empty ones too", NULL};
    text_refused(text, -1, e);
    g_free(text);
    g_free(one);
}

/* A quoted title over two lines: a later message names the physical line. */
static void
test_cli_real_lines(void)
{
    char *one = edited(database, 4, "Doorontwikkeling methodiek jeugd 18-/18+ FoodValley",
                       "\"Doorontwikkeling\nmet regel, methodiek jeugd 18-/18+ FoodValley\"");
    char *text = edited(one, 13, ",ggz,", ",ggzz,");   /* record 12, physical line 13 */
    const char *e[] = {":13: column 'inhoudelijk': unknown value 'ggzz'", NULL};
    text_refused(text, -1, e);
    g_free(text);
    g_free(one);
}

/* The database as Excel's "Unicode text" would hold it: UTF-16 LE with a BOM. */
static void
test_cli_utf16(void)
{
    gsize n = 0;
    char *wide = g_convert(database, -1, "UTF-16LE", "UTF-8", NULL, &n, NULL);
    g_assert_nonnull(wide);
    GString *t = g_string_new_len("\xFF\xFE", 2);
    g_string_append_len(t, wide, (gssize)n);
    text_same_classes(t->str, (gssize)t->len);
    g_string_free(t, TRUE);
    g_free(wide);
}

/* The database with ';' between fields: values holding ';' quoted. */
static char *
semicolons(const char *text)
{
    GString *out = g_string_new(NULL), *field = g_string_new(NULL);
    gboolean quoted = FALSE, was_quoted = FALSE;
    for (const char *p = text;; p++) {
        if (*p == '\0' || (!quoted && (*p == ',' || *p == '\n'))) {
            gboolean wrap = !was_quoted && strchr(field->str, ';') != NULL;
            g_string_append_printf(out, wrap ? "\"%s\"" : "%s", field->str);
            if (*p == '\0')
                break;
            g_string_append_c(out, *p == ',' ? ';' : '\n');
            g_string_truncate(field, 0);
            was_quoted = FALSE;
            continue;
        }
        if (*p == '"') {
            quoted = !quoted;
            was_quoted = TRUE;
        }
        g_string_append_c(field, *p);
    }
    g_string_free(field, TRUE);
    return g_string_free(out, FALSE);
}

static void
test_cli_excel(void)
{
    char *semi = semicolons(database);
    char *sep = g_strdup_printf("sep=;\r\n%s", semi);
    text_same_classes(sep, -1);

    /* The lines after it keep their numbers. */
    char *bad = edited(sep, 13, ";ggz;", ";ggzz;");   /* line 12 of the file without it */
    const char *e[] = {":13: column 'inhoudelijk': unknown value 'ggzz'", NULL};
    text_refused(bad, -1, e);
    g_free(bad);

    char *bom = g_strdup_printf("\xEF\xBB\xBF%s", database);
    text_same_classes(bom, -1);

    /* projecten_2017.csv has CRLF line ends, as Excel writes them; LF alone reads the same. */
    char **lines = g_strsplit(database, "\r\n", -1);
    char *lf = g_strjoinv("\n", lines);
    text_same_classes(lf, -1);
    g_strfreev(lines);
    g_free(lf);
    g_free(bom);
    g_free(sep);
    g_free(semi);
}

static void
test_cli_empty(void)
{
    const char *contents[] = {"", "\xEF\xBB\xBF", "\n\n", "\r\n  \r\n"};
    const char *e[] = {": the project database is empty: no header line (the first line must "
                       "name the columns)", NULL};
    for (size_t i = 0; i < G_N_ELEMENTS(contents); i++)
        text_refused(contents[i], -1, e);
    /* Only the header: no rows (as before). */
    char *header = g_strndup(database, (gsize)(strchr(database, '\n') - database + 1));
    const char *rows[] = {": the project database has no rows", NULL};
    text_refused(header, -1, rows);
    g_free(header);
}

/* Every table read is scanned: the membership table too. */
static void
test_cli_membership(void)
{
    char *src = data_path("gemeenten_regios_2017.csv"), *text = NULL;
    g_assert_true(g_file_get_contents(src, &text, NULL, NULL));
    char *nl = strchr(strchr(text, '\n') + 1, '\n');   /* the end of line 2 … */
    nl -= nl[-1] == '\r';                                 /* … before a CRLF */
    char *bad = g_strdup_printf("%.*s,x%s", (int)(nl - text), text, nl);
    char *dir, *path = fixture(&dir, "members.csv", bad, -1);
    char *shp = data_path("gemeenten_2017.shp"), *db = data_path("projecten_2017.csv");
    char *out = g_build_filename(dir, "out.png", NULL), *err = NULL;
    int status = run_cli(&err, "render", "--no-cache", "--municipalities", shp, "--membership",
                         path, "--projects", db, "-o", out, NULL);
    char *want = g_strdup_printf("%s:2: ", path);
    if (status != 2 || strstr(err, want) == NULL || strstr(err, "fields where the header has")
        == NULL)
        g_error("expected status 2 and %s… fields where the header has; got %d: %s", want,
                status, err);
    g_assert_false(file_exists(out));
    g_free(want);
    g_free(err);
    g_free(out);
    g_free(shp);
    g_free(db);
    g_free(path);
    g_free(bad);
    g_free(text);
    g_free(src);
    tmp_dir_remove(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    char *src = data_path("projecten_2017.csv");
    g_assert_true(g_file_get_contents(src, &database, NULL, NULL));
    g_free(src);
    g_test_add_func("/records/scan-lines", test_scan_lines);
    g_test_add_func("/records/scan-delimiters", test_scan_delimiters);
    g_test_add_func("/records/scan-faults", test_scan_faults);
    g_test_add_func("/records/scan-cap", test_scan_cap);
    g_test_add_func("/records/scan-utf16", test_scan_utf16);
    g_test_add_func("/records/scan-files", test_scan_files);
    g_test_add_func("/records/cli-stray-quote", test_cli_stray_quote);
    g_test_add_func("/records/cli-field-counts", test_cli_field_counts);
    g_test_add_func("/records/cli-real-lines", test_cli_real_lines);
    g_test_add_func("/records/cli-utf16", test_cli_utf16);
    g_test_add_func("/records/cli-excel", test_cli_excel);
    g_test_add_func("/records/cli-empty", test_cli_empty);
    g_test_add_func("/records/cli-membership", test_cli_membership);
    int rc = g_test_run();
    g_free(database);
    return rc;
}
