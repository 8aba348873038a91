"""Step 2a: stratified, seeded 70/15/15 train/val/test split of the TrashNet photos.

Writes models/splits/{train,val,test}.txt (paths relative to the trashnet folder, sorted).
The lists are committed; re-running with the same photos and seed gives the same lists."""
from sklearn.model_selection import train_test_split

from common import LABELS, SEED, SPLITS, TRASHNET


def photos():
    return sorted(f"{c}/{p.name}" for c in LABELS for p in (TRASHNET / c).glob("*.jpg"))


def split(paths):
    labels = [p.split("/")[0] for p in paths]
    train, rest, _, rest_labels = train_test_split(paths, labels, test_size=0.30, stratify=labels,
                                                   random_state=SEED)
    val, test = train_test_split(rest, test_size=0.50, stratify=rest_labels, random_state=SEED)
    return {"train": train, "val": val, "test": test}


def main():
    SPLITS.mkdir(exist_ok=True)
    for name, paths in split(photos()).items():
        (SPLITS / f"{name}.txt").write_text("\n".join(sorted(paths)) + "\n")
        counts = {c: sum(p.startswith(c + "/") for p in paths) for c in LABELS}
        print(f"{name}: {len(paths)} {counts}")


if __name__ == "__main__":
    main()
