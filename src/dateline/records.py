"""Plain records and the JSON contract.

This is the ground floor of dateline: it imports nothing from the rest of the package, so
readers, the pipeline, the store and the CLI can all depend on it. Every character offset in
these records indexes the original input text (decoded, with no newline translation and no
whitespace or Unicode normalisation).

The field names and meanings follow ``shared/eval/README.md``; the full schema is documented
in ``docs/schema.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

#: Version of the document record layout (``Document.to_dict``). Bump on breaking changes.
RECORD_VERSION = 1


@dataclass(frozen=True)
class Offsets:
    """A half-open character range ``[start, end)`` into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad offsets: start={self.start} end={self.end}")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: offsets into the original text, plus its text for convenience."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Dateline:
    """The wire dateline, e.g. ``London, Feb. 27, (PA Media/dpa/GNA) –``.

    ``place`` is the first place name ("London"); ``region`` the rest ("Ukraine" in
    "KYIV, Ukraine"). ``date_text`` is the date as written; ``month``/``day``/``year`` are
    what could be read from it, and ``date`` is an ISO date only when the year is known
    (from the text itself or from the caller, e.g. ``--year``).
    """

    text: str
    start: int
    end: int
    place: str | None = None
    region: str | None = None
    date_text: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    date: str | None = None
    agencies: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["agencies"] = list(self.agencies)
        return out


@dataclass(frozen=True)
class Credit:
    """A trailing credit line such as ``GNA`` or ``(Reporting by ...; Editing by ...)``."""

    text: str
    start: int
    end: int
    agencies: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "agencies": list(self.agencies)}


@dataclass
class Story:
    """A story as a reader recovered it: the original text and its parts, with offsets.

    Readers produce Stories without any NLP; the pipeline turns a Story into a Document.
    """

    text: str
    doc_id: str
    source_path: str | None = None
    headline: Offsets | None = None
    byline: Offsets | None = None
    dateline: Dateline | None = None
    credit: Credit | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: ISO 639-1 code of the story's language, when detected.
    language: str | None = None
    #: "analysed", or "not_analysed" (e.g. a language dateline does not analyse).
    status: str = "analysed"
    #: True when ``text`` was made by the reader (HTML, feeds, JSONL, CSV) rather than being the
    #: input file itself; records then carry the text, since offsets index it.
    derived: bool = False

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def agencies(self) -> list[str]:
        """Agencies from the dateline credit chain, then the trailing credit, without repeats."""
        seen: dict[str, None] = {}
        for source in (self.dateline, self.credit):
            for agency in source.agencies if source else ():
                seen.setdefault(agency, None)
        return list(seen)

    @property
    def date(self) -> str | None:
        """The story's date, ISO: the dateline's when it has one, else the page's or feed's."""
        if self.dateline is not None and self.dateline.date:
            return self.dateline.date
        value = str(self.meta.get("date") or "")[:10]
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None

    @property
    def headline_text(self) -> str | None:
        return self.headline.slice(self.text) if self.headline else None

    @property
    def byline_text(self) -> str | None:
        return self.byline.slice(self.text) if self.byline else None


def content_hash(text: str) -> str:
    """The key of a stored document: SHA-256 of the decoded text as UTF-8, in hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Document:
    """One analysed story: the record dateline writes, one per input document.

    ``quotes``, ``actors`` and ``events`` are lists of plain dicts whose fields are defined in
    ``docs/schema.md`` (and, for the fields the scorers read, ``shared/eval/README.md``).
    """

    story: Story
    quotes: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    version: str = ""
    #: MinHash signature of the body (for near-duplicate detection); not part of the record.
    signature: list[int] | None = None
    #: content_hash of the first copy when this story is a near-duplicate of it.
    duplicate_of: str | None = None

    @property
    def doc_id(self) -> str:
        return self.story.doc_id

    @property
    def content_hash(self) -> str:
        return self.story.content_hash

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The JSON record. Keys are stable; see ``docs/schema.md``."""
        story = self.story
        record: dict[str, Any] = {
            "doc_id": story.doc_id,
            "source_path": story.source_path,
            "content_hash": story.content_hash,
            "record_version": RECORD_VERSION,
            "dateline_version": self.version,
            "text_length": len(story.text),
            "headline": story.headline_text,
            "headline_span": story.headline.to_dict() if story.headline else None,
            "byline": story.byline_text,
            "dateline": story.dateline.to_dict() if story.dateline else None,
            "agencies": story.agencies,
            "credit": story.credit.to_dict() if story.credit else None,
            "paragraphs": [p.to_dict() for p in story.paragraphs],
            "meta": dict(story.meta),
            "language": story.language,
            "status": story.status,
            "duplicate_of": self.duplicate_of,
            "quotes": list(self.quotes),
            "actors": list(self.actors),
            "events": list(self.events),
            "warnings": list(story.warnings) + list(self.warnings),
        }
        if include_text or story.derived:
            record["text"] = story.text
        return record


@dataclass(frozen=True)
class InputError:
    """An input (or an item in it) that could not be turned into a Document.

    ``item`` locates the failing part of a multi-story input ("line 17", "entry 3"); it is
    empty when the whole input failed.
    """

    source_path: str
    code: str
    message: str
    item: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"source_path": self.source_path, "item": self.item, "code": self.code, "message": self.message}

    def __str__(self) -> str:
        where = f"{self.source_path} ({self.item})" if self.item else self.source_path
        return f"{self.code} {where}: {self.message}"
