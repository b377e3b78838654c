"""Agent dictionaries: the nouns that give an actor its role ("police" → COP, "foreign minister" → GOVFRM).

The format is PETRARCH's (TABARI's) agents file::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
    AMBASSADOR [~GOV]
    FOREIGN_MINISTER [~GOVFRM]
    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
    BUSINESS!PERSON! [~BUS]
    PEACEKEEPING_TROOPS {} [IGO~]

``[~XXX]`` is a role that follows the country code (GBR + GOV); ``[XXX~]`` one that precedes it
(NGO + ARN). ``_`` joins the words of a phrase, ``{...}`` lists irregular plurals, ``!NAME!``
is a substitution defined by a ``!NAME! = A, B`` line. Regular plurals are matched as well.

The shipped table (``data/agents.json``) is compiled from Phoenix.agents.txt of PETRARCH-2
(MIT, © Open Event Data Alliance) by ``scripts/build_event_tables.py``; a user file given with
``--agents`` (or the ``agents`` setting of the actors and events components) replaces it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from ..tables import load_table

_ROLE = re.compile(r"\[([A-Z0-9]*~[A-Z0-9]*)\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
MAX_WORDS = 6


@dataclass(frozen=True)
class Role:
    code: str
    before: bool = False  # "NGO~": the role goes before the country code

    def apply(self, country: str) -> str:
        return f"{self.code}{country}" if self.before else f"{country}{self.code}"


@dataclass
class Agents:
    phrases: dict[str, Role] = field(default_factory=dict)  # "foreign minister" → Role("GOVFRM")

    def __len__(self) -> int:
        return len(self.phrases)

    def role(self, words: Iterable[str]) -> Role | None:
        """The role of the longest agent phrase in ``words`` (plurals included), or None."""
        tokens = [w.lower() for w in words]
        for size in range(min(MAX_WORDS, len(tokens)), 0, -1):
            roles = []
            for i in range(len(tokens) - size + 1):
                phrase = tokens[i : i + size]
                found = self.phrases.get(" ".join(phrase)) or self.phrases.get(
                    " ".join([*phrase[:-1], _singular(phrase[-1])])
                )
                if found:
                    roles.append((phrase, found))
            if roles and roles[0][0] == ["deputy"] and len(roles) > 1:
                # "deputy" before another title is its rank, not a sheriff's deputy (Phoenix's COP):
                # "deputy U.S. Ambassador Robert Wood" is an ambassador
                return roles[1][1]
            if roles:
                return roles[0][1]
        return None

    def to_json(self) -> dict[str, list[str | bool]]:
        return {phrase: [role.code, role.before] for phrase, role in sorted(self.phrases.items())}

    @classmethod
    def from_json(cls, data: dict[str, list[str | bool]]) -> Agents:
        return cls({phrase: Role(str(code), bool(before)) for phrase, (code, before) in data.items()})


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _phrase(raw: str) -> str:
    return " ".join(w for w in raw.replace("_", " ").lower().split() if w)


def parse_agents(text: str) -> Agents:
    """Parse a PETRARCH/TABARI agents dictionary."""
    macros: dict[str, list[str]] = {}
    agents = Agents()
    for raw_line in re.sub(r"<!--.*?-->", "", text, flags=re.S).splitlines():
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        macro = _MACRO.match(line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        found = _ROLE.search(line)
        if not found:
            continue
        marker = found.group(1)
        before = marker.endswith("~") and not marker.startswith("~")
        role = Role(marker.strip("~"), before)
        head = line[: found.start()]
        plurals = re.search(r"\{([^}]*)\}", head)
        forms = [re.sub(r"\{[^}]*\}", " ", head).strip()]
        if plurals:
            forms += plurals.group(1).split()
        for form in forms:
            for expanded in _expand(form.strip(), macros):
                phrase = _phrase(expanded)
                if phrase:
                    agents.phrases.setdefault(phrase, role)
    return agents


def _expand(form: str, macros: dict[str, list[str]]) -> list[str]:
    """``CATTLE!PERSON!`` → ``CATTLEMAN``, ``CATTLEMEN``…; ``!MINIST! OF_FOOD`` → ``MINISTER OF_FOOD``…"""
    found = re.search(r"![A-Z]+!", form)
    if not found or found.group(0) not in macros:
        return [form.replace("!", "")] if "!" in form else [form]
    out: list[str] = []
    for value in macros[found.group(0)]:
        out += _expand(form[: found.start()] + value + form[found.end() :], macros)
    return out


def load_agents(path: str | Path) -> Agents:
    """Read an agents dictionary: PETRARCH text format, or dateline's compiled JSON (E034)."""
    return load_table(
        path,
        error="E034",
        parse=parse_agents,
        from_json=Agents.from_json,
        is_empty=lambda agents: not agents,
        what="agents table",
        empty="agent lines ('NOUN [~ROLE]')",
    )


@cache
def default_agents() -> Agents:
    data = resources.files("dateline.actors").joinpath("data/agents.json").read_text(encoding="utf-8")
    return Agents.from_json(json.loads(data))


@cache
def agents_for(path: str | None) -> Agents:
    """The agents table for a component setting: the user's file, or the shipped one."""
    return load_agents(path) if path else default_agents()
