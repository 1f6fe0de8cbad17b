#!/usr/bin/env bash
# The web benchmark of issue 3: a store with EVENTS synthetic events (default 1,000,000) plus the bundled case;
# API latency of filtered event queries (hyperfine over curl, medians) and the time until the dashboard and the
# map are usable in headless Chromium (medians of RUNS loads). Run from anywhere: bash bench/web.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-7}
DB=${DB:-/tmp/pacta-bench-$EVENTS.db}
PORT=${PORT:-5090}
URL="http://127.0.0.1:$PORT"

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; }; }
need hyperfine hyperfine
need chromium chromium
need curl curl

if [ ! -f "$DB" ]; then
  dotnet run --project bench/Pacta.Bench -c Release -- --db "$DB" --events "$EVENTS"
fi

./pacta serve --db "$DB" --urls "$URL" > /tmp/pacta-bench-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$URL/healthz" >/dev/null && break; sleep 1; done
curl -sf "$URL/healthz" >/dev/null || { cat /tmp/pacta-bench-serve.log; exit 1; }

echo "== API latency, $EVENTS events (hyperfine, $RUNS+ runs each; the median is the figure to quote)"
hyperfine --warmup 2 --min-runs "$RUNS" --style basic --export-json /tmp/pacta-bench-api.json \
  -n "events, one year" "curl -sf '$URL/api/v1/events?from=2020-01-01&to=2020-12-31&limit=100' -o /dev/null" \
  -n "events, bbox" "curl -sf '$URL/api/v1/events?bbox=46.5,39.5,47.0,40.0&limit=100' -o /dev/null" \
  -n "events, type + actor" "curl -sf '$URL/api/v1/events?type=acled:Battles&actor=azerbaijan&limit=100' -o /dev/null" \
  -n "events, next page" "curl -sf '$URL/api/v1/events?from=2018-01-01&limit=1000' -o /dev/null" \
  -n "events layer, region" "curl -sf '$URL/api/v1/layers/events?bbox=43,37,52,43&zoom=7' -o /dev/null"
node -e '
  const runs = require("/tmp/pacta-bench-api.json").results;
  for (const r of runs) console.log(`${r.command.padEnd(22)} median ${(r.median * 1000).toFixed(0)} ms  (min ${(r.min * 1000).toFixed(0)}, max ${(r.max * 1000).toFixed(0)}, ${r.times.length} runs)`);
'

echo "== Pages usable in headless Chromium ($RUNS loads each)"
(cd bench/browser && npm ci --no-audit --no-fund --silent && node page-load.mjs "$URL" "$RUNS")
