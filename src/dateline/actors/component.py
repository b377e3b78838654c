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
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..sentences import story_data, story_parts
from ..spans import Found, RecordComponent
from .agents import Agents, agents_for
from .codes import (
    METONYMS,
    agent_code,
    capital_code,
    code_for_name,
    code_from_title,
    country_name,
    country_named,
    region_code,
    region_name,
)
from .dictionary import ActorDictionary, load_dictionary
from .leaders import Days, default_leaders, holds_office
from .organisations import GENERIC, organisation_code, organisation_phrases
from .places import place_country
from .resolve import STATE_INSTITUTIONS, TITLE_NOUNS, Person, Resolver, entity_at

ACTORS_KEY = "dateline_actors"
#: Title words after a portfolio the small model tags as an organisation ("Interior Minister").
_PORTFOLIO_HEADS = frozenset({"minister", "ministers", "secretary", "secretaries"})
_COUNTRY_LABELS = ("GPE", "NORP")
_ACTING_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "poss", "agent")


def story_date(doc: Doc) -> dt.date | None:
    value = (story_data(doc) or {}).get("date")
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def person_code(
    person: Person,
    day: dt.date | None,
    extra_countries: dict[str, str] | None = None,
    agents: Agents | None = None,
    days: Days | None = None,
) -> tuple[str | None, str | None]:
    """A person's code and where it came from: the user dictionary, the title in the text, or
    the tables of office-holders on the story's ``days`` (see :func:`~.resolve.story_days`)."""
    if person.entry is not None:
        code = person.entry.code_on(day)
        if code:
            if len(code) == 3:  # a bare country: the title in the text adds the role ("Prime Minister" → GOV)
                titled = (agent_code(code, phrase, agents) for phrase in person.title_phrases)
                code = next((c for c in titled if c), code)
            return code, "dictionary"
    for phrase in person.title_phrases:
        code = code_from_title(phrase, extra_countries, agents)
        if code:
            return code, "title"
    leaders = default_leaders()
    # The tables know who held office until their end (the hand-kept one's known-until date),
    # and an undated story may be of any year ("Clinton" in a 2016 campaign story is no
    # government): a code from them only on days the story is known to be of, or for a person
    # the text gives an office ("President Mubarak").
    code = leaders.known_person(person.name, days)[0] if days else None
    if code is None and day is not None and days:
        code = leaders.code(person.name, day, person.title_phrases) if person.title_phrases else None
    if code is None and any(holds_office(phrase) for phrase in person.title_phrases):
        # "President Mubarak" in an undated story no office-holder dates
        code = leaders.office_code(person.name, person.title_phrases)
    if code:
        return code, "leaders"
    return None, None


class ActorResolver(RecordComponent):
    key = ACTORS_KEY

    def __init__(self, nlp: Language, name: str, dictionary: str | None = None, agents: str | None = None) -> None:
        super().__init__(nlp, name)
        self.dictionary: ActorDictionary | None = load_dictionary(dictionary) if dictionary else None
        self.agents = agents_for(agents)
        # Dictionary actors with a bare three-letter code are polities: their names count as
        # country words in titles ("Gondor's Prime Minister" → GON + GOV).
        self.polities = self.dictionary.polities() if self.dictionary else {}
        self._matcher: PhraseMatcher | None = None

    def _matcher_for(self, doc: Doc) -> PhraseMatcher:
        """Dictionary names and aliases and country names (``ACTOR``), and the organisation
        table's names of two words or more (``ORGANISATION``): found even where the NER misses them."""
        if self._matcher is None:
            matcher = PhraseMatcher(doc.vocab, attr="LOWER")
            names = set(_country_phrases())
            if self.dictionary is not None:
                for entry in self.dictionary.entries:
                    names.update(n for n in (entry.name, *entry.aliases) if n.strip())
            tokenizer = self.nlp.tokenizer  # the pipeline's own tokenisation of each name
            matcher.add("ACTOR", [tokenizer(name) for name in sorted(names)])
            # not the table's titles ("German Chancellor", "Secretary of State"): a person's words
            organisations = {n for n in organisation_phrases() if n.split()[-1] not in TITLE_NOUNS} - names
            matcher.add("ORGANISATION", [tokenizer(name) for name in sorted(organisations)])
            # seats of government the parser may not tag ("Kyiv has struck …": the model knows "Kiev")
            matcher.add("SEAT", [tokenizer(name) for name in sorted(set(METONYMS) - names)])
            self._matcher = matcher
        return self._matcher

    def _candidate_spans(self, doc: Doc) -> list[Span]:
        """The NER's entities, plus dictionary actors, country names and organisations it missed
        or swallowed.

        A dictionary name or a country inside a longer entity that is not itself a known name wins
        over that entity ("Dagolath and Osgiliath" tagged as one WORK_OF_ART is two actors); an
        organisation of the table wins over the shorter entities inside it ("Islamic" of
        "Islamic State"), not over a longer one ("the United Nations Emergency Relief
        Coordinator").
        """
        found = self._matcher_for(doc)(doc, as_spans=True)
        seats = [m for m in found if m.label_ == "SEAT" and m.text[:1].isupper()]
        spans = [m for m in found if m.label_ != "SEAT"]
        # a dictionary name the table also has ("ISLAMIC STATE") matches twice: it counts as an organisation
        organisations = {(m.start, m.end) for m in spans if m.label_ == "ORGANISATION"}
        matches = [
            Span(doc, m.start, m.end, label="ACTOR")
            for m in filter_spans(spans)
            if m.text[:1].isupper()  # "turkey", "chad": a common word in lower case
        ]
        known = [m for m in matches if (m.start, m.end) not in organisations]
        kept: list[Span] = []
        for ent in doc.ents:
            if any(
                m.start <= ent.start and ent.end <= m.end and len(m) > len(ent)
                for m in matches
                if (m.start, m.end) in organisations
            ):
                continue  # part of a longer organisation's name ("Islamic" of "Islamic State")
            inside = [m for m in known if ent.start <= m.start and m.end <= ent.end]
            whole = any(m.start == ent.start and m.end == ent.end for m in inside)
            superseded = inside and not whole and ent.label_ != "PERSON" and self._known(ent.text) is None
            if superseded and not (ent.label_ == "ORG" and _headed_outside(ent, inside)):
                continue  # superseded by the names inside it
            if ent.label_ == "PERSON" and capital_code(ent.text) is not None:
                ent = Span(doc, ent.start, ent.end, label="GPE")  # "Kyiv" tagged as a person
            elif ent.label_ == "PERSON" and organisation_code(ent.text) is not None:
                ent = Span(doc, ent.start, ent.end, label="ORG")  # "The Houthis" tagged as a person
            kept.append(ent)
        taken = {i for span in kept for i in range(span.start, span.end)}
        extra = [m for m in matches if not any(i in taken for i in range(m.start, m.end))]
        taken |= {i for span in extra for i in range(span.start, span.end)}
        # a seat of government no entity covers, as the place the parser would have tagged
        places = [
            Span(doc, m.start, m.end, label="GPE")
            for m in filter_spans(seats)
            if not any(i in taken for i in range(m.start, m.end))
        ]
        return [*kept, *extra, *places]

    def _code_at_home(
        self, doc: Doc, home: str, actors: list[tuple[list[Span], dict[str, Any]]], people: dict[str, Person]
    ) -> None:
        """Give the story's home country (:func:`home_country`) to the state's people and
        institutions the text names with no country: "Interior Minister Bruno Retailleau" in a
        story from Paris about France is FRAGOV, "the opposition-controlled National Assembly"
        in one from Seoul KORLEG. ``code_source`` is "dateline"."""
        named = [
            (span.start_char, record["code"][:3])
            for spans, record in actors
            if record["type"] == "country"
            for span in spans
        ]
        paragraphs = story_parts(doc)
        for spans, record in actors:
            if record.get("code"):
                continue
            code = None
            if record["type"] == "person" and record["name"] in people:
                # "Pakistan denied any role … Defence Minister Khawaja Asif told Geo News" in a
                # story from New Delhi: a paragraph that names another country, and not the
                # home one, is that country's (PAKGOV); one that names both says neither
                country = _paragraph_country(spans[0].start_char, paragraphs, named, home) if spans else home
                if country is None:
                    continue
                person = people[record["name"]]
                for phrase in person.title_phrases:
                    if phrase in person.organisation_titles:
                        continue  # "UAW President": the union's, not the state's
                    found = agent_code(country, phrase, self.agents)
                    if found and found[3:6] in HOME_ROLES:
                        code = found
                        break
            elif record["type"] == "organisation":
                words = record["name"].split()
                if words[-1].lower() in STATE_INSTITUTIONS:
                    found = agent_code(home, words, self.agents)
                    code = found if found and found[3:6] in HOME_ROLES else None
            if code:
                record["code"], record["code_source"] = code, "dateline"

    def _known(self, name: str) -> str | None:
        entry = self.dictionary.lookup(name) if self.dictionary else None
        return (entry.name if entry else None) or country_named(name) or code_for_name(name)

    def extract(self, doc: Doc) -> Found:
        if not doc.has_annotation("ENT_IOB"):
            return []
        day = story_date(doc)
        resolver = Resolver(doc, self.dictionary)
        parts = story_parts(doc) or []
        actors: list[tuple[list[Span], dict[str, Any]]] = []
        people: dict[str, Person] = {}
        for person in resolver.people:
            if (country_named(person.name) or capital_code(person.name) or organisation_code(person.name)) and (
                person.unresolved or not person.title_phrases
            ):
                # the small model tags some country names, capitals and groups as PERSON ("Benin",
                # "Sri Lanka", "Kyiv", "the Houthis"): a country, a seat of government or an
                # organisation below
                continue
            mentions = [(a, b) for a, b in person.mentions if not parts or any(x <= a and b <= y for x, y in parts)]
            if person.mentions and not mentions:
                continue  # named only in the byline or the credit line ("Reporting by …"): a journalist
            code, source = person_code(person, day, self.polities, self.agents, resolver.days)
            spans = [s for s in (doc.char_span(a, b, alignment_mode="expand") for a, b in mentions) if s]
            actors.append((spans, {"name": person.name, "type": "person", "code": code, "code_source": source}))
            people[person.name] = person
        groups: dict[str, tuple[list[Span], dict[str, Any]]] = {}
        candidates = sorted(self._candidate_spans(doc), key=lambda span: span.start)
        acronyms = _acronyms(doc, candidates)
        key_at: dict[int, str] = {}  # an organisation's first token → its group
        taken = {i for span in candidates for i in range(span.start, span.end)}
        candidates += [doc[t.i : t.i + 1] for t in doc if t.text in acronyms and t.i not in taken]
        # an acronym before its name ("EU" in the headline, "European Union" in the body) after it
        candidates.sort(key=lambda s: (max(s.start, acronyms[s.text].start), 1) if s.text in acronyms else (s.start, 0))
        for ent in candidates:
            if parts and not any(a <= ent.start_char and ent.end_char <= b for a, b in parts):
                continue  # the dateline's place and the credit line are not actors
            named = acronyms.get(ent.text)
            if named is not None and named.start in key_at:
                # "the World Food Programme (WFP) … WFP said": one organisation
                spans, known = groups[key_at[named.start]]
                spans.append(ent)
                if not known.get("code"):
                    known["code"] = code_for_name(ent.text)
                    known["code_source"] = known["code"] and "name"
                continue
            record: dict[str, Any]
            entry = self.dictionary.lookup(ent.text.removeprefix("the ")) if self.dictionary else None
            entry_code = entry.code_on(day) if entry is not None and ent.label_ != "PERSON" else None
            if entry is not None and entry_code:
                key = f"dictionary:{entry.name}"
                record = {"name": entry.name, "type": "organisation", "code": entry_code, "code_source": "dictionary"}
                group = groups.setdefault(key, ([], record))
                group[0].append(ent)
                key_at[ent.start] = key
                continue
            region = region_code(ent.text) if ent.label_ in ("LOC", "GPE", "NORP") else None
            if region is not None:
                # "warned the West", "Europe must do more", "it was for Europeans to protect Ukraine"
                key = f"region:{region}"
                record = {"name": region_name(region), "type": "region", "code": region, "code_source": "name"}
                group = groups.setdefault(key, ([], record))
                group[0].append(ent)
                key_at[ent.start] = key
                continue
            capital = capital_code(ent.text) if ent.root.dep_ in _ACTING_DEPS else None
            # a name of the organisation table the parser did not tag ("Islamic State")
            organisation = (ent.label_ == "ORG" and country_named(ent.text) is None) or (
                ent.label_ == "ACTOR" and country_named(ent.text) is None and organisation_code(ent.text) is not None
            )
            if capital is not None and ent.label_ in ("GPE", "ORG", "FAC"):
                # "Moscow rejected the plan": the capital acts for its government.
                key = capital
                record = {"name": ent.text, "type": "organisation", "code": capital, "code_source": "name"}
            elif not organisation and ent.label_ in (*_COUNTRY_LABELS, "PERSON", "ACTOR", "ORG"):
                country = country_named(ent.text) if not ent.text.islower() else None
                if (
                    country is None
                    and ent.label_ in _COUNTRY_LABELS
                    and capital_code(ent.text) is None
                    and not _in_region(doc, ent)
                ):
                    # "arrived in Amman": a city stands for its country. A seat of government
                    # ("Washington", "Moscow") stands for its government only when it acts
                    # (above): news names them as places mostly as a journey's end.
                    country = place_country(ent.text)
                if country is None:
                    continue
                key = country
                record = {"name": country_name(country), "type": "country", "code": country, "code_source": "name"}
            elif organisation:
                tagged = resolver.resolve_person(ent)
                if tagged is not None and not (tagged.unresolved and organisation_code(ent.text)):
                    continue  # the small model sometimes tags a person's name as ORG
                if len(ent) == 1 and ent.end < len(doc) and doc[ent.end].lower_ in _PORTFOLIO_HEADS:
                    continue  # a portfolio in a title: "Defence" of "Defence Minister Israel Katz"
                code = code_for_name(ent.text)
                source = code and "name"
                if code is None or code[:3] in GENERIC - {"IGO", "NGO"}:
                    # "the Russian Defence Ministry", "the Calenardhon Ministry of Silly Walks";
                    # and "Palestinian Islamic Jihad": the name's own country (PSE) says more
                    # than the organisation table's region (MEAREB).
                    # "Japan's Defense Ministry": the possessor is the name's country
                    owner = [t.text for t in ent.root.children if t.dep_ == "poss" and t.i < ent.start]
                    national = code_from_title([*owner, *(t.text for t in ent)], self.polities, self.agents)
                    if national and national != code:
                        code, source = national, "title"
                    if code is None:
                        # "the Kenya National Commission on Human Rights": a country's own body,
                        # with no role word: the country
                        code = _leading_country(ent)
                        source = code and "title"
                key = _organisation_key(ent.text)
                name = ent.text[4:] if ent.text[:4] in ("The ", "the ") else ent.text  # "The European Union"
                record = {"name": name, "type": "organisation", "code": code, "code_source": source}
            else:
                continue
            group = groups.setdefault(key, ([], record))
            group[0].append(ent)
            key_at[ent.start] = key
        actors.extend(groups.values())
        home = home_country(doc, [{**record, "mentions": spans} for spans, record in actors])
        if home is not None:
            self._code_at_home(doc, home, actors, people)
        found: Found = []
        for n, (spans, record) in enumerate(actors, 1):
            record["id"] = f"a{n}"
            record["mentions"] = [
                {"start": a, "end": b} for a, b in sorted({(s.start_char, s.end_char) for s in spans})
            ]
            anchor = spans[0] if spans else doc[0:0]
            found.append((anchor, record))
        return found


def _acronyms(doc: Doc, spans: list[Span]) -> dict[str, Span]:
    """The acronyms a story defines for organisations, in brackets after the name: "the World
    Food Programme (WFP)" gives {"WFP": that name's span}."""
    found: dict[str, Span] = {}
    for span in spans:
        if span.label_ not in ("ORG", "ACTOR") or span.end + 2 >= len(doc):
            continue
        opening, short, closing = doc[span.end], doc[span.end + 1], doc[span.end + 2]
        if opening.text == "(" and closing.text == ")" and short.is_upper and short.is_alpha and len(short) > 1:
            found.setdefault(short.text, span)
    # and the initials of a name the story gives: "the paramilitary Rapid Support Forces … The RSF
    # denied …" (one name only: two with the same initials leave the acronym alone)
    named: dict[str, list[Span]] = {}
    for span in spans:
        if span.label_ in ("ORG", "ACTOR") and len(span) > 1:
            words = [t.text for t in span if t.lower_ not in _INITIAL_SKIPS and t.is_alpha]
            if len(words) > 1 and all(w[:1].isupper() for w in words):
                named.setdefault("".join(w[0] for w in words), []).append(span)
    for token in doc:
        if not (token.is_upper and token.is_alpha and 1 < len(token) <= 6) or token.text in found:
            continue
        names = named.get(token.text, [])
        if len({name.text.lower() for name in names}) == 1:
            found[token.text] = names[0]
    return found


#: The roles of a state's people and institutions, and of its opposition, which a story's home
#: country may give.
HOME_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP"})


def _paragraph_country(
    at: int, paragraphs: list[tuple[int, int]] | None, named: list[tuple[int, str]], home: str
) -> str | None:
    """The country a person first named at ``at`` with an office and no country is of: the
    home country, unless the paragraph names another one (that one, when it is the only one
    named there; None, when it names several)."""
    paragraph = next(((a, b) for a, b in paragraphs or () if a <= at < b), None)
    if paragraph is None:
        return home
    countries = {country for start, country in named if paragraph[0] <= start < paragraph[1]}
    others = countries - {home}
    if not others:
        return home
    return others.pop() if len(others) == 1 and home not in countries else None


def home_country(doc: Doc, actors: list[dict[str, Any]]) -> str | None:
    """The country a story is from and about: its dateline's ("SEOUL, Dec. 12 (Yonhap) --" →
    KOR), when no other country is named in it more often (a story from Doha about Israel and
    Hamas has none). None without a dateline."""
    story = story_data(doc) or {}
    place = (story.get("dateline") or {}).get("place")
    if not place:
        return None
    home = country_named(place) or place_country(place)
    if home is None:
        return None
    counts: dict[str, int] = {}
    for actor in actors:
        if actor.get("type") == "country" and actor.get("code"):
            counts[actor["code"][:3]] = counts.get(actor["code"][:3], 0) + len(actor.get("mentions", ()))
    if any(n > counts.get(home, 0) for country, n in counts.items() if country != home):
        return None
    return home


#: Legal forms after a company's name: "Apple Inc" and "Apple" are one organisation.
_LEGAL_FORMS = frozenset({"inc", "corp", "corporation", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "se", "spa"})


def _leading_country(ent: Span) -> str | None:
    """The country whose name opens an organisation's ("Kenya" of "the Kenya National Commission
    on Human Rights", "South Africa" of "South Africa Police Service"), or None."""
    words = [t.text for t in ent if t.dep_ != "det" or t.i > ent.start]
    return next((c for size in (3, 2, 1) if len(words) > size and (c := country_named(" ".join(words[:size])))), None)


def _headed_outside(ent: Span, inside: list[Span]) -> bool:
    """Whether an organisation's name is headed by a noun of its own after the known names inside
    it: "the Kenya National Commission on Human Rights" and "Nigeria Police Force" are
    organisations of their countries; "Russia and China" tagged as one name is two, and
    "Radical French" (of "Radical French farmers") is the country's."""
    if any(t.lower_ in ("and", "&") or t.text == "," for t in ent):
        return False
    return ent.root.pos_ in ("NOUN", "PROPN") and all(m.end <= ent.root.i for m in inside)


def _organisation_key(name: str) -> str:
    """How organisations of one story are grouped: lower case, no leading "the", no legal form,
    no plural "s"."""
    words = name.lower().removeprefix("the ").replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".") in _LEGAL_FORMS:
        words.pop()
    if words and len(words[-1]) > 4 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]  # "the Houthis" and "Houthi" (missile sites): one group
    return " ".join(words)


#: Words an acronym skips: "ECOWAS" is the Economic Community of West African States.
_INITIAL_SKIPS = frozenset({"of", "and", "the", "for", "&"})


def _in_region(doc: Doc, ent: Span) -> bool:
    """Whether the text puts the place in a region that is no country ("Toledo, Ohio",
    "Birmingham, Alabama"): then it is not the foreign city of that name. ("Athens, Georgia" is
    not caught: Georgia is a country's name too.)"""
    after = doc[ent.end : ent.end + 2]
    if len(after) < 2 or after[0].text != "," or after[1].ent_type_ != "GPE":
        return False
    region = entity_at(after[1])
    end = region.end if region is not None else after[1].i + 1
    return country_named(doc[after[1].i : end].text) is None


def _country_phrases() -> list[str]:
    from .codes import _country_names

    return [name for name in _country_names() if len(name) > 3 or name.isupper()]


@Language.factory(
    "dateline_actors", default_config={"dictionary": None, "agents": None}, assigns=[f"doc._.{ACTORS_KEY}"]
)
def make_actor_resolver(nlp: Language, name: str, dictionary: str | None, agents: str | None) -> ActorResolver:
    return ActorResolver(nlp, name, dictionary, agents)
