"""The ``dateline_events`` component: its place in the pipeline and its output contract.

Event records carry ``start``/``end`` (the clause or sentence), ``source_code``,
``target_code`` and ``cameo``; see ``docs/schema.md``. Coding lands with issue #5; until then
the group is empty.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..spans import Found, RecordComponent

EVENTS_KEY = "dateline_events"


class EventCoder(RecordComponent):
    key = EVENTS_KEY

    def extract(self, doc: Doc) -> Found:
        return []


@Language.factory("dateline_events", assigns=[f"doc._.{EVENTS_KEY}"])
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
