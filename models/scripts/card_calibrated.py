"""The calibrated release's parts of the model card (models/README.md), from models/metrics.json (calibrate_shipped.py),
metadata.json and models/recipe2-status.json: the title and summary, "Calibrated confidence", "Beyond TrashNet" and
"2.0 recipe: status". Each part sits between <!-- begin:NAME --> and <!-- end:NAME --> and is replaced in place on
the next run (inserted before a given heading the first time); the rest of the card is 1.0.0's text for the same
weights. write_card.py renders the whole card of a retrained 2.0 model instead."""
import hashlib
import re

from common import LABELS, MODELS, OUT, read_json
from write_card import calibration_table, pct, reliability_table, risk_coverage_table

TARGET_ACC, TARGET_F1, TARGET_PURITY = 0.95, 0.94, 0.98
SHA_1_0_0 = "35791b6e35f529c7d4459be2e17667c88303384989c9c1e63aab7008306781c0"  # 1.0.0's model.onnx
PREVIOUS_VALIDATION_RUN = {"acc": 0.925, "macroF1": 0.901}  # 1.0.0's validation run, best epoch (the card's table)


def put_section(card, name, text, before):
    """The card with NAME's block replaced by text, or inserted before the line `before` (a heading)."""
    block = f"<!-- begin:{name} -->\n{text.strip()}\n<!-- end:{name} -->\n"
    pattern = re.compile(rf"<!-- begin:{re.escape(name)} -->\n.*?<!-- end:{re.escape(name)} -->\n", re.S)
    if pattern.search(card):
        return pattern.sub(lambda _: block, card, count=1)
    at = card.find(f"\n{before}\n")
    if at < 0:
        raise ValueError(f"models/README.md has no line {before!r} to put {name} before")
    return card[:at + 1] + block + "\n" + card[at + 1:]


def met(ok):
    return "**met**" if ok else "**NOT met**"


def summary(m, meta, model_sha):
    f, cal = m["fineTuned"], m["calibration"]
    op, ci = cal["operatingPoint"]["test"], cal["operatingPointInterval95"]
    acc, f1 = f["accuracy"], f["macro"]["f1"]
    return f"""# Model card: `{meta['name']}` {meta['version']}

**{meta['version']} is 1.0.0's network with calibrated confidence.** `model.onnx` {"is 1.0.0's file byte for byte" if model_sha == SHA_1_0_0 else "is **not** 1.0.0's file"}
(sha256 `{model_sha[:12]}…`); what changed is `metadata.json`: **temperature T = {cal['temperature']:.3f}** (the
station scores softmax(logits / T)) and the operating point of the default **`Sorting:MinConfidence` =
{op['threshold']:.2f}**, where the accepted test photos are **{pct(op['purity'])} right** (purity; 95 % bootstrap
{pct(ci['purity'][0])}–{pct(ci['purity'][1])}) at a **coverage of {pct(op['coverage'])}**: the other
{pct(1 - op['coverage'])} of items go to the reject bin. Test ECE {cal['ece']['testBefore']:.3f} → **{cal['ece']['testAfter']:.3f}**.

Issue 21's targets on the test split: top-1 ≥ {pct(TARGET_ACC, 0)} and macro F1 ≥ {TARGET_F1}: {met(acc >= TARGET_ACC and f1 >= TARGET_F1)}
({pct(acc)}, {f1:.3f}; `trash` F1 {f['perClass']['trash']['f1']:.3f}); purity ≥ {pct(TARGET_PURITY, 0)} at the default
threshold: {met(op['purity'] >= TARGET_PURITY)} ({pct(op['purity'])}, chosen on the test split itself); a gain in
robustness on synthetic backgrounds: **NOT met**, the weights did not change (see *2.0 recipe: status*). Every other
figure on this card (results, training, fidelity, speed, int8) was measured on these weights as 1.0.0 and holds for
{meta['version']} unchanged.{int8_line()}"""


def int8_line():
    """Whether model.int8.onnx is the file int8-metrics.json measured (quantize_int8.py rebuilds it from model.onnx)."""
    path = MODELS / "int8-metrics.json"
    if not path.exists() or not (OUT / "model.int8.onnx").exists():
        return ""
    q = read_json(path)
    same = "sha256:" + hashlib.sha256((OUT / "model.int8.onnx").read_bytes()).hexdigest() == q["int8Sha256"]
    return ("\n\nThe int8 variant, rebuilt from this `model.onnx` by `quantize_int8.py`, is "
            + ("the very file measured in its section below" if same else "**not** the file its section below measured: "
               "run quantize_int8.py again")
            + f" (test top-1 {pct(q['accuracy']['int8'])}, fp32 {pct(q['accuracy']['fp32'])}); it shares `metadata.json`, so the "
            "temperature and the default threshold apply to it too (`ShippedModelTests` checks its purity at the "
            "threshold through the station's classifier).")


def stress_rows(s, op):
    fams = sorted(s["perFamily"])
    rc = {r["threshold"]: r for r in s["riskCoverage"]}[op["threshold"]]
    return fams, rc


def calibration_section(m):
    cal = m["calibration"]
    op, val_op, ci = cal["operatingPoint"]["test"], cal["operatingPoint"]["val"], cal["operatingPointInterval95"]
    own, vr = cal["refitOwnValidation"], cal["validationRunModel"]
    _, s_rc = stress_rows(m["stress"]["test"], op)
    return f"""## Calibrated confidence

The network was trained with label smoothing 0.1, so its raw softmax is under-confident: on the test split the
top score averages well below the share of right answers. **Temperature scaling** (Guo et al., 2017) divides the
logits by one number T before the softmax: the top label and the accuracy do not change, only how sure the
scores are. T minimises the negative log-likelihood on the **validation** split, with the logits of 1.0.0's
**validation run** (the same recipe trained on the train split only{f", its `model.onnx` in git at `{vr['commit']}`" if vr['commit'] else ""},
test {pct(vr['testAccuracy'])}): the shipped refit has seen the validation photos
({pct(own['valAccuracy'])} right on them), and fitted on its own validation logits T runs to the search's bound
({own['temperature']:.2f}, test ECE {own['testEce']:.3f}). The validation run picked its epoch on the same photos,
so the fit is slightly optimistic; the test split, which neither model saw, checks how well T carries over.

**T = {cal['temperature']:.3f}** (below 1: the scores are sharpened). Expected calibration error
({cal['eceBins']} equal-width confidence bins; the weighted gap between a bin's accuracy and its mean confidence):

{calibration_table(cal)}

Reliability on the test split (10 bins of the top score):

{reliability_table(cal)}

![calibration](mobilenetv2-trashnet/calibration.png)

**Risk–coverage** on the test split ({m['testPhotos']} photos), with the calibrated scores the station computes:
an item whose top score is below the threshold goes to the reject bin; purity is the accuracy of the accepted
items (how clean the bins are, as sorting plants measure it). The last column is the synthetic stress test
below (shipped model, same T):

{risk_coverage_table(cal['riskCoverage']['test'], op, m['stress']['test']['riskCoverage'])}

**Default `Sorting:MinConfidence` = {op['threshold']:.2f}** (`SortingOptions`, `src/SortStation/appsettings.json`): the
lowest threshold of the table whose accepted test items are at least {pct(TARGET_PURITY, 0)} right — purity
**{pct(op['purity'])}** ({op['wrongAccepted']} wrong of {op['accepted']} accepted) at coverage **{pct(op['coverage'])}**.
95 % bootstrap intervals over the test photos ({ci['resamples']} resamples, threshold fixed): purity
{pct(ci['purity'][0])}–{pct(ci['purity'][1])}, coverage {pct(ci['coverage'][0])}–{pct(ci['coverage'][1])}. The
threshold was chosen on the test split, as issue 21 asks, so the point figures are optimistic by that choice;
the same rule on the validation split (validation run's model) picks
{f"{val_op['threshold']:.2f} ({pct(val_op['purity'])} at {pct(val_op['coverage'])})" if val_op else "none of 0.30–0.95"}.
{op['threshold']:.2f} is the top of the table: the 98 % bar leaves no margin above it for this model, and on items
unlike TrashNet it rejects far more (synthetic stress test: {pct(s_rc['coverage'])} accepted, {pct(s_rc['purity'])} of
them right). A plant that prefers fewer rejects lowers the threshold and accepts the purity the table gives
(e.g. 0.85: {pct(next(r for r in cal['riskCoverage']['test'] if r['threshold'] == 0.85)['purity'])} at
{pct(next(r for r in cal['riskCoverage']['test'] if r['threshold'] == 0.85)['coverage'])}); the setting is
applied live. `ShippedModelTests` checks T, the threshold and its purity/coverage through the station's own
classifier."""


def stress_section(m):
    s, op, cal = m["stress"], m["calibration"]["operatingPoint"]["test"], m["calibration"]
    fams, rc = stress_rows(s["test"], op)
    t = s["test"]
    status = read_json(MODELS / "recipe2-status.json")
    r1, r2 = status["students"]
    v = s["validationRunOnVal"]
    table = "\n".join(["| shipped model, test photos (synthetic) | " + " | ".join(fams) + " | all | macro F1 |",
                       "|---" + "|---:" * (len(fams) + 2) + "|",
                       f"| {m['version']} | " + " | ".join(pct(t["perFamily"][f]) for f in fams)
                       + f" | **{pct(t['accuracy'])}** | {t['macroF1']:.3f} |"])
    recall = "\n".join(["| recall on the stress test | " + " | ".join(LABELS) + " |", "|---" + "|---:" * len(LABELS) + "|",
                        f"| {m['version']} | " + " | ".join(pct(t["perClassRecall"][c], 0) for c in LABELS) + " |"])
    return f"""## Beyond TrashNet: a synthetic cross-domain stress test

**These are synthetic images, not photos of a plant.** Each test photo whose object could be cut out of its
board ({s['photos']} of {m['testPhotos']}; `segment.py`, a torn-sheet piece of the photo where a box fills the
frame) is composited twice on backgrounds from five families **that no training uses** — green PVC belt, brushed
steel, ceramic tiles, gravel/asphalt, woven fabric (`scripts/composite.py: STRESS_FAMILIES`) — with a cast shadow,
rotation and scale, and changed light and camera (colour temperature, exposure, gradient, blur, noise, JPEG
quality), then the station's preprocessing: {s['images']} images, seeded (`scripts/stress_test.py`). It measures
whether the model still recognises the *object* when board, light and camera change; it cannot say how the model
does on real belt photos, real dirt or clutter, and the cut-outs carry some of their board along.

{table}

{recall}

Against {pct(m['fineTuned']['accuracy'])} on the plain test photos, the shipped model loses
{100 * (m['fineTuned']['accuracy'] - t['accuracy']):.0f} points when the board is replaced; at the default threshold
it accepts {pct(rc['coverage'])} of the composites, {pct(rc['purity'])} of them right — the calibrated threshold
protects the bins by rejecting, not by knowing. On the **validation** photos' composites ({s['valImages']} images,
the set the 2.0 runs were scored on), 1.0.0's validation run (train split only) scores {pct(v['accuracy'])}; the 2.0
recipe's partial runs scored {pct(r1['valStressAcc']['12'])} (plain views) and **{pct(r2['valStressAcc']['12'])}**
(with composites) at their epoch 12: composite training is the lever for this, and it is not in the shipped weights.

Independent figures (issue 21, private sets not available here, reported as measured there for 1.0.0, the same
weights): 89.9 % top-1 / macro F1 0.883 on 377 held-back TrashNet photos; **64.3 % / 0.637 on 300 web photos of
the same materials** from another source (plastic recall 0.28; half of them scored below 0.6 by the raw softmax).
Expect numbers of that order, not the test split's, on a plant's camera until station photos are collected."""


def status_section(m):
    st = read_json(MODELS / "recipe2-status.json")
    r1, r2 = st["students"]
    t1, t2 = st["teacher"]
    b = st["banks"]["train"]

    def best(r):
        i = max(range(len(r["valAcc"])), key=lambda k: (r["valMacroF1"][k], r["valAcc"][k]))
        return f"{pct(r['valAcc'][i])} / {r['valMacroF1'][i]:.3f} (epoch {i + 1})"

    return f"""## 2.0 recipe: status

**Built** (scripts in `models/scripts`, unit tests in `models/tests`, run end to end by
`reproduce.sh --train-2`): object masks (`segment.py`: {st['masks']['usable']} of {st['masks']['photos']} photos usable);
composites on training background families and held-out stress families (`composite.py`); a view bank
(`views.py`: {b['photos']} training photos × {b['views']} views, {b['composites']} of them composites); the float
ImageNet ResNet18 from NuGet (`Microsoft.ML.DnnImageFeaturizer.ResNet18`, MIT) converted to PyTorch by its own graph
walk (`resnet18_onnx.py`, `import_teacher.py`; {st['teacherImport']['photos']} photos, max abs difference to ONNX
Runtime {st['teacherImport']['maxAbsDiff']:.2e}); its fine-tuning (`teacher.py`), an ensemble teacher
(`ensemble_teacher.py`); distillation into MobileNetV2 on all layers with random erasing (`train_student.py`);
calibration and the stress test (`calibrate.py`, `stress_test.py`); 160/192 px variants (`variants.py`).

**Partial runs** ({st['date']}; {st['machine']}; figures from their logs, `models/recipe2-status.json`, on the
validation split — the test split was not used):

| run | epochs run | best validation accuracy / macro F1 (epoch of the best macro F1) | validation stress composites |
|---|---:|---:|---:|
| ResNet18 teacher, {t1['run']} | {len(t1['valAcc'])} | {pct(max(t1['valAcc']))} / {max(t1['valMacroF1']):.3f} | – |
| ResNet18 teacher, {t2['run']} | {len(t2['valAcc'])} | {pct(max(t2['valAcc']))} / {max(t2['valMacroF1']):.3f} | – |
| student `{r1['tag']}`: {r1['views']} | {r1['epochsRun']} of {r1['plannedEpochs']} | {best(r1)} | {pct(r1['valStressAcc']['12'])} (epoch 12) |
| student `{r2['tag']}`: {r2['views']} | {r2['epochsRun']} of {r2['plannedEpochs']} | {best(r2)} | {pct(r2['valStressAcc']['12'])} (epoch 12) |
| 1.0.0's validation run (the shipped recipe) | 27 (best: 19) | {pct(PREVIOUS_VALIDATION_RUN['acc'])} / {PREVIOUS_VALIDATION_RUN['macroF1']:.3f} | {pct(m['stress']['validationRunOnVal']['accuracy'])} |

What they show: composites bought about {100 * (r2['valStressAcc']['12'] - r1['valStressAcc']['12']):.0f} points on
the held-out synthetic backgrounds for about {100 * (max(r1['valAcc']) - max(r2['valAcc'])):.0f} points of plain
validation accuracy at the same epoch budget; both students stayed **below 1.0.0's validation run** on plain
photos, and the teacher ({pct(max(t1['valAcc']))}) below the student it was meant to teach. One flaw to fix before
reading more into them: {st['teacherLogitsInUse']['note']}; those logits get {pct(st['teacherLogitsInUse']['valViewAccuracy'])} of
the validation views right, so the students may have been pulled toward a near-random teacher.

**The 95 % / 0.94 target is not reached in this session, and no 2.0 model ships.** Why: a student epoch took
{min(r1['secondsPerEpoch']) // 60}–{max(r2['secondsPerEpoch']) // 60} minutes (about 7 typically) on the 2 shared
cores and a teacher epoch 6–16, so the teacher to convergence, its logits for every view, a 16-epoch validation run
and the refit come to roughly 6–7 hours of machine time, which this session could not take from the four other
jobs sharing the machine; the runs above were stopped where they stood. Next: train the teacher until its validation accuracy
passes 1.0.0's (92.5 %) or drop it (alpha 0), regenerate its logits, compare composites vs plain views on
validation, refit, then `evaluate.py` and `write_card.py` (which also report ECE, risk–coverage and the stress
test against 1.0.0)."""


def main():
    m, meta = read_json(MODELS / "metrics.json"), read_json(OUT / "metadata.json")
    sha = hashlib.sha256((OUT / "model.onnx").read_bytes()).hexdigest()
    card = (MODELS / "README.md").read_text()
    if not card.startswith("<!-- begin:summary -->"):  # first run: the summary block takes the title's place
        card = "<!-- begin:summary -->\n<!-- end:summary -->\n" + card.split("\n", 1)[1]
    card = put_section(card, "summary", summary(m, meta, sha), None)
    card = put_section(card, "calibration", calibration_section(m), "## Targets, and what was tried")
    card = put_section(card, "beyond-trashnet", stress_section(m), "## Targets, and what was tried")
    card = put_section(card, "recipe-2-status", status_section(m), "## Targets, and what was tried")
    (MODELS / "README.md").write_text(card)
    print(f"models/README.md: {meta['name']} {meta['version']} summary, calibration, beyond TrashNet, 2.0 status")


if __name__ == "__main__":
    main()
