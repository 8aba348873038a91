#!/usr/bin/env bash
# One command on a fresh Debian machine with the .NET SDK: install system packages, build, and sort
# 50 simulated items through the whole loop (embedded broker). Extra arguments go to `sortstation demo`,
# e.g. scripts/demo.sh --items 200 --images ../shared/data/trashnet --json
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build src/SortStation -c Release -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
exec dotnet src/SortStation/bin/Release/net10.0/sortstation.dll demo "$@"
