#!/usr/bin/env bash
# The disk guard holding its reserve while batch ingest runs at full speed, on a real small disk: a tmpfs of SIZE
# (needs root to mount; give DIR to use a small file system of your own instead). Once the server is up, a ballast file
# leaves HEADROOM above the reserve free, so the guard has to act within seconds. The disk's free space (df) is sampled
# five times a second; at the end: the lowest free space seen against the reserve, the logs acknowledged with 201 per
# second and the requests refused (503). JAR picks the build to measure, so two builds compare in one session.
# Usage: sudo bench/guard.sh [seconds] [min-free]     e.g. bench/guard.sh 60 64MB
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; min_free=${2:-64MB}; size=${SIZE:-256m}; headroom_mib=${HEADROOM:-32}
jar=${JAR:-target/logcentral.jar}
port=18092
token=bench-token-0123456789abcdef
dir=${DIR:-}
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
if [ -z "$dir" ]; then
  dir=$(mktemp -d /tmp/logcentral-guard.XXXXXX)
  mount -t tmpfs -o size="$size" tmpfs "$dir"
  trap 'kill $(jobs -p) 2>/dev/null || true; wait; umount "$dir"; rmdir "$dir"; rm -f "$dir".*' EXIT
else
  trap 'kill $(jobs -p) 2>/dev/null || true; rm -f "$dir/ballast"' EXIT
fi

LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read \
  java -Xmx512m -jar "$jar" --server.port=$port --logcentral.data-dir="$dir/data" \
  --logcentral.storage.min-free="$min_free" >"/tmp/guard-bench-server.log" 2>&1 &
server=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  sleep 0.2; kill -0 $server 2>/dev/null || { tail -20 /tmp/guard-bench-server.log; exit 1; }
done
guard() { curl -sf "http://127.0.0.1:$port/health" -H "Authorization: Token $token" | python3 -c \
  "import json,sys; g=json.load(sys.stdin)['disk_guard']; print(g['reserve_bytes'], g['deleted_logs'])"; }
# The guard knows its reserve after its first look at the disk, a moment after start: -1 until then.
reserve=-1
until (( reserve > 0 )); do read -r reserve _ <<<"$(guard || echo -1)"; sleep 0.2; done
disk_free() { df -B1 --output=avail "$dir" | tail -1; }
ballast=$(( $(disk_free) - reserve - (headroom_mib << 20) ))
if (( ballast > 0 )); then head -c "$ballast" /dev/zero >"$dir/ballast"; fi
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "reserve $((reserve >> 20)) MiB; disk free at the start $(( $(disk_free) >> 20 )) MiB; load average $load_start"

python3 bench/retention_load.py $port $token "$seconds" 4 now >"$dir.load" &
load=$!
lowest=$(disk_free); ticks=0
while kill -0 $load 2>/dev/null; do
  free=$(disk_free)
  (( free < lowest )) && lowest=$free
  if (( ++ticks % 25 == 0 )); then
    read -r _ deleted <<<"$(guard || echo '0 ?')"
    echo "disk free $((free >> 20)) MiB (lowest $((lowest >> 20)) MiB), deleted by the guard $deleted"
  fi
  sleep 0.2
done
read -r rate refused <"$dir.load"
curl -sf "http://127.0.0.1:$port/health" -H "Authorization: Token $token" | python3 -c \
  "import json,sys; print('guard at the end:', json.load(sys.stdin)['disk_guard'])" || true
echo "lowest free $((lowest >> 20)) MiB ($lowest bytes) against a reserve of $((reserve >> 20)) MiB; ingest $rate logs/s" \
  "with 201, $refused requests refused; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
