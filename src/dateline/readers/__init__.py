"""Readers: raw input → :class:`~dateline.records.Story` objects. No spaCy here."""

from . import dumps, feeds, html, wire
from .base import (
    DEFAULT_MAX_BYTES,
    STDIN,
    InputOptions,
    RawInput,
    Reader,
    choose_reader,
    decode,
    decode_input,
    get_reader,
    iter_input_paths,
    read_input,
    read_raw,
    readers,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "InputOptions",
    "RawInput",
    "Reader",
    "choose_reader",
    "decode",
    "decode_input",
    "dumps",
    "feeds",
    "get_reader",
    "html",
    "iter_input_paths",
    "read_input",
    "read_raw",
    "readers",
    "wire",
]
