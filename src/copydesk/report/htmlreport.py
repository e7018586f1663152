"""A self-contained HTML report for editors: one file, inline CSS, no scripts, no external assets.

The page carries a strict Content-Security-Policy (``CSP``, in a ``<meta http-equiv>``): nothing
may load or run but the page's own ``<style>`` element, allowed by its SHA-256 hash. A script or
style that input text smuggled in would not run even if escaping failed.

Per article: the headline and metadata, the article text with each finding's span highlighted in
its severity's colour (hover shows the message and suggestion; a numbered marker after the span
links to the finding in the list below), then the list of findings with their evidence.

Everything taken from the input is escaped. Overlapping spans are drawn without nesting: the text
is cut at every span boundary and each piece gets one ``<mark>`` carrying all the findings that
cover it (coloured by the most serious), so the markup stays valid whatever the overlaps.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, TextIO

from copydesk.report.locate import TextIndex
from copydesk.report.pieces import cut
from copydesk.report.summary import SEVERITY_ORDER, article_facts, plural
from copydesk.report.visible import shown, visible
from copydesk.report.writer import ReportWriter

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk.report import Report
    from copydesk.model import Article, Finding, Region
    from copydesk.report.summary import Summary

CSS = """
body{font:16px/1.5 Georgia,serif;margin:0 auto;max-width:52rem;padding:1rem 1.5rem;color:#1d1d1f}
h1{font:600 1.4rem system-ui,sans-serif}
h2{font:600 1.25rem system-ui,sans-serif;margin:0 0 .2rem}
.article{border-top:3px solid #1d1d1f;margin:2rem 0;padding-top:1rem}
.source,.meta,.summary{font:.85rem system-ui,sans-serif;color:#555}
.source code{word-break:break-all}
.text{white-space:pre-wrap;overflow-wrap:break-word;background:#fafafa;border:1px solid #ddd;
 padding:1rem;margin:1rem 0}
mark{padding:0 1px;border-radius:2px;color:inherit}
mark.error{background:#ffd2d2;border-bottom:2px solid #c00}
mark.warning{background:#ffefc2;border-bottom:2px solid #c80}
mark.info{background:#dcecff;border-bottom:2px dotted #36c}
sup.ref{font:700 .7rem system-ui,sans-serif}
sup.ref a{text-decoration:none;color:#333}
ol.findings{font:.95rem system-ui,sans-serif;padding-left:2rem}
ol.findings li{margin:.6rem 0}
ol.findings li:target{background:#fff7d6}
.sev{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;
 padding:0 .35rem;border-radius:3px;color:#fff}
.sev.error{background:#c00}.sev.warning{background:#b36b00}.sev.info{background:#36c}
.check{font-family:ui-monospace,monospace;font-size:.85rem}
.quote{font-family:Georgia,serif}
.suggestion{color:#060;font-weight:600}
ul.evidence{margin:.2rem 0;color:#555;font-size:.85rem}
.failed{border-left:4px solid #c00;padding-left:.8rem}
.r-furniture{color:#999;text-decoration:line-through}
.r-code{font-family:ui-monospace,monospace}
.r-section,.r-dateline,.r-updated,.r-byline{color:#666;font-style:italic}
.r-headline{font-weight:700}.r-standfirst{font-style:italic}
.clean{color:#060}
"""

#: The page's policy: nothing but its own stylesheet (``{style}`` is that stylesheet's hash
#: source). No scripts, images, fonts, frames, forms or connections; no ``<base>``.
CSP = (
    "default-src 'none'; style-src {style}; img-src 'none'; script-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)

RANK = {s: k for k, s in enumerate(reversed(SEVERITY_ORDER))}  # info 0 < warning 1 < error 2


class HtmlWriter(ReportWriter):
    """Writes the page head at the first report, one section per report, the summary at close."""

    name = "html"

    def __init__(self, out: TextIO, *, styled: bool = False, title: str = "copydesk report"):
        super().__init__(out, styled=styled)
        self.title = title
        self._count = 0
        self._started = False

    def write(self, report: Report) -> None:
        self._start()
        self._count += 1
        self.out.write(render_report(report, number=self._count))
        self.out.flush()

    def close(self, summary: Summary) -> None:
        self._start()
        self.out.write(f'<footer class="summary"><p>{escape(summary.line())}</p></footer>\n')
        self.out.write("</body>\n</html>\n")
        super().close(summary)

    def _start(self) -> None:
        if not self._started:
            self._started = True
            self.out.write(page_head(self.title))


def style_hash(css: str = CSS) -> str:
    """The CSP hash source of a ``<style>`` element holding ``css``: ``'sha256-...'``."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy() -> str:
    """The policy the page carries (``CSP`` with the hash of ``CSS``)."""
    return CSP.format(style=style_hash(CSS))


def page_head(title: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{escape(content_security_policy())}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n"
    )


def render_report(report: Report, *, number: int = 1) -> str:
    """One ``<section>`` for one report; ``number`` makes anchors unique within the page."""
    anchor = f"a{number}"
    parts = [f'<section class="article" id="{anchor}">\n']
    if report.error is not None:
        parts.append(f'<p class="source">Source: <code>{_text(report.source)}</code></p>\n')
        parts.append(
            f'<p class="failed"><strong>Input failed</strong> ({_text(report.error.kind)}): '
            f"{_text(report.error.message)}</p>\n</section>\n"
        )
        return "".join(parts)
    article = report.article
    text = article.text if article is not None else ""
    headline = article.headline if article is not None and article.headline else report.source
    parts.append(f"<h2>{_text(headline)}</h2>\n")
    parts.append(f'<p class="source">Source: <code>{_text(report.source)}</code></p>\n')
    if article is not None:
        parts.append(f'<p class="meta">{_text(_metadata(article))}</p>\n')
        parts.extend(f'<p class="input-warning">Input warning: {_text(w)}</p>\n' for w in article.warnings)
    parts.append(f'<p class="summary">{escape(_counts(report.findings))}</p>\n')
    regions = article.regions if article is not None else []
    body = highlight(text, report.findings, anchor, regions=regions)
    parts.append(f'<div class="text">{body}</div>\n')
    if report.findings:
        parts.append(_findings_list(report.findings, text, anchor))
    else:
        parts.append('<p class="clean">No findings.</p>\n')
    parts.append("</section>\n")
    return "".join(parts)


def highlight(
    text: str, findings: list[Finding], anchor: str = "a1", *, regions: Iterable[Region] = ()
) -> str:
    """``text`` escaped, with every finding's span in a ``<mark>`` and a numbered marker after it.

    Finding ``k`` (1-based, in list order) links to ``#{anchor}-f{k}``. Text in ``regions`` is
    wrapped in ``<span class="r-{role}">`` (page furniture greyed out, the headline in bold)."""
    roles = [(r.start, r.end, r.role) for r in regions if r.role != "body"]
    spans = [(f.start, f.end) for f in findings]
    out: list[str] = []
    for piece in cut(len(text), spans, roles):
        out.append(_markers([k + 1 for k in piece.ending], findings, anchor))
        html = escape(text[piece.start : piece.end])
        if piece.covering:
            covering = [findings[k] for k in piece.covering]
            worst = max(covering, key=lambda f: RANK[f.severity]).severity.label
            title = escape("\n".join(_hover(f) for f in covering))
            html = f'<mark class="{worst}" title="{title}">{html}</mark>'
        if piece.role is not None and html:
            html = f'<span class="r-{escape(piece.role)}">{html}</span>'
        out.append(html)
    return "".join(out)


def _markers(numbers: list[int], findings: list[Finding], anchor: str) -> str:
    return "".join(
        f'<sup class="ref"><a href="#{anchor}-f{k}" title="{escape(_hover(findings[k - 1]))}">'
        f"[{k}]</a></sup>"
        for k in numbers
    )


def _hover(finding: Finding) -> str:
    hover = f"{finding.severity.label} · {visible(finding.check)}: {shown(finding.message)}"
    if finding.suggestion:
        hover += f" → {shown(finding.suggestion)}"
    return hover


def _text(value: str) -> str:
    """Input text for the page: control characters shown (``⟨U+001B⟩``), markup escaped."""
    return escape(visible(value))


def _shown(value: str) -> str:
    """A span, message or suggestion: invisible characters shown too (``⟨U+200D⟩``)."""
    return escape(shown(value))


def _findings_list(findings: list[Finding], text: str, anchor: str) -> str:
    index = TextIndex(text)
    items = []
    for k, finding in enumerate(findings, 1):
        severity = finding.severity.label
        item = [
            (
                f'<li id="{anchor}-f{k}"><span class="sev {severity}">{severity}</span> '
                f'<span class="check">{_text(finding.check)}</span> '
                f"at {index.label(finding.start)}: "
                f'<q class="quote">{_shown(finding.text)}</q> — {_shown(finding.message)}'
            )
        ]
        if finding.suggestion:
            item.append(f' <span class="suggestion">→ {_shown(finding.suggestion)}</span>')
        if finding.evidence:
            item.append('<ul class="evidence">')
            for evidence in finding.evidence:
                where = ""
                if evidence.start is not None:
                    where = f" (at {index.label(evidence.start)})"
                item.append(
                    f"<li>{_text(evidence.kind)}: {_shown(evidence.detail)}{escape(where)}</li>"
                )
            item.append("</ul>")
        item.append("</li>\n")
        items.append("".join(item))
    return '<ol class="findings">\n' + "".join(items) + "</ol>\n"


def _metadata(article: Article) -> str:
    return " · ".join(article_facts(article, url=True))


def _counts(findings: list[Finding]) -> str:
    if not findings:
        return "No findings"
    return ", ".join(
        plural(sum(1 for f in findings if f.severity == s), s.label) for s in SEVERITY_ORDER
    )

