"""Tests of the evaluator's JSON rounding (no data needed).

Run: /usr/bin/python3 -m unittest discover -s models/tests"""
import importlib.util
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

MISSING = [m for m in ("torch", "sklearn", "matplotlib", "PIL") if importlib.util.find_spec(m) is None]
if MISSING:
    print(f"SKIP evaluator tests: python modules missing: {', '.join(MISSING)} (use /usr/bin/python3)")
else:
    import numpy as np

    from evaluate import as_float


@unittest.skipIf(MISSING, "torch is absent")
class AsFloatTest(unittest.TestCase):
    def test_figures_keep_four_decimals(self):
        self.assertEqual(as_float({"acc": np.float64(0.919504), "n": 323}), {"acc": 0.9195, "n": 323})

    def test_tiny_logit_differences_keep_three_significant_digits(self):
        # The fidelity and ONNX Runtime checks report differences of ~1e-5: rounding them to 4 decimals
        # printed 0.00e+00 on the model card.
        self.assertEqual(as_float([1.812345e-05, 7.68899917602539e-06]), [1.81e-05, 7.69e-06])

    def test_zero_stays_zero(self):
        self.assertEqual(as_float(0.0), 0.0)


if __name__ == "__main__":
    unittest.main()
