"""Reading tables: the PETRARCH-format dictionaries users can give (verbs, agents) with one set of
errors, and the TSV tables shipped in the package."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from .errors import DatelineError

T = TypeVar("T")


def load_table(
    path: str | Path,
    *,
    error: str,
    parse: Callable[[str], T],
    from_json: Callable[[Any], T],
    is_empty: Callable[[T], bool],
    what: str,
    empty: str,
) -> T:
    """Read ``path``: dateline's compiled JSON (``.json``) or the PETRARCH text format.

    Every failure is ``error`` (a DatelineError code taking ``path`` and ``reason``): an
    unreadable file, a JSON file that is not a compiled ``what``, or a text file with nothing
    in it (``empty`` says what was looked for).
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DatelineError(error, path=str(path), reason=exc.strerror or str(exc)) from exc
    if p.suffix == ".json":
        try:
            return from_json(json.loads(text))
        except (ValueError, KeyError, TypeError) as exc:
            raise DatelineError(error, path=str(path), reason=f"not a compiled {what} ({exc})") from exc
    table = parse(text)
    if is_empty(table):
        raise DatelineError(error, path=str(path), reason=f"no {empty} found")
    return table


def shipped_tsv(package: str, name: str) -> list[dict[str, str]]:
    """The rows of a TSV table shipped in ``package`` (``data/…``), keyed by its header; lines
    starting with ``#`` (source and licence notes) are skipped."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"))


def name_key(name: str) -> str:
    """A name as the shipped name tables key it: lower case, single spaces, no leading "the"."""
    return " ".join(name.lower().split()).removeprefix("the ")


@cache
def shipped_names(package: str, name: str, column: str) -> dict[str, str]:
    """A shipped TSV table as ``{name: row[column]}`` (its ``name`` column is already keyed by
    :func:`name_key`)."""
    return {row["name"]: row[column] for row in shipped_tsv(package, name)}
