#!/usr/bin/env bash
# Participant name search: PostgreSQL with the trigram index (pg_trgm, migration 0024) against the plain LIKE '%…%'
# it replaced, in the same run on the same data (the index is dropped inside a rolled-back transaction), and SQLite's
# LIKE for comparison. Seeds the demo region plus N synthetic participants (default 100,000) into a fresh database.
#
#   scripts/bench-search.sh [Postgres|Sqlite|both] [participants]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WHICH="${1:-both}"
PARTICIPANTS="${2:-100000}"
WORK=$(mktemp -d /tmp/arbetsvagen-bench-search.XXXXXX)
PG_STARTED=""
cleanup() {
  [[ -n "$PG_STARTED" ]] && pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build -c Release src/Arbetsvagen.Web >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
APP="$ROOT/src/Arbetsvagen.Web/bin/Release/net10.0/Arbetsvagen.Web.dll"

run() {
  local provider="$1" connection="$2"
  export Database__Provider="$provider" ConnectionStrings__Default="$connection" DataProtection__KeysPath="$WORK/keys-$provider" \
    Demo__Enabled=true Demo__Participants=300 Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Development
  echo "==> $provider: demo region + $PARTICIPANTS participants"
  # The app seeds the demo region on its first start; it is stopped as soon as it answers.
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  (cd "$WORK" && exec dotnet "$APP" --urls "http://127.0.0.1:$port") >"$WORK/app-$provider.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  (cd "$WORK" && dotnet "$APP" seed-volume --participants "$PARTICIPANTS") | tr '\r' '\n' | grep Klart
  (cd "$WORK" && dotnet "$APP" bench-search --rounds "${BENCH_ROUNDS:-30}")
}

if [[ "$WHICH" == Postgres || "$WHICH" == both ]]; then
  # shellcheck source=lib/postgres.sh
  source scripts/lib/postgres.sh
  pg_start; PG_STARTED=1
  runuser -u postgres -- psql -h 127.0.0.1 -p "$PG_PORT" -qc "CREATE DATABASE arbetsvagen_bench_search" >/dev/null
  run Postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=arbetsvagen_bench_search"
fi
if [[ "$WHICH" == Sqlite || "$WHICH" == both ]]; then
  run Sqlite "Data Source=$WORK/bench.db"
fi
