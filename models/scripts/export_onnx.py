"""Step 4: export the shipped model to ONNX for the station, with metadata.json and labels.txt.

models/mobilenetv2-trashnet/model.onnx: input `input` float32 [N, 3, 224, 224] (NCHW, RGB,
(x - 127.5) / 127.5), output `logits` float32 [N, 6], raw logits (the station applies softmax(logits / T),
T = metadata.json's "temperature", which evaluate.py fits and fills in, with the metrics).
`--weights`, `--out` and `--size` export the 160 / 192 px variants into their own folders.
Also writes the station-preprocessed test photos and PyTorch's logits for them as raw
little-endian float32 into models/.work/onnxcheck/ for the ONNX Runtime check (tools/OnnxCheck)."""
import argparse
import datetime
from pathlib import Path

import numpy as np
import onnx
import torch

from common import (CROP_FRACTION, LABELS, MEAN, OUT, SIZE, STD, WORK, data_hash, load_rgb, normalize, read_json,
                    read_split, station_crop, write_json)
from mobilenetv2 import MobileNetV2, replace_head

OPSET = 13
CHECK = WORK / "onnxcheck"
NAME, VERSION = "mobilenetv2-trashnet", "2.0.0"
SHIPPED = "student-trainval.pt"  # train_student.py --bank trainval: the refit of the 2.0 recipe


def load_trained(name):
    model = replace_head(MobileNetV2(), len(LABELS), dropout=0.2)
    model.load_state_dict(torch.load(WORK / name))
    return model.eval()


def export(model, path, opset=OPSET, size=SIZE):
    """ONNX with a dynamic batch dimension; checked with onnx.checker."""
    dummy = torch.zeros(1, 3, size, size)
    torch.onnx.export(model, dummy, str(path), input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
                      opset_version=opset, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(path)))


def metadata(metrics, temperature=1.0, size=SIZE, name=NAME):
    return {
        "name": name, "version": VERSION, "architecture": f"MobileNetV2 1.0/{size}",
        "inputName": "input", "outputName": "logits", "output": "logits",
        "inputWidth": size, "inputHeight": size, "cropFraction": CROP_FRACTION, "colorOrder": "RGB",
        "mean": [MEAN] * 3, "std": [STD] * 3, "labels": LABELS, "temperature": temperature,
        "trainedAt": datetime.datetime.utcnow().replace(microsecond=0).isoformat() + "Z",
        "dataHash": data_hash(), "metrics": metrics,
    }


def write_check_tensors(model, check=CHECK, size=SIZE):
    """All test photos through the station preprocessing, and PyTorch's logits for them."""
    check.mkdir(parents=True, exist_ok=True)
    x = np.stack([normalize(station_crop(load_rgb(p), size)) for p, _ in read_split("test")]).astype("<f4")
    with torch.no_grad():
        logits = model(torch.from_numpy(x)).numpy().astype("<f4")
    x.tofile(check / "inputs.f32")
    logits.tofile(check / "torch_logits.f32")
    write_json(check / "check.json", {"count": len(x), "channels": 3, "height": size, "width": size,
                                      "classes": len(LABELS)})
    print(f"wrote {len(x)} test tensors and PyTorch logits to {check}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weights", default=SHIPPED, help="state dict in WORK")
    ap.add_argument("--out", default=str(OUT), help="model folder")
    ap.add_argument("--size", type=int, default=SIZE, help="input size in pixels")
    args = ap.parse_args()
    torch.set_num_threads(2)
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    model = load_trained(args.weights)
    export(model, out / "model.onnx", size=args.size)
    old = out / "metadata.json"
    kept = read_json(old) if old.exists() else {}  # evaluate.py fills metrics and temperature
    write_json(old, metadata(kept.get("metrics", {}), kept.get("temperature", 1.0), args.size, out.name))
    (out / "labels.txt").write_text("\n".join(LABELS) + "\n")
    print(f"exported {out / 'model.onnx'} (opset {OPSET}, {args.size} px), metadata.json, labels.txt")
    write_check_tensors(model, CHECK if out == OUT else WORK / f"onnxcheck-{out.name}", args.size)


if __name__ == "__main__":
    main()
