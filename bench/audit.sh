#!/usr/bin/env bash
# The audit chain at scale: `pacta import acled` of generated rows into a store made by `pacta init --sample` (every
# created event takes its link of the hash chain), then `pacta audit verify` of the whole log, then `pacta audit
# verify` again with the head exported after the import. Prints each run's wall time and peak RSS, and the medians.
#   bash bench/audit.sh                       # 1,000,000 rows, 3 runs
#   ROWS=200000 RUNS=1 bash bench/audit.sh
# Needs GNU time (/usr/bin/time, apt-get install time).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows=${ROWS:-1000000}
runs=${RUNS:-3}
command -v /usr/bin/time > /dev/null || { echo "bench/audit.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./pacta --help > /dev/null   # builds the command first
csv="$work/acled.csv"
./pacta generate events --rows "$rows" --format acled --seed 20251 --out "$csv" 2> /dev/null
echo "file: $rows ACLED rows, $(du -m "$csv" | cut -f1) MB"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
: > "$work/import"; : > "$work/verify"; : > "$work/rss"
for run in $(seq "$runs"); do
  rm -f "$work/store.db"
  ./pacta init --db "$work/store.db" --sample > /dev/null
  /usr/bin/time -f "%e" -o "$work/t" ./pacta import acled "$csv" --db "$work/store.db" > /dev/null 2>&1
  cat "$work/t" >> "$work/import"
  head=$(./pacta audit head --db "$work/store.db" | cut -d' ' -f1)
  /usr/bin/time -f "%e %M" -o "$work/t" ./pacta audit verify --head "$head" --db "$work/store.db" > "$work/out" 2> /dev/null
  read -r seconds rss < "$work/t"
  echo "$seconds" >> "$work/verify"; echo "$rss" >> "$work/rss"
  echo "run $run: import $(tail -1 "$work/import") s; audit verify $seconds s, peak RSS $((rss / 1024)) MB — $(head -1 "$work/out")"
done
echo "median: import $(median < "$work/import") s; audit verify $(median < "$work/verify") s; verify peak RSS $(( $(median < "$work/rss") / 1024 )) MB"
