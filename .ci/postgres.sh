#!/usr/bin/env bash
# Starts a PostgreSQL cluster of its own on loopback for the store contract tests and prints the
# URL to use (SKJENK_TEST_POSTGRES_URL). Debian's `postgresql` package provides the server; the
# cluster lives in a temporary folder owned by the `postgres` user (the server refuses to run as
# root) and listens on 127.0.0.1 only, on the first free port from 55432. `.ci/postgres.sh stop`
# stops the cluster it started last (its folder is kept in .build/postgres-cluster).
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
runas() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p .build
if [ "${1:-}" = "stop" ]; then
    [ -f .build/postgres-cluster ] && runas "$bindir/pg_ctl" -D "$(cat .build/postgres-cluster)/db" -m fast stop >/dev/null || true
    exit 0
fi
data=$(mktemp -d /tmp/skjenk-pg.XXXXXX)
port=${SKJENK_PG_PORT:-55432}
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
password="skjenk-$RANDOM$RANDOM"
chown postgres "$data" 2>/dev/null || true
echo "$data" > .build/postgres-cluster

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
