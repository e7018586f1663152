"""People named in an article resolved to the knowledge base, with the corrections of names
that are close to a known person's but not a known spelling (``names.unknown-variant``, and the
suggestion of ``names.inconsistent`` when the KB knows the person).

Evidence that a written name is a known person, strongest first:
- a title before the name that the known person held (checked against the KB's roles);
- the same given name (or a standard transliteration of it) and a surname one or two edits away,
  where the written surname is not an attested word or name (wordfreq) — a real namesake's
  surname usually is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from copydesk.analyse.document import AnalysedArticle
from copydesk.analyse.roles import article_titled_mentions
from copydesk.knowledge.normalize import norm, skeleton
from copydesk.knowledge.store import Match
from copydesk.model import Entity, Evidence

#: A written surname this frequent in general text is a real word or name, not a typo.
MAX_TYPO_ZIPF = 2.0
MIN_CONTEXT_SCORE = 0.6
MIN_NAME_SCORE = 0.8
#: With the article about the known person's country, a real surname this much rarer (Zipf)
#: than the known one is still taken as a misspelling of it.
RARER_BY = 1.0
#: Words before the given name that a name as parsed may carry and is read without.
LEADING_WORDS = 2
_GIVEN_NAME = re.compile(r"[^\W\d_][\w'’-]+")
#: Labels the parser may give a misspelt person's name ("Erlan Idrisov" as a place); such a name
#: is read as a person's with the given name as known and the whole this close to the known one.
MISLABELLED = ("ORG", "GPE", "LOC", "NORP", "FAC")
MIN_MISLABELLED_SCORE = 0.9
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")


@dataclass
class Resolution:
    match: Match
    corrections: dict[str, str]  # written token -> known token
    context: str | None
    evidence: list[Evidence]


def name_corrections(article: AnalysedArticle, kb) -> dict[str, tuple[str, Resolution]]:
    """Written name tokens that should be another (known) spelling: token -> (right, why).

    Computed once per article and kept in ``article.derived.name_corrections``."""
    if article.derived.name_corrections is None:
        article.derived.name_corrections = _corrections(article, kb)
    return article.derived.name_corrections


def _corrections(article: AnalysedArticle, kb) -> dict[str, tuple[str, Resolution]]:
    offices_by_entity: dict[str, list[tuple[str, str, str]]] = {}
    for titled in article_titled_mentions(article, kb):
        if titled.mention.entity and not titled.qualified:
            for row in titled.roles:
                of = titled.country if row.of == "*" else row.of
                if of:
                    offices_by_entity.setdefault(titled.mention.entity, []).append(
                        (row.role, of, titled.title)
                    )
    corrections: dict[str, tuple[str, Resolution]] = {}
    countries: set[str] | None = None
    # people first; then names the parser took for something else, read strictly
    entities = [e for e in article.entities if e.label == "PERSON"]
    entities += [e for e in article.entities if e.label in MISLABELLED and _name_like(e, kb)]
    for entity in entities:
        if countries is None:
            countries = article_countries(article, kb)
        strict = entity.label != "PERSON"
        resolution = _resolve(entity, kb, offices_by_entity.get(entity.id, []), countries, strict=strict)
        if resolution is None:
            continue
        for wrong, right in resolution.corrections.items():
            corrections.setdefault(wrong, (right, resolution))
    if not corrections:
        return corrections
    # other spellings of a corrected surname elsewhere ("Kowalcyk said"), whatever label the
    # parser gave them: capitalised, rare in English, not a known name, near the known surname
    rights = {right for right, _ in corrections.values()}
    for token in article.tokens:
        text = token.text
        if text in corrections or not text[:1].isupper() or not text.isalpha() or len(text) < 4:
            continue
        for right in rights:
            if (
                text != right
                and OSA.distance(text.lower(), right.lower()) <= 2
                and zipf_frequency(text.lower(), "en") < MAX_TYPO_ZIPF
                and not kb.is_alias(text)
            ):
                corrections[text] = next(v for v in corrections.values() if v[0] == right)
                break
    return corrections


def _name_like(entity: Entity, kb) -> bool:
    """An entity of another label that is written like a person's name: every form two or three
    capitalised words of letters, none of them a name the knowledge base knows."""
    for form in {m.text for m in entity.mentions}:
        words = form.split()
        if not 2 <= len(words) <= 3 or not all(
            _NAME_WORD.fullmatch(w) and w[:1].isupper() and not w.isupper() for w in words
        ):
            return False
        if kb.is_alias(form):
            return False
    return bool(entity.mentions)


def _resolve(
    entity: Entity, kb, offices: list[tuple[str, str, str]], countries: set[str], *, strict: bool = False
) -> Resolution | None:
    forms = sorted({m.text for m in entity.mentions}, key=lambda f: (-len(f.split()), -len(f)))
    full = [f for f in forms if len(f.split()) >= 2]
    if not full:
        return None
    if any(kb.exact(f, kind="person") for f in forms):
        return None
    # the parser may take a word or two before the given name into the name ("apoplectic
    # Cheeto Donald Trump"): the name is then read without them
    words = full[0].split()
    for k in range(1 if strict else min(LEADING_WORDS, len(words) - 2) + 1):
        written = " ".join(words[k:])
        if k and not _GIVEN_NAME.fullmatch(words[k]):
            continue  # an initial ("Jacob J. Lew") is no given name to start from
        if k and kb.exact(written, kind="person"):
            return None
        resolution = _resolve_form(written, kb, offices, countries, strict)
        if resolution is not None:
            return resolution
    return None


def _resolve_form(
    written: str, kb, offices: list[tuple[str, str, str]], countries: set[str], strict: bool = False
) -> Resolution | None:
    candidates = kb.fuzzy(written, kind="person", limit=5, min_score=MIN_CONTEXT_SCORE)
    if not candidates:
        return None
    # 1. a title that one candidate held
    for role, of, title in offices:
        holders = {h.key for h in kb.holders(role, of)}
        fitting = [c for c in candidates if c.key in holders]
        if fitting:
            best = fitting[0]
            evidence = [
                Evidence("kb", _describe(best, kb)),
                Evidence("context", f"'{title}' before the name: {best.name} held that office"),
            ]
            return _resolution(written, best, f"title {title}", evidence, kb)
    # 2. same given name, surname a likely typo of the known one
    best = candidates[0]
    if best.score < MIN_NAME_SCORE:
        return None
    if len(candidates) > 1 and candidates[1].score > best.score - 0.05:
        return None  # two known people fit about as well
    w_tokens, k_tokens = norm(written).split(), norm(best.alias).split()
    if skeleton(w_tokens[0]) != skeleton(k_tokens[0]) and OSA.distance(w_tokens[0], k_tokens[0]) > 1:
        return None
    if strict and (w_tokens[0] != k_tokens[0] or best.score < MIN_MISLABELLED_SCORE):
        return None  # a name taken for a place or a body: the given name as known, the rest close
    surname = written.split()[-1]
    known_surname = best.alias.split()[-1]
    written_zipf = zipf_frequency(surname.lower(), "en")
    context = _country_context(best, kb, countries)
    # A rare surname is a typo; a real but much rarer one is a typo too when the article is
    # about the known person's country ("Prime Minister" aside, "Tony Bair" in a British story)
    if written_zipf >= MAX_TYPO_ZIPF and not (
        context and written_zipf <= zipf_frequency(known_surname.lower(), "en") - RARER_BY
    ):
        return None
    evidence = [
        Evidence("kb", _describe(best, kb)),
        Evidence("spelling", f"'{surname}' is not a known name; {best.alias} differs by"
                 f" {OSA.distance(norm(written), norm(best.alias))} letter edit(s)"),
    ]
    if context:
        evidence.append(Evidence("context", context))
    return _resolution(written, best, None, evidence, kb)


def _country_context(match: Match, kb, countries: set[str]) -> str | None:
    """The countries the known person served that the article also names, as evidence."""
    served = {h.of for h in kb.roles_of(match.key)}
    shared = sorted(served & countries)
    if not shared:
        return None
    return f"the article is about {', '.join(shared)}, where {match.name} held office"


def article_countries(article: AnalysedArticle, kb) -> set[str]:
    """ISO3 codes of the places, nationalities and national bodies the article names."""
    found: set[str] = set()
    seen: set[str] = set()
    for mention in article.mentions:
        if mention.label not in ("GPE", "NORP", "ORG", "LOC") or mention.text in seen:
            continue
        seen.add(mention.text)
        for match in kb.exact(mention.text)[:3]:
            if match.kind in ("place", "organisation"):
                record = kb.entity(match.key)
                if record is not None and record.country:
                    found.add(record.country)
    return found


def _romanised(kb, key: str) -> bool:
    """Whether the knowledge base knows the person's name in another script or in several
    romanisations (``native:`` or ``translit:`` aliases)."""
    record = kb.entity(key)
    return record is not None and any(kind in ("native", "translit") for _, kind in record.aliases)


def _accented(kb, match: Match) -> list[list[str]]:
    """The words of the person's spellings that differ from the matched one only in accents
    ("Erdoğan" and "Erdogan"), position by position."""
    record = kb.entity(match.key)
    words = match.alias.split()
    found = [[w] for w in words]
    if record is None:
        return found
    for spelling in [record.name] + [a for a, _kind in record.aliases]:
        parts = spelling.split()
        if len(parts) == len(words) and norm(spelling) == norm(match.alias):
            for k, part in enumerate(parts):
                if part not in found[k]:
                    found[k].append(part)
    return found


def _resolution(written: str, match: Match, context: str | None, evidence, kb) -> Resolution | None:
    w_words, k_words = written.split(), match.alias.split()
    corrections = {}
    pairs = [(w_words[-1], len(k_words) - 1)]
    if len(w_words) == len(k_words):
        pairs = list(zip(w_words, range(len(k_words))))
    elif len(w_words) >= 2 and len(k_words) >= 2:
        pairs.append((w_words[0], 0))
    romanised = None
    variants = _accented(kb, match)
    for wrong, k in pairs:
        # of the known spellings, the one the writer meant: with accents if the writer used them
        right = min(variants[k], key=lambda known: (OSA.distance(wrong, known), known != k_words[k]))
        if norm(wrong) == norm(right):
            continue
        if skeleton(wrong) == skeleton(right):
            # another romanisation (Zelenskiy, Dmitri) is no error; a spelling that only the
            # folding of romanisations makes equal ("Kerryy", "Modii") is, when the person's
            # name is not known in other romanisations and the spelling is attested nowhere
            if romanised is None:
                romanised = _romanised(kb, match.key)
            if romanised or zipf_frequency(wrong.lower(), "en") > 0:
                continue
        corrections[wrong] = right
    if not corrections:
        return None
    return Resolution(match, corrections, context, evidence)


def _describe(match: Match, kb) -> str:
    roles = kb.roles_of(match.key)
    summary = "; ".join(
        f"{h.title or h.role} ({h.of}) {h.start or '?'}..{h.end or 'present'}" for h in roles[:4]
    )
    qid = f" ({match.qid})" if match.qid else ""
    return f"{match.name}{qid}" + (f": {summary}" if summary else "")


#: Entity labels of the analysis and the knowledge-base kinds they may link to.
LINKABLE = {"PERSON": ("person",), "ORG": ("organisation",), "GPE": ("place",), "LOC": ("place",),
            "FAC": ("place", "organisation")}


#: Key prefixes of records that come from registry packages rather than the reviewed data.
REGISTRY_KEYS = ("geonames-", "iso-")


def link_entities(article: AnalysedArticle, kb) -> None:
    """Set ``Entity.kb_id`` (the Wikidata QID when the KB has one, else ``kb:<key>``) for
    entities whose name is one known entity of a fitting kind, and for people whose misspelt
    name ``name_corrections`` resolves to a known person."""
    corrections = None
    for entity in article.entities:
        kinds = LINKABLE.get(entity.label)
        if not kinds:
            continue
        forms = sorted({m.text for m in entity.mentions} | {entity.name}, key=len, reverse=True)
        match = None
        for form in forms:
            found = {m.key: m for m in kb.exact(form) if m.kind in kinds}
            if len(found) > 1:
                # the reviewed shipped record wins over registry copies (city vs. region)
                found = {k: m for k, m in found.items() if not k.startswith(REGISTRY_KEYS)}
            if len(found) == 1:
                match = next(iter(found.values()))
                break
            if found:
                break  # several known entities share the name: leave it unlinked
        if match is None and entity.label == "PERSON":
            if corrections is None:
                corrections = name_corrections(article, kb)
            for form in forms:
                resolved = corrections.get(form.split()[-1])
                if resolved is not None:
                    match = resolved[1].match
                    break
        if match is not None:
            entity.kb_id = match.qid or f"kb:{match.key}"
