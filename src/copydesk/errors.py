"""The exception tree.

    CopydeskError
    ├── IngestError          an input cannot be turned into an Article (has .kind and .source)
    ├── ModelError           the spaCy pipeline is missing or broken
    ├── KnowledgeError       the knowledge base or a shipped resource is missing or invalid
    ├── CheckError           a check is misdeclared (registry problems, not content problems)
    └── UsageError           bad arguments from a caller (CLI or API)
        └── ConfigError      a house-style file (copydesk.toml) that cannot be read or is wrong

Checks never raise for content problems; they return findings.
"""

from __future__ import annotations


class CopydeskError(Exception):
    """Base class of every error copydesk raises on purpose."""


class IngestError(CopydeskError):
    """An input could not be read or holds no article.

    ``kind`` is one of: not-found, unreadable, binary, empty, encoding, too-large, no-article, parse,
    language (the text is not English).
    ``url``: the input's URL when it has one (a WARC record's target URI).
    """

    def __init__(self, source: str, kind: str, message: str, *, url: str | None = None):
        self.source = source
        self.kind = kind
        self.message = message
        self.url = url
        super().__init__(f"{source}: {message}")


class ModelError(CopydeskError):
    """The language model cannot be loaded."""


class KnowledgeError(CopydeskError):
    """A knowledge resource is missing or invalid."""


class CheckError(CopydeskError):
    """A check is declared wrongly (duplicate id, bad severity, unknown requirement)."""


class UsageError(CopydeskError):
    """A caller passed arguments that cannot work."""


class ConfigError(UsageError):
    """A house-style configuration (``copydesk.toml``) is not valid TOML or holds a key or value
    copydesk does not know; the message names the file, the line or key, and the problem."""
