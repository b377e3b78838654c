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

EXPORT_FORMATS = ("jsonl", "csv", "parquet")


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


def export_rows(store: Store, table: str, fmt: str, out: IO[str]) -> int:
    """Write ``table`` as CSV or JSONL to a text stream; returns the number of rows."""
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
