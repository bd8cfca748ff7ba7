"""The typed weekly report (weekly.model) writes exactly the JSON of docs/weekly-json.md.

The golden files under tests/fixtures/weekly/golden/ were written by the dict-based builder,
before the model existed; the typed report must give the same bytes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from medsos_cli import __version__
from medsos_cli.config import load_config
from medsos_cli.weekly.build import build_report
from medsos_cli.weekly.model import (
    AccountKey,
    LintPost,
    PlatformWeek,
    WeeklyReport,
    decode,
    json_pieces,
    to_json,
)
from medsos_cli.weekly.render_md import render_markdown
from medsos_cli.weekly.run import read_all
from medsos_cli.weekly.week import parse_week

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "weekly" / "golden"
TODAY = date(2026, 12, 3)  # the day the golden files were written (MEDSOS_TODAY)


def _golden(name: str) -> str:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    # The generator names the version that wrote the file; everything else is fixed.
    return text.replace('"generator": "medsos 0.1.0"', f'"generator": "medsos {__version__}"')


def _report(root: Path, folder: str, week: str, config: Path | None,
            monkeypatch) -> WeeklyReport:
    """The report the command line builds (paths relative to ``root``, as typed there)."""
    monkeypatch.chdir(root)
    settings = load_config(config)
    target = parse_week(week, today=TODAY)
    results = read_all([folder], settings, target)
    return build_report(results, week=target, config=settings, use_history=False)


@pytest.mark.parametrize("week", ["2026-W47", "2026-W46"])
def test_example_week_json_is_byte_identical(week, monkeypatch):
    report = _report(ROOT, "examples/exports", week, ROOT / "examples" / "medsos.toml",
                     monkeypatch)
    assert isinstance(report, WeeklyReport)
    assert to_json(report) == _golden(f"example-{week}.json")


def test_example_week_markdown_is_unchanged(monkeypatch):
    report = _report(ROOT, "examples/exports", "2026-W47", ROOT / "examples" / "medsos.toml",
                     monkeypatch)
    golden = (GOLDEN / "example-2026-W47.md").read_text(encoding="utf-8")
    assert render_markdown(report) == golden.replace("medsos 0.1.0", f"medsos {__version__}")


def test_benchmark_small_exports_json_is_byte_identical(tmp_path, monkeypatch):
    folder = tmp_path / "benchmarks" / "exports-small"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_exports.py"), "--small",
                    "--out", str(folder)], check=True, capture_output=True)
    (tmp_path / "medsos.toml").write_text("", encoding="utf-8")  # defaults, as in the bench
    report = _report(tmp_path, "benchmarks/exports-small", "2026-W47",
                     tmp_path / "medsos.toml", monkeypatch)
    assert to_json(report) == _golden("small-2026-W47.json")


@pytest.mark.parametrize("name", ["example-2026-W47.json", "example-2026-W46.json",
                                  "small-2026-W47.json"])
def test_golden_reports_round_trip_through_the_model(name):
    text = (GOLDEN / name).read_text(encoding="utf-8")
    report = WeeklyReport.from_dict(json.loads(text))
    assert to_json(report) == text


@pytest.mark.parametrize("name", ["example-2026-W47.json", "example-2026-W46.json",
                                  "small-2026-W47.json"])
def test_json_written_in_pieces_is_the_json_of_the_whole(name):
    """to_json encodes a report part by part (a province's lint list is tens of thousands of
    posts); the text must be json.dumps of the whole tree at every walking depth, also with
    empty lists and objects, nulls, emoji and quotes in the parts walked."""
    report = WeeklyReport.from_dict(json.loads(_golden(name)))
    assert report.lint is not None
    report.lint.posts.append(LintPost(platform="x", id="9", caption='Banjir 🌊 "surut" \\ ok',
                                      rules=[]))
    report.lint.rules = []
    report.sources[0].warnings.append("baris\nbaru\t✓")
    report.comparison_basis = None
    whole = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert to_json(report) == whole
    for depth in range(6):
        assert "".join(json_pieces(report, depth=depth)) + "\n" == whole
    assert "".join(json_pieces(WeeklyReport(accounts={}, recommendations=[]))) == json.dumps(
        WeeklyReport().to_dict(), ensure_ascii=False, indent=2)


@pytest.mark.parametrize("name", ["json", "md"])
def test_each_format_writes_the_bytes_of_its_text(name):
    """The command writes ``ReportFormat.encoded``: JSON encoded piece by piece must be the
    UTF-8 of to_json, and a format without pieces the UTF-8 of its renderer's text."""
    from medsos_cli.weekly.formats import BY_NAME

    report = WeeklyReport.from_dict(json.loads(_golden("example-2026-W47.json")))
    assert report.lint is not None
    report.lint.posts.append(LintPost(platform="x", id="9", caption="Banjir 🌊 surut"))
    text = BY_NAME[name].renderer("weekly")(report)
    assert BY_NAME[name].encoded(report) == text.encode("utf-8")
    assert (BY_NAME[name].weekly_pieces is None) == (name != "json")


def test_accounts_are_keyed_by_platform_and_account():
    report = WeeklyReport.from_dict(json.loads(_golden("example-2026-W47.json")))
    key = AccountKey("facebook", "Diskominfo Kota Contoh")
    assert report.accounts[key].key == key
    assert report.accounts[key].platform == "facebook"
    # an account name may hold the separator: only the first colon splits
    assert AccountKey.parse("x:a:b") == AccountKey("x", "a:b")
    assert AccountKey("x", "a:b").json_key() == "x:a:b"


def test_daily_figures_keep_their_order():
    """TikTok's figures from its daily overview have always been written views first."""
    report = WeeklyReport.from_dict(json.loads(_golden("example-2026-W47.json")))
    tiktok = report.platforms["tiktok"]
    assert list(report.to_dict()["platforms"]["tiktok"])[1:3] == ["posts", "views"]
    assert tiktok.figures.views_first and not report.platforms["facebook"].figures.views_first


def test_old_fixture_decodes_and_keeps_every_value():
    """tests/fixtures/weekly/report.json predates keys added within version 1 (running,
    change_points, daily_source, ...): it cannot come back byte for byte, but every value it
    holds comes back, and the keys it lacks come back with their defaults."""
    old = json.loads((ROOT / "tests" / "fixtures" / "weekly" / "report.json")
                     .read_text(encoding="utf-8"))
    again = WeeklyReport.from_dict(old).to_dict()

    def contained(a, b, where="$"):
        if isinstance(a, dict):
            assert isinstance(b, dict), where
            for k, v in a.items():
                assert k in b, f"{where}.{k}"
                contained(v, b[k], f"{where}.{k}")
        elif isinstance(a, list):
            assert isinstance(b, list) and len(a) == len(b), where
            for i, (u, v) in enumerate(zip(a, b, strict=True)):
                contained(u, v, f"{where}[{i}]")
        else:
            assert a == b and type(a) is type(b), where

    contained(old, again)
    assert again["running"] is None


def test_partial_objects_decode_with_defaults():
    week = decode(PlatformWeek, {"label": "X", "posts": 3})
    assert week.figures.posts == 3 and week.figures.reach is None and week.top_posts == []
