/* libFuzzer target: the CSV record scan of the reader back-end (src/ogr/csvscan.c) on its own,
** no GDAL.  Any input is accepted or refused with messages, never a crash, a sanitizer report
** or a leak; what it says about the lines must hold together. */
#include <stdint.h>
#include <stdlib.h>
#include "src/ogr/csvscan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int tsv = 0; tsv < 2; tsv++) {
        sk__csv_scan s;
        sk__csv_scan_init(&s);
        gboolean ok = sk__csv_scan_bytes((const char *)data, size, "fuzz.csv", "table", tsv, &s);
        /* Accepted exactly when nothing is wrong; refused with at most the cap (+ "… more"). */
        if (ok != (s.errors->len == 0) || s.errors->len > SK__CSV_MAX_ERRORS + 1)
            abort();
        /* Features start after the header, in order. */
        guint last = s.header_line;
        for (guint i = 0; ok && i < s.lines->len; i++) {
            guint line = g_array_index(s.lines, guint, i);
            if (line <= last)
                abort();
            last = line;
        }
        if (ok && s.columns->len != s.header_fields)
            abort();
        sk__csv_scan_clear(&s);
    }
    return 0;
}
