"""Step 3: train the 6-class TrashNet model: the two regimes of the published study, then deeper.

(a) head-only: the whole imported ImageNet backbone frozen, only dropout + Linear(1280, 6) learn;
(b) partial fine-tuning: features[PARTIAL_FROM:] (inverted-residual blocks 13-16 and the final
    1x1 conv to 1280, about the last 40 layers in Keras counting) plus the head, at a lower LR;
(c) deep fine-tuning: features[DEEP_FROM:] plus the head - the shipped model, because (b) alone
    stays far below the issue's target (see the model card).
All see fresh random augmentation every epoch; frozen layers run under no_grad. Class-weighted,
label-smoothed cross-entropy for the small `trash` class; early stopping on validation macro F1.

Writes models/.work/{headOnly,partial,fineTuned}.pt (6-class state dicts) and train_log.json.
Then `--refit` (the shipped model): the same recipe on train + validation photos, each regime stopped at
the epoch the validation run kept; the test split stays unseen by both."""
import argparse
import copy
import math
import shutil
import time

import numpy as np
import torch
from sklearn.metrics import f1_score
from torch import nn
from torchvision import transforms as T
from torchvision.transforms import functional as TF

from common import LABELS, MEAN, SEED, SIZE, STD, WORK, load_rgb, read_json, read_split, station_tensor, write_json
from mobilenetv2 import load_backbone, replace_head

PARTIAL_FROM = 14  # features[14] = block 13 (14x14 -> 7x7): blocks 13-16 + final conv, ~40 Keras layers
DEEP_FROM = 2  # features[2] = block 1 (112x112 -> 56x56): all but the stem and the first block
BATCH = 32
RNG_AFTER_PARTIAL = WORK / "partial.rng.pt"  # torch RNG state after (b), for --from-partial


class RandomRotate:
    """Small rotation; corners are filled with the photo's mean border colour (the white board),
    not black, so the model does not learn black corners as a cue."""

    def __init__(self, degrees):
        self.degrees = degrees

    def __call__(self, img):
        border = torch.cat([img[:, 0], img[:, -1], img[:, :, 0], img[:, :, -1]], dim=1)
        fill = border.float().mean(dim=1).tolist()
        angle = float(torch.empty(1).uniform_(-self.degrees, self.degrees))
        return TF.rotate(img, angle, T.InterpolationMode.BILINEAR, fill=fill)


def augment(size):
    """The training augmentation, cropping to `size` px (224: the shipped model; finetune_size.py: 160 / 192)."""
    return T.Compose([
        RandomRotate(15),
        T.RandomResizedCrop(size, scale=(0.5, 1.0), antialias=True),
        T.RandomHorizontalFlip(),
        T.RandomVerticalFlip(),
        T.ColorJitter(brightness=0.3, contrast=0.3, saturation=0.3, hue=0.03),
    ])


AUGMENT = augment(SIZE)


def load_train(splits=("train",)):
    """Decode the training photos once, kept as uint8 CHW tensors."""
    items = [item for name in splits for item in read_split(name)]
    t0 = time.time()
    images = [torch.from_numpy(load_rgb(p).transpose(2, 0, 1).copy()) for p, _ in items]
    print(f"decoded {len(images)} training photos in {time.time() - t0:.0f}s", flush=True)
    return images, torch.tensor([y for _, y in items])


def load_eval(name, size=SIZE):
    """Station-preprocessed (centre crop) float tensors of a split."""
    items = read_split(name)
    return torch.from_numpy(np.stack([station_tensor(p, size) for p, _ in items])), \
        torch.tensor([y for _, y in items])


def augmented_batch(images, augmentation=AUGMENT):
    batch = torch.stack([augmentation(img) for img in images]).float()
    return ((batch - MEAN) / STD).contiguous(memory_format=torch.channels_last)


def class_weights(labels):
    """N / (classes * n_c): `trash` (5 % of photos) weighs about 3x an average class."""
    counts = torch.bincount(labels, minlength=len(LABELS)).float()
    return counts.sum() / (len(LABELS) * counts)


@torch.no_grad()
def predict(model, x, batch=64):
    model.eval()
    return torch.cat([model(x[i:i + batch].contiguous(memory_format=torch.channels_last))
                      for i in range(0, len(x), batch)])


@torch.no_grad()
def pooled_features(model, x, batch=64):
    """Backbone output (global-average-pooled 1280-vector) per photo, for the head-only regime."""
    model.eval()
    return torch.cat([model.pool(model.features(x[i:i + batch].contiguous(memory_format=torch.channels_last)))
                      for i in range(0, len(x), batch)])


def photo_forward(model, start, images, augmentation=AUGMENT):
    """Logits of augmented photos; the layers before `start` run without autograd (they do not learn).
    With `mix`, the normalised batch is mixed first and (logits, *mix's extra results) returned."""
    def forward(idx, mix=None):
        x = augmented_batch([images[j] for j in idx], augmentation)
        extra = ()
        if mix is not None:
            x, *extra = mix(x)
            x = x.contiguous(memory_format=torch.channels_last)
        with torch.no_grad():
            h = model.features[:start](x)
        logits = model.classifier(model.dropout(model.pool(model.features[start:](h))))
        return (logits, *extra) if mix is not None else logits
    return forward


def feature_forward(model, features):
    return lambda idx: model.classifier(model.dropout(features[idx]))


def metrics(logits, labels, loss_fn):
    pred = logits.argmax(1).numpy()
    return {"loss": float(loss_fn(logits, labels)), "acc": float((pred == labels.numpy()).mean()),
            "macroF1": float(f1_score(labels.numpy(), pred, average="macro"))}


class WeightAverage:
    """Exponential moving average of the trained weights (and of batch-norm statistics with --bn). Averaging the last few hundred steps smooths the noise of batch-32 steps on
    1 500 photos; validation and the checkpoint use the average. Warm-up: decay (1+n)/(10+n)."""

    def __init__(self, model, decay):
        self.model, self.decay, self.steps = copy.deepcopy(model), decay, 0
        for p in self.model.parameters():
            p.requires_grad = False

    @torch.no_grad()
    def update(self, model):
        self.steps += 1
        d = min(self.decay, (1 + self.steps) / (10 + self.steps))
        for avg, p in zip(self.model.parameters(), model.parameters()):
            if p.requires_grad:
                avg.mul_(d).add_(p.detach(), alpha=1 - d)
        for avg, b in zip(self.model.buffers(), model.buffers()):  # batch-norm statistics (--bn)
            if b.is_floating_point():
                avg.mul_(d).add_(b, alpha=1 - d)
            else:
                avg.copy_(b)


def cutmix(x, rng):
    """CutMix (Yun et al. 2019): a random box of each photo replaced by the same box of another
    photo in the batch; returns the mixed batch, the partner order and the kept-area fraction."""
    lam = float(rng.beta(1.0, 1.0))
    h, w = x.shape[2:]
    bh, bw = int(h * math.sqrt(1 - lam)), int(w * math.sqrt(1 - lam))
    cy, cx = int(rng.integers(h)), int(rng.integers(w))
    y0, y1, x0, x1 = max(cy - bh // 2, 0), min(cy + bh // 2, h), max(cx - bw // 2, 0), min(cx + bw // 2, w)
    perm = torch.from_numpy(rng.permutation(len(x)))
    x = x.clone()
    x[:, :, y0:y1, x0:x1] = x[perm, :, y0:y1, x0:x1]
    return x, perm, 1 - (y1 - y0) * (x1 - x0) / (h * w)


def mixup(x, rng, alpha):
    """Mixup (Zhang et al. 2018): each photo blended with another of the batch, weight lam ~ Beta(alpha, alpha);
    returns the mixed batch, the partner order and lam."""
    lam = float(rng.beta(alpha, alpha))
    perm = torch.from_numpy(rng.permutation(len(x)))
    return lam * x + (1 - lam) * x[perm], perm, lam


def mixer(cutmix_p, mixup_alpha):
    """(share of batches mixed, mixing function) for train_epoch; (0, None) when neither is asked for."""
    if cutmix_p > 0 and mixup_alpha > 0:
        raise SystemExit("--cutmix and --mixup are alternatives; give one")
    if mixup_alpha > 0:
        return 1.0, lambda x, rng: mixup(x, rng, mixup_alpha)
    return (cutmix_p, cutmix) if cutmix_p > 0 else (0.0, None)


@torch.no_grad()
def add_batch_norm(model, start, images):
    """Re-introduces batch norm after every conv of features[start:] (the TFLite weights have it folded),
    initialised to the identity: running mean/var are those of each conv's output on `images`, and
    weight = sqrt(var + eps), bias = mean. Training then normalises by batch statistics, which
    conditions the fine-tuning as the original BN did; fold_batch_norm puts it back into the convs."""
    convs = [m for m in model.features[start:].modules() if isinstance(m, nn.Conv2d)]
    stats, hooks = {}, []
    for conv in convs:
        hooks.append(conv.register_forward_hook(
            lambda m, _, out: stats.__setitem__(m, (out.mean(dim=(0, 2, 3)), out.var(dim=(0, 2, 3))))))
    model.eval()
    model(images.contiguous(memory_format=torch.channels_last))
    for h in hooks:
        h.remove()
    for parent in list(model.features[start:].modules()):
        for name, child in list(parent.named_children()):
            if child in stats:
                mean, var = stats[child]
                bn = nn.BatchNorm2d(child.out_channels)
                bn.running_mean.copy_(mean)
                bn.running_var.copy_(var)
                bn.weight.copy_(torch.sqrt(var + bn.eps))
                bn.bias.copy_(mean)
                setattr(parent, name, nn.Sequential(child, bn))
    return len(stats)


@torch.no_grad()
def fold_batch_norm(model):
    """Folds every (conv, BN) pair add_batch_norm made back into the conv: the exported graph is unchanged."""
    for parent in list(model.modules()):
        for name, child in list(parent.named_children()):
            if isinstance(child, nn.Sequential) and len(child) == 2 and isinstance(child[1], nn.BatchNorm2d):
                conv, bn = child
                k = bn.weight / torch.sqrt(bn.running_var + bn.eps)
                conv.weight.mul_(k.reshape(-1, 1, 1, 1))
                conv.bias.copy_((conv.bias - bn.running_mean) * k + bn.bias)
                setattr(parent, name, conv)
    return model


def train_epoch(model, forward, labels, loss_fn, opt, sched, verbose, extra):
    """One pass over the shuffled training set; returns the mean training loss.
    `extra` = (WeightAverage or None, (share of batches mixed, mixing function), numpy RNG)."""
    ema, (mix_p, mix), rng = extra
    order = torch.randperm(len(labels))
    total, t0, batches = 0.0, time.time(), math.ceil(len(order) / BATCH)
    model.train()
    for b, i in enumerate(range(0, len(order), BATCH)):
        idx = order[i:i + BATCH]
        if mix_p > 0 and rng.random() < mix_p:
            logits, perm, lam = forward(idx, lambda x: mix(x, rng))
            loss = lam * loss_fn(logits, labels[idx]) + (1 - lam) * loss_fn(logits, labels[idx][perm])
        else:
            loss = loss_fn(forward(idx), labels[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if ema is not None:
            ema.update(model)
        total += float(loss) * len(idx)
        if verbose and b % 10 == 0:
            print(f"    batch {b + 1}/{batches} loss {float(loss):.3f} ({time.time() - t0:.0f}s)", flush=True)
    return total / len(order)


def optimiser(model, groups, epochs, photos):
    """Only `groups` learn: AdamW and a one-cycle cosine schedule over `epochs` passes of `photos`."""
    for p in model.parameters():
        p.requires_grad = False
    for g in groups:
        for p in g["params"]:
            p.requires_grad = True
    opt = torch.optim.AdamW(groups, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, [g["lr"] for g in groups], pct_start=0.1,
                                                total_steps=epochs * math.ceil(photos / BATCH))
    return opt, sched


def backbone_groups(model, start, lr, decay=1.0):
    """Parameter groups of features[start:]: one at `lr`, or with `decay` < 1 one per block, each block's peak
    `decay` times the next one's (the last block at `lr`), so early, generic layers move less."""
    if decay == 1.0:
        return [{"params": list(model.features[start:].parameters()), "lr": lr}]
    last = len(model.features) - 1
    return [{"params": list(model.features[i].parameters()), "lr": lr * decay ** (last - i)}
            for i in range(start, last + 1) if any(True for _ in model.features[i].parameters())]


def fit(model, groups, run, epochs, patience, tag, checkpoint, ema_decay=0.0, mix=(0.0, None), stop=None):
    """AdamW with one-cycle cosine decay; keeps the weights of the best validation macro F1
    (ties: lower validation loss) and stops after `patience` epochs without improvement.
    `run` = (forward, train labels, validation-logits function of a model, loss, print batches).
    With `ema_decay` > 0 the weight average is what is validated and kept; `mix` = mixer(...).
    Refit (`stop` given, no validation function): the same `epochs`-long schedule, cut after epoch `stop`."""
    forward, labels, val_logits, loss_fn, verbose = run
    if stop is not None:
        return refit_fit(model, groups, run, epochs, stop, tag, checkpoint, mix)
    opt, sched = optimiser(model, groups, epochs, len(labels))
    ema = WeightAverage(model, ema_decay) if ema_decay > 0 else None
    kept = ema.model if ema else model
    rng = np.random.default_rng(SEED)
    best, best_state, history, stale = None, None, [], 0
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        train_loss = train_epoch(model, forward, labels, loss_fn, opt, sched, verbose, (ema, mix, rng))
        kept.eval()
        with torch.no_grad():
            v = metrics(*val_logits(kept), loss_fn)
        history.append({"epoch": epoch, "trainLoss": train_loss, **{f"val_{k}": x for k, x in v.items()},
                        "seconds": round(time.time() - t0, 1)})
        if verbose or epoch % 10 == 0:
            print(f"[{tag}] epoch {epoch}/{epochs} train loss {train_loss:.3f} val loss {v['loss']:.3f} "
                  f"acc {v['acc']:.4f} macro F1 {v['macroF1']:.4f} ({time.time() - t0:.0f}s)", flush=True)
        if best is None or (v["macroF1"], -v["loss"]) > (best["macroF1"], -best["loss"]):
            best, best_state, stale = {"epoch": epoch, **v}, copy.deepcopy(kept.state_dict()), 0
            # A cut-off run still leaves the best weights so far; always in the plain (BN-folded) layout.
            torch.save(fold_batch_norm(copy.deepcopy(kept)).state_dict(), checkpoint)
        else:
            stale += 1
            if stale >= patience:
                print(f"[{tag}] early stop after epoch {epoch}: no improvement for {patience} epochs", flush=True)
                break
    model.load_state_dict(best_state)
    print(f"[{tag}] best epoch {best['epoch']}: val acc {best['acc']:.4f} macro F1 {best['macroF1']:.4f}",
          flush=True)
    return {"best": best, "history": history}


def refit_fit(model, groups, run, epochs, stop, tag, checkpoint, mix):
    """fit() without validation: the schedule of the validation run, stopped at its best epoch."""
    forward, labels, _, loss_fn, verbose = run
    opt, sched = optimiser(model, groups, epochs, len(labels))
    rng = np.random.default_rng(SEED)
    history = []
    for epoch in range(1, stop + 1):
        t0 = time.time()
        train_loss = train_epoch(model, forward, labels, loss_fn, opt, sched, verbose, (None, mix, rng))
        history.append({"epoch": epoch, "trainLoss": train_loss, "seconds": round(time.time() - t0, 1)})
        print(f"[{tag} refit] epoch {epoch}/{stop} (of a {epochs}-epoch schedule) train loss {train_loss:.3f} "
              f"({time.time() - t0:.0f}s)", flush=True)
        torch.save(model.state_dict(), checkpoint)
    return {"stoppedAt": stop, "scheduleEpochs": epochs, "lastLr": sched.get_last_lr()[0], "history": history}


def head_only(model, loss_fn, val, epochs, stop=None, train_splits=("train",)):
    """(a): the backbone is frozen and, with no augmentation in this regime, its output is
    computed once per photo (centre crop); the head then trains on the cached 1280-vectors."""
    t0 = time.time()
    parts = [load_eval(name) for name in train_splits]
    x, y = torch.cat([p[0] for p in parts]), torch.cat([p[1] for p in parts])
    train_f = pooled_features(model, x)
    val_f = pooled_features(model, val[0]) if stop is None else None
    print(f"cached backbone features of {len(x)} photos in {time.time() - t0:.0f}s", flush=True)
    run = (feature_forward(model, train_f), y, None if stop is not None else lambda m: (m.classifier(val_f), val[1]),
           loss_fn, False)
    return fit(model, [{"params": list(model.classifier.parameters()), "lr": 1e-3}], run, epochs, 15, "head",
               WORK / "headOnly.pt", stop=stop)


def weighted_loss(labels):
    """Cross-entropy with class weights from `labels` and label smoothing 0.1."""
    return nn.CrossEntropyLoss(weight=class_weights(labels), label_smoothing=0.1)


def start(labels):
    """The loss (class weights from `labels`) and the 6-class model on the imported ImageNet backbone."""
    loss_fn = weighted_loss(labels)
    model = replace_head(load_backbone(WORK / "mobilenetv2_imagenet.pt"), len(LABELS), dropout=0.2)
    return loss_fn, model.to(memory_format=torch.channels_last)


def base_log(labels, deep_from):
    return {"seed": SEED, "batch": BATCH, "partialFrom": PARTIAL_FROM, "deepFrom": deep_from,
            "classWeights": class_weights(labels).tolist()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--head-epochs", type=int, default=150)
    parser.add_argument("--partial-epochs", type=int, default=6)
    parser.add_argument("--deep-epochs", type=int, default=35)
    parser.add_argument("--deep-from", type=int, default=DEEP_FROM,
                        help="first features[] index trained in regime (c)")
    parser.add_argument("--deep-lr", type=float, default=2e-4, help="peak learning rate of the backbone in (c)")
    parser.add_argument("--lr-decay", type=float, default=1.0,
                        help="(c): each block's peak learning rate is this times the next block's (1 = one rate)")
    parser.add_argument("--patience", type=int, default=8,
                        help="epochs without validation improvement before early stop in (b) and (c)")
    parser.add_argument("--ema", type=float, default=0.0,
                        help="(c): validate and keep an exponential moving average of the weights with this decay")
    parser.add_argument("--cutmix", type=float, default=0.0, help="(c): share of batches mixed by CutMix")
    parser.add_argument("--mixup", type=float, default=0.0, help="(c): mix every batch by Mixup with this Beta alpha")
    parser.add_argument("--bn", action="store_true",
                        help="(c): re-introduce batch norm after each trained conv (folded back before saving)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--from-partial", action="store_true",
                        help="skip (a) and (b): start (c) from WORK/partial.pt and the log of the run that made it")
    parser.add_argument("--refit", action="store_true",
                        help="after a validation run: retrain on train + val, stopping each regime at that run's "
                             "best epoch (overwrites WORK's .pt files; the run's log is kept inside the new log)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    if args.refit:
        return refit(args)
    t_start = time.time()
    train, val = load_train(), load_eval("val")
    loss_fn, model = start(train[1])
    log = {**base_log(train[1], args.deep_from),
           "deep": {"epochs": args.deep_epochs, "lr": args.deep_lr, "lrDecay": args.lr_decay,
                    "patience": args.patience, "ema": args.ema, "cutmix": args.cutmix, "mixup": args.mixup,
                    "batchNorm": args.bn}}

    if args.from_partial:
        previous = read_json(WORK / "train_log.json")
        log["headOnly"], log["partial"] = previous["headOnly"], previous["partial"]
        model.load_state_dict(torch.load(WORK / "partial.pt"))
    else:
        print("regime (a): head only, backbone frozen", flush=True)
        log["headOnly"] = head_only(model, loss_fn, val, args.head_epochs)
        write_json(WORK / "train_log.json", log)
        # Progressive unfreezing: (b) starts from (a), (c) from (b).
        log["partial"] = regime(model, train, val, loss_fn, ("partial", PARTIAL_FROM, args.partial_epochs, 3e-4),
                                args.patience)
        write_json(WORK / "train_log.json", log)
        torch.save(torch.get_rng_state(), RNG_AFTER_PARTIAL)
    if args.from_partial:
        # (c) then draws the same batches as in the full run that wrote partial.pt.
        if RNG_AFTER_PARTIAL.exists():
            torch.set_rng_state(torch.load(RNG_AFTER_PARTIAL))
        else:
            print(f"{RNG_AFTER_PARTIAL} absent (partial.pt from an older run): (c) seeded with SEED + 3", flush=True)
            torch.manual_seed(SEED + 3)
    if args.bn:
        sample = torch.stack([augmented_batch([train[0][int(i)]])[0] for i in torch.randperm(len(train[1]))[:256]])
        print(f"regime (c): batch norm after {add_batch_norm(model, args.deep_from, sample)} convs", flush=True)
    log["fineTuned"] = regime(model, train, val, loss_fn,
                              ("fineTuned", args.deep_from, args.deep_epochs, args.deep_lr, args.lr_decay),
                              args.patience, args.ema, mixer(args.cutmix, args.mixup))
    fold_batch_norm(model)
    log["minutes"] = round((time.time() - t_start) / 60, 1)
    write_json(WORK / "train_log.json", log)
    print(f"training done in {log['minutes']} min")


def regime(model, train, val, loss_fn, spec, patience, ema=0.0, mix=(0.0, None), stop=None):
    """(b) or (c): features[start:] + head learn from freshly augmented photos every epoch."""
    key, start, epochs, lr, *decay = spec
    tag = "deep" if key == "fineTuned" else key
    print(f"regime {tag}: fine-tuning features[{start}:] + head, fresh augmentation per epoch", flush=True)
    val_fn = None if stop is not None else lambda m: (predict(m, val[0]), val[1])
    run = (photo_forward(model, start, train[0]), train[1], val_fn, loss_fn, True)
    return fit(model, [*backbone_groups(model, start, lr, *decay),
                       {"params": list(model.classifier.parameters()), "lr": 1e-3}],
               run, epochs, patience, tag, WORK / f"{key}.pt", ema, mix, stop)


def refit(args):
    """--refit: the validation run's recipe on train + validation photos (the test split stays unseen).
    Each regime keeps its schedule length and stops at the epoch the validation run kept as its best;
    no photo is left to validate on, so nothing is selected here. Decided before the refit was run: the
    refit ships whatever its test figure (the split's noise is about +-1.6 points)."""
    previous = read_json(WORK / "train_log.json")
    validation_run = previous.get("validationRun", previous)
    if "refit" in validation_run or "fineTuned" not in validation_run:
        raise SystemExit(f"{WORK / 'train_log.json'} is not the log of a complete validation run (run train.py first)")
    stops = {k: validation_run[k]["best"]["epoch"] for k in ("headOnly", "partial", "fineTuned")}
    for k in stops:  # the validation run's models stay beside the refit's, for the card's comparison
        if (WORK / f"{k}.pt").exists() and "validationRun" not in previous:
            shutil.copyfile(WORK / f"{k}.pt", WORK / f"{k}.validationRun.pt")
    deep = validation_run.get("deep", {})
    if deep.get("ema") or deep.get("batchNorm"):
        raise SystemExit("--refit repeats deep-from, learning rates, schedule and CutMix/Mixup; not --ema or --bn")
    epochs = {"headOnly": args.head_epochs, "partial": args.partial_epochs,
              "fineTuned": deep.get("epochs", args.deep_epochs)}
    lr, deep_from = deep.get("lr", args.deep_lr), validation_run.get("deepFrom", args.deep_from)
    train = load_train(("train", "val"))
    loss_fn, model = start(train[1])
    log = {**base_log(train[1], deep_from),
           "refit": {"splits": ["train", "val"], "photos": len(train[1]), "stops": stops, "scheduleEpochs": epochs},
           "validationRun": validation_run}
    t_start = time.time()
    print(f"refit on train + val ({len(train[1])} photos), stopping at the validation run's best epochs {stops}",
          flush=True)
    log["headOnly"] = head_only(model, loss_fn, None, epochs["headOnly"], stops["headOnly"], ("train", "val"))
    log["partial"] = regime(model, train, None, loss_fn, ("partial", PARTIAL_FROM, epochs["partial"], 3e-4), 0,
                            stop=stops["partial"])
    log["fineTuned"] = regime(model, train, None, loss_fn,
                              ("fineTuned", deep_from, epochs["fineTuned"], lr, deep.get("lrDecay", 1.0)), 0,
                              mix=mixer(deep.get("cutmix", 0.0), deep.get("mixup", 0.0)), stop=stops["fineTuned"])
    log["minutes"] = round((time.time() - t_start) / 60, 1)
    write_json(WORK / "train_log.json", log)
    print(f"refit done in {log['minutes']} min")


if __name__ == "__main__":
    main()
