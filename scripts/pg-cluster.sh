#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, on a free loopback port.
#   pg-cluster.sh start <state file> [--fast]   starts one; writes TORA_DATABASE_URL/USER/PASSWORD
#                                               (shell syntax) to <state file> and prints the URL
#   pg-cluster.sh stop <state file>             stops it and removes its files
# --fast turns off fsync (tests only; benchmarks measure the durable default).
# PostgreSQL refuses to run as root: as root the cluster runs as the postgres user.
set -euo pipefail
action="${1:?start or stop}"; state="${2:?state file}"; mode="${3:-}"

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$action" in
  start)
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
    dir="$(mktemp -d /tmp/tora-pg.XXXXXX)"
    chmod 755 "$dir"
    password="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
    printf '%s\n' "$password" > "$dir/pwfile"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U tora --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --no-locale >/dev/null
    rm -f "$dir/pwfile"
    port="$(free_port)"
    opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=256MB"
    [ "$mode" = --fast ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_pg "$bin/pg_ctl" -D "$dir/data" -o "$opts" -l "$dir/postgres.log" -w start >/dev/null
    as_pg "$bin/createdb" -h "$dir" -p "$port" -U tora tora
    url="jdbc:postgresql://127.0.0.1:$port/tora"
    {
      echo "TORA_DATABASE_URL='$url'"
      echo "TORA_DATABASE_USER='tora'"
      echo "TORA_DATABASE_PASSWORD='$password'"
      echo "PG_CLUSTER_DIR='$dir'"
      echo "PG_BIN='$bin'"
      echo "PG_PORT='$port'"
    } > "$state"
    echo "$url"
    ;;
  stop)
    [ -f "$state" ] || exit 0
    # shellcheck disable=SC1090
    . "$state"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_CLUSTER_DIR" "$state"
    ;;
  *) echo "usage: $0 start|stop <state file> [--fast]" >&2; exit 2 ;;
esac
