#!/usr/bin/env bash
# Starts PostgreSQL and Redis on loopback for the tests, and prints the URLs as shell exports.
# Usage: eval "$(bash .ci/services.sh start)"   then   bash .ci/services.sh stop
# apt never starts services on these machines, so we run the servers ourselves in a scratch folder.
set -euo pipefail
RUN=${THIDUA_SERVICES_DIR:-/tmp/thidua-services}
PG_PORT=${THIDUA_PG_PORT:-54329}
REDIS_PORT=${THIDUA_REDIS_PORT:-63799}

install_packages() {
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >&2
  fi
}

start() {
  install_packages
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$RUN/pg" "$RUN/redis"
  chown postgres:postgres "$RUN/pg"
  if [ ! -f "$RUN/pg/data/PG_VERSION" ]; then
    runuser -u postgres -- "$pgbin/initdb" -D "$RUN/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
  fi
  if ! runuser -u postgres -- "$pgbin/pg_ctl" -D "$RUN/pg/data" status >/dev/null 2>&1; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$RUN/pg/data" -l "$RUN/pg/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $RUN/pg -c fsync=off -c max_connections=200" -w start >&2
  fi
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='thidua_test'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc 'create database thidua_test' >&2
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$RUN/redis" --save '' --appendonly no \
      --daemonize yes --pidfile "$RUN/redis/redis.pid" --logfile "$RUN/redis/redis.log" >&2
  fi
  echo "export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$PG_PORT/thidua_test"
  echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
}

stop() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$pgbin" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$RUN/pg/data" -m fast -w stop >&2 || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}

"${1:-start}"
