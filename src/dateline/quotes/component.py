"""The ``dateline_quotes`` component: its place in the pipeline and its output contract.

Quote records carry ``start``/``end`` (content span), ``kind`` (direct | partial | indirect),
``speaker`` and ``cue`` spans (``{"start", "end"}`` or null) and ``speaker_name``; see
``docs/schema.md``. The rules are in :mod:`dateline.quotes.marks` (quotation marks) and
:mod:`dateline.quotes.attribution` (cues, speakers, reported speech).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..actors.component import ACTORS_KEY
from ..actors.dictionary import ActorDictionary, load_dictionary
from ..actors.resolve import Resolver
from ..spans import Found, RecordComponent, records
from .attribution import QuoteFinder

QUOTES_KEY = "dateline_quotes"
_MAX_MENTION_WORDS = 5  # a longer speaker phrase is not a name for the actor's mention list


class QuoteExtractor(RecordComponent):
    key = QUOTES_KEY

    def __init__(self, nlp: Language, name: str, dictionary: str | None = None) -> None:
        super().__init__(nlp, name)
        self.dictionary: ActorDictionary | None = load_dictionary(dictionary) if dictionary else None

    def extract(self, doc: Doc) -> Found:
        if not doc.has_annotation("DEP"):
            return []
        found = [(span, record) for span, record in QuoteFinder(doc, Resolver(doc, self.dictionary)).run() if span]
        link_speakers(doc, [record for _, record in found])
        return found


def link_speakers(doc: Doc, quotes: list[dict[str, Any]]) -> None:
    """Point each quote at its speaker's actor record, and add the speaker mention to that actor."""
    actors = records(doc, ACTORS_KEY)
    by_name = {actor["name"]: actor for actor in actors if actor.get("type") == "person"}
    for quote in quotes:
        core = quote.pop("_core", None)
        actor = by_name.get(quote.get("speaker_name") or "")
        if actor is None:
            continue
        quote["actor_id"] = actor["id"]
        short = core is not None and len(doc.text[core["start"] : core["end"]].split()) <= _MAX_MENTION_WORDS
        if core and short and core not in actor["mentions"]:
            actor["mentions"].append(dict(core))
            actor["mentions"].sort(key=lambda m: m["start"])
    if actors:
        doc._.set(ACTORS_KEY, actors)


@Language.factory("dateline_quotes", default_config={"dictionary": None}, assigns=[f"doc._.{QUOTES_KEY}"])
def make_quote_extractor(nlp: Language, name: str, dictionary: str | None) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, dictionary)
