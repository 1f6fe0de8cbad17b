#!/usr/bin/env bash
# Concurrent edits through the HTTP API, and whether any is lost: `pacta serve` on the bundled case with one
# contributor and one reviewer, then EDITS (default 1,000) edits spread over RECORDS (default 10) actors, PARALLEL
# (default 32) at a time (curl + xargs -P). Each edit GETs the actor with its ETag, sets its note to a text of its own
# and PUTs it with If-Match, which keeps a draft (202); the reviewer then publishes that draft at once. An edit is
# accepted when its publication is (200); it is refused with a 412 when the PUT is (the ETag was stale already) or when
# the publication is (another draft from the same version was published first). Then the store's change log is read
# (sqlite3, or psql on PostgreSQL): every accepted edit must be in the history once, the history must hold no other
# API change, each record's version must have moved by its accepted count, and every other answer must be a 412. Prints the counts, the wall time and edits per second; exits 1 if an
# update was lost. BACKEND=postgres keeps the store in a database pacta_edits_PID of the cluster of tests/postgres.sh
# (started when PACTA_TEST_POSTGRES is not set, and stopped again at the end), dropped at the end.
#   bash bench/edits.sh
#   EDITS=200 PARALLEL=8 bash bench/edits.sh
#   BACKEND=postgres bash bench/edits.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EDITS=${EDITS:-1000}
RECORDS=${RECORDS:-10}
PARALLEL=${PARALLEL:-32}
PORT=${PORT:-5093}
URL="http://127.0.0.1:$PORT"
BACKEND=${BACKEND:-sqlite}
client=sqlite3
[ "$BACKEND" = postgres ] && client=psql
missing=()
for tool in curl jq "$client" bc; do command -v "$tool" > /dev/null || missing+=("$tool"); done
[ "$client" = psql ] && missing=("${missing[@]/psql/postgresql-client}")
if [ ${#missing[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; fi

work=$(mktemp -d)
started=
server=
name=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2> /dev/null; wait "$server" 2> /dev/null; fi
  rm -rf "$work"
  if [ "$BACKEND" = postgres ]; then
    if [ -n "$name" ]; then psql -X -q "$admin" -c "DROP DATABASE IF EXISTS $name" || true; fi
    if [ -n "$started" ]; then tests/postgres.sh stop; fi
  fi
}
trap cleanup EXIT
if [ "$BACKEND" = postgres ]; then
  if [ -z "${PACTA_TEST_POSTGRES:-}" ]; then eval "$(tests/postgres.sh start)"; started=yes; fi
  port=$(echo "$PACTA_TEST_POSTGRES" | grep -oiE '(^|;)port=[0-9]+' | cut -d= -f2)
  name="pacta_edits_$$"
  admin="postgresql://postgres@127.0.0.1:${port:-5432}/postgres"
  psql -X -q -v ON_ERROR_STOP=1 "$admin" -c "CREATE DATABASE $name"
  # PostGIS made beforehand: a store opened on a database without it makes it, but that first process then has the
  # database's types loaded without PostGIS's and cannot write a geometry.
  psql -X -q -v ON_ERROR_STOP=1 "${admin%/postgres}/$name" -c "CREATE EXTENSION postgis"
  db="$(echo "$PACTA_TEST_POSTGRES" | sed -E 's/(^|;)[Dd]atabase=[^;]*//');Database=$name"
  # The change log and versions as text rows, as sqlite3 would print them.
  query() { psql -X -q -At -v ON_ERROR_STOP=1 "postgresql://postgres@127.0.0.1:${port:-5432}/$name" -c "$1"; }
  note="(after::jsonb ->> 'note')"
else
  db="$work/edits.db"
  query() { sqlite3 "$db" "$1"; }
  note="json_extract(after, '\$.note')"
fi
./pacta init --sample --db "$db" > /dev/null
printf '%s\n' "a-long-shared-password" | ./pacta user add cora --role contributor --password-stdin --db "$db" > /dev/null
TOKEN=$(./pacta token add cora --db "$db")
printf '%s\n' "a-long-shared-password" | ./pacta user add rita --role reviewer --password-stdin --db "$db" > /dev/null
REVIEWER=$(./pacta token add rita --db "$db")
./pacta serve --db "$db" --urls "$URL" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null "$URL/healthz" && break; sleep 0.5; done

mapfile -t ids < <(curl -fs "$URL/api/v1/actors" | jq -r '.[].id' | head -n "$RECORDS")
[ ${#ids[@]} -eq "$RECORDS" ] || { echo "the store has fewer than $RECORDS actors" >&2; exit 1; }
before=$(query "SELECT COALESCE(MAX(seq), 0) FROM change")
for id in "${ids[@]}"; do echo "$id $(query "SELECT version FROM record WHERE id = '$id'")"; done > "$work/versions-before"

export URL TOKEN REVIEWER work
edit() {
  local n=$1 id=$2 etag status
  etag=$(curl -fs -D "$work/h$n" -o "$work/b$n" "$URL/api/v1/actors/$id" && grep -i '^etag:' "$work/h$n" | tr -d '\r' | cut -d' ' -f2)
  jq -c --arg note "bench edit $n" '.note = $note' "$work/b$n" > "$work/p$n"
  status=$(curl -s -D "$work/d$n" -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" -H "If-Match: $etag" \
    -H 'Content-Type: application/json' --data-binary "@$work/p$n" "$URL/api/v1/actors/$id")
  if [ "$status" = 202 ]; then
    draft=$(grep -i '^location:' "$work/d$n" | tr -d '\r' | cut -d' ' -f2)
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $REVIEWER" "$URL$draft/publish")
  fi
  rm -f "$work/h$n" "$work/b$n" "$work/p$n" "$work/d$n"
  echo "$n $id $status"
}
export -f edit

start=$(date +%s.%N)
for n in $(seq 1 "$EDITS"); do echo "$n ${ids[$(( n % RECORDS ))]}"; done | xargs -P "$PARALLEL" -n 2 bash -c 'edit "$@"' _ > "$work/outcomes"
end=$(date +%s.%N)

accepted=$(awk '$3 ~ /^2/' "$work/outcomes" | wc -l)
refused=$(awk '$3 == 412' "$work/outcomes" | wc -l)
other=$(awk '$3 !~ /^2/ && $3 != 412' "$work/outcomes" | wc -l)
awk '$3 ~ /^2/ { print $2 " bench edit " $1 }' "$work/outcomes" | sort > "$work/accepted"
query "SELECT record_id || ' ' || $note FROM change WHERE seq > $before AND command = 'api' AND author = 'cora'" | sort > "$work/history"
in_history=$(wc -l < "$work/history")
all_changes=$(query "SELECT COUNT(*) FROM change WHERE seq > $before")
versions_ok=yes
while read -r id version; do
  now=$(query "SELECT version FROM record WHERE id = '$id'")
  count=$(awk -v id="$id" '$2 == id && $3 ~ /^2/' "$work/outcomes" | wc -l)
  [ "$now" -eq $(( version + count )) ] || { versions_ok=no; echo "$id: version $version + $count accepted, but now $now" >&2; }
done < "$work/versions-before"

printf 'store                 %s, load average %s\n' "$BACKEND" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'edits sent            %d over %d records, %d at a time\n' "$EDITS" "$RECORDS" "$PARALLEL"
printf 'accepted (2xx)        %d\n' "$accepted"
printf 'refused (412)         %d\n' "$refused"
printf 'other answers         %d\n' "$other"
printf 'changes in history    %d (of them by these edits: %d)\n' "$all_changes" "$in_history"
printf 'wall time             %.1f s, %.0f edits/s\n' "$(echo "$end - $start" | bc)" "$(echo "$EDITS / ($end - $start)" | bc -l)"
if [ "$other" -eq 0 ] && [ "$accepted" -eq "$in_history" ] && [ "$all_changes" -eq "$in_history" ] \
   && cmp -s "$work/accepted" "$work/history" && [ "$versions_ok" = yes ]; then
  echo "no lost update: every accepted edit is in the history once, every other one got 412"
else
  echo "LOST OR UNEXPECTED UPDATES: compare the accepted edits with the history" >&2
  diff "$work/accepted" "$work/history" | head -20 >&2 || true
  exit 1
fi
