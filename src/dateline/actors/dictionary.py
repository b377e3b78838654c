"""The user actor dictionary: names, aliases and codes with date ranges; it overrides everything.

YAML::

    - name: Keir Starmer
      aliases: [Sir Keir, Starmer]
      codes:
        - {code: GBROPP, from: 2020-04-04, to: 2024-07-04}
        - {code: GBRGOV, from: 2024-07-05}

CSV (one row per code; aliases separated by ``|``)::

    name,code,from,to,aliases
    Keir Starmer,GBRGOV,2024-07-05,,Sir Keir|Starmer

A code applies on the story's date (its dateline or page date) when that date lies in its range;
a story without a date gets the code with the latest start.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Entry:
    name: str
    aliases: set[str] = field(default_factory=set)
    codes: list[DatedCode] = field(default_factory=list)

    def code_on(self, day: dt.date | None) -> str | None:
        if not self.codes:
            return None
        if day is not None:
            covering = [dated for dated in self.codes if dated.covers(day)]
            if not covering:
                return None
            # A dated code beats an undated default ("HOB", but "HOBGOV" from 2012-11-09 to 2013-01-19).
            dated_first = sorted(covering, key=lambda c: c.start is None and c.end is None)
            return dated_first[0].code
        return max(self.codes, key=lambda c: c.start or dt.date.min).code


def _date(value: Any, path: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DatelineError("E029", path=path, reason=f"bad date {value!r} (use YYYY-MM-DD)") from exc


class ActorDictionary:
    """Lookup by canonical name, alias or surname (case-insensitive)."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._by_key: dict[str, Entry] = {}
        for entry in entries:
            for key in {entry.name, *entry.aliases}:
                self._by_key.setdefault(key.lower(), entry)
        for entry in entries:  # surnames last: a full name or alias always wins
            self._by_key.setdefault(entry.name.split()[-1].lower(), entry)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> Entry | None:
        key = " ".join(name.lower().split())
        bare = key.removeprefix("the ")
        return self._by_key.get(key) or self._by_key.get(bare) or self._by_key.get(f"the {bare}")

    def polities(self) -> dict[str, str]:
        """Names and aliases (lower case) of entries whose code is a bare three-letter polity code."""
        out: dict[str, str] = {}
        for entry in self.entries:
            codes = {c.code for c in entry.codes}
            if len(codes) == 1 and len(next(iter(codes))) == 3:
                code = next(iter(codes))
                for key in {entry.name, *entry.aliases}:
                    out[key.lower()] = code
        return out


def _from_rows(rows: list[dict[str, Any]], path: str) -> ActorDictionary:
    entries: dict[str, Entry] = {}
    for n, row in enumerate(rows, 1):
        name = str(row.get("name") or "").strip()
        if not name:
            raise DatelineError("E029", path=path, reason=f"entry {n} has no name")
        entry = entries.setdefault(name, Entry(name))
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a for a in aliases.split("|") if a.strip()]
        entry.aliases.update(str(a).strip() for a in aliases)
        codes = row.get("codes") or (
            [{"code": row["code"], "from": row.get("from"), "to": row.get("to")}] if row.get("code") else []
        )
        for item in codes:
            code = str(item.get("code") or "").strip().upper()
            if not code:
                raise DatelineError("E029", path=path, reason=f"entry {n} ({name}) has a code without a value")
            entry.codes.append(DatedCode(code, _date(item.get("from"), path), _date(item.get("to"), path)))
    return ActorDictionary(list(entries.values()))


@functools.cache
def load_dictionary(path: str) -> ActorDictionary:
    """Read a YAML (.yaml/.yml) or CSV actor dictionary; E029 says what is wrong with a bad one."""
    file = Path(path)
    if not file.exists():
        raise DatelineError("E005", path=path)
    text = file.read_text(encoding="utf-8")
    if file.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise DatelineError("E029", path=path, reason=str(exc).splitlines()[0]) from exc
        if not isinstance(data, list):
            raise DatelineError("E029", path=path, reason="the top level must be a list of actors")
        return _from_rows(data, path)
    return _from_rows(list(csv.DictReader(text.splitlines())), path)
