#!/usr/bin/env bash
# Event counts as the public reads them while a few events are restricted (unlisted), on PostgreSQL + PostGIS: the
# public must not count those events, so every count it asks for is computed without them. Works on a copy
# (pacta_restricted_ROWS) of the store events-load.sh makes (pacta_load_ROWS, in the cluster of tests/postgres.sh),
# marks MARKED (5) events restricted through the HTTP API (a reviewer's edit, published by another reviewer), then
# times each count query through the API (the middle of five, after one to warm up), first as the public and then as
# a reviewer, who may see them. The copy is dropped at the end.
#   BACKEND=postgres ROWS=200000 DURATION=5s bash bench/events-load.sh   # makes pacta_load_200000 once
#   ROWS=200000 bash bench/restricted-counts.sh
# PACTA the command to run (default ./pacta: a build kept aside, say, to time the code before a change).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS=${ROWS:-1000000}
MARKED=${MARKED:-5}
PACTA=${PACTA:-./pacta}
PORT=${PORT:-5094}
URL="http://127.0.0.1:$PORT"

need() { command -v "$1" > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; }; }
need curl curl
need jq jq
need psql postgresql-client
if [ -z "${PACTA_TEST_POSTGRES:-}" ]; then eval "$(tests/postgres.sh env)"; fi
port=$(echo "$PACTA_TEST_POSTGRES" | sed -nE 's/.*[Pp]ort=([0-9]+).*/\1/p')
uri="postgresql://postgres@127.0.0.1:${port:-5432}"
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$uri/${2:-postgres}" -c "$1"; }
source_db="pacta_load_$ROWS"
copy="pacta_restricted_$ROWS"
[ "$(sql "SELECT COUNT(*) FROM pg_database WHERE datname = '$source_db'")" = 1 ] \
  || { echo "restricted-counts.sh: no database $source_db: run BACKEND=postgres ROWS=$ROWS bash bench/events-load.sh first" >&2; exit 1; }
sql "DROP DATABASE IF EXISTS $copy"
sql "CREATE DATABASE $copy TEMPLATE $source_db"
db="Host=127.0.0.1;Port=${port:-5432};Username=postgres;Database=$copy"

work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2> /dev/null && wait "$server" 2> /dev/null || true
  sql "DROP DATABASE IF EXISTS $copy WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT

printf '%s\n' "a-long-shared-password" | "$PACTA" user add mara --role reviewer --password-stdin --db "$db" > /dev/null
EDITOR_TOKEN=$("$PACTA" token add mara --db "$db")
printf '%s\n' "a-long-shared-password" | "$PACTA" user add rita --role reviewer --password-stdin --db "$db" > /dev/null
REVIEWER_TOKEN=$("$PACTA" token add rita --db "$db")

"$PACTA" serve --db "$db" --urls "$URL" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "$URL/healthz" && break; sleep 0.5; done
curl -fs -o /dev/null "$URL/healthz" || { cat "$work/serve.log"; exit 1; }

# MARKED events of 2022, marked restricted whole.
mapfile -t ids < <(curl -fs "$URL/api/v1/events?from=2022-03-01&limit=$MARKED" | jq -r '.items[].id')
[ ${#ids[@]} -eq "$MARKED" ] || { echo "restricted-counts.sh: found ${#ids[@]} events to mark, not $MARKED" >&2; exit 1; }
for id in "${ids[@]}"; do
  etag=$(curl -fs -D "$work/h" -o "$work/b" -H "Authorization: Bearer $EDITOR_TOKEN" "$URL/api/v1/events/$id" && grep -i '^etag:' "$work/h" | tr -d '\r' | cut -d' ' -f2)
  jq -c '.restricted = true' "$work/b" > "$work/p"
  status=$(curl -s -D "$work/d" -o "$work/r" -w '%{http_code}' -X PUT -H "Authorization: Bearer $EDITOR_TOKEN" -H "If-Match: $etag" \
    -H 'Content-Type: application/json' --data-binary "@$work/p" "$URL/api/v1/events/$id")
  [ "$status" = 202 ] || { echo "restricted-counts.sh: PUT $id answered $status: $(cat "$work/r")" >&2; exit 1; }
  draft=$(grep -i '^location:' "$work/d" | tr -d '\r' | cut -d' ' -f2)
  status=$(curl -s -o "$work/r" -w '%{http_code}' -X POST -H "Authorization: Bearer $REVIEWER_TOKEN" "$URL$draft/publish")
  [ "$status" = 200 ] || { echo "restricted-counts.sh: publishing $id answered $status: $(cat "$work/r")" >&2; exit 1; }
done
echo "== $ROWS events, ${#ids[@]} restricted (${ids[*]}), $(sql "SELECT COUNT(*) FROM restricted_record WHERE unlisted" "$copy") unlisted; load average $(cut -d' ' -f1-3 /proc/loadavg)"

paths=(
  "/api/v1/layers"
  "/api/v1/events/aggregate?by=month&from=2018-01-01&to=2025-12-31"
  "/api/v1/events/aggregate?by=day"
  "/api/v1/events/aggregate?by=week&from=2022-01-15&to=2022-06-30"
  "/api/v1/layers/events?bbox=44,38,51,42&zoom=6"
)
time_path() { # the middle of five, after one to warm up; the answer's size to tell audiences apart
  curl -fs -o /dev/null "$@"
  local times
  times=$(for _ in 1 2 3 4 5; do curl -fs -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n)
  echo "$times" | sed -n 3p
}
for who in public reviewer; do
  auth=()
  [ "$who" = reviewer ] && auth=(-H "Authorization: Bearer $REVIEWER_TOKEN")
  echo "== as the $who: seconds (middle of 5), then what it counts"
  for path in "${paths[@]}"; do
    seconds=$(time_path "${auth[@]}" "$URL$path")
    counted=$(curl -fs "${auth[@]}" "$URL$path" | jq -c 'if type == "array" then map(select(.name == "events" or .name == "meetings") | {(.name): .featureCount}) | add
      elif has("counts") then ([.counts[].count] | add) else ([.features[].properties.count // 1] | add) end')
    printf '%s  %s  %s\n' "$seconds" "$path" "$counted"
  done
done
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
