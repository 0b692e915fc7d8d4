#!/usr/bin/env bash
# Numbers, page sizes, help and overflow messages (issue 13): every numeric option of every
# command refused outside its range (exit 2, a message naming the option, the value and the
# range, no output), the same ranges in atlas files; page sizes from one list in the command
# line, atlas files and styles; every option in each command's --help; --version after every
# command; a text too long for the page said with the room there is and what to do.
# Environment (tests/meson.build): SK_CLI, SAMENKAART_DATA, SAMENKAART_STYLES, SAMENKAART_CACHE.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
export LC_ALL=C.UTF-8
cd "$tmp" || exit 1

run() { "$SK_CLI" "$@" >out 2>err; rc=$?; cat out err; return "$rc"; }
want_rc() { [ "$rc" -eq "$1" ] || { echo "exit $rc, expected $1"; return 1; }; }
has() {   # FILE FRAGMENT...: each is in the file
  local file=$1 f
  shift
  for f in "$@"; do grep -qF -- "$f" "$file" || { echo "$file without '$f'"; return 1; }; done
}
nothing_written() { [ -z "$(ls -A out.d 2>/dev/null)" ] && [ ! -e map.png ] && [ ! -e map.svg ]; }
small=(--zoom-municipalities Utrecht --quiet)
bad=(0 -5 nan inf 1e9 abc)

printf '[atlas]\ntitle = T\n\n[map a]\ntitle = A\n' >plain.ini

# refused CMD... -- FRAGMENT VALUE...: CMD with each value after its last argument (the
# option) refused with exit 2, "FRAGMENT VALUE" on stderr, nothing written.
refused() {
  local cmd=() v fragment
  while [ "$1" != -- ]; do cmd+=("$1"); shift; done
  shift
  fragment=$1
  shift
  for v in "$@"; do
    rm -rf out.d map.png map.svg
    run "${cmd[@]}" "$v" && { echo "exit 0 for $v"; return 1; }
    want_rc 2 && has err "$fragment $v" && nothing_written || { echo "value: $v"; return 1; }
  done
}

dpi="expected 30 to 1200 dots per inch (the PNG's resolution), not"
check "render --dpi 0, -5, nan, inf, 1e9, abc, 29, 1201, 0x96, 1.5e2, 150.: exit 2 naming the range" \
  refused render -o map.png --dpi -- "--dpi: $dpi" "${bad[@]}" 29 1201 0x96 1.5e2 150.
check "atlas --dpi out of range: exit 2 before anything is written" \
  refused atlas plain.ini -o out.d --dpi -- "--dpi: $dpi" "${bad[@]}" 29 1201
check "compare --dpi out of range: exit 2" \
  refused compare --insurer Menzis -o map.png --dpi -- "--dpi: $dpi" "${bad[@]}" 29 1201
check "diff --dpi out of range: exit 2" \
  refused diff --before a.csv --after b.csv -o map.png --dpi -- "--dpi: $dpi" "${bad[@]}" 29 1201
check "render --classes 1, 8 and the rest: exit 2 naming the range" \
  refused render -o map.png --count natural --classes -- \
  "--classes: a count map has 2 to 7 classes (the first is 0), not" "${bad[@]}" 1 8 3.5
groups="expected a number of labels from 2 to 11 (combinations of that many labels or more become one class), not"
check "render --group-from 1, 12 and the rest: exit 2 naming the range" \
  refused render -o map.png --show inhoudelijk --group-from -- "--group-from: $groups" \
  "${bad[@]}" 1 12
check "compare --group-from out of range: exit 2" \
  refused compare --insurer Menzis --show inhoudelijk -o map.png --group-from -- \
  "--group-from: $groups" "${bad[@]}" 1 12
check "atlas --jobs 0, 65 and the rest: exit 2 naming the range" \
  refused atlas plain.ini -o out.d --jobs -- "--jobs: expected 1 to 64 threads, not" \
  "${bad[@]}" 65
check "atlas -j (the short name) out of range: exit 2 naming --jobs" \
  refused atlas plain.ini -o out.d -j -- "--jobs: expected 1 to 64 threads, not" 0 65

# The numbers at their bounds are taken; one beyond is not.
bounds() {
  run render "${small[@]}" --dpi 30 -o low.png && [ -s low.png ] &&
    run render "${small[@]}" --dpi 1200 -o high.svg && [ -s high.svg ] &&
    run render "${small[@]}" --count natural --classes 2 -o c2.svg &&
    run render "${small[@]}" --count quantile --classes 7 -o c7.svg &&
    run render "${small[@]}" --show zorgverzekeraar --group-from 11 -o g11.svg &&
    run atlas --jobs 64 --list plain.ini || return 1
  run render "${small[@]}" --dpi 29.99 -o no.png && return 1
  want_rc 2 && [ ! -e no.png ]
}
check "dpi 30 and 1200, classes 2 and 7, group-from 11, jobs 64 are taken; 29.99 is not" bounds

# [map] classes and group_from of an atlas file: the same ranges, the value named.
atlas_numbers() {
  printf '[atlas]\ntitle = T\n\n[map a]\ntitle = A\ncount = natural\nclasses = 8\n\n' >n.ini
  printf '[map b]\ntitle = B\nshow = inhoudelijk\ngroup_from = 1\n\n' >>n.ini
  printf '[map c]\ntitle = C\ncount = natural\nclasses = nan\n' >>n.ini
  run atlas --list n.ini; want_rc 2 &&
    has err "n.ini:7: [map a] classes: expected a number of classes from 2 to 7 (the first is 0), not '8'" \
      "n.ini:12: [map b] group_from: expected a number of labels from 2 to 11, not '1'" \
      "n.ini:17: [map c] classes: expected a number of classes from 2 to 7 (the first is 0), not 'nan'"
}
check "atlas file: classes 8, group_from 1, classes nan refused naming line, range and value" \
  atlas_numbers

# Page sizes: one list, the same in the three places.
names="expected a4, a4-landscape, slide or slide-16x9"
style_pages() {
  local p
  for p in a4 a4-landscape slide slide-16x9; do
    printf '[page]\nsize = %s\n' "$p" >s.ini
    run style check s.ini && want_rc 0 || { echo "style: $p"; return 1; }
  done
  for p in letter A4 slide-4x3; do
    printf '[page]\nsize = %s\n' "$p" >s.ini
    run style check s.ini && return 1
    want_rc 2 && has err "s.ini:2: [page] size: page size '$p' unknown: $names" || return 1
  done
}
check "style [page] size: a4, a4-landscape, slide, slide-16x9 taken; others refused with the list" \
  style_pages
atlas_pages() {
  local p
  for p in a4 a4-landscape slide slide-16x9; do
    printf '[atlas]\ntitle = T\npage = %s\n\n[map a]\ntitle = A\n' "$p" >p.ini
    run atlas --list p.ini && want_rc 0 || { echo "atlas: $p"; return 1; }
  done
  printf '[atlas]\ntitle = T\npage = letter\n\n[map a]\ntitle = A\n' >p.ini
  run atlas --list p.ini && return 1
  want_rc 2 && has err "p.ini:3: [atlas] page: page size 'letter' unknown: $names"
}
check "atlas [atlas] page: the same list, others refused with it" atlas_pages
cli_pages() {
  local p
  for p in a4 a4-landscape slide slide-16x9; do
    run render "${small[@]}" --page "$p" -o "page-$p.svg" && want_rc 0 || return 1
  done
  for p in letter A4; do
    rm -f map.png
    run render --page "$p" -o map.png && return 1
    want_rc 2 && has err "--page: page size '$p' unknown: $names" && [ ! -e map.png ] ||
      return 1
  done
}
check "render --page: the same list, others refused with it" cli_pages

# Help lists every option, grouped; --version after every command.
help_all() {
  run render --help && want_rc 0 &&
    has out "Options:" "--title" "--dpi=N" "Data options:" "--projects=FILE" \
      "--municipalities=FILE" "--cache-dir=DIR" "Core working area options:" "--core=FILE" &&
    run compare --help && want_rc 0 && has out "--insurer" "--projects=FILE" "--core=FILE" &&
    run diff --help && want_rc 0 && has out "--before" "--projects=FILE" "--cache-dir=DIR" &&
    run stats --help && want_rc 0 && has out "--projects=FILE" "--mergers=FILE" &&
    run atlas --help && want_rc 0 && has out "--jobs=N" "--dpi=N" &&
    run style --help && want_rc 0 && has out "--quiet"
}
check "render --help lists --projects, --municipalities, --cache-dir, --core; every command's too" \
  help_all
versions() {
  local c version
  version=$("$SK_CLI" --version) || return 1
  for c in render atlas stats diff compare style; do
    run "$c" --version && want_rc 0 && [ "$(cat out)" = "$version" ] && [ ! -s err ] ||
      { echo "$c --version"; return 1; }
  done
}
check "--version after every command prints the version (exit 0)" versions

# A text too long for the page: what does not fit, the room (never negative), what to do.
long=$(printf 'Lange titel %.0s' $(seq 1 900))
overflow() {   # OPTION FRAGMENT...
  local option=$1
  shift
  rm -f map.png
  run render "${small[@]}" "$option" "$long" -o map.png
  want_rc 2 && has err "$@" && [ ! -e map.png ] && ! grep -E -- '-[0-9]+ mm' err
}
# (The zoomed map's title names its area: ' – Utrecht' makes 10810 characters.)
check "a 10,800-character title: its size, the room left, shorten to about N characters" \
  overflow --title "title: its 10810 characters take " \
  "mm the page has inside its margins, which leaves 0 mm for the map and legend" \
  "shorten the title to about " "put details in the caption"
check "a long caption: the same, naming the caption" \
  overflow --caption "caption: its 10800 characters take " "shorten the caption to about "
check "a long source line: the same, naming the source" \
  overflow --source "source: its 10800 characters take " "shorten the source to about "
check "a long note: its room in the legend column, never negative" \
  overflow --note "note: its 10800 characters take " "of the legend column, which leaves 0 mm" \
  "shorten the note to about "
check "a long text panel: the room beside the map" \
  overflow --text "text: its 10800 characters need " "shorten the text to about "
# (The zoomed map's legend has its area's entry: 3 entries.)
check "a long legend text (--region-label): the entry named" \
  overflow --region-label "the legend does not fit on the page: its 3 entries need " \
  "its entry 'Lange titel" "has 10800 characters: shorten it"

# The atlas's text pages: a subtitle that would push the cover's foot off the page, or a title
# running off a section page, is refused before anything is written (the atlas file trims
# the trailing space: 10799 characters).
atlas_long() {   # GROUP-TEXT FRAGMENT...
  local group=$1
  shift
  printf '[atlas]\ntitle = T\n%s\n\n[map a]\ntitle = A\nzoom_municipalities = Utrecht\n' \
    "$group" >long.ini
  rm -rf out.d
  run atlas --quiet --dpi 30 long.ini -o out.d
  want_rc 2 && has err "$@" && nothing_written && ! grep -E -- '-[0-9]+ mm' err
}
check "atlas: a 10,800-character atlas subtitle: the cover page's room, shorten to about N" \
  atlas_long "subtitle = $long" "long.ini: [atlas] subtitle: its 10799 characters take " \
  "mm of the cover page, which leaves " "mm for the title and subtitle" \
  "shorten the subtitle to about "
check "atlas: a 10,800-character section title: the section page's room, shorten to about N" \
  atlas_long "$(printf '\n[section s]\ntitle = %s' "$long")" \
  "long.ini:4: page 's': title: its 10799 characters take " "mm of the section page" \
  "shorten the title to about "

echo "1..$n"
exit "$failed"
