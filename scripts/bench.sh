#!/usr/bin/env bash
# Runs every benchmark and leaves one JSON file per benchmark under artifacts/bench/.
# Benchmarks report; they never fail on a figure. --quick is a smoke run (a few iterations) for CI.
#   scripts/bench.sh            full run (the station memory scenario alone sorts 100 000 items: ~30 min)
#   scripts/bench.sh --quick    smoke run, a minute or two
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""
[ "${1:-}" = "--quick" ] && quick="--quick"
mkdir -p artifacts/bench
bash scripts/setup.sh >/dev/null

run() { # project, extra args
  local project=$1; shift
  if [ -d "bench/$project" ]; then
    echo "== $project"
    dotnet build "bench/$project" -c Release -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
    # A benchmark reports; a figure that misses its goal must not stop the others.
    dotnet "bench/$project/bin/Release/net10.0/$project.dll" "$@" || echo "($project exited $?)"
  fi
}

if [ -n "$quick" ]; then
  run SortStation.Bench --quick --out artifacts/bench/station.json
  run SortStation.Telemetry.Bench --seconds 2 --backlog 2000 --out artifacts/bench/telemetry.json
  run SortStation.Hardware.Bench --items 20 --cpu-seconds 1 --out artifacts/bench/gate-timing.json
  run SortStation.Clustering.Bench --n 20000 --silhouette-n 2000 --out artifacts/bench/clustering.json
  run SortStation.Central.Bench 2000 artifacts/bench/central-ingest.json
  run SortStation.Central.Web.Bench seed --provider sqlite --weighings 20000
  run SortStation.Central.Web.Bench load --provider sqlite --seconds 3 --out artifacts/bench/console-sqlite.json
else
  run SortStation.Bench --out artifacts/bench/station.json
  run SortStation.Telemetry.Bench --out artifacts/bench/telemetry.json
  run SortStation.Hardware.Bench --out artifacts/bench/gate-timing.json
  run SortStation.Clustering.Bench --out artifacts/bench/clustering.json
  run SortStation.Central.Bench 50000 artifacts/bench/central-ingest.json
  for provider in sqlite postgres; do  # the console: 1 000 000 weighings, 20 stations, 90 days
    run SortStation.Central.Web.Bench seed --provider $provider
    run SortStation.Central.Web.Bench load --provider $provider --out artifacts/bench/console-$provider.json
  done
fi
