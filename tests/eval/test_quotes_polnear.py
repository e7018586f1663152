"""Quote and speaker floors on PolNeAR dev (research-only data, read from ../shared; never shipped).

Floors sit a little below the figures measured with ``bench/quotes_polnear.py`` (see
docs/BENCHMARKS.md, "Quotes (PolNeAR)"); never lower them silently.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quotes_polnear.py"

FLOORS = {
    "direct_precision": 0.95,
    "direct_recall": 0.93,
    "speaker_right": 0.84,
    "quote_speaker_recall": 0.79,
    "indirect_recall": 0.51,
}


@pytest.fixture(scope="module")
def scores(shared_dir):
    split = shared_dir / "bench" / "quotes" / "polnear" / "dev"
    if not split.is_dir():
        pytest.skip(f"PolNeAR dev split not found at {split}")
    spec = importlib.util.spec_from_file_location("quotes_polnear", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the module look themselves up there
    spec.loader.exec_module(module)
    measured, _ = module.evaluate(split)
    return measured


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], f"{metric} {scores[metric]:.3f} < floor {FLOORS[metric]}"
