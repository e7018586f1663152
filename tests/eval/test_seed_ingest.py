"""The seed article (../shared/seed) read through ingest: header structure and exact text.

Skips with a message when ../shared is absent. Nothing in src/ knows this article's words; this
checks that the general rules recover its page structure.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from copydesk.ingest.sources import read_inputs
from copydesk.model import Article

SHARED = Path(os.environ.get("COPYDESK_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")
SEED = SHARED / "seed" / "000_da322826d46cabef.txt"


@pytest.fixture(scope="module")
def seed() -> Article:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED} (the ../shared folder beside the repo)")
    (article,) = list(read_inputs([str(SEED)]))
    assert isinstance(article, Article), article
    return article


def roles(article: Article, role: str) -> list[str]:
    return [article.text[r.start : r.end] for r in article.regions if r.role == role]


def test_text_is_the_file(seed: Article) -> None:
    assert seed.text == SEED.read_bytes().decode("utf-8").replace("\r\n", "\n")


def test_section(seed: Article) -> None:
    assert seed.section == "Politics"


def test_headline_found(seed: Article) -> None:
    assert seed.headline
    assert roles(seed, "headline") == [seed.headline]
    assert seed.headline.startswith("Russia declines Ukraine summit")


def test_published_and_updated(seed: Article) -> None:
    assert seed.published == datetime(2022, 2, 21, 9, 14)
    assert seed.updated == datetime(2022, 2, 21, 12, 57)


def test_skip_link_is_furniture(seed: Article) -> None:
    assert "Skip to main content" in roles(seed, "furniture")


def test_dek_is_an_analysed_standfirst(seed: Article) -> None:
    (dek,) = roles(seed, "standfirst")
    assert dek.startswith("A spokesman for Russian President Vladimir Putin")
    assert any(r.role == "standfirst" for r in seed.paragraphs)


def test_every_body_paragraph_is_analysed(seed: Article) -> None:
    body = roles(seed, "body")
    assert len(body) >= 10
    assert not any(line.startswith(("Updated", "February 21")) for line in body)
