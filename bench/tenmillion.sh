#!/usr/bin/env bash
# Issue 15's benchmark: every row of its table for one or more builds in one run, on COUNT logs (default 10 M), each
# store loaded both ways, with the raw-insert baseline beside them. Every phase takes the jars in turn (old, new, old,
# new ...), so a change in the machine's load falls on all of them alike:
#   raw      bench/RawJdbcCeiling.java -Dfrom: the first RAW_COUNT logs of the first jar's direct store (the same rows
#            the API load posts) into the bare logs table of each jar's own schema, no HTTP, RAW_RUNS rounds (the
#            baseline of "batch ingest >= 0.7 x raw insert of the same rows"); median
#   direct   per jar, a store made by one start of the server (its own migrations), filled with COUNT realistic logs by
#            bench/GenerateLogs.java through the jar's own SqliteLogWriter, without HTTP (filters, blocks, counts
#            included), 5,000 logs a call
#   api      per jar, an empty store filled with the same logs through POST /logs (bench/LoadOverHttp.java: 1,000 a
#            request, 4 connections, in id order)
#   queries  RUNS rounds; in each, every store in turn: the server (-Xmx1g) started on it, left until settled (no
#            number named pending, backlog or missing above 0 in /health, and the db and wal files unchanged for
#            SETTLE s: block filters missing are filled in the background), warmed up (WARMUP requests a kind), one
#            bench/QueryBench.java run (REQUESTS a kind, one client over HTTP) for each PAGE_CACHE state, stopped.
#            Cells: the medians over the rounds of each run's p99 and p50. Then bytes per log of each store (db + wal
#            after a clean stop), and bench/ExplainQueries.java on each direct store (the SQL each build runs, with
#            plans: j<n>.explain.txt)
#   single   (SINGLE=1) bench/ingest.sh STORE_ONLY=1: one log a request, 32 connections, on JDK 17 and on JDK 25
#   startup  (STARTUP=1) bench/startup.sh: first log accepted after java -jar, JDK 17, median of 5
# Prints one table: rows = the issue's rows, columns = each jar x (API-loaded store, directly loaded store).
# Usage: JARS="/tmp/old.jar target/logcentral.jar" bench/tenmillion.sh [count=10000000] [runs=3]
#   JARS                 the builds, side by side (default target/logcentral.jar); each is copied first
#   RAW_RUNS=3 RAW_COUNT=<count>          the baseline's rounds and logs a round
#   REQUESTS=100 BUDGET=30                QueryBench's requests per kind and round, and seconds per kind and round
#   WARMUP=20 WARM_BUDGET=5               the same for the warm-up after each start
#   PAGE_CACHE="as-is"   the page cache before each QueryBench run, one run per word: as-is (whatever earlier phases
#                        left), warm (the store's files read through first, as a server that has run on its store for
#                        a while finds them), cold (the kernel's page cache dropped after the warm-up: needs root)
#   SINGLE=1 STARTUP=1                    0 leaves those rows out; SINGLE_RUNS=3 (ingest.sh runs), DURATION=10 (s)
#   JAVA=java JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#   WORK=<dir>   stores and logs (default /tmp/logcentral-tenmillion-<date>); KEEP=1 keeps the stores
#   SETTLE=10 SETTLE_MAX=1800             seconds of quiet files before the queries, and the most to wait for them
# Disk: all stores at once, 2 x jars x COUNT x bytes per log (about 430 at 200,000 logs), plus one raw store.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000000}; runs=${2:-3}
read -r -a jars <<<"${JARS:-target/logcentral.jar}"
raw_runs=${RAW_RUNS:-3}; raw_count=${RAW_COUNT:-$count}
requests=${REQUESTS:-100}; budget=${BUDGET:-30}
warm_requests=${WARMUP:-20}; warm_budget=${WARM_BUDGET:-5}
java=${JAVA:-java}; java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
settle_quiet=${SETTLE:-10}; settle_max=${SETTLE_MAX:-1800}
read -r -a page_cache <<<"${PAGE_CACHE:-as-is}"
work=${WORK:-/tmp/logcentral-tenmillion-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$work"; work=$(cd "$work" && pwd)
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
port=18170; base=http://127.0.0.1:$port
results=$work/results.tsv # jar index, store, key, value
: >"$results"
server=
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=; fi
}
trap stop_server EXIT

note() { echo "$(date -u +%H:%M:%S) $*"; }
get() { awk -F'\t' -v i="$1" -v s="$2" -v k="$3" '$1 == i && $2 == s && $3 == k {v = $4} END {print v}' "$results"; }
put() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$results"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds_since() { awk -v s="$1" -v n="$(date +%s.%N)" 'BEGIN {printf "%.1f", n - s}'; }

start_server() { # data dir, log file
  LOGCENTRAL_TOKENS_BENCH_TOKEN=$token LOGCENTRAL_TOKENS_BENCH_SCOPES=ingest,read \
    "$java" -Xmx1g -jar "$jar" --server.port="$port" --logcentral.data-dir="$1" \
    --logcentral.retention.max-age=3650d >"$2" 2>&1 &
  server=$!
  local waited=0
  until curl -sf -o /dev/null "$base/health"; do
    sleep 0.5; waited=$((waited + 1))
    if ! kill -0 "$server" 2>/dev/null || [ $waited -gt 600 ]; then tail -30 "$2"; exit 1; fi
  done
}

store_bytes() { stat -c %s "$1"/logcentral.db "$1"/logcentral.db-wal 2>/dev/null | awk '{s += $1} END {print s}'; }

# Settled: nothing the server reports as pending (any /health number whose name says pending, backlog or missing),
# and the store's files unchanged for $settle_quiet seconds, so no background work (filling filters) runs meanwhile.
settle() { # data dir
  local start now last="" quiet=0 pending state
  start=$(date +%s)
  while :; do
    pending=$(curl -sf -H "Authorization: Token $token" "$base/health" |
      grep -oE '"[a-z_]*(pending|backlog|missing)[a-z_]*":[0-9]+' | awk -F: '{s += $2} END {print s + 0}')
    state=$(stat -c '%s %Y' "$1"/logcentral.db "$1"/logcentral.db-wal 2>/dev/null | tr '\n' ' ')
    if [ "$pending" = 0 ] && [ "$state" = "$last" ]; then quiet=$((quiet + 1)); else quiet=0; fi
    last=$state
    now=$(date +%s)
    [ "$quiet" -ge "$settle_quiet" ] && break
    if [ $((now - start)) -gt "$settle_max" ]; then note "  not settled after ${settle_max}s: measuring anyway"; break; fi
    sleep 1
  done
  echo $(( $(date +%s) - start ))
}

# One round of queries on one store: the server started on it, settled, warmed up, one QueryBench run, stopped.
query_round() { # jar index, store, data dir, round
  local i=$1 store=$2 dir=$3 round=$4 waited
  jar=$work/j$i.jar; cp=$(bench/jar-classpath.sh "$jar" "$work/j$i.classes")
  start_server "$dir" "$dir.server.log.$round"
  waited=$(settle "$dir")
  [ "$round" = 1 ] && put "$i" "$store" settle_s "$waited"
  "$java" -Dbudget="$warm_budget" -cp "$cp" bench/QueryBench.java "$base" "$token" 1 "$warm_requests" \
    "$dir/querybench-words.txt" >"$dir.warmup.log" 2>&1 || { cat "$dir.warmup.log"; exit 1; }
  for mode in "${page_cache[@]}"; do
    case $mode in
      warm) cat "$dir"/logcentral.db* >/dev/null ;;
      cold) sync; echo 3 >/proc/sys/vm/drop_caches || { echo "PAGE_CACHE=cold needs root"; exit 1; } ;;
      as-is) ;;
      *) echo "PAGE_CACHE: as-is, warm or cold, not $mode"; exit 1 ;;
    esac
    "$java" -Dbudget="$budget" -Dtsv="$work/j$i-$store.$mode.round$round.tsv" -cp "$cp" bench/QueryBench.java \
      "$base" "$token" 1 "$requests" "$dir/querybench-words.txt" >"$dir.queries.$mode.log.$round" 2>&1 ||
      { cat "$dir.queries.$mode.log.$round"; exit 1; }
  done
  stop_server
  put "$i" "$store" "load$round" "$(cut -d' ' -f1 /proc/loadavg)"
  put "$i" "$store" "errors$round" "$(grep -cE ' ERROR |Exception' "$dir.server.log.$round" || true)"
  note "  round $round, jar $i, $store store: settled after ${waited}s, queried, load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Medians over the rounds of each kind's p50 and p99: "p99 (p50)" in ms.
query_medians() { # jar index, store, page cache state
  cat "$work/j$1-$2.$3".round*.tsv | awk -F'\t' '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j] + 0 < a[j - 1] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return a[int((n + 1) / 2)]
    }
    !($1 in seen) {seen[$1]; order[++k] = $1}
    {p50[$1] = p50[$1] " " $2; p99[$1] = p99[$1] " " $3; err[$1] += $4}
    END {for (i = 1; i <= k; i++) printf "%s\t%s (%s)%s\n", order[i], median(p99[order[i]]), median(p50[order[i]]),
      err[order[i]] ? " " err[order[i]] "x!200" : ""}' |
  while IFS=$'\t' read -r kind cell; do put "$1" "$2" "q:$3:$kind" "$cell"; done
}

note "issue 15 benchmark: $count logs, $runs query rounds, jars: ${jars[*]}; work in $work"
note "disk before: $(df -h "$work" | awk 'NR == 2 {print $4 " free of " $2}'); load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!jars[@]}"; do
  jar=$work/j$i.jar
  cp "${jars[$i]}" "$jar"
  unzip -tq "$jar" >/dev/null || { echo "${jars[$i]} is not a readable jar"; exit 1; }
  bench/jar-classpath.sh "$jar" "$work/j$i.classes" >/dev/null
  put "$i" - name "$(basename "${jars[$i]}" .jar)"
  put "$i" - sha "$(sha256sum "$jar" | cut -c1-12), newest migration $(unzip -l "$jar" |
    sed -n 's|.*db/migration/sqlite/\(V[0-9]*\)__.*|\1|p' | sort -V | tail -1)"
  note "jar $i: ${jars[$i]} ($(get "$i" - sha))"
done

# Every phase takes the jars in turn, so a drift in the machine's load falls on all of them alike.
note "loading $count logs straight into the schema (the jar's writer, no HTTP)"
for i in "${!jars[@]}"; do
  jar=$work/j$i.jar; cp=$(bench/jar-classpath.sh "$jar" "$work/j$i.classes")
  direct=$work/j$i-direct; api=$work/j$i-api
  rm -rf "$direct" "$api"; mkdir -p "$direct" "$api"
  start_server "$direct" "$direct.schema.log"; stop_server
  t=$(date +%s.%N)
  "$java" -Xmx512m -cp "$cp" bench/GenerateLogs.java "$direct" "$count" >"$direct.generate.log" 2>&1 ||
    { tail -30 "$direct.generate.log"; exit 1; }
  put "$i" direct load "$(sed -n 's/^generation_rows_per_s //p' "$direct.generate.log")"
  note "  jar $i: $(sed -n 's/^generation_rows_per_s //p' "$direct.generate.log") logs/s ($(seconds_since "$t") s)"
  cp "$direct/querybench-words.txt" "$api/querybench-words.txt"
done
note "raw insert into the bare logs table: $raw_runs rounds of the first $raw_count logs of the first store"
declare -A raws
for r in $(seq "$raw_runs"); do
  for i in "${!jars[@]}"; do
    t=$(date +%s.%N)
    raws[$i]+="$("$java" -cp "$(bench/jar-classpath.sh "$work/j$i.jar" "$work/j$i.classes")" \
      -Dmigrations="$work/j$i.classes/BOOT-INF/classes/db/migration/sqlite" -Dfrom="$work/j0-direct/logcentral.db" \
      bench/RawJdbcCeiling.java "$work/raw" "$raw_count" | awk '{print $2}') "
    note "  round $r, jar $i: $(echo "${raws[$i]}" | awk '{print $NF}') logs/s ($(seconds_since "$t") s)"
    rm -rf "$work/raw"
  done
done
for i in "${!jars[@]}"; do
  # shellcheck disable=SC2086
  put "$i" - raw "$(median ${raws[$i]})"; put "$i" - raw_runs "${raws[$i]}"
done

note "loading the same logs through POST /logs (1,000 a request, 4 connections)"
for i in "${!jars[@]}"; do
  jar=$work/j$i.jar; cp=$(bench/jar-classpath.sh "$jar" "$work/j$i.classes")
  direct=$work/j$i-direct; api=$work/j$i-api
  start_server "$api" "$api.load-server.log"
  t=$(date +%s.%N)
  "$java" -cp "$cp" bench/LoadOverHttp.java "$direct/logcentral.db" "$base" "$token" >"$api.load.log" 2>&1 ||
    { tail -30 "$api.load.log"; exit 1; }
  stop_server
  put "$i" api load "$(sed -n 's/^logs_per_s //p' "$api.load.log")"
  put "$i" api load_failures "$(sed -n 's/^failed_requests //p' "$api.load.log")"
  note "  jar $i: $(sed -n 's/^logs_per_s //p' "$api.load.log") logs/s ($(seconds_since "$t") s)"
done

note "queries: $runs rounds; a round starts the server on each store in turn"
for r in $(seq "$runs"); do
  for i in "${!jars[@]}"; do
    for store in api direct; do
      t=$(date +%s.%N); query_round "$i" "$store" "$work/j$i-$store" "$r"
    done
  done
  [ "$r" = 1 ] && note "  (one round took $(seconds_since "$t") s for the last store)"
done
for i in "${!jars[@]}"; do
  for store in api direct; do
    for mode in "${page_cache[@]}"; do query_medians "$i" "$store" "$mode"; done
    put "$i" "$store" bytes_per_log "$(awk -v b="$(store_bytes "$work/j$i-$store")" -v n="$count" \
      'BEGIN {printf "%.0f", b / n}')"
    put "$i" "$store" query_load "$(for r in $(seq "$runs"); do printf '%s ' "$(get "$i" "$store" "load$r")"; done)"
    put "$i" "$store" server_errors "$(for r in $(seq "$runs"); do get "$i" "$store" "errors$r"; done |
      awk '{s += $1} END {print s}')"
  done
  "$java" -cp "$(bench/jar-classpath.sh "$work/j$i.jar" "$work/j$i.classes")" bench/ExplainQueries.java \
    "$work/j$i-direct/logcentral.db" >"$work/j$i.explain.txt" 2>&1 || note "  ExplainQueries failed on jar $i: see $work/j$i.explain.txt"
done
[ -n "${KEEP:-}" ] || for i in "${!jars[@]}"; do rm -rf "$work/j$i-direct" "$work/j$i-api"; done

if [ "${SINGLE:-1}" = 1 ]; then
  note "one log a request, 32 connections (bench/ingest.sh STORE_ONLY=1, ${SINGLE_RUNS:-3} runs)"
  for jdk in 17 25; do
    for i in "${!jars[@]}"; do
      bin=$java; [ "$jdk" = 25 ] && bin=$java25
      t=$(date +%s.%N)
      JAR=$work/j$i.jar STORE_ONLY=1 bench/ingest.sh "${SINGLE_RUNS:-3}" "$bin" >"$work/j$i.single$jdk.log" 2>&1 ||
        { tail -30 "$work/j$i.single$jdk.log"; exit 1; }
      put "$i" - "single$jdk" "$(awk '/^3 single ingest/ {r = $7} /^  p50 ms \/ p99 ms/ {print r " (p99 " $8 " ms)"}' \
        "$work/j$i.single$jdk.log")"
      note "  JDK $jdk, jar $i: $(get "$i" - "single$jdk") logs/s ($(seconds_since "$t") s)"
    done
  done
fi
if [ "${STARTUP:-1}" = 1 ]; then
  note "start-up: bench/startup.sh, 5 runs, JDK 17"
  for i in "${!jars[@]}"; do
    put "$i" - startup "$(JAR=$work/j$i.jar bench/startup.sh 5 "$java" | sed -n 's/.*median \([0-9]*\)/\1 ms/p')"
    note "  jar $i: $(get "$i" - startup)"
  done
fi
note "disk after: $(df -h "$work" | awk 'NR == 2 {print $4 " free of " $2}')"

# The table: one column per jar and store, the issue's rows; a query cell is "p99 (p50)" in ms.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a > 0 && b > 0) printf "%.0f (%.2f x)", a, a / b; else print "-"}'; }
cols=(); heads=()
for i in "${!jars[@]}"; do
  for store in api direct; do cols+=("$i $store"); heads+=("$(get "$i" - name | cut -c1-12) $store"); done
done
w=22
row() { # label, then one cell per column
  printf '%-44s' "$1"; shift
  for cell in "$@"; do printf ' %*s' "$w" "$cell"; done; echo
}
query_row() { # label, QueryBench kind: a row for each page cache state
  local cells c mode
  for mode in "${page_cache[@]}"; do
    cells=()
    for c in "${cols[@]}"; do cells+=("$(get ${c% *} ${c#* } "q:$mode:$2")"); done
    if [ ${#page_cache[@]} -gt 1 ]; then row "$1, $mode" "${cells[@]}"; else row "$1" "${cells[@]}"; fi
  done
}
per_jar_row() { # label, key: the jar's value under both of its columns' first
  local cells=() c
  for c in "${cols[@]}"; do
    if [ "${c#* }" = api ]; then cells+=("$(get ${c% *} - "$2")"); else cells+=(""); fi
  done
  row "$1" "${cells[@]}"
}
echo
echo "================================================================================"
echo "issue 15 benchmark: $count logs a store, $("$java" -version 2>&1 | head -1), $runs rounds of up to $requests" \
  "requests per kind (medians of each round's p99 and p50), one client over HTTP, $(nproc) cores, page cache:" \
  "${page_cache[*]}"
for i in "${!jars[@]}"; do echo "  jar $i: ${jars[$i]} (sha256 $(get "$i" - sha))"; done
row "row of the issue" "${heads[@]}"
query_row "request_id=<id>, no time range, ms p99 (p50)" "request_id=<id>, whole store"
query_row "attr.user_id=<v>, no time range" "attr.user_id=userN, whole store"
query_row "q=<word in > 5 % of logs>&service=<one of 12>" "q=<common word>&service=S (one of the services)"
query_row "q=<rare word>" "q=<rare word> (< 100 logs), whole store"
query_row "filtered page (service, severity, 1 h)" "filtered page: service=S&severity=ERROR, 1 h"
query_row "stats 24 h" "stats 24 h (since=24h)"
query_row "cursor page 1,000,000 deep (or half the store)" "cursor page 1,000,000 deep: limit=100&cursor=.."
cells=()
for c in "${cols[@]}"; do cells+=("$(ratio "$(get ${c% *} ${c#* } load)" "$(get ${c% *} - raw)")"); done
row "load logs/s (x raw insert): API / direct" "${cells[@]}"
per_jar_row "raw insert, bare logs table, logs/s (median)" raw
[ "${SINGLE:-1}" = 1 ] && per_jar_row "one log a request, 32 conn, JDK 17, logs/s" single17
[ "${SINGLE:-1}" = 1 ] && per_jar_row "one log a request, 32 conn, JDK 25, logs/s" single25
[ "${STARTUP:-1}" = 1 ] && per_jar_row "first log accepted after java -jar, JDK 17" startup
cells=(); for c in "${cols[@]}"; do cells+=("$(get ${c% *} ${c#* } bytes_per_log)"); done
row "store bytes per log (db + wal, stopped)" "${cells[@]}"
cells=(); for c in "${cols[@]}"; do cells+=("$(get ${c% *} ${c#* } settle_s) s"); done
row "settled after (before the queries)" "${cells[@]}"
cells=(); for c in "${cols[@]}"; do cells+=("$(get ${c% *} ${c#* } query_load)"); done
row "load average after each query round" "${cells[@]}"
cells=(); for c in "${cols[@]}"; do cells+=("$(get ${c% *} ${c#* } server_errors)"); done
row "server log lines with ERROR or an exception" "${cells[@]}"
cells=(); for c in "${cols[@]}"; do cells+=("$(get ${c% *} api load_failures)"); done
row "failed requests of the API load" "${cells[@]}"
echo "raw insert runs: $(for i in "${!jars[@]}"; do printf 'jar %s: %s; ' "$i" "$(get "$i" - raw_runs)"; done)"
echo "every figure: $results; logs, query plans (j<n>.explain.txt): $work"
