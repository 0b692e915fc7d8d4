/* The record structure of a CSV file, found before GDAL parses it (issue 13).
**
** GDAL's CSV driver (3.6) splits records so: a physical line ends at \n, \r, \r\n or \n\r; a
** record takes more lines while the count of '"' in it is odd; every '"' toggles quoting, ""
** inside quotes is one quote; a delimiter outside quotes ends a field; an empty line is no
** record (it gets no FID), every other record is a feature numbered from 1.  Nothing
** complains when a record has more or fewer fields than the header, and one stray '"'
** swallows every line after it.  This scan follows the same rules, so it can say which
** physical line each feature starts on and report structural faults where they are: field
** counts against the header, an unclosed quote at the line where it opened.  It also reads
** the encoding (UTF-8 with or without BOM, UTF-16 converted, anything else refused) and
** Excel's "sep=;" first line.  It parses no values: GDAL does.
**
** Plain C and GLib (no GDAL), so it is unit tested and fuzzed on its own. */
#ifndef SK_OGR_CSVSCAN_H
#define SK_OGR_CSVSCAN_H

#include <stddef.h>
#include <glib.h>

/* Most structural messages for one file; the rest are counted ("… and N more"). */
#define SK__CSV_MAX_ERRORS 20

typedef struct sk__csv_scan {
    char delimiter;        /* the header's, as GDAL detects it: ',', ';', '\t' or ' ' */
    guint header_line;     /* physical line of the header: 1, or 2 after "sep=" */
    guint header_fields;
    GPtrArray *columns;    /* char *: the header's names (unquoted, stripped) */
    GArray *lines;         /* guint per feature GDAL reads (FID 1, 2, …): its first line */
    GString *text;         /* NULL, or the UTF-8 text GDAL must read instead of the file
                              (UTF-16 converted, the "sep=" line left out) */
    const char *encoding;  /* "UTF-8", "UTF-16LE" or "UTF-16BE" */
    GPtrArray *errors;     /* char *: one message per problem, "FILE:LINE: …" */
} sk__csv_scan;

void sk__csv_scan_init(sk__csv_scan *s);
void sk__csv_scan_clear(sk__csv_scan *s);

/* Scan the file at path (streamed: a binary file is refused at its first NUL without reading
** the rest).  what names the table in messages ("project database"); tsv: the name ends in
** .tsv (GDAL then prefers tabs).  TRUE when the file can be handed to GDAL. */
gboolean sk__csv_scan_file(const char *path, const char *what, gboolean tsv, sk__csv_scan *s);

/* The same for bytes in memory; path only names them in messages. */
gboolean sk__csv_scan_bytes(const char *data, size_t len, const char *path, const char *what,
                            gboolean tsv, sk__csv_scan *s);

/* The first physical line of feature fid (GDAL's FID, from 1), or 0 when unknown. */
guint sk__csv_scan_line_of(const sk__csv_scan *s, long long fid);

#endif
