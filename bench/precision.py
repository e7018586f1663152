"""Precision on real text: every warning and error copydesk raises on real articles, read and
labelled by hand, split by article into a tuning half and a held-out half.

    .venv/bin/python bench/precision.py                       # run copydesk, report both halves
    .venv/bin/python bench/precision.py --reuse out/precision.jsonl   # report from a saved run
    .venv/bin/python bench/precision.py --todo out/todo.tsv   # also write unlabelled findings
    .venv/bin/python bench/precision.py --merge out/todo.tsv  # add labelled rows to labels.tsv
    .venv/bin/python bench/precision.py --set web             # the second set (web pages), its own labels
    .venv/bin/python bench/precision.py --set wcxb            # the third set (WCXB article pages)
    .venv/bin/python bench/precision.py --set trafilatura     # the fourth (trafilatura's eval pages)

The articles (research data in ../shared, read and never copied):

- BBC entertainment and sport, ``corpus/bbc-news-2225/bbc/{entertainment,sport}`` (no dev or
  planted-error pool uses these two categories);
- PolNeAR train and dev, ``bench/quotes/polnear/{train,dev}/text`` (US political news, 2015-16),
  each dated by its metadata (the date in its file name), as a desk knows a story's date from
  its feed; the BBC texts have no date and are checked as undated.

The split is by article and fixed before any check was changed: an article is held out when the
first eight hex digits of sha256(article id) are odd (``split_of``). Findings on held-out articles
are labelled and counted, never used to change a check.

What is labelled (``bench/precision/labels.tsv``, one finding a row): every finding at warning or
error as the check itself rates it (before the severity policy demotes it, so that a demoted check
keeps being measured), and a fixed sample of ``claims.unsourced`` notes (one in ``CLAIM_SAMPLE``,
chosen by hash of the finding, so the sample does not depend on the order of the run). Labels:

- ``real``: a copy editor would change the text;
- ``debatable``: an editor might; house style decides;
- ``false``: a false alarm.

``claims.unsourced`` says "this figure has no source", and its rows are labelled against exactly
that: ``real`` when the article names no source for the figure (common knowledge, a public record
or a match score the reporter reports included; a vague "reportedly" counts as no source),
``false`` when a source is named (same sentence, carried on from before, a poll story's lede, a
quotation) or the span is not a figure stated as fact (a name, a code, a list number, an event
name, a hypothetical), ``debatable`` when it is unclear whether a named source covers it. The
``why`` of these rows starts with the reading (``none:``, ``given:``, ``not-a-figure:``,
``unclear:``), and the column ``wants_source`` says whether a fact-checker would want a source for
the figure (``yes``/``no``), so the share of notes worth an editor's time is reported beside the
precision. A second sample of notes (``CLAIM_EXTRA``: five more in twelve) is reported on its own line:
on the tuning half it was read to find more causes of false notes; on the held-out half it was
labelled later (2026-12-07) by readers who changed no check, only to narrow the held-out figure,
which the first sample's 48 notes leave wide.

A second set (``--set web``, labels in ``bench/precision/labels-web.tsv``) was first scored after
every check had been tuned on the first: the English pages of htmldate's 2020 news set
(``bench/article-extraction/htmldate-mediacloud-2020``: 200 web pages of many publishers, read
through the whole HTML path as ``copydesk check page.html`` reads them; pages in other languages,
by the share of English function words, and pages with no article text are left out and counted)
and the 96 articles of the Giveme5W1H news corpus (``bench/5w1h``, 2016-17, plain text as a
scraper gives it, dated by its metadata). It is split by the same hash; every finding in scope of
its first run was labelled, in both halves, before any check was changed for it.

A third set (``--set wcxb``, labels in ``bench/precision/labels-wcxb.tsv``) was first scored after
the second had been tuned on: the English pages WCXB's test split types as articles
(``bench/article-extraction/wcxb-test``: blogs, magazines, company and public-service pages, a few
newspapers, 2020s), read through the whole HTML path. Same split, same labelling: every finding in
scope of its first run was labelled, in both halves, before any check was changed for it.

A fourth set (``--set trafilatura``, labels in ``bench/precision/labels-trafilatura.tsv``) is the
English pages of trafilatura's evaluation set (blogs, magazines and news sites, 2010s-2020; the
HTML is not in ../shared: ``--trafilatura-html`` names trafilatura's ``tests/`` folder at
e90b0ef), scored once after every change made on the other sets' tuning halves; its half A
became a tuning half after that.

A fifth set (``--set fixtures``, labels in ``bench/precision/labels-fixtures.tsv``) is the English
pages among the test fixtures of two open-source article parsers (Postlight Parser at e8ba7ec,
Mozilla Readability at ab4027a: news sites, magazines, blogs, documentation, wikis), and a sixth
(``--set scrapers``, ``labels-scrapers.tsv``) those of two news scrapers' test data (newspaper3k at
1618b54, goose3 at c5a8902: mostly news and magazine sites of the 2010s); neither is in ../shared
(``--fixtures-html``; docs/BENCHMARKS.md gives the export commands). A page whose text is that of
another page of its set is left out. Each was scored once, every finding in scope labelled in
both halves, before any check was changed for it.

A seventh set (``--set fundus``, ``labels-fundus.tsv``) is the English pages among the parser test
data of the news crawler Fundus (flairNLP/fundus at 18da6e5: 84 pages of 59 news publishers in
15 countries, most of 2023-2026; ``--fixtures-html``, default /tmp/fundus-set; docs/BENCHMARKS.md
gives the export command), scored once after the learned ranking of spelling suggestions, every
finding in scope labelled in both halves before any check was changed for it.

Precision counts ``real`` as right and ``debatable`` as wrong (the strict figure) and, beside it,
``real`` + ``debatable`` as right. A finding is matched to its label by (article, check, start,
end); a finding with no label is listed and counted apart, never silently.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
LABELS = ROOT / "bench" / "precision" / "labels.tsv"
#: The second set's labels (``--set web``): web pages and news of other publishers, first scored
#: after every check had been tuned on the first set.
WEB_LABELS = ROOT / "bench" / "precision" / "labels-web.tsv"
#: The third set's labels (``--set wcxb``): English article pages of the WCXB test split (blogs,
#: magazines, company and public-service pages, a few newspapers), first scored after the second.
WCXB_LABELS = ROOT / "bench" / "precision" / "labels-wcxb.tsv"
WCXB_DIR = "bench/article-extraction/wcxb-test"
#: The fourth set's labels (``--set trafilatura``): the English pages of trafilatura's evaluation
#: set, scored once, after every change made on the other sets' tuning halves.
TRAFILATURA_LABELS = ROOT / "bench" / "precision" / "labels-trafilatura.tsv"
TRAFILATURA_EVALDATA = "bench/article-extraction/trafilatura-evaldata/evaldata.json"
#: Where trafilatura's evaluation HTML is (not in ../shared: export it from trafilatura's
#: repository at e90b0ef, ``git archive e90b0ef tests/eval tests/cache``; docs/BENCHMARKS.md).
TRAFILATURA_HTML_DEFAULT = Path("/tmp/trafilatura-e90b0ef/tests")
#: The fifth set's labels (``--set fixtures``): the English pages among the test fixtures of two
#: open-source article parsers (Postlight Parser, Mozilla Readability), scored once, after every
#: change made on the other sets' tuning halves.
FIXTURES_LABELS = ROOT / "bench" / "precision" / "labels-fixtures.tsv"
#: The sixth set's labels (``--set scrapers``): the English pages among the test data of two news
#: scrapers (newspaper3k, goose3), scored once, after the changes made on the fifth set's half A.
SCRAPERS_LABELS = ROOT / "bench" / "precision" / "labels-scrapers.tsv"
#: The seventh set's labels (``--set fundus``): the English pages of Fundus's parser test data.
FUNDUS_LABELS = ROOT / "bench" / "precision" / "labels-fundus.tsv"
#: The fifth, sixth and seventh sets' pages: (prefix, folder, file pattern, id from the file's name or its
#: folder's), under a folder given by ``--fixtures-html`` (not in ../shared; docs/BENCHMARKS.md
#: gives the export commands): postlight/parser at e8ba7ec, mozilla/readability at ab4027a,
#: codelucas/newspaper at 1618b54, goose3/goose3 at c5a8902; and the seventh's, flairNLP/fundus at
#: 18da6e5 (its pages are named by their country's folder and their file).
FIXTURE_SOURCES = {
    "fixtures": [("postlight", "postlight/fixtures", "*.html", "file"),
                 ("readability", "readability/test/test-pages", "*/source.html", "folder")],
    "scrapers": [("newspaper", "newspaper/tests/data/html", "*.html", "file"),
                 ("goose3", "goose3/tests/data/content", "*.html", "file")],
    "fundus": [("fundus", "fundus/tests/resources/parser/test_data", "*/*.html.gz", "folder/file")],
}
FIXTURES_HTML_DEFAULT = {"fixtures": Path("/tmp/fixtures-set"), "scrapers": Path("/tmp/scrapers-set"),
                         "fundus": Path("/tmp/fundus-set")}
SHARED_DEFAULT = ROOT.parent / "shared"
SOURCES = {
    "bbc/entertainment": "corpus/bbc-news-2225/bbc/entertainment",
    "bbc/sport": "corpus/bbc-news-2225/bbc/sport",
    "polnear/train": "bench/quotes/polnear/train/text",
    "polnear/dev": "bench/quotes/polnear/dev/text",
}
#: One ``claims.unsourced`` note in this many is labelled.
CLAIM_SAMPLE = 12
LABEL_FIELDS = ["split", "article", "check", "start", "end", "text", "label", "why", "wants_source"]
TODO_FIELDS = LABEL_FIELDS + ["severity", "message", "suggestion", "context"]
VALID_LABELS = ("real", "debatable", "false")


def shared_dir() -> Path:
    import os

    return Path(os.environ.get("COPYDESK_SHARED") or SHARED_DEFAULT)


def split_of(article_id: str) -> str:
    """``tune`` or ``heldout``, by a hash of the article id (fixed; never by content or result)."""
    digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()
    return "heldout" if int(digest[:8], 16) % 2 else "tune"


def date_of(article_id: str):
    """The publication date a PolNeAR article's metadata gives (its file name: outlet_YYYY-MM-DD_…),
    as a desk would know it from its feed; None for the BBC texts, which carry no date."""
    from datetime import datetime

    match = re.search(r"_(\d{4}-\d{2}-\d{2})_", article_id)
    return datetime.fromisoformat(match.group(1)) if match else None


def claim_draw(article_id: str, start: int, end: int) -> int:
    digest = hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()
    return int(digest[:8], 16) % CLAIM_SAMPLE


def in_claim_sample(article_id: str, start: int, end: int) -> bool:
    return claim_draw(article_id, start, end) == 0


#: The draws of the second ``claims.unsourced`` sample (both halves; the held-out half's was
#: labelled later, by readers who did not change the check, to narrow its figure).
CLAIM_EXTRA = (1, 2, 3, 4, 5)


def article_files(shared: Path) -> list[tuple[str, Path]]:
    files = []
    for prefix, relative in SOURCES.items():
        folder = shared / relative
        if not folder.is_dir():
            raise SystemExit(f"precision set: {folder} not found (../shared or $COPYDESK_SHARED)")
        files.extend((f"{prefix}/{p.name}", p) for p in sorted(folder.glob("*.txt")))
    return files


def in_scope(article_id: str, finding: dict) -> bool:
    """Labelled findings: warning or error as the check rates it; a sample of unsourced claims."""
    if finding["check"] == "claims.unsourced":
        return in_claim_sample(article_id, finding["start"], finding["end"])
    return finding.get("raw_severity", finding["severity"]) in ("warning", "error")


#: The second set (``--set web``): news nobody on the project had read when every check had been
#: tuned, in two forms a desk receives: web pages, through the whole HTML path (extraction,
#: metadata, then the checks), and the plain text of a news scraper.
WEB_SOURCES = {
    "htmldate": "bench/article-extraction/htmldate-mediacloud-2020/html",
    "5w1h": "bench/5w1h/giveme5w1h_gold/data",
    "zyte": "bench/article-extraction/zyte-article-extraction-benchmark/html",
}
#: The commonest English function words: a page is English when they are at least
#: ``ENGLISH_SHARE`` of its words (the 2020 pages are in a dozen languages; the checks are for
#: English, so the others are left out, and counted).
ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "on", "it", "with", "as", "was", "by",
    "at", "be", "are", "from",
})
ENGLISH_SHARE = 0.12


def english(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return bool(words) and sum(w in ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words)


def wcxb_files(shared: Path) -> list[Path]:
    """The WCXB test pages its metadata types as ``article`` (the other page types are listings,
    product pages, forums and the like, not copy)."""
    root = shared / WCXB_DIR
    if not root.is_dir():
        raise SystemExit(f"precision set (wcxb): {root} not found (../shared or $COPYDESK_SHARED)")
    files = json.loads((root / "metadata.json").read_text(encoding="utf-8"))["files"]
    return [root / "html" / f"{key}.html.gz" for key in sorted(files)
            if files[key].get("page_type") == "article"]


def trafilatura_files(shared: Path, html_dir: Path) -> list[Path]:
    """The pages of trafilatura's evaluation set found under ``html_dir`` (``cache/`` first,
    then ``eval/``), in file-name order."""
    evaldata = shared / TRAFILATURA_EVALDATA
    if not evaldata.is_file() or not html_dir.is_dir():
        raise SystemExit(f"precision set (trafilatura): {evaldata} or {html_dir} not found"
                         " (--trafilatura-html DIR: trafilatura's tests/ at e90b0ef)")
    found = []
    for item in json.loads(evaldata.read_text(encoding="utf-8")).values():
        for folder in ("cache", "eval"):
            path = html_dir / folder / item["file"]
            if path.is_file():
                found.append(path)
                break
    return sorted(set(found), key=lambda p: p.name)


def fixture_files(which: str, html_dir: Path) -> list[tuple[str, Path]]:
    """The fifth (``fixtures``), sixth (``scrapers``) or seventh (``fundus``) set's pages as
    (article id, path)."""
    found = []
    for prefix, folder, pattern, named_by in FIXTURE_SOURCES[which]:
        paths = sorted((html_dir / folder).glob(pattern))
        if not paths:
            raise SystemExit(f"precision set ({which}): no pages under {html_dir / folder} (--fixtures-html"
                             " DIR; docs/BENCHMARKS.md gives the export commands)")
        names = {"file": lambda p: p.name, "folder": lambda p: p.parent.name,
                 "folder/file": lambda p: f"{p.parent.name}/{p.name}"}[named_by]
        found += [(f"{prefix}/{names(path)}", path) for path in paths]
    return found


def web_articles(shared: Path, which: str = "web", html_dir: Path = TRAFILATURA_HTML_DEFAULT) -> tuple[list, Counter]:
    """The second set's articles (HTML pages parsed as ``copydesk check`` parses them; the
    5W1H corpus's title and text, dated by its metadata), or the third's, fourth's or fifth's (``which``), and
    what was left out and why."""
    from datetime import datetime

    from copydesk.errors import IngestError
    from copydesk.ingest.html import parse_html
    from copydesk.ingest.text import parse_text

    if which == "wcxb":
        sources = [("wcxb", wcxb_files(shared))]
    elif which in FIXTURE_SOURCES:
        sources = [("", fixture_files(which, html_dir))]
    elif which == "trafilatura":
        sources = [("trafilatura", trafilatura_files(shared, html_dir))]
    else:
        sources = []
        for prefix, relative in WEB_SOURCES.items():
            folder = shared / relative
            if not folder.is_dir():
                raise SystemExit(f"precision set (web): {folder} not found (../shared or $COPYDESK_SHARED)")
            sources.append((prefix, sorted(folder.iterdir())))
    articles, skipped, texts = [], Counter(), set()
    for prefix, paths in sources:
        for path in paths:
            aid, path = path if isinstance(path, tuple) else (f"{prefix}/{path.name}", path)
            if path.name.endswith((".html.gz", ".html")):
                raw = path.read_bytes()
                try:
                    article = parse_html(gzip.decompress(raw) if path.name.endswith(".gz") else raw, source=aid)
                except IngestError as err:
                    skipped[f"not read ({err.kind})"] += 1
                    continue
            else:
                record = json.loads(path.read_text(encoding="utf-8"))
                body = "\n\n".join(p for p in (record.get("title"), record.get("text")) if p)
                article = parse_text(body, source=aid)
                if record.get("date_publish") not in (None, "", "None"):
                    article.published = datetime.fromisoformat(record["date_publish"])
            if not english(article.text):
                skipped["not English"] += 1
                continue
            if which in FIXTURE_SOURCES:  # two parsers' fixtures: the same page can be saved twice
                if article.text in texts:
                    skipped["the same text as another page"] += 1
                    continue
                texts.add(article.text)
            articles.append(article)
    return articles, skipped


def run(shared: Path, out: Path, only: str | None = None, which: str = "news",
        html_dir: Path = TRAFILATURA_HTML_DEFAULT) -> None:
    """Run the desk over the precision set and save one JSON line per article."""
    from copydesk.ingest.decode import decode_bytes
    from copydesk.ingest.text import parse_text

    if which in ("web", "wcxb", "trafilatura", *FIXTURE_SOURCES):
        articles, skipped = web_articles(shared, which, html_dir)
        articles = [a for a in articles if only in (None, split_of(a.source))]
        for reason, count in sorted(skipped.items()):
            print(f"left out: {count} pages, {reason}")
    else:
        files = [(aid, path) for aid, path in article_files(shared) if only in (None, split_of(aid))]
        # decoded as `copydesk check` decodes files (a few BBC files are Latin-1)
        articles = [parse_text(decode_bytes(path.read_bytes(), source=aid)[0], source=aid) for aid, path in files]
    for article in articles:
        if article.published is None:
            article.published = date_of(article.source)
    save_run(articles, out)


def save_run(articles: list, out: Path) -> None:
    """Check ``articles`` with every check at its own severity and save one JSON line per article:
    each finding with its raw severity, the shipped one (the default policy) and its context."""
    from copydesk.checks.policy import SeverityPolicy
    from copydesk.desk import Desk

    desk = Desk(severity_policy=None)  # each check's own severity; the policy is applied below
    policy = SeverityPolicy.default()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        for report in desk.check_many(articles):
            text = report.article.text
            findings = []
            for f in report.findings:
                row = f.to_dict()
                row["raw_severity"] = row["severity"]
                row["severity"] = policy.severity_of(f).label
                row["context"] = _context(text, f.start, f.end)
                findings.append(row)
            handle.write(json.dumps({
                "article": report.source, "words": len(text.split()), "findings": findings,
            }) + "\n")


def _context(text: str, start: int, end: int, before: int = 400, after: int = 250) -> str:
    left = text[max(0, start - before) : start]
    right = text[end : end + after]
    return (left + "[[" + text[start:end] + "]]" + right).replace("\t", " ").replace("\n", " ¶ ")


def load_labels(path: Path = LABELS) -> dict[tuple[str, str, int, int], dict]:
    labels = {}
    if not path.exists():
        return labels
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["label"] not in VALID_LABELS:
                raise SystemExit(f"{path}: label {row['label']!r} is not one of {VALID_LABELS}")
            row["wants_source"] = row.get("wants_source") or ""
            labels[(row["article"], row["check"], int(row["start"]), int(row["end"]))] = row
    return labels


@dataclass
class Tally:
    real: int = 0
    debatable: int = 0
    false: int = 0
    unlabelled: int = 0
    #: ``claims.unsourced`` only: labelled notes whose figure a fact-checker would want sourced
    wants: int = 0

    def add(self, label: str | None, wants: str = "") -> None:
        if label is None:
            self.unlabelled += 1
        else:
            setattr(self, label, getattr(self, label) + 1)
            self.wants += wants == "yes"

    @property
    def labelled(self) -> int:
        return self.real + self.debatable + self.false

    @property
    def precision(self) -> float | None:
        return self.real / self.labelled if self.labelled else None

    @property
    def lenient(self) -> float | None:
        return (self.real + self.debatable) / self.labelled if self.labelled else None


def shipped_severity(policy, row: dict) -> str:
    """The severity a user sees: the shipped policy (``data/severity.tsv``, as it is now) applied
    to the check's own severity, so a saved run is re-scored when the policy changes."""
    from copydesk.model import Finding, Severity

    finding = Finding(row["check"], Severity.parse(row["raw_severity"]), row["start"], row["end"],
                      row["text"], row["message"])
    return policy.severity_of(finding).label


def score(results: Path, labels: dict, second_sample: bool = True) -> dict:
    """Tallies by split: per check (as the check rates it), per shipped severity, and overall
    (``second_sample``: count the second ``claims.unsourced`` sample, which only the first set has)."""
    from copydesk.checks.policy import SeverityPolicy

    policy = SeverityPolicy.default()
    by_check: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    by_severity: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    shipped: dict[str, Tally] = defaultdict(Tally)
    words: Counter = Counter()
    articles: Counter = Counter()
    shipped_count: Counter = Counter()
    todo = []
    with open(results, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            aid = row["article"]
            split = split_of(aid)
            words[split] += row["words"]
            articles[split] += 1
            for f in row["findings"]:
                if (second_sample and f["check"] == "claims.unsourced"
                        and claim_draw(aid, f["start"], f["end"]) in CLAIM_EXTRA):
                    extra = labels.get((aid, f["check"], f["start"], f["end"]), {})
                    by_check[split]["claims.unsourced (second sample)"].add(
                        extra.get("label"), extra.get("wants_source", ""))
                    if not extra:
                        todo.append((split, aid, f))
                if not in_scope(aid, f):
                    continue
                f["severity"] = shipped_severity(policy, f)
                label, wants = None, ""
                for check_id in [f["check"], *f.get("checks", [])]:  # a merged finding's checks
                    row = labels.get((aid, check_id, f["start"], f["end"]), {})
                    label, wants = row.get("label"), row.get("wants_source", "")
                    if label is not None:
                        break
                if label is None:
                    todo.append((split, aid, f))
                by_check[split][f["check"]].add(label, wants)
                if f["check"] != "claims.unsourced":
                    by_check[split][f"{f['check']} @ {f['raw_severity']}"].add(label)
                if f["check"] != "claims.unsourced":
                    by_severity[split][f["raw_severity"]].add(label)
                    if f["severity"] in ("warning", "error"):
                        shipped[split].add(label)
                        shipped_count[split] += 1
    return {
        "by_check": by_check, "by_severity": by_severity, "shipped": shipped, "words": words,
        "articles": articles, "shipped_count": shipped_count, "todo": todo,
    }


def _fmt(t: Tally) -> str:
    if not t.labelled:
        return f"— ({t.unlabelled} unlabelled)" if t.unlabelled else "—"
    extra = f", {t.unlabelled} unlabelled" if t.unlabelled else ""
    return f"{t.precision:.2f} / {t.lenient:.2f} ({t.real}/{t.debatable}/{t.false}{extra})"


def report(s: dict) -> str:
    splits = ("tune", "heldout")
    lines = [
        "precision strict / lenient (real/debatable/false) — tuning half | held-out half",
        "",
        "| | tuning half | held-out half |",
        "|---|---|---|",
        "| articles | " + " | ".join(str(s["articles"][x]) for x in splits) + " |",
        "| words | " + " | ".join(f"{s['words'][x]:,}" for x in splits) + " |",
        "| **shipped warnings + errors** | " + " | ".join(_fmt(s["shipped"][x]) for x in splits) + " |",
        "| shipped warnings + errors per 1,000 words | " + " | ".join(
            f"{1000 * s['shipped_count'][x] / max(1, s['words'][x]):.2f}" for x in splits) + " |",
    ]
    for severity in ("error", "warning"):
        lines.append(f"| as rated by the check: {severity} | " + " | ".join(
            _fmt(s["by_severity"][x][severity]) for x in splits) + " |")
    checks = sorted(set(s["by_check"]["tune"]) | set(s["by_check"]["heldout"]))
    for check in checks:
        lines.append(f"| `{check}` | " + " | ".join(_fmt(s["by_check"][x][check]) for x in splits) + " |")
        if check == "claims.unsourced":
            lines.append("| `claims.unsourced`: figures a fact-checker would want sourced | " + " | ".join(
                _wants(s["by_check"][x][check]) for x in splits) + " |")
    return "\n".join(lines)


def _wants(t: Tally) -> str:
    return f"{t.wants / t.labelled:.2f} ({t.wants} of {t.labelled})" if t.labelled else "—"


DOCS_MARK = "## Precision on real text"


def write_docs(s: dict, docs: Path = ROOT / "docs" / "checks") -> list[str]:
    """Rewrite the "Precision on real text" section of each check's docs page from a scored run
    (the figures the severity policy is set from), and return the pages changed."""
    from copydesk.checks.policy import SeverityPolicy
    from copydesk.model import Severity

    policy = SeverityPolicy.default()
    changed = []
    from copydesk.checks.registry import Registry

    checks = Registry.default(plugins=False).ids()
    for check in checks:
        page = docs / f"{check}.md"
        if not page.exists() or check.startswith("style."):
            continue  # (house-style checks report the house's own rules; their pages say so)
        lines = [DOCS_MARK, "",
                 ("Every finding this check raised on 1,821 real articles (BBC entertainment and sport,"
                 " PolNeAR US political news), read and labelled real / debatable / false"
                 " (`bench/precision/labels.tsv`); the articles are split in two halves by a hash of"
                 " their name before any tuning, and the held-out half was never used to change the"
                 " check. Precision counts *real* as right (debatable as wrong; lenient figure after"
                 " the slash counts it right). Reproduce with `.venv/bin/python bench/precision.py`."),
                 "", "| as the check rates it | tuning half | held-out half | shipped as |", "|---|---|---|---|"]
        levels = sorted({k.split(" @ ")[1] for x in ("tune", "heldout") for k in s["by_check"][x]
                         if k.startswith(check + " @ ")}, reverse=True)
        if check == "claims.unsourced":
            levels = []
            lines[2] += (" For this check a note is *real* when the article names no source for the"
                         " figure (whether or not the figure is public record), *false* when it names"
                         " one or the span is not a figure stated as fact, *debatable* when it is"
                         " unclear; a second line gives how many of the noted figures a fact-checker"
                         " would want sourced.")
            lines.append(f"| info (a sample of one in {CLAIM_SAMPLE}) | {_fmt(s['by_check']['tune'][check])}"
                         f" | {_fmt(s['by_check']['heldout'][check])} | info |")
            lines.append(f"| of these, figures a fact-checker would want sourced | {_wants(s['by_check']['tune'][check])}"
                         f" | {_wants(s['by_check']['heldout'][check])} | |")
            second = {half: s["by_check"][half].get(f"{check} (second sample)") for half in ("tune", "heldout")}
            if any(t is not None and t.labelled for t in second.values()):
                lines.append(f"| info, a second sample (five more in {CLAIM_SAMPLE}) |"
                             + "".join(f" {_fmt(t) if t is not None else '—'} |" for t in second.values())
                             + " info |")
        for level in levels:
            key = f"{check} @ {level}"
            rule = policy.rule_for(check, Severity.parse(level))
            shipped = min(Severity.parse(level), rule.max_severity).label if rule else level
            lines.append(f"| {level} | {_fmt(s['by_check']['tune'][key])} | {_fmt(s['by_check']['heldout'][key])}"
                         f" | {shipped} |")
        if not levels and check != "claims.unsourced":
            lines.append("| — | no finding in either half | | |")
        text = page.read_text(encoding="utf-8")
        section = "\n".join(lines) + "\n"
        if DOCS_MARK in text:
            head, _, rest = text.partition(DOCS_MARK)
            tail = rest[rest.find("\n## ") + 1 :] if "\n## " in rest else ""
            new = head + section + ("\n" + tail if tail else "")
        else:
            new = text.rstrip("\n") + "\n\n" + section
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed.append(str(page.relative_to(ROOT)))
    return changed


def write_todo(todo: list, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        _write_row(handle, TODO_FIELDS)
        for split, aid, f in sorted(todo, key=lambda t: (t[0], t[1], t[2]["start"])):
            _write_row(handle, [
                split, aid, f["check"], f["start"], f["end"], _clean(f["text"]), "", "", "",
                f["raw_severity"], _clean(f["message"]), _clean(f.get("suggestion") or ""),
                _clean(f.get("context", "")),
            ])


def _write_row(handle, values: list) -> None:
    """One TSV line; the cells carry no tab or newline (see ``_clean``), so nothing is quoted."""
    handle.write("\t".join(_clean(str(v)) for v in values) + "\n")


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ¶ ")


def merge(todo: Path, labels_path: Path = LABELS) -> int:
    labels = load_labels(labels_path)
    added = 0
    with open(todo, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row.get("label"):
                continue
            if row["label"] not in VALID_LABELS:
                raise SystemExit(f"{todo}: label {row['label']!r} is not one of {VALID_LABELS}")
            key = (row["article"], row["check"], int(row["start"]), int(row["end"]))
            labels[key] = {k: row.get(k) or "" for k in LABEL_FIELDS}
            added += 1
    _write_labels(labels, labels_path)
    return added


#: How a ``claims.unsourced`` reading ("does the article name a source for this figure?") becomes
#: the label of the note "this figure has no source".
CLAIM_READINGS = {"none": "real", "unclear": "debatable", "given": "false", "not-a-figure": "false"}


def merge_claim_readings(path: Path, labels_path: Path = LABELS) -> int:
    """Relabel ``claims.unsourced`` rows from a reading file (columns article, check, start, end,
    source, wants_source, why; see the module docstring)."""
    labels = load_labels(labels_path)
    changed = 0
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            reading, wants = row["source"].strip(), row["wants_source"].strip()
            if reading not in CLAIM_READINGS or wants not in ("yes", "no"):
                raise SystemExit(f"{path}: reading {reading!r} / wants_source {wants!r} not valid")
            key = (row["article"], row["check"], int(row["start"]), int(row["end"]))
            if key not in labels:  # a new note of the first sample or of the second
                draw = claim_draw(row["article"], key[2], key[3])
                split = split_of(row["article"])
                if row["split"] != split or not (draw == 0 or draw in CLAIM_EXTRA):
                    raise SystemExit(f"{path}: {key} is in neither claims sample")
                labels[key] = {k: row.get(k, "") for k in LABEL_FIELDS}
            labels[key].update(label=CLAIM_READINGS[reading], why=f"{reading}: {row['why'].strip()}",
                               wants_source=wants)
            changed += 1
    _write_labels(labels, labels_path)
    return changed


def _write_labels(labels: dict, labels_path: Path) -> None:
    labels_path.parent.mkdir(parents=True, exist_ok=True)
    with open(labels_path, "w", encoding="utf-8", newline="") as handle:
        _write_row(handle, LABEL_FIELDS)
        for key in sorted(labels):
            _write_row(handle, [labels[key][k] for k in LABEL_FIELDS])


SET_LABELS = {"news": LABELS, "web": WEB_LABELS, "wcxb": WCXB_LABELS, "trafilatura": TRAFILATURA_LABELS,
              "fixtures": FIXTURES_LABELS, "scrapers": SCRAPERS_LABELS, "fundus": FUNDUS_LABELS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", type=Path, help="read a saved run instead of running copydesk")
    parser.add_argument("--save", type=Path, default=ROOT / "out" / "precision.jsonl",
                        help="where the run is saved (default out/precision.jsonl)")
    parser.add_argument("--todo", type=Path, help="write unlabelled findings here (TSV)")
    parser.add_argument("--merge", type=Path, nargs="+", help="add the labelled rows of todo files")
    parser.add_argument("--claim-readings", type=Path, nargs="+",
                        help="relabel claims.unsourced rows from reading files (source, wants_source, why)")
    parser.add_argument("--only", choices=("tune", "heldout"), help="run one half only")
    parser.add_argument("--set", dest="which", choices=tuple(SET_LABELS), default="news",
                        help="news: the first set (BBC entertainment and sport, PolNeAR); web: the second"
                        " (2020 web pages of htmldate's news set, the 5W1H news corpus, Zyte's English"
                        " pages); wcxb: the third (WCXB's English article pages); trafilatura: the"
                        " fourth (the English pages of trafilatura's evaluation set); fixtures: the fifth (the"
                        " English pages of Postlight Parser's and Mozilla Readability's test fixtures); scrapers: the"
                        " sixth (the English pages of newspaper3k's and goose3's test data); fundus: the seventh (the English"
                        " pages of the Fundus crawler's parser test data); each its own labels")
    parser.add_argument("--trafilatura-html", type=Path, default=TRAFILATURA_HTML_DEFAULT,
                        help="trafilatura's tests/ folder at e90b0ef (for --set trafilatura)")
    parser.add_argument("--fixtures-html", type=Path,
                        help="the fifth, sixth or seventh set's pages (for --set fixtures, scrapers or fundus;"
                        " default /tmp/fixtures-set, /tmp/scrapers-set or /tmp/fundus-set): the folder the"
                        " export commands fill")
    parser.add_argument("--docs", action="store_true",
                        help="rewrite the 'Precision on real text' section of docs/checks/*.md")
    args = parser.parse_args(argv)
    labels_path = SET_LABELS[args.which]
    if args.which != "news" and args.docs:
        parser.error("--docs writes the first set's figures; run it without --set")
    if args.claim_readings:
        for path in args.claim_readings:
            print(f"{merge_claim_readings(path, labels_path)} claims.unsourced rows relabelled from {path}")
        return 0
    if args.merge:
        for todo in args.merge:
            print(f"{merge(todo, labels_path)} labels from {todo} merged into {labels_path.relative_to(ROOT)}")
        return 0
    shared = shared_dir()
    if not shared.is_dir():
        print(f"skipped: evaluation data not found at {shared} (set COPYDESK_SHARED)")
        return 0
    results = args.reuse
    if results is None:
        html_dir = args.trafilatura_html
        if args.which in FIXTURE_SOURCES:
            html_dir = args.fixtures_html or FIXTURES_HTML_DEFAULT[args.which]
        run(shared, args.save, args.only, args.which, html_dir)
        results = args.save
    s = score(results, load_labels(labels_path), second_sample=args.which == "news")
    print(report(s))
    print(f"\n{len(s['todo'])} findings in scope have no label yet"
          + (f"; written to {args.todo}" if args.todo else " (--todo FILE lists them)"))
    if args.todo:
        write_todo(s["todo"], args.todo)
    if args.docs:
        for page in write_docs(s):
            print(f"updated {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
