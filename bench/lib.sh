# Shared by the bench scripts: medians of repeated runs, and a MapServer mapfile drawing the
# same map as samenkaart (its classes, colours, legend, scale bar, page size, resolution).

# median of $runs timings (seconds) of a command
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

# make_mapfile: writes $out/jeugd.map, MapServer's version of the map samenkaart draws with
# "${args[@]}" (uses $bin, $args, $data, $out).
make_mapfile() {
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
}
