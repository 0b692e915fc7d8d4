/* palette: the designer of the colours of styles/aef.ini (issue 12), a developer's tool (built,
** not installed).  It searches sRGB colours that keep every set of classes that can share a
** map apart by the colour rules of src/colour.h (ΔE2000 >= 10 in normal vision, >= 6 under
** simulated deuteranopia and protanopia, >= 10 from white; insurers >= 8 apart in L*),
** starting from the current colours so that every label keeps its hue where it can, and
** prints the result as INI lines.  Simulated annealing with a fixed seed: the same output on
** every run.
**
**   build/palette > /tmp/palette.ini   (about a minute)
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "src/colour.h"

#define MAX_VARS 80
#define MAX_RULES 4000

enum rule_kind {
    RULE_CVD,      /* ΔE00 >= 10 normal, >= 6 deutan and protan */
    RULE_NORMAL,   /* ΔE00 >= 10 normal only */
    RULE_DL,       /* |ΔL*| >= 8 */
    RULE_DARKER,   /* L*(j) at least 3 below L*(i) */
};

typedef struct var {
    const char *section, *key;
    uint32_t anchor, rgb;
    double max_chroma;          /* soft, print-friendly colours: C*ab at most this */
    double min_l, max_l;
    int fixed;
    sk__lab lab[SK__VISION_COUNT];
} var;

typedef struct rule {
    int i, j;
    enum rule_kind kind;
} rule;

static var vars[MAX_VARS];
static int nvars;
static rule rules[MAX_RULES];
static int nrules;

static int
add_var(const char *section, const char *key, uint32_t anchor, double max_chroma)
{
    var *v = &vars[nvars];
    *v = (var){section, key, anchor, anchor, max_chroma, 30, 94, 0, {{0, 0, 0}}};
    return nvars++;
}

static void
add_rule(int i, int j, enum rule_kind kind)
{
    if (nrules == MAX_RULES) {
        fprintf(stderr, "palette: too many rules\n");
        exit(1);
    }
    rules[nrules++] = (rule){i, j, kind};
}

/* Every two of the colours first..first+n-1 (and of extra, e.g. group) apart by kind. */
static void
add_set(const int *ids, int n, enum rule_kind kind)
{
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++)
            add_rule(ids[a], ids[b], kind);
}

static void
update_lab(var *v)
{
    for (int s = 0; s < SK__VISION_COUNT; s++)
        v->lab[s] = sk__color_lab(v->rgb, (sk__vision)s);
}

/* The margins of a rule, scaled so that 0 is the threshold and 1 twice it; the lowest. */
static double
rule_margin(const rule *r)
{
    const var *a = &vars[r->i], *b = &vars[r->j];
    switch (r->kind) {
    case RULE_CVD: {
        double m = sk__ciede2000(a->lab[0], b->lab[0]) / SK__MIN_DE_NORMAL - 1;
        for (int s = 1; s < SK__VISION_COUNT; s++) {
            double c = sk__ciede2000(a->lab[s], b->lab[s]) / SK__MIN_DE_CVD - 1;
            m = c < m ? c : m;
        }
        return m;
    }
    case RULE_NORMAL:
        return sk__ciede2000(a->lab[0], b->lab[0]) / SK__MIN_DE_NORMAL - 1;
    case RULE_DL:
        return fabs(a->lab[0].L - b->lab[0].L) / SK__MIN_DL_INSURER - 1;
    case RULE_DARKER:
        return (a->lab[0].L - b->lab[0].L) / 3.0 - 1;
    }
    return 0;
}

/* A colour's own margins: >= 10 from white, its chroma and lightness bounds. */
static double
var_margin(const var *v)
{
    static const sk__lab white = {100, 0, 0};
    double m = sk__ciede2000(v->lab[0], white) / SK__MIN_DE_WHITE - 1;
    double chroma = hypot(v->lab[0].a, v->lab[0].b);
    double c = (v->max_chroma - chroma) / 10;
    double l = (v->lab[0].L - v->min_l) / 5, h = (v->max_l - v->lab[0].L) / 5;
    m = c < m ? c : m;
    m = l < m ? l : m;
    return h < m ? h : m;
}

/* Margins above CAP earn nothing more: once a pair is safely apart, the colours stay near
** their anchors instead of drifting to the extremes of the gamut. */
#define CAP 0.2
#define SOFT 0.03

static double rule_m[MAX_RULES];
static double var_m[MAX_VARS], var_drift[MAX_VARS];

static void
measure_var(int i)
{
    var *v = &vars[i];
    update_lab(v);
    var_m[i] = v->fixed ? CAP : var_margin(v);
    var_drift[i] = v->fixed ? 0
                            : sk__ciede2000(v->lab[0], sk__color_lab(v->anchor, SK__VISION_NORMAL));
    for (int r = 0; r < nrules; r++)
        if (rules[r].i == i || rules[r].j == i)
            rule_m[r] = rule_margin(&rules[r]);
}

static double
capped_term(double m)
{
    return exp(-(m < CAP ? m : CAP) / SOFT);
}

/* Soft minimum of every margin (capped), less a little for straying from the anchors: the
** worst pair counts most, the next ones a little, the hue identity least. */
static double
score(double *worst)
{
    double sum = 0, low = INFINITY, drift = 0;
    int free_vars = 0;
    for (int r = 0; r < nrules; r++) {
        low = rule_m[r] < low ? rule_m[r] : low;
        sum += capped_term(rule_m[r]);
    }
    for (int i = 0; i < nvars; i++) {
        if (vars[i].fixed)
            continue;
        low = var_m[i] < low ? var_m[i] : low;
        sum += capped_term(var_m[i]);
        drift += var_drift[i];
        free_vars++;
    }
    *worst = low;
    return -SOFT * log(sum) - 0.01 * drift / (free_vars ? free_vars : 1);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t
rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static double
rng_unit(void)
{
    return (rng() >> 11) * (1.0 / 9007199254740992.0);
}

static int
clamp255(int x)
{
    return x < 0 ? 0 : x > 255 ? 255 : x;
}

/* One colour moved by up to step in each channel. */
static uint32_t
nudge(uint32_t rgb, int step)
{
    int c[3] = {(int)(rgb >> 16) & 0xff, (int)(rgb >> 8) & 0xff, (int)rgb & 0xff};
    for (int k = 0; k < 3; k++)
        c[k] = clamp255(c[k] + (int)(rng() % (2 * (unsigned)step + 1)) - step);
    return (uint32_t)(c[0] << 16 | c[1] << 8 | c[2]);
}

/* Simulated annealing over the free colours. */
static double
anneal(int steps)
{
    double worst, cur = score(&worst);
    for (int n = 0; n < steps; n++) {
        double progress = (double)n / steps;
        double temp = 0.02 * (1 - progress) + 1e-5;
        int step = 2 + (int)(40 * (1 - progress));
        int i;
        do
            i = (int)(rng() % (unsigned)nvars);
        while (vars[i].fixed);
        uint32_t old = vars[i].rgb;
        vars[i].rgb = nudge(old, step);
        measure_var(i);
        double next = score(&worst);
        if (next >= cur || rng_unit() < exp((next - cur) / temp)) {
            cur = next;
        } else {
            vars[i].rgb = old;
            measure_var(i);
        }
    }
    score(&worst);
    return worst;
}

/* Back to the anchor (the colour of before) wherever that keeps every rule with a little to
** spare: an unchanged colour is one less change for readers and for tests. */
static double
keep_anchors(double worst)
{
    for (int i = 0; i < nvars; i++) {
        if (vars[i].fixed || vars[i].rgb == vars[i].anchor)
            continue;
        uint32_t designed = vars[i].rgb;
        vars[i].rgb = vars[i].anchor;
        measure_var(i);
        double w;
        score(&w);
        if (w >= (worst < 0.1 ? worst : 0.1)) {
            worst = w < worst ? w : worst;
        } else {
            vars[i].rgb = designed;
            measure_var(i);
        }
    }
    return worst;
}

static void
reset_vars(void)
{
    nvars = nrules = 0;
}

/* Design the colours set up in vars/rules; print them and the worst margin. */
static void
design(const char *name, int steps)
{
    for (int i = 0; i < nvars; i++)
        measure_var(i);
    double worst = anneal(steps);
    worst = keep_anchors(worst);
    fprintf(stderr, "%s: worst margin %.3f\n", name, worst);
    const char *section = NULL;
    for (int i = 0; i < nvars; i++) {
        if (vars[i].fixed || vars[i].key == NULL)
            continue;
        if (section == NULL || strcmp(section, vars[i].section) != 0) {
            printf("%s[%s]\n", section ? "\n" : "", vars[i].section);
            section = vars[i].section;
        }
        printf("%s = #%06x\n", vars[i].key, (unsigned)vars[i].rgb);
    }
    printf("\n");
}

static const char *const forms[4] = {"ontwikkelproject", "doorontwikkelen", "implementatie",
                                     "samenwerkingsafspraken"};
static const char *const levels[3] = {"gemeente", "regionaal", "bovenregionaal"};

/* The key of a combination, labels in canonical order joined by '+'. */
static const char *
combination_key(const char *const *labels, int n, unsigned set)
{
    static char buf[16][128];
    static int next;
    char *k = buf[next++ % 16];
    k[0] = 0;
    for (int l = 0; l < n; l++)
        if (set & (1u << l)) {
            if (k[0])
                strcat(k, "+");
            strcat(k, labels[l]);
        }
    return k;
}

/* Current colours of the combinations (styles/aef.ini before issue 12): the anchors. */
static uint32_t
form_anchor(unsigned set)
{
    static const uint32_t a[16] = {0, 0xf4a259, 0xf6d55c, 0xe8743b, 0x5fb36b, 0xb5cf49,
                                   0xa8d5a2, 0xa05a2c, 0x4a90c8, 0xc98bb9, 0x8ecae6, 0x9c6fb6,
                                   0x1d5f8a, 0x2e6b4f, 0x2a9d8f, 0x5b3a8c};
    return a[set];
}

static void
design_forms(void)
{
    reset_vars();
    int ids[15];
    /* Singles first, then pairs, triples and the four together. */
    int n = 0;
    for (int size = 1; size <= 4; size++)
        for (unsigned set = 1; set < 16; set++)
            if (__builtin_popcount(set) == size)
                ids[n++] = add_var("colors.samenwerkingsvorm", combination_key(forms, 4, set),
                                   form_anchor(set), 60);
    add_set(ids, 15, RULE_CVD);
    design("samenwerkingsvorm", 400000);
}

static void
design_levels(void)
{
    reset_vars();
    static const uint32_t a[8] = {0, 0xf1a340, 0x7fbf7b, 0xb8860b, 0x6f8fcf, 0xc36f9c,
                                  0x2c7f7a, 0x4b2c7a};
    int ids[7], n = 0;
    for (int size = 1; size <= 3; size++)
        for (unsigned set = 1; set < 8; set++)
            if (__builtin_popcount(set) == size)
                ids[n++] = add_var("colors.geografisch", combination_key(levels, 3, set), a[set],
                                   60);
    add_set(ids, 7, RULE_CVD);
    design("geografisch", 200000);
}

/* A set of single labels, with group (a fixed dark neutral) as one more class. */
static void
design_singles(const char *section, const char *const *keys, const uint32_t *anchors, int n,
               uint32_t group)
{
    reset_vars();
    int ids[16];
    for (int i = 0; i < n; i++)
        ids[i] = add_var(section, keys[i], anchors[i], 60);
    ids[n] = add_var("palette", NULL, group, 100);
    vars[ids[n]].fixed = 1;
    add_set(ids, n + 1, RULE_CVD);
    design(section, 200000);
}

static const char *const insurers[11] = {"Zilveren Kruis", "VGZ", "CZ", "Menzis", "DSW",
                                         "De Friesland", "Zorg en Zekerheid", "Eno", "ONVZ",
                                         "a.s.r.", "Caresq"};

static void
design_insurers(uint32_t none, uint32_t group)
{
    static const uint32_t a[11] = {0x1f78b4, 0x33a02c, 0xff7f00, 0xe31a1c, 0x6a3d9a, 0xb15928,
                                   0xfb9a99, 0xcab2d6, 0xfdbf6f, 0xb2df8a, 0xa6cee3};
    reset_vars();
    int ids[13];
    for (int i = 0; i < 11; i++) {
        ids[i] = add_var("colors.zorgverzekeraar", insurers[i], a[i], 65);
        vars[ids[i]].min_l = 15;
        vars[ids[i]].max_l = 97;
    }
    add_set(ids, 11, RULE_DL);
    ids[11] = add_var("palette", NULL, none, 100);
    ids[12] = add_var("palette", NULL, group, 100);
    vars[ids[11]].fixed = vars[ids[12]].fixed = 1;
    add_set(ids, 13, RULE_CVD);
    design("zorgverzekeraar", 400000);
}

static void
design_sequential(void)
{
    /* A yellow-orange-red-purple ramp: lightness carries the order, hue helps it apart. */
    static const uint32_t a[8] = {0xfde9b8, 0xfdcf83, 0xfcac5a, 0xf4813f, 0xe0542f, 0xbd2d2c,
                                  0x8c1a3c, 0x541043};
    reset_vars();
    int ids[8];
    for (int i = 0; i < 8; i++) {
        ids[i] = add_var("palette", NULL, a[i], 75);
        vars[ids[i]].min_l = 15;
        vars[ids[i]].max_l = 97;
    }
    add_set(ids, 8, RULE_CVD);
    for (int i = 0; i + 1 < 8; i++)
        add_rule(ids[i], ids[i + 1], RULE_DARKER);
    design("sequential", 300000);
    printf("[palette]\nsequential = ");
    for (int i = 0; i < 8; i++)
        printf("%s#%06x", i ? ", " : "", (unsigned)vars[ids[i]].rgb);
    printf("\n\n");
}

/* Small sets of the [palette]: highlight, changes, total; none and group are greys. */
static void
design_small(uint32_t *none, uint32_t *group)
{
    reset_vars();
    int h[2] = {add_var("palette", "highlight", 0xd7301f, 65),
                add_var("palette", "highlight_other", 0xfdcc8a, 65)};
    add_set(h, 2, RULE_CVD);
    int c[4] = {add_var("palette", "change_new", 0x1a9850, 65),
                add_var("palette", "change_ended", 0xd73027, 65),
                add_var("palette", "change_changed", 0xfdae61, 65),
                add_var("palette", "change_unchanged", 0xc8c8c8, 4)};
    add_set(c, 4, RULE_CVD);
    add_var("palette", "total", 0x3c8dbc, 60);
    int g[2] = {add_var("palette", "none", 0xc8c8c8, 3), add_var("palette", "group", 0x4d4d4d, 4)};
    vars[g[1]].min_l = 20;
    vars[g[1]].max_l = 40;
    add_set(g, 2, RULE_CVD);
    design("palette", 100000);
    *none = vars[g[0]].rgb;
    *group = vars[g[1]].rgb;
}

/* The label colours fallback colours keep away from. */
static uint32_t forbidden[64];
static int nforbidden;

/* Fallback colours: farthest-point picks among a grid of soft sRGB colours, each >= 10 (with
** a little to spare) from white, the label colours and every pick before it. */
static void
design_fallback(void)
{
    static const sk__lab white = {100, 0, 0};
    sk__lab picked[256];
    uint32_t picked_rgb[256];
    int npicked = 0;
    double best_last = 0;
    sk__lab cand[4096];
    uint32_t cand_rgb[4096];
    int ncand = 0;
    for (int r = 0; r < 256; r += 15)
        for (int g = 0; g < 256; g += 15)
            for (int b = 0; b < 256; b += 15) {
                uint32_t rgb = (uint32_t)(r << 16 | g << 8 | b);
                int hi = r > g ? (r > b ? r : b) : (g > b ? g : b);
                int lo = r < g ? (r < b ? r : b) : (g < b ? g : b);
                if (hi - lo > 180)   /* no neon */
                    continue;
                sk__lab lab = sk__color_lab(rgb, SK__VISION_NORMAL);
                if (hypot(lab.a, lab.b) > 50 || lab.L < 35 || lab.L > 92 ||
                    sk__ciede2000(lab, white) < 12)
                    continue;
                cand[ncand] = lab;
                cand_rgb[ncand++] = rgb;
            }
    for (;;) {
        int best = -1;
        double best_d = 0;
        for (int c = 0; c < ncand; c++) {
            double d = INFINITY;
            for (int f = 0; f < nforbidden; f++) {
                double e = sk__ciede2000(cand[c], sk__color_lab(forbidden[f], SK__VISION_NORMAL));
                d = e < d ? e : d;
            }
            for (int p = 0; p < npicked; p++) {
                double e = sk__ciede2000(cand[c], picked[p]);
                d = e < d ? e : d;
            }
            if (d > best_d) {
                best_d = d;
                best = c;
            }
        }
        if (best < 0 || best_d < 10.5 || npicked == 256)
            break;
        best_last = best_d;
        picked[npicked] = cand[best];
        picked_rgb[npicked++] = cand_rgb[best];
    }
    printf("[palette]\nfallback = ");
    for (int p = 0; p < npicked; p++)
        printf("%s#%06x", p ? ", " : "", (unsigned)picked_rgb[p]);
    printf("\n");
    fprintf(stderr, "fallback: %d colours, the last %.2f from the nearest\n", npicked, best_last);
}

/* The single-label colours just designed: fallback colours keep away from them. */
static void
forbid_printed(void)
{
    for (int i = 0; i < nvars; i++)
        if (!vars[i].fixed && vars[i].key != NULL && nforbidden < 64)
            forbidden[nforbidden++] = vars[i].rgb;
}

int
main(void)
{
    uint32_t none, group;
    design_small(&none, &group);
    forbidden[nforbidden++] = none;
    forbidden[nforbidden++] = group;
    design_forms();
    design_levels();
    static const char *const themes[6] = {"preventie", "ggz", "ouderen", "esw", "jeugd",
                                          "anders"};
    static const uint32_t theme_anchors[6] = {0x66c2a5, 0xfc8d62, 0x8da0cb, 0xe78ac3, 0xa6d854,
                                              0xffd92f};
    design_singles("colors.inhoudelijk", themes, theme_anchors, 6, group);
    forbid_printed();
    static const char *const instruments[5] = {"werkwijze", "beleid", "inkoop", "czm",
                                               "samenwerkingsdocument"};
    static const uint32_t instrument_anchors[5] = {0x1b9e77, 0xd95f02, 0x7570b3, 0xe7298a,
                                                   0x66a61e};
    design_singles("colors.instrumenteel", instruments, instrument_anchors, 5, group);
    forbid_printed();
    design_insurers(none, group);
    forbid_printed();
    design_sequential();
    design_fallback();
    return 0;
}
