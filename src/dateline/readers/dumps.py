"""Record dumps: JSONL (one JSON object per line) and CSV, one story per record.

``--text-key`` names the field with the story text (default ``text``), ``--id-key`` the
field that identifies the record (default: its line or row number), ``--meta-keys`` the
fields copied into the record's ``meta``. A bad line or row is an error of its own; the
other records are still read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from ..errors import DatelineError
from ..records import InputError, Story
from .base import InputOptions, RawInput, decoded_story_text, input_error, readers
from .wire import read_wire


def _story(raw: RawInput, options: InputOptions, record: dict[str, Any], item: str, number: int) -> Story | InputError:
    text = record.get(options.text_key)
    if not isinstance(text, str) or not text.strip():
        return input_error(raw.source_path, DatelineError("E023", item=item, key=options.text_key), item)
    key = record.get(options.id_key) if options.id_key else None
    doc_id = f"{raw.doc_id}:{key if key not in (None, '') else number}"
    story = read_wire(text, doc_id=doc_id, source_path=raw.source_path, year=options.year)
    story.derived = True
    story.meta["item"] = item
    story.meta.update({k: record[k] for k in options.meta_keys if k in record})
    return story


def jsonl_reader(raw: RawInput, options: InputOptions) -> Iterator[Story | InputError]:
    for number, line in enumerate(raw.data.split(b"\n"), 1):
        if not line.strip():
            continue
        item = f"line {number}"
        try:
            record = json.loads(line)
        except UnicodeDecodeError as exc:
            yield input_error(raw.source_path, DatelineError("E003", encoding="utf-8", offset=exc.start), item)
            continue
        except json.JSONDecodeError as exc:
            yield input_error(raw.source_path, DatelineError("E022", line=number, reason=exc.msg), item)
            continue
        if not isinstance(record, dict):
            yield input_error(raw.source_path, DatelineError("E022", line=number, reason="not a JSON object"), item)
            continue
        yield _story(raw, options, record, item, number)


def csv_reader(raw: RawInput, options: InputOptions) -> Iterator[Story | InputError]:
    text, notes = decoded_story_text(raw, options)
    csv.field_size_limit(max(options.max_bytes, 131_072))
    try:
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise DatelineError("E027", reason=str(exc)) from exc
    for number, row in enumerate(rows, 1):
        item = _story(raw, options, dict(row), f"row {number}", number)
        if isinstance(item, Story):
            item.warnings[:0] = notes
        yield item


readers.register("dateline.jsonl_reader.v1", func=jsonl_reader)
readers.register("dateline.csv_reader.v1", func=csv_reader)
