"""Places that stand for their country in event data: capitals, major cities, regions, other
country names.

Event coders in the PETRARCH tradition code a city by its country: "Iraqi President Saddam
Hussein arrived in Amman" is Iraq visiting Jordan, "shelling near Rafah" hits the Palestinian
territories, "exercises in Alaska" are in the United States. The shipped table
(``data/places.tsv``) holds the capitals, major cities, regions (states, provinces: its
WordNet meronyms, less a few that straddle borders) and country-name variants ("Kingdom of
Jordan", "Burma") of CountryInfo.txt (Philip A. Schrodt,
openeventdata/CountryInfo, CC BY-SA 3.0: the table is shared under the same terms), compiled by
:func:`parse_country_info` in ``scripts/build_event_tables.py``. A name CountryInfo gives to two
countries is left out.

The actors component uses it only for names the parser tags as places or nationalities (GPE,
NORP), and only after the country names, the seats of government ("Washington", "the Kremlin")
and the user's dictionary: a user dictionary entry for a city wins.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..tables import name_key, shipped_names

#: The CountryInfo fields the table is built from, and the kind each becomes.
FIELDS = {"Nationality": "name", "Capital": "capital", "MajorCities": "city", "Regions": "region"}
#: Regions CountryInfo gives one country that news also uses for a neighbour's part of them
#: (Tyrol is Austria's as much as Italy's, Epirus Greece's as much as Albania's): left out.
CROSS_BORDER = {"kurdistan", "epirus", "galicia", "karelia", "tyrol", "mesopotamia", "kashmir", "punjab", "bengal"}
#: Names CountryInfo.120116 gives to a second country by a slip, and the country they are:
#: Montenegro's block lists Belgrade (and Beograd, "dup on SERBIA_AND_MONTENEGRO") among its
#: capitals and the Serbian block lists "Montenegrin" among Serbia's names, so both would be
#: dropped as ambiguous.
SLIPS = {"belgrade": "SRB", "beograd": "SRB", "montenegrin": "MNE"}
#: Old names CountryInfo gives a city that news now uses for another place: left out
#: (Ragusa is Dubrovnik's old name and a city in Sicily).
ELSEWHERE = {"ragusa"}
#: A country block; comment lines may come before its code (the former Yugoslav republics
#: keep their historical codes there: ``#<CountryCode>[YUGSRB <20920427]...``).
_BLOCK = re.compile(r"<Country>\s*\n((?:#[^\n]*\n)*<CountryCode>.*?)</Country>", re.S)
_CODES = re.compile(r"<(?:CountryCode|ISO3166-alpha3)>([A-Z]+)</")


def is_country(code: str) -> bool:
    """Whether ``code`` is an ISO3 country code (not a region's, such as EUR, or a group's)."""
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def iso3_of_block(block: str) -> str | None:
    """The block's country: its CAMEO country code when that is an ISO3 code (CountryInfo's ISO
    field has slips: Japan "JON", Myanmar "MOZ"), else its ISO3 field ("USAASM" → ASM)."""
    for code in _CODES.findall(block):
        if len(code) == 3 and is_country(code):
            return str(code)
    return None


def country_info_entries(text: str, tags: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """``(ISO3, tag, entry)`` for every line of the ``tags`` fields of CountryInfo.txt's country
    blocks, comments (``# …``) cut off; blocks with no ISO3 country are skipped."""
    for block in _BLOCK.findall(text):
        code = iso3_of_block(block)
        if code is None:
            continue
        for tag in tags:
            body = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
            for line in body.group(1).splitlines() if body else ():
                entry = line.split("#")[0].strip()
                if entry:
                    yield code, tag, entry


def parse_country_info(text: str) -> list[tuple[str, str, str]]:
    """``(name, ISO3, kind)`` rows from CountryInfo.txt, lower-cased, sorted; ambiguous names dropped.

    Entries are written ``KINGDOM_OF_JORDAN_`` (``_`` for spaces); entries with brackets or
    braces (``JORDAN_(COUNTRY)``, leaders' date ranges) are skipped. A name in :data:`SLIPS`
    goes to the country it names there when CountryInfo gives it that country among others.
    """
    seen: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str] = {}
    for code, tag, entry in country_info_entries(text, FIELDS):
        if any(c in entry for c in "()[]{}<>\ufffd") or not entry.isprintable():
            continue
        name = " ".join(entry.replace("_", " ").lower().split())
        if name and name not in ELSEWHERE and not (tag == "Regions" and name in CROSS_BORDER):
            seen[name].add(code)
            kinds.setdefault(name, FIELDS[tag])
    for name, code in SLIPS.items():
        if code in seen.get(name, ()):
            seen[name] = {code}
    return sorted((name, next(iter(codes)), kinds[name]) for name, codes in seen.items() if len(codes) == 1)


def place_country(name: str) -> str | None:
    """ISO3 of the country a place or country-name variant stands for ("Amman" → JOR), else None."""
    return shipped_names("dateline.actors", "data/places.tsv", "iso3").get(name_key(name))
