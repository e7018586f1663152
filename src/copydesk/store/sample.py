"""Made-up reports for the store's tests and benchmarks, built without the language model.

``sample_report(n)`` is a short article (a headline and four paragraphs, about 90 words) with
what a real report holds: two entities with their mentions, a direct quote with its speaker and
cue, a claim with a quantity and a source, an event, and two findings (a misspelling and a
confusable) with fingerprints. Each ``n`` gives another text; ``edit`` rewrites the last
paragraph only, so the findings and their fingerprints stay; ``url`` makes versions of one
story.
"""

from __future__ import annotations

from typing import Any

TOWNS = ("Westhaven", "Eastbrook", "Northmere", "Southport", "Kingsford", "Ashby", "Millbay")
PEOPLE = ("Maria Kowalska", "John Okafor", "Priya Raman", "Tomas Novak", "Aiko Tanaka",
          "Lars Eriksen", "Fatima Haddad")


class _Text:
    """Builds a text and remembers where each marked piece landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def add(self, *pieces: str | tuple[str, str]) -> None:
        for piece in pieces:
            if isinstance(piece, tuple):
                mark, value = piece
                self.spans.setdefault(mark, []).append((self.length, self.length + len(value)))
            else:
                value = piece
            self.parts.append(value)
            self.length += len(value)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def sample_report(n: int, *, url: str | None = None, edit: int = 0, source: str | None = None
                  ) -> Any:
    """A ``copydesk.Report`` for made-up article ``n`` (see the module doc)."""
    from copydesk import Report
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.model import (
        Article,
        Claim,
        Entity,
        Event,
        Evidence,
        Finding,
        Mention,
        Quantity,
        Quote,
        Severity,
        Speaker,
        split_paragraphs,
    )

    town = TOWNS[n % len(TOWNS)]
    person = PEOPLE[(n // len(TOWNS)) % len(PEOPLE)]
    amount = f"{n % 97 + 3}.{n % 10}"
    b = _Text()
    b.add(f"{town} council approves harbour plan number {n}\n\n")
    b.add(("claim_start", ""), "The council of ", ("town", town),
          f" voted on Tuesday to spend {amount} million pounds on the harbour, ",
          ("source", "officials said"), ".", ("claim_end", ""), "\n\n")
    b.add("“", ("quote", "We have waited long enough for this harbour"), ",” ",
          ("cue", "said"), " ", ("person", person), ", the council leader.\n\n")
    b.add("The ", ("spelling", "goverment"), " has not commented, and ", ("its", "its"),
          f" unclear when work on scheme {n} will start.\n\n")
    b.add(f"Work is due to begin in {('spring', 'summer', 'autumn')[edit % 3]} "
          f"after edit {edit} of the plan, ", ("person", person.split()[-1]), " said.")
    text = b.text
    s = b.spans
    article = Article(text=text, source=source or f"sample-{n}.txt", url=url,
                      headline=text[: text.index("\n")], regions=split_paragraphs(text))

    def span(mark: str, k: int = 0) -> tuple[int, int]:
        return s[mark][k]

    people = [Mention(a, z, text[a:z], "PERSON", "e1") for a, z in s["person"]]
    places = [Mention(*span("town"), town, "GPE", "e2")]
    entities = [
        Entity("e1", "PERSON", person, people, kb_id=f"Q{1000 + n % 50}"),
        Entity("e2", "GPE", town, places),
    ]
    qa, qz = span("quote")
    pa, pz = span("person", 0)
    ca, cz = span("cue")
    quote = Quote(qa, qz, text[qa:qz], "direct", Speaker(person, "e1", pa, pz), (ca, cz, "said"))
    claim_start, claim_end = span("claim_start")[0], span("claim_end")[0]
    figure = f"{amount} million pounds"
    fa = text.index(figure)
    claim = Claim(
        claim_start, claim_end, text[claim_start:claim_end],
        [Quantity(fa, fa + len(figure), figure, float(amount) * 1e6, "GBP")],
        source="officials", source_kind="vague", source_span=span("source"),
    )
    va = text.index("voted")
    event = Event(va, va + 5, "AGREE", "council", None, text="voted", mode="vote",
                  actor_span=span("town"))
    analysed = AnalysedArticle(article=article, mentions=people + places, entities=entities,
                               quotes=[quote], claims=[claim], events=[event])
    sa, sz = span("spelling")
    ia, iz = span("its")
    findings = [
        Finding("spelling", Severity.ERROR, sa, sz, text[sa:sz],
                "'goverment' is not an English word; did you mean 'government'?", "government",
                0.9, [Evidence("spelling", "hunspell en_US")]),
        Finding("grammar.confusables", Severity.ERROR, ia, iz, text[ia:iz],
                "'its' should probably be 'it's'", "it's", 0.85),
    ]
    return Report(source=article.source, article=article, analysed=analysed, findings=findings)
