#!/usr/bin/env bash
# Filtered event queries through the HTTP API under load: a store of ROWS imported ACLED rows (default 1,000,000, made
# with `pacta generate` and `pacta import acled`), served by `pacta serve`, asked by wrk on loopback with CONNECTIONS (4)
# connections for DURATION (bench/load/events.lua rotates over five filtered queries). First prints each query's time
# alone (the middle of three requests, after one to warm up), then requests/s, errors, and the median, p95 and p99
# latency under load.
#
# The store is a SQLite file by default (/tmp/pacta-load-ROWS.db, built once). BACKEND=postgres uses PostgreSQL +
# PostGIS instead: the cluster of tests/postgres.sh (started when PACTA_TEST_POSTGRES is not set, and left running so
# the database can be used again: `tests/postgres.sh stop` ends it) and a database pacta_load_ROWS in it, made and
# filled once (the import's wall time, CPU time and peak RSS printed by /usr/bin/time) and reused while it exists.
# DB names another store: a file's path, or a connection string (`Host=…;Database=…`), which means PostgreSQL.
# CSV names a file of generated rows made before (skips `pacta generate`); PACTA the command to run (default ./pacta).
#   bash bench/events-load.sh
#   ROWS=100000 DURATION=10s bash bench/events-load.sh
#   BACKEND=postgres ROWS=1000000 CONNECTIONS=64 DURATION=60s bash bench/events-load.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS=${ROWS:-1000000}
CONNECTIONS=${CONNECTIONS:-4}
DURATION=${DURATION:-30s}
BACKEND=${BACKEND:-sqlite}
PACTA=${PACTA:-./pacta}  # the command to run (a build kept aside, say)
PORT=${PORT:-5091}
URL="http://127.0.0.1:$PORT"
case "${DB:-}" in
  *[Hh][Oo][Ss][Tt]=* | *[Ss][Ee][Rr][Vv][Ee][Rr]=*) BACKEND=postgres ;;
esac

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; }; }
need wrk wrk
need curl curl
[ -x /usr/bin/time ] || need /usr/bin/time time

generate() { "$PACTA" generate events --rows "$ROWS" --format acled --seed 20251 --out "$1" 2> /dev/null; }

"$PACTA" --help > /dev/null
if [ "$BACKEND" = postgres ]; then
  need psql postgresql-client
  if [ -z "${DB:-}" ]; then
    if [ -z "${PACTA_TEST_POSTGRES:-}" ]; then eval "$(tests/postgres.sh start)"; fi
    server_cs="$PACTA_TEST_POSTGRES"
    name="pacta_load_$ROWS"
    # psql takes a URI; the connection string's parts become one (trust or PGPASSWORD for the password).
    pg_uri() {
      local host=127.0.0.1 port=5432 user=postgres db=postgres part key value
      IFS=';' read -ra parts <<< "$1"
      for part in "${parts[@]}"; do
        key=${part%%=*}; value=${part#*=}
        case "${key,,}" in host|server) host=$value ;; port) port=$value ;; username|user\ id|userid|user) user=$value ;; database) db=$value ;; esac
      done
      echo "postgresql://$user@$host:$port/${2:-$db}"
    }
    sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$(pg_uri "$server_cs" "${2:-}")" -c "$1"; }
    DB="$(echo "$server_cs" | sed -E 's/(^|;)[Dd]atabase=[^;]*//');Database=$name"
    if [ "$(sql "SELECT COUNT(*) FROM pg_database WHERE datname = '$name'")" = 0 ]; then
      # CSV names a file of generated rows made before, to skip making them again.
      csv=${CSV:-$(mktemp --suffix .csv)}
      [ -n "${CSV:-}" ] || generate "$csv"
      sql "DROP DATABASE IF EXISTS ${name}_partial"
      sql "CREATE DATABASE ${name}_partial"
      # PostGIS made beforehand: a store opened on a database without it makes it, but the open connections' types
      # are then loaded without PostGIS's and writing a geometry fails in that first process.
      sql "CREATE EXTENSION postgis" "${name}_partial"
      partial="$(echo "$server_cs" | sed -E 's/(^|;)[Dd]atabase=[^;]*//');Database=${name}_partial"
      "$PACTA" init --db "$partial" --sample > /dev/null
      echo "== pacta import acled of $ROWS rows into PostgreSQL, load average $(cut -d' ' -f1-3 /proc/loadavg)"
      /usr/bin/time -f 'import: %e s wall, %U s user, %S s system, peak RSS %M KB' "$PACTA" import acled "$csv" --db "$partial"
      [ -n "${CSV:-}" ] || rm -f "$csv"
      sql "VACUUM ANALYZE" "${name}_partial"
      sql "ALTER DATABASE ${name}_partial RENAME TO $name"
    fi
  fi
else
  DB=${DB:-/tmp/pacta-load-$ROWS.db}
  if [ ! -f "$DB" ]; then
    csv=$(mktemp --suffix .csv)
    generate "$csv"
    "$PACTA" init --db "$DB.partial" --sample > /dev/null
    "$PACTA" import acled "$csv" --db "$DB.partial"
    mv "$DB.partial" "$DB"
    rm -f "$csv"
  fi
fi

"$PACTA" serve --db "$DB" --urls "$URL" > /tmp/pacta-load-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$URL/healthz" > /dev/null && break; sleep 1; done
curl -sf "$URL/healthz" > /dev/null || { cat /tmp/pacta-load-serve.log; exit 1; }

echo "== $BACKEND, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== each query alone (middle of 3 after one warm-up), seconds"
grep -o '"/api/[^"]*"' bench/load/events.lua | tr -d '"' | while read -r path; do
  curl -sf -o /dev/null "$URL$path"
  times=$(for _ in 1 2 3; do curl -sf -o /dev/null -w '%{time_total}\n' "$URL$path"; done | sort -n)
  printf '%s  %s\n' "$(echo "$times" | sed -n 2p)" "$path"
done

echo "== warm-up"
wrk -t2 -c"$CONNECTIONS" -d5s --timeout 30s -s bench/load/events.lua "$URL" > /dev/null
echo "== wrk: $ROWS events, $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s bench/load/events.lua "$URL" | tail -2
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
