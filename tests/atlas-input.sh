#!/usr/bin/env bash
# Bad atlas input found in review (issue 14): a family over projects with an empty, repeated
# or where-failing labels list, placeholders in a family's note and source, a mistyped
# `for` whose suggestion must name `project`, and cover texts (organisation, status) too
# long for the cover, each blamed on the key that is too long.  Each: exit 2, the message,
# no output folder.  A family's source names its label and page.
# Environment (tests/meson.build): SK_CLI, SAMENKAART_STYLES, SAMENKAART_DATA, SAMENKAART_CACHE.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
echo "1..11"
export LC_ALL=C
cd "$tmp" || exit 1

# A small atlas: a cover, one map, a family of small multiples over the leertuin projects.
# atlas NAME [SED-SCRIPT]: NAME.ini from it, the SED-SCRIPT applied.
atlas() {
  cat >"$1.ini" <<INI
[atlas]
title = Test atlas
subtitle = Sub
style = $SAMENKAART_STYLES/aef.ini
page = a4
status = Werkdocument
organisation = Org
date = 1 jan 2020
version = Versie 1
source = Bron: test

[map m1]
title = Kaart een
where = id=P0009,P0010

[family fp]
for = project
where = titel~leertuin
per_page = 2
title = Leertuinen ({page} van {pages})
panel_title = {label}
INI
  [ $# -lt 2 ] || sed -i "$2" "$1.ini"
}
long() { printf "$1 %.0s" $(seq "$2"); }

# refused NAME FRAGMENT: exit 2, FRAGMENT in the message, no folder written.
refused() {
  "$SK_CLI" atlas "$1.ini" -o "out-$1" -q --no-cache --dpi 30 2>"$1.err"
  local rc=$?
  cat "$1.err"
  [ "$rc" = 2 ] && grep -qF -- "$2" "$1.err" && [ ! -e "out-$1" ]
}

atlas empty 's/^where = titel~leertuin$/labels =/'
check "empty labels of a family over projects is an error naming the key" \
  refused empty "empty.ini:18: [family fp] labels: empty"
atlas dup 's/^where = titel~leertuin$/labels = P0009; P0009/'
check "a repeated project id is an error" refused dup "labels: id repeated: 'P0009'"
atlas nowhere '/^where = titel~leertuin$/a labels = P0001'
check "a labelled project that fails where is an error naming both" \
  refused nowhere "project 'P0001' does not pass where 'titel~leertuin'"
atlas note '/^panel_title/a note = Let op {label} {bogus}'
check "an unknown placeholder in a family's note is an error" \
  refused note "[family fp] note: unknown placeholder '{bogus}'"
atlas source '/^panel_title/a source = Bron {label} {bogus}'
check "an unknown placeholder in a family's source is an error" \
  refused source "[family fp] source: unknown placeholder '{bogus}'"
atlas projects 's/^for = project$/for = projects/'
check "for = projects suggests project" refused projects "or 'project'"
atlas id 's/^for = project$/for = id/'
check "for = id suggests project" refused id "or 'project'"
atlas org "s/^organisation = Org\$/organisation = $(long Organisatie 400)/"
check "a very long organisation is blamed on the organisation" \
  refused org "[atlas] organisation: its 4799 characters take"
check "... not on the title" bash -c '! grep -q "title:" org.err'
atlas status "s/^status = Werkdocument\$/status = $(long Werkdocument 130)/"
check "a status taller than the room above the title is an error" \
  refused status "[atlas] status: its 1689 characters take"

# The placeholders of a family's source and note are filled in: label and page.
atlas filled '/^panel_title/a source = Bron {label} {page}\nnote = Let op {label}'
check "a family's source and note name the label and page" bash -c '
  "$SK_CLI" atlas filled.ini -o out-filled -q --no-cache --dpi 30 &&
  pdftotext out-filled/atlas.pdf - | tee filled.txt | grep -q "Bron Leertuin .* 1" &&
  grep -q "Bron Leertuin .* 2" filled.txt && grep -q "Let op Leertuin" filled.txt &&
  ! grep -qF "{" filled.txt'
exit $failed
