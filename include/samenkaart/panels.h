/*
** Pages of several maps side by side (small multiples): every panel at one extent and scale,
** one shared legend in which a class has one colour, one title.  The atlas uses them for its
** pages of three or six maps; `samenkaart compare` for insurers and map definitions side by
** side.
*/
/* samenkaart.h first, outside the guard: it includes every module header in an order in
** which each finds the types it uses, whichever header the caller includes first. */
#include "samenkaart/samenkaart.h"
#ifndef SAMENKAART_PANELS_H
#define SAMENKAART_PANELS_H

#include "samenkaart/map.h"
#include "samenkaart/render.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Strings are copied by sk_panels_new. */
typedef struct sk_panels_options {
    const char *title, *caption, *note;
    const char *text;        /* a text panel beside the maps (markup), or NULL */
    /* Where the maps give one colour different texts (highlight maps "implementatie:
    ** preventie", "implementatie: GGZ"), the shared entry says what varies: "implementatie:
    ** <varying> van de kaart".  NULL: the style's legend title of the theme ("thema"). */
    const char *varying;
} sk_panels_options;

/* Set every field of *options to NULL (the style's texts, no note or text panel).  Cannot
** fail. */
SK_API void sk_panels_options_init(sk_panels_options *options);

typedef struct sk_panels sk_panels;

/* A page of count maps (1 to 12), which must share geography, style and page size; the page
** takes them over (freed with it, also on failure).  titles: one per panel (copied), or NULL.
** options NULL: the defaults.  The page is laid out here: SK_EUSAGE for fewer than 1 or more
** than 12 maps or maps that differ in geography, style, page size or extent; SK_EINPUT when
** a class has different colours on two maps or the legend does not fit.  *out owns the page (sk_panels_free;
** NULL is a no-op). */
SK_API sk_status sk_panels_new(sk_ctx *ctx, sk_map **maps, size_t count,
                               const char *const *titles, const sk_panels_options *options,
                               sk_panels **out);
SK_API void sk_panels_free(sk_panels *panels);

/* The number of maps on the page. */
SK_API size_t sk_panels_count(const sk_panels *panels);
/* The shared legend, classes in order of first appearance (canonical order when every map
** shows combinations of one principle): the number of entries, entry k's text (owned by
** panels) and its colour as 0xRRGGBB; k must be in range. */
SK_API size_t sk_panels_legend_count(const sk_panels *panels);
SK_API const char *sk_panels_legend_text(const sk_panels *panels, size_t k);
SK_API uint32_t sk_panels_legend_color(const sk_panels *panels, size_t k);

/* Render to PNG (no world file: the page holds several maps), PDF or SVG, by the path's
** extension unless options say otherwise (NULL: the defaults of sk_render_options_init).
** Written like sk_map_render: temporary name, renamed on success.  SK_EUSAGE for an unknown
** format, SK_EIO when the file cannot be written, SK_ERUNTIME when drawing fails; the
** message is on ctx. */
SK_API sk_status sk_panels_render(sk_ctx *ctx, const sk_panels *panels,
                                  const sk_render_options *options, const char *path);

/* Write the data behind the page: the classes CSV of every map (sk_map_write_classes_csv), one
** after the other, with a last column panel: the panel's title, else its number from 1
** (gm_code,gm_naam,class,color,projects,panel).  Written like sk_write_file; SK_EIO when the
** file cannot be written. */
SK_API sk_status sk_panels_write_classes_csv(sk_ctx *ctx, const sk_panels *panels,
                                             const char *path);

#ifdef __cplusplus
}
#endif
#endif
