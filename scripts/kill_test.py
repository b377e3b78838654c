"""Kill test: SIGKILL `dateline ingest` at random points, rerun, and check nothing is lost or doubled.

usage: python scripts/kill_test.py [--stories 500] [--kills 3] [--workers 2] [--seed 0] [--keep DIR]

Writes N distinct stories to a temporary folder, starts `dateline ingest` on it, kills the
whole process group (workers included) with SIGKILL after a random delay, and does that
--kills times; then runs the ingest to the end. Exits 0 when the store holds exactly N
documents and N finished inputs, no errors, and no quote or event twice; else prints what is
wrong and exits 1.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_test_corpus import good_texts


def ingest_command(folder: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "dateline", "ingest", str(folder), "--db", str(db), "-q", "--workers", str(workers)]


def check(db: Path, expected: int) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    problems = []

    def one(sql: str) -> int:
        row = con.execute(sql).fetchone()
        return int(row[0]) if row else 0

    documents = one("SELECT count(*) FROM documents")
    inputs = one("SELECT count(*) FROM inputs")
    errors = one("SELECT count(*) FROM errors")
    doubled_quotes = one(
        "SELECT count(*) FROM (SELECT content_hash, start_char, end_char, kind FROM quotes"
        " GROUP BY ALL HAVING count(*) > 1)"
    )
    doubled_events = one(
        "SELECT count(*) FROM (SELECT content_hash, start_char, end_char, source_code, target_code, cameo FROM events"
        " GROUP BY ALL HAVING count(*) > 1)"
    )
    quotes = one("SELECT count(*) FROM quotes")
    con.close()
    print(
        f"documents {documents}, inputs {inputs}, errors {errors}, quotes {quotes}, "
        f"doubled quotes {doubled_quotes}, doubled events {doubled_events}"
    )
    if documents != expected:
        problems.append(f"{documents} documents, expected {expected}")
    if inputs != expected:
        problems.append(f"{inputs} finished inputs, expected {expected}")
    if errors:
        problems.append(f"{errors} error rows")
    if doubled_quotes or doubled_events:
        problems.append("quotes or events stored twice")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-delay", type=float, default=2.0)
    parser.add_argument("--max-delay", type=float, default=8.0)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="dateline-kill-"))
    folder, db = work / "stories", work / "kill.duckdb"
    folder.mkdir(parents=True, exist_ok=True)
    texts = list(dict.fromkeys(good_texts(rng, args.stories * 2)))[: args.stories]
    for i, text in enumerate(texts):
        (folder / f"story{i:05d}.txt").write_text(text, encoding="utf-8")
    print(f"{len(texts)} stories in {folder}")
    for n in range(args.kills):
        process = subprocess.Popen(ingest_command(folder, db, args.workers), start_new_session=True)
        delay = rng.uniform(args.min_delay, args.max_delay)
        try:
            process.wait(timeout=delay)
            print(f"run {n + 1}: finished before the kill at {delay:.1f}s")
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            print(f"run {n + 1}: killed after {delay:.1f}s")
        time.sleep(0.2)
    final = subprocess.run(ingest_command(folder, db, args.workers), check=False)
    print(f"final run exit code {final.returncode}")
    problems = check(db, len(texts))
    if final.returncode != 0:
        problems.append(f"final run exited {final.returncode}")
    if problems:
        print("FAILED: " + "; ".join(problems))
        sys.exit(1)
    print("OK: every story stored exactly once")


if __name__ == "__main__":
    main()
