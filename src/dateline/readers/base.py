"""What every reader shares: input discovery, safe decoding, and the reader registry.

Readers turn raw bytes into a :class:`~dateline.records.Story` and need no spaCy. They are
registered in a catalogue registry under versioned names (``"dateline.wire_reader.v1"``), so
that a behaviour change gets a new name and old configurations keep working.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

import catalogue

from ..errors import DatelineError
from ..records import Story

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


class Reader(Protocol):
    """Turns decoded text into a Story. ``year`` helps resolve dates written without one."""

    def __call__(self, text: str, *, doc_id: str, source_path: str | None = None, year: int | None = None) -> Story: ...


readers = catalogue.create("dateline", "readers", entry_points=True)


def get_reader(name: str) -> Reader:
    reader: Reader = readers.get(name)
    return reader


@dataclass(frozen=True)
class RawInput:
    """One input before decoding: where it came from and its bytes."""

    source_path: str
    doc_id: str
    data: bytes


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


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode input bytes to text, with a numbered error for each way this can fail.

    UTF-8 is the default. A UTF-16 byte-order mark is honoured. The text is returned exactly
    as decoded (a UTF-8 byte-order mark is kept as U+FEFF) so that offsets agree with any
    other tool that decodes the same file as UTF-8.
    """
    if not data:
        raise DatelineError("E001")
    kind = sniff_binary(data)
    if kind is not None:
        raise DatelineError("E002", kind=kind)
    if encoding is None:
        encoding = "utf-16" if data.startswith(_UTF16_BOMS) else "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise DatelineError("E018", value=encoding) from exc
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DatelineError("E003", encoding=encoding, offset=exc.start) from exc
    if not text.strip():
        raise DatelineError("E001")
    if "\x00" in text:
        raise DatelineError("E002", kind="contains NUL characters")
    return text


def read_story(
    raw: RawInput, *, reader: str = "dateline.wire_reader.v1", encoding: str | None = None, year: int | None = None
) -> Story:
    """Decode one raw input and run the named reader on it."""
    text = decode(raw.data, encoding)
    return get_reader(reader)(text, doc_id=raw.doc_id, source_path=raw.source_path, year=year)
