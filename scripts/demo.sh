#!/usr/bin/env bash
# `npm run demo`: services, database, build, migrations, geography, a seeded demo, then the API and
# the worker in the foreground until Ctrl-C. Safe to run again: nothing is duplicated.
set -euo pipefail
cd "$(dirname "$0")/.."

export NODE_ENV=${NODE_ENV:-development}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/resettle}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export REDIS_PREFIX=${REDIS_PREFIX:-resettle_demo}
export PORT=${PORT:-3000}
export LOG_LEVEL=${LOG_LEVEL:-info}
# The seed registers its mentors from this machine; a re-run within the hour must not be limited.
export REGISTRATIONS_PER_ADDRESS_PER_HOUR=${REGISTRATIONS_PER_ADDRESS_PER_HOUR:-1000}
export BOOTSTRAP_ADMIN_EMAIL=${BOOTSTRAP_ADMIN_EMAIL:-admin@resettle.example}
export BOOTSTRAP_ADMIN_PASSWORD=${BOOTSTRAP_ADMIN_PASSWORD:-through the gate 2026}
# A fresh signing key each start: tokens from an earlier demo simply stop working.
export JWT_SECRET=${JWT_SECRET:-$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))')}

logs=dist/demo
base="http://localhost:$PORT"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "demo: something already listens on port $PORT (an earlier demo?). Stop it, or run a second demo with its own PORT, DATABASE_URL and REDIS_PREFIX (see the README)." >&2
  exit 1
fi
[ -d node_modules ] || { step "npm ci"; npm ci; }

step "PostgreSQL, PostGIS and Redis"
bash scripts/ensure-services.sh

step "Database"
npm run -s ts -- scripts/database.ts create

step "Build"
npm run -s build

step "Migrations"
npm run -s migration:run

step "Geography"
if [ -z "${GEO_DATA_DIR:-}" ]; then
  if [ -d ../shared/data ]; then
    GEO_DATA_DIR=../shared/data
  else
    echo "../shared/data is not here (set GEO_DATA_DIR to the reference data); using the small fixture test/fixtures/geo"
    GEO_DATA_DIR=test/fixtures/geo
  fi
fi
npm run -s geo:import -- "$GEO_DATA_DIR"

mkdir -p "$logs"
api_pid=''
worker_pid=''
stop() {
  trap - INT TERM EXIT
  local pids=()
  [ -n "$api_pid" ] && pids+=("$api_pid")
  [ -n "$worker_pid" ] && pids+=("$worker_pid")
  if ((${#pids[@]})); then
    echo
    echo "demo: stopping the API and the worker"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap 'stop; exit 0' INT
trap 'stop; exit 143' TERM
trap stop EXIT

step "API"
node dist/apps/api/src/main.js >"$logs/api.log" 2>&1 &
api_pid=$!
for attempt in $(seq 1 60); do
  if ! kill -0 "$api_pid" 2>/dev/null; then
    echo "demo: the API stopped while starting; the end of $logs/api.log:" >&2
    tail -n 20 "$logs/api.log" >&2
    exit 1
  fi
  if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$base/health"; then
    break
  fi
  [ "$attempt" = 60 ] && { echo "demo: the API did not answer $base/health within 60 s (see $logs/api.log)" >&2; exit 1; }
  sleep 1
done
echo "API is up (logs: $logs/api.log)"

step "Demo data"
DEMO_CREDENTIALS_FILE="$logs/credentials.txt" npm run -s seed:demo

step "Worker"
node dist/apps/worker/src/main.js >"$logs/worker.log" 2>&1 &
worker_pid=$!
sleep 2
kill -0 "$worker_pid" 2>/dev/null || { echo "demo: the worker stopped; see $logs/worker.log" >&2; tail -n 20 "$logs/worker.log" >&2; exit 1; }
echo "worker is up (logs: $logs/worker.log)"

coordinator=coordinator.leeds@resettle.example
password=$BOOTSTRAP_ADMIN_PASSWORD
[ -n "${DEMO_PASSWORD:-}" ] && password=$DEMO_PASSWORD

cat <<BANNER

Resettle Match demo is running. Press Ctrl-C to stop the API and the worker.

  GraphQL   $base/graphql
  GraphiQL  $base/graphql   (open it in a browser)
  Map       $base/map   (public: GeoJSON $base/map/services.geojson, Open Referral UK $base/openreferral/services)
  Health    $base/health   (worker and notification relay: $base/health/worker)
  Reset     $base/reset-password   (where password-reset emails link; the demo sends no email)
  Logs      $logs/api.log, $logs/worker.log   (database ${DATABASE_URL##*/}, Redis prefix $REDIS_PREFIX)

Demo accounts:
$(cat "$logs/credentials.txt")

Try it:
  TOKEN=\$(curl -s $base/graphql -H 'content-type: application/json' \\
    -d '{"query":"mutation { login(email: \\"$coordinator\\", password: \\"$password\\") { accessToken } }"}' \\
    | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).data.login.accessToken')
  curl -s $base/graphql -H 'content-type: application/json' -H "authorization: Bearer \$TOKEN" \\
    -d '{"query":"{ me { email organisation { name } } volunteers(first: 5) { totalCount edges { node { displayName outcode status languages } } } }"}'
BANNER

# Until Ctrl-C, or until one of the two stops on its own.
set +e
wait -n "$api_pid" "$worker_pid"
status=$?
echo "demo: the API or the worker stopped (exit $status); see $logs/" >&2
exit "$status"
