"""The learned ranking of spelling suggestions (``copydesk.knowledge.ranker``): the shipped
weights, their file format and its errors, and how they order suggestions in context."""

from __future__ import annotations

import json
import math

import pytest

from copydesk.errors import KnowledgeError
from copydesk.knowledge.lexicon import Lexicon
from copydesk.knowledge.ranker import FEATURES, Ranker, features


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.default()


def test_the_shipped_weights_load_with_their_provenance():
    ranker = Ranker.default()
    assert len(ranker.weights) == len(FEATURES)
    assert all(math.isfinite(w) for w in ranker.weights)
    assert "codespell" in ranker.provenance["misspellings"]
    assert "CC BY-SA 3.0" in ranker.provenance["misspellings"]
    assert ranker.provenance["command"].startswith("bench/train_suggestions.py")


def test_a_round_trip_keeps_the_weights(tmp_path):
    ranker = Ranker(tuple(float(k) for k in range(len(FEATURES))), provenance={"note": "test"})
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps(ranker.to_dict()), encoding="utf-8")
    again = Ranker.from_file(path)
    assert again.weights == ranker.weights and again.provenance == {"note": "test"}
    assert again.origin == str(path)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("not json", "not a suggestion ranker"),
        ('{"provenance": {}}', "not a suggestion ranker"),
        ('{"weights": {"score": 1}}', "must name exactly"),
        (json.dumps({"weights": dict.fromkeys(FEATURES, 1.0) | {"score": "high"}}), "'score' is not a finite"),
        (json.dumps({"weights": dict.fromkeys(FEATURES, 1.0) | {"zipf": True}}), "'zipf' is not a finite"),
    ],
)
def test_a_bad_weights_file_is_named_with_its_problem(text, says):
    with pytest.raises(KnowledgeError, match=says) as caught:
        Ranker.from_text(text, origin="house/ranker.json")
    assert "house/ranker.json" in str(caught.value)


def test_the_figures_describe_the_candidate_against_the_word_typed():
    values = dict(zip(FEATURES, features(
        "recieve", "receive", score=3.0, zipf=4.5, cost=0.6, distance=1, fit_before=0.5,
        fit_after=-0.2, in_article=True, ending_lost=False,
    ), strict=True))
    assert values["shared_prefix"] == pytest.approx(3 / 7)  # "rec" before the swap
    assert values["first_letter"] == values["last_letter"] == 1.0
    assert values["sounds_alike"] == 1.0 and values["split"] == 0.0
    assert values["length_change"] == 0.0 and values["in_article"] == 1.0
    assert values["letters_dropped"] == values["letters_added"] == 0.0  # the same letters, swapped
    far = dict(zip(FEATURES, features(
        "gouvernment", "government", score=0, zipf=0, cost=0, distance=1, fit_before=0,
        fit_after=0, in_article=False, ending_lost=False,
    ), strict=True))
    assert far["letters_dropped"] == 1.0 and far["letters_added"] == 0.0  # the "u" typed
    assert features("thefirst", "the first", score=0, zipf=0, cost=0, distance=1, fit_before=0,
                    fit_after=0, in_article=False, ending_lost=False)[FEATURES.index("split")] == 1.0


def test_the_learned_order_decides_and_the_hand_set_score_is_kept(lexicon):
    # "victor" leads on the hand-set score, "visitor" on the learned rank: the rank decides
    ranked = lexicon.in_context("vistor", "a", "from")
    assert ranked[0].word == "visitor"
    assert max(ranked, key=lambda s: s.score).word == "victor"
    assert [s.rank for s in ranked] == sorted((s.rank for s in ranked), reverse=True)
    plain = {s.word: s.score for s, _ in lexicon.candidates_in_context("vistor", "a", "from")}
    assert all(s.score == plain[s.word] for s in ranked)


def test_weights_that_favour_rare_words_change_the_order(lexicon):
    """The order really comes from the weights: a ranker that prefers rare candidates puts a
    rarer word first."""
    common_first = lexicon.in_context("wirte", "to", "a")
    weights = tuple(-1.0 if name == "zipf" else 0.0 for name in FEATURES)
    lexicon._ranker, shipped = Ranker(weights), lexicon.ranker
    try:
        rare_first = lexicon.in_context("wirte", "to", "a")
    finally:
        lexicon._ranker = shipped
    assert rare_first[0].zipf == min(s.zipf for s in rare_first)
    assert rare_first[0].word != common_first[0].word


def test_the_learned_order_mends_what_the_hand_set_score_got_wrong(lexicon):
    # the hand-set score preferred the commoner word one letter further from the one typed
    for typed, before, after, meant, hand in [
        ("farily", "is", "run", "fairly", "family"),
        ("projectd", "the", "growth", "projected", "projects"),  # the ending typed is kept
        ("windo", "the", "was", "window", "wind"),
    ]:
        ranked = lexicon.in_context(typed, before, after)
        assert ranked[0].word == meant, (typed, [s.word for s in ranked[:3]])
        assert max(ranked, key=lambda s: s.score).word == hand  # what the hand-set score chose


def test_when_the_two_orders_disagree_the_spelling_check_is_not_sure(analyser):
    """The check reports an error only when the hand-set score agrees with the learned order by
    a clear margin: "vistor" is ranked "visitor" first but scored below "victor", so the finding
    suggests "visitor" at warning, not error; "tomorrow" leads on both and is an error."""
    from copydesk.checks import spelling
    from copydesk.ingest.text import parse_text
    from copydesk.knowledge import Knowledge
    from copydesk.knowledge.store import KnowledgeBase

    kb = KnowledgeBase(":memory:")
    kb.finish()
    knowledge = Knowledge(kb=kb)

    def run(text):
        return list(spelling.check(analyser.analyse(parse_text(text)), knowledge))

    [unsure] = run("The museum counted every vistor from the coast last summer.\n")
    assert (unsure.suggestion, unsure.severity.label) == ("visitor", "warning")
    [sure] = run("The ferry fares will rise again tomorow, the operator said.\n")
    assert (sure.suggestion, sure.severity.label) == ("tomorrow", "error")
