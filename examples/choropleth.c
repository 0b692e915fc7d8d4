/*
** choropleth: the smallest complete use of libsamenkaart.
**
** Draws the map of the youth-care projects (inhoudelijk = jeugd), each municipality coloured
** by the forms of collaboration (samenwerkingsvorm) among its projects, and writes the data
** behind it as CSV:
**
**   choropleth DATA_DIR MAP.png CLASSES.csv
**
** DATA_DIR holds the database and boundaries as shipped (data/nl2017).  Build it
** against an installed library with
**
**   cc choropleth.c -o choropleth $(pkg-config --cflags --libs samenkaart)
**
** Every call follows the library's one pattern: it returns an sk_status, and on failure the
** context holds the first error's message.  Objects are freed with their _free function,
** which accepts NULL, so one exit path can free whatever was made.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <samenkaart/samenkaart.h>

/* Warnings (e.g. a repaired geometry) come through a handler; the library never prints. */
static void
print_warning(void *user_data, const char *message)
{
    (void)user_data;
    fprintf(stderr, "warning: %s\n", message);
}

/* DIR/NAME in buf (of size n). */
static const char *
in_dir(char *buf, size_t n, const char *dir, const char *name)
{
    snprintf(buf, n, "%s/%s", dir, name);
    return buf;
}

int
main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s DATA_DIR MAP.png CLASSES.csv\n", argv[0]);
        return 2;
    }
    const char *data = argv[1], *png = argv[2], *csv = argv[3];
    printf("samenkaart %s, styles in %s\n", sk_version(), sk_styles_dir());

    sk_ctx *ctx = sk_ctx_new();   /* errors and warnings of this thread */
    if (ctx == NULL)
        return 1;
    sk_ctx_set_warning_handler(ctx, print_warning, NULL);
    sk_geography *geo = NULL;
    sk_projects *projects = NULL;
    sk_style *style = NULL;
    sk_filter *filter = NULL;
    sk_classification *classes = NULL;
    sk_map *map = NULL;
    int rc = 0;
    char municipalities[4096], regions[4096], membership[4096], database[4096];

    /* 1. The geography: municipalities and Wmo-regions, reprojected to RD New. */
    sk_geography_options go;
    sk_geography_options_init(&go);   /* defaults for the shipped data's column names */
    go.municipalities = in_dir(municipalities, sizeof municipalities, data,
                               "gemeenten_2017.shp");
    go.regions = in_dir(regions, sizeof regions, data, "wmo_regios_2017.shp");
    go.membership = in_dir(membership, sizeof membership, data, "gemeenten_regios_2017.csv");
    if (sk_geography_load(ctx, &go, &geo) != SK_OK)
        goto failed;

    /* 2. The project database, checked against the geography. */
    sk_projects_options po;
    sk_projects_options_init(&po);
    po.path = in_dir(database, sizeof database, data, "projecten_2017.csv");
    if (sk_projects_load(ctx, geo, &po, &projects) != SK_OK)
        goto failed;

    /* 3. The style: NULL loads the default one from sk_styles_dir(). */
    if (sk_style_load(ctx, NULL, &style) != SK_OK)
        goto failed;

    /* 4. Which projects count: clauses as on the command line (--where). */
    filter = sk_filter_new();
    if (sk_filter_add(ctx, filter, "inhoudelijk=jeugd") != SK_OK)
        goto failed;

    /* 5. Class every municipality by the forms of collaboration among its projects. */
    if (sk_classify(ctx, projects, filter, SK_FORM, &classes) != SK_OK)
        goto failed;

    /* 6. The map model: colours, legend and title from the style.  It takes the
    ** classification over (also on failure), so forget it here. */
    sk_map_options mo;
    sk_map_options_init(&mo);
    sk_status st = sk_map_new(ctx, geo, projects, style, filter, classes, &mo, &map);
    classes = NULL;
    if (st != SK_OK)
        goto failed;

    /* 7. Render (the format follows the extension) and write the classes behind it.  Both
    ** write under a temporary name first: a failure leaves no partial file. */
    sk_render_options ro;
    sk_render_options_init(&ro);
    if (sk_map_render(ctx, map, &ro, png) != SK_OK ||
        sk_map_write_classes_csv(ctx, map, csv) != SK_OK)
        goto failed;
    printf("%s: %zu legend entries, written to %s and %s\n", sk_map_title(map),
           sk_map_legend_count(map), png, csv);

    goto done;

failed:
    fprintf(stderr, "choropleth: %s\n", sk_ctx_errmsg(ctx));
    /* Bad input (a file or value to fix) and runtime failures are told apart. */
    rc = sk_ctx_status(ctx) == SK_EINPUT || sk_ctx_status(ctx) == SK_EUSAGE ? 2 : 1;
done:
    sk_map_free(map);
    sk_classification_free(classes);
    sk_filter_free(filter);
    sk_style_free(style);
    sk_projects_free(projects);
    sk_geography_free(geo);
    sk_ctx_free(ctx);
    return rc;
}
