"""The public Python surface: plain functions over the readers, pipeline and batch runner."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .batch import InputOptions, process
from .pipeline import PipelineConfig, analyze_story, load_nlp
from .readers.base import iter_input_paths
from .readers.wire import read_wire
from .records import Document, InputError


def analyze(
    text: str,
    *,
    doc_id: str = "text",
    year: int | None = None,
    nlp: Language | None = None,
) -> Document:
    """Analyse one story given as wire text. Offsets in the result index ``text``."""
    story = read_wire(text, doc_id=doc_id, source_path=None, year=year)
    return analyze_story(story, nlp or load_nlp())


def analyze_paths(
    paths: Iterable[str],
    options: InputOptions = InputOptions(),
    config: PipelineConfig = PipelineConfig(),
    workers: int = 1,
) -> Iterator[Document | InputError]:
    """Analyse files, directories (recursively) and ``-`` (stdin): documents and errors, in order."""
    return process(iter_input_paths(paths), options, config=config, workers=workers)


__all__ = ["Document", "InputError", "InputOptions", "PipelineConfig", "analyze", "analyze_paths", "load_nlp"]
