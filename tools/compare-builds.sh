#!/usr/bin/env bash
# Show that two builds draw the same: run the same commands (the shipped AEF atlas and one of
# every other command and map kind) with OLD/build/samenkaart and NEW/build/samenkaart under
# LC_ALL=C, then compare every PNG, world file and CSV byte for byte and every PDF by its text
# (pdftotext) and its pages rendered at 100 dpi.  A refactor must print "identical".
#   tools/compare-builds.sh OLD_TREE NEW_TREE      # source trees, each built in build/
# Uses each tree's data/nl2017 (a tree from before the data was in the repository: NEW's; or
# SK_DATA=DIR for both); needs pdftotext/pdftoppm.
set -uo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OLD_TREE NEW_TREE" >&2; exit 2; }
old=$(cd "$1" && pwd) new=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C SAMENKAART_CACHE=off

run_all() {   # TREE OUT
  local tree=$1 out=$2 sk="$1/build/samenkaart"
  local data=${SK_DATA:-$tree/data/nl2017}
  [ -d "$data" ] || data=$new/data/nl2017
  mkdir -p "$out"
  "$sk" atlas "$tree/styles/aef-2017/atlas.ini" --output "$out/atlas" --quiet || echo "atlas failed" >>"$out/FAILED"
  r() { local name=$1; shift; "$sk" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr" || echo "$name: exit $?" >>"$out/FAILED"; }
  r vorm-png render --where inhoudelijk=jeugd --show samenwerkingsvorm --output "$out/vorm.png" --classes-csv "$out/vorm.csv"
  r vorm-pdf render --where inhoudelijk=jeugd --show samenwerkingsvorm --counts --output "$out/vorm.pdf"
  r vorm-svg render --where inhoudelijk=jeugd --show samenwerkingsvorm --page slide --output "$out/vorm.svg"
  r highlight render --where samenwerkingsvorm=implementatie --highlight inhoudelijk=ouderen --note "<b>Let op!</b> test" --output "$out/highlight.png" --classes-csv "$out/highlight.csv"
  r count render --where inhoudelijk=preventie --count natural --classes 4 --output "$out/count.png" --classes-csv "$out/count.csv"
  r table render --table "$data/gemeentepolissen_2017.csv" --output "$out/table.png" --classes-csv "$out/table.csv"
  r overview render --regions-overview --output "$out/overview.pdf" --classes-csv "$out/overview.csv"
  r zoom render --where inhoudelijk=ouderen --zoom-province Gelderland --core-of Menzis --output "$out/zoom.png" --labels-csv "$out/zoom-labels.csv" --classes-csv "$out/zoom.csv"
  r zoom-pdf render --where inhoudelijk=ouderen --zoom-regions "Midden-Holland" --text "<b>Analyse</b> tekst" --output "$out/zoom.pdf" --labels-csv "$out/zoom-pdf-labels.csv"
  r bovenregionaal render --where geografisch=bovenregionaal --outline-regions --output "$out/boven.png"
  r diff diff --before "$data/projecten_2017.csv" --after "$data/projecten_2018.csv" --output "$out/diff.png" --changes-csv "$out/diff-changes.csv" --classes-csv "$out/diff.csv"
  r insurer compare --insurer Menzis --show samenwerkingsvorm --output "$out/menzis.png" --table-csv "$out/menzis-table.csv" --classes-csv "$out/menzis.csv"
  r insurers compare --insurer all --output "$out/insurers.png" --table-csv "$out/insurers.csv"
  r maps compare --map inhoudelijk=preventie --map inhoudelijk=ggz --show samenwerkingsvorm --output "$out/maps.pdf"
  r stats stats --format md
}

run_all "$old" "$work/old" &
run_all "$new" "$work/new"
wait

status=0
report() { echo "DIFFERENT: $*"; status=1; }
for f in "$work"/old/FAILED "$work"/new/FAILED; do
  [ -f "$f" ] && { report "$(basename "$(dirname "$f")") build: $(tr '\n' ';' <"$f")"; }
done
files=0
while IFS= read -r rel; do
  a="$work/old/$rel" b="$work/new/$rel"
  [ -f "$b" ] || { report "$rel missing in NEW"; continue; }
  files=$((files + 1))
  case "$rel" in
    *.pdf)
      pdftotext -q "$a" "$work/a.txt"; pdftotext -q "$b" "$work/b.txt"
      cmp -s "$work/a.txt" "$work/b.txt" || { report "$rel: PDF text"; diff "$work/a.txt" "$work/b.txt" | head -5; }
      rm -rf "$work/pa" "$work/pb"; mkdir -p "$work/pa" "$work/pb"
      pdftoppm -r 100 -png "$a" "$work/pa/p"; pdftoppm -r 100 -png "$b" "$work/pb/p"
      for p in "$work"/pa/*.png; do
        cmp -s "$p" "$work/pb/$(basename "$p")" || report "$rel: page $(basename "$p" .png) pixels"
      done
      [ "$(ls "$work/pa" | wc -l)" = "$(ls "$work/pb" | wc -l)" ] || report "$rel: page count" ;;
    *.stderr) ;;   # messages may name temporary paths
    *) cmp -s "$a" "$b" || report "$rel: bytes" ;;
  esac
done < <(cd "$work/old" && find . -type f ! -name FAILED | sort)
extra=$(comm -13 <(cd "$work/old" && find . -type f | sort) <(cd "$work/new" && find . -type f | sort))
[ -z "$extra" ] || report "only in NEW: $extra"
if [ $status -eq 0 ]; then
  echo "identical: $files files (PNG, world files, CSV, SVG and stdout byte for byte; PDF text and pages at 100 dpi)"
fi
exit $status
