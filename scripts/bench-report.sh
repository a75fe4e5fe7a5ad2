#!/usr/bin/env bash
# Issue 11's target for the regional report "Läget i länet": the report in all formats (web page, PDF, Excel, CSV) in
# ≤ 30 s for a large region. Adds N synthetic participants with a case each to a migrated, demo-seeded database (the
# seed-volume bulk seeding; cases in SQL), orders a twelve-month report through the API, times each generation stage
# from the persisted progress, then each format over HTTP; then the 36-month follow-up over the API against the
# straightforward EF LINQ version of its first table. Runs the skipped-by-default test
# RegionalReportTests.A_large_regions_report_in_every_format through scripts/test.sh (a throwaway PostgreSQL for Postgres).
# Issue 11's volume is 1,000,000 participants with 20 case events each: scripts/bench-report.sh Postgres 1000000 20
#
#   scripts/bench-report.sh [Sqlite|Postgres|both] [participants] [events-per-case]   default: both, 100000, 0
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WHICH="${1:-both}"
case "$WHICH" in both) PROVIDERS="Sqlite Postgres" ;; Sqlite|Postgres) PROVIDERS="$WHICH" ;; *) echo "Sqlite, Postgres eller both" >&2; exit 2 ;; esac
OUT=$(mktemp /tmp/arbetsvagen-reportbench.XXXXXX)
trap 'rm -f "$OUT"' EXIT
REPORT_BENCH_PARTICIPANTS="${2:-100000}" REPORT_BENCH_EVENTS="${3:-0}" REPORT_BENCH_OUT="$OUT" TEST_PROVIDERS="$PROVIDERS" TEST_SKIP_CHROMIUM=1 TEST_HANG_TIMEOUT=0 \
  TEST_PROJECTS=tests/Arbetsvagen.Tests/Arbetsvagen.Tests.csproj \
  scripts/test.sh --filter "FullyQualifiedName~RegionalReportTests.A_large_regions_report_in_every_format" >"$OUT.log" 2>&1 || { cat "$OUT"; tail -20 "$OUT.log"; exit 1; }
cat "$OUT"
rm -f "$OUT.log"
