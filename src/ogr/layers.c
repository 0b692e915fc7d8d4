/* Which layer, which coordinate system, and whether it lies in the Netherlands (layers.h). */
#include <math.h>
#include <string.h>
#include "layers.h"

/* A generous box around the Netherlands in EPSG:28992 (RD New), in metres.  The country with
** its coastal waters spans about x 0…285,000, y 300,000…625,000; the box adds some margin, so
** a layer of one province or one border municipality overlaps it, and a layer of another
** country (or in degrees read as metres, or with x and y swapped) does not. */
static const double nl_box[4] = {-7000, 289000, 300000, 629000};

static int
has_polygons(OGRLayerH layer)
{
    OGRwkbGeometryType t = wkbFlatten(OGR_L_GetGeomType(layer));
    return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon ||
           t == wkbMultiSurface;
}

/* How to name the layer for what ("region layer"): the command-line option and the key of
** an atlas file ("--region-layer NAME, or region_layer in an atlas file"). */
static char *
layer_option(const char *what)
{
    char *option = g_strdup_printf("--%s", what), *key = g_strdup(what);
    g_strdelimit(option, " ", '-');
    g_strdelimit(key, " ", '_');
    /* The zorgkantoorregio's of compare and --core-of are read as a region layer too. */
    const char *core = strcmp(what, "region layer") == 0
                           ? " (--core-regions-layer NAME for --core-regions)" : "";
    char *text = g_strdup_printf("%s NAME%s, or %s in an atlas file", option, core, key);
    g_free(option);
    g_free(key);
    return text;
}

OGRLayerH
sk__ogr_polygon_layer(GDALDatasetH dataset, const char *path, const char *what, char **error)
{
    *error = NULL;
    int n = GDALDatasetGetLayerCount(dataset), polygon_layers = 0;
    OGRLayerH found = NULL;
    if (n == 1)
        return GDALDatasetGetLayer(dataset, 0);
    GString *names = g_string_new(NULL);
    for (int i = 0; i < n; i++) {
        OGRLayerH layer = GDALDatasetGetLayer(dataset, i);
        g_string_append_printf(names, "%s'%s'", i ? ", " : "", OGR_L_GetName(layer));
        if (has_polygons(layer)) {
            found = layer;
            polygon_layers++;
        }
    }
    if (polygon_layers != 1) {
        char *option = layer_option(what);
        char *some = polygon_layers == 0 ? g_strdup("none of them with polygons")
                                         : g_strdup_printf("%d of them with polygons",
                                                           polygon_layers);
        *error = g_strdup_printf("%s has %d layers (%s), %s; choose the %s with %s", path,
                                 n, names->str, some, what, option);
        g_free(some);
        g_free(option);
        found = NULL;
    }
    g_string_free(names, TRUE);
    return found;
}

/* How to name the layer of a table source, by what it is (the words callers pass). */
static const char *
table_layer_option(const char *what)
{
    static const char *const options[][2] = {
        {"project database", "--sheet NAME, or sheet in an atlas file"},
        {"membership table", "--membership-layer NAME, or membership_layer in an atlas file"},
        {"table", "--table-layer NAME (--core-layer NAME for --core), or table_layer / "
                  "core_layer in an atlas file"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(options); i++)
        if (strcmp(what, options[i][0]) == 0)
            return options[i][1];
    return NULL;
}

char *
sk__ogr_table_layer_problem(GDALDatasetH dataset, const char *path, const char *what)
{
    const char *driver = GDALGetDriverShortName(GDALGetDatasetDriver(dataset));
    int n = GDALDatasetGetLayerCount(dataset);
    if (n <= 1 || g_strcmp0(driver, "XLSX") == 0 || g_strcmp0(driver, "ODS") == 0)
        return NULL;
    GString *names = g_string_new(NULL);
    for (int i = 0; i < n && i < 12; i++)
        g_string_append_printf(names, "%s'%s'", i ? ", " : "",
                               OGR_L_GetName(GDALDatasetGetLayer(dataset, i)));
    if (n > 12)
        g_string_append_printf(names, " and %d more", n - 12);
    const char *option = table_layer_option(what);
    char *error = option != NULL
                      ? g_strdup_printf("%s has %d layers (%s); name the one with the %s: %s",
                                        path, n, names->str, what, option)
                      : g_strdup_printf("%s has %d layers (%s); the %s must be a source of "
                                        "one layer (e.g. a CSV file)", path, n, names->str,
                                        what);
    g_string_free(names, TRUE);
    return error;
}

/* "x 3.3585…7.2275, y 50.7504…53.5546" (degrees to 4 decimals, metres whole). */
static char *
extent_text(const double e[4], int degrees)
{
    int d = degrees ? 4 : 0;
    return g_strdup_printf("x %.*f…%.*f, y %.*f…%.*f", d, e[0], d, e[2], d, e[1], d, e[3]);
}

/* The layer's extent as minx, miny, maxx, maxy; 0 when it has none (no features). */
static int
layer_extent(OGRLayerH layer, double e[4])
{
    OGREnvelope env;
    if (OGR_L_GetExtent(layer, &env, TRUE) != OGRERR_NONE || !isfinite(env.MinX) ||
        !isfinite(env.MaxX) || !isfinite(env.MinY) || !isfinite(env.MaxY))
        return 0;
    e[0] = env.MinX;
    e[1] = env.MinY;
    e[2] = env.MaxX;
    e[3] = env.MaxY;
    return 1;
}

OGRSpatialReferenceH
sk__ogr_layer_srs(OGRLayerH layer, const char *path, char **warning)
{
    *warning = NULL;
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    if (srs != NULL) {
        srs = OSRClone(srs);
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
        return srs;
    }
    double e[4];
    int known = layer_extent(layer, e);
    int degrees = known && fabs(e[0]) <= 180 && fabs(e[2]) <= 180 && fabs(e[1]) <= 90 &&
                  fabs(e[3]) <= 90;
    srs = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(srs, degrees ? 4326 : 28992);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    char *range = known ? extent_text(e, degrees) : g_strdup("none");
    if (degrees)
        *warning = g_strdup_printf(
            "%s: no coordinate reference system (.prj missing?); its coordinates (%s) lie in "
            "the range of degrees, so they are read as longitude/latitude (EPSG:4326, WGS 84); "
            "if they are in another system, give the file its own: ogr2ogr -a_srs EPSG:CODE "
            "fixed.shp %s (or add its .prj)", path, range, path);
    else
        *warning = g_strdup_printf(
            "%s: no coordinate reference system (.prj missing?); assuming EPSG:28992 "
            "(Amersfoort / RD New, metres) for its coordinates (%s); if they are in another "
            "system, give the file its own: ogr2ogr -a_srs EPSG:CODE fixed.shp %s (or add its "
            ".prj)", path, range, path);
    g_free(range);
    return srs;
}

/* The name of a coordinate system for messages: "EPSG:4326" or its own name. */
static char *
srs_name(OGRSpatialReferenceH srs)
{
    const char *authority = OSRGetAuthorityName(srs, NULL);
    const char *code = OSRGetAuthorityCode(srs, NULL);
    if (authority != NULL && code != NULL)
        return g_strdup_printf("%s:%s", authority, code);
    const char *name = OSRGetName(srs);
    return g_strdup(name != NULL ? name : "unnamed coordinate system");
}

/* The extent e (in from) in EPSG:28992 as rd; 0 when it cannot be reprojected. */
static int
extent_in_rd(OGRSpatialReferenceH from, const double e[4], double rd[4])
{
    OGRSpatialReferenceH to = OSRNewSpatialReference(NULL);
    OSRImportFromEPSG(to, 28992);
    OSRSetAxisMappingStrategy(to, OAMS_TRADITIONAL_GIS_ORDER);
    int ok = 0;
    if (OSRIsSame(from, to)) {
        memcpy(rd, e, 4 * sizeof *rd);
        ok = 1;
    } else {
        OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(from, to);
        ok = ct != NULL && OCTTransformBounds(ct, e[0], e[1], e[2], e[3], &rd[0], &rd[1],
                                              &rd[2], &rd[3], 21) &&
             isfinite(rd[0]) && isfinite(rd[1]) && isfinite(rd[2]) && isfinite(rd[3]);
        if (ct != NULL)
            OCTDestroyCoordinateTransformation(ct);
    }
    OSRDestroySpatialReference(to);
    return ok;
}

char *
sk__ogr_outside_netherlands(OGRLayerH layer, OGRSpatialReferenceH srs, const char *path,
                            const char *what)
{
    double e[4], rd[4];
    if (!layer_extent(layer, e))
        return NULL;
    int in_rd = extent_in_rd(srs, e, rd);
    if (in_rd && rd[0] <= nl_box[2] && rd[2] >= nl_box[0] && rd[1] <= nl_box[3] &&
        rd[3] >= nl_box[1])
        return NULL;
    char *name = srs_name(srs);
    char *own = extent_text(e, OSRIsGeographic(srs));
    char *there = !in_rd ? g_strdup(", which has no place in EPSG:28992 (RD New)")
                  : memcmp(e, rd, sizeof e) == 0 ? g_strdup(" (RD New)")
                                                 : extent_text(rd, 0);
    if (in_rd && there[0] == 'x') {
        char *with = g_strdup_printf(", or %s in EPSG:28992 (RD New)", there);
        g_free(there);
        there = with;
    }
    char *box = extent_text(nl_box, 0);
    char *msg = g_strdup_printf(
        "%s: the %s does not lie in the Netherlands: its extent is %s in %s%s, which does not "
        "overlap the Netherlands (%s in EPSG:28992); probably its coordinate system is wrong "
        "(a wrong or missing .prj), x and y are swapped, or the boundaries are of another "
        "country", path, what, own, name, there, box);
    g_free(name);
    g_free(own);
    g_free(there);
    g_free(box);
    return msg;
}
