#!/usr/bin/env bash
# Issue 13's KAA targets: a county's school situation (50,000 young people) imported with its change report in ≤ 20 s,
# and the work list of those not reached at p95 < 100 ms with 20 concurrent users — each against its obvious alternative
# in the same run (a query and a save per row; "not reached" worked out from the contacts). Runs the app's
# `bench-kaa` command (Compositions/Hosting/KaaBench.cs) on a fresh database; the work list is measured in-process
# (the query each request runs, without HTTP, sign-in or the access-log row).
#
#   scripts/bench-kaa.sh [Sqlite|Postgres|both] [rows] [users] [seconds]      default: both, 50000, 20, 15
#
# SQLite: a file in a temporary directory. PostgreSQL: a throwaway PostgreSQL 15 (scripts/lib/postgres.sh, fsync=off).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WHICH="${1:-both}"
ROWS="${2:-50000}"
USERS="${3:-20}"
SECONDS_EACH="${4:-15}"
WORK=$(mktemp -d /tmp/arbetsvagen-kaabench.XXXXXX)
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
trap 'pg_stop || true; rm -rf "$WORK"' EXIT

dotnet build -c Release src/Arbetsvagen.Web >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
APP="src/Arbetsvagen.Web/bin/Release/net10.0/Arbetsvagen.Web.dll"
ARGS=(--rows "$ROWS" --users "$USERS" --seconds "$SECONDS_EACH" --DataProtection:KeysPath "$WORK/keys")

status=0
if [[ "$WHICH" == Sqlite || "$WHICH" == both ]]; then
  echo "==> SQLite"
  Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$WORK/kaa.db" dotnet "$APP" bench-kaa "${ARGS[@]}" || status=1
  rm -f "$WORK"/kaa.db*
fi
if [[ "$WHICH" == Postgres || "$WHICH" == both ]]; then
  echo "==> PostgreSQL"
  pg_start
  _pg_as "$PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE kaa_bench" >/dev/null
  Database__Provider=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=kaa_bench;Maximum Pool Size=40" \
    dotnet "$APP" bench-kaa "${ARGS[@]}" || status=1
  pg_stop
fi
exit $status
