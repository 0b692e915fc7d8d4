/* Placing municipality names on zoomed maps (names.h): who is named, in which order and at
** which size; inside a municipality; the plan's items. */
#include <math.h>
#include <string.h>
#include "../geography_internal.h"
#include "names_internal.h"

double
sk__name_halo(double size)
{
    return size * 0.15;
}

/* The name on two lines, broken at the space or hyphen nearest its middle; NULL when it
** has none. */
static char *
two_lines(const char *name)
{
    size_t len = strlen(name), best = 0;
    double best_d = INFINITY;
    for (size_t i = 1; i + 1 < len; i++) {
        if (name[i] != ' ' && name[i] != '-')
            continue;
        double d = fabs((double)i - (double)len / 2);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    if (best == 0)
        return NULL;
    /* A hyphen stays at the end of the first line; a space becomes the break. */
    return name[best] == '-' ? g_strdup_printf("%.*s\n%s", (int)best + 1, name, name + best + 1)
                             : g_strdup_printf("%.*s\n%s", (int)best, name, name + best + 1);
}

void
sk__name_text_init(sk__name_text *t, const sk_style *s, const char *name, double size)
{
    t->lines[0] = g_strdup(name);
    t->lines[1] = two_lines(name);
    for (int v = 0; v < 2; v++) {
        t->w[v] = t->h[v] = 0;
        if (t->lines[v] == NULL)
            continue;
        PangoLayout *pl = sk__text_layout(s, size, 0, t->lines[v], -1);
        pango_layout_set_alignment(pl, PANGO_ALIGN_CENTER);
        int w, h;
        pango_layout_get_size(pl, &w, &h);
        g_object_unref(pl);
        t->w[v] = (double)w / PANGO_SCALE + 2 * sk__name_halo(size);
        t->h[v] = (double)h / PANGO_SCALE + 2 * sk__name_halo(size);
    }
}

void
sk__name_text_clear(sk__name_text *t)
{
    g_free(t->lines[0]);
    g_free(t->lines[1]);
}

void
sk__names_pole(const sk__names *n, size_t m, double *x, double *y)
{
    const sk__layout *l = n->l;
    *x = l->origin_x + (n->map->poles[2 * m] - l->extent_minx) * l->scale;
    *y = l->origin_y + (l->extent_maxy - n->map->poles[2 * m + 1]) * l->scale;
}

void
sk__name_job_begin(sk__names *n, size_t m, double size, sk__name_job *job)
{
    size_t count;
    const sk__area *a = &sk__geography_municipalities(n->map->geo, &count)[m];
    job->m = m;
    job->size = size;
    sk__names_pole(n, m, &job->ax, &job->ay);
    sk__name_text_init(&job->t, n->map->style, a->name, size);
    job->waiting = n->waiting[m];
    n->waiting[m] = 0;
}

int
sk__name_job_end(sk__names *n, sk__name_job *job, int v, const sk__box *b,
                 const double *leader)
{
    n->waiting[job->m] = b != NULL ? 0 : job->waiting;
    if (b != NULL) {
        sk__placed_label pl = {job->m, g_strdup(job->t.lines[v]), job->size, *b,
                               leader != NULL, {0}};
        if (leader != NULL)
            memcpy(pl.line, leader, sizeof pl.line);
        g_array_append_val(n->placed, pl);
    }
    sk__name_text_clear(&job->t);
    return b != NULL;
}

int
sk__name_spot_compare(const void *a, const void *b)
{
    const sk__name_spot *x = a, *y = b;
    if (x->d != y->d)
        return x->d < y->d ? -1 : 1;
    if (x->j != y->j)
        return x->j < y->j ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

/* Every place of a grid of step points over the page box of m's shape, nearest to the pole
** (ax, ay) first. */
static GArray *
inside_spots(const sk__names *n, size_t m, double ax, double ay, double step)
{
    size_t count;
    const double *e = sk__geography_municipalities(n->map->geo, &count)[m].bbox;
    const sk__layout *l = n->l;
    double x0 = l->origin_x + (e[0] - l->extent_minx) * l->scale;
    double x1 = l->origin_x + (e[2] - l->extent_minx) * l->scale;
    double y0 = l->origin_y + (l->extent_maxy - e[3]) * l->scale;
    double y1 = l->origin_y + (l->extent_maxy - e[1]) * l->scale;
    GArray *list = g_array_new(FALSE, FALSE, sizeof(sk__name_spot));
    for (int j = (int)floor((y0 - ay) / step); j <= (int)ceil((y1 - ay) / step); j++)
        for (int i = (int)floor((x0 - ax) / step); i <= (int)ceil((x1 - ax) / step); i++) {
            sk__name_spot s = {(double)i * i + (double)j * j, i, j};
            g_array_append_val(list, s);
        }
    g_array_sort(list, sk__name_spot_compare);
    return list;
}

/* The name of m inside it: centred on its pole first, then ever further from it, anywhere
** in the municipality; on two lines when one does not fit. */
static int
place_inside(sk__names *n, size_t m, double size)
{
    sk__name_job job;
    sk__name_job_begin(n, m, size, &job);
    const sk__name_text *t = &job.t;
    int done = 0, v;
    sk__box b = {0};
    for (v = 0; v < 2 && !done && t->lines[v] != NULL; v++) {
        /* Half a line's height: fine enough for narrow shapes, few enough to be quick. */
        double step = fmax(t->h[v] / 2, 1);
        GArray *spots = inside_spots(n, m, job.ax, job.ay, step);
        for (guint c = 0; c < spots->len && !done; c++) {
            const sk__name_spot *s = &g_array_index(spots, sk__name_spot, c);
            b = (sk__box){job.ax + s->i * step - t->w[v] / 2, job.ay + s->j * step - t->h[v] / 2,
                          t->w[v], t->h[v]};
            done = sk__names_clear(n, &b) && sk__names_box_inside(n, m, &b);
        }
        g_array_free(spots, TRUE);
    }
    return sk__name_job_end(n, &job, v - 1, done ? &b : NULL, NULL);
}

typedef struct ranked {
    size_t municipality;
    long population;
} ranked;

static int
by_population(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->population != y->population)
        return x->population > y->population ? -1 : 1;
    return (x->municipality > y->municipality) - (x->municipality < y->municipality);
}

/* The municipalities of the zoom, most populous first. */
static ranked *
rank_zoom(const sk_map *map, size_t *n)
{
    size_t nmun;
    const sk__area *areas = sk__geography_municipalities(map->geo, &nmun);
    ranked *order = g_new(ranked, nmun + 1);
    *n = 0;
    for (size_t m = 0; m < nmun; m++)
        if (map->zoom[m])
            order[(*n)++] = (ranked){m, areas[m].population};
    qsort(order, *n, sizeof *order, by_population);
    return order;
}

/* Size by rank, never by room. */
static double
size_of_rank(const sk__names_style *s, size_t rank)
{
    if (rank < (size_t)s->large_count)
        return s->large;
    return rank < (size_t)s->large_count + (size_t)s->medium_count ? s->medium : s->small;
}

/* The names of ranks [from, to): inside, else beside (islands: in the water first), at most
** a leader's length away, else (reaches 2) twice that.  While one tier is placed, the poles
** of its names still to come stay clear of the others. */
static void
place_tier(sk__names *n, const ranked *order, size_t from, size_t to, int reaches,
           const guint8 *island)
{
    const sk__names_style *s = &n->map->style->names;
    for (size_t i = from; i < to; i++)
        n->waiting[order[i].municipality] = 1;
    for (size_t i = from; i < to; i++)
        place_inside(n, order[i].municipality, size_of_rank(s, i));
    for (size_t i = from; i < to; i++) {
        size_t m = order[i].municipality;
        double size = size_of_rank(s, i);
        for (int reach = 1; reach <= reaches && n->waiting[m]; reach++)
            if (!(island[m] && sk__names_place_outside(n, m, size, reach * s->leader_max, 1)))
                sk__names_place_outside(n, m, size, reach * s->leader_max, 0);
    }
    for (size_t i = from; i < to; i++)
        n->waiting[order[i].municipality] = 0;
}

GArray *
sk__place_names(const sk_map *map, const sk__layout *l)
{
    sk__names n = {map, l, g_array_new(FALSE, TRUE, sizeof(sk__placed_label)), NULL};
    const sk__names_style *s = &map->style->names;
    if (map->zoom == NULL || s->large <= 0)
        return n.placed;
    size_t count, nmun = sk_geography_municipality_count(map->geo);
    ranked *order = rank_zoom(map, &count);
    size_t always = MIN(count, (size_t)s->always);
    size_t beside = MAX(always, MIN(count, (size_t)s->beside));
    n.waiting = g_new0(guint8, nmun + 1);
    const guint8 *island = map->islands;
    /* The names always shown, then those that may go beside their municipality. */
    place_tier(&n, order, 0, always, 2, island);
    place_tier(&n, order, always, beside, 1, island);
    /* Islands next, in the water beside them when they have no room inside; then the rest
    ** where they fit inside. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = beside; i < count; i++) {
            size_t m = order[i].municipality;
            if (island[m] != (pass == 0))
                continue;
            double size = size_of_rank(s, i);
            if (!place_inside(&n, m, size) && island[m])
                sk__names_place_outside(&n, m, size, s->leader_max, 1);
        }
    g_free(order);
    g_free(n.waiting);
    return n.placed;
}

void
sk__placed_labels_free(GArray *labels)
{
    if (labels == NULL)
        return;
    for (guint i = 0; i < labels->len; i++)
        g_free(g_array_index(labels, sk__placed_label, i).text);
    g_array_free(labels, TRUE);
}

/* A leader line of m: its casing, then the line (both role SK__ROLE_NAME_LEADER). */
static void
plan_leader(sk__plan *p, const sk_style *s, const sk__placed_label *pl)
{
    const double *e = pl->line;
    sk__plan_item it = {.kind = SK__ITEM_LINE, .role = SK__ROLE_NAME_LEADER,
                        .id = (long)pl->municipality};
    if (s->names.leader_casing_width > 0) {
        it.u.line = (sk__plan_line){e[0], e[1], e[2], e[3], s->label_halo,
                                    s->names.leader_casing_width};
        sk__plan_add(p, &it);
    }
    it.u.line = (sk__plan_line){e[0], e[1], e[2], e[3], s->names.leader, s->names.leader_width};
    sk__plan_add(p, &it);
}

void
sk__plan_names(sk__plan *p, const sk_map *map, const sk__layout *l)
{
    if (map->zoom == NULL)
        return;
    const sk_style *s = map->style;
    GArray *names = sk__place_names(map, l);
    /* Leader lines under every name, so that a name's halo covers the end of its line. */
    for (guint i = 0; i < names->len; i++)
        if (g_array_index(names, sk__placed_label, i).leader)
            plan_leader(p, s, &g_array_index(names, sk__placed_label, i));
    for (guint i = 0; i < names->len; i++) {
        sk__placed_label *pl = &g_array_index(names, sk__placed_label, i);
        double halo = sk__name_halo(pl->size);
        sk__plan_item it = {.kind = SK__ITEM_TEXT, .role = SK__ROLE_NAME,
                            .id = (long)pl->municipality};
        it.u.text = (sk__plan_text){pl->text, 0, s->font_family, pl->size, 0, -1, 1,
                                    s->label_color, s->label_halo, 2 * halo,
                                    pl->box.x + halo, pl->box.y + halo, pl->box, 0};
        pl->text = NULL;   /* the plan's now */
        sk__plan_add(p, &it);
    }
    sk__placed_labels_free(names);
}

void
sk__plan_zoom_outline(sk__plan *p, size_t k, const sk_map *map)
{
    const sk__names_style *s = &map->style->names;
    if (!map->zoom_band || s->outline_width <= 0)
        return;
    size_t nmun = sk_geography_municipality_count(map->geo);
    /* A lake, islet or sliver narrower than the band would be a blob of it: left out (the
    ** round ends of the band beside it cover the gap). */
    sk__plan_path path = {.kind = SK__PATH_BAND, .color = s->outline,
                          .width = s->outline_width, .speck = 2 * s->outline_width,
                          .opacity = s->outline_opacity};
    path.ids = g_new(size_t, nmun + 1);
    for (size_t m = 0; m < nmun; m++)
        if (map->zoom[m])
            path.ids[path.count++] = m;
    sk__plan_add_path(p, k, &path);
}
