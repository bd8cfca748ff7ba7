"""Every count the README states about the repository's contents, recomputed.

When a rule, an example, a content type, a dictionary form or a corpus line is added, this
test fails until the README says the new number. Figures inside measurement tables that
name an earlier state on purpose ("before (59 rules)") and the counts of external sources
(the 38 provinces of ``wilayah.sql``, not kept in the repository) are not counted here.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest
import yaml

from medsos_cli.drafting.catalog import Catalog, bundled_templates_path
from medsos_cli.lint.rulebooks import load_rulebook
from medsos_cli.platforms import PLATFORMS

ROOT = Path(__file__).resolve().parents[1]
README = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
N = r"(\d[\d,]*)"


def stated(pattern: str) -> list[tuple[int, ...]]:
    """The numbers of every place the README matches ``pattern`` (at least one)."""
    found = [tuple(int(g.replace(",", "")) for g in m.groups())
             for m in re.finditer(pattern, README)]
    assert found, f"README no longer says {pattern!r}: update the README or this test"
    return found


@pytest.fixture(scope="module")
def book():
    return load_rulebook("default")


def test_rule_example_and_file_counts(book):
    rules = len(book)
    examples = sum(len(r.examples.bad) + len(r.examples.good) for r in book)
    files = len([p for p in (ROOT / "sop").glob("*.yaml") if p.name != "rulebook.yaml"])
    assert stated(rf"has {N} rules in {N} files, with {N} examples") == [
        (rules, files, examples)]
    assert set(stated(rf"all {N} examples run")) == {(examples,)}


def test_rulebook_figures_of_the_speed_section(book):
    # The same definitions as benchmarks/bench_lint.py, which prints them with its figures.
    terms = sum(len(r.terms) for r in book if r.uses_terms)
    patterns = sum(len(getattr(r, "patterns", ())) for r in book)
    assert stated(rf"full bundled rulebook \({N} rules, {N} indexed terms including affixed "
                  rf"forms, {N} patterns\)") == [(len(book), terms, patterns)]


def test_content_type_table_lists_every_bundled_type_with_its_platforms():
    catalog = Catalog(bundled_templates_path())
    section = README.split("| content type | platforms |", 1)[1].split("A session", 1)[0]
    rows = re.findall(r"\| `([a-z-]+)`[^|]*\| ([^|]+) \|", section)
    assert {name for name, _ in rows} == set(catalog.names())
    for name, platforms in rows:
        listed = [w for w in re.findall(r"[a-z]+", platforms) if w in PLATFORMS]
        assert set(listed) == set(catalog.get(name).schema.platforms), name


def test_lexicon_form_count():
    forms = (ROOT / "src/medsos_cli/lexicon/id-forms.txt").read_text(encoding="utf-8")
    count = len([line for line in forms.splitlines() if line and not line.startswith("#")])
    found = (stated(rf"into {N} full forms") + stated(rf"minus the {N} forms")
             + stated(rf"all {N} dictionary forms linted"))
    assert set(found) == {(count,)}


def test_language_quality_fixture_counts():
    folder = ROOT / "tests/fixtures/language"
    planted = yaml.safe_load((folder / "planted.yaml").read_text(encoding="utf-8"))
    marks = [m for item in planted for m in item["marks"]]
    assert stated(rf"planted\.yaml`: {N} captions, {N} planted errors in {N} families") == [
        (len(planted), len(marks), len({family for family, _ in marks}))]
    clean = yaml.safe_load((folder / "clean.yaml").read_text(encoding="utf-8"))
    assert stated(rf"\| {N} clean captions") == [(len(clean),)]


def test_understanding_corpus_counts():
    folder = ROOT / "data/understanding"

    def seeds(name: str) -> list[str]:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        return [line for line in lines if line.strip() and not line.startswith("#")]

    posts = {line.split(":", 1)[1].strip() for line in
             (folder / "komentar.txt").read_text(encoding="utf-8").splitlines()
             if line.startswith("# post:")}
    assert stated(rf"\({N} citizen comments over {N} kinds of posts, {N} admin replies, {N} "
                  r"campaign/non-campaign texts\)") == [
        (len(seeds("komentar.txt")), len(posts), len(seeds("balasan.txt")),
         len(seeds("kampanye.txt")))]
    with (folder / "corpus.csv").open(encoding="utf-8", newline="") as handle:
        tasks = [row["task"] for row in csv.DictReader(handle)]
    assert stated(rf"{N} comments, {N} replies, {N} campaign texts") == [
        (tasks.count("kelas"), tasks.count("nada"), tasks.count("kampanye"))]


def test_syllable_gold_list_and_exceptions():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from syllable_accuracy import read_gold
    finally:
        sys.path.pop(0)
    from medsos_cli.text.syllables import load_exceptions

    assert stated(rf"gold list of {N} words") == [(len(read_gold()),)]
    assert stated(rf"{N}-entry exception list") == [(len(load_exceptions()),)]


def test_licence_file_matches_the_package_and_the_notices():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert declared["license"] == "MIT" and licence.startswith("MIT License\n")
    holder = declared["authors"][0]["name"]
    assert re.search(rf"^Copyright \(c\) \d{{4}} {re.escape(holder)}$", licence, re.M)
    assert "Permission is hereby granted, free of charge" in licence
    lexicon = ROOT / "src/medsos_cli/lexicon"
    notice = " ".join((lexicon / "NOTICE.md").read_text(encoding="utf-8").split())
    for path in lexicon.iterdir():  # every shipped data file has its licence stated
        if path.suffix == ".txt" and not path.name.startswith("LICENSE-"):
            assert f"`{path.name}`" in notice, path.name
    for text in ("LICENSE-LGPL-3.txt", "MIT licence in `LICENSE`", "SCOWL", "cahyadsn/wilayah"):
        assert text in notice, text
    assert "[LICENSE](LICENSE)" in README and "NOTICE.md" in README
