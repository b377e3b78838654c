"""Actor codes on the PETRARCH validation suite, with its actor dictionary injected (issue "Actors").

usage: python benchmarks/petrarch_actors.py [VALIDATION_DIR]

Converts ``PETR_Validate_actors_2_02.txt`` (PETRARCH format: ``NAME [CODE]`` lines, ``+SYNONYM``
lines, indented dated code blocks such as ``[HOBGOV 19950601 - 19990815]``) into a dateline user
dictionary, runs dateline on every record to evaluate (with the record's date), and reports how
many of the expected source and target codes are among the codes of the actors dateline found in
the sentence: exactly, and by their first three letters. The suite's agents dictionary (``MAYOR``,
``TROOPS``...) is not applied; dateline's own title rules stand in for it.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import yaml

from dateline.actors.organisations import parse_petrarch_actors, petrarch_date
from dateline.pipeline import PipelineConfig, analyze_story, load_nlp
from dateline.readers.wire import read_wire

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "udpetrarch_validation"
_date = petrarch_date  # benchmarks/events.py reads record dates with it


def convert(path: Path) -> list[dict[str, object]]:
    """A PETRARCH actor dictionary as a dateline user dictionary's entries."""
    return parse_petrarch_actors(path.read_text(encoding="utf-8", errors="replace"))


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    actors, records = folder / "PETR_Validate_actors_2_02.txt", folder / "PETR_Validate_records_2_02.jsonl"
    if not actors.exists() or not records.exists():
        sys.exit(f"PETRARCH validation files not found in {folder} (they live in ../shared)")
    dictionary = Path(tempfile.mkdtemp()) / "petr_actors.yaml"
    dictionary.write_text(yaml.safe_dump(convert(actors), allow_unicode=True), encoding="utf-8")
    nlp = load_nlp(PipelineConfig(dictionary=str(dictionary)))
    expected = exact = country = n_records = 0
    for line in records.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("evaluate") != "true" or not record.get("events"):
            continue
        n_records += 1
        story = read_wire(record["text"], doc_id=record["id"])
        story.meta["date"] = _date(record["date"])
        codes = {a["code"] for a in analyze_story(story, nlp).actors if a.get("code")}
        for event in record["events"]:
            for role in ("source", "target"):
                want = event.get(role)
                if not want or want == "---":
                    continue
                expected += 1
                exact += want in codes
                country += any(c[:3] == want[:3] for c in codes)
    print(f"records evaluated: {n_records}, expected source/target codes: {expected}")
    print(f"found with the exact code: {exact}/{expected} = {exact / max(expected, 1):.3f}")
    print(f"found with the right first three letters: {country}/{expected} = {country / max(expected, 1):.3f}")


if __name__ == "__main__":
    main()
