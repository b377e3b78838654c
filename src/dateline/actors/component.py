"""The ``dateline_actors`` component: one record per actor per story, with mentions and a code.

Actors are people (resolved by :class:`~dateline.actors.resolve.Resolver`: full names, name
parts, titles, a user dictionary), countries named in the text, and organisations. Codes come
from the user dictionary when it knows the actor (valid on the story's date), else from the
words around the name ("British Prime Minister" → ``GBRGOV``), else from the name itself for
countries, international organisations and government metonyms ("the Kremlin" → ``RUSGOV``).
An actor nothing explains keeps ``code: null`` and ``code_source: null``: no guessing.

Records: ``id`` (``a1``...), ``name``, ``type`` (``person`` | ``country`` | ``organisation``),
``code``, ``code_source`` (``dictionary`` | ``title`` | ``name`` | null), ``mentions``
(``[{"start", "end"}]``, in text order). The quotes component adds the speaker mentions it
resolves (pronouns, titles) and links each quote to its actor by ``actor_id``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..sentences import story_data, story_parts
from ..spans import Found, RecordComponent
from .codes import capital_code, code_for_name, code_from_title, country_name, country_named
from .dictionary import ActorDictionary, load_dictionary
from .resolve import Person, Resolver

ACTORS_KEY = "dateline_actors"
_COUNTRY_LABELS = ("GPE", "NORP")
_ACTING_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "poss", "agent")


def story_date(doc: Doc) -> dt.date | None:
    value = (story_data(doc) or {}).get("date")
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def person_code(
    person: Person, day: dt.date | None, extra_countries: dict[str, str] | None = None
) -> tuple[str | None, str | None]:
    if person.entry is not None:
        code = person.entry.code_on(day)
        if code:
            return code, "dictionary"
    for phrase in person.title_phrases:
        code = code_from_title(phrase, extra_countries)
        if code:
            return code, "title"
    return None, None


class ActorResolver(RecordComponent):
    key = ACTORS_KEY

    def __init__(self, nlp: Language, name: str, dictionary: str | None = None) -> None:
        super().__init__(nlp, name)
        self.dictionary: ActorDictionary | None = load_dictionary(dictionary) if dictionary else None
        # Dictionary actors with a bare three-letter code are polities: their names count as
        # country words in titles ("Gondor's Prime Minister" → GON + GOV).
        self.polities = self.dictionary.polities() if self.dictionary else {}

    def extract(self, doc: Doc) -> Found:
        if not doc.has_annotation("ENT_IOB"):
            return []
        day = story_date(doc)
        resolver = Resolver(doc, self.dictionary)
        parts = story_parts(doc) or []
        actors: list[tuple[list[Span], dict[str, Any]]] = []
        for person in resolver.people:
            if person.unresolved and country_named(person.name):
                continue  # the small model tags some country names as PERSON ("Benin"): a country below
            code, source = person_code(person, day, self.polities)
            spans = [s for s in (doc.char_span(a, b, alignment_mode="expand") for a, b in person.mentions) if s]
            actors.append((spans, {"name": person.name, "type": "person", "code": code, "code_source": source}))
        groups: dict[str, tuple[list[Span], dict[str, Any]]] = {}
        for ent in doc.ents:
            if parts and not any(a <= ent.start_char and ent.end_char <= b for a, b in parts):
                continue  # the dateline's place and the credit line are not actors
            record: dict[str, Any]
            entry = self.dictionary.lookup(ent.text.removeprefix("the ")) if self.dictionary else None
            entry_code = entry.code_on(day) if entry is not None and ent.label_ != "PERSON" else None
            if entry is not None and entry_code:
                key = f"dictionary:{entry.name}"
                record = {"name": entry.name, "type": "organisation", "code": entry_code, "code_source": "dictionary"}
                group = groups.setdefault(key, ([], record))
                group[0].append(ent)
                continue
            capital = capital_code(ent.text) if ent.root.dep_ in _ACTING_DEPS else None
            if capital is not None and ent.label_ in ("GPE", "ORG", "FAC"):
                # "Moscow rejected the plan": the capital acts for its government.
                key = capital
                record = {"name": ent.text, "type": "organisation", "code": capital, "code_source": "name"}
            elif ent.label_ in (*_COUNTRY_LABELS, "PERSON"):
                country = country_named(ent.text) if not ent.text.islower() else None
                if country is None:
                    continue
                key = country
                record = {"name": country_name(country), "type": "country", "code": country, "code_source": "name"}
            elif ent.label_ == "ORG":
                if resolver.resolve_person(ent) is not None:
                    continue  # the small model sometimes tags a person's name as ORG
                code = code_for_name(ent.text)
                key = ent.text.lower().removeprefix("the ")
                record = {"name": ent.text, "type": "organisation", "code": code, "code_source": code and "name"}
            else:
                continue
            group = groups.setdefault(key, ([], record))
            group[0].append(ent)
        actors.extend(groups.values())
        found: Found = []
        for n, (spans, record) in enumerate(actors, 1):
            record["id"] = f"a{n}"
            record["mentions"] = [
                {"start": a, "end": b} for a, b in sorted({(s.start_char, s.end_char) for s in spans})
            ]
            anchor = spans[0] if spans else doc[0:0]
            found.append((anchor, record))
        return found


@Language.factory("dateline_actors", default_config={"dictionary": None}, assigns=[f"doc._.{ACTORS_KEY}"])
def make_actor_resolver(nlp: Language, name: str, dictionary: str | None) -> ActorResolver:
    return ActorResolver(nlp, name, dictionary)
