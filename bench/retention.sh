#!/usr/bin/env bash
# What retention costs ingest: batch ingest (1,000 logs per POST, 4 connections) into a store holding PRELOAD expired
# logs, once with retention off (max-age 100 years: nothing expires) and once with the default 30 days, so retention
# deletes the expired logs in its small steps while ingest runs. Alternates the two RUNS times; prints logs/s of each
# run, the medians, their ratio and how many logs retention deleted meanwhile.
# Usage: bench/retention.sh [runs] [preload logs]      (about 1 minute a run)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; preload=${2:-600000}
duration=${DURATION:-15}
port=18091
token=bench-token-0123456789abcdef
work=$(mktemp -d /tmp/logcentral-retention.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
[ -f target/logcentral.jar ] || ./mvnw -q -B package -DskipTests

start_server() { # data dir, extra args...
  local dir=$1; shift
  LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read \
    java -Xmx512m -jar target/logcentral.jar --server.port=$port --logcentral.data-dir="$dir" "$@" >"$dir.log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    sleep 0.2; kill -0 $server 2>/dev/null || { tail -20 "$dir.log"; exit 1; }
  done
}
stop_server() { kill $server; wait $server 2>/dev/null || true; }
metric() { curl -sf "http://127.0.0.1:$port/metrics" -H "Authorization: Token $token" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The preloaded store: logs of 2020, expired under the default 30 days.
start_server "$work/seed" --logcentral.retention.max-age=36500d
while (( $(metric logs_processed) < preload )); do
  python3 bench/retention_load.py $port $token 5 4 2020-01-01T00:00:00Z >/dev/null
done
echo "preloaded $(metric logs_processed) expired logs"
stop_server

off=(); on=(); deleted=()
for i in $(seq "$runs"); do
  for mode in off on; do
    rm -rf "$work/run"; cp -r "$work/seed" "$work/run"
    if [ $mode = off ]; then start_server "$work/run" --logcentral.retention.max-age=36500d; else start_server "$work/run"; fi
    python3 bench/retention_load.py $port $token 5 4 now >/dev/null   # warm-up
    before=$(metric retention_deleted_logs)
    rate=$(python3 bench/retention_load.py $port $token "$duration" 4 now | awk '{print $1}')
    gone=$(( $(metric retention_deleted_logs) - before ))
    echo "run $i retention $mode: $rate logs/s ingested, $gone expired logs deleted meanwhile (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    if [ $mode = off ]; then off+=("$rate"); else on+=("$rate"); deleted+=("$gone"); fi
    stop_server
  done
done
m_off=$(median "${off[@]}"); m_on=$(median "${on[@]}")
echo "median ingest: retention off $m_off logs/s, retention deleting $m_on logs/s" \
  "(ratio $(awk -v a="$m_on" -v b="$m_off" 'BEGIN {printf "%.2f", a / b}')), deleted $(median "${deleted[@]}") in ${duration}s"
