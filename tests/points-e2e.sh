#!/usr/bin/env bash
# Point maps end to end (issue 15) on data/rivm2020/initiatieven_2020.csv, every expectation
# worked out from the data file itself (awk), not from the program:
#  (a) --by samenwerking: the classes CSV has a row per initiative, class = its samenwerking,
#      onbekend not drawn; at every drawn position the PNG (through its world file, read by
#      GDAL's gdallocationinfo) has the row's colour, or that of a level drawn above it; the
#      legend (PDF text) counts every level with its unit, in scale order, and says onbekend
#      is not on the map; the colours darken with the level (CIELAB L*).
#  (b) --count gemeenten: initiatives per municipality equal the count from column gemeenten.
#  (c) bad values (x not a number, an unknown samenwerking), an unknown --where or --by
#      column: exit 2, FILE:LINE: column '…' messages with suggestions, no output.
#  (d) --where preventiecoalitie=ja and interventies=GLI (one item of a list) select the rows
#      the data says.
#  (e) styles/rivm-2020/atlas.ini renders: its pages, titles and panels.
# Environment (tests/meson.build): SK_CLI, SK_SOURCE_ROOT, SAMENKAART_STYLES, SAMENKAART_DATA,
# SAMENKAART_CACHE.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
echo "1..29"
export LC_ALL=C
cd "$tmp" || exit 1
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null ||
  { echo "# poppler-utils missing"; exit 1; }
command -v gdallocationinfo >/dev/null || { echo "# gdal-bin missing"; exit 1; }

data="$SK_SOURCE_ROOT/data/rivm2020/initiatieven_2020.csv"
atlas="$SAMENKAART_STYLES/rivm-2020/atlas.ini"
# The ordinal scale of samenwerking, lowest first (data/rivm2020/README.md, the contract).
levels=("onbekend" "geen van beide betrokken" "alleen gemeente of zorgverzekeraar betrokken"
  "gemeente en zorgverzekeraar apart betrokken" "gemeente en zorgverzekeraar in gesprek"
  "informele afspraken" "formele afspraken")
printf '%s\n' "${levels[@]}" >levels.txt

# columns FILE NAME…: the named columns of a CSV (quoted fields allowed), tab-separated, one
# line per row after the header.
columns() {
  local file=$1
  shift
  awk -v want="$*" '
    function split_csv(line, f,   n, i, c, q, cur) {
      n = 0; cur = ""; q = 0
      for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (q) {
          if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { cur = cur c; i++ } else q = 0 }
          else cur = cur c
        } else if (c == "\"") q = 1
        else if (c == ",") { f[++n] = cur; cur = "" }
        else cur = cur c
      }
      f[++n] = cur
      return n
    }
    { sub(/\r$/, "") }
    NR == 1 {
      n = split_csv($0, h)
      k = split(want, names, " ")
      for (i = 1; i <= k; i++) { at[i] = 0; for (j = 1; j <= n; j++) if (h[j] == names[i]) at[i] = j
        if (!at[i]) { print "no column " names[i] > "/dev/stderr"; exit 1 } }
      next
    }
    { split_csv($0, f); line = ""
      for (i = 1; i <= k; i++) line = line (i > 1 ? "\t" : "") f[at[i]]
      print line }' "$file"
}

# ---- (a) colours by samenwerking ------------------------------------------------------------
"$SK_CLI" render -q --points "$data" --by samenwerking --output fig3.png \
  --classes-csv fig3.csv 2>a.err
rc=$?
cat a.err
check "render --points --by samenwerking: exit 0, a PNG, its world file and classes" \
  test "$rc" = 0 -a -s fig3.png -a -s fig3.pgw -a -s fig3.csv
check "the classes CSV's header is id,naam,class,color,x,y,drawn" \
  bash -c 'head -1 fig3.csv | tr -d "\r" | grep -qx "id,naam,class,color,x,y,drawn"'
columns "$data" id samenwerking | sort >data-class.tsv
columns fig3.csv id class color x y drawn | sort >fig3.tsv
check "a row per initiative of the file ($(wc -l <data-class.tsv)), each once" bash -c '
  [ "$(wc -l <fig3.tsv)" = "$(wc -l <data-class.tsv)" ] &&
  [ -z "$(cut -f1 fig3.tsv | uniq -d)" ] && [ "$(wc -l <fig3.tsv)" = 116 ]'
check "each row's class is the initiative's samenwerking value" \
  bash -c 'diff <(cut -f1,2 fig3.tsv) data-class.tsv'
check "onbekend rows are not drawn (drawn=0), every other row is (drawn=1): 114 and 2" bash -c '
  awk -F"\t" "(\$2 == \"onbekend\") != (\$6 == \"0\") || (\$6 != \"0\" && \$6 != \"1\") {bad++}
    END {exit bad > 0}" fig3.tsv &&
  [ "$(awk -F"\t" "\$6 == 1" fig3.tsv | wc -l)" = 114 ] &&
  [ "$(awk -F"\t" "\$6 == 0" fig3.tsv | wc -l)" = 2 ]'
check "one colour per class" bash -c '
  [ "$(cut -f2,3 fig3.tsv | sort -u | wc -l)" = "$(cut -f2 fig3.tsv | sort -u | wc -l)" ]'

# The pixel at each drawn position, through the world file (GDAL reads fig3.pgw): R G B.
awk -F'\t' '$6 == 1 {print $4, $5}' fig3.tsv | gdallocationinfo -valonly -geoloc \
  -b 1 -b 2 -b 3 fig3.png 2>pix.err | paste - - - |
  awk '{printf "#%02x%02x%02x\n", $1, $2, $3}' >pixels.txt
awk -F'\t' '$6 == 1 {print $2 "\t" tolower($3) "\t" $4 "\t" $5}' fig3.tsv >drawn.tsv
# Coincident and near points are moved apart until no symbol covers another's centre, so the
# pixel at every drawn position is the row's own class colour (issue 15: "at each drawn
# position the topmost symbol has its class colour").
check "at every drawn position the PNG has the row's class colour" \
  bash -c 'cat pix.err; [ "$(wc -l <pixels.txt)" = 114 ] &&
  paste drawn.tsv pixels.txt | awk -F"\t" "
    { n++; if (\$2 != \$5) {print \"bad:\", \$2, \"at\", \$3, \$4, \"is\", \$5; bad++} }
    END {print n - bad, \"of\", n, \"show their own colour\"; exit bad > 0 || n != 114}"'

# Lightness: the colours of the drawn levels, lowest first, get darker (CIELAB L*).
check "the levels' colours darken with the level (L* decreasing)" bash -c '
  awk -F"\t" "FILENAME == \"levels.txt\" {rank[\$0] = FNR; next}
    \$2 != \"onbekend\" {print rank[\$2] \"\t\" tolower(\$3)}" levels.txt fig3.tsv |
  sort -n -u | tee lightness.txt | awk -F"\t" "
    function hex(s,   d) { d = \"0123456789abcdef\"
      return index(d, substr(s, 1, 1)) * 16 + index(d, substr(s, 2, 1)) - 17 }
    function lin(v) { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ^ 2.4 }
    { y = 0.2126 * lin(hex(substr(\$2, 2, 2))) + 0.7152 * lin(hex(substr(\$2, 4, 2)))
      y += 0.0722 * lin(hex(substr(\$2, 6, 2)))
      L = y > 216 / 24389 ? 116 * y ^ (1 / 3) - 16 : y * 24389 / 27
      printf \"level %d %s L*=%.1f\n\", \$1, \$2, L
      if (NR > 1 && L >= last) bad++
      last = L }
    END {exit bad > 0 || NR != 6}"'

# The legend, from the PDF's text: every level with its count and unit, in scale order;
# onbekend counted and said to be off the map.
"$SK_CLI" render -q --points "$data" --by samenwerking --output fig3.pdf 2>/dev/null
pdftotext fig3.pdf - 2>/dev/null | tr '\n' ' ' | sed 's/\xc2\xa0/ /g; s/  */ /g' >legend.txt
columns "$data" samenwerking | sort | uniq -c |
  awk '{n = $1; sub(/^ *[0-9]+ /, ""); print $0 "\t" n}' >level-counts.tsv
check "the legend counts every level with its unit (\"36 initiatieven\"), in scale order" bash -c '
  awk -F"\t" "FILENAME == \"level-counts.tsv\" {n[\$1] = \$2; next}
    FILENAME == \"levels.txt\" {lv[FNR] = \$0; k = FNR; next}
    { text = \" \" \$0 }
    END {
      for (i = 1; i <= k; i++) {
        at = index(text, \" \" lv[i] \" \"); if (!at) at = index(text, \" \" lv[i])
        if (!at) {print \"missing:\", lv[i]; bad++; continue}
        rest = substr(text, at + length(lv[i]) + 1, 60)
        want = n[lv[i]] \" \" (n[lv[i]] == 1 ? \"initiatief\" : \"initiatieven\")
        got = match(rest, /[0-9]+ initiatie(f|ven)/) ? substr(rest, RSTART, RLENGTH) : \"\"
        if (got != want) {print \"no count:\", lv[i], want, \"in\", rest; bad++}
        pos[i] = at
      }
      up = 1; down = 1
      for (i = 2; i <= k; i++) { if (pos[i] <= pos[i-1]) up = 0; if (pos[i] >= pos[i-1]) down = 0 }
      if (!up && !down) {print \"levels out of order\"; bad++}
      exit bad > 0 }" level-counts.tsv levels.txt legend.txt'
check "the legend says onbekend is not on the map (\"niet op de kaart\")" bash -c '
  grep -o "onbekend.\{0,60\}" legend.txt | grep -q "2 initiatieven.*niet op de kaart"'

# ---- (b) initiatives per municipality ---------------------------------------------------
"$SK_CLI" render -q --points "$data" --count gemeenten --output cnt.png \
  --classes-csv cnt.csv 2>b.err
rc=$?
cat b.err
check "render --points --count gemeenten: exit 0, classes with a column initiatives" bash -c "
  [ $rc = 0 ] && head -1 cnt.csv | tr -d '\r' | grep -qx 'gm_code,gm_naam,class,color,initiatives'"
# From the data: every initiative counts once for each municipality it names.
columns "$data" gemeenten | awk -F';' '{
    delete seen
    for (i = 1; i <= NF; i++) { g = $i; gsub(/^ +| +$/, "", g); if (g != "" && !(g in seen)) { seen[g] = 1; n[g]++ } } }
  END {for (g in n) print g "\t" n[g]}' | sort >expected-count.tsv
columns cnt.csv gm_naam initiatives | sort >cnt.tsv
check "per municipality, initiatives = the initiatives whose gemeenten name it" bash -c '
  awk -F"\t" "FILENAME == \"expected-count.tsv\" {want[\$1] = \$2; total += \$2; next}
    { got = \$2 + 0; w = (\$1 in want) ? want[\$1] : 0; seen[\$1] = 1; sum += got
      if (got != w) {print \$1, \"got\", got, \"want\", w; bad++} }
    END { for (g in want) if (!(g in seen)) {print \"missing\", g; bad++}
          print NR, \"municipalities,\", sum, \"counted\"; exit bad > 0 || sum != total || NR < 300 }" \
    expected-count.tsv cnt.tsv'

columns cnt.csv class initiatives >cnt-class.tsv
check "every municipality's class text holds its count (\"0 initiatieven\", \"2–3 initiatieven\", \"7 of meer …\")" \
  bash -c 'awk -F"\t" "
    { n = \$2 + 0; t = \$1; ok = 0
      if (match(t, /^[0-9]+–[0-9]+ /)) { split(substr(t, 1, RLENGTH - 1), r, \"–\"); ok = n >= r[1] && n <= r[2] }
      else if (match(t, /^[0-9]+ of meer /)) ok = n >= substr(t, 1, RLENGTH) + 0
      else if (match(t, /^[0-9]+ initiatie/)) ok = n == substr(t, 1, RLENGTH) + 0
      if (!ok) {print \"bad:\", t, n; bad++} }
    END {exit bad > 0 || NR < 300}" cnt-class.tsv'

# A zoomed map counts the points it shows; a selection of no point is refused.
"$SK_CLI" render -q --points "$data" --by samenwerking --zoom-province Zuid-Holland \
  --output zh.pdf --classes-csv zh.csv 2>/dev/null
zh_drawn=$(columns zh.csv drawn | grep -c '^1$')
zh_formal=$(columns zh.csv class drawn | grep -c '^formele afspraken	1$')
check "a zoomed map's legend counts the points in its frame ($zh_formal formele of $zh_drawn)" bash -c "
  [ $zh_drawn -gt 10 ] && [ $zh_drawn -lt 114 ] &&
  pdftotext zh.pdf - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g; s/  */ /g' |
    grep -qF 'formele afspraken $zh_formal initiatieven'"

# ---- (c) bad input ------------------------------------------------------------------------
awk -F, -v OFS=, 'NR == 5 {$3 = "abc"} NR == 9 {$7 = "formeel"} {print}' "$data" >bad.csv
# refused NAME FRAGMENT… -- ARGS: exit 2, every FRAGMENT in stderr, no output file.
refused() {
  local name=$1
  shift
  local frags=()
  while [ "$1" != "--" ]; do frags+=("$1"); shift; done
  shift
  "$SK_CLI" render -q "$@" --output "$name-out.png" --classes-csv "$name-out.csv" 2>"$name.err"
  local rc=$?
  cat "$name.err"
  [ "$rc" = 2 ] || return 1
  for f in "${frags[@]}"; do grep -qF -- "$f" "$name.err" || { echo "missing: $f"; return 1; }; done
  [ ! -e "$name-out.png" ] && [ ! -e "$name-out.csv" ] && [ ! -e "$name-out.pgw" ]
}
check "x='abc' and samenwerking='formeel': both reported at their lines, exit 2, no output" \
  refused bad "bad.csv:5: column 'x'" \
  "bad.csv:9: column 'samenwerking': unknown value 'formeel' (did you mean" -- \
  --points bad.csv --by samenwerking
check "... the suggestion is the level meant: 'formele afspraken'" \
  grep -qF "unknown value 'formeel' (did you mean 'formele afspraken'?)" bad.err
check "--where on an unknown column: exit 2 with the nearest column" \
  refused where "interventie" "interventies" -- --points "$data" --by samenwerking \
  --where interventie=GLI
check "--by an unknown column: exit 2 with the nearest column" \
  refused by "samenwerkin" "samenwerking" -- --points "$data" --by samenwerkin

# ---- (d) --where on point columns -----------------------------------------------------------
# rows_where WHERE OUT: the classes CSV's rows of a map with --where.
rows_where() {
  "$SK_CLI" render -q --points "$data" --by samenwerking --where "$1" --output "$2.png" \
    --classes-csv "$2.csv" && echo $(($(wc -l <"$2.csv") - 1))
}
export -f rows_where
export data SK_CLI
coalitions=$(columns "$data" preventiecoalitie | grep -cx ja)
check "--where preventiecoalitie=ja: the $coalitions coalitions of the data (12)" bash -c "
  [ \"\$(rows_where preventiecoalitie=ja pc)\" = $coalitions ] && [ $coalitions = 12 ]"
gli=$(columns "$data" interventies |
  awk -F';' '{for (i = 1; i <= NF; i++) if ($i == "GLI") {n++; break}} END {print n + 0}')
check "--where interventies=GLI: the $gli initiatives whose list holds GLI" bash -c "
  [ \"\$(rows_where interventies=GLI gli)\" = $gli ] && [ $gli -gt 0 ]"
check "... each of them lists GLI" bash -c '
  cut -d, -f1 gli.csv | tail -n +2 | sort >gli-ids.txt
  awk -F, "NR > 1 && (\";\" \$11 \";\") ~ /;GLI;/ {print \$1}" "$data" | sort | diff - gli-ids.txt'

# ---- (e) the RIVM atlas -----------------------------------------------------------------------
"$SK_CLI" atlas -q --dpi 30 "$atlas" --output rivm 2>e.err
rc=$?
cat e.err
check "styles/rivm-2020/atlas.ini renders" test "$rc" = 0 -a -s rivm/atlas.pdf
# Cover, contents, one section, figures 1 and 3, the coalitions, per municipality, and the
# interventions four to a page.
values=$(columns "$data" interventies | tr ';' '\n' | grep -v '^$' | sort -u | wc -l)
want_pages=$((1 + 1 + 1 + 3 + 1 + (values + 3) / 4))
check "atlas.pdf has $want_pages pages" bash -c "
  [ \"\$(pdfinfo rivm/atlas.pdf | awk '/^Pages:/ {print \$2}')\" = $want_pages ]"
pdftotext rivm/atlas.pdf - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g; s/  */ /g' >rivm.txt
check "its text has the figure titles and a panel per intervention" bash -c '
  for t in "Figuur 1" "Figuur 3" "De 12 preventiecoalities" "Initiatieven per interventie" \
           "Aantal initiatieven per gemeente" "Let op!"; do
    grep -qF "$t" rivm.txt || { echo "missing: $t"; exit 1; }; done
  awk -F, "NR > 1 {n = split(\$11, v, \";\"); for (i = 1; i <= n; i++) if (v[i] != \"\") print v[i]}" \
    "$data" | sort -u | while read -r v; do grep -qF "$v" rivm.txt || { echo "no panel: $v"; exit 1; }; done'
check "figure 3's classes CSV has a row per initiative" bash -c '
  f=$(ls rivm/*-figuur-3.csv) && [ "$(($(wc -l <"$f") - 1))" = 116 ]'

# Point pages with bad keys: every problem at its line, exit 2, no folder.  Read when the
# file is read (kind, count, a point key without points, a family's column) and once the
# layer is loaded (by, size_by, where over its columns).
cat >bad-keys.ini <<INI
[atlas]
title = Fouten

[map a]
title = A
points = $data
kind = pointz

[map b]
title = B
points = $data
count = gemeentes

[map c]
title = C
by = samenwerking

[family d]
title = D {label}
points = $data
for = interventie
INI
cat >bad-columns.ini <<INI
[atlas]
title = Fouten

[map a]
title = A
points = $data
by = samenwerkin

[family f]
title = F {label}
points = $data
for = interventies
labels = GLI; diabetes
size_by = berijk
where = interventie=GLI
INI
atlas_refused() {
  local name=$1
  shift
  "$SK_CLI" atlas -q --dpi 30 "$name.ini" --output "out-$name" 2>"$name.err"
  local rc=$?
  cat "$name.err"
  [ "$rc" = 2 ] && [ ! -e "out-$name" ] || return 1
  for f in "$@"; do grep -qF -- "$f" "$name.err" || { echo "missing: $f"; return 1; }; done
}
check "atlas: an unknown kind or count, a point key without points: exit 2, at their lines" \
  atlas_refused bad-keys "bad-keys.ini:7: [map a] kind: unknown kind 'pointz' (did you mean 'points'?)" \
  "bad-keys.ini:12: [map b] count: unknown count method 'gemeentes' (did you mean 'gemeenten'?)" \
  "bad-keys.ini:16: [map c] by: only on a point map"
check "atlas: a family over a column the layer does not have names the nearest" \
  bash -c "grep -qF \"bad-keys.ini:21: [family d] for: no column 'interventie'\" bad-keys.err &&
    grep -qF \"(did you mean 'interventies'?)\" bad-keys.err"
check "atlas: by, size_by and where over columns the layer does not have, each at its line" \
  atlas_refused bad-columns \
  "bad-columns.ini:7: [map a] by: unknown column 'samenwerkin'" "(did you mean 'samenwerking'?)" \
  "bad-columns.ini:14: [family f] size_by: unknown column 'berijk'" "(did you mean 'bereik'?)" \
  "bad-columns.ini:15: [family f] where: 'interventie=GLI'" "(did you mean 'interventies'?)"
check "--where selecting no point: exit 2, said so, no output" \
  refused nothing "no point of" -- --points "$data" --where preventiecoalitie=ja \
  --where preventiecoalitie=nee
exit $failed
