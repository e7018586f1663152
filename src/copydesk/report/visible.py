"""Text from the input made safe to show: control characters and invisible characters become
visible marks, so that nothing in a headline, a quoted sentence or a file name can drive a
terminal (clear the screen, set the window title, open an OSC 8 hyperlink) or hide a letter.

Every such character is shown as ``⟨U+XXXX⟩`` (its code point): ESC is ``⟨U+001B⟩``, the
zero-width joiner in "Bi\\u200dden" gives ``Bi⟨U+200D⟩den``. Shown are

- the C0 controls (U+0000–U+001F, tab and newline only where the caller keeps them), DEL and the
  C1 controls (U+007F–U+009F), the line and paragraph separators (U+2028, U+2029), and the bidi
  embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), always;
- the invisible characters of ``copydesk.knowledge.normalize.INVISIBLE`` (zero-width space,
  non-joiner and joiner, word joiner, byte-order mark, soft hyphen) with ``invisible=True``.

The text, Markdown and HTML reports and the messages on stderr use these; the JSON formats keep
the exact text (JSON escapes controls itself, and offsets must index the article's text).
"""

from __future__ import annotations

import re

from copydesk.knowledge.normalize import INVISIBLE

#: Characters that can act on a terminal or reorder what is shown.
CONTROLS = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"

_CONTROL = re.compile(f"[{CONTROLS}]")
_CONTROL_OR_INVISIBLE = re.compile(f"[{CONTROLS}{INVISIBLE}]")


def mark(char: str) -> str:
    """How one character is shown: ``⟨U+001B⟩``."""
    return f"⟨U+{ord(char):04X}⟩"


def visible(text: str, *, keep: str = "", invisible: bool = False) -> str:
    """``text`` with every control character (but those in ``keep``, e.g. ``"\\n"``) shown as
    ``⟨U+XXXX⟩``, and the invisible characters too when ``invisible`` is true."""
    pattern = _CONTROL_OR_INVISIBLE if invisible else _CONTROL
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: m.group() if m.group() in keep else mark(m.group()), text)


def shown(text: str) -> str:
    """A finding's message, span, suggestion or evidence as reports show it: controls and
    invisible characters visible."""
    return visible(text, invisible=True)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character ``visible`` would replace (tab and newline aside)."""
    return any(m.group() not in "\t\n" for m in _CONTROL.finditer(text))
