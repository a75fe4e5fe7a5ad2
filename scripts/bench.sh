#!/usr/bin/env bash
# Load benchmark: seeds a fresh database with the demo region plus N synthetic participants (default 100,000),
# starts the product on loopback, lets 20 concurrent caseworkers call list/search/details for 20 s each, and runs
# the same list query in raw SQL as the baseline. With the demo region it seeds 5,000 employers, 20,000 placements and
# 300 job tracks (one with 200 candidates; BENCH_EMPLOYERS, BENCH_PLACEMENTS, BENCH_JOB_TRACKS, BENCH_CANDIDATES) and
# measures the employer register, the job track page and the public page too. Prints p50/p95/p99 per scenario.
#
#   scripts/bench.sh [Sqlite|Postgres] [participants]
#   BENCH_USERS=20 BENCH_SECONDS=20 scripts/bench.sh Postgres 100000
#   BENCH_THINK_MS=1000 scripts/bench.sh Sqlite 100000   # each user pauses 0.5–1.5 s between requests
#   BENCH_SERVER_WARMUP=0 scripts/bench.sh Sqlite 100000  # no 60 s mixed warm-up: a server just started
#   BENCH_ONLY=page: scripts/bench.sh Sqlite 100000       # only the scenarios whose name contains "page:"
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PROVIDER="${1:-Sqlite}"
PARTICIPANTS="${2:-100000}"
WORK=$(mktemp -d /tmp/arbetsvagen-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
APP_PID=""

cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ "$PROVIDER" == Postgres ]] && pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build -c Release src/Arbetsvagen.Web >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
dotnet build -c Release bench/Arbetsvagen.Bench >>"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }

if [[ "$PROVIDER" == Postgres ]]; then
  # shellcheck source=lib/postgres.sh
  source scripts/lib/postgres.sh
  pg_start
  runuser -u postgres -- psql -h 127.0.0.1 -p "$PG_PORT" -qc "CREATE DATABASE arbetsvagen_bench" >/dev/null
  CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=arbetsvagen_bench;Maximum Pool Size=100"
else
  CONNECTION="Data Source=$WORK/bench.db"
fi

export ASPNETCORE_ENVIRONMENT=Development Database__Provider="$PROVIDER" ConnectionStrings__Default="$CONNECTION" \
  DataProtection__KeysPath="$WORK/keys" Demo__Enabled=true Logging__LogLevel__Default=Warning
APP="src/Arbetsvagen.Web/bin/Release/net10.0/Arbetsvagen.Web.dll"

start_app() {
  (cd src/Arbetsvagen.Web && exec dotnet "../../$APP" --urls "http://127.0.0.1:$PORT") >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the app did not start:"; tail -30 "$WORK/app.log"; exit 1
}

echo "==> seeding demo region + $PARTICIPANTS participants ($PROVIDER)"
start_app
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
dotnet "$APP" seed-volume --participants "$PARTICIPANTS" --employers "${BENCH_EMPLOYERS:-5000}" --placements "${BENCH_PLACEMENTS:-20000}" \
  --job-tracks "${BENCH_JOB_TRACKS:-300}" --candidates "${BENCH_CANDIDATES:-200}" | tr '\r' '\n' | grep Klart
start_app
dotnet bench/Arbetsvagen.Bench/bin/Release/net10.0/Arbetsvagen.Bench.dll --url "http://127.0.0.1:$PORT" \
  --provider "$PROVIDER" --connection "$CONNECTION" --users "${BENCH_USERS:-20}" --seconds "${BENCH_SECONDS:-20}" --think-ms "${BENCH_THINK_MS:-0}" --only "${BENCH_ONLY:-}" --server-warmup "${BENCH_SERVER_WARMUP:-60}"
