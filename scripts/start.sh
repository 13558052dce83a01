#!/usr/bin/env bash
# Builds tora.ear, gets Payara Server through Maven, creates or reuses a domain under
# TORA_DATA_DIR, deploys the EAR when it changed, and prints the URL once Tora answers.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/domain.sh"

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    *) die "unknown option $arg (try --no-build)" ;;
  esac
done

case "$TORA_AUTH" in
  none)
    is_loopback "$TORA_HOST" || die "TORA_AUTH=none is only allowed when TORA_HOST is a loopback address \
(TORA_HOST is $TORA_HOST). Set TORA_AUTH=required to serve other machines." ;;
  required) ;;
  *) die "TORA_AUTH must be none or required, got '$TORA_AUTH'" ;;
esac
use_java

mvn_quiet() { (cd "$TORA_ROOT" && mvn -B -q "$@"); }

# Sources of the modules that make up tora.ear.
ear_sources=(pom.xml plugins-spi core-ejb api-war ui-faces plugins ear)
stale() {
  [ ! -f "$EAR" ] && return 0
  [ -n "$(cd "$TORA_ROOT" && find "${ear_sources[@]}" -newer "$EAR" -not -path '*/target/*' \
      \( -path '*/src/*' -o -name pom.xml \) -print -quit 2>/dev/null)" ]
}
if [ ! -f "$EAR" ] || { [ "$build" = 1 ] && stale; }; then
  log "building tora.ear"
  mvn_quiet -DskipTests -pl ear -am package
fi

if [ ! -x "$ASADMIN" ]; then
  log "unpacking Payara Server $PAYARA_VERSION (from Maven Central or the local repository)"
  mkdir -p "$TORA_RUNTIME_DIR"
  tmp="$TORA_RUNTIME_DIR/.unpack-$$"
  mvn_quiet dependency:unpack -Dartifact="fish.payara.distributions:payara:$PAYARA_VERSION:zip" \
    -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true
  rm -rf "$TORA_RUNTIME_DIR/payara-$PAYARA_VERSION"
  mv "$tmp" "$TORA_RUNTIME_DIR/payara-$PAYARA_VERSION"
fi

create_domain() {
  log "creating the Payara domain in $DOMAIN_DIR"
  umask 077
  printf 'AS_ADMIN_PASSWORD=%s\n' "$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)" > "$PASSWORD_FILE"
  umask 022
  create_tora_domain "$ASADMIN" "$DOMAIN_DIR" "$DOMAIN_NAME" "$TORA_ADMIN_PORT" "$TORA_PORT" "$TORA_HOST" \
    "${TORA_HEAP:-2g}" "$PASSWORD_FILE"
  printf '%s\n' "$TORA_HOST:$TORA_PORT" > "$TORA_DATA_DIR/domains/.listener"
}

if [ ! -d "$DOMAIN_DIR/$DOMAIN_NAME" ] || [ ! -f "$PASSWORD_FILE" ]; then
  rm -rf "${DOMAIN_DIR:?}/$DOMAIN_NAME"
  create_domain
elif [ "$(cat "$TORA_DATA_DIR/domains/.listener" 2>/dev/null)" != "$TORA_HOST:$TORA_PORT" ]; then
  die "the domain in $DOMAIN_DIR listens on $(cat "$TORA_DATA_DIR/domains/.listener" 2>/dev/null); \
stop it and remove $DOMAIN_DIR to change TORA_HOST or TORA_PORT"
fi

mkdir -p "$TORA_PLUGINS_DIR"
if domain_running; then
  log "the domain is already running"
else
  log "starting Payara Server"
  # The server inherits TORA_* from this environment; MicroProfile Config reads them there.
  "$ASADMIN" start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null \
    || die "Payara did not start; see $DOMAIN_DIR/$DOMAIN_NAME/logs/server.log"
fi

checksum="$(sha256sum "$EAR" | cut -d' ' -f1)"
stamp="$TORA_DATA_DIR/domains/.deployed-ear"
deploy() {
  rm -f "$stamp"
  # Payara sometimes fails to load an application (seen on a loaded machine: Weld's bean manager
  # missing while the EJB singletons start), and what is left of the attempt in that JVM (a closed
  # EntityManagerFactory) breaks a second deployment in place. So: remove it, restart the server,
  # deploy again.
  if ! asadmin deploy --force=true --name tora "$EAR" >/dev/null 2>&1; then
    log "deployment failed once; removing the application, restarting Payara and deploying again"
    asadmin undeploy tora >/dev/null 2>&1 || true
    "$ASADMIN" stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null 2>&1 || true
    "$ASADMIN" start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null \
      || die "Payara did not start; see $DOMAIN_DIR/$DOMAIN_NAME/logs/server.log"
    if ! asadmin deploy --force=true --name tora "$EAR" >/dev/null; then
      grep -E "SEVERE|Exception|TORA_" "$DOMAIN_DIR/$DOMAIN_NAME/logs/server.log" | tail -n 15 >&2 || true
      die "deployment failed; see $DOMAIN_DIR/$DOMAIN_NAME/logs/server.log"
    fi
  fi
  printf '%s\n' "$checksum" > "$stamp"
}

if [ "$(cat "$stamp" 2>/dev/null)" != "$checksum" ] || ! asadmin list-applications 2>/dev/null | grep -q '^tora '; then
  log "deploying tora.ear"
  deploy
else
  log "tora.ear unchanged; not redeploying"
fi

url="$(url_of)"
answers() {
  for _ in $(seq 1 "$1"); do
    curl -fsS --max-time 5 "${url}api/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  return 1
}
if ! answers 120; then
  log "Tora does not answer; deploying again"
  deploy
  answers 120 || die "Tora did not answer at ${url}api/health; see $DOMAIN_DIR/$DOMAIN_NAME/logs/server.log"
fi
log "Tora is running"
echo "$url"
