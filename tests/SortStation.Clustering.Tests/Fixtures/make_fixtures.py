#!/usr/bin/python3
"""Reference values for SortStation.Clustering tests, computed independently with scikit-learn.

Run with the Debian interpreter (numpy + scikit-learn 1.2.1):
    /usr/bin/python3 tests/SortStation.Clustering.Tests/Fixtures/make_fixtures.py
Writes blobs2.csv, blobs3.csv and reference.json next to this script. Deterministic (fixed seeds).
SSE per k is the best inertia_ over many restarts (n_init=100); the C# fit must be within 0.5 %.
Silhouettes use sklearn's silhouette_score on exact (cdist) distances with metric="precomputed" so the
reference is not limited by the dot-product trick of euclidean_distances; the default-metric value is
stored too for information.
"""
import json
import os

import numpy as np
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import MinMaxScaler, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "clustering", "waste-bank-weighings-sample.csv")


def blobs(rng, n, extra_feature):
    # Weighing-like groups: many cheap light items, a few pricey ones, some bulky cheap ones.
    groups = [(0.6, 10, 2500, 6, 900), (0.1, 0.5, 60000, 0.4, 20000), (0.3, 150, 1500, 40, 400)]
    rows = []
    for share, w, p, sw, sp in groups:
        m = int(n * share)
        weight = np.abs(rng.normal(w, sw, m))
        price = np.abs(rng.normal(p, sp, m))
        cols = [weight, price]
        if extra_feature:
            cols.append(np.abs(rng.normal(w * 2.0, sw * 2.0, m)))
        rows.append(np.column_stack(cols))
    x = np.round(np.vstack(rows), 3)
    return x[rng.permutation(len(x))]


def write_csv(path, x, names):
    with open(path, "w", encoding="utf-8") as f:
        f.write("item_type," + ",".join(names) + "\n")
        for i, row in enumerate(x):
            f.write(f"ITEM {i}," + ",".join(repr(float(v)) for v in row) + "\n")


def sse_by_k(x, ks):
    return {str(k): float(KMeans(n_clusters=k, n_init=100, random_state=0).fit(x).inertia_) for k in ks}


def silhouettes(x, labels):
    exact = float(silhouette_score(cdist(x, x), labels, metric="precomputed"))
    return exact, float(silhouette_score(x, labels))


def describe(x, names, kmax):
    std = StandardScaler().fit_transform(x)
    mm = MinMaxScaler().fit_transform(x)
    km = KMeans(n_clusters=3, n_init=100, random_state=0).fit(std)
    exact, default = silhouettes(std, km.labels_)
    mm_labels = KMeans(n_clusters=2, n_init=100, random_state=0).fit(mm).labels_
    mm_exact, _ = silhouettes(mm, mm_labels)
    q1, q3 = np.percentile(x, 25, axis=0), np.percentile(x, 75, axis=0)
    iqr = q3 - q1
    keep = np.all((x >= q1 - 1.5 * iqr) & (x <= q3 + 1.5 * iqr), axis=1)
    return {
        "features": names,
        "standard": std.tolist(),
        "minmax": mm.tolist(),
        "sseStandard": sse_by_k(std, range(2, kmax + 1)),
        "sseMinMax": sse_by_k(mm, range(2, kmax + 1)),
        "labelsK3": km.labels_.tolist(),
        "silhouetteK3": exact,
        "silhouetteK3SklearnDefaultMetric": default,
        "labelsMinMaxK2": mm_labels.tolist(),
        "silhouetteMinMaxK2": mm_exact,
        "iqrKeptRows": int(keep.sum()),
        "q1": q1.tolist(),
        "q3": q3.tolist(),
    }


def main():
    rng = np.random.default_rng(20260515)
    out = {"generator": "make_fixtures.py", "sklearn": __import__("sklearn").__version__}
    x2 = blobs(rng, 300, False)
    x2 = np.vstack([x2, [[900.0, 2000.0], [1.0, 400000.0]]])  # two obvious outliers for the IQR test
    write_csv(os.path.join(HERE, "blobs2.csv"), x2, ["weight_kg", "unit_price"])
    out["blobs2"] = describe(x2, ["weight_kg", "unit_price"], 8)
    x3 = blobs(rng, 240, True)
    write_csv(os.path.join(HERE, "blobs3.csv"), x3, ["weight_kg", "unit_price", "volume_l"])
    out["blobs3"] = describe(x3, ["weight_kg", "unit_price", "volume_l"], 6)
    if os.path.exists(SAMPLE):
        import csv
        with open(SAMPLE, encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        xs = np.array([[float(r["weight_kg"]), float(r["unit_price"])] for r in rows])
        std = StandardScaler().fit_transform(xs)
        sample = {"rows": len(xs), "standard": std.tolist(), "sseStandard": sse_by_k(std, range(2, 11))}
        for k in range(2, 11):
            labels = KMeans(n_clusters=k, n_init=100, random_state=0).fit(std).labels_
            sample[f"silhouetteK{k}"] = silhouettes(std, labels)[0]
        out["publishedSample"] = sample
    with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
