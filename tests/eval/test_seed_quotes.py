"""The seed article's sixteen direct quotes, each with a named speaker (skips without ../shared)."""

from __future__ import annotations

import pytest

from copydesk.ingest.text import parse_text


@pytest.fixture(scope="module")
def seed_quotes(shared_dir, analyser):
    path = shared_dir / "seed" / "000_da322826d46cabef.txt"
    if not path.exists():
        pytest.skip(f"seed article not found at {path}")
    analysed = analyser.analyse(parse_text(path.read_text(encoding="utf-8"), source=str(path)))
    return analysed, [q for q in analysed.quotes if q.kind == "direct"]


def test_sixteen_direct_quotes(seed_quotes):
    _, quotes = seed_quotes
    assert len(quotes) == 16


def test_every_direct_quote_has_a_named_speaker(seed_quotes):
    _, quotes = seed_quotes
    pronouns = {"he", "she", "they", "it", "him", "her"}
    names = [q.speaker.name if q.speaker else None for q in quotes]
    assert all(name and name.lower() not in pronouns for name in names), names


def test_pronoun_speakers_resolve_to_people(seed_quotes):
    analysed, quotes = seed_quotes
    text = analysed.text
    resolved = [q for q in quotes if q.speaker and text[q.speaker.start : q.speaker.end] in ("he", "she")]
    assert len(resolved) >= 6
    assert all(len(q.speaker.name.split()) >= 2 for q in resolved)


def test_unclosed_quote_is_recovered(seed_quotes):
    _, quotes = seed_quotes
    unclosed = [q for q in quotes if not q.closed]
    assert len(unclosed) == 1 and unclosed[0].speaker is not None


def test_offsets(seed_quotes):
    analysed, _ = seed_quotes
    for quote in analysed.quotes:
        assert analysed.text[quote.start : quote.end] == quote.text


def test_no_unattributed_warning_on_seed(seed_quotes):
    from copydesk.checks.quotes_unattributed import check

    analysed, _ = seed_quotes
    assert [f.text for f in check(analysed, None)] == []
