#!/usr/bin/env bash
# One command on a fresh Debian machine with the .NET SDK: install system packages, build, and run
# every test (unit, integration with the real model, real brokers, real files) plus the model's
# Python tests where Debian's torch is installed. Prints "N passed, N failed, N skipped" at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

log=$(mktemp)
# A test that hangs is stopped after 5 minutes and named (blame), instead of the run hanging without a trace.
dotnet test SortStation.sln -c Release -nologo --blame-hang-timeout 5min --blame-hang-dump-type none 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

if /usr/bin/python3 -c "import torch, onnx, flatbuffers" >/dev/null 2>&1; then
  /usr/bin/python3 -m unittest discover -s models/tests 2>&1 | tee -a "$log" || status=1
else
  echo "python model tests: skipped (Debian's /usr/bin/python3 has no torch/onnx/flatbuffers; run models/scripts/reproduce.sh to install them)"
fi

# docs/architecture.md's project graph matches the .csproj references.
bash scripts/project-graph.sh --check || status=1

# One closing line across all test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
