#!/usr/bin/env bash
# The Java client's benchmark against a fresh local server (H2, ports picked free):
#   1. JMH: the cost of run.log() while the sender delivers (median, p99, ...);
#   2. one million points in a tight loop: seconds until the server has all of them.
#   bench/java-client/run.sh [JMH options, e.g. -i 10]
# bench/README.md ("Java client") records the figures with the machine and the date.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

free_port_run() { # the first of $1 consecutive free ports, picked at random in 26100-29900
  python3 - "$1" <<'PY'
import random, socket, sys
n = int(sys.argv[1])
def free(p):
    with socket.socket() as s:
        try:
            s.bind(("0.0.0.0", p))
            return True
        except OSError:
            return False
for _ in range(500):
    base = random.randrange(26100, 29900 - n)
    if all(free(base + i) for i in range(n)):
        print(base)
        break
else:
    sys.exit("no free ports")
PY
}

mvn -B -q -ntp -DskipTests package -pl ear,bench -am
export TORA_DATA_DIR="$root/bench/target/java-client-data" TORA_HOST=127.0.0.1 TORA_AUTH=none
export TORA_RUNTIME_DIR="$root/bench/target/payara-runtime"
unset TORA_DATABASE_URL TORA_PUBLIC_URL
TORA_ADMIN_PORT="$(free_port_run 9)"
TORA_PORT="$(free_port_run 1)"
while [ "$TORA_PORT" -ge "$TORA_ADMIN_PORT" ] && [ "$TORA_PORT" -lt $((TORA_ADMIN_PORT + 9)) ]; do
  TORA_PORT="$(free_port_run 1)"
done
export TORA_PORT TORA_ADMIN_PORT
api="http://127.0.0.1:$TORA_PORT/api"

rm -rf "$TORA_DATA_DIR"
trap './tora stop >/dev/null 2>&1 || true' EXIT
./tora start --no-build >/dev/null

cp="bench/target/classes:$(cat bench/target/classpath.txt)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%F)"
java -cp "$cp" org.openjdk.jmh.Main 'dev.tora.bench.client.LogBenchmark' -p serverUrl="$api" \
  -rf json -rff bench/target/java-client-jmh.json "$@"
java -Xmx2g -cp "$cp" dev.tora.bench.client.MillionPoints "$api" 3
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
