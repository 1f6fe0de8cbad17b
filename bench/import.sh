#!/usr/bin/env bash
# Importing ACLED rows: `pacta import acled` into a store made by `pacta init --sample`, against the sqlite3 shell's
# `.import --csv` of the same file into a bare table, on the same machine in the same run. Prints each run, the
# medians, the speed ratio (sqlite3 time / pacta time; at least 0.5 is the aim) and pacta's peak RSS. Then the floor:
# the sqlite3 shell copies the rows pacta wrote for the events (records, history, index rows) into a fresh store,
# table by table with INSERT … SELECT (each table's share printed), which is the least SQLite itself can spend on them
# with this schema, and the ratio sqlite3 .import / floor, the best any importer could reach; and a leaner floor, the
# same events copied into the least a store of them could be.
#   bash bench/import.sh                          # 1,000,000 rows, 3 runs each
#   ROWS=5000000 RUNS=1 bash bench/import.sh      # the memory check at 5M rows
# Needs sqlite3 (apt-get install sqlite3) and GNU time (/usr/bin/time, apt-get install time).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows=${ROWS:-1000000}
runs=${RUNS:-3}
for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "bench/import.sh: $tool is missing (apt-get install sqlite3 time)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./pacta --help > /dev/null   # builds the command first
csv="$work/acled.csv"
./pacta generate events --rows "$rows" --format acled --seed 20251 --out "$csv" 2> /dev/null
echo "file: $rows ACLED rows, $(du -m "$csv" | cut -f1) MB"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
: > "$work/sqlite"; : > "$work/pacta"; : > "$work/rss"
for run in $(seq "$runs"); do
  rm -f "$work/bare.db"
  /usr/bin/time -f "%e" -o "$work/t" sqlite3 "$work/bare.db" ".import --csv $csv events"
  cat "$work/t" >> "$work/sqlite"
  rm -f "$work/store.db"
  ./pacta init --db "$work/store.db" --sample > /dev/null
  /usr/bin/time -f "%e %M" -o "$work/t" ./pacta import acled "$csv" --db "$work/store.db" > "$work/out" 2>&1
  read -r seconds rss < "$work/t"
  echo "$seconds" >> "$work/pacta"; echo "$rss" >> "$work/rss"
  echo "run $run: sqlite3 .import $(cat "$work/sqlite" | tail -1) s; pacta import $seconds s, peak RSS $((rss / 1024)) MB — $(head -1 "$work/out")"
done
# The floor: the last run's event rows, copied into a fresh store by SQLite alone (foreign keys off, one transaction,
# the same page cache as the import's).
rm -f "$work/floor.db"
./pacta init --db "$work/floor.db" --sample > /dev/null
# Each statement timed by the shell (.timer), so that the floor's share per table is printed too.
copy=$(printf "PRAGMA foreign_keys = OFF;\nPRAGMA cache_size = -65536;\nATTACH '%s' AS o;\n.timer on\nBEGIN;" "$work/store.db")$'\n'
tables=(record:id change:record_id reference:from_id event_index:id event_actor:event_id event_origin:event_id)
# Every event the file made has an id starting acled- (the bundled case has none).
for table in "${tables[@]}"; do
  copy+="INSERT INTO main.${table%%:*} SELECT * FROM o.${table%%:*} WHERE ${table#*:} LIKE 'acled-%';"$'\n'
done
copy+="COMMIT;"
/usr/bin/time -f "%e" -o "$work/t" sqlite3 "$work/floor.db" <<< "$copy" > "$work/timer"
floor=$(cat "$work/t")
# The shell prints "Run Time: real S user U sys S" for each statement: BEGIN, one per table, COMMIT.
per_table=$(grep -o 'real [0-9.]*' "$work/timer" | cut -d' ' -f2 | sed -n "2,$(( ${#tables[@]} + 2 ))p" | paste -sd' ')
read -r -a seconds <<< "$per_table"
shares=""
for i in "${!tables[@]}"; do shares+="${tables[$i]%%:*} ${seconds[$i]} s, "; done
shares+="commit ${seconds[${#tables[@]}]} s"

# A leaner floor, for weighing a change of schema: the same events copied into the least a store of them could be (one
# table of events keyed by integer with their body, dataset key and first day, each indexed; one change-log row with its
# hash; the actor links both ways), from a copy of those rows made beforehand, so that only the writing is timed.
sqlite3 "$work/lean-source.db" "ATTACH '$work/store.db' AS o;
  CREATE TABLE event AS SELECT r.rowid AS n, g.dataset, g.key, e.first_day, e.last_day, e.type, e.lon, e.lat, r.body, c.hash
    FROM o.record r JOIN o.event_index e ON e.id = r.id JOIN o.event_origin g ON g.event_id = r.id JOIN o.change c ON c.record_id = r.id
    WHERE r.id LIKE 'acled-%' ORDER BY r.rowid;
  CREATE TABLE actor AS SELECT r.rowid AS n, a.rowid AS actor FROM o.event_actor x JOIN o.record r ON r.id = x.event_id
    JOIN o.record a ON a.id = x.actor_id WHERE x.event_id LIKE 'acled-%' ORDER BY 1;"
sqlite3 "$work/lean.db" "CREATE TABLE event (n INTEGER PRIMARY KEY, dataset TEXT, key TEXT, first_day INTEGER, last_day INTEGER, type TEXT, lon REAL, lat REAL, body TEXT);
  CREATE UNIQUE INDEX event_key ON event (dataset, key); CREATE INDEX event_day ON event (first_day);
  CREATE TABLE change (seq INTEGER PRIMARY KEY, n INTEGER, hash BLOB);
  CREATE TABLE event_actor (n INTEGER, actor INTEGER, PRIMARY KEY (n, actor)) WITHOUT ROWID; CREATE INDEX event_actor_actor ON event_actor (actor);"
/usr/bin/time -f "%e" -o "$work/t" sqlite3 "$work/lean.db" "PRAGMA cache_size = -65536; ATTACH '$work/lean-source.db' AS s; BEGIN;
  INSERT INTO event SELECT n, dataset, key, first_day, last_day, type, lon, lat, body FROM s.event;
  INSERT INTO change (n, hash) SELECT n, hash FROM s.event; INSERT INTO event_actor SELECT * FROM s.actor; COMMIT;"
lean=$(cat "$work/t")

s=$(median < "$work/sqlite"); p=$(median < "$work/pacta"); m=$(median < "$work/rss")
echo "median: sqlite3 .import $s s; pacta import acled $p s; speed ratio sqlite3/pacta $(awk -v s="$s" -v p="$p" 'BEGIN {printf "%.2f", s / p}') (aim: at least 0.50); pacta peak RSS $((m / 1024)) MB (aim: under 300 MB)"
echo "floor: sqlite3 copying pacta's rows for the events into a fresh store $floor s; ratio sqlite3 .import/floor $(awk -v s="$s" -v f="$floor" 'BEGIN {printf "%.2f", s / f}') (the best any importer could reach with this schema)"
echo "  of which: $shares"
echo "lean floor: sqlite3 copying the same events into the least a store of them could be $lean s; ratio sqlite3 .import/lean floor $(awk -v s="$s" -v f="$lean" 'BEGIN {printf "%.2f", s / f}') (the best an importer could reach with no kept indexes of type, place or cell, no references and no history beyond a hash)"
