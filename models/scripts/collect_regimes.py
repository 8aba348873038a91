"""Collects the validation runs of the regimes compared for the 2.0 recipe (ablations.sh) into
models/regimes.json, which the card reads: per regime its settings, its validation and validation-stress
figures at the last epoch (what the recipe keeps) and at its best epoch (for reference only), and its time.
A regime whose log is absent keeps the entry already in regimes.json (figures measured in an earlier session)."""
from common import MODELS, WORK, read_json, write_json

# (log tag, what changes relative to the row above). Order = the card's table.
REGIMES = [
    ("r1-plain", "all layers from the ImageNet weights, 16 epochs, fixed schedule; plain views (rotation, crops, "
                 "colour jitter, mild blur/noise/JPEG, flips) + random erasing; no composites, no teacher"),
    ("r2-composites", "+ half of the views composited on synthetic backgrounds"),
    ("r4-kd-plain", "distillation from the ResNet18 teacher on plain views only (no composites)"),
    ("train", "composites + distillation (alpha 0.7, T 3): the 2.0 recipe"),
]
KEYS = ("valAcc", "valMacroF1", "valLoss", "stressAcc", "stressMacroF1")


def main():
    path = MODELS / "regimes.json"
    old = read_json(path)["regimes"] if path.exists() else {}
    out = {}
    for tag, what in REGIMES:
        log_path = WORK / f"student-{tag}.json"
        if not log_path.exists():
            if tag in old:
                out[tag] = old[tag]
            continue
        log = read_json(log_path)
        out[tag] = {"what": what,
                    "settings": {k: log[k] for k in ("epochs", "from", "lr", "alpha", "temperature", "erase", "composites",
                                                     "batchNorm", "ema", "resolution", "threads")},
                    "last": {k: round(log["last"][k], 4) for k in KEYS},
                    "best": {"epoch": log["best"]["epoch"], **{k: round(log["best"][k], 4) for k in KEYS if k in log["best"]}},
                    "curve": [{"epoch": r["epoch"], **{k: round(r[k], 4) for k in ("valAcc", "valMacroF1", "stressAcc")
                                                         if k in r}} for r in log["history"]],
                    "minutes": log["minutes"]}
    teacher = WORK / "teacher.json"
    result = {"regimes": out, "teacher": read_json(teacher)["history"][-1] if teacher.exists()
              else (read_json(path).get("teacher") if path.exists() else None)}
    write_json(path, result)
    print(f"wrote {path}: {', '.join(out)}")


if __name__ == "__main__":
    main()
