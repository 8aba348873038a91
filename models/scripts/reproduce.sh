#!/bin/sh
# Reproduces models/ end to end on Debian: imports (station backbone, teacher) -> masks -> view banks ->
# teacher -> student validation run -> refit -> export -> ONNX Runtime check -> evaluation, calibration and
# stress test -> model card -> int8 variant. Seeds are fixed (scripts/common.py: SEED).
# Inputs are read in place from ../shared/data (override with SORTSTATION_SHARED_DATA); the teacher comes
# from the NuGet mirror. Several hours on 2 CPU cores (see the card's timings).
set -eu
cd "$(dirname "$0")/../.."  # repository root
PY=/usr/bin/python3  # Debian's python: the apt packages below install into it
S=models/scripts

if ! $PY -c "import torch, torchvision, onnx, flatbuffers, sklearn, matplotlib, PIL, cv2" 2>/dev/null; then
    echo "== installing Debian python packages"
    SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
    $SUDO apt-get update
    $SUDO apt-get install -y python3-torch python3-torchvision python3-onnx python3-flatbuffers \
        python3-sklearn python3-matplotlib python3-pil python3-opencv
fi

echo "== 1/10 import the station's ImageNet MobileNetV2 (TFLite) and check it against the numpy graph reference"
$PY $S/import_tflite.py

echo "== 2/10 split lists (committed; only created when missing)"
[ -s models/splits/test.txt ] || $PY $S/make_splits.py

echo "== 3/10 teacher: ResNet18 from NuGet (Microsoft.ML.DnnImageFeaturizer.ResNet18), checked against ONNX Runtime"
$PY $S/import_teacher.py

echo "== 4/10 object masks (GrabCut) and the view banks of the train and validation splits"
$PY $S/segment.py
$PY $S/views.py train val

echo "== 5/10 fine-tune the teacher on the train bank; its logits for every view"
$PY $S/teacher.py

echo "== 6/10 student: validation run on the train split, then the refit on train + validation"
$PY $S/train_student.py --bank train
$PY $S/train_student.py --bank trainval

echo "== 7/10 export ONNX + metadata.json + labels.txt; ONNX Runtime check (C#)"
$PY $S/export_onnx.py
dotnet run --project models/tools/OnnxCheck -c Release -- \
    models/mobilenetv2-trashnet/model.onnx models/.work/onnxcheck

echo "== 8/10 evaluate, calibrate (temperature, risk-coverage, threshold), stress test; the demo's samples"
$PY $S/evaluate.py
$PY $S/make_samples.py

echo "== 9/10 model card"
$PY $S/write_card.py

echo "== 10/10 int8 variant (issue 8): model.int8.onnx, int8-metrics.json, card section"
$PY $S/quantize_int8.py && $PY $S/write_card.py
echo "done: models/README.md, models/metrics.json, models/mobilenetv2-trashnet/"
echo "check that Sorting:MinConfidence (src/SortStation/appsettings.json, SortingOptions) is the card's threshold:"
$PY -c "import json; print(json.load(open('models/mobilenetv2-trashnet/metadata.json'))['metrics']['minConfidence'])"
