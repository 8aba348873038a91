"""Step 4: export the fine-tuned model to ONNX for the station, with metadata.json and labels.txt.

models/mobilenetv2-trashnet/model.onnx: input `input` float32 [N, 3, 224, 224] (NCHW, RGB,
(x - 127.5) / 127.5), output `logits` float32 [N, 6], raw logits (the station applies softmax).
Also writes the station-preprocessed test photos and PyTorch's logits for them as raw
little-endian float32 into models/.work/onnxcheck/ for the ONNX Runtime check (tools/OnnxCheck)."""
import datetime

import numpy as np
import onnx
import torch

from common import (CROP_FRACTION, LABELS, MEAN, OUT, SIZE, STD, WORK, data_hash, read_json, read_split,
                    station_tensor, write_json)
from mobilenetv2 import MobileNetV2, replace_head

OPSET = 13
CHECK = WORK / "onnxcheck"


def load_trained(name):
    model = replace_head(MobileNetV2(), len(LABELS), dropout=0.2)
    model.load_state_dict(torch.load(WORK / name))
    return model.eval()


def export(model, path, opset=OPSET):
    """ONNX with a dynamic batch dimension; checked with onnx.checker."""
    dummy = torch.zeros(1, 3, SIZE, SIZE)
    torch.onnx.export(model, dummy, str(path), input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
                      opset_version=opset, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(path)))


def metadata(metrics):
    return {
        "name": "mobilenetv2-trashnet", "version": "1.0.0", "architecture": "MobileNetV2 1.0/224",
        "inputName": "input", "outputName": "logits", "output": "logits",
        "inputWidth": SIZE, "inputHeight": SIZE, "cropFraction": CROP_FRACTION, "colorOrder": "RGB",
        "mean": [MEAN] * 3, "std": [STD] * 3, "labels": LABELS,
        "trainedAt": datetime.datetime.utcnow().replace(microsecond=0).isoformat() + "Z",
        "dataHash": data_hash(), "metrics": metrics,
    }


def write_check_tensors(model):
    """All test photos through the station preprocessing, and PyTorch's logits for them."""
    CHECK.mkdir(parents=True, exist_ok=True)
    x = np.stack([station_tensor(p) for p, _ in read_split("test")]).astype("<f4")
    with torch.no_grad():
        logits = model(torch.from_numpy(x)).numpy().astype("<f4")
    x.tofile(CHECK / "inputs.f32")
    logits.tofile(CHECK / "torch_logits.f32")
    write_json(CHECK / "check.json", {"count": len(x), "channels": 3, "height": SIZE, "width": SIZE,
                                      "classes": len(LABELS)})
    print(f"wrote {len(x)} test tensors and PyTorch logits to {CHECK}")


def main():
    torch.set_num_threads(2)
    OUT.mkdir(exist_ok=True)
    model = load_trained("fineTuned.pt")
    export(model, OUT / "model.onnx")
    old = OUT / "metadata.json"
    metrics = read_json(old)["metrics"] if old.exists() else {}  # evaluate.py fills these
    write_json(old, metadata(metrics))
    (OUT / "labels.txt").write_text("\n".join(LABELS) + "\n")
    print(f"exported {OUT / 'model.onnx'} (opset {OPSET}), metadata.json, labels.txt")
    write_check_tensors(model)


if __name__ == "__main__":
    main()
