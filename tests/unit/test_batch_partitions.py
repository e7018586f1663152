"""``copydesk batch``'s scheduling: a partition whose task fails is split, so only the input that
fails on its own is reported failed (kind ``worker``); the others come back with results."""

from __future__ import annotations

import pytest

from copydesk.cli.batch import _partitions, _run, input_key
from copydesk.ingest.sources import DeferredInput


def _task(part, options):
    if any("poison" in item.text for _key, item in part):
        raise RuntimeError("the worker died")  # as a KilledWorker would surface
    return [{"key": key, "report": {"source": item.source}} for key, item in part]


def _item(n: int, text: str = "An article.") -> tuple[str, DeferredInput]:
    item = DeferredInput(f"in/{n}.txt", f"{text} {n}", False, "utf-8")
    return input_key(item), item


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2,
                            dashboard_address=None) as client:
        yield client


def test_a_failing_partition_is_split_and_only_the_culprit_fails(client):
    items = [_item(n) for n in range(7)] + [_item(7, "poison")] + [_item(n) for n in range(8, 12)]
    outcomes = list(_run(client, _partitions(items, 5), {}, task=_task))
    results = {r["key"]: r for _part, found in outcomes for r in found}
    assert set(results) == {key for key, _item in items}
    failed = [r for r in results.values() if "failure" in r]
    assert len(failed) == 1
    assert failed[0]["failure"]["source"] == "in/7.txt"
    assert failed[0]["failure"]["kind"] == "worker"
    assert "the worker died" in failed[0]["failure"]["reason"]
    assert failed[0]["failure"]["text"] == "poison 7"  # re-runnable from the failures file


def test_input_keys_differ_by_name_and_content():
    a = DeferredInput("a.txt", "text", False, "utf-8")
    assert input_key(a) == input_key(DeferredInput("a.txt", "text", True, "cp1252"))
    assert input_key(a) != input_key(DeferredInput("b.txt", "text", False, "utf-8"))
    assert input_key(a) != input_key(DeferredInput("a.txt", "text!", False, "utf-8"))
    record = DeferredInput("f.jsonl:1", "", False, "utf-8", record={"text": "x", "url": "u"})
    same = DeferredInput("f.jsonl:1", "", False, "utf-8", record={"url": "u", "text": "x"})
    assert input_key(record) == input_key(same)


def test_worker_desks_are_keyed_by_the_config_and_the_claims_model():
    from copydesk.cli.batch import _desk_key, worker_options
    from copydesk.config import parse_config

    house = parse_config('[words]\nhouse = ["Westhaven"]\n', origin="a.toml")
    other = parse_config('[words]\nhouse = ["Northgate"]\n', origin="a.toml")
    plain = worker_options(kb="kb.sqlite")
    keys = {_desk_key(worker_options(kb="kb.sqlite", config=house)),
            _desk_key(worker_options(kb="kb.sqlite", config=other)),
            _desk_key(worker_options(kb="kb.sqlite", claims_model={"weights": [1.0]})),
            _desk_key(plain)}
    assert len(keys) == 4
    assert _desk_key(worker_options(kb="kb.sqlite", config=house)) == _desk_key(
        worker_options(kb="kb.sqlite", config=house))
    assert plain["config"] is None and plain["claims_model_id"] is None
