"""``medsos weekly report``: formats, output files, refusal to overwrite, bad input (exit 2)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from medsos_cli.errors import ExitCode

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "weekly"

needs_md = pytest.mark.skipif(importlib.util.find_spec("medsos_cli.weekly.render_md") is None,
                              reason="render_md.py not written yet")
needs_html = pytest.mark.skipif(
    importlib.util.find_spec("medsos_cli.weekly.render_html") is None,
    reason="render_html.py not written yet")


@pytest.fixture
def work(weekly_work: Path) -> Path:
    return weekly_work  # tests/cli/conftest.py


def test_json_to_stdout(invoke, work):
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--out", "-")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["week"] == "2026-W47"
    # fb-posts.csv: 111, 112, 113, 116 in W47; tweet_activity.csv: 2 posts in W47
    assert report["platforms"]["facebook"]["posts"] == 4
    assert report["platforms"]["x"]["posts"] == 2
    assert report["platforms"]["facebook"]["previous"]["posts"] == 2
    assert [Path(s["path"]).name for s in report["sources"]] == ["fb-posts.csv",
                                                                  "tweet_activity.csv"]
    assert "2 berkas dibaca" in result.stderr
    assert "laporan ditulis" not in result.stderr


def test_default_output_file_and_refusal_to_overwrite(invoke, work):
    result = invoke("weekly", "report", "ekspor", "--week", "2026-w47", "--format", "json")
    assert result.exit_code == 0, result.output
    target = work / "laporan-2026-W47.json"
    assert json.loads(target.read_text(encoding="utf-8"))["week"] == "2026-W47"
    assert "laporan ditulis ke laporan-2026-W47.json" in result.stderr
    target.write_text("milik pengguna", encoding="utf-8")
    again = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json")
    assert again.exit_code == ExitCode.USAGE
    assert "medsos: laporan-2026-W47.json: berkas keluaran sudah ada; pakai --force" in \
        again.stderr
    assert target.read_text(encoding="utf-8") == "milik pengguna"
    forced = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--force")
    assert forced.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["week"] == "2026-W47"


def test_out_path_and_history_database(invoke, work, tmp_path):
    db = tmp_path / "riwayat.sqlite3"
    result = invoke("weekly", "report", "ekspor/fb-posts.csv", "--week", "2026-W47",
                    "--format", "json", "--out", "hasil.json", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert (work / "hasil.json").is_file() and db.is_file()
    assert not (tmp_path / "data").exists()


def test_no_history_writes_no_database(invoke, work, tmp_path):
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--out", "-", "--no-history")
    assert result.exit_code == 0
    assert not (tmp_path / "data").exists()
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--out", "-")
    assert (tmp_path / "data" / "history.sqlite3").is_file()


@needs_md
def test_markdown(invoke, work):
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "md",
                    "--out", "-")
    assert result.exit_code == 0, result.output
    assert "2026-W47" in result.stdout and "Facebook" in result.stdout
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "md")
    assert (work / "laporan-2026-W47.md").is_file()


@needs_html
def test_html_is_the_default_format(invoke, work):
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47")
    assert result.exit_code == 0, result.output
    html = (work / "laporan-2026-W47.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "2026-W47" in html


@pytest.mark.parametrize("week", ["2026-W54", "minggu-47", "2025-W53"])
def test_bad_week(invoke, work, week):
    result = invoke("weekly", "report", "ekspor", "--week", week, "--format", "json")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("medsos: --week")
    assert not list(work.glob("laporan-*"))


def test_unknown_file(invoke, work):
    result = invoke("weekly", "report", "tidak-ada.csv", "--week", "2026-W47", "--format",
                    "json", "--out", "-")
    assert result.exit_code == ExitCode.USAGE
    assert "tidak-ada.csv" in result.stderr and result.stdout == ""


def test_bad_file_is_named_and_the_report_is_written_from_the_others(invoke, work):
    shutil.copy(FIXTURES / "not-an-export.csv", work / "ekspor" / "warga.csv")
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--out", "-")
    assert result.exit_code == 1  # partial: documented in docs/exports.md §5
    first = result.stderr.splitlines()[0]
    assert first.startswith("medsos: tidak terbaca: ") and "warga.csv:1: " in first
    report = json.loads(result.stdout)
    bad = [s for s in report["sources"] if s["path"].endswith("warga.csv")]
    assert bad[0]["error"]["line"] == 1 and bad[0]["format"] == "tidak_terbaca"
    assert "facebook" in report["platforms"]  # the other files still count


def test_strict_refuses_a_bad_file(invoke, work):
    shutil.copy(FIXTURES / "not-an-export.csv", work / "ekspor" / "warga.csv")
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--out", "-", "--strict")
    assert result.exit_code == ExitCode.USAGE
    assert "warga.csv" in result.stderr and result.stdout == ""
    assert result.stderr.count("\n") == 1  # one line: medsos: path:line: pesan


def test_random_bytes_are_refused(invoke, work):
    (work / "acak.csv").write_bytes(bytes(range(256)) * 4)
    result = invoke("weekly", "report", "acak.csv", "--week", "2026-W47", "--format", "json",
                    "--out", "-")
    assert result.exit_code == ExitCode.USAGE
    assert "acak.csv" in result.stderr


def test_no_inputs_asks_for_files(invoke, work):
    result = invoke("weekly", "report", "--week", "2026-W47")
    assert result.exit_code == ExitCode.USAGE
    assert "sebutkan berkas ekspor" in result.stderr


def test_bad_format(invoke, work):
    result = invoke("weekly", "report", "ekspor", "--format", "pdf")
    assert result.exit_code == ExitCode.USAGE
    assert "pdf" in result.output


def test_output_to_a_folder_is_refused(invoke, work):
    (work / "keluar").mkdir()
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--out", "keluar")
    assert result.exit_code == ExitCode.USAGE
    assert "folder" in result.stderr


def test_help_is_indonesian(invoke):
    result = invoke("weekly", "report", "--help")
    assert result.exit_code == 0
    assert "Pekan ISO" in result.stdout and "--no-history" in result.stdout


def test_a_file_outside_the_week_is_named_on_stderr(invoke, work):
    old = Path(__file__).resolve().parent.parent / "fixtures" / "exports" / "x-konten.csv"
    shutil.copy(old, work / "ekspor" / "x-2025.csv")  # January 2025: outside W47 and W46
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--out", "-", "--no-history")
    assert result.exit_code == 0, result.output
    assert "medsos: peringatan: ekspor/x-2025.csv: tidak ada baris dalam pekan 2026-W47" in \
        result.stderr.replace("\\", "/")
    report = json.loads(result.stdout)
    old_source = next(s for s in report["sources"] if s["path"].endswith("x-2025.csv"))
    assert any("semua baris berada di luar pekan 2026-W47" in w for w in old_source["warnings"])


def test_a_week_no_export_covers_is_an_error_naming_the_weeks_covered(invoke, work):
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W40", "--format", "json",
                    "--out", "-", "--no-history")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr == (
        "medsos: tidak ada baris untuk pekan 2026-W40 (2026-09-28–2026-10-04) di ekspor mana "
        "pun; ekspor mencakup 2026-W46–2026-W47; pilih pekan dengan --week, mis. --week "
        "2026-W47 (baris terbanyak)\n")


def test_input_size_decides_early_lint_workers(tmp_path):
    from medsos_cli.weekly import run

    folder = tmp_path / "ekspor"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.csv").write_text("x" * 100, encoding="utf-8")
    (folder / "sub" / "b.csv").write_text("x" * 50, encoding="utf-8")
    (folder / "catatan.txt").write_text("x" * 1000, encoding="utf-8")
    single = tmp_path / "c.csv"
    single.write_text("x" * 7, encoding="utf-8")
    assert run.input_bytes([str(folder), str(single), str(tmp_path / "hilang.csv")]) == 157


def test_folder_with_xlsx_zip_and_json_is_read(invoke, work):
    exports = Path(__file__).resolve().parent.parent / "fixtures" / "exports"
    for name in ("tiktok-overview-2026.csv", "yt-studio.zip", "apify-facebook-comments.csv",
                 "lapor-sp4n.xlsx"):
        shutil.copy(exports / name, work / "ekspor" / name)
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--out", "-")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    formats = {s["format"] for s in report["sources"]}
    assert {"tiktok_overview", "youtube_table", "youtube_chart", "apify_facebook_comments",
            "lapor_cases"} <= formats
    assert report["platforms"]["tiktok"]["followers_change"] == 5 + 21 - 2
    assert report["complaints"]["lapor"]["overdue_verification"] == 1
    assert report["comparison_basis"]["basis"] == "lifetime_at_export"


def test_unknown_format_names_the_choices_from_the_format_table(invoke, tmp_path):
    from medsos_cli.weekly.formats import NAMES

    result = invoke("weekly", "report", str(tmp_path), "--format", "pdf")
    assert result.exit_code == 2
    assert "“pdf” tidak dikenal; pilih html, md, atau json" in result.stderr
    assert NAMES == ("html", "md", "json")
