"""Organisations that are actors by their name: IGOs, NGOs and armed non-state groups.

The shipped table (``data/organisations.tsv``) is compiled by :func:`parse_organisations` in
``scripts/build_event_tables.py`` from two PETRARCH-2 actor dictionaries (openeventdata/petrarch2,
MIT): ``Phoenix.International.actors.txt`` (intergovernmental and non-governmental
organisations: "Amnesty International" → ``NGOHRIAMN``, "International Labor Organization" →
``IGOUNOLABILO``) and ``Phoenix.MilNonState.actors.txt`` (armed groups, after START's TOPS
database: "Taliban" → ``AFGREB``, "Hezbollah" → ``LBNREB``). Multinational companies (``MNC…``)
are left out, and so are entries whose code is dated (people) or whose first three letters are
neither a country (ISO 3166 alpha-3) nor one of CAMEO's regional and generic codes. A name
given two codes keeps the one country's code among them, if there is one, and is left out
otherwise.

``data/organisations_recent.tsv`` adds, by hand, groups prominent in wire copy since 2015 (the
Houthis, the Rapid Support Forces, Hayat Tahrir al-Sham…) and its rows win over the compiled
table's; its header says where it comes from.

The actors component asks the table last, for a name the parser tags as an organisation, after
the user's dictionary, country names, seats of government and dateline's own IGO codes (so
"NATO" stays ``NAT``). Names are matched whole and case-insensitively ("the Taliban" as
"Taliban"); a surname-like part of a name ("Front", "Army") matches nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..tables import name_key, shipped_names
from .places import is_country

#: CAMEO's codes for regions and for actors of no one country, allowed as a code's first letters.
GENERIC = frozenset(
    {"IGO", "NGO", "IMG", "INT"}
    | {"AFR", "ASA", "CAS", "CFR", "EAF", "EEU", "EUR", "LAM", "MEA", "NAF", "NMR", "SAF", "SAM", "SAS", "SEA"}
    | {"WAF", "WEU"}
)
#: The role codes a national institution's code must carry after its country (``DEUGOVLEG``,
#: ``USASPY``); the Phoenix country dictionary also lists territories (``GBRGIB``), left out.
NATIONAL_ROLES = frozenset(
    {"GOV", "MIL", "REB", "OPP", "LEG", "JUD", "COP", "SPY", "ELI", "BUS", "EDU", "MED", "HLH", "ENV", "LAB"}
    | {"CVL", "DEV", "AGR", "PTY", "REF", "CRM", "UAF", "RAD", "MOD"}
)
#: The kind of rows taken from a country dictionary's national institutions.
NATIONAL = "national institution"
#: Words the Phoenix country dictionary gives one country that name an institution of many.
_GENERIC_NAMES = frozenset({"senate", "occupied"})
_CODE = re.compile(r"\[([^\]]+)\]")
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)\s*")


def petrarch_date(text: str) -> str:
    """``950601`` or ``19950601`` → ``1995-06-01`` (two-digit years above 30 are 19xx)."""
    digits = text.strip()
    if len(digits) == 6:
        digits = ("19" if int(digits[:2]) > 30 else "20") + digits
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"


def parse_code(block: str) -> dict[str, str] | None:
    """``HOBGOV 19950601 - 19990815`` / ``HOB < 950601`` / ``HOBREB > 990816`` / ``GON`` → a dated code."""
    parts = block.split()
    if not parts or parts[0].startswith("-"):
        return None
    rest = "".join(parts[1:])
    item: dict[str, str] = {"code": parts[0]}
    if rest.startswith("<"):
        item["to"] = petrarch_date(rest[1:])
    elif rest.startswith(">"):
        item["from"] = petrarch_date(rest[1:])
    elif "-" in rest:
        start, end = rest.split("-", 1)
        item["from"], item["to"] = petrarch_date(start), petrarch_date(end)
    for key in ("from", "to"):
        if key in item:
            try:
                dt.date.fromisoformat(item[key])
            except ValueError:
                return None  # a typo in the source file ("9008223"): the code is left out
    return item


def parse_petrarch_actors(text: str) -> list[dict[str, Any]]:
    """Entries of a PETRARCH actor dictionary as ``{"name", "aliases", "codes"}`` (a dateline user
    dictionary's shape): ``NAME [CODE]`` lines, ``+SYNONYM`` lines and indented dated code blocks
    (``[HOBGOV 19950601 - 19990815]``); ``_`` stands for a space. Entries with no code are dropped."""
    entries: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+") and current is not None:
            current["aliases"].append(line[1:].strip().replace("_", " "))
            continue
        codes = [c for c in (parse_code(m) for m in _CODE.findall(line)) if c]
        if raw[:1] in (" ", "\t") and current is not None:
            current["codes"].extend(codes)
            continue
        name = _CODE.sub("", line).strip().replace("_", " ")
        if name:
            current = {"name": name.title(), "aliases": [], "codes": codes}
            entries.append(current)
    return [e for e in entries if e["codes"]]


def _valid(code: str) -> bool:
    prefix = code[:3]
    return code.isalpha() and (prefix in GENERIC or is_country(prefix))


def _keys(name: str) -> Iterable[str]:
    """Lookup keys of a dictionary name: lower case, no leading "the"; a name with an acronym in
    brackets ("Moro Islamic Liberation Front (MILF)") gives the name without it and the acronym."""
    flat = " ".join(name.lower().split()).strip(" .,")
    found = [flat]
    bracket = _PARENTHESIS.search(flat)
    if bracket:
        found = [_PARENTHESIS.sub(" ", flat).strip()]
        inner = bracket.group(1).strip()
        if re.fullmatch(r"[a-z]{3,}", inner):
            found.append(inner)
    for key in found:
        key = key.removeprefix("the ")
        if len(key) >= 3 and key.isprintable() and not any(c in key for c in "()[]{}<>!&\ufffd"):
            yield key


def parse_organisations(files: dict[str, str]) -> list[tuple[str, str, str]]:
    """``(name, code, kind)`` rows from PETRARCH actor dictionaries (``files``: a kind for each
    file's text, e.g. ``{"armed group": …}``; an IGO, NGO or MNC code sets its own kind). From a
    file of kind :data:`NATIONAL` (the country dictionary) only codes with a role are kept: the
    national institutions ("Bundestag" → ``DEUGOVLEG``, "Mossad" → ``ISRSPY``)."""
    codes: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str] = {}
    for file_kind, text in files.items():
        for entry in parse_petrarch_actors(text):
            undated = [c["code"] for c in entry["codes"] if "from" not in c and "to" not in c]
            if file_kind == NATIONAL and not undated:
                # the country dictionary dates the groups it lists since ("The Islamic State"
                # [IMGMUSISI >20130408]); its dated state codes are people's offices
                undated = [c["code"] for c in entry["codes"] if "to" not in c and c["code"].startswith("IMG")]
            if not undated or len(undated) != len(entry["codes"]):
                continue  # a person, or an office held for a time
            code = undated[0]
            if code.startswith("MNC") or not _valid(code):
                continue
            if file_kind == NATIONAL and code[3:6] not in NATIONAL_ROLES and not code.startswith("IMG"):
                continue  # a country or a territory: the country tables know those
            kind = {"IGO": "igo", "NGO": "ngo", "IMG": "armed group"}.get(code[:3], file_kind)
            for name in (entry["name"], *entry["aliases"]):
                for key in _keys(name):
                    if key in _GENERIC_NAMES:
                        continue
                    codes[key].add(code)
                    kinds.setdefault(key, kind)
    rows = []
    for key, found in codes.items():
        # Two codes for one name: a country's wins over a region's or a generic one ("Moro Islamic
        # Liberation Front" is PHLREB and IMGSEAMUSASF); two countries' codes leave the name out.
        national = {code for code in found if code[:3] not in GENERIC}
        chosen = found if len(found) == 1 else national
        if len(chosen) == 1:
            rows.append((key, next(iter(chosen)), kinds[key]))
    return sorted(rows)


@cache
def organisation_codes() -> dict[str, str]:
    """The shipped organisation names and their codes: ``data/organisations.tsv`` (PETRARCH-2's
    dictionaries), with ``data/organisations_recent.tsv`` (groups prominent since, written by
    hand; see its header) over it."""
    table = dict(shipped_names("dateline.actors", "data/organisations.tsv", "code"))
    table.update(shipped_names("dateline.actors", "data/organisations_recent.tsv", "code"))
    return table


def organisation_code(name: str) -> str | None:
    """The CAMEO code of an organisation named exactly ``name`` ("the Taliban" → ``AFGREB``), else None."""
    return organisation_codes().get(name_key(name))


def organisation_phrases() -> list[str]:
    """Names of the shipped tables worth finding where the parser tags no entity: those of two
    words or more ("Islamic State", which the parser reads as a nationality and a noun); a
    one-word name is left to the parser, which tags the rest ("Hamas", "Mossad")."""
    return [name for name in organisation_codes() if " " in name]
