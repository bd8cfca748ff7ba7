"""Tests for the Indonesian syllable counter against a KBBI-division gold list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medsos_cli.text import syllables
from medsos_cli.text.syllables import count_syllables

GOLD_FILE = Path(__file__).parent / "fixtures" / "syllables" / "gold.tsv"
EXCEPTIONS_FILE = Path(syllables.__file__).with_name("syllable_exceptions.txt")


def _read_gold() -> list[tuple[str, str, int]]:
    rows = []
    for line in GOLD_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, division, count = line.split("\t")
        rows.append((word, division, int(count)))
    return rows


GOLD = _read_gold()


def test_gold_list_is_large_and_unique():
    words = [word for word, _, _ in GOLD]
    assert len(words) >= 200
    assert len(set(words)) == len(words)


@pytest.mark.parametrize(("word", "division", "count"), GOLD, ids=[row[0] for row in GOLD])
def test_gold_division_matches_count(word, division, count):
    parts = re.split(r"[.-]", division)
    assert all(parts), division
    assert len(parts) == count
    if not re.search(r"[A-Z]{2}", word):  # acronyms are divided as spoken, not as spelled
        assert "".join(parts).lower() == word.replace("-", "").lower()


@pytest.mark.parametrize(("word", "division", "count"), GOLD, ids=[row[0] for row in GOLD])
def test_gold_word(word, division, count):
    assert count_syllables(word) == count, division


SENTENCES = [
    ("Masyarakat diimbau untuk tidak membuang sampah ke sungai.", 19),
    (
        "Dalam rangka meningkatkan kualitas pelayanan publik, kami mengadakan survei "
        "kepuasan masyarakat.",
        34,
    ),
    ("Pendaftaran vaksinasi dibuka mulai hari ini di puskesmas terdekat.", 24),
    ("Terima kasih atas partisipasinya, Bapak dan Ibu sekalian!", 22),
    ("Jalan Sudirman ditutup sementara karena ada perbaikan jembatan.", 24),
]


@pytest.mark.parametrize(("sentence", "total"), SENTENCES, ids=[s[:20] for s, _ in SENTENCES])
def test_sentence_totals(sentence, total):
    words = re.findall(r"[\w-]+", sentence)
    assert sum(count_syllables(word) for word in words) == total


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("BPJS", 4),
        ("KTP", 3),
        ("DPRD", 4),
        ("ktp", 3),
        ("PPKM-nya", 5),
        ("BUMN", 4),
        ("Bappenas", 3),
        ("PUSKESMAS", 3),
        ("PENTING", 2),
        ("HARAP", 2),
    ],
)
def test_acronyms_and_caps(word, count):
    assert count_syllables(word) == count


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("", 0),
        ("2024", 0),
        ("...", 0),
        ("😀🙏", 0),
        ("北京", 0),
        ("Ωmega", 2),
        ("\u0301", 0),
        ("\ud800", 0),
        ("covid-19", 2),
        ("Jum'at", 2),
        ("café", 2),
        ("Cafe\u0301", 2),
        ("ＫＴＰ", 3),
        ("Anak-Anak", 4),
        ("SURVEI", 2),
        ("baunya", 3),
        ("Bagaimanakah", 5),
        ("a" * 200, 200),
    ],
)
def test_edge_inputs(word, count):
    assert count_syllables(word) == count


def test_cache_does_not_change_results():
    first = [count_syllables(word) for word, _, _ in GOLD]
    second = [count_syllables(word) for word, _, _ in GOLD]
    assert first == second


@given(st.text())
def test_never_raises(text):
    result = count_syllables(text)
    assert isinstance(result, int)
    assert result >= 0


def test_exceptions_file_parses():
    table = syllables.load_exceptions(EXCEPTIONS_FILE.read_text(encoding="utf-8"))
    assert {"bagaimana": 4, "kaisar": 2, "bau": 2}.items() <= table.items()
    for word, count in table.items():
        assert word.isascii() and word.isalpha() and word == word.lower()
        assert count >= 1
        assert count_syllables(word) == count
        assert count_syllables(word.upper()) == count or len(word) <= 5


def test_exceptions_file_entries_are_justified():
    for line in EXCEPTIONS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.search(r"#\s*\S+\.\S+", line), f"no KBBI division comment: {line!r}"


def test_load_exceptions_rejects_malformed_lines():
    with pytest.raises(ValueError):
        syllables.load_exceptions("bau 2\n")
    with pytest.raises(ValueError):
        syllables.load_exceptions("bau\tdua\n")
    assert syllables.load_exceptions("# comment\n\nbau\t2  # ba.u\n") == {"bau": 2}
