"""Text helpers shared by the readers and the pipeline: paragraphs and offset-safe normalising.

Nothing here changes the length of a text, so offsets computed on a normalised copy index
the original text unchanged.
"""

from __future__ import annotations

import re

# A blank line: a newline, then one or more lines holding only non-newline whitespace
# (spaces, tabs, carriage returns, non-breaking spaces...).
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_LINE_BREAK = re.compile(r"\n")

# Spaces other than " " that spaCy's tokenizer would keep inside tokens.
_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

# Characters stripped from paragraph edges: whitespace and the byte-order mark.
_EDGE = frozenset(" \t\r\n\f\v\u2028\u2029\ufeff" + _ODD_SPACES)

# What the NLP copy of a text replaces, one character for one, with " ".
_SPACES = str.maketrans(dict.fromkeys(_ODD_SPACES + "\ufeff\r\t\f\v", " "))


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace (including NBSP and BOM) at both edges."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of ``text``, as ``(start, end)`` offsets with whitespace trimmed.

    Paragraphs are separated by blank lines. A text with no blank line at all but several
    lines (common in feeds that put one paragraph per line) is split at every line break.
    """
    separator = _BLANK_LINES if _BLANK_LINES.search(text) else _LINE_BREAK
    spans: list[tuple[int, int]] = []
    start = 0
    for match in separator.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = (strip_span(text, s, e) for s, e in spans)
    return [(s, e) for s, e in trimmed if s < e]


# spaCy's tokenizer strips prefixes and suffixes one at a time from a whitespace-free chunk,
# which is quadratic in the chunk's length: 20,000 quote marks in a row take 25 s, 100,000 ten
# minutes. No word is that long, so very long chunks get a space every _CHUNK characters.
_LONG_RUN = re.compile(r"\S{200,}")
_CHUNK = 64


def _break_run(match: re.Match[str]) -> str:
    run = match.group()
    return "".join(c if (i + 1) % _CHUNK else " " for i, c in enumerate(run))


def normalize_for_nlp(text: str) -> str:
    """A copy of ``text`` for the tokenizer, with the same length, so offsets are unchanged.

    Odd spaces (NBSP, thin spaces, BOM, CR, tabs) become plain spaces, and whitespace-free runs
    of 200 characters or more are broken every 64 characters (see ``_LONG_RUN``).
    """
    normalized = _LONG_RUN.sub(_break_run, text.translate(_SPACES))
    assert len(normalized) == len(text)
    return normalized
