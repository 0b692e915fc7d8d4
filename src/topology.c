#include <math.h>
#include <stdint.h>
#include <string.h>
#include <glib.h>
#include "internal.h"
#include "topology.h"

/* ---- vertex table: coordinates -> first-seen neighbours, junction flag ---------------- */

/* Slots refer to points by index, keeping the table small enough to stay in cache. */
typedef struct vertex {
    uint32_t point;          /* index + 1 of the first occurrence; 0 = empty slot */
    uint32_t a, b;           /* its neighbours at first sight (point indices), unordered */
    uint32_t junction;
} vertex;

typedef struct vertex_table {
    vertex *slots;
    size_t mask;
    const double *pts;
    uint32_t *slot_of;       /* per point: its slot, so later questions need no hashing */
} vertex_table;

static uint64_t
hash_xy(const double *p)
{
    uint64_t a, b;
    /* +0.0 and -0.0 compare equal but differ in bits: fold them. */
    double x = p[0] == 0 ? 0 : p[0], y = p[1] == 0 ? 0 : p[1];
    memcpy(&a, &x, sizeof a);
    memcpy(&b, &y, sizeof b);
    uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b * 0xC2B2AE3D27D4EB4Full);
    h ^= h >> 32;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 29;
    return h;
}

static int
same_point(const double *a, const double *b)
{
    return a[0] == b[0] && a[1] == b[1];
}

static vertex *
lookup(const vertex_table *t, const double *p)
{
    size_t i = (size_t)hash_xy(p) & t->mask;
    while (t->slots[i].point != 0 && !same_point(t->pts + 2 * (t->slots[i].point - 1), p))
        i = (i + 1) & t->mask;
    return &t->slots[i];
}

/* Record an occurrence of point k with neighbours prev and next (point indices). */
static void
visit(vertex_table *t, size_t k, size_t prev, size_t next)
{
    const double *P = t->pts;
    vertex *v = lookup(t, P + 2 * k);
    t->slot_of[k] = (uint32_t)(v - t->slots);
    if (v->point == 0) {
        *v = (vertex){(uint32_t)k + 1, (uint32_t)prev, (uint32_t)next, 0};
        return;
    }
    const double *a = P + 2 * v->a, *b = P + 2 * v->b;
    const double *p = P + 2 * prev, *n = P + 2 * next;
    if (!((same_point(a, p) && same_point(b, n)) || (same_point(a, n) && same_point(b, p))))
        v->junction = 1;
}

static int
is_junction(const vertex_table *t, size_t k)
{
    return t->slots[t->slot_of[k]].junction != 0;
}

/* ---- Douglas-Peucker importances on one arc --------------------------------------- */

static double
segment_distance(const double *p, const double *a, const double *b)
{
    double dx = b[0] - a[0], dy = b[1] - a[1];
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double ex = a[0] + t * dx - p[0], ey = a[1] + t * dy - p[1];
    return sqrt(ex * ex + ey * ey);
}

typedef struct dp_frame {
    size_t first, last;
    double ceiling;      /* the importance of the vertex that split the parent */
} dp_frame;

/* The arc is idx[0..n-1] (point indices); writes the importance of its interior points.  An
** explicit stack (room for n frames) keeps long arcs from exhausting the C stack. */
static void
arc_importance(const double *pts, const size_t *idx, size_t n, double *importance,
               dp_frame *stack)
{
    if (n < 3)
        return;
    size_t top = 0;
    stack[top++] = (dp_frame){0, n - 1, INFINITY};
    while (top > 0) {
        dp_frame f = stack[--top];
        if (f.last - f.first < 2)
            continue;
        const double *a = pts + 2 * idx[f.first], *b = pts + 2 * idx[f.last];
        double best = -1;
        size_t split = f.first + 1;
        for (size_t k = f.first + 1; k < f.last; k++) {
            double d = segment_distance(pts + 2 * idx[k], a, b);
            if (d > best) {
                best = d;
                split = k;
            }
        }
        /* Monotone: a vertex never outlives the one that made it necessary. */
        double imp = best < f.ceiling ? best : f.ceiling;
        importance[idx[split]] = imp;
        stack[top++] = (dp_frame){f.first, split, imp};
        stack[top++] = (dp_frame){split, f.last, imp};
    }
}

/* Lexicographic order of two points. */
static int
point_less(const double *a, const double *b)
{
    return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
}

/* An arc as found, with the points that identify it whichever ring it was found in: its
** first, second and last point in canonical direction. */
typedef struct found_arc {
    sk__arc arc;
    size_t key[3];
} found_arc;

typedef struct ring_job {
    const vertex_table *table;
    const sk__ring *rings;
    size_t first, last;     /* rings [first, last) */
    size_t longest;
    double *importance;     /* written for these rings' points only */
    GArray *arcs;           /* found_arc, in ring order */
} ring_job;

static gpointer
rings_importance(gpointer data)
{
    const ring_job *job = data;
    const vertex_table *t = job->table;
    const sk__ring *rings = job->rings;
    const double *pts = t->pts;
    double *importance = job->importance;
    size_t *idx = g_new(size_t, job->longest + 2);
    dp_frame *stack = g_new(dp_frame, job->longest + 2);
    for (size_t r = job->first; r < job->last; r++) {
        if (rings[r].count < 4)
            continue;
        size_t n = rings[r].count - 1, base = rings[r].start;
        const double *p = pts + 2 * base;
        /* Junctions split the ring into arcs; a ring without one (an island, an enclave)
        ** is one closed arc from its lexicographically smallest vertex, which the ring
        ** around an enclave picks too. */
        size_t start = SIZE_MAX, smallest = 0;
        for (size_t k = 0; k < n; k++) {
            if (is_junction(t, base + k)) {
                start = k;
                break;
            }
            if (point_less(p + 2 * k, p + 2 * smallest))
                smallest = k;
        }
        if (start == SIZE_MAX)
            start = smallest;
        importance[base + start] = INFINITY;
        size_t k = 0;
        while (k < n) {
            size_t m = 0;
            found_arc found = {{r, (start + k) % n, 0, SIZE_MAX}, {0, 0, 0}};
            idx[m++] = base + (start + k) % n;
            do {
                k++;
                idx[m++] = base + (start + k) % n;
            } while (k < n && !is_junction(t, idx[m - 1]));
            /* Canonical direction: from the smaller end point (or, for a closed arc, from
            ** the smaller second point), so both rings sharing the arc agree. */
            const double *first = pts + 2 * idx[0], *last = pts + 2 * idx[m - 1];
            int reverse = point_less(last, first) ||
                          (same_point(first, last) && m > 3 &&
                           point_less(pts + 2 * idx[m - 2], pts + 2 * idx[1]));
            if (reverse)
                for (size_t a = 0, b = m - 1; a < b; a++, b--) {
                    size_t tmp = idx[a];
                    idx[a] = idx[b];
                    idx[b] = tmp;
                }
            arc_importance(pts, idx, m, importance, stack);
            found.arc.count = m;
            found.key[0] = idx[0];
            found.key[1] = idx[1];
            found.key[2] = idx[m - 1];
            g_array_append_val(job->arcs, found);
        }
    }
    g_free(stack);
    g_free(idx);
    return NULL;
}

/* Arcs are the same border when their identifying points have the same coordinates. */
typedef struct arc_key {
    double xy[6];
} arc_key;

static guint
arc_key_hash(gconstpointer p)
{
    const arc_key *k = p;
    return (guint)(hash_xy(k->xy) ^ (hash_xy(k->xy + 2) >> 7) ^ (hash_xy(k->xy + 4) >> 13));
}

static gboolean
arc_key_equal(gconstpointer a, gconstpointer b)
{
    return memcmp(a, b, sizeof(arc_key)) == 0;
}

/* Append the arcs of found that were not seen before in this group. */
static void
add_unique_arcs(GArray *out, GHashTable *seen, const double *pts, const GArray *found,
                size_t ring_from, size_t ring_to)
{
    for (guint i = 0; i < found->len; i++) {
        const found_arc *f = &g_array_index(found, found_arc, i);
        if (f->arc.ring < ring_from || f->arc.ring >= ring_to)
            continue;
        arc_key *k = g_new(arc_key, 1);
        for (int j = 0; j < 3; j++) {
            /* -0.0 and +0.0 are one coordinate. */
            k->xy[2 * j] = pts[2 * f->key[j]] == 0 ? 0 : pts[2 * f->key[j]];
            k->xy[2 * j + 1] = pts[2 * f->key[j] + 1] == 0 ? 0 : pts[2 * f->key[j] + 1];
        }
        gpointer at = NULL;
        if (g_hash_table_lookup_extended(seen, k, NULL, &at)) {
            /* The same border seen from the other side: remember that ring. */
            g_array_index(out, sk__arc, GPOINTER_TO_UINT(at) - 1).twin = f->arc.ring;
            g_free(k);
        } else {
            sk__arc arc = f->arc;
            arc.twin = SIZE_MAX;
            g_array_append_val(out, arc);
            g_hash_table_insert(seen, k, GUINT_TO_POINTER(out->len));
        }
    }
}

sk_status
sk__topology_build(sk_ctx *ctx, const double *pts, size_t npoints, const sk__ring *rings,
                   size_t nrings, size_t ring_split, sk__topology *out)
{
    *out = (sk__topology){0};
    double *importance = g_new(double, npoints > 0 ? npoints : 1);
    for (size_t i = 0; i < npoints; i++)
        importance[i] = INFINITY;

    size_t cap = 16;
    while (cap < npoints + npoints / 2)
        cap <<= 1;
    vertex_table t = {g_new0(vertex, cap), cap - 1, pts, g_new0(uint32_t, npoints + 1)};
    size_t longest = 0;
    /* Rings are closed (last point = first); work on the n-1 distinct vertices. */
    for (size_t r = 0; r < nrings; r++) {
        size_t n = rings[r].count - 1, base = rings[r].start;
        if (rings[r].count < 4)
            continue;
        longest = n > longest ? n : longest;
        for (size_t k = 0; k < n; k++)
            visit(&t, base + k, base + (k + n - 1) % n, base + (k + 1) % n);
    }

    /* Arcs of different rings are independent once the junctions are known: two cores
    ** share the rings, split by point count.  Each ring's values do not depend on the split. */
    size_t half = 0, acc = 0;
    while (half < nrings && acc < npoints / 2)
        acc += rings[half++].count;
    ring_job jobs[2] = {
        {&t, rings, 0, half, longest, importance, g_array_new(FALSE, FALSE, sizeof(found_arc))},
        {&t, rings, half, nrings, longest, importance,
         g_array_new(FALSE, FALSE, sizeof(found_arc))}};
    GThread *helper;
    sk_status st = sk__thread_start(ctx, "sk-topology", rings_importance, &jobs[1], &helper);
    if (st != SK_OK) {
        g_array_free(jobs[0].arcs, TRUE);
        g_array_free(jobs[1].arcs, TRUE);
        g_free(t.slots);
        g_free(t.slot_of);
        g_free(importance);
        return st;
    }
    rings_importance(&jobs[0]);
    g_thread_join(helper);

    /* Every border once per group, in ring order: deterministic whatever the split. */
    GArray *arcs = g_array_new(FALSE, FALSE, sizeof(sk__arc));
    size_t groups[3] = {0, ring_split, nrings};
    for (int g = 0; g < 2; g++) {
        GHashTable *seen = g_hash_table_new_full(arc_key_hash, arc_key_equal, g_free, NULL);
        for (int j = 0; j < 2; j++)
            add_unique_arcs(arcs, seen, pts, jobs[j].arcs, groups[g], groups[g + 1]);
        g_hash_table_destroy(seen);
        if (g == 0)
            out->first_split_arc = arcs->len;
    }
    g_array_free(jobs[0].arcs, TRUE);
    g_array_free(jobs[1].arcs, TRUE);
    out->arc_count = arcs->len;
    out->arcs = (sk__arc *)(void *)g_array_free(arcs, FALSE);

    /* Keep closing points in step with their ring's first point. */
    for (size_t r = 0; r < nrings; r++)
        if (rings[r].count >= 2)
            importance[rings[r].start + rings[r].count - 1] = INFINITY;
    g_free(t.slots);
    g_free(t.slot_of);
    out->importance = importance;
    return SK_OK;
}

void
sk__topology_clear(sk__topology *topology)
{
    g_free(topology->importance);
    g_free(topology->arcs);
    *topology = (sk__topology){0};
}
