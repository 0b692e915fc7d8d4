#define _GNU_SOURCE   /* memmem */
/* The cache of prepared data: an entry is used only while every file it was made from is as
** it was (a VRT's sources, shapefile sidecars, the membership table), and the cache
** directory stays under its size cap, the least recently used entries removed first. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include "samenkaart/geography.h"
#include "support.h"

/* The settling time the cache waits for after a file changed (see cachefiles.c), with room. */
#define SETTLE_US (150 * 1000)

static char *
write_file(const char *dir, const char *name, const char *content)
{
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, content, -1, NULL));
    return path;
}

/* The nl2017 project database with text replaced (the first occurrence of from), in path. */
static void
write_projects(const char *path, const char *from, const char *to)
{
    char *src = data_path("projecten_2017.csv"), *text = NULL;
    g_assert_true(g_file_get_contents(src, &text, NULL, NULL));
    GString *s = g_string_new(text);
    if (from != NULL) {
        char *at = strstr(s->str, from);
        g_assert_nonnull(at);
        gssize pos = at - s->str;
        g_string_erase(s, pos, (gssize)strlen(from));
        g_string_insert(s, pos, to);
    }
    g_assert_true(g_file_set_contents(path, s->str, (gssize)s->len, NULL));
    g_string_free(s, TRUE);
    g_free(text);
    g_free(src);
}

/* Project P0001 names Groningen; edited, it names Oldambt instead. */
#define P0001 "Menzis,Groningen,,jeugd"
#define P0001_EDITED "Menzis,Oldambt,,jeugd"

static guint64
cache_bytes(const char *cache)
{
    guint64 total = 0;
    GDir *d = g_dir_open(cache, 0, NULL);
    const char *n;
    while (d != NULL && (n = g_dir_read_name(d)) != NULL) {
        char *p = g_build_filename(cache, n, NULL);
        struct stat st;
        if (g_stat(p, &st) == 0)
            total += (guint64)st.st_size;
        g_free(p);
    }
    if (d != NULL)
        g_dir_close(d);
    return total;
}

/* Render the total map of projects (a database path) with the cache in cache; the classes
** CSV's projects column of code ("GM0014"). */
static int
projects_of(const char *dir, const char *cache, const char *projects, const char *code,
            const char *extra)
{
    char *csv = g_build_filename(dir, "classes.csv", NULL);
    char *png = g_build_filename(dir, "map.png", NULL);
    char *err = NULL;
    int rc = run_cli(&err, "render", "--cache-dir", cache, "--projects", projects,
                     "--classes-csv", csv, "--output", png, extra, NULL);
    if (rc != 0)
        g_error("render failed (%d): %s", rc, err);
    GHashTable *classes = read_classes(csv);
    const char *row = g_hash_table_lookup(classes, code);
    g_assert_nonnull(row);
    int n = atoi(strrchr(row, '|') + 1);
    g_hash_table_destroy(classes);
    g_free(err);
    g_free(png);
    g_free(csv);
    return n;
}

/* A VRT project database: an edit of the CSV it names is read (it used to be read from the
** cache keyed on the .vrt only), while an unchanged one is served from the cache. */
static void
test_vrt_source_edited(void)
{
    char *dir = tmp_dir_new(), *cache = g_build_filename(dir, "cache", NULL);
    char *csv = g_build_filename(dir, "projects.csv", NULL);
    write_projects(csv, NULL, NULL);
    char *vrt = write_file(dir, "db.vrt",
                           "<OGRVRTDataSource>\n  <OGRVRTLayer name=\"projects\">\n"
                           "    <SrcDataSource relativeToVRT=\"1\">projects.csv</SrcDataSource>\n"
                           "  </OGRVRTLayer>\n</OGRVRTDataSource>\n");
    g_usleep(SETTLE_US);
    int groningen = projects_of(dir, cache, vrt, "GM0014", NULL);
    int oldambt = projects_of(dir, cache, vrt, "GM1895", NULL);
    /* Cached: one entry, made by the first run and used by the second. */
    char *first = dir_names(cache, "table-", ".skc");
    g_assert_cmpstr(first, !=, "");
    g_assert_null(strchr(first, ' '));

    write_projects(csv, P0001, P0001_EDITED);
    g_usleep(SETTLE_US);
    g_assert_cmpint(projects_of(dir, cache, vrt, "GM0014", NULL), ==, groningen - 1);
    g_assert_cmpint(projects_of(dir, cache, vrt, "GM1895", NULL), ==, oldambt + 1);
    /* The stale entry was replaced, not kept beside the new one. */
    char *second = dir_names(cache, "table-", ".skc");
    g_assert_cmpstr(second, ==, first);

    /* Served from the cache, the CSV is still an input of the run: no output replaces it. */
    char *png = g_build_filename(dir, "map.png", NULL), *err = NULL;
    g_assert_cmpint(run_cli(&err, "render", "--cache-dir", cache, "--projects", vrt,
                            "--classes-csv", csv, "--output", png, NULL), ==, 2);
    g_assert_nonnull(strstr(err, "projects.csv"));
    g_free(err);
    g_free(png);
    g_free(first);
    g_free(second);
    g_free(vrt);
    g_free(csv);
    g_free(cache);
    tmp_dir_remove(dir);
}

/* A map written beside its database (projects.png beside projects.csv) is no file the
** database is read from: the next run is still served from the cache. */
static void
test_map_beside_data(void)
{
    char *dir = tmp_dir_new(), *cache = g_build_filename(dir, "cache", NULL);
    char *csv = g_build_filename(dir, "projects.csv", NULL);
    char *png = g_build_filename(dir, "projects.png", NULL);
    write_projects(csv, NULL, NULL);
    g_usleep(SETTLE_US);
    for (int run = 0; run < 2; run++) {
        char *err = NULL;
        if (run_cli(&err, "render", "--cache-dir", cache, "--projects", csv, "--output", png,
                    NULL) != 0)
            g_error("render failed: %s", err);
        g_free(err);
    }
    char *listed = dir_names(cache, "table-", ".skc");
    g_assert_cmpstr(listed, !=, "");
    g_assert_null(strchr(listed, ' '));
    g_free(listed);
    g_free(png);
    g_free(csv);
    g_free(cache);
    tmp_dir_remove(dir);
}

/* A union layer names its sources where GDAL's file list (3.6) does not look; a source named
** relative to the working directory is another file in another one. */
static void
test_vrt_union_and_relative(void)
{
    char *dir = tmp_dir_new(), *cache = g_build_filename(dir, "cache", NULL);
    char *a = g_build_filename(dir, "a", NULL), *b = g_build_filename(dir, "b", NULL);
    g_assert_cmpint(g_mkdir(a, 0755), ==, 0);
    g_assert_cmpint(g_mkdir(b, 0755), ==, 0);
    char *csv_a = g_build_filename(a, "projects.csv", NULL);
    char *csv_b = g_build_filename(b, "projects.csv", NULL);
    write_projects(csv_a, NULL, NULL);
    write_projects(csv_b, P0001, P0001_EDITED);
    /* Relative to the working directory (no relativeToVRT), in a union layer. */
    char *vrt = write_file(dir, "db.vrt",
                           "<OGRVRTDataSource>\n  <OGRVRTUnionLayer name=\"all\">\n"
                           "    <OGRVRTLayer name=\"projects\">\n"
                           "      <SrcDataSource>projects.csv</SrcDataSource>\n"
                           "    </OGRVRTLayer>\n"
                           "  </OGRVRTUnionLayer>\n</OGRVRTDataSource>\n");
    g_usleep(SETTLE_US);
    char *cwd = g_get_current_dir();
    g_assert_cmpint(g_chdir(a), ==, 0);
    int groningen = projects_of(dir, cache, vrt, "GM0014", NULL);
    g_assert_cmpint(projects_of(dir, cache, vrt, "GM0014", NULL), ==, groningen);
    char *first = dir_names(cache, "table-", ".skc");
    g_assert_cmpstr(first, !=, "");
    g_assert_cmpint(g_chdir(b), ==, 0);
    g_assert_cmpint(projects_of(dir, cache, vrt, "GM0014", NULL), ==, groningen - 1);

    /* The union's source edited (same working directory as the entry). */
    g_assert_cmpint(g_chdir(a), ==, 0);
    write_projects(csv_a, P0001, P0001_EDITED);
    g_usleep(SETTLE_US);
    g_assert_cmpint(projects_of(dir, cache, vrt, "GM0014", NULL), ==, groningen - 1);
    g_assert_cmpint(g_chdir(cwd), ==, 0);
    g_free(cwd);
    g_free(first);
    g_free(vrt);
    g_free(csv_a);
    g_free(csv_b);
    g_free(a);
    g_free(b);
    g_free(cache);
    tmp_dir_remove(dir);
}

/* A file an entry was made from that is gone: the entry is not used, the run says so. */
static void
test_vrt_source_vanished(void)
{
    char *dir = tmp_dir_new(), *cache = g_build_filename(dir, "cache", NULL);
    char *csv = g_build_filename(dir, "projects.csv", NULL);
    write_projects(csv, NULL, NULL);
    char *vrt = write_file(dir, "db.vrt",
                           "<OGRVRTDataSource>\n  <OGRVRTLayer name=\"projects\">\n"
                           "    <SrcDataSource relativeToVRT=\"1\">projects.csv</SrcDataSource>\n"
                           "  </OGRVRTLayer>\n</OGRVRTDataSource>\n");
    g_usleep(SETTLE_US);
    projects_of(dir, cache, vrt, "GM0014", NULL);
    char *first = dir_names(cache, "table-", ".skc");
    g_assert_cmpstr(first, !=, "");
    g_assert_cmpint(g_unlink(csv), ==, 0);
    char *png = g_build_filename(dir, "vanished.png", NULL), *err = NULL;
    g_assert_cmpint(run_cli(&err, "render", "--cache-dir", cache, "--projects", vrt,
                            "--output", png, NULL), ==, 2);
    /* Read again: GDAL's words for a VRT whose source is missing. */
    g_assert_true(strstr(err, "db.vrt") != NULL || strstr(err, "projects.csv") != NULL);
    g_assert_false(file_exists(png));
    g_free(err);
    g_free(png);
    g_free(first);
    g_free(vrt);
    g_free(csv);
    g_free(cache);
    tmp_dir_remove(dir);
}

/* ---- edits that keep a file's size and modification time ---------------------------- */

/* Three municipalities in a row near Utrecht (RD New), their regions in a table. */
static void
write_geography(const char *shp, const char *membership)
{
    GDALAllRegister();
    GDALDriverH drv = GDALGetDriverByName("ESRI Shapefile");
    GDALDatasetH ds = GDALCreate(drv, shp, 0, 0, 0, GDT_Unknown, NULL);
    g_assert_nonnull(ds);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(srs, 28992);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "gm", srs, wkbPolygon, NULL);
    OSRDestroySpatialReference(srs);
    const char *fields[] = {"gm_code", "gm_naam"};
    for (int i = 0; i < 2; i++) {
        OGRFieldDefnH f = OGR_Fld_Create(fields[i], OFTString);
        OGR_L_CreateField(layer, f, 1);
        OGR_Fld_Destroy(f);
    }
    const char *codes[] = {"GM9001", "GM9002", "GM9003"};
    const char *names[] = {"Noordveen", "Middelveen", "Zuidveen"};
    for (int i = 0; i < 3; i++) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, codes[i]);
        OGR_F_SetFieldString(f, 1, names[i]);
        char *wkt = g_strdup_printf("POLYGON ((%d 450000,%d 460000,%d 460000,%d 450000,"
                                    "%d 450000))", 130000 + 10000 * i, 130000 + 10000 * i,
                                    140000 + 10000 * i, 140000 + 10000 * i,
                                    130000 + 10000 * i);
        char *p = wkt;
        OGRGeometryH g = NULL;
        g_assert_cmpint(OGR_G_CreateFromWkt(&p, NULL, &g), ==, OGRERR_NONE);
        OGR_F_SetGeometryDirectly(f, g);
        g_assert_cmpint(OGR_L_CreateFeature(layer, f), ==, OGRERR_NONE);
        OGR_F_Destroy(f);
        g_free(wkt);
    }
    GDALClose(ds);
    g_assert_true(g_file_set_contents(membership,
                                      "gm_code,wmo_code,wmo_naam\n"
                                      "GM9001,WR01,Noord\n"
                                      "GM9002,WR01,Noord\n"
                                      "GM9003,WR02,Zuid\n", -1, NULL));
}

/* Replace from by to (the same length) in the file, in place, and set its modification time
** back, as cp -p, rsync -t and tar do: only the change time tells. */
static void
rewrite_keeping_time(const char *path, const char *from, const char *to)
{
    g_assert_cmpuint(strlen(from), ==, strlen(to));
    struct stat st;
    g_assert_cmpint(g_stat(path, &st), ==, 0);
    char *text = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &text, &len, NULL));
    char *at = memmem(text, len, from, strlen(from));
    g_assert_nonnull(at);
    FILE *f = fopen(path, "r+b");
    g_assert_nonnull(f);
    g_assert_cmpint(fseek(f, at - text, SEEK_SET), ==, 0);
    g_assert_cmpuint(fwrite(to, 1, strlen(to), f), ==, strlen(to));
    g_assert_cmpint(fclose(f), ==, 0);
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    g_assert_cmpint(utimensat(AT_FDCWD, path, times, 0), ==, 0);
    g_free(text);
}

static sk_geography *
load(const char *shp, const char *membership, const char *cache)
{
    sk_ctx *ctx = sk_ctx_new();
    sk_geography_options o;
    sk_geography_options_init(&o);
    o.municipalities = shp;
    o.membership = membership;
    o.cache_dir = cache;
    sk_geography *geo = NULL;
    if (sk_geography_load(ctx, &o, &geo) != SK_OK)
        g_error("%s", sk_ctx_errmsg(ctx));
    sk_ctx_free(ctx);
    return geo;
}

static gint64
change_second(const char *path)
{
    struct stat st;
    g_assert_cmpint(g_stat(path, &st), ==, 0);
    return (gint64)st.st_ctim.tv_sec;
}

/* Load the fixture geography, edit the file named edit (from -> to, size and modification
** time kept) and load again: the second load must see the edit.  Done within one second,
** which is all a key of change times in whole seconds could tell apart; retried when the
** machine was too slow for that. */
static void
check_edit_seen(const char *edit, const char *from, const char *to,
                void (*check)(sk_geography *before, sk_geography *after))
{
    for (int attempt = 0;; attempt++) {
        char *dir = tmp_dir_new(), *cache = g_build_filename(dir, "cache", NULL);
        char *shp = g_build_filename(dir, "gm.shp", NULL);
        char *membership = g_build_filename(dir, "membership.csv", NULL);
        /* Start just after a second begins. */
        g_usleep((gulong)(G_USEC_PER_SEC - g_get_real_time() % G_USEC_PER_SEC));
        write_geography(shp, membership);
        char *path = g_build_filename(dir, edit, NULL);
        gint64 written = change_second(path);
        g_usleep(SETTLE_US);
        sk_geography *before = load(shp, membership, cache);
        char *made = dir_names(cache, "geography-", ".skc");
        rewrite_keeping_time(path, from, to);
        int one_second = change_second(path) == written;
        sk_geography *after = one_second ? load(shp, membership, cache) : NULL;
        if (one_second) {
            g_assert_cmpstr(made, !=, "");
            check(before, after);
        }
        sk_geography_free(before);
        sk_geography_free(after);
        g_free(made);
        g_free(path);
        g_free(membership);
        g_free(shp);
        g_free(cache);
        tmp_dir_remove(dir);
        if (one_second)
            break;
        if (attempt == 4) {
            g_test_skip("too slow to edit a file within a second of writing it");
            break;
        }
    }
}

static void
check_names(sk_geography *before, sk_geography *after)
{
    g_assert_cmpstr(sk_geography_municipality_name(before, 2), ==, "Zuidveen");
    g_assert_cmpstr(sk_geography_municipality_name(after, 2), ==, "Zuidvaan");
}

/* A shapefile's .dbf (a sidecar of the .shp named) rewritten with new names. */
static void
test_sidecar_edited(void)
{
    check_edit_seen("gm.dbf", "Zuidveen", "Zuidvaan", check_names);
}

static void
check_regions(sk_geography *before, sk_geography *after)
{
    int r = sk_geography_municipality_region(before, 2);
    g_assert_cmpstr(sk_geography_region_code(before, (size_t)r), ==, "WR02");
    r = sk_geography_municipality_region(after, 2);
    g_assert_cmpstr(sk_geography_region_code(after, (size_t)r), ==, "WR01");
    g_assert_cmpuint(sk_geography_region_count(after), ==, 1);
}

/* The membership table rewritten: Zuidveen joins region WR01. */
static void
test_membership_edited(void)
{
    check_edit_seen("membership.csv", "GM9003,WR02,Zuid", "GM9003,WR01,Zuid", check_regions);
}

/* ---- where points lie ---------------------------------------------------------------- */

/* Initiatives per municipality of the points in csv (--count locatie: the municipality each
** point lies in), with the cache in cache and the back-end backend ("": the usual one); the
** classes CSV into out.  Returns the exit status. */
static int
count_located(const char *dir, const char *cache, const char *csv, const char *backend,
              const char *out)
{
    char *usual = g_strdup(g_getenv("SAMENKAART_BACKEND"));
    if (*backend != '\0')
        g_setenv("SAMENKAART_BACKEND", backend, TRUE);
    char *png = g_build_filename(dir, "map.png", NULL);
    int rc = run_cli(NULL, "render", "--cache-dir", cache, "--points", csv, "--count",
                     "locatie", "--classes-csv", out, "--output", png, NULL);
    g_setenv("SAMENKAART_BACKEND", usual, TRUE);
    g_free(png);
    g_free(usual);
    return rc;
}

/* The initiatives column of the row of code in a count map's classes CSV. */
static long
initiatives_of(const char *csv, const char *code)
{
    GPtrArray *rows = read_csv_rows(csv);
    long n = -1;
    for (guint r = 0; r < rows->len; r++) {
        GHashTable *row = g_ptr_array_index(rows, r);
        if (strcmp(g_hash_table_lookup(row, "gm_code"), code) == 0)
            n = atol(g_hash_table_lookup(row, "initiatives"));
    }
    g_ptr_array_unref(rows);
    g_assert_cmpint(n, >=, 0);
    return n;
}

/* A point layer read before is placed from the cache (positions and municipalities) without
** GDAL, PROJ or GEOS: the run works with no back-end at all and draws the same; a moved
** point is placed anew. */
static void
test_points_located(void)
{
    char *dir = tmp_dir_new(), *cache = g_build_filename(dir, "cache", NULL);
    char *shipped = g_build_filename(g_getenv("SK_TEST_DATA"), "..", "rivm2020",
                                     "initiatieven_2020.csv", NULL);
    char *text = NULL, *csv = g_build_filename(dir, "initiatieven.csv", NULL);
    g_assert_true(g_file_get_contents(shipped, &text, NULL, NULL));
    g_assert_true(g_file_set_contents(csv, text, -1, NULL));
    char *first = g_build_filename(dir, "first.csv", NULL);
    char *again = g_build_filename(dir, "again.csv", NULL);
    char *moved = g_build_filename(dir, "moved.csv", NULL);
    char *nowhere = g_build_filename(dir, "no-such-backend.so", NULL);
    g_usleep(SETTLE_US);
    g_assert_cmpint(count_located(dir, cache, csv, "", first), ==, 0);
    char *entries = dir_names(cache, "located-", ".skc");
    g_assert_cmpstr(entries, !=, "");
    g_assert_null(strchr(entries, ' '));
    /* The entry lists the boundaries' files beside the layer's: where the points lie
    ** depends on both. */
    char *entry = g_build_filename(cache, entries, NULL), *body = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(entry, &body, &len, NULL));
    g_assert_nonnull(memmem(body, len, "gemeenten_2017.shp", 18));
    g_assert_nonnull(memmem(body, len, "initiatieven.csv", 16));
    g_free(body);
    g_free(entry);
    g_assert_cmpint(count_located(dir, cache, csv, nowhere, again), ==, 0);
    assert_same_file(first, again);
    /* An entry that is no regular file (a FIFO, a device) is ignored, never waited on. */
    char *entry_path = g_build_filename(cache, entries, NULL);
    for (int kind = 0; kind < 2; kind++) {
        g_assert_cmpint(g_unlink(entry_path), ==, 0);
        g_assert_cmpint(kind == 0 ? mkfifo(entry_path, 0600) : symlink("/dev/zero", entry_path),
                        ==, 0);
        g_assert_cmpint(count_located(dir, cache, csv, "", again), ==, 0);
        assert_same_file(first, again);
    }
    g_free(entry_path);

    /* NI001 (Echt-Susteren) moved to Utrecht: read and placed again, which needs GDAL. */
    long echt = initiatives_of(first, "GM1711"), utrecht = initiatives_of(first, "GM0344");
    GString *s = g_string_new(text);
    char *at = strstr(s->str, "192375,342401");
    g_assert_nonnull(at);
    memcpy(at, "136000,456000", 13);
    g_assert_true(g_file_set_contents(csv, s->str, (gssize)s->len, NULL));
    g_usleep(SETTLE_US);
    g_assert_cmpint(count_located(dir, cache, csv, nowhere, moved), ==, 1);
    g_assert_cmpint(count_located(dir, cache, csv, "", moved), ==, 0);
    g_assert_cmpint(initiatives_of(moved, "GM1711"), ==, echt - 1);
    g_assert_cmpint(initiatives_of(moved, "GM0344"), ==, utrecht + 1);
    g_string_free(s, TRUE);
    g_free(entries);
    g_free(nowhere);
    g_free(moved);
    g_free(again);
    g_free(first);
    g_free(csv);
    g_free(text);
    g_free(shipped);
    g_free(cache);
    tmp_dir_remove(dir);
}

/* ---- the size cap ------------------------------------------------------------------- */

/* A database of the nl2017 projects three times over (ids made unique with tag): its entry
** is about 300 kB. */
static char *
write_big_projects(const char *dir, const char *tag)
{
    char *src = data_path("projecten_2017.csv"), *text = NULL;
    g_assert_true(g_file_get_contents(src, &text, NULL, NULL));
    char **lines = g_strsplit(text, "\n", -1);
    GString *s = g_string_new(lines[0]);
    g_string_append_c(s, '\n');
    for (int copy = 0; copy < 3; copy++)
        for (size_t i = 1; lines[i] != NULL; i++)
            if (lines[i][0] != '\0')
                g_string_append_printf(s, "%s%d%s\n", tag, copy, lines[i]);
    char *name = g_strdup_printf("projects-%s.csv", tag);
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, s->str, (gssize)s->len, NULL));
    g_free(name);
    g_string_free(s, TRUE);
    g_strfreev(lines);
    g_free(text);
    g_free(src);
    return path;
}

/* Render with projects and --cache-max-mb 1; the name of the entry it added ("" if none). */
static char *
render_capped(const char *dir, const char *cache, const char *projects)
{
    char *before = dir_names(cache, "table-", ".skc");
    projects_of(dir, cache, projects, "GM0014", "--cache-max-mb=1");
    char *after = dir_names(cache, "table-", ".skc");
    char **names = g_strsplit(after, " ", -1);
    char *added = g_strdup("");
    for (size_t i = 0; names[i] != NULL; i++)
        if (names[i][0] != '\0' && strstr(before, names[i]) == NULL) {
            g_free(added);
            added = g_strdup(names[i]);
        }
    g_assert_cmpuint(cache_bytes(cache), <=, 1 << 20);
    g_strfreev(names);
    g_free(before);
    g_free(after);
    return added;
}

static void
test_size_cap(void)
{
    char *dir = tmp_dir_new(), *cache = g_build_filename(dir, "cache", NULL);
    const char *tags[] = {"A", "B", "C", "D", "E"};
    char *db[5], *entry[5];
    for (int i = 0; i < 5; i++)
        db[i] = write_big_projects(dir, tags[i]);
    g_usleep(SETTLE_US);
    /* Three entries fit (the geography, 5 MB, never does). */
    for (int i = 0; i < 3; i++) {
        entry[i] = render_capped(dir, cache, db[i]);
        g_assert_cmpstr(entry[i], !=, "");
    }
    char *three = dir_names(cache, "", ".skc");
    g_assert_nonnull(strstr(three, entry[0]));
    g_assert_nonnull(strstr(three, entry[1]));
    g_assert_nonnull(strstr(three, entry[2]));
    /* A used again: B is now the least recently used, and goes first. */
    char *again = render_capped(dir, cache, db[0]);
    g_assert_cmpstr(again, ==, "");
    entry[3] = render_capped(dir, cache, db[3]);
    char *now = dir_names(cache, "", ".skc");
    g_assert_nonnull(strstr(now, entry[0]));
    g_assert_null(strstr(now, entry[1]));
    g_assert_nonnull(strstr(now, entry[3]));
    /* Then C. */
    entry[4] = render_capped(dir, cache, db[4]);
    char *last = dir_names(cache, "", ".skc");
    g_assert_nonnull(strstr(last, entry[0]));
    g_assert_null(strstr(last, entry[2]));
    g_assert_nonnull(strstr(last, entry[3]));
    g_assert_nonnull(strstr(last, entry[4]));

    /* 0: nothing written. */
    char *none = g_build_filename(dir, "none", NULL);
    projects_of(dir, none, db[0], "GM0014", "--cache-max-mb=0");
    char *listed = dir_names(none, "", ".skc");
    g_assert_cmpstr(listed, ==, "");
    g_free(listed);
    g_free(none);
    for (int i = 0; i < 5; i++) {
        g_free(db[i]);
        g_free(entry[i]);
    }
    g_free(again);
    g_free(three);
    g_free(now);
    g_free(last);
    g_free(cache);
    tmp_dir_remove(dir);
}

static void
test_bad_cap(void)
{
    const char *bad[] = {"-1", "x", "1048577", "1.5", ""};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        char *arg = g_strdup_printf("--cache-max-mb=%s", bad[i]);
        char *expected = g_strdup_printf("--cache-max-mb: expected the cache's size cap in "
                                         "megabytes, 0 (write no entries) to 1048576, not '%s'",
                                         bad[i]);
        assert_cli_error(expected, "render", arg, "--output", "/nonexistent/x.png", NULL);
        g_free(expected);
        g_free(arg);
    }
    g_setenv("SAMENKAART_CACHE_MAX_MB", "lots", TRUE);
    assert_cli_error("$SAMENKAART_CACHE_MAX_MB: expected the cache's size cap in megabytes, "
                     "0 (write no entries) to 1048576, not 'lots'",
                     "render", "--output", "/nonexistent/x.png", NULL);
    g_unsetenv("SAMENKAART_CACHE_MAX_MB");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* Loads in this process use the command's reader back-end. */
    use_backend_beside_cli();
    g_test_add_func("/cache-entries/vrt-source-edited", test_vrt_source_edited);
    g_test_add_func("/cache-entries/vrt-union-and-relative", test_vrt_union_and_relative);
    g_test_add_func("/cache-entries/map-beside-data", test_map_beside_data);
    g_test_add_func("/cache-entries/vrt-source-vanished", test_vrt_source_vanished);
    g_test_add_func("/cache-entries/sidecar-edited", test_sidecar_edited);
    g_test_add_func("/cache-entries/membership-edited", test_membership_edited);
    g_test_add_func("/cache-entries/points-located", test_points_located);
    g_test_add_func("/cache-entries/size-cap", test_size_cap);
    g_test_add_func("/cache-entries/bad-cap", test_bad_cap);
    return g_test_run();
}
