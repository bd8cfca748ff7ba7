"""The province workflow of the README on the bundled example (3 offices), through the CLI:
accounts check → weekly report per office → history export → rollup; and bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from medsos_cli.errors import ExitCode

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
OFFICES = {"kota-contoh": "../../exports", "dinkes-provinsi": "ekspor",
           "kab-contoh-barat": "ekspor"}


@pytest.fixture
def province(tmp_path, monkeypatch):
    root = tmp_path / "examples"
    shutil.copytree(EXAMPLES / "province", root / "province",
                    ignore=shutil.ignore_patterns("riwayat.sqlite3*", "serah", "laporan-*",
                                                  "rekap-*"))
    shutil.copytree(EXAMPLES / "exports", root / "exports")
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path / "data"))
    return root / "province"


def test_accounts_list_and_check(invoke, province, monkeypatch):
    monkeypatch.chdir(province)
    listed = invoke("accounts", "list", "--format", "json")
    assert listed.exit_code == 0, listed.output
    offices = json.loads(listed.stdout)["offices"]
    assert [o["id"] for o in offices] == ["kominfo-kota-contoh", "dinkes-provinsi",
                                          "kab-contoh-barat"]
    ok = invoke("accounts", "check", "dinkes-provinsi/ekspor")
    assert ok.exit_code == 0, ok.output
    found = invoke("accounts", "check", "kab-contoh-barat/ekspor")
    assert found.exit_code == ExitCode.FINDINGS
    assert "akun x “@humas_cbarat” (3 unggahan) ada di ekspor tetapi tidak di accounts.yaml" \
        in found.stderr


def test_accounts_without_registry(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("accounts", "list")
    assert result.exit_code == ExitCode.USAGE
    assert "daftar akun tidak ditemukan" in result.stderr


def test_whole_workflow(invoke, province, monkeypatch):
    for office, exports in OFFICES.items():
        monkeypatch.chdir(province / office)
        report = invoke("weekly", "report", exports, "--week", "2026-W47", "--format", "md")
        assert report.exit_code == 0, report.output
        handed = invoke("history", "export", "--parquet", "../serah")
        assert handed.exit_code == 0, handed.output
        again = invoke("history", "export", "--parquet", "../serah")
        assert again.exit_code == ExitCode.USAGE and "--force" in again.stderr
    monkeypatch.chdir(province)
    weekly = (province / "kab-contoh-barat" / "laporan-2026-W47.md").read_text(encoding="utf-8")
    assert "@humas_cbarat" in weekly  # the unregistered account is warned in the report
    result = invoke("rollup", "serah", "--week", "2026-W47", "--format", "json", "--out", "-")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [c["office"] for c in report["offices"]] == [
        "dinkes-provinsi", "kominfo-kota-contoh", "kab-contoh-barat"]
    assert report["missing"] == [] and report["problems"] == []
    html = invoke("rollup", "serah", "--month", "2026-11")
    assert html.exit_code == 0, html.output
    assert (province / "rekap-2026-11.html").is_file()
    refused = invoke("rollup", "serah", "--month", "2026-11")
    assert refused.exit_code == ExitCode.USAGE and "--force" in refused.stderr
    md = invoke("rollup", "serah", "--from", "2026-11-09", "--to", "2026-11-22", "-f", "md",
                "-o", "-")
    assert md.exit_code == 0 and "2026-11-09 s.d. 2026-11-22" in md.stdout


def test_rollup_bad_input(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = invoke("rollup", "tidak-ada", "--week", "2026-W47", "-o", "-")
    assert missing.exit_code == ExitCode.USAGE and "tidak ditemukan" in missing.stderr
    both = invoke("rollup", ".", "--week", "2026-W47", "--month", "2026-11", "-o", "-")
    assert both.exit_code == ExitCode.USAGE and "salah satu" in both.stderr
    (tmp_path / "office=a" / "week=2026-W47").mkdir(parents=True)
    (tmp_path / "office=a" / "week=2026-W47" / "posts.parquet").write_bytes(b"rusak")
    bad = invoke("rollup", ".", "--week", "2026-W47", "-f", "json", "-o", "-")
    assert bad.exit_code == 0
    assert "posts.parquet: berkas rusak" in bad.stderr
    assert json.loads(bad.stdout)["missing"][0]["office"] == "a"


def test_history_export_needs_an_office(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path / "data"))
    result = invoke("history", "export", "--parquet", "serah")
    assert result.exit_code == ExitCode.USAGE and "--office" in result.stderr
    no_db = invoke("history", "export", "--parquet", "serah", "--office", "kantor-a")
    assert no_db.exit_code == ExitCode.USAGE and "riwayat tidak ada" in no_db.stderr
    bad_id = invoke("history", "export", "--parquet", "serah", "--office", "Kantor A")
    assert bad_id.exit_code == ExitCode.USAGE and "tidak sah" in bad_id.stderr


def test_lint_and_weekly_start_up_do_not_import_duckdb_or_pyarrow():
    code = ("import sys; import medsos_cli.cli.app, medsos_cli.weekly.run, "
            "medsos_cli.weekly.history; "
            "print(sorted(m for m in ('duckdb', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_weekly_report_twice_changes_nothing_in_the_history(invoke, province, monkeypatch):
    import sqlite3

    monkeypatch.chdir(province / "kota-contoh")
    tables = ("posts", "daily", "comments", "complaints", "linted", "findings")

    def snapshot() -> dict[str, list[tuple]]:
        db = sqlite3.connect("riwayat.sqlite3")
        try:
            return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}
        finally:
            db.close()

    for _ in range(2):
        result = invoke("weekly", "report", "../../exports", "--week", "2026-W47", "--format",
                        "json", "--out", "-")
        assert result.exit_code == 0, result.output
        if _ == 0:
            first = snapshot()
    assert snapshot() == first
    assert len(first["comments"]) == 37 and len(first["complaints"]) == 14
    assert {row[7] for row in first["comments"]} >= {"positif", "negatif"}


def test_weekly_report_for_a_month_comes_from_the_history(invoke, province, monkeypatch):
    monkeypatch.chdir(province / "kota-contoh")
    week = invoke("weekly", "report", "../../exports", "--week", "2026-W47", "-f", "json",
                  "-o", "-")
    assert week.exit_code == 0, week.output
    # No exports now: November is computed from what the history kept.
    month = invoke("weekly", "report", "--month", "2026-11", "-f", "json", "-o", "-")
    assert month.exit_code == 0, month.output
    report = json.loads(month.stdout)
    assert report["scope"]["name"] == "Diskominfo Kota Contoh"
    assert report["period"] == {"label": "2026-11", "kind": "month", "title": "November 2026",
                                "start": "2026-11-01", "end": "2026-11-30", "days": 30,
                                "weeks": ["2026-W44", "2026-W45", "2026-W46", "2026-W47",
                                          "2026-W48", "2026-W49"]}
    card = report["offices"][0]
    assert card["office"] == "kominfo-kota-contoh"
    assert card["complaints"]["received"] == 14
    md = invoke("weekly", "report", "--from", "2026-11-09", "--to", "2026-11-22", "-f", "md",
                "-o", "-")
    assert md.exit_code == 0 and md.stdout.startswith(
        "# Laporan media sosial Diskominfo Kota Contoh — 2026-11-09 s.d. 2026-11-22")


def test_weekly_report_month_without_history(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path / "data"))
    result = invoke("weekly", "report", "--month", "2026-11", "-o", "-")
    assert result.exit_code == ExitCode.USAGE and "riwayat belum ada" in result.stderr
    both = invoke("weekly", "report", "--week", "2026-W47", "--month", "2026-11", "-o", "-")
    assert both.exit_code == ExitCode.USAGE and "salah satu" in both.stderr
