"""Calibrated confidence for the shipped weights, without retraining (issue 21): mobilenetv2-trashnet 1.1.0 is
1.0.0's model.onnx, byte for byte, with a temperature and the default threshold chosen from its risk-coverage table.

- T is fitted on the validation split with the logits of 1.0.0's validation run (the same recipe on the train split
  only; its model.onnx is in git at VALIDATION_RUN_COMMIT): the shipped refit has seen the validation photos, so its
  own validation logits are too sure of themselves (fitted anyway and reported, as `refitOwnValidation`);
- ECE and NLL before/after on validation (validation run) and test (shipped); reliability bins; the risk-coverage
  table on test with T, as the station scores; the operating point (lowest threshold of 0.30-0.95 whose accepted
  test items are >= 98 % right) with bootstrap intervals of its purity and coverage; the same rule on validation;
- the synthetic stress test (stress_test.py, held-out background families; SYNTHETIC) of the shipped model on the
  test photos, and of the validation run on the validation photos (comparable with the 2.0 runs' logs).

Updates models/metrics.json (version, calibration, stress; the 1.0.0 figures stay), metadata.json (version,
temperature, metrics) and writes mobilenetv2-trashnet/calibration.png. card_calibrated.py renders the card."""
import argparse
import hashlib
import subprocess
from pathlib import Path

import numpy as np
import torch

import calibrate
from common import MODELS, OUT, SEED, WORK, read_json, write_json
from evaluate import as_float, calibration, logits_of, plot_calibration, split_tensors
from stress_test import load_model, scores, stress_set, tensors

VERSION = "1.1.0"
VALIDATION_RUN_COMMIT = "d4a1fd3"  # 1.0.0's validation run (train split only): test 91.3 % / 0.898 on the card


def validation_run_model():
    path = WORK / "validation-run-1.0.0.onnx"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        path.write_bytes(subprocess.run(["git", "show", f"{VALIDATION_RUN_COMMIT}:models/mobilenetv2-trashnet/model.onnx"],
                                        cwd=MODELS, check=True, capture_output=True).stdout)
    return path


def sha256(path):
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def operating_interval(probabilities, labels, threshold, resamples=2000):
    """95 % percentile-bootstrap intervals of purity and coverage at a fixed threshold over resampled test photos
    (the threshold's own selection on these photos is not in them: the figures are optimistic by it)."""
    rng = np.random.default_rng(SEED + 2)
    conf, right = probabilities.max(1), probabilities.argmax(1) == labels
    purity, coverage = [], []
    for _ in range(resamples):
        i = rng.integers(0, len(labels), len(labels))
        acc = conf[i] >= threshold
        coverage.append(acc.mean())
        purity.append(right[i][acc].mean() if acc.any() else 1.0)
    return {"resamples": resamples, "purity": np.percentile(purity, [2.5, 97.5]).tolist(),
            "coverage": np.percentile(coverage, [2.5, 97.5]).tolist()}


def stress_scores(model, split, temperature):
    x, y, families, paths = stress_set(split)
    s_logits = logits_of(model, tensors(x))
    out = scores(s_logits.argmax(1), y, families)
    out["riskCoverage"] = calibrate.risk_coverage(calibrate.softmax(s_logits, temperature), y)
    return out, {"images": int(len(y)), "photos": int(len(set(paths))), "families": sorted(set(families))}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--validation-run", default=None,
                    help="the validation run's model (.pt of WORK or .onnx; default: 1.0.0's, from git)")
    args = ap.parse_args()
    torch.set_num_threads(2)
    shipped_path = OUT / "model.onnx"
    valrun_path = Path(args.validation_run) if args.validation_run else validation_run_model()
    shipped, valrun = load_model(shipped_path), load_model(valrun_path)
    tx, ty, _ = split_tensors("test")
    vx, vy, _ = split_tensors("val")
    test_logits, val_logits = logits_of(shipped, tx), logits_of(valrun, vx)
    valrun_test_acc = float((logits_of(valrun, tx).argmax(1) == ty).mean())

    cal = calibration(val_logits, vy, test_logits, ty)
    cal["fittedOn"] = "validation split, logits of 1.0.0's validation run (train split only)"
    cal["validationRunModel"] = {"commit": None if args.validation_run else VALIDATION_RUN_COMMIT, "sha256": sha256(valrun_path),
                                 "testAccuracy": valrun_test_acc}
    refit_val = logits_of(shipped, vx)
    t_own = calibrate.fit_temperature(refit_val, vy)
    cal["refitOwnValidation"] = {"temperature": t_own, "valAccuracy": float((refit_val.argmax(1) == vy).mean()),
                                 "testEce": calibrate.ece(calibrate.softmax(test_logits, t_own), ty)}
    op = cal["operatingPoint"]["test"]
    if op is None:
        raise SystemExit("no threshold of 0.30-0.95 reaches the target purity on the test split")
    probs = calibrate.softmax(test_logits, cal["temperature"])
    cal["operatingPointInterval95"] = operating_interval(probs, ty, op["threshold"])
    print(f"T {cal['temperature']:.4f} (refit's own validation: {t_own:.4f}); ECE val {cal['ece']['valBefore']:.4f} -> "
          f"{cal['ece']['valAfter']:.4f}, test {cal['ece']['testBefore']:.4f} -> {cal['ece']['testAfter']:.4f}; "
          f"operating point {op}", flush=True)

    stress = {"note": "SYNTHETIC composites on background families training never used (stress_test.py)"}
    stress["test"], info = stress_scores(shipped, "test", cal["temperature"])
    stress.update(info)
    stress["validationRunOnVal"], val_info = stress_scores(valrun, "val", cal["temperature"])
    stress["valImages"] = val_info["images"]
    print(f"stress test: shipped {stress['test']['accuracy']:.4f} on {info['images']} test composites; validation run "
          f"{stress['validationRunOnVal']['accuracy']:.4f} on {val_info['images']} validation composites", flush=True)

    metrics = read_json(MODELS / "metrics.json")
    metrics.update(as_float({"version": VERSION, "calibration": cal, "stress": stress}))
    write_json(MODELS / "metrics.json", metrics)
    plot_calibration(metrics["calibration"], OUT / "calibration.png")
    meta = read_json(OUT / "metadata.json")
    meta["version"] = VERSION
    meta["temperature"] = round(cal["temperature"], 4)
    meta["metrics"] = as_float({
        "testAccuracy": metrics["fineTuned"]["accuracy"], "macroF1": metrics["fineTuned"]["macro"]["f1"],
        "trashF1": metrics["fineTuned"]["perClass"]["trash"]["f1"], "testEceCalibrated": cal["ece"]["testAfter"],
        "minConfidence": op["threshold"], "purityAtMinConfidence": op["purity"],
        "coverageAtMinConfidence": op["coverage"]})
    write_json(OUT / "metadata.json", meta)
    print("wrote models/metrics.json, metadata.json (version, temperature, metrics), calibration.png")


if __name__ == "__main__":
    main()
