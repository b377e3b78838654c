"""Decoding and reading: every bad input gets its own numbered error."""

from __future__ import annotations

import codecs
import io

import pytest

from dateline.errors import DatelineError
from dateline.readers.base import decode, decode_input, doc_id_for, iter_input_paths, read_raw


def code_of(func, *args, **kwargs) -> str:
    with pytest.raises(DatelineError) as info:
        func(*args, **kwargs)
    return info.value.code


def test_empty_and_whitespace_only():
    assert code_of(decode, b"") == "E001"
    assert code_of(decode, b" \n\t\n") == "E001"


@pytest.mark.parametrize("data", [b"%PDF-1.7 ...", b"\x7fELF\x02\x01", b"PK\x03\x04abc", b"abc\x00def"])
def test_binary(data):
    assert code_of(decode, data) == "E002"


def test_damaged_utf8_is_refused_with_offset_and_fix():
    good = "Café society in Zürich".encode()
    with pytest.raises(DatelineError) as info:
        decode(good + b" \xff\xfe broken")
    assert info.value.code == "E003"
    assert f"offset {len(good) + 1}" in info.value.message
    assert "--encoding" in info.value.message


def test_legacy_encoding_is_detected():
    text = "Le président a déclaré à la presse que la réunion était terminée. " * 3
    decoded = decode_input(text.encode("cp1252"))
    assert decoded.detected
    assert decoded.text == text


def test_explicit_encoding():
    assert decode(b"Caf\xe9", "cp1252") == "Café"
    assert code_of(decode, b"abc", "no-such-codec") == "E018"


def test_utf16_bom_and_utf8_bom_kept():
    assert decode(codecs.BOM_UTF16_LE + "Hi there".encode("utf-16-le")) == "Hi there"
    assert decode(codecs.BOM_UTF8 + b"Hi") == "\ufeffHi"


def test_size_limit_checked_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    assert code_of(read_raw, str(big), max_bytes=1000) == "E004"
    assert code_of(read_raw, "-", max_bytes=10, stdin=io.BytesIO(b"y" * 11)) == "E004"


def test_missing_path():
    assert code_of(read_raw, "/no/such/file.txt") == "E005"


def test_directories_expand_sorted_and_skip_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.txt", "b/c.txt", ".hidden.txt", ".git/x"):
        (tmp_path / name).write_text("x")
    found = list(iter_input_paths([str(tmp_path), "-"]))
    assert found == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt"), "-"]
    assert doc_id_for(found[0]) == "a"
    assert doc_id_for("-") == "stdin"
