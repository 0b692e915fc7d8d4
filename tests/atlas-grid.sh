#!/usr/bin/env bash
# One atlas grid (issue 14): every map of the whole Netherlands on a page size lies at one
# scale and one place, whatever its caption, legend, note or counts.  The shipped atlas (at
# --dpi 40): at least 90 % of its single-map pages (those with a world file) share one frame;
# a single render has the same world file with and without a caption (up to the head band's
# caption lines), with a long legend, a note and counts; a caption longer than the band
# leaves the grid rather than being cut; the legend type is never below 7 pt (style key).
# Environment (tests/meson.build): SK_CLI, SAMENKAART_STYLES, SAMENKAART_DATA, SAMENKAART_CACHE.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
echo "1..5"
export LC_ALL=C
cd "$tmp" || exit 1

render() { "$SK_CLI" render --quiet --dpi 40 "$@"; }

# The largest group of identical world files, and how many there are: "SHARED TOTAL".
frames() {
  local total shared
  total=$(find "$1" -maxdepth 1 -name '*.pgw' | wc -l)
  shared=$(find "$1" -maxdepth 1 -name '*.pgw' -exec md5sum {} + | cut -d' ' -f1 | sort |
    uniq -c | sort -rn | head -1 | awk '{print $1}')
  echo "${shared:-0} $total"
}

shipped_atlas_shares_one_frame() {
  "$SK_CLI" atlas --quiet --dpi 40 --jobs 2 "$SAMENKAART_STYLES/aef-2017/atlas.ini" \
    --output atlas || return 1
  local shared total
  read -r shared total < <(frames atlas)
  echo "$shared of $total single-map pages share one frame"
  [ "$total" -ge 40 ] && [ $((shared * 10)) -ge $((total * 9)) ]
}
check "at least 90 % of the shipped atlas's single-map pages share one world-file frame" \
  shipped_atlas_shares_one_frame

caption2="Dit kaartje geeft inzicht in de gemeenten die deelnemen aan ten minste één samenwerkingsproject van zorgverzekeraars en gemeenten, exclusief de contracten collectieve zorg minima."
same_frame_with_and_without_caption() {
  render --title "Projecten – totaal" -o plain.png &&
    render --title "Projecten – totaal" --caption "Eén regel." -o one.png &&
    render --title "Projecten – totaal" --caption "$caption2" -o two.png || return 1
  cmp plain.pgw one.pgw && cmp plain.pgw two.pgw
}
check "a render's map frame is the same with and without a (two-line) caption" \
  same_frame_with_and_without_caption

same_frame_whatever_the_legend() {
  render --title "Projecten – totaal" -o plain.png &&
    render --title "Samenwerkingsvormen – combinaties" --show samenwerkingsvorm --counts \
      -o long.png &&
    render --title "Aantal" --count natural --classes 7 --counts -o count.png &&
    render --title "Projecten – totaal" --note "Regionale en bovenregionale projecten tellen mee voor <b>alle</b> gemeenten van de deelnemende Wmo-regio's." \
      -o note.png || return 1
  cmp plain.pgw long.pgw && cmp plain.pgw count.pgw && cmp plain.pgw note.pgw
}
check "a long legend with counts, a count map and a note leave the map frame as it is" \
  same_frame_whatever_the_legend

long_caption_leaves_the_grid() {
  local long="$caption2 $caption2 $caption2"
  render --title "Projecten – totaal" -o plain.png &&
    render --title "Projecten – totaal" --caption "$long" -o long.png || return 1
  # Drawn below the longer head, smaller: its scale (the world file's first line) is coarser.
  ! cmp -s plain.pgw long.pgw &&
    awk 'NR == FNR && FNR == 1 { a = $1 } NR != FNR && FNR == 1 { exit !($1 > a) }' \
      plain.pgw long.pgw
}
check "a caption longer than the head band pushes the map down and draws it smaller" \
  long_caption_leaves_the_grid

small_legend_type_refused() {
  printf '[fonts]\nlegend_pt = 6.5\n' >small.ini
  local rc=0
  render --style small.ini -o small.png 2>err.txt || rc=$?
  cat err.txt
  [ "$rc" -eq 2 ] && [ ! -e small.png ] &&
    grep -q "small.ini:2: \[fonts\] legend_pt: '6.5' is not a number from 7 to 72" err.txt
}
check "a legend font under 7 pt is refused (exit 2, file:line, key, range, no output)" \
  small_legend_type_refused

exit "$failed"
