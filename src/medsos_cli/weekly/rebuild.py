"""``medsos history rebuild``: a fresh history database from the exports, the old one kept.

A damaged history (a cell edited by hand, a disk error, a file from another program) is never
repaired in place. The new database is written beside it under a temporary name and filled
from the exports given (posts with their latest snapshot, daily series, comments with their
class and sentiment, complaints), exactly as weekly reports would have stored them. Only when
that succeeded is the old file moved aside as ``<name>.rusak-<n>.bak`` (never deleted, never
overwritten) and the new one put in its place. The lint findings of posted captions are not in
the exports: the next weekly report of each week stores them again.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from medsos_cli.errors import InputError
from medsos_cli.exports.model import ImportResult
from medsos_cli.exports.numbers import zone
from medsos_cli.weekly.history import History


@dataclass
class Rebuilt:
    """What a rebuild restored, and where the old database went."""

    path: Path
    backup: Path | None
    posts: int = 0
    daily: int = 0
    comments: int = 0
    complaints: int = 0
    weeks: list[str] = field(default_factory=list)  # ISO weeks with posts or daily values
    files: int = 0  # readable files
    failed: list[ImportResult] = field(default_factory=list)  # files that could not be read


def problem(path: Path) -> str | None:
    """Why the history at ``path`` cannot be used (None: it opens and every row reads back
    through the typed checks; an older schema is not a problem, the next report upgrades it).
    A missing file has no problem."""
    if not path.exists():
        return None
    try:
        with History(path, readonly=True) as history:  # not a byte changed
            row = history.db.execute("PRAGMA quick_check").fetchone()
            if row is None or row[0] != "ok":
                return f"pemeriksaan SQLite gagal: {row[0] if row else 'tanpa hasil'}"
            _check_by_year(history)
    except InputError as exc:
        return exc.message
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


def _check_by_year(history: History) -> None:
    """Read every post and daily value back through the typed checks, a year at a time (a
    history of many years is never in memory at once)."""
    db = history.db
    low, high = db.execute("SELECT min(published_at), max(published_at) FROM posts").fetchone()
    for first, last in _years(low, high):
        history.posts_between(datetime(first, 1, 1, tzinfo=timezone.utc),
                              datetime(last + 1, 1, 1, tzinfo=timezone.utc))
    low, high = db.execute("SELECT min(day), max(day) FROM daily").fetchone()
    for first, last in _years(low, high):
        # up to the next New Year inclusive: a text such as 2025-13-01 sorts between years
        history.daily_between(date(first, 1, 1), date(last + 1, 1, 1))


def _years(low: object, high: object) -> list[tuple[int, int]]:
    """(first, last) year spans covering the stored texts ``low``..``high``; one span over
    everything when they do not start with a year (the read then names the damaged cell)."""
    if low is None or high is None:
        return []
    try:
        first, last = int(str(low)[:4]), int(str(high)[:4])
    except ValueError:
        return [(1900, 9998)]
    if not 1900 <= first <= last <= 9998:
        return [(1900, 9998)]
    return [(year, year) for year in range(first, last + 1)]


def rebuild(path: Path, results: Sequence[ImportResult], tz: str) -> Rebuilt:
    """Write a new history at ``path`` from ``results`` (read in zone ``tz``); the old file,
    if any, is kept as a backup beside it. ``InputError`` when no export could be read (the
    old database is then left as it was)."""
    from medsos_cli.weekly.build import dedupe_comments, dedupe_complaints
    from medsos_cli.weekly.metrics import dedupe_daily, dedupe_posts

    path = Path(path)
    good = [r for r in results if r.error is None]
    failed = [r for r in results if r.error is not None]
    if not good:
        first = failed[0] if failed else None
        if first is None:
            raise InputError("tidak ada berkas ekspor untuk membangun ulang riwayat", path)
        raise InputError(f"tidak satu pun ekspor terbaca ({first.path}: {first.error}); "
                         "riwayat lama tidak diubah", path)
    posts = [p for p in dedupe_posts(good) if p.published_at is not None]
    daily = dedupe_daily(good)
    comments = dedupe_comments(good)
    complaints = dedupe_complaints(good)
    local = zone(tz)
    days = {p.published_at.astimezone(local).date() for p in posts  # type: ignore[union-attr]
            } | {v.day for v in daily}  # (posts without a time were dropped above)
    weeks = sorted({_week(day) for day in days})
    fresh = _unused(path.with_name(f"{path.name}.baru"))
    try:
        with History(fresh) as history:
            history.store(posts, daily)
            history.store_comments(comments)
            history.store_complaints(complaints)
    except BaseException:
        _remove(fresh)
        raise
    backup = None
    try:
        if path.exists():
            backup = _unused(path.with_name(f"{path.name}.rusak.bak"))
            os.rename(path, backup)  # never over an existing file: the name is unused
            for suffix in ("-wal", "-shm", "-journal"):  # SQLite's side files go with it
                side = Path(f"{path}{suffix}")
                if side.exists():
                    os.rename(side, _unused(Path(f"{backup}{suffix}")))
        os.replace(fresh, path)
    except OSError as exc:
        _remove(fresh)
        raise InputError(f"riwayat baru tidak dapat dipasang: {exc.strerror or exc}"
                         + (f"; riwayat lama ada di {backup}" if backup else ""), path) from None
    return Rebuilt(path, backup, len(posts), len(daily), len(comments), len(complaints), weeks,
                   len(good), failed)


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _unused(path: Path) -> Path:
    """``path``, or ``path`` with ``.1``, ``.2``, ... before the suffix: a name not taken."""
    if not path.exists():
        return path
    n = 1
    while True:
        candidate = path.with_name(f"{path.stem}.{n}{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _remove(path: Path) -> None:
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            name.unlink()
        except OSError:
            pass
