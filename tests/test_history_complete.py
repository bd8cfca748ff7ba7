"""History schema 2: comments, complaints and findings kept; re-import idempotent; v1 upgraded
in place after a backup; the Parquet hand-over of what it holds."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone

import pytest

from medsos_cli.errors import InputError
from medsos_cli.exports.model import Comment, Complaint, DailyValue, Post
from medsos_cli.province.handover import export_history
from medsos_cli.registry import load_registry
from medsos_cli.weekly.history import SCHEMA_VERSION, History
from medsos_cli.weekly.model import LintPost, LintRule, LintSummary

UTC = timezone.utc
V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE posts (
    platform TEXT NOT NULL, post_id TEXT NOT NULL, account TEXT NOT NULL,
    published_at TEXT NOT NULL, time_known INTEGER NOT NULL, permalink TEXT, post_type TEXT,
    caption TEXT NOT NULL, title TEXT NOT NULL,
    reach INTEGER, views INTEGER, impressions INTEGER, likes INTEGER, comments INTEGER,
    shares INTEGER, saves INTEGER, engagements INTEGER,
    source TEXT NOT NULL, score INTEGER NOT NULL,
    PRIMARY KEY (platform, post_id)
);
CREATE TABLE daily (
    platform TEXT NOT NULL, account TEXT NOT NULL, metric TEXT NOT NULL, day TEXT NOT NULL,
    value INTEGER, source TEXT NOT NULL, PRIMARY KEY (platform, account, metric, day)
);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO posts VALUES ('instagram', '1', '@a', '2026-11-16T01:00:00', 1, NULL, 'foto',
    'Halo', '', 100, NULL, NULL, 10, 2, 1, 0, NULL, 'ig.csv', 113);
"""


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def comment(text: str, replied: datetime | None = None) -> Comment:
    return Comment("instagram", "1", "@warga", at(17, 3), text, replied_at=replied)


def test_v1_database_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "history.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(V1)
    db.close()
    with History(path) as history:
        assert history.migrated_from == 1
        assert [p.post_id for p in history.posts_between(at(15, 0), at(18, 0))] == ["1"]
        history.store_comments([comment("Terima kasih infonya")])
    backup = tmp_path / "history.sqlite3.v1.bak"
    assert backup.is_file()
    old = sqlite3.connect(backup)
    assert old.execute("SELECT value FROM meta").fetchone() == ("1",)
    assert "comments" not in {r[0] for r in old.execute(
        "SELECT name FROM sqlite_master WHERE type='table'")}
    old.close()
    new = sqlite3.connect(path)
    assert new.execute("SELECT value FROM meta").fetchone() == (str(SCHEMA_VERSION),)
    new.close()
    with History(path) as again:  # a current database is not backed up again
        assert again.migrated_from is None


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "h.sqlite3"
    with History(path):
        pass
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '99'")
    db.commit()
    db.close()
    with pytest.raises(InputError, match="versi 99"):
        History(path)


def test_comments_keep_class_sentiment_and_later_reply(tmp_path):
    with History(tmp_path / "h.sqlite3") as history:
        assert history.store_comments([comment("Jalan rusak parah, tolong diperbaiki")]) == 1
        assert history.store_comments([comment("Jalan rusak parah, tolong diperbaiki")]) == 0
        history.store_comments([comment("Jalan rusak parah, tolong diperbaiki", at(17, 5))])
        rows = history.db.execute("SELECT class, sentiment, replied_at FROM comments").fetchall()
    assert len(rows) == 1
    assert rows[0][1] == "negatif" and rows[0][2] == "2026-11-17T05:00:00"


@pytest.mark.parametrize("chunk", [1, 2, 3, 1000])
def test_comments_looked_up_a_time_range_at_a_time_store_the_same(tmp_path, monkeypatch, chunk):
    """Stored comments are looked up COMMENT_CHUNK at a time in time order; whatever the
    chunk, the same comments are new, the same replies added, in the order given."""
    from medsos_cli.weekly import history as module

    monkeypatch.setattr(module, "COMMENT_CHUNK", chunk)
    first = [Comment("x", "p", f"@w{i % 3}", at(16 + i % 4, 1 + i % 2), f"Komentar {i}")
             for i in range(9)]
    again = [Comment(c.platform, c.post_ref, c.author, c.time, c.text,
                     replied_at=at(22, 1) if i % 2 else None) for i, c in enumerate(first)]
    later = [Comment("x", "p", "@baru", at(15, 1 + i), f"Baru {i}") for i in range(4)]
    with History(tmp_path / "h.sqlite3") as history:
        assert history.store_comments(first[::2]) == 5
        assert history.store_comments(later + again) == 4 + 4  # four new, four stored before
        rows = history.db.execute(
            "SELECT author, time, text, replied_at FROM comments ORDER BY rowid").fetchall()
    texts = [r[2] for r in rows]
    assert texts == [c.text for c in first[::2]] + [c.text for c in later] + [
        c.text for c in first[1::2]]
    replied = {r[2] for r in rows if r[3] is not None}
    assert replied == {c.text for i, c in enumerate(first) if i % 2}


def test_complaint_state_is_never_lost(tmp_path):
    first = Complaint(at(16, 1), "DM", "Lampu padam", status="baru")
    answered = Complaint(at(16, 1), "DM", "Lampu padam", first_response_at=at(16, 3),
                         status="diproses")
    blank = Complaint(at(16, 1), "DM", "Lampu padam")  # an older log without the answer
    with History(tmp_path / "h.sqlite3") as history:
        history.store_complaints([first])
        history.store_complaints([answered])
        history.store_complaints([blank])
        rows = history.db.execute(
            "SELECT first_response_at, status FROM complaints").fetchall()
    assert rows == [("2026-11-16T03:00:00", "diproses")]


def test_findings_replace_earlier_lint_of_the_same_post(tmp_path):
    p = Post("instagram", "1", at(16, 1), account="@a", caption="x")
    lint = LintSummary(rulebooks=["default"], rules=[LintRule(rule="r1", level="warning")],
                       posts=[LintPost(platform="instagram", id="1", errors=0, warnings=1,
                                       rules=["r1"])])
    with History(tmp_path / "h.sqlite3") as history:
        history.store_findings([p], lint)
        assert history.db.execute("SELECT rule, level FROM findings").fetchall() == [
            ("r1", "warning")]
        history.store_findings([p], LintSummary(rulebooks=["default"]))
        assert history.db.execute("SELECT count(*) FROM findings").fetchone() == (0,)
        assert history.db.execute("SELECT errors, warnings FROM linted").fetchone() == (0, 0)


REGISTRY = """\
offices:
  - {id: kantor-a, name: Kantor A}
  - {id: kantor-b, name: Kantor B}
accounts:
  - {platform: instagram, handle: "@a", office: kantor-a}
  - {platform: x, handle: "@b", office: kantor-b}
"""


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "h.sqlite3"
    posts = [Post("instagram", "1", at(16, 1), account="@a", likes=10, comments=2, shares=1,
                  saves=0, reach=100, caption="Halo"),
             Post("x", "2", at(23, 1), account="@b", engagements=5, impressions=50),
             Post("x", "3", at(17, 1), account="@asing", engagements=1, impressions=10)]
    with History(path) as history:
        history.store(posts, [DailyValue("instagram", "follows", date(2026, 11, 16), 4,
                                         account="@a")])
        history.store_comments([comment("Terima kasih infonya")])
        history.store_complaints([Complaint(at(16, 20), "DM", "Sampah", status="baru")])
        history.store_findings(posts[:1], LintSummary(
            rulebooks=["default"], rules=[LintRule(rule="r1", level="error")],
            posts=[LintPost(platform="instagram", id="1", errors=1, warnings=0,
                            rules=["r1"])]))
    (tmp_path / "accounts.yaml").write_text(REGISTRY, encoding="utf-8")
    return path


def test_parquet_export_places_rows_by_office_and_local_week(filled, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "serah"
    result = export_history(filled, out, registry=load_registry(tmp_path / "accounts.yaml"),
                            office="kantor-a", office_name="Kantor A", tz="Asia/Jakarta")
    assert result.partitions == {("kantor-a", "2026-W47"), ("kantor-b", "2026-W48")}
    assert result.warnings == ["akun x “@asing” (1 baris) tidak ada di daftar akun; "
                               "dimasukkan ke kantor kantor-a"]
    posts = pq.read_table(out / "office=kantor-a" / "week=2026-W47" / "posts.parquet")
    assert posts.column("post_id").to_pylist() == ["1", "3"]
    # Instagram: (likes + comments + shares + saves) / reach, as in the weekly report
    assert posts.column("er_engagements").to_pylist() == [13, 1]
    assert posts.column("er_basis").to_pylist() == [100, 10]
    meta = posts.schema.metadata
    assert meta[b"medsos.schema"] == b"1" and meta[b"medsos.office_name"] == b"Kantor A"
    comments = pq.read_table(out / "office=kantor-a" / "week=2026-W47" / "comments.parquet")
    assert comments.column("account").to_pylist() == ["@a"]
    assert comments.column("sentiment").to_pylist() == ["positif"]
    findings = pq.read_table(out / "office=kantor-a" / "week=2026-W47" / "findings.parquet")
    assert findings.column("rule").to_pylist() == ["r1"]
    # 2026-11-23 01:00 UTC is Monday 08:00 WIB: week 48 of office B
    b = pq.read_table(out / "office=kantor-b" / "week=2026-W48" / "posts.parquet")
    assert b.column("day").to_pylist() == [date(2026, 11, 23)]
    with pytest.raises(InputError, match="--force"):
        export_history(filled, out, registry=None, office="kantor-a", office_name="",
                       tz="Asia/Jakarta")
    again = export_history(filled, out, registry=load_registry(tmp_path / "accounts.yaml"),
                           office="kantor-a", office_name="Kantor A", tz="Asia/Jakarta",
                           force=True)
    assert again.rows == result.rows


def test_export_then_rollup_round_trip(filled, tmp_path):
    from medsos_cli.province.rollup import compute
    from medsos_cli.weekly.week import parse_period

    out = tmp_path / "serah"
    export_history(filled, out, registry=load_registry(tmp_path / "accounts.yaml"),
                   office="kantor-a", office_name="Kantor A", tz="Asia/Jakarta")
    report = compute(out, parse_period("2026-W47", today=date(2026, 12, 1)), tz="Asia/Jakarta",
                     sla_hours=24, min_posts_week=2)
    card = report["offices"][0]
    assert (card["office"], card["posts"], card["findings"]) == ("kantor-a", 2, 1)
    assert card["engagement_rate"] == round(14 / 110, 6)
    # the complaint came 2026-11-17 03:00 WIB and was never answered: overdue at week's end
    assert card["complaints"]["overdue"] == 1
    assert [m["office"] for m in report["missing"]] == ["kantor-b"]


def test_missing_database_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="tidak ada"):
        export_history(tmp_path / "none.sqlite3", tmp_path / "o", registry=None, office="a",
                       office_name="", tz="Asia/Jakarta", period=None)


def test_period_limits_the_export(filled, tmp_path):
    from medsos_cli.weekly.week import parse_period

    result = export_history(filled, tmp_path / "o", registry=None, office="kantor-a",
                            office_name="", tz="Asia/Jakarta",
                            period=parse_period("2026-W48", today=date(2026, 12, 1)))
    assert result.partitions == {("kantor-a", "2026-W48")}
    assert result.rows["posts"] == 1 and result.rows["comments"] == 0


