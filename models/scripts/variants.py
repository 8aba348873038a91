"""Optional: the 2.0 recipe at smaller inputs (160 and 192 px) for slower station CPUs.

Each variant is the refit of the recipe at that resolution (`train_student.py --bank trainval --resolution N
--tag trainval-N`: the same views, resized from 224, the same teacher logits); this script exports it to
models/mobilenetv2-trashnet-N/ (model.onnx, metadata.json with the 224 model's temperature, labels.txt),
checks it under ONNX Runtime, scores it on the test split at its own station preprocessing (short side
round(N / 0.875), centre crop N), builds its int8 variant (quantize_int8.py --dir) and writes models/variants.json
for the card. No validation run is made at these sizes (CPU): the temperature is the 224 model's, and the
card shows the ECE it gives on the test split."""
import subprocess
import sys

import numpy as np
import torch

import calibrate
from common import CROP_FRACTION, LABELS, MODELS, OUT, WORK, load_rgb, normalize, read_json, read_split, station_crop, write_json
from evaluate import report
from stress_test import load_model

SIZES = (160, 192)
PY = sys.executable


def run(*args):
    print("$ " + " ".join(map(str, args)), flush=True)
    subprocess.run(list(map(str, args)), check=True)


def main():
    torch.set_num_threads(2)
    temperature = read_json(OUT / "metadata.json")["temperature"]
    items = read_split("test")
    y = np.array([t for _, t in items])
    rows = []
    for size in SIZES:
        weights = WORK / f"student-trainval-{size}.pt"
        if not weights.exists():
            print(f"{weights} absent: run train_student.py --bank trainval --resolution {size} --tag trainval-{size}")
            continue
        folder = MODELS / f"{OUT.name}-{size}"
        run(PY, MODELS / "scripts" / "export_onnx.py", "--weights", weights.name, "--out", folder, "--size", size)
        meta = read_json(folder / "metadata.json")
        x = torch.from_numpy(np.stack([normalize(station_crop(load_rgb(p), size, CROP_FRACTION)) for p, _ in items]))
        with torch.no_grad():
            logits = load_model(weights)(x).numpy()
        r = report(y, logits.argmax(1))
        probs = calibrate.softmax(logits, temperature)
        meta["temperature"] = temperature
        meta["metrics"] = {"testAccuracy": round(r["accuracy"], 4), "macroF1": round(r["macro"]["f1"], 4),
                           "trashF1": round(r["perClass"]["trash"]["f1"], 4)}
        write_json(folder / "metadata.json", meta)
        run("dotnet", "run", "--project", MODELS / "tools" / "OnnxCheck", "-c", "Release", "--", folder / "model.onnx",
            WORK / f"onnxcheck-{folder.name}")
        run(PY, MODELS / "scripts" / "quantize_int8.py", "--dir", folder.name)
        q = read_json(folder / "int8-metrics.json")
        rows.append({"folder": folder.name, "size": size, "accuracy": r["accuracy"], "macroF1": r["macro"]["f1"],
                     "trashF1": r["perClass"]["trash"]["f1"], "eceWith224Temperature": calibrate.ece(probs, y),
                     "perClassF1": {c: r["perClass"][c]["f1"] for c in LABELS},
                     "int8Accuracy": q["accuracy"]["int8"], "fp32Ms1": round(q["latency"]["threads1"]["fp32"]["medianMs"], 2),
                     "int8Ms1": round(q["latency"]["threads1"]["int8"]["medianMs"], 2)})
        print(f"{folder.name}: test {r['accuracy']:.4f} / {r['macro']['f1']:.4f}; int8 {q['accuracy']['int8']:.4f}", flush=True)
    text = ("The same recipe (views resized from 224, the same teacher logits, refit on train + validation) at smaller "
            "inputs, for station CPUs slower than the development machine; select one with `Model:Path` "
            "(e.g. `models/mobilenetv2-trashnet-160/model.int8.onnx`): its `metadata.json` carries its input size, so "
            "the station's preprocessing follows. No validation run was made at these sizes: the temperature is the "
            "224 model's (the ECE it gives on the test split is in `variants.json`), and the default `MinConfidence` "
            "was chosen for the 224 model. Latencies are `InferenceSession.Run` medians at 1 thread from "
            "`quantize_int8.py --dir` on the shared development machine (compare ratios, not absolute times).")
    write_json(MODELS / "variants.json", {"text": text, "rows": rows})
    print("wrote models/variants.json")


if __name__ == "__main__":
    main()
