#!/usr/bin/env bash
# Issue 11's scale target: the target-group overview for a collaboration over 1,000,000 participants and 20,000,000 case
# events in ≤ 1 s on PostgreSQL and ≤ 3 s on SQLite, against the straightforward EF LINQ version in the same run (the
# counted participants loaded and grouped in memory). Runs the app's `bench-statistics` command
# (Compositions/Hosting/StatisticsBench.cs) on a fresh database per provider.
#
#   scripts/bench-statistics.sh [Sqlite|Postgres|both] [participants] [events-per-case] [rounds]   default: both, 1000000, 20, 5
#
# SQLite: a file in a temporary directory. PostgreSQL: a throwaway PostgreSQL (scripts/lib/postgres.sh, fsync=off).
# Disk: about 6 GB per provider at the default volume.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WHICH="${1:-both}"
PARTICIPANTS="${2:-1000000}"
EVENTS="${3:-20}"
ROUNDS="${4:-5}"
WORK=$(mktemp -d /tmp/arbetsvagen-statbench.XXXXXX)
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
trap 'pg_stop || true; rm -rf "$WORK"' EXIT

# BENCH_APP=/path/to/Arbetsvagen.Web.dll runs a copy built earlier (so that building the checkout meanwhile cannot touch it).
if [[ -n "${BENCH_APP:-}" ]]; then
  APP="$BENCH_APP"
else
  dotnet build -c Release src/Arbetsvagen.Web >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
  APP="src/Arbetsvagen.Web/bin/Release/net10.0/Arbetsvagen.Web.dll"
fi
ARGS=(--participants "$PARTICIPANTS" --events-per-case "$EVENTS" --rounds "$ROUNDS" --DataProtection:KeysPath "$WORK/keys")

status=0
if [[ "$WHICH" == Sqlite || "$WHICH" == both ]]; then
  echo "==> SQLite"
  Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$WORK/stat.db" dotnet "$APP" bench-statistics "${ARGS[@]}" || status=1
  rm -f "$WORK"/stat.db*
fi
if [[ "$WHICH" == Postgres || "$WHICH" == both ]]; then
  echo "==> PostgreSQL"
  pg_start
  _pg_as "$PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE stat_bench" >/dev/null
  Database__Provider=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=stat_bench;Command Timeout=1800" \
    dotnet "$APP" bench-statistics "${ARGS[@]}" || status=1
  pg_stop
fi
exit $status
