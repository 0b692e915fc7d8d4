/* Colour science for the colour rules of the maps (issue 12): sRGB to CIELAB, simulated
** colour-vision deficiency and CIEDE2000, with the conventions every check shares:
** sRGB -> linear RGB -> Machado, Oliveira & Fernandes (2009) at severity 1.0 -> sRGB clipped
** to [0,1] -> CIELAB (D65 white) -> CIEDE2000 (kL = kC = kH = 1).  Pure functions. */
#ifndef SK_COLOUR_H
#define SK_COLOUR_H

#include <stdint.h>

/* The thresholds of every map: two classes apart by at least SK__MIN_DE_NORMAL in normal
** vision and SK__MIN_DE_CVD under simulated deuteranopia and protanopia; every class at least
** SK__MIN_DE_WHITE from white (the no-data fill); insurers that can share a map at least
** SK__MIN_DL_INSURER apart in lightness L*, so that they part in greyscale print. */
#define SK__MIN_DE_NORMAL 10.0
#define SK__MIN_DE_CVD 6.0
#define SK__MIN_DE_WHITE 10.0
#define SK__MIN_DL_INSURER 8.0

typedef enum sk__vision {
    SK__VISION_NORMAL,
    SK__VISION_DEUTAN,   /* deuteranopia */
    SK__VISION_PROTAN,   /* protanopia */
    SK__VISION_COUNT
} sk__vision;

typedef struct sk__lab {
    double L, a, b;
} sk__lab;

/* Two colours compared: ΔE00 in each vision and |ΔL*| in normal vision. */
typedef struct sk__color_pair {
    double de[SK__VISION_COUNT];
    double dl;
} sk__color_pair;

/* The CIELAB of 0xRRGGBB as seen with vision v. */
sk__lab sk__color_lab(uint32_t rgb, sk__vision v);
/* 0xRRGGBB as a reader with vision v sees it, as 0xRRGGBB (to look at a map that way). */
uint32_t sk__color_simulate(uint32_t rgb, sk__vision v);
/* CIEDE2000 between two CIELAB colours (Sharma, Wu & Dalal 2005). */
double sk__ciede2000(sk__lab x, sk__lab y);
/* CIEDE2000 between two 0xRRGGBB colours as seen with vision v. */
double sk__color_distance(uint32_t a, uint32_t b, sk__vision v);
/* Compare two colours in every vision. */
void sk__color_compare(uint32_t a, uint32_t b, sk__color_pair *out);
/* Whether two classes may share a map: ΔE00 >= 10 normal, >= 6 deutan and protan. */
int sk__color_pair_ok(const sk__color_pair *p);
/* The vision's name as the command line prints it: "normaal", "deuteranopie", "protanopie". */
const char *sk__vision_name(sk__vision v);

#endif
