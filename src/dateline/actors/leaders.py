"""Heads of state and government, and ministers, with their dates: codes for people by name.

Two shipped tables. ``data/leaders.tsv`` is compiled from CountryInfo.txt (Philip A. Schrodt,
openeventdata/CountryInfo, CC BY-SA 3.0: the table is shared under the same terms) by
:func:`parse_leaders` in ``scripts/build_event_tables.py``: the ``<Leaders>`` lists (presidents,
prime ministers, kings... from about 1960, after rulers.org) coded country + GOV, and the
``<Government>`` lists (the CIA's World Leaders, 2003-2011) with their own CAMEO codes; it ends
in January 2012. ``data/leaders_recent.tsv`` is dateline's own, written by hand without internet
access (not yet checked row by row against a published source): the heads of state and
government of 73 countries since then, and some foreign and defence ministers, to the
``known-until`` date in its header (mid-2025); ``scripts/update_leaders.py`` rebuilds it from
Wikidata (:data:`WIKIDATA_QUERY`, :func:`rows_from_wikidata`). Neither is complete: a user
dictionary covers the rest and overrides both.

A person gets a code from them only when the text gives none (no user dictionary entry, no title
such as "British Prime Minister"), and only on the days the story may be of
(:meth:`Leaders.known_person`): its date, or, for an undated story, the days when the people it
gives a current office held that office (:meth:`Leaders.story_days`: "US President Donald Trump"
and "British Prime Minister Keir Starmer" make a story of 2025 or later). A full name gets the
code it held on all those days; a surname only when every head of state or government of that
surname at any time had one code ("Mubarak"; not "Hussein", Jordan's king and Iraq's president)
and nobody of that name was in office on some of the days and out on others. A story dated after
the tables' end is read as of their last day: who held office then is presumed to hold it still.
An undated story nobody dates (it may be of any year: "Clinton" in a 2016 campaign story is no
government) gets a code only where the text gives the person a current office ("President
Mubarak", not "former President") and the tables place every office of that name in one
country. A title counts only the offices it names, by the list headings of CountryInfo.txt
("President Bush" is no leader of the Cayman Islands' government business; "King Hussein" is
Jordan's, "President Hussein" Iraq's).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..tables import shipped_tsv
from .dictionary import DatedCode, Entry
from .places import country_info_entries

#: The CountryInfo fields read, and the kind of office each lists.
_KINDS = {"Leaders": "leader", "Government": "minister"}
_RANGE = re.compile(r"\[([A-Z]{3,9})?\s*([<>])?\s*(\d{8})?(?:\s*-\s*(\d{8}))?\]")
_NAME = re.compile(r"[A-Z][A-Z'.\-]*(?:_[A-Z'.\-]+)*_?")


@dataclass(frozen=True)
class Office:
    name: str
    code: str
    start: dt.date | None
    end: dt.date | None
    #: ``leader`` (head of state or government) or ``minister`` (the government lists).
    kind: str
    #: The list a leader is in, as CountryInfo.txt heads it ("presidents", "prime ministers",
    #: "leaders of government business"); empty for ministers.
    office: str = ""


def _day(value: str | None) -> dt.date | None:
    """YYYYMMDD, with the file's impossible days ("20030931") moved to the month's last day."""
    if not value:
        return None
    year, month, day = int(value[:4]), int(value[4:6]), int(value[6:])
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, min(max(day, 1), calendar.monthrange(year, month)[1]))


def _names(entry: str) -> list[str]:
    variants = re.findall(r"\{([^}]*)\}", entry) or [entry]
    out = []
    for variant in variants:
        match = _NAME.match(variant.strip())
        if match:
            name = " ".join(match.group(0).replace("_", " ").lower().split())
            if name:
                out.append(name)
    return out


def parse_leaders(text: str, known_until: dt.date | None = None) -> list[Office]:
    """Every office in CountryInfo.txt: one row per name variant and date range.

    An office still held when the file was made (``[>19990427]``) ends at ``known_until``, the
    file's date: what came after is not known from it."""
    offices: list[Office] = []
    heading = ""
    for country, tag, entry in country_info_entries(text, _KINDS):
        if entry.startswith("<"):
            # a sub-list's tag: "<Presidents>", "<Leaders of government business (…)>", "</Presidents>"
            heading = "" if entry.startswith("</") else _heading(entry)
            continue
        if "[" not in entry:
            continue  # a name with no dates
        head, _, ranges = entry.partition("[")
        for code, side, first, second in _RANGE.findall("[" + ranges):
            if not (first or second) or code.startswith(("B:", "D:")):
                continue
            start, end = _day(first), _day(second)
            if side == "<":  # in office until then
                start, end = None, start
            elif end is None:
                end = known_until
            role = code[3:6] if len(code) >= 6 else "GOV"
            kind = _KINDS[tag]
            for name in _names(head):
                offices.append(Office(name, f"{country}{role}", start, end, kind, heading if kind == "leader" else ""))
    return offices


def _heading(tag: str) -> str:
    """A sub-list's name: "<Prime_ministers (OFFICIAL_POST_FROM 1990)>" → "prime ministers"."""
    name = tag.strip("<>").split("(")[0].split(">")[0]
    return " ".join(name.replace("_", " ").lower().split())


def normal_name(name: str) -> str:
    """Lower case, no accents, hyphens as spaces, the Arabic article as "al": "François
    Mitterrand" → "francois mitterrand", "Omar El-Bashir" → "omar al bashir"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = plain.lower().replace("-", " ").split()
    return " ".join("al" if word == "el" and i < len(words) - 1 else word for i, word in enumerate(words))


@dataclass
class Leaders:
    by_name: dict[str, Entry]
    #: Surname → the (code, office) of every head of state or government of that surname.
    surnames: dict[str, set[tuple[str, str]]]
    #: Full name → the (code, office) of every head of state or government of that name.
    offices: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    #: Full name → the person's times in office as head of state or government.
    tenures: dict[str, list[Tenure]] = field(default_factory=dict)
    #: Surname → the full names of the heads of state or government of that surname.
    holders: dict[str, set[str]] = field(default_factory=dict)
    #: Full name → its spelling in the news ("Volodymyr Zelensky"), where the table keeps one.
    display: dict[str, str] = field(default_factory=dict)
    #: The last day the tables know office-holders on.
    known_until: dt.date | None = None

    def code(self, name: str, day: dt.date | None, title: Iterable[Sequence[str]] = ()) -> str | None:
        """The code of ``name`` on ``day``; a surname alone only when every head of state or
        government of that surname (whose office the ``title`` phrases name, when they name
        one: "President Bush") held the same code."""
        key = normal_name(name)
        entry = self.by_name.get(key)
        code = entry.code_on(day) if entry is not None else None
        if " " in key:
            return code
        # One word: a surname, or a leader known by one name ("Suharto"); all must agree
        # ("Hussein" is Jordan's king and Iraq's president: no code).
        pairs = self.surnames.get(key, set())
        codes = _titled(pairs, office_titles(title)) or {code for code, _ in pairs}
        codes |= {code} if code else set()
        return next(iter(codes)) if len(codes) == 1 else None

    def office_code(self, name: str, title: Iterable[Sequence[str]] = ()) -> str | None:
        """The one code the table gives ``name`` at any time (its one country's government when
        the name held several offices there), or None: not in the table, or in two countries'
        lists. For a person the text gives an office ("President Mubarak") in an undated story;
        when the ``title`` phrases name the office, only offices of that kind count ("President
        Bush" is no leader of the Cayman Islands' government business)."""
        key = normal_name(name)
        entry = self.by_name.get(key)
        codes = {dated.code for dated in entry.codes} if entry is not None else set()
        pairs = set(self.offices.get(key, set()))
        if " " not in key:
            pairs |= self.surnames.get(key, set())
            codes |= {code for code, _ in pairs}
        codes = _titled(pairs, office_titles(title)) or codes
        countries = {code[:3] for code in codes}
        if len(countries) != 1:
            return None
        return next(iter(codes)) if len(codes) == 1 else f"{next(iter(countries))}GOV"

    def story_days(
        self,
        titled: Iterable[tuple[str, Sequence[Sequence[str]], str | None]],
        month: int | None = None,
        day: int | None = None,
    ) -> Days | None:
        """The days an undated story may be of, from the offices it gives people: "US President
        Donald Trump" and "British Prime Minister Keir Starmer" together are of 2025 or later.

        ``titled`` holds each person's name, title phrases and the title's country (or None).
        Every person the text gives a current office ("President", not "former President") and
        the tables know in that office (of that country, when the title names one) narrows the
        days to their times in it. None when no one narrows them, when two people's times do not
        meet, or when the dateline's month and day (``month``, ``day``) fall on none of them."""
        ranges: list[tuple[dt.date, dt.date]] | None = None
        until = self.known_until or dt.date.max
        for name, phrases, country in titled:
            named = office_titles(phrases)
            if not named:
                continue
            key = normal_name(name)
            people = [key] if " " in key else sorted(self.holders.get(key, set()) | {key})
            spans = [
                tenure.span(until)
                for person in people
                for tenure in self.tenures.get(person, [])
                if _names_office(tenure.office, named) and (country is None or tenure.code[:3] == country)
            ]
            if not spans:
                continue  # not in the tables: it says nothing about the date
            ranges = _merged(spans) if ranges is None else _intersection(ranges, _merged(spans))
            if not ranges:
                return None
        if not ranges:
            return None
        if month is None or day is None:
            return tuple(ranges)
        days = []
        for first, last in ranges:
            for year in range(max(first.year, 1900), min(last.year, until.year) + 1):
                try:
                    candidate = dt.date(year, month, day)
                except ValueError:
                    continue
                if first <= candidate <= last:
                    days.append((candidate, candidate))
        return tuple(days) or None

    def known_person(self, name: str, days: Days) -> tuple[str | None, str | None]:
        """The code ``name`` holds on every one of ``days``, and the full name it stands for
        when it is one person's surname ("Zelensky" → "Volodymyr Zelensky").

        Everyone the name may be (the full name, or every head of state or government of that
        surname) counts: each must hold one code on all the days or be out of office on all of
        them, and those in office must agree; a surname also only when all its holders, at any
        time, were of one code ("Johnson" is a British prime minister's and a US president's:
        the story may mean either); otherwise (None, None)."""
        key = normal_name(name)
        if " " not in key and len({code for code, _ in self.surnames.get(key, set())}) > 1:
            return None, None
        people = {key} if " " in key else self.holders.get(key, set()) | {key}
        codes: set[str] = set()
        serving: list[str] = []
        for person in sorted(people):
            entry = self.by_name.get(person)
            if entry is None:
                continue
            held = [dated for dated in entry.codes if any(_overlaps(dated, first, last) for first, last in days)]
            if not held:
                continue
            code = _covering_code(held, days, self.known_until)
            if code is None:
                return None, None  # in office on some of the days only: the story may be of either
            codes.add(code)
            serving.append(person)
        if len(codes) != 1:
            return None, None
        # one person, however many spellings the tables give ("Donald Trump", "Donald J. Trump")
        spelled = {self.display.get(person) for person in serving}
        full = spelled.pop() if len(spelled) == 1 and key not in serving else None
        return next(iter(codes)), full


def _overlaps(dated: DatedCode, first: dt.date, last: dt.date) -> bool:
    return (dated.start is None or dated.start <= last) and (dated.end is None or first <= dated.end)


def _covering_code(held: Sequence[DatedCode], days: Days, until: dt.date | None) -> str | None:
    """The one code whose dated ranges together cover every range of ``days``, or None."""
    found = None
    for code in sorted({dated.code for dated in held}):
        spans = _merged([(d.start or dt.date.min, d.end or until or dt.date.max) for d in held if d.code == code])
        if all(any(a <= first and last <= b for a, b in spans) for first, last in days):
            if found is not None:
                return None
            found = code
    return found


def _merged(spans: Iterable[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Date ranges joined where they overlap or touch (a term that ends the day the next begins)."""
    out: list[tuple[dt.date, dt.date]] = []
    for first, last in sorted(spans):
        if out and first <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _intersection(a: list[tuple[dt.date, dt.date]], b: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    return [(max(x0, y0), min(x1, y1)) for x0, x1 in a for y0, y1 in b if max(x0, y0) <= min(x1, y1)]


def _titled(pairs: set[tuple[str, str]], titles: set[str]) -> set[str]:
    """The codes of the (code, office) pairs whose office the titles name (none without titles)."""
    return {code for code, office in pairs if _names_office(office, titles)} if titles else set()


#: Titles of heads of state and government; a title with one of the qualifiers names a past
#: office. Ministers' titles are left out: news keeps them as honorifics after the office
#: ("Secretary Clinton" in 2016), and "Secretary General" is the UN's.
OFFICE_TITLES = frozenset({"president", "premier", "king", "queen", "emir", "sultan", "chancellor", "prime minister"})
PAST_QUALIFIERS = frozenset({"former", "ex", "late", "then"})
_DEPUTY = "vice "
#: The words of CountryInfo.txt's list headings that each title names ("premiers", "kings/queens").
_HEADINGS = {
    "president": ("president",),
    "prime minister": ("prime minister", "premier"),
    "premier": ("premier", "prime minister"),
    "king": ("king", "monarch"),
    "queen": ("queen", "monarch"),
    "emir": ("emir",),
    "sultan": ("sultan",),
    "chancellor": ("chancellor",),
}


def _phrases(title: Sequence[str]) -> set[str]:
    words = [w.lower().strip(".,") for w in title]
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


def holds_office(title: Sequence[str]) -> bool:
    """Whether a title phrase ("President", "Vice President", "Prime Minister") names a current
    office of a head of state or government ("Former President" does not)."""
    phrases = _phrases(title)
    return bool(phrases & OFFICE_TITLES) and not phrases & PAST_QUALIFIERS


def office_titles(titles: Iterable[Sequence[str]]) -> set[str]:
    """The current offices title phrases name: [["US", "President"]] → {"president"},
    [["Vice", "President"]] → {"vice president"}."""
    found: set[str] = set()
    for title in titles:
        if holds_office(title):
            phrases = _phrases(title)
            named = phrases & OFFICE_TITLES
            deputies = {_DEPUTY + t for t in named if _DEPUTY + t in phrases}
            found |= deputies or named
    return found


def _names_office(heading: str, titles: set[str]) -> bool:
    """Whether a list heading ("presidents", "vice-presidents", "kings/queens") is of an office
    the titles name; a deputy's list only for a deputy's title."""
    heading = heading.replace("-", " ")
    deputy = _DEPUTY in heading
    return any(
        title.startswith(_DEPUTY) == deputy
        and any(word in heading for word in _HEADINGS.get(title.removeprefix(_DEPUTY), (title,)))
        for title in titles
    )


#: A story's possible days: inclusive (first, last) ranges.
Days = tuple[tuple[dt.date, dt.date], ...]


@dataclass(frozen=True)
class Tenure:
    """A head of state or government's time in one office."""

    code: str
    office: str
    start: dt.date | None
    end: dt.date | None

    def span(self, until: dt.date) -> tuple[dt.date, dt.date]:
        return self.start or dt.date.min, self.end or until


@cache
def default_leaders() -> Leaders:
    """The shipped tables: CountryInfo.txt's offices (to January 2012) and the hand-kept table
    of office-holders since (``data/leaders_recent.tsv``, to its ``known-until`` date)."""
    by_name: dict[str, Entry] = {}
    surnames: dict[str, set[tuple[str, str]]] = defaultdict(set)
    offices: dict[str, set[tuple[str, str]]] = defaultdict(set)
    tenures: dict[str, list[Tenure]] = defaultdict(list)
    holders: dict[str, set[str]] = defaultdict(set)
    display: dict[str, str] = {}
    recent_until = _known_until("data/leaders_recent.tsv")
    rows: list[tuple[dict[str, str], dt.date | None]] = [
        (row, None) for row in shipped_tsv("dateline.actors", "data/leaders.tsv")
    ]
    rows += [(row, recent_until) for row in shipped_tsv("dateline.actors", "data/leaders_recent.tsv")]
    for row, until in rows:
        spellings = [n.strip() for n in row["name"].split("|") if n.strip()]
        first, last = (dt.date.fromisoformat(d) if d else None for d in (row["from"], row["to"]))
        last = last or until  # the hand-kept table: in office on its known-until date
        surname = normal_name(row.get("surname") or "")
        for spelling in spellings:
            key = normal_name(spelling)
            if until is not None:  # the hand-kept table spells names as the news does
                display.setdefault(key, spellings[0])
            entry = by_name.setdefault(key, Entry(name=key))
            entry.codes.append(DatedCode(row["code"], first, last))
            if row["kind"] != "leader":
                continue
            office = (row["code"], row.get("office") or "")
            offices[key].add(office)
            tenures[key].append(Tenure(row["code"], office[1], first, last))
            words = key.split()
            if len(words) > 1 and _REGNAL.fullmatch(words[-1]):
                words.pop()  # "hassan ii" is "King Hassan", not a surname "ii"
            family = surname or words[-1]
            if " " in family:  # "Peña Nieto", "Hun Sen": the family name is itself a full name
                by_name.setdefault(family, Entry(name=family)).codes.append(DatedCode(row["code"], first, last))
            elif len(words) > 1 or words[0] != key:
                surnames[family].add(office)
                holders[family].add(key)
    known = max((d for e in by_name.values() for c in e.codes for d in (c.end,) if d), default=None)
    # An office CountryInfo.txt saw still held when it was made ends on its date only because
    # nothing later is known: where the hand-kept table does not go on with it, it may have
    # lasted, and dating a story by it ("Gambian President Yahya Jammeh") must not stop there.
    cut = max((dt.date.fromisoformat(row["to"]) for row, until in rows if until is None and row["to"]), default=None)
    for key, held in tenures.items():
        recent = {(t.code, t.office) for t in held if t.start is not None and cut is not None and t.start >= cut}
        tenures[key] = [
            Tenure(t.code, t.office, t.start, None) if t.end == cut and (t.code, t.office) not in recent else t
            for t in held
        ]
    return Leaders(by_name, dict(surnames), dict(offices), dict(tenures), dict(holders), display, known)


def _known_until(name: str) -> dt.date | None:
    """The ``# known-until: YYYY-MM-DD`` line of a shipped table's header."""
    from importlib import resources

    text = resources.files("dateline.actors").joinpath(name).read_text(encoding="utf-8")
    found = re.search(r"^#\s*known-until:\s*(\d{4}-\d{2}-\d{2})", text, re.MULTILINE)
    return dt.date.fromisoformat(found.group(1)) if found else None


_REGNAL = re.compile(r"[ivx]+")


# --- keeping leaders_recent.tsv up to date (scripts/update_leaders.py) --------------------------

#: The Wikidata query whose JSON results :func:`rows_from_wikidata` reads: every holder of a
#: sovereign state's head-of-state office (P1906) or head-of-government office (P1313), or of
#: one of its foreign or defence minister posts (an office that applies to the state, P1001,
#: with such an English label), with the start (P580) and end (P582) of each term, from
#: ``SINCE``. Run it at https://query.wikidata.org (download as JSON).
WIKIDATA_QUERY = """\
SELECT ?iso ?personLabel ?officeLabel ?kind ?start ?end WHERE {
  ?country wdt:P31 wd:Q3624078 ; wdt:P298 ?iso .
  { ?country wdt:P1906 ?office . BIND("head of state" AS ?kind) }
  UNION { ?country wdt:P1313 ?office . BIND("head of government" AS ?kind) }
  UNION { ?office wdt:P1001 ?country ; rdfs:label ?name .
          FILTER(LANG(?name) = "en" && REGEX(?name, "(foreign|defen[cs]e) (minister|secretary)|\
(minister|secretary) (of|for) (foreign affairs|defen[cs]e)", "i"))
          BIND("minister" AS ?kind) }
  ?person p:P39 ?term . ?term ps:P39 ?office ; pq:P580 ?start .
  OPTIONAL { ?term pq:P582 ?end }
  FILTER(!BOUND(?end) || ?end >= "SINCE"^^xsd:dateTime)
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}"""

#: Words of an office's name → the list heading the table uses for it ("President of Ukraine"
#: → "presidents"); the headings match CountryInfo.txt's, which titles in the text are read by.
_OFFICE_HEADINGS = (
    ("vice president", "vice-presidents"),
    ("prime minister", "prime ministers"),
    ("premier", "premiers"),
    ("chancellor", "chancellors"),
    ("president", "presidents"),
    ("emir", "emirs"),
    ("sultan", "sultans"),
    ("king", "kings"),
    ("queen", "kings/queens"),
    ("monarch", "kings/queens"),
    ("supreme leader", "supreme leaders"),
)

TABLE_COLUMNS = ("name", "code", "from", "to", "kind", "office", "surname")


def office_heading(office: str) -> str:
    """The list heading of an office's name: "Prime Minister of the United Kingdom" → "prime ministers"."""
    name = office.lower()
    for words, heading in _OFFICE_HEADINGS:
        if re.search(rf"\b{words}\b", name):  # not the "king" of "Kingdom"
            return heading
    return " ".join(name.split(" of ")[0].split()) + "s"


def rows_from_wikidata(results: dict[str, Any], since: dt.date) -> list[dict[str, str]]:
    """Table rows (``TABLE_COLUMNS``) from the JSON results of :data:`WIKIDATA_QUERY`: one per
    term, coded country + GOV; terms that ended before ``since`` and rows without a person's
    name (an unlabelled item, "Q12345") are left out."""
    rows: dict[tuple[str, ...], dict[str, str]] = {}
    for binding in results.get("results", {}).get("bindings", []):
        value = {key: str(field.get("value", "")) for key, field in binding.items()}
        name, iso = value.get("personLabel", "").strip(), value.get("iso", "").strip().upper()
        start, end = (_wikidata_day(value.get(key)) for key in ("start", "end"))
        if not name or re.fullmatch(r"Q\d+", name) or len(iso) != 3 or start is None:
            continue
        if end is not None and end < since:
            continue
        kind = "minister" if value.get("kind") == "minister" else "leader"
        row = {
            "name": name,
            "code": f"{iso}GOV",
            "from": start.isoformat(),
            "to": end.isoformat() if end else "",
            "kind": kind,
            "office": office_heading(value.get("officeLabel", "")) if kind == "leader" else "",
            "surname": "",
        }
        rows[tuple(row.values())] = row
    return sorted(rows.values(), key=lambda r: (r["code"], r["kind"], r["office"], r["from"], r["name"]))


def _wikidata_day(value: str | None) -> dt.date | None:
    """ "2019-05-20T00:00:00Z" → 2019-05-20 (a year-only date, "2019-00-00", → 1 January)."""
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    return dt.date(year, max(month, 1), max(day, 1))


def keep_spellings(rows: list[dict[str, str]], current: list[dict[str, str]]) -> list[dict[str, str]]:
    """Carry the current table's spellings and family names over to new rows of the same person
    (a spelling in common and the same code): Wikidata's "Volodymyr Zelenskyy" keeps the news's
    "Volodymyr Zelensky" as its first, display spelling."""
    known: dict[tuple[str, str], dict[str, str]] = {}
    for row in current:
        for spelling in row["name"].split("|"):
            known.setdefault((normal_name(spelling), row["code"]), row)
    out = []
    for row in rows:
        old = known.get((normal_name(row["name"]), row["code"]))
        if old is not None:
            spellings = old["name"].split("|")
            spellings += [row["name"]] if normal_name(row["name"]) not in map(normal_name, spellings) else []
            row = {**row, "name": "|".join(spellings), "surname": old.get("surname") or ""}
        out.append(row)
    return out
