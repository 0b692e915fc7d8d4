/* The colour science of the colour rules (src/colour.h) against published reference values:
** the CIEDE2000 test pairs of Sharma, Wu & Dalal (2005), sRGB -> CIELAB (D65) and the
** Machado et al. (2009) simulations worked out by hand. */
#include <math.h>
#include <glib.h>
#include "src/colour.h"

/* Table 1 of G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 color-difference formula:
** implementation notes, supplementary test data, and mathematical observations", Color Res.
** Appl. 30(1), 2005: L1 a1 b1, L2 a2 b2, ΔE00. */
static const double sharma[34][7] = {
    {50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425},
    {50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615},
    {50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412},
    {50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000},
    {50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000},
    {50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000},
    {50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669},
    {50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669},
    {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792},
    {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792},
    {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195},
    {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195},
    {50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045},
    {50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045},
    {50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461},
    {50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065},
    {50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492},
    {50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977},
    {50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030},
    {50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535},
    {50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000},
    {50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000},
    {50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000},
    {50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000},
    {60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644},
    {63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630},
    {61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731},
    {35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645},
    {22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373},
    {36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146},
    {90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441},
    {90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381},
    {6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377},
    {2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082},
};

/* Every pair, both ways round (the formula is symmetric; pairs 7-16 test the hue wrap). */
static void
test_ciede2000_sharma(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(sharma); i++) {
        const double *r = sharma[i];
        sk__lab x = {r[0], r[1], r[2]}, y = {r[3], r[4], r[5]};
        g_test_message("pair %zu", i + 1);
        g_assert_cmpfloat_with_epsilon(sk__ciede2000(x, y), r[6], 1e-4);
        g_assert_cmpfloat_with_epsilon(sk__ciede2000(y, x), r[6], 1e-4);
    }
    sk__lab same = {40, 10, -20};
    g_assert_cmpfloat(sk__ciede2000(same, same), ==, 0.0);
}

static void
assert_lab(sk__lab got, double L, double a, double b, double eps)
{
    g_assert_cmpfloat_with_epsilon(got.L, L, eps);
    g_assert_cmpfloat_with_epsilon(got.a, a, eps);
    g_assert_cmpfloat_with_epsilon(got.b, b, eps);
}

/* sRGB -> CIELAB, D65: the usual published values (e.g. Lindbloom's calculator). */
static void
test_srgb_lab(void)
{
    assert_lab(sk__color_lab(0xffffff, SK__VISION_NORMAL), 100, 0, 0, 1e-3);
    assert_lab(sk__color_lab(0x000000, SK__VISION_NORMAL), 0, 0, 0, 1e-9);
    assert_lab(sk__color_lab(0xff0000, SK__VISION_NORMAL), 53.2408, 80.0925, 67.2032, 1e-3);
    assert_lab(sk__color_lab(0x00ff00, SK__VISION_NORMAL), 87.7347, -86.1827, 83.1793, 1e-3);
    assert_lab(sk__color_lab(0x0000ff, SK__VISION_NORMAL), 32.2970, 79.1875, -107.8602, 1e-3);
    /* Greys have a = b = 0; #808080 has L* 53.585. */
    assert_lab(sk__color_lab(0x808080, SK__VISION_NORMAL), 53.585, 0, 0, 1e-3);
    g_assert_cmpfloat_with_epsilon(sk__color_distance(0xffffff, 0x000000, SK__VISION_NORMAL),
                                   100.0, 1e-3);
}

/* Machado et al. (2009), severity 1.0, worked out by hand: a primary's linear RGB is the
** matrix's column, clipped to [0,1], then XYZ and CIELAB as usual.
**   deuteranopia, red (1,0,0) -> (0.367322, 0.280085, -0.011820 -> 0): L 59.746 a -5.426
**   b 63.843; green (0,1,0) -> (0.860646, 0.672501, 0.042940): L 85.356 a -7.201 b 74.386;
**   protanopia, red -> (0.152286, 0.114503, -0.003882 -> 0): L 40.291 a -3.674 b 47.470;
**   blue (0,0,1) -> (-0.204868 -> 0, 0.099216, 1.051998 -> 1): L 44.678 a 43.538 b -87.302.
** Every row of both matrices sums to 1 (to 1e-6), so greys stay grey. */
static void
test_machado(void)
{
    assert_lab(sk__color_lab(0xff0000, SK__VISION_DEUTAN), 59.746, -5.426, 63.843, 2e-3);
    assert_lab(sk__color_lab(0x00ff00, SK__VISION_DEUTAN), 85.356, -7.201, 74.386, 2e-3);
    assert_lab(sk__color_lab(0x0000ff, SK__VISION_DEUTAN), 38.522, 58.252, -95.509, 2e-3);
    assert_lab(sk__color_lab(0xff0000, SK__VISION_PROTAN), 40.291, -3.674, 47.470, 2e-3);
    assert_lab(sk__color_lab(0x00ff00, SK__VISION_PROTAN), 90.551, -9.114, 89.706, 2e-3);
    assert_lab(sk__color_lab(0x0000ff, SK__VISION_PROTAN), 44.678, 43.538, -87.302, 2e-3);
    for (int v = 0; v < SK__VISION_COUNT; v++) {
        assert_lab(sk__color_lab(0xffffff, (sk__vision)v), 100, 0, 0, 1e-3);
        assert_lab(sk__color_lab(0x808080, (sk__vision)v), 53.585, 0, 0, 1e-3);
        g_assert_cmpfloat(sk__color_distance(0x808080, 0x808080, (sk__vision)v), ==, 0.0);
    }
    /* Red and green: far apart in normal vision, a small step apart once red-green blind. */
    double normal = sk__color_distance(0xff0000, 0x00ff00, SK__VISION_NORMAL);
    double deutan = sk__color_distance(0xff0000, 0x00ff00, SK__VISION_DEUTAN);
    g_assert_cmpfloat(normal, >, 80);
    g_assert_cmpfloat(deutan, <, 25);
    /* That is ΔE00 of the two hand-worked deutan Labs above. */
    g_assert_cmpfloat_with_epsilon(deutan,
                                   sk__ciede2000((sk__lab){59.746, -5.426, 63.843},
                                                 (sk__lab){85.356, -7.201, 74.386}), 5e-3);
}

/* The pair rule: ≥ 10 normal, ≥ 6 under deuteranopia and protanopia; ΔL* in normal vision. */
static void
test_pair_check(void)
{
    sk__color_pair p;
    sk__color_compare(0xff0000, 0x00ff00, &p);
    g_assert_cmpfloat(p.de[SK__VISION_NORMAL], >, 80);
    g_assert_cmpfloat_with_epsilon(p.dl, 87.7347 - 53.2408, 1e-3);
    g_assert_true(sk__color_pair_ok(&p));   /* deutan ~17, protan larger: fine */

    /* One digit off: far too alike in every vision. */
    sk__color_compare(0xf4a259, 0xf4a25a, &p);
    g_assert_cmpfloat(p.de[SK__VISION_NORMAL], <, 1);
    g_assert_false(sk__color_pair_ok(&p));

    /* Black and white differ by 100 in every vision; ΔL* 100. */
    sk__color_compare(0x000000, 0xffffff, &p);
    for (int v = 0; v < SK__VISION_COUNT; v++)
        g_assert_cmpfloat_with_epsilon(p.de[v], 100, 1e-3);
    g_assert_cmpfloat_with_epsilon(p.dl, 100, 1e-3);
    g_assert_true(sk__color_pair_ok(&p));

    /* A pair apart in normal vision but merging under deuteranopia fails on that alone. */
    sk__color_compare(0xd95f02, 0x66a61e, &p);
    g_assert_cmpfloat(p.de[SK__VISION_NORMAL], >, 50);
    g_assert_cmpfloat(p.de[SK__VISION_DEUTAN], <, SK__MIN_DE_CVD);
    g_assert_false(sk__color_pair_ok(&p));

    g_assert_cmpstr(sk__vision_name(SK__VISION_NORMAL), ==, "normaal");
    g_assert_cmpstr(sk__vision_name(SK__VISION_DEUTAN), ==, "deuteranopie");
    g_assert_cmpstr(sk__vision_name(SK__VISION_PROTAN), ==, "protanopie");
}

/* The simulated colour as sRGB: white and greys keep their value; red under deuteranopia is
** the colour whose CIELAB is the simulated red's (up to 8-bit rounding). */
static void
test_simulate(void)
{
    g_assert_cmphex(sk__color_simulate(0xffffff, SK__VISION_DEUTAN), ==, 0xffffff);
    g_assert_cmphex(sk__color_simulate(0x808080, SK__VISION_PROTAN), ==, 0x808080);
    g_assert_cmphex(sk__color_simulate(0x3c8dbc, SK__VISION_NORMAL), ==, 0x3c8dbc);
    for (sk__vision v = SK__VISION_DEUTAN; v <= SK__VISION_PROTAN; v++) {
        uint32_t seen = sk__color_simulate(0xff0000, v);
        g_assert_cmpfloat(sk__ciede2000(sk__color_lab(seen, SK__VISION_NORMAL),
                                        sk__color_lab(0xff0000, v)), <, 0.5);
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/colour/ciede2000-sharma", test_ciede2000_sharma);
    g_test_add_func("/colour/srgb-lab", test_srgb_lab);
    g_test_add_func("/colour/machado", test_machado);
    g_test_add_func("/colour/pair-check", test_pair_check);
    g_test_add_func("/colour/simulate", test_simulate);
    return g_test_run();
}
