#!/usr/bin/python3
"""scikit-learn side of the SortStation clustering benchmark (run by SortStation.Clustering.Bench).

Usage: sklearn_kmeans_bench.py DATA.bin N D LABELS.bin SIL_N KMIN KMAX N_INIT SEED
DATA.bin: N*D float64 little-endian, row-major, original units. LABELS.bin: SIL_N int32 labels for the
first SIL_N standard-scaled rows. Prints one JSON object on stdout.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler


def main(argv):
    data, n, d, labels_path, sil_n, kmin, kmax, n_init, seed = argv
    n, d, sil_n, kmin, kmax, n_init, seed = map(int, (n, d, sil_n, kmin, kmax, n_init, seed))
    x = np.fromfile(data, dtype="<f8").reshape(n, d)
    labels = np.fromfile(labels_path, dtype="<i4")

    start = time.perf_counter()
    cpu = time.process_time()
    scaled = StandardScaler().fit_transform(x)
    elbow = []
    for k in range(kmin, kmax + 1):
        t = time.perf_counter()
        km = KMeans(n_clusters=k, n_init=n_init, random_state=seed, algorithm="lloyd").fit(scaled)
        elbow.append({"k": k, "sse": float(km.inertia_), "seconds": time.perf_counter() - t, "iterations": int(km.n_iter_)})
    elbow_seconds = time.perf_counter() - start
    elbow_cpu = time.process_time() - cpu

    t = time.perf_counter()
    cpu = time.process_time()
    sil = float(silhouette_score(scaled[:sil_n], labels))
    sil_seconds = time.perf_counter() - t
    sil_cpu = time.process_time() - cpu

    json.dump({
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "elbowSeconds": elbow_seconds,
        "elbowCpuSeconds": elbow_cpu,
        "elbow": elbow,
        "silhouetteSeconds": sil_seconds,
        "silhouetteCpuSeconds": sil_cpu,
        "silhouette": sil,
    }, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
