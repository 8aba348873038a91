"""Step 3: train the 6-class TrashNet model: the two regimes of the published study, then deeper.

(a) head-only: the whole imported ImageNet backbone frozen, only dropout + Linear(1280, 6) learn;
(b) partial fine-tuning: features[PARTIAL_FROM:] (inverted-residual blocks 13-16 and the final
    1x1 conv to 1280, about the last 40 layers in Keras counting) plus the head, at a lower LR;
(c) deep fine-tuning: features[DEEP_FROM:] plus the head - the shipped model, because (b) alone
    stays far below the issue's target (see the model card).
All see fresh random augmentation every epoch; frozen layers run under no_grad. Class-weighted,
label-smoothed cross-entropy for the small `trash` class; early stopping on validation macro F1.

Writes models/.work/{headOnly,partial,fineTuned}.pt (6-class state dicts) and train_log.json."""
import argparse
import copy
import math
import time

import numpy as np
import torch
from sklearn.metrics import f1_score
from torch import nn
from torchvision import transforms as T
from torchvision.transforms import functional as TF

from common import LABELS, MEAN, SEED, STD, WORK, load_rgb, read_split, station_tensor, write_json
from mobilenetv2 import load_backbone, replace_head

HEAD_ONLY = 19  # len(model.features): no backbone layer trains
PARTIAL_FROM = 14  # features[14] = block 13 (14x14 -> 7x7): blocks 13-16 + final conv, ~40 Keras layers
DEEP_FROM = 2  # features[2] = block 1: everything but the stem conv and block 0 (the 112x112 layers)
BATCH = 32


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


AUGMENT = T.Compose([
    RandomRotate(15),
    T.RandomResizedCrop(224, scale=(0.5, 1.0), antialias=True),
    T.RandomHorizontalFlip(),
    T.RandomVerticalFlip(),
    T.ColorJitter(brightness=0.3, contrast=0.3, saturation=0.3, hue=0.03),
])


def load_train():
    """Decode the training photos once, kept as uint8 CHW tensors."""
    items = read_split("train")
    t0 = time.time()
    images = [torch.from_numpy(load_rgb(p).transpose(2, 0, 1).copy()) for p, _ in items]
    print(f"decoded {len(images)} training photos in {time.time() - t0:.0f}s", flush=True)
    return images, torch.tensor([y for _, y in items])


def load_eval(name):
    """Station-preprocessed (centre crop) float tensors of a split."""
    items = read_split(name)
    return torch.from_numpy(np.stack([station_tensor(p) for p, _ in items])), \
        torch.tensor([y for _, y in items])


def augmented_batch(images):
    batch = torch.stack([AUGMENT(img) for img in images]).float()
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


def validate(model, val, loss_fn):
    logits = predict(model, val[0])
    pred = logits.argmax(1).numpy()
    return {"loss": float(loss_fn(logits, val[1])), "acc": float((pred == val[1].numpy()).mean()),
            "macroF1": float(f1_score(val[1].numpy(), pred, average="macro"))}


def train_epoch(model, start, train, loss_fn, opt, sched):
    """One pass over the shuffled training photos with fresh augmentation; the layers before
    `start` run without autograd since they do not learn."""
    images, labels = train
    frozen, tail = model.features[:start], model.features[start:]
    order = torch.randperm(len(images))
    total, t0 = 0.0, time.time()
    model.train()
    for b, i in enumerate(range(0, len(order), BATCH)):
        idx = order[i:i + BATCH]
        x = augmented_batch([images[j] for j in idx])
        with torch.no_grad():
            h = frozen(x)
        loss = loss_fn(model.classifier(model.dropout(model.pool(tail(h)))), labels[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        total += float(loss) * len(idx)
        if b % 10 == 0:
            print(f"    batch {b + 1}/{math.ceil(len(order) / BATCH)} loss {float(loss):.3f} "
                  f"({time.time() - t0:.0f}s)", flush=True)
    return total / len(order)


def fit(model, start, groups, epochs, patience, train, val, loss_fn, tag):
    """AdamW with cosine decay; keeps the weights of the best validation macro F1
    (ties: lower validation loss) and stops after `patience` epochs without improvement."""
    for p in model.parameters():
        p.requires_grad = False
    for g in groups:
        for p in g["params"]:
            p.requires_grad = True
    steps = epochs * math.ceil(len(train[0]) / BATCH)
    opt = torch.optim.AdamW(groups, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, [g["lr"] for g in groups], total_steps=steps,
                                                pct_start=0.1, anneal_strategy="cos")
    best, best_state, history, stale = None, None, [], 0
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        train_loss = train_epoch(model, start, train, loss_fn, opt, sched)
        v = validate(model, val, loss_fn)
        history.append({"epoch": epoch, "trainLoss": train_loss, **{f"val_{k}": x for k, x in v.items()},
                        "seconds": round(time.time() - t0, 1)})
        print(f"[{tag}] epoch {epoch}/{epochs} train loss {train_loss:.3f} val loss {v['loss']:.3f} "
              f"acc {v['acc']:.4f} macro F1 {v['macroF1']:.4f} ({time.time() - t0:.0f}s)", flush=True)
        if best is None or (v["macroF1"], -v["loss"]) > (best["macroF1"], -best["loss"]):
            best, best_state, stale = {"epoch": epoch, **v}, copy.deepcopy(model.state_dict()), 0
        else:
            stale += 1
            if stale >= patience:
                print(f"[{tag}] early stop: no improvement for {patience} epochs", flush=True)
                break
    model.load_state_dict(best_state)
    print(f"[{tag}] best epoch {best['epoch']}: val acc {best['acc']:.4f} macro F1 {best['macroF1']:.4f}")
    return {"best": best, "history": history}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--head-epochs", type=int, default=12)
    parser.add_argument("--partial-epochs", type=int, default=8)
    parser.add_argument("--deep-epochs", type=int, default=12)
    args = parser.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    t_start = time.time()
    train, val = load_train(), load_eval("val")
    loss_fn = nn.CrossEntropyLoss(weight=class_weights(train[1]), label_smoothing=0.1)
    model = replace_head(load_backbone(WORK / "mobilenetv2_imagenet.pt"), len(LABELS), dropout=0.2)
    model = model.to(memory_format=torch.channels_last)
    log = {"seed": SEED, "batch": BATCH, "partialFrom": PARTIAL_FROM, "deepFrom": DEEP_FROM,
           "classWeights": class_weights(train[1]).tolist()}

    print("regime (a): head only, backbone frozen", flush=True)
    log["headOnly"] = fit(model, HEAD_ONLY, [{"params": list(model.classifier.parameters()), "lr": 3e-3}],
                          args.head_epochs, 4, train, val, loss_fn, "head")
    head_state = copy.deepcopy(model.state_dict())
    torch.save(head_state, WORK / "headOnly.pt")

    # (b) and (c) both start from the head-only weights, so each is compared with (a) alone.
    for key, start, epochs, lr, tag in (("partial", PARTIAL_FROM, args.partial_epochs, 1e-4, "partial"),
                                        ("fineTuned", DEEP_FROM, args.deep_epochs, 2e-4, "deep")):
        print(f"regime {tag}: fine-tuning features[{start}:] + head", flush=True)
        model.load_state_dict(head_state)
        log[key] = fit(model, start, [{"params": list(model.features[start:].parameters()), "lr": lr},
                                      {"params": list(model.classifier.parameters()), "lr": 1e-3}],
                       epochs, 4, train, val, loss_fn, tag)
        torch.save(model.state_dict(), WORK / f"{key}.pt")
    log["minutes"] = round((time.time() - t_start) / 60, 1)
    write_json(WORK / "train_log.json", log)
    print(f"training done in {log['minutes']} min")


if __name__ == "__main__":
    main()
