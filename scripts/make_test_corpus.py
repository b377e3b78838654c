"""Generate a corpus of good and hostile inputs for dateline's robustness checks.

usage: python scripts/make_test_corpus.py OUT_DIR [--files 1000] [--seed 0] [--small]

Good inputs are wire stories built from PolNeAR texts when ../shared is beside the project
(else from a built-in template), in plain text, HTML, RSS and JSONL. Hostile inputs: empty and
whitespace-only files, binary files, NUL bytes, damaged UTF-8, a legacy encoding, 100,000 quote
marks, a line of a million characters, an oversized file, HTML with no body, a feed with an
XML entity bomb, a gzipped feed, JSONL with broken lines, and a story in German. With --small
the heavy ones are scaled down (for CI). Nothing here is committed as data: run the script.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

SHARED_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear"
TEMPLATE = (
    "{place} talks resume\n\n{caps}, March {day} (AP) — Officials from {n} countries met in {place} on Monday, "
    "and the talks went on late into the night.\n\n“We are making progress on story {i},” one envoy said.\n\n"
    "The next round is planned for April, according to the organisers.\n\nAP"
)
PLACES = ["Geneva", "Vienna", "Nairobi", "Oslo", "Lima", "Hanoi", "Accra", "Doha"]


def good_texts(rng: random.Random, count: int) -> list[str]:
    texts = []
    for split in ("dev", "train"):
        folder = SHARED_TEXTS / split / "text"
        if folder.is_dir():
            texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    rng.shuffle(texts)
    while len(texts) < count:
        i = len(texts)
        place = PLACES[i % len(PLACES)]
        texts.append(TEMPLATE.format(place=place, caps=place.upper(), day=1 + i % 28, n=2 + i % 40, i=i))
    return texts[:count]


def hostile(small: bool) -> dict[str, bytes]:
    long_line = ("word " * (40_000 if small else 200_000)).encode()
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\n  \n",
        "binary.bin": bytes(range(256)) * 40,
        "report.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 10,
        "nul.txt": b"Some text\x00with NUL bytes\x00inside.",
        "damaged-utf8.txt": "Café society in Zürich".encode() + b" \xff\xfe\xfd broken bytes",
        "legacy-cp1252.txt": ("Le président a déclaré à la presse que la réunion était terminée.\n\n" * 4).encode(
            "cp1252"
        ),
        "quote-marks.txt": ("Headline\n\nLONDON (AP) — " + "“" * 100_000).encode(),
        "long-line.txt": b"Headline\n\n" + long_line,
        "oversized.txt": b"x " * 3_000_000,
        "nobody.html": b"<html><head><title>Login</title></head><body><nav>Home | Login</nav></body></html>",
        "entity-bomb.xml": (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;">]>'
            b"<rss><channel><item><title>&lol2;</title></item></channel></rss>"
        ),
        "gzipped-feed.xml": gzip.compress(b"<rss>" + b"a" * 2_000_000 + b"</rss>"),
        "broken.jsonl": (
            b'{"text": "LONDON (AP) - A good line in a broken dump, with enough words to read."}\n{oops\n[1, 2]\n'
        ),
        "german.txt": (
            "Kanzler trifft Präsidenten\n\nBERLIN (dpa) - Der Bundeskanzler hat am Donnerstag in Berlin gesagt, "
            "dass die Gespräche mit Washington weitergehen und eine Einigung in Reichweite sei."
        ).encode(),
    }


def as_html(text: str) -> bytes:
    title, _, body = text.partition("\n\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    head = f"<!doctype html><html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{paragraphs}</article></body></html>".encode()


def as_rss(texts: list[str]) -> bytes:
    items = []
    for n, text in enumerate(texts):
        title, _, body = text.partition("\n\n")
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
        items.append(
            f"<item><title><![CDATA[{title}]]></title><guid>e{n}</guid>"
            f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--small", action="store_true", help="scale the heavy hostile inputs down (CI)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bad = hostile(args.small)
    n_good = max(0, args.files - len(bad))
    texts = good_texts(rng, n_good)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in bad.items():
        (args.out_dir / "hostile").mkdir(exist_ok=True)
        (args.out_dir / "hostile" / name).write_bytes(data)
    for i, text in enumerate(texts):
        kind = i % 10
        sub = args.out_dir / f"part{i % 7}"
        sub.mkdir(exist_ok=True)
        if kind == 0:
            (sub / f"story{i:05d}.html").write_bytes(as_html(text))
        elif kind == 1:
            (sub / f"feed{i:05d}.xml").write_bytes(as_rss([text]))
        elif kind == 2:
            (sub / f"dump{i:05d}.jsonl").write_text(json.dumps({"id": i, "text": text}) + "\n", encoding="utf-8")
        else:
            (sub / f"story{i:05d}.txt").write_text(text, encoding="utf-8")
    print(f"wrote {n_good} good and {len(bad)} hostile inputs to {args.out_dir}")


if __name__ == "__main__":
    main()
