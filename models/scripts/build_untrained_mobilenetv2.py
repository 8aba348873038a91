#!/usr/bin/python3
"""Builds a genuine torchvision MobileNetV2 (random init, 6 waste classes) as ONNX + metadata.

Stand-in for plumbing tests only: its predictions are meaningless. The shipped model is
models/mobilenetv2-trashnet (see models/README.md). Run with Debian's /usr/bin/python3.
"""
import json
import pathlib
import sys

import torch
import torchvision

LABELS = ["cardboard", "glass", "metal", "paper", "plastic", "trash"]


def main(out_dir: pathlib.Path) -> None:
    torch.manual_seed(0)
    model = torchvision.models.mobilenet_v2(weights=None, num_classes=len(LABELS)).eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(model, torch.zeros(1, 3, 224, 224), out_dir / "model.onnx", opset_version=13,
                      input_names=["input"], output_names=["logits"])
    metadata = {
        "name": "mobilenetv2-untrained", "version": "0.0.1", "architecture": "MobileNetV2 1.0/224 (torchvision, random init)",
        "inputName": "input", "outputName": "logits", "output": "logits", "inputWidth": 224, "inputHeight": 224,
        "cropFraction": 0.875, "colorOrder": "RGB",
        "mean": [123.675, 116.28, 103.53], "std": [58.395, 57.12, 57.375], "labels": LABELS,
    }
    (out_dir / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n")
    (out_dir / "labels.txt").write_text("\n".join(LABELS) + "\n")
    print(f"wrote {out_dir / 'model.onnx'}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[1] / "mobilenetv2-untrained"))
