# TAP for the shell tests (sourced): a scratch folder $tmp removed at exit, and
#   check WHAT COMMAND…   "ok N - WHAT" when COMMAND succeeds, else "not ok N - WHAT" with its
#                         output as comments; $failed is 1 once a check failed (exit $failed).
set -uo pipefail
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)) failed=1; echo "not ok $n - $1"; [ -s "$tmp/log" ] && sed 's/^/# /' "$tmp/log"; }
check() { local what=$1; shift; if "$@" >"$tmp/log" 2>&1; then ok "$what"; else not_ok "$what"; fi; }
