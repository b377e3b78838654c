"""Language identification (py3langid): non-English stories are kept but not analysed."""

from __future__ import annotations

import functools
from typing import Any

from ..errors import warning
from ..records import Story

ANALYSED_LANGUAGES = frozenset({"en"})
_MIN_CHARS = 60  # below this, identification is a guess: assume English
_MIN_PROBABILITY = 0.9


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # py3langid renamed its loader in 0.4; support both spellings.
    load = getattr(LanguageIdentifier, "from_model_file", None) or LanguageIdentifier.from_pickled_model
    return load(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability for ``text`` (its first 3,000 characters)."""
    language, probability = _identifier().classify(text[:3000])
    return str(language), float(probability)


def mark_language(story: Story) -> None:
    """Set ``story.language``; a confidently non-English story is marked not analysed (W005)."""
    body = " ".join(p.text for p in story.paragraphs) or story.text
    if len(body.strip()) < _MIN_CHARS:
        story.language = "en"
        return
    language, probability = identify(body)
    if language not in ANALYSED_LANGUAGES and probability < _MIN_PROBABILITY:
        language = "en"
    story.language = language
    if language not in ANALYSED_LANGUAGES:
        story.status = "not_analysed"
        story.warnings.append(warning("W005", language=language))
