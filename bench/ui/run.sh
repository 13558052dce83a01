#!/usr/bin/env bash
# The UI benchmarks of issue 4 in headless Chromium against a fresh server on the embedded H2:
#   bench/ui/run.sh [charts|dashboard|all]      (default all)
# Needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver).
# Prints RESULT lines; bench/README.md records them under "UI charts" and "UI dashboard".
set -euo pipefail
which="${1:-all}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export TORA_DATA_DIR="$root/bench/target/data-ui" TORA_PORT="${BENCH_UI_PORT:-26280}" TORA_ADMIN_PORT="${BENCH_UI_ADMIN_PORT:-26248}"
unset TORA_DATABASE_URL

mvn -B -q -ntp -DskipTests package -pl ear,bench -am
./tora stop >/dev/null 2>&1 || true
rm -rf "$TORA_DATA_DIR"
trap './tora stop >/dev/null 2>&1' EXIT
./tora start --no-build >/dev/null
bench() { java -Xmx2g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$@" "http://127.0.0.1:$TORA_PORT"; }
case "$which" in
  charts) bench dev.tora.bench.ui.ChartBench ;;
  dashboard) bench dev.tora.bench.ui.DashboardBench ;;
  all) bench dev.tora.bench.ui.ChartBench; bench dev.tora.bench.ui.DashboardBench ;;
  *) echo "usage: bench/ui/run.sh [charts|dashboard|all]" >&2; exit 2 ;;
esac
