"""The CLI, run in-process. Most tests swap the model for a blank pipeline; `model` tests don't."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app

from .conftest import EVAL, ROOT, need_shared

runner = CliRunner()

GOOD = "Talks in Geneva\n\nGENEVA, March 3 (AP) — Diplomats met on Monday.\n\nThey will meet again.\n\nAP"


@pytest.fixture
def no_model(monkeypatch, blank_nlp):
    monkeypatch.setattr("dateline.batch.load_nlp", lambda config=None: blank_nlp)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "other.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes(("Café society in Zürich, said the président.\n\n" * 3).encode("latin-1"))
    (folder / "damaged.txt").write_bytes("Café society".encode() + b"\xff\xfe and more text")
    (folder / "huge.txt").write_bytes(b"word " * 4_200_000)  # 21 MB
    return folder


def test_bad_inputs_do_not_take_down_the_batch(no_model, corpus):
    result = runner.invoke(app, ["extract", str(corpus), "-q"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["doc_id"] for r in records) == ["good", "latin1", "other"]
    latin1 = next(r for r in records if r["doc_id"] == "latin1")
    assert any(w.startswith("W004") for w in latin1["warnings"])
    assert latin1["text"].startswith("Café society in Zürich")  # offsets index the decoded text it carries
    errors = [line for line in result.stderr.splitlines() if line.startswith("error ")]
    codes = {re.search(r"(E\d{3}) (\S+)", line).groups() for line in errors}
    assert {(c, p.rsplit("/", 1)[-1].rstrip(":")) for c, p in codes} == {
        ("E001", "empty.txt"),
        ("E002", "binary.bin"),
        ("E003", "damaged.txt"),
        ("E004", "huge.txt"),
    }
    assert "Traceback" not in result.stderr


def test_extract_record_fields(no_model, corpus):
    result = runner.invoke(app, ["extract", str(corpus / "good.txt"), "--year", "2025", "-q"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    for key in (
        "doc_id",
        "headline",
        "dateline",
        "agencies",
        "quotes",
        "events",
        "actors",
        "paragraphs",
        "content_hash",
    ):
        assert key in record
    assert record["dateline"]["date"] == "2025-03-03"
    assert record["agencies"] == ["AP"]


def test_extract_formats_and_output_file(no_model, corpus, tmp_path):
    out = tmp_path / "out.json"
    assert runner.invoke(app, ["extract", str(corpus / "good.txt"), "-f", "json", "-o", str(out), "-q"]).exit_code == 0
    assert json.loads(out.read_text())[0]["doc_id"] == "good"
    again = runner.invoke(app, ["extract", str(corpus / "good.txt"), "-o", str(out), "-q"])
    assert again.exit_code == 2
    assert "E008" in again.stderr
    assert runner.invoke(app, ["extract", str(corpus / "good.txt"), "-o", str(out), "--force", "-q"]).exit_code == 0
    table = runner.invoke(app, ["extract", str(corpus / "good.txt"), "-f", "table", "-q"])
    assert "Geneva" in table.stdout


def test_jsonl_options(no_model, tmp_path):
    dump = tmp_path / "dump.jsonl"
    rows = [{"uid": "u1", "body": GOOD, "url": "https://example.org/1", "section": "world", "x": 1}]
    dump.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    args = ["extract", str(dump), "--text-key", "body", "--id-key", "uid", "--meta-keys", "url,section", "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["doc_id"] == "dump:u1"
    assert record["meta"]["url"] == "https://example.org/1"
    assert record["meta"]["section"] == "world"
    assert "x" not in record["meta"]
    assert record["text"] == GOOD


def test_extract_stdin(no_model):
    result = runner.invoke(app, ["extract", "-", "-q"], input=GOOD)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["doc_id"] == "stdin"


def test_usage_errors_exit_2(no_model, tmp_path):
    assert runner.invoke(app, ["extract", "--format", "xml", "x"]).exit_code == 2
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 2
    assert "E016" in result.stderr
    assert runner.invoke(app, ["extract", "x", "--year", "25"]).exit_code == 2
    story = tmp_path / "story.txt"
    story.write_text("Officials said the talks failed.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(story), "--quote-model", "neural"])
    assert result.exit_code == 2
    assert "E037" in result.stderr
    result = runner.invoke(app, ["extract", str(story), "--partials", "nested"])
    assert result.exit_code == 2
    assert "E038" in result.stderr


def test_ingest_twice_changes_nothing_and_exports(no_model, corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "-q"])
    assert first.exit_code == 1
    con = duckdb.connect(str(db), read_only=True)
    counts = con.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM errors), (SELECT count(*) FROM inputs)"
    ).fetchone()
    con.close()
    assert counts == (3, 4, 7)
    second = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "0 stored" in second.stderr
    assert "7 inputs skipped" in second.stderr
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--replace", "-q"])
    assert again.exit_code == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (3,)
    assert con.execute("SELECT count(*) FROM errors").fetchone() == (4,)
    sources = {r[0].rsplit("/", 1)[-1] for r in con.execute("SELECT source_path FROM documents").fetchall()}
    con.close()
    assert sources == {"good.txt", "other.txt", "latin1.txt"}

    parquet = tmp_path / "docs.parquet"
    assert runner.invoke(app, ["db", "export", "--db", str(db), "-f", "parquet", "-o", str(parquet)]).exit_code == 0
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{parquet}'").fetchone() == (3,)
    jsonl = runner.invoke(app, ["db", "export", "--db", str(db), "-f", "jsonl"])
    assert sorted(json.loads(line)["doc_id"] for line in jsonl.stdout.splitlines()) == ["good", "latin1", "other"]
    query = runner.invoke(app, ["db", "query", "SELECT code FROM errors ORDER BY code", "--db", str(db), "-f", "csv"])
    assert query.stdout.split() == ["code", "E001", "E002", "E003", "E004"]
    errors = runner.invoke(app, ["db", "errors", "--db", str(db), "-f", "jsonl"])
    assert len(errors.stdout.splitlines()) == 4
    info = runner.invoke(app, ["db", "info", "--db", str(db)])
    assert "schema_version: 6" in info.stdout
    bad = runner.invoke(app, ["db", "query", "SELEC", "--db", str(db)])
    assert bad.exit_code == 2
    assert "E011" in bad.stderr
    missing = runner.invoke(app, ["db", "info", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2
    assert "E010" in missing.stderr


def _commands(group, prefix=""):
    import typer.main

    click_group = typer.main.get_command(group)
    for name, command in click_group.commands.items():
        if hasattr(command, "commands"):
            yield from (f"{name} {sub}" for sub in command.commands)
        else:
            yield f"{prefix}{name}"


def test_commands_are_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = list(_commands(app))
    assert "extract" in commands
    assert "db export" in commands
    missing = [c for c in commands if f"dateline {c}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_python_m_dateline_version():
    out = subprocess.run([sys.executable, "-m", "dateline", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("dateline ")


@pytest.mark.model
def test_seed_story_metadata_scores_true(seed_path, tmp_path):
    scorer = need_shared(EVAL / "score_seed.py")
    out = tmp_path / "seed.jsonl"
    result = runner.invoke(app, ["extract", str(seed_path), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["headline"] == "Starmer in Washington for Trump talks as US-Europe ties under strain"
    assert record["dateline"]["place"] == "London"
    assert record["agencies"] == ["PA Media", "dpa", "GNA"]
    text = seed_path.read_text(encoding="utf-8")
    for p in record["paragraphs"]:
        assert text[p["start"] : p["end"]] == p["text"]
    scored = subprocess.run(
        [sys.executable, str(scorer), str(out), "--json"], capture_output=True, text=True, check=True
    )
    assert json.loads(scored.stdout)["metadata"] == {"headline": True, "dateline_place": True, "agencies": True}


@pytest.mark.model
def test_extract_with_model_on_polnear_sample(tmp_path):
    folder = need_shared(ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "dev" / "text")
    files = sorted(folder.glob("*.txt"))[:5]
    result = runner.invoke(app, ["extract", *map(str, files), "-q"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc_id"] for r in records] == [f.stem for f in files]
    assert all(r["headline"] for r in records)
