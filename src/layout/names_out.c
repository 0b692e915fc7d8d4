/* A name beside its municipality, with a leader line into it (names_internal.h). */
#include <math.h>
#include "names_internal.h"

/* Candidate places lie on a grid this fine around the municipality's pole (points): fine
** enough that a name comes as close as the neighbours let it. */
#define STEP_PT 2.0

/* The nearest point of box b to (x, y). */
static void
nearest_on(const sk__box *b, double x, double y, double *px, double *py)
{
    *px = fmin(fmax(x, b->x), b->x + b->w);
    *py = fmin(fmax(y, b->y), b->y + b->h);
}

/* Every place for a w x h box around (ax, ay) whose leader would be at most reach long and
** whose box leaves the pole free, shortest leader first. */
static GArray *
spots(double ax, double ay, double w, double h, double reach)
{
    GArray *list = g_array_new(FALSE, FALSE, sizeof(sk__name_spot));
    int k = (int)ceil((reach + fmax(w, h)) / STEP_PT);
    for (int j = -k; j <= k; j++)
        for (int i = -k; i <= k; i++) {
            sk__box b = {ax + i * STEP_PT - w / 2, ay + j * STEP_PT - h / 2, w, h};
            double px, py;
            nearest_on(&b, ax, ay, &px, &py);
            sk__name_spot s = {hypot(px - ax, py - ay), i, j};
            if (s.d > 0 && s.d <= reach)
                g_array_append_val(list, s);
        }
    g_array_sort(list, sk__name_spot_compare);
    return list;
}

/* Whether the name of m may take box b, and its leader line (line; *leader 0 when a name in
** the water touches its island, which needs none). */
static int
fits(const sk__names *n, size_t m, const sk__box *b, int water, double ax, double ay,
     double line[4], int *leader)
{
    if (!sk__names_clear(n, b) || sk__names_box_meets(n, m, b, 0) ||
        (water && !sk__names_box_in_water(n, b)))
        return 0;
    nearest_on(b, ax, ay, &line[0], &line[1]);
    line[2] = ax;
    line[3] = ay;
    /* Beside an island, within the name's halo of its shore: plainly its name. */
    *leader = !(water && sk__names_box_meets(n, m, b, b->h / 2));
    return !*leader || sk__names_line_clear(n, line);
}

int
sk__names_place_outside(sk__names *n, size_t m, double size, double reach, int water)
{
    sk__name_job job;
    sk__name_job_begin(n, m, size, &job);
    const sk__name_text *t = &job.t;
    int done = 0, leader = 0, v;
    double line[4];
    sk__box b = {0};
    for (v = 0; v < 2 && !done && t->lines[v] != NULL; v++) {
        GArray *list = spots(job.ax, job.ay, t->w[v], t->h[v], reach);
        for (guint c = 0; c < list->len && !done; c++) {
            const sk__name_spot *s = &g_array_index(list, sk__name_spot, c);
            b = (sk__box){job.ax + s->i * STEP_PT - t->w[v] / 2,
                          job.ay + s->j * STEP_PT - t->h[v] / 2, t->w[v], t->h[v]};
            done = fits(n, m, &b, water, job.ax, job.ay, line, &leader);
        }
        g_array_free(list, TRUE);
    }
    return sk__name_job_end(n, &job, v - 1, done ? &b : NULL, leader ? line : NULL);
}
