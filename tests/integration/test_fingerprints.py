"""Fingerprints through the whole desk: a finding keeps its fingerprint when other paragraphs are
moved or edited, and gets a new one when its words or the words beside them change."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.model

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "port-strike.txt"


def prints(desk, text: str) -> dict[tuple[str, str], str]:
    report = desk.check_text(text, source="port-strike.txt")
    return {(f.check, f.text): f.fingerprint for f in report.findings}


@pytest.fixture(scope="module")
def original(desk) -> tuple[str, dict[tuple[str, str], str]]:
    text = ARTICLE.read_text(encoding="utf-8")
    return text, prints(desk, text)


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_moving_and_editing_other_paragraphs_keeps_fingerprints(desk, original):
    text, before = original
    parts = paragraphs(text)
    spelling = next(k for k, p in enumerate(parts) if "goverment" in p)
    ferry = next(k for k, p in enumerate(parts) if p.startswith("Ferry services"))
    parts[ferry] = "Ferry services to the islands will run a reduced timetable during the stoppage."
    moved = parts.pop(spelling)
    parts.insert(3, moved)  # an earlier place in the story
    after = prints(desk, "\n\n".join(parts))
    assert ("spelling", "goverment") in before and before.keys() <= after.keys()
    changed = {key for key in before if before[key] != after[key]}
    assert not changed, changed


def test_editing_the_flagged_word_or_its_neighbour_changes_only_that_fingerprint(desk, original):
    text, before = original
    neighbour = prints(desk, text.replace("The goverment has", "The national goverment has"))
    assert neighbour[("spelling", "goverment")] != before[("spelling", "goverment")]
    others = {k: v for k, v in before.items() if k != ("spelling", "goverment")}
    assert {k: neighbour[k] for k in others} == others
    word = prints(desk, text.replace("goverment", "govermnet"))
    assert word[("spelling", "govermnet")] != before[("spelling", "goverment")]
