"""The DuckDB store: idempotent upserts, errors, exports, schema version. No model needed."""

from __future__ import annotations

import io
import json

import duckdb
import pytest

from dateline.errors import DatelineError
from dateline.readers.wire import read_wire
from dateline.records import Document, InputError
from dateline.store import Store, export_parquet, export_rows

TEXT = "Headline\n\nLONDON (Reuters) - Keir Starmer said: “We want peace.”\n\nMore text."


def make_document(text: str = TEXT, path: str = "a.txt") -> Document:
    story = read_wire(text, doc_id="a", source_path=path)
    q_start = text.index("We want")
    return Document(
        story=story,
        quotes=[
            {
                "start": q_start,
                "end": q_start + 14,
                "kind": "direct",
                "speaker": {"start": text.index("Keir"), "end": text.index(" said")},
                "cue": {"start": text.index("said"), "end": text.index("said") + 4},
                "speaker_name": "Keir Starmer",
                "actor_id": "a1",
                "rule": "marks",
            }
        ],
        actors=[{"id": "a1", "name": "Keir Starmer", "code": "GBRGOV", "mentions": [{"start": 28, "end": 40}]}],
        events=[{"start": 28, "end": 70, "source_code": "GBRGOV", "target_code": None, "cameo": "010"}],
        version="test",
    )


def test_add_is_idempotent(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        assert store.add(make_document()) is True
        first = store.counts()
        assert store.add(make_document()) is False
        assert store.counts() == first
    with Store(db) as store:
        assert store.add(make_document(path="copy/a.txt")) is False
        assert store.counts() == first
        assert first == {
            "documents": 1,
            "quotes": 1,
            "actors": 1,
            "events": 1,
            "errors": 0,
            "inputs": 0,
            "registry": 1,
        }
        _, rows = store.query("SELECT cue_text, speaker_text, speaker_name FROM quotes")
        assert rows == [("said", "Keir Starmer", "Keir Starmer")]


def test_replace_rewrites_children(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.add(make_document())
        doc = make_document()
        doc.quotes = []
        assert store.add(doc, replace=True) is True
        assert store.counts()["quotes"] == 0


def test_errors_recorded_once_and_cleared_on_success(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.add_error(InputError("a.txt", "E003", "bad bytes"))
        store.add_error(InputError("a.txt", "E003", "bad bytes"))
        assert store.counts()["errors"] == 1
        store.add(make_document(path="a.txt"))
        assert store.counts()["errors"] == 0


def test_exports_read_back(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.add(make_document())
        out = io.StringIO()
        assert export_rows(store, "documents", "jsonl", out) == 1
        record = json.loads(out.getvalue())
        assert record["agencies"] == ["Reuters"]
        assert record["quotes"][0]["speaker_name"] == "Keir Starmer"
        parquet = tmp_path / "docs.parquet"
        assert export_parquet(store, "documents", parquet) == 1
        csv_out = io.StringIO()
        export_rows(store, "quotes", "csv", csv_out)
        assert csv_out.getvalue().splitlines()[0].startswith("content_hash,quote_index,kind")
        with pytest.raises(DatelineError) as info:
            export_rows(store, "nope", "csv", io.StringIO())
        assert info.value.code == "E012"
    rows = duckdb.connect().execute(f"SELECT doc_id, dateline_place FROM '{parquet}'").fetchall()
    assert rows == [("a", "London")]


def test_schema_version_mismatch_refused(tmp_path):
    db = tmp_path / "t.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(DatelineError) as info:
        Store(db)
    assert info.value.code == "E009"


def test_missing_database_and_bad_sql(tmp_path):
    with pytest.raises(DatelineError) as info:
        Store(tmp_path / "none.duckdb", create=False)
    assert info.value.code == "E010"
    with Store(tmp_path / "t.duckdb") as store, pytest.raises(DatelineError) as info:
        store.query("SELEC nonsense")
    assert info.value.code == "E011"


def person(name: str, code: str | None, start: int = 28) -> dict:
    return {"id": "a1", "name": name, "type": "person", "code": code, "mentions": [{"start": start, "end": start + 4}]}


def doc_with(actors: list[dict], text: str) -> Document:
    story = read_wire(text, doc_id="x", source_path="x.txt")
    return Document(story=story, actors=actors, version="test")


def uids(store: Store) -> dict[str, str]:
    _, rows = store.query("SELECT name, actor_uid FROM actors ORDER BY content_hash")
    return dict(rows)


def test_registry_links_people_across_stories(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.add(doc_with([person("Keir Starmer", "GBRGOV")], "A\n\nLONDON, Feb. 1, 2025 (PA) - one."))
        store.add(doc_with([person("Keir Starmer", "GBRGOV")], "B\n\nLONDON, Feb. 2, 2025 (PA) - two."))
        store.add(doc_with([person("Starmer", None)], "C\n\nLONDON, Feb. 3, 2025 (PA) - three."))
        _, rows = store.query("SELECT actor_uid, name, n_documents, first_seen, last_seen FROM registry")
        assert len(rows) == 1
        _uid, name, n, first, last = rows[0]
        assert (name, n) == ("Keir Starmer", 3)
        assert (str(first), str(last)) == ("2025-02-01", "2025-02-03")
        _, codes = store.query("SELECT code, valid_from, valid_to, n_documents FROM registry_codes")
        assert [(c, str(a), str(b), k) for c, a, b, k in codes] == [("GBRGOV", "2025-02-01", "2025-02-02", 2)]


def test_registry_never_merges_two_people_of_one_surname(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.add(doc_with([person("John Smith", "USAGOV")], "A\n\nWASHINGTON (AP) - one story here."))
        store.add(doc_with([person("John Smith", "GBRGOV")], "B\n\nLONDON (PA) - another story here."))
        store.add(doc_with([person("Smith", None)], "C\n\nPARIS (AFP) - a third story here."))
        _, rows = store.query("SELECT name, country FROM registry ORDER BY actor_uid")
        assert rows == [("John Smith", "USA"), ("John Smith", "GBR"), ("Smith", None)]


def _old_database(tmp_path, version: str, undo: str):
    """A database with one document, set back to ``version`` by the SQL ``undo``."""
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.add(make_document())
    con = duckdb.connect(str(db))
    con.execute(f"UPDATE meta SET value = '{version}' WHERE key = 'schema_version'")
    con.execute(undo)
    con.close()
    return db


def test_version_2_database_is_migrated(tmp_path):
    with Store(_old_database(tmp_path, "2", "DROP TABLE registry_aliases")) as store:
        assert store.counts()["documents"] == 1
        _, rows = store.query("SELECT value FROM meta WHERE key = 'schema_version'")
        assert rows == [("6",)]


def test_version_4_database_gets_quote_rules_from_the_stored_records(tmp_path):
    with Store(_old_database(tmp_path, "4", "ALTER TABLE quotes DROP COLUMN rule")) as store:
        _, rows = store.query("SELECT kind, rule FROM quotes")
        assert rows == [("direct", "marks")]


def _with_partial() -> Document:
    document = make_document()
    quote = document.quotes[0]
    quote["partials"] = [{"start": quote["start"] + 3, "end": quote["end"]}]
    return document


def test_partial_quotes_held_by_a_record_are_stored_with_it(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.add(_with_partial())
        _, rows = store.query("SELECT p.text FROM (SELECT unnest(partials) AS p FROM quotes)")
        assert rows == [(TEXT[TEXT.index("We want") + 3 : TEXT.index("We want") + 14],)]
        buffer = io.StringIO()
        export_rows(store, "quotes", "csv", buffer)
        assert '""start_char""' in buffer.getvalue()


def test_version_5_database_gets_partials_from_the_stored_records(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.add(_with_partial())
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.execute("ALTER TABLE quotes DROP COLUMN partials")
    con.close()
    with Store(db) as store:
        _, rows = store.query("SELECT len(partials) FROM quotes")
        assert rows == [(1,)]


def test_replace_does_not_count_a_story_twice_in_the_registry(tmp_path):
    text = "A\n\nLONDON, Feb. 1, 2025 (PA) - one."
    with Store(tmp_path / "t.duckdb") as store:
        store.add(doc_with([person("Keir Starmer", "GBRGOV")], text))
        store.add(doc_with([person("Keir Starmer", "GBRGOV")], text), replace=True)
        _, rows = store.query("SELECT n_documents FROM registry")
        assert rows == [(1,)]
        _, codes = store.query("SELECT n_documents FROM registry_codes")
        assert codes == [(1,)]
        _, aliases = store.query("SELECT n FROM registry_aliases")
        assert all(n == 1 for (n,) in aliases)
