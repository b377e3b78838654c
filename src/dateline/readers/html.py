"""HTML articles: body and metadata from trafilatura (dates via htmldate), then wire parsing.

The story text is rebuilt as ``title``, a blank line, then the article's paragraphs separated
by blank lines; the record stores that text (``derived``), and every offset indexes it.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import DatelineError
from ..records import Story
from .base import InputOptions, RawInput, decoded_story_text, readers
from .wire import read_wire

_YEAR = re.compile(r"^(\d{4})-")
_MIN_WORDS = 8  # fewer words than this is a menu or a stub, not an article


def _year_of(date: str | None) -> int | None:
    match = _YEAR.match(date or "")
    return int(match.group(1)) if match else None


def compose(title: str | None, paragraphs: list[str]) -> str:
    """The story text dateline analyses for a page or feed entry."""
    body = "\n\n".join(p for p in paragraphs if p)
    return f"{title.strip()}\n\n{body}" if title and title.strip() else body


def story_from_parts(
    raw: RawInput,
    options: InputOptions,
    *,
    title: str | None,
    paragraphs: list[str],
    meta: dict[str, Any],
    doc_id: str | None = None,
) -> Story:
    year = options.year or _year_of(meta.get("date"))
    text = compose(title, paragraphs)
    story = read_wire(
        text, doc_id=doc_id or raw.doc_id, source_path=raw.source_path, year=year, headline="first" if title else "auto"
    )
    story.derived = True
    story.meta.update({k: v for k, v in meta.items() if v not in (None, "")})
    return story


def html_reader(raw: RawInput, options: InputOptions) -> list[Story]:
    import trafilatura

    html, notes = decoded_story_text(raw, options)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    data: dict[str, Any] = {}
    if isinstance(extracted, dict):
        data = extracted
    elif extracted is not None:
        data = extracted.as_dict()
    title = (data.get("title") or "").strip() or None
    lines = [line.strip() for line in (data.get("text") or "").split("\n") if line.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    if sum(len(line.split()) for line in lines) < _MIN_WORDS:
        raise DatelineError("E020")
    meta = {k: data.get(k) for k in ("url", "date", "author", "sitename", "hostname", "description")}
    story = story_from_parts(raw, options, title=title, paragraphs=lines, meta=meta)
    story.warnings[:0] = notes
    return [story]


readers.register("dateline.html_reader.v1", func=html_reader)
