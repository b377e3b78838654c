"""RSS and Atom feeds (feedparser): one story per entry, full content preferred to summaries.

Entries that carry only a summary are still read, with warning W006 and
``meta["summary_only"] = True``, so users can tell teasers from stories.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import DatelineError, warning
from ..records import InputError, Story
from .base import InputOptions, RawInput, input_error, readers, sniff_binary
from .html import story_from_parts

_BLOCK_TAGS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def html_paragraphs(fragment: str) -> list[str]:
    """Paragraph texts of an HTML fragment (feed content is usually HTML)."""
    if "<" not in fragment:
        return [" ".join(p.split()) for p in fragment.split("\n\n") if p.strip()]
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types on junk; fall back to no markup
        return [" ".join(fragment.split())]
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def _entry_body(entry: Any) -> tuple[list[str], bool]:
    for content in entry.get("content") or []:
        paragraphs = html_paragraphs(content.get("value") or "")
        if paragraphs:
            return paragraphs, False
    return html_paragraphs(entry.get("summary") or ""), True


def feed_reader(raw: RawInput, options: InputOptions) -> Iterator[Story | InputError]:
    import feedparser

    kind = sniff_binary(raw.data)
    if kind is not None:
        raise DatelineError("E002", kind=kind)
    if b"<!entity" in raw.data[:200_000].lower():
        raise DatelineError("E024")
    parsed = feedparser.parse(raw.data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise DatelineError("E021", reason=str(parsed.get("bozo_exception") or "not XML"))
        raise DatelineError("E026")
    feed_title = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        paragraphs, summary_only = _entry_body(entry)
        title = (entry.get("title") or "").strip() or None
        if not paragraphs:
            yield input_error(raw.source_path, DatelineError("E020"), f"entry {n}")
            continue
        meta = {
            "url": entry.get("link"),
            "date": entry.get("published") or entry.get("updated"),
            "entry_id": entry.get("id"),
            "feed_title": feed_title,
            "author": entry.get("author"),
            "item": f"entry {n}",
            "summary_only": summary_only or None,
        }
        parsed_date = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed_date:
            meta["date"] = f"{parsed_date.tm_year:04d}-{parsed_date.tm_mon:02d}-{parsed_date.tm_mday:02d}"
        story = story_from_parts(
            raw, options, title=title, paragraphs=paragraphs, meta=meta, doc_id=f"{raw.doc_id}#{n}"
        )
        if summary_only:
            story.warnings.append(warning("W006"))
        yield story


readers.register("dateline.feed_reader.v1", func=feed_reader)
