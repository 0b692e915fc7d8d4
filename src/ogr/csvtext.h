/* A CSV's text as GDAL's CSV driver (3.6) reads it, for the record scan (csvscan.c): which
** delimiter a line uses, the names of the header's fields, and whether the bytes are UTF-16
** or UTF-32 rather than UTF-8.  Plain C and GLib. */
#ifndef SK_OGR_CSVTEXT_H
#define SK_OGR_CSVTEXT_H

#include <stddef.h>
#include <glib.h>

/* GDAL's CSVDetectSeperator on the first line: ',', ';', tab or space. */
char sk__csv_detect_delimiter(const char *line);

/* Append the names of the header's fields to columns (char *, owned by the array's free
** function), split on d as GDAL splits: every '"' toggles quoting, "" in quotes is one; a
** UTF-8 BOM and surrounding blanks are left out. */
void sk__csv_header_names(const char *header, char d, GPtrArray *columns);

/* "UTF-16LE", "UTF-16BE" (by BOM, or the NULs every other byte of text has) or "UTF-32" (by
** BOM) for the first n bytes at p, else NULL (UTF-8 or something else); *bom: the BOM's
** length to skip. */
const char *sk__csv_wide_encoding(const unsigned char *p, size_t n, size_t *bom);

/* Where the header of the n bytes at p starts: after a UTF-8 BOM and Excel's "sep=X" line
** (*delimiter set to X).  *problem: NULL, or what is wrong with a line that starts like
** "sep=" (g_free it); such a line is skipped too. */
size_t sk__csv_preamble(const char *p, size_t n, char *delimiter, char **problem);

#endif
