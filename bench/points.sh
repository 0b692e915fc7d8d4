#!/usr/bin/env bash
# Time one point map of 11,600 initiatives (make-initiatives.py --scale 100: the RIVM 2020 set
# a hundred times over) as medians of N runs, warm (prepared boundaries from the cache): the
# points coloured by samenwerking, and the initiatives per municipality (--count gemeenten).
# Issue 15 asks for one map in at most 0.5 s on the reference machine.  Also timed: a cold run
# (nothing cached) and MapServer's map2img drawing the same circles, when it is installed.
#   bash bench/points.sh [RUNS]      (needs build/, bc, python3 with GDAL's bindings)
# Generating the set takes minutes; SK_BENCH_POINTS=FILE times an existing one instead.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
bin=build/samenkaart
out=$(mktemp -d)
trap '[ -n "${SK_BENCH_KEEP:-}" ] || rm -rf "$out"' EXIT
. "$(dirname "$0")/lib.sh"

# The generator: the repository's copy, else the shared one; a python3 that has GDAL's
# bindings (Debian's python3-gdal; a python3 earlier on PATH may lack them).
points=${SK_BENCH_POINTS:-}
if [ -z "$points" ]; then
  gen=tools/make-initiatives.py
  [ -f "$gen" ] || gen=../shared/tools/make-initiatives.py
  [ -f "$gen" ] || { echo "bench: make-initiatives.py not found; skipped"; exit 0; }
  py=
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'from osgeo import ogr' 2>/dev/null; then py=$p; break; fi
  done
  [ -n "$py" ] || { echo "bench: no python3 with GDAL's bindings (python3-gdal); skipped"; exit 0; }
  "$py" "$gen" --scale 100 --out "$out" >/dev/null
  points="$out/initiatieven_2020_x100.csv"
  [ -s "$points" ] || { echo "bench: $gen wrote no $points; skipped"; exit 0; }
fi
n=$(($(wc -l <"$points") - 1))

cache="$out/cache"
by=(render --points "$points" --by samenwerking --cache-dir "$cache")
count=(render --points "$points" --count gemeenten --cache-dir "$cache")
"$bin" "${by[@]}" --output "$out/warmup.png" --classes-csv "$out/classes.csv" >/dev/null
"$bin" "${count[@]}" --output "$out/warmup.png" >/dev/null
by_png=$(median "$bin" "${by[@]}" --output "$out/x.png")
count_png=$(median "$bin" "${count[@]}" --output "$out/count.png")
# Cold: nothing of the run in the cache (boundaries read and prepared, the layer read through
# GDAL, every point located with GEOS).
by_cold=$(median "$bin" render --points "$points" --by samenwerking --no-cache --output "$out/x.png")

# MapServer (map2img) drawing the same points (circles of the same size, fill and outline per
# class, at their own positions: it does not move coincident ones apart) over the municipal
# and regional borders, from the same CSV through an OGR VRT.
ms_png=
if command -v map2img >/dev/null; then
  data=${SAMENKAART_DATA:-$PWD/data/nl2017}
  cat >"$out/points.vrt" <<EOM
<OGRVRTDataSource><OGRVRTLayer name="initiatieven"><SrcDataSource>$points</SrcDataSource>
<SrcLayer>$(basename "$points" .csv)</SrcLayer>
<GeometryType>wkbPoint</GeometryType><LayerSRS>EPSG:28992</LayerSRS>
<GeometryField encoding="PointFromColumns" x="x" y="y"/></OGRVRTLayer></OGRVRTDataSource>
EOM
  {
    cat <<EOM
MAP
  NAME "punten"
  SIZE 1754 1240
  RESOLUTION 150
  DEFRESOLUTION 72
  EXTENT -20000 290000 310000 640000
  UNITS METERS
  IMAGECOLOR 255 255 255
  SHAPEPATH "$data"
  OUTPUTFORMAT NAME "png" DRIVER AGG/PNG MIMETYPE "image/png" IMAGEMODE RGB EXTENSION "png" END
  SYMBOL NAME "circle" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END
  LAYER NAME "gemeenten" TYPE POLYGON STATUS DEFAULT DATA "gemeenten_2017"
    CLASS STYLE OUTLINECOLOR 166 166 166 WIDTH 0.3 END END
  END
  LAYER NAME "regios" TYPE POLYGON STATUS DEFAULT DATA "wmo_regios_2017"
    CLASS STYLE OUTLINECOLOR 38 38 38 WIDTH 1.1 END END
  END
  LAYER NAME "initiatieven" TYPE POINT STATUS DEFAULT CONNECTIONTYPE OGR
    CONNECTION "$out/points.vrt" DATA "initiatieven" CLASSITEM "samenwerking"
EOM
    # one CLASS per level drawn, in samenkaart's colour for it (from its classes CSV)
    awk -F, 'function hex(s) { return (index("0123456789abcdef", substr(s, 1, 1)) - 1) * 16 + index("0123456789abcdef", substr(s, 2, 1)) - 1 }
      NR > 1 && $NF == 1 { color[$(NF - 4)] = $(NF - 3) }
      END { for (c in color) {
        printf "    CLASS EXPRESSION \"%s\" STYLE SYMBOL \"circle\" SIZE 5.5 COLOR %d %d %d OUTLINECOLOR 51 51 51 WIDTH 0.6 END END\n",
          c, hex(substr(color[c], 2, 2)), hex(substr(color[c], 4, 2)), hex(substr(color[c], 6, 2)) } }' \
      "$out/classes.csv"
    printf '  END\nEND\n'
  } >"$out/points.map"
  map2img -m "$out/points.map" -o "$out/ms.png" >/dev/null 2>&1 &&
    ms_png=$(median map2img -m "$out/points.map" -o "$out/ms.png")
fi

printf 'one point map of %s initiatives, load + render (PNG 150 dpi), median of %s runs\n' \
  "$n" "$runs"
printf '  --by samenwerking, warm  %8ss\n' "$by_png"
printf '  --count gemeenten, warm  %8ss\n' "$count_png"
printf '  --by samenwerking, cold  %8ss   (nothing cached: boundaries, layer, locations)\n' "$by_cold"
[ -n "$ms_png" ] && printf '  MapServer map2img        %8ss   (the same circles and borders; no legend, no displacement)\n' "$ms_png"
within=$(echo "$by_png <= 0.5 && $count_png <= 0.5" | bc -l)
[ "$within" = 1 ] && echo "  warm: both within 0.5 s" || echo "  warm: over 0.5 s (issue 15 asks for at most 0.5 s)"
