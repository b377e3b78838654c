"""Repairs for parses the small English model gets wrong, shared by the quote and event rules.

The model sometimes splits one noun phrase into sibling subjects of its verb ("The opposition
Greens accused …": "opposition" and "Greens" both ``nsubj``; "Their co-leader, X, said": "co",
"-" and "leader" all ``nsubj``). :func:`subject_head` takes the last of them as the phrase's
head and :func:`subject_start` gives where the phrase begins.
"""

from __future__ import annotations

from spacy.tokens import Token

_HYPHENS = ("-", "‐", "‑")


def _sibling_after(token: Token) -> Token | None:
    """The next word when it is another subject of the same verb, right after ``token`` or after
    a hyphen with no space around it; else None."""
    doc = token.doc
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    step = 1
    if token.i + 2 < len(doc) and doc[token.i + 1].text in _HYPHENS:
        if token.whitespace_ or doc[token.i + 1].whitespace_:
            return None
        step = 2
    if token.i + step >= len(doc) or (token.whitespace_ == "" and step == 1):
        return None
    after = doc[token.i + step]
    return after if after.head == token.head and after.dep_ == token.dep_ and after.head != after else None


def subject_head(token: Token) -> Token:
    """The last of the subjects the parser split one noun phrase into: "The opposition Greens
    accused" ("opposition" and "Greens" both subjects), "Their co-leader, X, said" ("co", "-" and
    "leader"); else ``token``."""
    after = _sibling_after(token)
    while after is not None:
        token = after
        after = _sibling_after(token)
    return token


def subject_start(head: Token) -> int:
    """Where the noun phrase of :func:`subject_head` begins (with its first word's left edge)."""
    doc = head.doc
    start = head.left_edge.i
    for before in reversed(doc[max(0, head.i - 8) : head.i]):
        if _sibling_after(before) is not None and subject_head(before) == head:
            start = min(start, before.left_edge.i)
    return start
