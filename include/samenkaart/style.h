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

/* Check the colours of a style against the colour rules of every map (docs/maps.md): each
** set of colours that can share a map ([colors.samenwerkingsvorm], [colors.geografisch],
** [colors.inhoudelijk] and [colors.instrumenteel] with [palette] group,
** [colors.zorgverzekeraar] with none and group, and the [palette]'s sequential, highlight,
** change, total and fallback colours) has every two classes CIEDE2000 >= 10 apart in normal
** vision and >= 6 under simulated deuteranopia and protanopia (fallback colours: normal vision,
** also from every label colour), every class >= 10 from white, insurers >= 8 apart in L*, and
** the sequential ramp light to dark.  *report is always set to a new text (free it with
** g_free, like sk_insurer_figures_format's) listing per set the worst pairs with their ΔE2000
** in each vision and ΔL*, and the colour nearest white.  SK_OK when every rule holds; else
** SK_EINPUT with the first broken rule on ctx, naming the set, both colours by their style
** keys and the distance. */
SK_API sk_status sk_style_check(sk_ctx *ctx, const sk_style *style, char **report);

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
