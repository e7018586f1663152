"""Real misspellings (errors people made, from public lists) for ``bench/spelling_real.py``.

    .venv/bin/python bench/misspellings_import.py --codespell-git DIR
                     [--norvig-testset FILE ...] [--private-out out/misspellings]

Writes one TSV per source, columns ``misspelling``, ``correct``, ``source``:

- ``bench/data/misspellings/wikipedia.tsv``, from Wikipedia's "Lists of common misspellings/For
  machines" (CC BY-SA 3.0) as kept in codespell's ``codespell_lib/data/dictionary.txt`` (read
  from the git directory ``--codespell-git``, at its HEAD, whose commit goes in ``source``);
- ``birkbeck.tsv``, from Roger Mitton's Birkbeck spelling error corpus as Peter Norvig
  distributes it (``spell-testset1.txt``, ``spell-testset2.txt``: ``right: wrong wrong ...``),
  only when ``--norvig-testset`` is given. Its redistribution terms are unclear, so it is written
  under ``--private-out`` (``out/``, not in the repository), where the bench finds it.

Every source goes through the same filter: the correct form one lower-case word of letters, known
to the project's lexicon; the misspelling lower-case letters, four or more, not English (Zipf
< 1.5 in wordfreq and unknown to ``Lexicon.known``, i.e. Hunspell en_US/en_GB); corrections with
several comma-separated choices dropped as ambiguous. A source with more than ``--max-rows`` pairs
(after keeping correct words of Zipf >= ``--min-correct-zipf``, the words news copy can contain)
keeps the ``--max-rows`` pairs of smallest sha256("misspelling\\tcorrect"). The output is sorted,
so a rerun on the same inputs (and the same dictionaries and wordfreq) writes the same files.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT / "bench" / "data" / "misspellings"
PRIVATE_DEFAULT = ROOT / "out" / "misspellings"
CODESPELL_DICTIONARY = "codespell_lib/data/dictionary.txt"
FIELDS = ("misspelling", "correct", "source")
NONWORD_ZIPF = 1.5
MIN_LENGTH = 4
LOWER_WORD = re.compile(r"[a-z]+")


class Filter:
    """The pairs kept: a real word misspelt into a non-word (see the module docstring)."""

    def __init__(self, min_correct_zipf: float):
        from wordfreq import zipf_frequency

        from copydesk.knowledge.lexicon import Lexicon

        self.zipf = lambda w: zipf_frequency(w, "en")
        self.lexicon = Lexicon.default()
        self.min_correct_zipf = min_correct_zipf

    def keep(self, wrong: str, right: str) -> bool:
        if not (LOWER_WORD.fullmatch(wrong) and LOWER_WORD.fullmatch(right)):
            return False
        if len(wrong) < MIN_LENGTH or wrong == right:
            return False
        if not self.lexicon.known(right) or self.zipf(right) < self.min_correct_zipf:
            return False
        return self.zipf(wrong) < NONWORD_ZIPF and not self.lexicon.known(wrong)


def codespell_pairs(git_dir: Path) -> tuple[list[tuple[str, str]], str]:
    """(misspelling, correction) pairs with one correction, and the commit read."""
    commit = _git(git_dir, "rev-parse", "HEAD").strip()
    pairs = []
    for line in _git(git_dir, "show", f"{commit}:{CODESPELL_DICTIONARY}").splitlines():
        wrong, sep, right = line.strip().partition("->")
        if sep and "," not in right:  # "a, b," lists choices; "a, reason" is disabled: both out
            pairs.append((wrong.strip(), right.strip()))
    return pairs, commit


def norvig_pairs(path: Path) -> list[tuple[str, str]]:
    """``right: wrong wrong ...`` lines of Norvig's spell-testset files."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        right, sep, wrongs = line.partition(":")
        if sep:
            pairs.extend((w, right.strip()) for w in wrongs.split())
    return pairs


def mitton_pairs(path: Path) -> list[tuple[str, str]]:
    """(misspelling, correction) pairs of a file in Roger Mitton's corpus format (``missp.dat``:
    a ``$right`` line, then one misspelling a line until the next ``$``; words of several parts
    are joined by ``_``, which the filter drops)."""
    pairs, right = [], None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line.startswith("$"):
            right = line[1:]
        elif line and right is not None and right != "?":
            pairs.append((line, right))
    return pairs


def _git(git_dir: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(git_dir), *args], check=True, capture_output=True,
                          text=True).stdout


def select(rows: list[tuple[str, str, str]], keep: Filter, max_rows: int) -> list[tuple[str, str, str]]:
    """Filtered, one row per pair (the first source naming it), sampled by hash, sorted."""
    seen, kept = set(), []
    for wrong, right, source in rows:
        if (wrong, right) not in seen and keep.keep(wrong, right):
            seen.add((wrong, right))
            kept.append((wrong, right, source))
    if len(kept) > max_rows:
        kept.sort(key=lambda r: hashlib.sha256(f"{r[0]}\t{r[1]}".encode()).hexdigest())
        kept = kept[:max_rows]
    return sorted(kept)


def write(path: Path, rows: list[tuple[str, str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows(rows)
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(rows)} pairs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codespell-git", type=Path, required=True,
                        help="git directory of codespell-project/codespell")
    parser.add_argument("--norvig-testset", type=Path, nargs="*", default=[],
                        help="Norvig's spell-testset1.txt / spell-testset2.txt (Birkbeck corpus)")
    parser.add_argument("--private-out", type=Path, default=PRIVATE_DEFAULT,
                        help="folder for sources that may not be redistributed (default out/misspellings)")
    parser.add_argument("--max-rows", type=int, default=3000)
    parser.add_argument("--min-correct-zipf", type=float, default=3.0)
    args = parser.parse_args(argv)
    keep = Filter(args.min_correct_zipf)

    pairs, commit = codespell_pairs(args.codespell_git)
    source = f"wikipedia-common-misspellings via codespell {commit[:12]}"
    write(DATA / "wikipedia.tsv", select([(w, r, source) for w, r in pairs], keep, args.max_rows))

    if args.norvig_testset:
        rows = []
        for path in args.norvig_testset:
            name = path.stem  # spell-testset1
            rows += [(w, r, f"birkbeck via norvig {name}") for w, r in norvig_pairs(path)]
        write(args.private_out / "birkbeck.tsv", select(rows, keep, args.max_rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
