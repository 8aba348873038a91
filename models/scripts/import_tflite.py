"""Step 1: import the ImageNet MobileNetV2 TFLite weights into PyTorch and prove fidelity.

Writes models/.work/mobilenetv2_imagenet.pt and models/.work/fidelity.json. The check runs
the numpy reference (tflite_reader.reference_forward, which walks the TFLite graph with the
file's own padding/stride options) and the PyTorch model on the same float input."""
import argparse
import sys
import time

import numpy as np
import torch

from common import TFLITE_FILES, WORK, load_rgb, station_crop, write_json
from mobilenetv2 import MobileNetV2
from tflite_reader import SAME, TFLiteModel, conv_options, reference_forward

FIDELITY_PHOTOS = ["cardboard/cardboard1.jpg", "glass/glass1.jpg", "metal/metal1.jpg",
                   "plastic/plastic1.jpg"]


def to_torch_weight(w, depthwise):
    """TFLite CONV_2D [out, kh, kw, in] / DEPTHWISE [1, kh, kw, C] -> PyTorch [out, in/g, kh, kw]."""
    return w.transpose(3, 0, 1, 2) if depthwise else w.transpose(0, 3, 1, 2)


def check_structure(op, layer):
    """The PyTorch layer must use the stride the file says, and SAME padding everywhere."""
    padding, sh, sw, _ = conv_options(op)
    if padding != SAME or layer.stride != (sh, sw):
        raise ValueError(f"structure mismatch at {op['op']}: file stride {(sh, sw)}, pad {padding}")


def build_model(tfl):
    """MobileNetV2 with every conv/bias taken, dequantized, from the TFLite file in graph order;
    the final 1x1 logits conv becomes the Linear classifier."""
    model = MobileNetV2(num_classes=1001)
    convs = [op for op in tfl.operators if op["op"] in ("CONV_2D", "DEPTHWISE_CONV_2D")]
    targets = model.convs()
    if len(convs) != len(targets) + 1:
        raise ValueError(f"{len(convs)} conv ops in the file, {len(targets) + 1} in the model")
    with torch.no_grad():
        for op, layer in zip(convs, targets):
            check_structure(op, layer)
            w = to_torch_weight(tfl.dequantize(op["inputs"][1]), op["op"] == "DEPTHWISE_CONV_2D")
            if tuple(layer.weight.shape) != w.shape:
                raise ValueError(f"shape mismatch {layer.weight.shape} vs {w.shape}")
            layer.weight.copy_(torch.from_numpy(w))
            layer.bias.copy_(torch.from_numpy(tfl.dequantize(op["inputs"][2])))
        head = convs[-1]
        model.classifier.weight.copy_(torch.from_numpy(tfl.dequantize(head["inputs"][1])[:, 0, 0, :]))
        model.classifier.bias.copy_(torch.from_numpy(tfl.dequantize(head["inputs"][2])))
    return model.eval()


def tflite_input(tfl, relpath):
    """The file's real-valued input on the centre-cropped RGB photo: scale x (pixel - zero point) of its
    uint8 input tensor ((p - 128) / 128 for the TF-slim file, (p - 127) / 127.5 for the TF2 one)."""
    q = tfl.tensors[tfl.inputs[0]]["quant"]
    return (station_crop(load_rgb(relpath)).astype(np.float32) - float(q["zero_point"][0])) * float(q["scale"][0])


def fidelity(tfl, model, photos):
    """Per photo: top-1 of both, and the largest absolute logit difference."""
    rows = []
    for rel in photos:
        x = tflite_input(tfl, rel)
        t0 = time.time()
        ref = reference_forward(tfl, x)["logits"]
        with torch.no_grad():
            out = model(torch.from_numpy(x.transpose(2, 0, 1).copy())[None])[0].numpy()
        rows.append({"photo": rel, "referenceTop1": int(ref.argmax()), "torchTop1": int(out.argmax()),
                     "maxAbsLogitDiff": float(np.abs(ref - out).max()),
                     "logitRange": float(ref.max() - ref.min())})
        print(f"  {rel}: top-1 numpy {rows[-1]['referenceTop1']} torch {rows[-1]['torchTop1']}, "
              f"max |logit diff| {rows[-1]['maxAbsLogitDiff']:.2e} ({time.time() - t0:.1f}s)", flush=True)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", choices=sorted(TFLITE_FILES), default="slim-qat",
                    help="which ImageNet file of ../shared/data/pretrained to import")
    args = ap.parse_args()
    torch.set_num_threads(2)
    WORK.mkdir(exist_ok=True)
    path = TFLITE_FILES[args.source]
    tfl = TFLiteModel(path)
    print(f"{path.name}: {len(tfl.tensors)} tensors, {len(tfl.operators)} operators, "
          f"{len(tfl.buffers)} buffers")
    model = build_model(tfl)
    torch.save(model.state_dict(), WORK / "mobilenetv2_imagenet.pt")
    print("fidelity check, numpy reference over the TFLite graph vs PyTorch (float, dequantized):")
    rows = fidelity(tfl, model, FIDELITY_PHOTOS)
    worst = max(r["maxAbsLogitDiff"] for r in rows)
    same = all(r["referenceTop1"] == r["torchTop1"] for r in rows)
    write_json(WORK / "fidelity.json", {"source": args.source, "file": path.name, "photos": rows,
                                        "maxAbsLogitDiff": worst, "top1Identical": same,
                                        "tensors": len(tfl.tensors), "operators": len(tfl.operators)})
    print(f"largest logit difference {worst:.3e}; identical top-1: {same}")
    if not same or worst > 1e-3:
        sys.exit("fidelity check failed")


if __name__ == "__main__":
    main()
