#!/usr/bin/env bash
# The query benchmark of PRODUCT.md "Performance targets" (query on 10 M stored logs), against the real jar on
# 127.0.0.1: filtered page p99 <= 20 ms, full-text q p99 <= 50 ms, 24 h stats <= 200 ms.
#   1 a store made by the server's own migrations (one start on an empty data dir), filled by bench/GenerateLogs.java
#     through the jar's own writer (its SqliteLogWriter, without HTTP): 7 days of realistic logs (minutes for 10 M)
#   2 the server on it with -Xmx1g, warmed up, then bench/QueryBench.java: one client, sequential requests over HTTP,
#     p50/p99 per kind of query (median of the runs), export rate, bytes per log
#   3 bench/ExplainQueries.java: the SQL the jar's own reader runs for each kind, its plan, and its time without HTTP
# Usage: bench/query.sh [count=10000000] [runs=5] [java binary]
#   REUSE=<data dir>   query a store generated before (its path is printed at the end of every run) instead of
#                      generating one: rerun queries after a code change without waiting for generation
#   DATA=<data dir>    where to generate (default /tmp/logcentral-query-<count>-<date>); kept after the run
#   JAR=<jar>          the server to measure (default target/logcentral.jar, built when missing): an older build
#                      beside a newer one, each on its own copy of a store, gives a side-by-side in one run
#   REQUESTS=100       requests per kind and run; BUDGET=30 seconds per kind and run (then the run of that kind
#                      stops after at least one request: the whole-store attribute filter scans every log)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000000}; runs=${2:-5}; java=${3:-java}
requests=${REQUESTS:-100}
budget=${BUDGET:-30}
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
work=$(mktemp -d /tmp/logcentral-query-work.XXXXXX)
server=
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=; fi
}
trap 'stop_server; rm -rf "$work"' EXIT

jar=${JAR:-target/logcentral.jar}
[ -n "${JAR:-}" ] || [ -f target/logcentral.jar ] || ./mvnw -q -B package -DskipTests
# Our own copy: target/ may be rebuilt while this runs. A jar caught half written fails the zip test: try again.
for attempt in 1 2 3 4 5 6; do
  cp "$jar" "$work/logcentral.jar" && unzip -tq "$work/logcentral.jar" >/dev/null 2>&1 && break
  [ "$attempt" = 6 ] && { echo "$jar is not a readable jar"; exit 1; }
  sleep 10
done
sqlite_jar=$(find ~/.m2/repository/org/xerial/sqlite-jdbc -name 'sqlite-jdbc-*.jar' | sort -V | tail -1)
# The server's own classes: GenerateLogs writes through its writer, ExplainQueries reads through its reader.
classes=$(bench/jar-classpath.sh "$work/logcentral.jar" "$work/classes")
# Which code was measured: target/ may lag the commit, so name the jar by its hash and its migrations too.
jar_info="HEAD $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src 2>/dev/null || \
  echo ' (src changed since)'), jar sha256 $(sha256sum "$work/logcentral.jar" | cut -c1-12), migrations \
$(unzip -l "$work/logcentral.jar" | sed -n 's|.*db/migration/sqlite/\(V[0-9]*\)__.*|\1|p' | sort -V | tr '\n' ' ')"
echo "jar: $jar_info"

free_port() {
  local p
  for p in $(seq 18100 18199); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "no free port in 18100..18199" >&2; exit 1
}
port=$(free_port)
base=http://127.0.0.1:$port

start_server() { # data dir, log file
  LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read \
    "$java" -Xmx1g -jar "$work/logcentral.jar" --server.port="$port" --logcentral.data-dir="$1" >"$2" 2>&1 &
  server=$!
  local waited=0
  until curl -sf -o /dev/null "$base/health"; do
    sleep 0.5; waited=$((waited + 1))
    if ! kill -0 "$server" 2>/dev/null || [ $waited -gt 600 ]; then tail -30 "$2"; exit 1; fi
  done
}

if [ -n "${REUSE:-}" ]; then
  data=$(cd "$REUSE" && pwd)
  [ -f "$data/logcentral.db" ] || { echo "REUSE=$REUSE holds no logcentral.db"; exit 1; }
  echo "reusing the store in $data"
else
  data=${DATA:-/tmp/logcentral-query-$count-$(date +%Y%m%d-%H%M%S)}
  [ -e "$data/logcentral.db" ] && { echo "$data already holds a store: use REUSE=$data, or another DATA"; exit 1; }
  mkdir -p "$data"
  data=$(cd "$data" && pwd)
  echo "creating the schema: one start of the server on $data"
  start_server "$data" "$work/schema.log"
  stop_server
  echo "generating $count logs into $data"
  "$java" -Xmx512m -cp "$classes" bench/GenerateLogs.java "$data" "$count" | tee "$data/generate.log"
fi

echo "starting the server on $data (-Xmx1g); its log: $data.server.log"
start_server "$data" "$data.server.log"
echo "load before the benchmark (2 cores): $(cut -d' ' -f1-3 /proc/loadavg)"
# The JIT needs a while on 2 cores, and the first reads of a cold store come from disk.
echo "warming up: 1 run of 50 requests per kind"
"$java" -Dbudget=10 -cp "$sqlite_jar" bench/QueryBench.java "$base" "$token" 1 50 "$data/querybench-words.txt" \
  >"$work/warmup.log" 2>&1 || { cat "$work/warmup.log"; exit 1; }
echo "measuring: $runs runs of up to $requests requests per kind"
"$java" -Dbudget="$budget" -cp "$sqlite_jar" bench/QueryBench.java "$base" "$token" "$runs" "$requests" \
  "$data/querybench-words.txt" | tee "$work/bench.log"
echo "query plans (server still running, so the page cache is as warm as it was for the queries)"
"$java" -cp "$classes" bench/ExplainQueries.java "$data/logcentral.db" | tee "$data.explain.txt"
stop_server

errors=$(grep -cE ' ERROR |Exception' "$data.server.log" || true)
echo
echo "================================================================================"
echo "summary: $("$java" -version 2>&1 | head -1), $(grep -m1 '^data:' "$work/bench.log")"
echo "jar: $jar_info"
if [ -f "$data/generate.log" ]; then
  echo "generation: $(sed -n 's/^generation_rows_per_s //p' "$data/generate.log") rows/s," \
    "$(sed -n 's/^generation_seconds //p' "$data/generate.log") s, $(sed -n 's/^logs_stored //p' "$data/generate.log")" \
    "logs stored$([ -n "${REUSE:-}" ] && echo ' (when the reused store was generated)')"
fi
sed -n '/^logcentral query benchmark/,$p' "$work/bench.log"
echo "server log: $errors lines with ERROR or an exception ($data.server.log)"
echo "query plans: $data.explain.txt"
echo "store kept in $data: rerun the queries with REUSE=$data bench/query.sh $count $runs"
