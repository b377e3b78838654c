"""Heads of state and government, and ministers, with their dates: codes for people by name.

The shipped table (``data/leaders.tsv``) is compiled from CountryInfo.txt (Philip A. Schrodt,
openeventdata/CountryInfo, CC BY-SA 3.0: the table is shared under the same terms) by
:func:`parse_leaders` in ``scripts/build_event_tables.py``: the ``<Leaders>`` lists (presidents,
prime ministers, kings... from about 1960, after rulers.org) coded country + GOV, and the
``<Government>`` lists (the CIA's World Leaders, 2003-2011) with their own CAMEO codes. The
file ends in early 2012: nobody who took office later is in it (no Trump, Starmer or Zelensky),
so a user dictionary is still needed for current office-holders, and a rebuilt table from a
newer CountryInfo.txt replaces this one (run the build script again).

A person gets a code from it only when the text gives none (no user dictionary entry, no title
such as "British Prime Minister"), by full name, or by surname alone when every head of state or
government of that surname has the same code ("Mubarak", "Bush"): a surname shared by people of
two countries stays uncoded. In a dated story the office must cover the story's date. A story
after the table's end, or an undated one (it may be of any year: "Clinton" in a 2016 campaign
story is no government), gets a code only where the text gives the person a current office
("President Mubarak", not "former President") and the table places every office of that name in
one country. A title counts only the offices it names, by the list headings of CountryInfo.txt
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
    """Lower case, no accents, hyphens as spaces: "François Mitterrand" → "francois mitterrand"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.lower().replace("-", " ").split())


@dataclass
class Leaders:
    by_name: dict[str, Entry]
    #: Surname → the (code, office) of every head of state or government of that surname.
    surnames: dict[str, set[tuple[str, str]]]
    #: Full name → the (code, office) of every head of state or government of that name.
    offices: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

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


@cache
def default_leaders() -> Leaders:
    by_name: dict[str, Entry] = {}
    surnames: dict[str, set[tuple[str, str]]] = defaultdict(set)
    offices: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in shipped_tsv("dateline.actors", "data/leaders.tsv"):
        key = normal_name(row["name"])
        entry = by_name.setdefault(key, Entry(name=key))
        first, last = (dt.date.fromisoformat(d) if d else None for d in (row["from"], row["to"]))
        entry.codes.append(DatedCode(row["code"], first, last))
        if row["kind"] == "leader":
            office = (row["code"], row.get("office") or "")
            offices[key].add(office)
            words = key.split()
            if len(words) > 1 and _REGNAL.fullmatch(words[-1]):
                words.pop()  # "hassan ii" is "King Hassan", not a surname "ii"
            if len(words) > 1 or words[0] != key:
                surnames[words[-1]].add(office)
    return Leaders(by_name, dict(surnames), dict(offices))


_REGNAL = re.compile(r"[ivx]+")
