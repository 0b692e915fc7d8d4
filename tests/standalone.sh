#!/usr/bin/env bash
# The repository stands on its own: the command draws from its own data (data/), never opens a
# path under ../shared beside the source tree (strace watches every file it names), and puts
# its cache where the XDG rules say ($XDG_CACHE_HOME, else $HOME/.cache), or nowhere, with one
# warning, when there is no usable home: never in the working directory.
# Environment (tests/meson.build): SK_CLI, SK_SOURCE_ROOT.
# shellcheck source=tests/tap.sh
. "$(dirname "$0")/tap.sh"
echo "1..6"
# Only what a user has: no test overrides of data, styles or cache.
unset SAMENKAART_DATA SAMENKAART_CACHE SAMENKAART_STYLES SK_TEST_DATA XDG_CACHE_HOME
export LC_ALL=C
shared=$(realpath -m "$SK_SOURCE_ROOT/../shared")
demo=(render --where inhoudelijk=jeugd --show samenwerkingsvorm --core-of Menzis)
mkdir -p "$tmp/work" "$tmp/home"
cd "$tmp/work" || exit 1

no_shared() {
  # LeakSanitizer cannot run under ptrace: leaks are the sanitizer suite's business.
  local ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
  export ASAN_OPTIONS
  HOME="$tmp/home" strace -f -qq -e trace=%file -o "$tmp/trace" \
    "$SK_CLI" "${demo[@]}" --output demo.png --classes-csv demo.csv || return 1
  HOME="$tmp/home" strace -f -qq -e trace=%file -o "$tmp/trace2" \
    "$SK_CLI" atlas --list "$SK_SOURCE_ROOT/styles/aef-2017/atlas.ini" >/dev/null || return 1
  [ -s demo.png ] || return 1
  # Every path named, resolved (a build may name it as <source>/../shared/…).
  local p opened=0
  while IFS= read -r p; do
    case "$(realpath -m -- "$p")" in "$shared" | "$shared"/*) echo "opened: $p"; opened=1 ;; esac
  done < <(grep -ho '"[^"]*"' "$tmp/trace" "$tmp/trace2" | tr -d '"' | grep -v '^-\|^$' | sort -u)
  [ $opened -eq 0 ]
}
check "render and atlas --list open nothing under $shared" no_shared

cache_under() {   # DIR: a cache was written there
  [ -n "$(find "$1" -type f 2>/dev/null | head -1)" ]
}
xdg() {
  XDG_CACHE_HOME="$tmp/xdg" HOME="$tmp/home2" "$SK_CLI" "${demo[@]}" --output a.png || return 1
  cache_under "$tmp/xdg/samenkaart" && ! cache_under "$tmp/home2"
}
check "\$XDG_CACHE_HOME/samenkaart holds the cache" xdg
home() {
  XDG_CACHE_HOME=relative/cache HOME="$tmp/home3" "$SK_CLI" "${demo[@]}" --output b.png || return 1
  cache_under "$tmp/home3/.cache/samenkaart" && [ ! -e relative ]
}
check "else \$HOME/.cache/samenkaart (a relative \$XDG_CACHE_HOME is ignored)" home
no_home() {
  HOME="" "$SK_CLI" "${demo[@]}" --output c.png 2>"$tmp/err" || return 1
  cat "$tmp/err"
  [ "$(grep -c 'warning: no cache' "$tmp/err")" -eq 1 ] && [ ! -e .cache ] && [ -s c.png ]
}
check "an empty \$HOME: uncached, one warning, nothing in the working directory" no_home
unset_home() {
  env -u HOME "$SK_CLI" "${demo[@]}" --quiet --output d.png 2>"$tmp/err" || return 1
  [ ! -s "$tmp/err" ] && [ ! -e .cache ] && [ -s d.png ]
}
check "no \$HOME with --quiet: uncached, silent" unset_home
same() { cmp demo.png c.png && cmp a.png b.png; }
check "cached and uncached draw the same map" same
exit $failed
