"""Synthetic cross-domain stress test ("beyond TrashNet" on the model card). SYNTHETIC: these are not photos
of a plant; they are the split's own objects cut out of their board and pasted on background families that
training never sees (composite.STRESS_FAMILIES: green PVC belt, brushed steel, tiles, gravel, fabric), under
changed light and camera (blur, noise, JPEG), then the station's preprocessing.

Per photo whose object could be cut out (segment.py; a torn-sheet piece of a photo that a box fills, as in
training), PER_PHOTO composites on different families, seeded by the photo's position, so every model is
scored on the same images. `stress_set(split)` caches them in
WORK/stress-<split>.npz. Run as a script: scores the given model files (.pt state dicts of WORK or .onnx
files, e.g. the 1.0.0 model from git) on the test split's stress set and writes WORK/stress-<split>.json."""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import f1_score

from common import LABELS, SEED, WORK, load_rgb, normalize, read_split, station_crop, write_json
from composite import STRESS_FAMILIES, background, composite, photometric

PER_PHOTO = 2


def stress_set(split):
    """(uint8 [M, 224, 224, 3] station crops, labels [M], family names [M], paths [M])."""
    cache = WORK / f"stress-{split}.npz"
    if cache.exists():
        z = np.load(cache)
        return z["x"], z["y"], list(z["family"]), list(z["path"])
    from segment import load_masks
    from views import composite_mask
    masks, info = load_masks(), json.loads((WORK / "masks.json").read_text())["masks"]
    fams = list(STRESS_FAMILIES)
    xs, ys, families, paths = [], [], [], []
    for i, (rel, y) in enumerate(read_split(split)):
        rgb = load_rgb(rel)
        rng = np.random.default_rng([SEED, 7, i])
        mask = composite_mask(rgb, masks[rel], info[rel], rng)
        if mask is None:
            continue
        for f in rng.permutation(len(fams))[:PER_PHOTO]:
            img = photometric(composite(rgb, mask, background(fams[f], rng, STRESS_FAMILIES), rng), rng, 0.7)
            xs.append(station_crop(img))
            ys.append(y)
            families.append(fams[f])
            paths.append(rel)
    x, y = np.stack(xs), np.array(ys)
    np.savez_compressed(cache, x=x, y=y, family=np.array(families), path=np.array(paths))
    return x, y, families, paths


def tensors(x_uint8):
    return torch.from_numpy(np.stack([normalize(v) for v in x_uint8]))


@torch.no_grad()
def logits(model, x, batch=64):
    model.eval()
    return torch.cat([model(x[i:i + batch].contiguous(memory_format=torch.channels_last))
                      for i in range(0, len(x), batch)]).numpy()


def scores(pred, y, families):
    fam = np.array(families)
    return {"accuracy": float((pred == y).mean()), "macroF1": float(f1_score(y, pred, average="macro")),
            "images": int(len(y)),
            "perFamily": {f: float((pred[fam == f] == y[fam == f]).mean()) for f in sorted(set(families))},
            "perClassRecall": {c: float((pred[y == i] == i).mean()) for i, c in enumerate(LABELS) if (y == i).any()}}


def load_model(path):
    """A 6-class MobileNetV2 from a WORK .pt state dict or an exported .onnx (its initializers are the state dict)."""
    from mobilenetv2 import MobileNetV2, onnx_state_dict, replace_head
    model = replace_head(MobileNetV2(), len(LABELS), dropout=0.2)
    if str(path).endswith(".onnx"):
        state = onnx_state_dict(path, model)
    else:
        state = torch.load(path)
    model.load_state_dict(state)
    return model.eval().to(memory_format=torch.channels_last)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="+", help="name=path pairs (.pt or .onnx)")
    ap.add_argument("--split", default="test")
    args = ap.parse_args()
    torch.set_num_threads(2)
    x, y, families, _ = stress_set(args.split)
    xt = tensors(x)
    out = {"split": args.split, "images": int(len(y)), "perPhoto": PER_PHOTO, "families": sorted(STRESS_FAMILIES),
           "models": {}}
    for spec in args.models:
        name, path = spec.split("=", 1)
        pred = logits(load_model(Path(path)), xt).argmax(1)
        out["models"][name] = scores(pred, y, families)
        print(f"{name}: stress accuracy {out['models'][name]['accuracy']:.4f} "
              f"macro F1 {out['models'][name]['macroF1']:.4f}", flush=True)
    write_json(WORK / f"stress-{args.split}.json", out)


if __name__ == "__main__":
    sys.exit(main())
