#!/usr/bin/env bash
# Heap high-water mark of the real jar at a small heap under a mix of heavy work at once (PRODUCT.md "memory"):
# batch ingest from 64 connections (more than the queue takes, so it sheds), whole-store NDJSON and CSV exports,
# 7-day stats by service, services lists, and live tails that replay from Last-Event-ID 0 and read slowly.
# Prints the largest heap in use (jstat, every 200 ms), the answers by status, and any OutOfMemoryError.
# Usage: bench/heap.sh [seconds] [heap] [java binary]. Needs wrk (apt-get install wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; heap=${2:-256m}; java=${3:-java}
port=18091
token=heap-bench-token-0123456789abcdef
work=$(mktemp -d /tmp/logcentral-heap.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
[ -f target/logcentral.jar ] || ./mvnw -q -B package -DskipTests

# A 1,000-log body with attributes, as services send them.
awk 'BEGIN { printf "["; for (i = 0; i < 1000; i++) { if (i) printf ","; \
  printf "{\"service\":\"svc-%d\",\"severity\":\"%s\",\"message\":\"request %d for user%d took %d ms\",\"attributes\":{\"user_id\":\"user%d\",\"path\":\"/api/v1/items/%d\"}}", \
  i % 40, (i % 10 == 0 ? "ERROR" : "INFO"), i, i % 977, i % 300, i % 977, i }; printf "]" }' >"$work/batch.json"

LOGCENTRAL_TOKENS_HEAP_TOKEN=$token LOGCENTRAL_TOKENS_HEAP_SCOPES=ingest,read \
  "$java" -Xmx"$heap" -jar target/logcentral.jar --server.port=$port --logcentral.data-dir="$work/data" \
  >"$work/server.log" 2>&1 &
server=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  sleep 0.2; kill -0 $server 2>/dev/null || { tail -20 "$work/server.log"; exit 1; }
done
base=http://127.0.0.1:$port
auth="Authorization: Token $token"

# A store to read: 300,000 logs first.
BODY=$work/batch.json TOKEN=$token wrk -t2 -c4 -d10s -s bench/post.lua "$base/logs" >/dev/null

jstat_bin=$(dirname "$(readlink -f "$(command -v "$java")")")/jstat
("$jstat_bin" -gc $server 200 2>/dev/null | awk 'NR>1 {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f\n", m/1024}' \
  >"$work/heap.max") &
watcher=$!
end=$((SECONDS + seconds))
loop() { while [ $SECONDS -lt $end ]; do "$@" >/dev/null 2>&1 || true; done; }
for i in 1 2; do loop curl -s -o /dev/null -H "$auth" -H 'Accept: application/x-ndjson' "$base/logs" & done
loop curl -s -o /dev/null -H "$auth" -H 'Accept: text/csv' "$base/logs" &
for i in 1 2; do loop curl -s -o /dev/null -H "$auth" "$base/logs/stats?since=7d&by=service&interval=1m" & done
loop curl -s -o /dev/null -H "$auth" "$base/logs/services?since=7d" &
for i in 1 2 3 4 5; do
  curl -s -o /dev/null --limit-rate 2k -m "$seconds" -H "$auth" -H 'Last-Event-ID: 0' "$base/logs/stream" &
done
ingest=$(BODY=$work/batch.json TOKEN=$token wrk -t2 -c64 -d"${seconds}s" --timeout 30s -s bench/post.lua \
  "$base/logs" | sed -n 's/^STATUS //p')
sleep 1
health=$(curl -s -o /dev/null -w '%{http_code}' "$base/health")
kill $server; wait $server 2>/dev/null || true
wait $watcher 2>/dev/null || true
oom=$(grep -c OutOfMemoryError "$work/server.log" || true)
echo
echo "logcentral heap under mixed load: $("$java" -version 2>&1 | head -1), -Xmx$heap, ${seconds}s"
printf '%-48s %s\n' "heap high-water MiB (jstat S0U+S1U+EU+OU)" "$(cat "$work/heap.max")"
printf '%-48s %s\n' "ingest answers (status=count)" "$ingest"
printf '%-48s %s\n' "/health after the load" "$health"
printf '%-48s %s\n' "OutOfMemoryErrors in the server log" "$oom"
printf '%-48s %s\n' "load average at the end (1, 5, 15 min)" "$(cut -d' ' -f1-3 /proc/loadavg)"
