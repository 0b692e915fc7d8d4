/* The parsed style, read by the map model, layout and renderer. */
#ifndef SK_STYLE_INTERNAL_H
#define SK_STYLE_INTERNAL_H

#include <stdint.h>
#include <glib.h>
#include "samenkaart/classify.h"
#include "samenkaart/map.h"
#include "samenkaart/style.h"
#include "stylekeys.h"
#include "scales.h"


/* [names] (and [fonts] name_*): municipality names on zoomed maps and the zoomed area
** (src/layout/names.c, the zoom title in map.c). */
typedef struct sk__names_style {
    double large, medium, small;   /* sizes by population rank, points (large 0: no names) */
    int large_count, medium_count; /* ranks sized large, then medium; the rest small */
    int always;                    /* the most populous of the area named whatever the room */
    int beside;                    /* ranks that go beside with a leader when they do not fit */
    sk__color leader;              /* the line from a name placed outside to its municipality */
    double leader_width, leader_max;     /* points; leader_max: its longest */
    double leader_casing_width;          /* under it, in the names' halo colour */
    sk__color outline;             /* the zoomed area's band, inside its outline … */
    double outline_width, outline_opacity;   /* … this wide (points), this opaque (0-1) */
    char *legend_format;           /* "%s": its legend entry, the area */
    char *title_format;            /* "%s – %s": the title, the area */
    char *core_format;             /* "kernwerkgebied %s": the area of zoom_core */
    int title_names;               /* areas of one kind named in the title; more: counted */
    char *count_provinces, *count_regions, *count_municipalities;   /* "%s Wmo-regio's" */
} sk__names_style;
/* The texts of [compare] and [diff]: the key figures printed beside the maps of samenkaart
** compare and diff, and the title of a map of changes between two named databases.  Their
** keys and number of %s are in sk__view_keys (src/figures.c), in this order. */
typedef enum sk__view_text {
    SK__CMP_TITLE, SK__CMP_SHARE, SK__CMP_NO_CORE, SK__CMP_PROJECTS, SK__CMP_MUNICIPALITIES,
    SK__CMP_INSIDE, SK__CMP_CORE, SK__CMP_WITHOUT, SK__CMP_SEVERAL, SK__CMP_SEVERAL_INSIDE,
    SK__CMP_SEVERAL_NO_CORE,
    SK__DIFF_TITLE, SK__DIFF_BEFORE, SK__DIFF_AFTER, SK__DIFF_FIGURES_TITLE, SK__DIFF_PROJECTS,
    SK__DIFF_NEW, SK__DIFF_ENDED, SK__DIFF_CHANGED, SK__DIFF_RELABELLED, SK__DIFF_INSURERS,
    SK__DIFF_PLACES, SK__DIFF_UNCHANGED, SK__DIFF_MUNICIPALITIES, SK__DIFF_CLASS,
    SK__VIEW_TEXT_COUNT
} sk__view_text;

typedef struct sk__view_key {
    const char *group, *key;
    int conversions;               /* the number of %s the code fills in */
} sk__view_key;
extern const sk__view_key sk__view_keys[SK__VIEW_TEXT_COUNT];

struct sk_style {
    char *path;
    sk_page_size page;
    double margin;                 /* all lengths in points (1/72 inch) */
    char *font_family;
    double title_size, caption_size, legend_title_size, legend_size, source_size, scale_size;
    sk__color text_color, muted_text_color, background;

    sk__color no_data_fill, municipality_border, region_border;
    double municipality_border_width, region_border_width;

    double legend_width, swatch_width, swatch_height, legend_spacing, text_panel_width;
    int show_counts;
    char *region_border_label;

    char *source_format;           /* "Bron: CBS, Kadaster; projectdatabase %s" */
    char *source_table_format;     /* the same for a map of a table: "…; %s" */
    char *total_label;             /* legend text of a total map's class */
    char *total_insurer_format;    /* … of one insurer's total map: "… project van %s" */
    char *title_total_format;      /* "%s – totaal (incl. grenzen van de Wmo-regio's)" */
    char *title_combination_format;/* "%s – %s" */
    char *all_projects;            /* what the title calls an unfiltered map */
    char *highlight_format;        /* "%s: %s" (filter, highlight) */
    char *highlight_other_format;  /* "%s: overig" */
    char *title_count_format;      /* "%s – aantal projecten per gemeente" */
    char *count_range_format;      /* "%s–%s projecten" */
    char *count_exact_format, *count_exact_one_format;   /* "%s projecten", "%s project" */
    char *count_open_format;       /* "%s of meer" */
    char *count_legend_title;
    char *note_title;              /* "Let op!" */
    char *none_label;              /* table maps: listed with no label ("geen contract") */
    char *regions_title, *regions_legend_title;
    /* maps of changes: new, ended, changed, unchanged (diff.h's classes in order) */
    char *title_changes_format, *changes_legend_title, *source_changes_format;
    char *change_label[4];
    /* samenkaart compare: titles and the core area's legend text */
    char *title_insurer_format, *title_insurers, *core_area_format, *core_area_any;
    sk__color change_fill[4];
    GArray *regions_palette;       /* sk__color: soft colours for the regions overview */
    double label_size;
    sk__names_style names;             /* municipality names on zoomed maps */
    double inset_width;                /* the small map of the whole beside a zoomed one */
    sk__color inset_land, inset_border, inset_extent;
    char *outline_label;
    sk__color outline_color;
    double outline_width;
    sk__color area_color;          /* an area outlined over the map (kernwerkgebied) */
    double area_width;
    sk__color area_casing;         /* drawn under it, wider, to part it from the fills */
    double area_casing_width;
    sk__color label_color, label_halo;
    sk__color none_fill;
    double note_size;
    sk__color note_fill, note_border;

    /* The atlas grid and its lines (issue 14): the head band holds a title line and
    ** caption_lines caption lines; region borders on a lighter casing; municipal borders
    ** between fills darker than municipality_border in a light colour; on small multiples
    ** line widths scale with the panel, down to panel_lines_min of their width. */
    double caption_lines;
    sk__color region_casing;
    double region_casing_width;
    sk__color fill_border;
    double fill_border_width;
    double panel_lines_min;

    sk__color total_fill, highlight_fill, highlight_other_fill;
    sk__color group_fill;          /* a group of classes ("3 of meer thema's") */
    GArray *sequential;            /* sk__color, light to dark, for count maps */
    GArray *fallback;              /* sk__color, for combinations without their own colour */
    GHashTable *colors[SK_PRINCIPLE_COUNT];  /* labelset -> colour + 1 */
    GHashTable *legend_text[SK_PRINCIPLE_COUNT]; /* label index -> text (owned) */
    char *legend_title[SK_PRINCIPLE_COUNT];
    /* Per principle: each label's place in the legend ([legend-order]; rank of label l), the
    ** text of white on a panel of one label ([legend-white]), a group's text ("%s of meer
    ** thema's", [group-labels]). */
    guint8 *label_rank[SK_PRINCIPLE_COUNT];
    char *panel_white[SK_PRINCIPLE_COUNT];
    char *group_format[SK_PRINCIPLE_COUNT];
    /* Legend texts: a class's size ("%s gemeenten", "%s gemeente"), white on a map of
    ** projects, of a table, of changes and on a panel of a table's label; the caveat of maps
    ** of combinations; the line of a map drawn as small multiples ("%s klassen … per %s"). */
    char *count_plural_format, *count_singular_format;
    char *no_project_label, *not_in_table_label, *no_project_changes_label;
    char *no_matching_format;      /* "geen project (%s)": white on a map of some projects */
    char *no_matching_panels;      /* white on a page of maps of different projects */
    char *table_panel_white, *combination_note, *split_note_format, *split_alike_format;

    /* The pages of a document ([document]): the cover, the contents and section pages, and
    ** the page number at the foot of every page after the cover. */
    double page_number_size, cover_title_size, cover_subtitle_size, cover_text_size;
    double status_size, section_text_size, section_text_width;
    sk__color status_color, leader_color;
    char *contents_title;          /* the heading of the contents pages ("Inhoud") */
    /* [compare] and [diff] (sk__view_text): the key figures beside compare's and diff's maps,
    ** the title of a map of changes between two named databases. */
    char *view_text[SK__VIEW_TEXT_COUNT];
    /* Point maps: [points], and the [scale COLUMN] groups (sk__scale *, file order). */
    sk__points_style points;
    GPtrArray *scales;
};

/* Compare two label sets of principle p in the style's legend order (sk_labelset_compare with
** the labels in [legend-order]'s order): < 0 when a comes first. */
int sk__style_labelset_compare(const sk_style *style, sk_principle p, sk_labelset a,
                               sk_labelset b);

/* The style's colour for a combination, or 0 when it has none (colours are stored + 1). */
int sk__style_combination_color(const sk_style *style, sk_principle p, sk_labelset labels,
                                sk__color *color);
/* Fill one of the style's text formats with up to two strings (its %s count was checked when
** the style was loaded).  g_free the result. */
char *sk__style_format(const char *format, const char *a, const char *b);

/* The legend text of one label. Borrowed from style. */
const char *sk__style_label_text(const sk_style *style, sk_principle p, size_t label);

/* The scale of column (any case) in style, or NULL when it declares none.  Borrowed. */
const sk__scale *sk__style_scale(const sk_style *style, const char *column);
/* The style's scales: their number and scale i (borrowed). */
size_t sk__style_scale_count(const sk_style *style);
const sk__scale *sk__style_scale_at(const sk_style *style, size_t i);
/* [points]. Borrowed. */
const sk__points_style *sk__style_points(const sk_style *style);

/* Reading a style (style_scales.c): [points] and every [scale COLUMN] group of the default
** style and the user's file into style->points and style->scales; problems on r's files. */
void sk__style_read_points(sk__key_reader *r, sk_style *style);
/* Free what sk__style_read_points put in style. */
void sk__style_free_points(sk_style *style);


#endif
