"""Syndication dedupe on PolNeAR texts: how many lightly edited copies link to their original.

usage: python benchmarks/dedupe.py [--stories 400] [--copies 3] [--seed 0]

Each story gets copies with a different headline, a different trailing credit line and one
body paragraph dropped (as outlets do when they run a wire story). All originals and copies go
through the wire reader and one DuplicateIndex in a shuffled order of stories (each story's
original first). Reported: the share of copies linked to their own original, and false links:
a story or copy linked to a *different* story, judged by the exact Jaccard similarity of the two
originals' 5-gram sets (below 0.3: different stories). PolNeAR stories share topics (the 2016
US election), which is what makes false links a real risk; it also holds a few articles that
really are versions of one story (republished or updated), and links between those are counted
apart, not as false.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from dateline.dedupe import DEFAULT_THRESHOLD, DuplicateIndex, shingles, signature
from dateline.readers.wire import read_wire

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear"
HEADLINES = ["Update: {}", "{} (corrected)", "WIRE: {}"]
CREDITS = ["(AP)", "Reuters", "dpa/xy"]


def copy_of(text: str, rng: random.Random, n: int) -> str:
    headline, _, body = text.partition("\n\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    return "\n\n".join([HEADLINES[n % 3].format(headline), *paragraphs, CREDITS[n % 3]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=400)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args()
    files = sorted((POLNEAR / "dev" / "text").glob("*.txt")) + sorted((POLNEAR / "train" / "text").glob("*.txt"))
    if not files:
        sys.exit(f"PolNeAR texts not found under {POLNEAR} (they live in ../shared)")
    rng = random.Random(args.seed)
    texts = [f.read_text(encoding="utf-8") for f in files]
    texts = [t for t in dict.fromkeys(texts) if len(t.split("\n\n")) >= 4][: args.stories]
    index = DuplicateIndex(args.threshold)
    grams = [shingles(read_wire(t, doc_id="x")) for t in texts]

    def same_story(a: int, b: int) -> bool:
        return len(grams[a] & grams[b]) / max(1, len(grams[a] | grams[b])) >= 0.3

    linked = copies = false_links = versions_linked = 0
    order = list(range(len(texts)))
    rng.shuffle(order)
    for story in order:
        versions = [texts[story]] + [copy_of(texts[story], rng, n) for n in range(args.copies)]
        for n, text in enumerate(versions):
            values = signature(read_wire(text, doc_id=f"{story}-{n}"))
            if values is None:
                continue
            first = index.find(values)
            other = int(first.split("-")[0]) if first is not None else None
            if n > 0:
                copies += 1
                linked += first == f"{story}-0"
            if other is not None and other != story:
                if same_story(story, other):
                    versions_linked += 1
                else:
                    false_links += 1
            if n == 0 and first is None:
                index.add(f"{story}-0", values)
    print(f"stories {len(texts)}, copies {copies}")
    print(f"copies linked to their original: {linked}/{copies} = {linked / max(copies, 1):.3f}")
    print(f"false links between different stories: {false_links}")
    print(f"links between versions of one story in PolNeAR (republished or updated): {versions_linked}")


if __name__ == "__main__":
    main()
