"""The shape every analysis component shares: plain records in ``Doc._``, spans in ``doc.spans``.

A component publishes its results twice, under one key (e.g. ``"dateline_quotes"``):

- ``doc._.dateline_quotes``: a list of plain dicts (the JSON records of ``docs/schema.md``),
  which survive ``Doc.to_bytes()`` and ``nlp.pipe(n_process>1)``;
- ``doc.spans["dateline_quotes"]``: the matching spans, for spaCy users and displaCy.

Keeping one group per component means two results with the same offsets (a quote and an
actor, say) never share ``Span._`` values.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

Found = list[tuple[Span, dict[str, Any]]]


def ensure_extension(key: str) -> None:
    if not Doc.has_extension(key):
        Doc.set_extension(key, default=None)


class RecordComponent:
    """Base class: subclasses set ``key`` and implement :meth:`extract`."""

    key = ""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        ensure_extension(self.key)

    def extract(self, doc: Doc) -> Found:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        found = self.extract(doc)
        doc.spans[self.key] = [span for span, _ in found]
        doc._.set(self.key, [record for _, record in found])
        return doc


def records(doc: Doc, key: str) -> list[dict[str, Any]]:
    """The plain records a component left on ``doc`` (empty when it did not run)."""
    ensure_extension(key)
    return list(doc._.get(key) or [])
