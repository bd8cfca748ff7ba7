"""History database: upserts keep the latest snapshot; next week's report compares with it."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from medsos_cli.config import Config
from medsos_cli.errors import InputError
from medsos_cli.exports.model import DailyValue, ImportResult, Post
from medsos_cli.weekly import history as history_module
from medsos_cli.weekly.build import build_report
from medsos_cli.weekly.history import SCHEMA_VERSION, History, default_db_path
from medsos_cli.weekly.week import Week

WIB = timezone(timedelta(hours=7))


def built(*args, **kw) -> dict:
    """The report's JSON object (the contract these tests read)."""
    return build_report(*args, **kw).to_dict()


def fb(post_id: str, day: int, reach: int, likes: int, **kw) -> Post:
    return Post("facebook", post_id, datetime(2026, 11, day, 9, 30, tzinfo=WIB), reach=reach,
                likes=likes, comments=2, shares=1, account="Kota", caption=f"Takarir {post_id}",
                source="fb.csv", **kw)


def test_store_and_read_back(tmp_path):
    path = tmp_path / "sub" / "h.sqlite3"
    with History(path) as h:
        h.store([fb("1", 10, 1000, 40), fb("2", 17, 500, 10, time_known=False)],
                [DailyValue("facebook", "follows", date(2026, 11, 10), 7, account="Kota")])
    with History(path) as h:
        begin, end = Week(2026, 46).bounds("Asia/Jakarta")
        posts = h.posts_between(begin, end)
        assert [p.post_id for p in posts] == ["1"]
        post = posts[0]
        assert post.published_at == datetime(2026, 11, 10, 2, 30, tzinfo=timezone.utc)
        assert (post.reach, post.likes, post.comments, post.saves) == (1000, 40, 2, None)
        assert post.caption == "Takarir 1" and post.account == "Kota" and post.time_known
        later = h.posts_between(*Week(2026, 47).bounds("Asia/Jakarta"))
        assert later[0].time_known is False
        daily = h.daily_between(date(2026, 11, 9), date(2026, 11, 15))
        assert [(d.metric, d.day, d.value) for d in daily] == [("follows", date(2026, 11, 10),
                                                                7)]
        version = h.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        assert version == (str(SCHEMA_VERSION),)


def test_upsert_keeps_the_larger_snapshot(tmp_path):
    path = tmp_path / "h.sqlite3"
    with History(path) as h:
        h.store([fb("1", 10, 1500, 60)])
        h.store([fb("1", 10, 1000, 40)])  # an older export read later: ignored
        h.store([fb("2", 11, 100, 1)])
        h.store([fb("2", 11, 120, 2)])  # a newer export: replaces
    with History(path) as h:
        posts = {p.post_id: p for p in h.posts_between(*Week(2026, 46).bounds("Asia/Jakarta"))}
    assert posts["1"].reach == 1500 and posts["2"].reach == 120


def test_next_weeks_report_compares_with_this_week(tmp_path):
    db = tmp_path / "h.sqlite3"
    w46 = ImportResult("fb-w46.csv", "meta_facebook_posts", rows=2,
                       posts=[fb("1", 10, 1000, 40), fb("2", 12, 1000, 17)])
    first = built([w46], week="2026-W46", config=Config(), db=db)
    assert first["platforms"]["facebook"]["posts"] == 2
    # A week later the new export covers only W47; W46 comes from history.
    w47 = ImportResult("fb-w47.csv", "meta_facebook_posts", rows=1,
                       posts=[fb("3", 17, 2000, 97)])
    report = built([w47], week="2026-W47", config=Config(), db=db)
    f = report["platforms"]["facebook"]
    assert f["previous"]["posts"] == 2
    assert f["previous"]["reach"] == 2000
    assert f["previous"]["engagement_rate"] == round((43 + 20) / 2000, 6)
    assert f["change"]["reach"] == 0.0
    assert report["sources"][0]["used"] == 1
    # Without history there is nothing to compare with.
    alone = built([w47], week="2026-W47", config=Config(), use_history=False)
    assert alone["platforms"]["facebook"]["previous"] is None


def test_exports_take_precedence_over_history_for_the_previous_week(tmp_path):
    db = tmp_path / "h.sqlite3"
    with History(db) as h:
        h.store([fb("1", 10, 900, 30), fb("2", 11, 800, 20)])
    result = ImportResult("fb.csv", "meta_facebook_posts", rows=2,
                          posts=[fb("1", 10, 1000, 40), fb("3", 17, 100, 1)])
    f = built([result], week="2026-W47", config=Config(), db=db)["platforms"]["facebook"]
    assert f["previous"]["posts"] == 2  # post 1 from the export, post 2 from history
    assert f["previous"]["reach"] == 1000 + 800


def test_followers_of_the_previous_week_from_history(tmp_path):
    db = tmp_path / "h.sqlite3"
    prev_days = Week(2026, 46).days()
    with History(db) as h:
        h.store([], [DailyValue("facebook", "follows", d, 3, account="Kota") for d in prev_days])
    daily = [DailyValue("facebook", "follows", d, 6, account="Kota")
             for d in Week(2026, 47).days()]
    result = ImportResult("follows.csv", "meta_daily", rows=7, daily=daily)
    f = built([result], week="2026-W47", config=Config(), db=db)["platforms"]["facebook"]
    assert f["followers_change"] == 42 and f["previous"]["followers_change"] == 21


def test_no_history_neither_reads_nor_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path / "data"))
    result = ImportResult("fb.csv", "meta_facebook_posts", rows=1, posts=[fb("1", 17, 10, 1)])
    built([result], week="2026-W47", config=Config(), use_history=False)
    assert not (tmp_path / "data").exists()
    built([result], week="2026-W47", config=Config())
    assert (tmp_path / "data" / "history.sqlite3").is_file()


def test_config_db_is_used(tmp_path):
    config = Config(db=tmp_path / "cfg.sqlite3")
    result = ImportResult("fb.csv", "meta_facebook_posts", rows=1, posts=[fb("1", 17, 10, 1)])
    built([result], week="2026-W47", config=config)
    assert config.db.is_file()
    built([result], week="2026-W47", config=config, db=tmp_path / "cli.sqlite3")
    assert (tmp_path / "cli.sqlite3").is_file()


def test_default_path_per_platform(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDSOS_DATA_DIR", str(tmp_path))
    assert default_db_path() == tmp_path / "history.sqlite3"
    monkeypatch.delenv("MEDSOS_DATA_DIR")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "medsos" / "history.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_db_path() == Path.home() / ".local" / "share" / "medsos" / "history.sqlite3"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert default_db_path() == (Path.home() / "Library" / "Application Support" / "medsos"
                                 / "history.sqlite3")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert default_db_path() == tmp_path / "local" / "medsos" / "data" / "history.sqlite3"
    assert history_module.DB_NAME == "history.sqlite3"


def test_a_file_that_is_not_a_database_is_an_input_error(tmp_path):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"bukan basis data " * 100)
    with pytest.raises(InputError) as info:
        History(path)
    assert info.value.path == str(path)


def test_another_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    db = sqlite3.connect(str(path))
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(InputError, match="bukan basis data riwayat medsos"):
        History(path)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "h.sqlite3"
    with History(path) as h, h.db:
        h.db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(InputError, match="versi 99"):
        History(path)


@pytest.mark.parametrize("damage", [
    "UPDATE posts SET likes = 'banyak'",
    "UPDATE posts SET reach = -5",
    "UPDATE posts SET published_at = 'kemarin'",
    "UPDATE posts SET reach = 99999999999999999999",
])
def test_damaged_previous_week_never_crashes_nor_counts_silently(tmp_path, damage):
    """A history row edited by hand or damaged (issue 15): the report still builds, and the
    damaged rows either count as the stored values allow or are named, never as a crash."""
    db = tmp_path / "h.sqlite3"
    w46 = ImportResult("fb-w46.csv", "meta_facebook_posts", rows=2,
                       posts=[fb("1", 10, 1000, 40), fb("2", 12, 1000, 17)])
    built([w46], week="2026-W46", config=Config(), db=db)
    with sqlite3.connect(db) as con:
        con.execute(damage)
    w47 = ImportResult("fb-w47.csv", "meta_facebook_posts", rows=1,
                       posts=[fb("3", 17, 2000, 97)])
    try:
        report = built([w47], week="2026-W47", config=Config(), db=db)
    except InputError as exc:  # refused with the database named: also acceptable
        assert "h.sqlite3" in str(exc.path or "") + exc.message
        return
    previous = report["platforms"]["facebook"]["previous"]
    if previous is not None:
        assert previous["reach"] is None or previous["reach"] >= 0
        assert previous["posts"] <= 2
    assert report["platforms"]["facebook"]["posts"] == 1


def test_truncated_lint_cache_row_only_means_linting_again(tmp_path):
    db = tmp_path / "h.sqlite3"
    with History(db) as h:
        h.lint_store("fp", {("facebook", "caption", "d1"): [("r", 2, "pesan")]})
    with sqlite3.connect(db) as con:
        con.execute("UPDATE lint_cache SET findings = substr(findings, 1, 5)")
    with History(db) as h:
        assert h.lint_lookup("fp") == {}


def test_a_damaged_count_names_the_database_table_and_column(tmp_path):
    db = tmp_path / "h.sqlite3"
    with History(db) as h:
        h.store([fb("1", 10, 1000, 40)],
                [DailyValue("facebook", "follows", date(2026, 11, 10), 7, account="Kota")])
    with sqlite3.connect(db) as con:
        con.execute("UPDATE posts SET likes = 'banyak'")
        con.execute("UPDATE daily SET value = 'tujuh'")
    with History(db) as h, pytest.raises(InputError) as info:
        h.posts_between(*Week(2026, 46).bounds("Asia/Jakarta"))
    assert "tabel posts" in info.value.message and "likes = 'banyak'" in info.value.message
    assert "--no-history" in info.value.message
    with History(db) as h, pytest.raises(InputError) as info:
        h.daily_between(date(2026, 11, 9), date(2026, 11, 15))
    assert "tabel daily" in info.value.message and "= 'tujuh'" in info.value.message


def test_negative_daily_values_are_kept(tmp_path):
    """Meta's daily series may be a net change (negative=True at import): history keeps it."""
    db = tmp_path / "h.sqlite3"
    with History(db) as h:
        h.store([], [DailyValue("facebook", "follows", date(2026, 11, 10), -4, account="Kota")])
    with History(db) as h:
        daily = h.daily_between(date(2026, 11, 9), date(2026, 11, 15))
    assert [d.value for d in daily] == [-4]
