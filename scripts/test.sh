#!/usr/bin/env bash
# Runs every test: unit tests, the Arquillian API suite on H2 and on a throwaway PostgreSQL
# cluster, the browser tests (headless Chromium, on H2), the process tests (start script, kill -9, plugins), the Java client's tests (in the
# Maven build, against a server they start themselves), and the Python client's tests (pytest,
# against a server of their own).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log() { printf '[tora test] %s\n' "$*" >&2; }

# OS packages the tests need (CI starts from a clean machine): PostgreSQL for the throwaway
# cluster, Chromium and its driver for the browser tests.
packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
if [ ${#packages[@]} -gt 0 ]; then
  log "installing ${packages[*]} from the OS packages"
  sudo_=""
  [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${packages[@]}" >/dev/null
fi

state="$(mktemp /tmp/tora-test-pg.XXXXXX)"
py=""
cleanup() {
  # an interrupted run: the Python suite goes too (its server is left to the machine's next reboot)
  if [ -n "$py" ]; then kill "$py" 2>/dev/null || true; fi
  "$root/scripts/pg-cluster.sh" stop "$state" || true
}
trap cleanup EXIT
log "starting a throwaway PostgreSQL cluster"
"$root/scripts/pg-cluster.sh" start "$state" --fast >/dev/null
# shellcheck disable=SC1090
. "$state"
export TORA_IT_PG_URL="$TORA_DATABASE_URL" TORA_IT_PG_USER="$TORA_DATABASE_USER" TORA_IT_PG_PASSWORD="$TORA_DATABASE_PASSWORD"
unset TORA_DATABASE_URL TORA_DATABASE_USER TORA_DATABASE_PASSWORD

log "build and unit tests (Maven)"
mvn -B -ntp install -DskipITs

# The Python client's tests run against a server of their own while Maven runs the integration
# tests, and Maven runs the Java client's next to the test module's (-T 2): each suite spends most
# of its time waiting for a server to start or answer, so side by side they take about as long as
# the longest. Their servers use separate port ranges and data dirs.
pylog="$(mktemp /tmp/tora-test-python.XXXXXX)"
log "Python client tests, in the background (against a server of their own, from the EAR just built)"
TORA_TEST_NO_BUILD=1 TORA_PAYARA_HOME="$root/it/target/payara/payara6" \
  python3 -m pytest -q client/python/tests >"$pylog" 2>&1 &
py=$!

log "integration tests (Maven): the Java client's; Arquillian on H2 and PostgreSQL; browser; process"
mvn_rc=0
mvn -B -ntp -T 2 verify -pl client,it || mvn_rc=$?
py_rc=0
wait "$py" || py_rc=$?
py=""
log "Python client tests (exit $py_rc):"
cat "$pylog"
rm -f "$pylog"

if [ "$mvn_rc" != 0 ] || [ "$py_rc" != 0 ]; then
  log "tests failed (Maven exit $mvn_rc, Python exit $py_rc)"
  exit 1
fi
log "all tests passed"
