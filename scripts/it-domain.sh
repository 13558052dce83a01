#!/usr/bin/env bash
# Creates the Payara domain the Arquillian integration tests run in, inside the test module's own
# Payara copy (the Arquillian adapter only knows domains there): no admin password, everything on
# loopback. Reused while the ports stay the same and no application is left in it (a test run
# stopped half-way leaves its deployment registered, and Arquillian cannot deploy over it).
#   usage: it-domain.sh <payara home> <admin port> <http port>
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/domain.sh"
home="$1"; admin="$2"; http="$3"
domains="$home/glassfish/domains"
marker="$domains/tora-it/.ports"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$admin $http" ] \
    && ! grep -q '<application ' "$domains/tora-it/config/domain.xml" 2>/dev/null; then
  exit 0
fi
rm -rf "$domains/tora-it"
create_tora_domain "$home/bin/asadmin" "$domains" tora-it "$admin" "$http" 127.0.0.1 2g
echo "$admin $http" > "$marker"
