"""Throughput of the batch runner with 1 and 2 worker processes on the same batch, in one run.

usage: python benchmarks/workers.py [TEXT_DIR] [--copies 3]

Uses PolNeAR dev texts (each repeated --copies times with a marker line, so the batch is big
enough to amortise start-up). Reports wall-clock words/s for 1 and 2 workers, start-up
included, and their ratio. The machine has 2 cores; timings are noisy, so read the ratio.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from dateline.batch import Runner

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear" / "dev" / "text"


def timed(paths: list[str], workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    documents = sum(len(result.documents) for result in Runner(workers=workers).run(paths))
    return time.perf_counter() - start, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--copies", type=int, default=3)
    args = parser.parse_args()
    sources = sorted(args.text_dir.glob("*.txt"))
    if not sources:
        sys.exit(f"no texts in {args.text_dir} (PolNeAR lives in ../shared)")
    folder = Path(tempfile.mkdtemp(prefix="dateline-workers-"))
    words = 0
    for n in range(args.copies):
        for source in sources:
            text = source.read_text(encoding="utf-8") + f"\n\nCopy {n}."
            words += len(text.split())
            (folder / f"{source.stem}-{n}.txt").write_text(text, encoding="utf-8")
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    one, docs_one = timed(paths, 1)
    two, docs_two = timed(paths, 2)
    assert docs_one == docs_two == len(paths)
    print(f"inputs {len(paths)}, words {words:,}")
    print(f"1 worker:  {one:6.1f} s  {words / one:8,.0f} words/s")
    print(f"2 workers: {two:6.1f} s  {words / two:8,.0f} words/s")
    print(f"speed-up with 2 workers: {one / two:.2f}x")


if __name__ == "__main__":
    main()
