"""Wire-copy reading: headline, dateline, agencies, credit, body offsets. No model needed."""

from __future__ import annotations

import pytest

from dateline.readers.wire import find_credit, find_dateline, parse_date, read_wire

NBSP = "\u00a0"


def dateline_of(text: str, year: int | None = None):
    found = find_dateline(text, 0, len(text), year)
    return None if found is None else found[0]


@pytest.mark.parametrize(
    ("text", "place", "region", "date_text", "agencies"),
    [
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "Washington", None, None, ("AP",)),
        ("LONDON, Feb 27 (Reuters) - Britain said on Thursday.", "London", None, "Feb 27", ("Reuters",)),
        ("PARIS, Feb. 27, 2025 (AFP) - France said.", "Paris", None, "Feb. 27, 2025", ("AFP",)),
        ("Berlin (dpa) - Germany said.", "Berlin", None, None, ("dpa",)),
        ("London, Feb. 27, (PA Media/dpa/GNA) – Sir Keir flew.", "London", None, "Feb. 27", ("PA Media", "dpa", "GNA")),
        ("KYIV, Ukraine (AP) — Russia fired missiles.", "Kyiv", "Ukraine", None, ("AP",)),
        ("NEW DELHI, March 3 (IANS) -- India said.", "New Delhi", None, "March 3", ("IANS",)),
        ("WASHINGTON — The Senate voted.", "Washington", None, None, ()),
        ("Geneva, 14 June – Talks resumed.", "Geneva", None, "14 June", ()),
        (f"NEW YORK{NBSP}(AP){NBSP}—{NBSP}Stocks fell.", "New York", None, None, ("AP",)),
        (
            f"London,{NBSP}Feb.{NBSP}27,{NBSP}(PA{NBSP}Media/dpa){NBSP}–{NBSP}x",
            "London",
            None,
            "Feb. 27",
            ("PA Media", "dpa"),
        ),
    ],
)
def test_dateline_layouts(text, place, region, date_text, agencies):
    dl = dateline_of(text)
    assert dl is not None
    assert (dl.place, dl.region, dl.date_text, dl.agencies) == (place, region, date_text, agencies)
    assert text[dl.start : dl.end] == dl.text
    assert dl.text == dl.text.strip()
    assert text[dl.end :].strip()


@pytest.mark.parametrize(
    "text",
    [
        "The minister (who was there) - said no.",
        "Mr Smith – the former minister – said he would go.",
        "Trump has said he would not provide security guarantees.",
        "In a statement (PDF) the company said it would appeal.",
        "It was, he said (quietly), over.",
        "",
    ],
)
def test_no_dateline_in_ordinary_sentences(text):
    assert dateline_of(text) is None


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Feb. 27", None, (2, 27, None, None)),
        ("Feb. 27", 2025, (2, 27, 2025, "2025-02-27")),
        ("Sept. 3", 2024, (9, 3, 2024, "2024-09-03")),
        ("27 February 2025", None, (2, 27, 2025, "2025-02-27")),
        ("February 29, 2023", None, (None, None, 2023, None)),
        ("2025-02-27", None, (2, 27, 2025, "2025-02-27")),
        ("Thursday", 2025, (None, None, 2025, None)),
    ],
)
def test_parse_date(text, year, expected):
    assert parse_date(text, year) == expected


def test_year_option_gives_iso_date():
    text = "Headline here\n\nLONDON, Feb 27 (Reuters) - Britain said."
    story = read_wire(text, doc_id="x", year=2025)
    assert story.dateline is not None
    assert story.dateline.date == "2025-02-27"
    assert not any(w.startswith("W003") for w in story.warnings)
    assert any(w.startswith("W003") for w in read_wire(text, doc_id="x").warnings)


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("GNA", ("GNA",)),
        ("dpa ab/xy", None),
        ("dpa/xy", ("dpa",)),
        ("(Reporting by Jane Doe; Editing by John Roe)", ()),
        ("Associated Press writer Jill Lawless in London contributed to this report.", ()),
        ("© Reuters 2025", ("Reuters",)),
        ("He said.", None),
        ("The end of the story is near", None),
    ],
)
def test_trailing_credit(line, agencies):
    credit = find_credit(line, 0, len(line))
    if agencies is None:
        assert credit is None
    else:
        assert credit is not None
        assert credit.agencies == agencies


WIRE = (
    "Starmer heads to Washington\n\n"
    "By Jane Doe, Political Correspondent\n\n"
    "LONDON, Feb. 27 (PA Media/dpa) – The prime minister flew out on Wednesday.\n\n"
    "He said: “We want peace.”\n\n"
    "dpa/xy"
)


def test_read_wire_parts_and_offsets():
    story = read_wire(WIRE, doc_id="s")
    assert story.headline_text == "Starmer heads to Washington"
    assert story.byline_text == "By Jane Doe, Political Correspondent"
    assert story.dateline is not None
    assert story.dateline.place == "London"
    assert story.agencies == ["PA Media", "dpa"]
    assert story.credit is not None
    assert story.credit.text == "dpa/xy"
    assert [p.text for p in story.paragraphs] == [
        "The prime minister flew out on Wednesday.",
        "He said: “We want peace.”",
    ]
    for p in story.paragraphs:
        assert WIRE[p.start : p.end] == p.text


def test_agencies_merge_dateline_and_credit_without_repeats():
    story = read_wire("Headline\n\nBERLIN (dpa) - Text here.\n\nMore.\n\nAFP/dpa", doc_id="s")
    assert story.agencies == ["dpa", "AFP"]


def test_plain_text_without_dateline_degrades_gracefully():
    text = "The council met on Tuesday and agreed the budget.\n\nIt will meet again in May."
    story = read_wire(text, doc_id="plain")
    assert story.dateline is None
    assert story.headline is None
    assert [p.text for p in story.paragraphs] == text.split("\n\n")
    assert story.warnings
    assert story.warnings[0].startswith("W001")


def test_title_case_headline_with_full_stop():
    text = "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\n\nA poll shows it."
    assert read_wire(text, doc_id="x").headline_text == text.split("\n\n")[0]


def test_headline_and_dek_before_the_dateline():
    text = (
        "E.U. leaders weigh plans for greater military coordination.\n\n"
        "After Brexit, bloc aims to rely less on U.S. support.\n\n"
        "BRUSSELS - European leaders gathered Friday to discuss defence.\n\nMore text."
    )
    story = read_wire(text, doc_id="x")
    assert story.headline_text == "E.U. leaders weigh plans for greater military coordination."
    assert story.dateline is not None
    assert story.dateline.place == "Brussels"
    # the dek stays a paragraph, before the dateline's
    assert [p.text for p in story.paragraphs] == [
        "After Brexit, bloc aims to rely less on U.S. support.",
        "European leaders gathered Friday to discuss defence.",
        "More text.",
    ]
    assert not story.warnings
    # a detected headline, then a dek
    story = read_wire("Budget Row Deepens\n\nThe minister faces a revolt.\n\nLONDON (PA) - Text.", doc_id="y")
    assert story.headline_text == "Budget Row Deepens"
    assert story.dateline is not None
    assert [p.text for p in story.paragraphs] == ["The minister faces a revolt.", "Text."]
    # a long first paragraph is no dek: the dateline is not looked for after it
    long = " ".join(["word"] * 60) + ".\n\nLONDON (PA) - Text."
    assert read_wire(long, doc_id="z").dateline is None


def test_crlf_and_nbsp_offsets_index_original_text():
    text = "Headline\r\n\r\nLONDON,\u00a0Feb 27 (Reuters)\u00a0-\u00a0Body one.\r\n\r\nBody two.\r\n"
    story = read_wire(text, doc_id="x")
    assert story.headline_text == "Headline"
    assert story.dateline is not None
    assert story.dateline.place == "London"
    assert [text[p.start : p.end] for p in story.paragraphs] == ["Body one.", "Body two."]


@pytest.mark.parametrize(
    "text",
    [
        "x",
        "(AP)",
        "(((((",
        "WASHINGTON (AP) —",
        "\n\n\n",
        "“" * 1000,
        "A" * 100_000,
        "Headline\n\n(Reuters) - only a credit",
    ],
)
def test_odd_inputs_never_raise(text):
    story = read_wire(text, doc_id="odd")
    for p in story.paragraphs:
        assert text[p.start : p.end] == p.text


def test_story_date_from_dateline_else_reader_meta():
    story = read_wire("Headline\n\nLONDON, Feb 27, 2025 (Reuters) - Body.", doc_id="x")
    assert story.date == "2025-02-27"
    plain = read_wire("Just a body paragraph here.", doc_id="y")
    assert plain.date is None
    plain.meta["date"] = "2024-05-06T10:00:00Z"
    assert plain.date == "2024-05-06"
    plain.meta["date"] = "Thu, 27 Feb"
    assert plain.date is None
