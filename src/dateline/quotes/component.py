"""The ``dateline_quotes`` component: its place in the pipeline and its output contract.

Quote records carry ``start``/``end`` (content span), ``kind`` (direct | partial | indirect),
``speaker`` and ``cue`` spans (``{"start", "end"}`` or null) and ``speaker_name``; see
``docs/schema.md``. Extraction lands with issue #3; until then the group is empty.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..spans import Found, RecordComponent

QUOTES_KEY = "dateline_quotes"


class QuoteExtractor(RecordComponent):
    key = QUOTES_KEY

    def extract(self, doc: Doc) -> Found:
        return []


@Language.factory("dateline_quotes", assigns=[f"doc._.{QUOTES_KEY}"])
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name)
