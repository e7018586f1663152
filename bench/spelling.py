"""Cost of the spelling lexicon and of the checks spelling, grammar.confusables, quotes.unbalanced.

    .venv/bin/python bench/spelling.py [--articles 200] [--corpus ../shared/corpus/bbc-news-2225/bbc]

Prints, in one process:
  - lexicon: load time of ``Lexicon.default()`` and of the alternatives (the Hunspell C library
    through the ``hunspell`` bindings, the pure-Python ``spylls``), lookup and suggestion costs;
  - checks: time of each of the three checks per article, and as a ratio of the spaCy parse of
    the same articles (the baseline, measured in the same process).
Skips with a message when the corpus (``../shared``) is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "bbc"
#: Words of the lookup test: known, British, unknown (typos written for this benchmark).
LOOKUPS = ("government", "colour", "organisations", "programme", "harbour", "analyse",
           "goverment", "mnoth", "recieve", "tarrif", "seperately", "acommodation")
TYPOS = ("goverment", "mnoth", "recieve", "tarrif", "seperately", "acommodation")


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def per_call_ms(function, words, repeat: int = 20) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        for word in words:
            function(word)
    return (time.perf_counter() - started) / (repeat * len(words)) * 1000


def lexicon_figures() -> None:
    from copydesk.knowledge.lexicon import Lexicon

    lexicon, load = timed(Lexicon.default)
    print(f"Lexicon.default(): {load:.2f} s")
    print(f"  known(), first call (uncached): {per_call_ms(lexicon._known, LOOKUPS, 5):.4f} ms/word")
    lexicon.known.cache_clear()
    print(f"  known(), cached:                {per_call_ms(lexicon.known, LOOKUPS):.5f} ms/word")
    print(f"  suggest(), uncached:            {per_call_ms(lexicon._suggest, TYPOS, 1):.1f} ms/word")
    print(f"  formation(), uncached:          {per_call_ms(lexicon._formation.__wrapped__, TYPOS, 1):.2f} ms/word")
    try:
        import hunspell

        speller, load = timed(hunspell.HunSpell, "/usr/share/hunspell/en_US.dic", "/usr/share/hunspell/en_US.aff")
        print(f"hunspell (C library) en_US: load {load:.3f} s, lookup "
              f"{per_call_ms(speller.spell, LOOKUPS):.4f} ms/word, suggest "
              f"{per_call_ms(speller.suggest, TYPOS, 1):.1f} ms/word")
    except ImportError:
        print("hunspell bindings not installed")
    try:
        from spylls.hunspell import Dictionary

        dictionary, load = timed(Dictionary.from_files, "/usr/share/hunspell/en_US")
        print(f"spylls (pure Python) en_US: load {load:.2f} s, lookup "
              f"{per_call_ms(dictionary.lookup, LOOKUPS, 5):.4f} ms/word, suggest "
              f"{per_call_ms(lambda w: list(dictionary.suggest(w)), TYPOS[:3], 1):.1f} ms/word")
    except ImportError:
        print("spylls not installed")


def check_figures(corpus: Path, count: int) -> None:
    from copydesk.analyse.pipeline import Analyser
    from copydesk.checks import confusables, quotes_unbalanced, spelling
    from copydesk.ingest.text import parse_text
    from copydesk.knowledge import Knowledge

    files = sorted(corpus.rglob("*.txt"))[:count]
    articles = [parse_text(f.read_text(encoding="utf-8", errors="replace"), source=str(f)) for f in files]
    analyser = Analyser.load()
    knowledge = Knowledge()
    knowledge.lexicon  # noqa: B018 - loaded before timing
    texts = [a.text[r.start : r.end] for a in articles for r in a.paragraphs]
    _, parse = timed(lambda: list(analyser.nlp.pipe(texts, batch_size=64)))
    analysed = list(analyser.analyse_many(articles, knowledge=knowledge))
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words; bare spaCy parse {parse:.2f} s "
          f"({parse / len(articles) * 1000:.1f} ms/article)")
    for name, module in (("spelling", spelling), ("grammar.confusables", confusables),
                         ("quotes.unbalanced", quotes_unbalanced)):
        for label in ("cold", "warm"):  # cold: the lexicon's caches are empty for these words
            found, took = timed(lambda m=module: [f for a in analysed for f in m.check(a, knowledge)])
            print(f"  {name:<20} {label}: {took / len(articles) * 1000:6.2f} ms/article, "
                  f"{took / parse * 100:5.1f}% of the parse, {len(found)} findings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    lexicon_figures()
    if not args.corpus.exists():
        print(f"skipped the checks: no corpus at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 0
    check_figures(args.corpus, args.articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
