#!/usr/bin/python3
"""The station model fine-tuned at a smaller input (160 or 192 px) for a Raspberry Pi (issue 24).

Starts from 1.0.0's validation run (train.py's recipe on the train split only; calibrate_shipped.py takes its
model.onnx from git), so the validation and test photos stay unseen. All layers are fine-tuned on the train split
at SIZE px with train.py's augmentation (crop to SIZE), its class-weighted, label-smoothed loss, AdamW and its
one-cycle cosine schedule at a small peak rate, keeping the epoch of the best validation macro F1 (train.fit).
Then, with the station's preprocessing at SIZE (common.station_crop):
- test split top-1, macro and per-class F1 with 95 % bootstrap intervals (evaluate.py); temperature fitted on the
  validation split, ECE before/after (evaluate.calibration);
- the same figures for weights NOT fine-tuned at SIZE, run at SIZE: the starting weights, and the shipped 224 px
  model (what resize_input.py / bench.sh's "-resized" folders hold);
- export to models/mobilenetv2-trashnet-SIZE/ (export_onnx.py: model.onnx, metadata.json, labels.txt), ONNX
  Runtime against PyTorch on the test photos (tools/OnnxCheck), int8 by quantize_int8.py --dir, and fp32 / int8
  top-1 and F1 through the station's classifier (tools/QuantTool evaluate) for this folder and the resized one;
- metrics.json and README.md (the card) in the folder.

Usage: finetune_size.py SIZE [--epochs N] [--lr LR] [--reuse] [--smoke N]
  --reuse    skip training: evaluate and export WORK/finetune-SIZE.pt from an earlier run (and its log)
  --smoke N  a smoke test on N photos per split, one epoch, output in WORK/smoke-SIZE, no C# steps
"""
import argparse
import subprocess
import sys
import time

import numpy as np
import torch
from sklearn.metrics import f1_score

import export_onnx
import quantize_int8
from calibrate import softmax, ece
from calibrate_shipped import VALIDATION_RUN_COMMIT, validation_run_model
from common import LABELS, MODELS, OUT, SEED, WORK, read_json, read_split, write_json
from evaluate import as_float, bootstrap_interval, calibration, logits_of, report
from resize_input import resize
from stress_test import load_model
from train import augment, fit, load_eval, load_train, photo_forward, predict, weighted_loss

DEFAULT_MIN_CONFIDENCE = 0.95  # appsettings.json Sorting:MinConfidence, the 224 px card's operating point
VERSION = "1.1.0"  # the shipped model's version; the folders are 1.1.0-SIZE
STATION_KEYS = ("accuracy", "accuracyDropPoints", "top1Agreement", "f1")


def sample(split, n):
    """Every k-th photo, n in all (the smoke test), or the whole split (n = 0)."""
    x, y = split
    return (x[::len(y) // n][:n], y[::len(y) // n][:n]) if n else split


def finetune(model, size, train, val, epochs, lr, checkpoint):
    """train.fit on all layers at one peak rate (head included: it is trained already), no early stop."""
    run = (photo_forward(model, 0, train[0], augment(size)), train[1], lambda m: (predict(m, val[0]), val[1]),
           weighted_loss(train[1]), True)
    return fit(model, [{"params": list(model.parameters()), "lr": lr}], run, epochs, epochs, f"{size}px", checkpoint)


def figures(model, val, test, temperature=None):
    """Test and validation figures at the tensors' size; T fitted on validation unless given (the shipped
    model's own T: it was refit on train + val, so its validation logits are not unseen)."""
    vl, tl = logits_of(model, val[0]), logits_of(model, test[0])
    vy, ty = val[1].numpy(), test[1].numpy()
    pred = tl.argmax(1)
    out = {**report(ty, pred), "interval95": bootstrap_interval(ty, pred),
           "val": {"accuracy": float((vl.argmax(1) == vy).mean()), "macroF1": f1_score(vy, vl.argmax(1), average="macro")}}
    cal = calibration(vl, vy, tl, ty)
    if temperature is not None:
        cal["temperature"], cal["fittedOn"] = temperature, "the source folder's metadata.json"
        cal["ece"]["testAfter"] = ece(softmax(tl, temperature), ty)
    row = next(r for r in cal["riskCoverage"]["test"] if r["threshold"] == DEFAULT_MIN_CONFIDENCE)
    out["calibration"] = {"temperature": cal["temperature"], "fittedOn": cal["fittedOn"],
                          "testEceBefore": cal["ece"]["testBefore"], "testEceAfter": cal["ece"]["testAfter"],
                          "atDefaultMinConfidence": row, "operatingPoint": cal["operatingPoint"]["test"]}
    return out


def station_check(fp32, int8, tag):
    """fp32 and int8 top-1, F1 and agreement through the station's classifier (QuantTool, no latency runs)."""
    photos = quantize_int8.photo_list(WORK / "test-photos.txt", [p for p, _ in read_split("test")])
    result = WORK / f"station-{tag}.json"
    quantize_int8.quanttool("evaluate", fp32, int8, photos, result, 0)
    r = read_json(result)
    return {k: r[k] for k in STATION_KEYS}


def onnx_check(model, folder):
    """ONNX Runtime (C#, tools/OnnxCheck) against PyTorch's logits on every test photo at the folder's size."""
    check = WORK / f"onnxcheck-{folder.name}"
    export_onnx.write_check_tensors(model, check, model_size(folder))
    subprocess.run(["dotnet", "run", "--project", str(MODELS / "tools" / "OnnxCheck"), "-c", "Release", "--",
                    str(folder / "model.onnx"), str(check)], check=True)
    return read_json(check / "result.json")


def model_size(folder):
    return read_json(folder / "metadata.json")["inputWidth"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", type=int, choices=[128, 160, 192, 224])
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1e-4, help="peak learning rate of every layer")
    ap.add_argument("--reuse", action="store_true", help="skip training, use WORK/finetune-SIZE.pt and its log")
    ap.add_argument("--smoke", type=int, default=0, help="smoke test on this many photos per split")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    size, tag = args.size, f"{args.size}" + ("-smoke" if args.smoke else "")
    out = WORK / f"smoke-{size}" if args.smoke else MODELS / f"mobilenetv2-trashnet-{size}"
    checkpoint, log_path = WORK / f"finetune-{tag}.pt", WORK / f"finetune-{tag}.json"
    start_path = validation_run_model()

    val, test = sample(load_eval("val", size), args.smoke), sample(load_eval("test", size), args.smoke)
    model = load_model(start_path)
    log = {"size": size, "startingWeights": f"1.0.0's validation run (git {VALIDATION_RUN_COMMIT}: "
                                            "models/mobilenetv2-trashnet/model.onnx), train split only",
           "notFineTuned": {"startingWeights": figures(model, val, test),
                            "shipped224": figures(load_model(OUT / "model.onnx"), val, test,
                                                  read_json(OUT / "metadata.json")["temperature"])}}
    if args.reuse:
        log["training"] = read_json(log_path)["training"]
        model.load_state_dict(torch.load(checkpoint))
    else:
        train = sample(load_train(), args.smoke)
        t0 = time.time()
        run = finetune(model, size, train, val, 1 if args.smoke else args.epochs, args.lr, checkpoint)
        seconds = [h["seconds"] for h in run["history"]]
        log["training"] = {"epochs": len(seconds), "lr": args.lr, "schedule": "AdamW, one-cycle cosine (train.fit)",
                           "photos": len(train[1]), "threads": args.threads, "bestEpoch": run["best"]["epoch"],
                           "minutesPerEpoch": round(sum(seconds) / len(seconds) / 60, 2),
                           "minutes": round((time.time() - t0) / 60, 1), "history": run["history"]}
    model.eval()
    log["fineTuned"] = figures(model, val, test)
    write_json(log_path, as_float(log))
    f = log["fineTuned"]
    print(f"{size} px fine-tuned: test top-1 {f['accuracy']:.4f}, macro F1 {f['macro']['f1']:.4f}; "
          f"not fine-tuned (start): {log['notFineTuned']['startingWeights']['accuracy']:.4f}, "
          f"shipped 224 px weights at {size}: {log['notFineTuned']['shipped224']['accuracy']:.4f}", flush=True)

    out.mkdir(parents=True, exist_ok=True)
    export_onnx.export(model, out / "model.onnx", size=size)
    (out / "labels.txt").write_text("\n".join(LABELS) + "\n")
    meta = export_onnx.metadata(headline(log), round(f["calibration"]["temperature"], 4), size, out.name)
    meta.update({"version": f"{VERSION}-{size}", "fineTunedAtInputSize": True,
                 "derivedFrom": f"mobilenetv2-trashnet@1.0.0's validation run, fine-tuned at {size} px"})
    write_json(out / "metadata.json", meta)
    if args.smoke:
        print(f"smoke test done: {out}")
        return
    log["onnxCheck"] = onnx_check(model, out)
    # quantize_int8.py's own evaluation runs the station's classifier on the test split, fp32 beside int8.
    subprocess.run([sys.executable, str(MODELS / "scripts" / "quantize_int8.py"), "--dir", out.name, "--runs", "50"],
                   check=True)
    q = read_json(out / "int8-metrics.json")
    log["station"] = {"fineTuned": {k: q[k] for k in STATION_KEYS}}
    resized = WORK / f"resized-{size}"
    resize(OUT, resized, size)
    log["station"]["resizedShipped"] = station_check(resized / "model.onnx", resized / "model.int8.onnx", resized.name)
    log["megabytes"] = {k: round((out / f).stat().st_size / 1e6, 2) for k, f in (("fp32", "model.onnx"),
                                                                               ("int8", "model.int8.onnx"))}
    log = as_float(log)
    write_json(log_path, log)
    write_json(out / "metrics.json", log)
    meta["metrics"] = headline(log)
    write_json(out / "metadata.json", meta)
    (out / "README.md").write_text(card(out, log, meta))
    print(f"wrote {out}: model.onnx, model.int8.onnx, metadata.json, labels.txt, metrics.json, README.md")


def headline(log):
    """metadata.json's metrics: the figures the station and bench read (testAccuracy), and what was done."""
    f, t = log["fineTuned"], log["training"]
    out = {"testAccuracy": f["accuracy"], "macroF1": f["macro"]["f1"], "trashF1": f["perClass"]["trash"]["f1"],
           "perClassF1": {c: v["f1"] for c, v in f["perClass"].items()},
           "testAccuracyInterval95": f["interval95"]["accuracy"], "valAccuracy": f["val"]["accuracy"],
           "valMacroF1": f["val"]["macroF1"], "testEceRaw": f["calibration"]["testEceBefore"],
           "testEceCalibrated": f["calibration"]["testEceAfter"],
           "purityAtMinConfidence095": f["calibration"]["atDefaultMinConfidence"]["purity"],
           "coverageAtMinConfidence095": f["calibration"]["atDefaultMinConfidence"]["coverage"],
           "epochs": t["epochs"], "bestEpoch": t["bestEpoch"], "startingWeights": log["startingWeights"],
           "training": f"fine-tuned at {log['size']} px from 1.0.0's validation run, train split only"}
    if "station" in log:
        s = log["station"]["fineTuned"]
        out.update({"stationTestAccuracy": s["accuracy"]["fp32"], "int8TestAccuracy": s["accuracy"]["int8"],
                    "int8Top1Agreement": s["top1Agreement"]})
    return as_float(out)


def pct(x):
    return f"{100 * x:.1f} %"


def verdict(log):
    """One honest sentence: did fine-tuning at SIZE beat the same weights not fine-tuned (on validation, where
    the epoch was chosen), and how does the folder compare with the shipped weights resized (on test)?"""
    f, start, shipped = log["fineTuned"], log["notFineTuned"]["startingWeights"], log["notFineTuned"]["shipped224"]
    gain = f["val"]["macroF1"] - start["val"]["macroF1"]
    return (f"fine-tuning at {log['size']} px {'raised' if gain > 0 else 'did not raise'} the validation macro F1 of its "
            f"starting weights ({start['val']['macroF1']:.3f} → {f['val']['macroF1']:.3f}); on the test split this folder "
            f"is {pct(f['accuracy'])} against {pct(start['accuracy'])} for the starting weights and {pct(shipped['accuracy'])} "
            f"for the shipped 224 px weights run at {log['size']} px (refit on train + validation, more photos). "
            f"{'No measurable gain over' if f['accuracy'] <= shipped['accuracy'] + 0.01 else 'Better than'} simply "
            f"resizing the shipped model (`resize_input.py`); see models/README.md, *Smaller inputs*.")


def card(out, log, meta):
    """The folder's README.md: what it is, how it was made, its figures beside the weights not fine-tuned at SIZE."""
    size, f, t, s = log["size"], log["fineTuned"], log["training"], log["station"]
    nf = log["notFineTuned"]
    c = f["calibration"]

    def row(name, r, seen=""):
        return (f"| {name} | {pct(r['accuracy'])} [{pct(r['interval95']['accuracy'][0])}–{pct(r['interval95']['accuracy'][1])}] "
                f"| {r['macro']['f1']:.3f} [{r['interval95']['macroF1'][0]:.3f}–{r['interval95']['macroF1'][1]:.3f}] "
                f"| {r['perClass']['trash']['f1']:.3f} | {r['val']['macroF1']:.3f}{seen} "
                f"| {r['calibration']['testEceBefore']:.3f} → {r['calibration']['testEceAfter']:.3f} |")

    def station(name, r):
        return "".join(f"| {name} | {kind} | {pct(r['accuracy'][kind])} | {r['f1'][kind]['macro']:.3f} "
                       f"| {r['f1'][kind]['perClass']['trash']:.3f} | "
                       + (f"{pct(r['top1Agreement'])} |\n" if kind == "int8" else "– |\n") for kind in ("fp32", "int8"))

    at, n = c["atDefaultMinConfidence"], sum(v["support"] for v in f["perClass"].values())
    return f"""# `{out.name}` {meta['version']}: the station model fine-tuned at {size} px

<!-- Generated by models/scripts/finetune_size.py {size}; figures in metrics.json. -->

**What:** MobileNetV2 1.0 with a {size} × {size} input, the same six TrashNet classes, preprocessing and contract
as `mobilenetv2-trashnet` (224 px; its card, `models/README.md`, holds the data, intended use and what is out of
distribution, all of which hold here). `model.onnx` is fp32 ({log['megabytes']['fp32']} MB), `model.int8.onnx`
the int8 variant ({log['megabytes']['int8']} MB) made by `quantize_int8.py`'s method; both share `metadata.json`
(input {size} px, temperature T = {meta['temperature']}).

**Intended use:** a Raspberry Pi (or any slow CPU) where the 224 px model is too slow for the belt: fewer
multiply-accumulates per image ({ {160: "153 M", 192: "220 M"}.get(size, "?") } against 300 M at 224 px). The station loads it with
`Model:Path` = `models/{out.name}/model.onnx` (or `model.int8.onnx`), e.g. `SORTSTATION__Model__Path=models/{out.name}/model.int8.onnx`;
input size and temperature come from `metadata.json`.

**How it was made:** from {log['startingWeights']}, so the validation and test photos stay unseen: all layers
fine-tuned at {size} px on the {t['photos']} train photos with `train.py`'s augmentation cropping to {size} px, its
class-weighted, label-smoothed loss, AdamW and a one-cycle cosine schedule (peak {t['lr']:g}), {t['epochs']} epochs,
keeping epoch {t['bestEpoch']} (best validation macro F1); {t['minutesPerEpoch']} min per epoch on {t['threads']} shared
cores. Temperature fitted on the validation split.

**Verdict:** {verdict(log)}

## Test split ({n} photos), station preprocessing at {size} px, PyTorch

| weights run at {size} px | top-1 [95 % bootstrap] | macro F1 [95 %] | `trash` F1 | val macro F1 | test ECE raw → with T |
|---|---:|---:|---:|---:|---:|
{row("**fine-tuned at " + str(size) + " px (this folder)**", f)}
{row("starting weights (1.0.0 validation run), not fine-tuned", nf["startingWeights"])}
{row("shipped 224 px model, not fine-tuned (bench's `-resized` folder)", nf["shipped224"], " ¹")}

¹ the shipped model was refit on train + validation: its validation figure is not unseen, and its ECE "with T" uses
its own T = {nf['shipped224']['calibration']['temperature']} (224 px). {n} photos: one photo is 0.3 points; intervals that overlap do not
separate two models. Per class F1 (fine-tuned): {", ".join(f"{k} {v['f1']:.3f}" for k, v in f["perClass"].items())}.

Calibration: T = {c['temperature']:.3f} (validation split); test ECE {c['testEceBefore']:.3f} → {c['testEceAfter']:.3f}. At the
station's default `Sorting:MinConfidence` = {DEFAULT_MIN_CONFIDENCE} the accepted test photos are {pct(at['purity'])} right at a coverage of
{pct(at['coverage'])} ({at['rejected']} of {n} rejected){"" if c['operatingPoint'] is None else f"; the lowest threshold reaching 98 % purity here is {c['operatingPoint']['threshold']}"}.

## Through the station's classifier (ONNX Runtime, OpenCV decoding; `tools/QuantTool evaluate`)

| folder | file | top-1 | macro F1 | `trash` F1 | int8 agrees with fp32 |
|---|---|---:|---:|---:|---:|
{station(f"`{out.name}`", s["fineTuned"])}{station(f"shipped weights resized to {size} px", s["resizedShipped"])}
ONNX Runtime against PyTorch on the {log['onnxCheck']['count']} test photos: largest logit difference
{log['onnxCheck']['maxAbsDiff']:.1e}, {log['onnxCheck']['top1Mismatches']} top-1 mismatches (`tools/OnnxCheck`). Speed: `scripts/bench.sh`
(`--only sizes`) measures both files of this folder through the station's classifier; `int8-metrics.json`'s
latencies are 50 runs on a shared machine, not the table's figures.

## Reproduce

```
/usr/bin/python3 models/scripts/finetune_size.py {size} --epochs {t['epochs']}
```
(needs `../shared/data/trashnet`, git history for the starting weights, the .NET SDK for the ONNX Runtime
checks; seeded, about {round(t['minutes'])} min of training on 2 cores; `models/scripts/reproduce.sh --sizes` runs 160 and 192.)
"""


if __name__ == "__main__":
    main()
