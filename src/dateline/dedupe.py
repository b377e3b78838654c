"""Syndication near-duplicates: MinHash signatures of story bodies and an LSH index over them.

The same AP story printed by forty outlets differs in headline, credit line and a trimmed
paragraph, so signatures are taken over the **body paragraphs** only, as word 5-grams. Two
stories are linked when LSH puts them in a bucket and their estimated Jaccard similarity is
at least ``threshold``; stories on the same topic share far fewer 5-grams than that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .records import Story

NUM_PERM = 64
SHINGLE = 5
DEFAULT_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
_SEED = 1
# Fixed explicitly: signatures are stored, so they must not change with datasketch's default.
_SCHEME = "affine32"


def shingles(story: Story) -> set[bytes]:
    words = [w.lower() for p in story.paragraphs for w in _WORD.findall(p.text)]
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(story: Story) -> list[int] | None:
    """The story's MinHash signature, or None when its body is empty."""
    grams = shingles(story)
    if not grams:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(list(grams))
    return [int(v) for v in minhash.hashvalues]


def _lean(values: Iterable[int]) -> LeanMinHash:
    return LeanMinHash(seed=_SEED, hashvalues=np.array(list(values), dtype=np.uint64), scheme=_SCHEME)


class DuplicateIndex:
    """Finds the first-seen near-duplicate of a story among those added so far."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: str) -> bool:
        return key in self._signatures

    def add(self, key: str, values: list[int]) -> None:
        if key in self._signatures:
            return
        lean = _lean(values)
        self._signatures[key] = lean
        self._order[key] = len(self._order)
        self._lsh.insert(key, lean)

    def find(self, values: list[int]) -> str | None:
        """The earliest added story whose similarity to ``values`` reaches the threshold."""
        lean = _lean(values)
        matches = [key for key in self._lsh.query(lean) if self._signatures[key].jaccard(lean) >= self.threshold]
        return min(matches, key=self._order.__getitem__) if matches else None
