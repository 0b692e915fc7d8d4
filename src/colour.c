/* Colour science: sRGB to CIELAB, simulated colour-vision deficiency, CIEDE2000 (colour.h). */
#include <math.h>
#include "colour.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB. */
static const double machado[SK__VISION_COUNT][3][3] = {
    [SK__VISION_NORMAL] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
    [SK__VISION_DEUTAN] = {{0.367322, 0.860646, -0.227968},
                           {0.280085, 0.672501, 0.047413},
                           {-0.011820, 0.042940, 0.968881}},
    [SK__VISION_PROTAN] = {{0.152286, 1.052583, -0.204868},
                           {0.114503, 0.786281, 0.099216},
                           {-0.003882, -0.048116, 1.051998}},
};

/* The sRGB transfer function, from an 8-bit channel to linear light. */
static double
srgb_linear(unsigned channel)
{
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
clip01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* CIELAB's compression of a ratio to the white's. */
static double
lab_f(double t)
{
    const double d = 6.0 / 29.0;
    return t > d * d * d ? cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
}

/* The linear light of rgb as seen with vision v: simulated, then clipped as a display would
** (the sRGB round trip is the identity in between, so clipping linear light is clipping
** sRGB). */
static void
simulated_linear(uint32_t rgb, sk__vision v, double *lin)
{
    double in[3] = {srgb_linear((rgb >> 16) & 0xff), srgb_linear((rgb >> 8) & 0xff),
                    srgb_linear(rgb & 0xff)};
    for (int i = 0; i < 3; i++)
        lin[i] = clip01(machado[v][i][0] * in[0] + machado[v][i][1] * in[1] +
                        machado[v][i][2] * in[2]);
}

/* Linear light back to an 8-bit sRGB channel. */
static unsigned
linear_srgb(double c)
{
    double s = c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055;
    return (unsigned)lround(clip01(s) * 255);
}

uint32_t
sk__color_simulate(uint32_t rgb, sk__vision v)
{
    double lin[3];
    simulated_linear(rgb, v, lin);
    return linear_srgb(lin[0]) << 16 | linear_srgb(lin[1]) << 8 | linear_srgb(lin[2]);
}

sk__lab
sk__color_lab(uint32_t rgb, sk__vision v)
{
    double lin[3];
    simulated_linear(rgb, v, lin);
    double x = 0.4124564 * lin[0] + 0.3575761 * lin[1] + 0.1804375 * lin[2];
    double y = 0.2126729 * lin[0] + 0.7151522 * lin[1] + 0.0721750 * lin[2];
    double z = 0.0193339 * lin[0] + 0.1191920 * lin[1] + 0.9503041 * lin[2];
    double fx = lab_f(x / 0.95047), fy = lab_f(y / 1.0), fz = lab_f(z / 1.08883);
    return (sk__lab){116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

static double
deg(double rad)
{
    return rad * 180.0 / M_PI;
}

static double
rad(double degrees)
{
    return degrees * M_PI / 180.0;
}

/* The hue angle in degrees [0, 360) of a' and b (0 for a neutral). */
static double
hue(double a, double b)
{
    if (a == 0 && b == 0)
        return 0;
    double h = deg(atan2(b, a));
    return h < 0 ? h + 360 : h;
}

double
sk__ciede2000(sk__lab x, sk__lab y)
{
    double c1 = hypot(x.a, x.b), c2 = hypot(y.a, y.b);
    double cbar7 = pow((c1 + c2) / 2, 7);
    double g = 0.5 * (1 - sqrt(cbar7 / (cbar7 + pow(25, 7))));
    double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
    double cp1 = hypot(a1, x.b), cp2 = hypot(a2, y.b);
    double h1 = hue(a1, x.b), h2 = hue(a2, y.b);

    double dh = 0, hbar = h1 + h2;
    if (cp1 * cp2 != 0) {
        dh = h2 - h1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
        if (fabs(h1 - h2) <= 180)
            hbar = (h1 + h2) / 2;
        else
            hbar = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
    double dL = y.L - x.L, dC = cp2 - cp1;
    double dH = 2 * sqrt(cp1 * cp2) * sin(rad(dh / 2));

    double lbar = (x.L + y.L) / 2, cbar = (cp1 + cp2) / 2;
    double t = 1 - 0.17 * cos(rad(hbar - 30)) + 0.24 * cos(rad(2 * hbar)) +
               0.32 * cos(rad(3 * hbar + 6)) - 0.20 * cos(rad(4 * hbar - 63));
    double dtheta = 30 * exp(-pow((hbar - 275) / 25, 2));
    double cbarp7 = pow(cbar, 7);
    double rc = 2 * sqrt(cbarp7 / (cbarp7 + pow(25, 7)));
    double l50 = (lbar - 50) * (lbar - 50);
    double sl = 1 + 0.015 * l50 / sqrt(20 + l50);
    double sc = 1 + 0.045 * cbar;
    double sh = 1 + 0.015 * cbar * t;
    double rt = -sin(rad(2 * dtheta)) * rc;
    double tl = dL / sl, tc = dC / sc, th = dH / sh;
    return sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

double
sk__color_distance(uint32_t a, uint32_t b, sk__vision v)
{
    return sk__ciede2000(sk__color_lab(a, v), sk__color_lab(b, v));
}

void
sk__color_compare(uint32_t a, uint32_t b, sk__color_pair *out)
{
    for (int v = 0; v < SK__VISION_COUNT; v++)
        out->de[v] = sk__color_distance(a, b, (sk__vision)v);
    out->dl = fabs(sk__color_lab(a, SK__VISION_NORMAL).L - sk__color_lab(b, SK__VISION_NORMAL).L);
}

int
sk__color_pair_ok(const sk__color_pair *p)
{
    return p->de[SK__VISION_NORMAL] >= SK__MIN_DE_NORMAL &&
           p->de[SK__VISION_DEUTAN] >= SK__MIN_DE_CVD && p->de[SK__VISION_PROTAN] >= SK__MIN_DE_CVD;
}

const char *
sk__vision_name(sk__vision v)
{
    static const char *const names[SK__VISION_COUNT] = {"normaal", "deuteranopie", "protanopie"};
    return (unsigned)v < SK__VISION_COUNT ? names[v] : "?";
}
