"""CAMEO codes: names, Goldstein scores, PLOVER types and quad classes.

The table (``data/cameo_codes.tsv``) is built by ``scripts/build_event_tables.py``.

Quad class convention (one for the whole of dateline, stated in ``docs/events.md``): it follows
the event's PLOVER type, as PLOVER and the PLV data do: 1 verbal cooperation (AGREE, CONSULT,
SUPPORT), 2 material cooperation (AID, COOPERATE, CONCEDE, RETREAT; PLV calls the last two
YIELD), 3 verbal conflict (ACCUSE, REJECT, REQUEST, THREATEN), 4 material conflict (ASSAULT,
COERCE, MOBILIZE, PROTEST, SANCTION). CAMEO's public statements (01) and appeals (02), which
PLOVER drops, are verbal cooperation (1), as in GDELT.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..tables import shipped_tsv

QUAD_OF_PLOVER = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "AID": 2,
    "COOPERATE": 2,
    "CONCEDE": 2,
    "RETREAT": 2,
    "YIELD": 2,
    "ACCUSE": 3,
    "REJECT": 3,
    "REQUEST": 3,
    "THREATEN": 3,
    "ASSAULT": 4,
    "COERCE": 4,
    "MOBILIZE": 4,
    "PROTEST": 4,
    "SANCTION": 4,
}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# PLV's 15 roots (the dyad classifier's labels) merge PLOVER's CONCEDE and RETREAT into YIELD.
PLV_ROOTS = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "YIELD",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def plv_root(plover: str | None) -> str | None:
    if plover in ("CONCEDE", "RETREAT"):
        return "YIELD"
    return plover


@dataclass(frozen=True)
class Cameo:
    code: str
    name: str
    goldstein: float | None
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        if self.plover:
            return QUAD_OF_PLOVER[self.plover]
        return 1  # 01 statements and 02 appeals


@cache
def table() -> dict[str, Cameo]:
    out: dict[str, Cameo] = {}
    for row in shipped_tsv("dateline.events", "data/cameo_codes.tsv"):
        g = row["goldstein"]
        out[row["code"]] = Cameo(
            row["code"], row["name"], float(g) if g else None, row["plover"] or None, row["plover_mode"] or None
        )
    return out


def lookup(code: str) -> Cameo | None:
    """The table entry for ``code``, falling back to its three-digit parent and its root."""
    codes = table()
    for candidate in (code, code[:3], code[:2]):
        if candidate in codes:
            entry = codes[candidate]
            if candidate != code:
                return Cameo(code, entry.name, entry.goldstein, entry.plover, entry.plover_mode)
            return entry
    return None


def is_known(code: str) -> bool:
    return code in table()


# What an intent, an appeal, a demand or a refusal does to a cooperative action's code:
# "prepared to provide aid" (07x) is an intent to provide aid (033x).
_FRAMES = {
    "intent": {"03": "030", "04": "036", "05": "032", "06": "031", "07": "033", "08": "035"},
    "appeal": {"03": "020", "04": "026", "05": "022", "06": "021", "07": "023", "08": "025"},
    "demand": {"03": "100", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105"},
    "reject": {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"},
}
_GENERIC = {"appeal": "020", "demand": "100"}
# Threats the codebook names for what is threatened: "would impose tariffs" is a threat of
# sanctions (1312), not of any non-force measure (131).
_NAMED_THREATS = {
    "161": "1313", "162": "1311", "163": "1312", "172": "132", "1721": "1321", "1722": "1322",
    "1723": "1323", "1724": "1324", "191": "1381", "192": "1382",
}  # fmt: skip
# Intent to use force is a threat (13x).
_THREATS = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}


def frame(code: str, kind: str) -> str | None:
    """The code of ``code`` framed as ``kind`` ("intent", "appeal", "demand" or "reject").

    None when the frame makes it no event ("would not attack", "refused to fight"); an appeal
    or demand to use force is the generic appeal or demand ("urged Syria to attack": 020).
    """
    root = code[:2]
    if kind in ("intent", "threat") and code[:3] in _NAMED_THREATS:
        return _NAMED_THREATS[code[:4]] if code[:4] in _NAMED_THREATS else _NAMED_THREATS[code[:3]]
    if kind == "intent" and root in _THREATS:
        return _THREATS[root]
    if kind == "threat":
        # "threatened to attack" (138), "threatened to cut aid" (131), "to halt talks" (130)
        return _THREATS.get(root, "130")
    framed = _FRAMES.get(kind, {}).get(root)
    if framed is None:
        # "urged Syria to attack Israel": an appeal (or demand) all the same, to the one urged
        return _GENERIC.get(kind) if root in _THREATS else None
    if root in ("06", "07") and len(code) >= 3 and code[2] in "1234":
        candidate = framed + code[2]  # 072 (military aid) → 0332, 0232, 1032, 1222
        if is_known(candidate):
            return candidate
    return framed
