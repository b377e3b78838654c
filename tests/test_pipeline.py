"""Sentence boundaries and the Doc contract. Model-free tests use spacy.blank."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.pipeline import analyze_story, make_doc
from dateline.readers.wire import read_wire
from dateline.sentences import PARAGRAPHS_KEY

TEXT = (
    "Talks open in Geneva\n\n"
    "GENEVA, March 3 (AP) — Diplomats met on Monday and the talks went on late\n\n"
    "into the night while aides waited outside.\n\n"
    "“We are close,” one envoy said."
)


def test_paragraph_starts_are_sentence_starts(blank_nlp):
    doc = blank_nlp("First paragraph without a stop\n\nsecond paragraph starts lower case\n\nthird")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["First", "second", "third"]
    assert [s.text for s in doc.spans[PARAGRAPHS_KEY]] == [
        "First paragraph without a stop",
        "second paragraph starts lower case",
        "third",
    ]


def test_reader_breaks_include_dateline_end(blank_nlp):
    story = read_wire(TEXT, doc_id="g")
    doc = blank_nlp(make_doc(blank_nlp, story))
    starts = {t.idx for t in doc if t.is_sent_start}
    assert story.dateline is not None
    body_start = story.paragraphs[0].start
    assert TEXT[body_start:].startswith("Diplomats")
    assert {0, story.dateline.start, body_start} <= starts


def test_components_publish_empty_records_that_survive_to_bytes(blank_nlp):
    story = read_wire(TEXT, doc_id="g")
    document = analyze_story(story, blank_nlp)
    assert document.quotes == []
    assert document.actors == []
    assert document.events == []
    doc = blank_nlp(make_doc(blank_nlp, story))
    copy = Doc(blank_nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.dateline_story == doc._.dateline_story
    assert copy._.dateline_quotes == []
    assert [(s.start, s.end) for s in copy.spans[PARAGRAPHS_KEY]] == [
        (s.start, s.end) for s in doc.spans[PARAGRAPHS_KEY]
    ]


def test_factories_are_entry_points():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"dateline_paragraphs", "dateline_quotes", "dateline_actors", "dateline_events"} <= names


@pytest.mark.model
def test_sentences_never_cross_blank_lines_with_parser(nlp):
    story = read_wire(TEXT, doc_id="g")
    doc = nlp(make_doc(nlp, story))
    breaks = doc._.dateline_story["breaks"]
    for sent in doc.sents:
        inner = [b for b in breaks if sent.start_char < b < sent.end_char]
        assert not inner, f"sentence {sent.text!r} crosses a paragraph break"
        assert "\n\n" not in sent.text.strip()


@pytest.mark.model
def test_offsets_survive_nbsp_normalisation(nlp):
    text = "Headline\n\nLONDON (Reuters)\u00a0-\u00a0Keir\u00a0Starmer met Donald Trump."
    story = read_wire(text, doc_id="n")
    doc = nlp(make_doc(nlp, story))
    ents = {text[e.start_char : e.end_char] for e in doc.ents}
    assert "Keir\u00a0Starmer" in ents or "Donald Trump" in ents
    for token in doc:
        assert text[token.idx : token.idx + len(token)].replace("\u00a0", " ") == token.text
