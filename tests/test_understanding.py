"""The shipped models: pinned artefacts, lazy loading, the classifier rule kind."""

from __future__ import annotations

import subprocess
import sys

import pytest

from medsos_cli.understanding.model import MODEL_FILES, load_model, model_bytes, model_sha256

PINNED = {
    "komentar": "f7f21fef7a10bf47de2bbb0cb0e56d301eec022a1925994584f2bc7d5f6167a6",
    "balasan": "cda5d58e31fbe7de8adfb82d8d598e25df61e1c59e33f00eea2e810f0643caeb",
    "kampanye": "fb993f1cd2812c63253b79839262eac2b4f5f16ce58a1636e10f07e977f19bc6",
}


@pytest.mark.parametrize("name", sorted(MODEL_FILES))
def test_artefact_is_pinned_and_small(name):
    assert model_sha256(name) == PINNED[name]  # retrain with tools/understanding/train.py
    assert len(model_bytes(name)) < 5 * 1024 * 1024


def test_decisions_are_probabilities_with_reasons():
    found = load_model("komentar").decide("Lampune mati wis seminggu pak, tulung dibenakke",
                                          explain=3)
    assert found["kelas"].label == "aduan"
    assert abs(sum(found["kelas"].probabilities.values()) - 1) < 1e-9
    assert 1 <= len(found["kelas"].cues) <= 3


def test_lint_import_does_not_load_a_model():
    code = ("import sys, medsos_cli.rulebook.kinds, medsos_cli.lint.engine; "
            "print('medsos_cli.understanding.model' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


def test_blaming_reply_and_campaign_are_recognised():
    from medsos_cli.lint.engine import Linter
    from medsos_cli.lint.rulebooks import load_rulebook

    book = load_rulebook(check_examples=False, use_cache=False)
    lint = Linter([r for r in book if r.kind == "classifier"])
    reply = lint.lint_text("Kakak sendiri yang telat daftar, jadi bukan salah sistem.",
                           kind="reply").findings
    assert [f.rule for f in reply] == ["nada.terkesan-menyalahkan"]
    assert "menyalahkan warga" in reply[0].message
    assert not lint.lint_text("Nomor antrean 15 silakan ke loket 2. Sesuai Perda Nomor 3 "
                              "Tahun 2021.", kind="caption").findings


_REQUIRED = __import__("re").compile(r"(?<!\w)(?:pilihan|pilih|dua periode|nomor)")


@pytest.mark.parametrize("seed", range(40))
def test_required_word_check_from_one_scan_equals_a_search_per_span(seed):
    """The classifier decides "does this span hold a required word" from one scan of the text;
    it must agree with searching each span, also where a match crosses a span's edge."""
    import random
    import re

    from medsos_cli.rulebook.kinds.classifier import _holds

    rng = random.Random(seed)
    pieces = ["pilih", "pilihan", "dua", "periode", "nomor", "x", " ", " ", ".", "\n"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
    from medsos_cli.rulebook.kinds.classifier import alternation

    factored = re.compile(r"(?<!\w)(?:" + alternation(["pilihan", "pilih", "dua periode",
                                                          "nomor"]) + ")")
    for pattern in (_REQUIRED, factored):
        matches = [m.span() for m in pattern.finditer(text)]
        for _ in range(60):
            start = rng.randint(0, len(text))
            stop = rng.randint(start, len(text))
            expected = _REQUIRED.search(text, start, stop) is not None
            assert _holds(pattern, text, matches, start, stop) is expected, (text, start, stop)


@pytest.mark.parametrize("seed", range(40))
def test_factored_required_words_match_where_the_flat_alternation_does(seed):
    """The classifier's ``requires`` pattern is factored by first letter for speed; in every
    span it finds a match exactly when the flat alternation of the same words does."""
    import random
    import re

    from medsos_cli.rulebook.kinds.classifier import alternation

    rng = random.Random(seed)
    vocabulary = ["pilih", "pilihan", "p", "dua periode", "dua", "nomor", "nomer", "coblos",
                  "c", "calon", "ca", "1", "é", "(x)", ""]
    words = rng.sample(vocabulary, rng.randint(1, 8))
    flat = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + ")")
    factored = re.compile(r"(?<!\w)(?:" + alternation(words) + ")")
    pieces = ["pilih", "an", "dua", " ", "periode", "nomor", "nomer", "x", "c", "a", "lon",
              "é", "(x)", "1", ".", "\n"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
    for _ in range(60):
        start = rng.randint(0, len(text))
        stop = rng.randint(start, len(text))
        assert (flat.search(text, start, stop) is None) == \
            (factored.search(text, start, stop) is None), (words, text, start, stop)
