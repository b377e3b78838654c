"""The ``dateline_quotes`` component: its place in the pipeline and its output contract.

Quote records carry ``start``/``end`` (content span), ``kind`` (direct | partial | indirect),
``speaker`` and ``cue`` spans (``{"start", "end"}`` or null) and ``speaker_name``; see
``docs/schema.md``. The rules are in :mod:`dateline.quotes.marks` (quotation marks) and
:mod:`dateline.quotes.attribution` (cues, speakers, reported speech).

``model="tagger"`` (the ``classify`` extra) adds the learned tagger of
:mod:`dateline.quotes.tagger`: it finds PolNeAR-style attributions the rules miss (beliefs,
polls, accusations, "called for"...), at about the cost of one and a half more parses.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..actors.component import ACTORS_KEY
from ..actors.dictionary import ActorDictionary, load_dictionary
from ..actors.resolve import Resolver
from ..errors import DatelineError
from ..sentences import story_data
from ..spans import Found, RecordComponent, records
from .attribution import OVERHANG, QuoteFinder, nested
from .tagger import Attribution, QuoteTagger, load_tagger

QUOTES_KEY = "dateline_quotes"
QUOTE_MODELS = ("rules", "tagger")
#: Where a partial quote inside reported speech goes: its own record (``separate``, the
#: default) or the ``partials`` list of the reported speech's record (``inside``: one record per
#: attribution, PolNeAR's convention).
PARTIAL_STYLES = ("separate", "inside")
_MAX_MENTION_WORDS = 5  # a longer speaker phrase is not a name for the actor's mention list


def check_quote_model(model: str) -> None:
    """E037 unless ``model`` is one of :data:`QUOTE_MODELS`."""
    if model not in QUOTE_MODELS:
        raise DatelineError("E037", value=model, choices=", ".join(QUOTE_MODELS))


def check_partials(style: str) -> None:
    """E038 unless ``style`` is one of :data:`PARTIAL_STYLES`."""
    if style not in PARTIAL_STYLES:
        raise DatelineError("E038", value=style, choices=", ".join(PARTIAL_STYLES))


class QuoteExtractor(RecordComponent):
    key = QUOTES_KEY

    def __init__(
        self,
        nlp: Language,
        name: str,
        dictionary: str | None = None,
        model: str = "rules",
        partials: str = "separate",
    ) -> None:
        check_quote_model(model)
        check_partials(partials)
        super().__init__(nlp, name)
        self.partials = partials
        self.dictionary: ActorDictionary | None = load_dictionary(dictionary) if dictionary else None
        self.tagger: QuoteTagger | None = load_tagger() if model == "tagger" else None

    def extract(self, doc: Doc) -> Found:
        if not doc.has_annotation("DEP"):
            return []
        finder = QuoteFinder(doc, Resolver(doc, self.dictionary))
        found = [(span, record) for span, record in finder.run() if span]
        if self.tagger is not None:
            found = with_tagged(doc, finder, found, self.tagger)
        else:
            # The outer record holds a nested one's words already, and PolNeAR marks the outer
            # frame: on a held-out tenth of its train split three in four nested rule records
            # were no attribution of their own. (With the tagger, a rule record stays only
            # where the tagger found nothing, and dropping nested ones there cost a little.)
            records = [record for _, record in found]
            found = [(s, r) for s, r in found if r["kind"] != "indirect" or not nested(r, records)]
        if self.partials == "inside":
            found = fold_partials(doc.text, found)
        link_speakers(doc, [record for _, record in found])
        return found


def fold_partials(text: str, found: Found) -> Found:
    """Partial quotes inside another quote's content become that record's ``partials``
    (``[{"start", "end"}]``) instead of records of their own: “beyond very much” in "he would not
    provide guarantees “beyond very much”" is part of one attribution. A partial quote no other
    quote holds stays a record. A closing mark and the punctuation inside it may run past the
    holder's end (“… to change.” after a content that ends at "change"). A whole quoted sentence
    inside reported speech with the same cue ('telling reporters that "I'm not okay with it."') is
    folded the same way: the reported speech is the attribution."""

    def holds(holder: dict[str, Any], record: dict[str, Any]) -> bool:
        if record["kind"] == "direct" and (holder["kind"] != "indirect" or holder["cue"] != record["cue"]):
            return False
        overhang = text[holder["end"] : record["end"]].strip(OVERHANG)  # past the holder's end
        return holder["start"] <= record["start"] < holder["end"] and not overhang

    holders = [record for _, record in found if record["kind"] != "partial"]
    kept: Found = []
    for span, record in found:
        holder = None
        if record["kind"] in ("partial", "direct"):
            holder = next((h for h in holders if h is not record and holds(h, record)), None)
        if holder is None:
            kept.append((span, record))
            continue
        holder.setdefault("partials", []).append({"start": record["start"], "end": record["end"]})
    return kept


#: Rule frames whose reported speech the tagger's silence overrules: a verb with an infinitive
#: ("appeared to grimace", "is expected to bring in") and a clause before its frame. Where the
#: tagger found nothing there, one in four or five of them was an attribution on a held-out
#: tenth of PolNeAR train (xcomp 2 of 14, ccomp-before 2 of 12), while a "said" clause (ccomp)
#: or an object (dobj) was right about half the time and stays.
_TAGGER_KNOWS = frozenset({"xcomp", "ccomp-before"})


def with_tagged(doc: Doc, finder: QuoteFinder, found: Found, tagger: QuoteTagger) -> Found:
    """The rules' direct and partial quotes, the tagger's attributions, then the rules' indirect quotes.

    Quotation marks are the rules' strength (run-on and follow-on paragraphs, interrupted
    quotes, partial quotes inside reported speech), so what the tagger finds overlapping a rule
    direct quote is dropped. Reported speech is the tagger's: a rule indirect quote stays only
    where the tagger found nothing overlapping it, and not for the frames in ``_TAGGER_KNOWS``.
    """

    def overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return bool(a["start"] < b["end"] and b["start"] < a["end"])

    marked = [(span, r) for span, r in found if r["kind"] in ("direct", "partial")]
    direct = [r for _, r in marked if r["kind"] == "direct"]
    indirect = [r for _, r in found if r["kind"] == "indirect"]
    tagged: Found = []
    dateline = (story_data(doc) or {}).get("dateline") or {}
    where = (int(dateline["start"]), int(dateline["end"])) if dateline else None
    text = doc.text  # once: Doc.text joins the whole Doc on every call
    for found_by_tagger in tagger(text):
        attribution = _tidy(found_by_tagger, where, text)
        if attribution is None:
            continue
        record = finder.tagged(attribution.content, attribution.cue, attribution.source)
        span = doc.char_span(record["start"], record["end"], alignment_mode="expand")
        if span is None or any(overlaps(record, d) for d in direct):
            continue
        if record["speaker"] is None:
            # The tagger saw no source ("Trump, who ..., suggested he was to blame"): the rule
            # frame of the same reported speech, when there is one, names the speaker.
            frame = next((r for r in indirect if r["speaker"] is not None and overlaps(record, r)), None)
            if frame is not None:
                record.update(speaker=frame["speaker"], speaker_name=frame["speaker_name"], _core=frame["_core"])
                record["cue"] = record["cue"] or frame["cue"]
        tagged.append((span, record))
    # "All of this, he acknowledges, could be undone": the piece before the frame is already
    # part of the content it starts, which has the same cue (or the piece has none: the tagger's
    # cues are not shared, see tagger.link).
    tagged = [(span, r) for span, r in tagged if not any(_piece_of(r, t) for _, t in tagged)]
    rest = [
        (span, r)
        for span, r in found
        if r["kind"] == "indirect" and r.get("rule") not in _TAGGER_KNOWS and not any(overlaps(r, t) for _, t in tagged)
    ]
    return sorted(marked + tagged + rest, key=lambda item: (item[1]["start"], item[1]["end"]))


def _piece_of(record: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether ``record`` lies within ``other``'s content and has its cue, or no cue of its own."""
    inside = other["start"] <= record["start"] and record["end"] <= other["end"]
    return other is not record and inside and record["cue"] in (other["cue"], None)


def _tidy(attribution: Attribution, dateline: tuple[int, int] | None, text: str) -> Attribution | None:
    """The tagger's spans as a reader would mark them; None when its content lies within the
    dateline. The tagger reads the text through, word piece by word piece, so a span can run
    into the dateline ("BRUSSELS - European leaders said"; cut to start after it) or stop
    before a closing parenthesis ("Gov. Mike Pence (R-IN"; closed)."""

    def tidy(span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is None:
            return None
        start, end = span
        if dateline is not None and start < dateline[1] and end > dateline[0]:
            start = dateline[1]
            while start < end and text[start].isspace():
                start += 1
            if start >= end:
                return None
        piece = text[start:end]
        if piece.count("(") > piece.count(")") and text[end : end + 1] == ")":
            end += 1
        return start, end

    content = tidy(attribution.content)
    if content is None:
        return None
    return dataclasses.replace(attribution, content=content, cue=tidy(attribution.cue), source=tidy(attribution.source))


def link_speakers(doc: Doc, quotes: list[dict[str, Any]]) -> None:
    """Point each quote at its speaker's actor record, and add the speaker mention to that actor."""
    actors = records(doc, ACTORS_KEY)
    by_name = {actor["name"]: actor for actor in actors if actor.get("type") == "person"}
    text = doc.text  # once: Doc.text joins the whole Doc on every call
    for quote in quotes:
        core = quote.pop("_core", None)
        actor = by_name.get(quote.get("speaker_name") or "")
        if actor is None:
            bodies = [a for a in actors if a.get("type") != "person"]
            # an organisation by its name, or by a word of it ("the commission")
            speaking = next((a for a in bodies if a["name"] == quote.get("speaker_name")), None)
            if speaking is None and core is not None:
                # A country or organisation speaking ("The US claimed …", "the Russian foreign
                # ministry said …"): the actor whose mention ends the speaker's phrase, as its head.
                speaking = next((a for a in bodies if any(_heads(m, core) for m in a["mentions"])), None)
            if speaking is not None:
                quote["actor_id"] = speaking["id"]
            continue
        quote["actor_id"] = actor["id"]
        short = core is not None and len(text[core["start"] : core["end"]].split()) <= _MAX_MENTION_WORDS
        if (
            core
            and short
            and not any(m["start"] <= core["start"] and core["end"] <= m["end"] for m in actor["mentions"])
        ):
            # the speaker's name, instead of the parts of it already there ("Leyen" of "Von der Leyen")
            inside = [m for m in actor["mentions"] if core["start"] <= m["start"] and m["end"] <= core["end"]]
            actor["mentions"] = [m for m in actor["mentions"] if m not in inside] + [dict(core)]
            actor["mentions"].sort(key=lambda m: m["start"])
    if actors:
        doc._.set(ACTORS_KEY, actors)


def _heads(mention: dict[str, int], phrase: dict[str, int]) -> bool:
    """Whether ``mention`` lies in ``phrase`` and ends it: the phrase's head is the actor's name."""
    return bool(phrase["start"] <= mention["start"] and mention["end"] == phrase["end"])


@Language.factory(
    "dateline_quotes",
    default_config={"dictionary": None, "model": "rules", "partials": "separate"},
    assigns=[f"doc._.{QUOTES_KEY}"],
)
def make_quote_extractor(nlp: Language, name: str, dictionary: str | None, model: str, partials: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, dictionary, model, partials)
