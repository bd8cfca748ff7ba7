"""SARIF rule descriptions are plain Indonesian sentences, for every bundled rule.

GitHub code scanning shows ``shortDescription`` as the title of an alert and
``fullDescription`` beside it; a message template's ``{match}`` means nothing there.
"""

from __future__ import annotations

import json
import re

import pytest
from helpers import write_rulebook

from medsos_cli.errors import RulebookError
from medsos_cli.formats import renderer
from medsos_cli.formats.report import LintReport
from medsos_cli.lint.rulebooks import load_rulebook

PLACEHOLDER = re.compile(r"[{}]")


def sarif_rules(book) -> dict[str, dict]:
    report = LintReport(results=[], rules=list(book), tool_version="0")
    driver = json.loads(renderer("sarif")(report))["runs"][0]["tool"]["driver"]
    return {r["id"]: r for r in driver["rules"]}


def test_every_bundled_rule_has_a_plain_summary(bundled_book):
    rules = sarif_rules(bundled_book)
    assert set(rules) == set(bundled_book.rules) and len(rules) == len(bundled_book)
    for rule_id, rule in rules.items():
        short = rule["shortDescription"]["text"]
        full = rule["fullDescription"]["text"]
        assert not PLACEHOLDER.search(short), (rule_id, short)
        assert not PLACEHOLDER.search(full), (rule_id, full)
        # A sentence: capital first, full stop last, short enough for an alert title.
        assert short[0].isupper() and short.endswith("."), (rule_id, short)
        assert 10 <= len(short) <= 120, (rule_id, short)
        assert short != bundled_book.rules[rule_id].message
        assert "Sumber: " in full, rule_id


def test_bundled_summaries_are_written_not_derived(bundled_book):
    """Each bundled rule names what it checks in its own ``summary`` (data in sop/), and no
    two rules share one: a title must tell two alerts apart."""
    summaries = {}
    for rule in bundled_book:
        assert rule._summary, f"{rule.id}: summary belum diisi di {rule.where.path}"
        summaries.setdefault(rule.summary, []).append(rule.id)
    assert {s: ids for s, ids in summaries.items() if len(ids) > 1} == {}


RULE = """\
rules:
  - id: uji.kaku
    kind: existence
    level: warning
    message: "“{match}” terasa kaku; coba: {suggestion}."
    source: "Uji"
    {extra}
    tokens: [adapun]
    examples:
      bad: ["Adapun acara dimulai."]
      good: ["Acara dimulai."]
"""


def _book(tmp_path, extra: str):
    folder = write_rulebook(tmp_path / "buku", {"a.yaml": RULE.replace("{extra}", extra)})
    return load_rulebook(str(folder), use_cache=False)


def test_a_rulebook_without_summary_falls_back_to_plain_text(tmp_path):
    described = _book(tmp_path / "1", 'description: "Kata pembuka yang kaku dihindari. '
                                      'Dua kalimat di sini."')
    assert described.rules["uji.kaku"].summary == "Kata pembuka yang kaku dihindari."
    bare = sarif_rules(_book(tmp_path / "2", ""))["uji.kaku"]
    assert bare["shortDescription"]["text"] == "“…” terasa kaku; coba: …."
    assert not PLACEHOLDER.search(bare["fullDescription"]["text"])


def test_a_summary_with_a_placeholder_is_a_load_error(tmp_path):
    with pytest.raises(RulebookError) as info:
        _book(tmp_path, 'summary: "Jangan pakai {match}."')
    assert "summary" in info.value.message and info.value.line == 7
