"""Score the bundled lint rules on the reply-tone and campaign texts of one corpus split.

Usage: python tools/understanding/evaluate_lint.py dev|test

Runs the rules exactly as ``medsos lint`` does (the bundled sop/, replies linted as replies,
campaign texts as captions) and prints, per rule family, recall on the texts that must be found
and false alarms on the clean ones: polite replies, and non-campaign texts (service notices,
queue numbers, "Perda Nomor …", KPU relays). The phrase rules alone are scored too.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from medsos_cli.lint.engine import Linter  # noqa: E402
from medsos_cli.lint.rulebooks import load_rulebook  # noqa: E402

FAMILIES = {
    "nada": ("reply", ("merendahkan", "menyalahkan"), "baik",
             ("nada.merendahkan", "nada.menyalahkan", "nada.tawa-sindiran",
              "nada.terkesan-merendahkan", "nada.terkesan-menyalahkan")),
    "kampanye": ("caption", ("kampanye",), "netral",
                 ("netralitas.kampanye", "netralitas.istilah-kampanye",
                  "netralitas.nomor-urut", "netralitas.terkesan-kampanye")),
}


def evaluate(split: str) -> dict:
    """Recall and false alarms of the model-backed lint rules on one split of the corpus."""
    rows = list(csv.DictReader((ROOT / "data" / "understanding" / "corpus.csv").open(
        encoding="utf-8", newline="")))
    book = load_rulebook(check_examples=False, use_cache=False)
    out = {}
    for task, (kind, targets, clean, ids) in FAMILIES.items():
        texts = [r for r in rows if r["task"] == task and r["split"] == split]
        for name, keep in (("phrase rules", lambda r: r.kind != "classifier"),
                           ("phrase + classifier", lambda r: True)):
            linter = Linter([r for r in book if r.id in ids and keep(r)])
            found = [bool(linter.lint_text(r["text"], kind=kind).findings) for r in texts]
            hit = [f for f, r in zip(found, texts, strict=True) if r["label"] in targets]
            calm = [f for f, r in zip(found, texts, strict=True) if r["label"] == clean]
            out[f"{task}: {name}"] = {"recall": round(sum(hit) / len(hit), 3),
                                      "found": sum(hit), "of": len(hit),
                                      "false_alarms": sum(calm), "clean": len(calm)}
    return out


if __name__ == "__main__":
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    print(json.dumps(evaluate(split), ensure_ascii=False, indent=1))
