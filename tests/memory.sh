#!/usr/bin/env bash
# Out of memory is exit 1 with a message, never a crash, and leaves nothing behind: render and
# a 3-page atlas under address-space limits (ulimit -v) where their page pixels cannot be
# made, and with the first surface allocations failing by fault injection ($SAMENKAART_FAULT,
# in a build with -Dfault_injection=true).  An atlas makes all its pixels before its threads
# start, so its failure comes before anything is drawn.
# The limits are chosen so that the pages' pixels are what does not fit (gigabytes at a high
# dpi) while the process itself, Pango and fontconfig have room: under a few hundred MB those
# libraries abort or crash inside themselves (Pango 1.50 starts threads with g_thread_new,
# which aborts when a thread cannot be made; fontconfig and cairo's scan converter crash on a
# failed malloc), which no caller can prevent.
# Environment (tests/meson.build): SK_CLI, SAMENKAART_DATA, SAMENKAART_STYLES, SAMENKAART_CACHE.
# TAP (ok, not_ok, check; a failure shows what the test printed, $tmp/log): tests/tap.sh.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
export LC_ALL=C
unset SAMENKAART_FAULT
echo "1..8"
cd "$tmp" || exit 1
cat >small.ini <<'EOF'
[atlas]
title = T

[map a]
title = A
show = samenwerkingsvorm
text = <b>Analyse</b>: a text panel narrows this map, so its border layer differs from b's

[map b]
title = B
count = natural
classes = 4
EOF
render=(render --show samenwerkingsvorm)

# Address-space limits and sanitizers do not mix (ASan reserves terabytes of shadow memory):
# in a sanitizer build the limit tests are skipped, the fault-injection ones need no limit.
# (Read whole first: with pipefail, `ldd | grep -q` fails when grep stops reading early.)
sanitized=0
libs=$(ldd "$SK_CLI" 2>/dev/null; nm -D "$SK_CLI" 2>/dev/null)
case $libs in
  *libasan*|*libtsan*|*libmsan*|*__asan_init*) sanitized=1 ;;
esac
limit_check() {   # WHAT COMMAND...: check, unless the build is sanitized
  if [ "$sanitized" -eq 1 ]; then
    ok "$1 # SKIP sanitizer build: no address-space limits"
  else
    check "$@"
  fi
}
found=0

# Run the command under a limit of $1 MB of address space (0: none); status in $rc, stderr in
# $tmp/err.
limited() {
  local mb=$1; shift
  if [ "$mb" -gt 0 ]; then
    (ulimit -v $((mb * 1024)) && exec "$SK_CLI" "$@") 2>"$tmp/err"
  else
    "$SK_CLI" "$@" 2>"$tmp/err"
  fi
  rc=$?
}

# The run failed as out of memory should: exit 1 (not a signal, not an abort), a message
# saying so, no temporary file left anywhere.
out_of_memory() {
  cat "$tmp/err"
  echo "exit status $rc"
  [ "$rc" -eq 1 ] || return 1
  grep -q "out of memory" "$tmp/err" || return 1
  ! grep -q "GLib-ERROR\|Segmentation\|Aborted\|assert" "$tmp/err" || return 1
  [ -z "$(find "$tmp" -name '.*.sk-*' | head -1)" ]
}

# No file in folder $1 (an atlas's folder may be left with its empty thumbs folder).
no_files() {
  [ -z "$(find "$1" -type f 2>/dev/null | head -1)" ]
}

render_limit() {
  printf 'the old map\n' >old.png
  cp old.png before.png
  limited 600 "${render[@]}" --dpi 1200 --output old.png
  out_of_memory && cmp -s old.png before.png && [ ! -e old.pgw ]
}
limit_check "render: a 1200-dpi page does not fit in 600 MB: exit 1, out of memory, the old file kept" \
  render_limit

atlas_limit() {
  limited 1500 atlas --quiet small.ini --output big --dpi 1200 --jobs 2
  out_of_memory && no_files big
}
limit_check "atlas: the pixels of 1200-dpi pages do not fit in 1.5 GB: exit 1 before any thread draws, nothing written" \
  atlas_limit

fits() {
  limited 1500 atlas --quiet small.ini --output fits --jobs 2
  cat "$tmp/err"
  [ "$rc" -eq 0 ] && [ -s fits/003-a.png ] && [ -s fits/thumbs/004-b.png ] &&
    [ -s fits/atlas.pdf ] || return 1
  limited 1000 "${render[@]}" --output fits.png
  [ "$rc" -eq 0 ] && [ -s fits.png ]
}
limit_check "at 150 dpi both fit in the same limits (exit 0)" fits

# Under limits from 1 GB up, every run is exit 0 or exit 1 with out of memory: never a signal.
sweep() {
  local mb
  for mb in 1000 2000 2300; do
    rm -rf sweep
    limited "$mb" atlas --quiet small.ini --output sweep --dpi 1200 --jobs 2
    echo "$mb MB: exit $rc"
    [ "$rc" -eq 0 ] || out_of_memory || return 1
  done
}
limit_check "atlas at 1200 dpi under 1, 2 and 2.3 GB: exit 0 or out of memory, never a crash" sweep

# ---- fault injection: the first surface allocations ----------------------------------

fault_points() {   # the command's fault points, or nothing without fault injection
  SAMENKAART_FAULT=0 "$SK_CLI" "$@" 2>&1 >/dev/null | sed -n 's/^samenkaart: fault points: //p'
}

# Fault points 1..K of command "$@" (output $out) until the first surface allocation, then
# every one after it that is also a surface (their message says out of memory): each exit 1,
# out of memory, no output.  $found: how many.
surfaces_fail() {
  local k i
  k=$(fault_points "$@")
  [ -n "$k" ] || return 2
  found=0
  for ((i = 1; i <= k; i++)); do
    rm -rf "$out"
    SAMENKAART_FAULT=$i "$SK_CLI" "$@" 2>"$tmp/err"
    rc=$?
    if grep -q "out of memory" "$tmp/err"; then
      echo "fault point $i:"
      out_of_memory || return 1
      no_files "$out" || return 1
      found=$((found + 1))
    elif [ $found -gt 0 ]; then
      break
    fi
  done
  echo "$found surface fault points"
  [ $found -gt 0 ]
}

injected() {
  local what=$1; shift
  surfaces_fail "$@" >"$tmp/log" 2>&1
  case $? in
    0) ok "$what" ;;
    2) ok "$what # SKIP built without -Dfault_injection" ;;
    *) not_ok "$what" ;;
  esac
}
out=fault-atlas
injected "atlas: the first failing surface allocations (border layers, page pixels) are exit 1, out of memory, nothing written" \
  atlas --quiet small.ini --output fault-atlas --jobs 2
atlas_found=$found
out=fault.png
injected "render: the failing page surface is exit 1, out of memory, nothing written" \
  "${render[@]}" --output fault.png
# The atlas makes a page and a thumbnail for each of its 2 threads, then the border layers:
# one placement (a's text panel sits under its legend, its map stays on the grid), a
# municipal and a region layer.
if [ -z "$(fault_points atlas --quiet small.ini --output fault-atlas --jobs 2)" ]; then
  ok "atlas: every pixel buffer is made ahead # SKIP built without -Dfault_injection"
elif [ "$atlas_found" -eq 6 ]; then
  ok "atlas: every pixel buffer is made ahead, one after another (6 fault points)"
else
  echo "found $atlas_found" >"$tmp/log"
  not_ok "atlas: every pixel buffer is made ahead, one after another (6 fault points)"
fi
rm -rf fault-atlas
no_temps() { [ -z "$(find "$tmp" -name '.*.sk-*' | head -1)" ]; }
check "no temporary file anywhere" no_temps
exit $failed
