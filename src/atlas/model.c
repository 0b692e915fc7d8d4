/* The atlas's pages and geographies: freeing, the public accessors and lookups shared by
** reading and building. */
#include <string.h>
#include "model.h"

void
sk__atlas_page_clear(page *p)
{
    if (p->panels != NULL) {
        for (guint i = 0; i < p->panels->len; i++)
            sk__atlas_page_clear(&g_array_index(p->panels, page, i));
        g_array_free(p->panels, TRUE);
    }
    char **strings[] = {&p->panel_principle, &p->zoom_regions, &p->zoom_municipalities,
                        &p->zoom_province, &p->table, &p->table_layer, &p->table_key, &p->table_column,
                        &p->table_path, &p->geography, &p->text, &p->id, &p->name, &p->title,
                        &p->caption, &p->note, &p->breaks, &p->core_of_name,
                        &p->zoom_core_name, &p->source, &p->by, &p->size_by,
                        &p->count_method, &p->group};
    for (size_t i = 0; i < G_N_ELEMENTS(strings); i++)
        g_free(*strings[i]);
    g_strfreev(p->where);
    g_strfreev(p->highlights);
}

static void
geographies_free(GArray *geographies)
{
    for (guint i = 0; i < geographies->len; i++) {
        alt_geography *g = &g_array_index(geographies, alt_geography, i);
        char **fields[] = {&g->name, &g->municipalities, &g->regions, &g->membership,
                           &g->region_code, &g->region_name, &g->membership_code,
                           &g->membership_name, &g->region_label, &g->municipality_layer,
                           &g->region_layer, &g->membership_layer};
        for (size_t k = 0; k < G_N_ELEMENTS(fields); k++)
            g_free(*fields[k]);
    }
    g_array_free(geographies, TRUE);
}

void
sk_atlas_free(sk_atlas *a)
{
    if (a == NULL)
        return;
    char **strings[] = {&a->core, &a->core_layer, &a->core_geography, &a->core_column,
                        &a->path, &a->dir, &a->data_dir, &a->title, &a->subtitle, &a->source, &a->style,
                        &a->municipalities, &a->regions, &a->membership, &a->projects,
                        &a->sheet, &a->municipality_layer, &a->region_layer,
                        &a->membership_layer, &a->organisation, &a->date, &a->version,
                        &a->status};
    for (size_t i = 0; i < G_N_ELEMENTS(strings); i++)
        g_free(*strings[i]);
    if (a->pages != NULL) {
        for (guint i = 0; i < a->pages->len; i++)
            sk__atlas_page_clear(SK__ATLAS_PAGE(a, i));
        g_array_free(a->pages, TRUE);
    }
    if (a->geographies != NULL)
        geographies_free(a->geographies);
    for (guint i = 0; a->point_files != NULL && i < a->point_files->len; i++) {
        point_file *f = &g_array_index(a->point_files, point_file, i);
        g_free(f->path);
        g_free(f->layer);
        g_free(f->x_field);
        g_free(f->y_field);
        g_free(f->group);
    }
    if (a->point_files != NULL)
        g_array_free(a->point_files, TRUE);
    g_free(a);
}

size_t
sk_atlas_page_count(const sk_atlas *a)
{
    return a->pages->len;
}

const char *
sk_atlas_page_name(const sk_atlas *a, size_t i)
{
    return i < a->pages->len ? SK__ATLAS_PAGE(a, i)->name : NULL;
}

size_t
sk_atlas_page_maps(const sk_atlas *a, size_t i)
{
    if (i >= a->pages->len)
        return 0;
    const page *pg = SK__ATLAS_PAGE(a, i);
    return pg->kind == PAGE_MAP ? 1 : pg->kind == PAGE_PANELS ? pg->panels->len : 0;
}

const char *
sk_atlas_page_title(const sk_atlas *a, size_t i)
{
    return i < a->pages->len ? SK__ATLAS_PAGE(a, i)->title : NULL;
}

void
sk_atlas_options_init(sk_atlas_options *o)
{
    *o = (sk_atlas_options){.dpi = 150, .thumbnail_width = 440};
}

int
sk__atlas_geography_index(const sk_atlas *a, const char *name)
{
    for (guint k = 0; name != NULL && k < a->geographies->len; k++)
        if (strcmp(g_array_index(a->geographies, alt_geography, k).name, name) == 0)
            return (int)k;
    return -1;
}

int
sk__atlas_uses_core(const sk_atlas *a)
{
    for (guint i = 0; i < a->pages->len; i++) {
        const page *pg = SK__ATLAS_PAGE(a, i);
        if (pg->core_of > 0 || pg->zoom_core > 0)
            return 1;
        for (guint k = 0; pg->panels != NULL && k < pg->panels->len; k++)
            if (g_array_index(pg->panels, page, k).core_of > 0 ||
                g_array_index(pg->panels, page, k).zoom_core > 0)
                return 1;
    }
    return 0;
}

char *
sk__atlas_resolve_data(const sk_atlas *a, const char *name)
{
    if (name == NULL || name[0] == '\0')
        return NULL;
    char *path = g_path_is_absolute(name) || strchr(name, ':') != NULL
                     ? g_strdup(name)
                     : g_build_filename(a->dir, name, NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS) && a->data_dir != NULL &&
        !g_path_is_absolute(name)) {
        g_free(path);
        path = g_build_filename(a->data_dir, name, NULL);
    }
    return path;
}

char *
sk__atlas_resolve(const sk_atlas *a, const char *path)
{
    if (path == NULL || path[0] == '\0')
        return NULL;
    if (g_path_is_absolute(path) || strchr(path, ':') != NULL)
        return g_strdup(path);
    return g_build_filename(a->dir, path, NULL);
}
