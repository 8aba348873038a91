"""Step 5: evaluate head-only and fine-tuned models on the test split, with the station's
preprocessing (centre crop, RGB, (x - 127.5) / 127.5).

Writes models/metrics.json, models/mobilenetv2-trashnet/confusion-matrix.png and fills the
`metrics` of models/mobilenetv2-trashnet/metadata.json."""
import matplotlib

matplotlib.use("Agg")  # headless: no display on the build machine
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support  # noqa: E402

from common import LABELS, MODELS, OUT, SEED, WORK, read_json, read_split, station_tensor, write_json  # noqa: E402
from export_onnx import load_trained  # noqa: E402

REGIMES = ("headOnly", "partial", "fineTuned")  # train.py regimes (a), (b), (c); fineTuned ships


def predictions(model, x):
    with torch.no_grad():
        return torch.cat([model(x[i:i + 64]) for i in range(0, len(x), 64)]).argmax(1).numpy()


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


def as_float(obj):
    """numpy scalars -> plain floats for the JSON files: 4 decimals, except that values below 1e-3 keep
    3 significant digits (the fidelity and ONNX Runtime logit differences, ~1e-5, must not round to 0)."""
    if isinstance(obj, dict):
        return {k: as_float(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [as_float(v) for v in obj]
    if not isinstance(obj, (float, np.floating)):
        return obj
    x = float(obj)
    return round(x, 4) if x == 0 or abs(x) >= 1e-3 else float(f"{x:.3g}")


def split_tensors(name):
    items = read_split(name)
    x = torch.from_numpy(np.stack([station_tensor(p) for p, _ in items]))
    return x, np.array([t for _, t in items]), [p for p, _ in items]


def main():
    torch.set_num_threads(2)
    x, y, paths = split_tensors("test")
    train_log = read_json(WORK / "train_log.json")
    refit = "refit" in train_log  # models trained on train + val: their validation figures are the validation run's
    if not refit:
        vx, vy, _ = split_tensors("val")
    results, validation = {}, {}
    for key in REGIMES:
        model = load_trained(f"{key}.pt")
        pred = predictions(model, x)
        results[key] = {**report(y, pred), "topConfusions": top_confusions(y, pred, paths)}
        if key == "fineTuned":
            results[key]["interval95"] = bootstrap_interval(y, pred)
        if refit:
            best = train_log["validationRun"][key]["best"]
            validation[key] = {"acc": best["acc"], "macroF1": best["macroF1"]}
        else:
            vpred = predictions(model, vx)
            validation[key] = {"acc": accuracy_score(vy, vpred),
                               "macroF1": precision_recall_fscore_support(vy, vpred, average="macro", zero_division=0)[2]}
        print(f"{key}: test accuracy {results[key]['accuracy']:.4f} macro F1 {results[key]['macro']['f1']:.4f} "
              f"(validation{' run' if refit else ''} {validation[key]['acc']:.4f} / {validation[key]['macroF1']:.4f})",
              flush=True)
    extra = {}
    if refit and (WORK / "fineTuned.validationRun.pt").exists():
        # The validation run's own (c) model, trained on the train split only, on the same test photos.
        pred = predictions(load_trained("fineTuned.validationRun.pt"), x)
        r = report(y, pred)
        extra["validationRunFineTuned"] = {"accuracy": r["accuracy"], "macro": r["macro"]}
        print(f"validation run's fineTuned: test accuracy {r['accuracy']:.4f} macro F1 {r['macro']['f1']:.4f}")
    metrics = as_float({
        "testPhotos": len(y), **results, "validation": validation, **extra,
        "refit": train_log.get("refit"),
        "epochs": {k: len(train_log[k]["history"]) for k in REGIMES if k in train_log},
        "training": {k: train_log[k] for k in ("seed", "batch", "partialFrom", "deepFrom", "classWeights")},
        "fidelity": read_json(WORK / "fidelity.json"),
        "onnxCheck": read_json(WORK / "onnxcheck" / "result.json"),
    })
    write_json(MODELS / "metrics.json", metrics)
    fine = results["fineTuned"]
    plot_confusion(fine["confusion"], OUT / "confusion-matrix.png",
                   f"fine-tuned, test split (n={len(y)}), acc {fine['accuracy']:.3f}")
    meta = read_json(OUT / "metadata.json")
    meta["metrics"] = as_float({"testAccuracy": fine["accuracy"], "macroF1": fine["macro"]["f1"]})
    write_json(OUT / "metadata.json", meta)
    print("wrote models/metrics.json, confusion-matrix.png, metadata.json metrics")


if __name__ == "__main__":
    main()
