#!/usr/bin/python3
"""A model folder at another input size, from the same weights (issue 24's speed-accuracy table).

MobileNetV2 is fully convolutional up to a global mean: the same weights run at 160 or 192 px once the graph's
input shape says so. Writes DST/ with model.onnx (and model.int8.onnx when SRC has one) whose input is
[batch, 3, SIZE, SIZE], checked by ONNX shape inference down to the logits; labels.txt; and metadata.json
with inputWidth/inputHeight = SIZE, the source named, and the source's metrics removed: these weights were
NOT fine-tuned at SIZE, so their accuracy is lower than a model trained at that size and must be measured
(bench --only sizes measures it on the test split). The int8 file keeps the 224 px calibration ranges.

Usage: resize_input.py SRC_FOLDER DST_FOLDER SIZE
"""
import json
import shutil
import sys
from pathlib import Path

import onnx

from onnx_macs import count


def resize(src, dst, size):
    src, dst = Path(src), Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ("model.onnx", "model.int8.onnx"):
        if not (src / name).exists():
            continue
        model = onnx.load(src / name)
        dims = model.graph.input[0].type.tensor_type.shape.dim
        if len(dims) != 4:
            raise ValueError(f"{src / name}: input is not NCHW")
        dims[2].dim_value = size
        dims[3].dim_value = size
        # Stale intermediate shapes would pin the old size: let ONNX Runtime and shape inference recompute them.
        del model.graph.value_info[:]
        macs, _, _ = count(onnx.load_from_string(model.SerializeToString()))  # raises if a shape does not follow
        onnx.checker.check_model(model)
        onnx.save(model, dst / name)
        written.append((name, macs))
    if not written:
        raise FileNotFoundError(f"{src}: no model.onnx")
    if (src / "labels.txt").exists():
        shutil.copyfile(src / "labels.txt", dst / "labels.txt")
    metadata = json.loads((src / "metadata.json").read_text())
    source_name = metadata.get("name", src.name)
    metadata.update({
        "name": f"{source_name}-{size}",
        "architecture": f"{metadata.get('architecture', 'MobileNetV2')} run at {size} px",
        "inputWidth": size,
        "inputHeight": size,
        "derivedFrom": f"{source_name}@{metadata.get('version', '?')} ({src.name}), input size changed by bench tooling",
        "fineTunedAtInputSize": False,
    })
    metadata.pop("metrics", None)  # the source's figures are not this model's
    (dst / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n")
    return written


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    for name, macs in resize(argv[0], argv[1], int(argv[2])):
        print(f"{Path(argv[1]) / name}: {macs / 1e6:.1f} M MACs per image")


if __name__ == "__main__":
    main(sys.argv[1:])
