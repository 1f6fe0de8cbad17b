#!/usr/bin/env bash
# Sign-in cost, and whether its time tells which user names exist: `pacta serve` on a store with one user, then
# ATTEMPTS (default 30) sign-ins through the form (antiforgery token and cookie fetched first, as a browser does)
# for each of: an existing name with a wrong password, a name no user has, the right password; the first two
# interleaved, so load on the machine falls on both alike. The sign-in limit is raised for the run. Prints median,
# p10 and p90 per kind, in milliseconds.
#   bash bench/signin.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ATTEMPTS=${ATTEMPTS:-30}
PORT=${PORT:-5092}
URL="http://127.0.0.1:$PORT"
command -v curl > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl; }

work=$(mktemp -d)
./pacta init --db "$work/signin.db" > /dev/null
printf '%s\n' "a-long-shared-password" | ./pacta user add ada --role admin --password-stdin --db "$work/signin.db" > /dev/null
Accounts__LoginAttemptsPerName=100000 Accounts__LoginAttemptsPerClient=100000 \
  ./pacta serve --db "$work/signin.db" --urls "$URL" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null; wait $server 2> /dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "$URL/healthz" && break; sleep 0.5; done

attempt() {
  rm -f "$work/jar"
  local token
  token=$(curl -s -c "$work/jar" "$URL/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$work/jar" -o /dev/null -w '%{time_total}\n' --data-urlencode "name=$1" --data-urlencode "password=$2" \
    --data-urlencode "__RequestVerificationToken=$token" "$URL/login"
}
summary() {
  sort -n "$2" | awk -v kind="$1" '{ a[NR] = $1 } END {
    printf "%-34s median %6.1f ms   p10 %6.1f   p90 %6.1f   (n=%d)\n", kind, 1000 * a[int((NR + 1) / 2)], 1000 * a[int(NR * 0.1) + 1], 1000 * a[int(NR * 0.9)], NR }'
}

for _ in 1 2 3; do attempt ada warm-up-password > /dev/null; attempt nobody warm-up-password > /dev/null; done
for _ in $(seq 1 "$ATTEMPTS"); do
  attempt ada not-the-password >> "$work/wrong"
  attempt nobody not-the-password >> "$work/unknown"
done
for _ in $(seq 1 "$ATTEMPTS"); do attempt ada a-long-shared-password >> "$work/right"; done
summary "existing name, wrong password" "$work/wrong"
summary "unknown name" "$work/unknown"
summary "right password (redirect)" "$work/right"
