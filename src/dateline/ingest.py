"""Ingest: inputs → runner → near-duplicate linking → store, resumably.

A rerun after a crash (or SIGKILL) skips the input paths already in the store's ``inputs``
table and seeds the duplicate index from the stored signatures, so it finishes the job with
every input stored exactly once and duplicates still linked to their first copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .batch import InputResult, Runner
from .dedupe import DuplicateIndex
from .pipeline import PipelineConfig
from .readers.base import InputOptions
from .records import Document
from .store import Store


def link_duplicates(documents: Iterable[Document], index: DuplicateIndex) -> None:
    """Set ``duplicate_of`` on near-duplicates of stories already in ``index``; add the rest."""
    for document in documents:
        key = document.content_hash
        if document.signature is None or key in index:
            continue
        first = index.find(document.signature)
        if first is not None:
            document.duplicate_of = first
        else:
            index.add(key, document.signature)


@dataclass
class IngestSummary:
    inputs: int = 0
    skipped: int = 0
    added: int = 0
    present: int = 0
    duplicates: int = 0
    #: Error rows written (the rows themselves are in the store's ``errors`` table).
    errors: int = 0


def ingest(
    paths: Iterable[str],
    db: str | Path,
    options: InputOptions = InputOptions(),
    config: PipelineConfig = PipelineConfig(),
    *,
    workers: int = 1,
    replace: bool = False,
    on_result: Callable[[InputResult], None] | None = None,
) -> IngestSummary:
    """Analyse and store inputs. Paths already stored are skipped unless ``replace``."""
    summary = IngestSummary()
    with Store(db) as store:
        done = set() if replace else store.done_paths()
        index = DuplicateIndex()
        for key, values in store.signatures():
            index.add(key, values)
        todo = []
        for path in paths:
            if path in done:
                summary.skipped += 1
            else:
                todo.append(path)
        for result in Runner(options, config, workers=workers).run(todo):
            link_duplicates(result.documents, index)
            added = store.add_result(result.source_path, result.items, replace=replace)
            summary.inputs += 1
            summary.added += added
            summary.present += len(result.documents) - added
            summary.duplicates += sum(1 for d in result.documents if d.duplicate_of)
            summary.errors += len(result.errors)
            if on_result is not None:
                on_result(result)
    return summary
