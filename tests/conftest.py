"""Shared fixtures. Tests marked ``model`` load the pinned spaCy model; the rest need none.

Tests that read ``../shared`` (the seed story, PolNeAR, the scorers) skip with a clear
message when it is absent, e.g. in a checkout without the shared folder beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "fixtures" / "seed" / "starmer_washington.txt"
EVAL = SHARED / "eval"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (clone the project with ../shared beside it)")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture(scope="session")
def nlp():
    from dateline.pipeline import load_nlp

    return load_nlp()


@pytest.fixture
def blank_nlp():
    """A model-free pipeline with dateline's components (no parser, no NER)."""
    import spacy

    import dateline.pipeline  # noqa: F401  registers the factories

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_paragraphs")
    for name in ("dateline_actors", "dateline_quotes", "dateline_events"):
        nlp.add_pipe(name)
    return nlp
