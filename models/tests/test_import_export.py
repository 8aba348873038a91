"""Tests of the TFLite importer and the ONNX exporter.

Run: /usr/bin/python3 -m unittest discover -s models/tests
Skips (with a printed message) when torch/onnx or the shared data (../shared/data) are absent."""
import importlib.util
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

MISSING = [m for m in ("torch", "onnx", "flatbuffers", "sklearn", "PIL")
           if importlib.util.find_spec(m) is None]
if MISSING:
    print(f"SKIP models tests: python modules missing: {', '.join(MISSING)} "
          "(use /usr/bin/python3 or run models/scripts/reproduce.sh)")
else:
    import numpy as np
    import onnx
    import torch

    import common
    import export_onnx
    import import_tflite
    from mobilenetv2 import MobileNetV2, replace_head
    from tflite_reader import TFLiteModel

HAVE_DATA = not MISSING and common.TFLITE.exists() and common.TRASHNET.exists()
if not MISSING and not HAVE_DATA:
    print(f"SKIP models importer tests: shared data not found under {common.SHARED}")


@unittest.skipUnless(HAVE_DATA, "torch or the shared data is absent")
class ImporterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(2)
        cls.tfl = TFLiteModel(common.TFLITE)
        cls.model = import_tflite.build_model(cls.tfl)

    def test_parses_the_flatbuffer(self):
        self.assertEqual((len(self.tfl.tensors), len(self.tfl.operators), len(self.tfl.buffers)), (174, 66, 177))
        ops = [o["op"] for o in self.tfl.operators]
        self.assertEqual((ops.count("CONV_2D"), ops.count("DEPTHWISE_CONV_2D"), ops.count("ADD")), (36, 17, 10))
        self.assertEqual(self.tfl.tensors[self.tfl.inputs[0]]["shape"], (1, 224, 224, 3))

    def test_dequantizes_scale_times_q_minus_zero_point(self):
        weights = self.tfl.operators[0]["inputs"][1]  # first conv, uint8 [32, 3, 3, 3]
        q, quant = self.tfl.raw(weights), self.tfl.tensors[weights]["quant"]
        self.assertEqual(q.dtype, np.uint8)
        expected = quant["scale"][0] * (float(q[5, 1, 2, 0]) - quant["zero_point"][0])
        self.assertAlmostEqual(float(self.tfl.dequantize(weights)[5, 1, 2, 0]), expected, places=6)

    def test_dequantizes_per_axis(self):
        fake = TFLiteModel.__new__(TFLiteModel)
        fake.buffers = [np.array([], np.uint8), np.array([1, 2, 3, 4], np.int8).view(np.uint8)]
        fake.tensors = [{"shape": (2, 2), "type": 9, "buffer": 1, "quant": {
            "scale": np.array([0.5, 2.0], np.float32), "zero_point": np.array([0, 1]), "axis": 0}}]
        np.testing.assert_allclose(fake.dequantize(0), [[0.5, 1.0], [4.0, 6.0]])

    def test_pytorch_matches_the_graph_reference_on_a_photo(self):
        row = import_tflite.fidelity(self.tfl, self.model, ["glass/glass1.jpg"])[0]
        self.assertEqual(row["referenceTop1"], row["torchTop1"])
        self.assertLess(row["maxAbsLogitDiff"], 1e-3)

    def test_symmetric_padding_would_be_caught(self):
        """Control: PyTorch-style padding=1 on stride-2 layers shifts the output measurably."""
        model = import_tflite.build_model(self.tfl)
        for m in model.modules():
            if isinstance(m, torch.nn.ZeroPad2d):
                m.padding = (1, 1, 1, 1)  # 226 -> 112 with k=3, s=2: same shape, shifted taps
        row = import_tflite.fidelity(self.tfl, model, ["glass/glass1.jpg"])[0]
        self.assertGreater(row["maxAbsLogitDiff"], 0.05)


@unittest.skipUnless(HAVE_DATA and common.TFLITE_FILES["tf2-ptq"].exists(), "torch or the shared data is absent")
class Tf2ImporterTest(unittest.TestCase):
    """The Keras/TF2 file: per-channel int8 weights, QUANTIZE at input and output, MEAN as the pool."""

    def test_pytorch_matches_the_graph_reference_on_a_photo(self):
        torch.set_num_threads(2)
        tfl = TFLiteModel(common.TFLITE_FILES["tf2-ptq"])
        ops = [o["op"] for o in tfl.operators]
        self.assertEqual((ops.count("MEAN"), ops.count("QUANTIZE")), (1, 2))
        first = tfl.tensors[tfl.operators[1]["inputs"][1]]
        self.assertEqual((first["type"], first["quant"]["scale"].size), (9, 32))  # int8, one scale per output
        row = import_tflite.fidelity(tfl, import_tflite.build_model(tfl), ["glass/glass1.jpg"])[0]
        self.assertEqual(row["referenceTop1"], row["torchTop1"])
        self.assertLess(row["maxAbsLogitDiff"], 1e-3)

    def test_input_scale_is_read_from_the_file(self):
        tfl = TFLiteModel(common.TFLITE_FILES["tf2-ptq"])
        x = import_tflite.tflite_input(tfl, "glass/glass1.jpg")
        pixels = common.station_crop(common.load_rgb("glass/glass1.jpg")).astype(np.float32)
        np.testing.assert_allclose(x, (pixels - 127) * 0.00784314, atol=1e-6)  # the file's uint8 zero point, scale


@unittest.skipUnless(not MISSING, "torch or onnx is absent")
class ExporterTest(unittest.TestCase):
    def test_onnx_graph_names_and_shapes(self):
        model = replace_head(MobileNetV2(), len(common.LABELS), dropout=0.2).eval()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.onnx"
            export_onnx.export(model, path)
            graph = onnx.load(str(path)).graph

        def dims(value):
            return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]

        self.assertEqual([i.name for i in graph.input], ["input"])
        self.assertEqual([o.name for o in graph.output], ["logits"])
        self.assertEqual(dims(graph.input[0]), ["batch", 3, 224, 224])
        self.assertEqual(dims(graph.output[0]), ["batch", 6])
        self.assertEqual(graph.input[0].type.tensor_type.elem_type, onnx.TensorProto.FLOAT)

    @unittest.skipUnless(HAVE_DATA, "shared data is absent")
    def test_metadata_follows_the_station_contract(self):
        meta = export_onnx.metadata({"testAccuracy": 0.9, "macroF1": 0.9})
        self.assertEqual((meta["inputName"], meta["outputName"], meta["output"]), ("input", "logits", "logits"))
        self.assertEqual(meta["labels"], ["cardboard", "glass", "metal", "paper", "plastic", "trash"])
        self.assertEqual(round(meta["inputHeight"] / meta["cropFraction"]), 256)
        self.assertTrue(meta["dataHash"].startswith("sha256:"))


if __name__ == "__main__":
    unittest.main()
