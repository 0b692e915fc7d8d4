#!/usr/bin/env bash
# The installation, staged in a DESTDIR: `meson install` puts the versioned library, the
# back-end module, every public header, samenkaart.pc, the styles and the command in place; a
# program built with nothing but `pkg-config samenkaart` runs against the installed library;
# the installed command runs from another directory and finds its installed styles.
# Environment (tests/meson.build): SK_BUILD_ROOT, SK_SOURCE_ROOT, SK_PREFIX, SK_LIBDIR,
# SK_BINDIR, SK_INCLUDEDIR, SK_STYLES_INSTALL_DIR (as configured), SK_STYLES_RELOCATABLE
# (0: -Dstyles_dir fixed the styles' place, so the staged copy is named by $SAMENKAART_STYLES),
# SK_VERSION, SK_CC, SK_SANITIZE (the build's b_sanitize, "" for none), SK_TEST_DATA,
# SK_DATA_INSTALL_DIR (where data/nl2017 is installed) and SK_DATA_RELOCATABLE (0: -Ddata_dir
# fixed the default data directory).
set -uo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1)) failed=1
  echo "not ok $n - $1"
  [ -s "$tmp/log" ] && sed 's/^/# /' "$tmp/log"
}
# check WHAT COMMAND…: one TAP line; the command's output is shown only when it fails.
check() {
  local what=$1; shift
  if "$@" >"$tmp/log" 2>&1; then ok "$what"; else not_ok "$what"; fi
}
echo "1..11"

# Staged paths: DESTDIR + the configured absolute directories.
root="$tmp/root" lib="$tmp/root$SK_LIBDIR" bin="$tmp/root$SK_BINDIR"
styles="$tmp/root$SK_STYLES_INSTALL_DIR"
# The tests' environment points at the source tree: the installation must not need it.
unset SAMENKAART_STYLES SAMENKAART_BACKEND
# A styles_dir fixed at setup is looked up where it was fixed, not in the staged copy.
[ "$SK_STYLES_RELOCATABLE" = 1 ] || export SAMENKAART_STYLES="$styles"
export SAMENKAART_CACHE=off LC_ALL=C

check "meson install --destdir" meson install -C "$SK_BUILD_ROOT" --no-rebuild --quiet \
  --destdir "$root"

installed() {
  [ -f "$lib/libsamenkaart.so.0.1.0" ] && [ -L "$lib/libsamenkaart.so.0" ] &&
    [ -L "$lib/libsamenkaart.so" ] && [ -f "$lib/libsamenkaart-ogr.so" ] &&
    [ -x "$bin/samenkaart" ] && [ -f "$styles/aef.ini" ] &&
    [ -f "$styles/aef-2017/atlas.ini" ] && [ -f "$lib/pkgconfig/samenkaart.pc" ] || return 1
  readelf -d "$lib/libsamenkaart.so.0.1.0" | grep 'SONAME.*\[libsamenkaart\.so\.0\]' || return 1
  local h
  for h in "$SK_SOURCE_ROOT"/include/samenkaart/*.h; do
    [ -f "$tmp/root$SK_INCLUDEDIR/samenkaart/$(basename "$h")" ] ||
      { echo "header not installed: $(basename "$h")"; return 1; }
  done
}
check "library (SONAME libsamenkaart.so.0), module, headers, .pc, styles and command installed" \
  installed

# The example, built against the installed .pc only (its prefix moved to the staging root).
build_example() {
  local flags
  flags=$(PKG_CONFIG_PATH="$lib/pkgconfig" pkg-config --define-variable=prefix="$root$SK_PREFIX" \
    --cflags --libs samenkaart) || return 1
  echo "pkg-config: $flags"
  # shellcheck disable=SC2086
  $SK_CC -std=c11 -Wall -Wextra -Werror ${SK_SANITIZE:+-fsanitize=$SK_SANITIZE} \
    "$SK_SOURCE_ROOT/examples/choropleth.c" -o "$tmp/choropleth" $flags
}
check "examples/choropleth.c builds with pkg-config --cflags --libs samenkaart" build_example

mkdir -p "$tmp/elsewhere"
cd "$tmp/elsewhere" || exit 1
export LD_LIBRARY_PATH="$lib"
run_example() {
  "$tmp/choropleth" "$SK_TEST_DATA" example.png example.csv >"$tmp/example.out" || return 1
  cat "$tmp/example.out"
  grep -qx "samenkaart $SK_VERSION, styles in $styles" "$tmp/example.out" || return 1
  # A4 landscape at 150 dpi: 1754 x 1240 pixels (the PNG header's width and height).
  [ "$(od -An -tx1 -j16 -N8 example.png | tr -d ' \n')" = "000006da000004d8" ] || return 1
  [ "$(wc -l <example.csv)" -gt 300 ]
}
check "the example runs against the installed library and finds the installed styles" run_example
uses_installed() {
  local out
  out=$(ldd "$tmp/choropleth") || return 1
  echo "$out"
  grep -qF "libsamenkaart.so.0 => $lib/" <<<"$out"
}
check "the example links libsamenkaart.so.0 from the installation" uses_installed

check "installed samenkaart render --help" \
  bash -c '"$1" render --help | grep -- "--where=PRINCIPLE=VALUE"' _ "$bin/samenkaart"
check "installed samenkaart renders from another directory with the installed styles" \
  "$bin/samenkaart" render --data-dir "$SK_TEST_DATA" --where inhoudelijk=jeugd \
  --show samenwerkingsvorm --output command.png --classes-csv command.csv
check "the command and the example draw the same map" \
  bash -c 'cmp example.png command.png && cmp example.csv command.csv'
# The default data is the installed copy: no --data-dir, no $SAMENKAART_DATA, another
# directory; the same map as from the source tree's data.
data="$tmp/root$SK_DATA_INSTALL_DIR"
check "installed samenkaart draws the demo map with the installed data from another directory" \
  bash -c '[ -f "$2/projecten_2017.csv" ] && [ -f "$2/../rivm2020/initiatieven_2020.csv" ] &&
    env -u SAMENKAART_DATA "$1" render --where inhoudelijk=jeugd --show samenwerkingsvorm \
      --output demo.png --classes-csv demo.csv && cmp demo.csv command.csv' _ "$bin/samenkaart" "$data"
# ... and it is that copy it reads: spoil it, and that is the file the command names.
reads_installed_data() {
  printf 'P9999,x,CZ,Gouda,,preventei,beleid,implementatie,gemeente,,test\n' >>"$data/projecten_2017.csv"
  env -u SAMENKAART_DATA "$bin/samenkaart" render --output spoiled-data.png 2>"$tmp/err"
  local rc=$?
  cat "$tmp/err"
  [ $rc -eq 2 ] && grep -qF "$data/projecten_2017.csv" "$tmp/err"
}
if [ "$SK_DATA_RELOCATABLE" = 1 ]; then
  check "the installed command reads the installed data" reads_installed_data
else
  n=$((n + 1)); echo "ok $n - # SKIP data_dir was fixed at setup"
fi
# The styles it used are the installed ones: spoil the installed default style, and that
# is the file the command now complains about.
reads_installed_styles() {
  echo "this is not a style file [" >"$styles/aef.ini"
  "$bin/samenkaart" render --data-dir "$SK_TEST_DATA" --output spoiled.png 2>"$tmp/err"
  local rc=$?
  cat "$tmp/err"
  [ $rc -eq 2 ] && grep -qF "$styles/aef.ini" "$tmp/err"
}
if [ "$SK_STYLES_RELOCATABLE" = 1 ]; then
  check "the installed command reads the installed default style" reads_installed_styles
else
  n=$((n + 1)); echo "ok $n - # SKIP styles_dir was fixed at setup"
fi
exit $failed
