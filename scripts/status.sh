#!/usr/bin/env bash
# Says whether the server of TORA_DATA_DIR runs and answers.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_java
if ! domain_running; then
  log "not running (data dir $TORA_DATA_DIR)"
  exit 1
fi
url="$(url_of)"
if curl -fsS --max-time 5 "${url}api/health"; then
  echo
  log "running at $url"
else
  log "the server runs but $url does not answer"
  exit 1
fi
