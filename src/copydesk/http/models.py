"""Request bodies of the REST API (Pydantic models; their JSON Schema is in /openapi.json)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: Characters allowed in a metadata field (a headline, a byline, a date): far past real ones.
SHORT = 1_000
_SURROGATE = re.compile("[\ud800-\udfff]")


class ArticleIn(BaseModel):
    """One article: ``text`` (plain or scraped page text) or ``html`` (a whole web page), and
    optional metadata that replaces what ingest finds. The same fields as a line of a JSONL
    feed given to ``copydesk check``, read the same way."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{
                "text": "Dock workers vote to strike\n\nUnion leaders said its too late.",
                "published": "2023-03-03T07:40",
            }],
        },
    )

    text: str | None = Field(None, description="The article as plain text (exactly one of "
                             "text and html). Offsets in the report index this text, with "
                             "\\r\\n read as \\n.")
    html: str | None = Field(None, description="The article as a web page; the report's "
                             "article.text is the text extracted from it.")
    headline: str | None = Field(None, max_length=SHORT)
    section: str | None = Field(None, max_length=SHORT)
    byline: str | None = Field(None, max_length=SHORT)
    url: str | None = Field(None, max_length=4 * SHORT)
    published: str | None = Field(
        None, max_length=100,
        description="Publication date, ISO 8601 (2022-02-21 or 2022-02-21T09:14); checks judge "
        "the article as of this date. Replaces the date ingest finds.",
    )
    updated: str | None = Field(None, max_length=100, description="Update time, ISO 8601.")
    source: str | None = Field(
        None, max_length=SHORT,
        description="What the report's source field says (default: <request>).",
    )

    @field_validator("headline", "section", "byline", "url", "published", "updated", "source",
                     mode="before")
    @classmethod
    def _no_lone_surrogates(cls, value: Any) -> Any:
        """JSON can spell a lone surrogate (\\ud800), which no text holds: U+FFFD instead, as
        in a JSONL record (the text's own are replaced, with a warning, by ingest)."""
        if isinstance(value, str):
            return _SURROGATE.sub("\ufffd", value)
        return value

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        return self

    def record(self) -> dict[str, Any]:
        """The fields as a JSONL record (``copydesk.ingest.sources``), ``source`` left out."""
        return self.model_dump(exclude={"source"}, exclude_none=True)

    def body(self) -> str:
        return self.text if self.text is not None else (self.html or "")
