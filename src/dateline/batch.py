"""Many inputs → documents or numbered errors, in order, without one input taking down others.

Every input ends as exactly one item: a :class:`~dateline.records.Document` or an
:class:`~dateline.records.InputError`. Nothing is dropped silently.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from .errors import DatelineError
from .pipeline import PipelineConfig, analyze_stories, load_nlp
from .readers.base import DEFAULT_MAX_BYTES, read_raw, read_story
from .records import Document, InputError, Story

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InputOptions:
    """How inputs are read: reader name, text encoding, year for dates, size limit."""

    reader: str = "dateline.wire_reader.v1"
    encoding: str | None = None
    year: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def read_one(source_path: str, options: InputOptions) -> Story | InputError:
    try:
        raw = read_raw(source_path, max_bytes=options.max_bytes)
        return read_story(raw, reader=options.reader, encoding=options.encoding, year=options.year)
    except DatelineError as exc:
        return InputError(source_path, exc.code, exc.message)


def process(
    source_paths: Iterable[str],
    options: InputOptions = InputOptions(),
    nlp: Language | None = None,
    config: PipelineConfig = PipelineConfig(),
) -> Iterator[Document | InputError]:
    """Read and analyse inputs, yielding one Document or InputError per input, in input order."""
    nlp = nlp or load_nlp(config)
    pending: list[Story | InputError] = []

    def flush() -> Iterator[Document | InputError]:
        stories = [item for item in pending if isinstance(item, Story)]
        results = {id(story): result for story, result in analyze_stories(stories, nlp, config.batch_size)}
        for item in pending:
            if isinstance(item, InputError):
                yield item
                continue
            result = results[id(item)]
            if isinstance(result, Exception):
                path = item.source_path or item.doc_id
                yield InputError(path, "E014", DatelineError("E014", reason=repr(result)).message)
            else:
                yield result
        pending.clear()

    for path in source_paths:
        pending.append(read_one(path, options))
        if sum(isinstance(item, Story) for item in pending) >= config.batch_size:
            yield from flush()
    yield from flush()
