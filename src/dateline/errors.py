"""Numbered, templated errors and warnings.

Every message says what went wrong and what to do next. Codes are stable: a code is never
reused for a different problem, so users can grep logs and the ``errors`` table for them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class _Template(StrEnum):
    def format(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


class Errors(_Template):
    E001 = "Input is empty (0 bytes of text after decoding). Nothing to analyse."
    E002 = "Input looks like a binary file ({kind}), not text. Pass text, HTML, or a feed."
    E003 = (
        "Input is not valid {encoding} text (bad byte at offset {offset}). "
        "Convert it to UTF-8 or pass --encoding with its real encoding (e.g. --encoding cp1252)."
    )
    E004 = (
        "Input is too large: {size:,} bytes, the limit is {limit:,}. "
        "Split it into stories or raise the limit with --max-bytes."
    )
    E005 = "Path does not exist: {path}. Check the spelling, or pass '-' to read standard input."
    E006 = "Could not read input: {reason}."
    E008 = "Output file {path} already exists. Pass --force to overwrite it."
    E009 = (
        "Database {path} has schema version {found}, this dateline expects {expected}. "
        "Ingest into a new database file, or export and re-ingest."
    )
    E010 = "Database {path} does not exist. Create it first with: dateline ingest PATH --db {path}"
    E011 = "SQL query failed: {reason}"
    E012 = "Unknown table {table!r}. Tables: {choices}."
    E013 = "Could not write {path}: {reason}."
    E014 = "Analysis failed for this input: {reason}. Please report this with the input attached."
    E015 = "Invalid --year {value}: give a four-digit year such as 2025."
    E016 = "No inputs found under {paths}. Give files, directories or '-' for standard input."
    E017 = "Format {value!r} needs an output path: pass -o FILE."
    E018 = "Unknown text encoding {value!r}. Use a Python codec name such as utf-8, cp1252 or latin-1."
    E019 = "Analysis took longer than {seconds:g} s and was stopped. Split the input or raise --timeout."
    E020 = "No article text found in this HTML page. Check that it is an article, not an index or a login page."
    E021 = "Not a readable RSS/Atom feed: {reason}."
    E022 = "Line {line} is not JSON: {reason}. Fix or remove the line; the other lines were read."
    E023 = "Record {item} has no text under {key!r}. Pass --text-key with the right field name."
    E024 = "Feed declares XML entities, which dateline refuses (possible entity-expansion bomb)."
    E025 = "Unknown reader {value!r}. Readers: {choices}."
    E026 = "The feed has no entries."
    E027 = "CSV input could not be read: {reason}."
    E028 = "Reading failed unexpectedly: {reason}. Please report this with the input attached."
    E029 = "Actor dictionary {path} is not valid: {reason}. See docs/actors.md for the format."
    E030 = "Verb dictionary {path} could not be used: {reason}. See docs/events.md for the format."
    E031 = "Dyad line {item} is not valid: {reason}."
    E032 = "The event classifier needs the 'classify' extra: pip install 'dateline[classify]' ({reason})."
    E033 = "Unknown classifier model {value!r}. Models: {choices}."
    E034 = "Agents dictionary {path} could not be used: {reason}. See docs/actors.md for the format."
    E035 = "The quote tagger needs the 'classify' extra: pip install 'dateline[classify]' ({reason})."
    E036 = "The quote tagger's weights could not be used: {reason}. Reinstall dateline or retrain them."
    E037 = "Unknown quote model {value!r}. Models: {choices}."
    E038 = "Unknown partial-quote style {value!r}. Styles: {choices}."


class Warnings(_Template):
    W001 = "No dateline found; the story was read as plain text."
    W002 = "Dateline found, but its date {date_text!r} could not be read as a month and day."
    W003 = "The dateline's year is unknown; pass --year to get ISO dates."
    W004 = "Input was not UTF-8; decoded as {encoding} (detected)."
    W005 = "Not analysed: language {language} (dateline analyses English)."
    W006 = "The feed entry has only a summary, not the full story."


class DatelineError(Exception):
    """An error with a stable code, e.g. ``DatelineError("E005", path="x.txt")``."""

    def __init__(self, code: str, **kwargs: Any) -> None:
        self.code = code
        self.item: str | None = kwargs.get("item")  # the record or line it is about, when there is one
        self.message = Errors[code].format(**kwargs)
        super().__init__(f"{code}: {self.message}")


def warning(code: str, **kwargs: Any) -> str:
    """A warning string for a record's ``warnings`` list: ``"W001: ..."``."""
    return f"{code}: {Warnings[code].format(**kwargs)}"
