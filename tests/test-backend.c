/* The reader back-end from several threads at once: the first use loads the module and
** registers GDAL's drivers once, while other threads (atlas workers, say) already read. */
#include <glib.h>
#include "samenkaart/samenkaart.h"
#include "support.h"

enum { THREADS = 4 };

typedef struct loader {
    GMutex *lock;
    GCond *go;
    const int *started;
    size_t municipalities, regions;
} loader;

/* Wait for the start signal, then load the geography (without a cache, so that every thread
** goes through the back-end; a failure ends the test with its message). */
static gpointer
load(gpointer data)
{
    loader *l = data;
    g_mutex_lock(l->lock);
    while (!*l->started)
        g_cond_wait(l->go, l->lock);
    g_mutex_unlock(l->lock);
    sk_geography *geo = load_geography();
    l->municipalities = sk_geography_municipality_count(geo);
    l->regions = sk_geography_region_count(geo);
    sk_geography_free(geo);
    return NULL;
}

static void
test_first_use_from_many_threads(void)
{
    GMutex lock;
    GCond go;
    g_mutex_init(&lock);
    g_cond_init(&go);
    int started = 0;
    loader loaders[THREADS];
    GThread *threads[THREADS];
    for (int i = 0; i < THREADS; i++) {
        loaders[i] = (loader){&lock, &go, &started, 0, 0};
        threads[i] = g_thread_new("test-loader", load, &loaders[i]);
    }
    g_mutex_lock(&lock);
    started = 1;
    g_cond_broadcast(&go);
    g_mutex_unlock(&lock);
    for (int i = 0; i < THREADS; i++)
        g_thread_join(threads[i]);
    for (int i = 0; i < THREADS; i++) {
        g_assert_cmpuint(loaders[i].municipalities, ==, loaders[0].municipalities);
        g_assert_cmpuint(loaders[i].regions, ==, loaders[0].regions);
    }
    g_assert_cmpuint(loaders[0].municipalities, >, 300);
    g_mutex_clear(&lock);
    g_cond_clear(&go);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/backend/first-use-from-many-threads", test_first_use_from_many_threads);
    return g_test_run();
}
