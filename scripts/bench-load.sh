#!/usr/bin/env bash
# Issue 12 §7's load test: N caseworkers (default 300) with 1–3 s between clicks for M minutes (default 10) against the
# demo region plus P synthetic participants (default 100,000), on loopback, on a fresh database per provider; then the
# first minute of the same load after a restart, once per restart kind. Runs the published app and the load generator
# `Arbetsvagen.Bench load` (bench/Arbetsvagen.Bench/LoadTest.cs), which prints requests, errors, p50/p95/p99 per kind
# and the access-log writer's lag sampled from /metrics.
#
#   scripts/bench-load.sh [sqlite|postgres|both] [users] [minutes] [participants]     default: both 300 10 100000
#   BENCH_RESTARTS=jit,warmup,r2r,r2r+warmup scripts/bench-load.sh sqlite 50 1 20000   # restart kinds (default: these four)
#
# BENCH_PG_OPTIONS="Max Pool Size=24" adds connection-string options for PostgreSQL (to compare pool sizes).
# Restart kinds: jit = the published app without warm-up; warmup = with the start-up warm-up (Warmup__Enabled=true);
# r2r = published with ReadyToRun (PublishReadyToRun, linux-x64), without warm-up; r2r+warmup = both. The main run uses
# the app as published by default (no ReadyToRun, the product's default warm-up setting).
# The app trusts 127.0.0.1 as its proxy (ForwardedHeaders__KnownProxies), so each virtual user has an address of its
# own (X-Forwarded-For), as behind a real proxy; the rate limits are left as configured.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

app_start() { # label: start the app (ReadyToRun build if the label says r2r; warm-up on if it says warmup) and wait until ready
  local label="$1" dir="$PUBLISHED/app-jit" warmup=""
  [[ "$label" == *r2r* ]] && dir="$PUBLISHED/app-r2r"
  [[ "$label" == *warmup* ]] && warmup=true
  [[ "$label" == jit || "$label" == r2r ]] && warmup=false
  local started; started=$(date +%s.%N)
  (cd "$WORK" && exec env ${warmup:+Warmup__Enabled=$warmup} dotnet "$dir/Arbetsvagen.Web.dll" --urls "http://127.0.0.1:$PORT") >>"$WORK/app.log" 2>&1 &
  echo $! >"$WORK/app.pid"
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then
      echo "app started ($label): ready $(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')") s after the process started; load average $(cut -d' ' -f1-3 /proc/loadavg)"
      return 0
    fi
    kill -0 "$(cat "$WORK/app.pid")" 2>/dev/null || break
    sleep 0.1
  done
  echo "the app did not start:"; tail -30 "$WORK/app.log"; return 1
}

app_stop() {
  [[ -f "$WORK/app.pid" ]] || return 0
  local pid; pid=$(cat "$WORK/app.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$WORK/app.pid"
}

if [[ "${1:-}" == --restart ]]; then # called by the load generator between phases: --restart WORK LABEL
  WORK="$2"
  # shellcheck source=/dev/null
  source "$WORK/app.env"
  app_stop
  app_start "$3"
  exit
fi

cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WHICH=$(echo "${1:-both}" | tr '[:upper:]' '[:lower:]')
USERS="${2:-300}"
MINUTES="${3:-10}"
PARTICIPANTS="${4:-100000}"
RESTARTS="${BENCH_RESTARTS-jit,warmup,r2r,r2r+warmup}"
WORK=$(mktemp -d /tmp/arbetsvagen-bench-load.XXXXXX)
PG_STARTED=""
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
cleanup() {
  app_stop
  [[ -n "$PG_STARTED" ]] && pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

# BENCH_PUBLISH_DIR=dir keeps the published copies there and reuses them on the next run (publishing takes minutes).
PUBLISHED="${BENCH_PUBLISH_DIR:-$WORK}"
echo "==> publishing the app (and a ReadyToRun copy) and the load generator; $(uptime)"
if [[ ! -f "$PUBLISHED/app-jit/Arbetsvagen.Web.dll" ]]; then
  dotnet build -c Release src/Arbetsvagen.Web >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
  dotnet publish --no-build -c Release src/Arbetsvagen.Web -o "$PUBLISHED/app-jit" >>"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
fi
if [[ "$RESTARTS" == *r2r* && ! -f "$PUBLISHED/app-r2r/Arbetsvagen.Web.dll" ]]; then
  dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true src/Arbetsvagen.Web -o "$PUBLISHED/app-r2r" \
    >>"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
fi
dotnet build -c Release bench/Arbetsvagen.Bench >>"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }

run() {
  local provider="$1" connection="$2"
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  cat >"$WORK/app.env" <<ENV
export PORT=$PORT PUBLISHED="$PUBLISHED" ASPNETCORE_ENVIRONMENT=Staging Database__Provider=$provider ConnectionStrings__Default="$connection"
export DataProtection__KeysPath="$WORK/keys-$provider" Demo__Enabled=true ForwardedHeaders__KnownProxies=127.0.0.1
ENV
  # shellcheck source=/dev/null
  source "$WORK/app.env"
  echo "==> $provider: demo region + $PARTICIPANTS participants"
  app_start main >/dev/null
  app_stop
  (cd "$WORK" && dotnet "$PUBLISHED/app-jit/Arbetsvagen.Web.dll" seed-volume --participants "$PARTICIPANTS") | tr '\r' '\n' | grep Klart
  app_start main
  echo "uptime before the load: $(uptime)"
  dotnet bench/Arbetsvagen.Bench/bin/Release/net10.0/Arbetsvagen.Bench.dll load --url "http://127.0.0.1:$PORT" \
    --provider "$provider" --connection "$connection" --users "$USERS" --minutes "$MINUTES" \
    --restarts "$RESTARTS" --restart-script "$WORK/restart.sh" || status=1
  echo "uptime after the load: $(uptime)"
  echo "app log: $(grep -c . "$WORK/app.log") lines, $(grep -ciE 'fail|error|exception' "$WORK/app.log") with fail/error/exception"
  grep -iE 'fail|exception' "$WORK/app.log" | sort | uniq -c | sort -rn | head -5 || true
  app_stop
  : >"$WORK/app.log"
}

printf '#!/usr/bin/env bash\nexec bash %q --restart %q "$1"\n' "$ROOT/scripts/bench-load.sh" "$WORK" >"$WORK/restart.sh"
status=0
if [[ "$WHICH" == sqlite || "$WHICH" == both ]]; then
  run Sqlite "Data Source=$WORK/load.db"
  rm -f "$WORK"/load.db*
fi
if [[ "$WHICH" == postgres || "$WHICH" == both ]]; then
  pg_start; PG_STARTED=1
  _pg_as "$PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE arbetsvagen_load" >/dev/null
  run Postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=arbetsvagen_load${BENCH_PG_OPTIONS:+;$BENCH_PG_OPTIONS}"
  pg_stop; PG_STARTED=""
fi
exit $status
