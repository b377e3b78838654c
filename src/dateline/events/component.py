"""The ``dateline_events`` component: its place in the pipeline and its output contract.

It runs after ``dateline_actors`` and ``dateline_quotes`` (sources and targets are actors;
statements are events of their speakers). Event records carry ``start``/``end`` (the sentence),
``source_code``, ``target_code``, ``cameo``, the PLOVER type, Goldstein score and quad class, and
the actors and spans involved; see ``docs/schema.md`` and ``docs/events.md``. The rules are in
:mod:`dateline.events.coder`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..actors.agents import agents_for
from ..actors.component import ACTORS_KEY
from ..actors.dictionary import ActorDictionary, load_dictionary
from ..quotes.component import QUOTES_KEY
from ..spans import Found, RecordComponent, records
from .coder import Coder
from .verbs import VerbDictionary, default_verbs, load_verbs

EVENTS_KEY = "dateline_events"


class EventCoder(RecordComponent):
    key = EVENTS_KEY

    def __init__(
        self,
        nlp: Language,
        name: str,
        verbs: str | None = None,
        agents: str | None = None,
        dictionary: str | None = None,
    ) -> None:
        super().__init__(nlp, name)
        self.verbs: VerbDictionary = load_verbs(verbs) if verbs else default_verbs()
        self.agents = agents_for(agents)
        self.dictionary: ActorDictionary | None = load_dictionary(dictionary) if dictionary else None

    def extract(self, doc: Doc) -> Found:
        if not doc.has_annotation("DEP"):
            return []
        coder = Coder(
            doc,
            records(doc, ACTORS_KEY),
            records(doc, QUOTES_KEY),
            self.verbs,
            agents=self.agents,
            dictionary=self.dictionary,
        )
        found: Found = []
        for record in coder.events():
            span = doc.char_span(record["start"], record["end"], alignment_mode="expand")
            if span is not None:
                found.append((span, record))
        return found


@Language.factory(
    "dateline_events",
    default_config={"verbs": None, "agents": None, "dictionary": None},
    assigns=[f"doc._.{EVENTS_KEY}"],
)
def make_event_coder(
    nlp: Language, name: str, verbs: str | None, agents: str | None, dictionary: str | None
) -> EventCoder:
    return EventCoder(nlp, name, verbs, agents, dictionary)
