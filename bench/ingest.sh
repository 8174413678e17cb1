#!/usr/bin/env bash
# The ingest benchmark of PRODUCT.md "Performance targets", against the real jar on 127.0.0.1, bounded in time.
#   0 raw JDBC batch insert of the same rows into the bare logs table (PRODUCT.md's baseline, no HTTP)
#   1 the server's own writer without HTTP (bench/GenerateLogs.java on the jar's classes): the ceiling of this design
#   2 batch ingest: 1,000 logs per POST /logs, 4 connections, and how long until a log is found by q after its 201
#   3 single ingest: one log per request, 32 connections, with p50/p99
#   4 the same server with storage switched off (logcentral.pipeline.discard, benchmark only), single requests
#   5 heap high-water mark with -Xmx512m under an overload that makes it shed
# Prints medians of RUNS runs and the ratios 2/0, 2/1 and 3/4.
# Usage: bench/ingest.sh [runs] [java binary] [extra server arguments...]
#   JAR=<jar>       the server to measure (default target/logcentral.jar, built when missing)
#   STORE_ONLY=1    parts 0 to 3 only: no no-store server, no overload (two server starts fewer)
# Needs wrk (apt-get install wrk). Takes about 5 minutes with 3 runs of 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; java=${2:-java}; shift $(( $# > 2 ? 2 : $# )) || true
extra=("$@")
duration=${DURATION:-10}
port=18090
token=bench-token-0123456789abcdef
work=$(mktemp -d /tmp/logcentral-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
jar=${JAR:-target/logcentral.jar}
[ -n "${JAR:-}" ] || [ -f target/logcentral.jar ] || ./mvnw -q -B package -DskipTests
sqlite_jar=$(find ~/.m2/repository/org/xerial/sqlite-jdbc -name 'sqlite-jdbc-*.jar' | sort -V | tail -1)
classes=$(bench/jar-classpath.sh "$jar" "$work/classes")

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

start_server() { # data dir, extra args...
  local dir=$1; shift
  LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read \
    "$java" -Xmx512m -jar "$jar" --server.port=$port --logcentral.data-dir="$dir" \
    "${extra[@]}" "$@" >"$dir.log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    sleep 0.2; kill -0 $server 2>/dev/null || { tail -20 "$dir.log"; exit 1; }
  done
}

stop_server() { kill $server; wait $server 2>/dev/null || true; }

# The JIT needs a while on 2 cores: the first seconds under load run several times slower than the rest.
warm_up() {
  load "$bodies/batch.json" 4 >/dev/null
  load "$bodies/single.json" 32 >/dev/null
  load "$bodies/single.json" 32 >/dev/null
}

load() { # body file, connections -> prints "ok_requests_per_s p50_ms p99_ms"
  local out
  out=$(BODY=$1 TOKEN=$token wrk -t2 -c"$2" -d"${duration}s" --timeout 10s -s bench/post.lua \
    "http://127.0.0.1:$port/logs")
  local ok; ok=$(echo "$out" | sed -n 's/^STATUS .*20[01]=\([0-9]*\).*/\1/p'); ok=${ok:-0}
  echo "$(awk -v n="$ok" -v d="$duration" 'BEGIN {printf "%.0f", n / d}') \
$(echo "$out" | sed -n 's/^LATENCY p50=\([0-9.]*\) p99=\([0-9.]*\)/\1 \2/p')"
}

raw=(); bare=(); batch=(); single=(); p50=(); p99=(); noop=(); searchable=()
for i in $(seq "$runs"); do
  bare+=($("$java" -cp "$sqlite_jar" -Dmigrations="$work/classes/BOOT-INF/classes/db/migration/sqlite" \
    bench/RawJdbcCeiling.java "$work/bare$i" 300000 | awk '{print $2}'))
  # The writer needs a schema made by the server: one start on an empty folder.
  start_server "$work/direct$i"; stop_server
  raw+=($("$java" -Xmx512m -cp "$classes" bench/GenerateLogs.java "$work/direct$i" 300000 |
    sed -n 's/^generation_rows_per_s //p'))
  rm -rf "$work/direct$i"
done
bodies=$work/bare1

# Searchable after the 201: post a log with a word of its own, then search for it until it is found; the worst
# delay in ms over 20 probes, taken while batch ingest runs.
searchable_ms() {
  local worst=0 word start found now
  for n in $(seq 20); do
    word=probe$RANDOM$n$RANDOM
    curl -sf -o /dev/null -H "Authorization: Token $token" -H 'Content-Type: application/json' \
      -d "{\"service\":\"probe\",\"message\":\"searchable $word\"}" "http://127.0.0.1:$port/logs"
    start=$(date +%s%N); found=0
    until [ "$found" = 1 ] || (( $(date +%s%N) - start > 10000000000 )); do
      curl -sf -H "Authorization: Token $token" "http://127.0.0.1:$port/logs?q=$word" | grep -q "$word" && found=1
    done
    now=$(( ($(date +%s%N) - start) / 1000000 )); (( now > worst )) && worst=$now
    sleep 0.2
  done
  echo "$worst"
}

start_server "$work/store"
warm_up
for i in $(seq "$runs"); do
  searchable_ms >"$work/searchable$i" &
  read -r rps _ _ <<<"$(load "$bodies/batch.json" 4)"; batch+=($((rps * 1000)))
  wait $!; searchable+=("$(cat "$work/searchable$i")")
  read -r rps a b <<<"$(load "$bodies/single.json" 32)"; single+=("$rps"); p50+=("$a"); p99+=("$b")
done
commit=$(curl -s -H "Authorization: Token $token" "http://127.0.0.1:$port/metrics" |
  sed -n 's/.*"batch_size_mean":\([0-9.]*\).*"commit_ms_mean":\([0-9.]*\).*/\1 \2/p')
stop_server

if [ -z "${STORE_ONLY:-}" ]; then
start_server "$work/discard" --logcentral.pipeline.discard=true
warm_up
for i in $(seq "$runs"); do
  read -r rps _ _ <<<"$(load "$bodies/single.json" 32)"; noop+=("$rps")
done
stop_server
else
  noop=(0)
fi

# Overload: many connections posting 1,000-log bodies into a small heap; watch the heap through jstat.
if [ -n "${STORE_ONLY:-}" ]; then echo 0 >"$work/heap.max"; touch "$work/heap.log"; overload=skipped; else
start_server "$work/heap"
warm_up
jstat_bin=$(dirname "$(readlink -f "$(command -v "$java")")")/jstat
("$jstat_bin" -gc $server 200 2>/dev/null | awk 'NR>1 {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f\n", m/1024}' \
  >"$work/heap.max") &
watcher=$!
overload=$(BODY=$bodies/batch.json TOKEN=$token wrk -t2 -c200 -d"${duration}s" --timeout 20s -s bench/post.lua \
  "http://127.0.0.1:$port/logs" | sed -n 's/^STATUS //p')
stop_server
wait $watcher 2>/dev/null || true
fi
oom=$(grep -c OutOfMemoryError "$work/heap.log" || true)

r0=$(median "${bare[@]}"); r1=$(median "${raw[@]}"); r2=$(median "${batch[@]}"); r3=$(median "${single[@]}"); r4=$(median "${noop[@]}")
echo
echo "logcentral ingest benchmark: $("$java" -version 2>&1 | head -1), $runs runs of ${duration}s, medians"
printf '%-58s %12s   %s\n' "measure" "median" "runs"
printf '%-58s %12s   %s\n' "0 raw JDBC batch insert, bare logs table, logs/s" "$r0" "${bare[*]}"
printf '%-58s %12s   %s\n' "1 the server's writer, no HTTP (GenerateLogs), logs/s" "$r1" "${raw[*]}"
printf '%-58s %12s   %s\n' "2 batch ingest 1000/request, 4 conn, logs/s" "$r2" "${batch[*]}"
printf '%-58s %12s   %s\n' "  worst ms from 201 to found by q, during 2" "$(median "${searchable[@]}")" "${searchable[*]}"
printf '%-58s %12s   %s\n' "3 single ingest, 32 conn, logs/s" "$r3" "${single[*]}"
printf '%-58s %12s   %s\n' "  p50 ms / p99 ms" "$(median "${p50[@]}") / $(median "${p99[@]}")" "${p99[*]}"
printf '%-58s %12s   %s\n' "4 no-store server, single, 32 conn, requests/s" "$r4" "${noop[*]}"
printf '%-58s %12s\n' "ratio 2/0 (target >= 0.7)" "$(awk -v a="$r2" -v b="$r0" 'BEGIN {printf "%.2f", a / b}')"
printf '%-58s %12s\n' "ratio 2/1" "$(awk -v a="$r2" -v b="$r1" 'BEGIN {printf "%.2f", a / b}')"
printf '%-58s %12s\n' "ratio 3/4 (target >= 0.5)" "$(awk -v a="$r3" -v b="$r4" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')"
printf '%-58s %12s\n' "writer: mean logs per commit / mean commit ms" "${commit:-?}"
printf '%-58s %12s\n' "5 heap high-water MiB under overload (-Xmx512m)" "$(cat "$work/heap.max")"
printf '%-58s %12s\n' "  overload answers (status=count), OutOfMemoryErrors" "$overload, $oom"
