#!/usr/bin/env bash
# The report documents' benchmark (ADR 0021): a report of 12 sections, 60 tables × 30 rows and 24 charts rendered as
# JSON (round trip), PDF, xlsx, CSV zip and HTML, three rounds, wall clock and process CPU; then 24 charts placed in a
# PDF as PNG (the obvious way) and as BMP (what ReportPdf does). No database.
#
#   scripts/bench-documents.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build -c Release tests/Arbetsvagen.Tests/Arbetsvagen.Tests.csproj -v q -nologo >/dev/null
REPORT_BENCH=1 dotnet test tests/Arbetsvagen.Tests/Arbetsvagen.Tests.csproj -c Release --no-build \
  --filter "FullyQualifiedName~ReportDocumentTests.A_large_report_renders_in_every_format_within_seconds" \
  --logger "console;verbosity=detailed" | grep -E "^ *(round|24 charts)|Passed|Failed" | sed 's/^ *//'
