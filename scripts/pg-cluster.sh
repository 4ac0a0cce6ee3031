#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for tests and benchmarks.
#   eval "$(scripts/pg-cluster.sh start [DIR] [PORT])"  exports PG_URL and PG_DIR
#   scripts/pg-cluster.sh stop [DIR]
# Tests trade durability for speed (fsync off); PG_DURABLE=1 keeps PostgreSQL's
# defaults, for benchmarks and fault drills that count acknowledged writes.
set -euo pipefail
cmd=${1:?start or stop}
dir=$(realpath -m "${2:-.pgtest}")
port=${3:-54329}
fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${PG_DURABLE:-}" = 1 ] && fast=""
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    if [ -f "$dir/postmaster.pid" ]; then as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir" -A trust -U postgres --no-sync >"$dir.log" 2>&1
    as_pg "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $fast" \
      start >>"$dir.log" 2>&1
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres samspel >>"$dir.log" 2>&1
    echo "export PG_DIR=$dir PG_URL=postgres://postgres@127.0.0.1:$port/samspel"
    ;;
  stop)
    [ -f "$dir/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir" "$dir.log"
    ;;
esac
