"""Tests of the calibrated release's pure parts: the card's generated blocks and the operating point's bootstrap.

Run: /usr/bin/python3 -m unittest discover -s models/tests"""
import importlib.util
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

MISSING = [m for m in ("torch", "sklearn", "matplotlib", "PIL", "onnx") if importlib.util.find_spec(m) is None]
if MISSING:
    print(f"SKIP calibrated-release tests: python modules missing: {', '.join(MISSING)} (use /usr/bin/python3)")
else:
    import numpy as np

    from calibrate_shipped import operating_interval
    from card_calibrated import put_section

CARD = "# Card\n\n## Results\n\ntext\n\n## Targets, and what was tried\n\nold\n"


@unittest.skipIf(MISSING, "python modules absent")
class PutSectionTest(unittest.TestCase):
    def test_first_run_inserts_the_block_before_the_heading(self):
        card = put_section(CARD, "calibration", "## Calibrated\n\nT = 0.59", "## Targets, and what was tried")
        self.assertIn("text\n\n<!-- begin:calibration -->\n## Calibrated\n\nT = 0.59\n<!-- end:calibration -->\n\n"
                      "## Targets, and what was tried\n", card)

    def test_next_run_replaces_the_block_and_keeps_the_rest(self):
        once = put_section(CARD, "calibration", "T = 0.59", "## Targets, and what was tried")
        twice = put_section(once, "calibration", "T = 0.61", "## Targets, and what was tried")
        self.assertEqual(once.replace("0.59", "0.61"), twice)
        self.assertEqual(1, twice.count("<!-- begin:calibration -->"))

    def test_two_blocks_before_one_heading_keep_their_order(self):
        card = put_section(CARD, "a", "A", "## Targets, and what was tried")
        card = put_section(card, "b", "B", "## Targets, and what was tried")
        self.assertLess(card.index("begin:a"), card.index("begin:b"))
        self.assertLess(card.index("begin:b"), card.index("## Targets"))

    def test_missing_heading_is_an_error(self):
        with self.assertRaises(ValueError):
            put_section(CARD, "x", "X", "## Nowhere")


@unittest.skipIf(MISSING, "python modules absent")
class OperatingIntervalTest(unittest.TestCase):
    def test_interval_holds_the_point_figures_and_is_seeded(self):
        rng = np.random.default_rng(1)
        labels = rng.integers(0, 6, 300)
        p = rng.dirichlet(np.ones(6) * 0.3, 300)
        p[np.arange(200), labels[:200]] += 2  # two thirds clearly right
        p /= p.sum(1, keepdims=True)
        accepted = p.max(1) >= 0.8
        purity = (p.argmax(1) == labels)[accepted].mean()
        a, b = operating_interval(p, labels, 0.8, 500), operating_interval(p, labels, 0.8, 500)
        self.assertEqual(a, b)
        self.assertLessEqual(a["purity"][0], purity)
        self.assertGreaterEqual(a["purity"][1], purity)
        self.assertLessEqual(a["coverage"][0], accepted.mean())
        self.assertGreaterEqual(a["coverage"][1], accepted.mean())
        self.assertLess(a["coverage"][1] - a["coverage"][0], 0.2)


if __name__ == "__main__":
    unittest.main()
