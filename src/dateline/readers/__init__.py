"""Readers: raw input → :class:`~dateline.records.Story`. No spaCy here."""

from . import wire
from .base import (
    DEFAULT_MAX_BYTES,
    STDIN,
    RawInput,
    Reader,
    decode,
    get_reader,
    iter_input_paths,
    read_raw,
    read_story,
    readers,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "RawInput",
    "Reader",
    "decode",
    "get_reader",
    "iter_input_paths",
    "read_raw",
    "read_story",
    "readers",
    "wire",
]
