"""Syllable counting accuracy on the KBBI gold list: medsos against textstat (offline).

textstat's Indonesian mode (``set_lang("id")``) counts with pyphen's hyphenation patterns and
works offline; its default English mode would download NLTK's CMUdict, so it is never used.

    pip install ".[bench]" && python benchmarks/syllable_accuracy.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from medsos_cli.text.syllables import count_syllables

GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "syllables" / "gold.tsv"
SENTENCES = {
    "Masyarakat diimbau untuk tidak membuang sampah ke sungai.": 19,
    "Dalam rangka meningkatkan kualitas pelayanan publik, kami mengadakan survei kepuasan "
    "masyarakat.": 34,
}


def read_gold() -> list[tuple[str, int]]:
    """(word, gold count) pairs from the gold list."""
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _division, count = line.split("\t")[:3]
        if count.strip().isdigit():
            rows.append((word, int(count)))
    return rows


def main() -> int:
    """Print a comparison table; exit 1 when textstat is not installed."""
    try:
        import textstat
    except ImportError:
        print("textstat is not installed: pip install '.[bench]'", file=sys.stderr)
        return 1
    textstat.set_lang("id")
    gold = read_gold()
    ours = [w for w, n in gold if count_syllables(w) != n]
    theirs = [w for w, n in gold if textstat.syllable_count(w) != n]
    print(f"| counter | words wrong (of {len(gold)}) |")
    print("|---|---|")
    print(f"| medsos `count_syllables` | {len(ours)} |")
    print(f"| textstat 0.7 `set_lang('id')` (pyphen) | {len(theirs)} |")
    print()
    for sentence, expected in SENTENCES.items():
        words = [w.strip(".,") for w in sentence.split()]
        print(f"- {sentence[:40]}…: gold {expected}, medsos "
              f"{sum(count_syllables(w) for w in words)}, textstat "
              f"{sum(textstat.syllable_count(w) for w in words)}")
    print()
    print("medsos misses:", ", ".join(ours) or "none")
    print("textstat misses (first 30):", ", ".join(theirs[:30]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
