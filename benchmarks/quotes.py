"""Quote attribution on PolNeAR dev: run dateline, then print shared/eval/score_quotes.py's table.

usage: python benchmarks/quotes.py [SPLIT_DIR] [--out PRED.jsonl] [--json] [--quote-model rules|tagger]
                                  [--partials separate|inside]

SPLIT_DIR defaults to ../shared/data/quotes/polnear/dev. ``--quote-model tagger`` adds the
learned attribution tagger (the classify extra); it was trained on PolNeAR train, so score it
on dev, never on train. ``--partials inside`` scores one record per attribution, as PolNeAR
annotates (a partial quote inside reported speech is part of it, not a second attribution);
the default scores dateline's default output. PolNeAR has no data licence: it is
read from ../shared for evaluation only and never copied into this repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline.batch import process
from dateline.pipeline import PipelineConfig
from dateline.records import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_SPLIT = SHARED / "data" / "quotes" / "polnear" / "dev"
SCORER = SHARED / "eval" / "score_quotes.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split_dir", nargs="?", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--out", type=Path, help="keep the predictions here")
    parser.add_argument("--json", action="store_true", help="print the scorer's JSON")
    parser.add_argument("--quote-model", choices=["rules", "tagger"], default="rules")
    parser.add_argument("--partials", choices=["separate", "inside"], default="separate")
    args = parser.parse_args()
    if not (args.split_dir / "text").is_dir() or not SCORER.exists():
        sys.exit(f"PolNeAR split or scorer not found ({args.split_dir}, {SCORER}); they live in ../shared")
    paths = sorted(str(p) for p in (args.split_dir / "text").glob("*.txt"))
    out = args.out or Path(tempfile.mkdtemp()) / "polnear_pred.jsonl"
    start = time.perf_counter()
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        for result in process(paths, config=PipelineConfig(quote_model=args.quote_model, partials=args.partials)):
            if isinstance(result, Document):
                handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                n += 1
            else:
                print(f"error {result}", file=sys.stderr)
    elapsed = time.perf_counter() - start
    command = [sys.executable, str(SCORER), str(args.split_dir), str(out)] + (["--json"] if args.json else [])
    print(subprocess.run(command, capture_output=True, text=True, check=True).stdout, end="")
    if not args.json:
        print(f"({n} documents in {elapsed:.1f}s; predictions: {out})")


if __name__ == "__main__":
    main()
