#!/usr/bin/env bash
# Shared settings of the scripts. Sourced, not run.

TORA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAYARA_VERSION="6.2025.10"

export TORA_DATA_DIR="$(mkdir -p "${TORA_DATA_DIR:-./.tora}" && cd "${TORA_DATA_DIR:-./.tora}" && pwd)"
export TORA_PORT="${TORA_PORT:-8080}"
export TORA_HOST="${TORA_HOST:-127.0.0.1}"
export TORA_AUTH="${TORA_AUTH:-none}"
export TORA_PLUGINS_DIR="${TORA_PLUGINS_DIR:-$TORA_DATA_DIR/plugins}"
# The admin listener (always on loopback); other internal ports follow it.
TORA_ADMIN_PORT="${TORA_ADMIN_PORT:-4848}"
TORA_RUNTIME_DIR="${TORA_RUNTIME_DIR:-$TORA_DATA_DIR/runtime}"

# Tests point TORA_PAYARA_HOME at the copy their module unpacked.
PAYARA_HOME="${TORA_PAYARA_HOME:-$TORA_RUNTIME_DIR/payara-$PAYARA_VERSION/payara6}"
ASADMIN="$PAYARA_HOME/bin/asadmin"
DOMAIN_DIR="$TORA_DATA_DIR/domains"
DOMAIN_NAME="tora"
PASSWORD_FILE="$TORA_DATA_DIR/admin-password"
EAR="$TORA_ROOT/ear/target/tora.ear"

log() { printf '[tora] %s\n' "$*" >&2; }
die() { printf '[tora] error: %s\n' "$*" >&2; exit 1; }

is_loopback() {
  case "$1" in
    localhost|127.*|::1|0:0:0:0:0:0:0:1) return 0 ;;
    *) return 1 ;;
  esac
}

# Payara 6 runs on JDK 17; honour JAVA_HOME when it is set.
use_java() {
  if [ -n "${JAVA_HOME:-}" ]; then
    export AS_JAVA="$JAVA_HOME"
    export PATH="$JAVA_HOME/bin:$PATH"
  fi
  command -v java >/dev/null || die "java not found: install JDK 17 or set JAVA_HOME"
}

asadmin() {
  "$ASADMIN" --user admin --passwordfile "$PASSWORD_FILE" --port "$TORA_ADMIN_PORT" --interactive=false "$@"
}

domain_running() {
  [ -x "$ASADMIN" ] && [ -f "$PASSWORD_FILE" ] && [ -d "$DOMAIN_DIR/$DOMAIN_NAME" ] \
    && "$ASADMIN" list-domains --domaindir "$DOMAIN_DIR" 2>/dev/null | grep -q "^$DOMAIN_NAME running"
}

url_of() {
  local host="$TORA_HOST"
  case "$host" in 0.0.0.0|::) host=127.0.0.1 ;; esac
  case "$host" in *:*) host="[$host]" ;; esac
  printf 'http://%s:%s/' "$host" "$TORA_PORT"
}
