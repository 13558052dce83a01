#!/usr/bin/env bash
# Stops the Payara domain of TORA_DATA_DIR.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_java
if ! domain_running; then
  log "not running (data dir $TORA_DATA_DIR)"
  exit 0
fi
"$ASADMIN" stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null
log "stopped"
