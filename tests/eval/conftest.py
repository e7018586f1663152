"""Evaluation gates on ../shared data. Skipped, with the reason, when ../shared is absent."""

from __future__ import annotations

import os
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
