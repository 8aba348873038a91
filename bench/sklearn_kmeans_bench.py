#!/usr/bin/python3
"""scikit-learn side of the SortStation clustering benchmark (run by SortStation.Clustering.Bench).

Usage: sklearn_kmeans_bench.py DATA.bin N D LABELS.bin SIL_N KMIN KMAX N_INIT SEED [SIL_THREADS]
DATA.bin: N*D float64 little-endian, row-major, original units. LABELS.bin: SIL_N int32 labels for the
first SIL_N standard-scaled rows. The elbow runs on scikit-learn's default threads (OpenMP and BLAS: all
cores); the silhouette on SIL_THREADS (default 1: scikit-learn's silhouette_score is single-threaded apart
from BLAS, which threadpoolctl limits here so both sides can be compared at equal threads). Prints one JSON
object on stdout, with the BLAS and OpenMP libraries this process actually loaded (threadpoolctl, and the
BLAS/LAPACK files mapped into the process, which also names a reference BLAS threadpoolctl does not know).
The BLAS is chosen by the caller for this process only (LD_LIBRARY_PATH to Debian's openblas-pthread folder).
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

try:
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError:  # Debian: python3-threadpoolctl
    threadpool_info = threadpool_limits = None


def mapped_blas():
    """BLAS/LAPACK shared objects mapped into this process (/proc/self/maps)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if len(line.split()) >= 6}
    except OSError:
        return []
    return sorted(p for p in paths if any(k in p.rsplit("/", 1)[-1].lower() for k in ("blas", "lapack", "mkl")))


def blas_report():
    pools = threadpool_info() if threadpool_info else []
    blas = [p for p in pools if p.get("user_api") == "blas"]
    mapped = mapped_blas()
    if blas:
        name = ", ".join(f"{p.get('internal_api')} {p.get('version')} ({p.get('threading_layer')}, {p.get('architecture')} kernels, {p.get('num_threads')} threads)" for p in blas)
    elif any("openblas" in m for m in mapped):
        name = "OpenBLAS (threadpoolctl absent)"
    elif mapped:
        name = "reference BLAS (netlib): " + ", ".join(m.rsplit("/", 1)[-1] for m in mapped)
    else:
        name = "unknown"
    return {"summary": name, "threadpools": pools, "mappedFiles": mapped}


def main(argv):
    data, n, d, labels_path, sil_n, kmin, kmax, n_init, seed = argv[:9]
    sil_threads = int(argv[9]) if len(argv) > 9 else 1
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

    def silhouette():
        t = time.perf_counter()
        c = time.process_time()
        value = float(silhouette_score(scaled[:sil_n], labels))
        return value, time.perf_counter() - t, time.process_time() - c

    if threadpool_limits:
        with threadpool_limits(limits=sil_threads):
            sil, sil_seconds, sil_cpu = silhouette()
    else:
        sil, sil_seconds, sil_cpu = silhouette()

    json.dump({
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "blas": blas_report(),
        "elbowThreads": "scikit-learn's default (OpenMP and BLAS on all cores)",
        "elbowSeconds": elbow_seconds,
        "elbowCpuSeconds": elbow_cpu,
        "elbow": elbow,
        "silhouetteThreads": sil_threads if threadpool_limits else "not limited (threadpoolctl absent)",
        "silhouetteSeconds": sil_seconds,
        "silhouetteCpuSeconds": sil_cpu,
        "silhouette": sil,
    }, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
