"""Evaluation gates on ../shared data. Skipped, with the reason, when ../shared is absent."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

#: ../shared beside the repository, or wherever $COPYDESK_SHARED points.
SHARED = Path(os.environ.get("COPYDESK_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(
            f"evaluation data not found at {SHARED} (the ../shared folder beside the repository,"
            " or set COPYDESK_SHARED)"
        )
    return SHARED


@pytest.fixture(scope="session")
def load_bench():
    """``load_bench("planted")``: ``bench/planted.py`` as a module (bench/ is no package)."""

    def load(name: str):
        path = Path(__file__).resolve().parents[2] / "bench" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses in the module look themselves up there
        spec.loader.exec_module(module)
        return module

    return load
