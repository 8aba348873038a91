"""Calibrated confidence: temperature scaling (Guo et al. 2017), expected calibration error, risk-coverage.

The temperature T is fitted on the validation split, on the logits of the validation run's model (the shipped
refit has seen the validation photos); the station then scores softmax(logits / T) (metadata.json
"temperature", applied in SortStation.Vision). ECE and the risk-coverage table are measured on the test split
with the shipped model. Pure functions; evaluate.py calls them."""
import numpy as np

THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(14)]  # 0.30 .. 0.95
ECE_BINS = 15
TARGET_PURITY = 0.98


def softmax(logits, temperature=1.0):
    z = np.asarray(logits, np.float64) / temperature
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def nll(logits, labels, temperature):
    p = softmax(logits, temperature)
    return float(-np.log(np.clip(p[np.arange(len(labels)), labels], 1e-12, None)).mean())


def fit_temperature(logits, labels, lo=0.05, hi=20.0):
    """The T minimising the negative log-likelihood: golden-section search on log T (the NLL is unimodal in T)."""
    a, b = np.log(lo), np.log(hi)
    g = (np.sqrt(5) - 1) / 2
    c, d = b - g * (b - a), a + g * (b - a)
    for _ in range(100):
        if nll(logits, labels, np.exp(c)) < nll(logits, labels, np.exp(d)):
            b = d
        else:
            a = c
        c, d = b - g * (b - a), a + g * (b - a)
    return float(np.exp((a + b) / 2))


def ece(probabilities, labels, bins=ECE_BINS):
    """Expected calibration error: the confidence-weighted gap |accuracy - mean confidence| over equal-width
    confidence bins of the top-1 score."""
    conf, pred = probabilities.max(1), probabilities.argmax(1)
    right = pred == labels
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            total += sel.mean() * abs(right[sel].mean() - conf[sel].mean())
    return float(total)


def risk_coverage(probabilities, labels, thresholds=THRESHOLDS):
    """Per threshold: share of items accepted (top-1 score >= threshold; the rest go to the reject bin), the
    accuracy of the accepted ones (purity), and counts."""
    conf, pred = probabilities.max(1), probabilities.argmax(1)
    rows = []
    for t in thresholds:
        acc = conf >= t
        n = int(acc.sum())
        rows.append({"threshold": t, "coverage": float(acc.mean()), "accepted": n,
                     "purity": float((pred[acc] == labels[acc]).mean()) if n else 1.0,
                     "wrongAccepted": int((pred[acc] != labels[acc]).sum()), "rejected": int(len(labels) - n)})
    return rows


def operating_point(rows, target=TARGET_PURITY):
    """The lowest threshold of the table whose accepted items reach the target purity (most coverage), or None."""
    ok = [r for r in rows if r["purity"] >= target and r["accepted"] > 0]
    return min(ok, key=lambda r: r["threshold"]) if ok else None


def reliability(probabilities, labels, bins=10):
    """(bin centre, accuracy, mean confidence, count) per non-empty bin, for the card's reliability table."""
    conf, pred = probabilities.max(1), probabilities.argmax(1)
    right = pred == labels
    edges = np.linspace(0, 1, bins + 1)
    out = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            out.append({"from": float(lo), "to": float(hi), "accuracy": float(right[sel].mean()),
                        "confidence": float(conf[sel].mean()), "count": int(sel.sum())})
    return out
