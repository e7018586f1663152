"""copydesk: an automated copy desk for news.

The public Python API::

    import copydesk
    desk = copydesk.Desk()                    # loads the language model and knowledge once
    report = desk.check_text("...", published="2022-02-21")
    for finding in report.findings:
        print(finding.check, finding.text, finding.suggestion)
"""

from copydesk.errors import (
    CheckError,
    CopydeskError,
    IngestError,
    KnowledgeError,
    ModelError,
    UsageError,
)
from copydesk.model import (
    SCHEMA_VERSION,
    Article,
    Claim,
    Entity,
    Event,
    Evidence,
    Finding,
    Mention,
    Quote,
    Severity,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "CheckError",
    "Claim",
    "CopydeskError",
    "Desk",
    "Entity",
    "Event",
    "Evidence",
    "Finding",
    "IngestError",
    "KnowledgeError",
    "Mention",
    "ModelError",
    "Quote",
    "Report",
    "Severity",
    "UsageError",
    "__version__",
]


def __getattr__(name: str):
    # The facade pulls in spaCy; import it only when asked for, so `import copydesk` stays cheap.
    if name in ("Desk", "Report"):
        from copydesk import desk

        return getattr(desk, name)
    raise AttributeError(f"module 'copydesk' has no attribute {name!r}")
