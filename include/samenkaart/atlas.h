/*
** Atlas: a whole report of maps from one atlas file (GLib key file): document title, data,
** style and an ordered list of sections, maps and families of maps.  Rendered once into one
** PDF (contents page with links, outline) plus a PNG per page with world file and classes
** CSV, and an index.html; geometry is loaded once and pages are drawn on all cores.
*/
#ifndef SAMENKAART_ATLAS_H
#define SAMENKAART_ATLAS_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sk_atlas sk_atlas;

/* Read and check an atlas file: every problem is reported as FILE:LINE: [group] key: … in
** one run (SK_EINPUT).  Data paths in the file are relative to it; data_dir (may be NULL)
** is used for the data the file does not name.  *out owns a new atlas (sk_atlas_free). */
SK_API sk_status sk_atlas_load(sk_ctx *ctx, const char *path, const char *data_dir,
                               sk_atlas **out);
/* Free an atlas; NULL is a no-op. */
SK_API void sk_atlas_free(sk_atlas *atlas);

/* Pages of the atlas, the contents page(s) included. */
SK_API size_t sk_atlas_page_count(const sk_atlas *atlas);
/* Page ids ("003-preventie-totaal" style file stems); owned by atlas. */
SK_API const char *sk_atlas_page_name(const sk_atlas *atlas, size_t page);

/* The number of maps on a page: 0 for text pages (contents, sections), 1 for a map page,
** more for a page of small multiples. */
SK_API size_t sk_atlas_page_maps(const sk_atlas *atlas, size_t page);
/* The page's title; owned by atlas. */
SK_API const char *sk_atlas_page_title(const sk_atlas *atlas, size_t page);

/* Called after each finished page (from any thread, one call at a time). */
typedef void (*sk_progress_fn)(void *user_data, size_t done, size_t total, const char *page);

typedef struct sk_atlas_options {
    const char *output_dir;     /* required; created if needed */
    int jobs;                   /* threads, at most SK_JOBS_MAX (more: SK_EUSAGE); <= 0:
                                ** one per core, at most SK_JOBS_MAX (render.h) */
    double dpi;                 /* PNG resolution, SK_DPI_MIN to SK_DPI_MAX (else
                                ** SK_EUSAGE, before anything is written); default 150 */
    const char *cache_dir;      /* prepared data cache (see sk_geography_options) */
    int thumbnail_width;        /* thumbnails for index.html at most this wide (pixels);
                                ** default 440, a quarter of a 150-dpi A4 page */
    sk_progress_fn progress;
    void *progress_data;
} sk_atlas_options;

/* Fill options with the defaults above and no output directory. */
SK_API void sk_atlas_options_init(sk_atlas_options *options);

/* Render every page: DIR/atlas.pdf, DIR/NNN-<id>.png (+ .pgw, and .csv for maps),
** DIR/thumbs/NNN-<id>.png and DIR/index.html.  Each file is written under a temporary name
** and renamed when complete.  Loads the atlas's data (SK_EINPUT for bad data, SK_ERUNTIME
** when the reader back-end cannot be loaded or a thread cannot be started); SK_EUSAGE
** without output_dir; SK_EIO when a file cannot be written. */
SK_API sk_status sk_atlas_render(sk_ctx *ctx, const sk_atlas *atlas,
                                 const sk_atlas_options *options);

#ifdef __cplusplus
}
#endif
#endif
