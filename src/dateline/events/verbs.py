"""Verb dictionaries in the PETRARCH/TABARI format, and matching their patterns on a parse.

A dictionary is a list of verb blocks::

    ---  FREEZE   [---]  ---
    FREEZE {FREEZES FREEZING FROZE FROZEN}
    - * RELATIONS                     [160]     # FREEZE
    - * AID                           [162]
    - &MILITARY * (TO +)              [154]

plus synsets (``&MILITARY`` followed by ``+WORD`` lines). The verbs of a block share its
patterns; ``*`` is the verb; a code ``[042:043]`` also gives the reverse event (target →
source, 043); words before it must come before the verb and words after it
after; ``(PREP ...)`` is a prepositional phrase, ``{A B}`` a compound, ``+`` marks the target
and ``$`` the source, ``_`` joins words. A code of ``---`` means "no event".

dateline matches patterns on the dependency parse, not on a constituency parse as PETRARCH
did: the words after the verb are those of its own phrase (objects, particles, prepositional
phrases, complements), the words before it those of its subject. A pattern matches when all
its words appear in order; the longest matching pattern wins, and of two as long the one
whose words are nearer the verb. PETRARCH-2's ``~`` transformations are not read (see
``docs/events.md``).

The shipped dictionary, ``data/cameo_verbs.json``, is compiled from CAMEO.2.0.txt of
PETRARCH-2 (MIT, © 2015 Open Event Data Alliance) by ``scripts/build_event_tables.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..tables import load_table

NO_EVENT = "---"


@dataclass(frozen=True)
class Pattern:
    pre: tuple[str, ...]
    post: tuple[str, ...]
    code: str
    target_prep: str | None = None  # "WITH" for "(WITH +)": the target is that preposition's object

    @property
    def size(self) -> int:
        return len(self.pre) + len(self.post)


@dataclass
class Verb:
    """One verb of a block: its forms, the words that must follow it, its own code."""

    block: int
    code: str | None
    particle: tuple[str, ...] = ()


@dataclass
class VerbDictionary:
    blocks: list[tuple[str | None, list[Pattern]]] = field(default_factory=list)  # (default code, patterns)
    verbs: dict[str, list[Verb]] = field(default_factory=dict)  # lower-case form → verbs
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # "&NAME" → word sequences

    def lookup(self, forms: Iterable[str]) -> list[Verb]:
        seen: list[Verb] = []
        for form in forms:
            for verb in self.verbs.get(form.lower(), ()):
                if verb not in seen:
                    seen.append(verb)
        return seen

    def merged(self, extra: VerbDictionary) -> VerbDictionary:
        """This dictionary with ``extra``'s patterns added: a verb both know (same particle) gets
        ``extra``'s patterns in its first block, ahead of the block's own; a verb only ``extra``
        knows brings its block along. ``extra``'s synonym sets are added to these."""
        blocks = [(code, list(patterns)) for code, patterns in self.blocks]
        verbs = {form: list(items) for form, items in self.verbs.items()}
        joined: set[tuple[int, int]] = set()  # (extra's block, this one's) already joined
        moved: dict[int, int] = {}  # extra's blocks brought along → their new index
        for form, items in extra.verbs.items():
            for verb in items:
                known = [v for v in self.verbs.get(form, ()) if v.particle == verb.particle]
                if known:
                    if (verb.block, known[0].block) not in joined:
                        joined.add((verb.block, known[0].block))
                        code, patterns = blocks[known[0].block]
                        blocks[known[0].block] = (code, [*extra.blocks[verb.block][1], *patterns])
                    continue
                if verb.block not in moved:
                    moved[verb.block] = len(blocks)
                    blocks.append((extra.blocks[verb.block][0], list(extra.blocks[verb.block][1])))
                verbs.setdefault(form, []).append(Verb(moved[verb.block], verb.code, verb.particle))
        synsets = {name: list(members) for name, members in self.synsets.items()}
        for name, members in extra.synsets.items():
            synsets.setdefault(name, []).extend(m for m in members if m not in synsets[name])
        return VerbDictionary(blocks, verbs, synsets)

    def to_json(self) -> dict[str, Any]:
        return {
            "blocks": [
                {"code": code, "patterns": [[p.pre, p.post, p.code, p.target_prep] for p in patterns]}
                for code, patterns in self.blocks
            ],
            "verbs": {form: [[v.block, v.code, v.particle] for v in verbs] for form, verbs in self.verbs.items()},
            "synsets": self.synsets,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VerbDictionary:
        blocks = [
            (b["code"], [Pattern(tuple(pre), tuple(post), code, prep) for pre, post, code, prep in b["patterns"]])
            for b in data["blocks"]
        ]
        verbs = {
            form: [Verb(block, code, tuple(particle)) for block, code, particle in items]
            for form, items in data["verbs"].items()
        }
        synsets = {name: [tuple(seq) for seq in members] for name, members in data["synsets"].items()}
        return cls(blocks, verbs, synsets)


_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")


def _code(raw: str) -> str | None:
    raw = raw.strip()
    if not raw or raw == NO_EVENT:
        return NO_EVENT if raw == NO_EVENT else None
    # "042:043": source→target 042, and target→source 043 (a visit made and hosted).
    return ":".join(part.strip() for part in raw.split(":")[:2]) or None


def _words(raw: str) -> list[str]:
    """Pattern or synset text → items: words, "&SYNSET", "*", "+", "$", "(" and ")" markers."""
    raw = raw.replace("{", " ").replace("}", " ").replace("(", " ( ").replace(")", " ) ")
    items: list[str] = []
    for chunk in raw.split():
        for part in chunk.split("_"):
            if not part:
                continue
            for piece in re.split(r"([*+$^%])", part):
                if piece:
                    items.append(piece)
    return items


def _pattern(body: str, code: str) -> Pattern | None:
    items = _words(body)
    if "*" not in items:
        return None
    star = items.index("*")
    pre: list[str] = []
    post: list[str] = []
    target_prep: str | None = None
    depth_prep: str | None = None
    opened = False
    for n, item in enumerate(items):
        if item == "(":
            depth_prep = items[n + 1] if n + 1 < len(items) else None
            opened = True
            continue
        if item == ")":
            depth_prep = None
            continue
        if item == "+":
            if n > star and depth_prep:
                target_prep = depth_prep
            continue
        if item in ("*", "$", "^", "%"):
            continue
        if opened and not item.startswith("&"):
            item = "(" + item  # a preposition: "(TO BORDER)" is not the "to" of an infinitive
        opened = False
        (pre if n < star else post).append(item)
    return Pattern(tuple(pre), tuple(post), code, target_prep)


def parse_verbs(text: str) -> VerbDictionary:
    """Parse a PETRARCH/TABARI verb dictionary (the text of e.g. ``CAMEO.2.0.txt``)."""
    result = VerbDictionary()
    synset: str | None = None
    block: int | None = None
    for raw_line in text.splitlines():
        line = raw_line.split("#", 1)[0].rstrip()
        if not line.strip():
            synset = None
            continue
        if line.startswith("~"):
            continue  # PETRARCH-2 transformations: not supported
        header = _HEADER.match(line)
        if header:
            synset = None
            result.blocks.append((_code(header.group(2)), []))
            block = len(result.blocks) - 1
            continue
        if line.startswith("&"):
            synset = line.split()[0]
            result.synsets.setdefault(synset, [])
            block = None
            continue
        if synset is not None and line.lstrip().startswith("+"):
            result.synsets[synset].append(tuple(_words(line.strip()[1:])))
            continue
        if block is None:
            continue
        if line.startswith("-"):
            found = _CODE.search(line)
            if not found:
                continue
            code = _code(found.group(1))
            pattern = _pattern(line[1 : found.start()], code or NO_EVENT)
            if pattern is not None:
                result.blocks[block][1].append(pattern)
            continue
        found = _CODE.search(line)
        own = _code(found.group(1)) if found else None
        head = line[: found.start()] if found else line
        forms_part = re.search(r"\{([^}]*)\}", head)
        main = re.sub(r"\{[^}]*\}", " ", head).split()
        if not main:
            continue
        words = [w for w in main[0].lstrip("+").split("_") if w]
        if not words:
            continue
        particle = tuple(words[1:])
        forms = [words[0]]
        if forms_part:
            for form in forms_part.group(1).split():
                first = form.lstrip("+").split("_")[0]
                if first:
                    forms.append(first)
        verb = Verb(block, own, particle)
        for form in forms:
            result.verbs.setdefault(form.lower(), []).append(verb)
    return result


def load_verbs(path: str | Path) -> VerbDictionary:
    """Read a verb dictionary: PETRARCH text format, or dateline's compiled JSON (E030)."""
    return load_table(
        path,
        error="E030",
        parse=parse_verbs,
        from_json=VerbDictionary.from_json,
        is_empty=lambda verbs: not verbs.verbs,
        what="verb dictionary",
        empty="verb blocks ('--- VERB [code] ---')",
    )


@cache
def default_verbs() -> VerbDictionary:
    """The shipped dictionary: PETRARCH-2's CAMEO.2.0 verbs (``data/cameo_verbs.json``) with
    dateline's own patterns (``data/verbs_dateline.txt``) added."""
    data = resources.files("dateline.events").joinpath("data/cameo_verbs.json").read_text(encoding="utf-8")
    own = resources.files("dateline.events").joinpath("data/verbs_dateline.txt").read_text(encoding="utf-8")
    return VerbDictionary.from_json(json.loads(data)).merged(parse_verbs(own))


Word = tuple[str, str, bool]  # (upper-case text, upper-case lemma, is a preposition)


# Pattern words match inflected forms ("TROOP" matches "troops"), not longer words ("BACK" is
# not "backstop").
_ENDINGS = ("S", "ES", "ED", "D", "ING", "ER", "ERS", "IES", "IED")


def _word_matches(item: str, word: Word) -> bool:
    text, lemma, is_prep = word
    if item.startswith("("):
        if not is_prep:
            return False
        item = item[1:]
    if item in (text, lemma):
        return True
    if not text.startswith(item):
        return False
    rest = text[len(item) :]
    return rest in _ENDINGS or (item.endswith("E") and ("E" + rest) in _ENDINGS)


def _match_at(item: str, words: Sequence[Word], at: int, synsets: dict[str, list[tuple[str, ...]]]) -> int:
    """Words consumed when ``item`` matches at ``at`` (0 if it does not)."""
    if item.startswith("&"):
        for member in synsets.get(item, ()):
            n = 0
            for sub in member:
                if at + n >= len(words):
                    n = 0
                    break
                used = (
                    _match_at(sub, words, at + n, synsets) if sub.startswith("&") else _word_matches(sub, words[at + n])
                )
                if not used:
                    n = 0
                    break
                n += int(used)
            if n:
                return n
        return 0
    return 1 if at < len(words) and _word_matches(item, words[at]) else 0


def match_sequence(items: Sequence[str], words: Sequence[Word], synsets: dict[str, list[tuple[str, ...]]]) -> bool:
    """True when every item matches, in order (not necessarily next to each other)."""
    return match_reach(items, words, synsets) is not None


def match_reach(items: Sequence[str], words: Sequence[Word], synsets: dict[str, list[tuple[str, ...]]]) -> int | None:
    """How many of ``words`` the first in-order match of every item reaches over (None when the
    items do not all match): the smaller, the nearer the verb the pattern's words are."""
    pos = 0
    for item in items:
        while pos < len(words):
            used = _match_at(item, words, pos, synsets)
            if used:
                pos += used
                break
            pos += 1
        else:
            return None
    return pos
