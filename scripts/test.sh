#!/usr/bin/env bash
# Runs every test of the solution, against SQLite and against a throwaway
# PostgreSQL 15, on a fresh Debian 12 machine (as root) or a developer's one.
#
#   scripts/test.sh [extra dotnet test args...]
#   scripts/test.sh --filter "FullyQualifiedName~Consent"
#
# Environment:
#   TEST_PROVIDERS="Sqlite Postgres"  providers to run, in order (each sets TEST_DB_PROVIDER)
#   TEST_PROJECTS="tests/A/A.csproj ..."  test projects (default: tests/*/*.csproj that are test projects)
#   TEST_ONLY_INFRA=1                 install Chromium, start PostgreSQL, run `select version()`, exit
#   TEST_SKIP_CHROMIUM=1              do not check for / install Chromium
#   TEST_HANG_TIMEOUT=20m             per-test hang timeout (dotnet test --blame-hang-timeout); 0 = off
#   TEST_CONFIGURATION=Release        build configuration
#   TEST_SOLUTION=Arbetsvagen.slnx    solution to build
#
# Exported to the tests: TEST_DB_PROVIDER (Sqlite|Postgres) and, when PostgreSQL
# runs, TEST_POSTGRES_CONNECTION="Host=127.0.0.1;Port=N;Username=postgres;Include Error Detail=true"
# (superuser, trust auth: tests create and drop their own databases).
#
# Logs and results: .artifacts/ (build.log, apt.log, postgres.log,
# logs/test-<provider>-<project>.log, test-results/<provider>/<project>.trx).
# The last line printed is "N passed, N failed[, N skipped]"; exit 0 iff no failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SOLUTION="${TEST_SOLUTION:-Arbetsvagen.slnx}"
CONFIGURATION="${TEST_CONFIGURATION:-Release}"
TEST_PROVIDERS="${TEST_PROVIDERS:-Sqlite Postgres}"
TEST_HANG_TIMEOUT="${TEST_HANG_TIMEOUT:-20m}"
ART="$ROOT/.artifacts"
RESULTS="$ART/test-results"
LOGS="$ART/logs"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

mkdir -p "$ART"
rm -rf "$RESULTS" "$LOGS"
mkdir -p "$RESULTS" "$LOGS"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- apt ------
APT_UPDATED=0
apt_install() {
  local log="$ART/apt.log"
  if [[ $(id -u) -ne 0 ]]; then
    die "need to install '$*' but not running as root; install it with: sudo apt-get install $*"
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [[ $APT_UPDATED -eq 0 ]]; then
    if ! apt-get -o DPkg::Lock::Timeout=300 update -q >>"$log" 2>&1; then
      tail -n 20 "$log" >&2
      die "apt-get update failed (log: $log)"
    fi
    APT_UPDATED=1
  fi
  if ! apt-get -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 install -y -q --no-install-recommends "$@" >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "apt-get install $* failed (log: $log)"
  fi
}

# ----------------------------------------------------------- chromium ------
if [[ "${TEST_SKIP_CHROMIUM:-0}" != 1 ]]; then
  if [[ ! -x /usr/bin/chromium ]]; then
    say "installing Chromium (log: .artifacts/apt.log)"
    apt_install chromium fonts-dejavu-core
    [[ -x /usr/bin/chromium ]] || die "chromium installed but /usr/bin/chromium is missing"
  fi
fi

# ---------------------------------------------------------- postgres -------
need_pg=0
if [[ "${TEST_ONLY_INFRA:-0}" == 1 ]]; then need_pg=1; fi
for p in $TEST_PROVIDERS; do
  case "$p" in
    Sqlite) ;;
    Postgres) need_pg=1 ;;
    *) die "unknown provider '$p' in TEST_PROVIDERS (known: Sqlite Postgres)" ;;
  esac
done

# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"
PG_LOG_COPY="$ART/postgres.log"

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local rc=$?
  pg_stop || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $need_pg -eq 1 ]]; then
  if [[ ! -x "$PG_BINDIR/postgres" ]]; then
    say "installing PostgreSQL 15 (log: .artifacts/apt.log)"
    apt_install postgresql-15
    # The package may start its own cluster on 5432; we don't need it.
    if command -v pg_ctlcluster >/dev/null 2>&1; then pg_ctlcluster 15 main stop >/dev/null 2>&1 || true; fi
  fi
  pg_start || die "could not start PostgreSQL (see messages above)"
  export TEST_POSTGRES_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Include Error Detail=true"
  say "PostgreSQL running on 127.0.0.1:$PG_PORT (data in $PG_TMPDIR)"
fi

if [[ "${TEST_ONLY_INFRA:-0}" == 1 ]]; then
  [[ "${TEST_SKIP_CHROMIUM:-0}" == 1 ]] || say "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
  say "TEST_POSTGRES_CONNECTION=$TEST_POSTGRES_CONNECTION"
  "$PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -X -A -t -v ON_ERROR_STOP=1 \
    -c 'select version()' -c 'show max_connections' -c 'show fsync' -c 'show server_encoding' -c 'show lc_collate'
  say "infrastructure OK (TEST_ONLY_INFRA=1: not building or testing)"
  exit 0
fi

# ------------------------------------------------------- openapi lint ------
# Redocly CLI for the test that lints /openapi/v1.json, from tools/openapi-lint's lockfile; installed again only
# when the lockfile changes.
LINT="$ROOT/tools/openapi-lint"
if [[ -f "$LINT/package-lock.json" ]]; then
  stamp="$LINT/node_modules/.installed-lock"
  if ! cmp -s "$LINT/package-lock.json" "$stamp" 2>/dev/null; then
    command -v npm >/dev/null 2>&1 || die "npm is needed to install Redocly CLI (tools/openapi-lint); install Node.js 20.19+ with npm"
    say "installing Redocly CLI (tools/openapi-lint, log: .artifacts/npm.log)"
    if ! (cd "$LINT" && npm ci --no-audit --no-fund >"$ART/npm.log" 2>&1); then
      tail -n 20 "$ART/npm.log" >&2
      die "npm ci in tools/openapi-lint failed (log: .artifacts/npm.log)"
    fi
    cp "$LINT/package-lock.json" "$stamp"
  fi
fi

# ------------------------------------------------------------- build -------
say "building $SOLUTION ($CONFIGURATION, log: .artifacts/build.log)"
build_start=$SECONDS
if ! dotnet build "$SOLUTION" -c "$CONFIGURATION" -nologo -v q >"$ART/build.log" 2>&1; then
  echo "---- build failed (full log: .artifacts/build.log) ----"
  # msbuild repeats every error in its summary: show each once, paths relative.
  errors=$(grep -E ': error [A-Za-z]*[0-9]+|error MSB|error NU[0-9]+' "$ART/build.log" | sed -e 's/^ *//' -e "s#$ROOT/##g" | sort -u || true)
  if [[ -n "$errors" ]]; then
    printf '%s\n' "$errors" | head -n 40
    n=$(printf '%s\n' "$errors" | wc -l)
    if [[ $n -gt 40 ]]; then echo "... and $((n - 40)) more errors"; fi
  else
    tail -n 40 "$ART/build.log" | sed "s#$ROOT/##g"
  fi
  echo
  echo "0 passed, 1 failed"
  exit 1
fi
say "build OK ($((SECONDS - build_start))s)"

# ------------------------------------------------------ test projects -----
projects=()
if [[ -n "${TEST_PROJECTS:-}" ]]; then
  read -r -a projects <<<"$TEST_PROJECTS"
else
  for proj in tests/*/*.csproj; do
    [[ -f "$proj" ]] || continue
    is_test=$(dotnet msbuild "$proj" -nologo -getProperty:IsTestProject -p:Configuration="$CONFIGURATION" 2>/dev/null | tr -d '[:space:]' || true)
    if [[ "$is_test" == true ]] || { [[ -z "$is_test" ]] && grep -qiE 'Microsoft\.NET\.Test\.Sdk|IsTestProject>true' "$proj"; }; then
      projects+=("$proj")
    else
      say "skipping $proj (not a test project)"
    fi
  done
fi
[[ ${#projects[@]} -gt 0 ]] || { echo "error: no test projects found under tests/"; echo "0 passed, 1 failed"; exit 1; }

# -------------------------------------------------------------- tests ------
blame=()
if [[ -n "$TEST_HANG_TIMEOUT" && "$TEST_HANG_TIMEOUT" != 0 ]]; then
  blame=(--blame-hang-timeout "$TEST_HANG_TIMEOUT" --blame-hang-dump-type none)
fi

manifest="$ART/test-runs.tsv"
: >"$manifest"
# A project that uses no database says so with <DatabaseIndependent>true</DatabaseIndependent>: it runs with the
# first provider only, since a second run would test the same thing again.
read -r -a provider_list <<<"$TEST_PROVIDERS"
for provider in "${provider_list[@]}"; do
  for proj in "${projects[@]}"; do
    if [[ "$provider" != "${provider_list[0]}" ]] && grep -q '<DatabaseIndependent>true</DatabaseIndependent>' "$proj"; then
      continue
    fi
    name=$(basename "$proj" .csproj)
    trx="$RESULTS/$provider/$name.trx"
    log="$LOGS/test-$provider-$name.log"
    printf '==> %-8s %-32s ' "$provider" "$name"
    start=$SECONDS
    set +e
    TEST_DB_PROVIDER="$provider" dotnet test "$proj" -c "$CONFIGURATION" --no-build --nologo \
      --verbosity minimal \
      --logger "trx;LogFileName=$name.trx" \
      --results-directory "$RESULTS/$provider" \
      "${blame[@]}" "$@" </dev/null >"$log" 2>&1
    code=$?
    set -e
    secs=$((SECONDS - start))
    printf 'exit %d (%ds)\n' "$code" "$secs"
    printf '%s\t%s\t%d\t%d\t%s\t%s\n' "$provider" "$name" "$code" "$secs" "$trx" "$log" >>"$manifest"
  done
done

# ------------------------------------------------------------ summary ------
set +e
PYTHON=$(command -v python3 || echo /usr/bin/python3)
"$PYTHON" "$ROOT/scripts/lib/summarize-trx.py" "$manifest"
rc=$?
set -e
exit "$rc"
