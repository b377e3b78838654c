"""Words per second of ``dateline extract`` against a spaCy-only parse, in the same run.

usage: python benchmarks/speed.py [TEXT_DIR] [--rounds N] [--quote-model rules|tagger]

TEXT_DIR defaults to ../shared/data/quotes/polnear/dev/text. Both runs use the same texts and
the same pinned model; the spaCy-only run is ``nlp.pipe`` over the raw texts, the dateline run
is the whole extraction (read files, wire parsing, pipeline with dateline's components,
records). Timings on shared machines are noisy: read the ratio, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

from dateline.batch import process
from dateline.pipeline import DEFAULT_MODEL, PipelineConfig, load_nlp
from dateline.records import Document

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear" / "dev" / "text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--quote-model", choices=["rules", "tagger"], default="rules")
    args = parser.parse_args()
    if not args.text_dir.is_dir():
        sys.exit(f"text folder not found: {args.text_dir} (it is in ../shared beside the project)")
    paths = sorted(str(p) for p in args.text_dir.glob("*.txt"))
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    words = sum(len(t.split()) for t in texts)

    plain = spacy.load(DEFAULT_MODEL)
    config = PipelineConfig(quote_model=args.quote_model)
    dateline_nlp = load_nlp(config)
    list(plain.pipe(texts[:3]))  # warm both pipelines before timing
    list(process(paths[:3], nlp=dateline_nlp, config=config))

    best_plain = best_dateline = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in plain.pipe(texts, batch_size=16):
            pass
        best_plain = min(best_plain, time.perf_counter() - start)
        start = time.perf_counter()
        documents = [r for r in process(paths, nlp=dateline_nlp, config=config) if isinstance(r, Document)]
        best_dateline = min(best_dateline, time.perf_counter() - start)
        assert len(documents) == len(paths)

    print(f"texts: {len(texts)}  words: {words:,}  rounds: {args.rounds} (best of)")
    print(f"spaCy only ({DEFAULT_MODEL}): {words / best_plain:,.0f} words/s")
    print(f"dateline extract ({args.quote_model}):      {words / best_dateline:,.0f} words/s")
    print(f"ratio dateline / spaCy: {best_plain / best_dateline:.2f}")


if __name__ == "__main__":
    main()
