/* Memory for buffers of megabytes that a run fills once: a page's pixels, a cache entry as
** read.  Faulted in 4 KB pages such buffers cost a fifth of a point map's time; mapped on
** their own, aligned to 2 MB and with transparent huge pages advised, they take a few
** faults (where THP is "madvise" or "always"; elsewhere they are ordinary memory).  Not
** from malloc: once a large block is freed, malloc serves the next from its heap, where the
** advice does not reach. */
#ifndef SK_BIGMEM_H
#define SK_BIGMEM_H

#include <stddef.h>
#include <cairo.h>
#include <glib.h>

/* size bytes, zeroed, or NULL when out of memory.  Free with sk__bigmem_free(p, size). */
void *sk__bigmem_alloc(size_t size);
void sk__bigmem_free(void *p, size_t size);
/* Bytes owning such a buffer: it is freed with the last reference. */
GBytes *sk__bigmem_bytes(void *data, size_t size);

/* An image surface over such memory, cleared to 0 like cairo_image_surface_create's (its
** memory freed with the surface); a size cairo refuses gives cairo's nil surface with its
** error; NULL when out of memory. */
cairo_surface_t *sk__bigmem_surface(cairo_format_t format, int width, int height);

#endif
