/* Scales of point columns ([scale COLUMN] groups of a style) and the look of point maps
** ([points]).  A scale names a column's values: its levels (lowest first when ordinal), the
** levels left off the map (counted in the legend), their colours (a sequential ramp, light
** to dark, for an ordinal scale), symbol sizes (a column a map sizes its points by) and
** legend wording.  Read with the style (style.c), checked against the colour rules
** (stylecheck.c). */
#ifndef SK_SCALES_H
#define SK_SCALES_H

#include <glib.h>
#include "samenkaart/style.h"
#include "stylekeys.h"

typedef struct sk__scale {
    char *column;          /* the column it describes ("samenwerking") */
    int ordinal;           /* levels ordered, lowest first */
    char **levels;         /* the values, in order */
    size_t count;
    char **legend;         /* per level its legend text (a copy of the value unless given) */
    sk__color *colors;     /* per level its fill, or NULL (a scale for sizes only) */
    double *sizes;         /* per level a symbol's diameter in points, or NULL */
    guint8 *off_map;       /* per level: counted but left off the map */
    char *title;           /* the legend title ("Mate van samenwerking") */
} sk__scale;

/* The look of point maps: [points]. */
typedef struct sk__points_style {
    double symbol_size;            /* a circle's diameter, points (no size column) */
    double outline_width;          /* points */
    sk__color outline_dark;        /* on light fills … */
    sk__color outline_light;       /* … and on dark ones: */
    double outline_switch;         /* CIELAB L* of the fill from which the outline is dark */
    double displace;               /* coincident points: centres this far apart, points */
    char *unit_one, *unit_many;    /* "initiatief", "initiatieven" */
    char *count_format;            /* "%s %s": number, unit ("36 initiatieven") */
    char *off_map_format;          /* "%s; niet op de kaart": the count of a level off the
                                   ** map ("2 initiatieven; niet op de kaart") */
    char *title_format;            /* "Initiatieven naar %s": the title, by the legend title */
    char *title_all;               /* the title of a map of points in one class */
    char *selection_format;        /* "%s (%s)": a title, the clauses selecting the points */
    char *empty_label;             /* the legend text of an empty value ("onbekend") */
    char *range_format;            /* "%s–%s": a count class's range on a count map */
    char *open_format;             /* "%s of meer %s": its open class (number, unit) */
    char *covered_label;           /* the legend text of the covered area's outline */
    char *off_map_note;            /* a shared legend's level off the map: "niet op de kaart" */
    char *panel_title_format;      /* "%s (%s)": a panel's title, its count ("35 initiatieven") */
    char *count_title;             /* "Aantal initiatieven per gemeente" */
    char *count_legend_title;      /* "Initiatieven per gemeente" */
    char *size_title;              /* the legend heading of sizes ("Bereik") when the scale
                                   ** has no title */
    char *source_format;           /* "Bron: …; %s": the source line, the layer's name */
    GArray *categorical;           /* sk__color: a column without a scale, in value order */
    sk__color covered_color;       /* an initiative's covered area, outlined … */
    double covered_width;          /* … this wide (points; 0: not drawn) */
} sk__points_style;

/* The level of value in scale (exact, then any case), or -1. */
int sk__scale_level(const sk__scale *scale, const char *value);
/* Free a scale and everything it holds (NULL: nothing). */
void sk__scale_free(sk__scale *scale);
#endif
