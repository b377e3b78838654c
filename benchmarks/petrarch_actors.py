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

import datetime as dt
import json
import re
import sys
import tempfile
from pathlib import Path

import yaml

from dateline.pipeline import PipelineConfig, analyze_story, load_nlp
from dateline.readers.wire import read_wire

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "udpetrarch_validation"
_CODE = re.compile(r"\[([^\]]+)\]")


def _date(text: str) -> str:
    digits = text.strip()
    if len(digits) == 6:
        digits = ("19" if int(digits[:2]) > 30 else "20") + digits
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"


def parse_code(block: str) -> dict[str, str] | None:
    """``HOBGOV 19950601 - 19990815`` / ``HOB < 950601`` / ``HOBREB > 990816`` / ``GON`` → a dated code."""
    parts = block.split()
    code = parts[0]
    if code.startswith("-"):
        return None
    rest = " ".join(parts[1:]).replace(" ", "")
    item: dict[str, str] = {"code": code}
    if rest.startswith("<"):
        item["to"] = _date(rest[1:])
    elif rest.startswith(">"):
        item["from"] = _date(rest[1:])
    elif "-" in rest:
        start, end = rest.split("-", 1)
        item["from"], item["to"] = _date(start), _date(end)
    for key in ("from", "to"):
        if key in item:
            try:
                dt.date.fromisoformat(item[key])
            except ValueError:
                return None  # a typo in the source file ("9008223"): the code is left out
    return item


def convert(path: Path) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8", errors="replace"), flags=re.S)
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+") and current is not None:
            current["aliases"].append(line[1:].strip().replace("_", " "))  # type: ignore[union-attr]
            continue
        codes = [c for c in (parse_code(m) for m in _CODE.findall(line)) if c]
        if raw[:1] in (" ", "\t") and current is not None:
            current["codes"].extend(codes)  # type: ignore[union-attr]
            continue
        name = _CODE.sub("", line).strip().replace("_", " ")
        if name:
            current = {"name": name.title(), "aliases": [], "codes": codes}
            entries.append(current)
    return [e for e in entries if e["codes"]]


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
