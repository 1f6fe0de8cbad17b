#!/usr/bin/env bash
# Concurrent edits through the HTTP API, and whether any is lost: `pacta serve` on the bundled case with one
# contributor, then EDITS (default 1,000) edits spread over RECORDS (default 10) actors, PARALLEL (default 32) at a
# time (curl + xargs -P). Each edit GETs the actor with its ETag, sets its note to a text of its own and PUTs it with
# If-Match. Then the store's change log is read with sqlite3: every accepted (2xx) edit must be in the history once,
# the history must hold no other API change, each record's version must have moved by its accepted count, and every
# other answer must be a 412. Prints the counts, the wall time and edits per second; exits 1 if an update was lost.
#   bash bench/edits.sh
#   EDITS=200 PARALLEL=8 bash bench/edits.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EDITS=${EDITS:-1000}
RECORDS=${RECORDS:-10}
PARALLEL=${PARALLEL:-32}
PORT=${PORT:-5093}
URL="http://127.0.0.1:$PORT"
missing=()
for tool in curl jq sqlite3 bc; do command -v "$tool" > /dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; fi

work=$(mktemp -d)
db="$work/edits.db"
./pacta init --sample --db "$db" > /dev/null
printf '%s\n' "a-long-shared-password" | ./pacta user add cora --role contributor --password-stdin --db "$db" > /dev/null
TOKEN=$(./pacta token add cora --db "$db")
./pacta serve --db "$db" --urls "$URL" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null; wait $server 2> /dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "$URL/healthz" && break; sleep 0.5; done

mapfile -t ids < <(curl -fs "$URL/api/v1/actors" | jq -r '.[].id' | head -n "$RECORDS")
[ ${#ids[@]} -eq "$RECORDS" ] || { echo "the store has fewer than $RECORDS actors" >&2; exit 1; }
before=$(sqlite3 "$db" "SELECT COUNT(*) FROM change")
for id in "${ids[@]}"; do echo "$id $(sqlite3 "$db" "SELECT version FROM record WHERE id = '$id'")"; done > "$work/versions-before"

export URL TOKEN work
edit() {
  local n=$1 id=$2 etag status
  etag=$(curl -fs -D "$work/h$n" -o "$work/b$n" "$URL/api/v1/actors/$id" && grep -i '^etag:' "$work/h$n" | tr -d '\r' | cut -d' ' -f2)
  jq -c --arg note "bench edit $n" '.note = $note' "$work/b$n" > "$work/p$n"
  status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" -H "If-Match: $etag" \
    -H 'Content-Type: application/json' --data-binary "@$work/p$n" "$URL/api/v1/actors/$id")
  rm -f "$work/h$n" "$work/b$n" "$work/p$n"
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
sqlite3 "$db" "SELECT record_id || ' ' || json_extract(after, '\$.note') FROM change WHERE seq > $before AND command = 'api' AND author = 'cora'" | sort > "$work/history"
in_history=$(wc -l < "$work/history")
all_changes=$(sqlite3 "$db" "SELECT COUNT(*) FROM change WHERE seq > $before")
versions_ok=yes
while read -r id version; do
  now=$(sqlite3 "$db" "SELECT version FROM record WHERE id = '$id'")
  count=$(awk -v id="$id" '$2 == id && $3 ~ /^2/' "$work/outcomes" | wc -l)
  [ "$now" -eq $(( version + count )) ] || { versions_ok=no; echo "$id: version $version + $count accepted, but now $now" >&2; }
done < "$work/versions-before"

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
