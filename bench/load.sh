#!/usr/bin/env bash
# Load test: the project database 1x, 10x and 100x (tools/make-projects.py --scale N,
# ~38,000 projects at 100x), each as one map and as the full AEF atlas, from the sources (no
# cache): median wall time of N runs and peak RSS (GNU time).
#   bash bench/load.sh [RUNS]     (needs build/, python3, /usr/bin/time, bc)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
data=${SAMENKAART_DATA:-$PWD/data/nl2017}
tools=${SAMENKAART_TOOLS:-$PWD/tools}
bin=build/samenkaart
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# measure CMD...: prints "median-seconds peak-KB" over $runs runs
measure() {
  local times=() peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>&1
    read -r t kb <"$out/time"
    times+=("$t")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  printf '%s\n' "${times[@]}" | sort -g |
    awk -v peak="$peak" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2;
                          printf "%6.2fs  %5.0f MB", m, peak/1024}'
}

printf 'load test, from the sources (no cache), median of %s runs, peak RSS\n' "$runs"
printf '%-6s %9s   %-20s %-20s\n' scale projects "one map" "full atlas (87 pages)"
for scale in 1 10 100; do
  dir="$out/x$scale"
  mkdir -p "$dir" "$out/gen"
  for f in "$data"/*; do ln -s "$f" "$dir/"; done
  rm "$dir/projecten_2017.csv"
  if [ "$scale" -eq 1 ]; then
    cp "$data/projecten_2017.csv" "$dir/"
  else
    python3 "$tools/make-projects.py" --scale "$scale" --out "$out/gen" >/dev/null
    mv "$out"/gen/*.csv "$dir/projecten_2017.csv"
  fi
  n=$(($(wc -l <"$dir/projecten_2017.csv") - 1))
  map=$(measure "$bin" render --data-dir "$dir" --no-cache --where inhoudelijk=jeugd \
        --show samenwerkingsvorm --output "$out/map.png")
  atlas=$(measure "$bin" atlas -q styles/aef-2017/atlas.ini --data-dir "$dir" --no-cache \
          --output "$out/atlas")
  printf '%-6s %9s   %-20s %-20s\n' "${scale}x" "$n" "$map" "$atlas"
done
