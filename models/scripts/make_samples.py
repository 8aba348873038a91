"""The demo's photos: samples/<label>/ holds PER_CLASS TrashNet photos of each class from the TRAINING split
(seeded choice), re-encoded as JPEG so that all of them stay under MAX_BYTES. The simulated camera replays
them when Simulation:ImagesDirectory is empty (src/SortStation.Simulation/SampleImages.cs).

They come from the training split so that no validation or test photo leaves the evaluation; the demo's
accuracy on them is therefore no measure of the model (it has seen them). samples/README.md carries the
MIT notice and credit."""
import io
import shutil

import numpy as np
from PIL import Image

from common import LABELS, MODELS, SEED, TRASHNET, read_split

SAMPLES = MODELS.parent / "samples"
PER_CLASS = 8
MAX_BYTES = 1_000_000


def encode(path, quality):
    buf = io.BytesIO()
    with Image.open(path) as im:
        im.convert("RGB").save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


def choose():
    rng = np.random.default_rng(SEED)
    train = read_split("train")
    chosen = []
    for i, label in enumerate(LABELS):
        paths = sorted(p for p, y in train if y == i)
        chosen += [paths[j] for j in sorted(rng.choice(len(paths), PER_CLASS, replace=False))]
    return chosen


def main():
    chosen = choose()
    for quality in (85, 80, 75, 70, 60):
        blobs = {rel: encode(TRASHNET / rel, quality) for rel in chosen}
        if sum(len(b) for b in blobs.values()) <= MAX_BYTES:
            break
    for label in LABELS:
        shutil.rmtree(SAMPLES / label, ignore_errors=True)
        (SAMPLES / label).mkdir(parents=True)
    for rel, blob in blobs.items():
        (SAMPLES / rel).write_bytes(blob)
    total = sum(len(b) for b in blobs.values())
    print(f"samples/: {len(blobs)} photos, {total / 1e6:.2f} MB at JPEG quality {quality}")


if __name__ == "__main__":
    main()
