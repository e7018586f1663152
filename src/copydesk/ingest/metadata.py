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
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from lxml.html import HtmlElement
from rapidfuzz import fuzz

from copydesk.ingest import extract_jsonld as jsonld
from copydesk.ingest.extract_dates import parse_date, plausible, visible_dates

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
_BANNER_SPLIT = re.compile(r"\s+[|\-–—·•:/»]+\s+|\s*[|·•»]\s*|:\s+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
HEADLINE_SOURCES = ("jsonld", "og", "twitter", "title")
HEADING_MATCH = 50.0
HEADER_CHARS = 600


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
    tree: HtmlElement,
    *,
    url: str | None = None,
    page: str | None = None,
    reference_date: datetime | None = None,
) -> PageMetadata:
    """Everything we can learn about the article from the page's markup.

    ``page`` is the decoded HTML the tree came from; when given, htmldate's content heuristics
    are the last resort for the published date (it reparses the page its own way).
    ``reference_date`` bounds plausible dates (none after the day after it); without it the
    bound is the day after today (``extract_dates.plausible``)."""
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
    result.published, result.sources["published"] = _published(
        tree, articles, metas, result.url, page, reference_date
    )
    result.updated, result.sources["updated"] = _first_date(
        [("jsonld", jsonld.text_value(a.get("dateModified"))) for a in articles]
        + [(key, v) for key in UPDATED_META for v in metas.get(key, ())],
        reference_date,
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
    reader sees. A heading is taken when its words overlap a metadata title by at least
    :data:`HEADING_MATCH` (rapidfuzz ``token_set_ratio``; ties go to the closer spelling), or when
    the only metadata is the ``<title>``, and it is not the site's own name."""
    consensus, source = metadata_consensus(offered, site_name)
    banners = _banner_names(offered, site_name)
    best, best_score = None, (-1.0, -1.0)
    for heading in headings:
        key = comparable(heading)
        if key in banners:
            continue
        score = max(
            ((fuzz.token_set_ratio(key, comparable(v)), fuzz.ratio(key, comparable(v)))
             for v in offered.values()),
            default=(0.0, 0.0),
        )
        if score > best_score:
            best, best_score = heading, score
    if best is None:
        return consensus, source
    if consensus is None or best_score[0] >= HEADING_MATCH or set(offered) == {"title"}:
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


def _banner_names(offered: dict[str, str], site_name: str | None) -> set[str]:
    """Names of the site itself: og:site_name, and the other part of a title one of whose parts
    is another source's title ("Site: Story" when og:title is "Story")."""
    names = {comparable(site_name)} if site_name else set()
    values = {comparable(v) for v in offered.values()}
    for value in offered.values():
        pieces = [comparable(p) for p in _BANNER_SPLIT.split(value) if p.strip()]
        if len(pieces) > 1 and any(p in values for p in pieces):
            names.update(p for p in pieces if p not in values)
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


def _first_date(
    offers: list[tuple[str, str | None]], reference_date: datetime | None = None
) -> tuple[datetime | None, str]:
    for source, raw in offers:
        parsed = parse_date(raw)
        if parsed is not None and plausible(parsed, now=reference_date):
            return parsed, source
    return None, "none"


def _published(
    tree: HtmlElement,
    articles: list[dict],
    metas: dict[str, list[str]],
    url: str | None,
    page: str | None,
    reference_date: datetime | None = None,
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
    found, source = _first_date(offers, reference_date)
    in_url = url_date(url, reference_date=reference_date)
    # The URL's day is the newsroom's own; markup times are often shifted to UTC.
    if in_url is not None and (found is None or (
        abs(found - in_url) <= timedelta(days=1.5) and found.date() != in_url.date()
    )):
        return in_url, "url"
    if found is not None:
        return found, source
    seen = visible_dates(header_text(tree), now=reference_date)
    original = [value for value, is_update in seen if not is_update]
    if original:
        return original[0], "visible"
    if page is not None:
        found, source = _htmldate(page, url, reference_date)
    if found is None and seen:
        return seen[0][0], "visible-updated"
    return found, source


def header_text(tree: HtmlElement, limit: int = HEADER_CHARS) -> str:
    """The first ``limit`` characters of text from the first ``<h1>`` on: where pages print the
    byline and the date a reader sees."""
    heading = next(tree.iter("h1"), None)
    if heading is None:
        return ""
    pieces: list[str] = []
    size = 0
    started = False
    for element in tree.iter():
        if element is heading:
            started = True
        if not started or element.tag in ("script", "style", "noscript"):
            continue
        for text in (element.text, element.tail):
            if text and text.strip():
                pieces.append(text.strip())
                size += len(text)
        if size > limit:
            break
    return " ".join(pieces)[:limit]


def url_date(url: str | None, *, reference_date: datetime | None = None) -> datetime | None:
    """A full publication day written in the URL path (/2020/06/07/, /20200607/, 2020-06-07)."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        value = datetime(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    return value if plausible(value, now=reference_date) else None


_URL_DATE = re.compile(
    r"[/_-](?P<y>(?:19|20)\d{2})(?:[/_-]?)(?P<m>0[1-9]|1[0-2])(?:[/_-]?)(?P<d>0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
)


def _htmldate(
    page: str, url: str | None, reference_date: datetime | None = None
) -> tuple[datetime | None, str]:
    from htmldate import find_date

    latest = (reference_date or datetime.now()).replace(tzinfo=None) + timedelta(days=1)
    try:
        value = find_date(
            page, url=url, original_date=True, extensive_search=True,
            max_date=latest.strftime("%Y-%m-%d"),
        )
    except Exception:  # noqa: BLE001 -- htmldate's heuristics must not sink the page
        return None, "none"
    return (parse_date(value), "htmldate") if value else (None, "none")
