/* Names a Dutch reader trusts on zoomed maps (issue 14): the most populous municipalities of
** a zoomed province named, sized by population rank, no name over another or over a leader
** line, the Wadden islands named in the water beside them, the zoomed area outlined and named
** in the title.  What is expected is worked out here from the shapefile through OGR (its
** `inwoners` and `pv_naam`), not through the library. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <gdal.h>
#include <ogr_api.h>
#include "support.h"

static char *out_dir;

/* ---- the shapefile, through OGR ---------------------------------------------------- */

typedef struct municipality {
    char *code;
    long inwoners;
} municipality;

static int
by_inwoners(gconstpointer a, gconstpointer b)
{
    const municipality *x = *(municipality *const *)a, *y = *(municipality *const *)b;
    return x->inwoners != y->inwoners ? (x->inwoners > y->inwoners ? -1 : 1)
                                      : strcmp(x->code, y->code);
}

static void
municipality_free(municipality *m)
{
    g_free(m->code);
    g_free(m);
}

static OGRLayerH
open_municipalities(GDALDatasetH *ds)
{
    GDALAllRegister();
    char *shp = data_path("gemeenten_2017.shp");
    *ds = GDALOpenEx(shp, GDAL_OF_VECTOR, NULL, NULL, NULL);
    g_assert_nonnull(*ds);
    g_free(shp);
    return GDALDatasetGetLayer(*ds, 0);
}

/* The municipalities of a province, most populous first; and, when area is not NULL, the
** province as one shape (OGR's union of them). */
static GPtrArray *
province(const char *name, OGRGeometryH *area)
{
    GDALDatasetH ds;
    OGRLayerH layer = open_municipalities(&ds);
    char *where = g_strdup_printf("pv_naam = '%s'", name);
    OGR_L_SetAttributeFilter(layer, where);
    g_free(where);
    GPtrArray *list = g_ptr_array_new_with_free_func((GDestroyNotify)municipality_free);
    OGRGeometryH all = OGR_G_CreateGeometry(wkbMultiPolygon);
    OGRFeatureH f;
    while ((f = OGR_L_GetNextFeature(layer)) != NULL) {
        municipality *m = g_new0(municipality, 1);
        m->code = g_strdup(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "gm_code")));
        m->inwoners = (long)OGR_F_GetFieldAsInteger64(f, OGR_F_GetFieldIndex(f, "inwoners"));
        g_ptr_array_add(list, m);
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPolygon)
            OGR_G_AddGeometry(all, g);
        else
            for (int k = 0; k < OGR_G_GetGeometryCount(g); k++)
                OGR_G_AddGeometry(all, OGR_G_GetGeometryRef(g, k));
        OGR_F_Destroy(f);
    }
    g_ptr_array_sort(list, by_inwoners);
    if (area != NULL)
        *area = OGR_G_UnionCascaded(all);
    OGR_G_DestroyGeometry(all);
    GDALClose(ds);
    g_assert_cmpuint(list->len, >=, 6);
    return list;
}

/* ---- the rendered map ------------------------------------------------------------- */

typedef struct picture {
    cairo_surface_t *s;
    double a, e, c, f;        /* the world file: pixel size x, y; the first pixel's centre */
} picture;

static picture
picture_load(const char *png)
{
    picture p;
    char *wf = g_strdup(png), *text = NULL;
    strcpy(wf + strlen(wf) - 3, "pgw");
    g_assert_true(g_file_get_contents(wf, &text, NULL, NULL));
    double b, d;
    g_assert_cmpint(sscanf(text, "%lf %lf %lf %lf %lf %lf", &p.a, &d, &b, &p.e, &p.c, &p.f), ==,
                    6);
    g_free(text);
    g_free(wf);
    p.s = cairo_image_surface_create_from_png(png);
    g_assert_cmpint(cairo_surface_status(p.s), ==, CAIRO_STATUS_SUCCESS);
    return p;
}

/* Whether colours a and b differ by at most slack in each channel. */
static int
colour_like(uint32_t a, uint32_t b, int slack)
{
    for (int shift = 0; shift < 24; shift += 8)
        if (abs((int)(a >> shift & 0xff) - (int)(b >> shift & 0xff)) > slack)
            return 0;
    return 1;
}

/* Whether some pixel within radius pixels of pixel (col, row) has colour rgb (to slack in
** each channel). */
static int
pixel_near(const picture *p, long col, long row, long radius, uint32_t rgb, int slack)
{
    int w = cairo_image_surface_get_width(p->s), h = cairo_image_surface_get_height(p->s);
    const unsigned char *data = cairo_image_surface_get_data(p->s);
    for (long r = row - radius; r <= row + radius; r++)
        for (long c = col - radius; c <= col + radius; c++) {
            uint32_t v;
            if (r < 0 || c < 0 || r >= h || c >= w)
                continue;
            memcpy(&v, data + r * cairo_image_surface_get_stride(p->s) + c * 4, 4);
            if (colour_like(v & 0xffffff, rgb, slack))
                return 1;
        }
    return 0;
}

/* Whether a row of run pixels of colour rgb (to slack) starts within radius pixels of pixel
** (col, row): a line symbol, not the edge of a letter. */
static int
run_near(const picture *p, long col, long row, long radius, uint32_t rgb, long run)
{
    int w = cairo_image_surface_get_width(p->s), h = cairo_image_surface_get_height(p->s);
    const unsigned char *data = cairo_image_surface_get_data(p->s);
    for (long r = MAX(0, row - radius); r <= MIN(h - 1, row + radius); r++) {
        long n = 0;
        for (long c = MAX(0, col - radius); c <= MIN(w - 1, col + radius); c++) {
            uint32_t v;
            memcpy(&v, data + r * cairo_image_surface_get_stride(p->s) + c * 4, 4);
            n = colour_like(v & 0xffffff, rgb, 1) ? n + 1 : 0;
            if (n >= run)
                return 1;
        }
    }
    return 0;
}

/* Whether some pixel within radius pixels of map point (x, y) has colour rgb (to slack). */
static int
colour_near(const picture *p, double x, double y, long radius, uint32_t rgb, int slack)
{
    return pixel_near(p, lround((x - p->c) / p->a), lround((y - p->f) / p->e), radius, rgb,
                      slack);
}

/* A value of the default style. */
static char *
style_value(const char *group, const char *key)
{
    char *path = g_build_filename(g_getenv("SAMENKAART_STYLES"), "aef.ini", NULL);
    GKeyFile *k = g_key_file_new();
    g_assert_true(g_key_file_load_from_file(k, path, G_KEY_FILE_NONE, NULL));
    char *v = g_key_file_get_string(k, group, key, NULL);
    g_assert_nonnull(v);
    g_key_file_free(k);
    g_free(path);
    return v;
}

/* The document title of a PDF cairo wrote: its /Title, a literal string when it is ASCII,
** else UTF-16BE in hex. */
static char *
pdf_title(const char *pdf)
{
    char *text = NULL;
    gsize len;
    g_assert_true(g_file_get_contents(pdf, &text, &len, NULL));
    /* The file holds binary streams: search past their NUL bytes. */
    const char *key = "/Title ", *start = NULL;
    for (gsize i = 0; start == NULL && i + strlen(key) + 1 < len; i++)
        if (memcmp(text + i, key, strlen(key)) == 0)
            start = text + i + strlen(key);
    g_assert_nonnull(start);
    char *title;
    if (start[0] == '(') {
        GString *s = g_string_new(NULL);
        for (start++; *start != ')'; start++)
            g_string_append_c(s, *start == '\\' ? *++start : *start);
        title = g_string_free(s, FALSE);
    } else {
        g_assert_true(g_str_has_prefix(start, "<FEFF"));
        GByteArray *utf16 = g_byte_array_new();
        for (start += 5; g_ascii_isxdigit(start[0]) && g_ascii_isxdigit(start[1]); start += 2) {
            guint8 byte = (guint8)(g_ascii_xdigit_value(start[0]) * 16 +
                                   g_ascii_xdigit_value(start[1]));
            g_byte_array_append(utf16, &byte, 1);
        }
        title = g_convert((const char *)utf16->data, utf16->len, "UTF-8", "UTF-16BE", NULL,
                          NULL, NULL);
        g_byte_array_unref(utf16);
    }
    g_assert_nonnull(title);
    g_free(text);
    return title;
}

/* ---- the labels CSV ---------------------------------------------------------------- */

typedef struct name_box {
    char *code;
    double size, box[4];      /* page points: x0, y0, x1, y1 */
    double map[4];            /* the box in the map CRS: minx, miny, maxx, maxy */
    int leader;
    double line[4];           /* page points: at the name, inside the municipality */
    double inner[2];          /* the line's inner end, map CRS */
} name_box;

static double
number(GHashTable *row, const char *column)
{
    const char *v = g_hash_table_lookup(row, column);
    g_assert_nonnull(v);
    return g_ascii_strtod(v, NULL);
}

static void
name_box_clear(gpointer p)
{
    g_free(((name_box *)p)->code);
}

/* The rows of a labels CSV. */
static GArray *
read_names(const char *csv)
{
    GPtrArray *rows = read_csv_rows(csv);
    GArray *names = g_array_new(FALSE, TRUE, sizeof(name_box));
    g_array_set_clear_func(names, name_box_clear);
    const char *box[] = {"x0", "y0", "x1", "y1"};
    const char *map[] = {"map_x0", "map_y0", "map_x1", "map_y1"};
    const char *line[] = {"leader_x0", "leader_y0", "leader_x1", "leader_y1"};
    for (guint i = 0; i < rows->len; i++) {
        GHashTable *r = g_ptr_array_index(rows, i);
        name_box n = {.code = g_strdup(g_hash_table_lookup(r, "gm_code")),
                      .size = number(r, "size_pt")};
        for (int k = 0; k < 4; k++) {
            n.box[k] = number(r, box[k]);
            n.map[k] = number(r, map[k]);
        }
        const char *lx = g_hash_table_lookup(r, "leader_x0");
        g_assert_nonnull(lx);   /* the column is there, empty when the name has no line */
        n.leader = lx[0] != '\0';
        for (int k = 0; k < 4 && n.leader; k++)
            n.line[k] = number(r, line[k]);
        if (n.leader) {
            n.inner[0] = number(r, "leader_map_x1");
            n.inner[1] = number(r, "leader_map_y1");
        }
        g_array_append_val(names, n);
    }
    g_ptr_array_unref(rows);
    return names;
}

static const name_box *
find_name(const GArray *names, const char *code)
{
    for (guint i = 0; i < names->len; i++)
        if (strcmp(g_array_index(names, name_box, i).code, code) == 0)
            return &g_array_index(names, name_box, i);
    return NULL;
}

/* Whether the segment passes through the inside of box b (sampled every 0.05 pt). */
static int
line_through(const double s[4], const double b[4])
{
    int steps = (int)ceil(hypot(s[2] - s[0], s[3] - s[1]) / 0.05) + 1;
    for (int i = 0; i <= steps; i++) {
        double x = s[0] + (s[2] - s[0]) * i / steps, y = s[1] + (s[3] - s[1]) * i / steps;
        if (x > b[0] + 0.01 && x < b[2] - 0.01 && y > b[1] + 0.01 && y < b[3] - 0.01)
            return 1;
    }
    return 0;
}

/* No two boxes overlap; no leader line runs through another name. */
static void
assert_apart(const GArray *names)
{
    for (guint i = 0; i < names->len; i++) {
        const name_box *a = &g_array_index(names, name_box, i);
        for (guint k = 0; k < names->len; k++) {
            const name_box *b = &g_array_index(names, name_box, k);
            if (k > i && !(a->box[2] <= b->box[0] || b->box[2] <= a->box[0] ||
                           a->box[3] <= b->box[1] || b->box[3] <= a->box[1]))
                g_error("the names of %s and %s overlap", a->code, b->code);
            if (k != i && a->leader && line_through(a->line, b->box))
                g_error("the leader line of %s runs through the name of %s", a->code, b->code);
        }
    }
}

/* Where the municipality's shape (from the shapefile) lies: whether it contains the map
** point, and whether it meets the map box. */
static int
shape_test(OGRLayerH layer, const char *code, const double *xy, const double *box)
{
    char *where = g_strdup_printf("gm_code = '%s'", code);
    OGR_L_SetAttributeFilter(layer, where);
    g_free(where);
    OGR_L_ResetReading(layer);
    OGRFeatureH f = OGR_L_GetNextFeature(layer);
    g_assert_nonnull(f);
    OGRGeometryH g = OGR_G_CreateGeometry(box != NULL ? wkbPolygon : wkbPoint);
    if (box != NULL) {
        OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
        double xs[] = {box[0], box[2], box[2], box[0], box[0]};
        double ys[] = {box[1], box[1], box[3], box[3], box[1]};
        for (int i = 0; i < 5; i++)
            OGR_G_AddPoint_2D(ring, xs[i], ys[i]);
        OGR_G_AddGeometryDirectly(g, ring);
    } else {
        OGR_G_SetPoint_2D(g, 0, xy[0], xy[1]);
    }
    int result = box != NULL ? OGR_G_Intersects(g, OGR_F_GetGeometryRef(f))
                             : OGR_G_Within(g, OGR_F_GetGeometryRef(f));
    OGR_G_DestroyGeometry(g);
    OGR_F_Destroy(f);
    return result;
}

/* The code of a municipality named name in the shapefile. */
static char *
code_of(const char *name)
{
    GDALDatasetH ds;
    OGRLayerH layer = open_municipalities(&ds);
    char *where = g_strdup_printf("gm_naam = '%s'", name);
    OGR_L_SetAttributeFilter(layer, where);
    g_free(where);
    OGRFeatureH f = OGR_L_GetNextFeature(layer);
    g_assert_nonnull(f);
    char *code = g_strdup(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "gm_code")));
    OGR_F_Destroy(f);
    GDALClose(ds);
    return code;
}

/* ---- zoomed provinces -------------------------------------------------------------- */

/* Render a zoomed map (option value) as PNG with its labels CSV, and as PDF for its title. */
static GArray *
render_zoom(const char *tag, const char *option, const char *value, char **png, char **title)
{
    *png = g_strdup_printf("%s/%s.png", out_dir, tag);
    char *csv = g_strdup_printf("%s/%s.csv", out_dir, tag);
    char *pdf = g_strdup_printf("%s/%s.pdf", out_dir, tag);
    g_assert_cmpint(run_cli(NULL, "render", "--no-cache", option, value, "--output", *png,
                            "--labels-csv", csv, NULL), ==, 0);
    g_assert_cmpint(run_cli(NULL, "render", "--no-cache", option, value, "--output", pdf, NULL),
                    ==, 0);
    *title = pdf_title(pdf);
    GArray *names = read_names(csv);
    g_free(csv);
    g_free(pdf);
    return names;
}

/* Names a reader trusts: the six most populous municipalities of the province named, at
** sizes that follow their population rank; no overlaps. */
static void
assert_ranked(const char *name, const GArray *names, const GPtrArray *list)
{
    for (guint i = 0; i < 6; i++) {
        const municipality *m = g_ptr_array_index(list, i);
        if (find_name(names, m->code) == NULL)
            g_error("%s: %s (%ld inwoners, number %u) is not named", name, m->code, m->inwoners,
                    i + 1);
    }
    /* A more populous municipality's name is never smaller than a less populous one's. */
    for (guint i = 0; i < list->len; i++)
        for (guint k = i + 1; k < list->len; k++) {
            const municipality *a = g_ptr_array_index(list, i), *b = g_ptr_array_index(list, k);
            const name_box *na = find_name(names, a->code), *nb = find_name(names, b->code);
            if (na != NULL && nb != NULL && a->inwoners > b->inwoners && na->size < nb->size)
                g_error("%s: %s (%ld) at %.2f pt, smaller than %s (%ld) at %.2f pt", name,
                        a->code, a->inwoners, na->size, b->code, b->inwoners, nb->size);
        }
    assert_apart(names);
}

/* A colour of the default style. */
static uint32_t
style_colour(const char *group, const char *key)
{
    char *colour = style_value(group, key);
    uint32_t rgb = (uint32_t)strtoul(colour + 1, NULL, 16);
    g_free(colour);
    return rgb;
}

/* Colour over under at opacity. */
static uint32_t
blend(uint32_t over, uint32_t under, double opacity)
{
    uint32_t c = 0;
    for (int shift = 0; shift < 24; shift += 8) {
        double a = over >> shift & 0xff, b = under >> shift & 0xff;
        c |= (uint32_t)lround(b + (a - b) * opacity) << shift;
    }
    return c;
}

/* The province's edge is drawn: the style's band, over the total map's fill, beside
** (nearly) every point of the province's boundary sampled, through the world file; and its
** legend entry, the band on the page's colour. */
static void
assert_outlined(const char *name, const char *png, OGRGeometryH area)
{
    char *opacity = style_value("names", "area_band_opacity");
    double a = g_ascii_strtod(opacity, NULL);
    g_free(opacity);
    uint32_t band = style_colour("names", "area_band"), page = style_colour("page", "background");
    uint32_t rgb = blend(band, style_colour("palette", "total"), a);
    picture p = picture_load(png);
    /* The legend's symbol: in the upper right of the page, right of the map, at the band's
    ** colour on the page. */
    int w = cairo_image_surface_get_width(p.s), h = cairo_image_surface_get_height(p.s);
    if (!run_near(&p, w * 85 / 100, h / 6, w * 15 / 100, blend(band, page, a), 20))
        g_error("%s: no legend entry in the band's colour", name);
    int tried = 0, found = 0;
    for (int part = 0; part < OGR_G_GetGeometryCount(area); part++) {
        OGRGeometryH poly = OGR_G_GetGeometryType(area) == wkbPolygon
                                ? area : OGR_G_GetGeometryRef(area, part);
        OGRGeometryH ring = OGR_G_GetGeometryRef(poly, 0);
        /* The outer ring of every part big enough to be drawn, at about 40 places. */
        if (OGR_G_Area(poly) < 4e6)
            continue;
        int n = OGR_G_GetPointCount(ring), step = MAX(1, n / 40);
        for (int i = 0; i < n; i += step) {
            tried++;
            /* Over the fill, or over white (no project); past the borders on top of it. */
            found += colour_near(&p, OGR_G_GetX(ring, i), OGR_G_GetY(ring, i), 8, rgb, 3) ||
                     colour_near(&p, OGR_G_GetX(ring, i), OGR_G_GetY(ring, i), 8,
                                 blend(band, page, a), 3);
        }
        if (OGR_G_GetGeometryType(area) == wkbPolygon)
            break;
    }
    cairo_surface_destroy(p.s);
    if (tried < 20 || found < tried * 9 / 10)
        g_error("%s: the outline colour at %d of %d points of the boundary", name, found, tried);
}

/* Towns a Dutch reader expects, past the six always named: they go beside their
** municipality with a leader line when they do not fit inside (issue 14, review). */
static void
assert_expected(const char *province, const GArray *names)
{
    const char *gelderland[] = {"Zutphen", "Tiel", "Wijchen", NULL};
    const char *zuid_holland[] = {"Delft", NULL};
    const char *const *towns = strcmp(province, "Gelderland") == 0     ? gelderland
                               : strcmp(province, "Zuid-Holland") == 0 ? zuid_holland
                                                                       : NULL;
    for (size_t i = 0; towns != NULL && towns[i] != NULL; i++) {
        char *code = code_of(towns[i]);
        if (find_name(names, code) == NULL)
            g_error("%s: %s is not named", province, towns[i]);
        g_free(code);
    }
}

static void
test_provinces(void)
{
    const char *provinces[] = {"Gelderland", "Friesland", "Zuid-Holland", "Noord-Brabant"};
    for (size_t i = 0; i < G_N_ELEMENTS(provinces); i++) {
        OGRGeometryH area = NULL;
        GPtrArray *list = province(provinces[i], &area);
        char *png, *title;
        GArray *names = render_zoom(provinces[i], "--zoom-province", provinces[i], &png, &title);
        assert_ranked(provinces[i], names, list);
        assert_expected(provinces[i], names);
        assert_outlined(provinces[i], png, area);
        /* The title names the area. */
        char *tail = g_strdup_printf(" – %s", provinces[i]);
        if (!g_str_has_suffix(title, tail))
            g_error("the title '%s' does not end in '%s'", title, tail);
        g_free(tail);
        g_free(title);
        g_free(png);
        g_array_unref(names);
        g_ptr_array_unref(list);
        OGR_G_DestroyGeometry(area);
    }
}

/* Whether the map box meets any municipality's shape (land). */
static int
on_land(OGRLayerH layer, const double *box)
{
    OGR_L_SetAttributeFilter(layer, NULL);
    OGR_L_SetSpatialFilterRect(layer, box[0], box[1], box[2], box[3]);
    OGR_L_ResetReading(layer);
    int land = 0;
    OGRFeatureH f;
    while (!land && (f = OGR_L_GetNextFeature(layer)) != NULL) {
        char *code = g_strdup(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "gm_code")));
        OGR_F_Destroy(f);
        land = shape_test(layer, code, NULL, box);
        OGR_L_SetSpatialFilter(layer, NULL);
        g_free(code);
    }
    OGR_L_SetSpatialFilter(layer, NULL);
    return land;
}

/* The Wadden islands of Friesland are named: inside, or in the water beside them. */
static void
test_islands(void)
{
    char *csv = g_strdup_printf("%s/Friesland.csv", out_dir);
    if (!file_exists(csv)) {   /* run alone (-p): not made by /names/provinces */
        char *png = g_strdup_printf("%s/islands.png", out_dir);
        g_assert_cmpint(run_cli(NULL, "render", "--no-cache", "--zoom-province", "Friesland",
                                "--output", png, "--labels-csv", csv, NULL), ==, 0);
        g_free(png);
    }
    GArray *names = read_names(csv);
    GDALDatasetH ds;
    OGRLayerH layer = open_municipalities(&ds);
    const char *islands[] = {"Vlieland", "Terschelling", "Ameland", "Schiermonnikoog"};
    for (size_t i = 0; i < G_N_ELEMENTS(islands); i++) {
        char *code = code_of(islands[i]);
        const name_box *n = find_name(names, code);
        if (n == NULL)
            g_error("%s is not named", islands[i]);
        double centre[2] = {(n->map[0] + n->map[2]) / 2, (n->map[1] + n->map[3]) / 2};
        int inside = shape_test(layer, code, centre, NULL) && !n->leader;
        if (!inside && on_land(layer, n->map))
            g_error("the name of %s is neither on it nor in the water", islands[i]);
        g_free(code);
    }
    GDALClose(ds);
    g_array_unref(names);
    g_free(csv);
}

/* The Menzis kernwerkgebied zoom names its cities, outlined and in the title. */
static void
test_core(void)
{
    char *png, *title;
    GArray *names = render_zoom("menzis", "--zoom-core", "Menzis", &png, &title);
    const char *cities[] = {"Groningen", "Enschede", "Arnhem"};
    for (size_t i = 0; i < G_N_ELEMENTS(cities); i++) {
        char *code = code_of(cities[i]);
        if (find_name(names, code) == NULL)
            g_error("%s is not named on the Menzis kernwerkgebied", cities[i]);
        g_free(code);
    }
    assert_apart(names);
    char *format = style_value("names", "core_area");
    char **parts = g_strsplit(format, "%s", -1);
    char *area = g_strjoinv("Menzis", parts), *tail = g_strdup_printf(" – %s", area);
    g_strfreev(parts);
    if (!g_str_has_suffix(title, tail))
        g_error("the title '%s' does not end in '%s'", title, tail);
    g_free(tail);
    g_free(area);
    g_free(format);
    g_free(title);
    g_free(png);
    g_array_unref(names);
}

/* A title that names the area already keeps it; another gets the area appended, as the
** geography spells it. */
static void
test_given_title(void)
{
    const char *titles[] = {"Zorg en welzijn in Gelderland", "Zorg en welzijn"};
    const char *want[] = {"Zorg en welzijn in Gelderland", "Zorg en welzijn – Gelderland"};
    for (size_t i = 0; i < G_N_ELEMENTS(titles); i++) {
        char *pdf = g_strdup_printf("%s/title-%zu.pdf", out_dir, i);
        g_assert_cmpint(run_cli(NULL, "render", "--no-cache", "--zoom-province", "gelderland",
                                "--title", titles[i], "--output", pdf, NULL), ==, 0);
        char *title = pdf_title(pdf);
        g_assert_cmpstr(title, ==, want[i]);
        g_free(title);
        g_free(pdf);
    }
}

/* A zoom of more regions than [names] title_names lists counts them; two are named. */
static void
test_many_areas(void)
{
    char *format = style_value("names", "title_regions");
    char **parts = g_strsplit(format, "%s", -1);
    char *count = g_strjoinv("4", parts), *four = g_strdup_printf(" – %s", count);
    const char *lists[] = {"Groningen,FoodValley,Regio Arnhem,Twente", "Groningen,Twente"};
    const char *want[] = {four, " – Groningen, Twente"};
    for (size_t i = 0; i < G_N_ELEMENTS(lists); i++) {
        char *pdf = g_strdup_printf("%s/areas-%zu.pdf", out_dir, i);
        g_assert_cmpint(run_cli(NULL, "render", "--no-cache", "--zoom-regions", lists[i],
                                "--core-of", "Menzis", "--output", pdf, NULL), ==, 0);
        char *title = pdf_title(pdf);
        if (!g_str_has_suffix(title, want[i]))
            g_error("the title '%s' does not end in '%s'", title, want[i]);
        g_free(title);
        g_free(pdf);
    }
    g_strfreev(parts);
    g_free(count);
    g_free(four);
    g_free(format);
}

/* The new style keys are checked like every other. */
static void
test_style_keys(void)
{
    const char *args[] = {"render", "--style", "{file}", "--output", "{out}", NULL};
    const char *always[] = {"2: [names] always: 'veel' is not a whole number from 0 to 100", NULL};
    assert_file_errors("style.ini", "[names]\nalways = veel\n", always, args);
    const char *title[] = {"2: [names] title: '%s in %s in %s' must contain 2 %s", NULL};
    assert_file_errors("style.ini", "[names]\ntitle = %s in %s in %s\n", title, args);
    const char *colour[] = {"3: [names] leader: 'zwart' is not a colour", NULL};
    assert_file_errors("style.ini", "[names]\nalways = 6\nleader = zwart\n", colour, args);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    out_dir = tmp_dir_new();
    g_test_add_func("/names/provinces", test_provinces);
    g_test_add_func("/names/islands", test_islands);
    g_test_add_func("/names/core", test_core);
    g_test_add_func("/names/given-title", test_given_title);
    g_test_add_func("/names/many-areas", test_many_areas);
    g_test_add_func("/names/style-keys", test_style_keys);
    int rc = g_test_run();
    tmp_dir_remove(out_dir);
    return rc;
}
