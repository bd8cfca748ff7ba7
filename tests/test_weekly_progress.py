"""The weekly report's progress callback (library side) and the empty-period check."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest

from medsos_cli.config import Config
from medsos_cli.errors import InputError
from medsos_cli.exports.model import Comment, Complaint, DailyValue, ImportResult, Post
from medsos_cli.lint.run import build_linter, build_rulebook
from medsos_cli.weekly import lintposts, run
from medsos_cli.weekly.week import Week

WIB = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def linter():
    config = Config()
    return build_linter(config, build_rulebook(config))


def items(count: int) -> list[tuple]:
    return [("x", "caption", f"Info yg ke-{i} untuk warga kota.") for i in range(count)]


def recorder() -> tuple[list[tuple], object]:
    calls: list[tuple] = []

    def progress(step, done, total, detail=""):
        calls.append((step, done, total))

    return calls, progress


def test_in_process_lint_reports_every_few_hundred_captions(linter):
    calls, progress = recorder()
    texts = items(450)
    found = lintposts._Batch(linter, texts).result(progress)
    assert len(found) == 450
    assert calls == [("lint", 200, 450), ("lint", 400, 450), ("lint", 450, 450)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux only")
def test_forked_lint_reports_as_chunks_come_back(linter, monkeypatch):
    texts = items(90)
    alone = lintposts._Batch(linter, texts).result()
    monkeypatch.setattr(lintposts, "_workers", lambda count: 2)
    monkeypatch.setattr(lintposts, "CHUNK_MAX", 10)
    calls, progress = recorder()
    assert lintposts._Batch(linter, texts).result(progress) == alone  # same order, same findings
    done = [c[1] for c in calls]
    assert done == sorted(done) and done[-1] == 90 and len(done) == 9  # one per chunk of 10
    assert {c[2] for c in calls} == {90}


def test_captions_found_in_the_history_count_as_done_at_once(monkeypatch):
    config = Config()
    posts = [Post("x", str(i), datetime(2026, 11, 17, 9, tzinfo=WIB), caption=f"Info ke-{i}.")
             for i in range(5)]
    calls, progress = recorder()
    pending = lintposts.start_lint(posts, config, progress=progress)
    pending.found = {pending.fresh.pop(0): []}  # as if one text came from the history
    pending.batch = lintposts._Batch(pending.batch.linter, pending.fresh)
    pending.result()
    assert calls[0] == ("lint", 1, 5) and calls[-1] == ("lint", 5, 5)


def test_the_library_imports_neither_rich_nor_typer():
    code = ("import sys; import medsos_cli.weekly.run, medsos_cli.weekly.build, "
            "medsos_cli.weekly.lintposts, medsos_cli.weekly.progress; "
            "print(sorted(m for m in ('rich', 'typer', 'click') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


# -- refuse_empty ----------------------------------------------------------------------------

W47 = Week(2026, 47)


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=WIB)


@pytest.mark.parametrize("result", [
    ImportResult("p.csv", "x_tweet_activity", posts=[Post("x", "1", at(22, 23))]),
    ImportResult("d.csv", "meta_daily", daily=[DailyValue("facebook", "follows",
                                                          date(2026, 11, 16), 3)]),
    ImportResult("k.csv", "medsos_comments", comments=[Comment("x", "1", "@a", at(18), "ok")]),
    ImportResult("a.csv", "medsos_complaints", complaints=[Complaint(at(20), "DM", "jalan")]),
])
def test_any_kind_of_row_in_the_week_makes_it_non_empty(result):
    run.refuse_empty([result], W47, "Asia/Jakarta")


def test_rows_just_outside_the_week_do_not_count():
    monday_next = Post("x", "2", datetime(2026, 11, 22, 17, 30, tzinfo=timezone.utc))  # 00:30
    sunday_before = Post("x", "3", at(15, 23))
    results = [ImportResult("p.csv", "x_tweet_activity", posts=[monday_next, sunday_before])]
    with pytest.raises(InputError) as info:
        run.refuse_empty(results, W47, "Asia/Jakarta")
    assert info.value.message == (
        "tidak ada baris untuk pekan 2026-W47 (2026-11-16–2026-11-22) di ekspor mana pun; "
        "ekspor mencakup 2026-W46, 2026-W48; pilih pekan dengan --week, mis. --week 2026-W48 "
        "(baris terbanyak)")


def test_a_running_week_is_cut_at_today():
    thursday = ImportResult("p.csv", "x_tweet_activity", posts=[Post("x", "1", at(19))])
    with pytest.raises(InputError, match=r"pekan berjalan 2026-W47 \(2026-11-16–2026-11-18\)"):
        run.refuse_empty([thursday], W47.so_far(date(2026, 11, 18)), "Asia/Jakarta")
    run.refuse_empty([thursday], W47.so_far(date(2026, 11, 19)), "Asia/Jakarta")


def test_undated_rows_only():
    results = [ImportResult("p.csv", "x_tweet_activity", posts=[Post("x", "1", None)])]
    with pytest.raises(InputError, match="tidak memuat satu pun baris bertanggal"):
        run.refuse_empty(results, W47, "Asia/Jakarta")


def test_week_spans_join_consecutive_weeks():
    weeks = [Week(2026, 40), Week(2026, 46), Week(2026, 47), Week(2026, 53), Week(2027, 1)]
    assert run.week_spans(weeks) == "2026-W40, 2026-W46–2026-W47, 2026-W53–2027-W01"


def test_comments_report_as_the_classifier_reaches_them(monkeypatch):
    from medsos_cli.weekly import conversation

    monkeypatch.setattr(conversation, "PROGRESS_EVERY", 10)
    comments = [Comment("x", "1", "@a", at(17, 8), f"Kapan jalan ke-{i} diperbaiki?")
                for i in range(25)]
    calls, progress = recorder()
    out = conversation.analyse_comments(comments, start=date(2026, 11, 16),
                                        end=date(2026, 11, 22), tz="Asia/Jakarta",
                                        progress=progress)
    assert out is not None and out.total == 25
    assert calls == [("comments", 0, 25), ("comments", 10, 25), ("comments", 20, 25),
                     ("comments", 25, None)]  # then themes and samples


def test_every_step_has_an_indonesian_label():
    from medsos_cli.cli._progress import WEEKLY_STEPS
    from medsos_cli.weekly.progress import STEPS

    assert list(WEEKLY_STEPS) == list(STEPS)
