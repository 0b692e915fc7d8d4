/* Robust inputs: the project database from Excel and ODS sheets, and every kind of damaged or
** hostile input giving a clear message, exit status 2 and no output at all. */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <glib/gstdio.h>
#include "support.h"

/* Convert a CSV to another OGR format (XLSX, ODS) with the layer (sheet) name given. */
static void
convert(const char *csv, const char *out, const char *format, const char *sheet)
{
    GDALAllRegister();
    char *argv[] = {"-f", (char *)format, "-nln", (char *)sheet, NULL};
    GDALVectorTranslateOptions *o = GDALVectorTranslateOptionsNew(argv, NULL);
    GDALDatasetH src = GDALOpenEx(csv, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(src);
    int err = 0;
    GDALDatasetH dst = GDALVectorTranslate(out, NULL, 1, &src, o, &err);
    g_assert_nonnull(dst);
    GDALClose(dst);
    GDALClose(src);
    GDALVectorTranslateOptionsFree(o);
}

static char *
write_file(const char *dir, const char *name, const char *content, gssize len)
{
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, content, len, NULL));
    return path;
}

/* Run `samenkaart render … --output DIR/out.png` with args: exit status 2, expected on
** stderr, and the directory exactly as before (no output, no temporary file). */
static void
assert_refused(const char *dir, const char *expected, const char *const *args)
{
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, (char *)g_getenv("SK_CLI"));
    g_ptr_array_add(argv, "render");
    g_ptr_array_add(argv, "--no-cache");
    for (size_t i = 0; args[i] != NULL; i++)
        g_ptr_array_add(argv, (char *)args[i]);
    char *out = g_build_filename(dir, "out.png", NULL);
    g_ptr_array_add(argv, "--output");
    g_ptr_array_add(argv, out);
    g_ptr_array_add(argv, NULL);
    char *before = dir_names(dir, "", ""), *err = NULL;
    int status = 0;
    GError *e = NULL;
    g_assert_true(g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &e));
    g_assert_no_error(e);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 2 || strstr(err, expected) == NULL)
        g_error("expected exit status 2 and on stderr:\n%s\ngot status %d and:\n%s", expected,
                WIFEXITED(status) ? WEXITSTATUS(status) : -1, err);
    char *after = dir_names(dir, "", "");
    g_assert_cmpstr(after, ==, before);
    g_free(before);
    g_free(after);
    g_free(err);
    g_free(out);
    g_ptr_array_free(argv, TRUE);
}

/* ---- sheets ------------------------------------------------------------------------- */

static void
test_excel_and_ods(void)
{
    char *dir = tmp_dir_new();
    char *csv = data_path("projecten_2017.csv");
    char *xlsx = g_build_filename(dir, "projecten.xlsx", NULL);
    char *ods = g_build_filename(dir, "projecten.ods", NULL);
    convert(csv, xlsx, "XLSX", "projecten");
    convert(csv, ods, "ODS", "Blad1");
    char *want = g_build_filename(dir, "csv.csv", NULL);
    char *png = g_build_filename(dir, "map.png", NULL);
    g_assert_cmpint(run_cli(NULL, "render", "--show", "samenwerkingsvorm", "--output", png,
                            "--classes-csv", want, NULL), ==, 0);
    /* The same classes from the sheet (named, or the first) as from the CSV. */
    const char *sources[][2] = {{xlsx, "projecten"}, {xlsx, NULL}, {ods, "Blad1"}};
    for (size_t i = 0; i < G_N_ELEMENTS(sources); i++) {
        char *got = g_build_filename(dir, "sheet.csv", NULL);
        char *err = NULL;
        int rc = sources[i][1] != NULL
                     ? run_cli(&err, "render", "--projects", sources[i][0], "--sheet",
                               sources[i][1], "--show", "samenwerkingsvorm", "--output", png,
                               "--classes-csv", got, NULL)
                     : run_cli(&err, "render", "--projects", sources[i][0], "--show",
                               "samenwerkingsvorm", "--output", png, "--classes-csv", got,
                               NULL);
        if (rc != 0)
            g_error("%s: %s", sources[i][0], err);
        g_free(err);
        assert_same_file(want, got);
        g_free(got);
    }
    /* Errors name the sheet and the row as the spreadsheet numbers it (header: row 1). */
    char *bad_csv = write_file(dir, "bad-src.csv",
                               "id,titel,zorgverzekeraars,gemeenten,wmo_regios,inhoudelijk,"
                               "instrumenteel,samenwerkingsvorm,geografisch,partners,bron\n"
                               "X1,a,CZ,Tilburg,,ouderen,beleid,implementatie,gemeente,,\n"
                               "X2,b,CZ,Breda,,ouderen,beleid,implementeren!,gemeente,,\n"
                               "X3,c,CZZ,Breda,,ouderen,beleid,implementatie,gemeente,,\n",
                               -1);
    char *bad = g_build_filename(dir, "bad.xlsx", NULL);
    convert(bad_csv, bad, "XLSX", "Blad1");
    g_unlink(bad_csv);
    char *sub = tmp_dir_new();
    char *msg = g_strdup_printf("%s: sheet 'Blad1' row 3: column 'samenwerkingsvorm': unknown "
                                "value 'implementeren!' (did you mean 'implementatie'?)", bad);
    const char *args[] = {"--projects", bad, NULL};
    assert_refused(sub, msg, args);
    g_free(msg);
    msg = g_strdup_printf("%s: sheet 'Blad1' row 4: column 'zorgverzekeraars': unknown value "
                          "'CZZ' (did you mean 'CZ'?)", bad);
    assert_refused(sub, msg, args);
    g_free(msg);
    msg = g_strdup_printf("%s: no layer or sheet 'Blad2' (it has 'Blad1')", bad);
    const char *wrong_sheet[] = {"--projects", bad, "--sheet", "Blad2", NULL};
    assert_refused(sub, msg, wrong_sheet);
    g_free(msg);
    tmp_dir_remove(sub);
    g_free(bad);
    g_free(bad_csv);
    g_free(png);
    g_free(want);
    g_free(csv);
    g_free(xlsx);
    g_free(ods);
    tmp_dir_remove(dir);
}

/* ---- damaged boundaries --------------------------------------------------------------- */

static char *
copy_shapefile(const char *dir, const char *skip)
{
    const char *exts[] = {"shp", "shx", "dbf", "prj", "cpg"};
    for (size_t i = 0; i < G_N_ELEMENTS(exts); i++) {
        if (skip != NULL && strcmp(exts[i], skip) == 0)
            continue;
        char *name = g_strdup_printf("gemeenten_2017.%s", exts[i]);
        char *from = data_path(name), *to = g_build_filename(dir, name, NULL);
        char *data = NULL;
        gsize len = 0;
        g_assert_true(g_file_get_contents(from, &data, &len, NULL));
        g_assert_true(g_file_set_contents(to, data, (gssize)len, NULL));
        g_free(data);
        g_free(from);
        g_free(to);
        g_free(name);
    }
    return g_build_filename(dir, "gemeenten_2017.shp", NULL);
}

static void
test_damaged_shapefiles(void)
{
    char *membership = data_path("gemeenten_regios_2017.csv");
    const char *sidecars[] = {"shx", "dbf"};
    for (size_t i = 0; i < G_N_ELEMENTS(sidecars); i++) {
        char *dir = tmp_dir_new(), *data = tmp_dir_new();
        char *shp = copy_shapefile(data, sidecars[i]);
        char *msg = g_strdup_printf("%s: the municipality layer has no .%s beside it", shp,
                                    sidecars[i]);
        const char *args[] = {"--municipalities", shp, "--membership", membership, NULL};
        assert_refused(dir, msg, args);
        g_free(msg);
        g_free(shp);
        tmp_dir_remove(dir);
        tmp_dir_remove(data);
    }
    /* Without a .prj the national grid is assumed, and said; the map is the same. */
    char *dir = tmp_dir_new();
    char *shp = copy_shapefile(dir, "prj");
    char *png = g_build_filename(dir, "noprj.png", NULL), *a = g_build_filename(dir, "a.csv", NULL);
    char *b = g_build_filename(dir, "b.csv", NULL), *err = NULL;
    char *regions = data_path("wmo_regios_2017.shp");
    g_assert_cmpint(run_cli(&err, "render", "--no-cache", "--municipalities", shp, "--regions",
                            regions, "--membership", membership, "--output", png,
                            "--classes-csv", a, NULL), ==, 0);
    g_assert_nonnull(strstr(err, "no coordinate reference system (.prj missing?); assuming "
                                 "EPSG:28992"));
    g_free(err);
    g_assert_cmpint(run_cli(NULL, "render", "--output", png, "--classes-csv", b, NULL), ==, 0);
    assert_same_file(a, b);
    g_free(regions);
    g_free(a);
    g_free(b);
    g_free(png);
    g_free(shp);
    tmp_dir_remove(dir);
    g_free(membership);
}

/* Lines and points are not municipalities. */
static void
test_not_polygons(void)
{
    char *dir = tmp_dir_new(), *data = tmp_dir_new();
    char *membership = data_path("gemeenten_regios_2017.csv");
    char *lines = write_file(data, "lines.csv", "WKT,gm_code,gm_naam\n"
                             "\"LINESTRING (0 0, 1 1)\",GM0001,Lijndorp\n", -1);
    char *msg = g_strdup_printf("%s:2: municipality layer 'GM0001' is a LINESTRING, not a "
                                "polygon", lines);
    const char *args[] = {"--municipalities", lines, "--membership", membership, NULL};
    assert_refused(dir, msg, args);
    g_free(msg);
    g_free(lines);
    g_free(membership);
    tmp_dir_remove(data);
    tmp_dir_remove(dir);
}

/* ---- damaged databases -------------------------------------------------------------- */

#define HEADER "id,titel,zorgverzekeraars,gemeenten,wmo_regios,inhoudelijk,instrumenteel," \
               "samenwerkingsvorm,geografisch,partners,bron\n"

static void
test_damaged_databases(void)
{
    char *dir = tmp_dir_new(), *data = tmp_dir_new();

    char *dup = write_file(data, "dup.csv", HEADER
                           "X1,a,CZ,Tilburg,,ouderen,beleid,implementatie,gemeente,,\n"
                           "X1,b,CZ,Breda,,ouderen,beleid,implementatie,gemeente,,\n", -1);
    char *msg = g_strdup_printf("%s:3: column 'id': duplicate value 'X1' (first at %s:2)", dup,
                                dup);
    const char *a1[] = {"--projects", dup, NULL};
    assert_refused(dir, msg, a1);
    g_free(msg);

    /* Windows-1252 from old Excel: found, named, and how to convert it. */
    char *cp = write_file(data, "cp1252.csv", HEADER
                          "X1,a,CZ,Tilburg,,ouderen,beleid,implementatie,gemeente,Caf\xe9,\n",
                          -1);
    msg = g_strdup_printf("%s:2: the project database is not UTF-8 (byte 0xE9), probably "
                          "Windows-1252", cp);
    const char *a2[] = {"--projects", cp, NULL};
    assert_refused(dir, msg, a2);
    g_free(msg);

    /* A gigabyte of zeros named .csv is refused at once, not read. */
    char *big = g_build_filename(data, "big.csv", NULL);
    FILE *f = fopen(big, "wb");
    g_assert_nonnull(f);
    g_assert_cmpint(fseeko(f, (off_t)1 << 30, SEEK_SET), ==, 0);
    g_assert_cmpint(fputc('\n', f), !=, EOF);
    fclose(f);
    gint64 t0 = g_get_monotonic_time();
    msg = g_strdup_printf("%s: the project database is not a text file (it holds NUL bytes)",
                          big);
    const char *a3[] = {"--projects", big, NULL};
    assert_refused(dir, msg, a3);
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 5 * G_USEC_PER_SEC);
    g_unlink(big);
    g_free(msg);

    /* Random bytes under a spreadsheet's name. */
    char noise[65536];
    guint32 x = 2463534242u;
    for (size_t i = 0; i < sizeof noise; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;   /* xorshift: the same bytes every run */
        noise[i] = (char)(x & 0xff);
    }
    char *garbage = write_file(data, "garbage.xlsx", noise, sizeof noise);
    msg = g_strdup_printf("%s: cannot read project database", garbage);
    const char *a4[] = {"--projects", garbage, NULL};
    assert_refused(dir, msg, a4);
    g_free(msg);

    /* A region name two regions share is ambiguous: the code must be used. */
    char *mem_src = data_path("gemeenten_regios_2017.csv"), *text = NULL;
    g_assert_true(g_file_get_contents(mem_src, &text, NULL, NULL));
    char **lines = g_strsplit(text, "\n", -1);
    GString *mem = g_string_new(NULL);
    for (size_t i = 0; lines[i] != NULL && lines[i][0]; i++) {
        /* WR02's name becomes WR01's. */
        char **cells = g_strsplit(lines[i], ",", -1);
        if (g_strv_length(cells) > 4 && strcmp(cells[2], "WR02") == 0) {
            g_free(cells[4]);
            cells[4] = g_strdup("Regio Eén");
        } else if (g_strv_length(cells) > 4 && strcmp(cells[2], "WR01") == 0) {
            g_free(cells[4]);
            cells[4] = g_strdup("Regio Eén");
        }
        char *joined = g_strjoinv(",", cells);
        g_string_append_printf(mem, "%s\n", joined);
        g_free(joined);
        g_strfreev(cells);
    }
    char *membership = write_file(data, "membership.csv", mem->str, (gssize)mem->len);
    char *shp = data_path("gemeenten_2017.shp");
    char *ambiguous = write_file(data, "ambiguous.csv", HEADER
                                 "X1,a,CZ,,Regio Eén,ouderen,beleid,implementatie,regionaal,,\n",
                                 -1);
    msg = g_strdup_printf("%s:2: column 'wmo_regios': ambiguous value 'Regio Eén'", ambiguous);
    const char *a5[] = {"--municipalities", shp, "--membership", membership, "--projects",
                        ambiguous, NULL};
    assert_refused(dir, msg, a5);
    g_free(msg);
    g_string_free(mem, TRUE);
    g_strfreev(lines);
    g_free(text);
    g_free(mem_src);
    g_free(membership);
    g_free(shp);
    g_free(ambiguous);
    g_free(garbage);
    g_free(big);
    g_free(cp);
    g_free(dup);
    tmp_dir_remove(data);
    tmp_dir_remove(dir);
}

/* ---- outputs that cannot be written --------------------------------------------------- */

static void
limit_file_size(gpointer data)
{
    struct rlimit r = {(rlim_t)GPOINTER_TO_SIZE(data), (rlim_t)GPOINTER_TO_SIZE(data)};
    setrlimit(RLIMIT_FSIZE, &r);
    signal(SIGXFSZ, SIG_IGN);   /* writes past the limit fail with EFBIG instead */
}

static void
test_unwritable_outputs(void)
{
    char *dir = tmp_dir_new();
    /* A directory that does not exist, and a "directory" that is a file. */
    char *file = write_file(dir, "a-file", "x", -1);
    const char *paths[][2] = {{"/nonexistent/dir/map.png", "No such file or directory"},
                              {NULL, "Not a directory"}};
    char *under_file = g_build_filename(file, "map.png", NULL);
    paths[1][0] = under_file;
    for (size_t i = 0; i < G_N_ELEMENTS(paths); i++) {
        char *err = NULL;
        g_assert_cmpint(run_cli(&err, "render", "--output", paths[i][0], NULL), ==, 2);
        char *msg = g_strdup_printf("%s: cannot write: %s", paths[i][0], paths[i][1]);
        g_assert_nonnull(strstr(err, msg));
        g_free(msg);
        g_free(err);
    }
    /* A full disk, as a size limit: the PNG cannot be written whole, so it is not there. */
    char *png = g_build_filename(dir, "full.png", NULL);
    char *argv[] = {(char *)g_getenv("SK_CLI"), "render", "--output", png, NULL};
    char *err = NULL;
    int status = 0;
    g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, limit_file_size,
                               GSIZE_TO_POINTER(50000), NULL, &err, &status, NULL));
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 2);
    char *msg = g_strdup_printf("%s: cannot write: File too large", png);
    g_assert_nonnull(strstr(err, msg));
    g_free(msg);
    g_free(err);
    char *left = dir_names(dir, "", "");
    g_assert_cmpstr(left, ==, "a-file");
    g_free(left);
    g_free(png);
    g_free(under_file);
    g_free(file);
    tmp_dir_remove(dir);
}

/* ---- municipal mergers ------------------------------------------------------------ */

/* The 2019 municipalities made from the 2017 ones by the shipped mergers table (a split
** municipality goes whole to the first municipality it is listed with). */
static char *
boundaries_2019(const char *dir, GPtrArray *mergers)
{
    GHashTable *final = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *name = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < mergers->len; i++) {
        GHashTable *r = g_ptr_array_index(mergers, i);
        char *old = g_hash_table_lookup(r, "oud_code"), *new = g_hash_table_lookup(r, "nieuw_code");
        if (!g_hash_table_contains(final, old))
            g_hash_table_insert(final, old, new);
        g_hash_table_insert(name, new, g_hash_table_lookup(r, "nieuw_naam"));
    }
    GString *codes = g_string_new("CASE gm_code"), *names = g_string_new("CASE gm_code");
    GHashTableIter it;
    gpointer old, new;
    g_hash_table_iter_init(&it, final);
    while (g_hash_table_iter_next(&it, &old, &new)) {
        /* Follow later mergers (2018 into 2019). */
        const char *to = new;
        while (g_hash_table_contains(final, to) && strcmp(g_hash_table_lookup(final, to), to) != 0)
            to = g_hash_table_lookup(final, to);
        g_string_append_printf(codes, " WHEN '%s' THEN '%s'", (char *)old, to);
        g_string_append_printf(names, " WHEN '%s' THEN '%s'", (char *)old,
                               (char *)g_hash_table_lookup(name, to));
    }
    char *sql = g_strdup_printf("SELECT %s ELSE gm_code END AS gm_code, %s ELSE gm_naam END AS "
                                "gm_naam, ST_Union(geometry) AS geometry FROM gemeenten_2017 "
                                "GROUP BY 1", codes->str, names->str);
    char *src = data_path("gemeenten_2017.shp");
    char *out = g_build_filename(dir, "gemeenten_2019.shp", NULL);
    char *argv[] = {"-dialect", "sqlite", "-sql", sql, "-nln", "gemeenten_2019", NULL};
    GDALVectorTranslateOptions *o = GDALVectorTranslateOptionsNew(argv, NULL);
    GDALDatasetH in = GDALOpenEx(src, GDAL_OF_VECTOR, NULL, NULL, NULL);
    int err = 0;
    GDALDatasetH ds = GDALVectorTranslate(out, NULL, 1, &in, o, &err);
    g_assert_nonnull(ds);
    g_assert_cmpint(OGR_L_GetFeatureCount(GDALDatasetGetLayer(ds, 0), 1), ==, 355);
    GDALClose(ds);
    GDALClose(in);
    GDALVectorTranslateOptionsFree(o);
    g_free(src);
    g_free(sql);
    g_string_free(codes, TRUE);
    g_string_free(names, TRUE);
    g_hash_table_unref(final);
    g_hash_table_unref(name);
    return out;
}

static void
test_mergers(void)
{
    char *dir = tmp_dir_new(), *out = tmp_dir_new();
    char *table = g_build_filename(g_getenv("SK_TEST_SHAPES"), "herindelingen_2018_2019.csv",
                                   NULL);
    GPtrArray *mergers = read_csv_rows(table);
    g_assert_cmpuint(mergers->len, >=, 40);
    char *shp19 = boundaries_2019(dir, mergers);
    char *regions = data_path("wmo_regios_2017.shp");

    /* The 2017 database without the projects naming a municipality that was split. */
    char *src = data_path("projecten_2017.csv"), *text = NULL;
    g_assert_true(g_file_get_contents(src, &text, NULL, NULL));
    char **lines = g_strsplit(text, "\n", -1);
    GString *kept = g_string_new(NULL);
    for (size_t i = 0; lines[i] != NULL; i++)
        if (lines[i][0] && !strstr(lines[i], "Winsum") && !strstr(lines[i], "Littenseradiel"))
            g_string_append_printf(kept, "%s\n", lines[i]);
    char *db = write_file(dir, "projecten.csv", kept->str, (gssize)kept->len);

    /* 2017 on 2017 boundaries, and on 2019 boundaries through the mergers. */
    char *c17 = g_build_filename(out, "c17.csv", NULL), *c19 = g_build_filename(out, "c19.csv", NULL);
    char *png = g_build_filename(out, "m.png", NULL), *report = g_build_filename(out, "r.csv", NULL);
    g_assert_cmpint(run_cli(NULL, "render", "--projects", db, "--output", png, "--classes-csv",
                            c17, NULL), ==, 0);
    char *err = NULL;
    int rc = run_cli(&err, "render", "--no-cache", "--municipalities", shp19, "--regions", regions,
                     "--projects", db, "--mergers", table, "--mergers-report", report,
                     "--output", png, "--classes-csv", c19, NULL);
    if (rc != 0)
        g_error("%s", err);
    g_free(err);
    /* Every 2019 municipality has a project exactly when one of its 2017 ones had. */
    GHashTable *before = read_classes(c17), *after = read_classes(c19);
    g_assert_cmpuint(g_hash_table_size(after), ==, 355);
    GHashTable *has19 = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTableIter it;
    gpointer code, value;
    g_hash_table_iter_init(&it, before);
    while (g_hash_table_iter_next(&it, &code, &value)) {
        const char *to = code;
        for (int step = 0; step < 3; step++)
            for (guint i = 0; i < mergers->len; i++) {
                GHashTable *r = g_ptr_array_index(mergers, i);
                if (strcmp(g_hash_table_lookup(r, "oud_code"), to) == 0) {
                    to = g_hash_table_lookup(r, "nieuw_code");
                    break;
                }
            }
        if (!g_str_has_prefix(value, "|"))
            g_hash_table_add(has19, g_strdup(to));
    }
    g_hash_table_iter_init(&it, after);
    size_t merged_with = 0;
    while (g_hash_table_iter_next(&it, &code, &value)) {
        int has = !g_str_has_prefix(value, "|");
        g_assert_cmpint(has, ==, g_hash_table_contains(has19, code));
        merged_with += has && (strcmp(code, "GM1959") == 0 || strcmp(code, "GM1963") == 0);
    }
    g_assert_cmpuint(merged_with, ==, 2);   /* Altena and Hoeksche Waard have projects */
    /* The report lists every remapped reference. */
    GPtrArray *rows = read_csv_rows(report);
    g_assert_cmpuint(rows->len, >=, 5);
    int binnenmaas = 0;
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *r = g_ptr_array_index(rows, i);
        if (strcmp(g_hash_table_lookup(r, "value"), "Binnenmaas") == 0) {
            g_assert_cmpstr(g_hash_table_lookup(r, "mapped_to"), ==, "Hoeksche Waard");
            g_assert_cmpstr(g_hash_table_lookup(r, "note"), ==, "merged into Hoeksche Waard (2019)");
            binnenmaas++;
        }
    }
    g_assert_cmpint(binnenmaas, >, 0);
    g_ptr_array_unref(rows);

    /* The other way: a 2019 name on 2017 boundaries means the municipalities it was made of. */
    char *db19 = write_file(dir, "p19.csv", HEADER
                            "X1,a,CZ,Altena,,ouderen,beleid,implementatie,gemeente,,\n", -1);
    g_assert_cmpint(run_cli(NULL, "render", "--projects", db19, "--mergers", table,
                            "--mergers-report", report, "--output", png, "--classes-csv", c17,
                            NULL), ==, 0);
    rows = read_csv_rows(report);
    g_assert_cmpuint(rows->len, ==, 1);
    GHashTable *r0 = g_ptr_array_index(rows, 0);
    g_assert_cmpstr(g_hash_table_lookup(r0, "mapped_to"), ==, "Aalburg;Werkendam;Woudrichem");
    g_ptr_array_unref(rows);

    /* A split municipality cannot be mapped: an error naming what it was split into. */
    char *split = write_file(dir, "split.csv", HEADER
                             "X1,a,CZ,Winsum,,ouderen,beleid,implementatie,gemeente,,\n", -1);
    char *msg = g_strdup_printf("%s:2: column 'gemeenten': cannot map 'Winsum': Winsum was split "
                                "(into Het Hogeland (2019), Westerkwartier (2019))", split);
    char *empty = tmp_dir_new();
    const char *args[] = {"--municipalities", shp19, "--regions", regions, "--projects", split,
                          "--mergers", table, NULL};
    assert_refused(empty, msg, args);
    g_free(msg);
    tmp_dir_remove(empty);

    g_hash_table_unref(has19);
    g_hash_table_unref(before);
    g_hash_table_unref(after);
    g_free(split);
    g_free(db19);
    g_free(c17);
    g_free(c19);
    g_free(png);
    g_free(report);
    g_free(db);
    g_string_free(kept, TRUE);
    g_strfreev(lines);
    g_free(text);
    g_free(src);
    g_free(regions);
    g_free(shp19);
    g_ptr_array_unref(mergers);
    g_free(table);
    tmp_dir_remove(dir);
    tmp_dir_remove(out);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/inputs/excel-and-ods", test_excel_and_ods);
    g_test_add_func("/inputs/damaged-shapefiles", test_damaged_shapefiles);
    g_test_add_func("/inputs/not-polygons", test_not_polygons);
    g_test_add_func("/inputs/damaged-databases", test_damaged_databases);
    g_test_add_func("/inputs/unwritable-outputs", test_unwritable_outputs);
    g_test_add_func("/inputs/mergers", test_mergers);
    return g_test_run();
}
