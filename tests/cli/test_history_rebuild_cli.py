"""``medsos history rebuild``: a damaged history rebuilt from the exports, the old file kept."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from medsos_cli.errors import ExitCode
from medsos_cli.weekly.history import History

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "weekly"


@pytest.fixture
def work(weekly_work: Path) -> Path:
    return weekly_work  # tests/cli/conftest.py


def _report(invoke, db: Path):
    return invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                  "--out", "-", "--db", str(db))


def _posts(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT platform, post_id, published_at, caption, reach, likes "
                           "FROM posts ORDER BY platform, post_id").fetchall()


def test_damaged_history_rebuilt_and_the_old_file_kept(invoke, work):
    db = work / "riwayat.sqlite3"
    first = _report(invoke, db)
    assert first.exit_code == 0, first.output
    healthy = _posts(db)
    assert len(healthy) >= 6
    with sqlite3.connect(db) as con:  # a cell edited by hand
        con.execute("UPDATE posts SET likes = 'banyak'")
    broken = _report(invoke, db)
    assert broken.exit_code == ExitCode.USAGE
    assert "medsos history rebuild" in broken.stderr and "rusak" in broken.stderr
    damaged_bytes = db.read_bytes()

    result = invoke("history", "rebuild", "ekspor", "--db", str(db))
    assert result.exit_code == 0, result.output
    backup = work / "riwayat.sqlite3.rusak.bak"
    assert backup.read_bytes() == damaged_bytes  # moved aside, never changed
    assert f"riwayat lama disimpan sebagai {backup}" in result.stderr
    assert "riwayat lama rusak: basis data riwayat rusak: tabel posts" in result.stderr
    assert "kolom likes = 'banyak'\n" in result.stderr  # not advised to run itself again
    assert f"{len(healthy)} unggahan" in result.stderr and "2026-W46" in result.stderr
    # The rebuilt history holds what the report had stored, and the report runs again.
    assert _posts(db) == healthy
    again = _report(invoke, db)
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["platforms"]["facebook"]["posts"] == 4


def test_a_second_rebuild_never_overwrites_the_first_backup(invoke, work):
    db = work / "riwayat.sqlite3"
    db.write_bytes(b"bukan basis data SQLite sama sekali" * 100)
    old = db.read_bytes()
    first = invoke("history", "rebuild", "ekspor", "--db", str(db))
    assert first.exit_code == 0, first.output
    assert (work / "riwayat.sqlite3.rusak.bak").read_bytes() == old
    # A healthy history is not rebuilt without --force; with it, a new backup name.
    refused = invoke("history", "rebuild", "ekspor", "--db", str(db))
    assert refused.exit_code == ExitCode.USAGE and "--force" in refused.stderr
    rebuilt = db.read_bytes()
    forced = invoke("history", "rebuild", "ekspor", "--db", str(db), "--force")
    assert forced.exit_code == 0, forced.output
    assert (work / "riwayat.sqlite3.rusak.bak").read_bytes() == old
    assert (work / "riwayat.sqlite3.rusak.1.bak").read_bytes() == rebuilt


def test_rebuild_without_a_database_creates_one(invoke, work):
    db = work / "baru" / "riwayat.sqlite3"
    result = invoke("history", "rebuild", "ekspor/fb-posts.csv", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "disimpan sebagai" not in result.stderr
    with History(db) as history:
        assert {p.platform for p in history.posts_between(
            *__import__("medsos_cli.weekly.week", fromlist=["Week"]).Week(2026, 47).bounds(
                "Asia/Jakarta"))} == {"facebook"}


def test_no_exports_is_a_usage_error(invoke, work):
    db = work / "riwayat.sqlite3"
    db.write_bytes(b"rusak")
    result = invoke("history", "rebuild", "--db", str(db))
    assert result.exit_code == ExitCode.USAGE
    assert db.read_bytes() == b"rusak"


def test_bad_exports_leave_the_old_database_as_it_was(invoke, work, tmp_path):
    db = work / "riwayat.sqlite3"
    db.write_bytes(b"rusak")
    bad = tmp_path / "bukan-ekspor.csv"
    bad.write_text("nama,alamat\nBudi,Jl. Merdeka\n", encoding="utf-8")
    result = invoke("history", "rebuild", str(bad), "--db", str(db))
    assert result.exit_code == ExitCode.USAGE
    assert "tidak satu pun ekspor terbaca" in result.stderr and "tidak diubah" in result.stderr
    assert db.read_bytes() == b"rusak"
    assert sorted(p.name for p in work.iterdir()) == ["ekspor", "riwayat.sqlite3"]
    missing = invoke("history", "rebuild", "tidak-ada.csv", "--db", str(db))
    assert missing.exit_code == ExitCode.USAGE and "tidak ditemukan" in missing.stderr
    assert db.read_bytes() == b"rusak"


def test_one_unreadable_export_is_named_and_the_rest_restored(invoke, work, tmp_path):
    db = work / "riwayat.sqlite3"
    bad = tmp_path / "terpotong.csv"
    bad.write_text('"Post ID","Publish time"\n"1","takarir\n', encoding="utf-8")
    result = invoke("history", "rebuild", "ekspor", str(bad), "--db", str(db))
    assert result.exit_code == 1, result.output  # written from part of the inputs
    assert f"tidak terbaca: {bad}" in result.stderr
    assert _posts(db)


def test_skipped_rows_and_warnings_are_printed(invoke, work, tmp_path):
    db = work / "riwayat.sqlite3"
    export = tmp_path / "fb.csv"
    text = (FIXTURES / "exports" / "fb-posts.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows[2][0] = "abc"  # a post id that is not digits: that row is skipped
    rows.append(rows[1])  # a copy of the first post at the end: a warning
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    export.write_text(out.getvalue(), encoding="utf-8")
    result = invoke("history", "rebuild", str(export), "--db", str(db))
    assert result.exit_code == 1, result.output
    line = out.getvalue().split("\"abc\"")[0].count("\n") + 1
    assert f"peringatan: {export}:{line}: baris dilewati: kolom “Post ID”" in result.stderr
    assert "sudah ada di baris 2" in result.stderr
    assert "; 1 baris dilewati" in result.stderr


@pytest.mark.parametrize("sql, column", [
    ("UPDATE posts SET published_at = '2026-1x' WHERE rowid = 2", "published_at = '2026-1x'"),
    ("UPDATE posts SET reach = -3 WHERE rowid = 1", "reach = -3"),
    ("UPDATE daily SET day = '2025-13-01'", "day = '2025-13-01'"),
    ("UPDATE daily SET value = 'tujuh'", "value = 'tujuh'"),
])
def test_problem_reads_every_row_year_by_year_without_changing_the_file(tmp_path, sql, column):
    from datetime import date, datetime, timezone

    from medsos_cli.exports.model import DailyValue, Post
    from medsos_cli.weekly.rebuild import problem

    db = tmp_path / "h.sqlite3"
    with History(db) as history:
        history.store([Post("facebook", str(i), datetime(2024 + i % 3, 5, 1, tzinfo=timezone.utc),
                            reach=10 + i) for i in range(6)],
                      [DailyValue("facebook", "follows", date(2025, 12, 30), 4)])
    assert problem(db) is None
    with sqlite3.connect(db) as con:
        con.execute(sql)
    before = db.read_bytes()
    found = problem(db)
    assert found is not None and column in found
    assert db.read_bytes() == before
