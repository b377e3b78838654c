"""dateline: who said what, and who did what to whom, in news wire stories.

    >>> import dateline
    >>> doc = dateline.analyze(open("story.txt").read(), doc_id="story")
    >>> doc.story.headline_text, doc.story.agencies, doc.quotes

The heavy parts (spaCy) load on first use, so ``dateline.readers`` and ``dateline.records``
import without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import analyze, analyze_paths

__all__ = ["__version__", "analyze", "analyze_paths"]


def __getattr__(name: str) -> Any:
    if name in ("analyze", "analyze_paths"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
