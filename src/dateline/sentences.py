"""Paragraph-aware sentence boundaries: a sentence never crosses a blank line.

The ``dateline_paragraphs`` component runs before the parser and marks the first token of
every paragraph (and of the body after a dateline) as a sentence start; the parser keeps
preset boundaries and only adds its own inside paragraphs. When the Doc was made by
dateline's pipeline, the breaks come from the reader (``Doc._.dateline_story["breaks"]``);
on any other Doc they are found from blank lines in the text.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .text import split_paragraphs

STORY_ATTR = "dateline_story"
PARAGRAPHS_KEY = "dateline_paragraphs"

if not Doc.has_extension(STORY_ATTR):
    Doc.set_extension(STORY_ATTR, default=None)


def story_data(doc: Doc) -> dict[str, Any] | None:
    """What dateline's reader put on the Doc (``Doc._.dateline_story``), or None for other Docs."""
    data: dict[str, Any] | None = doc._.get(STORY_ATTR)
    return data


def story_parts(doc: Doc) -> list[tuple[int, int]] | None:
    """The headline and body paragraph spans from the reader, in text order; None without story data."""
    story = story_data(doc)
    if not story or story.get("paragraphs") is None:
        return None
    parts = [(int(a), int(b)) for a, b in story["paragraphs"]]
    if story.get("headline"):
        parts.append((int(story["headline"][0]), int(story["headline"][1])))
    return sorted(parts)


def paragraph_breaks(doc: Doc) -> list[int]:
    """Character offsets where a new sentence must start."""
    story = story_data(doc)
    if story and story.get("breaks") is not None:
        return sorted(int(b) for b in story["breaks"])
    return [start for start, _ in split_paragraphs(doc.text)]


class ParagraphSentences:
    """Marks a sentence start at every paragraph break and records paragraphs as spans."""

    def __init__(self, name: str = PARAGRAPHS_KEY, spans_key: str = PARAGRAPHS_KEY) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        starts = [token.idx for token in doc]
        token_starts = []
        for offset in paragraph_breaks(doc):
            i = bisect_left(starts, offset)
            # skip whitespace tokens: a paragraph starts at its first word
            while i < len(doc) and doc[i].is_space:
                i += 1
            if i < len(doc):
                token_starts.append(i)
        for i in token_starts:
            doc[i].is_sent_start = True
        bounds = [*sorted(set(token_starts) | {0}), len(doc)]
        spans = []
        for start, end in itertools.pairwise(bounds):
            while end > start and doc[end - 1].is_space:
                end -= 1
            if end > start:
                spans.append(doc[start:end])
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "dateline_paragraphs",
    default_config={"spans_key": PARAGRAPHS_KEY},
    assigns=["token.is_sent_start"],
)
def make_paragraph_sentences(nlp: Language, name: str, spans_key: str) -> ParagraphSentences:
    return ParagraphSentences(name, spans_key)
