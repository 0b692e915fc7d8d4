/* libFuzzer target: atlas files (GKeyFile: sections, maps, families, geographies).  Any input
** loads (and lists its pages) or fails with a message naming file, line and key. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/sk-fuzz-atlas-%ld.ini", (long)getpid());
    if (!g_file_set_contents(path, (const char *)data, (gssize)size, NULL))
        return 0;
    sk_ctx *ctx = sk_ctx_new();
    sk_atlas *a = NULL;
    if (sk_atlas_load(ctx, path, "/nonexistent", &a) == SK_OK) {
        for (size_t i = 0; i < sk_atlas_page_count(a); i++)
            (void)sk_atlas_page_title(a, i);
        sk_atlas_free(a);
    } else if (sk_ctx_errmsg(ctx)[0] == '\0') {
        abort();
    }
    sk_ctx_free(ctx);
    return 0;
}
