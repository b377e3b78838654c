"""The ``dateline_quotes`` component: its place in the pipeline and its output contract.

Quote records carry ``start``/``end`` (content span), ``kind`` (direct | partial | indirect),
``speaker`` and ``cue`` spans (``{"start", "end"}`` or null) and ``speaker_name``; see
``docs/schema.md``. The rules are in :mod:`dateline.quotes.marks` (quotation marks) and
:mod:`dateline.quotes.attribution` (cues, speakers, reported speech).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..spans import Found, RecordComponent
from .attribution import QuoteFinder

QUOTES_KEY = "dateline_quotes"


class QuoteExtractor(RecordComponent):
    key = QUOTES_KEY

    def extract(self, doc: Doc) -> Found:
        if not doc.has_annotation("DEP"):
            return []
        return [(span, record) for span, record in QuoteFinder(doc).run() if span is not None]


@Language.factory("dateline_quotes", assigns=[f"doc._.{QUOTES_KEY}"])
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name)
