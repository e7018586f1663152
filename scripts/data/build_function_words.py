"""Write ``src/copydesk/data/language/function-words.tsv``: the 100 most frequent words of English
and of each language ``copydesk.ingest.language`` compares it with, from wordfreq's word lists.

Shipped as a file so that the language check never loads wordfreq's full lists of 26 languages
(about 50 MB each in memory) in a checking process. Re-run after a wordfreq upgrade:

    .venv/bin/python scripts/data/build_function_words.py
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from copydesk.ingest.language import LATIN_LANGUAGES, TOP_WORDS

OUT = ROOT / "src" / "copydesk" / "data" / "language" / "function-words.tsv"


def main() -> int:
    from wordfreq import top_n_list

    lines = [
        (f"# The {TOP_WORDS} most frequent words of each language, from wordfreq {version('wordfreq')}"
         " (top_n_list, the 'best' word list; wordfreq's data is CC BY-SA 4.0, its code Apache-2.0)."),
        "# Written by scripts/data/build_function_words.py; do not edit by hand.",
        "language\twords",
    ]
    for language in ("en", *LATIN_LANGUAGES):
        lines.append(f"{language}\t{' '.join(top_n_list(language, TOP_WORDS))}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 3} languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
