"""Update the hand-kept table of office-holders (src/dateline/actors/data/leaders_recent.tsv) from Wikidata.

usage:
  python scripts/update_leaders.py --query [--since 2012-01-16]
      print the SPARQL query; run it at https://query.wikidata.org and download the results as JSON
  python scripts/update_leaders.py RESULTS.json --known-until YYYY-MM-DD [--since 2012-01-16] [--output FILE]
      write the table from those results

The heads of state and government of every sovereign state, and the foreign and defence
ministers Wikidata can find by their posts' names, with the dates of each term, coded country +
GOV (dateline.actors.leaders.rows_from_wikidata). Spellings and family names of the current
table carry over to the same people (the news's "Zelensky" beside Wikidata's "Zelenskyy"), and
rows of the current table that the results do not hold (added by hand) are kept, listed on
stderr for review. ``--known-until`` is the day the results were fetched: an open term is
known to last until then and no longer. Read the diff before committing: Wikidata has gaps and
errors too. (Written on a machine without internet access: the query is untested against the
live service.)
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.actors.leaders import (  # noqa: E402
    TABLE_COLUMNS,
    WIKIDATA_QUERY,
    keep_spellings,
    normal_name,
    rows_from_wikidata,
)

TABLE = ROOT / "src" / "dateline" / "actors" / "data" / "leaders_recent.tsv"
EPOCH = "2012-01-16"  # where CountryInfo.120116.txt, the source of leaders.tsv, ends


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The table's header comments (without its known-until line) and rows."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    notes = [line for line in lines if line.startswith("#") and not line.startswith("# known-until:")]
    rows = list(csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"))
    return notes, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results", nargs="?", type=Path, help="JSON results of the query")
    ap.add_argument("--query", action="store_true", help="print the SPARQL query and exit")
    ap.add_argument("--since", default=EPOCH, help=f"leave out terms that ended before this day (default {EPOCH})")
    ap.add_argument("--known-until", help="the day the results were fetched (YYYY-MM-DD)")
    ap.add_argument("--output", type=Path, default=TABLE, help="the table to update (default: the shipped one)")
    a = ap.parse_args()
    since = dt.date.fromisoformat(a.since)
    if a.query:
        print(WIKIDATA_QUERY.replace("SINCE", f"{since.isoformat()}T00:00:00Z"))
        return
    if a.results is None or not a.known_until:
        ap.error("give the JSON results and --known-until (or --query to print the query)")
    if not a.results.exists():
        sys.exit(f"no such file: {a.results}")
    known_until = dt.date.fromisoformat(a.known_until)
    notes, current = read_table(a.output)
    rows = keep_spellings(rows_from_wikidata(json.loads(a.results.read_text(encoding="utf-8")), since), current)
    if not rows:
        sys.exit(f"{a.results} holds no office-holders: is it the JSON of the query (--query)?")
    fetched = {(normal_name(s), r["code"]) for r in rows for s in r["name"].split("|")}
    kept = [r for r in current if not any((normal_name(s), r["code"]) in fetched for s in r["name"].split("|"))]
    for row in kept:
        print(f"kept, not in the results: {row['name']} {row['code']} {row['from']}", file=sys.stderr)
    with a.output.open("w", encoding="utf-8", newline="") as out:
        out.writelines(line + "\n" for line in notes)
        out.write(f"# known-until: {known_until.isoformat()}\n")
        writer = csv.DictWriter(out, TABLE_COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(sorted([*rows, *kept], key=lambda r: (r["code"], r["kind"], r["office"], r["from"])))
    print(f"{a.output}: {len(rows)} rows from Wikidata, {len(kept)} kept from the current table", file=sys.stderr)


if __name__ == "__main__":
    main()
