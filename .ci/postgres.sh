#!/usr/bin/env bash
# Starts a PostgreSQL cluster of its own on loopback for the store contract tests and prints the
# URL to use (SKJENK_TEST_POSTGRES_URL). Debian's `postgresql` package provides the server; the
# cluster lives in a temporary folder owned by the `postgres` user (the server refuses to run as
# root), listens on 127.0.0.1 only, and is stopped when the calling shell ends (pass the pid file
# to `pg_ctl stop`).
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=$(mktemp -d /tmp/skjenk-pg.XXXXXX)
port=${SKJENK_PG_PORT:-55432}
password="skjenk-$RANDOM$RANDOM"
chown postgres "$data" 2>/dev/null || true
runas() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

echo "$password" > "$data.pw"
chmod 644 "$data.pw"
runas "$bindir/initdb" -D "$data/db" -U postgres --auth=scram-sha-256 --pwfile="$data.pw" -E UTF8 --locale=C.UTF-8 >/dev/null
runas "$bindir/pg_ctl" -D "$data/db" -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=200 -c fsync=off" \
    -l "$data/log" -w start >/dev/null
export PGPASSWORD="$password"
psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE skjenk LOGIN PASSWORD '$password'" -c "CREATE DATABASE skjenk_test OWNER skjenk"
rm -f "$data.pw"
echo "postgres://skjenk:$password@127.0.0.1:$port/skjenk_test?sslmode=disable"
