#!/usr/bin/env bash
# The atlas's folder (docs/atlas.md, "The folder"): the manifest samenkaart-atlas.txt lists
# exactly the files the atlas wrote; a new atlas into the folder removes what the previous
# manifest lists and it does not write again, and nothing else; an empty --output is an error;
# a failing run leaves the previous atlas byte-identical and no folder it made; a manifest or
# thumbs/ that is a link, a file the atlas would write that no atlas wrote, a folder another atlas
# is writing into: refused before anything is written; the manifest's first line is redacted;
# a listed file the atlas reads is kept; temporary files
# of a killed run are removed by the next run, a live run's are not; SIGINT and SIGTERM remove
# the run's temporary files.  Small atlases at --dpi 40 (a larger --dpi where a run must last
# long enough to be stopped half-way).
# Environment (tests/meson.build): SK_CLI, SAMENKAART_STYLES, SAMENKAART_DATA, SAMENKAART_CACHE.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
echo "1..16"
export LC_ALL=C
cd "$tmp" || exit 1

# Three pages, a cover and a contents page (004-a, 005-b); the smaller atlas has three
# pages (003-a).
atlas_head() { printf '[atlas]\ntitle = Test\nstyle = %s/aef.ini\npage = a4\n' "$SAMENKAART_STYLES"; }
{ atlas_head; printf '\n[section s]\ntitle = S\n\n[map a]\ntitle = A\n\n[map b]\ntitle = B\nshow = inhoudelijk\n'; } >big.ini
{ atlas_head; printf '\n[map a]\ntitle = A\n'; } >small.ini
atlas() { "$SK_CLI" atlas --quiet --dpi 40 --jobs 2 "$@"; }
# Folders of two runs hold the same files (atlas.pdf: its creation time aside): A B
same_atlas() {
  diff -r -x atlas.pdf "$1" "$2" &&
    cmp <(grep -av CreationDate "$1/atlas.pdf") <(grep -av CreationDate "$2/atlas.pdf")
}
files_of() { (cd "$1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort); }
listed_in() { grep -v '^#' "$1/samenkaart-atlas.txt"; }
no_temporaries() {   # DIR: no .NAME.sk-PID-XXXXXX below it
  local left
  left=$(find "$1" -name '.*.sk-*')
  [ -z "$left" ] || { echo "temporary files left: $left"; return 1; }
}
# The run's temporaries appear: PID DIR
wait_for_temporary() {
  for _ in $(seq 3000); do
    [ -n "$(find "$2" -name '.*.sk-*' -print -quit 2>/dev/null)" ] && return 0
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.01
  done
  return 1
}
atlas big.ini --output clean-big && atlas small.ini --output clean-small || exit 1

manifest_lists_the_folder() {
  diff <(files_of clean-big) <(listed_in clean-big) || return 1
  head -1 clean-big/samenkaart-atlas.txt | grep -q '^# samenkaart atlas big.ini' || return 1
  [ "$(grep -c '^#' clean-big/samenkaart-atlas.txt)" -eq 1 ] || return 1
  grep -qx 'thumbs/004-a.png' clean-big/samenkaart-atlas.txt || return 1
  # Deterministic: the same atlas again writes the same manifest.
  atlas big.ini --output again && cmp clean-big/samenkaart-atlas.txt again/samenkaart-atlas.txt
}
check "the manifest lists exactly the files in the folder (itself included), the same each run" \
  manifest_lists_the_folder

empty_output() (
  mkdir scratch && cd scratch || return 1
  local rc
  "$SK_CLI" atlas --quiet ../small.ini --output "" 2>err; rc=$?
  [ $rc -eq 2 ] || { echo "--output '': exit $rc"; return 1; }
  grep -q -- '--output DIR is required' err || return 1
  "$SK_CLI" atlas --quiet ../small.ini 2>err; rc=$?
  [ $rc -eq 2 ] || { echo "no --output: exit $rc"; return 1; }
  rm err
  [ -z "$(ls -A)" ] || { ls -A; return 1; }
)
check "an empty or missing --output: exit 2, nothing written in the working directory" \
  empty_output

# Every file index.html links (without #page=N) exists: DIR
index_matches() {
  local f missing=0
  for f in $(grep -o '\(href\|src\)="[^"#]*' "$1/index.html" | sed 's/^[a-z]*="//' | sort -u); do
    [ -f "$1/$f" ] || { echo "index.html links $f: missing"; missing=1; }
  done
  return $missing
}
smaller_replaces_larger() {
  cp -a clean-big out && echo mine >out/notes.txt || return 1
  atlas small.ini --output out || return 1
  [ "$(cat out/notes.txt)" = mine ] || return 1
  # Exactly the smaller atlas's files, and the user's notes.
  diff <({ files_of clean-small; echo notes.txt; } | LC_ALL=C sort) <(files_of out) || return 1
  rm out/notes.txt && same_atlas clean-small out && index_matches out
}
check "a smaller atlas into a larger one's folder: exactly its files; index.html matches; notes.txt stays" \
  smaller_replaces_larger

odd_manifest_lines() {
  cp -a clean-big odd && mkdir outside && echo keep >outside/victim && echo keep >victim2 &&
    ln -s ../outside odd/link && echo keep >odd/.hidden || return 1
  printf '%s\n' ../victim2 "$tmp/victim2" link/victim .hidden ./index.html 'a/../004-a.png' \
    thumbs >>odd/samenkaart-atlas.txt
  "$SK_CLI" atlas --dpi 40 --jobs 2 small.ini --output odd 2>err || return 1
  cat err
  local v
  for v in ../victim2 "$tmp/victim2" link/victim .hidden ./index.html a/../004-a.png; do
    grep -qF "odd/samenkaart-atlas.txt:" err && grep -qF "'$v' is not the name of a file in the atlas's folder" err ||
      { echo "no warning for $v"; return 1; }
  done
  [ -f victim2 ] && [ -f outside/victim ] && [ -f odd/.hidden ] && [ -L odd/link ] &&
    [ -d odd/thumbs ] && [ ! -e odd/004-a.png ] && [ ! -e odd/005-b.png ]
}
check "manifest lines that are not plain names inside the folder: ignored with a warning, nothing outside removed" \
  odd_manifest_lines

# A refused run (exit 2): MESSAGE-FRAGMENT DIR SAVED-COPY-OF-DIR, then the atlas's arguments.
refused() {
  local fragment=$1 dir=$2 saved=$3 rc
  shift 3
  "$SK_CLI" atlas --quiet --dpi 40 --jobs 2 "$@" --output "$dir" 2>err; rc=$?
  [ $rc -eq 2 ] || { echo "exit $rc, not 2"; cat err; return 1; }
  grep -qF -- "$fragment" err || { echo "no '$fragment' in:"; cat err; return 1; }
  grep -q 'nothing was written' err || { cat err; return 1; }
  diff -r --no-dereference "$saved" "$dir" || return 1
  no_temporaries "$dir"
}

manifest_link() {
  mkdir o6 && echo notes >precious.txt && ln -s ../precious.txt o6/samenkaart-atlas.txt &&
    cp -a o6 o6.saved || return 1
  refused "o6/samenkaart-atlas.txt: a symbolic link (to ../precious.txt)" o6 o6.saved small.ini &&
    grep -q 'remove the link or choose another folder' err && [ "$(cat precious.txt)" = notes ]
}
check "a manifest that is a symbolic link: exit 2, nothing written, its target untouched" \
  manifest_link

thumbs_link() {
  mkdir o7 elsewhere && ln -s ../elsewhere o7/thumbs && cp -a o7 o7.saved || return 1
  refused "o7/thumbs: a symbolic link (to ../elsewhere)" o7 o7.saved small.ini &&
    [ -z "$(ls -A elsewhere)" ]
}
check "thumbs/ that is a symbolic link: exit 2, nothing written through it" thumbs_link

users_files_kept() {
  # No manifest: a user's index.html.
  mkdir uo2 && echo mine >uo2/index.html && cp -a uo2 uo2.saved || return 1
  refused "uo2/index.html: already there and not written by a previous atlas (the folder has no manifest" \
    uo2 uo2.saved small.ini && grep -q 'move it away or choose another folder' err || return 1
  # Found before drawing: no output operation at all (in a fault-injection build).
  SAMENKAART_FAULT=0 atlas small.ini --output uo2 2>err
  ! grep -q 'fault points' err || grep -q 'fault points: 0$' err || { cat err; return 1; }
  # A page's CSV is known only once the page is drawn: found before the commit.
  cp -a clean-small uo5 && echo mine >uo5/005-b.csv && cp -a uo5 uo5.saved || return 1
  refused "uo5/005-b.csv: already there and not written by a previous atlas" uo5 uo5.saved \
    big.ini || return 1
  # A manifest that does not list the user's 005-b.png (the larger atlas writes it).
  cp -a clean-small uo3 && echo mine >uo3/005-b.png && cp -a uo3 uo3.saved || return 1
  refused "uo3/005-b.png: already there and not written by a previous atlas (the manifest does not list it)" \
    uo3 uo3.saved big.ini || return 1
  # A file named like the manifest that samenkaart did not write.
  mkdir uo4 && echo mine >uo4/samenkaart-atlas.txt && cp -a uo4 uo4.saved || return 1
  refused "uo4/samenkaart-atlas.txt: already there" uo4 uo4.saved small.ini
}
check "a file the atlas would write that no previous atlas listed: exit 2, nothing written" \
  users_files_kept

locked_folder() {
  cp -a clean-small locked && cp -a locked locked.saved || return 1
  local rc
  flock -n locked "$SK_CLI" atlas --quiet --dpi 40 big.ini --output locked 2>err; rc=$?
  [ $rc -eq 2 ] || { echo "exit $rc, not 2"; cat err; return 1; }
  grep -qF "locked: another samenkaart atlas is writing into this folder" err &&
    grep -q 'nothing was written' err || { cat err; return 1; }
  diff -r locked.saved locked && no_temporaries locked &&
    [ -z "$(find locked -mindepth 1 -name '*lock*')" ] && atlas big.ini --output locked
}
check "a folder another atlas is writing into (locked): exit 2, nothing written, no lock file" \
  locked_folder

redacted_manifest() {
  mkdir -p 'pw/password=s3cret' && cp small.ini 'pw/password=s3cret/atlas.ini' || return 1
  atlas 'pw/password=s3cret/atlas.ini' --output pwout || return 1
  head -1 pwout/samenkaart-atlas.txt | grep -q '^# samenkaart atlas pw/password=\*\*\*' &&
    ! grep -q s3cret pwout/samenkaart-atlas.txt
}
check "the manifest's first line: the atlas's path redacted" redacted_manifest

listed_input_kept() {
  cp -a clean-big tin && cp "$SAMENKAART_DATA/gemeentepolissen_2017.csv" tin/003-polis.csv &&
    echo 003-polis.csv >>tin/samenkaart-atlas.txt || return 1
  { atlas_head
    printf '\n[map p]\ntitle = P\ntable = tin/003-polis.csv\ntable_key = gm_code\n'
    printf 'table_column = verzekeraars\ntable_principle = zorgverzekeraar\n'; } >table.ini
  "$SK_CLI" atlas --dpi 40 --jobs 2 table.ini --output tin 2>err || { cat err; return 1; }
  grep -qF "tin/003-polis.csv is read by this atlas: it is kept" err || { cat err; return 1; }
  cmp "$SAMENKAART_DATA/gemeentepolissen_2017.csv" tin/003-polis.csv
}
check "a file the previous manifest lists that the atlas reads (its table): kept, with a warning" \
  listed_input_kept

# Fault injection: SAMENKAART_FAULT=N fails the N-th output operation; 0 counts them.
fault_points() {   # ATLAS DIR: the number of fault points of that run (run in a copy)
  SAMENKAART_FAULT=0 atlas "$1" --output "$2" 2>&1 | sed -n 's/^samenkaart: fault points: //p'
}
cp -a clean-big count
k=$(fault_points small.ini count)
failure_keeps_previous() {
  cp -a clean-big prev && echo mine >prev/notes.txt && cp -a prev saved || return 1
  local f rc
  for f in 1 2 $((k / 2)) $((k - 3)) $((k - 1)) "$k"; do
    SAMENKAART_FAULT=$f atlas small.ini --output prev 2>err; rc=$?
    [ $rc -eq 1 ] || [ $rc -eq 2 ] || { echo "fault $f: exit $rc"; return 1; }
    grep -q 'cannot\|failed\|out of memory' err || { echo "fault $f: no message"; cat err; return 1; }
    diff -r saved prev || { echo "fault $f: the previous atlas changed"; return 1; }
    no_temporaries prev || return 1
  done
}
failure_keeps_new_folder_away() {
  mkdir empty || return 1
  local f rc
  for f in 1 $((k / 2)) "$k"; do
    SAMENKAART_FAULT=$f atlas small.ini --output new/deeper/out 2>/dev/null; rc=$?
    [ $rc -eq 1 ] || [ $rc -eq 2 ] || { echo "fault $f: exit $rc"; return 1; }
    [ ! -e new ] || { echo "fault $f:"; find new; return 1; }
    SAMENKAART_FAULT=$f atlas small.ini --output empty 2>/dev/null
    [ -d empty ] && [ -z "$(ls -A empty)" ] || { echo "fault $f: in empty:"; ls -A empty; return 1; }
  done
}
if [ -z "$k" ]; then
  ok "# SKIP a failing run keeps the previous atlas (no fault injection in this build)"
  ok "# SKIP a failing run leaves no folder (no fault injection in this build)"
else
  check "a failing run ($k fault points) keeps the previous atlas and its manifest byte-identical" \
    failure_keeps_previous
  check "a failing run removes the folders it made, never one that existed" \
    failure_keeps_new_folder_away
fi

live_and_stale_temporaries() {
  cp -a clean-big temps || return 1
  sleep 0 & local dead=$!
  wait $dead
  # This shell is alive: its temporaries are a live run's.
  local live=(temps/.atlas.pdf.sk-$$-abcdef temps/thumbs/.003-a.png.sk-$$-abcdef)
  local stale=(temps/.atlas.pdf.sk-$dead-abcdef temps/thumbs/.003-a.png.sk-$dead-abcdef)
  touch "${live[@]}" "${stale[@]}" || return 1
  atlas big.ini --output temps || return 1
  ls -A temps temps/thumbs
  [ -f "${live[0]}" ] && [ -f "${live[1]}" ] && [ ! -e "${stale[0]}" ] && [ ! -e "${stale[1]}" ]
}
check "a later run removes the temporaries of a dead run (thumbs/ too), never a live run's" \
  live_and_stale_temporaries

killed_half_way() {
  cp -a clean-big killed || return 1
  "$SK_CLI" atlas --quiet --dpi 400 --jobs 1 big.ini --output killed 2>/dev/null &
  local pid=$!
  wait_for_temporary $pid killed || { echo "no temporary file appeared"; return 1; }
  kill -KILL $pid
  wait $pid 2>/dev/null
  [ -n "$(find killed -name '.*.sk-*')" ] || { echo "the kill left no temporary file"; return 1; }
  atlas big.ini --output killed || return 1
  no_temporaries killed && same_atlas clean-big killed
}
check "an atlas killed half-way: the next run removes its temporaries, the folder equals a clean run's" \
  killed_half_way

stopped() {   # SIGNAL STATUS
  cp -a clean-small "stop-$1" || return 1
  "$SK_CLI" atlas --quiet --dpi 400 --jobs 1 big.ini --output "stop-$1" 2>/dev/null &
  local pid=$! rc
  wait_for_temporary $pid "stop-$1" || { echo "no temporary file appeared"; return 1; }
  kill -"$1" $pid
  wait $pid; rc=$?
  [ $rc -eq "$2" ] || { echo "exit status $rc, not $2"; return 1; }
  no_temporaries "stop-$1" && diff -r clean-small "stop-$1"
}
check "SIGINT: dies by the signal (130), no temporary file, the previous atlas byte-identical" \
  stopped INT 130
check "SIGTERM: dies by the signal (143), no temporary file, the previous atlas byte-identical" \
  stopped TERM 143
exit $failed
