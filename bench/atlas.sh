#!/usr/bin/env bash
# Time the full AEF atlas (styles/aef-2017/atlas.ini: PDF + a PNG per page at 150 dpi, world
# files, classes CSVs, index.html) as medians of N runs, with 1 and with 2 jobs, from the
# cache of prepared data (warm) and from the sources (cold); beside it MapServer's map2img
# drawing the same number of maps (the jeugd x samenwerkingsvorm map, PNG, one call each).
#   bash bench/atlas.sh [RUNS]      (needs build/, Debian's mapserver-bin and bc)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
data=${SAMENKAART_DATA:-$PWD/data/nl2017}
bin=build/samenkaart
atlas=styles/aef-2017/atlas.ini
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
command -v map2img >/dev/null || { echo "bench: install mapserver-bin for the comparison" >&2; exit 1; }
args=(render --where inhoudelijk=jeugd --show samenwerkingsvorm)
. "$(dirname "$0")/lib.sh"
make_mapfile

cache="$out/cache"
"$bin" atlas -q "$atlas" --cache-dir "$cache" --output "$out/warmup"
pages=$("$bin" atlas --list "$atlas" | wc -l)
maps=$("$bin" atlas --list "$atlas" | awk -F'\t' '{s += $2} END {print s}')

warm1=$(median "$bin" atlas -q --jobs 1 "$atlas" --cache-dir "$cache" --output "$out/a")
warm2=$(median "$bin" atlas -q --jobs 2 "$atlas" --cache-dir "$cache" --output "$out/a")
cold2=$(median "$bin" atlas -q --jobs 2 "$atlas" --no-cache --output "$out/a")
ms_maps() { for _ in $(seq "$maps"); do map2img -m "$out/jeugd.map" -o "$out/ms.png"; done; }
ms=$(median ms_maps)

printf 'full atlas: %s pages with %s maps, PDF + PNGs at 150 dpi; median of %s runs\n' \
  "$pages" "$maps" "$runs"
printf '  samenkaart, warm, 1 job    %8ss\n' "$warm1"
printf '  samenkaart, warm, 2 jobs   %8ss   (%.2fx faster than 1 job)\n' "$warm2" \
  "$(echo "$warm1 / $warm2" | bc -l)"
printf '  samenkaart, cold, 2 jobs   %8ss\n' "$cold2"
printf '  MapServer, %s maps (PNG)   %8ss   (%.1fx samenkaart warm, 2 jobs)\n' "$maps" "$ms" \
  "$(echo "$ms / $warm2" | bc -l)"
