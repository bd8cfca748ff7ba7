"""Speed-ups of the weekly report that must not change what it stores or reads.

The history upsert skips unchanged rows but still keeps the larger snapshot; the lexicon is
the same whichever YAML loader reads it.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

from medsos_cli.exports.model import Post
from medsos_cli.understanding import lexicon as lexicon_module
from medsos_cli.weekly.history import History
from medsos_cli.weekly.week import Week

WIB = timezone(timedelta(hours=7))


def post(post_id: str, reach: int, caption: str = "Takarir") -> Post:
    return Post("facebook", post_id, datetime(2026, 11, 17, 9, 30, tzinfo=WIB), reach=reach,
                likes=3, account="Kota", caption=caption, source="fb.csv")


def stored(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT post_id, reach, caption, score, published_at FROM posts "
                          "ORDER BY post_id").fetchall()


def test_store_again_keeps_rows_and_still_takes_the_larger_snapshot(tmp_path):
    path = tmp_path / "h.sqlite3"
    with History(path) as h:
        h.store([post("1", 100), post("2", 50)])
        first = stored(path)
        assert first == [("1", 100, "Takarir", 103, "2026-11-17T02:30:00"),
                         ("2", 50, "Takarir", 53, "2026-11-17T02:30:00")]
        h.store([post("1", 100), post("2", 50)])  # unchanged: nothing rewritten
        assert stored(path) == first
        # same score, new caption: replaced (as before); smaller snapshot: kept out
        h.store([post("1", 100, "Takarir baru"), post("2", 10, "Lama")])
        assert stored(path) == [("1", 100, "Takarir baru", 103, "2026-11-17T02:30:00"),
                                ("2", 50, "Takarir", 53, "2026-11-17T02:30:00")]
        begin, end = Week(2026, 47).bounds("Asia/Jakarta")
        back = h.posts_between(begin, end)
    assert [(p.post_id, p.reach, p.likes, p.caption, p.account, p.time_known) for p in back] == [
        ("1", 100, 3, "Takarir baru", "Kota", True), ("2", 50, 3, "Takarir", "Kota", True)]
    assert back[0].published_at == datetime(2026, 11, 17, 2, 30, tzinfo=timezone.utc)


def test_lexicon_is_the_same_with_either_yaml_loader(monkeypatch):
    fast = lexicon_module.load_lexicon()
    monkeypatch.setattr(lexicon_module, "_LOADER", yaml.SafeLoader)
    lexicon_module.load_lexicon.cache_clear()
    try:
        assert lexicon_module.load_lexicon() == fast
    finally:
        lexicon_module.load_lexicon.cache_clear()
