"""Recall and false alarms of the language rules on the labelled set in tests/fixtures/language/,
and the false-positive sweep over every standard form of the lexicon.

    python benchmarks/language_quality.py            # figures as a Markdown table
    python benchmarks/language_quality.py --sweep    # also lint all 57k dictionary forms

The same functions back tests/test_spelling.py, which asserts the targets.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "language"
sys.path.insert(0, str(ROOT / "src"))

# Family of a mark → the rules whose finding at that place counts as catching it.
FAMILIES: dict[str, tuple[str, ...]] = {
    "ejaan": ("ejaan.kamus", "ejaan.kata-tak-dikenal"),
    "imbuhan": ("ejaan.peluluhan-kamus", "baku.peluluhan"),
    "kata-depan": ("ejaan.kata-depan-kamus", "ejaan.kata-depan", "ejaan.awalan-di"),
    "asing": ("istilah.asing-kamus", "istilah.asing"),
    "ulang": ("eyd.kata-berulang",),
    "kapital-awal": ("eyd.kapital-awal-kalimat",),
    "kapital-umum": ("eyd.kapital-kata-umum",),
    "koma": ("eyd.koma-penghubung", "eyd.koma-anak-kalimat"),
    "ke-angka": ("eyd.ke-angka",),
    "tahun-an": ("eyd.tahun-an",),
    "akronim": ("eyd.akronim-klitik",),
    "singkatan": ("eyd.singkatan-garis-miring",),
    "pukul": ("penulisan.pukul",),
    "rentang": ("eyd.pisah-rentang",),
    "hari-bulan": ("eyd.nama-hari-bulan",),
    "rupiah": ("penulisan.rupiah",),
}


def _yaml(name: str):
    import yaml

    return yaml.safe_load((FIXTURES / name).read_text("utf-8"))


def default_linter():
    """The linter of the bundled rulebook with a default configuration."""
    from medsos_cli.config import Config
    from medsos_cli.lint.run import build_linter, build_rulebook

    config = Config()
    return build_linter(config, build_rulebook(config))


def recall(linter=None) -> dict[str, tuple[int, int]]:
    """Per family: (marks caught, marks) on planted.yaml."""
    linter = linter or default_linter()
    result: dict[str, list[int]] = {}
    for item in _yaml("planted.yaml"):
        text = item["text"]
        findings = linter.lint_text(text).findings
        for family, marked in item["marks"]:
            start = text.index(marked)
            end = start + len(marked)
            rules = FAMILIES[family]
            hit = any(f.rule in rules and f.offset < end and start < f.offset + f.length
                      for f in findings)
            counts = result.setdefault(family, [0, 0])
            counts[0] += hit
            counts[1] += 1
    return {k: (v[0], v[1]) for k, v in result.items()}


def false_alarms(linter=None):
    """(captions with a warning or above, captions with any finding, captions, details)."""
    from medsos_cli.findings import Level

    linter = linter or default_linter()
    captions = _yaml("clean.yaml")
    warned = anything = 0
    details = []
    for text in captions:
        findings = linter.lint_text(text).findings
        if findings:
            anything += 1
            details.extend((f.rule, f.text, f.level.label) for f in findings)
        if any(f.level >= Level.WARNING for f in findings):
            warned += 1
    return warned, anything, len(captions), details


# Pairs of the public list that are wrong or inverted by KBBI: both forms standard, the
# "non-standard" one is a different word, or the line is malformed. Reviewed one by one.
WRONG_PAIRS = {
    "ubah|rubah": "rubah is a word (fox); merubah is covered",
    "capai|capek": "capek is standard (tired)",
    "seperti|kayak": "kayak is a word (kayak boat; cak. 'like')",
    "hanya|cuma": "cuma is standard",
    "pelanggan|langganan": "both standard, different meanings",
    "genting|genteng": "both standard",
    "avokad|alpukat": "alpukat is standard",
    "kesatria|satria": "satria is standard",
    "pulpen|bolpen": "bolpen is standard",
    "perancis|prancis": "Prancis is the standard form (inverted)",
    "sumatera|sumatra": "Sumatra is the standard form (inverted)",
    "indera|indra": "indra is the standard form (inverted)",
    "sensoris|sensorik": "both standard",
    "gerha|graha": "graha is standard",
    "antar|hantar": "both standard",
    "anutan|panutan": "both standard",
    "museum|museum": "same word twice",
    "narasumber|nara": "malformed",
    "maha pengasih|mahapengasih1": "malformed",
    "dekret|dekrit2": "malformed",
    "non-indonesia|non indonesia2": "malformed",
    "adakalanya|ada kalanya": "both standard",
    "segi tiga|segitiga": "segitiga is the standard form (inverted)",
    "pertanggung jawaban|pertanggungjawab": "malformed",
    "hindia belanda|hindia-belanda": "proper name",
    "kantong|kantung": "both standard",
    "penggawa|punggawa": "both standard",
    "masal|massal": "massal is standard (inverted)",
    "masal|missal": "malformed",
    "misal|missal": "missal is a word (prayer book)",
    "limusin|limo": "limo is a clipped form, not a misspelling",
    "cina|china": "proper name, contested",
    "darma|dharma": "both in use as names",
    "rezeki|riski": "riski is a personal name",
    "glucose|glukosa": "inverted",
    "hectare|hektar": "inverted",
    "kasier|kasir": "kasir is standard (inverted)",
    "mandor|mandur": "both standard",
    "memesona|mempesona": "KBBI keeps both",
    "sensoris|sensorik ": "both",
    "standar|standard": "standard is the English word",
    "institut|institute": "institute is English",
    "universitas|university": "university is English",
    "aksi|action": "action is English",
    "foto|photo": "photo is English",
    "seks|sex": "sex is English",
    "taksi|taxi": "taxi is English",
    "grup|group": "group is English",
    "sentral|central": "central is English",
    "ekstra|extra": "extra is English",
    "itikad|itikat": "KBBI: iktikad; both forms non-standard",
    "losin|lusin": "lusin is the standard form (inverted)",
    "materai|matere": "KBBI: meterai; both forms non-standard",
    "real|riil": "riil is standard",
    "babun|babon": "both standard",
    "epektif|epektip": "malformed (efektif)",
    "pasca|paska": "pasca is a bound form, not a free word",
    "alpa|alfa": "alfa is a word (Greek letter)",
    "sah|syah": "syah is a word (king)",
    "moral|moril": "moril is standard",
    "saraf|sarap": "sarap is a word (breakfast)",
    "cenderamata|cinderamata": "KBBI: cendera mata (two words)",
}


def public_pairs() -> list[tuple[str, str]]:
    """(standard, non-standard) pairs of the public list, wrong and inverted ones removed."""
    pairs = []
    for raw in (FIXTURES / "turfaa-dict.txt").read_text("utf-8").splitlines():
        if not raw or raw.startswith("#") or raw in WRONG_PAIRS:
            continue
        standard, _, other = raw.partition("|")
        if standard and other and standard != other:
            pairs.append((standard, other))
    return pairs


def public_recall(linter=None) -> tuple[int, int, list[str], list[str]]:
    """(non-standard forms caught, pairs, missed forms, standard forms flagged) on the public
    list: each form is linted alone in a neutral sentence."""
    linter = linter or default_linter()
    caught = 0
    missed: list[str] = []
    flagged: list[str] = []
    pairs = public_pairs()
    for standard, other in pairs:
        for form, bad in ((other, True), (standard, False)):
            text = f"Tulis: {form}."
            start, end = 7, 7 + len(form)
            found = [f for f in linter.lint_text(text).findings
                     if f.offset < end and start < f.offset + f.length
                     and not f.rule.startswith(("keterbacaan.", "nada."))]
            if bad:
                if found:
                    caught += 1
                else:
                    missed.append(form)
            elif found and not form[:1].isupper() and not all(
                    f.rule == "eyd.nama-hari-bulan" for f in found):  # case, not spelling
                flagged.append(f"{form} ({found[0].rule})")
    return caught, len(pairs), missed, flagged


def sweep(linter=None, batch: int = 40) -> list[tuple[str, str]]:
    """Lint every dictionary form (lower case, in plain sentences); return (rule, word) for
    every finding on a word. Forms are standard, so only rules about hunspell's own
    non-standard entries may fire (they are listed in SOURCES.md)."""
    from medsos_cli.lexicon import lexicon

    linter = linter or default_linter()
    forms = sorted(lexicon().forms)
    flagged = []
    for i in range(0, len(forms), batch):
        chunk = forms[i:i + batch]
        text = "\n".join(f"Tulis: {form}." for form in chunk)
        for f in linter.lint_text(text).findings:
            if f.rule.startswith(("keterbacaan.", "nada.")):
                continue  # sentence length and tone of a word list, not the words
            flagged.append((f.rule, f.text))
    return flagged


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sweep", action="store_true")
    args = ap.parse_args(argv)
    linter = default_linter()
    rows = recall(linter)
    total = sum(c for c, _ in rows.values()), sum(n for _, n in rows.values())
    print("| family | caught | marks | recall |\n|---|---:|---:|---:|")
    for family, (caught, marks) in sorted(rows.items()):
        print(f"| {family} | {caught} | {marks} | {caught / marks:.2f} |")
    print(f"| **all** | {total[0]} | {total[1]} | {total[0] / total[1]:.2f} |")
    warned, anything, n, details = false_alarms(linter)
    print(f"\nClean captions: {n}; with a warning or above: {warned}; with any finding: "
          f"{anything}")
    for rule, text, level in details:
        print(f"  {level} {rule}: {text}")
    caught, n_pairs, missed, flagged = public_recall(linter)
    print(f"\nPublic pair list (turfaa, {n_pairs} reviewed pairs): recall {caught / n_pairs:.3f}"
          f" ({caught}/{n_pairs}); standard forms flagged: {len(flagged)}")
    print("  missed:", ", ".join(missed))
    print("  standard flagged:", ", ".join(flagged))
    if args.sweep:
        start = time.perf_counter()
        flagged = sweep(linter)
        print(f"\nSweep: {len(flagged)} findings on dictionary forms "
              f"({time.perf_counter() - start:.1f} s)")
        from collections import Counter

        for (rule, word), count in Counter(flagged).most_common(60):
            print(f"  {rule}: {word} ×{count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
