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
one country.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
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
    for country, tag, entry in country_info_entries(text, _KINDS):
        if entry.startswith("<") or "[" not in entry:
            continue  # a sub-list's tag ("<Presidents>"), or a name with no dates
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
            for name in _names(head):
                offices.append(Office(name, f"{country}{role}", start, end, _KINDS[tag]))
    return offices


def normal_name(name: str) -> str:
    """Lower case, no accents, hyphens as spaces: "François Mitterrand" → "francois mitterrand"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.lower().replace("-", " ").split())


@dataclass
class Leaders:
    by_name: dict[str, Entry]
    #: Surname → the codes heads of state and government of that surname held.
    surnames: dict[str, set[str]]

    def code(self, name: str, day: dt.date | None) -> str | None:
        key = normal_name(name)
        entry = self.by_name.get(key)
        code = entry.code_on(day) if entry is not None else None
        if " " in key:
            return code
        # One word: a surname, or a leader known by one name ("Suharto"); all must agree
        # ("Hussein" is Jordan's king and Iraq's president: no code).
        codes = set(self.surnames.get(key, set())) | ({code} if code else set())
        return next(iter(codes)) if len(codes) == 1 else None

    def office_code(self, name: str) -> str | None:
        """The one code the table gives ``name`` at any time (its one country's government when
        the name held several offices there), or None: not in the table, or in two countries'
        lists. For a person the text gives an office ("President Mubarak") in an undated story."""
        key = normal_name(name)
        entry = self.by_name.get(key)
        codes = {dated.code for dated in entry.codes} if entry is not None else set()
        if " " not in key:
            codes |= self.surnames.get(key, set())
        countries = {code[:3] for code in codes}
        if len(countries) != 1:
            return None
        return next(iter(codes)) if len(codes) == 1 else f"{next(iter(countries))}GOV"


#: Titles of heads of state and government; a title with one of the qualifiers names a past
#: office. Ministers' titles are left out: news keeps them as honorifics after the office
#: ("Secretary Clinton" in 2016), and "Secretary General" is the UN's.
OFFICE_TITLES = frozenset({"president", "premier", "king", "queen", "emir", "sultan", "chancellor", "prime minister"})
PAST_QUALIFIERS = frozenset({"former", "ex", "late", "then"})


def holds_office(title: list[str]) -> bool:
    """Whether a title phrase ("President", "Vice President", "Prime Minister") names a current
    office of a head of state or government ("Former President" does not)."""
    words = [w.lower().strip(".,") for w in title]
    phrases = set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}
    return bool(phrases & OFFICE_TITLES) and not phrases & PAST_QUALIFIERS


@cache
def default_leaders() -> Leaders:
    by_name: dict[str, Entry] = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    for row in shipped_tsv("dateline.actors", "data/leaders.tsv"):
        key = normal_name(row["name"])
        entry = by_name.setdefault(key, Entry(name=key))
        first, last = (dt.date.fromisoformat(d) if d else None for d in (row["from"], row["to"]))
        entry.codes.append(DatedCode(row["code"], first, last))
        if row["kind"] == "leader" and " " in key:
            surnames[key.rsplit(" ", 1)[1]].add(row["code"])
    return Leaders(by_name, dict(surnames))
