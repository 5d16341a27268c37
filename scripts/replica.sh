#!/usr/bin/env bash
# A real streaming replica of the local PostgreSQL, for the read-replica tests (npm run test:cluster)
# and for trying DATABASE_READ_URL by hand:
#   scripts/replica.sh start   pg_basebackup of the primary into a second cluster, started on port 5433
#   scripts/replica.sh stop    stops it and removes its folder
#   scripts/replica.sh status  is it up, and is it in recovery
# Settings: PRIMARY_HOST/PRIMARY_PORT (127.0.0.1:5432), REPLICA_PORT (5433), REPLICA_DIR
# (/tmp/bvct-replica). The primary's pg_hba.conf gets a replication line for 127.0.0.1 if it has none
# (then its configuration is reloaded). Run as root (the PostgreSQL programs run as the postgres
# user) or as the postgres user itself.
set -euo pipefail

PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
REPLICA_DIR=${REPLICA_DIR:-/tmp/bvct-replica}
PG_BIN=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin

as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
psql_primary() { psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -Atqc "$1"; }

stop() {
  if [ -f "$REPLICA_DIR/data/postmaster.pid" ]; then as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR/data" -m immediate -w stop >/dev/null || true; fi
  rm -rf "$REPLICA_DIR"
}

start() {
  stop
  # Replication connections from this machine, if the primary does not allow them yet.
  hba=$(psql_primary 'SHOW hba_file')
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32' "$hba"; then
    echo "host replication postgres 127.0.0.1/32 trust  # added by bvct scripts/replica.sh" >>"$hba"
    psql_primary 'SELECT pg_reload_conf()' >/dev/null
    sleep 0.5
  fi
  [ "$(psql_primary 'SHOW wal_level')" != minimal ] || { echo "The primary has wal_level=minimal: set it to replica and restart it" >&2; exit 1; }
  mkdir -p "$REPLICA_DIR"
  chown postgres:postgres "$REPLICA_DIR" 2>/dev/null || true
  chmod 700 "$REPLICA_DIR"
  # -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica.
  as_pg "$PG_BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DIR/data" -R -X stream -c fast --no-sync
  # Debian keeps the configuration outside the data folder: the copy gets its own, minimal one.
  as_pg sh -c "cat > '$REPLICA_DIR/data/postgresql.conf' <<CONF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
hot_standby_feedback = on
max_connections = 100
fsync = off
CONF
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > '$REPLICA_DIR/data/pg_hba.conf'
: > '$REPLICA_DIR/data/pg_ident.conf'"
  as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR/data" -l "$REPLICA_DIR/replica.log" -w -t 60 start >/dev/null
  status
}

status() {
  in_recovery=$(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -Atqc 'SELECT pg_is_in_recovery()' 2>/dev/null || echo down)
  echo "replica on 127.0.0.1:$REPLICA_PORT: $([ "$in_recovery" = t ] && echo 'streaming (in recovery)' || echo "$in_recovery")"
  psql_primary "SELECT 'primary sees: ' || application_name || ' ' || state || ', replay lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication" || true
  [ "$in_recovery" = t ]
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
