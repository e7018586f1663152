"""Event extraction on news-like sentences written for these tests (needs the spaCy model)."""

from __future__ import annotations

import pytest

from copydesk.analyse.actors import ActorResolver, metonyms
from copydesk.analyse.event_lexicon import EventLexicon, legacy_category
from copydesk.analyse.events import extract_events, main_event
from copydesk.knowledge import Knowledge
from copydesk.knowledge.records import EntityRecord
from copydesk.knowledge.store import KnowledgeBase
from copydesk.model import Article, Region


@pytest.fixture(scope="module")
def knowledge():
    kb = KnowledgeBase(":memory:")
    kb.add_entities([
        EntityRecord(key="freedonia", kind="place", name="Freedonia", country="FRD", subkind="country",
                     aliases=[("Freedonian", "demonym"), ("Freedonians", "demonym")]),
        EntityRecord(key="sylvania", kind="place", name="Sylvania", country="SYL", subkind="country",
                     aliases=[("Sylvanian", "demonym")]),
        EntityRecord(key="russia", kind="place", name="Russia", country="RUS", subkind="country",
                     aliases=[("Russian", "demonym")]),
        EntityRecord(key="ukraine", kind="place", name="Ukraine", country="UKR", subkind="country",
                     aliases=[("Ukrainian", "demonym")]),
        EntityRecord(key="moscow", kind="place", name="Moscow", country="RUS", subkind="city"),
        EntityRecord(key="kyiv", kind="place", name="Kyiv", country="UKR", subkind="city"),
        EntityRecord(key="nato", kind="organisation", name="North Atlantic Treaty Organization",
                     aliases=[("NATO", "acronym")], subkind="alliance"),
    ])
    kb.finish()
    return Knowledge(kb=kb)


@pytest.fixture(scope="module")
def events_of(analyser, knowledge):
    def run(text: str):
        article = Article(text=text, regions=[Region(0, len(text), "body")])
        return analyser.analyse(article, knowledge=knowledge)

    return run


def _only(analysed, category):
    found = [e for e in analysed.events if e.category == category]
    assert len(found) == 1, [(e.category, e.text) for e in analysed.events]
    return found[0]


@pytest.mark.model
def test_verb_actor_and_direct_object_target(events_of):
    event = _only(events_of("Freedonia invaded Sylvania on Tuesday."), "ASSAULT")
    assert (event.actor_code, event.target_code, event.text) == ("FRD", "SYL", "invaded")


@pytest.mark.model
def test_passive_agent_is_the_actor(events_of):
    event = _only(events_of("The border post was attacked by Freedonian troops."), "ASSAULT")
    assert (event.actor, event.actor_code, event.target) == ("Freedonian troops", "FRD", "border post")


@pytest.mark.model
def test_preposition_target_of_a_phrase(events_of):
    event = _only(events_of("The Sylvanian foreign minister met with NATO officials in Brussels."), "CONSULT")
    assert (event.actor_code, event.target_code) == ("SYL", "NATO")


@pytest.mark.model
def test_particle_phrase_pull_back(events_of):
    event = _only(events_of("Moscow pulled back its tanks from the frontier."), "RETREAT")
    assert (event.text, event.actor_code) == ("pulled back", "RUS")


@pytest.mark.model
def test_declined_to_meet_is_a_rejection(events_of):
    analysed = events_of("The Kremlin declined to meet with the Ukrainian delegation.")
    event = _only(analysed, "REJECT")
    assert event.actor_code == "RUS" and event.target_code == "UKR"
    assert not [e for e in analysed.events if e.category == "CONSULT"]


@pytest.mark.model
def test_threatened_to_invade_is_a_threat_on_the_complement_target(events_of):
    analysed = events_of("Freedonia threatened to invade Sylvania.")
    event = _only(analysed, "THREATEN")
    assert event.target_code == "SYL" and event.needs_other
    assert not [e for e in analysed.events if e.category == "ASSAULT"]


@pytest.mark.model
def test_decided_to_invade_is_an_invasion_by_the_decider(events_of):
    event = _only(events_of("The Kremlin has decided to invade Ukraine."), "ASSAULT")
    assert (event.text, event.actor_code, event.target_code) == ("invade", "RUS", "UKR")


@pytest.mark.model
def test_negated_attack_is_kept_as_negated(events_of):
    event = _only(events_of("Freedonia did not attack Sylvania."), "ASSAULT")
    assert event.negated


@pytest.mark.model
def test_negated_agreement_becomes_rejection(events_of):
    analysed = events_of("Sylvania did not agree to the proposal.")
    assert [e.category for e in analysed.events] == ["REJECT"]


@pytest.mark.model
def test_promise_to_withdraw_is_a_concession(events_of):
    event = _only(events_of("Freedonia promised to withdraw its troops from Sylvania."), "CONCEDE")
    assert event.actor_code == "FRD"


@pytest.mark.model
def test_event_noun_with_light_verb_and_preposition_target(events_of):
    event = _only(events_of("Freedonia launched an invasion of Sylvania."), "ASSAULT")
    assert (event.text, event.actor_code, event.target_code) == ("invasion", "FRD", "SYL")


@pytest.mark.model
def test_sanctions_noun_target_after_on(events_of):
    event = _only(events_of("NATO members imposed sanctions on Freedonia."), "SANCTION")
    assert event.target_code == "FRD"


@pytest.mark.model
def test_event_noun_without_actor_or_light_verb_is_not_an_event(events_of):
    assert events_of("Hopes of a summit faded.").events == []


@pytest.mark.model
def test_not_an_event_phrase_release_statement(events_of):
    assert [e.category for e in events_of("The ministry released a statement.").events] == []


@pytest.mark.model
def test_release_of_prisoners_is_retreat(events_of):
    assert _only(events_of("Sylvania released 40 prisoners."), "RETREAT").mode == "release"


@pytest.mark.model
def test_time_attached_to_the_clause(analyser, knowledge):
    from datetime import datetime

    text = "Freedonia shelled Sylvania on Monday."
    article = Article(text=text, regions=[Region(0, len(text), "body")], published=datetime(2022, 2, 23))
    event = _only(analyser.analyse(article, knowledge=knowledge), "ASSAULT")
    assert event.time == "2022-02-21"


@pytest.mark.model
def test_main_event_is_nearest_the_root(events_of):
    analysed = events_of("Sylvania condemned the attack after Freedonian troops shelled the border.")
    assert main_event(analysed).category == "ACCUSE"


def test_metonyms_file_maps_government_buildings():
    table = metonyms()
    assert (table["kremlin"], table["white house"], table["downing street"]) == ("RUS", "USA", "GBR")


def test_resolver_capital_needs_to_be_the_capital(knowledge):
    resolver = ActorResolver(knowledge.kb)
    assert resolver.resolve("Moscow").kind == "capital"
    assert resolver.resolve("the Kremlin").code == "RUS"
    assert resolver.resolve("Freedonians").code == "FRD"


def test_resolver_without_kb_knows_country_names():
    assert ActorResolver(None).resolve("Germany").code == "DEU"


def test_lexicon_phrase_and_flags():
    lexicon = EventLexicon.from_lines(["invade\tv\tASSAULT\tmilitary\t-\tother", "decide\tv\t-\t-\t-\tpass"])
    assert lexicon.verbs["invade"].needs_other and "decide" in lexicon.passing


def test_legacy_names_of_current_types():
    assert legacy_category("ASSAULT", "military") == "FIGHT"
    assert legacy_category("ACCUSE", "investigate") == "INVESTIGATE"
    assert legacy_category("ACCUSE", "disapprove") == "DISAPPROVE"
    assert legacy_category("REQUEST", None) == "DEMAND"


def test_shipped_lexicon_is_large_and_typed():
    lexicon = EventLexicon.default()
    categories = {e.category for e in lexicon.verbs.values()} | {e.category for e in lexicon.nouns.values()}
    assert len(lexicon.verbs) + len(lexicon.nouns) > 300
    assert categories - {None} <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
        "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }


def test_extract_events_on_an_empty_article():
    from copydesk.analyse.document import AnalysedArticle

    analysed = AnalysedArticle(article=Article(text=""))
    extract_events(analysed)
    assert analysed.events == []


@pytest.mark.model
def test_announced_future_aid_is_a_promise(events_of):
    assert [e.category for e in events_of("Freedonia will provide food aid to Sylvania.").events] == ["AGREE"]


@pytest.mark.model
def test_announced_future_attack_is_a_threat(events_of):
    event = _only(events_of("Freedonia will attack Sylvania."), "THREATEN")
    assert event.target_code == "SYL"


@pytest.mark.model
def test_must_in_reported_speech_is_a_request_to_the_subject(events_of):
    event = _only(events_of("Sylvania said Freedonia must withdraw its troops."), "REQUEST")
    assert (event.actor_code, event.target_code) == ("SYL", "FRD")
