"""Teacher candidates on the validation split, and (with --use) an ensemble teacher's logits for every view.

Scores the ResNet18 teacher (teacher.py) and any given student models (train_student.py .pt files of WORK, trained
on the train split only) on the validation split (station centre crop) and on its synthetic stress set, alone and
averaged (the mean of their softmaxes). With --use, the averaged members' logits (log of the mean softmax) for every
view of the train and validation banks replace teacher-logits-{train,val}.npy (the ResNet18's alone are kept as
resnet18-logits-{train,val}.npy) and WORK/teacher-ensemble.json records the choice.

Usage: ensemble_teacher.py r2=student-r2-composites.pt [--use resnet18,r2]"""
import argparse
import shutil

import numpy as np
import torch
from sklearn.metrics import f1_score

from common import WORK, read_split, station_tensor, write_json
from stress_test import load_model, stress_set, tensors
from teacher import logits_of, to_tensor
from import_teacher import load_teacher
from views import load_bank


def softmax(z):
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def combine(logit_list):
    """log of the mean softmax: the ensemble's logits (up to a constant)."""
    return np.log(np.mean([softmax(z) for z in logit_list], 0) + 1e-12).astype(np.float32)


def figures(logits, y):
    pred = logits.argmax(1)
    return {"acc": float((pred == y).mean()), "macroF1": float(f1_score(y, pred, average="macro"))}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("students", nargs="*", help="name=file.pt (in WORK)")
    ap.add_argument("--use", default=None, help="comma-separated members of the teacher to write (resnet18 and names)")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    items = read_split("val")
    vx = torch.from_numpy(np.stack([station_tensor(p) for p, _ in items]))
    vy = np.array([y for _, y in items])
    sx, sy, _, _ = stress_set("val")
    st = tensors(sx)
    teacher = load_teacher(6, torch.load(WORK / "teacher.pt")).to(memory_format=torch.channels_last).eval()
    models = {"resnet18": teacher, **{n: load_model(WORK / f) for n, f in (s.split("=", 1) for s in args.students)}}
    val = {n: (logits_of(m, vx).numpy(), logits_of(m, st).numpy()) for n, m in models.items()}
    report = {n: {"val": figures(v, vy), "stress": figures(s, sy)} for n, (v, s) in val.items()}
    names = list(models)
    for i in range(len(names)):
        for j in range(i + 1, len(names) + 1):
            group = names[i:j] if j - i > 1 else None
            if group:
                key = "+".join(group)
                report[key] = {"val": figures(combine([val[n][0] for n in group]), vy),
                               "stress": figures(combine([val[n][1] for n in group]), sy)}
    for k, r in report.items():
        print(f"{k}: val {r['val']['acc']:.4f} / {r['val']['macroF1']:.4f}, stress {r['stress']['acc']:.4f}", flush=True)
    out = {"candidates": report}
    if args.use:
        members = args.use.split(",")
        for split in ("train", "val"):
            resnet = WORK / f"resnet18-logits-{split}.npy"
            if not resnet.exists():
                shutil.copyfile(WORK / f"teacher-logits-{split}.npy", resnet)
            bank = load_bank(split)[0]
            parts = []
            for n in members:
                if n == "resnet18":
                    parts.append(np.load(resnet))
                    continue
                z = np.zeros((len(bank), 6), np.float32)
                with torch.no_grad():
                    for a in range(0, len(bank), 64):
                        z[a:a + 64] = models[n](to_tensor(bank[a:a + 64])).numpy()
                parts.append(z)
            np.save(WORK / f"teacher-logits-{split}.npy", combine(parts))
        out["used"] = members
    write_json(WORK / "teacher-ensemble.json", out)


if __name__ == "__main__":
    main()
