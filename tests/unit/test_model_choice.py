"""Choosing the spaCy pipeline: ``copydesk check --model``, ``Desk(model=...)``, ``load_model``."""

from __future__ import annotations

import json

import pytest

from copydesk.analyse import pipeline
from copydesk.cli.main import EXIT_FAILURE, main
from copydesk.errors import ModelError

STORY = "Harbour talks collapse\n\nDock workers at the port voted on Wednesday to strike.\n"


def test_an_unknown_model_is_an_error_that_names_it():
    with pytest.raises(ModelError) as caught:
        pipeline.load_model("en_core_web_nope")
    message = str(caught.value)
    assert "'en_core_web_nope'" in message
    assert "en_core_web_md, en_core_web_sm" in message  # the pinned choices


def test_a_pinned_model_whose_package_is_missing_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(pipeline.MODELS, "en_core_web_xx", "copydesk_no_such_model_package")
    with pytest.raises(ModelError) as caught:
        pipeline.load_model("en_core_web_xx")
    message = str(caught.value)
    assert "'en_core_web_xx'" in message
    assert "copydesk_no_such_model_package is not installed" in message
    assert "make install" in message


@pytest.mark.parametrize("isolation", [["--no-isolation"], []])
def test_check_with_an_unknown_model_fails_naming_it(tmp_path, capsys, isolation):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    status = main(["check", "--model", "en_core_web_nope", "--format", "json", *isolation, str(story)])
    assert status == EXIT_FAILURE
    err = capsys.readouterr().err
    assert "cannot load the spaCy model 'en_core_web_nope'" in err
    assert "Traceback" not in err


@pytest.mark.model
def test_check_with_the_small_model(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    status = main(["check", "--model", "en_core_web_sm", "--format", "json", "--no-isolation",
                   str(story)])
    assert status == 0
    report = json.loads(capsys.readouterr().out)  # one input: one report object
    assert report["versions"]["model"].startswith("en_core_web_sm")
    assert report["error"] is None
