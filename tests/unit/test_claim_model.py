"""The trained check-worthiness model: reading labelled files, training (``copydesk train
claims``), the JSON model file, and scoring claims with it through ``Desk(claims_model=...)``.

The sentences are written for these tests (news-like, not from any dataset)."""

from __future__ import annotations

import argparse
import json

import pytest

from copydesk.analyse import claim_model as cm
from copydesk.errors import UsageError

CLAIMS = [
    "The council spent £4.2m on road repairs last year.",
    "Unemployment rose to 5.1% in March, the highest rate since 2016.",
    "The hospital treated 12,000 patients in 2023, up from 9,500 the year before.",
    "Police arrested 14 people after the match on Saturday.",
    "The company cut 300 jobs at its Leeds factory in January.",
    "Rail fares went up by 4.9% on Sunday.",
    "The minister voted against the bill in 2019.",
    "House prices fell for the third month in a row, the longest fall in a decade.",
    "The river reached its highest level on record on Tuesday.",
    "More than 2,000 homes lost power during the storm.",
    "The city's population grew by 8% between 2011 and 2021.",
    "The school has the worst exam results in the county.",
    "Crime in the town centre fell by a fifth last year.",
    "The airline carried 45 million passengers in 2024.",
    "The government raised the minimum wage to £11.44 an hour in April.",
    "Inflation has doubled since the start of the year.",
    "The club signed the striker for a record fee of £50m.",
    "Waiting times at the hospital have risen every month since 2020.",
    "The bridge, built in 1890, is the oldest in the region.",
    "Turnout was 67%, the lowest at a general election since 2001.",
]
OTHERS = [
    "What will the council do next?",
    "I think we should all be a little kinder to each other.",
    "Thank you all for coming tonight.",
    "Good evening and welcome.",
    "We hope the weather stays fine for the weekend.",
    "Let's wait and see what happens.",
    "You should try the new cafe on the high street.",
    "Maybe things will get better soon.",
    "I love this town and its people.",
    "Please send us your photos.",
    "Will the strike go ahead?",
    "We must work together to build a better future.",
    "It is a wonderful day for a walk.",
    "I feel very proud of our team.",
    "Who could have imagined such a thing?",
    "Read more on our website.",
    "Honestly, I don't know what to say.",
    "Stay safe and look after each other.",
    "Why does this keep happening?",
    "We want to hear from you.",
]


def _write_tsv(path, rows):
    lines = ["Sentence_id\tText\tclass_label"]
    lines += [f"{i}\t{text}\t{'Yes' if label else 'No'}" for i, (text, label) in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _split():
    train = [(t, True) for t in CLAIMS[:15]] + [(t, False) for t in OTHERS[:15]]
    dev = [(t, True) for t in CLAIMS[15:]] + [(t, False) for t in OTHERS[15:]]
    return train, dev


# ---------------------------------------------------------------- reading labelled files


def test_checkthat_tsv_is_read_with_quoting_off(tmp_path):
    path = tmp_path / "data.tsv"
    path.write_text('Sentence_id\tText\tclass_label\n1\t"Quoted" start, 4 jobs.\tYes\n'
                    "2\tHello there.\tNo29286\n", encoding="utf-8")
    assert cm.read_labelled(path) == [('"Quoted" start, 4 jobs.', True), ("Hello there.", False)]


def test_csv_and_jsonl_with_text_and_label(tmp_path):
    csv_path = tmp_path / "data.csv"
    csv_path.write_text('text,label\n"Prices rose 5%, the bank said.",1\nHi.,0\n', encoding="utf-8")
    assert cm.read_labelled(csv_path) == [("Prices rose 5%, the bank said.", True), ("Hi.", False)]
    jsonl = tmp_path / "data.jsonl"
    jsonl.write_text('{"text": "Prices rose 5%.", "label": "Yes"}\n{"text": "Hi.", "label": false}\n',
                     encoding="utf-8")
    assert cm.read_labelled(jsonl) == [("Prices rose 5%.", True), ("Hi.", False)]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "empty"),
        ("id\tsentence_text\tverdict\n1\tA.\tYes\n", "header naming a text column"),
        ("Sentence_id\tText\tclass_label\n1\tA.\tMaybe\n", "line 2: label 'Maybe'"),
        ("Sentence_id\tText\tclass_label\n1\tA.\n", "line 2: 2 column(s)"),
        ("Sentence_id\tText\tclass_label\n", "no labelled rows"),
    ],
)
def test_a_bad_training_file_is_named_with_its_problem(tmp_path, content, problem):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        cm.read_labelled(path)
    assert "bad.tsv" in str(caught.value) and problem in str(caught.value)


def test_a_missing_training_file_is_named(tmp_path):
    with pytest.raises(UsageError, match=r"nothere\.tsv.*no such file"):
        cm.read_labelled(tmp_path / "nothere.tsv")


def test_bad_jsonl_line_is_named(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "A.", "label": "Yes"}\n{"text": "B."\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"bad\.jsonl.*line 2: not JSON"):
        cm.read_labelled(path)


# ---------------------------------------------------------------- the model file


def test_a_missing_model_file_is_named(tmp_path):
    with pytest.raises(UsageError, match=r"claims model .*missing\.json.*no such file"):
        cm.load_model(tmp_path / "missing.json")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\x80\x81 not json", "not a JSON model file"),
        (b"{\"weights\": {}}", "not a copydesk claims model"),
        (json.dumps({"format": cm.FORMAT, "version": 99}).encode(), "version 99"),
        (json.dumps({"format": cm.FORMAT, "version": cm.VERSION, "bias": 0}).encode(),
         "malformed model (missing key"),
        (json.dumps({"format": cm.FORMAT, "version": cm.VERSION, "bias": 0, "threshold": 0,
                     "cues": {}, "blocks": {"word": {"a": "x"}}}).encode(), "malformed model"),
    ],
)
def test_an_invalid_model_file_is_named_with_its_problem(tmp_path, content, problem):
    path = tmp_path / "model.json"
    path.write_bytes(content)
    with pytest.raises(UsageError) as caught:
        cm.load_model(path)
    assert "model.json" in str(caught.value) and problem in str(caught.value)


def test_char_ngrams_pad_words_and_read_digits_as_zero():
    assert cm.char_ngrams("Up 42")[:3] == [" u", "up", "p "]
    assert " 00 " in cm.char_ngrams("Up 42")
    assert cm.word_ngrams("Rose 5.1% in 2016") == ["rose", "in", "0000", "rose in", "in 0000"]


# ---------------------------------------------------------------- training and scoring


def train_model_file(folder):
    """``copydesk train claims train.tsv --dev dev.tsv --out model.json`` on the sentences above
    (needs the spaCy model)."""
    from copydesk.cli.train import add_train

    train, dev = _split()
    parser = argparse.ArgumentParser()
    add_train(parser.add_subparsers(dest="command"))
    out = folder / "model.json"
    args = parser.parse_args(["train", "claims", str(_write_tsv(folder / "train.tsv", train)),
                              "--dev", str(_write_tsv(folder / "dev.tsv", dev)),
                              "--out", str(out), "--quiet"])
    assert args.handler(args, None) == 0
    return out


@pytest.fixture(scope="module")
def trained(tmp_path_factory, analyser):
    return train_model_file(tmp_path_factory.mktemp("claims_model"))


@pytest.mark.model
def test_training_writes_a_json_model_that_loads(trained):
    data = json.loads(trained.read_text(encoding="utf-8"))
    assert data["format"] == cm.FORMAT and data["version"] == cm.VERSION
    assert data["about"]["trained_on"] == {"file": "train.tsv", "rows": 30, "yes": 15}
    assert data["about"]["settings_chosen_on"]["file"] == "dev.tsv"
    assert data["settings"]["C"] in cm.C_GRID
    model = cm.load_model(trained)
    assert set(model.blocks) == {"word", "char"} and model.cue_weights


@pytest.mark.model
def test_trained_model_scores_in_a_sensible_order(trained, analyser):
    model = cm.load_model(trained)
    texts = [
        "Ticket sales rose by 12% to 48,000 last season, the club said.",  # figures, past, change
        "The mayor opened the new library in 2022.",                       # a dated past act
        "I hope you all enjoy the festival.",                              # wish, second person
        "Will the new bridge open next week?",                             # a question
    ]
    sentences = cm.parse_cues(analyser, texts)
    scores = [cm.best_score(model, s) for s in sentences]
    assert scores[0] > scores[2] and scores[0] > scores[3]
    assert scores[1] > scores[2] and scores[1] > scores[3]
    assert model.is_claim(*sentences[0][0]) and not model.is_claim(*sentences[3][0])


def test_training_on_one_class_is_refused(tmp_path):
    from copydesk.cli.train import add_train

    parser = argparse.ArgumentParser()
    add_train(parser.add_subparsers(dest="command"))
    data = _write_tsv(tmp_path / "yes.tsv", [(t, True) for t in CLAIMS])
    args = parser.parse_args(["train", "claims", str(data), "--out", str(tmp_path / "m.json")])
    with pytest.raises(UsageError, match=r"yes\.tsv.*all 20 rows are check-worthy"):
        args.handler(args, None)
