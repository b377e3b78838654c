"""The one in-story resolver: which person (or organisation) a mention refers to.

Quote speakers and actors are resolved here, so they never disagree. Rules, in order:

1. Full names (``PERSON`` entities of two or more words) define people; titles before them
   ("British Prime Minister Keir Starmer") or in an apposition ("Starmer, the prime
   minister") are remembered with the country words around them.
2. Name parts link to them: surname ("Starmer", "Mr. Trump"), honorific with first name
   ("Sir Keir"), first or middle name alone when only one person has it ("Xi" of "Xi
   Jinping", "Lula" of "Luiz Inacio Lula da Silva").
3. Title mentions ("the Prime Minister", "the US president") go to the most recently
   mentioned person holding that title (with agreeing country words, when given).
4. He/she go to the most recent person who was the subject of a clause before the mention,
   skipping people whose known gender disagrees: from Mr/Mrs/Sir/Dame..., title words
   ("spokeswoman"), or the pronouns the story uses after their name (:meth:`Resolver._infer_genders`).

5. A user actor dictionary (``actors/dictionary.py``), when given, names people the story
   gives only by surname or alias.
6. The tables of heads of state and government (``actors/leaders.py``) name a surname that is
   one office-holder's on every day the story may be of ("Zelensky" → "Volodymyr Zelensky"):
   its date, or, undated, the days when the people it gives offices held them
   (:func:`story_days`).

A name that nothing explains stays as written, as an unresolved actor: no guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..sentences import story_data
from .codes import code_from_title, country_named
from .dictionary import ActorDictionary, Entry
from .leaders import Days, default_leaders, holds_office

HONORIFICS_MALE = {"mr", "sir", "lord", "mister"}
HONORIFICS_FEMALE = {"mrs", "ms", "miss", "dame", "lady", "madam"}
HONORIFICS = HONORIFICS_MALE | HONORIFICS_FEMALE | {"dr", "prof", "rev", "gen", "sen", "rep", "gov"}
TITLE_NOUNS = {
    "president",
    "minister",
    "chancellor",
    "secretary",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "general",
    "commander",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "envoy",
    "commissioner",
    "nominee",
    "candidate",
    "speaker",
    "judge",
    "justice",
    "attorney",
    "pope",
    "emir",
    "sultan",
    "sheikh",
    "head",
    "official",
    "representative",
    "congressman",
    "congresswoman",
    "manager",
}
#: Title nouns a story also uses for holders of other titles, given as the words those titles
#: hold: "the minister" for a Health Secretary (a British secretary of state is a minister),
#: "senator" for the Senate Majority (or Minority) Leader.
_TITLE_KINDS = {"minister": (frozenset({"secretary"}),), "senator": (frozenset({"senate", "leader"}),)}
#: Words that make a title of a title noun without naming anyone ("Prime Minister", "Vice President").
_TITLE_QUALIFIERS = frozenset({"prime", "vice", "deputy", "foreign", "defence", "defense", "interior", "finance",
                               "health", "home", "state", "of"})  # fmt: skip
_TITLES_MALE = {"congressman", "spokesman", "businessman", "chairman", "king", "prince", "husband", "father", "son",
                "brother", "uncle", "grandfather", "nephew", "boyfriend", "actor", "widower"}  # fmt: skip
_TITLES_FEMALE = {"congresswoman", "spokeswoman", "businesswoman", "chairwoman", "queen", "princess", "wife",
                  "mother", "daughter", "sister", "aunt", "grandmother", "niece", "girlfriend", "actress",
                  "widow"}  # fmt: skip
#: Nouns for an unnamed speaker of a known gender when no name goes with them: "A Department of
#: Health spokeswoman said …" (not kin, "the wife of a man shot by police", whom the story names).
_GENDERED_NOUNS = {"spokesman": "male", "spokeswoman": "female"}
PRONOUNS_MALE = {"he", "him", "his", "himself"}
PRONOUNS_FEMALE = {"she", "her", "hers", "herself"}


@dataclass
class Person:
    """One person in one story."""

    name: str
    first: str
    last: str
    titles: set[str] = field(default_factory=set)
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    #: Title phrases in text order ("British Prime Minister"), for coding.
    title_phrases: list[list[str]] = field(default_factory=list)
    #: Those of them that a non-state organisation qualifies ("UAW President", "Ford Chief
    #: Executive"): the office is the organisation's, so the story's home country does not make
    #: it its government's.
    organisation_titles: list[list[str]] = field(default_factory=list)
    #: The dictionary entry that names this person, if any.
    entry: Entry | None = None
    #: True when only a surname or single name was seen and nothing explained it.
    unresolved: bool = False

    def matches_first(self, word: str) -> bool:
        return self.first.lower() == word.lower()

    def matches_middle(self, word: str) -> bool:
        """A word of the name between its first and last ("Lula" of "Luiz Inacio Lula da
        Silva"), not a particle."""
        middle = self.name.split()[1:-1]
        return word.lower() in {w.lower() for w in middle} - _PARTICLES


#: Last words of the names of a state's institutions ("National Assembly", "Supreme Court").
STATE_INSTITUTIONS = frozenset(
    {"assembly", "parliament", "congress", "senate", "court", "ministry", "army", "navy", "police", "guard",
     "government", "cabinet", "council", "tribunal", "legislature"}
)  # fmt: skip
#: Words of the names of state bodies and portfolios ("Justice Department", "Interior",
#: "House", "Homeland Security"): an organisation named with one of them in a title is the state's.
STATE_BODY_WORDS = STATE_INSTITUTIONS | frozenset(
    {"house", "department", "office", "agency", "bureau", "commission", "interior", "justice", "defense",
     "defence", "foreign", "homeland", "security", "treasury", "state", "finance", "health", "education",
     "energy", "labor", "labour", "commerce", "trade", "transportation", "transport", "agriculture", "veterans",
     "housing", "environment", "press", "pentagon", "kremlin", "white", "downing", "élysée", "elysee", "federal",
     "national", "presidential", "royal"}
)  # fmt: skip


def bare_name(text: str) -> str:
    """A name as an actor's: without an article before it or a possessive after it ("the
    Kenya National Commission on Human Rights", "Hamas's")."""
    return text.removeprefix("the ").removeprefix("The ").removesuffix("’s").removesuffix("'s")


def _holds_title(person: Person, title: str) -> bool:
    """Whether the person's titles include ``title``, or one the noun also stands for (:data:`_TITLE_KINDS`)."""
    return title in person.titles or any(words <= person.titles for words in _TITLE_KINDS.get(title, ()))


def _names_non_state_organisation(phrase: Span) -> bool:
    """Whether a title phrase holds an organisation the parser tags (ORG) with no word of a
    state body: "UAW" of "UAW President", "Ford" of "Ford Chief Executive"; not "Justice
    Department" or "House"."""
    words = [t.lower_ for t in phrase if t.ent_type_ == "ORG"]
    return bool(words) and not any(w in STATE_BODY_WORDS for w in words)


#: Headline verbs the parser takes for a name's last word ("Obama Says Race Still Matters").
_HEADLINE_VERBS = frozenset({"says", "said", "tells", "told", "warns", "urges", "vows", "claims", "insists", "slams"})


#: A name word with an apostrophe inside: "O'Brien", "D’Alema", "N'Diaye".
_APOSTROPHE_NAME = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")


def _is_name_word(token: Token) -> bool:
    return token.is_alpha or _APOSTROPHE_NAME.fullmatch(token.text) is not None


def _name_tokens(span: Span) -> list[Token]:
    """The name's words: no honorific, and nothing after a possessive ("Trump's tweet" → Trump)
    or a headline's verb ("Obama Says …" → Obama)."""
    kept: list[Token] = []
    for token in span:
        if token.text in ("'s", "’s", "'", "’") or (kept and token.lower_ in _HEADLINE_VERBS):
            break
        kept.append(token)
    tokens = [t for t in kept if _is_name_word(t) or "-" in t.text or "." in t.text]
    while tokens and tokens[0].lower_.rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    return tokens


#: Generational suffixes after a surname.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Particles inside a surname: a name the parser ends on one goes on ("Ursula von der" + "Leyen").
_PARTICLES = frozenset(
    {
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "dos",
        "das",
        "le",
        "la",
        "bin",
        "ibn",
        "al",
        "el",
    }
)


def entity_at(token: Token) -> Span | None:
    """The named entity ``token`` is part of (without ``Doc.ents``, which walks the whole Doc)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _whole_name(ent: Span) -> Span:
    """A PERSON entity the parser ends on a particle, with the capitalised words after it; or
    before the name's head, with it."""
    end = ent.end
    doc = ent.doc
    last = doc[end - 1]
    if (
        end < len(doc)
        and last.dep_ == "compound"
        and last.head.i == end
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and not doc[end].ent_type_
        and doc[end].dep_ not in ("compound", "poss")
    ):
        # the name's head the entity leaves out: "Yoon Suk" + "Yeol"
        return Span(doc, ent.start, end + 1, label=ent.label_)
    if (
        end + 1 < len(doc)
        and doc[end].lower_ in _PARTICLES
        and doc[end].ent_iob_ == "B"
        and doc[end].ent_type_ == "PERSON"
    ):
        # the surname the parser makes a name of its own: "Mohammed bin Abdulrahman" + "Al Thani"
        after = end + 1
        while after < len(doc) and doc[after].ent_iob_ == "I":
            after += 1
        return Span(doc, ent.start, after, label=ent.label_)
    if last.lower_ not in _PARTICLES:
        return ent
    # the particles left out after it ("Ursula von" + "der Leyen"), then the capitalised words
    after = end
    while after < len(doc) and doc[after].is_lower and doc[after].lower_ in _PARTICLES:
        after += 1
    if after < len(doc) and doc[after].is_title and doc[after].pos_ == "PROPN":
        end = after
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return Span(doc, ent.start, end, label=ent.label_) if end > ent.end else ent


def name_text(tokens: list[Token]) -> str:
    """The words of a name as the text spells them ("Holtz-Eakin", not "Holtz - Eakin")."""
    return "".join(
        t.text + ((t.whitespace_ or "") if n + 1 < len(tokens) and tokens[n + 1].i == t.i + 1 else " ")
        for n, t in enumerate(tokens)
    ).strip()


def _word_count(tokens: list[Token]) -> int:
    """Words in a name, a hyphenated one counting once ("Jean-Bertrand Aristide": two)."""
    return sum(1 for n, t in enumerate(tokens) if n == 0 or tokens[n - 1].i != t.i - 1 or tokens[n - 1].whitespace_)


def _same_first_name(a: str, b: str) -> bool:
    """Same first name, allowing initials ("J." for "John") and missing first names."""
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    return not a or not b or a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


_TITLE_MODIFIERS = {
    "new",
    "former",
    "ousted",
    "acting",
    "interim",
    "deputy",
    "vice",
    "late",
    "outgoing",
    "incoming",
    "top",
    "senior",
    "chief",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
}


def _is_title_word(token: Token) -> bool:
    if token.text in ("'s", "’s"):
        # "Lebanon's new President": the country lookup decides whether the owner is a polity.
        return token.i > 0 and (token.doc[token.i - 1].ent_type_ == "GPE" or token.doc[token.i - 1].pos_ == "PROPN")
    if token.text.endswith(".") and token.text[:-1].lower() in _TITLE_ABBREVIATIONS:
        return True  # "Army chief Gen. Abdel Fattah Burhan"
    if not token.is_alpha or token.dep_ == "det":
        return False
    return (
        token.is_title
        or token.is_upper
        or token.lower_ in TITLE_NOUNS
        or token.lower_ in _TITLE_MODIFIERS
        or token.ent_type_ in ("NORP", "GPE")
    )


#: Abbreviated ranks and titles before a name.
_TITLE_ABBREVIATIONS = frozenset({"gen", "lt", "col", "maj", "adm", "brig", "sgt", "capt", "cmdr", "sen", "rep", "gov"})
#: Those a story also writes out as a title noun ("Sen. Ted Cruz" … "the senator").
_SPELT_OUT = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general"}
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")


def _joins_title(token: Token, name_start: int) -> bool:
    """Words inside a title that are not title words themselves: the hyphen of
    "Secretary-General", the "of" of "Secretary of State", a dotted abbreviation ("U.N.
    Secretary-General"), and lower-case modifiers of a later title word ("White House national
    security spokesman")."""
    doc = token.doc
    if token.text in ("-", "‑") and token.i > 0:
        return not token.whitespace_ and not doc[token.i - 1].whitespace_
    if token.lower_ == "of" and 0 < token.i < name_start - 1:
        return doc[token.i - 1].is_title and doc[token.i + 1].is_title  # "Secretary of State"
    if _ABBREVIATION.fullmatch(token.text):
        return True
    return (
        token.is_alpha and token.is_lower and token.dep_ in ("compound", "amod") and token.i < token.head.i < name_start
    )


def _country_word(word: str) -> str:
    """The country a title word names ("canada", "canadian" → "CAN"), else the word."""
    return country_named(word) or word


def _titled_names(doc: Doc) -> list[Span]:
    """Proper names right after a title noun ("Chancellor Olaf Scholz"), whatever NER said."""
    names = []
    for token in doc:
        if token.lower_ not in TITLE_NOUNS or not token.is_title:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end - token.i - 1 >= 2 and not any(t.ent_type_ == "PERSON" for t in doc[token.i + 1 : end]):
            names.append(doc[token.i + 1 : end])
    return names


def _titled_surnames(doc: Doc) -> list[Span]:
    """One-word names after a title noun that the NER did not tag as a person ("Arnor President
    Umbardacil" tagged as one ORG): "President Trump" without PERSON."""
    names = []
    for token in doc[:-1]:
        if token.lower_ not in TITLE_NOUNS or not token.is_title:
            continue
        name = doc[token.i + 1]
        after = doc[token.i + 2] if token.i + 2 < len(doc) else None
        if (
            name.pos_ == "PROPN"
            and name.is_title
            and name.ent_type_ in ("", "ORG")
            and name.lower_ not in TITLE_NOUNS
            and (after is None or after.pos_ not in ("PROPN", "NOUN"))
        ):
            names.append(doc[name.i : name.i + 1])
    return names


class Resolver:
    """Built once per Doc; answers :meth:`resolve` for any span of that Doc."""

    def __init__(self, doc: Doc, dictionary: ActorDictionary | None = None) -> None:
        self.doc = doc
        self.dictionary = dictionary
        self.people: list[Person] = []
        self._by_last: dict[str, Person] = {}
        covered = -1  # the end of the last whole name: a name it took in is not read again
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.start >= covered:
                whole = _whole_name(ent)
                covered = whole.end
                self._add_full_name(whole)
        for name in _titled_names(doc):
            self._add_full_name(name)
        for name in _titled_surnames(doc):
            self._add_single_name(name)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._add_single_name(ent)
        self._add_name_part_mentions()
        self._infer_genders()
        #: The days the story may be of, for the tables of office-holders (None: unknown).
        self.days = story_days(doc, self.people)
        if self.days:
            self._name_office_holders(self.days)
        #: Subjects of main clauses: the person, or None and the gender of an unnamed one
        #: ("A Department of Health spokeswoman said …": a later "she" is no named woman).
        self._subjects: list[tuple[int, Person | None, str | None]] = []
        for token in doc:
            # Subjects of main clauses only: in "Starmer said Putin was the aggressor" a later
            # "he" is Starmer, not Putin.
            main_clause = token.head.dep_ in ("ROOT", "conj") or token.head.lemma_ in ("say", "tell")
            if token.dep_ not in ("nsubj", "nsubjpass") or not main_clause:
                continue
            # a name, or a title with the name in apposition ("The U.N. aid chief, Tom Fletcher, urged")
            named = (
                token
                if token.pos_ == "PROPN"
                else next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            )
            person = self._by_last.get(named.text.lower()) if named is not None else None
            if person is not None:
                self._subjects.append((token.idx, person, person.gender))
            elif named is None and token.tag_ == "NN" and token.lower_ in _GENDERED_NOUNS:
                phrase = doc[token.left_edge.i : token.i + 1]
                if self.resolve_person(phrase) is None:  # not "the queen" of a named queen
                    self._subjects.append((token.idx, None, _GENDERED_NOUNS[token.lower_]))

    def _name_office_holders(self, days: Days) -> None:
        """Unexplained surnames that are one office-holder's on all the story's days get the
        full name ("Zelensky" → "Volodymyr Zelensky")."""
        leaders = default_leaders()
        for person in self.people:
            if not person.unresolved:
                continue
            _, full = leaders.known_person(person.name, days)
            if full and not any(p.name == full for p in self.people):
                parts = full.split()
                person.name, person.first, person.last, person.unresolved = full, parts[0], parts[-1], False

    def _infer_genders(self) -> None:
        """The gender the story itself shows for people whose full name had no honorific: an
        honorific with the surname alone ("Mrs. Clinton"), a title word ("spokeswoman",
        "congressman"), or the pronouns after the name in sentences that name no one else
        ("Hillary Clinton said she …"); when one gender has at least three times the other's
        count (an honorific or title counts three)."""
        if not self.doc.has_annotation("SENT_START"):
            return
        counts = {id(p): [0, 0] for p in self.people if p.gender is None}
        for person in self.people:
            if person.gender is None and person.titles & _TITLES_MALE:
                counts[id(person)][0] += 3
            if person.gender is None and person.titles & _TITLES_FEMALE:
                counts[id(person)][1] += 3
        if not counts:
            return
        # "Mrs. Clinton", when only one person has that surname
        by_last: dict[str, list[Person]] = {}
        for person in self.people:
            by_last.setdefault(person.last.lower(), []).append(person)
        for token in self.doc[:-1]:
            honorific = token.lower_.rstrip(".")
            if honorific not in HONORIFICS_MALE and honorific not in HONORIFICS_FEMALE:
                continue
            same = by_last.get(self.doc[token.i + 1].lower_, [])
            if len(same) == 1 and id(same[0]) in counts:
                counts[id(same[0])][0 if honorific in HONORIFICS_MALE else 1] += 3
        # the people each sentence names, and where it first names them
        named: dict[int, dict[int, tuple[Person, int]]] = {}
        token_at = {t.idx: t for t in self.doc}
        for person in self.people:
            for start, _ in person.mentions:
                if start not in token_at:
                    continue
                seen = named.setdefault(token_at[start].sent.start, {})
                if id(person) not in seen or start < seen[id(person)][1]:
                    seen[id(person)] = (person, start)
        for sentence in self.doc.sents:
            people = named.get(sentence.start, {})
            if len(people) != 1:
                continue
            person, first = next(iter(people.values()))
            if id(person) not in counts:
                continue
            tally = counts[id(person)]
            for token in sentence:
                if token.idx > first and token.lower_ in PRONOUNS_MALE:
                    tally[0] += 1
                elif token.idx > first and token.lower_ in PRONOUNS_FEMALE:
                    tally[1] += 1
        for person in self.people:
            male, female = counts.get(id(person), (0, 0))
            if male and male >= 3 * female:
                person.gender = "male"
            elif female and female >= 3 * male:
                person.gender = "female"

    def _add_full_name(self, ent: Span) -> None:
        tokens = _name_tokens(ent)
        # the surname is before a generational suffix ("Ferdinand Marcos Jr." is Marcos)
        words = [t for t in tokens if t.lower_.rstrip(".") not in GENERATIONS] or tokens
        if _word_count(words) < 2:
            return  # one word, maybe hyphenated ("Holtz-Eakin"): a name part
        first, last = words[0].text, words[-1].text
        person = self._by_last.get(last.lower())
        surname_only = words[0].lower_ in _PARTICLES  # "Al Thani", "Von der Leyen"
        if person is not None and not surname_only and not _same_first_name(person.first, first):
            # Bill and Hillary Clinton: two people. A bare "Clinton" stays with the first introduced.
            person = next(
                (p for p in self.people if p.last.lower() == last.lower() and _same_first_name(p.first, first)), None
            )
        if person is None:
            name = name_text(tokens)
            entry = self.dictionary.lookup(name) if self.dictionary else None
            person = Person(name=entry.name if entry else name, first=first, last=last, entry=entry)
            self.people.append(person)
            self._by_last.setdefault(last.lower(), person)
        person.mentions.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1])))
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_.rstrip(".") in HONORIFICS_MALE:
            person.gender = "male"
        elif before is not None and before.lower_.rstrip(".") in HONORIFICS_FEMALE:
            person.gender = "female"
        self._note_titles(person, ent)

    def _note_titles(self, person: Person, ent: Span) -> None:
        """Titles: capitalised words, title nouns and demonyms just before the name ("British
        Prime Minister Keir Starmer", "a reluctant US President Donald Trump"), and appositions."""
        i = ent.start - 1
        while i >= 0 and (_is_title_word(ent.doc[i]) or _joins_title(ent.doc[i], ent.start)):
            if ent.doc[i].is_alpha:
                person.titles.add(ent.doc[i].lower_)
            elif ent.doc[i].lower_.rstrip(".") in _SPELT_OUT:
                person.titles.add(_SPELT_OUT[ent.doc[i].lower_.rstrip(".")])  # "Sen. Ted Cruz": a senator
            i -= 1
        if i + 1 < ent.start:
            phrase = ent.doc[i + 1 : ent.start]
            person.title_phrases.append([t.text for t in phrase])
            if _names_non_state_organisation(phrase):
                person.organisation_titles.append([t.text for t in phrase])
        root = ent.root
        for child in root.children:
            if child.dep_ == "appos":
                words = [t.text for t in child.subtree if t.is_alpha]
                person.titles.update(w.lower() for w in words)
                person.title_phrases.append(words)
        head = root.head
        if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < ent.start:
            # the name in apposition to its title: "his Togolese counterpart, Faure Gnassingbe"
            # back to an owner or a name: not "President Barack Obama's" of "… court pick, Merrick Garland"
            start = head.i
            while start > head.left_edge.i:
                before = ent.doc[start - 1]
                owner = ent.doc[start - 2] if before.dep_ == "case" and start >= 2 else before
                if before.dep_ == "det" or before.pos_ == "PRON" or owner.ent_type_ == "PERSON":
                    break  # "his", "the"; a person's ("Obama's"), not a state's ("The Kremlin's spokesman")
                start -= 1
            words = [t.text for t in ent.doc[start : head.i + 1] if t.is_alpha]
            person.titles.update(w.lower() for w in words)
            person.title_phrases.append(words)

    def _add_name_part_mentions(self) -> None:
        """Every capitalised token that is a known person's surname is a mention of that person;
        so is a proper noun of no other kind of name (a place's, an organisation's) that is the
        first or a middle name of one person only: "Xi" of "Xi Jinping" (family name first),
        "Lula" of "Luiz Inacio Lula da Silva"."""
        taken = {i for person in self.people for a, b in person.mentions for i in range(a, b)}
        for token in self.doc:
            if not token.is_title or token.idx in taken:
                continue
            person = self._by_last.get(token.text.lower())
            if person is None and token.ent_type_ in ("PERSON", "") and token.tag_ == "NNP":
                person = self._person_by_word(token.text)
                if person is not None and (person.unresolved or len(person.name.split()) < 2):
                    person = None
            if person is not None:
                person.mentions.append((token.idx, token.idx + len(token)))

    def _add_single_name(self, ent: Span) -> None:
        """A one-word PERSON ("Zelensky"): a known person's name part, a dictionary entry, or unresolved."""
        tokens = _name_tokens(ent)
        if not tokens or _word_count(tokens) != 1 or self._person_by_word(tokens[-1].text) is not None:
            return
        word = name_text(tokens).removesuffix("’s").removesuffix("'s")
        entry = self.dictionary.lookup(word) if self.dictionary else None
        if entry is not None:
            parts = entry.name.split()
            person = Person(name=entry.name, first=parts[0], last=parts[-1], entry=entry)
        else:
            person = Person(name=word, first="", last=word, unresolved=True)
        self.people.append(person)
        self._by_last[word.lower()] = person
        self._by_last.setdefault(person.last.lower(), person)
        self._note_titles(person, ent)  # "Bree Prime Minister Romendacil", "Russian President Putin"

    def _person_by_word(self, word: str) -> Person | None:
        key = word.lower()
        if key in self._by_last:
            return self._by_last[key]
        if country_named(word):
            return None  # "Israel warned": the country, not Israel Katz
        firsts = [p for p in self.people if p.matches_first(word)]
        if firsts:
            return firsts[0] if len(firsts) == 1 else None
        # "Lula" of "Luiz Inacio Lula da Silva", by which the story goes on to call him
        middles = [p for p in self.people if p.matches_middle(word)]
        return middles[0] if len(middles) == 1 else None

    def _last_mentioned(self, candidates: list[Person], before: int) -> Person | None:
        best, best_at = None, -1
        for person in candidates:
            seen = [s for s, _ in person.mentions if s < before]
            if seen and max(seen) > best_at:
                best, best_at = person, max(seen)
        return best

    def resolve(self, span: Span) -> str | None:
        """The canonical name for a mention, or None when the text names no one."""
        person = self.resolve_person(span)
        if person is not None:
            person.mentions.append((span.start_char, span.end_char))
            return person.name
        if len(span) == 1 and span[0].lower_ == "it":
            return self._it(span[0])
        # Not a possessor's name: "Obama's former campaign strategist" is not Obama.
        owned = {
            t.i
            for owner in span
            if owner.dep_ == "poss" and owner.head.i != owner.i and span.start <= owner.head.i < span.end
            for t in owner.subtree
        }
        head = span.root
        # a name the phrase cuts short: "The Court" of "The Court of International Trade said"
        whole = entity_at(head)
        if whole is not None and whole.label_ == "ORG" and (whole.start < span.start or whole.end > span.end):
            return bare_name(whole.text)
        for ent in span.ents:
            if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
                continue
            if ent.label_ in ("NORP", "GPE") and head.is_lower and not head.ent_type_ and ent.end <= head.i:
                # A country word qualifying the speaker: "the Russian foreign ministry" and
                # "Israel's military" name an institution, "a British official" or "U.S.
                # officials" no one.
                if head.lemma_.lower() in _INSTITUTIONS:
                    words = [t for t in span[ent.start - span.start : head.i - span.start + 1] if t.dep_ != "det"]
                    return "".join(t.text_with_ws for t in words).strip()
                owned.update(range(ent.start, ent.end))
            if ent.root.i in owned:
                continue
            return bare_name(ent.text)
        if owned and head.lemma_.lower() in _INSTITUTIONS and head.i not in owned:
            # "Maduro's government", "Netanyahu's office": an institution the owner names
            words = [t for t in span if t.dep_ != "det" and t.i <= head.i]
            owner = words[0] if words else None
            if owner is not None and owner.lower_ in PRONOUNS_MALE | PRONOUNS_FEMALE:
                # "his office": the office of the person the pronoun stands for, or no name
                person = self._recent_subject(owner.idx, "male" if owner.lower_ in PRONOUNS_MALE else "female")
                if person is None:
                    return None
                return f"{person.name}'s " + "".join(t.text_with_ws for t in words[1:]).strip()
            marker = next((t for t in words if t.dep_ == "case" and t.i < head.i), None)
            if marker is not None:
                # "Trump's campaign": the owner by the person's full name, when the story has them
                person = self.resolve_person(span.doc[words[0].i : marker.i])
                if person is not None:
                    return f"{person.name}'s {span.doc[marker.i + 1 : head.i + 1].text}"
            return "".join(t.text_with_ws for t in words).strip()
        proper = [t for t in span if t.pos_ == "PROPN" and t.i not in owned]
        if proper and all(t.lower_ in TITLE_NOUNS or t.lower_ in _TITLE_QUALIFIERS for t in proper):
            return None  # a title alone, capitalised ("Minister defends reforms"): nobody named
        if proper:
            # a name with "for" or "of" inside it ("Bank of England"), also where the phrase cuts
            # it short ("Alternative" of "The far-right Alternative for Germany")
            doc = span.doc
            end = proper[-1].i + 1
            while end + 1 < len(doc) and doc[end].lower_ in _NAME_JOINS and doc[end + 1].pos_ == "PROPN":
                end += 2
            inside = doc[proper[0].i : end]
            if all(t.pos_ == "PROPN" or t.lower_ in _NAME_JOINS for t in inside):
                return bare_name(inside.text)
            return " ".join(t.text for t in proper)
        named = self._organisation_before(span)
        if named is not None:
            return named
        if head.lemma_.lower() in _INSTITUTIONS and any(c.dep_ in ("compound", "amod") for c in head.lefts):
            # "the interior ministry said": an institution named by what it does
            first = min(c.left_edge.i for c in head.lefts if c.dep_ in ("compound", "amod"))
            return span.doc[first : head.i + 1].text
        return None

    def _organisation_before(self, span: Span) -> str | None:
        """The organisation a definite noun names by a word of its name: "the commission" after
        "the Kenya National Commission on Human Rights", "the party" after "the Labour Party" (the
        latest such name before it), or None."""
        words = [t for t in span if not t.is_punct]
        if len(words) != 2 or words[0].lower_ != "the" or words[1].pos_ != "NOUN" or not words[1].is_lower:
            return None
        noun = words[1].lemma_.lower()
        if noun not in _INSTITUTIONS | _ORGANISATION_NOUNS:
            return None  # "the research" after "the Potsdam Institute for Climate Impact Research"
        for ent in reversed([e for e in self.doc.ents if e.end <= span.start and e.label_ == "ORG" and len(e) > 1]):
            if any(t.lemma_.lower() == noun and t.is_title for t in ent):
                return bare_name(ent.text)
        return None

    def _it(self, token: Token) -> str | None:
        """The organisation or country "it" stands for: the subject of a clause it is inside
        ("India launched strikes on what it called “terrorist infrastructure”"), else of the
        sentence before ("The ministry denied the report. It said …"), when that subject is one."""
        subjects = [
            c for a in token.ancestors for c in a.children if c.dep_ == "nsubj" and c.i < token.i and c != token
        ]
        sentence = token.sent
        if not subjects and sentence.start > 0:
            before = token.doc[sentence.start - 1].sent
            subjects = [c for c in before.root.children if c.dep_ == "nsubj"]
        for subject in subjects:
            entity = entity_at(subject)
            if entity is not None and entity.label_ in ("ORG", "GPE"):
                return bare_name(entity.text)
            if subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ == "":
                return None  # "The report … it": a thing, no speaker
        return None

    def resolve_person(self, span: Span) -> Person | None:
        words = [t for t in span if _is_name_word(t)]
        if not words:
            return None
        lowered = [t.lower_ for t in words]
        if len(words) == 1 and lowered[0] in PRONOUNS_MALE | PRONOUNS_FEMALE:
            gender = "male" if lowered[0] in PRONOUNS_MALE else "female"
            return self._recent_subject(span.start_char, gender)
        # A name in the span: the last proper noun that names a known person, when the name is
        # the phrase's head ("Clinton", "Mr. Obama and Hillary Clinton"), not a modifier of another
        # noun ("Clinton supporters", "the Clinton campaign").
        root = span.root
        if root.pos_ == "PROPN" or root.ent_type_ == "PERSON" or len(words) == 1:
            for token in reversed(words):
                if token.pos_ == "PROPN" or token.text[0].isupper():
                    person = self._person_by_word(token.text)
                    if person is not None:
                        return person
        # A title with the name in apposition: "Its president, Klaus Mueller, said" (the span
        # may stop before the apposition: it is the phrase's core).
        heads = [t for t in span if not span.start <= t.head.i < span.end or t.head == t]
        for child in (c for head in heads for c in head.children):
            if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
                person = self._person_by_word(child.text)
                if person is not None:
                    return person
        # A title mention: "the Prime Minister", "the US president".
        titles = [w for w in lowered if w in TITLE_NOUNS]
        if titles:
            others = {_country_word(w) for w in set(lowered) - {"the", "a", "an"} - set(titles)}
            # Every qualifier must agree: "the Democratic nominee" is not the Republican one;
            # a country's name agrees with its demonym ("Canada's foreign minister", "Canadian
            # Foreign Minister Melanie Joly").
            agreeing = [
                p
                for p in self.people
                if all(_holds_title(p, t) for t in titles) and others <= {_country_word(w) for w in p.titles}
            ]
            found = self._last_mentioned(agreeing, span.start_char)
            if found is None and len(agreeing) == 1:
                return agreeing[0]  # named only later: a headline's "Canada's foreign minister says …"
            if found is None and agreeing and self._in_headline(span.start_char):
                # "Senator says deal is 'close'" over a story of two senators: the headline is the
                # lead's, so the one the story names first
                return min(agreeing, key=lambda p: min((s for s, _ in p.mentions), default=len(self.doc.text)))
            return found
        return None

    def _in_headline(self, offset: int) -> bool:
        headline = (story_data(self.doc) or {}).get("headline")
        return headline is not None and int(headline[0]) <= offset < int(headline[1])

    def _recent_subject(self, before: int, gender: str) -> Person | None:
        for at, person, known in reversed(self._subjects):
            if at < before and known in (None, gender):
                return person  # None: the pronoun is an unnamed subject's ("a spokeswoman … she")
        people = [p for p in self.people if p.gender in (None, gender)]
        return self._last_mentioned(people, before)


#: Head nouns of speaker phrases that name an institution, which a country word before them
#: makes a name ("the Russian foreign ministry"); other heads ("official", "diplomat") name no one.
#: Words inside an organisation's name: "Bank of England", "Alternative for Germany".
_NAME_JOINS = frozenset({"of", "for"})
_INSTITUTIONS = frozenset(
    {
        "administration", "agency", "army", "authority", "cabinet", "commission", "committee",
        "council", "court", "embassy", "government", "media", "military", "ministry", "mission",
        "navy", "office", "parliament", "police", "presidency", "regulator", "force", "forces", "guard",
        "legislature", "senate", "congress", "ministries", "department", "service", "services", "medium",
        "campaign", "party", "team",
    }
)  # fmt: skip


#: Head nouns of organisations' names, besides the institutions', that stand for the name ("the bank").
_ORGANISATION_NOUNS = frozenset(
    {
        "association", "bank", "board", "bureau", "center", "centre", "coalition", "company", "corporation",
        "federation", "foundation", "fund", "institute", "league", "organisation", "organization", "party",
        "union", "alliance", "movement", "network", "tribunal", "university",
    }
)  # fmt: skip


def story_days(doc: Doc, people: list[Person]) -> Days | None:
    """The days a story may be of, as far as the tables of office-holders know them: its date
    (their last day, for a story dated after it: office-holders are presumed to stay in office);
    else, undated, the days when the people it gives a current office held it ("US President
    Donald Trump" with "British Prime Minister Keir Starmer": from 2025), on the dateline's month
    and day when it has them. None when nothing tells."""
    data = story_data(doc) or {}
    leaders = default_leaders()
    if data.get("date"):
        try:
            day = dt.date.fromisoformat(str(data["date"]))
        except ValueError:
            return None
        known = leaders.known_until
        if known is None:
            return None
        # after the tables' end, their last day: who held office then is presumed to hold it still
        day = min(day, known)
        return ((day, day),)
    titled = []
    for person in people:
        offices = [phrase for phrase in person.title_phrases if holds_office(phrase)]
        if offices:
            code = next((c for c in map(code_from_title, offices) if c), None)
            titled.append((person.name, offices, code[:3] if code else None))
    dateline = data.get("dateline") or {}
    return leaders.story_days(titled, dateline.get("month"), dateline.get("day"))
