#!/usr/bin/env bash
# Time the reviewers' views as medians of N runs (warm cache): compare over all insurers (page
# of 9 panels + figures), one insurer's map, the 2017 -> 2018 snapshot diff (map, classes,
# list of changes), a zoomed map with names, and stats.
#   bash bench/views.sh [RUNS]      (needs build/ and bc)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
data=${SAMENKAART_DATA:-$PWD/data/nl2017}
bin=build/samenkaart
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
. "$(dirname "$0")/lib.sh"
export SAMENKAART_CACHE="$out/cache"

compare_all=(compare --insurer all --output "$out/all.png" --table-csv "$out/all.csv")
compare_one=(compare --insurer Menzis --show samenwerkingsvorm --output "$out/menzis.png"
             --table-csv "$out/menzis.csv")
diff_cmd=(diff --before "$data/projecten_2017.csv" --after "$data/projecten_2018.csv"
          --output "$out/diff.png" --classes-csv "$out/diff.csv" --changes-csv "$out/ch.csv")
zoom=(render --where inhoudelijk=ouderen --show samenwerkingsvorm --zoom-province Gelderland
      --output "$out/zoom.png" --labels-csv "$out/labels.csv")
stats=(stats --format md --output "$out/stats.md")
# Warm the cache (geometry, both databases, the zorgkantoorregio's).
for c in compare_all diff_cmd zoom; do
  declare -n cmd=$c
  "$bin" "${cmd[@]}" -q >/dev/null
done

printf 'reviewers'"'"' views, warm cache, median of %s runs\n' "$runs"
printf '  compare --insurer all (9 panels, PNG)   %8ss\n' "$(median "$bin" "${compare_all[@]}")"
printf '  compare --insurer Menzis --show vorm   %8ss\n' "$(median "$bin" "${compare_one[@]}")"
printf '  diff 2017 -> 2018 (map + 2 CSVs)       %8ss\n' "$(median "$bin" "${diff_cmd[@]}")"
printf '  render --zoom-province Gelderland      %8ss\n' "$(median "$bin" "${zoom[@]}")"
printf '  stats --format md                      %8ss\n' "$(median "$bin" "${stats[@]}")"
