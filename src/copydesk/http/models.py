"""Request bodies of the REST API (Pydantic models; their JSON Schema is in /openapi.json)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

#: Characters allowed in a metadata field (a headline, a byline, a date): far past real ones.
SHORT = 1_000
_SURROGATE = re.compile("[\ud800-\udfff]")


def _not_null(value: Any) -> Any:
    if value is None:
        raise ValueError("must be a string; leave the field out instead of null")
    return value


def _iso_string(value: Any) -> Any:
    if value is not None and not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date string such as 2022-02-21T09:14:00")
    return value


#: ``text`` / ``html``: a string when given (a blank one is answered 400, not 422, so the schema
#: says what is needed without Pydantic enforcing it).
Body = Annotated[
    str | None,
    BeforeValidator(_not_null),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": "\\S"}),
]
#: An ISO 8601 date or date and time, as a string.
Date = Annotated[
    datetime | None,
    BeforeValidator(_iso_string),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date-time"},
                              {"type": "string", "format": "date"}, {"type": "null"}]}),
]


class ArticleIn(BaseModel):
    """One article: ``text`` (plain or scraped page text) or ``html`` (a whole web page), and
    optional metadata that replaces what ingest finds. The same fields as a line of a JSONL
    feed given to ``copydesk check``, read the same way."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "oneOf": [{"required": ["text"]}, {"required": ["html"]}],
            "examples": [{
                "text": "Dock workers vote to strike\n\nUnion leaders said its too late.",
                "published": "2023-03-03T07:40:00",
            }],
        },
    )

    text: Body = Field(None, description="The article as plain text (exactly one of text and "
                       "html). Offsets in the report index this text, with \\r\\n read as "
                       "\\n. Empty or blank text is refused with 400.")
    html: Body = Field(None, description="The article as a web page; the report's article.text "
                       "is the text extracted from it (a page with no article text: 422).")
    headline: str | None = Field(None, max_length=SHORT)
    section: str | None = Field(None, max_length=SHORT)
    byline: str | None = Field(None, max_length=SHORT)
    url: str | None = Field(None, max_length=4 * SHORT)
    published: Date = Field(
        None,
        description="Publication date, ISO 8601 (2022-02-21 or 2022-02-21T09:14:00); checks "
        "judge the article as of this date. Replaces the date ingest finds.",
    )
    updated: Date = Field(None, description="Update time, ISO 8601.")
    source: str | None = Field(
        None, max_length=SHORT,
        description="What the report's source field says (default: <request>).",
    )

    @field_validator("headline", "section", "byline", "url", "source", mode="before")
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
        record = self.model_dump(exclude={"source"}, exclude_none=True)
        for name in ("published", "updated"):
            if name in record:
                record[name] = record[name].isoformat()
        return record

    def body(self) -> str:
        return self.text if self.text is not None else (self.html or "")
