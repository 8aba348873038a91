"""Tests of the MAC counter and the input-size rewrite (bench --only sizes), on a small graph built here.

Run: /usr/bin/python3 -m unittest discover -s models/tests"""
import importlib.util
import json
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

MISSING = [m for m in ("onnx", "numpy") if importlib.util.find_spec(m) is None]
if MISSING:
    print(f"SKIP onnx size tests: python modules missing: {', '.join(MISSING)} (use /usr/bin/python3)")
else:
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    from onnx_macs import count
    from resize_input import resize


def tiny_model(size):
    """input [N,3,S,S] -> Pad (pads from a Constant/Concat chain, as the exporter writes ZeroPad2d) -> 3x3 conv
    stride 2, 8 out -> depthwise 3x3 pad 1 -> 1x1 conv 16 -> mean over H,W -> Gemm 16->4."""
    w = lambda *s: numpy_helper.from_array(np.ones(s, dtype=np.float32), f"w{len(s)}_{'x'.join(map(str, s))}")
    inits = [w(8, 3, 3, 3), w(8, 1, 3, 3), w(16, 8, 1, 1), w(4, 16)]
    nodes = [
        helper.make_node("Constant", [], ["p0"], value=numpy_helper.from_array(np.array([0, 0, 0, 0], dtype=np.int64))),
        helper.make_node("Constant", [], ["p1"], value=numpy_helper.from_array(np.array([0, 0, 1, 1], dtype=np.int64))),
        helper.make_node("Concat", ["p0", "p1"], ["pads"], axis=0),
        helper.make_node("Pad", ["input", "pads"], ["padded"]),
        helper.make_node("Conv", ["padded", inits[0].name], ["c1"], strides=[2, 2]),
        helper.make_node("Conv", ["c1", inits[1].name], ["c2"], group=8, pads=[1, 1, 1, 1]),
        helper.make_node("Conv", ["c2", inits[2].name], ["c3"]),
        helper.make_node("ReduceMean", ["c3"], ["pooled"], axes=[2, 3], keepdims=0),
        helper.make_node("Gemm", ["pooled", inits[3].name], ["logits"], transB=1),
    ]
    graph = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 3, size, size])],
                              [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 4])], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


def expected_macs(size):
    out = size // 2  # (S + 1 - 3) // 2 + 1 for even S
    return 8 * out * out * 3 * 9 + 8 * out * out * 9 + 16 * out * out * 8 + 16 * 4


@unittest.skipIf(MISSING, "onnx is absent")
class CountTest(unittest.TestCase):
    def test_conv_depthwise_and_gemm_counted_through_a_computed_pad(self):
        total, by_kind, shape = count(tiny_model(32))

        self.assertEqual(total, expected_macs(32))
        self.assertEqual(by_kind["depthwise"], 8 * 16 * 16 * 9)
        self.assertEqual(by_kind["gemm"], 64)
        self.assertEqual(shape, [1, 3, 32, 32])


@unittest.skipIf(MISSING, "onnx is absent")
class ResizeTest(unittest.TestCase):
    def test_folder_at_another_size_counts_for_that_size_and_drops_the_sources_metrics(self):
        with tempfile.TemporaryDirectory() as tmp:
            src, dst = Path(tmp) / "src", Path(tmp) / "dst"
            src.mkdir()
            onnx.save(tiny_model(32), src / "model.onnx")
            (src / "labels.txt").write_text("a\nb\nc\nd\n")
            (src / "metadata.json").write_text(json.dumps({"name": "tiny", "version": "1.0.0", "inputWidth": 32, "inputHeight": 32, "metrics": {"testAccuracy": 0.9}}))

            resize(src, dst, 24)

            self.assertEqual(count(onnx.load(dst / "model.onnx"))[0], expected_macs(24))
            metadata = json.loads((dst / "metadata.json").read_text())
            self.assertEqual((metadata["inputWidth"], metadata["inputHeight"]), (24, 24))
            self.assertNotIn("metrics", metadata)
            self.assertFalse(metadata["fineTunedAtInputSize"])
            self.assertEqual((dst / "labels.txt").read_text(), "a\nb\nc\nd\n")


if __name__ == "__main__":
    unittest.main()
