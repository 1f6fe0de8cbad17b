#!/usr/bin/env bash
# The export benchmark: `pacta export csv|acled|plover|hxl` of every event of a store with EVENTS synthetic events
# (default 1,000,000; the same store as web.sh), and of one year of them, each under /usr/bin/time: wall time,
# events per second and peak memory (RSS). The exports stream a page at a time, so the peak should not grow with
# the number of events written. Run from anywhere: bash bench/exports.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EVENTS=${EVENTS:-1000000}
DB=${DB:-/tmp/pacta-bench-$EVENTS.db}
OUT=${OUT:-/tmp/pacta-bench-exports}

[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }

if [ ! -f "$DB" ]; then
  dotnet run --project bench/Pacta.Bench -c Release -- --db "$DB" --events "$EVENTS"
fi
./pacta --help > /dev/null # builds the command once, outside the timings
mkdir -p "$OUT"

run() { # NAME FORMAT [FILTERS...]
  local name=$1 format=$2
  shift 2
  local file="$OUT/$name.$format"
  /usr/bin/time -f "%e %M" -o "$OUT/time" ./pacta export "$format" --db "$DB" --out "$file" "$@" > "$OUT/said"
  read -r seconds kb < "$OUT/time"
  local written
  written=$(sed -n 's/^Wrote \([0-9,]*\) event.*/\1/p' "$OUT/said" | tr -d ,)
  printf '%-22s %-7s %10s events %8.1f s %10.0f events/s  peak RSS %4d MB  %6d MB written\n' \
    "$name" "$format" "$written" "$seconds" "$(echo "$written / $seconds" | bc -l)" "$((kb / 1024))" "$(($(stat -c %s "$file") / 1048576))"
}

echo "== pacta export, $EVENTS events in $DB"
for format in csv acled plover hxl; do
  run "all" "$format"
done
run "2020" csv --from 2020-01-01 --to 2020-12-31
run "battles-in-a-box" acled --type acled:Battles --bbox 46,39,47.5,40.5
rm -rf "$OUT"
