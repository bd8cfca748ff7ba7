"""Local history of everything a weekly report saw (SQLite), for comparisons and hand-over.

Every run stores its posts and daily values (follower counts are the ``follows``/``followers``
daily series); a post keeps its latest export snapshot (the one with the larger lifetime
totals, as in metrics.dedupe_posts). The report's previous week is filled from here for posts
the current exports do not contain. Since schema 2 it also keeps the comments (with the class
and sentiment medsos gave them), the complaints (timestamps and states; a later log's answer
or resolution is kept, never lost) and the lint findings of the posted captions, so that
``medsos history export --parquet`` can hand a complete history to the province.

Re-storing the same export changes nothing. An older database is upgraded in place: first a
copy ``<name>.v<old>.bak`` is written beside it, then the migration runs in one transaction.

It also keeps the findings of captions already linted (``lint_cache``), keyed by a fingerprint
of the rulebook, the lint settings and this medsos installation, so a re-run or next week's
report over overlapping exports lints only new captions (see weekly/lintposts.py).

Location: ``report.db`` in medsos.toml, ``--db PATH``, or the per-user data folder
(``MEDSOS_DATA_DIR`` overrides it).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timezone
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from medsos_cli.errors import InputError
from medsos_cli.exports.model import Comment, Complaint, DailyValue, Post
from medsos_cli.weekly.metrics import post_score
from medsos_cli.weekly.model import LintSummary

if TYPE_CHECKING:
    from medsos_cli.weekly.conversation import Remembered

_MAX_COUNT = 2**63  # SQLite's INTEGER range; store() never writes more
# What a damaged database's message advises (the old file is kept as a backup, never deleted).
REBUILD_HINT = ("bangun ulang dari ekspor dengan “medsos history rebuild EKSPOR... --db BERKAS” "
                "(berkas lama disimpan sebagai cadangan), atau pakai --no-history / --db lain")

SCHEMA_VERSION = 2
DB_NAME = "history.sqlite3"

_POST_COLUMNS = ("platform", "post_id", "account", "published_at", "time_known", "permalink",
                 "post_type", "caption", "title", "reach", "views", "impressions", "likes",
                 "comments", "shares", "saves", "engagements", "source", "score")
_METRICS = ("reach", "views", "impressions", "likes", "comments", "shares", "saves",
            "engagements")

_metric_values = attrgetter(*_METRICS)
# A post count that store() never writes: not an integer (text, real: also ≥ 2⁶³) or negative.
_DAMAGED_POST_COUNTS = " OR ".join(
    f"typeof({c}) NOT IN ('integer', 'null') OR {c} < 0" for c in _METRICS)


def _is_iso(parse, value: object) -> bool:
    try:
        parse(value)
    except (TypeError, ValueError):
        return False
    return True
# Upsert keeping the larger snapshot; a row already stored as is is not rewritten.
_UPSERT_POST = (
    f"INSERT INTO posts ({', '.join(_POST_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_POST_COLUMNS))}) "
    "ON CONFLICT (platform, post_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _POST_COLUMNS[2:])
    + " WHERE excluded.score >= posts.score AND ("
    + " OR ".join(f"posts.{c} IS NOT excluded.{c}" for c in _POST_COLUMNS[2:]) + ")")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS posts (
    platform TEXT NOT NULL, post_id TEXT NOT NULL, account TEXT NOT NULL,
    published_at TEXT NOT NULL, time_known INTEGER NOT NULL, permalink TEXT, post_type TEXT,
    caption TEXT NOT NULL, title TEXT NOT NULL,
    reach INTEGER, views INTEGER, impressions INTEGER, likes INTEGER, comments INTEGER,
    shares INTEGER, saves INTEGER, engagements INTEGER,
    source TEXT NOT NULL, score INTEGER NOT NULL,
    PRIMARY KEY (platform, post_id)
);
CREATE INDEX IF NOT EXISTS posts_time ON posts (published_at);
CREATE TABLE IF NOT EXISTS daily (
    platform TEXT NOT NULL, account TEXT NOT NULL, metric TEXT NOT NULL, day TEXT NOT NULL,
    value INTEGER, source TEXT NOT NULL,
    PRIMARY KEY (platform, account, metric, day)
);
CREATE TABLE IF NOT EXISTS comments (
    platform TEXT NOT NULL, post_ref TEXT NOT NULL, author TEXT NOT NULL, time TEXT NOT NULL,
    text TEXT NOT NULL, replied_at TEXT, class TEXT NOT NULL, sentiment TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (platform, post_ref, author, time, text)
);
CREATE INDEX IF NOT EXISTS comments_time ON comments (time);
CREATE TABLE IF NOT EXISTS complaints (
    received_at TEXT NOT NULL, channel TEXT NOT NULL, text TEXT NOT NULL,
    category TEXT NOT NULL, forwarded_to TEXT NOT NULL, first_response_at TEXT,
    resolved_at TEXT, status TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (channel, text, received_at)
);
CREATE TABLE IF NOT EXISTS linted (
    platform TEXT NOT NULL, post_id TEXT NOT NULL, errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL, rulebooks TEXT NOT NULL,
    PRIMARY KEY (platform, post_id)
);
CREATE TABLE IF NOT EXISTS findings (
    platform TEXT NOT NULL, post_id TEXT NOT NULL, rule TEXT NOT NULL, level TEXT NOT NULL,
    PRIMARY KEY (platform, post_id, rule)
);
CREATE TABLE IF NOT EXISTS understood (
    digest BLOB PRIMARY KEY, class TEXT NOT NULL, sentiment TEXT NOT NULL, score REAL NOT NULL,
    confidence REAL NOT NULL, sentiment_confidence REAL NOT NULL, uncertain INTEGER NOT NULL,
    sentiment_uncertain INTEGER NOT NULL, stream TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lint_books (fingerprint TEXT PRIMARY KEY, used INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS lint_cache (
    fingerprint TEXT NOT NULL, platform TEXT NOT NULL, kind TEXT NOT NULL, digest TEXT NOT NULL,
    findings TEXT NOT NULL,
    PRIMARY KEY (fingerprint, platform, kind, digest)
);
"""

_EXPORTABLE = ("posts", "daily", "comments", "complaints", "linted", "findings")

# Lint results of this many most recently used fingerprints are kept (one per rulebook/config
# combination in use; every medsos update makes a new one).
LINT_BOOKS_KEPT = 4

# Understood comment texts kept (the newest; about 100 MB of database at most): a province
# sees ~100,000 distinct texts a week, and exports overlap the weeks before.
UNDERSTOOD_KEPT = 1_000_000

# (rule id, level, message) of one finding, as weekly/lintposts.py reports it.
Brief = tuple[str, int, str]
# (platform or "", kind, SHA-256 hex of the text) of one linted text.
LintKey = tuple[str, str, str]


def default_db_path() -> Path:
    """The per-user history file (not created here)."""
    override = os.environ.get("MEDSOS_DATA_DIR")
    if override:
        return Path(override) / DB_NAME
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        root = Path(base) if base else Path.home() / "AppData" / "Local"
        return root / "medsos" / "data" / DB_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "medsos" / DB_NAME
    base = os.environ.get("XDG_DATA_HOME")
    return (Path(base) if base else Path.home() / ".local" / "share") / "medsos" / DB_NAME


# Comments looked up at once when storing (see History._stored_comments).
COMMENT_CHUNK = 20_000
_ANSWERED, _UNANSWERED = 1, 2  # a stored comment with / without its reply time


def _stamp(moment: datetime) -> str:
    """A stored time: ``2026-11-17T02:30:00``, UTC, fixed width, so text order is time order.
    (isoformat, cut, is strftime's text at a third of its cost: hundreds of thousands a run.)"""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")[:19]


class History:
    """An open history database; use as a context manager."""

    def __init__(self, path: Path, *, readonly: bool = False):
        self.path = Path(path)
        try:
            if readonly:  # to check a database without changing a byte of it
                self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(str(self.path))
            self._check_schema(readonly)
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc).lower():  # busy, not broken: never advise deleting it
                raise InputError("basis data riwayat sedang dipakai proses lain (terkunci); "
                                 "jalankan ulang setelah proses itu selesai, atau pakai "
                                 "--no-history", self.path) from None
            raise InputError(f"basis data riwayat tidak dapat dibuka ({exc}); {REBUILD_HINT}",
                             self.path) from None
        except OSError as exc:
            raise InputError(f"basis data riwayat tidak dapat dibuat: {exc.strerror or exc}",
                             self.path) from None

    def _check_schema(self, readonly: bool = False) -> None:
        db = self.db
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = SCHEMA_VERSION
        if "meta" in tables:
            row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise InputError(f"basis data riwayat memakai skema versi {version} dari medsos "
                                 "yang lebih baru; perbarui medsos atau pakai --db lain",
                                 self.path)
        elif tables:
            raise InputError("berkas ini bukan basis data riwayat medsos; pakai --db lain",
                             self.path)
        self.migrated_from: int | None = None
        if readonly:
            return
        if tables and version < SCHEMA_VERSION:
            self._backup(version)
            self.migrated_from = version
        # One transaction for the whole upgrade: an interrupted migration leaves the old
        # schema (and the backup) as they were.
        implicit = db.isolation_level  # "" (sqlite3's default): restored below
        db.isolation_level = None
        try:
            db.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                       (str(SCHEMA_VERSION),))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            db.isolation_level = implicit

    def _backup(self, version: int) -> None:
        """Copy the database before upgrading it (``history.sqlite3.v1.bak``)."""
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        try:
            self.db.commit()
            backup = sqlite3.connect(str(target))
            with backup:
                self.db.backup(backup)  # consistent even if the file is open elsewhere
            backup.close()
        except (OSError, sqlite3.DatabaseError) as exc:
            raise InputError(f"salinan cadangan sebelum pembaruan skema gagal dibuat ({exc}); "
                             "riwayat tidak diubah", target) from None

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def store(self, posts: Iterable[Post], daily: Iterable[DailyValue] = ()) -> None:
        """Upsert posts (keeping the larger snapshot) and daily values in one transaction.

        A stored row equal to the incoming one is left alone (no page is rewritten), which
        makes re-running a week's report over the same exports much cheaper.
        """
        metrics = _metric_values

        def post_row(p: Post) -> tuple:
            caption, title, permalink = p.texts()  # a compact post reads them from disk
            return (p.platform, p.post_id, p.account,
                    _stamp(p.published_at),  # type: ignore[arg-type]  # post_rows skips None
                    1 if p.time_known else 0, permalink, p.post_type, caption or "",
                    title or "", *metrics(p), p.source, post_score(p))

        # A generator: executemany steps through it, so a year of captions is never in
        # memory at once.
        post_rows = (post_row(p) for p in posts if p.published_at is not None)
        daily_rows = [(v.platform, v.account, v.metric, v.day.isoformat(), v.value, v.source)
                      for v in daily]
        try:
            with self.db:
                self.db.executemany(_UPSERT_POST, post_rows)
                self.db.executemany(
                    "INSERT OR REPLACE INTO daily (platform, account, metric, day, value, source) "
                    "VALUES (?, ?, ?, ?, ?, ?)", daily_rows)
        except sqlite3.DatabaseError as exc:
            raise InputError(f"gagal menulis riwayat: {exc}", self.path) from None

    def posts_between(self, start: datetime, end: datetime) -> list[Post]:
        """Stored posts published in [start, end)."""
        cursor = self.db.execute(
            f"SELECT {', '.join(_POST_COLUMNS)} FROM posts WHERE published_at >= ? "
            "AND published_at < ? ORDER BY published_at, platform, post_id",
            (_stamp(start), _stamp(end)))
        utc = timezone.utc
        parse = datetime.fromisoformat
        rows = cursor.fetchall()
        self._refuse_damaged(
            f"SELECT platform, post_id, {', '.join(_METRICS)} FROM posts WHERE published_at >= ? "
            f"AND published_at < ? AND ({_DAMAGED_POST_COUNTS}) LIMIT 1",
            (_stamp(start), _stamp(end)), "posts", _METRICS, negative=False)
        try:
            # unpacked in _POST_COLUMNS order (the score is not part of a Post)
            return [Post(platform=platform, post_id=post_id,
                         published_at=parse(published).replace(tzinfo=utc), account=account,
                         permalink=permalink, post_type=post_type, caption=caption, title=title,
                         source=source, time_known=bool(time_known), reach=reach, views=views,
                         impressions=impressions, likes=likes, comments=comments,
                         shares=shares, saves=saves, engagements=engagements)
                    for (platform, post_id, account, published, time_known, permalink,
                         post_type, caption, title, reach, views, impressions, likes, comments,
                         shares, saves, engagements, source, _score) in rows]
        except (TypeError, ValueError):
            for row in rows:
                if not _is_iso(parse, row[3]):
                    self._damaged("posts", f"{row[0]} {row[1]}", "published_at", row[3])
            raise

    def _refuse_damaged(self, sql: str, params: tuple, table: str, columns: Sequence[str],
                        negative: bool) -> None:
        """Counts read back must be what ``store`` writes (integers below 2⁶³; not negative
        unless ``negative``): one query finds a row edited by hand or damaged, which is an
        error naming the database, never a wrong total."""
        row = self.db.execute(sql, params).fetchone()
        if row is None:
            return
        for column, value in zip(columns, row[2:], strict=True):
            if value is not None and (type(value) is not int or abs(value) >= _MAX_COUNT
                                      or (value < 0 and not negative)):
                self._damaged(table, f"{row[0]} {row[1]}", column, value)

    def _damaged(self, table: str, key: str, column: str, value: object) -> None:
        shown = repr(value)
        if len(shown) > 40:
            shown = shown[:37] + "..."
        raise InputError(f"basis data riwayat rusak: tabel {table}, {key}, kolom "
                         f"{column} = {shown}; {REBUILD_HINT}", self.path)

    def daily_between(self, first: date, last: date) -> list[DailyValue]:
        """Stored daily values for days first..last (inclusive)."""
        params = (first.isoformat(), last.isoformat())
        cursor = self.db.execute(
            "SELECT platform, account, metric, day, value, source FROM daily "
            "WHERE day >= ? AND day <= ? ORDER BY platform, account, metric, day", params)
        rows = cursor.fetchall()
        # Daily values may be negative (Meta's net follower change): only the type is checked.
        self._refuse_damaged(
            "SELECT platform, metric || ' ' || day, value FROM daily WHERE day >= ? AND day <= ? "
            "AND typeof(value) NOT IN ('integer', 'null') LIMIT 1", params, "daily", ("value",),
            negative=True)
        parse = date.fromisoformat
        try:
            return [DailyValue(platform=r[0], metric=r[2], day=parse(r[3]), value=r[4],
                               account=r[1], source=r[5]) for r in rows]
        except (TypeError, ValueError):
            for r in rows:
                if not _is_iso(parse, r[3]):
                    self._damaged("daily", f"{r[0]} {r[2]}", "day", r[3])
            raise


    # -- comments, complaints and the findings of posted captions ---------------------------

    def store_comments(self, comments: Iterable[Comment],
                       labels: Mapping[str, tuple[str, str]] | None = None) -> int:
        """Store comments not yet kept, each with its class and sentiment (from ``labels``,
        text → (class, sentiment) as ``conversation.classify`` gives them, where it holds the
        text; else classified here); a reply time found in a later log is added. Returns how
        many comments were new."""
        rows = [(c.platform, c.post_ref, c.author, _stamp(c.time), c.text,
                 _stamp(c.replied_at) if c.replied_at else None, c.source) for c in comments]
        if not rows:
            return 0
        try:
            stored = self._stored_comments(rows)
            fresh = [r for r, known in zip(rows, stored, strict=True) if not known]
            known = labels or {}
            found: dict[str, tuple[str, str]] = {}
            for row in fresh:
                text = row[4]
                if text not in found:
                    pair = known.get(text)
                    if pair is None:
                        from medsos_cli.weekly.conversation import classify

                        understood = classify(text)
                        pair = (understood.cls, understood.sentiment)
                    found[text] = pair
            with self.db:
                self.db.executemany(
                    "INSERT INTO comments (platform, post_ref, author, time, text, replied_at, "
                    "class, sentiment, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(*r[:6], *found[r[4]], r[6]) for r in fresh])
                self.db.executemany(
                    "UPDATE comments SET replied_at = ? WHERE platform = ? AND post_ref = ? "
                    "AND author = ? AND time = ? AND text = ? AND replied_at IS NULL",
                    [(r[5], *r[:5]) for r, known in zip(rows, stored, strict=True)
                     if known == _UNANSWERED and r[5] is not None])
        except sqlite3.DatabaseError as exc:
            raise InputError(f"gagal menulis riwayat: {exc}", self.path) from None
        return len(fresh)

    def _stored_comments(self, rows: list[tuple]) -> bytearray:
        """For each row of ``store_comments``: 0 when it is not in the database yet,
        ``_ANSWERED`` when it is with its reply time, ``_UNANSWERED`` when it is without one
        (only those can get a reply time: a week stored again updates nothing).

        The stored comments are looked up a time range at a time (rows taken in time order,
        ``COMMENT_CHUNK`` at once): a province's week re-stored would otherwise bring 200,000
        stored comments, texts and all, into one set (~100 MB).
        """
        known = bytearray(len(rows))
        order = sorted(range(len(rows)), key=lambda i: rows[i][3])
        for begin in range(0, len(order), COMMENT_CHUNK):
            part = order[begin:begin + COMMENT_CHUNK]
            have = {r[:5]: _UNANSWERED if r[5] is None else _ANSWERED
                    for r in self.db.execute(
                        "SELECT platform, post_ref, author, time, text, replied_at FROM comments "
                        "WHERE time >= ? AND time <= ?", (rows[part[0]][3], rows[part[-1]][3]))}
            for i in part:
                known[i] = have.get(rows[i][:5], 0)
        return known

    def store_complaints(self, complaints: Iterable[Complaint]) -> None:
        """Store complaints; a later log's response, resolution and status are kept (a blank
        cell in a later log never erases a state already recorded)."""
        rows = [(_stamp(c.received_at), c.channel, c.text, c.category, c.forwarded_to,
                 _stamp(c.first_response_at) if c.first_response_at else None,
                 _stamp(c.resolved_at) if c.resolved_at else None, c.status, c.source)
                for c in complaints]
        try:
            with self.db:
                self.db.executemany(
                    "INSERT INTO complaints (received_at, channel, text, category, forwarded_to, "
                    "first_response_at, resolved_at, status, source) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (channel, text, received_at) DO UPDATE SET "
                    "category = CASE WHEN excluded.category != '' THEN excluded.category "
                    "ELSE complaints.category END, "
                    "forwarded_to = CASE WHEN excluded.forwarded_to != '' "
                    "THEN excluded.forwarded_to ELSE complaints.forwarded_to END, "
                    "first_response_at = COALESCE(excluded.first_response_at, "
                    "complaints.first_response_at), "
                    "resolved_at = COALESCE(excluded.resolved_at, complaints.resolved_at), "
                    "status = CASE WHEN excluded.status != '' THEN excluded.status "
                    "ELSE complaints.status END, source = excluded.source "
                    "WHERE excluded.category != complaints.category "
                    "OR excluded.forwarded_to != complaints.forwarded_to "
                    "OR excluded.first_response_at IS NOT complaints.first_response_at "
                    "OR excluded.resolved_at IS NOT complaints.resolved_at "
                    "OR excluded.status != complaints.status", rows)
        except sqlite3.DatabaseError as exc:
            raise InputError(f"gagal menulis riwayat: {exc}", self.path) from None

    def store_findings(self, posts: Iterable[Post], lint: LintSummary | None) -> None:
        """Keep the lint result of the week's posted captions (the report's ``lint`` part):
        one row per linted post, one per rule it broke. A post linted again replaces its
        earlier findings (a new rulebook may judge it differently)."""
        if not lint:
            return
        levels = {r.rule: r.level for r in lint.rules}
        broke = {(p.platform, p.id): p for p in lint.posts}
        books = ",".join(lint.rulebooks)
        checked = [(p.platform, p.post_id) for p in posts]
        try:
            with self.db:
                self.db.executemany("DELETE FROM findings WHERE platform = ? AND post_id = ?",
                                    checked)
                self.db.executemany(
                    "INSERT OR REPLACE INTO linted (platform, post_id, errors, warnings, "
                    "rulebooks) VALUES (?, ?, ?, ?, ?)",
                    [(*key, broke[key].errors if key in broke else 0,
                      broke[key].warnings if key in broke else 0, books) for key in checked])
                self.db.executemany(
                    "INSERT OR REPLACE INTO findings (platform, post_id, rule, level) "
                    "VALUES (?, ?, ?, ?)",
                    [(*key, rule, levels.get(rule, "")) for key, item in broke.items()
                     for rule in item.rules])
        except sqlite3.DatabaseError as exc:
            raise InputError(f"gagal menulis riwayat: {exc}", self.path) from None

    def store_week(self, comments: Iterable[Comment], complaints: Iterable[Complaint],
                   linted: Iterable[Post], lint: LintSummary | None,
                   labels: Mapping[str, tuple[str, str]] | None = None) -> None:
        """Everything a weekly report saw besides posts and daily values (stored first);
        ``labels`` as in :meth:`store_comments`."""
        self.store_comments(comments, labels)
        self.store_complaints(complaints)
        self.store_findings(linted, lint)

    def rows(self, table: str, columns: Sequence[str]) -> sqlite3.Cursor:
        """Every stored row of ``table`` (posts, daily, comments, complaints, linted,
        findings) with ``columns``, for the Parquet export."""
        if table not in _EXPORTABLE:
            raise ValueError(table)
        return self.db.execute(f"SELECT {', '.join(columns)} FROM {table}")

    # -- comment texts already understood ---------------------------------------------------

    def understood_lookup(self, fingerprint: str) -> dict[bytes, Remembered]:
        """The analysis of every comment text kept, by
        :func:`~medsos_cli.weekly.conversation.text_digest`, when it was made by the
        installation ``fingerprint`` (code, models and lexicons); else nothing."""
        try:
            if self._understood_by() != fingerprint:
                return {}
            return {r[0]: r[1:] for r in self.db.execute(
                "SELECT digest, class, sentiment, score, confidence, sentiment_confidence, "
                "uncertain, sentiment_uncertain, stream FROM understood")}
        except sqlite3.DatabaseError:
            return {}  # a damaged cache only means classifying again

    def understood_store(self, fingerprint: str,
                         rows: Iterable[tuple[bytes, Remembered]]) -> None:
        """Keep the analysis of new comment texts made by the installation ``fingerprint``;
        forget another installation's, and beyond :data:`UNDERSTOOD_KEPT` the oldest."""
        try:
            with self.db:
                if self._understood_by() != fingerprint:
                    self.db.execute("DELETE FROM understood")
                    self.db.execute("INSERT OR REPLACE INTO meta (key, value) "
                                    "VALUES ('understood_by', ?)", (fingerprint,))
                self.db.executemany(
                    "INSERT OR REPLACE INTO understood (digest, class, sentiment, score, "
                    "confidence, sentiment_confidence, uncertain, sentiment_uncertain, stream) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ((digest, *row) for digest, row in rows))
                self.db.execute(
                    "DELETE FROM understood WHERE rowid <= "
                    "(SELECT MAX(rowid) FROM understood) - ?", (UNDERSTOOD_KEPT,))
        except sqlite3.DatabaseError as exc:
            raise InputError(f"gagal menulis riwayat: {exc}", self.path) from None

    def _understood_by(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'understood_by'").fetchone()
        return row[0] if row else None

    # -- lint results -----------------------------------------------------------------------

    def lint_lookup(self, fingerprint: str) -> dict[LintKey, list[Brief]]:
        """Stored findings of every text linted under ``fingerprint``."""
        try:
            cursor = self.db.execute(
                "SELECT platform, kind, digest, findings FROM lint_cache WHERE fingerprint = ?",
                (fingerprint,))
            loads = json.loads
            return {(r[0], r[1], r[2]): [tuple(f) for f in loads(r[3])]  # type: ignore[misc]
                    for r in cursor}
        except (sqlite3.DatabaseError, ValueError, TypeError):
            return {}  # a damaged cache only means linting again

    def lint_store(self, fingerprint: str, found: dict[LintKey, list[Brief]]) -> None:
        """Remember findings under ``fingerprint``; forget the oldest fingerprints' results."""
        dumps = json.dumps
        rows = [(fingerprint, *key, dumps(briefs, ensure_ascii=False))
                for key, briefs in found.items()]
        try:
            with self.db:
                row = self.db.execute("SELECT COALESCE(MAX(used), 0) FROM lint_books").fetchone()
                self.db.execute("INSERT OR REPLACE INTO lint_books (fingerprint, used) "
                                "VALUES (?, ?)", (fingerprint, row[0] + 1))
                self.db.executemany(
                    "INSERT OR REPLACE INTO lint_cache (fingerprint, platform, kind, digest, "
                    "findings) VALUES (?, ?, ?, ?, ?)", rows)
                stale = [r[0] for r in self.db.execute(
                    "SELECT fingerprint FROM lint_books ORDER BY used DESC LIMIT -1 OFFSET ?",
                    (LINT_BOOKS_KEPT,))]
                for old in stale:
                    self.db.execute("DELETE FROM lint_cache WHERE fingerprint = ?", (old,))
                    self.db.execute("DELETE FROM lint_books WHERE fingerprint = ?", (old,))
        except sqlite3.DatabaseError as exc:
            raise InputError(f"gagal menulis riwayat: {exc}", self.path) from None


def merge_previous(current: Sequence[Post], stored: Iterable[Post]) -> list[Post]:
    """Stored posts the current exports do not contain (to fill the previous week)."""
    have = {(p.platform, p.post_id) for p in current}
    return [p for p in stored if (p.platform, p.post_id) not in have]
