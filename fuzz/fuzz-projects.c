/* libFuzzer target: the project database reader (CSV through OGR, then validation against the
** real 2017 geography).  Any input must give SK_OK or an error message, never a crash, a
** sanitizer report or a leak. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"

static sk_geography *geo;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = g_getenv("SK_TEST_DATA");
    if (dir == NULL) {
        fprintf(stderr, "fuzz-projects: set SK_TEST_DATA to data/nl2017\n");
        exit(1);
    }
    sk_ctx *ctx = sk_ctx_new();
    sk_geography_options o;
    sk_geography_options_init(&o);
    char *m = g_build_filename(dir, "gemeenten_2017.shp", NULL);
    char *r = g_build_filename(dir, "wmo_regios_2017.shp", NULL);
    char *t = g_build_filename(dir, "gemeenten_regios_2017.csv", NULL);
    o.municipalities = m;
    o.regions = r;
    o.membership = t;
    o.cache_dir = g_getenv("SAMENKAART_CACHE");
    if (sk_geography_load(ctx, &o, &geo) != SK_OK) {
        fprintf(stderr, "%s\n", sk_ctx_errmsg(ctx));
        exit(1);
    }
    g_free(m);
    g_free(r);
    g_free(t);
    sk_ctx_free(ctx);
    snprintf(path, sizeof path, "/tmp/sk-fuzz-projects-%ld.csv", (long)getpid());
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!g_file_set_contents(path, (const char *)data, (gssize)size, NULL))
        return 0;
    sk_ctx *ctx = sk_ctx_new();
    sk_projects_options po;
    sk_projects_options_init(&po);
    po.path = path;
    sk_projects *p = NULL;
    if (sk_projects_load(ctx, geo, &po, &p) == SK_OK) {
        /* A database that loads must classify too. */
        sk_classification *c = NULL;
        if (sk_classify(ctx, p, NULL, SK_FORM, &c) == SK_OK)
            sk_classification_free(c);
        sk_projects_free(p);
    } else if (sk_ctx_errmsg(ctx)[0] == '\0') {
        abort();   /* a failure must say why */
    }
    sk_ctx_free(ctx);
    return 0;
}
