"""The batch runner at small scale: hostile corpus, SIGKILL resumability, workers, dedupe."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from dateline.dedupe import DuplicateIndex, signature
from dateline.readers.wire import read_wire

from .conftest import ROOT

SCRIPTS = ROOT / "scripts"

STORY = (
    "Talks resume in Geneva\n\nGENEVA, March 3 (AP) — Diplomats from forty countries met on Monday to restart talks "
    "on a ceasefire, and officials said the first session ran late into the night.\n\n"
    "“We are making progress,” the chief negotiator told reporters outside the hall after midnight.\n\n"
    "The next round is planned for April in Vienna, according to the organisers of the conference.\n\n"
    "Several delegations asked for more time to consult their governments before any agreement is signed.\n\nAP"
)
OTHER = (
    "Ceasefire plan criticised\n\nGENEVA, March 4 (Reuters) - A group of aid agencies criticised the ceasefire plan "
    "on Tuesday, saying it did too little for civilians trapped in the fighting near the border.\n\n"
    "The agencies called on the negotiators in Geneva to open humanitarian corridors before the talks resume.\n\n"
    "Reuters"
)


def sig(text: str) -> list[int]:
    values = signature(read_wire(text, doc_id="x"))
    assert values is not None
    return values


def test_near_duplicates_link_to_first_copy_but_same_topic_does_not():
    index = DuplicateIndex()
    index.add("original", sig(STORY))
    paragraphs = STORY.split("\n\n")
    copy = "\n\n".join(["Geneva talks restart", *paragraphs[1:4], "dpa/xy"])  # new headline, credit, one dropped
    assert index.find(sig(copy)) == "original"
    assert index.find(sig(OTHER)) is None


@pytest.mark.model
def test_hostile_corpus_every_input_accounted_for(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "c.duckdb"
    subprocess.run(
        [sys.executable, str(SCRIPTS / "make_test_corpus.py"), str(corpus), "--files", "45", "--small"],
        check=True,
        capture_output=True,
    )
    n_inputs = sum(1 for p in corpus.rglob("*") if p.is_file())
    run = subprocess.run(
        [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db), "--workers", "2"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1, run.stderr  # some inputs are hostile by design
    assert "Traceback" not in run.stderr
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT count(*), count(*) FILTER (WHERE n_documents + n_errors = 0) FROM inputs").fetchone()
    codes = {r[0] for r in con.execute("SELECT DISTINCT code FROM errors").fetchall()}
    german = con.execute("SELECT status, language FROM documents WHERE doc_id = 'german'").fetchone()
    con.close()
    assert rows == (n_inputs, 0)
    assert {"E001", "E002", "E003", "E004", "E020", "E022", "E024"} <= codes
    assert german == ("not_analysed", "de")


@pytest.mark.model
def test_sigkill_and_rerun_stores_every_story_once(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            str(SCRIPTS / "kill_test.py"),
            "--stories",
            "40",
            "--kills",
            "3",
            "--workers",
            "1",
            "--min-delay",
            "1",
            "--max-delay",
            "4",
            "--keep",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "OK: every story stored exactly once" in run.stdout


@pytest.mark.model
def test_two_workers_give_the_same_records_as_one(tmp_path):
    from dateline.batch import Runner

    for i, text in enumerate([STORY, OTHER] * 3):
        (tmp_path / f"s{i}.txt").write_text(text.replace("Monday", f"day {i}"), encoding="utf-8")
    paths = sorted(str(p) for p in tmp_path.glob("*.txt"))

    def records(workers: int) -> list[dict]:
        out = []
        for result in Runner(workers=workers, chunk_size=2).run(paths):
            out.extend(d.to_dict() for d in result.documents)
        return out

    assert records(2) == records(1)
