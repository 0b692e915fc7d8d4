#!/usr/bin/env bash
# The tree's shape rules (docs/architecture.md), checked:
#   - no .c file under src/ longer than 700 lines, no function longer than 100 lines;
#   - no include cycle between modules: a module is a folder under src/ (src/atlas/, src/cli/,
#     …) or, directly in src/, a file stem (map.c, map.h and map_internal.h are module "map");
#     a module's .c including another module's header is an edge;
#   - the command line (src/cli/) includes only include/samenkaart/ and src/cli/ headers.
#   tools/check-structure.sh [SRC_DIR]      # default: src/ beside this script
set -uo pipefail
src=${1:-$(dirname "$0")/../src}
src=$(cd "$src" && pwd)
status=0

# File and function lengths.  A function runs from its '{' in column 0 to its '}' in column 0.
while IFS= read -r f; do
  lines=$(wc -l <"$f")
  if [ "$lines" -gt 700 ]; then echo "too long: ${f#"$src"/} has $lines lines (at most 700)"; status=1; fi
  awk -v file="${f#"$src"/}" '
    /^[A-Za-z_].*\(/ { name = $0; sub(/\(.*/, "", name) }
    /^\{/ { start = NR }
    /^\}/ && start { if (NR - start + 1 > 100) { printf "too long: %s: %s has %d lines (at most 100)\n", file, name, NR - start + 1; bad = 1 } start = 0 }
    END { exit bad }' "$f" || status=1
done < <(find "$src" -name '*.c' | sort)

# Module of a path relative to src/.
module_of() {
  case "$1" in
    */*) echo "${1%%/*}" ;;
    *) local stem=${1%.*}; echo "${stem%_internal}" ;;
  esac
}

# Include edges between modules, then cycles through tsort.  Paths are resolved in the shell
# (no process per include: the check runs as a test).
normalize() {   # a/b/../c -> a/c
  local IFS=/ part out=()
  for part in $1; do
    case "$part" in
      ''|.) ;;
      ..) [ ${#out[@]} -gt 0 ] && unset 'out[${#out[@]}-1]' ;;
      *) out+=("$part") ;;
    esac
  done
  echo "${out[*]}"
}
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
while IFS= read -r f; do
  rel=${f#"$src"/}
  from=$(module_of "$rel")
  reldir=$(dirname "$rel")
  while IFS= read -r inc; do
    if [ -f "$src/$reldir/$inc" ]; then trel=$(normalize "$reldir/$inc")
    elif [ -f "$src/$inc" ]; then trel=$inc
    else continue; fi   # public headers (include/samenkaart/) and system headers
    to=$(module_of "$trel")
    [ "$from" = "$to" ] && continue
    if [ "$from" = cli ]; then echo "cli includes an internal header: $rel includes $trel"; status=1; fi
    echo "$from $to" >>"$edges"
  done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f")
done < <(find "$src" -name '*.c' | sort)
if ! tsort "$edges" >/dev/null 2>"$edges.err"; then
  echo "include cycle between modules:"; sed 's/^tsort: /  /' "$edges.err"; status=1
fi
rm -f "$edges.err"

[ $status -eq 0 ] && echo "structure ok: files <= 700 lines, functions <= 100 lines, no include cycle, cli uses the public API"
exit $status
