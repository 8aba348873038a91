#!/bin/sh
# Reproduces models/ on Debian from a fresh clone. Default (about 40-60 min on 2 shared cores, most of it the
# object masks): the shipped mobilenetv2-trashnet 1.1.0 from its committed model.onnx (1.0.0's weights) ->
# temperature fitted on the validation split, ECE, risk-coverage and the default threshold, synthetic stress test
# (calibrate_shipped.py) -> the card's calibrated parts (card_calibrated.py) -> int8 variant (quantize_int8.py).
#   --train-1   first retrain 1.0.0's weights (train.py, validation run + refit; ~1 h idle, byte-identical on the
#               machine of the card) and export them; the calibration then uses this run's validation model
#   --train-2   instead, the whole 2.0 recipe (masks, view banks, ResNet18 teacher, distilled student, refit,
#               evaluate.py, write_card.py, int8): several hours on 2 CPU cores; not yet run to the end
#   --sizes     only the 160 and 192 px folders (issue 24: finetune_size.py, from 1.0.0's validation run in git;
#               about 15-25 min each on 2 cores): models/mobilenetv2-trashnet-160/, -192/
# Seeds are fixed (scripts/common.py: SEED). Inputs are read in place from ../shared/data (override with
# SORTSTATION_SHARED_DATA); the 2.0 teacher comes from the NuGet mirror.
set -eu
cd "$(dirname "$0")/../.."  # repository root
PY=/usr/bin/python3  # Debian's python: the apt packages below install into it
S=models/scripts
W=${SORTSTATION_MODELS_WORK:-models/.work}
MODE=${1:-calibrated}
case "$MODE" in calibrated|--train-1|--train-2|--sizes) ;; *) echo "usage: $0 [--train-1 | --train-2 | --sizes]" >&2; exit 2 ;; esac

if ! $PY -c "import torch, torchvision, onnx, flatbuffers, sklearn, matplotlib, PIL, cv2" 2>/dev/null; then
    echo "== installing Debian python packages"
    SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
    $SUDO apt-get update
    $SUDO apt-get install -y python3-torch python3-torchvision python3-onnx python3-flatbuffers \
        python3-sklearn python3-matplotlib python3-pil python3-opencv
fi

echo "== split lists (committed; only created when missing)"
[ -s models/splits/test.txt ] || $PY $S/make_splits.py

onnx_check() {
    dotnet run --project models/tools/OnnxCheck -c Release -- models/mobilenetv2-trashnet/model.onnx "$W/onnxcheck"
}

if [ "$MODE" = "--sizes" ]; then
    for size in 160 192; do
        echo "== $size px: fine-tune, evaluate, export, ONNX Runtime check, int8, card (models/mobilenetv2-trashnet-$size)"
        $PY $S/finetune_size.py $size
    done
    exit 0
fi

if [ "$MODE" = "--train-2" ]; then
    echo "== 2.0: import the station's ImageNet MobileNetV2 (TFLite) and the ResNet18 teacher (NuGet), both checked"
    $PY $S/import_tflite.py
    $PY $S/import_teacher.py
    echo "== 2.0: object masks (GrabCut) and the view banks of the train and validation splits"
    $PY $S/segment.py
    $PY $S/views.py train val
    echo "== 2.0: fine-tune the teacher on the train bank; its logits for every view"
    $PY $S/teacher.py
    echo "== 2.0: student: validation run on the train split, then the refit on train + validation"
    $PY $S/train_student.py --bank train
    $PY $S/train_student.py --bank trainval
    echo "== 2.0: export, ONNX Runtime check, evaluation (calibration, stress test), card, int8"
    $PY $S/export_onnx.py
    onnx_check
    $PY $S/evaluate.py
    $PY $S/write_card.py
    $PY $S/quantize_int8.py && $PY $S/write_card.py
    echo "done (2.0): set Sorting:MinConfidence (appsettings.json, SortingOptions) to metadata.json's minConfidence"
    exit 0
fi

VALRUN=""
if [ "$MODE" = "--train-1" ]; then
    echo "== 1.0.0's weights: import the TFLite backbone (fidelity check), train (validation run, then refit), export"
    $PY $S/import_tflite.py
    $PY $S/train.py
    $PY $S/train.py --refit
    $PY $S/export_onnx.py --weights fineTuned.pt
    onnx_check
    VALRUN="--validation-run $W/fineTuned.validationRun.pt"
    git diff --quiet -- models/mobilenetv2-trashnet/model.onnx \
        || echo "NOTE: model.onnx differs from the committed one: the card's 1.0.0 test figures are the committed model's"
fi

echo "== object masks for the synthetic stress test (GrabCut; kept in $W once made)"
[ -s "$W/masks.npz" ] || $PY $S/segment.py

echo "== calibration (temperature on the validation split), risk-coverage, default threshold, stress test"
# shellcheck disable=SC2086  # VALRUN is two words or empty
$PY $S/calibrate_shipped.py $VALRUN

echo "== model card: summary, calibrated confidence, beyond TrashNet, 2.0 status"
$PY $S/card_calibrated.py

echo "== int8 variant (issue 8): model.int8.onnx, int8-metrics.json, its card section"
$PY $S/quantize_int8.py

echo "done: models/README.md, models/metrics.json, models/mobilenetv2-trashnet/"
$PY - <<'PY'
import json, re
threshold = json.load(open("models/mobilenetv2-trashnet/metadata.json"))["metrics"]["minConfidence"]
settings = open("src/SortStation/appsettings.json").read()
shipped = float(re.search(r'"MinConfidence":\s*([0-9.]+)', settings).group(1))
print(f"card threshold {threshold}; appsettings.json Sorting:MinConfidence {shipped}"
      + ("" if shipped == threshold else "  <- DIFFERENT: set it (and SortingOptions) to the card's threshold"))
PY
