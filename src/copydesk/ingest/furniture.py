"""Page furniture, navigation, bylines and kickers in scraped text, recognised line by line.

The patterns are general web-page chrome (skip links, share buttons, advertising labels,
newsletter prompts, cookie banners, "read more" links, copyright lines), kept here as data so
that adding one is a one-line change. They match a *whole* line, so a sentence that merely
mentions "cookies" or "advertisement" is never taken for furniture.
"""

from __future__ import annotations

import re

from copydesk.ingest.datelines import MONTH_NAMES

_FURNITURE_PATTERNS: tuple[str, ...] = (
    # accessibility and navigation links
    r"skip (?:to|navigation)(?: (?:the )?(?:main )?(?:content|navigation|article|menu|search))?",
    r"(?:main )?menu|navigation|search|close|open|back to top|go to top|top of page|home(?: ?page)?",
    r"(?:sign|log) ?(?:in|up|out)|register|my account|subscribe(?: now| today)?|subscriber only",
    # sharing and social
    r"share(?: (?:this|the)(?: (?:article|story|post|page|video))?)?(?: (?:on|via) [\w ]{1,20})?",
    r"(?:tweet|email|e-mail|print|copy link|copied|save|saved|bookmark|comments?|\d+ comments?)",
    r"(?:facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|messenger|flipboard)",
    r"follow us(?: on [\w ,&]{1,40})?|follow (?:@\w+|[\w ]{1,30} on (?:twitter|x|facebook|instagram))",
    # advertising
    r"advertisement|advertising|advert|ad|sponsored(?: content| by .{1,40})?|promoted|paid content",
    r"story continues below(?: this)? (?:advertisement|ad)|continue reading below",
    # newsletters and paywalls
    r"(?:sign up|subscribe|register)(?: now| today)? (?:for|to) (?:our|the) .{0,40}newsletters?.{0,40}",
    r".{0,40}\bnewsletter\b.{0,40}(?:sign up|subscribe|inbox).{0,40}",
    r"(?:get|receive) (?:our|the) .{0,40}(?:newsletter|alerts?).{0,60}",
    r"(?:already a subscriber\??|subscribe to (?:continue|read).{0,60}|this (?:article|content) is for subscribers.{0,40})",
    # cross-links
    r"read (?:more|next|this next|full (?:article|story))(?: ?[:>»›].{0,120})?|continue reading|see more|show more|load more",
    r"(?:related|recommended|trending|popular|most read|most popular|more)(?: (?:articles?|stories|content|reading|topics|news|on this story|from [\w ]{1,30}|videos?))?",
    r"(?:you (?:may|might) (?:also )?like|(?:also|recommended) for you|don'?t miss|editor'?s picks?|top stories)",
    r"(?:listen to (?:this )?article.{0,30}|\d+ min(?:ute)?s? read|\d+ min(?:ute)?s? listen|audio available)",
    # images and media
    r"(?:image|photo|video|picture) (?:caption|copyright|source|credit)s?(?:[:, ].{0,120})?|watch(?: video| now)?|play video|getty images",
    r"(?:photo|image|picture|photograph)s?\s*:\s*.{1,60}",
    # labels whose value sits on the next line
    r"(?:published|updated|last updated|posted|modified|by|written by|author)\s*:?",
    # cookies and legal
    r"(?:accept|reject|allow|manage)(?: all)? cookies|cookie (?:policy|settings|preferences|notice)|privacy policy|terms (?:of (?:use|service)|and conditions)",
    r"(?:copyright |\(c\) |©).{0,100}|all rights reserved\.?",
    r"[\W_]+",  # no letter or digit at all: "×", "|", "* * *"
    r"(?:contact us|about us|help|feedback|corrections?|report an? (?:error|issue|correction)|accessibility|sitemap)",
)

FURNITURE = re.compile(r"(?i)^\s*(?:" + "|".join(_FURNITURE_PATTERNS) + r")\s*[.:!>»›…]*\s*$")
COOKIE_BANNER = re.compile(
    r"(?is)(?=.*\b(?:accept|consent|preferences|settings|continu\w+|privacy|policy|learn more|agree)\b)"
    r".{0,100}\b(?:uses?|using) cookies\b.*"
)
"""A cookie notice ("Example Media uses cookies ... change your cookie preferences"); a sentence
about cookies without consent or settings words is not one."""

MAX_FURNITURE_CHARS = 600
"""Longer lines are never furniture (cookie banners are the longest, a few sentences)."""
MAX_SHORT_FURNITURE_CHARS = 260
"""Every pattern but the cookie banner matches lines up to this length."""
MAX_MENU_CHARS = 300
MIN_MENU_WORDS = 6
_MENU_SEPARATORS = re.compile(r"\s*[|•·»›]\s*|\s+[>/\\]\s+")
_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "as", "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can", "could", "may", "might", "not", "no", "after", "before", "over", "into", "about", "amid", "against", "says", "said"]
)
_KICKER = re.compile(
    r"^(?P<kicker>(?:[A-Z][A-Z'’\-]*)(?: [A-Z][A-Z'’\-]*){0,2})\s*[:|]\s+(?P<rest>\S.*)$"
)
_KICKER_WORDS = frozenset(
    ["BREAKING", "EXCLUSIVE", "WATCH", "LIVE", "UPDATE", "UPDATED", "UPDATES", "OPINION", "ANALYSIS", "VIDEO", "PHOTOS", "PICTURES", "REVIEW", "EDITORIAL", "EXPLAINER", "LISTEN", "COMMENT", "INTERVIEW", "REVEALED", "JUST", "IN", "DEVELOPING", "URGENT", "FIRST", "LOOK", "SPONSORED", "PODCAST", "FACT", "CHECK", "CORRECTION"]
)
_NAME_WORD = r"[A-Z][\w.'’\-]*"
_NAME_LINK = r"(?:and|&|de|da|del|della|van|von|der|den|al|el|bin|la|le|du|dos)"
_BYLINE = re.compile(
    r"^(?i:(?:written |words |reporting |story |text |posted |report )?by|author:?)\s+"
    rf"(?P<name>{_NAME_WORD}(?:(?:\s+|,\s*)(?:{_NAME_LINK}\s+)*{_NAME_WORD}){{0,11}})\s*$"
)


def is_furniture(line: str) -> bool:
    """A whole line of page chrome ("Share this article", "Advertisement", a cookie banner)."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
        return False
    if len(stripped) <= MAX_SHORT_FURNITURE_CHARS and FURNITURE.match(stripped):
        return True
    return "cookie" in stripped.lower() and COOKIE_BANNER.match(stripped) is not None


def is_navigation(line: str) -> bool:
    """A menu-like line: three or more short items split by ``|``, ``•`` or ``>`` ("Home | World |
    Politics"), or words that are each furniture ("Facebook Twitter Email")."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_MENU_CHARS or stripped[-1] in ".!?\"”":
        return False
    items = [item for item in _MENU_SEPARATORS.split(stripped) if item]
    if len(items) >= 3 and all(len(item.split()) <= 3 for item in items):
        return True
    words = stripped.split()
    return 2 <= len(words) <= 8 and all(FURNITURE.match(word) for word in words)  # "Facebook Twitter Email"


def is_menu_like(line: str) -> bool:
    """Six or more capitalised words and no function word: a menu, or a title-case headline.
    The caller decides which by looking for a later headline."""
    if len(line) > MAX_MENU_CHARS:
        return False
    words = line.split()
    if len(words) < MIN_MENU_WORDS or line[-1] in ".!?\"”":
        return False
    return all(
        word[0].isupper() and word.lower() not in _FUNCTION_WORDS and word.isalpha() for word in words
    )


def split_kicker(headline: str) -> tuple[str | None, int]:
    """A label such as "BREAKING:" in front of a headline: ``(kicker, offset of the rest)``."""
    match = _KICKER.match(headline)
    if match is None:
        return None, 0
    kicker = match.group("kicker")
    rest = match.group("rest")
    words = kicker.replace("-", " ").split()
    known = all(word in _KICKER_WORDS for word in words)
    if not known and len(words) < 2:
        return None, 0
    if rest.isupper():  # an all-caps headline: "NATO: ALLIES AGREE" is not kicker + headline
        return None, 0
    return kicker, match.start("rest")


def find_byline(line: str) -> tuple[str, int, int] | None:
    """``(name, start, end)`` when the line is a byline such as "By Jane Smith and John Doe"."""
    stripped = line.strip()
    if len(stripped) > 120 or stripped.endswith("."):
        return None
    match = _BYLINE.match(stripped)
    if match is None:
        return None
    lead = len(line) - len(line.lstrip())
    name = match.group("name").strip(" ,")
    start = lead + match.start("name")
    return name, start, start + len(name)


#: Marks of program code: operators and punctuation that prose does not use ("::", "->", "=>",
#: "==", "&&", "();"), a call written against its name ("push_str(", "print(", not "applicant(s)"),
#: snake_case names (once handles, e-mail addresses and links are set aside).
_CODE_SYNTAX = re.compile(
    r"::|->|=>|==|!=|&&|\|\||\+=|\(\);|\{\}|\[\]|</?[a-z]+[^>]*>|"
    r"\b[a-z]\w*(?:\.\w+)*\((?!\s|s\))|\b[a-z]+_[a-z_]+\b"
)
#: A JSON or JavaScript member, code syntax too on a line that opens with a brace, a bracket or a
#: quoted key or holds a brace (read before handles and links are set aside: its key may be
#: "@context" or a link): a quoted key, a colon and a value ('"name":"test"', '"ok":true',
#: '"id": 42,'), not a share or count in prose ('"Yes": 52%', '"unacceptable": 14 times').
_JSON_MEMBER = re.compile(
    r'"[^"\s]{1,60}"\s?:\s?(?:["{\[]|-?\d[\d.]*(?=\s*(?:[,}\]]|$))|true\b|false\b|null\b)')
#: Handles, e-mail addresses and links: they carry underscores and dots without being code.
_NOT_CODE_TOKENS = re.compile(r"(?<!\S)[^\s@]*@\S+|https?://\S+|www\.\S+")
#: How a line of code starts (a comment, a closing brace, a shell or REPL prompt) or ends (a
#: block's brace); a statement's semicolon ends lists in prose too, and a backslash that continues
#: the line ends a Markdown line break, so they count only with syntax (the backslash not after
#: a sentence's end).
_CODE_START = re.compile(r"^(?://|/\*|#include\b|#!|\}|\$ |>>> )")
_CODE_END_BRACE = re.compile(r"(?:\{|\})$")
_CODE_END_STATEMENT = re.compile(r"(?:;|\);|(?<![.!?])\\)$")
#: Characters that are rare in prose and common in code.
_CODE_CHARS = frozenset("{}[]();=<>_&|*#$\\/")
#: A bibliographic reference: "Smith J, Jones K, et al. J Psychiatr Res. 2011;123:147-53."
_REFERENCE_MARK = re.compile(r"\bdoi\b|\[PubMed\]|\bPMID\b|\bPMC\d|Google Scholar|\bet al\.", re.IGNORECASE)
#: Its publication detail, read with the brackets taken out ("123(4):147" reads "123:147"):
#: year;volume:pages ("2011;123:147", "2011 Mar;123:147"), volume:pages with a range
#: ("75:285-292"), or an identifier.
_REFERENCE_DETAIL = re.compile(
    r"\b(?:1[89]|20)\d\d(?:\s+[A-Z][a-z]{2,8}(?:\s+\d{1,2})?)?\s*;\s*\d+\s*:\s*\d+"
    r"|\b\d+\s*:\s*\d+\s*[-–]\s*\d+|\bdoi\b|\[PubMed\]|\bPMID\b")


def not_copy(line: str) -> str | None:
    """``code`` or ``reference`` for a paragraph that is program code or an entry of a reference
    list, which the writer did not compose as prose (its spelling, quotation marks and grammar
    are the program's or the cited work's); None for copy.

    Code: a line that starts as code does (``//``, ``}``, a prompt) or ends in a brace, with code
    syntax or a high share of code characters; one that ends in a statement's ``;`` or a
    continuing backslash, with code syntax; or any line with three marks of code syntax. A
    reference: a citation mark (``et al.``, ``doi``, ``[PubMed]``, ``PMID``) and a publication
    detail (``2011;123:147``, ``2011 Mar;123(4):147-53``, ``75(2):285-292``, or an identifier),
    both outside brackets: a citation in brackets inside a sentence is prose."""
    text = line.strip()
    if not text:
        return None
    syntax = len(_CODE_SYNTAX.findall(_NOT_CODE_TOKENS.sub(" ", text)))
    if text[0] in '{["' or "{" in text:  # members of an object, not quoted words in a sentence
        syntax += len(_JSON_MEMBER.findall(text))
    visible = [ch for ch in text if not ch.isspace()]
    share = sum(ch in _CODE_CHARS for ch in visible) / len(visible)
    if syntax >= 3:
        return "code"
    if (_CODE_START.search(text) or _CODE_END_BRACE.search(text)) and (syntax or share >= 0.08):
        return "code"
    if _CODE_END_STATEMENT.search(text) and syntax:
        return "code"
    outside_brackets = re.sub(r"\([^()]*\)", "", text)  # "(Jones et al., 2020)" cites in prose
    if _REFERENCE_MARK.search(outside_brackets) and _REFERENCE_DETAIL.search(outside_brackets):
        return "reference"
    return None


#: The heading of a list of works cited, notes or sources, alone on its line.
_REFERENCE_HEADING = re.compile(
    r"(?:references?|bibliography|works cited|citations|(?:foot|end) ?notes|notes|sources"
    r"|literature(?: cited)?|further reading)\s*:?", re.IGNORECASE)
#: The start of a list's entry: a bullet, a number ("12.", "12)", "[12]") or a caret; or a bullet
#: alone on its line (an empty item, or a bullet a page set apart from its text).
_LIST_ENTRY = re.compile(r"(?:[-•*–·](?:\s|$)|\[\d{1,4}\]|\d{1,4}[.)]\s|\^)")
_MONTH = "(?:" + "|".join(name.capitalize() for name in MONTH_NAMES) + ")"
#: What marks a line under such a heading as a citation, besides a reference's own marks and
#: details (``_REFERENCE_MARK``, ``_REFERENCE_DETAIL``): authors written as a surname and initials
#: ("Bocquet H,", "Shear NH,", "Smith, J."), a web address, an ISBN, a year in brackets
#: ("(2019)"), a year before a volume ("2006;27"), "vol." / "pp.", or the date a web source was
#: consulted or archived as citation styles write it ("Retrieved 14 April 2018", "Accessed March
#: 3, 2020", "Archived from the original").
_CITED_FORM = re.compile(
    r"\b[A-Z][A-Za-z'’-]+,? (?:[A-Z]\.? ?){1,3}(?:[,.;]|et al\b)|https?://|www\.|\bISBN\b"
    r"|\((?:1[5-9]|20)\d\d[a-z]?\)|\b(?:1[5-9]|20)\d\d[a-z]?;\s?\d|\bvol\.|\bpp\."
    r"|\b(?:Retrieved|Accessed)(?: on)? (?:\d{1,2} " + _MONTH + r" |" + _MONTH + r" \d{1,2}, )(?:1[89]|20)\d\d\b"
    r"|\bArchived from the original\b")
#: Forms that a story's bullet may also hold ("founded (May 2011)", "p. 4 of its report"): they
#: mark a citation only on a wiki's entry (a caret: "- ^ King 2003, p. 41.") or with a title in
#: quotation marks that opens the entry or follows its date ('Kaa, Hiro (May 2011). "Churches".').
_CITED_WEAK = re.compile(r"\(" + _MONTH + r" (?:\d{1,2},? )?(?:1[5-9]|20)\d\d\)|\bp\. ?\d")
_CITED_ALONGSIDE = re.compile(
    r"^(?:[-•*–·]\s*)?(?:\^|(?:\d{1,3}[.)]\s*)?[\"“][^\"“”]{2,}[\"”])|\)\.\s*[\"“][^\"“”]{2,}[\"”]")


def _cited(line: str) -> bool:
    """The line reads as a citation (``_REFERENCE_MARK``, ``_REFERENCE_DETAIL``, ``_CITED_FORM``;
    ``_CITED_WEAK`` only with ``_CITED_ALONGSIDE``)."""
    if any(pattern.search(line) for pattern in (_REFERENCE_MARK, _REFERENCE_DETAIL, _CITED_FORM)):
        return True
    return bool(_CITED_WEAK.search(line) and _CITED_ALONGSIDE.search(line))


#: Lines between such a heading and its first entry that may introduce the list ("Papers of
#: particular interest are highlighted as: …").
REFERENCE_INTRO_LINES = 2


#: A line that reads as a sentence: a capital, five words or more, a full stop, question or
#: exclamation mark at its end.
_PROSE_LINE = re.compile(r"[A-Z][^\s]*(?:\s+\S+){4,}[.!?][\"”’')]?$")


def continued_code(lines: list[str]) -> set[int]:
    """The positions of the lines that go on with a line of code ending in a backslash (a
    shell command or a JSON sample wrapped to the page: '"href": "https\\' then '://example.org",'),
    unless the line reads as a sentence."""
    out: set[int] = set()
    continues = False
    for position, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if continues and not _PROSE_LINE.match(text):
            out.add(position)
        continues = text.endswith("\\") and (position in out or not_copy(text) == "code")
    return out


def reference_entries(lines: list[str]) -> set[int]:
    """The positions of the lines that are a reference list's heading and entries: after a
    heading (``_REFERENCE_HEADING``), through at most ``REFERENCE_INTRO_LINES`` lines introducing
    the list, each line that reads as a citation (``_cited``); the list goes on through entries
    that do not (``_LIST_ENTRY``: they stay copy, "- The plan will cost £12m …" under "Notes") and
    lines of marks alone, and ends at the first other line. Entries in Vancouver style ("Bocquet H, Bagot M. Drug-induced
    …") carry no citation mark that ``not_copy`` would see; where they stand, and their authors'
    initials, say what they are."""
    out: set[int] = set()
    heading = None
    started = False
    intro = 0
    for position, line in enumerate(lines):
        text = line.strip()
        if _REFERENCE_HEADING.fullmatch(text):
            heading, started, intro = position, False, 0
            continue
        if heading is None or not any(ch.isalnum() for ch in text):
            continue  # a blank line, or a mark alone ("-", ".") between entries
        if _cited(text):
            out.update((heading, position))
            started = True
        elif _LIST_ENTRY.match(text):
            started = True
        elif not started and intro < REFERENCE_INTRO_LINES:
            intro += 1
        else:
            heading = None
    return out
