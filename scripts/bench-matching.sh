#!/usr/bin/env bash
# The matching core's benchmark (bench/Arbetsvagen.Matching.Bench): 200,000 generated candidates, one requirement
# profile → top 50 with explanations (median of 31 runs, wall clock and thread CPU), the same ranking as one SQL query
# on PostgreSQL (identical top 50 checked, ratio), and all candidates × 10,000 opportunities, top 10 each.
#
#   scripts/bench-matching.sh [bench args...]          e.g. --candidates 50000 --skip-all --breakdown
#   MATCHING_PG="Host=…;Username=postgres" scripts/bench-matching.sh   use that server (superuser: it creates a database)
#
# Without MATCHING_PG it starts a throwaway PostgreSQL 15 (scripts/lib/postgres.sh) and stops it afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

conn="${MATCHING_PG:-}"
if [[ -z "$conn" ]]; then
  # shellcheck source=scripts/lib/postgres.sh
  source "$ROOT/scripts/lib/postgres.sh"
  trap 'pg_stop || true' EXIT
  pg_start
  conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
fi

dotnet run -c Release --project bench/Arbetsvagen.Matching.Bench -- --postgres "$conn" "$@"
