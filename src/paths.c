/* Finding the library's companion files from where the library is (paths.h). */
#define _GNU_SOURCE   /* dladdr */
#include <dlfcn.h>
#include <string.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"
#include "paths.h"
#include "sk-config.h"

/* Any object of this library will do to ask the loader where the library is. */
static const char here = 0;

char *
sk__library_dir(void)
{
    Dl_info info;
    if (dladdr(&here, &info) == 0 || info.dli_fname == NULL)
        return NULL;
    return g_path_get_dirname(info.dli_fname);
}

/* <prefix>/rel (e.g. <datadir>/samenkaart/styles) when the library lies in <prefix>/<libdir>
** and that directory exists; NULL otherwise (a build tree, or a relocated libdir). */
static char *
installed_dir(int relocatable, const char *rel)
{
    if (!relocatable || g_path_is_absolute(SK_INSTALL_LIBDIR) || g_path_is_absolute(rel))
        return NULL;
    char *found = sk__library_dir();
    if (found == NULL)
        return NULL;
    char *dir = g_canonicalize_filename(found, NULL);
    g_free(found);
    char *styles = NULL;
    size_t len = strlen(dir), tail = strlen(SK_INSTALL_LIBDIR);
    if (len > tail && dir[len - tail - 1] == '/' &&
        strcmp(dir + len - tail, SK_INSTALL_LIBDIR) == 0) {
        dir[len - tail - 1] = '\0';
        styles = g_build_filename(dir[0] != '\0' ? dir : "/", rel, NULL);
        if (!g_file_test(styles, G_FILE_TEST_IS_DIR))
            g_clear_pointer(&styles, g_free);
    }
    g_free(dir);
    return styles;
}

/* A companion directory: installed, else fixed at build time.  Looked up once per kind (the
** answer cannot change while the library is loaded). */
typedef struct companion {
    int relocatable;
    const char *installed, *fallback;
} companion;

static gpointer
find_companion(gpointer data)
{
    const companion *c = data;
    char *installed = installed_dir(c->relocatable, c->installed);
    return installed != NULL ? installed : (gpointer)c->fallback;
}

const char *
sk__default_styles_dir(void)
{
    static GOnce once = G_ONCE_INIT;
    static const companion styles = {SK_STYLES_RELOCATABLE, SK_INSTALL_STYLES_DIR,
                                     SK_DEFAULT_STYLES_DIR};
    return g_once(&once, find_companion, (gpointer)&styles);
}

const char *
sk__default_data_dir(void)
{
    static GOnce once = G_ONCE_INIT;
    static const companion data = {SK_DATA_RELOCATABLE, SK_INSTALL_DATA_DIR,
                                   SK_DEFAULT_DATA_DIR};
    return g_once(&once, find_companion, (gpointer)&data);
}

const char *
sk_default_data_dir(void)
{
    const char *env = g_getenv("SAMENKAART_DATA");
    return env != NULL && env[0] != '\0' ? env : sk__default_data_dir();
}
