"""The 2.0 recipe: MobileNetV2 (the station's model) fine-tuned on all layers from the imported ImageNet
weights, on a bank of strongly augmented views (views.py: half of them the object composited on synthetic
backgrounds), with random erasing and knowledge distillation from the fine-tuned float ResNet18 (teacher.py: logits of the teacher for every view, WORK/teacher-logits-<split>.npy).

1. head warm-up: the backbone frozen, the head (dropout 0.2 + Linear(1280, 6)) learns on the cached pooled
   features of the training photos' centre crops (HEAD_EPOCHS epochs, no selection);
2. fine-tuning of features[--from:] + head for --epochs passes (each photo once per pass, as one of its K views
   drawn at random, flipped afresh), AdamW with a one-cycle cosine schedule; the loss is
   (1 - alpha) * class-weighted, label-smoothed cross-entropy + alpha * T^2 * KL(teacher || student) at
   temperature T (alpha 0: no teacher). Random erasing (p --erase) on the student's input only.
The model of the last epoch is the result (no early stopping, no epoch selection), so the refit on train +
validation (`--bank trainval`) runs the very same schedule. With `--bank train` every epoch is scored on the
validation split (station centre crop) and on its synthetic stress set (stress_test.py, families never used
in training); the curves go to the log, the figures of the last epoch to the card.

Writes WORK/student-<tag>.pt (state dict, batch norm folded if --bn), WORK/student-<tag>.json and, for
--bank train, WORK/student-<tag>-val-logits.npy (for the temperature fit)."""
import argparse
import copy
import math
import time

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import f1_score
from torch import nn
from torchvision import transforms as T

from common import LABELS, SEED, SIZE, WORK, read_split, station_tensor, write_json
from mobilenetv2 import load_backbone, replace_head
from stress_test import stress_set, tensors
from teacher import epoch_order, logits_of, to_tensor
from train import WeightAverage, add_batch_norm, class_weights, fold_batch_norm, pooled_features
from views import load_bank

BATCH = 32
HEAD_EPOCHS = 20
STRESS_EVERY = 4


def kd_loss(student, teacher, temperature):
    """Hinton et al. (2015): T^2 * KL(softmax(teacher / T) || softmax(student / T)), mean over the batch."""
    t = temperature
    return F.kl_div(F.log_softmax(student / t, 1), F.softmax(teacher / t, 1), reduction="batchmean") * t * t


def allowed_views(meta, composites):
    """Per photo, the view indices it may use: all K, or (composites False) only the plain ones (all K as a
    fallback for a photo whose K draws were all composites)."""
    k, flags = meta["k"], np.array(meta["composite"])
    out = []
    for i in range(len(meta["labels"])):
        idx = np.arange(i * k, (i + 1) * k)
        keep = idx if composites else idx[~flags[idx]]
        out.append(keep if len(keep) else idx)
    return out


def draw_epoch(allowed, rng):
    photos = rng.permutation(len(allowed))
    return np.array([allowed[p][rng.integers(len(allowed[p]))] for p in photos])


def head_warmup(model, splits, loss_fn, resolution):
    """The head on cached pooled features of the centre crops (backbone frozen), HEAD_EPOCHS epochs, batch 32."""
    items = [it for s in splits for it in read_split(s)]
    x = torch.from_numpy(np.stack([station_tensor(p) for p, _ in items]))
    if resolution != SIZE:
        x = F.interpolate(x, size=(resolution, resolution), mode="bilinear", antialias=True, align_corners=False)
    y = torch.tensor([lab for _, lab in items])
    feats = pooled_features(model, x)
    opt = torch.optim.AdamW(model.classifier.parameters(), lr=1e-3, weight_decay=1e-4)
    model.train()
    for _ in range(HEAD_EPOCHS):
        order = torch.randperm(len(y))
        for b in range(0, len(y), BATCH):
            idx = order[b:b + BATCH]
            loss = loss_fn(model.classifier(model.dropout(feats[idx])), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    return len(y)


class Evaluator:
    """Validation (station centre crop) and validation-stress figures of a model, at the student's resolution."""

    def __init__(self, resolution):
        items = read_split("val")
        self.x = self._resize(torch.from_numpy(np.stack([station_tensor(p) for p, _ in items])), resolution)
        self.y = np.array([y for _, y in items])
        sx, self.sy, _, _ = stress_set("val")
        self.sx = self._resize(tensors(sx), resolution)

    @staticmethod
    def _resize(x, resolution):
        if resolution == SIZE:
            return x
        return F.interpolate(x, size=(resolution, resolution), mode="bilinear", antialias=True, align_corners=False)

    def __call__(self, model, loss_fn, stress=True):
        """Validation figures (and, with `stress`, the stress set's: every STRESS_EVERY epochs, to save CPU)."""
        logits = logits_of(model, self.x)
        pred = logits.argmax(1).numpy()
        out = {"valLoss": float(loss_fn(logits, torch.from_numpy(self.y))), "valAcc": float((pred == self.y).mean()),
               "valMacroF1": float(f1_score(self.y, pred, average="macro"))}
        if stress:
            spred = logits_of(model, self.sx).argmax(1).numpy()
            out |= {"stressAcc": float((spred == self.sy).mean()),
                    "stressMacroF1": float(f1_score(self.sy, spred, average="macro"))}
        return out, logits


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bank", choices=("train", "trainval"), default="train")
    ap.add_argument("--tag", default=None, help="name of the outputs (default: the bank's name)")
    ap.add_argument("--epochs", type=int, default=16)
    ap.add_argument("--from", dest="start", type=int, default=0, help="first features[] index that learns")
    ap.add_argument("--lr", type=float, default=2e-4, help="peak learning rate of the backbone (head 1e-3)")
    ap.add_argument("--alpha", type=float, default=0.7, help="weight of the distillation term (0: no teacher)")
    ap.add_argument("--temperature", type=float, default=3.0)
    ap.add_argument("--erase", type=float, default=0.25, help="random-erasing probability per view")
    ap.add_argument("--no-composites", action="store_true", help="use only the bank's plain (non-composite) views")
    ap.add_argument("--bn", action="store_true", help="re-introduce batch norm while training (folded back)")
    ap.add_argument("--ema", type=float, default=0.0, help="keep an exponential moving average of the weights")
    ap.add_argument("--resolution", type=int, default=SIZE, help="input size (views are resized from 224)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N photos (a quick smoke run)")
    args = ap.parse_args()
    tag = args.tag or args.bank
    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    bank, meta = load_bank(args.bank)
    labels, allowed = torch.tensor(meta["labels"]), allowed_views(meta, not args.no_composites)
    if args.limit:
        allowed = [allowed[i] for i in np.random.default_rng(0).choice(len(allowed), args.limit, replace=False)]
    teacher = None
    if args.alpha > 0:
        splits_logits = ("train",) if args.bank == "train" else ("train", "val")
        teacher = np.concatenate([np.load(WORK / f"teacher-logits-{s}.npy") for s in splits_logits])
        if len(teacher) != len(bank):
            raise SystemExit(f"{len(teacher)} teacher logits for {len(bank)} views: re-run teacher.py")
    loss_fn = nn.CrossEntropyLoss(weight=class_weights(labels), label_smoothing=0.1)
    model = replace_head(load_backbone(WORK / "mobilenetv2_imagenet.pt"), len(LABELS), dropout=0.2)
    model = model.to(memory_format=torch.channels_last)
    splits = ("train",) if args.bank == "train" else ("train", "val")
    t_start = time.time()
    n = head_warmup(model, splits, loss_fn, args.resolution)
    print(f"head warm-up on {n} photos ({time.time() - t_start:.0f}s)", flush=True)
    evaluate = Evaluator(args.resolution) if args.bank == "train" else None
    erase = T.RandomErasing(p=args.erase, scale=(0.02, 0.2), value="random")

    def batch(idx):
        x = to_tensor(bank[idx])
        if args.resolution != SIZE:
            x = F.interpolate(x, size=(args.resolution, args.resolution), mode="bilinear", antialias=True,
                              align_corners=False).contiguous(memory_format=torch.channels_last)
        # Fresh flips on top of the view's own (the teacher's logits are taken as flip-invariant), then erasing.
        h, v = torch.rand(len(x)) < 0.5, torch.rand(len(x)) < 0.5
        x = torch.where(h[:, None, None, None], x.flip(3), x)
        x = torch.where(v[:, None, None, None], x.flip(2), x)
        if args.erase > 0:
            x = torch.stack([erase(img) for img in x])
        return x.contiguous(memory_format=torch.channels_last)

    if args.bn:
        sample = batch(np.sort(rng.choice(len(bank), 256, replace=False)))
        print(f"batch norm after {add_batch_norm(model, args.start, sample)} convs", flush=True)
    for p in model.parameters():
        p.requires_grad = False
    body = [p for p in model.features[args.start:].parameters()]
    head = list(model.classifier.parameters())
    for p in body + head:
        p.requires_grad = True
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": 1e-3}], weight_decay=1e-4)
    steps = args.epochs * math.ceil(len(allowed) / BATCH)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, [args.lr, 1e-3], total_steps=steps, pct_start=0.1)
    ema = WeightAverage(model, args.ema) if args.ema > 0 else None
    history = []
    for epoch in range(1, args.epochs + 1):
        t0, total = time.time(), 0.0
        model.train()
        order = draw_epoch(allowed, rng)
        for b in range(0, len(order), BATCH):
            idx = np.sort(order[b:b + BATCH])
            x, y = batch(idx), labels[idx // meta["k"]]
            if args.start > 0:
                with torch.no_grad():
                    h = model.features[:args.start](x)
                logits = model.classifier(model.dropout(model.pool(model.features[args.start:](h))))
            else:
                logits = model(x)
            loss = loss_fn(logits, y)
            if teacher is not None:
                loss = (1 - args.alpha) * loss + args.alpha * kd_loss(logits, torch.from_numpy(teacher[idx]),
                                                                      args.temperature)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            if ema is not None:
                ema.update(model)
            total += float(loss) * len(idx)
        row = {"epoch": epoch, "trainLoss": total / len(order), "seconds": round(time.time() - t0, 1)}
        if evaluate is not None:
            figures, val_logits = evaluate(ema.model if ema else model, loss_fn,
                                           epoch % STRESS_EVERY == 0 or epoch == args.epochs)
            row |= figures
        history.append(row)
        print(f"[student {tag}] " + " ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}"
                                             for k, v in row.items()), flush=True)
    kept = copy.deepcopy(ema.model if ema else model)
    fold_batch_norm(kept)
    torch.save(kept.state_dict(), WORK / f"student-{tag}.pt")
    if evaluate is not None:
        np.save(WORK / f"student-{tag}-val-logits.npy", evaluate(kept, loss_fn, stress=False)[1].numpy())
    log = {"tag": tag, "bank": args.bank, "epochs": args.epochs, "from": args.start, "lr": args.lr,
           "alpha": args.alpha, "temperature": args.temperature, "erase": args.erase,
           "composites": not args.no_composites, "batchNorm": args.bn, "ema": args.ema,
           "resolution": args.resolution, "headEpochs": HEAD_EPOCHS, "batch": BATCH, "seed": SEED,
           "threads": args.threads, "history": history, "minutes": round((time.time() - t_start) / 60, 1)}
    if evaluate is not None:
        best = max(history, key=lambda r: (r["valMacroF1"], -r["valLoss"]))
        log["last"], log["best"] = history[-1], best
    write_json(WORK / f"student-{tag}.json", log)
    print(f"student {tag} done in {log['minutes']} min")


if __name__ == "__main__":
    main()
