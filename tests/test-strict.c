/* Strict, helpful reading of values (issue 13): the nearest valid names for a bad one (every
** candidate of an ambiguous name, prefixes and first words, never a name accepted from a
** prefix), no silent duplicates (table rows, mergers, INI groups and keys, placeholders) and
** one message per cause.  Every case: exit status 2, the message, and no output. */
#include <string.h>
#include "support.h"

static const char *const render_projects[] = {"render", "--quiet", "--projects", "{file}",
                                              "--output", "{out.png}", NULL};

/* A project database of the contract's header and rows (each "gemeenten,inhoudelijk"). */
static char *
projects_csv(const char *const *rows)
{
    GString *s = g_string_new("id,titel,zorgverzekeraars,gemeenten,wmo_regios,inhoudelijk,"
                              "instrumenteel,samenwerkingsvorm,geografisch,partners,bron\n");
    for (size_t i = 0; rows[i] != NULL; i++) {
        char **cells = g_strsplit(rows[i], ",", 2);
        g_string_append_printf(s, "P%03zu,Project,Menzis,%s,,%s,werkwijze,ontwikkelproject,"
                               "gemeente,,test\n", i + 1, cells[0], cells[1]);
        g_strfreev(cells);
    }
    return g_string_free(s, FALSE);
}

/* The named data file of nl2017 with extra appended. */
static char *
data_plus(const char *name, const char *extra)
{
    char *path = data_path(name), *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    char *out = g_strconcat(text, extra, NULL);
    g_free(text);
    g_free(path);
    return out;
}

/* ---- suggestions ------------------------------------------------------------------- */

static void
test_every_candidate_of_a_name(void)
{
    const char *rows[] = {"Bergen,jeugd", "Bregen,jeugd", NULL};
    char *csv = projects_csv(rows);
    const char *expected[] = {
        "2: column 'gemeenten': unknown value 'Bergen' (did you mean 'Bergen (L.)' or "
        "'Bergen (NH.)'?)",
        "3: column 'gemeenten': unknown value 'Bregen' (did you mean 'Bergen (L.)' or "
        "'Bergen (NH.)'?)",
        NULL};
    assert_file_errors("projecten.csv", csv, expected, render_projects);
    g_free(csv);
    char *dir = tmp_dir_new(), *out = g_build_filename(dir, "zoom.png", NULL), *err = NULL;
    g_assert_cmpint(run_cli(&err, "render", "--quiet", "--zoom-municipalities", "Bergen",
                            "--output", out, NULL), ==, 2);
    g_assert_nonnull(strstr(err, "unknown municipality 'Bergen' (did you mean 'Bergen (L.)' or "
                                 "'Bergen (NH.)'?)"));
    g_assert_false(file_exists(out));
    g_free(err);
    g_free(out);
    tmp_dir_remove(dir);
}

/* A prefix or the first word finds an official long name; aliases and their words too; the
** names a short prefix starts are all listed; a prefix is never accepted. */
static void
test_prefix_and_first_word(void)
{
    const char *rows[] = {"Sudwest,jeugd", "Sudwest Fryslan,jeugd", "Haag,jeugd",
                          "Noord,jeugd", "Amsterd,jeugd", "Groningen,jeug", NULL};
    char *csv = projects_csv(rows);
    const char *expected[] = {
        "2: column 'gemeenten': unknown value 'Sudwest' (did you mean 'Súdwest-Fryslân'?)",
        "3: column 'gemeenten': unknown value 'Sudwest Fryslan' (did you mean "
        "'Súdwest-Fryslân'?)",
        "4: column 'gemeenten': unknown value 'Haag' (did you mean 'Den Haag'?)",
        "5: column 'gemeenten': unknown value 'Noord' (did you mean 'Noordwijk', "
        "'Noordenveld', 'Noord-Beveland', 'Noordoostpolder' or 'Noordwijkerhout'?)",
        "6: column 'gemeenten': unknown value 'Amsterd' (did you mean 'Amsterdam'?)",
        "7: column 'inhoudelijk': unknown value 'jeug' (did you mean 'jeugd'?)",
        NULL};
    assert_file_errors("projecten.csv", csv, expected, render_projects);
    g_free(csv);
}

/* ---- duplicates -------------------------------------------------------------------- */

static void
test_table_names_a_municipality_twice(void)
{
    char *csv = data_plus("gemeentepolissen_2017.csv", "GM0005,Bedum,CZ\nAppingedam,,VGZ\n");
    const char *expected[] = {
        "390: column 'gm_code': municipality 'GM0005' is listed again (first at ",
        "391: column 'gm_code': municipality 'Appingedam' is listed again (first at ", NULL};
    const char *args[] = {"render", "--quiet", "--table", "{file}", "--output", "{out.png}",
                          NULL};
    assert_file_errors("polissen.csv", csv, expected, args);
    g_free(csv);
}

static void
test_core_table_names_a_region_twice(void)
{
    char *csv = data_plus("kernwerkgebieden_2017.csv", "ZK01,Amstelland en De Meerlanden,CZ\n");
    const char *expected[] = {"33: column 'zk_code': region 'ZK01' is listed again (first at ",
                              NULL};
    const char *args[] = {"render", "--quiet", "--core", "{file}", "--core-of", "CZ",
                          "--output", "{out.png}", NULL};
    assert_file_errors("kern.csv", csv, expected, args);
    g_free(csv);
}

/* The membership table too: a second row for Appingedam (in Achterhoek) moved it into
** another region's projects without a word (review). */
static void
test_membership_names_a_municipality_twice(void)
{
    char *csv = data_plus("gemeenten_regios_2017.csv",
                          "GM0003,Appingedam,WR01,1,Achterhoek,ZK09,Groningen,JZ01,11971\n");
    const char *expected[] = {
        "390: column 'gm_code': municipality 'GM0003' is listed again (first at ", NULL};
    const char *args[] = {"render", "--quiet", "--no-cache", "--membership", "{file}",
                          "--output", "{out.png}", NULL};
    assert_file_errors("lidmaatschap.csv", csv, expected, args);
    g_free(csv);
}

/* A header naming a column twice (case ignored): which one holds the data would be a guess;
** before, the first one silently won. */
static void
test_column_named_twice(void)
{
    const char *rows[] = {"Groningen,jeugd", NULL};
    char *csv = projects_csv(rows);
    char **parts = g_strsplit(csv, ",partners,", 2);
    char *twice = g_strjoinv(",GEMEENTEN,", parts);
    const char *expected[] = {" two columns are named 'gemeenten' (columns 4 'gemeenten' and "
                              "10 'GEMEENTEN', case ignored); rename or remove one", NULL};
    assert_file_errors("projecten.csv", twice, expected, render_projects);
    g_free(twice);
    g_strfreev(parts);
    g_free(csv);
}

/* Ids differing only in case are one project written twice (review): counted twice before. */
static void
test_ids_ignore_case(void)
{
    const char *rows[] = {"Groningen,jeugd", "Oldambt,ggz", NULL};
    char *csv = projects_csv(rows);
    char **parts = g_strsplit(csv, "\nP002,", 2);
    char *lower = g_strjoinv("\np001,", parts);
    const char *expected[] = {"3: column 'id': duplicate value 'p001' (first at ", NULL};
    assert_file_errors("projecten.csv", lower, expected, render_projects);
    g_free(lower);
    g_strfreev(parts);
    g_free(csv);
}

static void
test_mergers_table_repeats_a_row(void)
{
    const char *csv = "jaar,oud_code,oud_naam,nieuw_code,nieuw_naam,deel\n"
                      "2018,GM0081,Leeuwarderadeel,GM0080,Leeuwarden,nee\n"
                      "2018,GM0140,Littenseradiel,GM0080,Leeuwarden,ja\n"
                      "2018,GM0081,Leeuwarderadeel,GM0080,Leeuwarden,nee\n";
    const char *expected[] = {"4: the merger of GM0081 into GM0080 is given again (first at ",
                              NULL};
    const char *args[] = {"render", "--quiet", "--mergers", "{file}", "--output", "{out.png}",
                          NULL};
    assert_file_errors("mergers.csv", csv, expected, args);
}

static void
assert_atlas_error(const char *content, const char *const *expected)
{
    const char *args[] = {"atlas", "--quiet", "{file}", "--output", "{out}", NULL};
    assert_file_errors("atlas.ini", content, expected, args);
}

static void
test_atlas_repeats(void)
{
    const char *expected[] = {
        "9: [map b] title: repeats the key at line 8; give it once",
        "11: [map a] repeats the group at line 4; give each group once", NULL};
    assert_atlas_error("[atlas]\ntitle = T\n\n[map a]\ntitle = A\n\n[map b]\ntitle = B\n"
                       "title = C\n\n[map a]\nshow = samenwerkingsvorm\ntitle = D\n", expected);
    /* A repeated group is one message, not one more for each of its keys (review). */
    char *dir = tmp_dir_new(), *ini = g_build_filename(dir, "a.ini", NULL);
    char *out = g_build_filename(dir, "out", NULL), *err = NULL;
    g_assert_true(g_file_set_contents(ini, "[atlas]\ntitle = T\n\n[map a]\ntitle = A\n\n"
                                      "[map a]\ntitle = B\nshow = inhoudelijk\n", -1, NULL));
    g_assert_cmpint(run_cli(&err, "atlas", "--quiet", ini, "--output", out, NULL), ==, 2);
    const char *once = strstr(err, "repeats");
    g_assert_true(once != NULL && g_str_has_prefix(once, "repeats the group at line 4"));
    g_assert_null(strstr(once + 1, "repeats"));
    g_free(err);
    g_free(out);
    g_free(ini);
    tmp_dir_remove(dir);
}

static void
test_atlas_placeholders(void)
{
    const char *expected[] = {
        "5: [map a] title: '{label}' stands for a label only in a [family]; a [map] has no "
        "placeholders: write the text",
        "9: [family f] title: unknown placeholder '{lable}' (here: {label}, {key}; did you "
        "mean '{label}'?)",
        "10: [family f] caption: '{highlight}' stands for the highlighted label of one map: "
        "only with highlight_for, and with per_page only in panel_title (here: {label}, {key})",
        "16: [family g] title: '{highlight}' stands for the highlighted label of one map: "
        "only with highlight_for, and with per_page only in panel_title (here: {label}, {key})",
        NULL};
    assert_atlas_error("[atlas]\ntitle = T\n\n[map a]\ntitle = A {label}\n\n"
                       "[family f]\nfor = inhoudelijk\ntitle = {lable} en {key}\n"
                       "caption = {highlight}\n\n"
                       "[family g]\nfor = inhoudelijk\nhighlight_for = samenwerkingsvorm\n"
                       "per_page = 4\ntitle = {label}: {highlight}\n",
                       expected);
}

/* ---- one message per cause --------------------------------------------------------- */

static size_t
occurrences(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, what)) != NULL; p++)
        n++;
    return n;
}

/* A layer without columns (a PostgreSQL tables=nosuch, an empty GeoJSON) is one problem, and
** so is the wrong file: not a "no column" message per column. */
static void
test_one_message_for_the_wrong_layer(void)
{
    char *dir = tmp_dir_new();
    char *json = g_build_filename(dir, "leeg.geojson", NULL);
    g_assert_true(g_file_set_contents(json, "{\"type\": \"FeatureCollection\", \"features\": "
                                      "[]}", -1, NULL));
    char *out = g_build_filename(dir, "out.png", NULL), *err = NULL;
    g_assert_cmpint(run_cli(&err, "render", "--quiet", "--projects", json, "--output", out,
                            NULL), ==, 2);
    g_assert_nonnull(strstr(err, "leeg.geojson: the layer has no columns (expected id, "
                                 "gemeenten, wmo_regios, inhoudelijk, instrumenteel, "
                                 "samenwerkingsvorm, geografisch, zorgverzekeraars); is the "
                                 "table or sheet name right?"));
    g_assert_cmpuint(occurrences(err, "no column '"), ==, 0);
    g_assert_false(file_exists(out));
    g_free(err);
    char *wrong = data_path("gemeentepolissen_2017.csv");
    g_assert_cmpint(run_cli(&err, "render", "--quiet", "--projects", wrong, "--output", out,
                            NULL), ==, 2);
    g_assert_nonnull(strstr(err, "gemeentepolissen_2017.csv: none of the columns id, "
                                 "gemeenten, wmo_regios, inhoudelijk, instrumenteel, "
                                 "samenwerkingsvorm, geografisch, zorgverzekeraars (the layer "
                                 "has gm_code, gm_naam, verzekeraars); is this the right file, "
                                 "table or sheet?"));
    g_assert_cmpuint(occurrences(err, "no column '"), ==, 0);
    g_assert_false(file_exists(out));
    g_free(err);
    g_free(wrong);
    g_free(out);
    g_free(json);
    tmp_dir_remove(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_set_nonfatal_assertions();
    g_test_add_func("/strict/every-candidate-of-a-name", test_every_candidate_of_a_name);
    g_test_add_func("/strict/prefix-and-first-word", test_prefix_and_first_word);
    g_test_add_func("/strict/table-names-a-municipality-twice",
                    test_table_names_a_municipality_twice);
    g_test_add_func("/strict/core-table-names-a-region-twice",
                    test_core_table_names_a_region_twice);
    g_test_add_func("/strict/mergers-table-repeats-a-row", test_mergers_table_repeats_a_row);
    g_test_add_func("/strict/column-named-twice", test_column_named_twice);
    g_test_add_func("/strict/ids-ignore-case", test_ids_ignore_case);
    g_test_add_func("/strict/membership-names-a-municipality-twice",
                    test_membership_names_a_municipality_twice);
    g_test_add_func("/strict/atlas-repeats", test_atlas_repeats);
    g_test_add_func("/strict/atlas-placeholders", test_atlas_placeholders);
    g_test_add_func("/strict/one-message-for-the-wrong-layer",
                    test_one_message_for_the_wrong_layer);
    return g_test_run();
}
