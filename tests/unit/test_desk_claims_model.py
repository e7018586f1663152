"""``Desk(claims_model=...)``: a model trained by ``copydesk train claims`` scores the claims;
without one, the shipped scorer does."""

from __future__ import annotations

import math

import pytest
from tests.unit.test_claim_model import train_model_file

from copydesk.analyse import claim_model as cm
from copydesk.errors import UsageError


@pytest.fixture(scope="module")
def trained(tmp_path_factory, analyser):
    return train_model_file(tmp_path_factory.mktemp("desk_claims_model"))


@pytest.mark.model
def test_desk_scores_claims_with_the_trained_model(trained, analyser):
    from copydesk.desk import Desk

    text = ("Ticket sales rose by 12% to 48,000 last season.\n\n"
            "I hope you all enjoy the festival.")
    shipped = Desk(analyser=analyser).check_text(text)
    desk = Desk(analyser=analyser, claims_model=str(trained))
    assert desk.claims_model is not None
    report = desk.check_text(text)
    assert [c.text for c in report.analysed.claims] == [
        "Ticket sales rose by 12% to 48,000 last season."]
    model = cm.load_model(trained)
    sentence = report.analysed.sentences[0]
    features = cm.parse_cues(analyser, ["Ticket sales rose by 12% to 48,000 last season."])[0][0][1]
    raw = model.sentence_score(report.analysed, sentence, features)
    assert report.analysed.claims[0].score == pytest.approx(1 / (1 + math.exp(-raw)), abs=2e-3)
    assert Desk(analyser=analyser).claims_model is None  # the shipped scorer stays the default
    assert shipped.analysed.claims[0].text == report.analysed.claims[0].text


def test_desk_names_a_missing_claims_model(tmp_path):
    from copydesk.desk import Desk

    with pytest.raises(UsageError, match=r"absent\.json.*no such file"):
        Desk(analyser=object(), claims_model=tmp_path / "absent.json")
