#!/usr/bin/env bash
# Runs Arbetsvägen on its embedded default: a SQLite file under ./data/, schema migrated, demo region seeded.
# The URL and the demo logins are printed at start. Extra arguments go to the app, e.g. --urls http://0.0.0.0:8080
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
mkdir -p data
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__Provider="${Database__Provider:-Sqlite}"
export ConnectionStrings__Default="${ConnectionStrings__Default:-Data Source=$ROOT/data/arbetsvagen.db}"
export DataProtection__KeysPath="${DataProtection__KeysPath:-$ROOT/data/keys}"
export Demo__Enabled="${Demo__Enabled:-true}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
urls=(--urls "${ASPNETCORE_URLS:-http://localhost:5080}")
for arg in "$@"; do [[ "$arg" == --urls* ]] && urls=(); done
# Run from the project folder so that appsettings.json is the content root's.
cd src/Arbetsvagen.Web
exec dotnet run --no-launch-profile -- "${urls[@]}" "$@"
