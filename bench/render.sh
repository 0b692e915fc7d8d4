#!/usr/bin/env bash
# Time loading + rendering one map (PNG at 150 dpi, and PDF) as medians of N runs, side by
# side with MapServer's map2img drawing the same map (same layers, classes, colours, legend,
# scale bar, page size and resolution) in the same run.
#   bash bench/render.sh [RUNS]      (needs build/, Debian's mapserver-bin and bc)
# samenkaart is timed twice: "cold" reads every source (--no-cache: shapefiles through GDAL,
# validity checks, reprojection, simplification prepared); "warm" is every later run on
# unchanged inputs, served from the cache of prepared data (GDAL is not even loaded).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
data=${SAMENKAART_DATA:-$PWD/data/nl2017}
bin=build/samenkaart
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
command -v map2img >/dev/null || { echo "bench: install mapserver-bin for the comparison" >&2; exit 1; }

args=(render --where inhoudelijk=jeugd --show samenwerkingsvorm)

. "$(dirname "$0")/lib.sh"
make_mapfile

cache="$out/cache"
"$bin" "${args[@]}" --cache-dir "$cache" --output "$out/warmup.png" >/dev/null
cold_png=$(median "$bin" "${args[@]}" --no-cache --output "$out/sk.png")
warm_png=$(median "$bin" "${args[@]}" --cache-dir "$cache" --output "$out/sk.png")
ms_png=$(median map2img -m "$out/jeugd.map" -o "$out/ms.png")
cold_pdf=$(median "$bin" "${args[@]}" --no-cache --output "$out/sk.pdf")
warm_pdf=$(median "$bin" "${args[@]}" --cache-dir "$cache" --output "$out/sk.pdf")
ms_pdf=$(median map2img -m "$out/jeugd.map" -i pdf -o "$out/ms.pdf")

ratio() { echo "$1 / $2" | bc -l; }
printf 'one map, load + render, median of %s runs\n' "$runs"
printf '%-12s %14s %14s %10s %16s %16s\n' "" "samenkaart" "samenkaart" "MapServer" "MapServer /" "MapServer /"
printf '%-12s %14s %14s %10s %16s %16s\n' "" "cold" "warm" "" "samenkaart cold" "samenkaart warm"
printf '%-12s %13ss %13ss %9ss %15.1fx %15.1fx\n' "PNG 150 dpi" "$cold_png" "$warm_png" "$ms_png" \
  "$(ratio "$ms_png" "$cold_png")" "$(ratio "$ms_png" "$warm_png")"
printf '%-12s %13ss %13ss %9ss %15.1fx %15.1fx\n' "PDF" "$cold_pdf" "$warm_pdf" "$ms_pdf" \
  "$(ratio "$ms_pdf" "$cold_pdf")" "$(ratio "$ms_pdf" "$warm_pdf")"
