/*
** The project database: one row per collaboration project, labelled along the four ordering
** principles (see data/nl2017/README.md for the contract).  Read through OGR, so a
** CSV (',' or ';', with or without BOM, LF or CRLF), an XLSX/ODS sheet or a GeoPackage/SQLite
** table all work.  Every value is validated; all errors of a file are reported in one run.
*/
#ifndef SAMENKAART_PROJECTS_H
#define SAMENKAART_PROJECTS_H

#include "samenkaart/samenkaart.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Strings are borrowed for the duration of sk_projects_load. */
typedef struct sk_projects_options {
    const char *path;   /* any OGR data source (required) */
    /* Sheet or table; NULL: a spreadsheet's first sheet, or a source's only layer (a source
    ** of several layers is refused without one named). */
    const char *layer;
    /* Directory to cache the database as read (used only while every file the read touched is
    ** unchanged), so that later loads of an unchanged local file skip reading it.  NULL: no cache.  Validation against
    ** the geography runs every time. */
    const char *cache_dir;
    /* Municipal mergers (mergers.h): a municipality the boundaries lack is looked up there,
    ** an old one becoming the one it merged into, a new one the ones it was made of; every
    ** such reference is kept (sk_projects_remap_*).  NULL: none, such names are unknown. */
    const sk_mergers *mergers;
} sk_projects_options;

/* Fill options with no source, no layer, no cache and no mergers. */
SK_API void sk_projects_options_init(sk_projects_options *options);

/* Read and validate the database against geo (which must outlive the result).  Every unknown
** label, municipality or region is reported, one line each, as
**   FILE:LINE: column 'X': unknown value 'Y' (did you mean 'Z'?)
** and the call fails with SK_EINPUT (also for an unreadable file or missing columns);
** SK_ERUNTIME when the reader back-end cannot be loaded.  On success *out owns a new
** database (free with sk_projects_free). */
SK_API sk_status sk_projects_load(sk_ctx *ctx, const sk_geography *geo,
                                  const sk_projects_options *options, sk_projects **out);
/* Free a database; NULL is a no-op. */
SK_API void sk_projects_free(sk_projects *projects);

/* The number of projects (rows), indexed in file order. */
SK_API size_t sk_projects_count(const sk_projects *projects);
/* The project's id; owned by projects. */
SK_API const char *sk_projects_id(const sk_projects *projects, size_t index);
/* The project's title (column 'titel'; "" when the database has none); owned by projects. */
SK_API const char *sk_projects_title(const sk_projects *projects, size_t index);
/* References remapped through municipal mergers, in file order (see mergers.h); the
** strings get fills in are owned by projects. */
SK_API size_t sk_projects_remap_count(const sk_projects *projects);
SK_API void sk_projects_remap_get(const sk_projects *projects, size_t index, sk_remap *remap);
/* Them as CSV: where,value,mapped_to,note (written like sk_write_file; SK_EIO on failure). */
SK_API sk_status sk_projects_write_remaps_csv(sk_ctx *ctx, const sk_projects *projects,
                                              const char *path);

/* The source the database was read from (its path); owned by projects. */
SK_API const char *sk_projects_source(const sk_projects *projects);

#ifdef __cplusplus
}
#endif
#endif
