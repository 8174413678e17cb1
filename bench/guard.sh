#!/usr/bin/env bash
# The disk guard holding its reserve while batch ingest runs at full speed, on a real small disk: a tmpfs of SIZE
# (needs root to mount; give DIR to use a small file system of your own instead). Prints, every second, the free space
# the guard sees and whether it acts; at the end the lowest free space seen, the reserve, the logs acknowledged with
# 201 and the requests refused.
# Usage: sudo bench/guard.sh [seconds] [min-free]     e.g. bench/guard.sh 60 64MB
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; min_free=${2:-64MB}; size=${SIZE:-256m}
port=18092
token=bench-token-0123456789abcdef
dir=${DIR:-}
[ -f target/logcentral.jar ] || ./mvnw -q -B package -DskipTests
if [ -z "$dir" ]; then
  dir=$(mktemp -d /tmp/logcentral-guard.XXXXXX)
  mount -t tmpfs -o size="$size" tmpfs "$dir"
  trap 'kill $(jobs -p) 2>/dev/null || true; sleep 1; umount "$dir"; rmdir "$dir"' EXIT
else
  trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
fi

LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read \
  java -Xmx512m -jar target/logcentral.jar --server.port=$port --logcentral.data-dir="$dir/data" \
  --logcentral.storage.min-free="$min_free" >"/tmp/guard-bench-server.log" 2>&1 &
server=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  sleep 0.2; kill -0 $server 2>/dev/null || { tail -20 /tmp/guard-bench-server.log; exit 1; }
done

python3 bench/retention_load.py $port $token "$seconds" 4 now >"$dir.load" &
load=$!
lowest=; reserve=
while kill -0 $load 2>/dev/null; do
  line=$(curl -sf "http://127.0.0.1:$port/health" -H "Authorization: Token $token" | python3 -c \
    "import json,sys; g=json.load(sys.stdin)['disk_guard']; print(g['free_bytes'], g['reserve_bytes'], g['acting'], g['refusing_writes'], g['deleted_logs'])")
  read -r free reserve acting refusing deleted <<<"$line"
  df_free=$(df -B1 --output=avail "$dir" | tail -1)
  echo "free seen by the guard $((free >> 20)) MiB (disk $((df_free >> 20)) MiB), reserve $((reserve >> 20)) MiB," \
    "acting $acting, refusing $refusing, deleted $deleted"
  if [ "$free" -ge 0 ] && { [ -z "$lowest" ] || [ "$free" -lt "$lowest" ]; }; then lowest=$free; fi
  sleep 1
done
read -r rate refused <"$dir.load"
echo "lowest free $((lowest >> 20)) MiB against a reserve of $((reserve >> 20)) MiB; ingest $rate logs/s with 201," \
  "$refused requests refused"
