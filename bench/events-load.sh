#!/usr/bin/env bash
# Filtered event queries through the HTTP API under load: a store of ROWS imported ACLED rows (default 1,000,000, made
# with `pacta generate` and `pacta import acled`), served by `pacta serve`, asked by wrk on loopback with CONNECTIONS (4)
# connections for DURATION (bench/load/events.lua rotates over five filtered queries). First prints each query's time
# alone (the middle of three requests, after one to warm up), then requests/s, errors, and the median, p95 and p99
# latency under load. DB names another store (e.g. a copy to try an index on).
#   bash bench/events-load.sh
#   ROWS=100000 DURATION=10s bash bench/events-load.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS=${ROWS:-1000000}
CONNECTIONS=${CONNECTIONS:-4}
DURATION=${DURATION:-30s}
DB=${DB:-/tmp/pacta-load-$ROWS.db}
PORT=${PORT:-5091}
URL="http://127.0.0.1:$PORT"

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; }; }
need wrk wrk
need curl curl

./pacta --help > /dev/null
if [ ! -f "$DB" ]; then
  csv=$(mktemp --suffix .csv)
  ./pacta generate events --rows "$ROWS" --format acled --seed 20251 --out "$csv" 2> /dev/null
  ./pacta init --db "$DB.partial" --sample > /dev/null
  ./pacta import acled "$csv" --db "$DB.partial"
  mv "$DB.partial" "$DB"
  rm -f "$csv"
fi

./pacta serve --db "$DB" --urls "$URL" > /tmp/pacta-load-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$URL/healthz" > /dev/null && break; sleep 1; done
curl -sf "$URL/healthz" > /dev/null || { cat /tmp/pacta-load-serve.log; exit 1; }

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
