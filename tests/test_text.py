from __future__ import annotations

from dateline.text import normalize_for_nlp, split_paragraphs


def spans_text(text: str) -> list[str]:
    return [text[s:e] for s, e in split_paragraphs(text)]


def test_blank_lines_separate_paragraphs():
    assert spans_text("One.\nstill one.\n\nTwo.\n \n\u00a0\nThree.") == ["One.\nstill one.", "Two.", "Three."]


def test_single_lines_are_paragraphs_when_no_blank_line():
    assert spans_text("One.\nTwo.\nThree.") == ["One.", "Two.", "Three."]


def test_edges_and_bom_trimmed():
    assert spans_text("\ufeff  Hello.  \n\n") == ["Hello."]


def test_normalize_keeps_length():
    text = "a\u00a0b\u2009c\r\nd\ufeff"
    out = normalize_for_nlp(text)
    assert len(out) == len(text)
    assert out == "a b c \nd "
