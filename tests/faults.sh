#!/usr/bin/env bash
# Fault injection, in the spirit of SQLite's I/O-error tests: with SAMENKAART_FAULT=N (a build
# with -Dfault_injection=true) the N-th output operation of the run fails: an open, a write, a
# flush, a rename, a surface allocation or a thread start (src/context.c counts them).  Every N
# from 1 to the run's count goes through a 3-page atlas, render, diff and compare with all their
# outputs, and a seeded sample of 50 N through the AEF atlas.  Each run must: exit 1 or 2 with a
# message, not crash, leave its output folder byte-identical to before (it holds the outputs
# of an earlier run with other content: old files are kept) with no temporary file
# `.NAME.sk-PID-XXXXXX`, and not leak (samenkaart-lsan, LeakSanitizer: exit 23).  LeakSanitizer
# doubles the CPU time of a run: the small cases run under it at every N, the AEF sample every
# fifth N (the other AEF runs check all the rest), to stay within a few minutes on 2 cores.
# A run that fails nothing because thread timing made it pass fewer points than N may exit 0:
# its outputs must then be those of a run without faults.
# Environment (tests/meson.build): SK_CLI, SK_CLI_LSAN (optional), SK_SOURCE_ROOT, SK_TEST_DATA;
# SK_FAULT_SEED (default 11) picks the AEF sample.
set -uo pipefail
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
start=$SECONDS

if ! SAMENKAART_FAULT=0 "$SK_CLI" render -q --dpi 30 --output "$tmp/probe.png" 2>&1 >/dev/null \
     | grep -q 'fault points'; then
  echo "skip: $SK_CLI was built without -Dfault_injection=true"
  exit 77
fi
plain=$SK_CLI lsan=$SK_CLI
if [ -n "${SK_CLI_LSAN:-}" ] && [ -x "$SK_CLI_LSAN" ]; then
  lsan=$SK_CLI_LSAN
else
  echo "# no samenkaart-lsan (the compiler has no -fsanitize=leak): leaks are not checked"
fi
export LSAN_OPTIONS="suppressions=$SK_SOURCE_ROOT/.ci/lsan.supp:exitcode=23:print_suppressions=0"
# A cache of our own, filled by the first runs: later runs read it and write nothing there, so
# every run passes the same fault points.
export SAMENKAART_CACHE="$tmp/cache"
data=$SK_TEST_DATA
seed=${SK_FAULT_SEED:-11}

# A 3-page atlas (contents, a section, a map with PNG, world file and CSV); the "before"
# variant draws other projects on the same pages.
mini_atlas() {
  cat <<EOF
[atlas]
title = Fouten
style = $SK_SOURCE_ROOT/styles/aef.ini
page = a4

[section s]
title = Sectie

[map kaart]
title = Kaart
where = inhoudelijk=$1
show = samenwerkingsvorm
EOF
}
mini_atlas jeugd >"$tmp/mini.ini"
mini_atlas ouderen >"$tmp/mini-before.ini"

# run_case CASE DIR VARIANT: one run of $bin, the case's command writing into DIR; VARIANT
# "before" writes the same files with other content.
run_case() {
  local case=$1 dir=$2 variant=$3 w=(--where inhoudelijk=jeugd)
  [ "$variant" = before ] && w=(--where inhoudelijk=ouderen)
  case $case in
    atlas)
      local ini=$tmp/mini.ini
      [ "$variant" = before ] && ini=$tmp/mini-before.ini
      "$bin" atlas -q "$ini" --data-dir "$data" --dpi 40 --jobs 2 --output "$dir" ;;
    render)
      "$bin" render -q "${w[@]}" --show samenwerkingsvorm --zoom-province Gelderland --dpi 40 \
        --output "$dir/m.png" --classes-csv "$dir/classes.csv" --labels-csv "$dir/labels.csv" \
        --mergers "$SK_SOURCE_ROOT/shapes/herindelingen_2018_2019.csv" \
        --mergers-report "$dir/mergers.csv" ;;
    diff)
      local x=()
      [ "$variant" = before ] && x=("${w[@]}")
      "$bin" diff -q "${x[@]}" --before "$data/projecten_2017.csv" \
        --after "$data/projecten_2018.csv" --dpi 40 --output "$dir/d.png" \
        --classes-csv "$dir/classes.csv" --changes-csv "$dir/changes.csv" ;;
    compare)
      local x=()
      [ "$variant" = before ] && x=("${w[@]}")
      "$bin" compare -q "${x[@]}" --insurer Menzis --dpi 40 --output "$dir/c.png" \
        --classes-csv "$dir/classes.csv" --table-csv "$dir/table.csv" \
        --table-md "$dir/table.md" ;;
    aef)
      local dpi=40
      [ "$variant" = before ] && dpi=30
      "$bin" atlas -q "$SK_SOURCE_ROOT/styles/aef-2017/atlas.ini" --data-dir "$data" \
        --dpi $dpi --jobs 2 --output "$dir" ;;
  esac
}

# Files of dir with their checksums, PDFs (dated) by name only.
listing() {
  (cd "$1" && find . -type f -o -type l | sort | while IFS= read -r f; do
     case $f in *.pdf) echo "$f" ;; *) echo "$f $(cksum <"$f")" ;; esac
   done)
}

# one_run CASE N lsan|plain: result in $tmp/results/CASE-N ("ok …" or "FAIL …").
one_run() {
  local case=$1 n=$2 d=$tmp/runs/$1-$2 rc why="" bin=$plain
  [ "$3" = lsan ] && bin=$lsan
  cp -a "$tmp/$case.before" "$d"
  # A run that hangs (a deadlock on a failure path) is a failure, not a stuck test.
  SAMENKAART_FAULT=$n bin=$bin timeout -k 5 300 bash -c 'run_case "$@"' _ "$case" "$d" real \
    >"$d.out" 2>"$d.err"
  rc=$?
  local reached message
  reached=$(sed -n 's/^samenkaart: fault points: //p' "$d.err")
  message=$(grep -v '^samenkaart: fault points: ' "$d.err" | head -1)
  if grep -qE 'GLib-CRITICAL|GLib-ERROR|GLib-GObject|Segmentation|Aborted|runtime error|Sanitizer' \
       "$d.err"; then
    why="crash or sanitizer report"
  elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    why="hung: stopped after 300 s"
  elif [ "$rc" -eq 23 ]; then
    why="leak"
  elif [ "$rc" -ge 128 ]; then
    why="killed by signal $((rc - 128))"
  elif [ "$rc" -eq 0 ]; then
    if [ -z "$reached" ] || [ "$reached" -ge "$n" ]; then
      why="exit 0 although fault point $n of $reached failed"
    elif [ "$(listing "$d")" != "$(cat "$tmp/$case.listing")" ]; then
      why="exit 0 (fault $n not reached: $reached points) but outputs differ from a run without faults"
    fi
  elif [ "$rc" -ne 1 ] && [ "$rc" -ne 2 ]; then
    why="exit $rc"
  elif [ -z "$message" ]; then
    why="exit $rc without a message"
  elif [ -n "$(find "$d" -name '.*.sk-*')" ]; then
    why="temporary files left: $(cd "$d" && find . -name '.*.sk-*' | tr '\n' ' ')"
  elif ! diff -r "$tmp/$case.before" "$d" >"$d.diff" 2>&1; then
    why="output folder changed: $(head -3 "$d.diff" | tr '\n' ' ')"
  fi
  if [ -n "$why" ]; then
    { echo "FAIL $case N=$n: $why (exit $rc)"; echo "  SAMENKAART_FAULT=$n; stderr:"
      sed 's/^/  | /' "$d.err" | head -40; } >"$tmp/results/$case-$n"
  else
    echo "ok $case N=$n exit $rc: $message" >"$tmp/results/$case-$n"
    rm -rf "$d" "$d.out" "$d.err" "$d.diff"
  fi
}
export -f one_run run_case listing
export tmp plain lsan data

# Per case: its folder as a different earlier run left it, and a run without faults that
# counts the points (its outputs: the reference for runs that pass fewer points).
mkdir -p "$tmp/runs" "$tmp/results"
cases=(atlas render diff compare aef)
declare -A points
bin=$plain
for c in "${cases[@]}"; do
  mkdir -p "$tmp/$c.before"
  if ! run_case "$c" "$tmp/$c.before" before >/dev/null 2>"$tmp/$c.log"; then
    echo "not ok: $c without faults (the earlier run) failed:"; cat "$tmp/$c.log"; exit 1
  fi
  cp -a "$tmp/$c.before" "$tmp/$c.ref"
  if ! SAMENKAART_FAULT=0 run_case "$c" "$tmp/$c.ref" real >/dev/null 2>"$tmp/$c.log"; then
    echo "not ok: $c without faults failed:"; cat "$tmp/$c.log"; exit 1
  fi
  points[$c]=$(sed -n 's/^samenkaart: fault points: //p' "$tmp/$c.log")
  listing "$tmp/$c.ref" >"$tmp/$c.listing"
  echo "# $c: ${points[$c]} fault points"
done

# Every N of the small cases; 50 N of the AEF atlas, reproducible from the seed.
for c in atlas render diff compare; do
  seq 1 "${points[$c]}" | sed "s/^/$c /; s/$/ lsan/"
done >"$tmp/jobs"
RANDOM=$seed
declare -A picked=()
count=0
while [ $count -lt 50 ] && [ $count -lt "${points[aef]}" ]; do
  k=$(( (RANDOM * 32768 + RANDOM) % points[aef] + 1 ))
  [ -n "${picked[$k]:-}" ] || count=$((count + 1))
  picked[$k]=1
done
sample=$(printf '%s\n' "${!picked[@]}" | sort -n | tr '\n' ' ')
echo "# aef: seed $seed, N = $sample(every fifth under LeakSanitizer)"
i=0
for n in $sample; do
  if [ $((i++ % 5)) -eq 0 ]; then echo "aef $n lsan"; else echo "aef $n plain"; fi
done >>"$tmp/jobs"

xargs -P2 -L1 bash -c 'one_run "$@"' _ <"$tmp/jobs"

runs=$(wc -l <"$tmp/jobs")
failures=$(cat "$tmp"/results/* | grep -c '^FAIL')
missing=$(( runs - $(ls "$tmp/results" | wc -l) ))
grep -h '^ok' "$tmp"/results/* | sed 's/^/# /' | sort -V
cat "$tmp"/results/* | grep -A42 '^FAIL' | grep -v '^--$'
echo "# $runs runs, $failures failed, $missing without a result, $((SECONDS - start)) s"
[ "$failures" -eq 0 ] && [ "$missing" -eq 0 ]
