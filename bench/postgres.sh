#!/usr/bin/env bash
# The two stores side by side in one run (PRODUCT.md "Performance targets": PostgreSQL queries <= 2 x the SQLite
# figures, PostgreSQL batch ingest >= 30,000 logs/s):
#   1 bench/GenerateLogs.java makes a SQLite store of COUNT realistic logs (as bench/query.sh does)
#   2 bench/LoadOverHttp.java copies those logs through POST /logs (1,000 a request, 4 connections) into a server on a
#     fresh SQLite store and into a server on a fresh PostgreSQL database: batch ingest of the same logs on both
#   3 bench/QueryBench.java against the generated SQLite store and against the PostgreSQL copy: p50/p99 per kind
#   4 two replicas on one fresh PostgreSQL database: the same copy through both at once (4 connections each), then
#     QueryBench through both at once, one client each; beside it the one-replica figures of steps 2 and 3
# Usage: bench/postgres.sh [count=1000000] [runs=3] [java binary]
#   PG=127.0.0.1:5432 (user postgres, trust auth); the database lc_bench_<time> is dropped at the end unless KEEP=1.
#   REQUESTS=50 requests per kind and run; BUDGET=20 seconds per kind and run.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}; runs=${2:-3}; java=${3:-java}
pg=${PG:-127.0.0.1:5432}
requests=${REQUESTS:-50}
budget=${BUDGET:-20}
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
work=$(mktemp -d /tmp/logcentral-postgres-bench.XXXXXX)
database=lc_bench_$(date +%Y%m%d_%H%M%S)
server=
replicas=()
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=; fi
}
stop_replicas() {
  for pid in "${replicas[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  replicas=()
}
cleanup() {
  stop_server
  stop_replicas
  if [ "${KEEP:-0}" != 1 ]; then
    for db in "$database" "${database}_two"; do
      psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

[ -f target/logcentral.jar ] || ./mvnw -q -B package -DskipTests
cp target/logcentral.jar "$work/logcentral.jar"
sqlite_jar=$(find ~/.m2/repository/org/xerial/sqlite-jdbc -name 'sqlite-jdbc-*.jar' | sort -V | tail -1)
# The server's own classes: GenerateLogs writes through its writer.
classes=$(bench/jar-classpath.sh "$work/logcentral.jar" "$work/classes")
port=18150
base=http://127.0.0.1:$port
pg_args=(--spring.datasource.url="jdbc:postgresql://$pg/$database" --spring.datasource.username=postgres)

start_server() { # data dir, log file, extra args...
  local dir=$1 log=$2; shift 2
  LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read \
    "$java" -Xmx1g -jar "$work/logcentral.jar" --server.port="$port" --logcentral.data-dir="$dir" \
    --logcentral.retention.max-age=3650d "$@" >"$log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null "$base/health"; do
    sleep 0.5; kill -0 "$server" 2>/dev/null || { tail -30 "$log"; exit 1; }
  done
}

echo "1 generating $count logs into a SQLite store"
start_server "$work/generated" "$work/schema.log"; stop_server
"$java" -Xmx512m -cp "$classes" bench/GenerateLogs.java "$work/generated" "$count" >"$work/generate.log"
psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -qc "CREATE DATABASE $database"

echo "2 batch ingest of the same logs over HTTP, SQLite then PostgreSQL"
start_server "$work/sqlite-copy" "$work/sqlite-copy.log"
sqlite_ingest=$("$java" -cp "$sqlite_jar" bench/LoadOverHttp.java "$work/generated/logcentral.db" "$base" "$token" |
  sed -n 's/^logs_per_s //p')
echo "  sqlite: $sqlite_ingest logs/s"
stop_server
start_server "$work/postgres" "$work/postgres.log" "${pg_args[@]}"
"$java" -cp "$sqlite_jar" bench/LoadOverHttp.java "$work/generated/logcentral.db" "$base" "$token" >"$work/load.log"
postgres_ingest=$(sed -n 's/^logs_per_s //p' "$work/load.log")
echo "  postgresql: $postgres_ingest logs/s"
psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -d "$database" -qc "VACUUM ANALYZE" >/dev/null

echo "3 queries: $runs runs of up to $requests requests per kind, PostgreSQL then SQLite"
"$java" -Dbudget=10 -cp "$sqlite_jar" bench/QueryBench.java "$base" "$token" 1 20 "$work/generated/querybench-words.txt" \
  >/dev/null 2>&1
"$java" -Dbudget="$budget" -cp "$sqlite_jar" bench/QueryBench.java "$base" "$token" "$runs" "$requests" \
  "$work/generated/querybench-words.txt" >"$work/postgres-queries.log"
sed -n '/^kind/,/^store size/p' "$work/postgres-queries.log"
stop_server
start_server "$work/generated" "$work/sqlite.log"
"$java" -Dbudget=10 -cp "$sqlite_jar" bench/QueryBench.java "$base" "$token" 1 20 "$work/generated/querybench-words.txt" \
  >/dev/null 2>&1
"$java" -Dbudget="$budget" -cp "$sqlite_jar" bench/QueryBench.java "$base" "$token" "$runs" "$requests" \
  "$work/generated/querybench-words.txt" >"$work/sqlite-queries.log"
stop_server

echo "4 two replicas on one PostgreSQL database: the same copy through both, then queries through both"
psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -qc "CREATE DATABASE ${database}_two"
for i in 0 1; do
  LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read \
    "$java" -Xmx1g -jar "$work/logcentral.jar" --server.port=$((port + 1 + i)) --logcentral.data-dir="$work/replica$i" \
    --logcentral.retention.max-age=3650d --spring.datasource.url="jdbc:postgresql://$pg/${database}_two" \
    --spring.datasource.username=postgres >"$work/replica$i.log" 2>&1 &
  replicas+=($!)
  # One at a time: both would run the same Flyway migrations at once otherwise (Flyway locks, but waits are noise).
  until curl -sf -o /dev/null "http://127.0.0.1:$((port + 1 + i))/health"; do
    sleep 0.5; kill -0 "${replicas[$i]}" 2>/dev/null || { tail -30 "$work/replica$i.log"; exit 1; }
  done
done
both=http://127.0.0.1:$((port + 1)),http://127.0.0.1:$((port + 2))
"$java" -cp "$sqlite_jar" bench/LoadOverHttp.java "$work/generated/logcentral.db" "$both" "$token" 8 >"$work/two-load.log"
two_ingest=$(sed -n 's/^logs_per_s //p' "$work/two-load.log")
echo "  two replicas: $two_ingest logs/s ($(sed -n 's/^failed_requests //p' "$work/two-load.log") failed requests)"
psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -d "${database}_two" -qc "VACUUM ANALYZE" >/dev/null
for i in 0 1; do
  "$java" -Dbudget=10 -cp "$sqlite_jar" bench/QueryBench.java "http://127.0.0.1:$((port + 1 + i))" "$token" 1 20 \
    "$work/generated/querybench-words.txt" >/dev/null 2>&1
done
clients=()
for i in 0 1; do
  "$java" -Dbudget="$budget" -cp "$sqlite_jar" bench/QueryBench.java "http://127.0.0.1:$((port + 1 + i))" "$token" \
    "$runs" "$requests" "$work/generated/querybench-words.txt" >"$work/replica$i-queries.log" &
  clients+=($!)
done
wait "${clients[@]}"
replica_errors=$(cat "$work"/replica?.log | grep -cE ' ERROR |Exception' || true)
stop_replicas

echo
echo "logcentral two-store benchmark: $("$java" -version 2>&1 | head -1), $count logs, $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jar: HEAD $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
printf '%-52s %14s %14s\n' "batch ingest over HTTP, logs/s (1000/request, 4 conn)" "sqlite" "postgresql"
printf '%-52s %14s %14s\n' "" "$sqlite_ingest" "$postgres_ingest"
echo
echo "queries (p50 / p99 ms, medians of $runs runs): SQLite"
sed -n '/^logcentral query benchmark/,$p' "$work/sqlite-queries.log"
echo
echo "queries (p50 / p99 ms, medians of $runs runs): PostgreSQL"
sed -n '/^logcentral query benchmark/,$p' "$work/postgres-queries.log"
echo
echo "two replicas on one PostgreSQL: batch ingest through both (4 connections each): $two_ingest logs/s" \
  "(one replica, step 2: $postgres_ingest)"
for i in 0 1; do
  echo "queries through replica $i while the other is queried too (p50 / p99 ms, medians of $runs runs)"
  sed -n '/^logcentral query benchmark/,$p' "$work/replica$i-queries.log"
done
echo "server errors: replicas $replica_errors, sqlite $(grep -cE ' ERROR |Exception' "$work/sqlite.log" || true)," \
  "postgresql $(grep -cE ' ERROR |Exception' "$work/postgres.log" || true)"
