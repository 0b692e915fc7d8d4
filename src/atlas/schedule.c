/* Scheduling an atlas run: data loaded once, map models built on two threads (every page is
** known to be drawable before a file is written), then this thread writes the PDF while
** workers draw the PNGs, the pages with most maps first. */
#include <errno.h>
#include <glib/gstdio.h>
#include "schedule.h"
#include "../internal.h"
#include "build.h"
#include "index.h"
#include "manifest.h"
#include "pdf.h"
#include "plans.h"
#include "pointpages.h"

/* ---- building the map models and the plans ------------------------------------------ */

typedef struct build_job {
    sk_ctx *ctx;            /* the run's: the thread's context shares its outputs */
    const sk_atlas *atlas;
    const sk__atlas_sources *src;
    sk_map **maps;
    sk_panels **sets;
    sk__plan **plans;
    char **errors;          /* per page: the message of its failure, or NULL */
    sk_status *status;
    guint first, step;      /* pages first, first + step, … */
} build_job;

static gpointer
build_worker(gpointer data)
{
    build_job *b = data;
    sk_ctx *ctx = sk__ctx_child(b->ctx);
    if (ctx == NULL) {
        b->errors[b->first] = g_strdup("out of memory");
        b->status[b->first] = SK_ENOMEM;
        return NULL;
    }
    for (guint i = b->first; i < b->atlas->pages->len; i += b->step) {
        const page *pg = SK__ATLAS_PAGE(b->atlas, i);
        if (pg->kind == PAGE_MAP || pg->kind == PAGE_PANELS)
            b->status[i] = sk__atlas_build_page(ctx, b->atlas, pg, b->src, &b->maps[i],
                                                &b->sets[i]);
        /* Laid out before anything is drawn: a legend that does not fit stops the atlas
        ** before it has written a single file; the PDF and the PNG then share the plan. */
        if (b->status[i] == SK_OK)
            b->status[i] = sk__atlas_page_plan(ctx, b->atlas, b->src->style, i, b->maps[i],
                                               b->sets[i], &b->plans[i]);
        if (b->status[i] != SK_OK) {
            b->errors[i] = g_strdup(sk_ctx_errmsg(ctx));
            sk_ctx_clear_error(ctx);
        }
    }
    sk_ctx_free(ctx);
    return NULL;
}

/* Build the map models and plans of all pages on two threads; the first failing page (in
** page order) is reported, naming the page and its line. */
static sk_status
build_maps(sk_ctx *ctx, const sk_atlas *a, const sk__atlas_sources *src, sk_map **maps,
           sk_panels **sets, sk__plan **plans)
{
    guint n = a->pages->len;
    char **errors = g_new0(char *, n + 1);
    sk_status *status = g_new0(sk_status, n + 1);
    build_job jobs[2];
    for (guint t = 0; t < 2; t++)
        jobs[t] = (build_job){ctx, a, src, maps, sets, plans, errors, status, t, 2};
    GThread *helper = NULL;
    sk_status st = sk__thread_start(ctx, "sk-build", build_worker, &jobs[1], &helper);
    if (st == SK_OK) {
        build_worker(&jobs[0]);
        g_thread_join(helper);
    }
    /* A page's own error first: the cover and the contents are made from the other pages'
    ** titles, and a title too long for its page is best reported there, at its line. */
    for (guint k = 0; k < 2 * n && st == SK_OK; k++) {
        guint i = k % n;
        const page *pg = SK__ATLAS_PAGE(a, i);
        int made = pg->kind == PAGE_CONTENTS || pg->kind == PAGE_COVER;
        if (status[i] == SK_OK || made != (k >= n))
            continue;
        /* The cover and contents pages are made, not defined: their texts are the [atlas]
        ** group's. */
        st = pg->kind == PAGE_CONTENTS || pg->kind == PAGE_COVER
                 ? sk__error(ctx, status[i], "%s: [atlas] %s", a->path, errors[i])
                 : sk__error(ctx, status[i], "%s:%d: page '%s': %s", a->path, pg->line,
                             pg->id, errors[i]);
    }
    for (guint i = 0; i < n; i++)
        g_free(errors[i]);
    g_free(errors);
    g_free(status);
    return st;
}

/* ---- drawing the pages ------------------------------------------------------------- */

static void
report_done(sk__atlas_job *j, size_t steps, const char *name)
{
    g_mutex_lock(&j->lock);
    j->done += steps;
    if (j->options->progress != NULL)
        j->options->progress(j->options->progress_data, j->done, j->total, name);
    g_mutex_unlock(&j->lock);
}

static void
fail(sk__atlas_job *j, sk_ctx *ctx)
{
    g_mutex_lock(&j->lock);
    if (!g_atomic_int_get(&j->failed)) {
        g_atomic_int_set(&j->failed, 1);
        /* No context: the thread's own could not be made. */
        sk__error(j->error, ctx != NULL ? sk_ctx_status(ctx) : SK_ENOMEM, "%s",
                  ctx != NULL ? sk_ctx_errmsg(ctx) : "out of memory");
    }
    g_mutex_unlock(&j->lock);
}

/* The number of maps on page i, once built. */
static size_t
page_weight(sk_panels *const *sets, sk_map *const *maps, size_t i)
{
    return sets[i] != NULL ? sk_panels_count(sets[i]) : maps[i] != NULL ? 1 : 0;
}

/* The pages with most maps first: the cores then finish at about the same time instead of
** one drawing a page of six maps while the other waits (longest processing time first). */
static size_t *
png_order(const sk_atlas *a, sk_panels *const *sets, sk_map *const *maps)
{
    size_t n = a->pages->len, *order = g_new(size_t, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        size_t weight = page_weight(sets, maps, i);
        /* Insertion sort, stable: equal pages keep their order. */
        size_t at = i;
        while (at > 0 && page_weight(sets, maps, order[at - 1]) < weight) {
            order[at] = order[at - 1];
            at--;
        }
        order[at] = i;
    }
    return order;
}

/* Workers take pages one by one until none are left or something failed. */
static gpointer
png_worker(gpointer data)
{
    sk__atlas_job *j = data;
    /* A thread without pixels of its own leaves the pages to those with. */
    gint c = g_atomic_int_add(&j->next_canvas, 1);
    if (c >= j->canvas_count)
        return NULL;
    sk__canvas *canvas = j->canvases[c];
    sk_ctx *ctx = sk__ctx_child(j->ctx);
    if (ctx == NULL) {
        fail(j, NULL);
        return NULL;
    }
    sk__canvas_enter(canvas);
    for (;;) {
        size_t k = (size_t)g_atomic_int_add(&j->next, 1);
        if (k >= j->atlas->pages->len || g_atomic_int_get(&j->failed))
            break;
        size_t i = j->order[k];
        if (sk__atlas_render_png(ctx, j, i, canvas) != SK_OK) {
            fail(j, ctx);
            break;
        }
        report_done(j, 1, SK__ATLAS_PAGE(j->atlas, i)->name);
    }
    sk__canvas_leave(canvas);
    sk_ctx_free(ctx);
    return NULL;
}

/* PNGs on every core but one; this thread writes the PDF, then helps with PNGs. */
static sk_status
draw_pages(sk_ctx *ctx, sk__atlas_job *j, int jobs)
{
    sk_status st = SK_OK;
    GThread **workers = g_new0(GThread *, (size_t)jobs);
    int started = 0;
    for (; started < jobs - 1 && st == SK_OK; started++)
        st = sk__thread_start(ctx, "sk-atlas", png_worker, j, &workers[started]);
    if (st != SK_OK) {
        started--;   /* the last one did not start */
        g_atomic_int_set(&j->failed, 1);
    } else {
        /* On a context of its own: when a PNG fails first, the PDF stops at its next page
        ** and the PNG's error is the one reported. */
        sk_ctx *pdf = sk__ctx_child(ctx);
        if (pdf == NULL || sk__atlas_render_pdf(pdf, j) != SK_OK)
            fail(j, pdf);
        else   /* The PDF counts as half the work: one step per page it holds. */
            report_done(j, j->atlas->pages->len, "atlas.pdf");
        sk_ctx_free(pdf);
    }
    png_worker(j);
    for (int w = 0; w < started; w++)
        g_thread_join(workers[w]);
    g_free(workers);
    if (st == SK_OK && j->failed)
        st = sk__error(ctx, sk_ctx_status(j->error), "%s", sk_ctx_errmsg(j->error));
    return st;
}

/* More threads than this only cost memory (a page surface each). */

/* The pixels and fonts the PNG threads draw with (one page and thumbnail each, for as many
** threads as there are pages at most) and the raster border layers, made before any thread
** starts: running out of memory stops the atlas here, before anything is drawn. */
static sk_status
make_pixels(sk_ctx *ctx, sk__atlas_job *j, int jobs)
{
    size_t n = j->atlas->pages->len;
    j->canvas_count = (gint)MIN((size_t)jobs, n);
    j->canvases = g_new0(sk__canvas *, (size_t)j->canvas_count + 1);
    char *what = g_strdup_printf("%s: pages at %g dpi", j->options->output_dir, j->options->dpi);
    sk_status st = sk__canvases_new(ctx, j->plans, n, j->options->dpi,
                                    j->options->thumbnail_width, what,
                                    (size_t)j->canvas_count, j->canvases);
    if (st == SK_OK)
        st = sk__layers_prepare(ctx, j->raster_layers, j->plans, n, j->options->dpi, what);
    g_free(what);
    if (st != SK_OK) {
        char *msg = g_strdup(sk_ctx_errmsg(ctx));
        sk_ctx_clear_error(ctx);
        sk__error(ctx, st, "%s (%d threads: use a lower dpi or fewer jobs); nothing was written",
                  msg, jobs);
        g_free(msg);
    }
    return st;
}

static void
free_pixels(sk__atlas_job *j)
{
    for (gint t = 0; j->canvases != NULL && t < j->canvas_count; t++)
        sk__canvas_free(j->canvases[t]);
    g_free(j->canvases);
}

static sk_status
render_files(sk_ctx *ctx, const sk_atlas *a, const sk_atlas_options *o, const sk_style *style,
             sk_map **maps, sk_panels **sets, sk__plan **plans)
{
    int jobs = o->jobs > 0 ? o->jobs : MIN((int)g_get_num_processors(), SK_JOBS_MAX);
    sk_atlas_options effective = *o;
    effective.jobs = jobs;
    sk__atlas_job j = {.ctx = ctx, .atlas = a, .options = &effective, .style = style, .maps = maps,
                       .sets = sets, .plans = plans, .total = a->pages->len * 2,
                       .error = sk_ctx_new(),
                       .raster_layers = sk__layers_new(), .vector_layers = sk__layers_new(),
                       .order = png_order(a, sets, maps)};
    g_mutex_init(&j.lock);
    sk_status st = make_pixels(ctx, &j, jobs);
    if (st == SK_OK)
        st = draw_pages(ctx, &j, jobs);
    free_pixels(&j);
    sk_ctx_free(j.error);
    sk__layers_free(j.raster_layers);
    sk__layers_free(j.vector_layers);
    g_free(j.order);
    g_mutex_clear(&j.lock);
    return st;
}

/* ---- loading the data -------------------------------------------------------------- */

/* What an atlas run loads once; freed by sources_free. */
typedef struct loaded {
    sk_style *style;
    sk_geography *geo;
    sk_projects *projects;
    sk_geography **alts;      /* per [geography NAME] */
    sk_core_areas *core;
    sk_points **points;       /* per a->point_files */
} loaded;

static sk_status
load_alt(sk_ctx *ctx, const alt_geography *ag, const char *cache_dir, sk_geography **out)
{
    sk_geography_options go;
    sk_geography_options_init(&go);
    go.municipalities = ag->municipalities;
    go.regions = ag->regions;
    go.membership = ag->membership;
    go.municipality_layer = ag->municipality_layer;
    go.region_layer = ag->region_layer;
    go.membership_layer = ag->membership_layer;
    if (ag->region_code)
        go.region_code_field = ag->region_code;
    if (ag->region_name)
        go.region_name_field = ag->region_name;
    if (ag->membership_code)
        go.membership_region_code_field = ag->membership_code;
    if (ag->membership_name)
        go.membership_region_name_field = ag->membership_name;
    go.cache_dir = cache_dir;
    return sk_geography_load(ctx, &go, out);
}

static sk_status
load_sources(sk_ctx *ctx, const sk_atlas *a, const char *cache_dir, loaded *l)
{
    l->alts = g_new0(sk_geography *, a->geographies->len + 1);
    sk_status st = sk_style_load(ctx, a->style, &l->style);
    if (st == SK_OK) {
        sk_geography_options go;
        sk_geography_options_init(&go);
        go.municipalities = a->municipalities;
        go.regions = a->regions;
        go.membership = a->membership;
        go.municipality_layer = a->municipality_layer;
        go.region_layer = a->region_layer;
        go.membership_layer = a->membership_layer;
        go.cache_dir = cache_dir;
        st = sk_geography_load(ctx, &go, &l->geo);
    }
    /* An atlas of point maps only reads no project database. */
    if (st == SK_OK && sk__atlas_needs_projects(a)) {
        sk_projects_options po;
        sk_projects_options_init(&po);
        po.path = a->projects;
        po.layer = a->sheet;
        po.cache_dir = cache_dir;
        st = sk_projects_load(ctx, l->geo, &po, &l->projects);
    }
    for (guint k = 0; k < a->geographies->len && st == SK_OK; k++)
        st = load_alt(ctx, &g_array_index(a->geographies, alt_geography, k), cache_dir,
                      &l->alts[k]);
    if (st == SK_OK)
        st = sk__atlas_load_core(ctx, a, l->geo, l->alts, &l->core);
    /* Each point layer once, however many pages show it. */
    if (st == SK_OK && a->point_files->len > 0)
        st = sk__atlas_load_points(ctx, a, l->geo, l->style, &l->points);
    return st;
}

static void
loaded_free(const sk_atlas *a, loaded *l)
{
    sk_projects_free(l->projects);
    for (guint k = 0; k < a->geographies->len; k++)
        sk_geography_free(l->alts[k]);
    g_free(l->alts);
    sk_core_areas_free(l->core);
    sk__atlas_points_free(a, l->points);
    sk_geography_free(l->geo);
    sk_style_free(l->style);
}

static sk_status render_atlas(sk_ctx *ctx, const sk_atlas *a, const sk_atlas_options *o);

/* An atlas is one run: all its files or none (in the caller's run when one is open). */
sk_status
sk_atlas_render(sk_ctx *ctx, const sk_atlas *a, const sk_atlas_options *o)
{
    if (o->output_dir == NULL || o->output_dir[0] == '\0')
        return sk__error(ctx, SK_EUSAGE, "no output folder given; nothing was written");
    /* Checked before anything is read, as the command line checks them. */
    if (o->jobs > SK_JOBS_MAX)
        return sk__error(ctx, SK_EUSAGE, "jobs: expected %d to %d threads, not %d",
                         SK_JOBS_MIN, SK_JOBS_MAX, o->jobs);
    if (!(o->dpi >= SK_DPI_MIN && o->dpi <= SK_DPI_MAX))
        return sk__error(ctx, SK_EUSAGE, "dpi: expected %d to %d dots per inch, not %g",
                         SK_DPI_MIN, SK_DPI_MAX, o->dpi);
    sk_outputs *own = sk__ctx_outputs(ctx) == NULL ? sk_outputs_new(ctx) : NULL;
    sk_status st = render_atlas(ctx, a, o);
    if (own != NULL) {
        if (st == SK_OK)
            st = sk_outputs_commit(own);
        sk_outputs_free(own);
    }
    return st;
}

static sk_status
render_atlas(sk_ctx *ctx, const sk_atlas *a, const sk_atlas_options *o)
{
    sk_map **maps = g_new0(sk_map *, a->pages->len);
    sk_panels **sets = g_new0(sk_panels *, a->pages->len);
    sk__plan **plans = g_new0(sk__plan *, a->pages->len);
    loaded l = {0};
    sk_status st = sk__atlas_check_folder(ctx, a, o->output_dir);
    if (st == SK_OK)
        st = load_sources(ctx, a, o->cache_dir, &l);
    if (st == SK_OK) {
        sk__atlas_sources src = {l.geo, l.alts, l.projects, l.style, l.core, l.points};
        st = build_maps(ctx, a, &src, maps, sets, plans);
    }
    /* Only now that every page is known to be drawable. */
    unsigned mark = sk__atlas_files_mark(ctx);
    if (st == SK_OK)
        st = sk__atlas_make_folders(ctx, o->output_dir);
    if (st == SK_OK)
        st = render_files(ctx, a, o, l.style, maps, sets, plans);
    if (st == SK_OK)
        st = sk__atlas_write_index(ctx, a, o->output_dir);
    if (st == SK_OK)
        st = sk__atlas_write_manifest(ctx, a, o->output_dir, mark);
    for (guint i = 0; i < a->pages->len; i++) {
        sk__plan_free(plans[i]);
        sk_map_free(maps[i]);
        sk_panels_free(sets[i]);
    }
    g_free(maps);
    g_free(sets);
    g_free(plans);
    loaded_free(a, &l);
    return st;
}
