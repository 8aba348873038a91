#!/usr/bin/env bash
# The whole system in one command on a fresh Debian machine with the .NET SDK: installs the system packages,
# builds, then `sortstation-central demo`: an embedded MQTT broker, two simulated stations (station-01,
# station-02) sorting 200 items between them, central storing them in SQLite and the web console at
# http://127.0.0.1:8080 (user demo, password printed once). The console stays up until Ctrl+C.
#   scripts/demo.sh --exit                 stop after the summary
#   scripts/demo.sh --items 1000 --urls http://127.0.0.1:8090 --images ../shared/data/trashnet
# The station alone (no central): dotnet src/SortStation/bin/Release/net10.0/sortstation.dll demo
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
for project in src/SortStation src/SortStation.Central.Host; do
  dotnet build "$project" -c Release -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
done
exec dotnet src/SortStation.Central.Host/bin/Release/net10.0/sortstation-central.dll demo \
  --station src/SortStation/bin/Release/net10.0/sortstation.dll "$@"
