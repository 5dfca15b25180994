#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster: initdb in a temp dir as the
# unprivileged `postgres` user (when run as root) on a free port, trust auth on 127.0.0.1 only,
# NOTERAT_TEST_PG_URL pointing at it; the cluster is stopped and removed afterwards.
# Usage: scripts/with-postgres.sh npm run test:pg
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: PostgreSQL's server is not installed (Debian: apt-get install -y postgresql)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/noterat-pg.XXXXXX)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_owner=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$dir"
  as_owner=(su postgres -s /bin/sh -c)
else
  as_owner=(sh -c)
fi
run() { "${as_owner[@]}" "$1"; }

stop() {
  run "'$bin/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

owner=$(stat -c %U "$dir")
run "'$bin/initdb' -D '$dir/data' -A trust -U $owner -E UTF8 --locale=C.UTF-8" >/dev/null
run "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off\" start" >/dev/null

export NOTERAT_TEST_PG_URL="postgresql://$owner@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
