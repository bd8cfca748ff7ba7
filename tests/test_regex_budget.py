"""Repetition budgets of user patterns (issue 15): refused at load, before compiling, with the
rule's file and line; ordinary patterns and every bundled one pass."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from medsos_cli.cli.app import app
from medsos_cli.rulebook.regex_budget import MAX_NESTED_REPEAT, MAX_REPEAT, repetition_problem


@pytest.mark.parametrize("source", [
    r"a{1000000000}", r"x{2000,}", r"x{,5000}", r"(?:ab{100}){101}", r"((a{10}){10}){101}",
    r"(?:\d{3}[-.]?){4}{1000}",
])
def test_too_much_repetition_is_refused(source):
    assert repetition_problem(source) is not None


@pytest.mark.parametrize("source", [
    r"\b08\d{8,11}\b", r"\p{L}{3}", r"\x{263a}{2}", r"[{1000000}]", r"\{1000000\}",
    r"(?:\w+\W+){0,5}", r"x{1000}", r"(a{100}){100}", r"[]{]{5}", r"a{}", r"a{x}",
])
def test_ordinary_patterns_pass(source):
    assert repetition_problem(source) is None


def test_every_bundled_pattern_is_within_the_budget():
    from medsos_cli.lint.rulebooks import load_rulebook

    book = load_rulebook(use_cache=False)
    sources = [p.pattern for rule in book for p in getattr(rule, "patterns", ())]
    assert sources and all(repetition_problem(s) is None for s in sources)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a\\[]{}(),0123456789^?:", max_size=40))
def test_never_crashes(source):
    problem = repetition_problem(source)
    assert problem is None or "pengulangan" in problem


def test_a_rulebook_with_a_huge_repetition_is_a_load_error(tmp_path):
    folder = tmp_path / "aturan"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        "rules:\n"
        "  - id: uji.ulang\n"
        "    kind: pattern\n"
        "    level: warning\n"
        "    message: \"berulang {match}\"\n"
        "    source: \"uji\"\n"
        "    patterns: ['a{1000000000}']\n"
        "    examples:\n"
        "      bad: [\"aaa\"]\n"
        "      good: [\"b\"]\n", encoding="utf-8")
    caption = tmp_path / "takarir.txt"
    caption.write_text("halo warga\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(caption), "--rulebook", str(folder)])
    assert result.exit_code == 2
    assert "a.yaml:7" in result.output and "pengulangan {1000000000} terlalu besar" in result.output
    assert f"{MAX_REPEAT:,}".replace(",", ".") in result.output
    assert MAX_NESTED_REPEAT > MAX_REPEAT
