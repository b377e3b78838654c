"""What every reader shares: input discovery, safe decoding, language, and the reader registry.

A reader turns one input's bytes into stories: ``reader(raw, options)`` yields
:class:`~dateline.records.Story` objects, or :class:`~dateline.records.InputError` for the
parts it could not read (a bad JSONL line does not lose the good ones). Readers need no spaCy.
They are registered in a catalogue registry under versioned names
(``"dateline.wire_reader.v1"``), so a behaviour change gets a new name and old configurations
keep working; users add their own through the ``dateline_readers`` entry point.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

import catalogue

from ..errors import DatelineError, warning
from ..records import InputError, Story

#: Default limit on one input's size, in bytes (5 MB of text).
DEFAULT_MAX_BYTES = 5_000_000

STDIN = "-"

# Leading bytes of common binary formats that end up in news folders by accident.
_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive or Office document",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
}
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# A well-formed multi-byte UTF-8 sequence: its presence means "UTF-8 with damage", not a legacy
# 8-bit encoding, so such input is refused rather than guessed into mojibake.
_WESTERN = {"cp1252", "latin_1", "iso8859_15"}
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class InputOptions:
    """How inputs are read.

    ``reader`` is a registered reader name or ``"auto"`` (by file extension and content);
    ``encoding`` None means UTF-8 with detection of legacy encodings; ``year`` resolves
    dateline dates written without one; ``text_key``/``id_key``/``meta_keys`` name the
    fields of JSONL and CSV records.
    """

    reader: str = "auto"
    encoding: str | None = None
    year: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    text_key: str = "text"
    id_key: str | None = None
    meta_keys: tuple[str, ...] = field(default_factory=tuple)
    detect_language: bool = True


@dataclass(frozen=True)
class RawInput:
    """One input before decoding: where it came from and its bytes."""

    source_path: str
    doc_id: str
    data: bytes


class Reader(Protocol):
    """Turns one raw input into stories (and errors for the parts it could not read)."""

    def __call__(self, raw: RawInput, options: InputOptions) -> Iterable[Story | InputError]: ...


readers = catalogue.create("dateline", "readers", entry_points=True)

_BY_EXTENSION = {
    ".html": "dateline.html_reader.v1",
    ".htm": "dateline.html_reader.v1",
    ".xhtml": "dateline.html_reader.v1",
    ".rss": "dateline.feed_reader.v1",
    ".atom": "dateline.feed_reader.v1",
    ".xml": "dateline.feed_reader.v1",
    ".feed": "dateline.feed_reader.v1",
    ".jsonl": "dateline.jsonl_reader.v1",
    ".ndjson": "dateline.jsonl_reader.v1",
    ".csv": "dateline.csv_reader.v1",
}
_SHORT_NAMES = {
    "wire": "dateline.wire_reader.v1",
    "html": "dateline.html_reader.v1",
    "feed": "dateline.feed_reader.v1",
    "jsonl": "dateline.jsonl_reader.v1",
    "csv": "dateline.csv_reader.v1",
}


def get_reader(name: str) -> Reader:
    full = _SHORT_NAMES.get(name, name)
    try:
        reader: Reader = readers.get(full)
    except catalogue.RegistryError as exc:
        choices = ", ".join(sorted(set(_SHORT_NAMES) | set(readers.get_all())))
        raise DatelineError("E025", value=name, choices=choices) from exc
    return reader


def choose_reader(raw: RawInput, requested: str = "auto") -> str:
    """The reader for an input: the requested one, else by extension, else by a look at the bytes."""
    if requested != "auto":
        return _SHORT_NAMES.get(requested, requested)
    by_extension = _BY_EXTENSION.get(Path(raw.source_path).suffix.lower())
    if by_extension:
        return by_extension
    head = raw.data[:2048].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return _BY_EXTENSION[".html"]
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return _BY_EXTENSION[".rss"]
    return "dateline.wire_reader.v1"


def iter_input_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand files, directories (recursively, sorted, hidden entries skipped) and ``-``.

    A path that does not exist is yielded as is; reading it raises E005, so it is reported
    like any other bad input instead of stopping the batch.
    """
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
        else:
            yield raw


def doc_id_for(source_path: str) -> str:
    """The record's ``doc_id``: the file's stem (``stdin`` for standard input)."""
    return "stdin" if source_path == STDIN else Path(source_path).stem


def _read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DatelineError("E004", size=len(data), limit=max_bytes)
    return data


def read_raw(source_path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> RawInput:
    """Read one input's bytes, refusing oversized files before reading them whole."""
    if source_path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return RawInput(STDIN, doc_id_for(STDIN), _read_limited(stream, max_bytes))
    path = Path(source_path)
    if not path.exists():
        raise DatelineError("E005", path=source_path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DatelineError("E004", size=size, limit=max_bytes)
        with path.open("rb") as handle:
            data = _read_limited(handle, max_bytes)
    except OSError as exc:
        raise DatelineError("E006", reason=exc.strerror or str(exc)) from exc
    return RawInput(source_path, doc_id_for(source_path), data)


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or None when it may be text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if data.startswith(_UTF16_BOMS):
        return None
    if b"\x00" in data[:8192]:
        return "contains NUL bytes"
    return None


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    detected: bool = False


def _detect_legacy(data: bytes) -> str | None:
    """A legacy 8-bit encoding for ``data`` when it is clearly not UTF-8, else None."""
    if _UTF8_MULTIBYTE.search(data):
        return None
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None or best.encoding.startswith("utf") or best.chaos > 0.2:
        return None
    # Near-ties between single-byte code pages are common on short texts (cp1250 and cp1252
    # differ in a few letters); Western European is by far the likeliest for English news.
    tied = {m.encoding for m in matches if m.chaos <= best.chaos + 0.01}
    if tied & _WESTERN:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin_1"
        return "cp1252"
    return str(best.encoding)


def decode_input(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode input bytes to text, with a numbered error for each way this can fail.

    UTF-8 is the default; a UTF-16 byte-order mark is honoured. Input that is not UTF-8 at
    all (no multi-byte sequences) is decoded with the encoding charset-normalizer detects;
    UTF-8 with damaged bytes is refused (E003) rather than guessed. The text is returned
    exactly as decoded (a UTF-8 byte-order mark is kept as U+FEFF) so that offsets agree with
    any other tool that decodes the same file the same way.
    """
    if not data:
        raise DatelineError("E001")
    kind = sniff_binary(data)
    if kind is not None:
        raise DatelineError("E002", kind=kind)
    detect = encoding is None
    if encoding is None:
        encoding = "utf-16" if data.startswith(_UTF16_BOMS) else "utf-8"
    else:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise DatelineError("E018", value=encoding) from exc
    detected = False
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        legacy = _detect_legacy(data) if detect else None
        if legacy is None:
            raise DatelineError("E003", encoding=encoding, offset=exc.start) from exc
        encoding, detected = legacy, True
        text = data.decode(encoding)
    if not text.strip():
        raise DatelineError("E001")
    if "\x00" in text:
        raise DatelineError("E002", kind="contains NUL characters")
    return Decoded(text, encoding, detected)


def decode(data: bytes, encoding: str | None = None) -> str:
    """:func:`decode_input`, returning only the text."""
    return decode_input(data, encoding).text


def input_error(source_path: str, exc: DatelineError, item: str = "") -> InputError:
    return InputError(source_path, exc.code, exc.message, item)


def read_input(raw: RawInput, options: InputOptions = InputOptions()) -> list[Story | InputError]:
    """Run the right reader on one input. Errors become InputErrors; nothing raises."""
    try:
        reader = get_reader(choose_reader(raw, options.reader))
        items = list(reader(raw, options))
        if options.detect_language:
            from .language import mark_language

            for item in items:
                if isinstance(item, Story):
                    mark_language(item)
    except DatelineError as exc:
        return [input_error(raw.source_path, exc)]
    except Exception as exc:  # noqa: BLE001 - a reader bug must not take the batch down
        return [input_error(raw.source_path, DatelineError("E028", reason=repr(exc)))]
    return items


def decoded_story_text(raw: RawInput, options: InputOptions) -> tuple[str, list[str]]:
    """Decode a plain-text input; warnings to attach to its story (W004 when detected)."""
    decoded = decode_input(raw.data, options.encoding)
    notes = [warning("W004", encoding=decoded.encoding)] if decoded.detected else []
    return decoded.text, notes
