#!/usr/bin/env bash
# The alert benchmark of issue 10, against the real jar on 127.0.0.1, all phases in one server run: batch ingest
# (200 logs per POST, 4 connections) with no rule, 10 rules, 100 rules, and 100 rules with a dead webhook as a second
# channel; during each phase with rules, CRITICAL probes and the time from their 201 to the live webhook's receipt.
# Usage: bench/alerts.sh [seconds per phase=10] [runs=3] [java binary]
#   PG=127.0.0.1:5432 runs the server on a fresh PostgreSQL database (user postgres, trust auth), where cooldowns and
#   windows are shared tables: lc_bench_alerts_<time>, dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; runs=${2:-3}; java=${3:-java}
port=18095
token=bench-admin-token-0123456789abcdef
work=$(mktemp -d /tmp/logcentral-alerts.XXXXXX)
server=
store_args=()
database=
if [ -n "${PG:-}" ]; then
  database=lc_bench_alerts_$(date +%Y%m%d_%H%M%S)
  psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -qc "CREATE DATABASE $database"
  store_args=(--spring.datasource.url="jdbc:postgresql://$PG/$database" --spring.datasource.username=postgres)
fi
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$database" ]; then
    psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

[ -f target/logcentral.jar ] || ./mvnw -q -B package -DskipTests
cp target/logcentral.jar "$work/logcentral.jar"
echo "jar: HEAD $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (src changed since)')"
echo "store: ${database:-SQLite}; load: $(uptime | sed 's/.*load average: //')"
LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read,admin \
  "$java" -Xmx512m -jar "$work/logcentral.jar" --server.port=$port --logcentral.data-dir="$work/data" \
  "${store_args[@]}" >"$work/server.log" 2>&1 &
server=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  sleep 0.2; kill -0 $server 2>/dev/null || { tail -20 "$work/server.log"; exit 1; }
done
"$java" bench/AlertBench.java "http://127.0.0.1:$port" "$token" "$seconds" "$runs"
