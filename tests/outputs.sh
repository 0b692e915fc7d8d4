#!/usr/bin/env bash
# Never a lost file (issue 11), through the command line: outputs never replace inputs (named or
# read), devices, FIFOs and links are written through, never over; a run that fails leaves
# nothing of itself (pre-existing files keep their bytes, no temporary `.*.sk-*` stays), also
# when a fault is injected in its last file; a requested file is written or refused, never
# silently left out; standard output is an output; passwords in source names never appear.
# Environment (tests/meson.build): SK_CLI, SK_TEST_DATA, SK_TEST_SHAPES, SAMENKAART_STYLES.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
export LC_ALL=C SAMENKAART_CACHE="$tmp/cache" SAMENKAART_DATA="$SK_TEST_DATA"
unset SAMENKAART_FAULT
D=$SK_TEST_DATA
small=(--where inhoudelijk=jeugd --dpi 30)

# ---- helpers: each prints what failed ---------------------------------------------------
# A fresh working folder with copies of the inputs; the tests run in it.
fresh() {
  rm -rf "$tmp/w" && mkdir -p "$tmp/w" && cd "$tmp/w" || exit 1
  cp "$D/projecten_2017.csv" p.csv
  cp "$D/kernwerkgebieden_2017.csv" k.csv
  cp "$SK_TEST_SHAPES/herindelingen_2018_2019.csv" mg.csv
}
# run CMD...: the command's exit status in $rc, its stderr in err.
run() { "$SK_CLI" "$@" >out 2>err; rc=$?; cat err; }
want_rc() { [ "$rc" -eq "$1" ] || { echo "exit $rc, expected $1"; return 1; }; }
says() {   # FRAGMENT...: each is in the message
  local f
  for f in "$@"; do grep -qF -- "$f" err || { echo "message without '$f'"; return 1; }; done
}
same() { cmp -s "$1" "$2" || { echo "$1 changed (should be byte-identical to $2)"; return 1; }; }
absent() {
  local f
  for f in "$@"; do [ ! -e "$f" ] || { echo "$f was written"; return 1; }; done
}
no_temps() {   # DIR...: no temporary file of a run left
  local left
  left=$(find "${@:-.}" -name '.*.sk-*' 2>/dev/null)
  [ -z "$left" ] || { echo "temporary files left: $left"; return 1; }
}
# refused RC OPTION-A OPTION-B INPUT ORIGINAL -- CMD...: exit RC naming both, INPUT untouched,
# no map written, no temporary file.
refused() {
  local want=$1 a=$2 b=$3 input=$4 orig=$5
  shift 6
  run "$@"
  want_rc "$want" && says "$a" "$b" && same "$input" "$orig" && absent m.png m.pgw && no_temps
}

# ---- 1. outputs never destroy inputs ------------------------------------------------------
fresh
check "--classes-csv naming --projects: exit 2, both named, input intact" \
  refused 2 "--classes-csv p.csv" "--projects" p.csv "$D/projecten_2017.csv" -- \
  render "${small[@]}" --projects p.csv --output m.png --classes-csv p.csv
check "diff --changes-csv naming --before: exit 2, both named, input intact" \
  refused 2 "--changes-csv p.csv" "--before" p.csv "$D/projecten_2017.csv" -- \
  diff "${small[@]}" --before p.csv --after "$D/projecten_2018.csv" --output m.png \
  --changes-csv p.csv
check "compare --table-csv naming --core: exit 2, both named, input intact" \
  refused 2 "--table-csv k.csv" "--core" k.csv "$D/kernwerkgebieden_2017.csv" -- \
  compare "${small[@]}" --insurer Menzis --core k.csv --output m.png --table-csv k.csv
check "--mergers-report naming --mergers: exit 2, both named, input intact" \
  refused 2 "--mergers-report mg.csv" "--mergers" mg.csv \
  "$SK_TEST_SHAPES/herindelingen_2018_2019.csv" -- \
  render "${small[@]}" --mergers mg.csv --mergers-report mg.csv --output m.png
outputs_twice() {
  run render "${small[@]}" --output m.png --classes-csv m.png
  want_rc 2 && says "--classes-csv m.png" "--output" && absent m.png m.pgw && no_temps
}
check "--output m.png --classes-csv m.png: exit 2, nothing written" outputs_twice
through_links() {
  ln -s p.csv soft.csv && ln p.csv hard.csv || return 1
  refused 2 "--classes-csv soft.csv" "--projects" p.csv "$D/projecten_2017.csv" -- \
    render "${small[@]}" --projects p.csv --output m.png --classes-csv soft.csv || return 1
  [ -L soft.csv ] || { echo "the link was replaced"; return 1; }
  refused 2 "--classes-csv hard.csv" "--projects" p.csv "$D/projecten_2017.csv" -- \
    render "${small[@]}" --projects p.csv --output m.png --classes-csv hard.csv
}
check "an output reached through a symlink or a hard link to an input: refused" through_links
world_file() {
  run render "${small[@]}" --output m.png --classes-csv m.pgw
  want_rc 2 && says "m.pgw" "--classes-csv" && absent m.png m.pgw && no_temps
}
check "--classes-csv naming the map's world file: exit 2, nothing written" world_file
read_not_named() {
  mkdir dd && cp "$D"/* dd/ || return 1
  refused 2 "dd/projecten_2017.csv" "is the input" dd/projecten_2017.csv \
    "$D/projecten_2017.csv" -- \
    render "${small[@]}" --data-dir dd --output m.png --classes-csv dd/projecten_2017.csv
}
check "an input the library read from --data-dir (not named): refused" \
  read_not_named

# ---- 2. through, not over ------------------------------------------------------------------
device() {
  # As root a regression would replace the machine's /dev/null: a private node of the same
  # device (1,3) stands in for it then.
  local dev=/dev/null
  if [ "$(id -u)" -eq 0 ] && mknod nulldev c 1 3 2>/dev/null && echo x >nulldev; then
    dev=$PWD/nulldev
  fi
  run render "${small[@]}" --output m.png --classes-csv "$dev"
  want_rc 0 || return 1
  [ -c "$dev" ] || { echo "$dev is no longer a character device"; return 1; }
  [ -s m.png ] || { echo "the map was not written"; return 1; }
  no_temps . "$(dirname "$dev")"
}
fresh
check "--classes-csv naming a device: written through, still a device, the map written" device
fifo() {
  mkfifo f.csv || return 1
  timeout 20 cat f.csv >got.csv &
  local reader=$!
  run render "${small[@]}" --output m.png --classes-csv f.csv
  # Without a writer the reader would wait: open and close the FIFO once to release it.
  [ "$rc" -eq 0 ] || { timeout 2 bash -c ': >f.csv' 2>/dev/null; }
  wait "$reader"
  want_rc 0 || return 1
  [ -p f.csv ] || { echo "f.csv is no longer a FIFO"; return 1; }
  head -1 got.csv | grep -q '^gm_code,gm_naam,class,color,projects' ||
    { echo "the reader of the FIFO did not get the CSV: $(head -c 200 got.csv)"; return 1; }
  [ "$(wc -l <got.csv)" -gt 300 ] || { echo "the CSV through the FIFO is short"; return 1; }
  [ -s m.png ] && no_temps
}
check "--classes-csv naming a FIFO: its reader gets the CSV, it stays a FIFO" fifo
fifo_no_reader() {
  # Nobody reads the FIFO: the run waits to open it, after its files are in place; SIGTERM
  # must still end it (it once waited for the run's lock and needed SIGKILL).
  mkfifo q.csv || return 1
  timeout -k 10 -s TERM 4 "$SK_CLI" render "${small[@]}" --output m.png --classes-csv q.csv 2>err
  rc=$?
  want_rc 124 || { echo "(137: SIGTERM did not end it, SIGKILL did)"; return 1; }
  [ -p q.csv ] && [ -s m.png ] && no_temps
}
fresh
check "--classes-csv naming a FIFO nobody reads: SIGTERM ends the run, its files stay" fifo_no_reader
symlink() {
  mkdir real && echo old >real/t.csv && ln -s real/t.csv link.csv || return 1
  run render "${small[@]}" --output m.png --classes-csv link.csv
  want_rc 0 || return 1
  [ -L link.csv ] || { echo "link.csv is no longer a symlink"; return 1; }
  head -1 real/t.csv | grep -q '^gm_code,' || { echo "the link's target was not replaced"; return 1; }
  no_temps . real
}
check "an output that is a symlink: the link stays, its target gets the new content" symlink

# ---- 3. half a run never stays -------------------------------------------------------------
old_map() { printf 'old map\n' >m.png && cp m.png m.png.orig; }
later_fails() {   # MESSAGE-FRAGMENT -- CMD...: exit 2, the map before it neither new nor changed
  local frag=$1
  shift 2
  old_map || return 1
  run "$@"
  want_rc 2 && says "$frag" && same m.png m.png.orig && absent m.pgw t.csv && no_temps
}
fresh
check "the classes CSV's folder does not exist: the map is not written (old bytes kept)" \
  later_fails "--classes-csv nodir/c.csv" -- \
  render "${small[@]}" --output m.png --classes-csv nodir/c.csv
check "--labels-csv in a missing folder: the map is not written (old bytes kept)" \
  later_fails "--labels-csv nodir/l.csv" -- \
  render "${small[@]}" --zoom-province Utrecht --output m.png --labels-csv nodir/l.csv
check "compare --table-md in a missing folder: the map is not written (old bytes kept)" \
  later_fails "--table-md nodir/t.md" -- \
  compare "${small[@]}" --insurer Menzis --output m.png --table-csv t.csv --table-md nodir/t.md
# Fault injection is in the test build only (-Dfault_injection=true; not the sanitizer build).
injects=0
SAMENKAART_FAULT=0 "$SK_CLI" stats --where inhoudelijk=jeugd 2>&1 >/dev/null |
  grep -q '^samenkaart: fault points' && injects=1
fault_check() {   # WHAT COMMAND...: check, in a build with fault injection
  if [ "$injects" -eq 1 ]; then
    check "$@"
  else
    ok "$1 # SKIP built without -Dfault_injection"
  fi
}

# A FIFO that fails after the files were committed: the message says the files were written.
device_fault() {
  mkfifo ff.csv || return 1
  timeout 20 cat ff.csv >/dev/null &
  SAMENKAART_FAULT=0 run render "${small[@]}" --output m.png --classes-csv ff.csv >/dev/null
  wait
  local k
  k=$(sed -n 's/^samenkaart: fault points: \([0-9][0-9]*\)$/\1/p' err)
  [ -n "$k" ] || { echo "no count of fault points"; return 1; }
  rm -f m.png m.pgw
  # Points k-1 and k: the FIFO's open and its write, after the renames.
  timeout 20 cat ff.csv >/dev/null &
  local reader=$!
  SAMENKAART_FAULT=$((k - 1)) run render "${small[@]}" --output m.png --classes-csv ff.csv
  kill "$reader" 2>/dev/null
  want_rc 2 && says "ff.csv: cannot write" "the run's files were written" || return 1
  ! grep -q "output not written" err || { echo "says 'output not written'"; return 1; }
  [ -s m.png ] && [ -s m.pgw ] && no_temps
}

# faults FIRST -- CMD...: the command writes m.png and more; fault points FIRST to the last
# (counted with SAMENKAART_FAULT=0) each fail once: exit 1 or 2 with a message, the old m.png's
# bytes kept, none of the files the run writes, no temporary file.
faults() {
  local first=$1
  shift 2
  # A folder of its own: what an earlier test left cannot hide what this one leaves.
  # (Named by this check's number: $n counts the checks done.)
  local dir=$tmp/faults$((n + 1))
  mkdir "$dir" && cp p.csv "$dir/" && cd "$dir" || return 1
  old_map || return 1
  ls -A >"$tmp/before"
  # Twice: the first run may fill the cache, which adds fault points of its own.
  SAMENKAART_FAULT=0 run "$@" >/dev/null && SAMENKAART_FAULT=0 run "$@"
  want_rc 0 || return 1
  local k made
  k=$(sed -n 's/^samenkaart: fault points: \([0-9][0-9]*\)$/\1/p' err)
  [ -n "$k" ] && [ "$k" -ge 3 ] || { echo "no count of fault points"; return 1; }
  [ "$first" -gt 0 ] || first=$((k + first))
  # What the run wrote besides the map: removed, the old map back.
  made=$(ls -A | comm -13 "$tmp/before" - | grep -vx 'err\|out')
  # shellcheck disable=SC2086
  rm -f $made && old_map || return 1
  local i
  for ((i = k; i >= first; i--)); do
    SAMENKAART_FAULT=$i run "$@" >/dev/null
    case $rc in 1 | 2) ;; *) echo "fault $i of $k: exit $rc"; return 1 ;; esac
    [ "$(grep -vc '^samenkaart: fault points' err)" -gt 0 ] || { echo "fault $i: no message"; return 1; }
    # shellcheck disable=SC2086
    same m.png m.png.orig && absent $made && no_temps || { echo "after fault $i of $k"; return 1; }
  done
}
fresh
fault_check "a FIFO failing after the commit: exit 2, the message says the files were written" \
  device_fault
fault_check "render: a fault at any point (the last file's included): nothing of the run, old map kept" \
  faults 1 -- render "${small[@]}" --output m.png --classes-csv c.csv --labels-csv l.csv
fault_check "diff: a fault in its last files: nothing of the run, old map kept" \
  faults -3 -- diff "${small[@]}" --before p.csv --after "$D/projecten_2018.csv" --output m.png \
  --classes-csv c.csv --changes-csv ch.csv
fault_check "compare: a fault in its last files: nothing of the run, old map kept" \
  faults -4 -- compare "${small[@]}" --insurer Menzis --output m.png --classes-csv c.csv \
  --table-csv t.csv --table-md t.md
fault_check "compare, insurers side by side: a fault in its last files: nothing of the run" \
  faults -3 -- compare "${small[@]}" --insurer Menzis,VGZ --output m.png --table-csv t.csv \
  --classes-csv c.csv

# ---- 4. requested files are written, or refused -------------------------------------------
refused_usage() {   # FRAGMENT -- CMD...: exit 2 naming it, nothing written
  local frag=$1
  shift 2
  run "$@"
  want_rc 2 && says "$frag" && absent F m.png && no_temps
}
fresh
M=(--map samenwerkingsvorm=implementatie --map samenwerkingsvorm=ontwikkelproject)
panel_csv() {   # FILE PANELS: the classes of every panel, with a last column panel
  head -1 "$1" | grep -qx 'gm_code,gm_naam,class,color,projects,panel' ||
    { echo "$1: header $(head -1 "$1")"; return 1; }
  local rows panels
  rows=$(($(wc -l <"$1") - 1))
  panels=$(tail -n +2 "$1" | cut -d, -f1 | sort | uniq -c | awk '{print $1}' | sort -u)
  [ "$panels" = "$2" ] || { echo "$1: not $2 rows per municipality: $panels"; return 1; }
  [ "$rows" -ge $((300 * $2)) ] || { echo "$1: $rows rows"; return 1; }
}
insurers_csv() {
  run compare "${small[@]}" --insurer all --output m.png --classes-csv all.csv
  # The 8 insurers of data/nl2017 with a project or a core area.
  want_rc 0 && [ -s m.png ] && panel_csv all.csv 8 || return 1
  grep -q ',Menzis$' all.csv || { echo "no panel Menzis"; return 1; }
  rm -f m.png
}
check "compare --insurer all --classes-csv: every insurer's classes, a panel column" insurers_csv
maps_csv() {
  run compare "${small[@]}" "${M[@]}" --classes-csv maps.csv
  want_rc 0 && panel_csv maps.csv 2 || return 1
  grep -q 'Ontwikkelproject' maps.csv && grep -q 'Implementatie' maps.csv ||
    { echo "the panels are not named by their titles"; return 1; }
  absent m.png
}
check "compare --map A --map B --classes-csv (no --output): both maps' classes, a panel column" \
  maps_csv
maps_tables() {
  # --projects names no file: the refusal comes before anything is read.
  refused_usage "--table-csv" -- compare "${small[@]}" --projects nothing.csv "${M[@]}" \
    --output m.png --table-csv F &&
    refused_usage "--table-md" -- compare "${small[@]}" "${M[@]}" --output m.png --table-md F
}
check "compare --map … --table-csv / --table-md: refused (exit 2) before anything is read" \
  maps_tables
all_table() {
  run compare "${small[@]}" --insurer all --table-csv all.csv
  want_rc 0 || return 1
  head -1 all.csv | grep -q '^insurer,projects,' || { echo "not the figures table"; return 1; }
  [ "$(wc -l <all.csv)" -ge 3 ] || { echo "fewer than 2 insurers in the table"; return 1; }
}
check "compare --insurer all --table-csv: the figures of every insurer" all_table
check "render --table … --mergers-report: refused (no project database read)" \
  refused_usage "--mergers-report" -- render --dpi 30 --table "$D/gemeentepolissen_2017.csv" \
  --output m.png --mergers-report F
diff_report() {
  run diff "${small[@]}" --before p.csv --after "$D/projecten_2018.csv" --mergers mg.csv \
    --mergers-report r.csv --output m.png
  want_rc 0 || return 1
  head -1 r.csv | grep -q '^where,value,mapped_to,note' || { echo "no mergers report"; return 1; }
}
check "diff --mergers-report: one report of both databases, written" diff_report
full() {
  if [ ! -w /dev/full ]; then echo "(no /dev/full here)"; return 0; fi
  local c
  for c in "stats" "stats --format md" "atlas $SAMENKAART_STYLES/aef-2017/atlas.ini --list"; do
    # shellcheck disable=SC2086
    "$SK_CLI" $c >/dev/full 2>err
    rc=$?
    want_rc 2 && says "standard output: cannot write: No space left on device" ||
      { echo "($c)"; return 1; }
  done
}
check "stats, stats --format md, atlas --list > /dev/full: exit 2 with the system's message" full
empty_output() {
  local c
  for c in render diff compare stats; do
    local extra=("${small[@]}")
    [ $c = diff ] && extra+=(--before p.csv --after "$D/projecten_2018.csv")
    [ $c = compare ] && extra+=(--insurer Menzis)
    [ $c = stats ] && extra=(--where inhoudelijk=jeugd)
    ls -A >"$tmp/before"
    run $c "${extra[@]}" --output ''
    want_rc 2 && says "--output" || { echo "($c)"; return 1; }
    ls -A | diff "$tmp/before" - || { echo "($c) wrote files"; return 1; }
  done
}
check "--output '' (render, diff, compare, stats): exit 2, nothing written" empty_output
list_with_output() {
  ls -A >"$tmp/before"
  run atlas "$SAMENKAART_STYLES/aef-2017/atlas.ini" --list --output listed
  want_rc 2 && says "--list only lists the pages" || return 1
  ls -A | diff "$tmp/before" - || { echo "wrote files"; return 1; }
}
check "atlas --list --output DIR: exit 2 (was: the folder silently not written)" list_with_output

# ---- found by an adversarial review ------------------------------------------------------
gdal_inputs() {   # files GDAL reads besides the one named: never replaced by an output
  mkdir g && cp p.csv g/p.csv && cp p.csv g/r.csv || return 1
  printf '<OGRVRTDataSource><OGRVRTLayer name="p"><SrcDataSource relativeToVRT="1">p.csv</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>' >g/p.vrt
  (cd g && zip -q q.zip p.csv 2>/dev/null) || python3 -c 'import zipfile,sys; zipfile.ZipFile("g/q.zip","w").write("g/p.csv","p.csv")' 2>/dev/null || return 0
  echo '"String"' >g/r.csvt
  mkdir g/shp && cp "$D"/gemeenten_2017.* g/shp/
  cp -r g g.orig
  local c
  for c in "--projects g/p.vrt --classes-csv g/p.csv" \
           "--projects /vsizip/g/q.zip/p.csv --classes-csv g/q.zip" \
           "--projects g/r.csv --classes-csv g/r.csvt" \
           "-m g/shp --municipality-layer gemeenten_2017 -r $D/wmo_regios_2017.shp --membership $D/gemeenten_regios_2017.csv --classes-csv g/shp/gemeenten_2017.dbf"; do
    # shellcheck disable=SC2086
    run render "${small[@]}" $c --output m.png
    want_rc 2 && says "an output never replaces an input" || { echo "($c)"; return 1; }
  done
  diff -r g g.orig && absent m.png && no_temps
}
fresh
check "a VRT's source, a zip, a CSV's .csvt, a folder source's .dbf: never replaced" gdal_inputs
stream_append() {   # /dev/stdout is the stream, not the file it was redirected to
  printf 'earlier log\n' >log.txt
  "$SK_CLI" stats --where inhoudelijk=jeugd --output /dev/stdout >>log.txt 2>err
  rc=$?
  want_rc 0 || return 1
  head -1 log.txt | grep -q '^earlier log$' || { echo "the log was replaced"; return 1; }
  grep -q '^dimension,label,projects,municipalities' log.txt || { echo "no table"; return 1; }
  "$SK_CLI" stats --where inhoudelijk=jeugd --output /dev/stdout 2>err | grep -c . >lines
  [ "$(cat lines)" -gt 10 ] || { echo "nothing through a pipe: $(cat err)"; return 1; }
}
fresh
check "--output /dev/stdout appends to a redirected file and writes into a pipe" stream_append
long_name() {   # the temporary name of a 250-character name still fits in the folder
  local name
  name=$(printf 'a%.0s' $(seq 250))
  run render "${small[@]}" --output "$name.png"
  want_rc 0 && [ -s "$name.png" ] && no_temps
}
fresh
check "an output named with 254 characters is written (its temporary name is shortened)" long_name
file_size_limit() {   # a write past ulimit -f: exit 2 with a message, nothing left
  (ulimit -f 20; exec "$SK_CLI" render --where inhoudelijk=jeugd --output big.png \
     --classes-csv big.csv) 2>err
  rc=$?
  want_rc 2 && says "File too large" && absent big.png big.csv && no_temps
}
fresh
check "a file-size limit: exit 2 'File too large', nothing left (was: killed by SIGXFSZ)" \
  file_size_limit
closed_pipe() {   # standard output closed by its reader: exit 2 with the message
  "$SK_CLI" stats 2>err | (exec 0<&-; sleep 1)
  rc=${PIPESTATUS[0]}
  want_rc 2 && says "standard output: cannot write: Broken pipe"
}
check "stdout closed by its reader: exit 2 'Broken pipe' (was: killed by SIGPIPE, no word)" \
  closed_pipe
dash_is_stdout() {
  "$SK_CLI" stats --where inhoudelijk=jeugd --output - >table.csv 2>err
  rc=$?
  want_rc 0 && absent ./- && grep -q '^dimension,label,projects,municipalities' table.csv
}
fresh
check "stats --output -: standard output (was: a file named '-')" dash_is_stdout

# ---- 6. secrets ---------------------------------------------------------------------------
no_secret() {   # FILE...: hunter2 in none of them
  local f
  for f in "$@"; do
    ! grep -aq hunter2 "$f" || { echo "$f shows the password: $(grep -ao '.\{0,40\}hunter2' "$f" | head -1)"; return 1; }
  done
}
pdf_text() {   # PDF: its text, or what strings finds when pdftotext is not installed
  if command -v pdftotext >/dev/null; then
    pdftotext "$1" -
  elif command -v strings >/dev/null; then
    strings "$1"
  else
    cat "$1"
  fi
}
fresh
connection() {
  run render "${small[@]}" --projects 'PG:dbname=nope host=/nonexistent password=hunter2' \
    --output m.png
  [ "$rc" -ne 0 ] || { echo "exit 0 for a database that does not exist"; return 1; }
  no_secret err && says "password=***" && absent m.png || return 1
  run render "${small[@]}" --projects 'postgresql://u:hunter2@/nonexistent/db' --output m.png
  [ "$rc" -ne 0 ] || { echo "exit 0 for a database that does not exist"; return 1; }
  no_secret err && says "***" && absent m.png
}
check "a connection string's password is not in messages (password=***, u:***@)" connection
secret_db() {
  cp "$D/projecten_2017.csv" 'db password=hunter2.csv' || return 1
  local db='db password=hunter2.csv'
  run render "${small[@]}" --projects "$db" --output m.pdf --classes-csv c.csv
  want_rc 0 && no_secret err m.pdf c.csv || return 1
  pdf_text m.pdf >m.txt
  if command -v pdftotext >/dev/null; then
    grep -q 'password=\*\*\*' m.txt || { echo "the source line is not on the map"; return 1; }
  fi
  no_secret m.txt || return 1
  run render "${small[@]}" --projects "$db" --output m.svg
  want_rc 0 && no_secret err m.svg
}
check "a database file named with password=: not in the map (PDF, SVG), classes CSV, messages" \
  secret_db
secret_diff() {
  run diff "${small[@]}" --before 'db password=hunter2.csv' --after "$D/projecten_2018.csv" \
    --output d.pdf --changes-csv ch.csv --classes-csv dc.csv
  want_rc 0 && pdf_text d.pdf >d.txt && no_secret err d.pdf d.txt ch.csv dc.csv
}
check "diff: the password is in no output (map, --changes-csv, --classes-csv)" secret_diff
secret_compare() {
  run compare "${small[@]}" --projects 'db password=hunter2.csv' --insurer Menzis \
    --output c.pdf --table-csv t.csv --table-md t.md --classes-csv cc.csv
  want_rc 0 && pdf_text c.pdf >c.txt && no_secret err c.pdf c.txt t.csv t.md cc.csv || return 1
  "$SK_CLI" stats --projects 'db password=hunter2.csv' >s.csv 2>err && no_secret s.csv err
}
check "compare and stats: the password is in no table, map or message" secret_compare
secret_report() {
  # A 2019 name in a 2017 database: remapped through the mergers, reported with FILE:LINE.
  sed '2s/,Menzis,Groningen,/,Menzis,Waadhoeke,/' "$D/projecten_2017.csv" >'m password=hunter2.csv'
  run render "${small[@]}" --projects 'm password=hunter2.csv' --mergers mg.csv \
    --mergers-report r.csv --output m.png
  want_rc 0 || return 1
  grep -q 'Waadhoeke' r.csv || { echo "nothing remapped: $(cat r.csv)"; return 1; }
  no_secret err r.csv
}
check "--mergers-report: FILE:LINE of a database named with password= is redacted" secret_report

# ---- no temporary file anywhere ------------------------------------------------------------
check "no temporary file left anywhere in the test's folders" no_temps "$tmp"
echo "1..$n"
exit $failed
