/* Helpers shared by the tests: paths from the environment meson sets, running the CLI, and
** reading rendered PNGs through their world files. */
#ifndef SK_TEST_SUPPORT_H
#define SK_TEST_SUPPORT_H

#include <stdint.h>
#include <glib.h>
#include "samenkaart/samenkaart.h"

/* $SK_TEST_DATA/name (the nl2017 data); g_free the result. */
char *data_path(const char *name);

/* A fresh temporary directory, removed with everything in it by tmp_dir_remove. */
char *tmp_dir_new(void);
void tmp_dir_remove(char *dir);
/* The names in dir that start with prefix and end with suffix ("" for any), sorted and joined
** by spaces ("" for none or no such directory).  g_free it. */
char *dir_names(const char *dir, const char *prefix, const char *suffix);

/* Run the samenkaart CLI with NULL-terminated args; returns the exit status, stderr in
** *err (g_free it; may be NULL). */
int run_cli(char **err, ...) G_GNUC_NULL_TERMINATED;

/* Run the CLI with NULL-terminated args and fail the test unless it exits with status 2 and
** says expected on stderr. */
void assert_cli_error(const char *expected, ...) G_GNUC_NULL_TERMINATED;

/* Write content to a file called name in a fresh directory, run the CLI with args
** (NULL-terminated; "{file}" stands for that file, "{out}" for an output path beside it,
** "{out.png}" for the same with the extension .png) and
** fail the test unless it exits with status 2, says every line of expected (each prefixed
** with "FILE:") on stderr and writes nothing to the output path. */
void assert_file_errors(const char *name, const char *content, const char *const *expected,
                        const char *const *args);

/* The colour (0xRRGGBB) of the PNG's pixel at map coordinates (x, y), located through the
** world file beside it (NAME.pgw).  Fails the test when the point is outside the image. */
uint32_t pixel_at(const char *png, double x, double y);

/* The classes CSV as a table: gm_code -> "class|color|projects"; free with
** g_hash_table_destroy. */
GHashTable *read_classes(const char *csv);

/* Every row of a CSV file (read through OGR, as any tool would), each a table column name ->
** value; free with g_ptr_array_unref. */
GPtrArray *read_csv_rows(const char *csv);

/* For a test with the library's objects linked in: the reader back-end is not beside that
** program but beside the command ($SK_CLI); $SAMENKAART_BACKEND, when set, stays. */
void use_backend_beside_cli(void);

/* The real geography of nl2017 (loaded once per test program). */
sk_geography *load_geography(void);

/* The project database name of nl2017 (e.g. "projecten_2017.csv") loaded against geo;
** free with sk_projects_free. */
sk_projects *load_projects(sk_geography *geo, const char *name);

int file_exists(const char *path);

/* Fail the test unless the two files hold the same bytes. */
void assert_same_file(const char *a, const char *b);

#endif
