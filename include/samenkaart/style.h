/*
** Styles: fonts, sizes, colours and legend texts, read from an INI file (GLib GKeyFile) in
** styles/.  Nothing visual is hard-coded in the library.
*/
#ifndef SAMENKAART_STYLE_H
#define SAMENKAART_STYLE_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Load a style file over the default style (styles/aef.ini in the styles directory; path NULL:
** the default style alone).  Every problem of both files is reported in one run as
** "FILE:LINE: [group] key: …" lines with the nearest valid name: unknown groups and keys,
** values of the wrong type, bad colours and formats, font families that are not installed
** (SK_EINPUT; a file that cannot be read or parsed: SK_EINPUT naming it).  *out owns a new
** style (free with sk_style_free). */
SK_API sk_status sk_style_load(sk_ctx *ctx, const char *path, sk_style **out);
/* Free a style; NULL is a no-op. */
SK_API void sk_style_free(sk_style *style);

/* The directory default styles are looked up in: $SAMENKAART_STYLES when set; else, for an
** installed library, <prefix>/share/samenkaart/styles of the installation it belongs to
** (found from where the library is, so a moved or DESTDIR-staged installation works); else
** the styles directory fixed when the library was built (the source tree's styles/).
** Static or environment string: do not free it. */
SK_API const char *sk_styles_dir(void);

#ifdef __cplusplus
}
#endif
#endif
