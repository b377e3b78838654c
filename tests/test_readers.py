"""Readers for HTML, feeds, JSONL and CSV, language marking, and reader choice. No model needed."""

from __future__ import annotations

import gzip
import json

import pytest

from dateline.readers.base import InputOptions, RawInput, choose_reader, read_input
from dateline.records import InputError, Story

BODY = (
    "LONDON (Reuters) - Britain's prime minister said on Thursday that talks with Washington would go on, "
    "and that a deal on trade was close after months of negotiation between the two governments."
)


def raw(name: str, data: bytes | str) -> RawInput:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return RawInput(name, name.rsplit(".", 1)[0], payload)


def stories(items):
    return [i for i in items if isinstance(i, Story)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


HTML = f"""<!doctype html><html><head><title>Talks go on, says PM</title>
<meta property="article:published_time" content="2025-02-27"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks go on, says PM</h1><p>{BODY}</p>
<p>“We are close,” he told reporters in Downing Street on Thursday afternoon, before flying out.</p>
</article><footer>© Example News 2025</footer></body></html>"""


def test_html_article_body_metadata_and_offsets():
    (story,) = stories(read_input(raw("page.html", HTML)))
    assert story.derived
    assert story.headline_text == "Talks go on, says PM"
    assert story.dateline is not None
    assert story.dateline.place == "London"
    assert story.meta["year"] == 2025  # from the page's date, for datelines written without a year
    assert story.meta["date"] == "2025-02-27"
    assert "Home" not in story.text
    for p in story.paragraphs:
        assert story.text[p.start : p.end] == p.text


def test_html_without_article_text():
    items = read_input(raw("empty.html", "<html><body><nav>Home</nav></body></html>"))
    assert [e.code for e in errors(items)] == ["E020"]


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Full story</title><link>https://example.org/1</link><guid>id-1</guid>
<pubDate>Thu, 27 Feb 2025 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{BODY}</p><p>Second paragraph of the full story.</p>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://example.org/2</link>
<description>A short summary of a story about trade talks between the two governments.</description></item>
<item><title>Nothing</title><link>https://example.org/3</link></item>
</channel></rss>"""


def test_rss_entries_full_content_and_summaries():
    items = read_input(raw("feed.xml", RSS))
    full, teaser = stories(items)
    assert full.doc_id == "feed#1"
    assert full.headline_text == "Full story"
    assert [p.text for p in full.paragraphs][-1] == "Second paragraph of the full story."
    assert full.meta["url"] == "https://example.org/1"
    assert full.meta["date"] == "2025-02-27"
    assert teaser.meta["summary_only"] is True
    assert any(w.startswith("W006") for w in teaser.warnings)
    assert [(e.code, e.item) for e in errors(items)] == [("E020", "entry 3")]


def test_atom_feed():
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
    <entry><title>Atom story</title><id>urn:1</id><updated>2025-03-01T00:00:00Z</updated>
    <content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""
    (story,) = stories(read_input(raw("feed.atom", atom)))
    assert story.headline_text == "Atom story"
    assert story.meta["date"] == "2025-03-01"


def test_hostile_feeds_are_refused():
    bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss>&lol2;</rss>'
    assert [e.code for e in errors(read_input(raw("bomb.xml", bomb)))] == ["E024"]
    zipped = gzip.compress(b"<rss>" + b"a" * 1_000_000 + b"</rss>")
    assert [e.code for e in errors(read_input(raw("zipped.xml", zipped)))] == ["E002"]
    assert [e.code for e in errors(read_input(raw("junk.xml", "this is not xml at all <<<")))] == ["E021"]


def test_jsonl_good_and_bad_lines():
    lines = [
        json.dumps({"id": "a1", "text": BODY, "url": "https://example.org/a1", "section": "world"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a4", "body": "no text field"}),
        "",
        json.dumps({"id": "a5", "text": BODY.replace("Thursday", "Friday")}),
    ]
    options = InputOptions(id_key="id", meta_keys=("url",))
    items = read_input(raw("dump.jsonl", "\n".join(lines)), options)
    assert [s.doc_id for s in stories(items)] == ["dump:a1", "dump:a5"]
    assert stories(items)[0].meta["url"] == "https://example.org/a1"
    assert "section" not in stories(items)[0].meta
    assert [(e.code, e.item) for e in errors(items)] == [("E022", "line 2"), ("E022", "line 3"), ("E023", "line 4")]


def test_csv_rows():
    data = 'id,body\nx1,"' + BODY.replace('"', '""') + '"\nx2,\n'
    items = read_input(raw("dump.csv", data), InputOptions(text_key="body", id_key="id"))
    assert [s.doc_id for s in stories(items)] == ["dump:x1"]
    assert [(e.code, e.item) for e in errors(items)] == [("E023", "row 2")]


def test_language_marking():
    german = "Der Bundeskanzler hat am Donnerstag in Berlin gesagt, dass die Gespräche mit Washington weitergehen."
    (story,) = stories(read_input(raw("de.txt", german * 2)))
    assert story.language == "de"
    assert story.status == "not_analysed"
    assert any(w.startswith("W005") for w in story.warnings)
    (english,) = stories(read_input(raw("en.txt", BODY)))
    assert (english.language, english.status) == ("en", "analysed")


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", b"plain", "dateline.wire_reader.v1"),
        ("a", b"<!DOCTYPE html><html>", "dateline.html_reader.v1"),
        ("a", b'<?xml version="1.0"?><rss>', "dateline.feed_reader.v1"),
        ("a.jsonl", b"{}", "dateline.jsonl_reader.v1"),
        ("a.CSV", b"x", "dateline.csv_reader.v1"),
    ],
)
def test_reader_choice(name, data, expected):
    assert choose_reader(RawInput(name, "a", data)) == expected


def test_unknown_reader_is_an_error():
    items = read_input(raw("a.txt", "x"), InputOptions(reader="pdf"))
    assert [e.code for e in errors(items)] == ["E025"]


def test_csv_in_a_legacy_encoding_keeps_its_warning():
    body = "Le président a déclaré à la presse que la réunion était terminée selon le ministère."
    data = ("id,text\n1," + body + "\n").encode("cp1252")
    (story,) = stories(read_input(raw("dump.csv", data), InputOptions(detect_language=False)))
    assert story.text == body
    assert any(w.startswith("W004") for w in story.warnings)
