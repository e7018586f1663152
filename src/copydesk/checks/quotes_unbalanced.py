"""``quotes.unbalanced``: a quotation mark that opens and never closes, or closes and never opened.

Double marks are matched within each paragraph:

- Curly marks carry their role (“ opens, ” closes); a doubled single mark (‘‘ ’’) and the TeX
  pair (`` '') count as double marks. A ” written where a quotation opens (after a space,
  before a word) is an opening mark set the wrong way round: it opens, and is noted (info);
  with a quotation open, it closes it with the space on the wrong side (noted, info).
- A straight mark (") takes its role from what flanks it, as Markdown does for emphasis: before
  a word and after a space or punctuation it opens (``said:"We``), after a word or punctuation
  and before a space it closes; when both sides or neither side say so (``, " added``) it
  closes an open quotation and otherwise opens one. A straight mark after a digit with no
  quotation open is an inch mark (``27" monitor``), and so is a closing mark or two apostrophes
  there when what is measured follows (``24” monitors``, ``11.6'' ~ 12.5'' laptops``: word
  processors curl the inch sign; ``_inch_mark``).
- Double quotation marks do not nest, so an opening mark inside an open quotation is the
  newspaper convention for a quotation of several sentences (``done. "Then``) when it starts a
  sentence; otherwise the first quotation was never closed.

A quotation left open at the end of a paragraph is fine when the next paragraph reopens it (the
convention for quotations of several paragraphs) or closes it without reopening, or when the
page cut the paragraph short ("Th...more", "[…]"; or mid-phrase, "… and “exercising an", when
nothing after it closes the quotation). A paragraph that stops mid-sentence and goes on in lower
case on the next line (scraped text broken by a stray line break) is read as one paragraph with
the next.

Single curly marks: an opening ‘ that never closes within its paragraph. ’ is also the
apostrophe (the council’s, ’90s, runnin’), so it never counts as unopened; a ‘ right after a
letter or digit or before a digit is a misturned apostrophe (isn‘t, ‘90s), not a quotation. A mark
between brackets is named, not used ('in double quotes (")').

A quotation closed with the wrong mark ("‘…”", "“…’", or its own opening mark set where a
quotation ends: 'a “maker“.') is one warning, not an unclosed quotation and a stray mark.
A paragraph whose characters were lost (U+FFFD) or double-encoded ("â€”") is not judged. On a
page whose marks never pair in more than three paragraphs, and in half or more of those with
marks, the missing-mark findings after the first three paragraphs are rated info
(``_unless_the_marks_are_not_quotation``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.knowledge.lexicon import MIXED_ZIPF
from copydesk.model import (
    REPLACEMENT_CHARACTER,
    Evidence,
    Finding,
    Region,
    Severity,
    code_spans,
    mask_spans,
)

OPEN, CLOSE = "“", "”"
#: Two-character spellings of double marks: (text, role).
DOUBLED = {"‘‘": "open", "’’": "close", "``": "open", "''": "close"}
#: Characters after which a sentence (and so a reopened quotation) may start.
SENTENCE_END = ".?!…:;—–-"
#: Characters that may end a paragraph that is complete (anything else: broken mid-sentence).
PARAGRAPH_END = ".?!…:;\"”’')]"
#: An unclosed quotation is flagged to the end of its paragraph, but never past this many
#: characters (a long news paragraph; cut back to the last space before it): the span shows
#: where the quotation starts and runs, and text scraped without its paragraph breaks would
#: otherwise make it the rest of the article; a page of stray marks makes a report of bounded
#: size.
MAX_SPAN_CHARS = 400
#: UTF-8 read as cp1252 and written out again where a quotation mark shows: punctuation of
#: U+2000–U+206F starts "â€" ("â€œ" for “, "â€”" for —, whose last character is a ”), and a
#: Latin letter of U+00C0–U+00DF can end in a curly mark ("Ã“" for Ó). Welsh "â’r" is text.
DOUBLE_ENCODED_MARK = re.compile("â€|Ã[‘’“”]")
CLOSING_FOR = {"“": "”", "‘": "’", '"': '"', "‘‘": "’’", "``": "''", "''": "''", "”": "”"}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    text: str
    role: str  # open | close | either | misturned | close-or-misturned


@dataclass(frozen=True, slots=True)
class Unbalanced:
    mark: Mark
    kind: str  # unclosed | unopened | misturned | misspaced | mismatched | turned
    closer: int = -1  # mismatched, turned: where the mark that closes the quotation is


def _paragraphs(article: AnalysedArticle) -> list[Region]:
    """Paragraphs, with one broken mid-sentence joined to its lower-case continuation."""
    text = article.text
    out: list[Region] = []
    for region in sorted(article.article.paragraphs, key=lambda r: r.start):
        if out and _broken(text, out[-1], region):
            out[-1] = Region(out[-1].start, region.end, out[-1].role)
        else:
            out.append(region)
    return out


def _broken(text: str, previous: Region, region: Region) -> bool:
    last = text[previous.start : previous.end].rstrip()[-1:]
    first = text[region.start : region.start + 1]
    return (
        previous.role == region.role == "body"
        and bool(last) and last not in PARAGRAPH_END
        and first.islower()
    )


def _straight_role(text: str, k: int, region: Region, width: int = 1) -> str:
    """open, close or either, from the characters either side (Markdown's flanking rules)."""
    before = text[k - 1] if k > region.start else " "
    after = text[k + width] if k + width < region.end else " "
    if before in "([{" and not after.isspace():
        return "open"  # nothing closes straight after an opening bracket: '(", world!")'
    left = not after.isspace() and (after.isalnum() or before.isspace() or not before.isalnum())
    right = not before.isspace() and (before.isalnum() or after.isspace() or not after.isalnum())
    if left and after in ".,;:!?)":
        left = False
    if right and not before.isalnum() and before not in ".?!" and after.isspace():
        right = False  # 'said," We': a misplaced space, the mark may open or close
    if before in ".?!," and after.isalnum():
        return "either"  # 'done."Then': a missing space, after a closing or before an opening
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


#: Words written with a leading apostrophe for letters left out (aphaeresis): "‘em", "‘cause".
ELIDED = ("em", "cause", "til", "tis", "twas", "bout", "round", "n", "nuff", "scuse")
#: Elided words that are also words written with a capital in titles ("‘Till There Was You"):
#: elided only in lower case ("faking it ‘till you make it").
ELIDED_LOWER = ("till",)
_MARKS = "“”\"‘’'"
#: Endings of contractions ("isn't", "we're", "I'll"): after a word and a stray space, a ‘ before
#: one of them is a broken apostrophe.
CONTRACTED = ("t", "s", "re", "ve", "ll", "d", "m")


def _double_marks(text: str, region: Region) -> list[Mark]:
    out: list[Mark] = []
    k = region.start
    while k < region.end:
        pair = text[k : k + 2]
        ch = text[k]
        symbol = _QUOTED_SYMBOL.match(text, k, region.end) if ch in ('"', OPEN) else None
        if (symbol is not None and text[symbol.end() : symbol.end() + 1] not in _MARKS
                and (k == region.start or text[k - 1].isspace() or text[k - 1] in "([{,")
                and not text[symbol.end() : symbol.end() + 1].isalnum()):
            k = symbol.end()  # a character quoted to name it (a separator ";", a key "|"): a pair
            continue
        if ch in _MARKS and text[k - 1 : k] == "=":
            # markup left in the text (href=”…”): the value's two marks are not quotation
            close = next((j for j in range(k + 1, region.end) if text[j] in _MARKS), region.end)
            k = close + 1
            continue
        if ch in _MARKS and text[k + 1 : k + 2] == ">":
            k += 1  # the end of a tag's attribute ("…">text)
            continue
        if ch in _MARKS and _named(text, k, region):
            k += 1
            continue
        if ch in (CLOSE, '"') and _inch(text, k):
            k += 1  # 6’2”: feet and inches
            continue
        if pair in DOUBLED:
            role = _straight_role(text, k, region, 2) if pair == "''" else DOUBLED[pair]
            out.append(Mark(k, pair, role))
            k += 2
            continue
        if ch == OPEN:
            # glued to the end of a word or a sentence and followed by a space, punctuation or
            # the paragraph's end ('a “maker“.', 'Stands Out?“'): where a closing mark belongs
            closing = _closing_position(text, k, region) and (k + 1 >= region.end or text[k + 1] not in _MARKS)
            out.append(Mark(k, ch, "open-or-turned" if closing else "open"))
        elif ch == CLOSE:
            before = text[k - 1] if k > region.start else " "
            after = text[k + 1] if k + 1 < region.end else " "
            misturned = before.isspace() and after.isalnum()
            # after an ellipsis, colon, bracket or dash and before a word ("thinking…”Wow"): it
            # closes an open quotation, else it is an opening mark set the wrong way round
            glued = before in "…:([—–" and after.isalpha()
            out.append(Mark(k, ch, "misturned" if misturned else "close-or-misturned" if glued else "close"))
        elif ch == '"':
            out.append(Mark(k, ch, _straight_role(text, k, region)))
        k += 1
    return out


#: One or two symbols between a pair of marks: characters quoted to name them ('a semicolon
#: (";")', '"<", ">"', "“/”"), as technical writing does; such a pair is balanced by itself.
_QUOTED_SYMBOL = re.compile(r'"[^\w\s"“”‘’\']{1,2}"|“[^\w\s"“”‘’\']{1,2}”')


def _named(text: str, k: int, region: Region) -> bool:
    """The mark at ``k`` is named between brackets, not used: 'inside double quotes (")', "(‘)"."""
    return k > region.start and text[k - 1] in "([{" and text[k + 1 : k + 2] in ")]}"


def _inch(text: str, k: int) -> bool:
    """A height or length in feet and inches: 6’2”, 5'11"."""
    head = text[max(0, k - 4) : k]
    return len(head) >= 3 and head[-1].isdigit() and (
        (head[-2] in "’'" and head[-3].isdigit()) or (head[-3] in "’'" and head[-2].isdigit()
                                                       and len(head) == 4 and head[-4].isdigit())
    )


def _closed_later(marks: list[Mark], index: int) -> bool:
    """A closing mark follows ``marks[index]`` in its paragraph before any opening one."""
    for later in marks[index + 1 :]:
        if later.role in ("close", "close-or-misturned", "either"):
            return True
        if later.role in ("open", "misturned"):
            return False
    return False


def _starts_sentence(text: str, mark: Mark, region: Region) -> bool:
    """Whether the text before the mark ends a sentence (closing marks and spaces skipped)."""
    before = text[region.start : mark.start].rstrip(" \t\n’'”\"")
    return not before or before[-1] in SENTENCE_END


def _match_double(
    text: str, region: Region, carried: Mark | None = None, marks: list[Mark] | None = None
) -> tuple[list[Unbalanced], Mark | None]:
    """Problems found inside one paragraph, and the mark still open at its end (or None).
    ``carried`` is a quotation left open by the previous paragraph and not reopened here;
    ``marks`` the paragraph's double marks when the caller has them (``_double_marks``).

    Open quotations are a stack two deep at most: a double mark opening mid-sentence inside a
    quotation nests (``"she was the "Mother of the Parliament" then"``, a house style some sites
    use); one opening a sentence reopens the quotation that ran on (the convention)."""
    problems: list[Unbalanced] = []
    stack: list[Mark] = [carried] if carried is not None else []
    if marks is None:
        marks = _double_marks(text, region)
    for index, mark in enumerate(marks):
        role = mark.role
        if role == "close-or-misturned":
            role = "close" if stack else "misturned"
        if role == "open-or-turned":
            if stack and stack[-1].text in (OPEN, '"', "‘‘", "``"):
                # an opening mark written where the open quotation ends: it closes it, set the
                # wrong way round (noted)
                problems.append(Unbalanced(stack.pop(), "turned", mark.start))
                continue
            role = "open"
        if role == "misturned" and stack and mark.text == CLOSE and not _closed_later(marks, index):
            # with a quotation open and no closing mark after it, a ” between a space and a word
            # closes it with the space on the wrong side ('“A Most Violent Year, ”out on Dec.
            # 31'): noted, and it closes; a closing mark later would be this one's, an opening
            # mark turned the wrong way ('“We lost. ”We will be back,” he said')
            problems.append(Unbalanced(mark, "misspaced"))
            stack.pop()
            continue
        if role == "misturned":
            problems.append(Unbalanced(mark, "misturned"))
            role = "open"
        if role in ("either", "close") and mark.text in ('"', "''") and text[mark.start - 1 : mark.start].isdigit() \
                and stack and stack[-1].text == OPEN and _measure_follows(text, mark):
            continue  # with a “ open, a straight mark after a number and before what is measured
            # ("a 12" cast-iron main") is an inch mark: a writer of curly marks does not close with it
        if role == "either":
            if mark.text in ('"', "''") and not stack and text[mark.start - 1 : mark.start].isdigit():
                continue  # an inch mark: 27" screen
            role = "close" if stack else "open"
        if role == "open":
            if not stack:
                stack.append(mark)
            elif _starts_sentence(text, mark, region) and stack[-1] is not carried:
                continue  # a new sentence reopens the quotation that ran on
            elif len(stack) == 1 and stack[0] is not carried:
                stack.append(mark)  # nested
            else:
                problems.append(Unbalanced(stack[-1], "unclosed"))
                stack[-1] = mark
        elif stack:
            opener = stack.pop()
            if {opener.text, mark.text} == {'"', CLOSE} or (opener.text == OPEN and mark.text == '"'):
                problems.append(Unbalanced(opener, "mismatched", mark.start))  # straight and curly mixed
        elif not _inch_mark(text, mark):
            problems.append(Unbalanced(mark, "unopened"))
    if carried is not None and stack and stack[0] is carried:
        problems.append(Unbalanced(carried, "unclosed"))
        stack.pop(0)
    if len(stack) > 1:
        problems.append(Unbalanced(stack[-1], "unclosed"))  # a nested quotation left open
    return problems, stack[0] if stack else None


#: Words after a closing mark that go on with a sentence, so the mark closed a quotation whose
#: opening mark is missing ("around 40” and", "We lost 3” he said") rather than an inch.
_GOES_ON = frozenset({"and", "but", "or", "so", "then", "he", "she", "they", "we", "i", "it",
                      "you", "said", "says", "added", "told", "as", "while", "when", "after",
                      "in", "at", "on", "for", "from", "according", "with", "by"})
#: Sizes in a row ("the 55” and 65” models", "24”, 27” and 32”"): each mark is an inch sign.
_SIZE_AFTER = re.compile(r"\s*(?:,|and|or|to|x|by|-|–|~)\s*\d[\d.]*\s*(?:[”\"]|'')")
_SIZE_BEFORE = re.compile(r"\d[\d.]*\s*(?:[”\"]|'')\s*(?:,|and|or|to|x|by|-|–|~)\s*$")


def _inch_mark(text: str, mark: Mark) -> bool:
    """A mark after a digit that closes nothing: the inch sign. A straight one always (``27"``); a
    curled one (word processors curl the inch sign too), or two apostrophes standing for it
    (``11.6''``), when a hyphen, another size or a word that names what
    is measured follows ("24” monitors", "17” of travel", "a 15”-wide tray"), and not after a
    score ("2-0”"), an amount of money ("£500”") or a percentage."""
    k = mark.start
    if not text[k - 1 : k].isdigit() or mark.text not in ('"', CLOSE, "''", "’’"):
        return False
    if mark.text == '"':
        return True
    number = re.search(r"[£$€¥]?\d[\d,.]*[-–]?\d*$", text[max(0, k - 20) : k])
    if number is None or number.group()[0] in "£$€¥" or re.search(r"\d[-–]\d", number.group()):
        return False
    after = text[k + len(mark.text) : k + len(mark.text) + 20]
    if re.fullmatch(r"\d+\.\d+", number.group()):
        # a size with a decimal: beside another size written with the mark ("6.2” in the full
        # rectangle and 6.0”), or before punctuation or a word that does not go on with a
        # sentence ("by almost 1.5”."); "2.5” he said", "0.4” in March" close a quotation
        window = max(0, k - 300)
        if any(window + m.start() + 1 != k
               for m in re.finditer(r"\d" + re.escape(mark.text), text[window : k + 300])):
            return True
        word = re.match(r" ([A-Za-z]+)", after)
        return word is None or word.group(1).lower() not in _GOES_ON
    if _SIZE_AFTER.match(after) or _SIZE_BEFORE.search(text, max(0, k - 40), k - len(number.group())):
        return True
    return _measure_follows(text, mark)


def _measure_follows(text: str, mark: Mark) -> bool:
    """A hyphen or a word that does not go on with a sentence follows the mark ("24” monitors",
    "a 15”-wide tray"; not "40” and", "3” he said")."""
    after = text[mark.start + len(mark.text) : mark.start + len(mark.text) + 20]
    if after[:1] in "-–":
        return True
    word = re.match(r" ([A-Za-z]+)", after)
    return word is not None and word.group(1).lower() not in _GOES_ON


def _single(text: str, region: Region, lexicon=None, unopened: frozenset[int] = frozenset()) -> list[Unbalanced]:
    """Single quotations that never close. ``unopened``: where the paragraph's ” marks that
    close no double quotation are (one of them may close a single quotation instead)."""
    found = []
    language: list[str | None] = []  # the paragraph's mixed-in language, read at most once
    for k in range(region.start, region.end):
        if not _opens_single(text, k, region):
            continue
        word = (text[k + 1 : k + 7].split() or [""])[0].rstrip(".,;:!?").lower()
        closing = _single_close(text, k, region, "’")
        if closing == -1 and lexicon is not None and _elided(text, region, word, lexicon, language):
            continue  # "‘yung" in Taglish: the other language's elision, not a quotation
        if closing == -1:
            closing = _single_close(text, k, region, "'")
            if closing == -1:
                closing = _other_close(text, k, region, unopened)
            kind = "mismatched" if closing != -1 else "unclosed"
            found.append(Unbalanced(Mark(k, "‘", "open"), kind, closing))
    return found


def _opens_single(text: str, k: int, region: Region) -> bool:
    """The ‘ at ``k`` may open a single quotation: it is not half of a double mark, a misturned
    apostrophe (isn‘t, ‘90s, user42‘s), a mark named between brackets, the apostrophe of an
    elided word (‘em) or of a contraction broken by a stray space ("isn ‘t")."""
    if text[k] != "‘" or text[k : k + 2] == "‘‘" or text[k - 1 : k + 1] == "‘‘":
        return False
    if (k > region.start and text[k - 1].isalnum()) or text[k + 1 : k + 2].isdigit():
        return False
    if _named(text, k, region):
        return False
    written = (text[k + 1 : k + 7].split() or [""])[0].rstrip(".,;:!?")
    word = written.lower()
    if word in ELIDED or written in ELIDED_LOWER:
        return False
    return not (word in CONTRACTED and k > region.start and text[k - 2 : k - 1].isalpha())


def _closing_position(text: str, k: int, region: Region) -> bool:
    """The mark at ``k`` stands where a quotation ends: after a word or a sentence's end, before
    a space, punctuation or the paragraph's end."""
    before = text[k - 1] if k > region.start else " "
    after = text[k + 1] if k + 1 < region.end else " "
    return (before.isalnum() or before in ".,;:!?…") and not after.isalnum()


def _other_close(text: str, k: int, region: Region, unopened: frozenset[int]) -> int:
    """Where a single quotation opened at ``k`` and never closed with ’ is closed with another
    mark: a ” that closes no double quotation, or the opening ‘ itself, set where a quotation
    ends ("‘inductive backdoors”,", "‘diva‘,"), before any other quotation opens; -1 when
    there is none."""
    for j in range(k + 1, region.end):
        ch = text[j]
        if ch == CLOSE and j in unopened and _closing_position(text, j, region):
            return j
        if ch == "‘" and _closing_position(text, j, region) and (j + 1 >= region.end or not text[j + 1].isspace()):
            return j  # before punctuation or the paragraph's end: not an apostrophe ("players‘ union")
        if ch in (OPEN, '"'):
            return -1
    return -1


def _closed_by_single(text: str, mark: Mark, region: Region, lexicon=None) -> int:
    """Where a double quotation left open is closed with a single ’ ("“subliminal learning’, a
    kind"): a ’ where a quotation ends, before any other double mark, and not the apostrophe of
    a plural's possessive ("the players’ union"); -1 when there is none."""
    if _open_single_before(text, mark.start, region):
        return -1  # "‘He called it “a disgrace’": the ’ closes the single quotation around it
    inner = 0  # single quotations opened inside it ("the ‘conscience’ argument")
    for j in range(mark.start + len(mark.text), region.end):
        ch = text[j]
        if ch in '“”"':
            return -1
        if _opens_single(text, j, region):
            inner += 1
        elif ch == "’" and _closing_position(text, j, region) and _ends_quotation(text, j, region, lexicon):
            if not inner:
                return j
            inner -= 1
    return -1


def _ends_quotation(text: str, j: int, region: Region, lexicon=None) -> bool:
    """The ’ at ``j`` can end a quotation rather than be an apostrophe: punctuation or the
    paragraph's end follows it (an apostrophe ending a word is followed by a space: "the players’
    union", "rock ’n’ roll", "o’ clock"), and it is not the g a speaker dropped ("believin’,":
    the word with a g is an English -ing word; "win’", "Berlin’" are not)."""
    if j + 1 < region.end and (text[j + 1].isspace() or text[j + 1].isalnum()):
        return False
    start = j
    while start > region.start and text[start - 1].isalpha():
        start -= 1
    word = text[start:j].lower()
    if len(word) < 5 or not word.endswith("in"):
        return True
    return lexicon is not None and not lexicon.known(word + "g")


def _open_single_before(text: str, k: int, region: Region) -> bool:
    """A single quotation opened before ``k`` in its paragraph is still open there."""
    depth = 0
    for j in range(region.start, k):
        if _opens_single(text, j, region):
            depth += 1
        elif text[j] == "’" and depth and _closing_position(text, j, region) and not text[j + 1 : j + 2].isalnum():
            depth -= 1
    return depth > 0


#: Syllables Filipino drops at the start of a word in speech ("‘yung" for iyung, "‘di" for hindi,
#: "‘wag" for huwag, "‘pag" for kapag): an elided word with one of them restored is a common word.
ELIDED_SYLLABLES = ("i", "hu", "ka", "hin", "a")


def _elided(text: str, region: Region, word: str, lexicon, read: list[str | None]) -> bool:
    """The paragraph mixes a language into English (``Lexicon.mixed_language``: "Ang ganda
    ‘yung mga kasabayan mo") and the word after the mark is one of its words with the first
    syllable dropped: the mark elides it, as English "‘em" does. ``read`` holds the paragraph's
    language once it has been read (once per paragraph, however many marks it has)."""
    if not word.isalpha():
        return False
    if not read:
        foreign = [w for w in set(re.findall(r"[^\W\d_]+", text[region.start : region.end].lower()))
                   if not lexicon.known(w)]
        read.append(lexicon.mixed_language(foreign))
    language = read[0]
    return language is not None and any(
        lexicon.frequency(syllable + word, language) >= MIXED_ZIPF - 1 for syllable in ELIDED_SYLLABLES)


def _single_close(text: str, k: int, region: Region, mark: str) -> int:
    """The offset of the mark that closes the single quotation opened at ``k``, or -1: a mark
    after a non-space that no letter follows (a ’ followed by a letter is an apostrophe)."""
    closing = text.find(mark, k + 1, region.end)
    while closing != -1 and (
        (closing + 1 < region.end and text[closing + 1].isalpha() and not _missing_space(text, closing))
        or text[closing - 1].isspace()
    ):
        closing = text.find(mark, closing + 1, region.end)
    return closing


def _missing_space(text: str, k: int) -> bool:
    """The mark at ``k`` ends a sentence and the next begins with no space between: a sentence's
    stop before it, a capital after it ("Resume.’Read the research"). An apostrophe after a stop
    belongs to an abbreviation and a lower-case ending ("the U.S.’s")."""
    return text[k - 1 : k] in (".", "!", "?") and text[k + 1 : k + 2].isupper()


def _opens_paragraph(text: str, region: Region) -> bool:
    head = text[region.start : region.start + 2]
    return head[:1] in (OPEN, '"', CLOSE) or head in ("‘‘", "``", "''")


@register("quotes.unbalanced", severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A quotation mark that never closes, or a closing mark that never opened."""
    text = article.text
    marks_text = mask_spans(text, code_spans(article.article))  # no marks inside program code
    lexicon = getattr(knowledge, "lexicon", None)
    # left open at the end of the previous paragraph: its paragraph, the mark, and whether that
    # paragraph stops mid-phrase (``_cut_mid_phrase``)
    pending: tuple[Region, Mark, bool] | None = None
    after_damage = False
    found: list[tuple[Unbalanced, Region]] = []  # each problem and the paragraph it is told in
    quoting = 0  # paragraphs with a quotation mark
    for region in _paragraphs(article):
        paragraph = text[region.start : region.end]
        if REPLACEMENT_CHARACTER in paragraph or DOUBLE_ENCODED_MARK.search(paragraph):
            # a character lost in decoding (U+FFFD) may have been a quotation mark, and in text
            # double-encoded upstream a mark is two or three other characters ("â€œ" for “, "â€”"
            # for a dash, its last character a ”): the marks of this paragraph, and a quotation
            # carried into it, cannot be counted
            pending, after_damage = None, True
            continue
        carried = None
        if pending is not None and not _opens_paragraph(marks_text, region):
            carried = pending[1]  # a paragraph break inside the quotation, or it never closed
        cut = pending is not None and pending[2]  # the paragraph it was left open in stops mid-phrase
        marks = _double_marks(marks_text, region)
        problems, still_open = _match_double(marks_text, region, carried, marks)
        if after_damage:  # a quotation may have run on from the damaged paragraph
            problems = [problem for problem in problems if problem.kind != "unopened"]
            after_damage = False
        # a teaser the page cut ("… Meg & Th...more"): what it opened and left open, the writer
        # closed (a quotation carried in from the paragraph before is still judged)
        problems = [problem for problem in problems
                    if problem.kind != "unclosed" or problem.mark is carried
                    or not _cut_short(text, problem.mark.start, region.end)]
        if still_open is not None and still_open is not carried and _cut_short(text, still_open.start, region.end):
            still_open = None
        unopened = frozenset(problem.mark.start for problem in problems if problem.kind == "unopened")
        singles = _single(marks_text, region, lexicon, unopened)
        taken = {problem.closer for problem in singles if problem.kind == "mismatched"}
        # a ” that closes a single quotation ("‘inductive backdoors”") opened nothing it lacks
        problems = [problem for problem in problems if problem.kind != "unopened" or problem.mark.start not in taken]
        if marks or singles or any(_opens_single(marks_text, k, region) for k in _find_all(marks_text, "‘", region)):
            quoting += 1
        if cut:  # a quotation the page cut mid-phrase, and this paragraph does not close it
            problems = [problem for problem in problems if problem.kind != "unclosed" or problem.mark is not carried]
        for problem in problems + singles:
            home = pending[0] if pending is not None and problem.mark is carried else region
            found.append((_mismatched(marks_text, home, problem, lexicon), home))
        pending = None if still_open is None else \
            (region, still_open, _cut_mid_phrase(text, max(still_open.start, region.start), region.end))
    if pending is not None and not pending[2]:
        found.append((_mismatched(marks_text, pending[0], Unbalanced(pending[1], "unclosed"), lexicon), pending[0]))
    yield from _unless_the_marks_are_not_quotation(found, quoting, text)


#: A page on which more than this many paragraphs have a mark that never pairs, and at least
#: MARKS_NOT_QUOTATION_SHARE of the paragraphs with quotation marks, keeps this many at warning
#: and the rest at info (see ``_unless_the_marks_are_not_quotation``).
MARKS_KEPT_AT_WARNING = 3
MARKS_NOT_QUOTATION_SHARE = 0.5
#: The problems that rest on a mark that is missing, not on one that is wrong.
MISSING_MARK = ("unclosed", "unopened")


def _find_all(text: str, char: str, region: Region) -> Iterator[int]:
    k = text.find(char, region.start, region.end)
    while k != -1:
        yield k
        k = text.find(char, k + 1, region.end)


def _unless_the_marks_are_not_quotation(found: list[tuple[Unbalanced, Region]], quoting: int,
                                        text: str) -> Iterator[Finding]:
    """The findings, with those that rest on a missing mark (never closed, never opened) after the
    first three paragraphs that have one rated info when such paragraphs are many on the page.

    In edited news a quotation left open is a slip of about one paragraph in a hundred with
    marks (28 of 3,908 in the news of the precision set's tuning half). A page with a mark that
    never pairs in more than three paragraphs, and in half or more of its paragraphs with
    quotation marks, is either written by someone who leaves every quotation open, or uses its
    marks for something else (program code outside code markup, measurements, ditto marks), or
    lost some (typography damaged on the way, an extractor that split a quotation). Three
    warnings tell an editor of the first; a page of them only buries the rest of the report in
    the other cases. So the first three such paragraphs keep their warnings, and the missing-mark
    findings of the others are kept at info, each with the page's count as evidence; a quotation
    closed with the wrong mark, which shows both of its ends, is judged as before."""
    missing = sorted({region.start for problem, region in found if problem.kind in MISSING_MARK})
    if len(missing) <= MARKS_KEPT_AT_WARNING or len(missing) < MARKS_NOT_QUOTATION_SHARE * quoting:
        yield from (_finding(text, region, problem) for problem, region in found)
        return
    kept = frozenset(missing[:MARKS_KEPT_AT_WARNING])
    note = Evidence("punctuation", f"a mark fails to pair in {len(missing)} of the {quoting} paragraphs with"
                    " quotation marks on this page, far more than slips usually make: the page may use its"
                    f" marks for something else or have lost some; the first {MARKS_KEPT_AT_WARNING} are"
                    " warnings, the others info")
    for problem, region in found:
        finding = _finding(text, region, problem)
        if problem.kind in MISSING_MARK:
            finding.evidence.append(note)
            if region.start not in kept:
                finding.severity = min(finding.severity, Severity.INFO)
        yield finding


def _mismatched(text: str, region: Region, problem: Unbalanced, lexicon=None) -> Unbalanced:
    """An unclosed double quotation that a single ’ closes is mismatched, not unclosed."""
    if problem.kind != "unclosed" or problem.mark.text not in (OPEN, '"'):
        return problem
    closer = _closed_by_single(text, problem.mark, region, lexicon)
    return problem if closer == -1 else Unbalanced(problem.mark, "mismatched", closer)


#: Text the page cut short, with a link to the rest: "…run by Meg & Th...more", "… Read more" (where
#: the link's text may run on into the next item), or "[…]" ending the paragraph.
_CUT_MORE = re.compile(r"(?:\.\.\.|…)\s*(?:read |see |view |show )?more\b(?!\s*[.!?,;:])", re.IGNORECASE)
_CUT_END = re.compile(r"\[(?:…|\.\.\.)\]$")


#: A paragraph that stops on a word no sentence or headline ends with — an article, a
#: determiner, a preposition or a conjunction, with no punctuation after it ("… and “exercising
#: an", "… neither party taking any"): the page cut the text there (a teaser, a preview), and the
#: quotation's closing mark was cut with it.
_CUT_MID_PHRASE = re.compile(
    r"(?<![\w'’-])(?:a|an|the|any|every|each|no|its|their|his|her|my|our|your|of|to|in|on|at|for"
    r"|with|by|from|into|and|or|but|nor|than|because)$", re.IGNORECASE)


def _cut_short(text: str, start: int, end: int) -> bool:
    """The text from ``start`` to ``end`` (a quotation's opening mark to its paragraph's end) was cut
    by the page ("…we want... more." is the speaker's, a sentence)."""
    tail = text[max(start, end - 40) : end].rstrip(" \t\n.,;:!?”’\"')")
    return bool(_CUT_MORE.search(text, start, end) or _CUT_END.search(tail))


def _cut_mid_phrase(text: str, start: int, end: int) -> bool:
    """The paragraph that ends at ``end`` stops mid-phrase after ``start`` (``_CUT_MID_PHRASE``).
    Unlike a teaser cut with a link to the rest, such a text may go on in the next paragraph
    (a line broken inside a sentence), so the quotation is still carried; it is not reported
    only when nothing after it closes it."""
    return bool(_CUT_MID_PHRASE.search(text[max(start, end - 40) : end].rstrip()))


def _span_end(text: str, start: int, end: int) -> int:
    """Where an unclosed quotation's span ends: the paragraph's end, or within
    :data:`MAX_SPAN_CHARS` at the last space (the last character when there is none)."""
    if end - start <= MAX_SPAN_CHARS:
        return end
    limit = start + MAX_SPAN_CHARS
    space = text.rfind(" ", start + 1, limit + 1)
    return space if space > start else limit


def _finding(text: str, region: Region, problem: Unbalanced) -> Finding:
    mark = problem.mark
    if problem.kind == "unclosed":
        end = _span_end(text, mark.start, region.end)
        span = text[mark.start : end]
        closing = CLOSING_FOR.get(mark.text, "”")
        return Finding(
            check="quotes.unbalanced", severity=Severity.WARNING, start=mark.start,
            end=end, text=span,
            message=f"the quotation opened with {mark.text} is never closed",
            suggestion=f"close the quotation with {closing}", confidence=0.8,
            evidence=[Evidence("punctuation", f"no closing {closing} before the end of the paragraph,"
                               " and the next paragraph does not reopen the quotation")],
        )
    if problem.kind in ("mismatched", "turned"):
        closing, used = problem.closer, text[problem.closer]
        right = CLOSING_FOR.get(mark.text, "”")
        # a straight mark for a curly one is typography (info); a mark of the other kind or
        # turned the wrong way is a slip an editor mends (warning)
        severity = Severity.WARNING
        if problem.kind == "turned" or used in (OPEN, "‘"):
            message = f"the quotation opened with {mark.text} is closed with another opening mark {used}"
        elif used == "'" or (mark.text, used) in (('"', CLOSE), (OPEN, '"')):
            message = f"the quotation opened with {mark.text} is closed with {used}: straight and curly marks mixed"
            severity = Severity.INFO
        else:
            message = f"the quotation opened with {mark.text} is closed with {used}"
        return Finding(
            check="quotes.unbalanced", severity=severity, start=mark.start,
            end=closing + 1, text=text[mark.start : closing + 1],
            message=message, suggestion=f"close it with {right}", confidence=0.6,
            evidence=[Evidence("punctuation", f"the quotation opens with {mark.text} and ends with {used},"
                               " which does not match it")],
        )
    if problem.kind == "misspaced":
        return Finding(
            check="quotes.unbalanced", severity=Severity.INFO, start=mark.start - 1,
            end=mark.start + len(mark.text), text=text[mark.start - 1 : mark.start + len(mark.text)],
            message=f"the closing mark {mark.text} has the space before it instead of after it",
            suggestion=f"{mark.text} ", confidence=0.7,
            evidence=[Evidence("punctuation", "a quotation is open, and the mark follows a space and"
                               " precedes a word")],
        )
    if problem.kind == "misturned":
        # after a space the quotation is plain to see, only its mark is turned (info); glued to
        # the punctuation before it ("thinking…”Wow") the quotation's opening is lost as well
        glued = mark.start > 0 and not text[mark.start - 1].isspace()
        return Finding(
            check="quotes.unbalanced", severity=Severity.WARNING if glued else Severity.INFO,
            start=mark.start,
            end=mark.start + len(mark.text), text=mark.text,
            message=f"a quotation opens here with the closing mark {mark.text}",
            suggestion="“", confidence=0.7,
            evidence=[Evidence("punctuation", "the mark follows a space (or an ellipsis, colon,"
                               " bracket or dash) and precedes a word, where an opening mark belongs")],
        )
    return Finding(
        check="quotes.unbalanced", severity=Severity.WARNING, start=mark.start,
        end=mark.start + len(mark.text), text=mark.text,
        message=f"the closing quotation mark {mark.text} has no opening mark",
        suggestion="remove the mark, or open the quotation where it begins", confidence=0.6,
        evidence=[Evidence("punctuation", "no opening mark earlier in the paragraph,"
                           " and no quotation left open in the paragraph before")],
    )
