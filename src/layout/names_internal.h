/* What the files placing names share (src/layout/names*.c):
**
**   names.c       the order: the most populous of the area first, inside, then outside;
**                 islands; the rest where they fit; the plan's items
**   names_fit.c   geometry: a box inside, apart from or off a municipality, in the water;
**                 lines meeting boxes and each other
**   names_out.c   a name beside its municipality with a leader line, or in the water */
#ifndef SK_LAYOUT_NAMES_INTERNAL_H
#define SK_LAYOUT_NAMES_INTERNAL_H

#include "names.h"

/* The placement in progress. */
typedef struct sk__names {
    const sk_map *map;
    const sk__layout *l;
    GArray *placed;           /* sk__placed_label, so far */
    guint8 *waiting;          /* per municipality: always named, not placed yet (its pole
                              ** stays clear of other names) */
} sk__names;

/* A name's text as it may be set: on one line, then on two (NULL when it cannot break). */
typedef struct sk__name_text {
    char *lines[2];
    double w[2], h[2];        /* their boxes, halo included, points */
} sk__name_text;

void sk__name_text_init(sk__name_text *t, const sk_style *s, const char *name, double size);
void sk__name_text_clear(sk__name_text *t);
/* The halo around a name of size points, each side. */
double sk__name_halo(double size);

/* A municipality's pole on the page. */
void sk__names_pole(const sk__names *n, size_t m, double *x, double *y);

/* Looking for a place for the name of m: its text measured, its pole on the page; the pole
** free to lie under its own name while looking. */
typedef struct sk__name_job {
    size_t m;
    double size, ax, ay;
    sk__name_text t;
    guint8 waiting;
} sk__name_job;
void sk__name_job_begin(sk__names *n, size_t m, double size, sk__name_job *job);
/* Done looking: place line v of the text at b (NULL: no place found) with a leader line (NULL:
** none).  Returns whether it was placed. */
int sk__name_job_end(sk__names *n, sk__name_job *job, int v, const sk__box *b,
                     const double *leader);

/* A place on a grid around a pole: steps i, j, ordered by d (nearest first), then j, i. */
typedef struct sk__name_spot {
    double d;
    int i, j;
} sk__name_spot;
int sk__name_spot_compare(const void *a, const void *b);

/* names_fit.c */
/* Whether b lies in the map frame, off the scale bar's plate, clear of every placed name and
** leader line and of the poles of the names still waiting. */
int sk__names_clear(const sk__names *n, const sk__box *b);
/* Whether box b lies wholly inside municipality m (exact, on the full boundary). */
int sk__names_box_inside(const sk__names *n, size_t m, const sk__box *b);
/* Whether box b, grown by grow points, touches municipality m at all. */
int sk__names_box_meets(const sk__names *n, size_t m, const sk__box *b, double grow);
/* Whether box b lies on no land (no municipality's shape meets it). */
int sk__names_box_in_water(const sk__names *n, const sk__box *b);
/* Whether the page segment s (x0, y0, x1, y1) meets a placed name or the scale bar's plate, or
** crosses a leader. */
int sk__names_line_clear(const sk__names *n, const double s[4]);

/* names_out.c */
/* Place the name of m at size beside it, at most reach points away, with a leader line into
** it (water: in the water, the line left out when the name touches the island).  Returns
** whether it found room. */
int sk__names_place_outside(sk__names *n, size_t m, double size, double reach, int water);

#endif
