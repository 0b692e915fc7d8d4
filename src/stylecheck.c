/* sk_style_check: the colour rules of src/colour.h over every palette of a style, each set
** of colours that can share a map checked as a whole, with a report of the worst pairs. */
#include <math.h>
#include <string.h>
#include "colour.h"
#include "registry.h"
#include "internal.h"
#include "style_internal.h"

/* A colour of a set: a class (checked against white and the other classes) or a reference
** the classes must keep away from (the label colours, for fallback colours). */
typedef struct member {
    char *name;
    sk__color rgb;
    int present;        /* the style gives a colour */
    int reference;
    int lightness;      /* insurer: |ΔL*| >= 8 from every other such member */
} member;

typedef struct colour_set {
    const char *title;  /* "[colors.samenwerkingsvorm]" */
    GArray *members;    /* member */
    int normal_only;    /* fallback colours: normal vision only */
    int ramp;           /* sequential: lighter to darker */
    int ramp_classes;   /* … and enough colours for a count map of this many classes */
    sk__color white;    /* what maps leave white: the no-data fill */
} colour_set;

/* Two members compared: the rule's margin (below 0: broken) and which part broke it. */
typedef struct verdict {
    size_t a, b;
    sk__color_pair pair;
    double margin;
    int vision;         /* the vision that sets the margin, or -1 for ΔL* */
} verdict;

static void
add_member(colour_set *set, char *name, sk__color rgb, int present)
{
    member m = {name, rgb, present, 0, 0};
    g_array_append_val(set->members, m);
}

static member *
member_at(const colour_set *set, size_t i)
{
    return &g_array_index(set->members, member, i);
}

static void
set_init(colour_set *set, const char *title)
{
    memset(set, 0, sizeof *set);
    set->title = title;
    set->members = g_array_new(FALSE, TRUE, sizeof(member));
}

static void
set_clear(colour_set *set)
{
    for (size_t i = 0; i < set->members->len; i++)
        g_free(member_at(set, i)->name);
    g_array_free(set->members, TRUE);
}

/* The style key of a label set: "ontwikkelproject+implementatie". */
static char *
combination_name(sk_principle p, sk_labelset labels)
{
    GString *s = g_string_new(NULL);
    for (size_t l = 0; l < sk_principle_label_count(p); l++)
        if (labels & ((sk_labelset)1 << l))
            g_string_append_printf(s, "%s%s", s->len ? "+" : "", sk_principle_label_key(p, l));
    return g_string_free(s, FALSE);
}

static void
add_combination(colour_set *set, const sk_style *style, sk_principle p, sk_labelset labels)
{
    sk__color c = 0;
    int present = sk__style_combination_color(style, p, labels, &c);
    add_member(set, combination_name(p, labels), c, present);
}

/* Every combination of a principle's labels (samenwerkingsvorm, geografisch). */
static void
add_combinations(colour_set *set, const sk_style *style, sk_principle p)
{
    sk_labelset all = ((sk_labelset)1 << sk_principle_label_count(p)) - 1;
    for (sk_labelset labels = 1; labels <= all; labels++)
        add_combination(set, style, p, labels);
}

/* The principle's single labels. */
static void
add_singles(colour_set *set, const sk_style *style, sk_principle p)
{
    for (size_t l = 0; l < sk_principle_label_count(p); l++)
        add_combination(set, style, p, (sk_labelset)1 << l);
}

static void
add_list(colour_set *set, const char *key, const GArray *colors)
{
    for (guint i = 0; colors != NULL && i < colors->len; i++)
        add_member(set, g_strdup_printf("%s %u", key, i + 1), g_array_index(colors, sk__color, i),
                   1);
}

static void
compare(const colour_set *set, size_t a, size_t b, verdict *v)
{
    const member *x = member_at(set, a), *y = member_at(set, b);
    v->a = a;
    v->b = b;
    sk__color_compare(x->rgb, y->rgb, &v->pair);
    static const double min[SK__VISION_COUNT] = {SK__MIN_DE_NORMAL, SK__MIN_DE_CVD,
                                                 SK__MIN_DE_CVD};
    v->margin = INFINITY;
    for (int s = 0; s < (set->normal_only ? 1 : SK__VISION_COUNT); s++) {
        double m = v->pair.de[s] / min[s] - 1;
        if (m < v->margin) {
            v->margin = m;
            v->vision = s;
        }
    }
    if (x->lightness && y->lightness && v->pair.dl / SK__MIN_DL_INSURER - 1 < v->margin) {
        v->margin = v->pair.dl / SK__MIN_DL_INSURER - 1;
        v->vision = -1;
    }
}

static int
by_margin(const void *a, const void *b)
{
    const verdict *x = a, *y = b;
    return x->margin < y->margin ? -1 : x->margin > y->margin;
}

/* Every pair of the set that a rule covers (never two references), worst first. */
static GArray *
pairs_of(const colour_set *set)
{
    GArray *pairs = g_array_new(FALSE, FALSE, sizeof(verdict));
    for (size_t a = 0; a < set->members->len; a++)
        for (size_t b = a + 1; b < set->members->len; b++) {
            const member *x = member_at(set, a), *y = member_at(set, b);
            if (!x->present || !y->present || (x->reference && y->reference))
                continue;
            verdict v;
            compare(set, a, b, &v);
            g_array_append_val(pairs, v);
        }
    g_array_sort(pairs, by_margin);
    return pairs;
}

static double
white_distance(const colour_set *set, sk__color c)
{
    return sk__color_distance(c, set->white, SK__VISION_NORMAL);
}

/* The first broken rule of the set as the error message, or NULL. */
static char *
first_failure(const colour_set *set, const GArray *pairs)
{
    for (size_t i = 0; i < set->members->len; i++) {
        const member *m = member_at(set, i);
        if (!m->present)
            return g_strdup_printf("%s '%s' has no colour (add '%s = #rrggbb')",
                                   set->title, m->name, m->name);
        if (!m->reference && white_distance(set, m->rgb) < SK__MIN_DE_WHITE)
            return g_strdup_printf("%s '%s' (#%06x) is too close to white: ΔE2000 %.1f "
                                   "(at least %g); choose a darker or more saturated colour",
                                   set->title, m->name, m->rgb, white_distance(set, m->rgb),
                                   SK__MIN_DE_WHITE);
    }
    if (pairs->len > 0 && g_array_index(pairs, verdict, 0).margin < 0) {
        const verdict *v = &g_array_index(pairs, verdict, 0);
        const member *x = member_at(set, v->a), *y = member_at(set, v->b);
        if (v->vision < 0)
            return g_strdup_printf("%s '%s' (#%06x) and '%s' (#%06x) are too alike in "
                                   "lightness: ΔL* %.1f (at least %g), so they merge in "
                                   "greyscale print",
                                   set->title, x->name, x->rgb, y->name, y->rgb, v->pair.dl,
                                   SK__MIN_DL_INSURER);
        int normal = v->vision == SK__VISION_NORMAL;
        char *under = normal ? g_strdup("in normal vision")
                             : g_strdup_printf("under %s", sk__vision_name((sk__vision)v->vision));
        char *msg = g_strdup_printf("%s '%s' (#%06x) and '%s' (#%06x) are too alike: "
                                    "ΔE2000 %.1f %s (at least %g)",
                                    set->title, x->name, x->rgb, y->name, y->rgb,
                                    v->pair.de[v->vision], under,
                                    normal ? SK__MIN_DE_NORMAL : SK__MIN_DE_CVD);
        g_free(under);
        return msg;
    }
    /* A count map has up to 7 classes: "0" takes the first colour, the others spread over
    ** the rest. */
    if (set->ramp_classes > 0 && set->members->len < (guint)set->ramp_classes + 1)
        return g_strdup_printf("%s has %u colours; a count map of up to %d classes needs %d "
                               "(the first for the class 0)", set->title, set->members->len,
                               set->ramp_classes, set->ramp_classes + 1);
    for (size_t i = 1; set->ramp && i < set->members->len; i++) {
        const member *x = member_at(set, i - 1), *y = member_at(set, i);
        double lx = sk__color_lab(x->rgb, SK__VISION_NORMAL).L;
        double ly = sk__color_lab(y->rgb, SK__VISION_NORMAL).L;
        if (ly >= lx)
            return g_strdup_printf("%s '%s' (#%06x) is not darker than '%s' (#%06x): "
                                   "L* %.1f after %.1f; order the ramp light to dark",
                                   set->title, y->name, y->rgb, x->name, x->rgb, ly, lx);
    }
    return NULL;
}

/* The set's lines of the report: its verdict, the worst pairs, the colour nearest white. */
static void
report_set(GString *out, const colour_set *set, const GArray *pairs, const char *failure)
{
    size_t classes = 0;
    for (size_t i = 0; i < set->members->len; i++)
        classes += !member_at(set, i)->reference;
    g_string_append_printf(out, "%s %zu colours: %s\n", set->title, classes,
                           failure ? "TOO ALIKE" : "ok");
    if (pairs->len > 0)
        g_string_append_printf(out, "  worst pairs (ΔE2000 normaal / deuteranopie / protanopie"
                                    ", ΔL*):\n");
    for (guint i = 0; i < pairs->len && i < 3; i++) {
        const verdict *v = &g_array_index(pairs, verdict, i);
        const member *x = member_at(set, v->a), *y = member_at(set, v->b);
        g_string_append_printf(out, "    '%s' #%06x – '%s' #%06x: %.1f / %.1f / %.1f, ΔL* %.1f\n",
                               x->name, x->rgb, y->name, y->rgb, v->pair.de[0], v->pair.de[1],
                               v->pair.de[2], v->pair.dl);
    }
    const member *nearest = NULL;
    for (size_t i = 0; i < set->members->len; i++) {
        const member *m = member_at(set, i);
        if (m->present && !m->reference &&
            (nearest == NULL || white_distance(set, m->rgb) < white_distance(set, nearest->rgb)))
            nearest = m;
    }
    if (nearest != NULL)
        g_string_append_printf(out, "  nearest white: '%s' #%06x, ΔE2000 %.1f\n", nearest->name,
                               nearest->rgb, white_distance(set, nearest->rgb));
    if (failure != NULL)
        g_string_append_printf(out, "  %s\n", failure);
}

/* Check one set: its report lines, and its first failure (g_free) or NULL. */
static char *
check_set(GString *out, colour_set *set)
{
    GArray *pairs = pairs_of(set);
    char *failure = first_failure(set, pairs);
    report_set(out, set, pairs, failure);
    g_array_free(pairs, TRUE);
    set_clear(set);
    return failure;
}

static void
mark_last(colour_set *set, size_t n, int reference, int lightness)
{
    for (size_t i = set->members->len - n; i < set->members->len; i++) {
        member_at(set, i)->reference = reference;
        member_at(set, i)->lightness = lightness;
    }
}

/* The label sets: combinations of forms and levels, singles with group (and none). */
static void
label_sets(const sk_style *s, colour_set *sets, size_t *n)
{
    set_init(&sets[*n], "[colors.samenwerkingsvorm]");
    add_combinations(&sets[(*n)++], s, SK_FORM);
    set_init(&sets[*n], "[colors.geografisch]");
    add_combinations(&sets[(*n)++], s, SK_LEVEL);
    static const struct {
        sk_principle p;
        const char *title;
    } singles[] = {{SK_THEME, "[colors.inhoudelijk] + group"},
                   {SK_INSTRUMENT, "[colors.instrumenteel] + group"},
                   {SK_INSURER, "[colors.zorgverzekeraar] + none + group"}};
    for (size_t i = 0; i < G_N_ELEMENTS(singles); i++) {
        colour_set *set = &sets[(*n)++];
        set_init(set, singles[i].title);
        add_singles(set, s, singles[i].p);
        if (singles[i].p == SK_INSURER) {
            mark_last(set, set->members->len, 0, 1);
            add_member(set, g_strdup("none"), s->none_fill, 1);
        }
        add_member(set, g_strdup("group"), s->group_fill, 1);
    }
}

/* The [palette]'s own sets: sequential, highlight, changes, total, fallback. */
static void
palette_sets(const sk_style *s, colour_set *sets, size_t *n)
{
    colour_set *set = &sets[(*n)++];
    set_init(set, "[palette] sequential");
    add_list(set, "sequential", s->sequential);
    set->ramp = 1;
    set->ramp_classes = SK__MAX_SEQUENTIAL;
    set = &sets[(*n)++];
    set_init(set, "[palette] highlight");
    add_member(set, g_strdup("highlight"), s->highlight_fill, 1);
    add_member(set, g_strdup("highlight_other"), s->highlight_other_fill, 1);
    set = &sets[(*n)++];
    set_init(set, "[palette] change");
    static const char *const changes[4] = {"change_new", "change_ended", "change_changed",
                                           "change_unchanged"};
    for (size_t i = 0; i < 4; i++)
        add_member(set, g_strdup(changes[i]), s->change_fill[i], 1);
    set = &sets[(*n)++];
    set_init(set, "[palette] total");
    add_member(set, g_strdup("total"), s->total_fill, 1);
    /* Fallback colours: apart from each other and from every label colour (normal vision). */
    set = &sets[(*n)++];
    set_init(set, "[palette] fallback");
    set->normal_only = 1;
    add_list(set, "fallback", s->fallback);
    size_t before = set->members->len;
    static const sk_principle labelled[] = {SK_THEME, SK_INSTRUMENT, SK_INSURER};
    for (size_t i = 0; i < G_N_ELEMENTS(labelled); i++)
        add_singles(set, s, labelled[i]);
    add_member(set, g_strdup("group"), s->group_fill, 1);
    add_member(set, g_strdup("none"), s->none_fill, 1);
    mark_last(set, set->members->len - before, 1, 0);
}

/* Point maps: the categorical colours of [points], and each [scale COLUMN]'s levels drawn
** on the map (an ordinal scale's a ramp, light to dark).  Titles are kept in titles. */
static void
point_sets(const sk_style *s, colour_set *sets, size_t *n, GPtrArray *titles)
{
    colour_set *set = &sets[(*n)++];
    set_init(set, "[points] categorical");
    add_list(set, "categorical", s->points.categorical);
    for (size_t i = 0; i < sk__style_scale_count(s); i++) {
        const sk__scale *scale = sk__style_scale_at(s, i);
        if (scale->colors == NULL)
            continue;
        char *title = g_strdup_printf("[scale %s]", scale->column);
        g_ptr_array_add(titles, title);
        set = &sets[(*n)++];
        set_init(set, title);
        set->ramp = scale->ordinal;
        for (size_t l = 0; l < scale->count; l++)
            if (!scale->off_map[l])
                add_member(set, g_strdup(scale->levels[l]), scale->colors[l], 1);
    }
}

sk_status
sk_style_check(sk_ctx *ctx, const sk_style *style, char **report)
{
    *report = NULL;
    colour_set *sets = g_new0(colour_set, 12 + sk__style_scale_count(style));
    GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
    size_t n = 0;
    label_sets(style, sets, &n);
    palette_sets(style, sets, &n);
    point_sets(style, sets, &n, titles);
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "Colours of %s: every two classes ΔE2000 >= %g (normaal), "
                                ">= %g (deuteranopie, protanopie); every class >= %g from "
                                "white; insurers ΔL* >= %g\n",
                           style->path ? style->path : "the default style", SK__MIN_DE_NORMAL,
                           SK__MIN_DE_CVD, SK__MIN_DE_WHITE, SK__MIN_DL_INSURER);
    char *first = NULL;
    for (size_t i = 0; i < n; i++) {
        sets[i].white = style->no_data_fill;
        char *failure = check_set(out, &sets[i]);
        if (first == NULL)
            first = failure;
        else
            g_free(failure);
    }
    *report = g_string_free(out, FALSE);
    g_free(sets);
    g_ptr_array_unref(titles);
    if (first == NULL)
        return SK_OK;
    sk__error(ctx, SK_EINPUT, "%s: %s", style->path, first);
    g_free(first);
    return SK_EINPUT;
}
