"""Quotation marks → quoted spans, paragraph by paragraph. Pure text: no spaCy.

Handles curly, straight, guillemet and mixed double marks; single curly or straight marks
only where they cannot be apostrophes; odd numbers of marks (a quote left open closes at the
end of its paragraph); and the wire **run-on quote**: a paragraph that opens a quote and does
not close it, followed by a paragraph that opens with a mark, is one quote over both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING_DOUBLE = "“„‟«"
CLOSING_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
DOUBLE_MARKS = OPENING_DOUBLE + CLOSING_DOUBLE + STRAIGHT_DOUBLE
_TYPEWRITER = re.compile(r"(?:''|``)(?=([\s.,;:!?)\]—–-]|$))?")
_OPEN_CONTEXT = " \t\n\u00a0([{—–-/"  # what may stand before an opening mark


@dataclass(frozen=True)
class QuotedSpan:
    """Text between quotation marks. ``start``/``end`` exclude the marks.

    ``open_mark`` is the offset of the opening mark; ``close_mark`` of the closing one, or
    None when the quote was never closed. ``paragraphs`` are the indices it covers.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    first_paragraph: int
    last_paragraph: int


def _is_opening(text: str, i: int, para_start: int) -> bool:
    """Context test for an ambiguous mark: opening when preceded by a space or paragraph start."""
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_CONTEXT or before in OPENING_DOUBLE) and not after.isspace()


def _role(text: str, i: int, para_start: int, is_open: bool) -> str:
    """'open', 'close' or 'skip' for the double mark at ``i``, given whether a quote is open."""
    mark = text[i]
    if mark in OPENING_DOUBLE:
        if is_open and not _is_opening(text, i, para_start):
            return "close"  # a wrong-way mark used to close
        return "open"
    if mark in CLOSING_DOUBLE:
        if not is_open and _is_opening(text, i, para_start):
            return "open"  # a wrong-way mark used to open (”Mr. Trump ...)
        return "close" if is_open else "skip"
    return "close" if is_open else "open"


def _single_quotes(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[QuotedSpan]:
    """‘single’ and 'single' quotes that cannot be apostrophes, outside double-quoted spans."""
    found = []
    i = start
    while i < end:
        c = text[i]
        if c in "‘'" and _is_opening(text, i, start) and text[i + 1 : i + 2].isalpha():
            closer = "’" if c == "‘" else "'"
            j = i + 1
            while j < end:
                if text[j] in (closer, "’" if c == "‘" else "'"):
                    after = text[j + 1] if j + 1 < end else " "
                    if not after.isalnum() and text[j - 1] not in " \t":
                        break
                j += 1
            inside = any(s <= i < e for s, e in taken)
            if j < end and not inside and len(text[i + 1 : j].split()) >= 2:
                found.append(QuotedSpan(i + 1, j, i, j, -1, -1))
                i = j + 1
                continue
        i += 1
    return found


def _marks_view(text: str) -> str:
    """A same-length copy where typewriter double quotes (``''`` and ````` `` `````) read as ``"``.

    An opening two-character mark becomes a space and a straight quote, a closing one a
    straight quote and a space, so the content's offsets stay those of ``text``.
    """
    if "''" not in text and "``" not in text:
        return text
    return _TYPEWRITER.sub(lambda m: '" ' if m.group(1) is not None else ' "', text)


def find_quoted_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
    """All quoted spans in ``text``, given its paragraph spans, in text order."""
    text = _marks_view(text)
    spans: list[QuotedSpan] = []
    open_at: int | None = None  # offset of the open quote's mark
    open_para = -1
    for p, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if open_at is not None:
            # A quote left open by the previous paragraph: a run-on if this one opens with a mark.
            if text[p_start] in OPENING_DOUBLE + STRAIGHT_DOUBLE:
                i = p_start + 1
            else:
                prev_end = paragraphs[p - 1][1]
                spans.append(QuotedSpan(open_at + 1, prev_end, open_at, None, open_para, p - 1))
                open_at = None
        while i < p_end:
            if text[i] in DOUBLE_MARKS:
                role = _role(text, i, p_start, open_at is not None)
                if role == "open":
                    if open_at is not None:  # two openers: close the first before the second
                        spans.append(QuotedSpan(open_at + 1, i, open_at, None, open_para, p))
                    open_at, open_para = i, p
                elif role == "close" and open_at is not None:
                    spans.append(QuotedSpan(open_at + 1, i, open_at, i, open_para, p))
                    open_at = None
            i += 1
    if open_at is not None and paragraphs:
        spans.append(QuotedSpan(open_at + 1, paragraphs[-1][1], open_at, None, open_para, len(paragraphs) - 1))
    taken = [(s.open_mark, (s.close_mark or s.end) + 1) for s in spans]
    for p, (p_start, p_end) in enumerate(paragraphs):
        for single in _single_quotes(text, p_start, p_end, taken):
            spans.append(QuotedSpan(single.start, single.end, single.open_mark, single.close_mark, p, p))
    spans = [s for s in spans if text[s.start : s.end].strip()]
    return sorted(spans, key=lambda s: s.start)
