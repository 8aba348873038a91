"""Augmented training views, drawn once into a bank so that the teacher's logits are computed once per view.

A bank holds K views (224 x 224 RGB uint8) of every photo of the given splits: with probability
COMPOSITE_P (photos whose object could be cut out, see segment.py, or that a box fills: a torn-sheet piece of
it, composite.sheet_mask) the object on a synthetic background of
composite.TRAIN_FAMILIES under changed light and camera (composite.py); otherwise the photo itself, rotated
(+-15 deg, corners filled with its border colour), randomly cropped and rescaled, colour-jittered and, more
mildly, degraded the same way. Both then get random horizontal and vertical flips. Random erasing is applied
later, per batch (train_student.py), to the student's input only.

Writes WORK/bank-<split>.npy (uint8 [N*K, 224, 224, 3]) and WORK/bank-<split>.json (paths, labels, K, which views
are composites): `python3 views.py train val`. The refit's bank is the train bank followed by the validation
bank (load_bank("trainval")), so the train views, and the teacher's logits for them, are the same in both runs."""
import json
import sys
import time

import cv2
import numpy as np

from common import LABELS, SEED, SIZE, WORK, load_rgb, read_split, write_json
from composite import TRAIN_FAMILIES, background, composite, photometric, sheet_mask
from segment import fills_frame

K = 10
SPLIT_SEEDS = {"train": 1, "val": 2}
COMPOSITE_P = 0.5
BANKS = {"train": ("train",), "val": ("val",), "trainval": ("train", "val")}


def rotate_fill(rgb, angle):
    """Rotation about the centre; the corners get the photo's mean border colour (the board), not black."""
    h, w = rgb.shape[:2]
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).mean(0)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(rgb, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=tuple(float(v) for v in border))


def random_resized_crop(rgb, rng, scale=(0.4, 1.0), ratio=(3 / 4, 4 / 3), size=SIZE):
    """torchvision's RandomResizedCrop, with the numpy generator (area resampling when shrinking)."""
    h, w = rgb.shape[:2]
    for _ in range(10):
        area = h * w * rng.uniform(*scale)
        r = np.exp(rng.uniform(np.log(ratio[0]), np.log(ratio[1])))
        cw, ch = int(round(np.sqrt(area * r))), int(round(np.sqrt(area / r)))
        if 0 < cw <= w and 0 < ch <= h:
            y, x = int(rng.integers(0, h - ch + 1)), int(rng.integers(0, w - cw + 1))
            break
    else:  # fall back to the central square
        ch = cw = min(h, w)
        y, x = (h - ch) // 2, (w - cw) // 2
    crop = rgb[y:y + ch, x:x + cw]
    interp = cv2.INTER_AREA if ch > size else cv2.INTER_LINEAR
    return cv2.resize(crop, (size, size), interpolation=interp)


def colour_jitter(rgb, rng, b=0.3, c=0.3, s=0.3, hue=0.03):
    """Brightness, contrast, saturation and hue factors as torchvision's ColorJitter draws them."""
    img = rgb.astype(np.float32)
    img *= rng.uniform(1 - b, 1 + b)
    mean = img.mean()
    img = (img - mean) * rng.uniform(1 - c, 1 + c) + mean
    grey = img @ np.array([0.299, 0.587, 0.114], np.float32)
    img = (img - grey[..., None]) * rng.uniform(1 - s, 1 + s) + grey[..., None]
    img = np.clip(img, 0, 255).astype(np.uint8)
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
    hsv[..., 0] = ((hsv[..., 0].astype(np.int32) + int(round(rng.uniform(-hue, hue) * 180))) % 180).astype(np.uint8)
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)


def flips(rgb, rng):
    if rng.random() < 0.5:
        rgb = rgb[:, ::-1]
    if rng.random() < 0.5:
        rgb = rgb[::-1]
    return np.ascontiguousarray(rgb)


def plain_view(rgb, rng):
    img = rotate_fill(rgb, float(rng.uniform(-15, 15)))
    img = colour_jitter(random_resized_crop(img, rng), rng)
    return flips(photometric(img, rng, strength=0.4), rng)


def composite_view(rgb, mask, rng):
    family = list(TRAIN_FAMILIES)[int(rng.integers(len(TRAIN_FAMILIES)))]
    img = composite(rgb, mask, background(family, rng, TRAIN_FAMILIES), rng)
    img = photometric(img, rng)
    return flips(random_resized_crop(img, rng, scale=(0.45, 1.0)), rng)


def composite_mask(rgb, mask, info, rng):
    """The mask to composite with: the object's cut-out, a torn-sheet piece of a frame-filling photo, or None."""
    if info["usable"]:
        return mask
    return sheet_mask(rgb.shape, rng) if fills_frame(info) else None


def view(rgb, mask, info, rng):
    """One training view; returns (uint8 [224, 224, 3], whether it is a composite)."""
    if rng.random() < COMPOSITE_P:
        m = composite_mask(rgb, mask, info, rng)
        if m is not None:
            return composite_view(rgb, m, rng), True
    return plain_view(rgb, rng), False


def bank_paths(split):
    return WORK / f"bank-{split}.npy", WORK / f"bank-{split}.json"


def build(split, k=K):
    from segment import load_masks
    cv2.setNumThreads(1)
    items = read_split(split)
    masks, info = load_masks(), json.loads((WORK / "masks.json").read_text())["masks"]
    data_path, meta_path = bank_paths(split)
    bank = np.lib.format.open_memmap(str(data_path), "w+", np.uint8, (len(items) * k, SIZE, SIZE, 3))
    rng = np.random.default_rng([SEED, SPLIT_SEEDS[split]])
    composite_flags, t0 = [], time.time()
    for i, (rel, _) in enumerate(items):
        rgb = load_rgb(rel)
        for j in range(k):
            bank[i * k + j], is_comp = view(rgb, masks[rel], info[rel], rng)
            composite_flags.append(is_comp)
        if i % 200 == 0:
            print(f"  {split}: {i}/{len(items)} photos ({time.time() - t0:.0f}s)", flush=True)
    bank.flush()
    del bank
    write_json(meta_path, {"paths": [p for p, _ in items], "labels": [y for _, y in items], "k": k,
                           "composite": composite_flags, "labelNames": LABELS})
    print(f"bank {split}: {len(items)} photos x {k} views, {sum(composite_flags)} composites "
          f"({time.time() - t0:.0f}s)")


class Bank:
    """The banks of several splits as one sequence of views (memory-mapped, read on demand)."""

    def __init__(self, parts):
        self.parts = parts
        self.starts = np.cumsum([0] + [len(p) for p in parts])

    def __len__(self):
        return int(self.starts[-1])

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            idx = np.arange(*idx.indices(len(self)))
        idx = np.asarray(idx)
        part = np.searchsorted(self.starts, idx, side="right") - 1
        out = np.empty((len(idx), SIZE, SIZE, 3), np.uint8)
        for p in np.unique(part):
            sel = part == p
            out[sel] = self.parts[p][idx[sel] - self.starts[p]]
        return out


def load_bank(name):
    """(Bank of uint8 [N*K, 224, 224, 3] views, metadata dict) of a bank name of BANKS."""
    parts, meta = [], None
    for split in BANKS[name]:
        data_path, meta_path = bank_paths(split)
        parts.append(np.load(str(data_path), mmap_mode="r"))
        m = json.loads(meta_path.read_text())
        if meta is None:
            meta = m
        else:
            if m["k"] != meta["k"]:
                raise ValueError("banks with different K")
            meta = {**meta, **{key: meta[key] + m[key] for key in ("paths", "labels", "composite")}}
    return Bank(parts), meta


if __name__ == "__main__":
    for s in sys.argv[1:] or ["train", "val"]:
        build(s)
