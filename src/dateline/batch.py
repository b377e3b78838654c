"""Many inputs → documents or numbered errors, in order, in one process or a pool of workers.

Every input ends as exactly one :class:`InputResult`: the documents read from it (one for a
wire story, many for a feed or a JSONL dump) and the errors for what could not be read or
analysed. Nothing is dropped silently, and one bad input never takes another down.

With ``workers > 1`` inputs go in chunks to a pool of processes (started with ``spawn``, each
loading the spaCy model once); at most ``2 × workers`` chunks are in flight, so memory stays
bounded however many inputs there are, and results come back in input order.
"""

from __future__ import annotations

import collections
import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language

from . import __version__
from .dedupe import signature
from .errors import DatelineError
from .limits import TimeLimitExceeded
from .pipeline import PipelineConfig, analyze_stories, load_nlp
from .readers.base import STDIN, InputOptions, RawInput, input_error, read_input, read_raw
from .records import Document, InputError, Story

logger = logging.getLogger(__name__)

__all__ = ["InputOptions", "InputResult", "Runner", "process"]

Task = str | RawInput | InputError


@dataclass
class InputResult:
    """What became of one input: its documents and errors, in the order they were read."""

    source_path: str
    items: list[Document | InputError] = field(default_factory=list)

    @property
    def documents(self) -> list[Document]:
        return [item for item in self.items if isinstance(item, Document)]

    @property
    def errors(self) -> list[InputError]:
        return [item for item in self.items if isinstance(item, InputError)]


def _read(task: Task, options: InputOptions) -> tuple[str, list[Story | InputError]]:
    if isinstance(task, InputError):
        return task.source_path, [task]
    if isinstance(task, RawInput):
        return task.source_path, read_input(task, options)
    try:
        raw = read_raw(task, max_bytes=options.max_bytes)
    except DatelineError as exc:
        return task, [input_error(task, exc)]
    return task, read_input(raw, options)


def _failure(story: Story, exc: Exception, config: PipelineConfig) -> InputError:
    path = story.source_path or story.doc_id
    item = str(story.meta.get("item", ""))
    if isinstance(exc, TimeLimitExceeded):
        return input_error(path, DatelineError("E019", seconds=config.timeout or 0), item)
    return input_error(path, DatelineError("E014", reason=repr(exc)), item)


def process_chunk(tasks: list[Task], options: InputOptions, nlp: Language, config: PipelineConfig) -> list[InputResult]:
    """Read and analyse a few inputs together (stories from all of them share spaCy batches)."""
    read = [_read(task, options) for task in tasks]
    stories = [item for _, items in read for item in items if isinstance(item, Story) and item.status == "analysed"]
    outcome = {id(story): result for story, result in analyze_stories(stories, nlp, config.batch_size, config.timeout)}
    results = []
    for source_path, items in read:
        result = InputResult(source_path)
        for item in items:
            if isinstance(item, InputError):
                result.items.append(item)
                continue
            analysed = outcome.get(id(item))
            if isinstance(analysed, Exception):
                result.items.append(_failure(item, analysed, config))
                continue
            document = analysed or Document(story=item, version=__version__)
            document.signature = signature(item)
            result.items.append(document)
        results.append(result)
    return results


_WORKER_NLP: Language | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load_nlp(config)


def _work(tasks: list[Task], options: InputOptions, config: PipelineConfig) -> list[InputResult]:
    assert _WORKER_NLP is not None, "worker was not initialised"
    return process_chunk(tasks, options, _WORKER_NLP, config)


class Runner:
    """Runs inputs through the readers and the pipeline; see the module docstring."""

    def __init__(
        self,
        options: InputOptions = InputOptions(),
        config: PipelineConfig = PipelineConfig(),
        *,
        workers: int = 1,
        chunk_size: int = 8,
        nlp: Language | None = None,
    ) -> None:
        self.options = options
        self.config = config
        self.workers = max(1, workers)
        self.chunk_size = max(1, chunk_size)
        self.nlp = nlp

    def run(self, tasks: Iterable[Task]) -> Iterator[InputResult]:
        tasks = (self._stdin() if task == STDIN else task for task in tasks)
        chunks = iter(lambda: list(islice(tasks, self.chunk_size)), [])
        if self.workers == 1:
            nlp = self.nlp or load_nlp(self.config)
            for chunk in chunks:
                yield from process_chunk(chunk, self.options, nlp, self.config)
            return
        yield from self._run_pool(chunks)

    def _stdin(self) -> Task:
        try:
            return read_raw(STDIN, max_bytes=self.options.max_bytes)
        except DatelineError as exc:
            return input_error(STDIN, exc)

    def _run_pool(self, chunks: Iterator[list[Task]]) -> Iterator[InputResult]:
        # One BLAS thread per worker: the workers are the parallelism.
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        context = multiprocessing.get_context("spawn")
        window: collections.deque[Future[list[InputResult]]] = collections.deque()
        with ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_init_worker, initargs=(self.config,)
        ) as pool:
            for chunk in chunks:
                window.append(pool.submit(_work, chunk, self.options, self.config))
                if len(window) >= 2 * self.workers:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()


def process(
    source_paths: Iterable[str],
    options: InputOptions = InputOptions(),
    nlp: Language | None = None,
    config: PipelineConfig = PipelineConfig(),
    workers: int = 1,
) -> Iterator[Document | InputError]:
    """Read and analyse inputs, yielding each Document or InputError, in input order."""
    for result in Runner(options, config, workers=workers, nlp=nlp).run(source_paths):
        yield from result.items
