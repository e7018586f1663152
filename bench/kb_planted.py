"""Planted role-title and known-name errors about politics outside the UK, in real dated
articles: recall and suggestions per type on a tuning half and a held-out half, and false alarms
on clean copies.

    .venv/bin/python bench/kb_planted.py [--per-type 60] [--seed 7] [--halves tune,heldout]
                                         [--types role-title name-kb] [--show misses,wrong,false]
                                         [--save out/kb-planted] [--json]

The dev set (``../shared/eval``) plants ``role-title`` and ``name-kb`` errors only on UK offices
and UK politicians; this set plants them, by the same method, on the people and offices of every
other country the knowledge base knows, so that what the knowledge base adds beyond the UK is
measured. The people, their offices and the press titles all come from the knowledge base
(``KnowledgeBase.exact``, ``roles_of``, ``holders``, ``titles``, ``all_titles``), not from lists
written here.

Articles (research data in ../shared, read at run time and never copied; a missing source is
skipped with a message), each checked with its publication date as ``published``, as a desk
knows it from its feed:

- Giveme5W1H gold (``bench/5w1h/giveme5w1h_gold/data/*.json``: world news of November 2016;
  headline and text, ``date_publish``), id ``5w1h/<file>``;
- PolNeAR train and dev (``bench/quotes/polnear/{train,dev}/text``: US political news 2015-16,
  dated by the date in the file name), id ``polnear/train/<name>.txt`` as in ``bench/precision.py``;
- the Zyte article-extraction benchmark's gold article bodies (``corpus/article-extraction-
  benchmark/index.jsonl``: English news of 2019 with the page's date), id ``zyte/<id>``;
- WCXB test articles' gold main content (``bench/article-extraction/wcxb-test/ground-truth``,
  pages typed ``article`` with a ``publish_date``), id ``wcxb/<file_id>``.

The Wikinews texts of ``corpus/wikinews-gum`` are left out: the dev set uses them.

The split is ``precision.split_of``'s (by article: held out when the first eight hex digits of
sha256(article id) are odd); the tuning half is for looking at misses, the held-out half for
figures only.

People in an article: a run of two to five capitalised words (particles such as "bin" or "de"
allowed inside) that ``exact`` resolves to one person with offices in the knowledge base, none of
them British (the dev set's are). A surname alone counts as that person when the article writes
their full name and no other person found has the same surname.

- ``role-title``: a capitalised press title of the knowledge base right before a person's full
  name or surname ("Russian President Vladimir Putin", "Secretary of State Kerry"), not after a
  qualifier ("former", "Vice", "Deputy") or another capitalised word other than a country
  ("Russian", "Russia's", "U.S."), that names an office the person held on the article's date
  (the title's rows read as the check reads them: a ``*`` title is of the country written before
  it, else of any country the person held office in). The office must be of a country
  (ISO3, not GBR). The title is swapped for the usual press title of another office of the same
  country that the person never held: the country's own title for the office where the knowledge
  base has one, else the generic one (the first listed), among the offices of that country the
  knowledge base has holders for, and always head of state, head of government and foreign
  minister ("Foreign Minister Obama", "Chancellor ..." only for Germany and Austria). The swap
  is kept only when no office the new title can name was ever held by the person. Gold ``right``
  is the title the article wrote; ``how`` is the office's country.
- ``name-kb``: the last word of a person's name as the article writes it in full (four letters
  or more) is misspelt the same way at every mention of that word (``planted.pick_typo``: one
  edit, never the first letter, a non-word that appears nowhere in the article), and the typo is
  no name the knowledge base knows; each mention is a gold error whose ``right`` is the original;
  ``how`` is the countries (or organisations) the person held office in.

Each copy gets one planted error (one surname for ``name-kb``), deterministically (``--seed``).
As the articles are mostly US political news, the copies of each type are taken first from the
articles where the error can be planted on an office or a person outside the United States, then
from the others (``WAYS``);
clean copies are unchanged articles in which at least one known person is found. Scoring is
``copydesk.evaluate``'s through ``planted.evaluate`` (spans overlap; a suggestion is right when it
equals ``right``; false alarms are warning or error findings of any check on clean copies per
1,000 words).
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

import planted  # bench/planted.py: the method, the edits and the scoring
from precision import date_of, split_of  # bench/precision.py

HALVES = planted.HALVES
TYPES = ("role-title", "name-kb")

#: Where each source lies under ../shared.
SOURCES = {
    "5w1h": "bench/5w1h/giveme5w1h_gold/data",
    "polnear/train": "bench/quotes/polnear/train/text",
    "polnear/dev": "bench/quotes/polnear/dev/text",
    "zyte": "corpus/article-extraction-benchmark/index.jsonl",
    "wcxb": "bench/article-extraction/wcxb-test/ground-truth",
}

#: Offices a title may be swapped to (when the knowledge base knows holders of the country's),
#: and those always tried, whatever the knowledge base holds.
OFFICE_ROLES = (
    "head-of-state", "head-of-government", "deputy-head-of-government", "vice-president",
    "foreign-minister", "defence-minister", "finance-minister", "interior-minister",
    "justice-minister", "health-minister", "education-minister", "trade-minister",
)
ALWAYS = ("head-of-state", "head-of-government", "foreign-minister")
#: Words inside a title that are not capitalised ("Secretary of State").
TITLE_LINKS = {"of", "for", "and", "the", "&"}
#: Words before a title that make it something else ("former President", "Vice President").
QUALIFIERS = {
    "former", "ex", "then", "late", "acting", "interim", "shadow", "deputy", "vice", "future",
    "incoming", "outgoing", "designate", "elect", "junior", "assistant", "next", "previous",
    "caretaker", "opposition", "first", "second", "under", "lieutenant", "a", "an",
}
PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "del", "della", "da", "das", "do", "dos",
             "du", "van", "von", "der", "den", "ter", "le", "la", "di", "ben"}
PUNCT = "\"“”‘'()[]{},.;:!?*"
MIN_SURNAME = 4


@dataclass
class Source:
    aid: str
    text: str
    published: datetime


@dataclass
class Person:
    key: str
    name: str
    career: list  # Holding
    full: set[str] = field(default_factory=set)  # the full names written
    surnames: set[str] = field(default_factory=set)  # their last words

    @property
    def countries(self) -> list[str]:
        return sorted({h.of for h in self.career})


# ---------------------------------------------------------------------------------------------
# Articles


def _day(value: str) -> datetime | None:
    found = re.match(r"(\d{4}-\d{2}-\d{2})", value or "")
    return datetime.fromisoformat(found.group(1)) if found else None


def _joined(title: str, body: str) -> str:
    title, body = (title or "").strip(), (body or "").strip()
    return f"{title}\n\n{body}\n" if title else body + "\n"


def load_articles(shared: Path, *, log=print) -> list[Source]:
    """Every dated article of the sources present; a missing source is named and skipped."""
    out: list[Source] = []
    for prefix, relative in SOURCES.items():
        path = shared / relative
        if not path.exists():
            log(f"note: {prefix} skipped: {path} not found")
            continue
        if prefix == "5w1h":
            for file in sorted(path.glob("*.json")):
                row = json.loads(file.read_text(encoding="utf-8"))
                when = _day(row.get("date_publish") or "")
                if when and row.get("text"):
                    out.append(Source(f"5w1h/{file.name}", _joined(row.get("title"), row["text"]), when))
        elif prefix.startswith("polnear/"):
            for file in sorted(path.glob("*.txt")):
                aid = f"{prefix}/{file.name}"
                when = date_of(aid)
                if when:
                    out.append(Source(aid, planted.read_article(file), when))
        elif prefix == "zyte":
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                when = _day(row.get("date") or "")
                if when and row.get("lang_guess") == "en" and row.get("text"):
                    out.append(Source(f"zyte/{row['id']}", _joined(row.get("title"), row["text"]), when))
        elif prefix == "wcxb":
            for file in sorted(path.glob("*.json")):
                row = json.loads(file.read_text(encoding="utf-8"))
                truth = row.get("ground_truth") or {}
                when = _day(truth.get("publish_date") or "")
                kind = ((row.get("_internal") or {}).get("page_type") or {}).get("primary")
                if when and kind == "article" and truth.get("main_content"):
                    out.append(Source(f"wcxb/{row.get('file_id') or file.stem}",
                                      _joined(truth.get("title"), truth["main_content"]), when))
    return out


# ---------------------------------------------------------------------------------------------
# People and titles in a text, read with the knowledge base


def _words(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, raw) of each whitespace-separated word, outer punctuation and a
    possessive 's stripped from ``word``; ``raw`` is the word as written."""
    out = []
    for m in re.finditer(r"\S+", text):
        raw = m.group()
        core = raw.lstrip(PUNCT)
        start = m.start() + len(raw) - len(core)
        core = core.rstrip(PUNCT)
        core = re.sub(r"['’]s?$", "", core)
        if core:
            out.append((start, start + len(core), core, raw))
    return out


def _runs(text: str) -> list[list[tuple[int, int, str, str]]]:
    """Runs of capitalised words (particles inside) joined by single spaces, unbroken by
    punctuation."""
    runs, run = [], []
    previous = None
    for word in _words(text):
        start, _end, core, _raw = word
        capital = core[:1].isupper()
        joined = (previous is not None and text[previous[1]:start] == " "
                  and previous[3][-1:] not in ",.;:!?)\"”" and not previous[3].endswith(("'s", "’s")))
        if capital or (core in PARTICLES and run):
            if run and not joined:
                runs.append(run)
                run = []
            run.append(word)
        else:
            if run:
                runs.append(run)
            run = []
        previous = word
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= 2]


def find_people(text: str, kb, cache: dict) -> dict[str, Person]:
    """Known people with non-British offices whose full name the text writes."""
    people: dict[str, Person] = {}
    for run in _runs(text):
        n = len(run)
        taken_until = -1
        for i in range(n):
            if i <= taken_until or run[i][2] in PARTICLES:
                continue
            for j in range(min(n, i + 5), i + 1, -1):  # longest first
                if run[j - 1][2] in PARTICLES:
                    continue
                written = text[run[i][0]:run[j - 1][1]]
                if kb.titles(run[i][2]):
                    continue  # a title and a name ("King Abdullah"), not a full name
                person = _resolve(written, kb, cache)
                if person is None:
                    continue
                found = people.setdefault(person.key, Person(person.key, person.name, person.career))
                found.full.add(written)
                found.surnames.add(run[j - 1][2])
                taken_until = j - 1
                break
    return people


def _resolve(written: str, kb, cache: dict) -> Person | None:
    if written not in cache:
        matches = {m.key: m for m in kb.exact(written, kind="person")}
        with_roles = {k: kb.roles_of(k) for k in matches}
        with_roles = {k: v for k, v in with_roles.items() if v}
        person = None
        if len(with_roles) == 1:
            key, career = next(iter(with_roles.items()))
            if all(h.of != "GBR" for h in career):
                person = Person(key, matches[key].name, career)
        cache[written] = person
    return cache[written]


def _iso3(of: str) -> bool:
    return len(of) == 3 and of.isupper()


def offices_named(kb, title: str, country: str | None, person: Person) -> set[tuple[str, str]]:
    """The (role, of) offices a title can name before this person's name, as the check reads
    it: a ``*`` title is of the country written before it, else of each country of the person's
    career; a country's own title only when no other country is written before it."""
    out = set()
    for row in kb.titles(title):
        if row.of == "*":
            out |= {(row.role, of) for of in ([country] if country else person.countries)}
        elif country in (None, row.of):
            out.add((row.role, row.of))
    return out


def _all_full(people: dict[str, Person]) -> set[str]:
    return {f for p in people.values() for f in p.full}


def _capitalised(title: str) -> bool:
    return all(w[:1].isupper() for w in title.split() if w.lower() not in TITLE_LINKS)


def _country_word(word: str, kb, cache: dict) -> str | None:
    """ISO3 of a country or nationality word ("Russian", "U.S.", "Russia")."""
    key = ("country", word)
    if key not in cache:
        found = None
        for match in kb.exact(word, kind="place"):
            record = kb.entity(match.key)
            if record is not None and record.subkind == "country" and record.country:
                found = record.country
                break
        cache[key] = found
    return cache[key]


@dataclass
class Titled:
    start: int  # of the title
    end: int
    title: str
    person: Person
    country: str | None  # written before the title
    office: tuple[str, str]  # the office held on the day that the title names


def titled_mentions(text: str, when: datetime, people: dict[str, Person], kb, cache: dict) -> list[Titled]:
    """Capitalised press titles right before a known person's name that fit the person on
    ``when``, naming an office of a country other than the UK."""
    titles = sorted({t.title for t in kb.all_titles()}, key=len, reverse=True)
    title_re = "|".join(re.escape(t) for t in titles)
    # a surname alone is the person's only when no other full name in the text ends in it
    # ("President Obama" beside "Michelle Obama" is not said of one person)
    surnames = Counter(text[run[-1][0]:run[-1][1]] for run in _runs(text)
                       if text[run[0][0]:run[-1][1]] not in _all_full(people))
    out = []
    for person in people.values():
        forms = set(person.full) | {s for s in person.surnames if not surnames[s]}
        name_re = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w'’.-])(?i:({title_re})) (?:{name_re})(?![\w-])", text):
            title = m.group(1)
            if not _capitalised(title):
                continue
            country = _before(text, m.start(1), kb, cache)
            if country is False:
                continue
            day = when.date()
            named = offices_named(kb, title, country, person)
            held = [h for h in person.career if (h.role, h.of) in named and h.record.covers(day)]
            if held and all(_iso3(h.of) and h.of != "GBR" for h in held):
                out.append(Titled(m.start(1), m.end(1), title, person, country, (held[0].role, held[0].of)))
    return sorted(out, key=lambda t: t.start)


def _before(text: str, start: int, kb, cache: dict):
    """The country written right before a title (ISO3), None when none is, False when the word
    before qualifies the title or may be part of a longer one."""
    head = text[max(0, start - 60):start]
    if head.endswith(("-", "–")):
        return False
    words = head.split()
    if not words or text[start - 1:start] != " ":
        return None
    raw = words[-1]
    if raw[-1:] in ".!?:;\"”" and raw not in ("U.S.", "U.N.", "U.K."):
        return None  # the title opens a sentence
    word = re.sub(r"['’]s$", "", raw.strip(PUNCT[:-6]))
    if word.lower() in QUALIFIERS or raw[-1:] in ",(":
        return False if word.lower() in QUALIFIERS else None
    if not word[:1].isupper():
        return None
    return _country_word(word, kb, cache) or False


def press_title(kb, role: str, country: str, day) -> str | None:
    """The usual press title of an office: the first generic one listed unless the country has
    its own; of the country's own, the first listed whose words all belong to the official title
    of the office's holder on ``day`` (no "War Secretary" in 2016), else the first listed."""
    rows = kb.all_titles()
    own = [t.title for t in rows if t.role == role and t.of == country and _capitalised(t.title)]
    generic = [t.title for t in rows if t.role == role and t.of == "*" and _capitalised(t.title)]
    if not own:
        return generic[0] if generic else None
    official = {w for h in kb.holders(role, country, day) for w in (h.title or "").split()}
    fitting = [t for t in own if set(t.split()) <= official | TITLE_LINKS]
    return (fitting or own)[0]


def swap_targets(kb, titled: Titled, day) -> list[str]:
    """Titles of other offices of the title's country that the person never held."""
    country = titled.office[1]
    ever = {(h.role, h.of) for h in titled.person.career}
    out = []
    for role in OFFICE_ROLES:
        if role not in ALWAYS and not kb.holders(role, country):
            continue
        wrong = press_title(kb, role, country, day)
        if wrong is None:
            continue
        named = offices_named(kb, wrong, titled.country, titled.person)
        if wrong.lower() == titled.title.lower() or not named or named & ever:
            continue
        out.append(wrong)
    return out


# ---------------------------------------------------------------------------------------------
# Planters


def _elsewhere(person: Person) -> bool:
    """Whether the person held an office outside the United States."""
    return any(h.of != "USA" for h in person.career)


def plant_role_title(source: Source, kb, rng: random.Random, cache: dict, how: str) -> planted.Plant | None:
    people = find_people(source.text, kb, cache)
    hits = []
    for titled in titled_mentions(source.text, source.published, people, kb, cache):
        if how == "elsewhere" and titled.office[1] == "USA":
            continue
        targets = swap_targets(kb, titled, source.published.date())
        if targets:
            hits.append((titled, targets))
    if not hits:
        return None
    titled, targets = rng.choice(hits)
    wrong = rng.choice(sorted(targets))
    country = titled.office[1]
    return planted.Plant(planted._replace(source.text, titled.start, titled.end, wrong),
                         [planted._err("role-title", titled.start, wrong, titled.title, country)],
                         country)


def plant_name_kb(source: Source, kb, rng: random.Random, cache: dict, how: str) -> planted.Plant | None:
    people = find_people(source.text, kb, cache)
    surnames = sorted({s for p in people.values() for s in p.surnames
                       if len(s) >= MIN_SURNAME and (how != "elsewhere" or _elsewhere(p))})
    rng.shuffle(surnames)
    text = source.text
    for surname in surnames:
        typo = planted.pick_typo(surname, text, rng)
        tries = 0
        while typo is not None and kb.is_alias(typo) and tries < 5:
            typo, tries = planted.pick_typo(surname, text, rng), tries + 1
        if typo is None or kb.is_alias(typo):
            continue
        starts = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?=s?\b)", text)]
        out, errors, shift = text, [], 0
        for s in starts:
            s += shift
            out = planted._replace(out, s, s + len(surname), typo)
            errors.append(planted._err("name-kb", s, typo, surname, "every mention"))
            shift += len(typo) - len(surname)
        how = "+".join(sorted({h.of for p in people.values() if surname in p.surnames for h in p.career}))
        return planted.Plant(out, [dict(e, how=how) for e in errors], how)
    return None


PLANTERS = {"role-title": plant_role_title, "name-kb": plant_name_kb}
#: The articles are mostly US political news: a first pass takes the articles where the error
#: can be planted on an office or a person outside the United States, a second pass fills up.
WAYS = ("elsewhere", "any")


# ---------------------------------------------------------------------------------------------
# The set


def build(shared: Path, kb, *, per_type: int = 60, seed: int = 7, halves=HALVES, types=TYPES,
          log=print) -> list[planted.Copy]:
    """The planted copies and clean copies, deterministically."""
    articles = load_articles(shared, log=log)
    cache: dict = {}
    copies: list[planted.Copy] = []
    for half in halves:
        pool = [a for a in articles if split_of(a.aid) == half]
        for type_ in types:
            order = pool[:]
            random.Random(f"{seed}|{type_}|{half}").shuffle(order)
            used: set[str] = set()
            for how in WAYS:
                for source in order:
                    if len(used) >= per_type:
                        break
                    if source.aid in used:
                        continue
                    rng = random.Random(f"{seed}|{type_}|{how}|{source.aid}")
                    plant = PLANTERS[type_](source, kb, rng, cache, how)
                    if plant is not None:
                        copies.append(planted.Copy(f"{type_}/{source.aid}", half, "mutated", plant.text,
                                                   plant.errors, [], plant.how, source.published))
                        used.add(source.aid)
        order = pool[:]
        random.Random(f"{seed}|clean|{half}").shuffle(order)
        clean = [a for a in order if find_people(a.text, kb, cache)][:per_type]
        copies.extend(planted.Copy(f"clean/{a.aid}", half, "clean", a.text, [], [], "unchanged",
                                   a.published) for a in clean)
    return copies


def evaluate(copies: list[planted.Copy], desk) -> dict:
    """``planted.evaluate``, each type also broken down by country (``how``)."""
    return planted.evaluate(copies, desk, broken_down=TYPES)


def counts(copies: list[planted.Copy], halves) -> str:
    """Articles and copies per half and source."""
    lines = []
    for half in halves:
        mine = [c for c in copies if c.half == half]
        by = Counter((c.kind, c.file.split("/")[1]) for c in mine)
        parts = ", ".join(f"{n} {kind} from {src}" for (kind, src), n in sorted(by.items()))
        articles = len({c.file.split("/", 1)[1] for c in mine})
        lines.append(f"{planted.HALF_NAMES[half]}: {len(mine)} copies of {articles} articles ({parts})")
    return "\n".join(lines)


def false_alarms_by_check(score) -> str:
    found = Counter(re.match(r"\S+@\d+: (\S+)", a).group(1) for a in score.false_alarms)
    return ", ".join(f"{check} {n}" for check, n in found.most_common()) or "none"


def main(argv: list[str] | None = None) -> int:
    args, shared, halves, types = planted.arguments(__doc__.splitlines()[0], TYPES, argv,
                                                    "misses, wrong, false")
    if shared is None:
        return 0
    from copydesk.desk import Desk

    started = time.perf_counter()
    desk = Desk()
    kb = desk.knowledge.kb
    log = (lambda message: print(message, file=sys.stderr)) if args.json else print
    copies = build(shared, kb, per_type=args.per_type, seed=args.seed, halves=halves, types=types,
                   log=log)
    if not copies:
        print(f"skipped: no articles found under {shared}")
        return 0
    if args.save:
        planted.save(copies, args.save)
    result = evaluate(copies, desk)
    elapsed = time.perf_counter() - started
    if args.json:
        out = {h: result["scores"][h].as_dict() for h in halves}
        out["knowledge"] = desk.knowledge.version()
        print(json.dumps(out, indent=2))
        return 0
    print("    .venv/bin/python bench/kb_planted.py " + " ".join(sys.argv[1:] if argv is None else argv))
    print(f"measured at {planted.measured_at()}; knowledge {desk.knowledge.version()};"
          f" {len(copies)} copies, {elapsed:.0f} s")
    print(counts(copies, halves) + "\n")
    print(planted.table(result, copies, halves))
    for h in halves:
        print(f"false alarms by check, {planted.HALF_NAMES[h]}: {false_alarms_by_check(result['scores'][h])}")
    for line in planted.details(result["scores"], halves, set(filter(None, args.show.split(",")))):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
