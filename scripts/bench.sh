#!/usr/bin/env bash
# Runs every benchmark and leaves one JSON file per benchmark under artifacts/bench/ (bench/README.md says
# which file and line each README performance figure comes from). Benchmarks report; they never fail on a
# figure. Run it with nothing else on the machine: each station scenario says in its output and JSON whether
# other processes used more than 5 % of a core meanwhile ("NOT A QUIET RUN").
#   scripts/bench.sh            full run (~1 h 15 min on 2 cores; the 100 000-item memory scenario is ~30 min of it)
#   scripts/bench.sh --quick    smoke run, a few minutes (CI): every harness runs, no figure means anything
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""
[ "${1:-}" = "--quick" ] && quick="--quick"
mkdir -p artifacts/bench
bash scripts/setup.sh >/dev/null

# scikit-learn's reference BLAS: Debian's OpenBLAS (pthreads), for the scikit-learn process only. Installing
# libopenblas0-pthread would switch the system-wide libblas.so.3 (update-alternatives, priority 100 over
# netlib's 10) under every program, torch included; unpacking it here changes nothing else.
openblas=artifacts/openblas/root/usr/lib/x86_64-linux-gnu/openblas-pthread
if [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ] && [ ! -e "$openblas/libblas.so.3" ]; then
  mkdir -p artifacts/openblas
  (cd artifacts/openblas && apt-get download libopenblas0-pthread >/dev/null 2>&1 \
    || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"; $sudo apt-get update -qq && apt-get download libopenblas0-pthread >/dev/null; })
  dpkg-deb -x artifacts/openblas/libopenblas0-pthread_*.deb artifacts/openblas/root
fi

# The speed-accuracy table's model folders: a folder trained at 160 / 192 px where the model issue ships one,
# else the shipped weights with the input size changed (not fine-tuned at that size; the table says so).
size_folders=models/mobilenetv2-trashnet
for s in 192 160; do
  if [ -f "models/mobilenetv2-trashnet-$s/model.onnx" ]; then
    size_folders="$size_folders,models/mobilenetv2-trashnet-$s"
  elif /usr/bin/python3 -c "import onnx" >/dev/null 2>&1; then
    /usr/bin/python3 models/scripts/resize_input.py models/mobilenetv2-trashnet "artifacts/models/mobilenetv2-trashnet-$s-resized" "$s" >/dev/null
    size_folders="$size_folders,artifacts/models/mobilenetv2-trashnet-$s-resized"
  else
    echo "(no $s px folder: models/mobilenetv2-trashnet-$s absent and Debian's python3-onnx missing)"
  fi
done

# The levers of issue 24, each measured beside the default (auto: 2 workers × 1 thread on 2 cores) in one run.
levers=(
  --variant "no-queue-ahead:QueueAhead=false"
  --variant "1x2:Workers=1,IntraOpThreads=2"
  --variant "1x2-no-spin:Workers=1,IntraOpThreads=2,IntraOpSpinning=false"
  --variant "1x2-pinned:Workers=1,IntraOpThreads=2,IntraOpThreadAffinities=2"
)

run() { # project, extra args
  local project=$1; shift
  if [ -d "bench/$project" ]; then
    echo "== $project $*"
    dotnet build "bench/$project" -c Release -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
    # A benchmark reports; a figure that misses its goal must not stop the others.
    dotnet "bench/$project/bin/Release/net10.0/$project.dll" "$@" || echo "($project exited $?)"
  fi
}

if [ -n "$quick" ]; then
  run SortStation.Bench --quick --out artifacts/bench/station.json
  run SortStation.Bench --quick --only loop "${levers[@]}" --out artifacts/bench/loop-levers.json
  run SortStation.Bench --quick --only overhead "${levers[@]}" --out artifacts/bench/overhead-levers.json
  run SortStation.Bench --quick --only sizes --sizes "$size_folders" --out artifacts/bench/sizes.json
  run SortStation.Telemetry.Bench --seconds 2 --backlog 2000 --out artifacts/bench/telemetry.json
  run SortStation.Hardware.Bench --items 20 --cpu-seconds 1 --out artifacts/bench/gate-timing.json
  run SortStation.Clustering.Bench --n 20000 --silhouette-n 2000 --repeats 1 --out artifacts/bench/clustering.json
  run SortStation.Central.Bench 2000 artifacts/bench/central-ingest.json
  run SortStation.Central.Web.Bench seed --provider sqlite --weighings 20000
  run SortStation.Central.Web.Bench load --provider sqlite --seconds 3 --out artifacts/bench/console-sqlite.json
else
  run SortStation.Bench --out artifacts/bench/station.json
  run SortStation.Bench --only loop "${levers[@]}" --out artifacts/bench/loop-levers.json
  run SortStation.Bench --only overhead "${levers[@]}" --out artifacts/bench/overhead-levers.json
  run SortStation.Bench --only sizes --sizes "$size_folders" --out artifacts/bench/sizes.json
  run SortStation.Telemetry.Bench --out artifacts/bench/telemetry.json
  run SortStation.Hardware.Bench --out artifacts/bench/gate-timing.json
  run SortStation.Clustering.Bench --repeats 3 --out artifacts/bench/clustering.json
  run SortStation.Central.Bench 50000 artifacts/bench/central-ingest.json
  for provider in sqlite postgres; do  # the console: 1 000 000 weighings, 20 stations, 90 days
    run SortStation.Central.Web.Bench seed --provider $provider
    run SortStation.Central.Web.Bench load --provider $provider --out artifacts/bench/console-$provider.json
  done
fi
