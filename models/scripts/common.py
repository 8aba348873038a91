"""Paths, labels, split lists and the station's evaluation preprocessing, shared by all steps."""
import hashlib
import json
import os
from pathlib import Path

import numpy as np
from PIL import Image

SCRIPTS_DIR = Path(__file__).resolve().parent
MODELS = SCRIPTS_DIR.parent
SHARED = Path(os.environ.get("SORTSTATION_SHARED_DATA", MODELS.parent.parent / "shared" / "data"))
TRASHNET = SHARED / "trashnet"
# The two ImageNet MobileNetV2 1.0/224 files in ../shared/data/pretrained (see its README).
TFLITE_FILES = {"slim-qat": SHARED / "pretrained" / "mobilenet_v2_1.0_224_quant.tflite",
                "tf2-ptq": SHARED / "pretrained" / "tf2_mobilenet_v2_1.0_224_ptq.tflite"}
TFLITE = TFLITE_FILES["slim-qat"]
WORK = Path(os.environ.get("SORTSTATION_MODELS_WORK", MODELS / ".work"))  # scratch: weights, check tensors
SPLITS = MODELS / "splits"
OUT = MODELS / "mobilenetv2-trashnet"
LABELS = ["cardboard", "glass", "metal", "paper", "plastic", "trash"]
SPLIT_NAMES = ("train", "val", "test")
SEED = 20261125

# Station contract (metadata.json): RGB, (x - 127.5) / 127.5, short side round(224 / 0.875).
SIZE = 224
CROP_FRACTION = 0.875
MEAN = STD = 127.5


def load_rgb(relpath):
    """Decoded photo as uint8 [H, W, 3] RGB."""
    with Image.open(TRASHNET / relpath) as im:
        return np.asarray(im.convert("RGB"))


def station_crop(rgb, size=SIZE, crop_fraction=CROP_FRACTION):
    """Resize short side to round(size / crop_fraction) (area when shrinking, bilinear when
    enlarging, as the station's OpenCV INTER_AREA / INTER_LINEAR), then centre-crop size x size
    with the offset rounded down."""
    h, w = rgb.shape[:2]
    short = round(size / crop_fraction)
    if min(h, w) != short:
        scale = short / min(h, w)
        nw, nh = round(w * scale), round(h * scale)
        method = Image.BOX if scale < 1 else Image.BILINEAR
        rgb = np.asarray(Image.fromarray(rgb).resize((nw, nh), method))
        h, w = nh, nw
    top, left = (h - size) // 2, (w - size) // 2
    return rgb[top:top + size, left:left + size]


def normalize(rgb_hwc):
    """uint8 [H, W, 3] -> float32 [3, H, W] with the station's mean/std."""
    return ((rgb_hwc.astype(np.float32) - MEAN) / STD).transpose(2, 0, 1).copy()


def station_tensor(relpath, size=SIZE):
    return normalize(station_crop(load_rgb(relpath), size))


def read_split(name):
    """[(relative path, label index)] of a committed split list."""
    lines = (SPLITS / f"{name}.txt").read_text().split()
    return [(p, LABELS.index(p.split("/")[0])) for p in lines]


def data_hash():
    """sha256 over, per split (train, val, test) and per sorted path: the path, a newline,
    then the file's bytes. Changes if a photo, its class or its split changes."""
    h = hashlib.sha256()
    for name in SPLIT_NAMES:
        h.update(f"[{name}]\n".encode())
        for rel in sorted(p for p, _ in read_split(name)):
            h.update(rel.encode() + b"\n")
            h.update((TRASHNET / rel).read_bytes())
    return "sha256:" + h.hexdigest()


def write_json(path, obj):
    Path(path).write_text(json.dumps(obj, indent=2) + "\n")


def read_json(path):
    return json.loads(Path(path).read_text())
