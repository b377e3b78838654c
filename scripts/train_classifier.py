"""Train dateline's dyad classifiers (``dateline classify``) on PLV train, or cross-validate them.

usage:
  python scripts/train_classifier.py [--model lexical|embeddings|all]
      train on all of PLV train; write src/dateline/events/data/classifier_<model>.npz
  python scripts/train_classifier.py --cv 5 --predictions OOF.jsonl [--model lexical]
      5-fold cross-validation: out-of-fold predictions for ../shared/eval/score_plv.py

Needs scikit-learn (``pip install --group train -e .``) and, for ``embeddings``, the classify
extra. Reads ``../shared/data/events/zsp_plv/PLV_train.tsv`` (override with --tsv). PLV has no
licence (research use only): the trained weights inherit those terms; see the README.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "dateline" / "events" / "data"
DEFAULT_TSV = ROOT.parent / "shared" / "data" / "events" / "zsp_plv" / "PLV_train.tsv"
_TAG = re.compile(r"</?[st]>")
# Inverse regularisation per model (chosen by 5-fold CV on PLV train, several fold seeds).
C = {"lexical": 10.0, "embeddings": 20.0}


def unmark(marked: str) -> tuple[str, list[int] | None, list[int] | None]:
    """``<s>..</s>`` / ``<t>..</t>`` marks → text and spans (as ../shared/eval/plv_to_jsonl.py does)."""
    text, spans, pos, opened = [], {}, 0, {}
    for piece in re.split(r"(</?[st]>)", marked):
        if _TAG.fullmatch(piece):
            role = piece.strip("</>")
            if piece.startswith("</"):
                spans[role] = [opened.pop(role), pos]
            else:
                opened[role] = pos
        else:
            text.append(piece)
            pos += len(piece)
    return "".join(text), spans.get("s"), spans.get("t")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tsv", default=str(DEFAULT_TSV))
    ap.add_argument("--model", choices=["lexical", "embeddings", "all"], default="all")
    ap.add_argument("--cv", type=int, default=0, help="folds for cross-validation (0: train and save)")
    ap.add_argument("--predictions", help="where --cv writes out-of-fold predictions (JSONL)")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    tsv = Path(a.tsv)
    if not tsv.exists():
        print(f"{tsv} not found: PLV train lives in ../shared/data/events/zsp_plv/", file=sys.stderr)
        return 2
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
    except ImportError:
        print("scikit-learn is needed: pip install --group train -e .", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from dateline.events.classify import (
        EVIDENCE,
        LEXICAL,
        Dyad,
        DyadClassifier,
        Tfidf,
        featurize,
        result,
    )
    from dateline.pipeline import PipelineConfig, load_nlp

    with open(tsv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    dyads = []
    for n, row in enumerate(rows):
        text, s, t = unmark(row["marked_sentence"])
        dyads.append(
            Dyad(str(row.get("uid") or row.get("") or n), text, tuple(s) if s else None, tuple(t) if t else None)
        )
    labels = np.array([row["gold_root"] for row in rows])
    models = ["lexical", "embeddings"] if a.model == "all" else [a.model]
    if a.cv and len(models) > 1:
        models = ["lexical"]
    nlp = load_nlp(PipelineConfig(components=()))
    features = featurize(dyads, nlp, embeddings="embeddings" in models)

    def fit(index: np.ndarray, embeddings: bool) -> DyadClassifier:
        """Vocabularies and weights from the dyads in ``index`` only (so CV folds stay unseen)."""
        train = features.subset(index)
        model = DyadClassifier(
            "embeddings" if embeddings else "lexical",
            [],
            Tfidf.fit(train.lexical, **LEXICAL),
            Tfidf.fit(train.evidence, **EVIDENCE),
            Tfidf.fit(train.paths, **EVIDENCE),
            np.zeros((0, 0)),
            np.zeros(0),
            embeddings,
        )
        clf = LogisticRegression(C=C[model.name], max_iter=5000, class_weight="balanced")
        clf.fit(model.matrix(train), labels[index])
        model.labels = [str(x) for x in clf.classes_]
        model.coef = clf.coef_.astype(np.float32)
        model.intercept = clf.intercept_.astype(np.float32)
        return model

    if a.cv:
        model = models[0]
        out = []
        folds = StratifiedKFold(a.cv, shuffle=True, random_state=a.seed)
        for train, test in folds.split(np.zeros(len(labels)), labels):
            clf = fit(train, model == "embeddings")
            for i, (label, confidence) in zip(test, clf.predict(features.subset(test)), strict=True):
                out.append(result(dyads[i], label, confidence, features.codes[i]))
        target = Path(a.predictions) if a.predictions else None
        lines = "".join(json.dumps(r) + "\n" for r in out)
        if target:
            target.write_text(lines, encoding="utf-8")
        else:
            sys.stdout.write(lines)
        return 0
    everything = np.arange(len(labels))
    for model in models:
        clf = fit(everything, model == "embeddings")
        path = DATA / f"classifier_{model}.npz"
        clf.save(str(path))
        print(
            f"{model}: {len(labels)} dyads, {len(clf.lexical.vocabulary)} + {len(clf.evidence.vocabulary)}"
            f" + {len(clf.path.vocabulary)} terms"
            f" -> {path} ({path.stat().st_size // 1024} kB)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
