"""The Hyperscan pre-scan of pattern rules never changes a finding, only which rules run."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medsos_cli.config import Config
from medsos_cli.lint import triggers
from medsos_cli.lint.run import build_linter, build_rulebook
from medsos_cli.text.document import Document

pytestmark = pytest.mark.skipif(not triggers.available(), reason="hyperscan is not installed")

PIECES = ["Rp", "Rp.", "RP", "rp", " ", "  ", "\n", "\t", "5.000", "2,5", "jt", "rb", "%", "20 %",
          "08:30", "pukul", "WIB", "SEGERA", "DAFTAR", "SEKARANG", "BPJS", "!!", "?!", "!", ",",
          " .", "anda", "Anda", "0812-3456-7890", "+62 812 3456 7890", "3374123456789012",
          "budi@gmail.com", "humas@kotacontoh.go.id", "kirim", "NIK", "KTP", "nomor urut",
          "pilkada", "coblos", "pasca", "panen", "non", "formal", "wkwk", "hadeh", "bukan",
          "wewenang kami", "😡", "🙄", "IDR", "1.000,00", "Jl.", "warga", "datang", "ℹ", "é"]


@pytest.fixture(scope="module")
def pair():
    config = Config()
    plain = build_linter(config, build_rulebook(config))
    plain.use_triggers = False
    scanned = build_linter(config, build_rulebook(config))
    scanned._linted = triggers.WARM_UP  # as if a batch had started
    scanned.lint_text("Warga datang.")
    assert scanned._triggers is not None and scanned._triggers.database is not None
    return plain, scanned


def _findings(linter, text: str, platform: str | None):
    return [(f.offset, f.length, f.rule, f.message, f.suggestions)
            for f in linter.lint_text(text, platform=platform).findings]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
       st.sampled_from([None, "x", "instagram"]))
def test_same_findings_with_and_without_the_prescan(pair, text, platform):
    plain, scanned = pair
    assert _findings(scanned, text, platform) == _findings(plain, text, platform)


def test_prescan_names_only_rules_that_may_match(pair):
    _, scanned = pair
    candidates = scanned._triggers.candidates(Document("Warga datang ke balai desa."))
    assert candidates is not None
    assert "nada.huruf-kapital" not in candidates and "penulisan.rupiah" not in candidates
    shouting = scanned._triggers.candidates(Document("SEGERA DAFTAR sekarang juga"))
    assert "nada.huruf-kapital" in shouting


def test_unusual_characters_let_every_rule_check_itself(pair):
    _, scanned = pair
    # A character outside the ranges both engines agree on (here Devanagari).
    assert scanned._triggers.candidates(Document("Warga नमस्ते datang.")) is None


def test_a_pattern_beyond_hyperscan_still_finds_everything(tmp_path):
    """A subroutine call is beyond Hyperscan: that rule then checks every text itself, while
    the others are still pre-scanned."""
    from helpers import write_rulebook

    from medsos_cli.lint.engine import Linter
    from medsos_cli.lint.rulebooks import load_rulebook

    folder = write_rulebook(tmp_path / "buku", {"uji.yaml": """
        rules:
          - id: uji.ulang
            kind: pattern
            level: warning
            message: "“{match}” diulang"
            source: "uji"
            pattern: '(?<w>\\b\\w+\\b) (?&w) (?&w)'
            examples:
              bad: ["satu dua tiga"]
              good: ["satu"]
          - id: uji.seru
            kind: pattern
            level: warning
            message: "seru"
            source: "uji"
            pattern: '!!'
            examples:
              bad: ["ayo!!"]
              good: ["ayo!"]
        """})
    linter = Linter(load_rulebook(folder, use_cache=False))
    linter._linted = triggers.WARM_UP
    found = linter.lint_text("kata kata kata").findings
    scan = linter._triggers
    assert scan is not None and scan.database is not None
    assert scan.components["uji.ulang"] == [] and scan.components["uji.seru"]
    assert [f.rule for f in found] == ["uji.ulang"]
    assert scan.candidates(Document("tanpa seru")) == {"uji.ulang"}
