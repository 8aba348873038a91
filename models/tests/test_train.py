"""Tests of the trainer's pure parts: CutMix, Mixup, the weight average and batch norm (no data needed).

Run: /usr/bin/python3 -m unittest discover -s models/tests"""
import importlib.util
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

MISSING = [m for m in ("torch", "torchvision", "sklearn", "PIL") if importlib.util.find_spec(m) is None]
if MISSING:
    print(f"SKIP trainer tests: python modules missing: {', '.join(MISSING)} (use /usr/bin/python3)")
else:
    import numpy as np
    import torch
    from torch import nn

    import train
    from mobilenetv2 import MobileNetV2


@unittest.skipIf(MISSING, "torch is absent")
class CutMixTest(unittest.TestCase):
    def test_kept_fraction_matches_the_pixels_left_in_place(self):
        rng = np.random.default_rng(1)
        x = torch.arange(4, dtype=torch.float32).reshape(4, 1, 1, 1).expand(4, 3, 32, 32).contiguous()
        for _ in range(20):
            mixed, perm, lam = train.cutmix(x, rng)
            for i in range(4):
                own = (mixed[i, 0] == x[i, 0]).float().mean().item()
                expected = 1.0 if int(perm[i]) == i else lam
                self.assertAlmostEqual(expected, own, places=6)

    def test_does_not_change_its_input(self):
        x = torch.rand(4, 3, 16, 16)
        before = x.clone()
        train.cutmix(x, np.random.default_rng(2))
        self.assertTrue(torch.equal(before, x))


@unittest.skipIf(MISSING, "torch is absent")
class MixupTest(unittest.TestCase):
    def test_each_photo_is_blended_with_its_partner_by_lam(self):
        rng = np.random.default_rng(4)
        x = torch.rand(5, 3, 8, 8)
        for _ in range(10):
            mixed, perm, lam = train.mixup(x, rng, 0.2)
            self.assertTrue(0.0 <= lam <= 1.0)
            self.assertTrue(torch.allclose(lam * x + (1 - lam) * x[perm], mixed))
        self.assertEqual(list(range(5)), sorted(int(i) for i in perm))

    def test_mixer_rejects_cutmix_and_mixup_together(self):
        with self.assertRaises(SystemExit):
            train.mixer(0.5, 0.2)
        self.assertEqual((0.0, None), train.mixer(0.0, 0.0))
        self.assertEqual(1.0, train.mixer(0.0, 0.2)[0])


@unittest.skipIf(MISSING, "torch is absent")
class WeightAverageTest(unittest.TestCase):
    def test_average_follows_trained_weights_and_skips_frozen_ones(self):
        model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
        model[0].weight.requires_grad = False
        avg = train.WeightAverage(model, decay=0.5)
        frozen_before = avg.model[0].weight.clone()
        with torch.no_grad():
            model[1].weight.fill_(1.0)
            model[0].weight.fill_(7.0)
        start = avg.model[1].weight.clone()
        avg.update(model)  # warm-up decay min(0.5, 2/11) = 2/11
        expected = start * (2 / 11) + 1.0 * (9 / 11)
        self.assertTrue(torch.allclose(expected, avg.model[1].weight))
        self.assertTrue(torch.equal(frozen_before, avg.model[0].weight))
        self.assertFalse(any(p.requires_grad for p in avg.model.parameters()))


@unittest.skipIf(MISSING, "torch is absent")
class BatchNormTest(unittest.TestCase):
    def test_added_batch_norm_starts_as_identity_and_folds_back_exactly(self):
        torch.manual_seed(3)
        model = MobileNetV2(num_classes=6).eval()
        x = torch.rand(4, 3, 64, 64) * 2 - 1
        before = model(x)
        added = train.add_batch_norm(model, 14, x)
        self.assertEqual(13, added)  # features[14:17] (blocks 13-16): 3 convs each, and the final 1x1 conv
        model.eval()
        self.assertTrue(torch.allclose(before, model(x), atol=1e-4))
        with torch.no_grad():  # as after training: BN no longer the identity
            for m in model.modules():
                if isinstance(m, nn.BatchNorm2d):
                    m.weight.mul_(1.5)
                    m.bias.add_(0.1)
        trained = model(x)
        train.fold_batch_norm(model)
        self.assertFalse(any(isinstance(m, nn.BatchNorm2d) for m in model.modules()))
        self.assertTrue(torch.allclose(trained, model(x), atol=1e-4))
        self.assertEqual(set(MobileNetV2(num_classes=6).state_dict()), set(model.state_dict()))


@unittest.skipIf(MISSING, "torch is absent")
class BackboneGroupsTest(unittest.TestCase):
    def test_decay_gives_each_block_its_rate_and_every_parameter_once(self):
        from torchvision.models import mobilenet_v2
        model = mobilenet_v2(weights=None)
        groups = train.backbone_groups(model, 2, 1e-3, 0.5)
        self.assertEqual(17, len(groups))  # features[2] .. features[18]
        self.assertAlmostEqual(1e-3, groups[-1]["lr"])
        self.assertAlmostEqual(1e-3 * 0.5 ** 16, groups[0]["lr"])
        ids = [id(p) for g in groups for p in g["params"]]
        self.assertEqual(sorted(id(p) for p in model.features[2:].parameters()), sorted(ids))

    def test_no_decay_is_one_group(self):
        from torchvision.models import mobilenet_v2
        model = mobilenet_v2(weights=None)
        (group,) = train.backbone_groups(model, 2, 1e-3)
        self.assertEqual(len(list(model.features[2:].parameters())), len(group["params"]))


@unittest.skipIf(MISSING, "torch is absent")
class RefitTest(unittest.TestCase):
    def test_stops_at_the_given_epoch_of_the_full_schedule(self):
        import tempfile
        torch.manual_seed(0)
        model = nn.Linear(3, 2)
        x, labels = torch.rand(64, 3), torch.randint(0, 2, (64,))
        groups = [{"params": list(model.parameters()), "lr": 1e-2}]
        run = (lambda idx: model(x[idx]), labels, None, nn.CrossEntropyLoss(), False)
        with tempfile.TemporaryDirectory() as d:
            checkpoint = Path(d) / "m.pt"
            out = train.fit(model, groups, run, 10, 0, "t", checkpoint, stop=3)
            saved = torch.load(checkpoint)
        self.assertEqual(3, len(out["history"]))
        self.assertEqual((3, 10), (out["stoppedAt"], out["scheduleEpochs"]))
        self.assertTrue(torch.equal(saved["weight"], model.weight))
        # The learning rate after 3 of 10 epochs (2 steps each) is the 10-epoch one-cycle's at step 6, not its end.
        probe = torch.optim.AdamW([nn.Parameter(torch.zeros(1))], lr=1e-2)
        ref = torch.optim.lr_scheduler.OneCycleLR(probe, [1e-2], pct_start=0.1, total_steps=20)
        for _ in range(6):
            probe.step()
            ref.step()
        self.assertAlmostEqual(ref.get_last_lr()[0], out["lastLr"], places=10)

    def test_keeps_the_validation_runs_models_and_refuses_a_refit_log(self):
        import json
        import tempfile
        from types import SimpleNamespace
        best = {"best": {"epoch": 2, "acc": 0.9, "macroF1": 0.9, "loss": 0.5}, "history": []}
        log = {"headOnly": best, "partial": best, "fineTuned": best, "deepFrom": 2}
        args = SimpleNamespace(head_epochs=150, partial_epochs=6, deep_epochs=35, deep_lr=2e-4, deep_from=2)
        saved_work, saved_load = train.WORK, train.load_train

        def stop_before_training(splits):
            raise RuntimeError(f"would train on {splits}")
        try:
            with tempfile.TemporaryDirectory() as d:
                train.WORK, train.load_train = Path(d), stop_before_training
                (Path(d) / "train_log.json").write_text(json.dumps(log))
                for k in ("headOnly", "partial", "fineTuned"):
                    (Path(d) / f"{k}.pt").write_bytes(k.encode())
                with self.assertRaisesRegex(RuntimeError, "'train', 'val'"):
                    train.refit(args)
                for k in ("headOnly", "partial", "fineTuned"):
                    self.assertEqual(k.encode(), (Path(d) / f"{k}.validationRun.pt").read_bytes())
                (Path(d) / "train_log.json").write_text(json.dumps({"refit": {}, "headOnly": best}))
                with self.assertRaises(SystemExit):
                    train.refit(args)
        finally:
            train.WORK, train.load_train = saved_work, saved_load


if __name__ == "__main__":
    unittest.main()
