#!/usr/bin/env bash
# The atlas's page furniture (issue 14, docs/atlas.md "Page furniture"): a cover as page 1
# (001-omslag.png) from the [atlas] keys, the number NNN of every file its page in atlas.pdf,
# the page number at the foot of every page after the cover, a source line from the atlas's
# keys and never a data file's name, section pages with a text, contents with leaders whose
# wrapped entries do not overlap and whose links go to named destinations of the right pages,
# index.html with the cover; bad keys and texts that do not fit are errors (exit 2, nothing
# written).  Reads the PDFs with pdftotext/pdfinfo (poppler) and the uncompressed objects
# cairo writes.
# Environment (tests/meson.build): SK_CLI, SAMENKAART_STYLES, SAMENKAART_DATA, SAMENKAART_CACHE.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
echo "1..10"
export LC_ALL=C
cd "$tmp" || exit 1
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null ||
  { echo "# poppler-utils missing"; exit 1; }

aef="$SAMENKAART_STYLES/aef-2017/atlas.ini"
"$SK_CLI" atlas --quiet --dpi 30 "$aef" --output aef || exit 1
pdftotext aef/atlas.pdf aef.txt && pdftotext -bbox aef/atlas.pdf aef.bbox || exit 1
pages=$(pdfinfo aef/atlas.pdf | awk '/^Pages:/ {print $2}')

# Words of page N of a -bbox file: "xMin yMin xMax yMax word", one a line (every page's
# words parsed once, into BBOX.words).
words() {   # BBOX N
  [ -s "$1.words" ] || awk '
    /<page / { p++ }
    /<word / {
      match($0, /xMin="[^"]*"/); x0 = substr($0, RSTART + 6, RLENGTH - 7)
      match($0, /yMin="[^"]*"/); y0 = substr($0, RSTART + 6, RLENGTH - 7)
      match($0, /xMax="[^"]*"/); x1 = substr($0, RSTART + 6, RLENGTH - 7)
      match($0, /yMax="[^"]*"/); y1 = substr($0, RSTART + 6, RLENGTH - 7)
      w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
      print p, x0, y0, x1, y1, w
    }' "$1" >"$1.words"
  awk -v want="$2" '$1 == want { print $2, $3, $4, $5, $6 }' "$1.words"
}
# Page sizes of a -bbox file: "N width height".
page_sizes() {
  awk '/<page / { p++; match($0, /width="[^"]*"/); w = substr($0, RSTART + 7, RLENGTH - 8)
                  match($0, /height="[^"]*"/); h = substr($0, RSTART + 8, RLENGTH - 9)
                  print p, w, h }' "$1"
}
# Every link annotation: "PAGE DEST x0 y0 x1 y1" (PDF coordinates, y up).
links() {   # PDF
  awk '
    /^[0-9]+ 0 obj/ { obj = $1; next }
    /\/Type \/Page %/ { pg[obj] = $NF }
    /\/Subtype \/Link/ { link[obj] = 1 }
    /\/Rect \[/ { r = $0; sub(/.*\/Rect \[ */, "", r); sub(/ *\].*/, "", r); rect[obj] = r }
    /\/Dest \(/ { d = $0; sub(/.*\/Dest \(/, "", d); sub(/\).*/, "", d); dest[obj] = d }
    /\/Annots \[/ { a = $0; sub(/.*\/Annots \[ */, "", a); sub(/ *\].*/, "", a); annots[obj] = a }
    END { for (o in annots) { n = split(annots[o], ids, " ")
            for (i = 1; i <= n; i += 3) if (ids[i] in link)
              print pg[o], (ids[i] in dest) ? dest[ids[i]] : "-", rect[ids[i]] } }' "$1" |
    sort -n -k1,1 -k4,4nr
}

cover() {
  first=$(cd aef && ls ./*.png | head -1)
  [ "$first" = "./001-omslag.png" ] || { echo "first page: $first"; return 1; }
  pdftotext -f 1 -l 1 aef/atlas.pdf - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g' >p1.txt || return 1
  local want
  for want in "Samenwerking zorgverzekeraars en gemeenten – kaarten" "Werkdocument" \
    "Andersson Elffers Felix (AEF), in opdracht van Zorgverzekeraars Nederland en VNG" \
    "29 juni 2017" "Versie 1.0" "Bijlage bij het werkdocument"; do
    grep -qF "$want" p1.txt || { echo "cover: no '$want'"; cat p1.txt; return 1; }
  done
  # No number at the cover's foot, right.
  local w
  w=$(page_sizes aef.bbox | awk '$1 == 1 { print $2 }')
  ! words aef.bbox 1 | awk -v w="$w" '$5 ~ /^[0-9]+$/ && $3 > w - 40' | grep .
}
check "the cover is page 1 (001-omslag.png): title, subtitle, status, organisation, date, version" cover

numbers_at_foot() {
  local n=0 f num w h foot
  for f in aef/[0-9][0-9][0-9]-*.png; do
    n=$((n + 1))
    num=$(basename "$f" | cut -c1-3)
    [ "$((10#$num))" -eq "$n" ] || { echo "$f: page $n"; return 1; }
  done
  [ "$n" -eq "$pages" ] || { echo "$n PNGs, $pages PDF pages"; return 1; }
  page_sizes aef.bbox >sizes
  for ((p = 2; p <= pages; p++)); do
    read -r _ w h < <(sed -n "${p}p" sizes)
    # The lowest word on the page is its number, flush right in the bottom margin's band.
    foot=$(words aef.bbox "$p" | sort -k4,4g | tail -1)
    echo "$foot" | awk -v n="$p" -v w="$w" -v h="$h" \
      '$5 == n && $3 > w - 40 && $3 <= w - 30 && $4 > h - 40 && $4 <= h - 30 { ok = 1 }
       END { exit !ok }' || { echo "page $p: lowest word: $foot"; return 1; }
  done
}
check "NNN of every PNG is its page in atlas.pdf; every page after the cover has its number at the foot, right" \
  numbers_at_foot

no_file_names() {
  local f base
  if grep -nE '\.(csv|shp|gpkg|xlsx|ods|dbf|vrt)\b' aef.txt; then return 1; fi
  for f in "$SAMENKAART_DATA"/*; do
    base=$(basename "$f")
    base=${base%.*}
    if grep -nF "$base" aef.txt; then echo "names $base"; return 1; fi
  done
  # The source line is the atlas's, on every map page.
  local src maps
  src=$(sed -n 's/^source = //p' "$aef" | head -1)
  maps=$(grep -c '^Bron: ' aef.txt)
  [ "$(grep -cxF "$src" aef.txt)" -ge $((maps - 3)) ] && [ "$maps" -ge 60 ] ||
    { echo "$maps source lines, $(grep -cxF "$src" aef.txt) the atlas's"; return 1; }
}
check "no page prints a data file's name; map pages print the atlas's source line" no_file_names

contents_links() {
  links aef/atlas.pdf >links
  page_sizes aef.bbox >sizes
  pdfinfo -dests aef/atlas.pdf >dests || return 1
  local entries
  entries=$(awk '$2 ~ /^page-/' links | wc -l)
  # Every page after the cover and the contents pages has an entry.
  local front
  front=$(awk '$1 > 1 { print $1 }' links | sort -u | wc -l)
  [ "$entries" -eq $((pages - 1 - front)) ] || { echo "$entries links, $pages pages"; return 1; }
  if awk '$2 == "-"' links | grep .; then echo "links without a destination"; return 1; fi
  local page dest x0 y0 x1 y1 target h
  while read -r page dest x0 y0 x1 y1; do
    target=${dest#page-}
    # The destination is named in the PDF and lies on that page ...
    awk -v d="\"$dest\"" -v t="$target" '$NF == d && $1 == t { ok = 1 } END { exit !ok }' dests ||
      { echo "$dest: not a destination on page $target"; return 1; }
    # ... and the link holds the entry's page number (the middle of its word).
    h=$(awk -v p="$page" '$1 == p { print $3 }' sizes)
    words aef.bbox "$page" | awk -v t="$target" -v x0="$x0" -v x1="$x1" -v top="$y1" \
      -v bot="$y0" -v H="$h" \
      '$5 == t && ($1 + $3) / 2 > x0 && ($1 + $3) / 2 < x1 &&
       ($2 + $4) / 2 > H - top && ($2 + $4) / 2 < H - bot { ok = 1 }
       END { exit !ok }' || { echo "link on page $page to $dest: no number $target in it"; return 1; }
  done <links
}
check "every contents link goes to a named destination on its page, and holds that page's number" \
  contents_links

sections_and_leaders() {
  # The section page of "II. Algemene kaarten" carries its text; a contents page its leaders.
  local p
  p=$(cd aef && ls | grep -n -- '-algemeen.png$' | cut -d: -f2 | cut -c1-3)
  pdftotext -f "$((10#$p))" -l "$((10#$p))" aef/atlas.pdf sec.txt || return 1
  grep -qF "II. Algemene kaarten" sec.txt && grep -qF "alle Wmo-regio's" sec.txt ||
    { cat sec.txt; return 1; }
  pdftotext -f 2 -l 2 -layout aef/atlas.pdf c.txt || return 1
  grep -qE "Overzicht van de Wmo-regio's( \.){10,} +[0-9]+( |$)" c.txt || { head -20 c.txt; return 1; }
}
check "section pages carry their text; contents entries have dot leaders to their page numbers" \
  sections_and_leaders

index_lists_cover() {
  grep -qF '<a href="001-omslag.png"><img src="thumbs/001-omslag.png"' aef/index.html &&
    grep -qF 'atlas.pdf#page=1"' aef/index.html
}
check "index.html shows the cover" index_lists_cover

# A small atlas: its own source line, a wrapped contents entry.
long_title="Een titel die zo lang is dat hij in de inhoudsopgave over meer dan één regel doorloopt, met nog wat woorden erbij zodat hij zeker afbreekt"
{
  printf '[atlas]\ntitle = Klein\nstyle = %s/aef.ini\npage = a4\n' "$SAMENKAART_STYLES"
  printf 'source = Bron: testbron, peildatum 1 januari 2017\nstatus = Concept\n'
  printf '\n[map a]\ntitle = %s\n\n[map b]\ntitle = Tweede kaart\n' "$long_title"
} >small.ini
"$SK_CLI" atlas --quiet --dpi 30 small.ini --output small || exit 1
pdftotext -bbox small/atlas.pdf small.bbox || exit 1

own_source() {
  pdftotext small/atlas.pdf small.txt || return 1
  [ "$(grep -cxF 'Bron: testbron, peildatum 1 januari 2017' small.txt)" -eq 2 ] &&
    ! grep -F 'projecten_2017' small.txt && grep -qxF Concept small.txt
}
check "a map's source line is the atlas's source key, never the database's file name" own_source

wrapped_entry() {
  # Entry a (page 3) wraps onto a second line; its number sits on that line; entry b (page 4)
  # starts below every word of entry a.
  words small.bbox 2 >c.words
  local last_a first_b num3
  last_a=$(awk '$5 == "afbreekt" { print $4 }' c.words)
  first_b=$(awk '$5 == "Tweede" { print $2 }' c.words)
  num3=$(awk '$5 == "3" { print $4 }' c.words)
  [ -n "$last_a" ] && [ -n "$first_b" ] && [ -n "$num3" ] || { cat c.words; return 1; }
  awk -v a="$last_a" -v b="$first_b" -v n="$num3" \
    'BEGIN { exit !(b >= a && (n - a < 0.5 && a - n < 0.5)) }' ||
    { echo "last line of a ends at $last_a, b starts at $first_b, number 3 at $num3"; return 1; }
  [ "$(awk '$5 == "Een" { print $4 }' c.words)" != "$last_a" ]   # it did wrap
}
check "a contents entry that wraps pushes the next one down; its number on its last line" \
  wrapped_entry

# Bad keys and texts that do not fit: FILE:LINE: [group] key, exit 2, nothing written.
refused() {   # FILE WANT...
  local file=$1 rc
  shift
  rm -rf out.d
  "$SK_CLI" atlas --quiet --dpi 30 "$file" --output out.d 2>err
  rc=$?
  [ $rc -eq 2 ] || { echo "exit $rc"; cat err; return 1; }
  [ ! -e out.d ] || { echo "out.d written"; return 1; }
  local w
  for w in "$@"; do grep -qF -- "$w" err || { echo "no '$w' in:"; cat err; return 1; }; done
}
bad_keys() {
  printf '[atlas]\ntitle = T\norganisaton = AEF\nstatus =\n\n[section s]\ntitle = S\ntekst = x\n\n[map a]\ntitle = A\nsource =\n' >bad.ini
  refused bad.ini "bad.ini:3: [atlas] organisaton: unknown key (did you mean 'organisation'?)" \
    "bad.ini:4: [atlas] status: empty: give the text, or leave the key out" \
    "bad.ini:8: [section s] tekst: unknown key (did you mean 'text'?)" \
    "bad.ini:12: [map a] source: empty"
}
check "bad furniture keys: unknown (nearest named) or empty, FILE:LINE, exit 2, nothing written" \
  bad_keys

bad_texts() {
  printf '[atlas]\ntitle = T\n\n[section s]\ntitle = S\ntext = <b>vet\n\n[map a]\ntitle = A\n' >markup.ini
  refused markup.ini "markup.ini:4: page 's': text: " "use Pango markup" || return 1
  local long
  long=$(printf '• Een lange alinea over de samenwerking. %.0s' $(seq 1 300))
  printf '[atlas]\ntitle = T\n\n[section s]\ntitle = S\ntext = %s\n\n[map a]\ntitle = A\n' \
    "$long" >long.ini
  refused long.ini "long.ini:4: page 's': text: its " "mm of the section page, " \
    "mm is available below the title; shorten the text to about " || return 1
  ! grep -E -- '-[0-9]+ mm' err
}
check "a section text that is not markup or does not fit: the room it has, exit 2, nothing written" \
  bad_texts

exit "$failed"
