"""``medsos weekly report`` periods: the default (last complete week), ``--week this`` (the week
so far, days to come never silent), an empty period (exit 2), and the terminal progress."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from medsos_cli.errors import ExitCode

TESTS = Path(__file__).resolve().parent.parent
FIXTURES = TESTS / "fixtures" / "weekly"
EXAMPLES = TESTS.parent / "examples"

X_HEADER = FIXTURES.joinpath("exports", "tweet_activity.csv").read_text(
    encoding="utf-8-sig").splitlines()[0]
COLUMNS = len(X_HEADER.split('","'))


def tweet(tweet_id: str, when: str, impressions: int = 1000) -> str:
    """One row of X's tweet_activity export (``when`` as X writes it, in UTC)."""
    cells = [tweet_id, f"https://x.com/kotacontoh/status/{tweet_id}",
             "Layanan KTP-el keliling hari ini di Kecamatan Utara #KotaContoh", when,
             f"{impressions}.0", "30.0", "0.03", "2.0", "1.0", "9.0"]
    cells += ["0"] * (COLUMNS - len(cells))
    return ",".join(f'"{c}"' for c in cells)


@pytest.fixture
def work(weekly_work: Path) -> Path:
    return weekly_work  # tests/cli/conftest.py


def report_json(invoke, *args: str) -> dict:
    result = invoke("weekly", "report", *args, "--format", "json", "--out", "-")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# -- the default period ----------------------------------------------------------------------

@pytest.mark.parametrize(("today", "week"), [
    ("2026-11-25", "2026-W47"),  # Wednesday of W48: W47 is the last complete week
    ("2026-11-23", "2026-W47"),  # Monday
    ("2026-11-22", "2026-W46"),  # Sunday of W47: not over yet
])
def test_the_default_is_the_last_complete_week(invoke, work, monkeypatch, today, week):
    monkeypatch.setenv("MEDSOS_TODAY", today)
    report = report_json(invoke, "ekspor", "--no-history")
    assert report["week"] == week and report["running"] is None
    assert report_json(invoke, "ekspor", "--week", "last", "--no-history")["week"] == week


def test_the_default_output_file_is_named_after_the_last_complete_week(invoke, work,
                                                                       monkeypatch):
    monkeypatch.setenv("MEDSOS_TODAY", "2026-11-27")  # the Friday routine, W48
    result = invoke("weekly", "report", "ekspor", "--format", "json", "--no-history")
    assert result.exit_code == 0, result.output
    assert (work / "laporan-2026-W47.json").is_file()


def test_the_week_so_far_has_a_file_name_of_its_own(invoke, work, monkeypatch):
    monkeypatch.setenv("MEDSOS_TODAY", "2026-11-18")
    result = invoke("weekly", "report", "ekspor", "--week", "this", "--format", "json",
                    "--no-history")
    assert result.exit_code == 0, result.output
    assert (work / "laporan-2026-W47-sampai-2026-11-18.json").is_file()
    monkeypatch.setenv("MEDSOS_TODAY", "2026-11-27")  # next Friday: the complete week
    result = invoke("weekly", "report", "ekspor", "--format", "json", "--no-history")
    assert result.exit_code == 0, result.output  # not refused: its own file
    assert json.loads((work / "laporan-2026-W47.json").read_text(encoding="utf-8"))[
        "running"] is None


def test_a_bad_pinned_today_is_an_input_error(invoke, work, monkeypatch):
    monkeypatch.setenv("MEDSOS_TODAY", "kemarin")
    result = invoke("weekly", "report", "ekspor", "--format", "json", "--out", "-")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("medsos: MEDSOS_TODAY “kemarin” tidak sah")


# -- the week so far -------------------------------------------------------------------------

def test_this_week_never_counts_the_days_to_come_as_silent(invoke, tmp_path, monkeypatch):
    folder = tmp_path / "ekspor"
    folder.mkdir()
    (folder / "x.csv").write_text("\n".join([
        X_HEADER,
        tweet("2122000000000000001", "2026-11-10 03:00 +0000", 800),   # W46 Tuesday
        tweet("2122000000000000002", "2026-11-12 03:00 +0000", 5000),  # W46 Thursday
        tweet("2122000000000000003", "2026-11-16 03:00 +0000", 1200),  # W47 Monday 10:00
    ]) + "\n", encoding="utf-8")
    monkeypatch.setenv("MEDSOS_TODAY", "2026-11-18")  # Wednesday, W47
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path / "data"))
    for value in ("this", "ini"):
        report = report_json(invoke, str(folder), "--week", value, "--no-history")
        assert report["week"] == "2026-W47"
        assert (report["start"], report["end"]) == ("2026-11-16", "2026-11-22")  # the contract
        running = report["running"]
        assert running["through"] == "2026-11-18" and running["days"] == 3
        assert running["previous_through"] == "2026-11-11"
        assert "Kamis–Minggu belum tiba" in running["text"]
        # Tuesday had no post; Wednesday (today) is not over; Thursday to Sunday are to come
        assert report["posting"]["days_without_posts"] == ["2026-11-17"]
        x = report["platforms"]["x"]
        assert [d["date"] for d in x["daily"]] == ["2026-11-16", "2026-11-17", "2026-11-18"]
        # like for like: W46 Monday to Wednesday (Thursday's tweet is not in the comparison)
        assert x["previous"]["posts"] == 1 and x["previous"]["impressions"] == 800
        text = " ".join(report["recommendations"])
        assert "sama sekali" not in text
        assert "Selasa (17 November)" in text
        assert not any(day in text for day in ("Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"))
        # the change is named against what it was compared with (800 → 1.200 impressions)
        assert "naik 50,0 % dibanding hari yang sama pekan lalu (800 → 1.200)" in text
    # The complete week, for contrast: six silent days, the whole week before
    whole = report_json(invoke, str(folder), "--week", "2026-W47", "--no-history")
    assert len(whole["posting"]["days_without_posts"]) == 6 and whole["running"] is None
    whole_text = " ".join(whole["recommendations"])
    assert "dibanding pekan lalu (5.800 → 1.200)" in whole_text
    assert "hari yang sama" not in whole_text


def test_this_week_without_a_post_yet_is_not_silent_all_week(invoke, tmp_path, monkeypatch):
    folder = tmp_path / "ekspor"
    folder.mkdir()
    (folder / "x.csv").write_text(X_HEADER + "\n" + tweet("2122000000000000001",
                                                           "2026-11-10 03:00 +0000") + "\n",
                                  encoding="utf-8")
    (folder / "komentar.csv").write_text(
        "platform,unggahan,penulis,waktu,komentar,dibalas_pada\n"
        "x,2122000000000000001,@warga,2026-11-17 08:15,Kapan layanan KTP-el keliling lagi?,\n",
        encoding="utf-8")
    monkeypatch.setenv("MEDSOS_TODAY", "2026-11-18")
    report = report_json(invoke, str(folder), "--week", "this", "--no-history")
    assert report["posting"]["days_without_posts"] == ["2026-11-16", "2026-11-17"]
    assert [d["date"] for d in report["comments"]["daily"]] == ["2026-11-16", "2026-11-17",
                                                                "2026-11-18"]
    text = " ".join(report["recommendations"])
    assert "sama sekali" not in text and "Senin (16 November)" in text


def test_this_week_is_said_in_markdown_html_and_on_stderr(invoke, tmp_path, monkeypatch):
    monkeypatch.setenv("MEDSOS_TODAY", "2026-11-18")
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    args = ("weekly", "report", str(EXAMPLES / "exports"), "--config",
            str(EXAMPLES / "medsos.toml"), "--week", "this", "--no-history")
    md = invoke(*args, "--format", "md", "--out", "-")
    assert md.exit_code == 0, md.output
    assert "> **Pekan masih berjalan: data s.d. hari ini (Rabu, 18 November 2026)" in md.stdout
    assert "pekan berjalan 2026-W47 (2026-11-16 s.d. 2026-11-18" in md.stderr
    html = invoke(*args, "--out", "laporan.html")
    assert html.exit_code == 0, html.output
    page = (tmp_path / "laporan.html").read_text(encoding="utf-8")
    assert '<p class="running"><strong>Pekan masih berjalan' in page
    # the posting grid shades the days to come instead of showing them empty
    assert "Kamis–Minggu belum tiba" in page
    grid = md.stdout.split("### Waktu unggah", 1)[1].split("\n\n#", 1)[0]
    rows = {line.split("|")[1].strip(): line for line in grid.splitlines()
            if line.startswith("| ") and not line.startswith("| Hari")}
    assert "belum tiba" in rows["Kamis"] and "belum tiba" in rows["Minggu"]
    assert "belum tiba" not in rows["Rabu"]
    whole = invoke(*args[:-3], "--week", "2026-W47", "--no-history", "--format", "md",
                   "--out", "-")
    assert whole.exit_code == 0 and "belum tiba" not in whole.stdout


# -- a period no export covers ---------------------------------------------------------------

def test_an_empty_period_is_exit_2_even_with_the_previous_week_in_history(invoke, work,
                                                                          tmp_path):
    db = str(tmp_path / "riwayat.sqlite3")
    first = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                   "--out", "-", "--db", db)
    assert first.exit_code == 0, first.output
    # W47 is W48's previous week, in the exports and in the history: still no W48 row
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W48", "--format", "json",
                    "--db", db)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines() == [
        "medsos: tidak ada baris untuk pekan 2026-W48 (2026-11-23–2026-11-29) di ekspor mana "
        "pun; ekspor mencakup 2026-W46–2026-W47; pilih pekan dengan --week, mis. --week "
        "2026-W47 (baris terbanyak)"]
    assert not (work / "laporan-2026-W48.json").exists()


def test_the_bundled_examples_on_a_day_after_them(invoke, tmp_path, monkeypatch):
    """Today (2026-12-03, in W49) the examples hold nothing of the last complete week's
    successor: the default (W48) has two posts; W49 is an error."""
    monkeypatch.setenv("MEDSOS_TODAY", "2026-12-09")
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path / "data"))
    result = invoke("weekly", "report", str(EXAMPLES / "exports"), "--config",
                    str(EXAMPLES / "medsos.toml"), "--format", "json", "--out", "-")
    assert result.exit_code == ExitCode.USAGE
    assert "tidak ada baris untuk pekan 2026-W49 (2026-11-30–2026-12-06)" in result.stderr
    assert "ekspor mencakup 2026-W45–2026-W48" in result.stderr
    assert "--week 2026-W47 (baris terbanyak)" in result.stderr


def test_a_running_week_without_rows_yet_is_an_error_too(invoke, work, monkeypatch):
    monkeypatch.setenv("MEDSOS_TODAY", "2026-11-23")  # Monday of W48, nothing exported yet
    result = invoke("weekly", "report", "ekspor", "--week", "this", "--format", "json",
                    "--out", "-")
    assert result.exit_code == ExitCode.USAGE
    assert "pekan berjalan 2026-W48 (2026-11-23–2026-11-23)" in result.stderr


# -- progress --------------------------------------------------------------------------------

class Tty:
    def isatty(self) -> bool:
        return True


def test_progress_is_wanted_only_on_a_terminal_and_never_with_out_dash():
    from medsos_cli.cli import _progress

    assert _progress.weekly_progress_wanted("laporan.html", Tty())
    assert _progress.weekly_progress_wanted(None, Tty())
    assert not _progress.weekly_progress_wanted("-", Tty())
    assert not _progress.weekly_progress_wanted("laporan.html", object())  # not a terminal


def test_no_progress_without_a_terminal(invoke, work):
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--out", "hasil.json", "--no-history")
    assert result.exit_code == 0
    assert all(line.startswith("medsos: ") for line in result.stderr.splitlines())


def test_progress_steps_reach_the_terminal_and_never_stdout(invoke, work, monkeypatch):
    from medsos_cli.cli import _progress

    shutil.copy(EXAMPLES / "exports" / "komentar.csv", work / "ekspor" / "komentar.csv")
    calls: list[tuple] = []

    class Recorder(_progress.StepProgress):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

        def __call__(self, step, done, total, detail=""):
            calls.append((step, done, total, detail))

    monkeypatch.setattr(_progress, "on_terminal", lambda stderr=None: True)
    monkeypatch.setattr(_progress, "StepProgress", Recorder)
    # --out -: the report is the output; no progress at all
    piped = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                   "--out", "-", "--no-history")
    assert piped.exit_code == 0 and calls == []
    json.loads(piped.stdout)
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "md",
                    "--out", "hasil.md", "--no-history")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    reads = [c for c in calls if c[0] == "read"]
    assert reads == [("read", 0, 3, "fb-posts.csv"), ("read", 1, 3, "komentar.csv"),
                     ("read", 2, 3, "tweet_activity.csv"), ("read", 3, 3, "")]
    lint = [c for c in calls if c[0] == "lint"]
    assert lint[0][1] == 0 and lint[-1][1] == lint[-1][2] > 0
    comments = [c for c in calls if c[0] == "comments"]
    assert comments == [("comments", 0, 37, ""), ("comments", 37, None, "tema dan contoh"),
                        ("comments", 37, 37, "")]  # komentar.csv
    assert ("compute", 0, None, "") in calls and ("compute", 1, 1, "") in calls
    assert calls[-2:] == [("render", 0, None, ""), ("render", 1, 1, "")]
    steps = list(dict.fromkeys(c[0] for c in calls))
    assert steps == ["read", "compute", "comments", "lint", "render"]  # weekly/progress.py


def test_a_forced_terminal_draws_the_progress_on_stderr_only(invoke, work, monkeypatch):
    from medsos_cli.cli import _progress

    monkeypatch.setattr(_progress, "on_terminal", lambda stderr=None: True)
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich draws as on a terminal
    monkeypatch.setenv("TERM", "xterm-256color")
    result = invoke("weekly", "report", "ekspor", "--week", "2026-W47", "--format", "json",
                    "--out", "hasil.json", "--no-history")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Membaca ekspor" in result.stderr and "Memeriksa takarir" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("medsos: laporan ditulis ke")
    assert json.loads((work / "hasil.json").read_text(encoding="utf-8"))["week"] == "2026-W47"


def test_step_progress_keeps_one_row_per_step(monkeypatch):
    import io
    import sys

    from medsos_cli.cli._progress import StepProgress

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with StepProgress() as progress:
        progress("read", 0, 2, "fb.csv")
        progress("read", 2, 2)
        progress("comments", 0, 10)
        progress("comments", 10, None, "tema dan contoh")  # size unknown again
        rows = {t.description: (t.total, t.completed, t.finished)
                for t in progress.progress.tasks}
        assert rows == {"Membaca ekspor": (2, 2, True),
                        "Menggolongkan komentar: tema dan contoh": (None, 10, False)}
        progress("comments", 10, 10)
        assert all(t.finished for t in progress.progress.tasks)
