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
cleanup() { "$root/scripts/pg-cluster.sh" stop "$state" || true; }
trap cleanup EXIT
log "starting a throwaway PostgreSQL cluster"
"$root/scripts/pg-cluster.sh" start "$state" --fast >/dev/null
# shellcheck disable=SC1090
. "$state"
export TORA_IT_PG_URL="$TORA_DATABASE_URL" TORA_IT_PG_USER="$TORA_DATABASE_USER" TORA_IT_PG_PASSWORD="$TORA_DATABASE_PASSWORD"
unset TORA_DATABASE_URL TORA_DATABASE_USER TORA_DATABASE_PASSWORD

log "unit and integration tests (Maven)"
mvn -B -ntp verify

log "Python client tests (against a server of their own, from the EAR just built)"
TORA_TEST_NO_BUILD=1 TORA_PAYARA_HOME="$root/it/target/payara/payara6" python3 -m pytest -q client/python/tests

log "all tests passed"
