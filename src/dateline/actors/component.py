"""The ``dateline_actors`` component: its place in the pipeline and its output contract.

Actor records carry ``id``, ``name``, ``code`` (CAMEO-style, or null) and ``mentions``
(``[{"start", "end"}, ...]``); see ``docs/schema.md``. Resolution lands with issue #4; until
then the group is empty.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..spans import Found, RecordComponent

ACTORS_KEY = "dateline_actors"


class ActorResolver(RecordComponent):
    key = ACTORS_KEY

    def extract(self, doc: Doc) -> Found:
        return []


@Language.factory("dateline_actors", assigns=[f"doc._.{ACTORS_KEY}"])
def make_actor_resolver(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver(nlp, name)
