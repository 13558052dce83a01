#!/usr/bin/env bash
# Runs the benchmarks against a fresh server on the embedded H2 or on a throwaway PostgreSQL.
#   bench/run.sh h2|postgresql [points]      (points default 10000000)
#   BENCH_ONLY=search bench/run.sh h2|postgresql     only the dashboard search benchmarks
# Prints RESULT lines; bench/README.md records them with the machine and date.
set -euo pipefail
db="${1:-h2}"; points="${2:-10000000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export TORA_DATA_DIR="$root/bench/target/data-$db" TORA_PORT="${BENCH_PORT:-26080}" TORA_ADMIN_PORT="${BENCH_ADMIN_PORT:-26048}"
api="http://127.0.0.1:$TORA_PORT/api"

mvn -B -q -ntp -DskipTests package -pl ear,bench -am
java_bench() { java -Xmx3g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.tora.bench.Bench "$@"; }

./tora stop >/dev/null 2>&1 || true
rm -rf "$TORA_DATA_DIR"
state=""
cleanup() {
  set +e
  ./tora stop >/dev/null 2>&1
  [ -n "$state" ] && scripts/pg-cluster.sh stop "$state"
}
trap cleanup EXIT
if [ "$db" = postgresql ]; then
  state="$(mktemp /tmp/tora-bench-pg.XXXXXX)"
  scripts/pg-cluster.sh start "$state" >/dev/null
  # shellcheck disable=SC1090
  . "$state"
  export TORA_DATABASE_URL TORA_DATABASE_USER TORA_DATABASE_PASSWORD
  size_sql() { PGPASSWORD="$TORA_DATABASE_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U tora -d tora -tAc "$1"; }
  disk() { size_sql "SELECT pg_total_relation_size('chunk') + pg_total_relation_size('series') + pg_total_relation_size('point_metadata')"; }
else
  unset TORA_DATABASE_URL
  disk() { stat -c %s "$TORA_DATA_DIR/db/tora.mv.db"; }
fi

# The dashboard's table: 10,000 experiments through the API, then the dashboard's own statements
# in-process (on H2 once the server has let go of its file).
search_bench() {
  out="$(java_bench search "$api" 10000 50)"; echo "$out" | grep RESULT
  workspace="$(echo "$out" | sed -n 's/^WORKSPACE //p')"
  if [ "$db" = postgresql ]; then
    java_bench search-sql "$TORA_DATABASE_URL" "$workspace" 50 "$TORA_DATABASE_USER" "$TORA_DATABASE_PASSWORD" | grep RESULT
  else
    ./tora stop >/dev/null
    java_bench search-sql "$TORA_DATA_DIR/db/tora" "$workspace" 50 | grep RESULT
  fi
}
if [ "${BENCH_ONLY:-}" = search ]; then
  ./tora start >/dev/null
  search_bench
  exit 0
fi

# Command (1) as a user runs it, with every Maven artifact already local: build (up to date),
# domain creation, deployment; then a second start after a stop.
t0=$(date +%s.%N); ./tora start >/dev/null; t1=$(date +%s.%N)
./tora stop >/dev/null; t2=$(date +%s.%N); ./tora start >/dev/null; t3=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" \
  'BEGIN { printf "RESULT start-up: ./tora start on a fresh data dir %.1f s, again after ./tora stop %.1f s\n", b - a, d - c }'

# Three rounds into fresh experiments: the first meets a fresh JVM whose JIT compilers still take
# a core's worth of CPU for a minute or two (Payara is a lot of code); the last is the steady state.
before=$(disk)
written=0
for round in 1 2 3; do
  out="$(java_bench ingest "$api" "$points" 4 4)"; echo "$out" | grep RESULT | sed "s/^RESULT ingest/RESULT ingest round $round:/"
  written=$(( written + $(echo "$out" | sed -n 's/^WRITTEN //p') ))
done
after=$(disk)
awk -v a="$before" -v b="$after" -v n="$written" \
  'BEGIN { printf "RESULT disk right after the ingest rounds (12 series): %d bytes, %.2f bytes/point\n", b - a, (b - a) / n }'
# Housekeeping (a pass every 2 s) rewrites the live pages into the file's holes while the size holds
# still, then moves the last chunks forward and the file shrinks at once (see
# EmbeddedDatabaseMaintenance). Wait until the size holds still for 90 s (at most 10 minutes).
waited=0; settled=$(disk); still=0
while [ "$still" -lt 90 ] && [ "$waited" -lt 600 ]; do
  sleep 15; waited=$(( waited + 15 ))
  now=$(disk)
  if [ "$now" = "$settled" ]; then still=$(( still + 15 )); else still=0; settled=$now; fi
done
awk -v a="$before" -v b="$settled" -v n="$written" -v w="$waited" \
  'BEGIN { printf "RESULT disk once housekeeping settled (%d s later): %d bytes, %.2f bytes/point\n", w, b - a, (b - a) / n }'

out="$(java_bench ingest "$api" "$points" 4 1)"; echo "$out" | grep RESULT
experiment="$(echo "$out" | sed -n 's/^EXPERIMENTS //p')"
java_bench downsample "$api" "$experiment" loss 30 | grep RESULT
java_bench export "$api" "$experiment" csv | grep RESULT
java_bench export "$api" "$experiment" jsonl | grep RESULT
java_bench list "$api" 10000 50 | grep RESULT
search_bench
