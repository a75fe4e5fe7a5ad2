#!/usr/bin/env bash
# What SQLite's synchronous=FULL costs against NORMAL (ADR 0016): commits/s and rows/s on this machine's disk.
#
#   scripts/bench-sqlite-sync.sh [seconds-per-case] [directory]
#
# The directory defaults to ./data (the product's database lives there, so the disk is the one that matters).
# The program is a .NET 10 file-based app; it runs from a temporary folder so that the repository's central package
# versions do not apply to it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_PER_CASE="${1:-5}"
DIR="$(realpath -m "${2:-$ROOT/data}")"
mkdir -p "$DIR"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$ROOT/scripts/bench-sqlite-sync.cs" "$WORK/bench.cs"
cd "$WORK"
DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet run -c Release bench.cs -- "$SECONDS_PER_CASE" "$DIR"
