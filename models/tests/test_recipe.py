"""Tests of the 2.0 recipe's pure parts: segmentation, composites, view bank, teacher conversion, distillation
loss and calibration (no shared data needed).

Run: /usr/bin/python3 -m unittest discover -s models/tests"""
import importlib.util
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

MISSING = [m for m in ("torch", "torchvision", "onnx", "sklearn", "PIL", "cv2")
           if importlib.util.find_spec(m) is None]
if MISSING:
    print(f"SKIP recipe tests: python modules missing: {', '.join(MISSING)} (use /usr/bin/python3)")
else:
    import numpy as np
    import onnx
    import torch
    import torch.nn.functional as F
    from onnx import TensorProto, helper, numpy_helper

    import calibrate
    import composite
    import resnet18_onnx
    import segment
    import views
    from train_student import allowed_views, kd_loss


@unittest.skipIf(MISSING, "python modules are missing")
class SegmentTest(unittest.TestCase):
    def board_with_object(self):
        rgb = np.full((256, 341, 3), 215, np.uint8)
        rgb[:, :, 2] = 222  # a slightly bluish board with a light gradient
        rgb = np.clip(rgb.astype(np.int16) + np.linspace(-12, 12, 341)[None, :, None], 0, 255).astype(np.uint8)
        rgb[90:170, 120:220] = (40, 110, 60)  # a green bottle-ish block
        return rgb

    def test_cuts_a_dark_object_out_of_a_light_board(self):
        mask, board = segment.object_mask(self.board_with_object())
        truth = np.zeros((256, 341), bool)
        truth[90:170, 120:220] = True
        iou = (truth & (mask > 0)).sum() / (truth | (mask > 0)).sum()
        self.assertGreater(iou, 0.9)
        self.assertTrue(segment.describe(mask, board)["usable"])

    def test_a_brown_frame_filling_board_is_not_usable(self):
        mask = np.zeros((256, 341), np.uint8)
        mask[100:160, 100:200] = 255  # e.g. a label on a box that fills the frame
        info = segment.describe(mask, np.array([170.0, 140.0, 160.0]))  # brown, chroma ~34
        self.assertFalse(info["usable"])
        self.assertTrue(segment.describe(mask, np.array([215.0, 128.0, 131.0]))["usable"])

    def test_frame_filling_photos_get_a_sheet_piece(self):
        box = {"usable": False, "share": 0.2, "border": 0.3, "boardL": 170.0, "boardChroma": 30.0}
        tiny = {"usable": False, "share": 0.001, "border": 0.0, "boardL": 220.0, "boardChroma": 2.0}
        self.assertTrue(segment.fills_frame(box))
        self.assertFalse(segment.fills_frame(tiny))
        rgb, mask = np.zeros((256, 341, 3), np.uint8), np.zeros((256, 341), np.uint8)
        sheet = views.composite_mask(rgb, mask, box, np.random.default_rng(0))
        self.assertTrue(0.15 < (sheet > 0).mean() < 0.75)
        self.assertIsNone(views.composite_mask(rgb, mask, tiny, np.random.default_rng(0)))

    def test_whole_frame_masks_are_not_usable(self):
        self.assertFalse(segment.describe(np.full((256, 341), 255, np.uint8), np.array([215.0, 128, 128]))["usable"])


@unittest.skipIf(MISSING, "python modules are missing")
class CompositeTest(unittest.TestCase):
    def test_train_and_stress_families_are_disjoint(self):
        self.assertFalse(set(composite.TRAIN_FAMILIES) & set(composite.STRESS_FAMILIES))

    def test_same_seed_same_composite(self):
        rgb = np.full((256, 341, 3), 200, np.uint8)
        rgb[100:150, 100:200] = (200, 30, 30)
        mask = np.zeros((256, 341), np.uint8)
        mask[100:150, 100:200] = 255

        def make(seed):
            rng = np.random.default_rng(seed)
            return composite.photometric(composite.composite(rgb, mask, composite.background("belt", rng), rng), rng)
        a, b, c = make(1), make(1), make(2)
        self.assertEqual(a.shape, (256, 341, 3))
        self.assertEqual(a.dtype, np.uint8)
        self.assertTrue(np.array_equal(a, b))
        self.assertFalse(np.array_equal(a, c))

    def test_object_replaces_the_background(self):
        rgb = np.zeros((256, 341, 3), np.uint8)
        rgb[100:160, 100:200] = (250, 0, 0)
        mask = np.zeros((256, 341), np.uint8)
        mask[100:160, 100:200] = 255
        bg = np.zeros((256, 341, 3), np.float32)
        bg[..., 1] = 200.0  # green
        out = composite.composite(rgb, mask, bg, np.random.default_rng(0))
        red = (out[..., 0] > 200) & (out[..., 1] < 30)
        self.assertGreater(red.sum(), 0.5 * 60 * 100 * 0.55 ** 2)  # at least most of the smallest scaled object
        self.assertGreater((out[..., 1] > 100).mean(), 0.5)  # the rest is background

    def test_every_background_family_renders(self):
        rng = np.random.default_rng(0)
        for name in list(composite.TRAIN_FAMILIES) + list(composite.STRESS_FAMILIES):
            bg = composite.background(name, rng)
            self.assertEqual(bg.shape, (256, 341, 3), name)
            self.assertTrue(np.isfinite(bg).all() and bg.min() >= 0 and bg.max() <= 255, name)


@unittest.skipIf(MISSING, "python modules are missing")
class BankTest(unittest.TestCase):
    def test_concatenated_banks_index_across_parts(self):
        a = np.arange(4 * 224 * 224 * 3, dtype=np.uint64).astype(np.uint8).reshape(4, 224, 224, 3)
        b = (a[:3] // 2).copy()
        bank = views.Bank([a, b])
        self.assertEqual(len(bank), 7)
        got = bank[np.array([1, 4, 6])]
        self.assertTrue(np.array_equal(got[0], a[1]) and np.array_equal(got[1], b[0]) and np.array_equal(got[2], b[2]))
        self.assertTrue(np.array_equal(bank[5:7], b[1:3]))

    def test_plain_views_only_when_composites_are_off(self):
        meta = {"k": 3, "labels": [0, 1], "composite": [True, False, True, True, True, True]}
        self.assertEqual([list(v) for v in allowed_views(meta, composites=False)], [[1], [3, 4, 5]])  # 2nd: fallback
        self.assertEqual([list(v) for v in allowed_views(meta, composites=True)], [[0, 1, 2], [3, 4, 5]])

    def test_view_is_224_rgb(self):
        rgb = np.random.default_rng(0).integers(0, 255, (256, 341, 3), dtype=np.uint8)
        mask = np.zeros((256, 341), np.uint8)
        mask[80:180, 120:220] = 255
        for usable in (True, False):
            info = {"usable": usable, "share": 0.15, "border": 0.0, "boardL": 210.0, "boardChroma": 3.0}
            v, is_comp = views.view(rgb, mask, info, np.random.default_rng(3))
            self.assertEqual((v.shape, v.dtype), ((224, 224, 3), np.uint8))
            if not usable:
                self.assertFalse(is_comp)


def _tiny_onnx():
    """Conv 7x7/2 with CNTK-style asymmetric pads -> BN -> ReLU -> MaxPool 3x3/2 (pads top/left only) ->
    Conv 3x3 -> Add (residual) -> ReLU -> AveragePool over the whole map."""
    rng = np.random.default_rng(0)
    w1 = rng.normal(0, 0.1, (4, 3, 7, 7)).astype(np.float32)
    w2 = rng.normal(0, 0.1, (4, 4, 3, 3)).astype(np.float32)
    scale, bias = rng.uniform(0.5, 1.5, 4).astype(np.float32), rng.normal(0, 0.1, 4).astype(np.float32)
    mean, var = rng.normal(0, 0.1, 4).astype(np.float32), rng.uniform(0.5, 2, 4).astype(np.float32)
    inits = [numpy_helper.from_array(v, n) for v, n in
             ((w1, "w1"), (w2, "w2"), (scale, "s"), (bias, "b"), (mean, "m"), (var, "v"))]
    nodes = [
        helper.make_node("Conv", ["x", "w1"], ["c1"], kernel_shape=[7, 7], strides=[2, 2], pads=[3, 3, 2, 2]),
        helper.make_node("BatchNormalization", ["c1", "s", "b", "m", "v"], ["n1"], epsilon=1e-5),
        helper.make_node("Relu", ["n1"], ["r1"]),
        helper.make_node("MaxPool", ["r1"], ["p1"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 0, 0]),
        helper.make_node("Conv", ["p1", "w2"], ["c2"], kernel_shape=[3, 3], strides=[1, 1], pads=[1, 1, 1, 1]),
        helper.make_node("Add", ["c2", "p1"], ["a"]),
        helper.make_node("Relu", ["a"], ["r2"]),
        helper.make_node("AveragePool", ["r2"], ["y"], kernel_shape=[8, 8], strides=[1, 1]),
    ]
    graph = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 32, 32])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4, 1, 1])], inits)
    return helper.make_model(graph), (w1, w2, scale, bias, mean, var)


@unittest.skipIf(MISSING, "python modules are missing")
class OnnxGraphTest(unittest.TestCase):
    def test_walks_the_graph_like_the_reference_ops(self):
        model, (w1, w2, scale, bias, mean, var) = _tiny_onnx()
        onnx.checker.check_model(model)
        net = resnet18_onnx.OnnxGraph(model).eval()
        x = torch.randn(2, 3, 32, 32)
        t = torch.from_numpy
        h = F.conv2d(F.pad(x, (3, 2, 3, 2)), t(w1), stride=2)  # top 3, left 3, bottom 2, right 2
        h = F.relu((h - t(mean)[:, None, None]) / torch.sqrt(t(var)[:, None, None] + 1e-5) * t(scale)[:, None, None]
                   + t(bias)[:, None, None])
        p = F.max_pool2d(F.pad(h, (1, 0, 1, 0), value=-float("inf")), 3, 2)
        ref = F.relu(F.conv2d(p, t(w2), padding=1) + p).mean(dim=(2, 3), keepdim=True)
        with torch.no_grad():
            got = net(x)
        self.assertEqual(tuple(got.shape), (2, 4, 1, 1))
        self.assertTrue(torch.allclose(got, ref, atol=1e-5))

    def test_other_padding_split_would_be_caught(self):
        """Control: splitting the first conv's padding as TensorFlow's SAME would (2 before, 3 after, instead of the
        file's 3 before, 2 after) shifts every tap by a pixel and changes the output measurably."""
        model, _ = _tiny_onnx()
        net = resnet18_onnx.OnnxGraph(model).eval()
        x = torch.randn(1, 3, 32, 32)
        with torch.no_grad():
            right = net(x)
            net.steps[0][4]["pad"] = (2, 3, 2, 3)  # same output size (16 x 16), shifted taps
            shifted = net(x)
        self.assertGreater(float((right - shifted).abs().max()), 1e-3)

    def test_teacher_reverses_channels_and_subtracts_the_mean_image(self):
        model, _ = _tiny_onnx()
        mean = np.zeros((1, 3, 4, 4), np.float32)
        mean[0, 0] = 10.0  # B
        teacher = resnet18_onnx.Teacher(resnet18_onnx.OnnxGraph(model), mean, 6)
        x = torch.zeros(1, 3, 4, 4)
        x[0, 0] = 1.0  # R = 255 after the station's normalisation is undone
        got = teacher.prepare(x)
        self.assertTrue(torch.allclose(got[0, 2], torch.full((4, 4), 255.0)))  # R went to the last channel
        self.assertTrue(torch.allclose(got[0, 0], torch.full((4, 4), 127.5 - 10.0)))  # B = 127.5 minus its mean

    def test_freeze_stops_gradients_before_the_given_stage(self):
        model, _ = _tiny_onnx()
        net = resnet18_onnx.OnnxGraph(model)
        frozen = net.freeze(4)  # the first conv has 4 outputs: nothing before it is frozen
        self.assertEqual((net.frozen, frozen), (0, []))


@unittest.skipIf(MISSING, "python modules are missing")
class DistillationTest(unittest.TestCase):
    def test_zero_for_identical_logits_and_positive_otherwise(self):
        s = torch.tensor([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0]])
        self.assertAlmostEqual(float(kd_loss(s, s.clone(), 3.0)), 0.0, places=6)
        self.assertGreater(float(kd_loss(s, s.flip(1), 3.0)), 0.0)

    def test_scaled_by_temperature_squared(self):
        s, t = torch.tensor([[1.0, 0.0]]), torch.tensor([[0.0, 1.0]])
        p = torch.softmax(t / 2, 1)
        kl = float((p * (torch.log(p) - torch.log_softmax(s / 2, 1))).sum())
        self.assertAlmostEqual(float(kd_loss(s, t, 2.0)), 4 * kl, places=5)


@unittest.skipIf(MISSING, "python modules are missing")
class CalibrationTest(unittest.TestCase):
    def test_fit_recovers_the_temperature_of_the_data(self):
        rng = np.random.default_rng(0)
        logits = rng.normal(0, 3, (4000, 6))
        p = calibrate.softmax(logits, 2.0)
        labels = np.array([rng.choice(6, p=row) for row in p])
        self.assertAlmostEqual(calibrate.fit_temperature(logits, labels), 2.0, delta=0.15)

    def test_ece_of_a_calibrated_and_an_overconfident_model(self):
        labels = np.array([0] * 8 + [1] * 2)
        calibrated = np.tile([0.8, 0.2], (10, 1))  # 80 % confident, 80 % right
        self.assertAlmostEqual(calibrate.ece(calibrated, labels), 0.0, places=9)
        overconfident = np.tile([0.99, 0.01], (10, 1))
        self.assertAlmostEqual(calibrate.ece(overconfident, labels), 0.19, places=9)

    def test_risk_coverage_and_operating_point(self):
        labels = np.array([0, 0, 0, 1])
        probs = np.array([[0.9, 0.1], [0.7, 0.3], [0.4, 0.6], [0.2, 0.8]])  # third is wrong at 0.6
        rows = {r["threshold"]: r for r in calibrate.risk_coverage(probs, labels)}
        self.assertEqual((rows[0.5]["accepted"], rows[0.5]["wrongAccepted"]), (4, 1))
        self.assertAlmostEqual(rows[0.5]["purity"], 0.75)
        self.assertEqual((rows[0.65]["accepted"], rows[0.65]["purity"], rows[0.65]["coverage"]), (3, 1.0, 0.75))
        self.assertEqual(calibrate.operating_point(list(rows.values()))["threshold"], 0.65)
        self.assertIsNone(calibrate.operating_point(list(rows.values()), target=1.01))


if __name__ == "__main__":
    unittest.main()
