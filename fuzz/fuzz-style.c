/* libFuzzer target: style files (GKeyFile, layered over the default style).  Any input loads
** or fails with a message naming the file. */
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
    snprintf(path, sizeof path, "/tmp/sk-fuzz-style-%ld.ini", (long)getpid());
    if (!g_file_set_contents(path, (const char *)data, (gssize)size, NULL))
        return 0;
    sk_ctx *ctx = sk_ctx_new();
    sk_style *s = NULL;
    if (sk_style_load(ctx, path, &s) == SK_OK)
        sk_style_free(s);
    else if (sk_ctx_errmsg(ctx)[0] == '\0')
        abort();
    sk_ctx_free(ctx);
    return 0;
}
