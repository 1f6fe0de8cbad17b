#!/usr/bin/env bash
# A throwaway PostgreSQL + PostGIS cluster for the tests, on loopback only.
#
#   tests/postgres.sh start   # initdb into a temp folder, start on port $PACTA_PG_PORT (55432), create postgis;
#                             # prints the line to export: PACTA_TEST_POSTGRES=...
#   tests/postgres.sh stop    # stop the cluster and delete its folder
#   tests/postgres.sh env     # print the export line for a running cluster
#
# Needs Debian's postgresql-15 and postgresql-15-postgis-3 (apt-get install); .ci/run installs them.
# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
set -euo pipefail

port=${PACTA_PG_PORT:-55432}
state=${TMPDIR:-/tmp}/pacta-test-postgres-$port
bin=/usr/lib/postgresql/15/bin
connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-}" in
  start)
    [ -x "$bin/initdb" ] || { echo "postgres.sh: $bin/initdb is missing: apt-get install postgresql-15 postgresql-15-postgis-3" >&2; exit 1; }
    if [ -f "$state/data/postmaster.pid" ] && as_owner "$bin/pg_ctl -D $state/data status" > /dev/null 2>&1; then
      echo "export PACTA_TEST_POSTGRES=\"$connection\""
      exit 0
    fi
    rm -rf "$state"
    mkdir -p "$state"
    [ "$(id -u)" = 0 ] && chown postgres "$state"
    as_owner "$bin/initdb -D $state/data -A trust -U postgres --no-sync" > "$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl -D $state/data -l $state/server.log -w -o '-p $port -c listen_addresses=127.0.0.1 -k $state -c fsync=off' start" > /dev/null \
      || { cat "$state/server.log" >&2; exit 1; }
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE EXTENSION IF NOT EXISTS postgis" > /dev/null \
      || { echo "postgres.sh: CREATE EXTENSION postgis failed: apt-get install postgresql-15-postgis-3" >&2; exit 1; }
    echo "export PACTA_TEST_POSTGRES=\"$connection\""
    ;;
  stop)
    if [ -d "$state/data" ]; then
      as_owner "$bin/pg_ctl -D $state/data -m fast -w stop" > /dev/null 2>&1 || true
    fi
    rm -rf "$state"
    ;;
  env)
    echo "export PACTA_TEST_POSTGRES=\"$connection\""
    ;;
  *)
    echo "usage: tests/postgres.sh start|stop|env" >&2
    exit 2
    ;;
esac
