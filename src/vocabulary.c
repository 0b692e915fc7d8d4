#include <string.h>
#include <glib.h>
#include "internal.h"
#include "text.h"
#include "vocabulary.h"

static const sk__label_def themes[] = {
    {"preventie", "Preventie", "preventie", {"preventief"}},
    {"ggz", "GGZ", "GGZ", {"geestelijke gezondheidszorg"}},
    {"ouderen", "Ouderen", "ouderen", {"ouderenzorg"}},
    {"esw", "Effectief Samenwerken in de Wijk", "effectief samenwerken in de wijk",
     {"effectief samenwerken in de wijk", "samenwerken in de wijk"}},
    {"jeugd", "Jeugd 18-/18+", "jeugd 18-/18+", {"jeugd 18-/18+", "jeugd 18-18+", "18-/18+"}},
    {"anders", "Anders", "anders", {"overig", "anders (minima, algemeen ...)"}},
};

static const sk__label_def instruments[] = {
    {"werkwijze", "Werkwijze (primair proces)", "werkwijze",
     {"werkwijze (primair proces)", "primair proces"}},
    {"beleid", "Beleid", "beleid", {0}},
    {"inkoop", "Inkoop", "inkoop", {0}},
    {"czm", "Collectieve zorg minima", "collectieve zorg minima",
     {"collectieve zorg minima", "collectieve zorgverzekering minima", "minimapolis"}},
    {"samenwerkingsdocument", "Samenwerkingsdocument", "samenwerkingsdocument",
     {"samenwerkingsdocumenten"}},
};

static const sk__label_def forms[] = {
    {"ontwikkelproject", "Ontwikkelproject", "ontwikkelproject", {"ontwikkelprojecten"}},
    {"doorontwikkelen", "Doorontwikkelen", "doorontwikkelen", {"doorontwikkeling"}},
    {"implementatie", "Implementatie", "implementatie", {"implementeren"}},
    {"samenwerkingsafspraken", "Samenwerkingsafspraken", "samenwerkingsafspraken",
     {"samenwerkingsafspraak"}},
};

static const sk__label_def levels[] = {
    {"gemeente", "Gemeente", "gemeente", {"gemeenten", "gemeentelijk", "lokaal"}},
    {"regionaal", "Regionaal", "regionaal", {"regio", "wmo-regio"}},
    {"bovenregionaal", "Bovenregionaal", "bovenregionaal", {"bovenregionale"}},
};

static const sk__label_def insurers[] = {
    {"Zilveren Kruis", "Zilveren Kruis", "Zilveren Kruis", {"zilveren kruis achmea", "achmea"}},
    {"VGZ", "VGZ", "VGZ", {"cooperatie vgz"}},
    {"CZ", "CZ", "CZ", {"cz groep"}},
    {"Menzis", "Menzis", "Menzis", {0}},
    {"DSW", "DSW", "DSW", {"dsw zorgverzekeraar"}},
    {"De Friesland", "De Friesland", "De Friesland", {"de friesland zorgverzekeraar"}},
    {"Zorg en Zekerheid", "Zorg en Zekerheid", "Zorg en Zekerheid", {"zenz", "z&z"}},
    {"Eno", "Eno", "Eno", {"salland"}},
    {"ONVZ", "ONVZ", "ONVZ", {0}},
    {"a.s.r.", "a.s.r.", "a.s.r.", {"asr"}},
    {"Caresq", "Caresq", "Caresq", {0}},
};

static const struct {
    const sk__label_def *labels;
    size_t count;
    const char *name;     /* as in --where / --show and the database README */
    const char *column;   /* database column */
    const char *title;
    int multi;
    const char *aliases[4];
} principles[SK_PRINCIPLE_COUNT] = {
    [SK_THEME] = {themes, G_N_ELEMENTS(themes), "inhoudelijk", "inhoudelijk", "Thema", 0,
                  {"theme", "thema"}},
    [SK_INSTRUMENT] = {instruments, G_N_ELEMENTS(instruments), "instrumenteel", "instrumenteel",
                       "Instrument", 1, {"instrument"}},
    [SK_FORM] = {forms, G_N_ELEMENTS(forms), "samenwerkingsvorm", "samenwerkingsvorm",
                 "Samenwerkingsvorm", 0, {"form", "vorm", "intensiteit"}},
    [SK_LEVEL] = {levels, G_N_ELEMENTS(levels), "geografisch", "geografisch",
                  "Geografisch niveau", 0, {"level", "niveau"}},
    [SK_INSURER] = {insurers, G_N_ELEMENTS(insurers), "zorgverzekeraar", "zorgverzekeraars",
                    "Zorgverzekeraar", 1, {"zorgverzekeraars", "insurer", "verzekeraar"}},
};

_Static_assert(G_N_ELEMENTS(insurers) <= SK__MAX_LABELS, "label sets are bit masks");

const sk__label_def *
sk__vocabulary(sk_principle p, size_t *count)
{
    *count = principles[p].count;
    return principles[p].labels;
}

const char *
sk__principle_column(sk_principle p)
{
    return principles[p].column;
}

int
sk__principle_multi(sk_principle p)
{
    return principles[p].multi;
}

const char *
sk__principle_title(sk_principle p)
{
    return principles[p].title;
}

const char *
sk_principle_name(sk_principle principle)
{
    if ((unsigned)principle >= SK_PRINCIPLE_COUNT)
        return "?";
    return principles[principle].name;
}

size_t
sk_principle_label_count(sk_principle principle)
{
    return principles[principle].count;
}

const char *
sk_principle_label_key(sk_principle principle, size_t label)
{
    if (label >= principles[principle].count)
        return NULL;
    return principles[principle].labels[label].key;
}

sk_status
sk_principle_parse(sk_ctx *ctx, const char *text, sk_principle *out)
{
    char *norm = sk__normalize(text);
    sk__nearest near;
    sk__nearest_init(&near, text);
    for (int p = 0; p < SK_PRINCIPLE_COUNT; p++) {
        const char *names[1 + G_N_ELEMENTS(principles[p].aliases)] = {principles[p].name};
        memcpy(names + 1, principles[p].aliases, sizeof principles[p].aliases);
        for (size_t i = 0; i < G_N_ELEMENTS(names) && names[i] != NULL; i++) {
            if (strcmp(norm, names[i]) == 0) {
                *out = (sk_principle)p;
                g_free(norm);
                sk__nearest_clear(&near);
                return SK_OK;
            }
            sk__nearest_offer(&near, principles[p].name, names[i]);
        }
    }
    g_free(norm);
    char *quoted = sk__nearest_quoted(&near);
    sk__nearest_clear(&near);
    sk_status st = sk__error(ctx, SK_EUSAGE, "unknown ordering principle '%s' (did you mean "
                             "%s?)", text, quoted);
    g_free(quoted);
    return st;
}

/* Whether normalised value names label l by key, display name, legend text or alias. */
static int
label_matches(const sk__label_def *l, const char *norm)
{
    const char *names[3 + SK__MAX_ALIASES] = {l->key, l->display, l->legend};
    memcpy(names + 3, l->aliases, sizeof l->aliases);
    for (size_t i = 0; i < G_N_ELEMENTS(names) && names[i] != NULL; i++) {
        char *n = sk__normalize(names[i]);
        int eq = strcmp(n, norm) == 0;
        g_free(n);
        if (eq)
            return 1;
    }
    return 0;
}

int
sk__label_parse(sk_principle p, const char *value, char **detail)
{
    char *norm = sk__normalize(value);
    if (detail != NULL)
        *detail = NULL;
    /* "anders: minima" is the theme "anders" with a free-text detail. */
    char *colon = p == SK_THEME ? strchr(norm, ':') : NULL;
    if (colon != NULL) {
        *colon = '\0';
        g_strchomp(norm);
        if (detail != NULL) {
            char *d = g_strdup(g_strchug(colon + 1));
            if (d[0] == '\0')
                g_free(d);
            else
                *detail = d;
        }
    }
    int found = -1;
    for (size_t i = 0; i < principles[p].count && found < 0; i++)
        if (label_matches(&principles[p].labels[i], norm))
            found = (int)i;
    /* Only "anders" takes a detail. */
    if (colon != NULL && found >= 0 && strcmp(principles[p].labels[found].key, "anders") != 0)
        found = -1;
    if (found < 0 && detail != NULL) {
        g_free(*detail);
        *detail = NULL;
    }
    g_free(norm);
    return found;
}

/* Offer every name of every label of p, each under its key. */
static void
offer_labels(sk_principle p, sk__nearest *n)
{
    for (size_t i = 0; i < principles[p].count; i++) {
        const sk__label_def *l = &principles[p].labels[i];
        sk__nearest_offer(n, l->key, l->key);
        sk__nearest_offer(n, l->key, l->display);
        /* A misspelt alias ("achmeaa") points at its label too. */
        for (size_t a = 0; a < SK__MAX_ALIASES && l->aliases[a] != NULL; a++)
            sk__nearest_offer(n, l->key, l->aliases[a]);
    }
}

const char *
sk__label_suggest(sk_principle p, const char *value)
{
    sk__nearest n;
    sk__nearest_init(&n, value);
    offer_labels(p, &n);
    const char *best = sk__nearest_first(&n);
    sk__nearest_clear(&n);
    return best;
}

char *
sk__label_nearest(sk_principle p, const char *value)
{
    sk__nearest n;
    sk__nearest_init(&n, value);
    offer_labels(p, &n);
    char *quoted = sk__nearest_quoted(&n);
    sk__nearest_clear(&n);
    return quoted;
}

int
sk_labelset_compare(sk_labelset a, sk_labelset b)
{
    /* Walk both sets label by label in canonical order. */
    while (a != 0 && b != 0) {
        int la = __builtin_ctz(a), lb = __builtin_ctz(b);
        if (la != lb)
            return la < lb ? -1 : 1;
        a &= a - 1;
        b &= b - 1;
    }
    /* One is a prefix of the other: the larger combination comes first. */
    if (a == b)
        return 0;
    return a != 0 ? -1 : 1;
}
