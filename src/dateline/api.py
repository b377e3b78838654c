"""The public Python surface: plain functions over the readers, pipeline and batch runner."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .batch import InputOptions, process
from .pipeline import PipelineConfig, analyze_story, load_nlp
from .readers.base import get_reader, iter_input_paths
from .records import Document, InputError


def analyze(
    text: str,
    *,
    doc_id: str = "text",
    year: int | None = None,
    reader: str = "dateline.wire_reader.v1",
    nlp: Language | None = None,
) -> Document:
    """Analyse one story given as text. Offsets in the result index ``text``."""
    story = get_reader(reader)(text, doc_id=doc_id, source_path=None, year=year)
    return analyze_story(story, nlp or load_nlp())


def analyze_paths(
    paths: Iterable[str],
    options: InputOptions = InputOptions(),
    config: PipelineConfig = PipelineConfig(),
) -> Iterator[Document | InputError]:
    """Analyse files, directories (recursively) and ``-`` (stdin): one result per input."""
    return process(iter_input_paths(paths), options, config=config)


__all__ = ["Document", "InputError", "InputOptions", "PipelineConfig", "analyze", "analyze_paths", "load_nlp"]
