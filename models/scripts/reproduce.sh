#!/bin/sh
# Reproduces models/ end to end on Debian: import -> fidelity check -> train -> export ->
# ONNX Runtime check -> evaluate -> model card. Seeds are fixed (scripts/common.py: SEED).
# Inputs are read in place from ../shared/data (override with SORTSTATION_SHARED_DATA).
set -eu
cd "$(dirname "$0")/../.."  # repository root
PY=/usr/bin/python3  # Debian's python: the apt packages below install into it
S=models/scripts

if ! $PY -c "import torch, torchvision, onnx, flatbuffers, sklearn, matplotlib, PIL" 2>/dev/null; then
    echo "== installing Debian python packages"
    SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
    $SUDO apt-get update
    $SUDO apt-get install -y python3-torch python3-torchvision python3-onnx python3-flatbuffers \
        python3-sklearn python3-matplotlib python3-pil
fi

echo "== 1/6 import TFLite weights and check fidelity against the numpy graph reference"
$PY $S/import_tflite.py

echo "== 2/6 split lists (committed; only created when missing)"
[ -s models/splits/test.txt ] || $PY $S/make_splits.py

echo "== 3/6 train: head-only, then partial and deep fine-tuning, early-stopped on the validation split;"
echo "       then the same recipe refit on train + validation, each regime stopped at its best epoch"
$PY $S/train.py
$PY $S/train.py --refit

echo "== 4/6 export ONNX + metadata.json + labels.txt"
$PY $S/export_onnx.py

echo "== 5/6 ONNX Runtime check (C#)"
dotnet run --project models/tools/OnnxCheck -c Release -- \
    models/mobilenetv2-trashnet/model.onnx models/.work/onnxcheck

echo "== 6/6 evaluate on the test split and write the model card"
$PY $S/evaluate.py
$PY $S/write_card.py
$PY $S/quantize_int8.py && $PY $S/write_card.py  # int8 variant (issue 8): model.int8.onnx, int8-metrics.json, card section
echo "done: models/README.md, models/metrics.json, models/mobilenetv2-trashnet/"
