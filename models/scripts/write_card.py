"""Step 7: render the model card models/README.md from card_template.md and the measured figures
(models/metrics.json, models/regimes.json, mobilenetv2-trashnet/metadata.json, int8-metrics.json,
variants.json)."""
from string import Template

from common import LABELS, MODELS, OUT, SCRIPTS_DIR, read_json

TARGET_ACC, TARGET_F1, TARGET_PURITY = 0.95, 0.94, 0.98
PREVIOUS_VALIDATION = "92.5 % / 0.901 (best epoch 19 of an early-stopped run; test 92.0 % / 0.910 after the refit)"


def pct(x, digits=1):
    return f"{100 * x:.{digits}f} %"


def met(ok):
    return "**met**" if ok else "**NOT met**"


def interval(ci, key, as_pct=True):
    lo, hi = ci[key]
    return f"{100 * lo:.1f}–{100 * hi:.1f} %" if as_pct else f"{lo:.3f}–{hi:.3f}"


def headline(m):
    f, p, cal = m["fineTuned"], m["previous"], m["calibration"]
    op = cal["operatingPoint"]["test"]
    acc, f1, trash = f["accuracy"], f["macro"]["f1"], f["perClass"]["trash"]["f1"]
    s = m["stress"]["models"]
    new, old = s[m["version"]], s[p["version"]]
    gain_lo, gain_hi = m["stress"]["gainInterval95"]
    lines = [
        f"**Test split ({m['testPhotos']} photos): top-1 accuracy {pct(acc)}, macro F1 {f1:.3f}, `trash` F1 {trash:.3f}** "
        f"(95 % bootstrap intervals: accuracy {interval(f['interval95'], 'accuracy')}, macro F1 "
        f"{interval(f['interval95'], 'macroF1', False)}). The 1.0.0 model on the same photos: {pct(p['accuracy'])}, "
        f"{p['macro']['f1']:.3f}, `trash` F1 {p['perClass']['trash']['f1']:.3f}; the gain in accuracy, paired over "
        f"the same photos, is {100 * (acc - p['accuracy']):+.1f} points (95 % interval "
        f"{100 * m['accuracyGainInterval95'][0]:+.1f} to {100 * m['accuracyGainInterval95'][1]:+.1f}).",
        "",
        "Targets of issue 21, on this test split:",
        "",
        f"- top-1 ≥ {pct(TARGET_ACC, 0)}: {met(acc >= TARGET_ACC)} ({pct(acc)}); macro F1 ≥ {TARGET_F1}: "
        f"{met(f1 >= TARGET_F1)} ({f1:.3f}); `trash` F1 {trash:.3f} ({f['perClass']['trash']['support']} test photos).",
    ]
    if op:
        lines.append(f"- purity ≥ {pct(TARGET_PURITY, 0)} at the default threshold: **met** — `Sorting:MinConfidence` "
                     f"**{op['threshold']:.2f}** (calibrated, temperature {cal['temperature']:.2f}): {op['accepted']} of "
                     f"{m['testPhotos']} test items accepted (**coverage {pct(op['coverage'])}**), {pct(op['purity'])} of "
                     f"them right; the other {op['rejected']} go to the reject bin.")
    else:
        lines.append(f"- purity ≥ {pct(TARGET_PURITY, 0)}: **NOT met** at any threshold 0.30–0.95.")
    clear = gain_lo > 0.05
    lines.append(f"- robustness on synthetic backgrounds (stress test, {s[m['version']]['images']} composites, families "
                 f"never seen in training): {pct(old['accuracy'])} (1.0.0) → **{pct(new['accuracy'])}** (2.0.0), macro F1 "
                 f"{old['macroF1']:.3f} → {new['macroF1']:.3f}; gain {100 * (new['accuracy'] - old['accuracy']):+.1f} points "
                 f"(95 % paired interval {100 * gain_lo:+.1f} to {100 * gain_hi:+.1f}): "
                 f"{'**a clear gain**' if clear else '**not a clear gain**'} (bar: the interval above +5 points).")
    return "\n".join(lines)


def comparison_table(m):
    f, p, v = m["fineTuned"], m["previous"], m["validationRunOnTest"]
    rows = [("test accuracy (top-1)", pct(p["accuracy"]), pct(v["accuracy"]), pct(f["accuracy"]))]
    for avg in ("macro", "weighted"):
        for k in ("precision", "recall", "f1"):
            src = (p, v, f)
            rows.append((f"{avg} {k}",) + tuple(f"{r[avg][k]:.3f}" for r in src))
    rows.append(("`trash` F1", f"{p['perClass']['trash']['f1']:.3f}", "", f"{f['perClass']['trash']['f1']:.3f}"))
    rows.append(("95 % interval, accuracy", interval(p["interval95"], "accuracy"), "", interval(f["interval95"], "accuracy")))
    rows.append(("95 % interval, macro F1", interval(p["interval95"], "macroF1", False), "",
                 interval(f["interval95"], "macroF1", False)))
    s = m["stress"]["models"]
    rows.append(("synthetic stress test, accuracy", pct(s[p["version"]]["accuracy"]), pct(s["validationRun"]["accuracy"]),
                 pct(s[m["version"]]["accuracy"])))
    lines = ["| test split | 1.0.0 (shipped until now) | 2.0 recipe, validation run (train split only) | **2.0.0 shipped** (refit on train + validation) |",
             "|---|---:|---:|---:|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def per_class_table(m):
    f, p = m["fineTuned"], m["previous"]
    lines = ["| class | precision | recall | F1 | F1 of 1.0.0 | test photos |", "|---|---:|---:|---:|---:|---:|"]
    for c in LABELS:
        r = f["perClass"][c]
        lines.append(f"| {c} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {p['perClass'][c]['f1']:.3f} | "
                     f"{r['support']} |")
    return "\n".join(lines)


def confusion_table(cm):
    lines = ["| true \\ predicted | " + " | ".join(LABELS) + " |", "|---" + "|---:" * len(LABELS) + "|"]
    lines += [f"| **{c}** | " + " | ".join(str(v) for v in row) + " |" for c, row in zip(LABELS, cm)]
    return "\n".join(lines)


def confusions_list(m):
    return "\n".join(f"- {c['true']} → {c['predicted']}: {c['count']} photo(s), e.g. "
                     + ", ".join(f"`{p}`" for p in c["examples"]) for c in m["fineTuned"]["topConfusions"])


def calibration_table(cal):
    e, n = cal["ece"], cal["nll"]
    return "\n".join([
        "| | validation (where T is fitted) | test (shipped model) |", "|---|---:|---:|",
        f"| ECE, T = 1 (raw softmax) | {e['valBefore']:.3f} | {e['testBefore']:.3f} |",
        f"| ECE, T = {cal['temperature']:.2f} | {e['valAfter']:.3f} | **{e['testAfter']:.3f}** |",
        f"| negative log-likelihood, T = 1 | {n['valBefore']:.3f} | {n['testBefore']:.3f} |",
        f"| negative log-likelihood, T = {cal['temperature']:.2f} | {n['valAfter']:.3f} | {n['testAfter']:.3f} |"])


def reliability_table(cal):
    lines = ["| confidence bin | T = 1: items, accuracy, mean confidence | calibrated: items, accuracy, mean confidence |",
             "|---|---:|---:|"]
    before = {(r["from"]): r for r in cal["reliability"]["testBefore"]}
    after = {(r["from"]): r for r in cal["reliability"]["testAfter"]}
    for lo in sorted(set(before) | set(after)):
        cells = []
        for d in (before, after):
            r = d.get(lo)
            cells.append(f"{r['count']}, {pct(r['accuracy'], 0)}, {r['confidence']:.2f}" if r else "–")
        lines.append(f"| {lo:.1f}–{lo + 0.1:.1f} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def risk_coverage_table(rows, op=None, stress=None):
    head = "| threshold | coverage (accepted) | accuracy of accepted (purity) | wrong but accepted | rejected |"
    sep = "|---:|---:|---:|---:|---:|"
    if stress:
        head += " synthetic stress test: coverage, purity |"
        sep += "---:|"
    lines = [head, sep]
    srows = {r["threshold"]: r for r in stress} if stress else {}
    for r in rows:
        mark = "**" if op and r["threshold"] == op["threshold"] else ""
        line = (f"| {mark}{r['threshold']:.2f}{mark} | {pct(r['coverage'])} ({r['accepted']}) | {mark}{pct(r['purity'])}{mark} | "
                f"{r['wrongAccepted']} | {r['rejected']} |")
        if stress:
            s = srows[r["threshold"]]
            line += f" {pct(s['coverage'])}, {pct(s['purity'])} |"
        lines.append(line)
    return "\n".join(lines)


def stress_table(m):
    s, prev, new = m["stress"]["models"], m["previous"]["version"], m["version"]
    fams = m["stress"]["families"]
    lines = ["| stress test (synthetic) | " + " | ".join(fams) + " | all | macro F1 |", "|---" + "|---:" * (len(fams) + 2) + "|"]
    for key, name in ((prev, f"{prev} model"), ("validationRun", "2.0 recipe, validation run"), (new, f"**{new} shipped**")):
        r = s[key]
        lines.append(f"| {name} | " + " | ".join(pct(r["perFamily"][f]) for f in fams)
                     + f" | {pct(r['accuracy'])} | {r['macroF1']:.3f} |")
    return "\n".join(lines)


def stress_recall_table(m):
    s, prev, new = m["stress"]["models"], m["previous"]["version"], m["version"]
    lines = ["| recall on the stress test | " + " | ".join(LABELS) + " |", "|---" + "|---:" * len(LABELS) + "|"]
    for key in (prev, new):
        lines.append(f"| {key} | " + " | ".join(pct(s[key]["perClassRecall"].get(c, float('nan')), 0) for c in LABELS) + " |")
    return "\n".join(lines)


def regimes_table(reg):
    if not reg:
        return "(models/regimes.json is absent: run scripts/ablations.sh)"
    lines = ["| regime (validation run, train split only) | val. accuracy | val. macro F1 | stress (val. photos) | "
             "best epoch: val. macro F1 | minutes |", "|---|---:|---:|---:|---:|---:|"]
    for tag, r in reg["regimes"].items():
        last, best = r["last"], r["best"]
        lines.append(f"| `{tag}`: {r['what']} | {pct(last['valAcc'])} | {last['valMacroF1']:.3f} | {pct(last['stressAcc'])} | "
                     f"{best['valMacroF1']:.3f} (epoch {best['epoch']}) | {r['minutes']:.0f} |")
    return "\n".join(lines)


def int8_section():
    """The int8 variant's section (issue 8), rendered by quantize_int8.py from int8-metrics.json, if present."""
    if not (MODELS / "int8-metrics.json").exists():
        return ""
    from quantize_int8 import card_section
    return card_section(read_json(MODELS / "int8-metrics.json")) + "\n"


def variants_section():
    path = MODELS / "variants.json"
    if not path.exists():
        return ""
    v = read_json(path)
    lines = ["## Smaller inputs: 160 and 192 px variants", "", v["text"], "",
             "| folder | input | test accuracy fp32 | macro F1 | int8 accuracy | int8 latency, 1 thread | fp32 latency, 1 thread |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in v["rows"]:
        lines.append(f"| `{r['folder']}/` | {r['size']} × {r['size']} | {pct(r['accuracy'])} | {r['macroF1']:.3f} | "
                     f"{pct(r['int8Accuracy']) if r.get('int8Accuracy') is not None else '–'} | "
                     f"{r.get('int8Ms1', '–')} ms | {r.get('fp32Ms1', '–')} ms |")
    return "\n".join(lines) + "\n"


def fidelity_table(f):
    lines = ["| photo | top-1 numpy reference | top-1 PyTorch | max abs logit diff |", "|---|---:|---:|---:|"]
    lines += [f"| `{r['photo']}` | {r['referenceTop1']} | {r['torchTop1']} | {r['maxAbsLogitDiff']:.2e} |"
              for r in f["photos"]]
    return "\n".join(lines)


def main():
    m, meta = read_json(MODELS / "metrics.json"), read_json(OUT / "metadata.json")
    reg = m.get("regimes")
    cal, f = m["calibration"], m["fineTuned"]
    op, val_op = cal["operatingPoint"]["test"], cal["operatingPoint"]["val"]
    vr, t = m["validationRun"], m["teacher"]
    s = m["stress"]["models"][m["version"]]
    s_rc = {r["threshold"]: r for r in s["riskCoverage"]}
    values = {
        "version": m["version"], "headline": headline(m), "comparison": comparison_table(m),
        "per_class": per_class_table(m), "confusion": confusion_table(f["confusion"]),
        "previous_confusion": confusion_table(m["previous"]["confusion"]), "confusions": confusions_list(m),
        "test_n": m["testPhotos"], "temperature": f"{cal['temperature']:.2f}", "calibration_table": calibration_table(cal),
        "reliability_table": reliability_table(cal),
        "risk_coverage": risk_coverage_table(cal["riskCoverage"]["test"], op, s["riskCoverage"]),
        "threshold": f"{op['threshold']:.2f}" if op else "–",
        "coverage": pct(op["coverage"]) if op else "–", "purity": pct(op["purity"]) if op else "–",
        "val_threshold": f"{val_op['threshold']:.2f}" if val_op else "none of 0.30–0.95",
        "val_threshold_test": (lambda r: f"{pct(r['purity'])} purity at {pct(r['coverage'])} coverage")(
            next(r for r in cal["riskCoverage"]["test"] if r["threshold"] == val_op["threshold"])) if val_op else "–",
        "stress_at_threshold": (f"{pct(s_rc[op['threshold']]['coverage'])} of the synthetic composites accepted, "
                                f"{pct(s_rc[op['threshold']]['purity'])} of them right") if op else "–",
        "stress_table": stress_table(m), "stress_recall": stress_recall_table(m),
        "stress_images": m["stress"]["images"], "stress_photos": m["stress"]["photos"],
        "regimes": regimes_table(reg), "previous_validation": PREVIOUS_VALIDATION,
        "val_acc": pct(vr["last"]["valAcc"]), "val_f1": f"{vr['last']['valMacroF1']:.3f}",
        "val_stress": pct(vr["last"]["stressAcc"]), "val_best_f1": f"{vr['best']['valMacroF1']:.3f}",
        "val_best_epoch": vr["best"]["epoch"], "epochs": vr["epochs"], "alpha": vr["alpha"], "kd_t": vr["temperature"],
        "erase": vr["erase"], "train_minutes": vr["minutes"], "refit_minutes": m["refit"]["minutes"],
        "teacher_acc": pct(t["last"]["valAcc"]), "teacher_f1": f"{t['last']['valMacroF1']:.3f}",
        "teacher_epochs": t["epochs"], "teacher_minutes": t["minutes"],
        "teacher_view_acc": pct(t["bankViewAccuracy"]["train"]),
        "teacher_fidelity": f"{t['fidelity']['maxAbsDiff']:.2e}", "teacher_photos": t["fidelity"]["photos"],
        "teacher_span": f"{t['fidelity']['featureRange']:.1f}", "teacher_ort": t["fidelity"]["onnxRuntime"],
        "bank_train_composites": m["bank"]["train"]["composites"], "bank_k": m["bank"]["train"]["k"],
        "masks_usable": m["masks"]["usable"], "masks_photos": m["masks"]["photos"],
        "fidelity": fidelity_table(m["fidelity"]), "fidelity_max": f"{m['fidelity']['maxAbsLogitDiff']:.2e}",
        "onnx_diff": f"{m['onnxCheck']['maxAbsDiff']:.2e}", "onnx_count": m["onnxCheck"]["count"],
        "onnx_mismatch": m["onnxCheck"]["top1Mismatches"], "ort_version": m["onnxCheck"]["onnxRuntime"],
        "data_hash": meta["dataHash"], "trained_at": meta["trainedAt"],
        "int8_section": int8_section(), "variants_section": variants_section(),
    }
    text = Template((SCRIPTS_DIR / "card_template.md").read_text()).substitute(values)
    (MODELS / "README.md").write_text(text)
    print("wrote models/README.md")


if __name__ == "__main__":
    main()
