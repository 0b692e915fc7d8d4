#!/usr/bin/env bash
# samenkaart style check [FILE] (issue 12): the default style keeps every colour rule and
# lists every palette; a style with two classes too alike, or two insurers of one lightness,
# is refused (exit 2) naming both by their style keys and the distance.
# Environment (tests/meson.build): SK_CLI, SAMENKAART_STYLES.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
export LC_ALL=C.UTF-8
cd "$tmp" || exit 1

run() { "$SK_CLI" "$@" >out 2>err; rc=$?; cat out err; }
want_rc() { [ "$rc" -eq "$1" ] || { echo "exit $rc, expected $1"; return 1; }; }
has() {   # FILE FRAGMENT...: each is in the file
  local file=$1 f
  shift
  for f in "$@"; do grep -qF -- "$f" "$file" || { echo "$file without '$f'"; return 1; }; done
}

default_ok() {
  run style check && want_rc 0 &&
    has out "[colors.samenwerkingsvorm] 15 colours: ok" "[colors.geografisch] 7 colours: ok" \
      "[colors.inhoudelijk] + group 7 colours: ok" "[colors.instrumenteel] + group 6 colours: ok" \
      "[colors.zorgverzekeraar] + none + group 13 colours: ok" \
      "[palette] sequential 8 colours: ok" "[palette] highlight 2 colours: ok" \
      "[palette] change 4 colours: ok" "[palette] total 1 colours: ok" "[palette] fallback " \
      "worst pairs (ΔE2000 normaal / deuteranopie / protanopie, ΔL*)" "nearest white: " &&
    ! grep -q "TOO ALIKE" out && [ ! -s err ]
}
check "the default style keeps every colour rule and lists every palette (exit 0)" default_ok

# implementatie one digit off ontwikkelproject (#df9040): ΔE2000 0.2 (one step of blue moves
# b* by about 0.3 at L* 68), far below 10.
alike() {
  printf '[colors.samenwerkingsvorm]\nimplementatie = #df9041\n' >alike.ini
  run style check alike.ini && want_rc 2 &&
    has err "alike.ini: [colors.samenwerkingsvorm] 'ontwikkelproject' (#df9040) and 'implementatie' (#df9041) are too alike: ΔE2000 0.2 in normal vision (at least 10)" &&
    has out "[colors.samenwerkingsvorm] 15 colours: TOO ALIKE" \
      "'ontwikkelproject' #df9040 – 'implementatie' #df9041: 0.2 / 0.1 / 0.2, ΔL* 0.0"
}
check "two forms one digit apart: exit 2 naming both and the distance" alike

# CZ #c7711b has L* 56.12, #5a86d0 L* 55.86 (Y from linear sRGB, L* = 116 f(Y) - 16): far apart
# in hue, 0.3 apart in lightness.
lightness() {
  printf '[colors.zorgverzekeraar]\nEno = #5a86d0\n' >grey.ini
  run style check grey.ini && want_rc 2 &&
    has err "'CZ' (#c7711b) and 'Eno' (#5a86d0) are too alike in lightness: ΔL* 0.3 (at least 8)"
}
check "two insurers of one lightness: exit 2 (greyscale print)" lightness

# #f4f4f4 is a grey of L* 96.19: ΔE2000 from white = ΔL*/S_L = 3.81/1.718 = 2.2 (S_L at the
# mean L* 98.09).
white() {
  printf '[palette]\ntotal = #f4f4f4\n' >white.ini
  run style check white.ini && want_rc 2 &&
    has err "white.ini: [palette] total 'total' (#f4f4f4) is too close to white: ΔE2000 2.2 (at least 10)"
}
check "a colour near white: exit 2" white

ramp() {
  printf '[palette]\nsequential = #fdcf83, #fef0c4, #ffa84e, #f4813f, #e0542f, #bd2d2c, #8c1a3c, #541043\n' >ramp.ini
  run style check ramp.ini && want_rc 2 && has err "is not darker than" "light to dark"
}
check "a sequential ramp out of order: exit 2" ramp

usage() {
  run style && want_rc 2 && has err "expected 'check'" &&
    run style check a.ini b.ini && want_rc 2 && has err "unexpected argument 'b.ini'" &&
    run style check missing.ini && want_rc 2 && has err "missing.ini" &&
    run style --help && want_rc 0 && has out "style check" &&
    run --help && want_rc 0 && has out "  style "
}
check "usage: 'check' required, one FILE, a missing file, --help" usage

echo "1..$n"
exit "$failed"
