/* Reading a style's keys: typed values (colours, numbers in a range, booleans, "%s"
** formats) from the user's file with the default style beneath it.  Strings returned are
** the caller's to g_free; problems are reported on the files (keyfile.h), all in one run. */
#ifndef SK_STYLEKEYS_H
#define SK_STYLEKEYS_H

#include <stdint.h>
#include <glib.h>
#include "keyfile.h"

typedef uint32_t sk__color;   /* 0xRRGGBB */

/* Reading keys from the user's file with the default style beneath it.  Every key read is
** remembered, so that what a file holds beyond them is reported as unknown. */
typedef struct sk__key_reader {
    sk_ctx *ctx;             /* for warnings */
    sk__keyfile *files[2];   /* user (may be NULL), default */
    sk__diagnostics diags;
    GHashTable *known;       /* group -> GPtrArray of the keys read in it */
} sk__key_reader;

void sk__key_remember(sk__key_reader *r, const char *group, const char *key);
/* The value of key, trimmed, or NULL; *from (may be NULL) the file that holds it.  A missing
** required key is a problem of the default style. */
char *sk__key_raw(sk__key_reader *r, const char *group, const char *key, int required,
                  sk__keyfile **from);
/* As sk__key_raw, required; "" when missing. */
char *sk__key_string(sk__key_reader *r, const char *group, const char *key,
                     sk__keyfile **from);
/* "#rrggbb" into *out; 0 when text is not one. */
int sk__key_parse_color(const char *text, sk__color *out);
sk__color sk__key_color(sk__key_reader *r, const char *group, const char *key);
/* A ','-separated list of colours (g_array_free it). */
GArray *sk__key_color_list(sk__key_reader *r, const char *group, const char *key);
/* A number from min to max (min when it is not). */
double sk__key_number(sk__key_reader *r, const char *group, const char *key, double min,
                      double max);
/* A whole number from min to max (min when it is not). */
int sk__key_count(sk__key_reader *r, const char *group, const char *key, int min, int max);
/* The file that holds key: the user's, else the default style (for messages). */
sk__keyfile *sk__key_source(sk__key_reader *r, const char *group, const char *key);
int sk__key_bool(sk__key_reader *r, const char *group, const char *key);
/* A format with exactly `conversions` %s and no other conversion. */
char *sk__key_format(sk__key_reader *r, const char *group, const char *key, int conversions);

#endif
