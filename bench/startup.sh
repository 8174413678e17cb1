#!/usr/bin/env bash
# Time from `java -jar` to the first log accepted (PRODUCT.md: <= 4 s), median of N runs on a fresh data dir.
# Usage: bench/startup.sh [runs] [java binary] [extra JVM options...]
# Also prints the CPU the JVM had used by then (user + system): on a shared machine it moves less than the wall time.
set -euo pipefail
runs=${1:-5}; java=${2:-java}; shift $(( $# > 2 ? 2 : $# )) || true
jar=${JAR:-$(dirname "$0")/../target/logcentral.jar}
port=18080
token=startup-bench-token-0123456789
times=()
cpus=()
tick=$(getconf CLK_TCK)
for i in $(seq "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest \
    "$java" "$@" -jar "$jar" --server.port=$port --logcentral.data-dir="$dir" >"$dir/out.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/logs" -H "Authorization: Token $token" \
      -H 'Content-Type: application/json' -d '{"service":"bench","message":"first"}'; do
    sleep 0.05
    if ! kill -0 $pid 2>/dev/null; then echo "server died:"; tail -20 "$dir/out.log"; exit 1; fi
  done
  end=$(date +%s%N)
  read -r -a stat <"/proc/$pid/stat"
  times+=($(( (end - start) / 1000000 )))
  cpus+=($(( (stat[13] + stat[14]) * 1000 / tick )))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
done
median() { local s=($(printf '%s\n' "$@" | sort -n)); echo "${s[$(( ${#s[@]} / 2 ))]}"; }
echo "first log accepted after java -jar (ms): runs ${times[*]}  median $(median "${times[@]}")"
echo "JVM CPU used by then (ms):               runs ${cpus[*]}  median $(median "${cpus[@]}")  load $(cut -d' ' -f1-3 /proc/loadavg)"
