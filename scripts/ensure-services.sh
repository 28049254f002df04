#!/usr/bin/env bash
# Makes sure PostgreSQL (with PostGIS available) and Redis answer before the demo or CI uses them.
# Idempotent: does nothing when both already run. As root on Debian it starts what is down and
# installs PostGIS; anywhere else it prints what to run and exits 1.
#
#   bash scripts/ensure-services.sh [--with-chromium]
#
#   --with-chromium   also install Debian's chromium (for browser tests), as root on Debian only.
# Reads DATABASE_URL and REDIS_URL (defaults: postgres://postgres@127.0.0.1:5432/resettle,
# redis://127.0.0.1:6379).
set -euo pipefail

with_chromium=false
for arg in "$@"; do
  case "$arg" in
    --with-chromium) with_chromium=true ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "ensure-services: unknown option $arg" >&2; exit 2 ;;
  esac
done

DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/resettle}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
# The same server, its maintenance database: the application database may not exist yet.
PG_SERVER_URL="${DATABASE_URL%/*}/postgres"

say() { echo "ensure-services: $*"; }

can_manage_here() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; }

url_part() { node -e 'const u = new URL(process.argv[1]); console.log(u[process.argv[2]])' "$1" "$2"; }

# Services are started here only when the URL points at this machine.
is_local() { case "$(url_part "$1" hostname)" in 127.0.0.1 | localhost | '[::1]') return 0 ;; *) return 1 ;; esac; }

pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -d "$PG_SERVER_URL" -t 3
  else
    tcp_open "$DATABASE_URL" 5432
  fi
}

redis_ready() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -u "$REDIS_URL" ping 2>/dev/null)" = PONG ]
  else
    tcp_open "$REDIS_URL" 6379
  fi
}

# Fallback where the client tools are missing: is anything listening at the URL's host and port?
tcp_open() {
  node -e '
    const url = new URL(process.argv[1]);
    const socket = require("node:net").connect(Number(url.port || process.argv[2]), url.hostname);
    socket.setTimeout(2000, () => process.exit(1));
    socket.on("connect", () => process.exit(0));
    socket.on("error", () => process.exit(1));
  ' "$1" "$2"
}

wait_for() {
  local name=$1 check=$2
  for _ in $(seq 1 30); do
    if "$check"; then return 0; fi
    sleep 1
  done
  say "$name did not become ready within 30 s" >&2
  return 1
}

hint_and_fail() {
  cat >&2 <<HINT
ensure-services: $1
Start PostgreSQL with PostGIS and Redis, for example with Docker:
  docker compose -f docker/compose.yml up -d postgis redis
  export DATABASE_URL=postgres://postgres:resettle@127.0.0.1:5432/resettle
or, on Debian as root:
  apt-get update && apt-get install -y postgresql postgresql-15-postgis-3 redis-server
HINT
  exit 1
}

apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  say "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- PostgreSQL ---------------------------------------------------------------------------------
if ! pg_ready; then
  if can_manage_here && is_local "$DATABASE_URL" && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    say "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for PostgreSQL pg_ready || hint_and_fail "PostgreSQL did not start"
  else
    hint_and_fail "PostgreSQL is not reachable at $PG_SERVER_URL"
  fi
fi

# --- PostGIS (the first migration creates the extension) -----------------------------------------
postgis_available() {
  local query="SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"
  if command -v psql >/dev/null 2>&1; then
    [ "$(psql "$PG_SERVER_URL" -Atqc "$query" 2>/dev/null)" = 1 ]
  elif [ -d node_modules/pg ]; then
    node -e '
      const { Client } = require("pg");
      const client = new Client({ connectionString: process.argv[1] });
      client.connect()
        .then(() => client.query(process.argv[2]))
        .then((result) => client.end().then(() => process.exit(result.rowCount === 1 ? 0 : 1)))
        .catch(() => process.exit(1));
    ' "$PG_SERVER_URL" "$query"
  else
    say "cannot check for PostGIS (no psql, no node_modules/pg); assuming it is there" >&2
  fi
}

if ! postgis_available; then
  if can_manage_here && is_local "$DATABASE_URL" && [ -d /etc/postgresql ]; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    apt_install "postgresql-$version-postgis-3"
    postgis_available || hint_and_fail "PostGIS is still not available after installing it"
  else
    hint_and_fail "the postgis extension is not available in PostgreSQL at $PG_SERVER_URL"
  fi
fi

# --- Redis ----------------------------------------------------------------------------------------
if ! redis_ready; then
  if can_manage_here && is_local "$REDIS_URL" && command -v redis-server >/dev/null 2>&1; then
    redis_port=$(url_part "$REDIS_URL" port)
    redis_port=${redis_port:-6379}
    say "starting Redis on port $redis_port"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$redis_port" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    wait_for Redis redis_ready || hint_and_fail "Redis did not start (see /var/log/redis/ci.log)"
  else
    hint_and_fail "Redis is not reachable at $REDIS_URL"
  fi
fi

# --- Chromium, only when asked ------------------------------------------------------------------
if [ "$with_chromium" = true ] && ! command -v chromium >/dev/null 2>&1; then
  if can_manage_here; then
    apt_install chromium
  else
    say "chromium is not installed; install it (Debian: apt-get install -y chromium)" >&2
    exit 1
  fi
fi

# --- argon2's native binding -----------------------------------------------------------------------
# npm 11 skips install scripts it has not been told to trust; where argon2's bundled prebuilt binary
# does not load, build it from source once (python3, make and g++ are on Debian machines).
if [ -d node_modules/argon2 ] && ! node -e "require('argon2').hash('probe').then(() => process.exit(0), () => process.exit(1))" >/dev/null 2>&1; then
  say "argon2's prebuilt binary does not load here; building it from source"
  npm rebuild argon2 --foreground-scripts >/dev/null || hint_and_fail "could not build argon2 (needs python3, make, g++)"
fi

say "PostgreSQL (with PostGIS) and Redis are ready"
