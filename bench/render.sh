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
data=${SAMENKAART_DATA:-$PWD/../shared/data/nl2017}
bin=build/samenkaart
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
command -v map2img >/dev/null || { echo "bench: install mapserver-bin for the comparison" >&2; exit 1; }

args=(render --where inhoudelijk=jeugd --show samenwerkingsvorm)

# median of N timings (seconds) of a command
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'
}

# The classes of the map, from samenkaart itself, become MapServer classes.
"$bin" "${args[@]}" --output "$out/ref.png" --classes-csv "$out/classes.csv" >/dev/null
{
  cat <<EOM
MAP
  NAME "jeugd"
  SIZE 1754 1240
  RESOLUTION 150
  DEFRESOLUTION 72
  EXTENT -55602 213908 490000 660851
  UNITS METERS
  IMAGECOLOR 255 255 255
  SHAPEPATH "$data"
  FONTSET "$out/fonts.txt"
  OUTPUTFORMAT
    NAME "png"
    DRIVER AGG/PNG
    MIMETYPE "image/png"
    IMAGEMODE RGB
    EXTENSION "png"
  END
  OUTPUTFORMAT
    NAME "pdf"
    DRIVER CAIRO/PDF
    MIMETYPE "application/x-pdf"
    IMAGEMODE RGB
    EXTENSION "pdf"
  END
  LEGEND
    STATUS EMBED
    POSITION UR
    KEYSIZE 20 13
    LABEL TYPE TRUETYPE FONT "sans" SIZE 8 COLOR 26 26 26 END
  END
  SCALEBAR
    STATUS EMBED
    POSITION LR
    UNITS KILOMETERS
    INTERVALS 2
    LABEL TYPE TRUETYPE FONT "sans" SIZE 7 END
  END
  LAYER
    NAME "gemeenten"
    TYPE POLYGON
    STATUS DEFAULT
    DATA "gemeenten_2017"
    CLASSITEM "gm_code"
EOM
  # one CLASS per legend entry: {GM0014,GM1895,…}
  awk -F, 'function hex(s) { return (index("0123456789abcdef", substr(s, 1, 1)) - 1) * 16 + index("0123456789abcdef", substr(s, 2, 1)) - 1 }
    NR > 1 {
      n = split($0, f, ","); cls = f[n-2]; col = f[n-1];
      if (cls == "") next;
      codes[cls] = codes[cls] (codes[cls] ? "," : "") f[1]; color[cls] = col
    } END {
      for (c in codes) {
        r = hex(substr(color[c], 2, 2)); g = hex(substr(color[c], 4, 2)); b = hex(substr(color[c], 6, 2));
        printf "    CLASS\n      NAME \"%s\"\n      EXPRESSION {%s}\n", c, codes[c];
        printf "      STYLE COLOR %d %d %d OUTLINECOLOR 166 166 166 WIDTH 0.3 END\n    END\n", r, g, b
      }
    }' "$out/classes.csv"
  cat <<EOM
    CLASS
      STYLE COLOR 255 255 255 OUTLINECOLOR 166 166 166 WIDTH 0.3 END
    END
  END
  LAYER
    NAME "regios"
    TYPE POLYGON
    STATUS DEFAULT
    DATA "wmo_regios_2017"
    CLASS
      NAME "Grens Wmo-regio"
      STYLE OUTLINECOLOR 38 38 38 WIDTH 1.1 END
    END
  END
END
EOM
} > "$out/jeugd.map"
echo "sans /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" > "$out/fonts.txt"
map2img -m "$out/jeugd.map" -o "$out/ms.png" >/dev/null 2>&1 || { echo "bench: map2img failed:"; map2img -m "$out/jeugd.map" -o "$out/ms.png"; exit 1; }

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
