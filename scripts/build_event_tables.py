"""Build dateline's shipped CAMEO tables from the ontology files in ../shared.

usage: python scripts/build_event_tables.py [--shared ../shared]

Writes, under src/dateline/events/data/:

- ``cameo_codes.tsv``: every CAMEO code with its name (CAMEO 1.1b3 via andybega/icews, MIT),
  Goldstein score (GDELT's CAMEO.goldsteinscale lookup) and PLOVER event type and mode
  (CAMEO2PLOVER-2021, PLOVER project, CC BY-SA 4.0: this table is shared under the same terms);
- ``cameo_verbs.json``: the CAMEO.2.0 verb dictionary of PETRARCH-2 (MIT, (c) 2015 Open Event
  Data Alliance) compiled by dateline.events.verbs.parse_verbs;

and under src/dateline/actors/data/ ``agents.json``: PETRARCH-2's Phoenix.agents.txt (MIT)
compiled by dateline.actors.agents.parse_agents; ``places.tsv``: the capitals, major cities
and country-name variants of CountryInfo.txt (Philip A. Schrodt, CC BY-SA 3.0: the table is
shared under the same terms) compiled by dateline.actors.places.parse_country_info; and
``leaders.tsv``: the offices and their dates in the same file, compiled by
dateline.actors.leaders.parse_leaders; ``organisations.tsv``: the IGOs, NGOs and armed groups
of PETRARCH-2's Phoenix.International and Phoenix.MilNonState actor dictionaries and the
national institutions of its Phoenix.Countries dictionary (MIT), compiled by
dateline.actors.organisations.parse_organisations.

Run it again when those upstream files change; the tests check the tables load.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.actors.agents import parse_agents  # noqa: E402
from dateline.actors.leaders import parse_leaders  # noqa: E402
from dateline.actors.organisations import NATIONAL, parse_organisations  # noqa: E402
from dateline.actors.places import parse_country_info  # noqa: E402
from dateline.events.verbs import parse_verbs  # noqa: E402

OUT = ROOT / "src" / "dateline" / "events" / "data"
AGENTS_OUT = ROOT / "src" / "dateline" / "actors" / "data"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    a = ap.parse_args()
    cameo = Path(a.shared) / "data" / "events" / "ontology" / "cameo"
    if not cameo.is_dir():
        print(f"{cameo} not found: this script needs the shared ontology files", file=sys.stderr)
        return 2
    names: dict[str, str] = {}
    with open(cameo / "cameo_codes_icews_utf8.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            names[row["code"]] = " ".join(row["name"].split())
    goldstein: dict[str, float] = {}
    with open(cameo / "goldstein_gdelt_lookup.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            goldstein[row["CAMEOEVENTCODE"].strip()] = float(row["GOLDSTEINSCALE"])
    plover: dict[str, tuple[str, str]] = {}
    for line in (cameo / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        fields = [x.strip() for x in m.group(2).split(",")]
        kind = fields[0].upper()
        if kind and re.fullmatch(r"[A-Z]+", kind):
            plover.setdefault(m.group(1), (kind, fields[1] if len(fields) > 1 else ""))
    codes = sorted(set(names) | set(goldstein), key=lambda c: (c[:2], c))
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for code in codes:
        kind, mode = plover.get(code, ("", ""))
        g = goldstein.get(code)
        rows.append([code, names.get(code, ""), "" if g is None else g, kind, mode])
    write_tsv(
        OUT / "cameo_codes.tsv",
        [
            "CAMEO codes: name (CAMEO 1.1b3 via andybega/icews, MIT), Goldstein (GDELT lookup),",
            "PLOVER type and mode (CAMEO2PLOVER-2021, CC BY-SA 4.0). Built by scripts/build_event_tables.py.",
        ],
        ["code", "name", "goldstein", "plover", "plover_mode"],
        rows,
    )
    verbs = parse_verbs((cameo / "CAMEO.2.0.verbs.txt").read_text(encoding="utf-8", errors="replace"))
    (OUT / "cameo_verbs.json").write_text(json.dumps(verbs.to_json(), separators=(",", ":")), encoding="utf-8")
    agents = parse_agents(
        (Path(a.shared) / "data" / "events" / "ontology" / "actors" / "Phoenix.agents.txt").read_text(
            encoding="utf-8", errors="replace"
        )
    )
    AGENTS_OUT.mkdir(parents=True, exist_ok=True)
    (AGENTS_OUT / "agents.json").write_text(json.dumps(agents.to_json(), separators=(",", ":")), encoding="utf-8")
    info = Path(a.shared) / "data" / "events" / "ontology" / "countries" / "CountryInfo.120116.txt"
    country_info = info.read_text(encoding="utf-8", errors="replace")
    places = parse_country_info(country_info)
    write_tsv(
        AGENTS_OUT / "places.tsv",
        [
            "Places and country-name variants -> ISO3, from CountryInfo.120116.txt (c) 2012 Philip A.",
            "Schrodt, openeventdata/CountryInfo, CC BY-SA 3.0; this table is shared under the same licence.",
            "Built by scripts/build_event_tables.py.",
        ],
        ["name", "iso3", "kind"],
        places,
    )
    print(f"{len(places)} places -> {AGENTS_OUT}")
    stamp = re.search(r"(\d{2})(\d{2})(\d{2})", info.name)
    known = dt.date(2000 + int(stamp.group(1)), int(stamp.group(2)), int(stamp.group(3))) if stamp else None
    offices = sorted(set(parse_leaders(country_info, known)), key=str)
    write_tsv(
        AGENTS_OUT / "leaders.tsv",
        [
            "Heads of state and government (rulers.org) and ministers (CIA World Leaders, 2003-2011)",
            f"with their offices' dates, from {info.name} (c) 2012 Philip A. Schrodt,",
            "openeventdata/CountryInfo, CC BY-SA 3.0; this table is shared under the same licence."
            " Open ranges end at the file's date.",
            "Built by scripts/build_event_tables.py.",
        ],
        ["name", "code", "from", "to", "kind", "office"],
        [[o.name, o.code, o.start or "", o.end or "", o.kind, o.office] for o in offices],
    )
    print(f"{len(offices)} offices -> {AGENTS_OUT}")
    dictionaries = Path(a.shared) / "data" / "events" / "ontology" / "actors"
    organisations = parse_organisations(
        {
            kind: (dictionaries / name).read_text(encoding="utf-8", errors="replace")
            for kind, name in (
                ("international", "Phoenix.International.actors.txt"),
                ("armed group", "Phoenix.MilNonState.actors.txt"),
                (NATIONAL, "Phoenix.Countries.actors.txt"),
            )
        }
    )
    write_tsv(
        AGENTS_OUT / "organisations.tsv",
        [
            "Organisations -> CAMEO codes, from PETRARCH-2's Phoenix.International.actors.txt,",
            "Phoenix.MilNonState.actors.txt and the national institutions of Phoenix.Countries.actors.txt",
            "(openeventdata/petrarch2, MIT, (c) 2015 Open Event Data Alliance).",
            "Built by scripts/build_event_tables.py.",
        ],
        ["name", "code", "kind"],
        organisations,
    )
    print(f"{len(organisations)} organisation names -> {AGENTS_OUT}")
    print(f"{len(codes)} codes, {len(verbs.blocks)} verb blocks, {len(verbs.verbs)} verb forms -> {OUT}")
    print(f"{len(agents)} agent phrases -> {AGENTS_OUT}")
    return 0


def write_tsv(path: Path, notes: list[str], header: list[str], rows: Iterable[Sequence[object]]) -> None:
    """A shipped table: ``#`` lines for its source and licence, then the header and the rows
    (read back by dateline.tables.shipped_tsv)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.writelines(f"# {note}\n" for note in notes)
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    raise SystemExit(main())
