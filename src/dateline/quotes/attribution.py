"""Quotes from a parsed Doc: direct, partial and indirect, each with cue, speaker and name.

- **Indirect** speech is a reporting verb (``REPORTING_VERBS``, by lemma) with a clausal
  complement (``ccomp``): content = the clause, cue = the verb (with its auxiliaries),
  speaker = the verb's subject (climbing to the governing clause for "..., insisting it was").
  "according to X" is a cue too.
- **Direct** quotes (from :mod:`dateline.quotes.marks`) take the reporting verb whose clause
  they fill, else the nearest reporting verb outside quotes in their paragraph ("“…,” Sir Keir
  said.", "He told reporters: “…”"), else a dash credit ("“…” – Commissioner X"), else — for a
  paragraph that is only quotation — the previous quote's speaker (follow-on paragraphs).
- **Partial** quotes (a few words quoted inside reported speech: called him a “dictator”)
  take the speaker and cue of the reported speech around them.

Canonical speakers come from the shared :class:`~dateline.actors.resolve.Resolver`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import GENERATIONS, TITLE_NOUNS, Resolver
from ..sentences import story_data, story_parts
from ..syntax import subject_head, subject_start
from ..text import split_paragraphs
from .marks import QuotedSpan, find_quoted_spans

# Lemmas of verbs that report speech, writing or belief. Written for dateline; compare the
# Gender Gap Tracker's quote-verb list, which it agrees with on the common verbs.
REPORTING_VERBS = frozenset(
    {
        "accuse",
        "acknowledge",
        "add",
        "admit",
        "advise",
        "affirm",
        "agree",
        "allege",
        "announce",
        "answer",
        "argue",
        "ask",
        "assert",
        "assure",
        "believe",
        "boast",
        "brief",
        "call",
        "caution",
        "charge",
        "claim",
        "comment",
        "complain",
        "concede",
        "conclude",
        "concur",
        "confirm",
        "contend",
        "continue",
        "counter",
        "criticise",
        "criticize",
        "declare",
        "demand",
        "deny",
        "describe",
        "disclose",
        "dispute",
        "doubt",
        "emphasise",
        "emphasize",
        "estimate",
        "exclaim",
        "expect",
        "explain",
        "fear",
        "feel",
        "find",
        "guess",
        "highlight",
        "hope",
        "imply",
        "indicate",
        "inform",
        "insist",
        "joke",
        "lament",
        "learn",
        "maintain",
        "mention",
        "muse",
        "note",
        "observe",
        "opine",
        "order",
        "pledge",
        "post",
        "praise",
        "predict",
        "proclaim",
        "promise",
        "propose",
        "protest",
        "question",
        "quip",
        "reassure",
        "recall",
        "reckon",
        "recommend",
        "recount",
        "reiterate",
        "remark",
        "repeat",
        "reply",
        "report",
        "respond",
        "retort",
        "reveal",
        "say",
        "shout",
        "show",
        "signal",
        "speculate",
        "state",
        "stress",
        "suggest",
        "swear",
        "tell",
        "testify",
        "theorise",
        "theorize",
        "think",
        "threaten",
        "tweet",
        "underline",
        "urge",
        "vow",
        "warn",
        "whisper",
        "worry",
        "write",
    }
)
# Verbs of intention and stance whose infinitive complement is an attributed content
# ("declined to threaten Moscow", "vowed to cut taxes", "urged Congress to act").
INTENTION_VERBS = frozenset(
    {"aim", "decline", "demand", "hope", "intend", "offer", "plan", "pledge", "promise", "propose", "refuse", "seek"}
    | {"threaten", "urge", "vow", "want"}
)


def _learned_cue_verbs() -> dict[str, str]:
    """Lemma → relation carrying the content, learned from PolNeAR train (scripts/learn_cue_verbs.py)."""
    table = resources.files("dateline.quotes").joinpath("data/cue_verbs.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in table.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[3] for row in rows}


LEARNED_CUE_VERBS = _learned_cue_verbs()


CUE_VERBS = REPORTING_VERBS | INTENTION_VERBS | frozenset(LEARNED_CUE_VERBS)
_FRAME_VERBS = REPORTING_VERBS | {"call", "label", "dub", "brand"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Prepositions whose object is the content of a transitive cue used without an object.
_PHRASAL_PREPS = frozenset({"for", "about", "against", "on", "over"})
#: Verbs whose subject belongs to what they report ("Trump seemed to suggest …", "the vote is
#: expected to pass"): the attribution is the whole clause, subject and cue included, with no
#: source, as PolNeAR marks them (226 of the 262 with such a cue in train; 250 with no source).
RAISING_VERBS = frozenset({"appear", "seem"})
# Prepositions after a cue's object that carry what the object is said to be or to have done.
_OBJECT_PREPS = {"of", "for", "as", "to", "over"}
_RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
_FRAME_EDGE = " \t\n\u00a0\"'“”‘’«»"  # spaces and marks around a frame's commas
_CLAUSE_MARKS = (",", ";", ":", "—", "–", "(")
_CUT_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "ccomp", "xcomp", "cc", "prep"}
_CUE_AUX = {"aux", "auxpass", "neg"}
_DASH_CREDIT = re.compile(
    r"^\s*(?P<dash>[―—–-]{1,2})\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5})"
    r"(?P<role>\s*,\s*[^\n“”\"«»]{1,150}?)?\s*\.?\s*$"  # "– Jane Roe, analyst at the Institute"
)
# A name and a colon opening a paragraph or after a dash, right before a quote: "Kasich: “…”".
_NAME_LEAD = re.compile(r"(?:^|[―—–-]\s)\s*(?P<name>[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5})\s*:\s*$")
# A headline crediting its words with a name and a colon: "Pence: Gennifer Flowers Won't Be at Debate."
_HEADLINE_CLAIM = re.compile(
    r"^(?P<source>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})(?P<cue>:)\s+(?P<content>\S.*?)[\s.]*$"
)
# A transcript's turn: "WALLACE: Let's start …", "MR. TRUMP: …" (an opening mark may come first).
_TURN = re.compile(r"^[\"“]?\s*(?P<name>(?:[A-Z][A-Z.'’-]*\s){0,2}[A-Z][A-Z'’-]{2,})(?P<cue>:)\s+(?P<content>\S)")
#: Headline labels that credit no one.
_RUBRICS = frozenset(
    {"update", "breaking", "watch", "exclusive", "analysis", "opinion", "live", "video", "photos", "editorial",
     "explainer", "factbox", "timeline", "correction", "review", "interview", "commentary", "column", "q&a",
     "news", "sport", "sports", "business", "world", "politics", "fact check", "in pictures", "obituary",
     "note", "editor's note", "editors note", "source", "sources", "disclaimer", "warning", "caption", "credit",
     "the latest", "latest"}
)  # fmt: skip
_SENTENCE_PUNCT = tuple(".,!?…;:—–-")
_NEAR = 220  # how far (characters) a reporting verb may stand from a direct quote


#: What may end a partial quote past the end of the reported speech that holds it ("… alive.”").
OVERHANG = ".,;:!?'\"\u2019\u201d\u00bb "


@dataclass
class Frame:
    """A reporting frame: the cue, the speaker mention, and the mention's core for naming.

    ``speaker`` is the whole subject phrase, appositions included ("Daryl Kimball, executive
    director of the Arms Control Association"); ``core`` is the phrase without them, which
    is what gets resolved to a name, so a name in an apposition or relative clause never
    becomes the speaker.
    """

    cue: tuple[int, int] | None
    speaker: Span | None
    core: Span | None = None
    #: Which rule found an indirect quote (``ccomp``, ``xcomp``, ``dobj``, ``according-to``...).
    rule: str = ""


def _char_span(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _without_end_punct(first: Token, last: Token) -> tuple[int, int]:
    """The characters from ``first`` to ``last``, without the punctuation at the end."""
    while last.i > first.i and last.is_punct:
        last = last.doc[last.i - 1]
    return first.idx, last.idx + len(last)


def _passive_participle(verb: Token) -> bool:
    """A participle clause whose subject is the one spoken to: "Asked whether …, she declined",
    "Told of the verdict, he wept" (the question is the reporters', not hers)."""
    return (
        verb.tag_ in ("VBN", "VBD")  # the parser tags a sentence's first "Asked" as past tense
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def _after_time_phrases(clause: Token, verb: Token) -> Token:
    """The clause's first word after the time phrases that open it right after its reporting
    verb: the parser hangs "on Friday" of "The army said on Friday it had repelled …" on the
    reported verb, but the day is when it was said."""
    doc = clause.doc
    first = doc[clause.left_edge.i]
    if first.i != verb.i + 1:
        return first
    for child in clause.lefts:
        if child.i < first.i:
            continue
        timed = any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
        if child.dep_ not in ("prep", "npadvmod", "advmod") or not timed or child.left_edge.i != first.i:
            break
        first = doc[child.right_edge.i + 1]
    return first


_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"})


def _with_preposition(frame: Frame, verb: Token, prep: Token) -> Frame:
    """The frame with the preposition after its verb in the cue ("calling for", "referring to"),
    and what stands between them when it is only a particle, an adverb or a reflexive object
    ("cried out for", "talked more about", "distanced himself from"), as PolNeAR marks them."""
    between = verb.doc[verb.i + 1 : prep.i]
    if frame.cue is None or prep.i <= verb.i or not all(_in_phrasal_cue(t, verb) for t in between):
        return frame
    return replace(frame, cue=(frame.cue[0], prep.idx + len(prep)))


def _in_phrasal_cue(token: Token, verb: Token) -> bool:
    """A particle, plain adverb or reflexive object of ``verb`` (between it and its preposition)."""
    return token.head == verb and (token.dep_ == "prt" or _plain_adverb(token) or token.lower_ in _REFLEXIVES)


def _before_cue(token: Token) -> bool:
    """An auxiliary, a negation or a plain adverb of the cue's verb."""
    return token.dep_ in _CUE_AUX or _plain_adverb(token)


def _plain_adverb(token: Token) -> bool:
    """An adverb modifier that is no question word ("also", "later", "quickly"; not "when", "how")."""
    return token.dep_ == "advmod" and token.tag_ == "RB"


def cue_tokens(verb: Token) -> list[Token]:
    """The verb with the auxiliaries, negation and adverbs right before it ("has said", "has
    often said", "later told"): in PolNeAR train an adverb right before a reporting verb is part
    of its cue 70 times to 3 ("also said", "often said", "later said")."""
    tokens = _with_run_before(verb, _before_cue)
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == tokens[-1].i + 1:
            tokens.append(child)
    head = verb.head
    completes = verb.dep_ in ("xcomp", "advcl") and head.pos_ in ("VERB", "AUX", "ADJ")
    if completes and tokens[0].lower_ == "to" and head.i < verb.i:
        # "went on to say", "continued to question", "is likely to argue": the verb the reporting
        # verb completes leads the cue (in PolNeAR train 126 of 175 rule cues that began with
        # "to" began earlier in the gold, at that verb; the parser makes some of them advcl)
        tokens = _led_by(head, tokens, cue_tokens if head.pos_ != "ADJ" else _with_copula)
    return tokens


def _with_copula(adjective: Token) -> list[Token]:
    """The adjective with its copula ("is likely", "are quick", "was more eager"): a ``cop``
    dependent, or the verb it is the ``acomp`` of, as the parser has it."""
    tokens = _with_run_before(adjective, lambda t: t.dep_ == "cop" or _before_cue(t))
    return _led_by(adjective.head, tokens, cue_tokens) if adjective.dep_ == "acomp" else tokens


def _led_by(head: Token, tokens: list[Token], lead: Callable[[Token], list[Token]]) -> list[Token]:
    """``tokens`` led by ``lead(head)``, the cue of the word they complete, when ``head`` comes
    before them with nothing but its particles, plain adverbs or reflexive objects between."""
    between = head.doc[head.i + 1 : tokens[0].i]
    if head.i >= tokens[0].i or not all(_in_phrasal_cue(t, head) for t in between):
        return tokens
    return [*lead(head), *between, *tokens]


def _with_run_before(head: Token, keep: Callable[[Token], bool]) -> list[Token]:
    """``head`` with the unbroken run of its own dependents right before it that ``keep`` accepts."""
    tokens = [head]
    i = head.i - 1
    while i >= 0 and head.doc[i].head == head and keep(head.doc[i]):
        tokens.insert(0, head.doc[i])
        i -= 1
    return tokens


def subject_of(verb: Token, avoid: tuple[int, int] | None = None) -> Token | None:
    """The verb's subject, climbing from participles and conjuncts to the governing clause.

    A subject inside ``avoid`` (the quote a frame is sought for) is skipped: the parser can give
    the verb two subjects when the quote's last sentence runs into it ("“… Full panic mode,” said
    Leslie Wimes", where "mode" and "Wimes" are both subjects of "said")."""
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted.root
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS and not (avoid and avoid[0] <= child.idx < avoid[1]):
                return subject_head(child)
        if current.dep_ in ("advcl", "xcomp", "conj", "acl", "ccomp", "pcomp", "acomp") and current.head != current:
            head = current.head
            if current.dep_ == "pcomp" and head.dep_ == "prep" and head.head != head:
                head = head.head  # "He explained it by saying: …"
            elif current.dep_ == "conj" and current.pos_ == "VERB" and head.pos_ in ("NOUN", "PROPN"):
                head = head.head  # "adopted a fake accent and joked, …" (the parser's conj of the noun)
            current = head
        else:
            return None
    return None


def _quoted_as_saying(verb: Token) -> Span | None:
    """The one a report quotes: "Foreign Ministry spokesman Lin Jian" of "Xinhua quoted Foreign
    Ministry spokesman Lin Jian as saying …" (the reporter is not the speaker), read from the
    words, as the parser often takes "quoted" for an adjective there; None when the verb is not
    so framed."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].lower_ != "as" or verb.lemma_.lower() not in ("say", "tell"):
        return None
    name = doc[verb.i - 2]
    if name.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    for token in reversed(doc[verb.sent.start : name.i]):
        if token.lower_ in ("quoted", "quoting", "quotes", "quote"):
            return doc[token.i + 1 : name.i + 1]
        if token.pos_ in ("VERB", "AUX") or token.is_punct:
            return None
    return None


def noun_phrase(head: Token) -> Span:
    """The subject's noun phrase without relative clauses, appositions and trailing punctuation."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in _CUT_DEPS]
    while stack:
        token = stack.pop()
        keep.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _CUT_DEPS - {"prep"})
    start = min(min(t.i for t in keep), subject_start(head))
    end = max(t.i for t in keep) + 1
    doc = head.doc
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def full_phrase(head: Token) -> Span:
    """The subject's whole phrase (appositions, prepositions, relative clauses), edges trimmed."""
    doc = head.doc
    start, end = min(head.left_edge.i, subject_start(head)), head.right_edge.i + 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text != ")":
        end -= 1
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _orphan_subject(verb: Token) -> Token | None:
    """The name right before a reporting verb the parser left without a subject ("Col. Steven
    Warren, a military spokesman, said, ''…''"): the nearest person's name before it in its
    sentence with no verb between, or None."""
    if verb.dep_ != "ROOT":
        return None
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if token.pos_ in ("VERB", "AUX"):
            return None
        if token.ent_type_ == "PERSON":
            return token  # the name's last word, the head of its phrase
    return None


def _that_clause_after_prep(verb: Token) -> list[Token]:
    """A "that" clause the parser hung on the noun of a prepositional phrase after the verb:
    "said in a statement that border checks had been expanded" (as if the statement were
    expanded). Empty when there is none."""
    return [
        clause
        for prep in verb.children
        if prep.dep_ == "prep" and prep.i > verb.i
        for noun in prep.children
        if noun.dep_ == "pobj"
        for clause in noun.children
        if clause.dep_ in ("acl", "relcl", "ccomp")
        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i for m in clause.children)
    ][:1]


def _object_then_infinitive(verb: Token) -> bool:
    """Whether the verb has an object and then an infinitive: an appeal or a request, whose
    content is both ("urged both sides to stick to the deal", "asked him to resign")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return obj is not None and any(
        c.dep_ == "xcomp" and c.i > obj.i and any(a.lower_ == "to" for a in c.children) for c in verb.children
    )


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after a reporting verb the parser read as its object, in a headline's inverted
    frame ("‘We will rebuild,’ vows mayor", "…, says Smith"): the verb has no subject, its words
    come before it, and the object that follows it is a name or a title, or None."""
    if verb.lemma_.lower() not in REPORTING_VERBS or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    after = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if after is None or any(t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.i + 1 : after.i]):
        return None
    if after.ent_type_ == "PERSON" or after.pos_ == "PROPN" or after.lower_ in TITLE_NOUNS:
        return after
    return None


def frame_of(verb: Token, rule: str = "", avoid: tuple[int, int] | None = None) -> Frame:
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return Frame(cue=_char_span(cue_tokens(verb)), speaker=quoted, core=quoted, rule="quoted-as")
    subject = subject_of(verb, avoid) or _orphan_subject(verb) or _inverted_subject(verb)
    if subject is None:
        return Frame(cue=_char_span(cue_tokens(verb)), speaker=None, rule=rule)
    core = noun_phrase(subject)
    if subject.lower_ in _RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        # "Trump, who said ...": the mention is "who" (as PolNeAR marks it); the name is Trump's.
        core = noun_phrase(subject.head.head)
    return Frame(cue=_char_span(cue_tokens(verb)), speaker=full_phrase(subject), core=core, rule=rule)


def nested(record: dict[str, Any], records: list[dict[str, Any]]) -> bool:
    """Whether another (longer, not partial) record holds ``record``'s words and cue: reported
    speech inside other reported speech or a direct quote ("Republicans said they are convinced
    the department mishandled it"), or the same verb's speech read twice ("declined to comment
    on the decision": an intention and the object of its preposition)."""
    cue = record["cue"]
    if record.get("rule") == "quoted-as":
        return False  # "Interfax quoted Peskov as saying …": the report's and Peskov's own
    return cue is not None and any(
        other is not record
        and other["kind"] != "partial"
        and other["start"] <= record["start"]
        and record["end"] <= other["end"]
        and other["end"] - other["start"] > record["end"] - record["start"]
        and (other["start"] <= cue["start"] < other["end"] or (other["cue"] or {}).get("start") == cue["start"])
        for other in records
    )


#: A sentence ends in it: a full stop after a lower-case word ("said. And"), not after "Mr." or "U.S.".
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})[.!?][\"”'’]*\s+[A-Z]")


def _is_partial(text: str, quote: QuotedSpan) -> bool:
    content = text[quote.start : quote.end].strip()
    letters = [c for c in content if c.isalpha()]
    if not letters:
        return True
    if letters[0].islower():
        return True
    before = text[max(0, quote.open_mark - 3) : quote.open_mark].strip()
    if before.endswith(":") or quote.open_mark == 0 or text[quote.open_mark - 1] == "\n":
        return False
    return (not content.endswith(_SENTENCE_PUNCT) or _is_title(content)) and len(content.split()) < 8


#: Words a title leaves in lower case ("Contract with America", "Face the Nation").
_TITLE_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on"}
    | {"or", "the", "to", "vs", "with"}
)


def _is_title(content: str) -> bool:
    """Quoted words in title case ("Face the Nation.", "All Bets Are Off,") name a work, a show or
    a slogan inside a sentence; they are no sentence anyone is quoted saying, even when the
    sentence's own punctuation sits inside the marks."""
    words = re.findall(r"[^\W\d_][\w’'-]*", content)
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


class QuoteFinder:
    """Finds every quote in one Doc. Use :meth:`run`."""

    def __init__(self, doc: Doc, resolver: Resolver | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        parts = story_parts(doc)
        self.paragraphs = parts if parts is not None else split_paragraphs(self.text)
        self.quoted = find_quoted_spans(self.text, self.paragraphs)
        self._open_marks = [q.open_mark for q in self.quoted]  # sorted: quotes come in text order
        self.resolver = resolver or Resolver(doc)
        self._quote_of_char = [-1] * (len(self.text) + 1)
        for n, q in enumerate(self.quoted):
            for c in range(q.open_mark, (q.close_mark if q.close_mark is not None else q.end - 1) + 1):
                self._quote_of_char[c] = n

    def in_quote(self, token: Token) -> int:
        return self._quote_of_char[token.idx]

    def _paragraph_of(self, offset: int) -> int:
        for n, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end:
                return n
        return -1

    def run(self) -> list[tuple[Span | None, dict[str, Any]]]:
        results: list[dict[str, Any]] = []
        indirect: list[tuple[tuple[int, int], Frame]] = []
        frame_for_quote: dict[int, Frame] = {}
        for token in self.doc:
            if self.in_quote(token) >= 0:
                continue
            content, frame = self._reported(token)
            if content is None or frame is None or content[1] <= content[0]:
                continue
            best, share, first = self._quoted_share(content)
            if share >= 0.5:
                frame_for_quote.setdefault(best, frame)
                if not self._words_before_quote(content, self.quoted[first]):
                    continue
                # A mixed quote: he would “introduce legislation …” is reported speech whose
                # words are partly quoted; the clause is the indirect quote, the quoted words
                # a partial quote inside it.
            indirect.append((content, frame))
            results.append(self._record(content, "indirect", frame))
        previous: dict[str, Any] | None = None
        for n, quote in enumerate(self.quoted):
            if previous is not None and self._continues(previous, quote):
                # "My hope," he said, "is that ..." — the sentence goes on after its frame.
                previous["end"] = quote.end
                continue
            if _is_partial(self.text, quote):
                if _is_title(self.text[quote.start : quote.end]) and not self._title_case_line(quote):
                    continue  # "on CBS's “Face the Nation”", "the project on “Women in Power”": a name
                frame = self._partial_frame(quote, indirect)
                if frame.speaker is None and frame.cue is None:
                    continue  # scare quotes and titles: quoted words nobody is reported to say
                results.append(self._record((quote.start, quote.end), "partial", frame))
                continue
            frame = frame_for_quote.get(n) or self._direct_frame(quote)
            record = self._record((quote.start, quote.end), "direct", frame)
            if previous is not None and self._interrupted(previous, record, quote):
                # “A,” he said. “B.” is one quote interrupted by its frame.
                previous["end"] = record["end"]
                continue
            if frame.speaker is None and frame.cue is None and previous is not None and self._follows(previous, quote):
                record["speaker_name"] = previous["speaker_name"]
                record["actor_id"] = previous.get("actor_id")
            previous = record
            results.append(record)
        turns = self._transcript_turns()
        if turns:
            # "WALLACE: Let's start …": a transcript's turns are its quotes; a quote the finder
            # opened at a turn's opening mark runs over the labels and goes
            labels = [(r["speaker"]["start"], r["start"]) for r in turns if r["speaker"] is not None]
            results = [
                r
                for r in results
                if not (r["kind"] == "direct" and any(r["start"] <= b and a < r["end"] for a, b in labels))
            ]
            results += turns
        claim = self._headline_claim(results)
        if claim is not None:
            # reported speech the parser found inside the claimed words ("West pushing world")
            # is part of them
            results = [r for r in results if not (claim["start"] <= r["start"] and r["end"] <= claim["end"])]
            results.append(claim)
        results.sort(key=lambda r: (r["start"], r["end"], r["speaker"] is None))
        out: list[tuple[Span | None, dict[str, Any]]] = []
        seen: set[tuple[int, int, str]] = set()
        for record in results:
            key = (record["start"], record["end"], record["kind"])
            if key in seen:
                continue  # two cues reporting the same words: the first with a speaker stands
            seen.add(key)
            span = self.doc.char_span(record["start"], record["end"], alignment_mode="expand")
            out.append((span, record))
        return out

    def _transcript_turns(self) -> list[dict[str, Any]]:
        """The turns of a transcript: paragraphs opened by a speaker's name in capitals and a
        colon ("WALLACE: Let's start with …", "PENCE: Well, look, …"), as PolNeAR marks them
        (the name the source, the colon the cue, the rest of the paragraph the content). Only
        where two paragraphs or more are such turns, and not rubrics ("UPDATE:")."""
        turns = []
        for start, end in self.paragraphs:
            match = _TURN.match(self.text[start:end])
            if match is None or match.group("name").lower().rstrip(".") in _RUBRICS:
                continue
            content_end = start + len(self.text[start:end].rstrip())
            speaker = self.doc.char_span(start + match.start("name"), start + match.end("name"))
            if speaker is None or content_end <= start + match.start("content"):
                continue
            cue = (start + match.start("cue"), start + match.end("cue"))
            frame = Frame(cue, speaker, speaker, "transcript")
            turns.append(self._record((start + match.start("content"), content_end), "direct", frame))
        return turns if len(turns) >= 2 else []

    def _headline_claim(self, found: list[dict[str, Any]]) -> dict[str, Any] | None:
        """A headline that credits its words with a name and a colon: "Pence: Gennifer Flowers
        Won't Be at Debate", "Putin: West pushing world toward catastrophe", "Poll: Wealthy
        Voters Abandon Republican Party" (the colon is the cue, as PolNeAR marks it). Not a
        rubric ("Analysis:", "UPDATE 2:"), and not words a quote found already holds."""
        story = story_data(self.doc) or {}
        if not story.get("headline"):
            return None
        start, end = (int(x) for x in story["headline"])
        match = _HEADLINE_CLAIM.match(self.text[start:end])
        if match is None or match.group("source").lower() in _RUBRICS:
            return None
        content = (start + match.start("content"), start + match.end("content"))
        if any(r["start"] < content[1] and content[0] < r["end"] and r["kind"] == "direct" for r in found):
            return None  # "Kasich: “We will win Ohio.”": the quote has it
        speaker = self.doc.char_span(start + match.start("source"), start + match.end("source"))
        if speaker is None:
            return None
        cue = (start + match.start("cue"), start + match.end("cue"))
        return self._record(content, "indirect", Frame(cue, speaker, speaker, "headline-colon"))

    # --- reported speech -------------------------------------------------------------------

    def _reported(self, token: Token) -> tuple[tuple[int, int] | None, Frame | None]:
        if token.lemma_.lower() == "accord" and token.lower_ == "according":
            return self._according_to(token)
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX") or lemma not in CUE_VERBS:
            return None, None
        if _passive_participle(token):
            return None, None
        if any(c.dep_ == "nsubj" and c.tag_ in ("VBZ", "VBD") for c in token.children):
            # a headline's verb the parser took for a noun subject: in "Fed holds rates steady,
            # signals caution on cuts" nobody named "signals" cautions
            return None, None
        clauses = [c for c in token.children if c.dep_ == "ccomp"] or _that_clause_after_prep(token)
        if token.dep_ == "parataxis" and not clauses and len(list(token.subtree)) <= 8:
            # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt."
            if subject_of(token) is None:
                return None, None
            return self._sentence_without(token, set()), frame_of(token, "parataxis")
        relation = LEARNED_CUE_VERBS.get(lemma, "xcomp" if lemma in INTENTION_VERBS else "ccomp")
        if lemma == "call" and not clauses:
            content, frame = self._call_for(token)
            if content is not None:
                return content, frame
        takes_predicate = any(c.dep_ in ("oprd", "xcomp", "dative") for c in token.children)
        if not clauses and relation in ("dobj", "prep") and not takes_predicate and subject_of(token) is not None:
            # "Trump attacked Machado", "she railed against the deal": the object is the content.
            # "referring to Trump's remarks", and with no object "calling for a political
            # revolution", "railed about the deal": the preposition's object is the content and the
            # preposition is part of the cue.
            prep = None
            if relation == "prep":
                prep = next((c for c in token.children if c.dep_ == "prep" and c.i > token.i), None)
            elif not any(c.dep_ == "dobj" for c in token.children):
                prep = next(
                    (c for c in token.children if c.dep_ == "prep" and c.i > token.i and c.lower_ in _PHRASAL_PREPS),
                    None,
                )
            content = (
                self._object_content(token, "prep", prep) if prep is not None else self._object_content(token, relation)
            )
            if content is None:
                return None, None
            if prep is None:
                return content, frame_of(token, relation)
            return content, _with_preposition(frame_of(token, "prep"), token, prep)
        if not clauses and self._raising(token):
            return self._raised_clause(token)
        if not clauses and (relation == "xcomp" or _object_then_infinitive(token)):
            complements = [c for c in token.children if c.dep_ == "xcomp" and c.i > token.i]
            if complements and subject_of(token) is not None:
                objects = [c for c in token.children if c.dep_ == "dobj" and token.i < c.i < complements[0].i]
                first = objects[0].left_edge if objects else complements[0].left_edge
                return _without_end_punct(first, complements[0].right_edge), frame_of(token, "xcomp")
        # A clause before the verb across a colon or semicolon is no content of it ("The news set off
        # fireworks: Republicans said they …", "… was not intentional; they only learned …").
        clauses = [c for c in clauses if c.i > token.i or not self._clause_break(c.right_edge.i, token.i)]
        if not clauses:
            before = self._words_before_frame(token)
            return (before, frame_of(token, "postposed", avoid=before)) if before else (None, None)
        clause = clauses[0]
        if clause.i < token.i:
            # Content before the frame: the whole sentence but the frame ("X, he said, until Y").
            frame = frame_of(token, "ccomp-before")
            if frame.speaker is None and any(c.dep_ == "dobj" and c.i > token.i for c in token.children):
                # "Fed holds rates steady, signals two cuts": a headline's second verb of the same
                # subject, which the parser hung over the first; it reports nothing
                return None, None
            return self._sentence_without(token, {t.i for t in clause.subtree}), frame
        start = _after_time_phrases(clause, token).idx
        last = clause.right_edge
        # "said it was opposed to the test and warned Pyongyang …": a reporting verb with no
        # subject of its own coordinated in the clause goes with the frame's verb, not the content.
        second = next(
            (
                c
                for c in clause.children
                if c.dep_ == "conj"
                and c.pos_ == "VERB"
                and c.lemma_.lower() in REPORTING_VERBS
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ),
            None,
        )
        if second is not None:
            last = self.doc[second.left_edge.i - 1]
            while last.i > clause.i and (last.dep_ == "cc" or last.is_punct or last.is_space):
                last = self.doc[last.i - 1]
        while last.i > clause.i and (last.is_punct or last.is_space) and last.text not in ("”", '"'):
            last = self.doc[last.i - 1]
        end = last.idx + len(last)
        if end <= start:
            return None, None
        return (start, end), frame_of(token, "ccomp")

    def _words_before_frame(self, verb: Token) -> tuple[int, int] | None:
        """The words before a frame that ends its sentence after a comma, when the parser did not
        make them the verb's clause: a headline's "NHS waiting lists to fall by spring, minister
        says", whose infinitive it reads as a relative clause. They must hold a verb ("In the
        capital, Obama said" reports nothing)."""
        if verb.lemma_.lower() not in REPORTING_VERBS:
            return None
        sentence = verb.sent
        if any(not (t.is_punct or t.is_space) for t in self.doc[verb.i + 1 : sentence.end]):
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if not subjects:
            return None
        comma = subjects[-1].left_edge.i - 1
        first = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
        if first is None or comma <= first.i or self.doc[comma].text != ",":
            return None
        words = self.doc[first.i : comma]
        if not any(t.pos_ in ("VERB", "AUX") for t in words) or self.in_quote(words[0]) >= 0:
            return None
        return _without_end_punct(words[0], words[-1])

    def _call_for(self, verb: Token) -> tuple[tuple[int, int] | None, Frame | None]:
        """An appeal: "called for reducing the tax rate", "called for contestants to wear …",
        "called on Trump to apologize". The content is what (or whom, and to do what) is called
        for; the cue takes its preposition ("called on"), as PolNeAR marks it (in PolNeAR train
        the content starts right after the preposition for 98 of 99 "call for" and 32 of 41
        "call on" attributions)."""
        if subject_of(verb) is None or any(
            c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME") for c in verb.children
        ):
            return None, None
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in ("for", "on")), None)
        target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if prep is None or target is None:
            # "called for governments to raise …", parsed as a clause with "for" as its marker
            clause = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "advcl"
                    and c.i > verb.i
                    and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                ),
                None,
            )
            if clause is None:
                return None, None
            prep = next(m for m in clause.children if m.dep_ == "mark" and m.lower_ == "for")
            target = self.doc[prep.i + 1]
            if target.i > clause.i:
                return None, None
            return self._call_content(verb, prep, target, clause.right_edge)
        return self._call_content(verb, prep, target, target.right_edge)

    def _call_content(
        self, verb: Token, prep: Token, target: Token, last: Token
    ) -> tuple[tuple[int, int] | None, Frame | None]:
        """The appeal's content from ``target`` to ``last``, or on to the verb's infinitive after
        it, and its frame."""
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > last.i), None)
        if complement is not None:
            last = complement.right_edge  # "on Trump to stop attacking Machado"
        elif prep.lower_ == "on":
            return None, None  # "called on reporters": picked them, no appeal
        first = target.left_edge if target.left_edge.i > prep.i else target
        return _without_end_punct(first, last), _with_preposition(frame_of(verb, "call-for"), verb, prep)

    def _clause_break(self, start: int, end: int) -> bool:
        """A colon or semicolon between tokens ``start`` and ``end``."""
        return any(t.text in (":", ";") for t in self.doc[start + 1 : end])

    @staticmethod
    def _raising(verb: Token) -> bool:
        """A verb whose subject is the reported clause's ("seems to", "appeared", "is expected to")."""
        lemma = verb.lemma_.lower()
        if lemma == "expect":
            return any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children)
        return lemma in RAISING_VERBS

    def _raised_clause(self, verb: Token) -> tuple[tuple[int, int] | None, Frame | None]:
        """The subject, the verb and its complement ("Trump's supporters seemed unperturbed")."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        complement = next(
            (c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd") and c.i > verb.i), None
        )
        if subject is None or complement is None or subject.i > verb.i:
            return None, None
        frame = Frame(cue=_char_span(cue_tokens(verb)), speaker=None, rule="raising")
        return _without_end_punct(subject.left_edge, complement.right_edge), frame

    def _object_content(self, verb: Token, relation: str, child: Token | None = None) -> tuple[int, int] | None:
        """The content a transitive cue carries in its ``relation`` child (``child`` when given)."""
        if child is None:
            child = next((c for c in verb.children if c.dep_ == relation and c.i > verb.i), None)
        if child is None:
            return None
        if relation == "prep":
            child = next((c for c in child.children if c.dep_ == "pobj"), None)
            if child is None:
                return None
        first, last = child.left_edge, child.right_edge
        if relation == "dobj":
            # "accused Sanders of a flip-flop", "likened the campaign to a car crash", "dismissed
            # the comment as remote": what the object is charged with belongs to the content.
            # A time between them is passed over: "accused Pakistan on Thursday of backing …".
            when = {
                t.i
                for c in verb.children
                if c.i > last.i
                and (c.ent_type_ in ("DATE", "TIME") or any(o.ent_type_ in ("DATE", "TIME") for o in c.children))
                for t in c.subtree
            }
            for prep in sorted((c for c in verb.children if c.dep_ == "prep" and c.i > last.i), key=lambda c: c.i):
                if prep.i in when:
                    continue
                between = self.doc[last.i + 1 : prep.i]
                if prep.lower_ not in _OBJECT_PREPS or any(not t.is_punct and t.i not in when for t in between):
                    break
                last = prep.right_edge
        return _without_end_punct(first, last)

    def _sentence_without(self, verb: Token, keep: set[int]) -> tuple[int, int] | None:
        """The verb's sentence minus the frame (the verb's subtree outside ``keep``), edges trimmed."""
        frame = {t.i for t in verb.subtree} - keep
        rest = [t for t in verb.sent if t.i not in frame and not t.is_space]
        while rest and rest[0].is_punct and rest[0].text not in ("“", '"'):
            rest = rest[1:]
        while rest and rest[-1].is_punct and rest[-1].text not in ("”", '"'):
            rest = rest[:-1]
        if not rest:
            return None
        return rest[0].idx, rest[-1].idx + len(rest[-1])

    def _according_to(self, token: Token) -> tuple[tuple[int, int] | None, Frame | None]:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if to is None or source is None:
            return None, None
        content = self._sentence_without(token, set())
        if content is None and token.dep_ == "ROOT":
            # the parser made "According" the sentence's root ("According to a poll published by
            # ZDF, 61 percent of Germans back …"): the content is the rest of the sentence
            frame = {token.i, to.i} | {t.i for t in source.subtree}
            content = self._sentence_without(token, {t.i for t in token.subtree} - frame)
        if content is None:
            return None, None
        return content, Frame(
            cue=_char_span([token, to]), speaker=full_phrase(source), core=noun_phrase(source), rule="according-to"
        )

    def _words_before_quote(self, content: tuple[int, int], quote: QuotedSpan) -> bool:
        lead = self.text[content[0] : quote.open_mark]
        return quote.open_mark > content[0] and any(c.isalpha() for c in lead) and not lead.rstrip().endswith(":")

    def _quoted_share(self, span: tuple[int, int]) -> tuple[int, float, int]:
        """The quote covering most of ``span``, the share of ``span`` that quotes cover (the two
        halves of “A,” he said, “B.” together cover the sentence around the frame) and the
        first quote in it."""
        best, most, total, first = -1, 0, 0, -1
        length = max(1, span[1] - span[0])
        # Quotes do not overlap, so walk back from the last one opening before the span ends.
        for n in range(bisect_left(self._open_marks, span[1]) - 1, -1, -1):
            q = self.quoted[n]
            overlap = min(q.end, span[1]) - max(q.start, span[0])
            if overlap > 0:
                total += overlap
                first = n
                if overlap > most:
                    best, most = n, overlap
            if q.end <= span[0]:
                break
        return best, total / length, first

    # --- direct and partial quotes ---------------------------------------------------------

    def _complement_frame(self, quote: QuotedSpan, close: int) -> tuple[float, Token] | None:
        """A verb next to the quote that is not a reporting verb but governs the quote's words
        and has a subject ("“…,” Toomey fumed on Tuesday"): in that place any verb reports."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return None
        best: tuple[float, Token] | None = None
        for token in span:
            verb = token.head
            if token.dep_ not in ("ccomp", "parataxis") or verb.pos_ != "VERB" or not verb.is_alpha:
                continue  # (the parser can tag a dash "―" as a verb)
            if self.in_quote(verb) >= 0:
                continue
            distance = verb.idx - close if verb.idx > close else quote.open_mark - verb.idx + 1
            if distance <= _NEAR and subject_of(verb) is not None and (best is None or distance < best[0]):
                best = (distance, verb)
        return best

    def _partial_frame(self, quote: QuotedSpan, indirect: list[tuple[tuple[int, int], Frame]]) -> Frame:
        # a closing mark and the punctuation inside it may run past the content's end ("… alive.”")
        around = sorted(
            (
                (c, f)
                for c, f in indirect
                if c[0] <= quote.start and (quote.end <= c[1] or not self.text[c[1] : quote.end].strip(OVERHANG))
            ),
            key=lambda item: item[0][1] - item[0][0],
        )
        if around:
            # The innermost reported speech whose speaker is named: in "Schumer said the vote
            # showed that “bipartisanship is alive”" the words are Schumer's, in "Officials said
            # Trump had called the plan “a disaster”" Trump's.
            return next((f for _, f in around if self._names_someone(f)), around[0][1])
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return Frame(None, None)
        token: Token = span.root
        for _ in range(8):
            if token.head == token:
                break
            token = token.head
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in _FRAME_VERBS and self.in_quote(token) < 0:
                return frame_of(token)
        return Frame(None, None)

    def _colon_lead(self, quote: QuotedSpan) -> Frame | None:
        """The frame of a clause that introduces the quote with a colon and has no reporting verb:
        "Odinga's ally, Kalonzo Musyoka, went further: “This bill is dead on arrival.”" is
        Musyoka's (not the speaker of a reporting verb in the sentence before). None when the
        clause has a reporting verb (the usual search finds it: "He told reporters: “…”") or its
        subject names no one."""
        at = quote.open_mark
        while at > 0 and self.text[at - 1] in " \t\u00a0":
            at -= 1
        if at == 0 or self.text[at - 1] != ":":
            return None
        token = self.doc.char_span(at - 1, at, alignment_mode="expand")
        if token is None or not len(token):
            return None
        sentence = token[0].sent
        clause = [t for t in sentence if t.i < token[0].i]
        if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING_VERBS for t in clause):
            return None
        # the verb the colon belongs to, else the last verb of the clause whose head is past the
        # colon (the parser often hangs the clause on a verb of the quote) or which has none
        verb: Token | None = token[0].head
        while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head != verb and verb.head.i < token[0].i:
            verb = verb.head
        if verb is None or verb.pos_ not in ("VERB", "AUX") or not sentence.start <= verb.i < token[0].i:
            tops = [t for t in clause if t.pos_ in ("VERB", "AUX") and (t.head == t or t.head.i > token[0].i)]
            verb = tops[-1] if tops else None
        if verb is None or self.in_quote(verb) >= 0:
            return None
        frame = frame_of(verb, avoid=(quote.open_mark, quote.end))
        return frame if self._names_someone(frame) else None

    def _names_someone(self, frame: Frame) -> bool:
        """Whether a frame's speaker names a person, a group or an organisation (not "the vote")."""
        named = frame.core if frame.core is not None else frame.speaker
        if named is None:
            return False
        if self.resolver.resolve_person(named) is not None:
            return True
        return any(e.label_ in ("PERSON", "ORG", "NORP", "GPE") for e in named.ents) or any(
            t.pos_ == "PROPN" for t in named
        )

    def _direct_frame(self, quote: QuotedSpan) -> Frame:
        first, last = self.paragraphs[quote.first_paragraph], self.paragraphs[quote.last_paragraph]
        close = quote.close_mark if quote.close_mark is not None else quote.end
        # A clause led into the quote with a colon outranks reporting verbs before it, not one after
        # it ("Cruz defends …: “…,” the senator says").
        led = self._colon_lead(quote)
        best: tuple[float, Token] | None = None
        for para in {first, last}:
            # Only the text near the quote: a reporting verb further away is not its frame.
            window = (max(para[0], quote.open_mark - _NEAR), min(para[1], close + _NEAR))
            span = self.doc.char_span(window[0], window[1], alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if self.in_quote(token) >= 0 or token.pos_ not in ("VERB", "AUX"):
                    continue
                if token.lemma_.lower() not in REPORTING_VERBS:
                    continue
                if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in token.children):
                    continue  # "…, who is expected to become chancellor. “But I …”": no words framed
                if token.idx > close:
                    distance = token.idx - close
                    if self._quote_between(close, token.idx):
                        continue
                elif led is not None:
                    continue
                else:
                    distance = quote.open_mark - token.idx
                    if self._quote_between(token.idx, quote.open_mark):
                        continue
                    distance += 1  # prefer a verb after the quote at equal distance
                if distance <= _NEAR and (best is None or distance < best[0]):
                    best = (distance, token)
        if best is None and led is not None:
            return led
        if best is None:
            best = self._complement_frame(quote, close)
        if best is not None:
            return frame_of(best[1], avoid=(quote.open_mark, close))
        credit = None
        if quote.close_mark is not None:
            # The rest of the paragraph, or of the line: some pages list "“…” ― Name" one per line.
            line_end = self.text.find("\n", close + 1, last[1])
            for end in (last[1], line_end):
                credit = credit or (_DASH_CREDIT.match(self.text[close + 1 : end]) if end > close else None)
        if credit:
            start, end = close + 1 + credit.start("name"), close + 1 + credit.end("name")
            last_word = self.text[start:end].split()[-1].lower()
            if last_word.endswith(".") and len(last_word) > 2 and last_word[:-1] not in GENERATIONS:
                # the sentence's full stop, not the name's ("– Chancellor Olaf Scholz.", not "– … King Jr.")
                end -= 1
            span = self.doc.char_span(start, end)
            whole = self.doc.char_span(start, close + 1 + credit.end("role")) if credit.group("role") else span
            if span is not None:
                dash = (close + 1 + credit.start("dash"), close + 1 + credit.end("dash"))
                return Frame(dash, whole or span, span)
        lead = _NAME_LEAD.search(self.text[first[0] : quote.open_mark])
        if lead:
            # "Kasich: “We will win Ohio.”", "… – Philip Bump: “Two weeks ago …”"
            span = self.doc.char_span(first[0] + lead.start("name"), first[0] + lead.end("name"))
            if span is not None and all(t.pos_ == "PROPN" or t.lower_ in ("and", ".") for t in span):
                return Frame(None, span, span)
        return Frame(None, None)

    def _title_case_line(self, quote: QuotedSpan) -> bool:
        """Whether the quote's paragraph is itself in title case (a headline: "Christie Calls
        Clinton ‘A Disgrace’ Over Police Comments"), where a title-case quote is no name."""
        para = self.paragraphs[quote.first_paragraph]
        outside = self.text[para[0] : quote.open_mark] + " " + self.text[(quote.close_mark or quote.end) + 1 : para[1]]
        return _is_title(outside)

    def _quote_between(self, start: int, end: int) -> bool:
        n = bisect_left(self._open_marks, start + 1)
        return n < len(self.quoted) and (self.quoted[n].close_mark or self.quoted[n].end) < end

    def _continues(self, previous: dict[str, Any], quote: QuotedSpan) -> bool:
        cue = previous["cue"]
        if cue is None or previous["kind"] != "direct" or not previous["end"] <= cue["start"] < quote.open_mark:
            return False
        # (an opening typewriter mark ('') is two characters: the first is in the gap)
        gap = self.text[previous["end"] : quote.open_mark].rstrip("'`")
        first = next((c for c in self.text[quote.start : quote.end] if c.isalpha()), "")
        return (
            len(gap) <= 120
            and "\n" not in gap
            and gap.rstrip().endswith(",")
            and not _SENTENCE_END.search(gap)  # "…,” Mr. Obama said. And perhaps, he said, …"
            and first.islower()
            and self._paragraph_of(previous["start"]) == quote.first_paragraph
        )

    def _interrupted(self, previous: dict[str, Any], record: dict[str, Any], quote: QuotedSpan) -> bool:
        cue = record["cue"]
        return (
            cue is not None
            and previous["cue"] == cue
            and previous["end"] <= cue["start"] < record["start"]
            and self._paragraph_of(previous["start"]) == quote.first_paragraph
        )

    def _follows(self, previous: dict[str, Any], quote: QuotedSpan) -> bool:
        """A speakerless quote paragraph right after another quote continues its speaker."""
        prev_para = self._paragraph_of(previous["end"] - 1)
        para = self.paragraphs[quote.first_paragraph]
        outside = (
            self.text[para[0] : quote.open_mark].strip() + self.text[(quote.close_mark or quote.end) + 1 : para[1]]
        )
        return quote.first_paragraph - prev_para in (0, 1) and len(outside.strip(" .,;:—–-")) < 3

    def tagged(
        self, content: tuple[int, int], cue: tuple[int, int] | None, source: tuple[int, int] | None
    ) -> dict[str, Any]:
        """A record for an attribution found by the learned tagger (:mod:`dateline.quotes.tagger`).

        The kind is ``direct`` when the content lies inside one pair of quotation marks, else
        ``indirect``; the source phrase is resolved to a name like a rule-found speaker's.
        """
        speaker = self.doc.char_span(*source, alignment_mode="expand") if source else None
        core = None
        if speaker is not None and len(speaker):
            root = speaker.root
            if root.lower_ in _RELATIVE_PRONOUNS and root.head.dep_ == "relcl":
                core = noun_phrase(root.head.head)  # "Trump, who ...": the name is Trump's
            else:
                core = noun_phrase(root) if root.pos_ in ("PROPN", "NOUN", "PRON") else speaker
        content = (self._fronted(content, cue, source), content[1])
        inside = any(q.start <= content[0] and content[1] <= q.end for q in self.quoted)
        record = self._record(content, "direct" if inside else "indirect", Frame(cue, speaker, core, "tagger"))
        record["rule"] = "tagger"
        return record

    def _fronted(self, content: tuple[int, int], cue: tuple[int, int] | None, source: tuple[int, int] | None) -> int:
        """Where a content interrupted by its frame starts: "African-Americans, he said, can
        rock like Jimi" and "the tailgate, which, Tompkins said, is full" hold the words before
        the frame too (the tagger marks the part after it). Else the content's own start."""
        text = self.text
        frame = [s for s in (cue, source) if s is not None]
        if not frame or max(b for _, b in frame) > content[0]:
            return content[0]
        first, last = min(a for a, _ in frame), max(b for _, b in frame)
        words = content[0]  # the content's first word (its span may begin with the frame's comma)
        while words < content[1] and text[words] in _FRAME_EDGE + ",":
            words += 1
        if text[last:words].strip(_FRAME_EDGE) != ",":
            return content[0]
        before = text[:first].rstrip(_FRAME_EDGE)
        if not before.endswith(","):
            return content[0]
        span = self.doc.char_span(first, last, alignment_mode="expand")
        if span is None:
            return content[0]
        sentence = span[0].sent.start_char
        start = max(sentence, *(before.rfind(mark, sentence, len(before) - 1) + 1 for mark in _CLAUSE_MARKS))
        while start < len(before) - 1 and text[start] in _FRAME_EDGE:
            start += 1
        return start if start < len(before) - 1 else content[0]

    def _record(self, content: tuple[int, int], kind: str, frame: Frame) -> dict[str, Any]:
        named = frame.core if frame.core is not None else frame.speaker
        speaker_name = self.resolver.resolve(named) if named is not None else None
        speaker = (
            {"start": frame.speaker.start_char, "end": frame.speaker.end_char} if frame.speaker is not None else None
        )
        start, end = content
        text = self.text  # not Doc.text, which joins the whole Doc again on every call
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1  # a headline's content ends at the headline, not in the paragraph break after it
        return {
            "start": start,
            "end": end,
            "kind": kind,
            "speaker": speaker,
            "cue": {"start": frame.cue[0], "end": frame.cue[1]} if frame.cue else None,
            "speaker_name": speaker_name,
            "actor_id": None,
            "rule": frame.rule if kind == "indirect" else ("marks" if kind == "direct" else "partial"),
            # The speaker's name core ("Trump" in "Trump, who ..."), for the actor's mentions;
            # removed from the record when quotes are linked to actors.
            "_core": {"start": named.start_char, "end": named.end_char} if named is not None else None,
        }
