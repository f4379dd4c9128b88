#!/usr/bin/env bash
# bin/postgres replica start|stop|status PORT: a hot standby of the machine's PostgreSQL server on 127.0.0.1:PORT, fed
# by streaming replication. Only for loopback use: it trusts every loopback connection, as the primary here does.
set -euo pipefail
cmd=$1
port=$2
host=${PALIMPSEST_PG_HOST:-127.0.0.1}
primary_port=${PALIMPSEST_PG_PORT:-5432}
user=${PALIMPSEST_PG_USER:-postgres}
dir=${PALIMPSEST_REPLICA_DIR:-/var/lib/postgresql/palimpsest-replica-$port}
version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
pgbin=/usr/lib/postgresql/$version/bin
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
primary() { command psql -h "$host" -p "$primary_port" -U "$user" -v ON_ERROR_STOP=1 -qtA -d postgres "$@"; }
replica() { command psql -h 127.0.0.1 -p "$port" -U "$user" -v ON_ERROR_STOP=1 -qtA -d postgres "$@"; }

stop() {
  if [ -f "$dir/postmaster.pid" ]; then
    as_postgres "$pgbin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null && echo "replica on 127.0.0.1:$port stopped"
  fi
  rm -rf "$dir"
}

start() {
  stop
  # Streaming replication needs a replication line in the primary's pg_hba.conf; add one for loopback if none.
  if [ -z "$(primary -c "select 1 from pg_hba_file_rules where 'replication' = any(database) limit 1")" ]; then
    hba=$(primary -c "show hba_file")
    echo "host replication all 127.0.0.1/32 trust" >> "$hba"
    primary -c "select pg_reload_conf()" >/dev/null
    echo "added a loopback replication line to $hba"
  fi
  mkdir -p "$(dirname "$dir")"
  echo "copying the primary on $host:$primary_port into $dir"
  as_postgres "$pgbin/pg_basebackup" -h "$host" -p "$primary_port" -U "$user" -D "$dir" -R -X stream -c fast
  # A hot standby needs at least the primary's values of these (PostgreSQL refuses to start otherwise).
  local settings
  settings=$(primary -F ' ' -c "select name, setting from pg_settings where name in ('max_connections',
    'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')" \
    | awk '{print $1 " = " $2}')
  as_postgres tee "$dir/postgresql.conf" >/dev/null <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
hba_file = '$dir/pg_hba.conf'
ident_file = '$dir/pg_ident.conf'
hot_standby = on
shared_buffers = 64MB
$settings
CONF
  as_postgres tee "$dir/pg_hba.conf" >/dev/null <<HBA
local all all trust
host all all 127.0.0.1/32 trust
HBA
  as_postgres touch "$dir/pg_ident.conf"
  as_postgres "$pgbin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null
  for _ in $(seq 1 30); do
    [ "$(replica -c "select pg_is_in_recovery()" 2>/dev/null)" = t ] && break
    sleep 1
  done
  [ "$(replica -c "select pg_is_in_recovery()")" = t ] || { echo "the replica did not come up as a standby" >&2; exit 1; }
  echo "replica up on 127.0.0.1:$port (hot standby of $host:$primary_port)"
}

status() {
  if [ "$(replica -c "select pg_is_in_recovery()" 2>/dev/null)" != t ]; then
    echo "no standby on 127.0.0.1:$port"
    exit 1
  fi
  local primary_lsn
  primary_lsn=$(primary -c "select pg_current_wal_lsn()")
  echo "standby on 127.0.0.1:$port; WAL bytes still to replay: $(replica -c \
    "select pg_wal_lsn_diff('$primary_lsn', pg_last_wal_replay_lsn())")"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: bin/postgres replica start|stop|status PORT" >&2; exit 2 ;;
esac
