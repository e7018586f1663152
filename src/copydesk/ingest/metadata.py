"""Page metadata: headline, byline, section, published and updated times, language, URL.

Sources, strongest first: JSON-LD article objects, Open Graph / ``article:*`` properties, named
meta tags (``pubdate``, ``DC.date``, ``parsely-pub-date``, ``sailthru.date``, ...), microdata and
``<time>`` elements, then htmldate's content heuristics (``original_date=True``: its default
returns the *update* date) for the published date.

The headline is chosen by agreement among JSON-LD ``headline``, ``og:title``, ``twitter:title``,
the first ``<h1>`` and ``<title>``: each source offers its value and the value with a site-name
suffix or prefix removed (" | Site", " - Site", "Site: "), and the form offered by the most sources
wins. See ``docs/html.md``.
"""

from __future__ import annotations

import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from lxml.html import HtmlElement
from rapidfuzz import fuzz

from copydesk.ingest import extract_jsonld as jsonld
from copydesk.ingest.extract_dates import parse_date, plausible

PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
    "published-date", "article.published", "article_date_original", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "dc.date", "dcterms.date", "date", "original-publish-date", "cxenseparse:recs:publishtime",
    "citation_publication_date", "citation_date", "displaydate", "og:pubdate", "pub_date",
    "timestamp", "rnews:datepublished", "article.created", "bt:pubdate", "prism.publicationdate",
)
UPDATED_META = (
    "article:modified_time", "og:updated_time", "og:modified_time", "datemodified",
    "lastmod", "last-modified", "dcterms.modified", "dc.date.modified", "article.updated",
    "parsely-updated", "updated_time", "modified-date",
)
_SEPARATORS = re.compile(r"\s+[|\-–—·•:/»]+\s+|\s*[|·•»]\s*")
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
HEADLINE_SOURCES = ("jsonld", "og", "twitter", "title")
HEADING_MATCH = 50.0


@dataclass(slots=True)
class PageMetadata:
    headline: str | None = None
    byline: str | None = None
    section: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    sources: dict[str, str] = field(default_factory=dict)  # field -> where it came from


def clean(text: str | None) -> str | None:
    """Collapse whitespace; ``None`` for empty."""
    if not text:
        return None
    text = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return text or None


def comparable(text: str) -> str:
    """The form two headlines are compared in: NFKC, quotes and dashes unified, casefolded."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def meta_values(tree: HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents keyed by lower-cased ``property``/``name``/``itemprop``, page order."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None:
            content = meta.get("datetime") or meta.get("value")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                found.setdefault(key.strip().lower(), []).append(content.strip())
    return found


def extract_metadata(
    tree: HtmlElement, *, url: str | None = None, use_htmldate: bool = True
) -> PageMetadata:
    """Everything we can learn about the article from the page's markup."""
    metas = meta_values(tree)
    articles = jsonld.article_objects(jsonld.load_blocks(tree))
    first = articles[0] if articles else {}
    result = PageMetadata()

    def meta(*keys: str) -> str | None:
        for key in keys:
            for value in metas.get(key, ()):
                if clean(value):
                    return clean(value)
        return None

    result.site_name = meta("og:site_name", "application-name") or clean(
        jsonld.text_value(first.get("publisher"))
    )
    result.headline, result.sources["headline"] = choose_headline(
        headline_candidates(tree, first, meta), visible_headings(tree), result.site_name
    )
    result.url = url or _canonical(tree) or meta("og:url")
    result.byline = _byline(first, meta)
    result.section = clean(jsonld.text_value(first.get("articleSection"))) or meta(
        "article:section", "section", "parsely-section"
    )
    result.language = _language(tree, first, meta)
    result.published, result.sources["published"] = _published(tree, articles, metas, use_htmldate)
    result.updated, result.sources["updated"] = _first_date(
        [("jsonld", jsonld.text_value(a.get("dateModified"))) for a in articles]
        + [(key, v) for key in UPDATED_META for v in metas.get(key, ())]
    )
    if result.updated and result.published and result.updated < result.published:
        result.updated = None
    return result


def headline_candidates(tree: HtmlElement, article: dict, meta) -> dict[str, str]:
    """Headline offered by each metadata source that has one (the visible ``<h1>`` is separate)."""
    title = next(tree.iter("title"), None)
    offered = {
        "jsonld": clean(jsonld.text_value(article.get("headline") or article.get("name"))),
        "og": meta("og:title"),
        "twitter": meta("twitter:title"),
        "title": clean(title.text_content()) if title is not None else None,
    }
    return {k: v for k, v in offered.items() if v and len(v) < 400}


def visible_headings(tree: HtmlElement, limit: int = 12) -> list[str]:
    """Texts of the page's ``<h1>`` elements, those inside ``<article>`` first."""
    found: list[str] = []
    scope = next(tree.iter("article"), None)
    for root in (scope, tree):
        if root is None:
            continue
        for heading in root.iter("h1"):
            text = clean(heading.text_content())
            if text and len(text) < 400 and text not in found:
                found.append(text)
            if len(found) >= limit:
                return found
    return found


def variants(text: str, site_name: str | None) -> list[str]:
    """``text`` and its forms without a site-name prefix or suffix."""
    out = [text]
    parts = _SEPARATORS.split(text)
    if len(parts) > 1:
        cut = [m.span() for m in _SEPARATORS.finditer(text)]
        out.append(text[: cut[-1][0]].strip())  # drop the last part: "Story | Site"
        out.append(text[cut[0][1]:].strip())  # drop the first part: "Site | Story"
    if site_name:
        site = comparable(site_name)
        bounds = [0] + [x for m in _SEPARATORS.finditer(text) for x in m.span()] + [len(text)]
        pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        kept = [(a, b) for a, b in pieces if comparable(text[a:b]) != site]
        if kept and len(kept) < len(pieces):
            out.append(text[kept[0][0] : kept[-1][1]])
    return [v for v in dict.fromkeys(v.strip() for v in out) if v]


def choose_headline(
    offered: dict[str, str], headings: list[str], site_name: str | None
) -> tuple[str | None, str]:
    """The visible ``<h1>`` that matches the metadata titles, else the metadata consensus.

    Metadata titles are written for search engines and share sites; the ``<h1>`` is what the
    reader sees. A heading is taken when its words overlap the metadata consensus by at least
    :data:`HEADING_MATCH` (rapidfuzz ``token_set_ratio``) and it is not the site's own name."""
    consensus, source = metadata_consensus(offered, site_name)
    banners = _banner_names(offered, site_name, consensus)
    best, best_score = None, -1.0
    for heading in headings:
        key = comparable(heading)
        if key in banners:
            continue
        score = max(
            (fuzz.token_set_ratio(key, comparable(v)) for v in offered.values()), default=0.0
        )
        if score > best_score:
            best, best_score = heading, score
    if best is not None and (consensus is None or best_score >= HEADING_MATCH):
        return best, "h1"
    return consensus, source


def metadata_consensus(offered: dict[str, str], site_name: str | None) -> tuple[str | None, str]:
    """The form most metadata sources agree on; ties go to the earlier source in
    HEADLINE_SOURCES. With no agreement, the first source's value without its site name."""
    if not offered:
        return None, "none"
    support: dict[str, set[str]] = {}
    first_form: dict[str, tuple[int, int, str]] = {}
    for rank, source in enumerate(HEADLINE_SOURCES):
        if source not in offered:
            continue
        for depth, form in enumerate(variants(offered[source], site_name)):
            key = comparable(form)
            support.setdefault(key, set()).add(source)
            first_form.setdefault(key, (rank, depth, form))
    best = max(support, key=lambda k: (len(support[k]), -first_form[k][1], -first_form[k][0]))
    if len(support[best]) > 1:
        return first_form[best][2], "+".join(s for s in HEADLINE_SOURCES if s in support[best])
    for source in HEADLINE_SOURCES:
        if source in offered:
            forms = variants(offered[source], site_name)
            return (forms[1] if source == "title" and len(forms) > 1 else forms[0]), source
    return None, "none"


def _banner_names(offered: dict[str, str], site_name: str | None, consensus: str | None) -> set[str]:
    """Names of the site itself: og:site_name and the parts cut off the titles' ends."""
    names = {comparable(site_name)} if site_name else set()
    keep = comparable(consensus) if consensus else ""
    for value in offered.values():
        pieces = [comparable(p) for p in _SEPARATORS.split(value) if p.strip()]
        if len(pieces) > 1:
            names.update(p for p in (pieces[0], pieces[-1]) if p and p not in keep)
    return names


def _canonical(tree: HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            href = link.get("href").strip()
            if href.startswith(("http://", "https://")):
                return href
    return None


def _byline(article: dict, meta) -> str | None:
    authors = jsonld.names(article.get("author"))
    if not authors:
        value = meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
        authors = [value] if value and not value.startswith("http") else []
    return clean(", ".join(authors)) if authors else None


def _language(tree: HtmlElement, article: dict, meta) -> str | None:
    for value in (
        tree.get("lang"),
        jsonld.text_value(article.get("inLanguage")),
        meta("og:locale", "content-language", "language", "dc.language"),
    ):
        if value and re.match(r"^[A-Za-z]{2,3}\b", value.strip()):
            return re.split(r"[-_]", value.strip())[0].lower()
    return None


def _first_date(offers: list[tuple[str, str | None]]) -> tuple[datetime | None, str]:
    for source, raw in offers:
        parsed = parse_date(raw)
        if parsed is not None and plausible(parsed):
            return parsed, source
    return None, "none"


def _published(
    tree: HtmlElement, articles: list[dict], metas: dict[str, list[str]], use_htmldate: bool
) -> tuple[datetime | None, str]:
    offers: list[tuple[str, str | None]] = [
        ("jsonld", jsonld.text_value(a.get("datePublished") or a.get("dateCreated")))
        for a in articles
    ]
    offers += [(key, v) for key in PUBLISHED_META for v in metas.get(key, ())]
    for element in tree.xpath(
        '//*[@itemprop="datePublished"] | //time[@pubdate] | //article//time[@datetime]'
        ' | //*[contains(@class, "publish")]/descendant-or-self::time[@datetime]'
    )[:10]:
        offers.append(("time", element.get("datetime") or element.get("content")))
    found = _first_date(offers)
    if found[0] is not None or not use_htmldate:
        return found
    return _htmldate(tree)


def _htmldate(tree: HtmlElement) -> tuple[datetime | None, str]:
    from htmldate import find_date

    try:
        value = find_date(
            deepcopy(tree), original_date=True, extensive_search=True,
            max_date=(datetime.now() + timedelta(days=1)).strftime("%Y-%m-%d"),
        )
    except Exception:  # noqa: BLE001 -- htmldate's heuristics must not sink the page
        return None, "none"
    return (parse_date(value), "htmldate") if value else (None, "none")
