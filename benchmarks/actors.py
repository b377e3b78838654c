"""Actor country agreement on the PLOVER gold-standard records (issue "Actors").

usage: python benchmarks/actors.py [GSR_FILE]

For each gold source and target actor of the 322 PLOVER GSR events (actorText + code), finds
the actorText in the sentence, and the dateline actor (from `dateline.analyze` on the sentence)
with a mention overlapping it. Reports how many gold actors dateline found, and how often the
country (first three letters of the code) agrees, among those found and overall. Actors coded
by sector only count too: the GSR (PLOVER 0.5b1) writes some countries with pre-ISO codes
(JAP, ITL...), normalised here, and codes international organisations as ``IGO``, which agrees
with any of dateline's IGO codes (UNO, NAT, EUR...).
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

import dateline

GSR_CODES = {"JAP": "JPN", "ITL": "ITA", "GMY": "DEU", "UK": "GBR", "SPN": "ESP"}


def agrees(ours: str | None, gold: str) -> bool:
    from dateline.actors.codes import IGOS

    ours3 = (ours or "")[:3].upper()
    if gold == "IGO":
        return ours3 in set(IGOS.values()) or ours3 == "IGO"
    return ours3 == GSR_CODES.get(gold, gold)


DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        sys.exit(f"PLOVER GSR not found at {path} (it lives in ../shared)")
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text") and r.get("event")]
    total = found = agree = 0
    misses: collections.Counter[str] = collections.Counter()
    for record in records:
        text = record["text"]
        document = dateline.analyze(text, doc_id=record["id"])
        for role in ("source", "target"):
            for gold in record.get(role) or []:
                if not isinstance(gold, dict):
                    continue
                actor_text, code = gold.get("actorText"), (gold.get("code") or "")[:3].upper()
                if not actor_text or not code:
                    continue
                total += 1
                start = text.find(actor_text)
                if start < 0:
                    continue
                end = start + len(actor_text)
                hit = next(
                    (a for a in document.actors for m in a["mentions"] if m["start"] < end and start < m["end"]),
                    None,
                )
                if hit is None:
                    misses["not found"] += 1
                    continue
                found += 1
                if agrees(hit.get("code"), code):
                    agree += 1
                else:
                    misses["no code" if not hit.get("code") else "other country"] += 1
    print(f"PLOVER GSR records: {len(records)}, gold source/target actors: {total}")
    print(f"found by dateline: {found}/{total} = {found / max(total, 1):.3f}")
    print(f"country agreement among found: {agree}/{found} = {agree / max(found, 1):.3f}")
    print(f"country agreement overall: {agree}/{total} = {agree / max(total, 1):.3f}")
    print(f"misses: {dict(misses)}")


if __name__ == "__main__":
    main()
