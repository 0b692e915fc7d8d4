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
SK_API void sk_style_free(sk_style *style);

/* The directory default styles are looked up in ($SAMENKAART_STYLES or the built-in one).
** Static or environment string. */
SK_API const char *sk_styles_dir(void);

#ifdef __cplusplus
}
#endif
#endif
