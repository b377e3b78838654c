"""Exports from the store: Parquet, CSV and JSONL, one table at a time.

``documents`` as JSONL gives back the full document records (the same JSON as
``dateline extract``); every other table, and the other formats, give its rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import IO, Any

import duckdb

from ..errors import DatelineError
from .duck import TABLES, Store

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "gdelt-csv")

#: The columns of ``--format gdelt-csv``: GDELT 2.0 event-table names for what dateline has.
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "PLOVER",
    "SOURCEURL",
    "DocId",
)
_GDELT_QUERY = """
SELECT e.content_hash || '-' || e.event_index,
       strftime(COALESCE(d.dateline_date, TRY_CAST(d.published AS DATE)), '%Y%m%d'),
       e.source_code, e.source_name, substr(e.source_code, 1, 3),
       e.target_code, e.target_name, substr(e.target_code, 1, 3),
       e.cameo, substr(e.cameo, 1, 3), substr(e.cameo, 1, 2),
       e.quad_class, e.goldstein, e.plover,
       COALESCE(d.url, d.source_path), d.doc_id
FROM events e JOIN documents d USING (content_hash)
WHERE d.duplicate_of IS NULL
ORDER BY d.ingested_at, e.content_hash, e.event_index
"""


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise DatelineError("E012", table=table, choices=", ".join(TABLES))


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def export_parquet(store: Store, table: str, path: str | Path) -> int:
    """Write ``table`` to a Parquet file; returns the number of rows."""
    _check_table(table)
    quoted = str(path).replace("'", "''")
    try:
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{quoted}' (FORMAT parquet)")  # noqa: S608
    except duckdb.Error as exc:
        raise DatelineError("E013", path=str(path), reason=str(exc).splitlines()[0]) from exc
    return store.counts()[table]


def export_gdelt(store: Store, out: IO[str]) -> int:
    """Events as a GDELT-style CSV (one row per event; near-duplicate stories left out).

    SQLDATE is the story's date (dateline, else page/feed date; empty when unknown), QuadClass
    follows dateline's convention (docs/events.md), SOURCEURL is the URL or the input path.
    """
    columns, rows = store.query(_GDELT_QUERY)
    del columns
    writer = csv.writer(out)
    writer.writerow(GDELT_COLUMNS)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return len(rows)


def export_rows(store: Store, table: str, fmt: str, out: IO[str]) -> int:
    """Write ``table`` as CSV or JSONL to a text stream; returns the number of rows."""
    if fmt == "gdelt-csv":
        if table not in ("events", "documents"):
            raise DatelineError("E012", table=table, choices="events")
        return export_gdelt(store, out)
    _check_table(table)
    if fmt == "jsonl" and table == "documents":
        n = 0
        for record in store.records():
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
        return n
    columns, rows = store.query(f"SELECT * FROM {table}")  # noqa: S608
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, list) else _plain(v) for v in row])
    else:
        for row in rows:
            out.write(json.dumps({c: _plain(v) for c, v in zip(columns, row, strict=True)}, ensure_ascii=False) + "\n")
    return len(rows)
