#!/usr/bin/env bash
# migrate's speed (issue 16): a SQLite store of COUNT realistic logs (bench/GenerateLogs.java, as bench/query.sh and
# bench/postgres.sh make it: 7 days ending now) moved by `java -jar logcentral.jar migrate` into a fresh PostgreSQL
# database, JVM start, schema and verification included; then the same command again, which finds it done and only
# verifies. With KILL_AFTER=<seconds>, a third database is migrated by a run killed with -9 after that many seconds and
# then the same command again, which must go on and verify.
# Usage: bench/migrate.sh [count=1000000] [java binary]
#   PG=127.0.0.1:5432 (user postgres, trust auth); the databases lc_bench_migrate_<time>* are dropped at the end
#   unless KEEP=1. BATCH=10000 logs per transaction.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}; java=${2:-java}
pg=${PG:-127.0.0.1:5432}
batch=${BATCH:-10000}
work=$(mktemp -d /tmp/logcentral-migrate-bench.XXXXXX)
database=lc_bench_migrate_$(date +%Y%m%d_%H%M%S)
psql_admin() { psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -qAt "$@"; }
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "${KEEP:-0}" != 1 ]; then
    for db in "$database" "${database}_killed"; do psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

[ -f target/logcentral.jar ] || ./mvnw -q -B package -DskipTests
cp target/logcentral.jar "$work/logcentral.jar"
sqlite_jar=$(find ~/.m2/repository/org/xerial/sqlite-jdbc -name 'sqlite-jdbc-*.jar' | sort -V | tail -1)
# The server's own classes: GenerateLogs writes through its writer.
classes=$(bench/jar-classpath.sh "$work/logcentral.jar" "$work/classes")
port=18160

echo "1 generating $count logs into a SQLite store"
"$java" -Xmx512m -jar "$work/logcentral.jar" --server.port=$port --logcentral.data-dir="$work/store" \
  --logcentral.tokens.bench.token=bench-token-0123456789abcdef >"$work/server.log" 2>&1 &
server=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  sleep 0.5; kill -0 "$server" 2>/dev/null || { tail -30 "$work/server.log"; exit 1; }
done
kill "$server"; wait "$server" 2>/dev/null || true
"$java" -Xmx512m -cp "$classes" bench/GenerateLogs.java "$work/store" "$count" >"$work/generate.log"
store_mib=$(du -m "$work/store/logcentral.db" | cut -f1)

migrate_args() { # database
  echo -Xmx1g -jar "$work/logcentral.jar" migrate --from "$work/store" --to "jdbc:postgresql://$pg/$1" --user postgres \
    --batch "$batch" --progress lines
}
migrate() { # database, log file
  "$java" $(migrate_args "$1") >"$2" 2>&1
}

echo "2 migrate into a fresh database"
psql_admin -c "CREATE DATABASE $database"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
migrate "$database" "$work/migrate.log" || { cat "$work/migrate.log"; exit 1; }
end=$(date +%s.%N)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
wall=$(echo "$end - $start" | bc)
cat "$work/migrate.log" | grep -v '^migrate: .*ETA' || true

echo "3 the same command again (already migrated: verifies only)"
start=$(date +%s.%N)
migrate "$database" "$work/again.log" || { cat "$work/again.log"; exit 1; }
again=$(echo "$(date +%s.%N) - $start" | bc)
grep -E 'already migrated|verified' "$work/again.log"

resumed=
if [ -n "${KILL_AFTER:-}" ]; then
  echo "4 a run killed with -9 after ${KILL_AFTER} s, then the same command again"
  psql_admin -c "CREATE DATABASE ${database}_killed"
  "$java" $(migrate_args "${database}_killed") >"$work/killed.log" 2>&1 &
  killed=$!
  sleep "$KILL_AFTER"
  kill -9 $killed 2>/dev/null || true
  wait $killed 2>/dev/null || true
  before=$(psql_admin -d "${database}_killed" -c "SELECT count(*) FROM logs")
  migrate "${database}_killed" "$work/resumed.log" || { cat "$work/resumed.log"; exit 1; }
  grep -E 'going on|verified|WRONG' "$work/resumed.log"
  resumed="killed after ${KILL_AFTER} s with $before logs stored; the next run went on and verified"
fi

echo
echo "logcentral migrate benchmark: $("$java" -version 2>&1 | head -1), $(nproc) cores"
echo "jar: HEAD $(git rev-parse --short HEAD 2>/dev/null || echo '?'); store: $count logs, $store_mib MiB; batch $batch"
sed -n 's/^moved /migrate: moved /p' "$work/migrate.log"
printf 'wall clock, JVM start to verified: %.1f s = %.0f logs/s (load before %s, after %s)\n' \
  "$wall" "$(echo "$count / $wall" | bc -l)" "$load_before" "$load_after"
printf 'again (already migrated, verification only): %.1f s\n' "$again"
[ -z "$resumed" ] || echo "resume: $resumed"
