"""Step 5: evaluate the shipped 2.0 model on the test split, calibrate it, and stress-test it beyond TrashNet.

- test split, station preprocessing (centre crop, RGB, (x - 127.5) / 127.5): accuracy, macro/weighted P/R/F1,
  per class, confusion matrix, 95 % bootstrap intervals, most frequent errors; the same for the 1.0.0 model
  (its model.onnx from git, PREVIOUS_COMMIT) and for the validation run's model (train split only);
- calibration: temperature T fitted on the validation split with the validation run's logits (calibrate.py);
  ECE before/after on validation and on test; reliability bins; the risk-coverage table on the test split
  (with T, as the station scores) and the operating point: the lowest threshold whose accepted test items are
  >= 98 % right, which becomes Sorting:MinConfidence; the same table on validation, for comparison;
- the synthetic stress test (stress_test.py) on the test split: 1.0.0 vs 2.0.0 (and the validation run);
- the validation figures of the recipe's run and the teacher, from their logs; models/regimes.json (the
  regimes compared on validation, see ablations.sh) is copied into the metrics as it stands.

Writes models/metrics.json, mobilenetv2-trashnet/confusion-matrix.png, calibration.png, and the `metrics` and
`temperature` of mobilenetv2-trashnet/metadata.json."""
import subprocess

import matplotlib

matplotlib.use("Agg")  # headless: no display on the build machine
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support  # noqa: E402

import calibrate  # noqa: E402
from common import LABELS, MODELS, OUT, SEED, WORK, read_json, read_split, station_tensor, write_json  # noqa: E402
from export_onnx import SHIPPED, VERSION  # noqa: E402
from stress_test import load_model, scores, stress_set, tensors  # noqa: E402

PREVIOUS_VERSION = "1.0.0"
PREVIOUS_COMMIT = "0740282f9f9d38873147e2cc00a830116321b5df"  # the last commit that changed the 1.0.0 model.onnx
VALIDATION_RUN = "student-train.pt"  # train_student.py --bank train: the same recipe on the train split only


def logits_of(model, x):
    with torch.no_grad():
        return torch.cat([model(x[i:i + 64].contiguous(memory_format=torch.channels_last))
                          for i in range(0, len(x), 64)]).numpy()


def report(y, pred):
    """Accuracy, macro/weighted P/R/F1, per-class table and confusion matrix (rows = true)."""
    out = {"accuracy": accuracy_score(y, pred)}
    for avg in ("macro", "weighted"):
        p, r, f, _ = precision_recall_fscore_support(y, pred, average=avg, zero_division=0)
        out[avg] = {"precision": p, "recall": r, "f1": f}
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=range(len(LABELS)), zero_division=0)
    out["perClass"] = {c: {"precision": p[i], "recall": r[i], "f1": f[i], "support": int(s[i])}
                       for i, c in enumerate(LABELS)}
    out["confusion"] = confusion_matrix(y, pred, labels=range(len(LABELS))).tolist()
    return out


def bootstrap_interval(y, pred, resamples=2000):
    """95 % percentile-bootstrap intervals of accuracy and macro F1 over the test photos (seeded): how far
    the figures could move on another draw of test photos of the same size."""
    rng = np.random.default_rng(SEED)
    acc, f1 = [], []
    for _ in range(resamples):
        i = rng.integers(0, len(y), len(y))
        acc.append(accuracy_score(y[i], pred[i]))
        f1.append(precision_recall_fscore_support(y[i], pred[i], labels=range(len(LABELS)), average="macro",
                                                  zero_division=0)[2])
    return {"resamples": resamples, "accuracy": np.percentile(acc, [2.5, 97.5]).tolist(),
            "macroF1": np.percentile(f1, [2.5, 97.5]).tolist()}


def paired_bootstrap(y, pred_new, pred_old, resamples=2000):
    """95 % interval of the accuracy difference new - old over resampled photos (both models on the same draw)."""
    rng = np.random.default_rng(SEED + 1)
    right_new, right_old = pred_new == y, pred_old == y
    d = [float(right_new[i].mean() - right_old[i].mean())
         for i in (rng.integers(0, len(y), len(y)) for _ in range(resamples))]
    return np.percentile(d, [2.5, 97.5]).tolist()


def top_confusions(y, pred, paths, n=6):
    """The most frequent (true -> predicted) errors with example photos, for the card."""
    pairs = {}
    for t, p, path in zip(y, pred, paths):
        if t != p:
            pairs.setdefault((LABELS[t], LABELS[p]), []).append(path)
    ranked = sorted(pairs.items(), key=lambda kv: -len(kv[1]))[:n]
    return [{"true": t, "predicted": p, "count": len(v), "examples": v[:3]} for (t, p), v in ranked]


def plot_confusion(cm, path, title):
    cm = np.array(cm)
    fig, ax = plt.subplots(figsize=(6, 5), dpi=120)
    ax.imshow(cm / cm.sum(1, keepdims=True), cmap="Blues", vmin=0, vmax=1)
    for i in range(len(cm)):
        for j in range(len(cm)):
            ax.text(j, i, cm[i, j], ha="center", va="center", color="white" if i == j else "black")
    ax.set_xticks(range(len(LABELS)), LABELS, rotation=30)
    ax.set_yticks(range(len(LABELS)), LABELS)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def plot_calibration(cal, path):
    """Reliability (test, before and after T) and the risk-coverage curve (test, with T)."""
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4.2), dpi=120)
    for key, style, name in (("testBefore", "o--", "T = 1"), ("testAfter", "s-", f"T = {cal['temperature']:.2f}")):
        r = cal["reliability"][key]
        a.plot([x["confidence"] for x in r], [x["accuracy"] for x in r], style, label=f"{name} (ECE {cal['ece'][key]:.3f})")
    a.plot([0, 1], [0, 1], ":", color="grey")
    a.set_xlabel("mean confidence in bin")
    a.set_ylabel("accuracy in bin")
    a.set_title("reliability, test split")
    a.legend()
    rows = cal["riskCoverage"]["test"]
    b.plot([r["coverage"] for r in rows], [r["purity"] for r in rows], "o-")
    for r in rows[::2]:
        b.annotate(f"{r['threshold']:.2f}", (r["coverage"], r["purity"]), fontsize=7, xytext=(3, -9),
                   textcoords="offset points")
    b.axhline(calibrate.TARGET_PURITY, color="grey", ls=":")
    b.set_xlabel("coverage (share accepted)")
    b.set_ylabel("accuracy of accepted items")
    b.set_title("risk-coverage, test split (thresholds 0.30-0.95)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def as_float(obj):
    """numpy scalars -> plain floats for the JSON files: 4 decimals, except that values below 1e-3 keep
    3 significant digits (the fidelity and ONNX Runtime logit differences, ~1e-5, must not round to 0)."""
    if isinstance(obj, dict):
        return {k: as_float(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [as_float(v) for v in obj]
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if not isinstance(obj, (float, np.floating)):
        return obj
    x = float(obj)
    return round(x, 4) if x == 0 or abs(x) >= 1e-3 else float(f"{x:.3g}")


def split_tensors(name):
    items = read_split(name)
    x = torch.from_numpy(np.stack([station_tensor(p) for p, _ in items]))
    return x, np.array([t for _, t in items]), [p for p, _ in items]


def previous_model():
    """The 1.0.0 model.onnx, from git (a fresh clone has the history)."""
    path = WORK / f"previous-{PREVIOUS_VERSION}.onnx"
    if not path.exists():
        blob = subprocess.run(["git", "show", f"{PREVIOUS_COMMIT}:models/mobilenetv2-trashnet/model.onnx"],
                              cwd=MODELS, check=True, capture_output=True).stdout
        path.write_bytes(blob)
    return path


def calibration(val_logits, val_y, test_logits, test_y):
    t = calibrate.fit_temperature(val_logits, val_y)
    probs = {"valBefore": calibrate.softmax(val_logits), "valAfter": calibrate.softmax(val_logits, t),
             "testBefore": calibrate.softmax(test_logits), "testAfter": calibrate.softmax(test_logits, t)}
    ys = {k: (val_y if k.startswith("val") else test_y) for k in probs}
    test_rows = calibrate.risk_coverage(probs["testAfter"], test_y)
    val_rows = calibrate.risk_coverage(probs["valAfter"], val_y)
    return {
        "temperature": t, "fittedOn": "validation split, logits of the validation run's model (train split only)",
        "nll": {"valBefore": calibrate.nll(val_logits, val_y, 1.0), "valAfter": calibrate.nll(val_logits, val_y, t),
                "testBefore": calibrate.nll(test_logits, test_y, 1.0), "testAfter": calibrate.nll(test_logits, test_y, t)},
        "ece": {k: calibrate.ece(p, ys[k]) for k, p in probs.items()}, "eceBins": calibrate.ECE_BINS,
        "reliability": {k: calibrate.reliability(probs[k], ys[k]) for k in ("testBefore", "testAfter")},
        "riskCoverage": {"test": test_rows, "val": val_rows,
                         "testRaw": calibrate.risk_coverage(probs["testBefore"], test_y)},
        "operatingPoint": {"test": calibrate.operating_point(test_rows), "val": calibrate.operating_point(val_rows),
                           "targetPurity": calibrate.TARGET_PURITY},
    }


def main():
    torch.set_num_threads(2)
    x, y, paths = split_tensors("test")
    shipped, valrun = load_model(WORK / SHIPPED), load_model(WORK / VALIDATION_RUN)
    test_logits, valrun_logits = logits_of(shipped, x), logits_of(valrun, x)
    pred = test_logits.argmax(1)
    fine = {**report(y, pred), "topConfusions": top_confusions(y, pred, paths), "interval95": bootstrap_interval(y, pred)}
    prev_path = previous_model()
    prev_pred = logits_of(load_model(prev_path), x).argmax(1)
    previous = {"version": PREVIOUS_VERSION, "commit": PREVIOUS_COMMIT, **report(y, prev_pred),
                "interval95": bootstrap_interval(y, prev_pred)}
    valrun_report = report(y, valrun_logits.argmax(1))
    print(f"{VERSION}: test accuracy {fine['accuracy']:.4f} macro F1 {fine['macro']['f1']:.4f}; "
          f"{PREVIOUS_VERSION}: {previous['accuracy']:.4f} / {previous['macro']['f1']:.4f}; "
          f"validation run's model: {valrun_report['accuracy']:.4f} / {valrun_report['macro']['f1']:.4f}", flush=True)

    val_y = np.array([t for _, t in read_split("val")])
    cal = calibration(np.load(WORK / "student-train-val-logits.npy"), val_y, test_logits, y)
    op = cal["operatingPoint"]["test"]
    print(f"temperature {cal['temperature']:.3f}; test ECE {cal['ece']['testBefore']:.4f} -> {cal['ece']['testAfter']:.4f}; "
          f"operating point {op}", flush=True)

    sx, sy, families, spaths = stress_set("test")
    st = tensors(sx)
    stress = {"images": int(len(sy)), "photos": int(len(set(spaths))), "families": sorted(set(families)), "models": {}}
    stress_pred = {}
    for name, model in ((PREVIOUS_VERSION, load_model(prev_path)), (VERSION, shipped), ("validationRun", valrun)):
        s_logits = logits_of(model, st)
        stress_pred[name] = s_logits.argmax(1)
        stress["models"][name] = scores(stress_pred[name], sy, families)
        if name == VERSION:
            p = calibrate.softmax(s_logits, cal["temperature"])
            stress["models"][name]["riskCoverage"] = calibrate.risk_coverage(p, sy)
        print(f"stress {name}: {stress['models'][name]['accuracy']:.4f}", flush=True)
    stress["gainInterval95"] = paired_bootstrap(sy, stress_pred[VERSION], stress_pred[PREVIOUS_VERSION])

    train_log = read_json(WORK / "student-train.json")
    regimes = read_json(MODELS / "regimes.json") if (MODELS / "regimes.json").exists() else None
    teacher = read_json(WORK / "teacher.json")
    metrics = as_float({
        "version": VERSION, "testPhotos": len(y), "fineTuned": fine, "previous": previous,
        "accuracyGainInterval95": paired_bootstrap(y, pred, prev_pred),
        "validationRunOnTest": {"accuracy": valrun_report["accuracy"], "macro": valrun_report["macro"]},
        "validationRun": {k: train_log[k] for k in ("last", "best", "epochs", "minutes", "alpha", "temperature",
                                                      "erase", "composites", "from", "lr", "threads")},
        "refit": read_json(WORK / "student-trainval.json") | {"history": None},
        "teacher": {"last": teacher["history"][-1], "epochs": teacher["epochs"], "lr": teacher["lr"],
                    "bankViewAccuracy": teacher["bankViewAccuracy"], "minutes": teacher["minutes"],
                    "fidelity": read_json(WORK / "teacher_fidelity.json")},
        "calibration": cal, "stress": stress, "regimes": regimes,
        "bank": {s: {k: v for k, v in read_json(WORK / f"bank-{s}.json").items() if k in ("k",)} |
                 {"composites": int(sum(read_json(WORK / f"bank-{s}.json")["composite"]))} for s in ("train", "val")},
        "masks": {k: v for k, v in read_json(WORK / "masks.json").items() if k != "masks"},
        "fidelity": read_json(WORK / "fidelity.json"),
        "onnxCheck": read_json(WORK / "onnxcheck" / "result.json"),
    })
    write_json(MODELS / "metrics.json", metrics)
    plot_confusion(fine["confusion"], OUT / "confusion-matrix.png",
                   f"{VERSION}, test split (n={len(y)}), acc {fine['accuracy']:.3f}")
    plot_calibration(metrics["calibration"], OUT / "calibration.png")
    meta = read_json(OUT / "metadata.json")
    meta["temperature"] = round(cal["temperature"], 4)
    meta["metrics"] = as_float({"testAccuracy": fine["accuracy"], "macroF1": fine["macro"]["f1"],
                                "trashF1": fine["perClass"]["trash"]["f1"], "testEceCalibrated": cal["ece"]["testAfter"],
                                "minConfidence": op["threshold"] if op else None,
                                "purityAtMinConfidence": op["purity"] if op else None,
                                "coverageAtMinConfidence": op["coverage"] if op else None})
    write_json(OUT / "metadata.json", meta)
    print("wrote models/metrics.json, confusion-matrix.png, calibration.png, metadata.json metrics and temperature")


if __name__ == "__main__":
    main()
