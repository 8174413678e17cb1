#!/usr/bin/env bash
# The importer against batch ingest over HTTP, same server, same run (issue 13, PRODUCT.md "More ways in"):
#   1 java -jar logcentral.jar import of a 1,000,000-line JSON-lines file (text/plain, 1,000 lines a request,
#     4 requests in flight), JVM start included
#   2 batch ingest: 1,000 logs per JSON POST /logs, 4 connections (wrk, as bench/ingest.sh)
# Both send the same 1,000 generated logs (bench/RawJdbcCeiling.java's), the file repeating them.
# Prints the medians of RUNS runs of each and the ratio 1/2.
# Usage: bench/import.sh [runs] [java binary]     LINES=1000000 DURATION=10 by default. Needs wrk and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; java=${2:-java}
lines=${LINES:-1000000}
duration=${DURATION:-10}
port=18091
token=bench-token-0123456789abcdef
work=$(mktemp -d /tmp/logcentral-import-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
[ -f target/logcentral.jar ] || ./mvnw -q -B package -DskipTests
sqlite_jar=$(find ~/.m2/repository/org/xerial/sqlite-jdbc -name 'sqlite-jdbc-*.jar' | sort -V | tail -1)

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The 1,000 logs of the batch body, and the file: those logs as JSON lines, again and again.
"$java" -cp "$sqlite_jar" bench/RawJdbcCeiling.java "$work/bodies" 1000 >/dev/null
python3 - "$work/bodies/batch.json" "$work/logs.jsonl" "$lines" <<'PY'
import json, sys
logs = [json.dumps(log, separators=(",", ":")) for log in json.load(open(sys.argv[1]))]
with open(sys.argv[2], "w") as out:
    for i in range(int(sys.argv[3])):
        out.write(logs[i % len(logs)] + "\n")
PY
size_mib=$(du -m "$work/logs.jsonl" | cut -f1)

LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read \
  "$java" -Xmx512m -jar target/logcentral.jar --server.port=$port --logcentral.data-dir="$work/store" \
  >"$work/server.log" 2>&1 &
server=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  sleep 0.2; kill -0 $server 2>/dev/null || { tail -20 "$work/server.log"; exit 1; }
done

batch_load() { # -> logs/s of 201s over DURATION seconds; every answer's status counted in $work/wrk.status
  local out ok
  out=$(BODY=$work/bodies/batch.json TOKEN=$token wrk -t2 -c4 -d"${duration}s" --timeout 10s -s bench/post.lua \
    "http://127.0.0.1:$port/logs")
  echo "$out" | sed -n 's/^STATUS //p' >>"$work/wrk.status"
  ok=$(echo "$out" | sed -n 's/^STATUS .*20[01]=\([0-9]*\).*/\1/p')
  awk -v n="${ok:-0}" -v d="$duration" 'BEGIN {printf "%.0f", n * 1000 / d}'
}

import_file() { # run number -> lines/s, from the start of the JVM to its exit
  local start end
  start=$(date +%s%N)
  "$java" -jar target/logcentral.jar import --url "http://127.0.0.1:$port" --token "$token" \
    --state "$work/state$1.json" --progress none "$work/logs.jsonl" >"$work/import$1.log" 2>&1 ||
    { cat "$work/import$1.log"; exit 1; }
  end=$(date +%s%N)
  grep -q "^done: .* 0 refused" "$work/import$1.log" || { cat "$work/import$1.log"; exit 1; }
  awk -v n="$lines" -v ns=$((end - start)) 'BEGIN {printf "%.0f", n / (ns / 1e9)}'
}

# The JIT needs a while on 2 cores: warm the server (and the page cache) before measuring.
batch_load >/dev/null
head -200000 "$work/logs.jsonl" >"$work/warm.jsonl"
"$java" -jar target/logcentral.jar import --url "http://127.0.0.1:$port" --token "$token" \
  --state "$work/warm-state.json" --progress none "$work/warm.jsonl" >/dev/null

imported=(); batch=()
for i in $(seq "$runs"); do
  imported+=("$(import_file "$i")")
  batch+=("$(batch_load)")
done
stored=$(tail -1 "$work/import1.log")
kill $server; wait $server 2>/dev/null || true

r1=$(median "${imported[@]}"); r2=$(median "${batch[@]}")
echo
echo "logcentral import benchmark: $("$java" -version 2>&1 | head -1), $runs runs, medians"
echo "file: $lines JSON lines, $size_mib MiB; first import said: $stored"
printf '%-58s %12s   %s\n' "measure" "median" "runs"
printf '%-58s %12s   %s\n' "1 import of the file, lines/s (JVM start included)" "$r1" "${imported[*]}"
printf '%-58s %12s   %s\n' "2 batch ingest 1000/request, 4 conn, logs/s" "$r2" "${batch[*]}"
printf '%-58s %s\n' "  answers of 2 (status=count), warm-up first" "$(paste -sd' ' "$work/wrk.status")"
printf '%-58s %12s\n' "ratio 1/2" "$(awk -v a="$r1" -v b="$r2" 'BEGIN {printf "%.2f", a / b}')"
