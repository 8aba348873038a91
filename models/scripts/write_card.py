"""Step 6: render the model card models/README.md from card_template.md and the measured
figures (models/metrics.json, mobilenetv2-trashnet/metadata.json, .work/train_log.json)."""
from string import Template

from common import LABELS, MODELS, OUT, SCRIPTS_DIR, WORK, read_json

TARGET_ACC = TARGET_F1 = 0.937


def pct(x):
    return f"{100 * x:.1f} %"


REGIMES = (("headOnly", "(a) head-only"), ("partial", "(b) last ~40 layers"), ("fineTuned", "(c) deeper, shipped"))


def comparison_table(m):
    rows = [("test accuracy (top-1)", lambda r: pct(r["accuracy"]))]
    for avg in ("macro", "weighted"):
        for k in ("precision", "recall", "f1"):
            rows.append((f"{avg} {k}", lambda r, a=avg, k=k: f"{r[a][k]:.3f}"))
    lines = ["| test split | " + " | ".join(t for _, t in REGIMES) + " |", "|---" + "|---:" * len(REGIMES) + "|"]
    lines += [f"| {name} | " + " | ".join(f(m[k]) for k, _ in REGIMES) + " |" for name, f in rows]
    v = m["validation"]
    run = " (validation run, best epoch)" if m.get("refit") else ""
    for key, label in (("acc", "validation accuracy"), ("macroF1", "validation macro F1")):
        lines.append(f"| {label}{run} | " + " | ".join(f"{v[k][key]:.3f}" for k, _ in REGIMES) + " |")
    lines.append(f"| epochs run{' (refit)' if run else ''} | "
                 + " | ".join(str(m["epochs"].get(k, "?")) for k, _ in REGIMES) + " |")
    return "\n".join(lines)


def per_class_table(m):
    lines = ["| class | precision | recall | F1 | F1 (a) head-only | F1 (b) partial | test photos |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for c in LABELS:
        r, h, p = (m[k]["perClass"][c] for k in ("fineTuned", "headOnly", "partial"))
        lines.append(f"| {c} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {h['f1']:.3f} | "
                     f"{p['f1']:.3f} | {r['support']} |")
    return "\n".join(lines)


def confusion_table(cm):
    lines = ["| true \\ predicted | " + " | ".join(LABELS) + " |", "|---" + "|---:" * len(LABELS) + "|"]
    lines += [f"| **{c}** | " + " | ".join(str(v) for v in row) + " |" for c, row in zip(LABELS, cm)]
    return "\n".join(lines)


def confusions_list(m):
    return "\n".join(f"- {c['true']} → {c['predicted']}: {c['count']} photo(s), e.g. "
                     + ", ".join(f"`{p}`" for p in c["examples"]) for c in m["fineTuned"]["topConfusions"])


def fidelity_table(f):
    lines = ["| photo | top-1 numpy reference | top-1 PyTorch | max abs logit diff |", "|---|---:|---:|---:|"]
    lines += [f"| `{r['photo']}` | {r['referenceTop1']} | {r['torchTop1']} | {r['maxAbsLogitDiff']:.2e} |"
              for r in f["photos"]]
    return "\n".join(lines)


def verdict(m):
    acc, f1 = m["fineTuned"]["accuracy"], m["fineTuned"]["macro"]["f1"]
    beats = acc > m["headOnly"]["accuracy"] and f1 > m["headOnly"]["macro"]["f1"]
    met = acc >= TARGET_ACC and f1 >= TARGET_F1
    text = (f"Targets of issue 3 (top-1 ≥ {pct(TARGET_ACC)}, macro F1 ≥ {TARGET_F1}): "
            f"**{'met' if met else 'NOT met'}** ({pct(acc)}, {f1:.3f}). "
            f"Fine-tuned beats head-only: **{'yes' if beats else 'NO'}**.")
    ci = m["fineTuned"].get("interval95")
    if ci:
        (alo, ahi), (flo, fhi) = ci["accuracy"], ci["macroF1"]
        inside = alo <= TARGET_ACC <= ahi and flo <= TARGET_F1 <= fhi
        text += (f" 95 % bootstrap intervals over the test photos ({ci['resamples']} resamples): accuracy "
                 f"{100 * alo:.1f}–{100 * ahi:.1f} %, macro F1 {flo:.3f}–{fhi:.3f}. "
                 + (f"The published figures lie inside both: {m['testPhotos']} test photos cannot tell this model "
                    "from them, "
                    "but the target is counted on the point figures, so it stays not met."
                    if inside and not met else ""))
    return text


def refit_text(m, log):
    """What the shipped models are when train.py --refit made them."""
    if "refit" not in log:
        return ""
    r, s = log["refit"], log["refit"]["stops"]
    text = (f"\n- **Shipped: the refit.** After that validation run, `train.py --refit` trained the same recipe again on "
            f"train + validation ({r['photos']} photos), each regime on its own schedule length and stopped at the "
            f"epoch the validation run had kept (head-only {s['headOnly']}, (b) {s['partial']}, (c) {s['fineTuned']}); "
            "nothing is selected in the refit (no photo is left to validate on), and the test split stays unseen "
            "by both runs. That the refit ships, whatever its test figure, was decided before it ran. "
            "All test figures on this card are the refit's models; the validation rows of the table are the "
            "validation run's.")
    vr = m.get("validationRunFineTuned")
    if vr:
        text += (f" The validation run's own (c) model (train split only) scores {pct(vr['accuracy'])} / macro F1 "
                 f"{vr['macro']['f1']:.3f} on the same test photos.")
    return text


def deep_recipe(log, epochs_run):
    """Regime (c)'s settings as train.py logged them (older logs lack them: the then defaults)."""
    d = log.get("deep", {"epochs": 35, "lr": 2e-4, "patience": 8, "ema": 0.0, "cutmix": 0.0})
    lr = f"{d['lr']:.0e}".replace("e-0", "e-")
    text = (f"Peak LR {lr} backbone, 1e-3 head, one-cycle over {d['epochs']} epochs "
            f"({epochs_run} run; early stop after {d['patience']} epochs without a better validation macro F1)")
    if d["ema"]:
        text += (f"; validated and kept: an exponential moving average of the weights (decay {d['ema']:g}, "
                 f"i.e. about the last {round(1 / (1 - d['ema']))} batches)")
    if d["cutmix"]:
        text += f"; CutMix on {100 * d['cutmix']:.0f} % of the batches"
    if d.get("lrDecay", 1.0) != 1.0:
        text += f"; each block's peak LR {d['lrDecay']:g} times the next block's (layer-wise decay)"
    if d.get("mixup"):
        text += f"; Mixup on every batch (Beta({d['mixup']:g}, {d['mixup']:g}) weights)"
    return text + "."


def int8_section():
    """The int8 variant's section (issue 8), rendered by quantize_int8.py from int8-metrics.json, if present."""
    if not (MODELS / "int8-metrics.json").exists():
        return ""
    from quantize_int8 import card_section
    return card_section(read_json(MODELS / "int8-metrics.json")) + "\n"


def main():
    m, meta, log = read_json(MODELS / "metrics.json"), read_json(OUT / "metadata.json"), \
        read_json(WORK / "train_log.json")
    fine, head = m["fineTuned"], m["headOnly"]
    run = log.get("validationRun", log)  # the recipe's text describes the validation run; a refit repeats it
    values = {
        "verdict": verdict(m), "accuracy": pct(fine["accuracy"]), "macro_f1": f"{fine['macro']['f1']:.3f}",
        "head_accuracy": pct(head["accuracy"]), "head_macro_f1": f"{head['macro']['f1']:.3f}",
        "partial_accuracy": pct(m["partial"]["accuracy"]), "partial_macro_f1": f"{m['partial']['macro']['f1']:.3f}",
        "comparison": comparison_table(m), "per_class": per_class_table(m),
        "confusion": confusion_table(fine["confusion"]), "head_confusion": confusion_table(head["confusion"]),
        "confusions": confusions_list(m), "fidelity": fidelity_table(m["fidelity"]),
        "fidelity_max": f"{m['fidelity']['maxAbsLogitDiff']:.2e}",
        "onnx_diff": f"{m['onnxCheck']['maxAbsDiff']:.2e}", "onnx_count": m["onnxCheck"]["count"],
        "onnx_mismatch": m["onnxCheck"]["top1Mismatches"], "ort_version": m["onnxCheck"]["onnxRuntime"],
        "test_n": m["testPhotos"], "data_hash": meta["dataHash"], "trained_at": meta["trainedAt"],
        "minutes": round(sum(e["seconds"] for r in (log, log.get("validationRun", {}))
                             for k in ("headOnly", "partial", "fineTuned") if k in r
                             for e in r[k]["history"]) / 60, 1),
        "partial_from": log["partialFrom"], "deep_from": log["deepFrom"],
        "class_weights": ", ".join(f"{c} {w:.2f}" for c, w in zip(LABELS, log["classWeights"])),
        "head_epochs": len(run["headOnly"]["history"]), "partial_epochs": len(run["partial"]["history"]),
    }
    values["deep_recipe"] = deep_recipe(run, len(run["fineTuned"]["history"]))
    values["refit"] = refit_text(m, log)
    values["int8_section"] = int8_section()
    text = Template((SCRIPTS_DIR / "card_template.md").read_text()).substitute(values)
    (MODELS / "README.md").write_text(text)
    print("wrote models/README.md")


if __name__ == "__main__":
    main()
