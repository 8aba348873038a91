"""Tests of what finetune_size.py stands on: the ONNX -> PyTorch weight loader and the augmentation at a size.

Run: /usr/bin/python3 -m unittest discover -s models/tests"""
import importlib.util
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

MISSING = [m for m in ("torch", "torchvision", "onnx", "sklearn", "PIL") if importlib.util.find_spec(m) is None]
if MISSING:
    print(f"SKIP size-variant tests: python modules missing: {', '.join(MISSING)} (use /usr/bin/python3)")
else:
    import onnx
    import torch

    import train
    from export_onnx import export
    from mobilenetv2 import MobileNetV2, onnx_state_dict, replace_head


def six_class(classes=6):
    return replace_head(MobileNetV2(), classes, dropout=0.2).eval()


@unittest.skipIf(MISSING, "torch or onnx is absent")
class OnnxStateDictTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(2)
        torch.manual_seed(3)
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = Path(cls.tmp.name) / "model.onnx"
        cls.source = six_class()
        export(cls.source, cls.path, size=32)  # small input: the weights do not depend on it

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_exported_weights_load_back_exactly(self):
        model = six_class()
        model.load_state_dict(onnx_state_dict(self.path, model))

        for key, value in self.source.state_dict().items():
            self.assertTrue(torch.equal(value, model.state_dict()[key]), key)
        x = torch.rand(1, 3, 64, 64)
        with torch.no_grad():
            self.assertTrue(torch.equal(self.source(x), model(x)))

    def test_another_head_is_refused_naming_the_shapes(self):
        with self.assertRaisesRegex(ValueError, r"classifier\.weight is \[6, 1280\] in the file, \[5, 1280\] in the model"):
            onnx_state_dict(self.path, six_class(5))

    def test_a_missing_initializer_is_refused_naming_it(self):
        graph = onnx.load(str(self.path))
        kept = [i for i in graph.graph.initializer if i.name != "features.3.body.1.0.weight"]
        del graph.graph.initializer[:]
        graph.graph.initializer.extend(kept)
        cut = Path(self.tmp.name) / "cut.onnx"
        onnx.save(graph, str(cut))

        with self.assertRaisesRegex(ValueError, r"features\.3\.body\.1\.0\.weight missing"):
            onnx_state_dict(cut, six_class())


@unittest.skipIf(MISSING, "torch is absent")
class AugmentTest(unittest.TestCase):
    def test_batches_are_cropped_to_the_given_size_and_224_by_default(self):
        img = torch.randint(0, 256, (3, 256, 341), dtype=torch.uint8)

        self.assertEqual(tuple(train.augmented_batch([img, img]).shape), (2, 3, 224, 224))
        for size in (160, 192):
            batch = train.augmented_batch([img, img], train.augment(size))
            self.assertEqual(tuple(batch.shape), (2, 3, size, size))
            self.assertTrue(batch.min() >= -1 and batch.max() <= 1)
