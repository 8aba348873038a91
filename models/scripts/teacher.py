"""Teacher step 2: fine-tune the float ResNet18 on a view bank, then compute its logits for every view.

Trains on the train split's bank (views.py), validates on the validation split (station centre crop), then
writes its logits (eval mode) for every view of the train and the validation banks: WORK/teacher.pt,
WORK/teacher-logits-{train,val}.npy ([N*K, 6] float32) and WORK/teacher.json. The logits can also be
computed in parts, side by side (`--logits-part i --parts n` for each i, then `--merge --parts n`). The teacher never sees a
validation photo; the refit's student (train + validation) distils from these same logits. The stem and the 64-channel stage stay frozen (they run without autograd,
which saves about a third of the backward pass on 2 CPU cores); everything after them and the head learn.
Each epoch shows every photo once, as one of its K views drawn at random."""
import argparse
import math
import sys
import time

import numpy as np
import torch
from sklearn.metrics import f1_score
from torch import nn

from common import LABELS, SEED, WORK, read_json, read_split, station_tensor, write_json
from import_teacher import load_teacher
from views import load_bank

EPOCHS = 5
BATCH = 32


def to_tensor(views):
    """uint8 [B, 224, 224, 3] views -> normalised float NCHW (channels-last memory)."""
    x = torch.from_numpy(np.ascontiguousarray(views)).permute(0, 3, 1, 2).float()
    return ((x - 127.5) / 127.5).contiguous(memory_format=torch.channels_last)


def epoch_order(n_photos, k, rng):
    """One view index per photo, photos shuffled."""
    photos = rng.permutation(n_photos)
    return photos * k + rng.integers(0, k, n_photos)


@torch.no_grad()
def logits_of(model, x, batch=64):
    model.eval()
    return torch.cat([model(x[i:i + batch].contiguous(memory_format=torch.channels_last))
                      for i in range(0, len(x), batch)])


def val_tensors(split="val"):
    items = read_split(split)
    return torch.from_numpy(np.stack([station_tensor(p) for p, _ in items])), np.array([y for _, y in items])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--lr", type=float, default=1e-4, help="peak learning rate of the backbone (head: 10x)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only N photos and N views per bank (a quick smoke run)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    bank, meta = load_bank("train")
    train_teacher(args, bank, meta, rng)
    return args.limit


def train_teacher(args, bank, meta, rng):
    """Fine-tunes the teacher; writes WORK/teacher.pt, teacher-val-logits.npy and teacher-train.json."""
    labels, k = torch.tensor(meta["labels"]), meta["k"]
    counts = torch.bincount(labels, minlength=len(LABELS)).float()
    loss_fn = nn.CrossEntropyLoss(weight=counts.sum() / (len(LABELS) * counts), label_smoothing=0.1)
    model = load_teacher(len(LABELS)).to(memory_format=torch.channels_last)
    frozen = model.graph.freeze(128)
    head = list(model.classifier.parameters())
    body = [p for p in model.graph.parameters() if p.requires_grad]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": 10 * args.lr}], weight_decay=1e-4)
    steps = args.epochs * math.ceil(len(labels) / BATCH)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, [args.lr, 10 * args.lr], total_steps=steps, pct_start=0.15)
    val = val_tensors()
    history, t_start = [], time.time()
    for epoch in range(1, args.epochs + 1):
        t0, total = time.time(), 0.0
        model.train()
        for m in frozen:
            m.eval()
        order = epoch_order(len(labels), k, rng)
        if args.limit:
            order = order[:args.limit]
        for b in range(0, len(order), BATCH):
            idx = np.sort(order[b:b + BATCH])  # sorted: sequential reads from the memory-mapped bank
            y = labels[idx // k]
            loss = loss_fn(model(to_tensor(bank[idx])), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        row = {"epoch": epoch, "trainLoss": total / len(order), "seconds": round(time.time() - t0, 1)}
        val_logits = logits_of(model, val[0])
        pred = val_logits.argmax(1).numpy()
        row |= {"valAcc": float((pred == val[1]).mean()), "valMacroF1": float(f1_score(val[1], pred, average="macro"))}
        history.append(row)
        print(f"[teacher] {row}", flush=True)
    torch.save(model.state_dict(), WORK / "teacher.pt")
    np.save(WORK / "teacher-val-logits.npy", val_logits.numpy())
    write_json(WORK / "teacher-train.json", {"epochs": args.epochs, "lr": args.lr, "batch": BATCH,
                                             "frozenSteps": model.graph.frozen, "history": history,
                                             "minutes": round((time.time() - t_start) / 60, 1)})


def logits_part(part, parts, limit=0):
    """The fine-tuned teacher's logits (eval mode) for the part-th of `parts` contiguous slices of the train and
    validation banks' views;
    parts can run side by side (each a process of its own) and are merged by merge_logits."""
    model = load_teacher(len(LABELS), torch.load(WORK / "teacher.pt")).to(memory_format=torch.channels_last).eval()
    views = load_bank("trainval")[0]  # the train bank's views, then the validation bank's
    lo, hi = part * len(views) // parts, (part + 1) * len(views) // parts
    if limit:
        hi = min(hi, lo + limit)
    out, t0 = np.zeros((hi - lo, len(LABELS)), np.float32), time.time()
    with torch.no_grad():
        for a in range(lo, hi, 64):
            b = min(a + 64, hi)
            out[a - lo:b - lo] = model(to_tensor(views[a:b])).numpy()
            if (a - lo) % 2560 == 0:
                print(f"  teacher logits part {part}/{parts}: {a - lo}/{hi - lo} ({time.time() - t0:.0f}s)", flush=True)
    np.save(WORK / f"teacher-logits-part{part}of{parts}.npy", out)
    return time.time() - t0


def merge_logits(parts, seconds=None):
    """teacher-logits-{train,val}.npy from the parts, and teacher.json (training log + accuracy on the views)."""
    out = np.concatenate([np.load(WORK / f"teacher-logits-part{p}of{parts}.npy") for p in range(parts)])
    log, start, view_acc = read_json(WORK / "teacher-train.json"), 0, {}
    for split in ("train", "val"):
        bank, meta = load_bank(split)
        part = out[start:start + len(bank)]
        start += len(bank)
        np.save(WORK / f"teacher-logits-{split}.npy", part)
        view_acc[split] = float((part.argmax(1) == np.repeat(meta["labels"], meta["k"])).mean())
    log |= {"bankViewAccuracy": view_acc, "logitParts": parts}
    if seconds is not None:
        log["logitSeconds"] = round(seconds)
    write_json(WORK / "teacher.json", log)
    print(f"teacher: accuracy on the bank views {view_acc}")


def cli():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--logits-part", type=int, default=None, help="only compute this part of the logits (0-based)")
    ap.add_argument("--parts", type=int, default=1, help="number of logit parts (processes side by side)")
    ap.add_argument("--merge", action="store_true", help="only merge the logit parts and write teacher.json")
    args, rest = ap.parse_known_args()
    if args.merge:
        return merge_logits(args.parts)
    if args.logits_part is not None:
        torch.set_num_threads(1)
        return logits_part(args.logits_part, args.parts)
    sys.argv = [sys.argv[0], *rest]
    limit = main()
    torch.set_num_threads(2)
    merge_logits(1, logits_part(0, 1, limit))


if __name__ == "__main__":
    cli()
