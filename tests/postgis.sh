#!/usr/bin/env bash
# Boundaries and the project database read from PostgreSQL/PostGIS through OGR connection
# strings give the same classes as the files.  Starts a throw-away server on a socket in a
# temporary directory, loads data/nl2017 with ogr2ogr, renders, compares, and stops
# the server on every way out (trap).  TAP output; skipped (77) where PostgreSQL is missing.
set -euo pipefail
data=${SK_TEST_DATA:?}
cli=${SK_CLI:?}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ] || ! command -v ogr2ogr >/dev/null; then
  echo "1..0 # SKIP PostgreSQL or ogr2ogr not installed"
  exit 77
fi
tmp=$(mktemp -d /tmp/sk-pg.XXXXXX)
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the server runs as the postgres user.
  chown postgres "$tmp"
  as_server=(runuser -u postgres --)
fi
port=54329
stop() {
  "${as_server[@]}" "$pgbin/pg_ctl" -D "$tmp/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop EXIT
echo "1..3"
"${as_server[@]}" "$pgbin/initdb" -D "$tmp/db" -A trust -U sk >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log"; exit 1; }
"${as_server[@]}" "$pgbin/pg_ctl" -D "$tmp/db" -w -l "$tmp/server.log" \
  -o "-k $tmp -c listen_addresses= -p $port" start >/dev/null \
  || { cat "$tmp/server.log"; exit 1; }
psql -q -h "$tmp" -p "$port" -U sk -d postgres -c "CREATE EXTENSION postgis" >/dev/null
echo "ok 1 - throw-away server with PostGIS on $tmp"

pg="PG:host=$tmp port=$port user=sk dbname=postgres"
load() { ogr2ogr -f PostgreSQL "$pg" "$data/$1" -nln "$2" "${@:3}"; }
load gemeenten_2017.shp gemeenten -nlt PROMOTE_TO_MULTI -lco GEOMETRY_NAME=geom
load wmo_regios_2017.shp wmo_regios -nlt PROMOTE_TO_MULTI -lco GEOMETRY_NAME=geom
load gemeenten_regios_2017.csv gemeenten_regios
load projecten_2017.csv projecten
echo "ok 2 - nl2017 loaded with ogr2ogr"

args=(render --where inhoudelijk=ouderen --show samenwerkingsvorm --quiet)
"$cli" "${args[@]}" --output "$tmp/files.png" --classes-csv "$tmp/files.csv"
"$cli" "${args[@]}" --no-cache \
  --municipalities "$pg tables=gemeenten" --regions "$pg tables=wmo_regios" \
  --membership "$pg tables=gemeenten_regios" --projects "$pg tables=projecten" \
  --output "$tmp/pg.png" --classes-csv "$tmp/pg.csv"
if cmp -s "$tmp/files.csv" "$tmp/pg.csv"; then
  echo "ok 3 - the same classes from PostGIS as from the files"
else
  diff "$tmp/files.csv" "$tmp/pg.csv" | head -20 | sed 's/^/# /'
  echo "not ok 3 - the same classes from PostGIS as from the files"
  exit 1
fi
