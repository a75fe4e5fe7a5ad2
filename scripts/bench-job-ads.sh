#!/usr/bin/env bash
# Issue 10's job-ad import target (bench/Arbetsvagen.JobAdImport.Bench): a year of ads (700,000, generated in JobSearch's
# archive format with removal records and a few bad lines) imported from JSON Lines through the real JobAdImporter into
# an empty database in ≤ 2 minutes with flat memory; then a re-import of the same file, which must change nothing and be
# faster. Prints time, ads/s, peak working set and GC heap (per tenth of the run too) and the import's counts.
#
#   scripts/bench-job-ads.sh [Sqlite|Postgres|both] [ads]      default: both, 700000
#   BENCH_FILE=/tmp/ads.jsonl scripts/bench-job-ads.sh Sqlite   keep the generated file there (reused when present)
#
# SQLite: a file in a temporary directory (WAL, synchronous=NORMAL, as the product runs it). PostgreSQL: a throwaway
# PostgreSQL 15 (scripts/lib/postgres.sh; note that it runs with fsync=off, like the test server).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WHICH="${1:-both}"
ADS="${2:-700000}"
WORK=$(mktemp -d /tmp/arbetsvagen-adbench.XXXXXX)
FILE="${BENCH_FILE:-$WORK/jobsearch-$ADS.jsonl}"
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
trap 'pg_stop || true; rm -rf "$WORK"' EXIT

dotnet build -c Release bench/Arbetsvagen.JobAdImport.Bench >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
BENCH="bench/Arbetsvagen.JobAdImport.Bench/bin/Release/net10.0/Arbetsvagen.JobAdImport.Bench.dll"

status=0
if [[ "$WHICH" == Sqlite || "$WHICH" == both ]]; then
  echo "==> SQLite"
  dotnet "$BENCH" --provider Sqlite --connection "Data Source=$WORK/ads.db" --ads "$ADS" --file "$FILE" || status=1
  rm -f "$WORK"/ads.db*
fi
if [[ "$WHICH" == Postgres || "$WHICH" == both ]]; then
  echo "==> PostgreSQL"
  pg_start
  _pg_as "$PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE jobads_bench" >/dev/null
  dotnet "$BENCH" --provider Postgres --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=jobads_bench" --ads "$ADS" --file "$FILE" || status=1
  pg_stop
fi
exit $status
